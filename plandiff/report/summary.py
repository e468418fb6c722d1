"""The executive summary in sentences an analyst would write, with the numbers, in the comparison's words.

Each point is a (topic, sentence) pair: the sections that correspond, were added or dropped; the targets
raised and lowered (value → value); 预期性 ↔ 约束性 changes; new and dropped targets; new and dropped
terms; the most rewritten sections. Counts are the comparison's own summary counts in the frame of its
kind (``pipeline.frame_counts``: 保留 / 删除 / 新增, 落实 / 未体现 / 本级新增, 两地均有 / 仅甲地有 / 仅乙地有);
the sentences only name what was counted. Every format (PDF, HTML, workbook, Word, Markdown) shows the
same points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import ChangeType, Comparison, ComparisonKind, Relation, Shift, TextChange
from .targets import TargetRow
from .wording import Wording

_CJK = re.compile(r"[\u3400-\u9fff]")
# A sentence names at most this many targets, sections or terms, then says 等.
LIST_ITEMS = 5
TERM_ITEMS = 8
MOST_REWRITTEN = 3


@dataclass(frozen=True, slots=True)
class Point:
    """One point of the summary: what it is about and the sentence."""

    topic: str
    text: str


def _list(items: list[str], limit: int = LIST_ITEMS) -> str:
    shown = "、".join(items[:limit])
    return shown + ("等" if len(items) > limit else "")


def summary_points(comparison: Comparison, wording: Wording, targets: list[TargetRow]) -> list[Point]:
    """The summary of a comparison, point by point."""
    return [
        _sections_point(comparison, wording),
        *_target_points(comparison, targets, wording),
        *_added_removed_points(comparison, wording),
        *_term_points(comparison, wording),
        *_rewritten_point(comparison, wording),
    ]


def _sections_point(comparison: Comparison, wording: Wording) -> Point:
    count = comparison.summary.get
    kinds = "、".join(
        f"{word} {count(f'texts_{change}', 0)} 组"
        for change, word in wording.revisions.items()
        if count(f"texts_{change}", 0)
    )
    detail = f"（{kinds}）" if kinds else ""
    if wording.kind is ComparisonKind.HIERARCHY:
        implemented, missing = count("upper_implemented", 0), count("upper_not_reflected", 0)
        text = (
            f"上级 {implemented + missing} 个章节单元中，本级落实 {implemented} 个、未体现 {missing} 个；"
            f"本级新增 {count('local_added', 0)} 个；对应 {count('sections_paired', 0)} 组{detail}。"
        )
    elif wording.kind is ComparisonKind.PEER:
        text = (
            f"两地均有的章节 {count('sections_both', 0)} 组{detail}；{wording.only_old} "
            f"{count('sections_only_old', 0)} 个、{wording.only_new} {count('sections_only_new', 0)} 个章节单元。"
        )
    else:
        kept, deleted = count("sections_kept", 0), count("sections_deleted", 0)
        text = (
            f"修订前 {kept + deleted} 个章节单元中，保留 {kept} 个、删除 {deleted} 个；修订后新增 "
            f"{count('sections_new', 0)} 个；对应 {count('sections_paired', 0)} 组{detail}。"
        )
    return Point("章节", text)


def _matched(comparison: Comparison, change: TextChange) -> bool:
    pair = comparison.sections[change.pair_index]
    return pair.old is not None and pair.new is not None


def _target_item(row: TargetRow, wording: Wording) -> str:
    base, subject = row.base, row.subject
    assert base is not None and subject is not None
    a, b = base.quantity.shown, subject.quantity.shown
    value = row.value_words if row.delta is not None else ""  # a contrast of values repeats a and b
    detail = "，".join(w for w in (value, row.qualifier_words) if w)
    if wording.kind is ComparisonKind.VERSION:
        return f"{row.name}由{a}调整为{b}" + (f"（{detail}）" if detail else "")
    frame = wording.frame
    return f"{row.name}（{frame.base}{a}，{frame.subject}{b}" + (f"，{detail}" if detail else "") + "）"


def _target_points(comparison: Comparison, targets: list[TargetRow], wording: Wording) -> list[Point]:
    count = comparison.summary.get
    points = []
    for ambition in ("up", "down"):
        rows = [r for r in targets if r.paired and r.ambition == ambition]
        if rows:
            items = "；".join(_target_item(r, wording) for r in rows[:LIST_ITEMS])
            total = count(f"targets_{ambition}", 0)
            more = f"；另有 {total - LIST_ITEMS} 项" if total > LIST_ITEMS else ""
            word = wording.ambition[ambition]
            lead = f"{word}的目标" if wording.kind is ComparisonKind.PEER else f"目标{word}"
            points.append(Point("目标", f"{lead} {total} 项：{items}{more}。"))
    paired = [r for r in targets if r.paired]
    if not any(r.changed for r in paired):
        points.append(Point("目标", f"两侧共有的 {count('targets_paired', 0)} 项目标中没有提高或降低的。"))
    attributes = [r for r in paired if r.attribute_words]
    if attributes:
        items = "；".join(f"{r.name}{r.attribute_words}" for r in attributes[:LIST_ITEMS])
        points.append(Point("属性", f"指标属性变化 {len(attributes)} 项：{items}。"))
    elif any(r.attribute for r in paired):
        points.append(Point("属性", "两侧共有的指标没有在预期性与约束性之间改变。"))
    parts = []
    for key in wording.subject_first(("new", "dropped")):
        names = [r.name for r in targets if r.ambition == key and _named(r.name)]
        if count(f"targets_{key}", 0):
            named = f"（{_list(names)}）" if names else ""
            parts.append(f"{wording.ambition[key]}的指标 {count(f'targets_{key}', 0)} 项{named}")
    unclear = count("targets_not-comparable", 0)
    if unclear:
        parts.append(f"{unclear} 项两侧表述不同、数值不可直接比较")
    if parts:
        points.append(Point("指标", "；".join(parts) + "。"))
    return points


def _named(name: str) -> bool:
    """A target name worth citing: two CJK characters or more (not a placeholder of an unnamed row)."""
    return len(_CJK.findall(name)) >= 2 and not name.startswith("(")


def _added_removed_points(comparison: Comparison, wording: Wording) -> list[Point]:
    points = []
    for side, relation, word in wording.subject_first(
        (("new", Relation.ADDED, wording.only_new), ("old", Relation.REMOVED, wording.only_old))
    ):
        titles = [
            ref.title or ref.id
            for p in comparison.sections
            if p.relation is relation and (ref := getattr(p, side))
        ]
        total = comparison.summary.get(f"sections_{relation}", 0)
        if total:
            points.append(Point("章节", f"{word}的章节 {total} 个：{_list(titles)}。"))
    return points


def _term_points(comparison: Comparison, wording: Wording) -> list[Point]:
    parts = []
    rising = Shift.FALLING if wording.frame.reversed else Shift.RISING  # the subject side's more used terms
    for shift in (*wording.subject_first((Shift.NEW, Shift.DROPPED)), rising):
        terms = [t.term for t in comparison.terms if t.shift is shift]
        if terms:
            parts.append(f"{wording.shifts[shift]}的提法有{_list(terms, TERM_ITEMS)}")
    return [Point("提法", "；".join(parts) + "。")] if parts else []


def _rewritten_point(comparison: Comparison, wording: Wording) -> list[Point]:
    changed = [
        t for t in comparison.texts if t.change_type is ChangeType.MODIFIED and _matched(comparison, t)
    ]
    changed.sort(key=lambda t: -(t.inserted + t.deleted))
    items: list[str] = []
    seen: set[tuple[str, str]] = set()
    frame = wording.frame
    for change in changed:
        pair = comparison.sections[change.pair_index]
        # Named by the side measured (修订后, 本级, the second place), with what it added and left out.
        base, subject = (pair.new, pair.old) if frame.reversed else (pair.old, pair.new)
        added, left_out = (
            (change.deleted, change.inserted) if frame.reversed else (change.inserted, change.deleted)
        )
        assert base is not None and subject is not None
        if (subject.document, subject.id) in seen:  # a merged section is named once, by its largest pair
            continue
        seen.add((subject.document, subject.id))
        items.append(
            f"{subject.title or subject.id}（{frame.base}为{base.title or base.id}；"
            f"增加 {added} 字、删去 {left_out} 字）"
        )
        if len(items) == MOST_REWRITTEN:
            break
    if not items:
        return []
    topic = "改写最多" if wording.kind is ComparisonKind.VERSION else "差异最大"
    return [Point("改写", f"{topic}的章节：{'；'.join(items)}。")]
