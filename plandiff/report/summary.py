"""The executive summary in sentences an analyst would write, with the numbers, in the comparison's words.

Each point is a (topic, sentence) pair: the sections that correspond, were added or dropped; the targets
raised and lowered (value → value); 预期性 ↔ 约束性 changes; new and dropped targets; new and dropped
terms; the most rewritten sections. Every format (PDF, HTML, workbook, Word, Markdown) shows the same
points.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import ChangeType, Comparison, ComparisonKind, Shift, TextChange
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
        *_target_points(targets, wording),
        *_added_removed_points(comparison, wording),
        *_term_points(comparison, wording),
        *_rewritten_point(comparison, wording),
    ]


def _sections_point(comparison: Comparison, wording: Wording) -> Point:
    pairs = comparison.sections
    units = {
        side: len({(ref.document, ref.id) for p in pairs if (ref := getattr(p, side)) is not None})
        for side in ("old", "new")
    }
    matched = [p for p in pairs if p.old and p.new]
    changes = Counter(t.change_type for t in comparison.texts if _matched(comparison, t))
    kinds = "、".join(
        f"{word} {changes[change]} 组" for change, word in wording.revisions.items() if changes[change]
    )
    added = sum(1 for p in pairs if p.new and not p.old)
    removed = sum(1 for p in pairs if p.old and not p.new)
    return Point(
        "章节",
        f"{wording.old}共 {units['old']} 个章节单元、{wording.new}共 {units['new']} 个；"
        f"{wording.both} {len(matched)} 组"
        + (f"（{kinds}）" if kinds else "")
        + f"，{wording.only_new} {added} 个，{wording.only_old} {removed} 个。",
    )


def _matched(comparison: Comparison, change: TextChange) -> bool:
    pair = comparison.sections[change.pair_index]
    return pair.old is not None and pair.new is not None


def _target_item(row: TargetRow, wording: Wording) -> str:
    assert row.old is not None and row.new is not None
    a, b = row.old.quantity.text, row.new.quantity.text
    detail = "，".join(w for w in (row.delta_words, row.qualifier_words) if w)
    if wording.kind is ComparisonKind.VERSION:
        return f"{row.name}由{a}调整为{b}" + (f"（{detail}）" if detail else "")
    return f"{row.name}（{wording.old}{a}，{wording.new}{b}" + (f"，{detail}" if detail else "") + "）"


def _target_points(targets: list[TargetRow], wording: Wording) -> list[Point]:
    points = []
    for ambition in ("up", "down"):
        rows = [r for r in targets if r.paired and r.ambition == ambition]
        if rows:
            items = "；".join(_target_item(r, wording) for r in rows[:LIST_ITEMS])
            more = f"；另有 {len(rows) - LIST_ITEMS} 项" if len(rows) > LIST_ITEMS else ""
            word = wording.ambition[ambition]
            lead = f"{word}的目标" if wording.kind is ComparisonKind.PEER else f"目标{word}"
            points.append(Point("目标", f"{lead} {len(rows)} 项：{items}{more}。"))
    paired = [r for r in targets if r.paired]
    if not any(r.changed for r in paired):
        points.append(Point("目标", f"两侧共有的 {len(paired)} 项目标中没有提高或降低的。"))
    attributes = [r for r in paired if r.attribute_change]
    if attributes:
        items = "；".join(f"{r.name}{r.attribute_change}" for r in attributes[:LIST_ITEMS])
        points.append(Point("属性", f"指标属性变化 {len(attributes)} 项：{items}。"))
    elif any(r.attribute for r in paired):
        points.append(Point("属性", "两侧共有的指标没有在预期性与约束性之间改变。"))
    new = [r.name for r in targets if r.ambition == "new"]
    dropped = [r.name for r in targets if r.ambition == "dropped"]
    unclear = sum(1 for r in paired if r.ambition == "not-comparable")
    parts = []
    if new:
        parts.append(
            f"{wording.ambition['new']}的指标 {len(new)} 项（{_list([n for n in new if _named(n)])}）"
        )
    if dropped:
        parts.append(
            f"{wording.ambition['dropped']}的指标 {len(dropped)} 项（{_list([n for n in dropped if _named(n)])}）"
        )
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
    for side, word in (("new", wording.only_new), ("old", wording.only_old)):
        other = "old" if side == "new" else "new"
        titles = [
            ref.title or ref.id
            for p in comparison.sections
            if (ref := getattr(p, side)) is not None and getattr(p, other) is None
        ]
        if titles:
            points.append(Point("章节", f"{word}的章节 {len(titles)} 个：{_list(titles)}。"))
    return points


def _term_points(comparison: Comparison, wording: Wording) -> list[Point]:
    parts = []
    for shift in (Shift.NEW, Shift.DROPPED, Shift.RISING):
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
    for change in changed:
        pair = comparison.sections[change.pair_index]
        assert pair.old is not None and pair.new is not None
        if (pair.new.document, pair.new.id) in seen:  # a merged section is named once, by its largest pair
            continue
        seen.add((pair.new.document, pair.new.id))
        items.append(
            f"{pair.new.title or pair.new.id}（{wording.old}为{pair.old.title or pair.old.id}；"
            f"增加 {change.inserted} 字、删去 {change.deleted} 字）"
        )
        if len(items) == MOST_REWRITTEN:
            break
    if not items:
        return []
    topic = "改写最多" if wording.kind is ComparisonKind.VERSION else "差异最大"
    return [Point("改写", f"{topic}的章节：{'；'.join(items)}。")]
