"""Flattened tables: a caption (``表1 …``), then tab-indented cells one per line, rows separated by blanks.

This is the shape word-processor text exports give a table, and the shape the DOCX and HTML readers
emit for real tables, so one reader serves all formats. The first row is the header.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import SourceLine, Table
from .numbering import TABLE_CAPTION

# A caption is looked for this many non-blank lines above the first cell.
CAPTION_DISTANCE = 2


@dataclass(frozen=True, slots=True)
class FoundTable:
    """A table and the clean-line indexes it occupies (caption included)."""

    table: Table
    indexes: frozenset[int]
    first_index: int


def find_tables(lines: Sequence[SourceLine], matching: Sequence[str]) -> list[FoundTable]:
    """Every run of tab-indented cell lines with at least two rows, with its caption if there is one."""
    found: list[FoundTable] = []
    i = 0
    while i < len(lines):
        if not _is_cell(lines[i]):
            i += 1
            continue
        rows, cell_lines, end = _read_rows(lines, i)
        if len(rows) >= 2:
            caption_index = _caption_above(matching, i)
            first = caption_index if caption_index is not None else i
            caption = matching[caption_index] if caption_index is not None else ""
            table = Table(
                id=f"t{len(found) + 1}",
                caption=caption,
                header=tuple(rows[0]),
                rows=tuple(tuple(r) for r in rows[1:]),
                line=lines[first].line,
                end_line=lines[end - 1].end_line,
                row_lines=tuple(cells[0] for cells in cell_lines[1:]),
                cell_lines=tuple(tuple(cells) for cells in cell_lines[1:]),
            )
            found.append(FoundTable(table, frozenset(range(first, end)), first))
        i = end
    return found


def _is_cell(line: SourceLine) -> bool:
    return line.text.startswith("\t") and bool(line.text.strip())


def _read_rows(lines: Sequence[SourceLine], start: int) -> tuple[list[list[str]], list[list[int]], int]:
    """Rows and their cells' source lines from ``start``; rows are separated by one blank line."""
    rows: list[list[str]] = []
    cell_lines: list[list[int]] = []
    i = start
    while i < len(lines) and _is_cell(lines[i]):
        row: list[str] = []
        cell_lines.append([])
        while i < len(lines) and _is_cell(lines[i]):
            row.append(lines[i].text.strip())
            cell_lines[-1].append(lines[i].line)
            i += 1
        rows.append(row)
        if i + 1 < len(lines) and not lines[i].text.strip() and _is_cell(lines[i + 1]):
            i += 1
    return rows, cell_lines, i


def _caption_above(matching: Sequence[str], index: int) -> int | None:
    seen = 0
    for j in range(index - 1, -1, -1):
        if not matching[j]:
            continue
        if TABLE_CAPTION.match(matching[j]):
            return j
        seen += 1
        if seen >= CAPTION_DISTANCE:
            return None
    return None
