"""Read one cell of an indicator table: a value, a range, a slash pair, a text target, or nothing.

Forms (all read on the matching form, spaces removed: ``> 52`` is ``>52``):

- a dash (``—``, ``-``, ``/``) or an empty cell: no value;
- a value with its qualifier (``240左右``, ``>46.5``, ``≤2300``, ``＞4500``), in the column's unit when it
  writes none (``%``, ``万亿元``: 4500 万亿元 is reported as 45000000 亿元);
- markers around or after it: 【】［］〔〕 for five-year cumulative values, ``∗``/``*`` for estimates
  (``>46.5∗``), read through;
- a range (``4.5-5``, ``［25—27］``, ``4.5-5,努力争取更好结果``): one quantity, ``low`` and ``high`` set, its
  value the low end and no qualifier;
- a value inside words (``“十四五”年均增长4.0``, ``2021-2024年累计降低8.2``, ``力争达到5%左右``): the value after
  the words, and the year the cell states (2024; ``“十四五”`` is 2025, the period's end);
- text without a digit (``完成省下达目标``, ``与经济增长同步``, ``达到国家要求``): a text-only target;
- a slash pair under a slash name (``机场旅客/货邮吞吐量`` ``8358/244``, unit ``万人次/万吨``): two indicators,
  ``机场旅客吞吐量`` 8358 万人次 and ``机场货邮吞吐量`` 244 万吨.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..ingest import matching_form
from ..ingest.numerals import chinese_number
from ..model import Quantity, QuantityKind
from .quantity import find_quantities, parse_quantity
from .units import quantity_kind, reporting_unit, split_unit

_DASH = re.compile(r"^(?:[—–\-－/／~～_]+|无|暂无)?$")
_CUMULATIVE = re.compile(r"^[【［〔\[](.*)[】］〕\]]$")
_ESTIMATE = re.compile(r"[∗*※]+$")
_RANGE = re.compile(
    r"^(?P<pre>约|力争)?(?P<low>\d+(?:\.\d+)?)(?P<first_unit>%|‰)?[-—–~～至到](?P<high>\d+(?:\.\d+)?)"
    r"(?P<unit>%|‰|[万亿千百]?[\u4e00-\u9fff]{1,3})?(?P<post>左右)?(?:[,，;；].*)?$"
)
_CELL_YEAR = re.compile(r"(?:(?:19|20)\d{2}\s*[-—–~～至到]\s*)?((?:19|20)\d{2})年")
_PERIOD = re.compile(r"十([一二三四五六七八九])五")
# Measure words that end both names of a slash pair (机场旅客/货邮吞吐量), longest first.
_PAIR_TAILS = (
    "吞吐量",
    "增加值",
    "总量",
    "数量",
    "人数",
    "产值",
    "总额",
    "规模",
    "比重",
    "占比",
    "率",
    "量",
    "数",
    "额",
)


@dataclass(frozen=True, slots=True)
class CellValue:
    """A value read from a cell, the indicator name it belongs to, and the year the cell states (if any)."""

    name: str
    quantity: Quantity
    year: int | None = None


def cell_values(name: str, unit: str, cell: str) -> list[CellValue]:
    """The values of one cell of the row named ``name``, in ``unit`` unless the cell writes its own."""
    form = re.sub(r"\s", "", matching_form(cell))
    if "/" in form and "/" in name:
        parts = form.split("/")
        names = split_pair_name(name)
        units = unit.split("/") if unit.count("/") == 1 else [unit, unit]
        values = [read_value(part, part, each) for part, each in zip(parts, units, strict=False)]
        if len(parts) == 2 and all(v is not None for v in values):
            return [
                CellValue(n, v.quantity, v.year) for n, v in zip(names, values, strict=True) if v is not None
            ]
    value = read_value(cell.strip(), form, unit)
    return [] if value is None else [CellValue(name, value.quantity, value.year)]


def split_pair_name(name: str) -> tuple[str, str]:
    """``机场旅客/货邮吞吐量`` -> (机场旅客吞吐量, 机场货邮吞吐量); ``港口货物/集装箱吞吐量`` -> (港口货物吞吐量, 集装箱吞吐量).

    The measure word after the slash (吞吐量) ends both names; what the left name has before the length of
    the right alternative (机场) is shared when it is at least two characters."""
    left, right = name.split("/", 1)
    tail = next((t for t in _PAIR_TAILS if right.endswith(t) and len(right) > len(t)), "")
    if not tail:
        return left, right
    alternative = right[: -len(tail)]
    shared = left[: len(left) - len(alternative)] if len(left) - len(alternative) >= 2 else ""
    return left + tail, shared + alternative + tail


def read_value(text: str, form: str, unit: str) -> CellValue | None:
    """One value from a cell (``text`` as written, ``form`` its matching form without spaces)."""
    if _DASH.match(form):
        return None
    inner = form
    cumulative = _CUMULATIVE.match(inner)
    if cumulative:
        inner = cumulative.group(1)
    inner = _ESTIMATE.sub("", inner)
    if not inner or _DASH.match(inner):
        return None
    year = _stated_year(inner)
    if not re.search(r"\d", inner):
        return CellValue("", Quantity(text, None, unit, None, kind=QuantityKind.TEXT_ONLY), year)
    ranged = _RANGE.match(inner)
    if ranged:
        return CellValue("", _range(text, ranged, unit), year)
    quantity = parse_quantity(inner, unit=unit)
    if quantity is None:
        words = _PERIOD.sub("", _CELL_YEAR.sub("", inner))
        found = list(find_quantities(words, need_unit=False))
        if not found:
            return None
        quantity = _in_unit(found[-1].quantity, unit)
    value, written = reporting_unit(quantity.value or 0.0, quantity.unit)
    if quantity.value is not None and written != quantity.unit:
        quantity = _in_unit(replace(quantity, value=value, unit=written), written)
    return CellValue("", replace(quantity, text=text), year)


def _in_unit(quantity: Quantity, unit: str) -> Quantity:
    """A quantity read without a unit, put in the column's unit."""
    written = quantity.unit or unit
    multiplier, base = split_unit(written)
    value = quantity.value
    return replace(
        quantity,
        unit=written,
        kind=quantity_kind(written),
        base_value=None if value is None else value * multiplier,
        base_unit=base,
    )


def _range(text: str, match: re.Match[str], unit: str) -> Quantity:
    written = match.group("unit") or match.group("first_unit") or unit
    if written and not split_unit(written)[1]:
        written = unit
    low, high = float(match.group("low")), float(match.group("high"))
    multiplier, base = split_unit(written)
    return Quantity(
        text,
        low,
        written,
        None,
        aim=match.group("pre") == "力争",
        kind=quantity_kind(written),
        low=low,
        high=high,
        base_value=low * multiplier,
        base_unit=base,
    )


def _stated_year(form: str) -> int | None:
    """The year a cell states: the last of ``2021-2024年`` (2024), or the end of ``“十四五”`` (2025)."""
    years = [int(m.group(1)) for m in _CELL_YEAR.finditer(form)]
    return years[-1] if years else period_end(form)


def period_end(text: str) -> int | None:
    """The last year of the plan period a text names: ``“十四五”`` -> 2025."""
    period = _PERIOD.search(text)
    number = chinese_number("十" + period.group(1)) if period else None
    return None if number is None else 1950 + 5 * number + 5
