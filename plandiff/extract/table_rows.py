"""Indicators from indicator tables: each row, for each value column, in the role its heading gives it.

Columns are known by their headings (``parse/table_header.py``: 序号, 类别, 指标, 单位, value columns, 属性),
checked against their content (a column of 预期性/约束性 is the attribute, one of consecutive integers the
serial); a table whose headings say nothing falls back on content alone (the widest text column is the
name, columns whose cells read as values are value columns).

A value column's role and year come from its heading and the plan's period (DESIGN.md: a ``2025年`` column
is a target in a 14th plan and a base year in a 15th):

- words of a base value (完成值, 现状, 基期, 基数, 实际) make it ``achieved``; words of a goal (目标, 规划,
  年均, 累计) a ``target``;
- otherwise its year decides: before the plan period it holds base values, else targets; with the period
  unknown, the latest year is the target and earlier ones are base values;
- the year is the heading's (``“十五五”`` stands for 2030), else the plan's end year (targets) or the year
  before the period (base values); a year the cell states (``2021-2024年累计降低8.2``) wins.

Each row gives one indicator per value cell: its name (the most specific name cell: a sub-row's own
name), the unit of the 单位 column or of the name's bracket (``（万元/人）``), and the attribute of its row
(a rowspan attribute is repeated on each sub-row by the readers). Rows without values are categories.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from ..ingest import matching_form
from ..model import Indicator, IndicatorRole, QuantityKind, Table
from ..parse.table_header import ATTRIBUTES, Column, column_kind
from .prose import normalize_name
from .table_cells import CellValue, cell_values, period_end, read_value
from .units import quantity_kind

_NAME_UNIT = re.compile(r"\s*[（(]([^（()）]{1,12})[)）]\s*$")
_SERIAL_PREFIX = re.compile(r"^\s*\d{1,3}\s*[.、．]\s*(?=\D)")
_FOOTNOTE_MARK = re.compile(r"[*∗※]+$|[①-⑳]+$")
_WRAP_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_BASE_WORDS = re.compile(r"完成|现状|基期|基数|基础值|实际|现值|基准")
_GOAL_WORDS = re.compile(r"目标|规划|年均|累计|预期值")
_YEAR = re.compile(r"((?:19|20)\d{2})年?")
_GROWTH_HEADING = re.compile(r"年均|增长|增速")
_GROWTH_NAME = re.compile(r"增长|增速|增幅|降低|下降|提高")
_CUMULATIVE_CELL = re.compile(r"^[【［〔\[]")
# A bracket after a name is its unit when it reads like one: short, no digits, not a remark (含…, 其中…).
_NOT_UNIT = re.compile(r"\d|含|其中|不含|以上|以下|注")


def table_indicators(
    table: Table, section: str | None, start_year: int | None, end_year: int | None
) -> list[Indicator]:
    """One indicator per row and value cell of an indicator table (a slash pair gives two)."""
    if not table.rows:
        return []
    width = max(len(table.header), *(len(row) for row in table.rows))
    header = [table.header[i] if i < len(table.header) else "" for i in range(width)]
    grid = [[row[i] if i < len(row) else "" for i in range(width)] for row in table.rows]
    kinds = _column_kinds(header, grid)
    value_columns = [i for i, kind in enumerate(kinds) if kind is Column.VALUE]
    roles = _value_roles([header[i] for i in value_columns], start_year, end_year)
    found: list[Indicator] = []
    for number, cells in enumerate(grid):
        name_cell = next(
            (cells[i] for i in reversed(range(width)) if kinds[i] is Column.NAME and cells[i].strip()), ""
        )
        name, bracket_unit = _name_and_unit(name_cell)
        if not name:
            continue
        unit = next((_normal_unit(cells[i]) for i in range(width) if kinds[i] is Column.UNIT), "")
        unit = unit or bracket_unit
        attribute = next((cells[i].strip() for i in range(width) if kinds[i] is Column.ATTRIBUTE), "")
        for column, (role, year) in zip(value_columns, roles, strict=True):
            for value in _column_values(name, unit, cells[column], header[column]):
                quantity = value.quantity
                if quantity.kind is not QuantityKind.TEXT_ONLY:
                    quantity = replace(quantity, kind=quantity_kind(quantity.unit, value.name))
                found.append(
                    Indicator(
                        name=value.name,
                        normalized_name=normalize_name(value.name),
                        quantity=quantity,
                        year=value.year or year,
                        role=role,
                        attribute=attribute if attribute in ATTRIBUTES else None,
                        section=section,
                        line=_cell_line(table, number, column),
                        source="table",
                    )
                )
    return found


def _column_values(name: str, unit: str, cell: str, heading: str) -> list[CellValue]:
    """The values of a cell; in a growth column (年均增长) a plain value of a level indicator
    (全员劳动生产率, 万元/人) is its growth rate in %, a bracketed one its cumulative amount."""
    growth = bool(_GROWTH_HEADING.search(matching_form(heading)))
    if (
        not growth
        or unit in ("%", "百分点")
        or _GROWTH_NAME.search(name)
        or _CUMULATIVE_CELL.match(cell.strip())
    ):
        return cell_values(name, unit, cell)
    return [replace(v, name=v.name + "年均增长") for v in cell_values(name, "%", cell)]


def _column_kinds(header: list[str], grid: list[list[str]]) -> list[Column]:
    """Each column's kind from its heading, corrected and completed by its content."""
    width = len(header)
    columns = [[row[i].strip() for row in grid] for i in range(width)]
    kinds = [column_kind(h) for h in header]
    for i, column in enumerate(columns):
        filled = [c for c in column if c]
        if filled and sum(c in ATTRIBUTES for c in filled) >= len(filled) / 2:
            kinds[i] = Column.ATTRIBUTE
        elif kinds[i] in (Column.OTHER, Column.VALUE) and _is_serial(filled):
            kinds[i] = Column.SERIAL
    if Column.NAME not in kinds:
        free = [i for i in range(width) if kinds[i] in (Column.OTHER, Column.CATEGORY)]
        if free:
            widest = max(free, key=lambda i: sum(len(re.sub(r"[\d.%]", "", c)) for c in columns[i]))
            kinds[widest] = Column.NAME
    if Column.VALUE not in kinds:
        for i in range(width):
            filled = [c for c in columns[i] if c]
            if (
                kinds[i] is Column.OTHER
                and filled
                and sum(_reads(c) for c in filled) >= len(filled) / 2
                and (len(filled) > 1 or not filled[0].isdigit())  # a lone bare integer: numbering
            ):
                kinds[i] = Column.VALUE
    return kinds


def _reads(cell: str) -> bool:
    return read_value(cell, re.sub(r"\s", "", matching_form(cell)), "") is not None


def _is_serial(cells: list[str]) -> bool:
    numbers = [matching_form(c).strip().rstrip(".、") for c in cells]
    if len(numbers) < 2 or not all(n.isdigit() for n in numbers):
        return False
    values = [int(n) for n in numbers]
    return all(b in (a, a + 1) for a, b in pairwise(values))


def _value_roles(
    headings: list[str], start_year: int | None, end_year: int | None
) -> list[tuple[IndicatorRole, int | None]]:
    """The role and year of each value column, from its heading and the plan period."""
    years = [_heading_year(h) for h in headings]
    latest = max((y for y in years if y is not None), default=None)
    before = start_year - 1 if start_year else None
    roles: list[tuple[IndicatorRole, int | None]] = []
    for heading, year in zip(headings, years, strict=True):
        form = matching_form(heading)
        if _BASE_WORDS.search(form):
            past = True
        elif _GOAL_WORDS.search(form):
            past = year is not None and start_year is not None and year < start_year
        elif year is not None and start_year is not None:
            past = year < start_year
        else:
            past = year is not None and latest is not None and year < latest
        if past:
            roles.append((IndicatorRole.ACHIEVED, year or before))
        else:
            stated = year is not None and (start_year is None or year >= start_year)
            roles.append((IndicatorRole.TARGET, year if stated else end_year))
    return roles


def _heading_year(heading: str) -> int | None:
    form = matching_form(heading)
    match = _YEAR.search(form)
    return int(match.group(1)) if match else period_end(form)


def _name_and_unit(cell: str) -> tuple[str, str]:
    """The indicator's name as printed (no serial, footnote mark or unit bracket) and the bracket's unit."""
    name = _WRAP_SPACE.sub("", cell.strip())
    name = _SERIAL_PREFIX.sub("", name)
    name = _FOOTNOTE_MARK.sub("", name).strip()
    bracket = _NAME_UNIT.search(name)
    unit = ""
    if bracket and not _NOT_UNIT.search(bracket.group(1)) and len(bracket.group(1)) <= 8:
        unit = _normal_unit(bracket.group(1))
        name = name[: bracket.start()].strip()
    return _FOOTNOTE_MARK.sub("", name).strip(), unit


def _normal_unit(text: str) -> str:
    """A unit as written, spaces and a bracketed alternative (``万套（间）``: sets or rooms) removed."""
    unit = re.sub(r"\s", "", matching_form(text))
    unit = re.sub(r"(?<=.)\([^()]*\)$", "", unit)
    if re.fullmatch(r"[—–\-－/／]*", unit):
        return ""
    if unit in ("比值", "比", "倍") or re.fullmatch(r"\d?:\d?", unit):
        return "ratio"
    return unit


def _cell_line(table: Table, row_number: int, column: int) -> int:
    """The source line of a value cell: its own line where the table keeps one, else its row's."""
    if row_number < len(table.cell_lines) and column < len(table.cell_lines[row_number]):
        line = table.cell_lines[row_number][column]
        if line:
            return line
    return table.row_lines[row_number] if row_number < len(table.row_lines) else table.line
