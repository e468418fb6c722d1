"""Target changes: deltas in the unit's own terms, ranges as ranges, equal text targets, the change in words."""

from __future__ import annotations

from plandiff.diff.numbers import indicator_change
from plandiff.extract.prose import normalize_name
from plandiff.extract.quantity import parse_quantity
from plandiff.model import (
    Ambition,
    ComparisonKind,
    Direction,
    Indicator,
    IndicatorRole,
    Quantity,
    QuantityKind,
)


def target(name: str, value: str | Quantity, unit: str = "", attribute: str | None = None) -> Indicator:
    quantity = value if isinstance(value, Quantity) else parse_quantity(value, unit=unit)
    assert quantity is not None
    return Indicator(name, normalize_name(name), quantity, 2030, IndicatorRole.TARGET, attribute, None, 1)


def test_a_rate_moves_in_percentage_points_and_says_so() -> None:
    change = indicator_change(
        target("地区生产总值年均增长", "6%以上"), target("地区生产总值年均增速", "5以上", "%")
    )
    assert (change.delta, change.delta_unit, change.ambition) == (-1.0, "百分点", Ambition.DOWN)
    assert change.words == "降低1个百分点"


def test_a_weaker_qualifier_at_the_same_value_is_named_in_the_source_words() -> None:
    change = indicator_change(
        target("高新技术企业数", "超4000家"), target("高新技术企业数", "4000左右", "家")
    )
    assert change.direction is Direction.SAME and change.ambition is Ambition.DOWN
    assert change.words == "由“超”改为“左右”"


def test_text_targets_worded_with_he_or_yu_are_equal() -> None:
    old = target("居民收入增长", "与经济增长同步")
    new = target("居民收入增长", "和经济增长同步")
    change = indicator_change(old, new)
    assert change.direction is Direction.SAME and change.words == "未变"
    other = indicator_change(old, target("居民收入增长", "完成上级下达任务"))
    assert (
        other.direction is Direction.NOT_COMPARABLE
        and other.words == "由“与经济增长同步”改为“完成上级下达任务”"
    )


def test_ranges_compare_bound_by_bound() -> None:
    written = Quantity("4.5%-5%", 4.5, "%", None, kind=QuantityKind.SHARE, base_value=4.5, base_unit="%")
    bounded = Quantity(
        "4.5%—5%", 4.5, "%", None, kind=QuantityKind.SHARE, low=4.5, high=5.0, base_value=4.5, base_unit="%"
    )
    assert indicator_change(target("增速", written), target("增速", bounded)).direction is Direction.SAME
    up = indicator_change(target("增速", written), target("增速", "5%"))
    assert up.direction is Direction.HIGHER and up.delta is None  # only the lower bound rose
    wider = Quantity("4%-6%", 4.0, "%", None, kind=QuantityKind.SHARE, base_value=4.0, base_unit="%")
    assert (
        indicator_change(target("增速", written), target("增速", wider)).direction is Direction.NOT_COMPARABLE
    )


def test_lower_is_better_and_attribute_changes_are_worded() -> None:
    change = indicator_change(
        target("单位地区生产总值能耗降低", "3%", attribute="预期性"),
        target("单位地区生产总值能耗降低", "2%", attribute="约束性"),
    )
    assert change.words == "降低1个百分点；由预期性改为约束性"


def test_a_peer_comparison_speaks_of_one_place_against_the_other() -> None:
    change = indicator_change(
        target("养老机构护理型床位占比", "73%"), target("养老机构护理型床位占比", "75%"), ComparisonKind.PEER
    )
    assert change.ambition is Ambition.UP and change.words == "高2个百分点"


def test_values_are_shown_with_their_unit() -> None:
    assert target("地区生产总值年均增速", "5以上", "%").quantity.shown == "5%以上"
    assert target("高新技术企业数", "4000左右", "家").quantity.shown == "4000家左右"
    assert target("城乡居民收入比", "1.75:1").quantity.shown == "1.75:1"


def test_a_clause_after_the_value_is_not_a_qualifier() -> None:
    written = Quantity(
        "4.5-5%,努力争取更好结果",
        4.5,
        "%",
        None,
        kind=QuantityKind.SHARE,
        low=4.5,
        high=5.0,
        base_value=4.5,
        base_unit="%",
    )
    change = indicator_change(
        target("地区生产总值年均增速", written), target("地区生产总值年均增速", "5%左右")
    )
    assert change.direction is Direction.HIGHER and change.words == "由4.5-5%改为5%左右；增加“左右”"
