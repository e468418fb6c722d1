"""What happened to a target: the delta in the unit's own terms, and whether ambition rose or fell.

The delta is in percentage points for a rate or share, relative for a level or count. Ambition is judged
by the indicator's meaning: for 能耗, 排放, 死亡率, PM2.5, 失业率, 城乡收入比 … lower is better. With equal
values, a weaker qualifier (超 → 左右, 以上 → plain) is a fall in ambition; a target brought under 力争 is
softer than a firm one.
"""

from __future__ import annotations

import re

from ..model import Ambition, Direction, Indicator, IndicatorChange, Qualifier, Quantity, QuantityKind

LOWER_IS_BETTER = re.compile(
    r"能耗|排放|死亡率|死亡人数|PM2\.5|细颗粒物|浓度|失业率|收入比|事故|发病率|污染|贫困|差距|负债率"
)
# How binding a qualifier is when higher is better (reversed when lower is better).
_STRENGTH = {
    Qualifier.GT: 3,
    Qualifier.GE: 2,
    Qualifier.EQ: 1,
    Qualifier.APPROX: 0,
    Qualifier.LE: -1,
    Qualifier.LT: -2,
}
_PERCENT = {"%", "百分点", "‰"}


def indicator_change(old: Indicator, new: Indicator) -> IndicatorChange:
    """The change from an old target to the new one."""
    lower_better = bool(LOWER_IS_BETTER.search(old.normalized_name + new.normalized_name))
    attribute = (
        f"{old.attribute}→{new.attribute}"
        if old.attribute and new.attribute and old.attribute != new.attribute
        else ""
    )
    a, b = old.quantity, new.quantity
    qualifier = ""
    if a.qualifier_text != b.qualifier_text and a.value is not None and b.value is not None:
        qualifier = f"{a.qualifier_text or '=='}→{b.qualifier_text or '=='}"
    if a.kind is QuantityKind.TEXT_ONLY and b.kind is QuantityKind.TEXT_ONLY and a.text == b.text:
        return IndicatorChange(None, "", Direction.SAME, Ambition.SAME, qualifier, attribute, lower_better)
    if QuantityKind.TEXT_ONLY in (a.kind, b.kind) or a.base_value is None or b.base_value is None:
        return IndicatorChange(
            None, "", Direction.NOT_COMPARABLE, Ambition.NOT_COMPARABLE, qualifier, attribute, lower_better
        )
    if a.base_unit in _PERCENT or b.base_unit in _PERCENT or a.unit == "ratio":
        delta, unit = round(b.base_value - a.base_value, 6), "百分点" if a.unit != "ratio" else ""
    else:
        delta, unit = (round(b.base_value / a.base_value - 1, 6) if a.base_value else None), "relative"
    direction = (
        Direction.HIGHER
        if b.base_value > a.base_value
        else Direction.LOWER
        if b.base_value < a.base_value
        else Direction.SAME
    )
    if direction is Direction.SAME:
        step = _strength(b, lower_better) - _strength(a, lower_better)
        ambition = Ambition.UP if step > 0 else Ambition.DOWN if step < 0 else Ambition.SAME
    else:
        ambition = Ambition.UP if (direction is Direction.HIGHER) != lower_better else Ambition.DOWN
    return IndicatorChange(delta, unit, direction, ambition, qualifier, attribute, lower_better)


def _strength(quantity: Quantity, lower_better: bool) -> float:
    qualifier = quantity.qualifier or Qualifier.EQ
    strength = _STRENGTH[qualifier] * (-1 if lower_better else 1)
    return strength - (0.5 if quantity.aim else 0)
