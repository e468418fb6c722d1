"""Read a Word table (``w:tbl``) into a grid (gridSpan and vMerge expanded) and emit it as table lines.

A cell spanning columns (``w:gridSpan``) covers that many grid columns; a cell continuing a vertical merge
(``w:vMerge`` without ``restart``) belongs to the cell above it. Leading empty grid positions
(``w:gridBefore``) are kept empty. The text of a cell is its paragraphs joined (``table_grid.cell_text``).
Each table row counts as one DOCX line (the paragraph position the reader keeps).
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tbl, CT_Tc
from docx.text.paragraph import Paragraph

from ..model import SourceLine
from .table_grid import Slot, cell_text, grid_lines


def table_lines(table: CT_Tbl, position: int) -> tuple[list[SourceLine], int]:
    """The lines of a table whose first row is at DOCX line ``position + 1``, and the last position used.

    A one-column layout table gives its paragraphs as plain lines instead.
    """
    rows: list[CT_Row] = list(table.tr_lst)
    grid: list[list[Slot | None]] = []
    positions: list[int] = []
    origins: dict[int, int] = {}
    for row in rows:
        position += 1
        positions.append(position)
        slots: list[Slot | None] = [None] * row.grid_before
        for tc in row.tc_lst:
            column = len(slots)
            above = grid[-1][column] if grid and column < len(grid[-1]) else None
            if tc.vMerge == "continue" and above is not None:
                cells = [
                    Slot(s.text, s.origin, False, s.first_column) if s is not None else None
                    for s in grid[-1][column : column + tc.grid_span]
                ]
                slots.extend(cells)
                continue
            origin = origins.setdefault(id(tc), len(origins))
            text = cell_text(_paragraphs(tc))
            slots.extend(Slot(text, origin, True, k == 0) for k in range(tc.grid_span))
        grid.append(slots)
    found = grid_lines(grid, positions)
    if found is not None:
        return found, position
    plain = [
        SourceLine(text, line, line)
        for row, line in zip(rows, positions, strict=True)
        for tc in row.tc_lst
        if tc.vMerge != "continue"
        for text in _paragraphs(tc)
        if text.strip()
    ]
    return plain, position


def _paragraphs(tc: CT_Tc) -> list[str]:
    """The text of each paragraph of a cell (nested tables' paragraphs included)."""
    return [Paragraph(p, None).text for p in tc.iter(qn("w:p"))]  # type: ignore[arg-type]
