"""What the columns of an indicator table hold, read from the meaning of their headings, not their position.

Headings of a 主要指标 table name a serial (序号), a category (类别, 领域), the indicator (指标, 指标名称), its
unit (单位), values (a year ``2025年``, ``2030年目标``, ``2025年完成值``, ``“十五五”目标``, ``年均［累计］``) and the
attribute (属性). Whether a value column holds base values or targets depends on the plan's period and is
decided by the extract stage (``extract/table_rows.py``); here a value column is only a value column.

A header may take several rows (``“十五五”目标`` over ``2030年`` and ``年均［累计］``): the leading rows without
values or attributes are merged column by column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from ..ingest import matching_form


class Column(StrEnum):
    """The kind of content a table column holds."""

    SERIAL = "serial"
    CATEGORY = "category"
    NAME = "name"
    UNIT = "unit"
    VALUE = "value"
    ATTRIBUTE = "attribute"
    OTHER = "other"


ATTRIBUTES = ("预期性", "约束性", "指导性")
_ATTRIBUTE = re.compile(r"属性|性质")
_SERIAL = re.compile(r"^(?:序号|编号|No\.?)$", re.IGNORECASE)
_UNIT = re.compile(r"^(?:计量)?单位$")
_YEAR = re.compile(r"(?:19|20)\d{2}(?:年|$)")
_VALUE = re.compile(
    r"(?:19|20)\d{2}|目标|完成|现状|基期|基数|基础值|实际|预计|年均|累计|增长|增速|规划值|指标值|数值|"
    r"十[一二三四五六七八九]五|期末"
)
_CATEGORY = re.compile(r"^(?:类别|分类|类型|领域|维度|板块|方面|一级指标)$")
_NAME = re.compile(r"指标|名称|项目")
# Words that complete a year heading written apart from it (2030年 目标).
_YEAR_WORD = re.compile(r"(?:预期|规划)?目标值?|完成值|预计值?|基数|基期值?|实际值?|现状值?")
# A heading is short; a longer cell is content (a name, a text target).
MAX_HEADING_CHARS = 16
# A year (2025年, 2021-2025年) in a cell is a heading word, not a value.
_YEAR_SPAN = re.compile(r"(?:19|20)\d{2}(?:\s*[-—–~～至到]\s*(?:19|20)?\d{2,4})?年?")


def column_kind(heading: str) -> Column:
    """The kind of column a heading names."""
    text = re.sub(r"\s", "", matching_form(heading))
    if not text:
        return Column.OTHER
    for kind, pattern in (
        (Column.ATTRIBUTE, _ATTRIBUTE),
        (Column.SERIAL, _SERIAL),
        (Column.UNIT, _UNIT),
        (Column.VALUE, _VALUE),
        (Column.CATEGORY, _CATEGORY),
        (Column.NAME, _NAME),
    ):
        if pattern.search(text):
            return kind
    return Column.OTHER


def is_header(cells: Sequence[str]) -> bool:
    """Whether cells are the headings of an indicator table: an indicator column and a value column among
    at least three recognised headings, none unrecognised."""
    kinds = [column_kind(cell) for cell in cells]
    return (
        len(kinds) >= 3
        and Column.OTHER not in kinds
        and Column.NAME in kinds
        and Column.VALUE in kinds
        and all(len(matching_form(cell)) <= MAX_HEADING_CHARS and not has_value(cell) for cell in cells)
    )


def split_heading_line(text: str) -> list[str]:
    """The headings of a space-separated header line: letter-spaced words put back together (``类 别`` is
    类别), a year and the word after it kept together (``2030年 目标`` is one heading)."""
    cells: list[str] = []
    spelled = ""
    for token in text.split():
        if len(token) == 1 and "\u4e00" <= token <= "\u9fff":
            spelled += token
            if column_kind(spelled) is not Column.OTHER:
                cells.append(spelled)
                spelled = ""
            continue
        if spelled:
            cells.append(spelled)
            spelled = ""
        year_before = bool(cells) and bool(_YEAR.fullmatch(matching_form(cells[-1])))
        if year_before and _YEAR_WORD.fullmatch(matching_form(token)):
            cells[-1] += token
            continue
        cells.append(token)
    if spelled:
        cells.append(spelled)
    return cells


def has_value(cell: str) -> bool:
    """A cell holding a value (a digit outside a year) or an attribute: not a heading."""
    text = matching_form(cell).strip()
    return text in ATTRIBUTES or bool(re.search(r"\d", _YEAR_SPAN.sub("", text)))


def merge_header(rows: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], int]:
    """The header of a table's rows (the leading rows without values, merged column by column) and the
    index of the first body row. The first row is always a header row."""
    count = 1
    while (
        count < len(rows) - 1
        and sum(1 for cell in rows[count] if cell.strip()) >= 2
        and not any(has_value(cell) for cell in rows[count])
    ):
        count += 1
    width = max(len(row) for row in rows[:count])
    header: list[str] = []
    for j in range(width):
        parts: list[str] = []
        for row in rows[:count]:
            cell = row[j].strip() if j < len(row) else ""
            if cell and (not parts or parts[-1] != cell):
                parts.append(cell)
        header.append(" ".join(parts))
    return tuple(header), count
