"""What happened to a target: the delta in the unit's own terms, whether ambition rose or fell, in words.

The delta is in percentage points for a rate or share, relative for a level or count. A range
(``4.5%-5%``) is compared bound by bound: it is higher when neither bound fell and one rose. Ambition
is judged by the indicator's meaning: for 能耗, 排放, 死亡率, PM2.5, 失业率, 城乡收入比 … lower is better.
With equal values, a weaker qualifier (超 → 左右, 以上 → plain) is a fall in ambition; a target brought
under 力争 is softer than a firm one. Text targets are equal when they say the same after their
wording is unified (``与经济增长同步`` = ``和经济增长同步``, brackets and 经 in 完成经国家审核… dropped).

``IndicatorChange.words`` says the change as a 修订对照表 does, in the source's own words:
``提高1个百分点``, ``由“超”改为“左右”``, ``由预期性改为约束性``. A version or hierarchy comparison speaks of the
new side against the old (提高 / 降低); a peer comparison of the second place against the first
(高 / 低), since neither is a revision of the other.
"""

from __future__ import annotations

import re

from ..align import measure
from ..ingest import matching_form
from ..model import (
    Ambition,
    ComparisonKind,
    Direction,
    Indicator,
    IndicatorChange,
    Qualifier,
    Quantity,
    QuantityKind,
)

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
# A written range: two numbers joined by a dash, a tilde or 至/到 (units may follow either number).
_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|‰)?\s*[-—–~～至到]\s*(\d+(?:\.\d+)?)")
# A number as written: digits, or Chinese numerals and magnitudes (超万亿, 三千五百).
_NUMBER = re.compile(r"\d+(?:\.\d+)?|[一二三四五六七八九十百千万亿两〇零]+")
# What a text target's wording may vary in without saying something else.
_TEXT_VARIANTS = (
    (re.compile(r"[\[\]［］【】〔〕()（）“”\"\s]"), ""),
    (re.compile(r"和"), "与"),
    (re.compile(r"完成经"), "完成"),
)


def indicator_change(
    old: Indicator, new: Indicator, kind: ComparisonKind = ComparisonKind.VERSION
) -> IndicatorChange:
    """The change from an old target to the new one (for peers: from the first place to the second)."""
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
    delta: float | None = None
    unit = ""
    if a.kind is QuantityKind.TEXT_ONLY and b.kind is QuantityKind.TEXT_ONLY and same_text(a, b):
        direction, ambition = Direction.SAME, Ambition.SAME
    elif QuantityKind.TEXT_ONLY in (a.kind, b.kind) or a.base_value is None or b.base_value is None:
        direction, ambition = Direction.NOT_COMPARABLE, Ambition.NOT_COMPARABLE
    else:
        (low_a, high_a), (low_b, high_b) = bounds(a), bounds(b)
        points = low_a == high_a and low_b == high_b
        in_points = a.base_unit in _PERCENT or b.base_unit in _PERCENT or a.unit == "ratio"
        if points or low_b - low_a == high_b - high_a:
            step = low_b - low_a
            delta = round(step, 6) if in_points else (round(low_b / low_a - 1, 6) if low_a else None)
        unit = ("百分点" if a.unit != "ratio" else "") if in_points else "relative"
        direction = _direction(low_b - low_a, high_b - high_a)
        if direction is Direction.SAME:
            step_strength = _strength(b, lower_better) - _strength(a, lower_better)
            ambition = (
                Ambition.UP if step_strength > 0 else Ambition.DOWN if step_strength < 0 else Ambition.SAME
            )
        elif direction is Direction.NOT_COMPARABLE:
            ambition = Ambition.NOT_COMPARABLE
        else:
            ambition = Ambition.UP if (direction is Direction.HIGHER) != lower_better else Ambition.DOWN
    change = IndicatorChange(delta, unit, direction, ambition, qualifier, attribute, lower_better)
    return IndicatorChange(
        delta,
        unit,
        direction,
        ambition,
        qualifier,
        attribute,
        lower_better,
        change_words(old, new, change, kind),
    )


def bounds(quantity: Quantity) -> tuple[float, float]:
    """(low, high) of a value in its base unit (``align.measure``): a range's two ends, or the value twice."""
    value = measure(quantity)[0] or 0.0
    if quantity.low is not None and quantity.high is not None and quantity.value:
        scale = value / quantity.value
        return quantity.low * scale, quantity.high * scale
    found = _RANGE.search(matching_form(quantity.text))
    if found and quantity.value and float(found.group(1)) == quantity.value:
        scale = value / quantity.value
        return float(found.group(1)) * scale, float(found.group(2)) * scale
    return value, value


def _direction(low_step: float, high_step: float) -> Direction:
    if low_step == high_step == 0:
        return Direction.SAME
    if low_step >= 0 and high_step >= 0:
        return Direction.HIGHER
    if low_step <= 0 and high_step <= 0:
        return Direction.LOWER
    return Direction.NOT_COMPARABLE  # one bound up, the other down: a wider or narrower range


def same_text(a: Quantity, b: Quantity) -> bool:
    """Whether two text targets say the same (``与经济增长同步`` = ``和经济增长同步``)."""
    return _text_form(a.text) == _text_form(b.text)


def _text_form(text: str) -> str:
    text = matching_form(text)
    for pattern, replacement in _TEXT_VARIANTS:
        text = pattern.sub(replacement, text)
    return text


def _strength(quantity: Quantity, lower_better: bool) -> float:
    qualifier = quantity.qualifier or Qualifier.EQ
    strength = _STRENGTH[qualifier] * (-1 if lower_better else 1)
    return strength - (0.5 if quantity.aim else 0)


def change_words(old: Indicator, new: Indicator, change: IndicatorChange, kind: ComparisonKind) -> str:
    """The change in words, as a 修订对照表 writes it: value, then qualifier, then attribute (``；`` between)."""
    a, b = old.quantity, new.quantity
    peer = kind is ComparisonKind.PEER
    parts: list[str] = []
    if a.kind is QuantityKind.TEXT_ONLY or b.kind is QuantityKind.TEXT_ONLY:
        if not (a.kind is b.kind and same_text(a, b)):
            parts.append(f"由“{a.shown}”改为“{b.shown}”" if not peer else f"“{a.shown}”对“{b.shown}”")
    elif change.direction is Direction.NOT_COMPARABLE or (
        change.delta is None and change.direction is not Direction.SAME
    ):
        before, after = _value_phrase(a), _value_phrase(b)
        parts.append(f"由{before}改为{after}" if not peer else f"{before}对{after}")
    elif change.direction is not Direction.SAME and change.delta is not None:
        parts.append(_delta_words(change, a, b, peer))
    words = _qualifier_words(a, b, peer)
    if words:
        parts.append(words)
    if change.attribute_change:
        before, after = change.attribute_change.split("→")
        parts.append(f"由{before}改为{after}" if not peer else f"{before}对{after}")
    if not parts:
        return "未变" if not peer else "相同"
    return "；".join(parts)


def _delta_words(change: IndicatorChange, a: Quantity, b: Quantity, peer: bool) -> str:
    assert change.delta is not None
    up = change.direction is Direction.HIGHER
    verb = ("高" if up else "低") if peer else ("提高" if up else "降低")
    size = abs(change.delta)
    if change.delta_unit == "百分点":
        return f"{verb}{_number(size)}个百分点"
    if a.unit == "ratio":
        return (
            f"由{_number(a.value or 0)}:1{'缩小到' if not up else '扩大到'}{_number(b.value or 0)}:1"
            if not peer
            else f"{verb}{_number(size)}"
        )
    if change.delta_unit == "relative":
        if up and change.delta >= 1:
            return f"{'是' if peer else '提高到'}{_number(change.delta + 1)}倍"
        return f"{verb}{_number(round(size * 100, 1))}%"
    return f"{verb}{_number(size)}"


def _value_phrase(quantity: Quantity) -> str:
    """The shown value without a clause written after it (``4.5-5%，努力争取更好结果`` -> ``4.5-5%``)."""
    return re.split(r"[,，;；。]", quantity.shown, maxsplit=1)[0]


def _number(value: float) -> str:
    return f"{value:.6g}"


def _qualifier_words(a: Quantity, b: Quantity, peer: bool) -> str:
    """``由“超”改为“左右”``: the words around the number on each side, when they differ."""
    if a.kind is QuantityKind.TEXT_ONLY or b.kind is QuantityKind.TEXT_ONLY:
        return ""
    before, after = qualifier_words(a), qualifier_words(b)
    if before == after:
        return ""
    if peer:
        return f"限定词“{before or '无'}”对“{after or '无'}”"
    if not before:
        return f"增加“{after}”"
    if not after:
        return f"去掉“{before}”"
    return f"由“{before}”改为“{after}”"


def qualifier_words(quantity: Quantity) -> str:
    """The qualifying words of a value as written (``超``, ``以上``, ``力争…左右``), without number and unit."""
    text = matching_form(quantity.text)
    text = re.sub(r"[\[\]［］【】〔〕()（）\s]", "", text)
    numbers = list(_NUMBER.finditer(text))
    if not numbers:
        return ""
    head, tail = text[: numbers[0].start()], text[numbers[-1].end() :]
    for unit in sorted({quantity.unit, "%", "‰", "万", "亿", ":1", ":", "-", "—"}, key=len, reverse=True):
        if unit and unit != "ratio":
            tail = tail.replace(unit, "", 1) if tail.startswith(unit) else tail
    tail = re.sub(r"^[万亿千百]*(?:元|人|家|个|件|项|亩|吨|辆|套|所|张|平方米|平方公里|公里|次)?", "", tail)
    # A clause after the value (4.5-5%，努力争取更好结果) or before it is not a qualifier.
    tail = re.split(r"[,，;；。、]", tail, maxsplit=1)[0]
    head = re.split(r"[,，;；。、]", head)[-1]
    head = head.rstrip("达到为至")
    head = re.sub(r"达到$|达$", "", head)
    words = [w for w in (head, tail) if w]
    return "…".join(words)
