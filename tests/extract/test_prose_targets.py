"""Targets in prose as national and provincial plans write them (sentences written for these tests): a value
before its name, 分别 with one shared value, ranges, thresholds that define a name, compound units, durations,
text targets of 同步, and a PDF target's role from its place in the document."""

from __future__ import annotations

import pytest

from plandiff.extract import extract_indicators
from plandiff.extract.prose import ProseContext, prose_indicators
from plandiff.model import (
    CleanText,
    Document,
    DocumentMeta,
    IndicatorRole,
    Section,
    SectionKind,
    SourceFormat,
)

CONTEXT = ProseContext(section=None, role=IndicatorRole.TARGET, period=14, start_year=2021, end_year=2025)


def read(sentence: str) -> list[tuple]:
    return [
        (i.name, i.quantity.value, i.quantity.unit, i.quantity.qualifier_text)
        for i in prose_indicators(sentence, 1, CONTEXT)
    ]


def test_a_value_before_its_name_keeps_the_name() -> None:
    assert read("实施高标准农田建设工程，建成10.75亿亩集中连片高标准农田。") == [
        ("集中连片高标准农田", 10.75, "亿亩", "==")
    ]
    assert read("严守18亿亩耕地红线，遏制耕地非农化。") == [("耕地红线", 18, "亿亩", "==")]


def test_fenbie_with_one_value_gives_it_to_every_name() -> None:
    assert read("氮氧化物和挥发性有机物排放总量分别下降10%以上。") == [
        ("氮氧化物排放", 10, "%", ">="),
        ("挥发性有机物排放", 10, "%", ">="),
    ]
    assert read("城镇化率和研发投入强度分别达到65%、3%。") == [
        ("城镇化率", 65, "%", "=="),
        ("研发投入强度", 3, "%", "=="),
    ]


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        ("新增供应保障性租赁住房25—27万套。", 25, 27, "万套"),
        ("地区生产总值年均增长4.5%-5%。", 4.5, 5, "%"),
    ],
)
def test_a_range_is_one_quantity(sentence: str, low: float, high: float, unit: str) -> None:
    (found,) = prose_indicators(sentence, 1, CONTEXT)
    assert (found.quantity.low, found.quantity.high, found.quantity.value, found.quantity.unit) == (
        low,
        high,
        low,
        unit,
    )


def test_thresholds_that_define_a_name_are_not_targets() -> None:
    assert read("全面取消城区常住人口300万以下的城市落户限制。") == []
    assert read("全面放宽城区常住人口300万至500万的大城市落户条件。") == []
    # a measure of what follows is a target (规模超万亿的…产业), and so is a value after a year
    assert read("形成规模达8000亿元、2030年超万亿的电子信息产业集群。") == [
        ("形成规模", 8000, "亿元", "=="),
        ("电子信息产业集群规模", 10000, "亿元", ">"),
    ]


def test_compound_units_keep_their_denominator_and_durations_their_years() -> None:
    assert read("全员劳动生产率达到52万元/人以上。") == [("全员劳动生产率", 52, "万元/人", ">=")]
    assert read("每万人口高价值发明专利拥有量达到12件/万人。") == [
        ("每万人口高价值发明专利拥有量", 12, "件/万人", "==")
    ]
    assert read("劳动年龄人口平均受教育年限提高到11.3年。") == [
        ("劳动年龄人口平均受教育年限", 11.3, "年", "==")
    ]
    assert read("地级及以上城市PM2.5年均浓度下降10%。") == [("地级及以上城市PM2.5年均浓度", 10, "%", "==")]


def test_growing_in_step_is_a_text_target() -> None:
    found = prose_indicators(
        "坚持居民收入增长和经济增长基本同步、劳动报酬提高和劳动生产率提高基本同步。", 1, CONTEXT
    )
    assert [(i.name, i.quantity.text, i.quantity.value) for i in found] == [
        ("居民收入增长", "和经济增长基本同步", None),
        ("劳动报酬", "和劳动生产率提高基本同步", None),
    ]


def test_a_pdf_target_takes_its_role_from_its_place_not_its_line_number() -> None:
    """A PDF's lines restart on every page: a goal on the first lines of a page after the guiding ideology is
    a target, a result late on a page before it is achieved."""
    meta = DocumentMeta(id="p", path="p.pdf", period=14)
    sections = (
        Section(
            "c1",
            None,
            1,
            SectionKind.CHAPTER,
            "第一章",
            "发展环境",
            False,
            30,
            40,
            paragraphs=((38, "“十三五”时期，常住人口城镇化率达到60.6%。"),),
        ),
        Section(
            "c2",
            None,
            1,
            SectionKind.CHAPTER,
            "第二章",
            "指导思想",
            False,
            40,
            45,
            paragraphs=((41, "坚持马克思列宁主义。"),),
        ),
        Section(
            "c3",
            None,
            1,
            SectionKind.CHAPTER,
            "第三章",
            "主要目标",
            False,
            2,
            9,
            paragraphs=((3, "常住人口城镇化率提高到65%。"),),
        ),
    )
    document = Document(meta, CleanText("p.pdf", SourceFormat.PDF, None, ()), sections)
    assert [(i.quantity.value, i.role.value, i.year) for i in extract_indicators(document)] == [
        (60.6, "achieved", 2020),
        (65, "target", 2025),
    ]
