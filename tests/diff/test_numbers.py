"""Target changes: deltas in the unit's own terms, ranges as ranges, equal text targets, the change in words."""

from __future__ import annotations

from plandiff.diff.frame import frame_for
from plandiff.diff.numbers import indicator_change
from plandiff.extract.prose import normalize_name
from plandiff.extract.quantity import parse_quantity
from plandiff.model import (
    Ambition,
    ComparisonKind,
    Direction,
    DocumentKind,
    DocumentMeta,
    Indicator,
    IndicatorRole,
    Qualifier,
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


def _side(place: str, kind: DocumentKind = DocumentKind.PLAN) -> tuple[DocumentMeta]:
    return (DocumentMeta(place, f"{place}.txt", place, period=15, kind=kind),)


def test_a_peer_comparison_speaks_of_one_place_against_the_other() -> None:
    frame = frame_for(ComparisonKind.PEER, _side("北京市"), _side("上海市"))
    change = indicator_change(
        target("养老机构护理型床位占比", "73%"), target("养老机构护理型床位占比", "75%"), frame
    )
    assert change.ambition is Ambition.UP and change.words == "上海市高2个百分点"
    firms = indicator_change(target("高新技术企业数", "超4000家"), target("高新技术企业数", "8000家"), frame)
    assert firms.value_words == "上海市为北京市的2倍"
    assert firms.qualifier_words == "限定词北京市“超”、上海市“无”"
    text = indicator_change(
        target("居民收入增长", "与经济增长同步"), target("居民收入增长", "完成上级下达任务"), frame
    )
    assert text.value_words == "北京市“与经济增长同步”、上海市“完成上级下达任务”"


def test_a_hierarchy_reads_from_the_local_level_whichever_side_it_is_on() -> None:
    """苏州 (上级) asks 3%, 昆山 (本级) 2% and 力争: the 本级 is lower and softer in either order."""
    upper = target("研发经费投入增长", "3%", attribute="预期性")
    local = target("研发经费投入增长", "力争2%", attribute="约束性")
    upper_first = frame_for(
        ComparisonKind.HIERARCHY, _side("苏州市"), _side("苏州市昆山市"), upper_is_old=True
    )
    local_first = frame_for(
        ComparisonKind.HIERARCHY, _side("苏州市昆山市"), _side("苏州市"), upper_is_old=False
    )
    given_in_order = indicator_change(upper, local, upper_first)
    given_reversed = indicator_change(local, upper, local_first)
    assert given_in_order == given_reversed
    assert (given_in_order.delta, given_in_order.ambition) == (-1.0, Ambition.DOWN)
    assert given_in_order.value_words == "本级低1个百分点"
    assert given_in_order.qualifier_words == "限定词上级“无”、本级“力争”"
    assert given_in_order.attribute_words == "上级预期性、本级约束性"
    assert given_in_order.words == "本级低1个百分点；限定词上级“无”、本级“力争”；上级预期性、本级约束性"
    same = indicator_change(target("增速", "3%"), target("增速", "3%"), local_first)
    assert same.words == "与上级一致" and same.value_words == ""


def test_a_level_that_doubles_and_a_ratio_that_narrows_are_said_as_plans_say_them() -> None:
    doubled = indicator_change(target("高新技术企业数", "2000家"), target("高新技术企业数", "5000家"))
    assert doubled.value_words == "提高到2.5倍"
    grown = indicator_change(target("地区生产总值", "4000亿元"), target("地区生产总值", "5000亿元"))
    assert grown.value_words == "提高25%"
    peers = frame_for(ComparisonKind.PEER, _side("吴江区"), _side("昆山市"))
    firms = indicator_change(target("高新技术企业数", "1800家"), target("高新技术企业数", "4000家"), peers)
    assert firms.value_words == "昆山市为吴江区的2.2倍"
    scale = Quantity("5000亿级", 5000.0, "亿元", Qualifier.GE, base_value=5e11, base_unit="元")
    industry = indicator_change(target("高端装备产业", "4000亿元"), target("高端装备产业", scale))
    assert industry.words == "提高25%；增加“亿级”"
    narrower = indicator_change(target("城乡居民收入比", "1.75:1"), target("城乡居民收入比", "1.7:1"))
    assert narrower.value_words == "由1.75:1缩小到1.7:1" and narrower.ambition is Ambition.UP


def test_values_are_shown_with_their_unit() -> None:
    assert target("地区生产总值年均增速", "5以上", "%").quantity.shown == "5%以上"
    assert target("高新技术企业数", "4000左右", "家").quantity.shown == "4000家左右"
    assert target("城乡居民收入比", "1.75:1").quantity.shown == "1.75:1"
    scale = Quantity("5000亿级", 5000.0, "亿元", Qualifier.GE, base_value=5e11, base_unit="元")
    assert scale.shown == "5000亿级"  # the unit's magnitude is written: 亿元 is not put in again


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
