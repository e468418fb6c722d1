"""Find the tables of a clean text, in every shape they reach the parser, and read them into ``Table``s.

Shapes:

- tab lines, one row per line with tab-separated cells: what the HTML and DOCX readers emit for a real
  table (spans expanded, ``ingest/table_grid.py``);
- tab-indented cells one per line, rows separated by a blank line: word-processor text exports;
- space-separated rows under a header line (``类别 序号 指标 2025年 2030年目标 属性``): a PDF's text layer;
- headings one per line, then cells one per line: web pages that lay a table out with ``<div>``s or ``<p>``s.

The last two are read by ``table_text.py``. A header may take several rows (``table_header.py``). The
caption is the line just above: ``表1 …``, ``专栏1 …`` (a box whose content is a table is that table) or a
title naming the indicators (``“十五五”时期经济社会发展主要指标``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import SourceLine, Table
from .numbering import BOX, TABLE_CAPTION, read_heading
from .table_header import merge_header
from .table_text import read_text_table, spaced_header, stacked_header

# A caption is looked for this many non-blank lines above the first cell.
CAPTION_DISTANCE = 2
# A title line naming a table of indicators is at most this long (longer lines are prose).
CAPTION_MAX_CHARS = 40
_INDICATOR_TITLE = re.compile(r"指标(?:体系|表|一览)?\s*$")


@dataclass(frozen=True, slots=True)
class FoundTable:
    """A table and the clean-line indexes it occupies (caption included)."""

    table: Table
    indexes: frozenset[int]
    first_index: int


@dataclass(frozen=True, slots=True)
class _Read:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_lines: tuple[int, ...]
    cell_lines: tuple[tuple[int, ...], ...]
    end: int


def find_tables(lines: Sequence[SourceLine], matching: Sequence[str]) -> list[FoundTable]:
    """Every table of the text with at least one body row, with its caption if there is one."""
    found: list[FoundTable] = []
    i = 0
    while i < len(lines):
        read = _read_at(lines, matching, i)
        if read is None or not read.rows:
            i += 1
            continue
        caption_index = _caption_above(matching, i)
        first = caption_index if caption_index is not None else i
        table = Table(
            id=f"t{len(found) + 1}",
            caption=lines[caption_index].text.strip() if caption_index is not None else "",
            header=read.header,
            rows=read.rows,
            line=lines[first].line,
            end_line=lines[read.end - 1].end_line,
            row_lines=read.row_lines,
            cell_lines=read.cell_lines,
        )
        found.append(FoundTable(table, frozenset(range(first, read.end)), first))
        i = read.end
    return found


def _read_at(lines: Sequence[SourceLine], matching: Sequence[str], i: int) -> _Read | None:
    text = lines[i].text
    if _is_tab_line(text):
        if "\t" in text.strip("\t"):
            return _tab_rows(lines, i)
        return _tab_cells(lines, i)
    header = spaced_header(text.strip()) if matching[i] else None
    if header is not None:
        read = read_text_table(lines, header, i + 1, spaced=True)
        return _Read(read.header, read.rows, read.row_lines, read.cell_lines, read.end)
    count = stacked_header(matching, i) if matching[i] else 0
    if count:
        headings = [line.text.strip() for line in lines[i : i + count]]
        read = read_text_table(lines, headings, i + count, spaced=False)
        return _Read(read.header, read.rows, read.row_lines, read.cell_lines, read.end)
    return None


def _is_tab_line(text: str) -> bool:
    return text.startswith("\t") and bool(text.strip())


def _tab_rows(lines: Sequence[SourceLine], start: int) -> _Read:
    """One row per line, cells separated by tabs."""
    rows: list[list[str]] = []
    row_lines: list[int] = []
    i = start
    while i < len(lines) and _is_tab_line(lines[i].text):
        rows.append([cell.strip() for cell in lines[i].text[1:].split("\t")])
        row_lines.append(lines[i].line)
        i += 1
    return _with_header(rows, row_lines, [[n] * len(row) for n, row in zip(row_lines, rows, strict=True)], i)


def _tab_cells(lines: Sequence[SourceLine], start: int) -> _Read:
    """Tab-indented cells one per line, rows separated by one blank line."""
    rows: list[list[str]] = []
    cell_lines: list[list[int]] = []
    i = start
    while i < len(lines) and _is_tab_line(lines[i].text):
        rows.append([])
        cell_lines.append([])
        while i < len(lines) and _is_tab_line(lines[i].text):
            rows[-1].append(lines[i].text.strip())
            cell_lines[-1].append(lines[i].line)
            i += 1
        if i + 1 < len(lines) and not lines[i].text.strip() and _is_tab_line(lines[i + 1].text):
            i += 1
    return _with_header(rows, [cells[0] for cells in cell_lines], cell_lines, i)


def _with_header(rows: list[list[str]], row_lines: list[int], cell_lines: list[list[int]], end: int) -> _Read:
    header, body = merge_header(rows)
    width = max(len(header), *(len(row) for row in rows))
    padded = tuple(tuple(row + [""] * (width - len(row))) for row in rows[body:])
    return _Read(
        tuple(header) + ("",) * (width - len(header)),
        padded,
        tuple(row_lines[body:]),
        tuple(tuple(cells) for cells in cell_lines[body:]),
        end,
    )


def _caption_above(matching: Sequence[str], index: int) -> int | None:
    seen = 0
    for j in range(index - 1, -1, -1):
        text = matching[j]
        if not text:
            continue
        if TABLE_CAPTION.match(text) or BOX.match(text) or _is_indicator_title(text):
            return j
        seen += 1
        if seen >= CAPTION_DISTANCE:
            return None
    return None


def _is_indicator_title(text: str) -> bool:
    return (
        len(text) <= CAPTION_MAX_CHARS
        and bool(_INDICATOR_TITLE.search(text))
        and "。" not in text
        and read_heading(text) is None
    )
