"""The words every report uses, one table per comparison kind (version, hierarchy, peer).

A version comparison speaks of 修订前 / 修订后 and 新增 / 删除 / 修改; a hierarchy of 上级 / 本级 and
落实 / 未体现 / 本级新增 (on whichever side the 上级 was given); peers of the two places by name (甲地 /
乙地 when a side has none) and 仅甲地有 / 仅乙地有 / 两地均有. Side names and the verbs of a change come
from the comparison's frame (``diff.frame``), as the target words in the comparison do; the counts a
report shows are the comparison's own summary counts of its kind (``count_rows``). HTML, PDF, workbook,
Word document and summary all take their words from here, so a hierarchy pack never says 删除 where it
means 未体现.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from ..diff.frame import Frame, frame_for
from ..model import ChangeType, Comparison, ComparisonKind, Relation, Shift

T = TypeVar("T")

KIND_NAMES = {
    ComparisonKind.VERSION: "版本对比",
    ComparisonKind.HIERARCHY: "上下级对比",
    ComparisonKind.PEER: "同级对比",
}


@dataclass(frozen=True, slots=True)
class Wording:
    """The words of one comparison kind. ``old``/``new`` name the sides; ``only_old``/``only_new``/``both``
    say where a section or target is found; ``count_rows`` label the comparison's summary counts."""

    frame: Frame
    kind_name: str
    only_old: str
    only_new: str
    both: str
    changes: dict[ChangeType, str]
    revisions: dict[ChangeType, str]  # how the text of a matched pair differs, for counts
    ambition: dict[str, str]
    shifts: dict[Shift, str]
    deleted_text: str
    inserted_text: str
    redline_title: str
    count_rows: tuple[tuple[str, str], ...]  # (label, summary key)

    @property
    def kind(self) -> ComparisonKind:
        """The comparison's kind."""
        return self.frame.kind

    @property
    def old(self) -> str:
        """What the old side is called: 修订前, 上级 (or 本级), the first place."""
        return self.frame.old

    @property
    def new(self) -> str:
        """What the new side is called."""
        return self.frame.new

    def subject_first(self, pair: tuple[T, T]) -> tuple[T, T]:
        """``pair`` is (what the new side alone has, what the old side alone has): swapped when the frame
        measures from the new side (a hierarchy whose 上级 is new), so the 本级's own always come first."""
        return (pair[1], pair[0]) if self.frame.reversed else pair

    def change(self, change: ChangeType) -> str:
        """The word for a pair's change type."""
        return self.changes[change]

    def relation(self, relation: Relation) -> str:
        """The word for how two aligned sections relate."""
        return {
            Relation.SAME: "对应",
            Relation.MOVED: "移位",
            Relation.SPLIT: "拆分",
            Relation.MERGED: "合并",
            Relation.ADDED: self.only_new,
            Relation.REMOVED: self.only_old,
        }[relation]


def upper_is_old(comparison: Comparison) -> bool:
    """Whether the old side of a hierarchy comparison is the 上级, as its summary records (old by default)."""
    return bool(comparison.summary.get("upper_is_old", 1))


def wording_for(comparison: Comparison) -> Wording:
    """The words of this comparison's kind (peers are named by their places)."""
    frame = frame_for(comparison.kind, comparison.old, comparison.new, upper_is_old(comparison))
    if frame.kind is ComparisonKind.HIERARCHY:
        return _hierarchy(frame)
    if frame.kind is ComparisonKind.PEER:
        return _peer(frame)
    return Wording(
        frame=frame,
        kind_name=KIND_NAMES[frame.kind],
        only_old="删除",
        only_new="新增",
        both="对应",
        changes={change: change.value for change in ChangeType},
        revisions=_revisions("修改", "仅文字变化", "未变"),
        ambition=_ambition("提高", "降低", "持平", "新增", "删除"),
        shifts={
            Shift.NEW: "新出现",
            Shift.DROPPED: "不再出现",
            Shift.RISING: "明显增多",
            Shift.FALLING: "明显减少",
        },
        deleted_text="删除的文字",
        inserted_text="新增的文字",
        redline_title="修订对照（修订前 | 修订后）",
        count_rows=(
            ("对应（组）", "sections_paired"),
            ("保留的章节", "sections_kept"),
            ("删除的章节", "sections_deleted"),
            ("新增的章节", "sections_new"),
            *_target_counts("目标", _ambition("提高", "降低", "持平", "", "")),
            ("新增的指标", "targets_new"),
            ("删除的指标", "targets_dropped"),
        ),
    )


def _hierarchy(frame: Frame) -> Wording:
    """上级 | 本级 words; a word about one side only goes to the side that level was given on."""

    def sides(upper: str, local: str) -> tuple[str, str]:
        """(old side's word, new side's word) from the words for what the 上级 and the 本级 alone have."""
        return (local, upper) if frame.reversed else (upper, local)

    only_old, only_new = sides("未体现", "本级新增")
    dropped_shift, new_shift = sides("本级未提", "本级新提")
    falling, rising = sides("上级更常用", "本级更常用")
    deleted_text, inserted_text = sides("上级有、本级未写的文字", "本级增加的文字")
    return Wording(
        frame=frame,
        kind_name=KIND_NAMES[frame.kind],
        only_old=only_old,
        only_new=only_new,
        both="落实",
        changes={
            ChangeType.MODIFIED: "落实",
            ChangeType.WORDING: "落实（文字调整）",
            ChangeType.UNCHANGED: "落实（原文）",
            ChangeType.ADDED: only_new,
            ChangeType.REMOVED: only_old,
        },
        revisions=_revisions("有调整", "文字调整", "原文"),
        ambition=_ambition("高于上级", "低于上级", "与上级一致", only_new, only_old),
        shifts={
            Shift.NEW: new_shift,
            Shift.DROPPED: dropped_shift,
            Shift.RISING: rising,
            Shift.FALLING: falling,
        },
        deleted_text=deleted_text,
        inserted_text=inserted_text,
        redline_title=f"上下级对照（{frame.old} | {frame.new}）",
        count_rows=(
            ("对应（组）", "sections_paired"),
            ("上级章节落实", "upper_implemented"),
            ("上级章节未体现", "upper_not_reflected"),
            ("本级新增章节", "local_added"),
            *_target_counts("目标", _ambition("高于上级", "低于上级", "与上级一致", "", "")),
            ("上级目标落实", "upper_targets_implemented"),
            ("上级目标未体现", "upper_targets_not_reflected"),
            ("本级新增目标", "local_targets_added"),
        ),
    )


def _peer(frame: Frame) -> Wording:
    a, b = frame.old, frame.new
    return Wording(
        frame=frame,
        kind_name=KIND_NAMES[frame.kind],
        only_old=f"仅{a}有",
        only_new=f"仅{b}有",
        both="两地均有",
        changes={
            ChangeType.MODIFIED: "两地均有",
            ChangeType.WORDING: "两地均有（文字差异）",
            ChangeType.UNCHANGED: "两地均有（文字相同）",
            ChangeType.ADDED: f"仅{b}有",
            ChangeType.REMOVED: f"仅{a}有",
        },
        revisions=_revisions("表述不同", "仅文字差异", "文字相同"),
        ambition=_ambition(f"{b}更高", f"{a}更高", "两地相同", f"仅{b}有", f"仅{a}有"),
        shifts={
            Shift.NEW: f"仅{b}使用",
            Shift.DROPPED: f"仅{a}使用",
            Shift.RISING: f"{b}更常用",
            Shift.FALLING: f"{a}更常用",
        },
        deleted_text=f"仅{a}的表述",
        inserted_text=f"仅{b}的表述",
        redline_title=f"两地对照（{a} | {b}）",
        count_rows=(
            ("两地均有（组）", "sections_both"),
            (f"仅{a}有的章节", "sections_only_old"),
            (f"仅{b}有的章节", "sections_only_new"),
            (f"{b}更高的目标", "targets_new_higher"),
            (f"{a}更高的目标", "targets_old_higher"),
            ("两地相同的目标", "targets_same"),
            ("不可比的目标", "targets_not-comparable"),
            ("两地均有的指标", "targets_both"),
            (f"仅{a}有的指标", "targets_only_old"),
            (f"仅{b}有的指标", "targets_only_new"),
        ),
    )


def _target_counts(lead: str, ambition: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Rows for the paired targets by ambition (``targets_up`` …), ``lead`` before each word."""
    return tuple(
        (f"{lead}{ambition[key]}", f"targets_{key}") for key in ("up", "down", "same", "not-comparable")
    )


def _revisions(modified: str, wording: str, unchanged: str) -> dict[ChangeType, str]:
    return {ChangeType.MODIFIED: modified, ChangeType.WORDING: wording, ChangeType.UNCHANGED: unchanged}


def _ambition(up: str, down: str, same: str, new: str, dropped: str) -> dict[str, str]:
    return {"up": up, "down": down, "same": same, "not-comparable": "不可比", "new": new, "dropped": dropped}
