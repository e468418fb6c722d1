"""What happened to a target: the delta in the unit's own terms, whether ambition rose or fell, in words.

The delta is in percentage points for a rate or share, relative for a level or count. A range
(``4.5%-5%``) is compared bound by bound: it is higher when neither bound fell and one rose. Ambition
is judged by the indicator's meaning: for 能耗, 排放, 死亡率, PM2.5, 失业率, 城乡收入比 … lower is better.
With equal values, a weaker qualifier (超 → 左右, 以上 → plain) is a fall in ambition; a target brought
under 力争 is softer than a firm one. Text targets are equal when they say the same after their
wording is unified (``与经济增长同步`` = ``和经济增长同步``, brackets and 经 in 完成经国家审核… dropped).

The change is said as a 修订对照表 does, in the source's own words and the kind's verbs (``frame.py``), one
part per column of a report: the value (``提高1个百分点``, ``本级低25%``, ``上海市高0.05``, ``提高到2倍``,
``由1.75:1缩小到1.7:1``), the qualifier as written around the number (``由“超”改为“左右”``, ``增加“力争”``),
the attribute (``由预期性改为约束性``); ``IndicatorChange.words`` joins them. A hierarchy is measured from
the 上级 to the 本级 whichever side each was given on, so delta, ambition and words read from the 本级's
point of view.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..align import measure
from ..ingest import matching_form
from ..model import (
    Ambition,
    Direction,
    Indicator,
    IndicatorChange,
    Qualifier,
    Quantity,
    QuantityKind,
)
from .frame import VERSION_FRAME, Frame

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
# Decimals a number in words keeps: a delta of 0.05 percentage points, a ratio of 1.75:1; a relative
# change or a multiple keeps one, as plans and their interpretations write them (增长14.3%, 2.2倍).
NUMBER_DECIMALS = 4
RELATIVE_DECIMALS = 1
# A written range: two numbers joined by a dash, a tilde or 至/到 (units may follow either number).
_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|‰)?\s*[-—–~～至到]\s*(\d+(?:\.\d+)?)")
# A number as written: digits, or Chinese numerals and magnitudes (超万亿, 三千五百).
_NUMBER = re.compile(r"\d+(?:\.\d+)?|[一二三四五六七八九十百千万亿两〇零]+")
# A scale class after the number (5000亿级, 千亿级): one word that qualifies the value, kept whole.
_SCALE_CLASS = re.compile(r"[万亿千百]+级")
# What a text target's wording may vary in without saying something else.
_TEXT_VARIANTS = (
    (re.compile(r"[\[\]［］【】〔〕()（）“”\"\s]"), ""),
    (re.compile(r"和"), "与"),
    (re.compile(r"完成经"), "完成"),
)


def indicator_change(old: Indicator, new: Indicator, frame: Frame = VERSION_FRAME) -> IndicatorChange:
    """The change from the frame's base side to its subject (old to new; in a hierarchy 上级 to 本级)."""
    base, subject = (new, old) if frame.reversed else (old, new)
    lower_better = bool(LOWER_IS_BETTER.search(base.normalized_name + subject.normalized_name))
    attribute = (
        f"{base.attribute}→{subject.attribute}"
        if base.attribute and subject.attribute and base.attribute != subject.attribute
        else ""
    )
    a, b = base.quantity, subject.quantity
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
    value_words, qualifier_words, attribute_words = change_words(a, b, change, frame)
    return replace(
        change,
        words="；".join(w for w in (value_words, qualifier_words, attribute_words) if w) or frame.same,
        value_words=value_words,
        qualifier_words=qualifier_words,
        attribute_words=attribute_words,
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


def change_words(a: Quantity, b: Quantity, change: IndicatorChange, frame: Frame) -> tuple[str, str, str]:
    """The change from value ``a`` (the frame's base) to ``b`` in words: (value, qualifier, attribute),
    each empty when that part did not change."""
    value = ""
    if a.kind is QuantityKind.TEXT_ONLY or b.kind is QuantityKind.TEXT_ONLY:
        if not (a.kind is b.kind and same_text(a, b)):
            value = frame.contrast(f"“{a.shown}”", f"“{b.shown}”")
    elif change.direction is Direction.NOT_COMPARABLE or (
        change.delta is None and change.direction is not Direction.SAME
    ):
        value = frame.contrast(_value_phrase(a), _value_phrase(b))
    elif change.direction is not Direction.SAME and change.delta is not None:
        value = _delta_words(change, a, b, frame)
    attribute = frame.contrast(*change.attribute_change.split("→")) if change.attribute_change else ""
    return value, _qualifier_words(a, b, frame), attribute


def _delta_words(change: IndicatorChange, a: Quantity, b: Quantity, frame: Frame) -> str:
    assert change.delta is not None
    up = change.direction is Direction.HIGHER
    verb = frame.higher if up else frame.lower
    size = abs(change.delta)
    if change.delta_unit == "百分点":
        return f"{verb}{number_text(size)}个百分点"
    if a.unit == "ratio":
        if frame.revision:
            moved = "扩大到" if up else "缩小到"
            return f"由{number_text(a.value or 0)}:1{moved}{number_text(b.value or 0)}:1"
        return f"{verb}{number_text(size)}"
    if change.delta_unit == "relative":
        if up and change.delta >= 1:
            return frame.multiple(number_text(round(change.delta + 1, RELATIVE_DECIMALS)))
        return f"{verb}{number_text(round(size * 100, RELATIVE_DECIMALS))}%"
    return f"{verb}{number_text(size)}"


def _value_phrase(quantity: Quantity) -> str:
    """The shown value without a clause written after it (``4.5-5%，努力争取更好结果`` -> ``4.5-5%``)."""
    return re.split(r"[,，;；。]", quantity.shown, maxsplit=1)[0]


def number_text(value: float) -> str:
    """A number as a reader writes it: no exponent, no trailing zeros, at most NUMBER_DECIMALS decimals."""
    text = f"{round(value, NUMBER_DECIMALS):f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _qualifier_words(a: Quantity, b: Quantity, frame: Frame) -> str:
    """``由“超”改为“左右”`` (``限定词上级“超”、本级“左右”``): the words around the number on each side,
    when they differ."""
    if a.kind is QuantityKind.TEXT_ONLY or b.kind is QuantityKind.TEXT_ONLY:
        return ""
    before, after = qualifier_words(a), qualifier_words(b)
    if before == after:
        return ""
    if not frame.revision:
        return f"限定词{frame.base}“{before or '无'}”、{frame.subject}“{after or '无'}”"
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
    if len(numbers) > 1 and _SCALE_CLASS.fullmatch(text, numbers[-1].start(), numbers[-1].end() + 1):
        numbers.pop()  # 5000亿级: the 亿 of a scale class is no number of its own
    head, tail = text[: numbers[0].start()], text[numbers[-1].end() :]
    if not _SCALE_CLASS.match(tail):
        for unit in sorted({quantity.unit, "%", "‰", "万", "亿", ":1", ":", "-", "—"}, key=len, reverse=True):
            if unit and unit != "ratio":
                tail = tail.replace(unit, "", 1) if tail.startswith(unit) else tail
        tail = re.sub(
            r"^[万亿千百]*(?:元|人|家|个|件|项|亩|吨|辆|套|所|张|平方米|平方公里|公里|次)?", "", tail
        )
    # A clause after the value (4.5-5%，努力争取更好结果) or before it is not a qualifier.
    tail = re.split(r"[,，;；。、]", tail, maxsplit=1)[0]
    head = re.split(r"[,，;；。、]", head)[-1]
    head = head.rstrip("达到为至")
    head = re.sub(r"达到$|达$", "", head)
    words = [w for w in (head, tail) if w]
    return "…".join(words)
