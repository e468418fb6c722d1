"""The words every report uses, one table per comparison kind (version, hierarchy, peer).

A version comparison speaks of 修订前 / 修订后 and 新增 / 删除 / 修改; a hierarchy of 上级 / 本级 and
落实 / 未体现 / 本级新增; peers of the two places by name (甲地 / 乙地 when a side has none) and
仅甲地有 / 仅乙地有 / 两地均有. HTML, PDF, workbook, Word document and summary all take their words
from here, so a hierarchy pack never says 删除 where it means 未体现.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import ChangeType, Comparison, ComparisonKind, DocumentMeta, Relation, Shift

KIND_NAMES = {
    ComparisonKind.VERSION: "版本对比",
    ComparisonKind.HIERARCHY: "上下级对比",
    ComparisonKind.PEER: "同级对比",
}


@dataclass(frozen=True, slots=True)
class Wording:
    """The words of one comparison kind. ``old``/``new`` name the sides; ``only_old``/``only_new``/``both``
    say where a section or target is found; ``higher``/``lower`` open a delta (提高 / 本级高 / 上海市高)."""

    kind: ComparisonKind
    kind_name: str
    old: str
    new: str
    only_old: str
    only_new: str
    both: str
    changes: dict[ChangeType, str]
    revisions: dict[ChangeType, str]  # how the text of a matched pair differs, for counts
    ambition: dict[str, str]
    higher: str
    lower: str
    shifts: dict[Shift, str]
    deleted_text: str
    inserted_text: str
    redline_title: str

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


def place_of(metas: tuple[DocumentMeta, ...], fallback: str) -> str:
    """The place a side is about (its documents' places joined), or ``fallback`` when none is known."""
    places = list(dict.fromkeys(m.place for m in metas if m.place))
    return "、".join(places) or fallback


def wording_for(comparison: Comparison) -> Wording:
    """The words of this comparison's kind (peers are named by their places)."""
    if comparison.kind is ComparisonKind.HIERARCHY:
        return Wording(
            kind=comparison.kind,
            kind_name=KIND_NAMES[comparison.kind],
            old="上级",
            new="本级",
            only_old="未体现",
            only_new="本级新增",
            both="落实",
            changes={
                ChangeType.MODIFIED: "落实",
                ChangeType.WORDING: "落实（文字调整）",
                ChangeType.UNCHANGED: "落实（原文）",
                ChangeType.ADDED: "本级新增",
                ChangeType.REMOVED: "未体现",
            },
            revisions=_revisions("有调整", "文字调整", "原文"),
            ambition=_ambition("高于上级", "低于上级", "与上级一致", "本级新增", "未体现"),
            higher="本级高",
            lower="本级低",
            shifts={
                Shift.NEW: "本级新提",
                Shift.DROPPED: "本级未提",
                Shift.RISING: "本级更常用",
                Shift.FALLING: "上级更常用",
            },
            deleted_text="上级有、本级未写的文字",
            inserted_text="本级增加的文字",
            redline_title="上下级对照（上级 | 本级）",
        )
    if comparison.kind is ComparisonKind.PEER:
        a, b = place_of(comparison.old, "甲地"), place_of(comparison.new, "乙地")
        if a == b:
            a, b = f"{a}（甲）", f"{b}（乙）"
        return Wording(
            kind=comparison.kind,
            kind_name=KIND_NAMES[comparison.kind],
            old=a,
            new=b,
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
            higher=f"{b}高",
            lower=f"{b}低",
            shifts={
                Shift.NEW: f"仅{b}使用",
                Shift.DROPPED: f"仅{a}使用",
                Shift.RISING: f"{b}更常用",
                Shift.FALLING: f"{a}更常用",
            },
            deleted_text=f"仅{a}的表述",
            inserted_text=f"仅{b}的表述",
            redline_title=f"两地对照（{a} | {b}）",
        )
    return Wording(
        kind=comparison.kind,
        kind_name=KIND_NAMES[comparison.kind],
        old="修订前",
        new="修订后",
        only_old="删除",
        only_new="新增",
        both="对应",
        changes={change: change.value for change in ChangeType},
        revisions=_revisions("修改", "仅文字变化", "未变"),
        ambition=_ambition("提高", "降低", "持平", "新增", "删除"),
        higher="提高",
        lower="降低",
        shifts={
            Shift.NEW: "新出现",
            Shift.DROPPED: "不再出现",
            Shift.RISING: "明显增多",
            Shift.FALLING: "明显减少",
        },
        deleted_text="删除的文字",
        inserted_text="新增的文字",
        redline_title="修订对照（修订前 | 修订后）",
    )


def _revisions(modified: str, wording: str, unchanged: str) -> dict[ChangeType, str]:
    return {ChangeType.MODIFIED: modified, ChangeType.WORDING: wording, ChangeType.UNCHANGED: unchanged}


def _ambition(up: str, down: str, same: str, new: str, dropped: str) -> dict[str, str]:
    return {"up": up, "down": down, "same": same, "not-comparable": "不可比", "new": new, "dropped": dropped}
