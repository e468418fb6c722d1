"""The target grammar: read ``5以上``, ``超10000``, ``突破1.3万亿元``, ``力争1.7:1``, ``≤0.0018``,
``2.5%以内``, ``三千五百家``, ``完成上级下达任务`` … as ``Quantity`` values.

A quantity is ``[力争|争取] [qualifier] number [magnitude] [unit[/unit]] [以上|以下|以内|左右]`` or a ratio ``n:1``,
or one of the text-only targets (完成上级下达任务, 完成省下达目标任务, 与GDP增长同步, 翻一番). Qualifiers follow Chinese
legal usage: 以上/以下/以内 include the number (``>=``/``<=``); 超/突破/高于 exclude it (``>``).
Runs on the matching form (NFKC, spaces inside numbers joined), so ``超 8 万个`` reads as ``超8万个``.
General number parsers are not used: they misread 不低于, 个百分点 and 第十四个五年 (see docs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..ingest.numerals import chinese_number
from ..model import Qualifier, Quantity, QuantityKind
from .units import BASE_UNITS, MAGNITUDES, quantity_kind, reporting_unit, split_unit

_PRE = {
    "不低于": Qualifier.GE,
    "不少于": Qualifier.GE,
    "≥": Qualifier.GE,
    ">=": Qualifier.GE,
    "不高于": Qualifier.LE,
    "不超过": Qualifier.LE,
    "≤": Qualifier.LE,
    "<=": Qualifier.LE,
    "超过": Qualifier.GT,
    "高于": Qualifier.GT,
    "突破": Qualifier.GT,
    "大于": Qualifier.GT,
    "超": Qualifier.GT,
    ">": Qualifier.GT,
    "低于": Qualifier.LT,
    "小于": Qualifier.LT,
    "<": Qualifier.LT,
    "约": Qualifier.APPROX,
}
_POST = {"以上": Qualifier.GE, "以下": Qualifier.LE, "以内": Qualifier.LE, "左右": Qualifier.APPROX}
_UNIT_ALTERNATIVES = "|".join(re.escape(u) for u in sorted(("个百分点", *BASE_UNITS), key=len, reverse=True))
_MAGNITUDE_ALTERNATIVES = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
QUANTITY = re.compile(
    r"(?P<pre>不低于|不少于|不高于|不超过|超过|高于|低于|突破|大于|小于|超|约|>=|<=|≥|≤|>|<)?"
    r"(?:(?P<ratio>\d+(?:\.\d+)?:1)(?![\d.])"
    rf"|(?P<num>\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+|(?=万亿|千万))(?P<mag>{_MAGNITUDE_ALTERNATIVES})?"
    rf"(?P<unit>{_UNIT_ALTERNATIVES}|(?<=\.\d)年(?!均|度)|(?<=\.\d\d)年(?!均|度))?"
    rf"(?P<per>(?<=[^\d/])/(?:十万|百万|千万|万|亿|千|百)?(?:{_UNIT_ALTERNATIVES}|年|月|日|天))?)"
    r"(?P<post>以上|以下|以内|左右)?"
)
TEXT_TARGET = re.compile(
    r"完成(?:上级|国家|省|省里|市)(?:下达|下发)(?:的)?(?:目标)?任务|达到(?:上级|国家|省|市)(?:考核)?要求"
    r"|[与和同](?:GDP|经济|地区生产总值|国内生产总值|[\u4e00-\u9fff]{2,6}?)(?:增长|提高)(?:基本)?同步"
    r"|翻一番(?:以上)?|翻番"
)
_RANGE_DASH = re.compile(r"[-—–~～至到]")
_BARE_LOW = re.compile(r"(?<![\d.第前+])(\d+(?:\.\d+)?)[-—–~～至到]$")
_AIM = re.compile(r"(?:力争|争取)[^，,。；;]*$")
# After a bare number these mark a year, date, rank, size class or version: not a target value.
_NOT_AFTER_NUMBER = re.compile(r"^(?:[年月日号届期批强代位次倍周级星A-Za-z]|大(?!于)|方面|方位|\+)")
# After a value with its unit: a size class (500亿元级) or a policy named by its count (28条新政).
_NOT_AFTER_UNIT = re.compile(r"^(?:级|新政|措施|举措|政策|[A-Za-z])")
_NOT_BEFORE = re.compile(r"(?:第|前|\+)$")


@dataclass(frozen=True, slots=True)
class Found:
    """A quantity found in a text, with its span."""

    start: int
    end: int
    quantity: Quantity


def find_quantities(text: str, *, need_unit: bool = True) -> Iterator[Found]:
    """Every target value in ``text`` (matching form), left to right."""
    for match in QUANTITY.finditer(text):
        quantity = _read(match, text, need_unit)
        if quantity is not None:
            yield Found(match.start(), match.end(), quantity)


def parse_quantity(text: str, *, unit: str = "") -> Quantity | None:
    """Read one value written alone (a table cell); ``unit`` comes from the indicator name when the cell has none."""
    cell = text.strip()
    if TEXT_TARGET.fullmatch(cell) or (
        cell and not re.search(r"\d", cell) and re.search(r"任务|要求|同步", cell)
    ):
        return Quantity(cell, None, unit, None, kind=QuantityKind.TEXT_ONLY)
    aim = cell.startswith(("力争", "争取"))
    body = cell[2:] if aim else cell
    match = QUANTITY.fullmatch(body)
    if match is None:
        return None
    quantity = _read(match, body, need_unit=False)
    if quantity is None:
        return None
    written_unit = quantity.unit or unit
    multiplier, base = split_unit(written_unit)
    value = quantity.value
    return Quantity(
        cell,
        value,
        written_unit,
        quantity.qualifier,
        aim or quantity.aim,
        quantity_kind(written_unit),
        base_value=None if value is None else value * multiplier,
        base_unit=base,
    )


def join_ranges(values: list[Found], text: str) -> list[Found]:
    """``25—27万套``, ``4.5%-5%``, ``300万至500万``: two values joined by a dash or 至 are one range, its value
    the low end (in the high end's unit when the low end writes none), ``low`` and ``high`` set."""
    joined: list[Found] = []
    for value in values:
        bare = _BARE_LOW.search(text, joined[-1].end if joined else 0, value.start)
        if bare and value.quantity.value is not None:  # 25—27万套: the low end writes no unit
            bare_low = Quantity(bare.group(1), float(bare.group(1)), "", Qualifier.EQ)
            joined.append(Found(bare.start(), bare.start(1) + len(bare.group(1)), bare_low))
        previous = joined[-1] if joined else None
        low, high = (previous.quantity, value.quantity) if previous else (None, None)
        if (
            previous is None
            or low is None
            or high is None
            or low.value is None
            or high.value is None
            or not _RANGE_DASH.fullmatch(text[previous.end : value.start])
            or low.qualifier not in (Qualifier.EQ, None)
            or low.unit not in ("", high.unit)
        ):
            joined.append(value)
            continue
        multiplier, base = split_unit(high.unit)
        quantity = Quantity(
            text[previous.start : value.end],
            low.value,
            high.unit,
            None if high.qualifier is Qualifier.EQ else high.qualifier,
            aim=low.aim or high.aim,
            kind=high.kind,
            low=low.value,
            high=high.value,
            base_value=low.value * multiplier,
            base_unit=base,
        )
        joined[-1] = Found(previous.start, value.end, quantity)
    return joined


def text_targets(text: str) -> Iterator[Found]:
    """The text-only targets in ``text``: kept as written, never a number."""
    for match in TEXT_TARGET.finditer(text):
        qualifier = Qualifier.GE if match.group(0).startswith("翻一番以上") else None
        yield Found(
            match.start(),
            match.end(),
            Quantity(match.group(0), None, "", qualifier, kind=QuantityKind.TEXT_ONLY),
        )


def _read(match: re.Match[str], text: str, need_unit: bool) -> Quantity | None:
    after = text[match.end() :]
    before = text[: match.start()]
    if match.group("ratio"):
        value = float(match.group("ratio").split(":")[0])
        return _quantity(match, value, "ratio", before)
    number, magnitude, unit = match.group("num"), match.group("mag") or "", match.group("unit") or ""
    if unit and match.group("per"):  # 52万元/人, 85件/万人: a compound unit keeps its denominator
        unit += match.group("per")
    not_after = _NOT_AFTER_UNIT if unit else _NOT_AFTER_NUMBER
    if number is None or _NOT_BEFORE.search(before) or not_after.match(after):
        return None
    if before.endswith("“") and after.startswith("”"):  # a programme named by a number: “631”
        return None
    if not number:  # 超万亿: the magnitude alone is the number
        value = 1.0
    elif number[0].isdigit():
        value = float(number)
    else:
        whole = chinese_number(number)
        cn = None if whole is None else float(whole)
        if cn is None or not (magnitude or any(c in number for c in "百千")) or unit in ("个", ""):
            return None
        if not match.group("pre") and re.match(r"[\u4e00-\u9fff]", after):  # 千人托位数: part of a name
            return None
        if before.endswith("个"):  # 四个十万亩: a count of named quotas
            return None
        value = cn
    unit = "百分点" if unit == "个百分点" else unit
    if not unit and not magnitude:
        return None if need_unit else _quantity(match, value, "", before)
    if not unit and magnitude not in ("亿", "万亿", "万"):
        return None
    value, written = reporting_unit(
        value * MAGNITUDES.get(magnitude, 1) / _unit_scale(magnitude), _unit_prefix(magnitude) + unit
    )
    if written in ("亿", "万亿"):
        written = "亿元"
    return _quantity(match, value, written, before)


def _unit_prefix(magnitude: str) -> str:
    """The magnitude a value is reported in: 亿 for 亿 and above, 万 for 万 to 千万, else none."""
    if magnitude in ("万亿", "千亿", "百亿", "亿"):
        return "万亿" if magnitude == "万亿" else "亿"
    if magnitude in ("千万", "百万", "万"):
        return "万"
    return ""


def _unit_scale(magnitude: str) -> float:
    prefix = _unit_prefix(magnitude)
    return MAGNITUDES[prefix] if prefix else 1.0


def _quantity(match: re.Match[str], value: float, unit: str, before: str) -> Quantity:
    pre, post = match.group("pre"), match.group("post")
    qualifier = _POST.get(post or "") or _PRE.get(pre or "") or Qualifier.EQ
    aim = bool(_AIM.search(before))
    multiplier, base = split_unit(unit)
    return Quantity(
        text=match.group(0),
        value=value,
        unit=unit,
        qualifier=qualifier,
        aim=aim,
        kind=quantity_kind(unit),
        base_value=value * multiplier,
        base_unit=base,
    )
