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


def test_scale_classes_before_an_industry_are_soft_targets() -> None:
    sentence = "“2”是厚植两大主导产业，打造万亿级新一代信息技术和5000亿级高端装备产业。"
    found = prose_indicators(sentence, 1, CONTEXT)
    assert [(i.name, i.quantity.text, i.quantity.base_value, i.quantity.qualifier_text) for i in found] == [
        ("新一代信息技术产业", "万亿级", 1e12, ">="),
        ("高端装备产业", "5000亿级", 5e11, ">="),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "同步打造三个千亿级产业集群。",  # the count is the value
        "新增百亿级台企2家。",  # a size class of companies
        "力争招引更多50亿级、百亿级重大项目。",  # of projects
        "培育六个千亿元级战略性新兴产业。",
    ],
)
def test_scale_class_after_a_count_or_before_a_company_is_no_target(sentence: str) -> None:
    assert all("级" not in text for _, text in names(sentence))


def test_growth_rate_alone_takes_the_subject_of_the_clause_before() -> None:
    sentence = "到2030年，地区生产总值达到1.2万亿元左右，年均增长5%左右。"
    assert names(sentence) == [("地区生产总值", "1.2万亿元左右"), ("地区生产总值年均增长", "5%左右")]


def test_threshold_before_a_noun_stays_in_the_name() -> None:
    """``3岁以下`` says which children are counted: part of the name, not a target of its own."""
    assert names("每千人口拥有3岁以下婴幼儿托位数达到4.5个。") == [
        ("每千人口拥有3岁以下婴幼儿托位数", "4.5个")
    ]
    assert names("人均预期寿命达到84岁。") == [("人均预期寿命", "84岁")]


def test_task_set_by_the_province_is_a_text_target() -> None:
    assert names("单位地区生产总值能耗下降完成省下达目标任务。") == [
        ("单位地区生产总值能耗", "完成省下达目标任务")
    ]
