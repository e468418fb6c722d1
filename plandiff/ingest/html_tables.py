"""Read an HTML ``<table>`` into a grid (rowspan and colspan expanded) and emit it as table lines (``table_grid``).

Only the table's own rows count (``<thead>``/``<tbody>``/``<tfoot>`` or direct ``<tr>``), not those of a
table nested in a cell; a ``<caption>`` is a caption line. The text of a cell is its text content with
whitespace folded, so a cell written as two paragraphs (``2025年`` / ``完成值``) reads ``2025年完成值``.
"""

from __future__ import annotations

from collections.abc import Iterator

import lxml.html

from ..model import SourceLine
from .table_grid import Slot, cell_text, grid_lines

# Spans larger than this are taken as written errors (rowspan="9999") and clipped to the table.
MAX_SPAN = 1000


def table_lines(table: lxml.html.HtmlElement) -> list[SourceLine] | None:
    """The lines of a data table, or None for a layout table (one column) whose cells are read as blocks."""
    rows = list(_rows(table))
    grid: list[list[Slot | None]] = [[] for _ in rows]
    origin = 0
    for r, row in enumerate(rows):
        column = 0
        for cell in _cells(row):
            while column < len(grid[r]) and grid[r][column] is not None:
                column += 1
            text = cell_text([cell.text_content()])
            rowspan = min(_span(cell.get("rowspan")), len(rows) - r)
            colspan = _span(cell.get("colspan"))
            for dr in range(rowspan):
                target = grid[r + dr]
                while len(target) < column + colspan:
                    target.append(None)
                for dc in range(colspan):
                    target[column + dc] = Slot(text, origin, dr == 0, dc == 0)
            origin += 1
            column += colspan
    lines = [row.sourceline or 0 for row in rows]
    found = grid_lines(grid, lines)
    if found is None:
        return None
    caption = table.find("caption")
    if caption is not None and caption.text_content().strip():
        line = caption.sourceline or (lines[0] if lines else 0)
        found.insert(0, SourceLine(cell_text([caption.text_content()]), line, line))
    return found


def layout_cells(table: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """The cells of a layout table in reading order, for the reader to read as ordinary blocks."""
    for row in _rows(table):
        yield from _cells(row)


def _rows(table: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag in ("thead", "tbody", "tfoot"):
            yield from (row for row in child if isinstance(row.tag, str) and row.tag == "tr")
        elif child.tag == "tr":
            yield child


def _cells(row: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return [cell for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), MAX_SPAN))
    except ValueError:
        return 1
