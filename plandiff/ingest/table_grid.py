"""Lay a source table (HTML ``<table>``, DOCX ``w:tbl``) out as a grid and emit it as the parser reads tables.

Spans are expanded into a grid first: every slot knows the cell it belongs to. The grid is then written
one line per row, cells separated by tabs, the line opening with a tab (``\\t序号\\t指标\\t单位``):

- caption rows (a single cell across the whole width above the body, ``专栏1 …主要指标``) and note rows
  below it (``注：…``) become plain lines before and after the table;
- the header block (the first row and the rows its rowspans cover: ``“十五五”目标`` over ``2030年`` and
  ``年均［累计］``) repeats a spanning cell in every column it covers, so each column keeps its heading;
- in the body a rowspan cell is repeated on every row it covers (a category or an attribute belongs to
  each sub-row), a colspan cell is written once in its first column and the rest stay empty;
- a table of one column is layout, not data (a 专栏 box drawn as a frame): ``None`` tells the reader to
  read its content as ordinary blocks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import SourceLine

_WHITESPACE = re.compile(r"\s+")
_ASCII_WORD_EDGE = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True, slots=True)
class Slot:
    """One grid position: the text of the cell covering it, which cell that is, and where the cell starts."""

    text: str
    origin: int
    first_row: bool
    first_column: bool


def cell_text(parts: Sequence[str]) -> str:
    """The text of a cell from its paragraphs or lines: whitespace folded to one space, wrapped pieces joined
    without a space between CJK characters (``2025年`` + ``完成值``), with one between Latin words or digits."""
    text = ""
    for part in (_WHITESPACE.sub(" ", p).strip() for p in parts):
        if not part:
            continue
        gap = " " if text and _ASCII_WORD_EDGE.match(text[-1]) and _ASCII_WORD_EDGE.match(part[0]) else ""
        text += gap + part
    return text


def grid_lines(grid: Sequence[Sequence[Slot | None]], lines: Sequence[int]) -> list[SourceLine] | None:
    """The table's lines (``lines``: the source line of each grid row), or None for a one-column layout table."""
    width = max((len(row) for row in grid), default=0)
    rows = [[*row, *([None] * (width - len(row)))] for row in grid]
    top, bottom = 0, len(rows)
    while top < bottom and _single_cell(rows[top]):
        top += 1
    while bottom > top and _single_cell(rows[bottom - 1]):
        bottom -= 1
    body_width = _used_width(rows[top:bottom])
    if body_width < 2 or bottom - top < 2:
        return None
    header_end = top + _header_height(rows, top, bottom)
    out = [_plain(rows[i], lines[i]) for i in range(top)]
    for i in range(top, bottom):
        cells = [_cell(slot, in_header=i < header_end) for slot in rows[i]]
        if any(cells):
            out.append(SourceLine("\t" + "\t".join(cells), lines[i], lines[i]))
    out.extend(_plain(rows[i], lines[i]) for i in range(bottom, len(rows)))
    return [line for line in out if line.text]


def _cell(slot: Slot | None, *, in_header: bool) -> str:
    if slot is None:
        return ""
    return slot.text if in_header or slot.first_column else ""


def _single_cell(row: Sequence[Slot | None]) -> bool:
    """A row that is one cell across the whole width: a caption or a note."""
    return len({slot.origin for slot in row if slot is not None}) <= 1 and None not in row[:1]


def _used_width(rows: Sequence[Sequence[Slot | None]]) -> int:
    """How many columns hold cells of their own (not the continuation of a colspan)."""
    return len({j for row in rows for j, slot in enumerate(row) if slot is not None and slot.first_column})


def _header_height(rows: Sequence[Sequence[Slot | None]], top: int, bottom: int) -> int:
    """The first row and the rows below it that its rowspans cover."""
    height = 1
    first = rows[top]
    while top + height < bottom and any(
        slot is not None and below is not None and below.origin == slot.origin
        for slot, below in zip(first, rows[top + height], strict=True)
    ):
        height += 1
    return height


def _plain(row: Sequence[Slot | None], line: int) -> SourceLine:
    text = next((slot.text for slot in row if slot is not None and slot.text), "")
    return SourceLine(text, line, line)
