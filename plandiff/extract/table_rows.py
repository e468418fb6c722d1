"""Indicators from indicator tables: columns recognized by their role, not by their header text.

Roles: index (序号: small consecutive integers), name (the widest text column), unit (单位, or a unit in
brackets after the name: ``地区生产总值年均增速（%）``), attribute (预期性/约束性), and value columns. A value
column whose header names a year before the plan period holds base values (``achieved``); the others
hold targets, for the year their header names or the plan's end year.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import Indicator, IndicatorRole, Table
from .prose import normalize_name
from .quantity import parse_quantity

_ATTRIBUTES = ("预期性", "约束性")
_NAME_UNIT = re.compile(r"[（(]([^（()）]{1,12})[)）]\s*$")
_HEADER_YEAR = re.compile(r"(20\d{2})")


def table_indicators(
    table: Table, section: str | None, start_year: int | None, end_year: int | None
) -> list[Indicator]:
    """One indicator per row and value column of an indicator table."""
    rows = [row for row in table.rows if any(cell.strip() for cell in row)]
    if not rows:
        return []
    width = max(len(table.header), *(len(row) for row in rows))
    columns = [[row[i] if i < len(row) else "" for row in rows] for i in range(width)]
    name_column = max(range(width), key=lambda i: sum(len(re.sub(r"[\d.%]", "", c)) for c in columns[i]))
    attribute_columns = [
        i for i in range(width) if sum(c in _ATTRIBUTES for c in columns[i]) >= len(rows) / 2
    ]
    value_columns = [
        i
        for i in range(width)
        if i != name_column
        and i not in attribute_columns
        and not _is_index(columns[i])
        and sum(parse_quantity(_nfkc(c)) is not None for c in columns[i]) >= len(rows) / 2
    ]
    found: list[Indicator] = []
    for row_number, row in enumerate(rows):
        cells = [row[i] if i < len(row) else "" for i in range(width)]
        name_cell = cells[name_column]
        unit_match = _NAME_UNIT.search(_nfkc(name_cell))
        unit = _normal_unit(unit_match.group(1)) if unit_match else ""
        name = _NAME_UNIT.sub("", name_cell).strip() if unit_match else name_cell.strip()
        attribute = next((cells[i] for i in attribute_columns if cells[i] in _ATTRIBUTES), None)
        for column in value_columns:
            quantity = parse_quantity(_nfkc(cells[column]), unit=unit)
            if quantity is None:
                continue
            role, year = _column_role(
                table.header[column] if column < len(table.header) else "", start_year, end_year
            )
            found.append(
                Indicator(
                    name=name,
                    normalized_name=normalize_name(name),
                    quantity=quantity,
                    year=year,
                    role=role,
                    attribute=attribute,
                    section=section,
                    line=_cell_line(table, row_number, column, name_column),
                    source="table",
                )
            )
    return found


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _normal_unit(unit: str) -> str:
    unit = unit.replace("％", "%").strip()
    return {"比值": "ratio", "倍": "倍"}.get(unit, "ratio" if re.fullmatch(r"\d?:\d?|比", unit) else unit)


def _is_index(column: list[str]) -> bool:
    numbers = [c.strip() for c in column]
    return all(n.isdigit() for n in numbers) and [int(n) for n in numbers] == list(
        range(int(numbers[0]), int(numbers[0]) + len(numbers))
    )


def _column_role(
    header: str, start_year: int | None, end_year: int | None
) -> tuple[IndicatorRole, int | None]:
    match = _HEADER_YEAR.search(header)
    year = int(match.group(1)) if match else end_year
    if year is not None and start_year is not None and year < start_year and "目标" not in header:
        return IndicatorRole.ACHIEVED, year
    return IndicatorRole.TARGET, year


def _cell_line(table: Table, row_number: int, column: int, name_column: int) -> int:
    """The source line of a value cell: one line per cell in flattened tables, the row's line otherwise."""
    if table.cell_lines and row_number < len(table.cell_lines) and column < len(table.cell_lines[row_number]):
        return table.cell_lines[row_number][column]
    return table.row_lines[row_number] if row_number < len(table.row_lines) else table.line
