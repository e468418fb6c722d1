"""Indicator names as plans write them: synonyms, names that refer back, names after the value."""

from __future__ import annotations

import pytest

from plandiff.extract.prose import ProseContext, normalize_name, prose_indicators
from plandiff.model import IndicatorRole

CONTEXT = ProseContext(section=None, role=IndicatorRole.TARGET, period=15, start_year=2026, end_year=2030)


def names(sentence: str) -> list[tuple[str, str]]:
    return [(i.name, i.quantity.text) for i in prose_indicators(sentence, 1, CONTEXT)]


@pytest.mark.parametrize(
    "written",
    [
        "省考以上断面水质优比例",
        "国考断面水质优Ⅲ比例",
        "地表水达到或好于Ⅲ类水体比例",
        "地表水优良水体比例（%）",
    ],
)
def test_surface_water_names_are_one_indicator(written: str) -> None:
    assert normalize_name(written) == "地表水优良水体比例"


def test_bare_industry_word_refers_back_to_the_industry_named_before() -> None:
    sentence = (
        "推动高端装备制造产业主体由小而多向大而强转变，坚持整机同步发力，助推产业产值加快迈上4000亿元新台阶。"
    )
    assert names(sentence) == [("高端装备制造产业产值", "4000亿元")]


def test_measure_before_the_value_takes_the_name_after_it() -> None:
    sentence = "构筑覆盖智能芯片、智能终端等全产业链、规模超万亿的新一代信息技术产业。"
    assert names(sentence) == [("新一代信息技术产业规模", "超万亿")]


def test_specific_names_are_left_alone() -> None:
    assert names("到2030年，地区生产总值年均增长5%以上。") == [("地区生产总值年均增长", "5%以上")]
