"""Who the two sides of a comparison are, and the verbs a change between them is said with, per kind.

- version: 修订前 | 修订后; a change is a revision of the old side (提高 / 降低, 由…改为…);
- hierarchy: 上级 | 本级, on whichever side each was given (``align.upper_is_old``); a change is the 本级
  against the 上级 (本级高 / 本级低), so it reads from the 本级's point of view in either order;
- peer: the two places by name (甲地 | 乙地 when a side names none); a change is the second place against
  the first (上海市高 / 上海市低), since neither revises the other.
Target changes (``numbers.py``) and every report (``report/wording.py``) take side names and verbs from
here, so the JSON's words and a report's columns say the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import ComparisonKind, DocumentMeta


@dataclass(frozen=True, slots=True)
class Frame:
    """The sides of a comparison as its kind names them. ``reversed``: the change is measured from the
    new side to the old (a hierarchy whose 上级 was given as the new side)."""

    kind: ComparisonKind
    old: str
    new: str
    reversed: bool = False

    @property
    def base(self) -> str:
        """The side a change is measured from: 修订前, 上级, the first place."""
        return self.new if self.reversed else self.old

    @property
    def subject(self) -> str:
        """The side measured against the base: 修订后, 本级, the second place."""
        return self.old if self.reversed else self.new

    @property
    def revision(self) -> bool:
        """A version comparison: the new side revises the old one."""
        return self.kind is ComparisonKind.VERSION

    @property
    def higher(self) -> str:
        """The verb of a rise: 提高, 本级高, 上海市高."""
        return "提高" if self.revision else f"{self.subject}高"

    @property
    def lower(self) -> str:
        """The verb of a fall: 降低, 本级低, 上海市低."""
        return "降低" if self.revision else f"{self.subject}低"

    @property
    def same(self) -> str:
        """What a target that did not change is: 未变, 与上级一致, 两地相同."""
        return {
            ComparisonKind.VERSION: "未变",
            ComparisonKind.HIERARCHY: f"与{self.base}一致",
        }.get(self.kind, "两地相同")

    def contrast(self, before: str, after: str) -> str:
        """Two values set side by side: ``由X改为Y`` in a revision, ``上级X、本级Y`` otherwise."""
        return f"由{before}改为{after}" if self.revision else f"{self.base}{before}、{self.subject}{after}"

    def multiple(self, times: str) -> str:
        """A level risen to a multiple: ``提高到2倍``, ``上海市为北京市的2倍``."""
        return f"提高到{times}倍" if self.revision else f"{self.subject}为{self.base}的{times}倍"


VERSION_FRAME = Frame(ComparisonKind.VERSION, "修订前", "修订后")


def place_of(metas: Sequence[DocumentMeta], fallback: str) -> str:
    """The place a side is about (its documents' places joined), or ``fallback`` when none is known."""
    places = list(dict.fromkeys(m.place for m in metas if m.place))
    return "、".join(places) or fallback


def frame_for(
    kind: ComparisonKind,
    old: Sequence[DocumentMeta],
    new: Sequence[DocumentMeta],
    upper_is_old: bool = True,
) -> Frame:
    """The frame of a comparison of this kind between these sides (``upper_is_old`` for a hierarchy)."""
    if kind is ComparisonKind.HIERARCHY:
        if upper_is_old:
            return Frame(kind, "上级", "本级")
        return Frame(kind, "本级", "上级", reversed=True)
    if kind is ComparisonKind.PEER:
        a, b = place_of(old, "甲地"), place_of(new, "乙地")
        if a == b:
            a, b = f"{a}（甲）", f"{b}（乙）"
        return Frame(kind, a, b)
    return VERSION_FRAME
