"""Indicators from indicator tables written for these tests: column roles from the headings' meaning and the
plan period, units, attributes, and the cell forms real tables use (ranges, cumulative and estimate marks,
text targets, slash pairs, values inside words, dashes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plandiff.extract import extract_indicators
from plandiff.extract.table_rows import table_indicators
from plandiff.model import DocumentMeta, Indicator, Table
from plandiff.pipeline import load_document

P14 = (2021, 2025)
P15 = (2026, 2030)


def rows_of(header: tuple[str, ...], rows: list[tuple[str, ...]], period=P15) -> list[Indicator]:
    table = Table("t1", "", header, tuple(rows), line=1, end_line=len(rows) + 1)
    return table_indicators(table, None, *period)


def summary(indicators: list[Indicator]) -> list[tuple]:
    return [
        (
            i.name,
            i.role.value,
            i.year,
            i.quantity.value,
            i.quantity.unit,
            i.quantity.qualifier_text,
            i.attribute,
        )
        for i in indicators
    ]


def test_a_2025_column_is_a_base_year_in_a_15th_plan_and_a_target_in_a_14th() -> None:
    header = ("序号", "指标", "2025年", "属性")
    row = [("1", "常住人口城镇化率（%）", "88", "预期性")]
    assert summary(rows_of(header, row, P15)) == [
        ("常住人口城镇化率", "achieved", 2025, 88, "%", "==", "预期性")
    ]
    assert summary(rows_of(header, row, P14)) == [
        ("常住人口城镇化率", "target", 2025, 88, "%", "==", "预期性")
    ]


def test_heading_words_decide_before_the_year() -> None:
    header = ("指标", "单位", "2025年完成值", "2030年目标值", "“十五五”目标 年均［累计］", "属性")
    row = [("研发经费支出占比", "%", "3.4", "4.0左右", "—", "预期性")]
    assert summary(rows_of(header, row)) == [
        ("研发经费支出占比", "achieved", 2025, 3.4, "%", "==", "预期性"),
        ("研发经费支出占比", "target", 2030, 4.0, "%", "~", "预期性"),
    ]
    annual = rows_of(header, [("城镇调查失业率", "%", "—", "—", "< 5.0", "预期性")])
    assert summary(annual) == [("城镇调查失业率", "target", 2030, 5.0, "%", "<", "预期性")]


def test_without_a_period_the_latest_year_is_the_target() -> None:
    header = ("指标", "2020年", "2025年")
    found = rows_of(header, [("森林覆盖率（%）", "23.2", "24.1")], period=(None, None))
    assert [(i.role.value, i.year) for i in found] == [("achieved", 2020), ("target", 2025)]


def test_units_from_the_unit_column_or_the_name_bracket() -> None:
    header = ("指标", "单位", "2030年")
    found = rows_of(
        header,
        [
            ("金融市场交易总额", "万亿元", "＞4500"),
            ("城乡居民收入比值", "—", "1.9"),
            ("新增保障性租赁住房", "万套（间）", "12"),
            ("单位生产总值生产安全事故死亡率", "人/ 亿元", "< 0.006"),
        ],
    )
    assert [(i.quantity.value, i.quantity.unit) for i in found] == [
        (45000000, "亿元"),
        (1.9, ""),
        (12, "万套"),
        (0.006, "人/亿元"),
    ]
    bracket = rows_of(
        ("指标", "2030年"), [("全员劳动生产率（万元/人）", "52"), ("森林覆盖率（含湿地）", "45")]
    )
    assert [(i.name, i.quantity.unit) for i in bracket] == [
        ("全员劳动生产率", "万元/人"),
        ("森林覆盖率（含湿地）", ""),
    ]


@pytest.mark.parametrize(
    ("cell", "value", "low", "high", "qualifier", "year"),
    [
        ("4.5-5,努力争取更好结果", 4.5, 4.5, 5, "", 2030),
        ("［25—27］", 25, 25, 27, "", 2030),
        ("【350左右】", 350, None, None, "~", 2030),
        (">46.5∗", 46.5, None, None, ">", 2030),
        ("“十五五”年均增长5.0左右", 5.0, None, None, "~", 2030),
        ("力争达到5%左右", 5, None, None, "~ aim", 2030),
        ("2026-2029年累计降低8.2", 8.2, None, None, "==", 2029),
    ],
)
def test_cell_forms(cell, value, low, high, qualifier, year) -> None:
    (found,) = rows_of(("指标", "2030年目标"), [("地区生产总值年均增速（%）", cell)])
    quantity = found.quantity
    assert (quantity.value, quantity.low, quantity.high) == (value, low, high)
    assert (quantity.qualifier_text, found.year, quantity.text, quantity.unit) == (qualifier, year, cell, "%")


def test_text_cells_and_dashes() -> None:
    found = rows_of(
        ("指标", "2025年", "2030年目标"),
        [
            ("居民人均可支配收入增长（%）", "—", "与经济增长同步"),
            ("二氧化碳排放降低（%）", "-", "［完成国家审核衔接后确定的目标］"),
        ],
    )
    assert [(i.quantity.kind.value, i.quantity.value, i.quantity.text) for i in found] == [
        ("text-only", None, "与经济增长同步"),
        ("text-only", None, "［完成国家审核衔接后确定的目标］"),
    ]


def test_slash_pairs_split_into_two_indicators() -> None:
    found = rows_of(
        ("指标", "单位", "2025年", "2030年"),
        [
            ("13. 机场旅客/货邮吞吐量", "万人次/万吨", "8358/244", "11000/350"),
            ("港口货物/集装箱吞吐量", "亿吨/万标箱", "6.99/2805", "7.4/3100"),
        ],
    )
    assert [(i.name, i.role.value, i.quantity.value, i.quantity.unit) for i in found] == [
        ("机场旅客吞吐量", "achieved", 8358, "万人次"),
        ("机场货邮吞吐量", "achieved", 244, "万吨"),
        ("机场旅客吞吐量", "target", 11000, "万人次"),
        ("机场货邮吞吐量", "target", 350, "万吨"),
        ("港口货物吞吐量", "achieved", 6.99, "亿吨"),
        ("集装箱吞吐量", "achieved", 2805, "万标箱"),
        ("港口货物吞吐量", "target", 7.4, "亿吨"),
        ("集装箱吞吐量", "target", 3100, "万标箱"),
    ]


def test_serials_categories_sub_rows_and_attributes() -> None:
    header = ("类别", "指标", "指标", "单位", "2030年", "属性")
    found = rows_of(
        header,
        [
            ("民生福祉（3项）", "", "", "", "", ""),
            ("民生福祉（3项）", "26. 3岁以下婴幼儿入托率", "", "%", "20", "预期性"),
            ("民生福祉（3项）", "24. 每千人口拥有医护人员数", "执业（助理）医师数", "人", "4.50", "约束性"),
            ("民生福祉（3项）", "24. 每千人口拥有医护人员数", "注册护士数*", "人", "5.30", "约束性"),
        ],
    )
    assert summary(found) == [
        ("3岁以下婴幼儿入托率", "target", 2030, 20, "%", "==", "预期性"),
        ("执业（助理）医师数", "target", 2030, 4.5, "人", "==", "约束性"),
        ("注册护士数", "target", 2030, 5.3, "人", "==", "约束性"),
    ]


def test_table_without_meaningful_headings_falls_back_on_content() -> None:
    found = rows_of(
        ("1", "地区生产总值（亿元）", "5000以上"),
        [("2", "森林覆盖率（%）", "30"), ("3", "人均预期寿命（岁）", "80")],
    )
    assert [(i.name, i.quantity.value) for i in found] == [("森林覆盖率", 30), ("人均预期寿命", 80)]


def test_table_rows_come_first_and_prose_after_a_table_is_read(tmp_path: Path) -> None:
    text = (
        "第一章 发展目标\n到2030年，地区生产总值达到1.2万亿元。\n表1 主要指标\n"
        "序号 指标 2025年 2030年目标 属性\n1 森林覆盖率(%) 23.2 24.1 约束性\n"
        "2 城镇调查失业率(%) 4.1 <5 预期性\n注：带∗为预计数。\n人均预期寿命达到82岁，居民收入增长和经济增长同步。\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    found = extract_indicators(load_document(DocumentMeta(id="p", path=str(path), period=15)))
    assert [(i.source, i.name, i.quantity.value) for i in found] == [
        ("table", "森林覆盖率", 23.2),
        ("table", "森林覆盖率", 24.1),
        ("table", "城镇调查失业率", 4.1),
        ("table", "城镇调查失业率", 5),
        ("prose", "地区生产总值", 12000),
        ("prose", "人均预期寿命", 82),
        ("prose", "居民收入增长", None),
    ]


def test_a_growth_column_holds_the_growth_rate_of_a_level_indicator() -> None:
    header = ("指标", "单位", "2020年", "2025年", "年均增长〔累计〕")
    found = rows_of(
        header,
        [("全员劳动生产率", "万元/人", "20.1", "26", "5.5"), ("新增就业", "万人", "—", "—", "〔60〕")],
        P14,
    )
    assert summary(found) == [
        ("全员劳动生产率", "achieved", 2020, 20.1, "万元/人", "==", None),
        ("全员劳动生产率", "target", 2025, 26, "万元/人", "==", None),
        ("全员劳动生产率年均增长", "target", 2025, 5.5, "%", "==", None),
        ("新增就业", "target", 2025, 60, "万人", "==", None),
    ]
