"""Which kind of comparison two sides make: version, hierarchy or peer (``ComparisonKind``).

- a 建议 and a 纲要 of one place and period: hierarchy (the plan implements the recommendations);
- one place on both sides otherwise: version (Kunshan 14th -> 15th);
- a side whose manifest ``parent`` is a document of the other side, or a place whose full name holds the
  other's (苏州市吴江区 holds 苏州市): hierarchy;
- anything else: peers (two places, or two places of different periods).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ComparisonKind, DocumentKind, DocumentMeta

_PLAN_PAIR = {DocumentKind.RECOMMENDATIONS, DocumentKind.PLAN}


def infer_kind(old: Sequence[DocumentMeta], new: Sequence[DocumentMeta]) -> ComparisonKind:
    """The kind of comparison the two sides make, from their metadata."""
    old_places, new_places = _places(old), _places(new)
    same_place = bool(old_places) and old_places == new_places
    same_period = {m.period for m in old} == {m.period for m in new}
    kinds = {m.kind for m in old} | {m.kind for m in new}
    if same_place and same_period and kinds == _PLAN_PAIR:
        return ComparisonKind.HIERARCHY
    if same_place:
        return ComparisonKind.VERSION
    old_ids, new_ids = {m.id for m in old}, {m.id for m in new}
    if any(m.parent in old_ids for m in new) or any(m.parent in new_ids for m in old):
        return ComparisonKind.HIERARCHY
    if any(_contains(a, b) or _contains(b, a) for a in old_places for b in new_places):
        return ComparisonKind.HIERARCHY
    return ComparisonKind.PEER


def upper_is_old(old: Sequence[DocumentMeta], new: Sequence[DocumentMeta]) -> bool:
    """In a hierarchy comparison, whether the old side is the upper level (上级): the side holding the 建议,
    the parent document, or the place whose name the other's holds. Old by default (建议 → 纲要 order)."""
    new_kinds, old_kinds = {m.kind for m in new}, {m.kind for m in old}
    if DocumentKind.RECOMMENDATIONS in new_kinds and DocumentKind.RECOMMENDATIONS not in old_kinds:
        return False
    if DocumentKind.RECOMMENDATIONS in old_kinds and DocumentKind.RECOMMENDATIONS not in new_kinds:
        return True
    old_ids, new_ids = {m.id for m in old}, {m.id for m in new}
    if any(m.parent in new_ids for m in old):
        return False
    if any(m.parent in old_ids for m in new):
        return True
    return not any(_contains(a, b) for a in _places(old) for b in _places(new))


def _places(metas: Sequence[DocumentMeta]) -> set[str]:
    return {m.place for m in metas if m.place}


def _contains(outer: str, inner: str) -> bool:
    """苏州市吴江区 holds 苏州市: the longer name starts with the shorter, a place of its own."""
    return len(outer) > len(inner) and outer.startswith(inner)
