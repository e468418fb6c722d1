"""Summary counts in the frame of each comparison kind: 新增/删除, 落实/未体现/本级新增, 仅甲地有/仅乙地有/两地均有."""

from __future__ import annotations

from plandiff.model import (
    Ambition,
    ComparisonKind,
    Direction,
    Indicator,
    IndicatorChange,
    IndicatorPair,
    IndicatorRole,
    Quantity,
    Relation,
    SectionPair,
    SectionRef,
)
from plandiff.pipeline import frame_counts


def _ref(document: str, n: int) -> SectionRef:
    return SectionRef(document, f"s{n}", f"第{n}节", n, n)


# Two upper units (one implemented by two local units, one not reflected), three local units (one new).
PAIRS = [
    SectionPair(_ref("a", 1), _ref("b", 1), 0.5, Relation.SPLIT),
    SectionPair(_ref("a", 1), _ref("b", 2), 0.4, Relation.SPLIT),
    SectionPair(_ref("a", 2), None, 0.0, Relation.REMOVED),
    SectionPair(None, _ref("b", 3), 0.0, Relation.ADDED),
]
_INDICATOR = Indicator(
    "增速", "增长", Quantity("5%", 5.0, "%", None), 2030, IndicatorRole.TARGET, None, None, 1
)
_UP = IndicatorChange(1.0, "百分点", Direction.HIGHER, Ambition.UP)
TARGETS = [
    IndicatorPair(_INDICATOR, _INDICATOR, "a", "b", 1.0, _UP),
    IndicatorPair(_INDICATOR, None, "a", None, 0.0, None),
    IndicatorPair(None, _INDICATOR, None, "b", 0.0, None),
    IndicatorPair(None, _INDICATOR, None, "b", 0.0, None),
]


def test_hierarchy_counts_follow_the_upper_side_wherever_it_is() -> None:
    upper_old = frame_counts(PAIRS, TARGETS, ComparisonKind.HIERARCHY, upper_old=True)
    assert (upper_old["upper_implemented"], upper_old["upper_not_reflected"], upper_old["local_added"]) == (
        1,
        1,
        1,
    )
    assert (upper_old["upper_targets_not_reflected"], upper_old["local_targets_added"]) == (1, 2)
    upper_new = frame_counts(PAIRS, TARGETS, ComparisonKind.HIERARCHY, upper_old=False)
    assert (upper_new["upper_implemented"], upper_new["upper_not_reflected"], upper_new["local_added"]) == (
        2,
        1,
        1,
    )
    assert (upper_new["upper_targets_not_reflected"], upper_new["local_targets_added"]) == (2, 1)


def test_peer_counts_say_which_place_has_what() -> None:
    counts = frame_counts(PAIRS, TARGETS, ComparisonKind.PEER, upper_old=True)
    assert (counts["sections_only_old"], counts["sections_only_new"], counts["sections_both"]) == (1, 1, 2)
    assert (counts["targets_only_old"], counts["targets_only_new"], counts["targets_new_higher"]) == (1, 2, 1)


def test_version_counts_kept_deleted_and_new_units() -> None:
    counts = frame_counts(PAIRS, TARGETS, ComparisonKind.VERSION, upper_old=True)
    assert (counts["sections_kept"], counts["sections_deleted"], counts["sections_new"]) == (1, 1, 1)
