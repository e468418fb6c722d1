"""Units of plan targets: the units plans write, their magnitude prefixes and what kind of number each is.

A written unit (``万亩``, ``亿元``, ``万人``) splits into a magnitude (万 = 10^4, 亿 = 10^8, 万亿 = 10^12)
and a base unit (亩, 元, 人), so ``3万亩`` and ``30000亩`` compare equal by their base value. Money in
亿 keeps 亿元 as its reporting unit (plans count GDP in 亿元): ``1.3万亿元`` is ``13000亿元``.
"""

from __future__ import annotations

from ..model import QuantityKind

MAGNITUDES = {
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "亿": 1e8,
    "千万": 1e7,
    "百万": 1e6,
    "万": 1e4,
    "千": 1e3,
    "百": 1e2,
}

# Base units a plan target is counted in, longest first in the pattern. Compound units come first.
BASE_UNITS = (
    "微克/立方米",
    "人/亿元",
    "元/人·月",
    "万元/人",
    "平方米/人",
    "吨标准煤",
    "千瓦时",
    "平方公里",
    "平方米",
    "立方米",
    "标准箱",
    "百分点",
    "公里",
    "千米",
    "美元",
    "人次",
    "元",
    "人",
    "户",
    "个",
    "家",
    "件",
    "项",
    "条",
    "所",
    "座",
    "场",
    "套",
    "亩",
    "岁",
    "吨",
    "辆",
    "张",
    "台",
    "千瓦",
    "床",
    "名",
    "处",
    "间",
    "%",
    "‰",
    "P",
)
# Units whose number is a count of things rather than an amount.
COUNT_UNITS = frozenset("个 家 件 项 条 所 座 场 套 辆 张 台 床 名 处 间 户 人 人次".split())
# Magnitude words that may stand before a base unit as part of the unit (万人, 亿元, 万亿元).
UNIT_MAGNITUDES = ("万亿", "亿", "万")


def split_unit(unit: str) -> tuple[float, str]:
    """(multiplier, base unit): ``万亩`` -> (10000, 亩), ``亿美元`` -> (1e8, 美元), ``万元/人`` -> (10000, 元/人),
    ``%`` -> (1, %)."""
    for prefix in UNIT_MAGNITUDES:
        rest = unit[len(prefix) :]
        if unit.startswith(prefix) and (rest in BASE_UNITS or rest.split("/")[0] in BASE_UNITS):
            return MAGNITUDES[prefix], rest
    return 1.0, unit


def reporting_unit(value: float, unit: str) -> tuple[float, str]:
    """Money written in 万亿 is reported in 亿 (``1.3万亿元`` -> 13000 亿元); everything else as written."""
    if unit.startswith("万亿"):
        return value * 10000, "亿" + unit[2:]
    return value, unit


def quantity_kind(unit: str, name: str = "") -> QuantityKind:
    """What sort of number a value with this unit (and indicator name) is."""
    if unit == "ratio":
        return QuantityKind.RATIO
    if unit in ("%", "‰", "百分点"):
        if any(word in name for word in ("增长", "增速", "增幅", "降低", "下降", "提高")):
            return QuantityKind.RATE
        return QuantityKind.SHARE
    if split_unit(unit)[1] in COUNT_UNITS:
        return QuantityKind.COUNT
    return QuantityKind.LEVEL
