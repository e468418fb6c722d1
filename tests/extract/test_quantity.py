"""The target grammar on the forms plans write (issue list), checked by reading each form by hand."""

from __future__ import annotations

import pytest

from plandiff.extract import find_quantities, parse_quantity
from plandiff.ingest import matching_form

# (as written, value, unit, qualifier, kind)
CELLS = [
    ("5以上", 5, "", ">=", "level"),
    ("6%以上", 6, "%", ">=", "share"),
    ("4.0", 4.0, "", "==", "level"),
    ("50左右", 50, "", "~", "level"),
    ("超10000", 10000, "", ">", "level"),
    ("突破1.3万亿元", 13000, "亿元", ">", "level"),
    (">1000", 1000, "", ">", "level"),
    ("<6.0", 6.0, "", "<", "level"),
    ("≤0.0018", 0.0018, "", "<=", "level"),
    ("0.0018人/亿元以内", 0.0018, "人/亿元", "<=", "level"),
    ("力争1.7:1", 1.7, "ratio", "aim", "ratio"),
    ("2.5%以内", 2.5, "%", "<=", "share"),
    ("不低于90%", 90, "%", ">=", "share"),
    ("3500家以上", 3500, "家", ">=", "count"),
    ("8.5万元", 8.5, "万元", "==", "level"),
    ("超 8 万个", 8, "万个", ">", "count"),
    ("三千五百家", 3500, "家", "==", "count"),
    ("超万亿", 10000, "亿元", ">", "level"),
    ("超千万元", 1000, "万元", ">", "level"),
    ("突破4千亿元", 4000, "亿元", ">", "level"),
    ("完成上级下达任务", None, "", "", "text-only"),
    ("与GDP增长同步", None, "", "", "text-only"),
]


@pytest.mark.parametrize(("written", "value", "unit", "qualifier", "kind"), CELLS)
def test_parse_quantity_forms(written, value, unit, qualifier, kind) -> None:
    quantity = parse_quantity(matching_form(written))
    assert quantity is not None
    assert quantity.value == (None if value is None else pytest.approx(value))
    assert (quantity.unit, quantity.qualifier_text, quantity.kind.value) == (unit, qualifier, kind)


def test_text_only_target_is_never_nan() -> None:
    quantity = parse_quantity("完成上级下达任务", unit="%")
    assert quantity.value is None and quantity.text == "完成上级下达任务" and quantity.unit == "%"


def test_magnitudes_compare_by_base_value() -> None:
    assert parse_quantity("3万亩").base_value == parse_quantity("30000", unit="亩").base_value == 30000


def test_table_unit_from_name_column() -> None:
    quantity = parse_quantity("50以上", unit="万元/人")
    assert (quantity.value, quantity.unit, quantity.base_value, quantity.base_unit) == (
        50,
        "万元/人",
        500000,
        "元/人",
    )


def values(text: str) -> list[tuple[str, float | None, str, str]]:
    return [
        (f.quantity.text, f.quantity.value, f.quantity.unit, f.quantity.qualifier_text)
        for f in find_quantities(matching_form(text))
    ]


def test_squashed_numbers_split() -> None:
    assert values("年均增长6.3%2020年超4200亿元") == [
        ("6.3%", 6.3, "%", "=="),
        ("超4200亿元", 4200, "亿元", ">"),
    ]
    assert values("分别达49.1%51.3%") == [("49.1%", 49.1, "%", "=="), ("51.3%", 51.3, "%", "==")]


def test_percentage_points_and_ratios() -> None:
    assert values("提高5.1个百分点") == [("5.1个百分点", 5.1, "百分点", "==")]
    assert values("城乡居民收入比缩小至1.75:1") == [("1.75:1", 1.75, "ratio", "==")]
    assert values("2025年力争达6000亿元") == [("6000亿元", 6000, "亿元", "aim")]


@pytest.mark.parametrize(
    "text",
    [
        "2035年",
        "连续21年位居首位",
        "第31位",
        "“631”计划",
        "5G基站",
        "千亿级产业集群",
        "实施营商环境28条新政",
        "十四五时期",
    ],
)
def test_not_target_values(text: str) -> None:
    assert values(text) == []
