"""Tables that reach us as plain text: rows of space-separated cells (PDF text) or one cell per line.

A PDF's text layer writes a table row on one line with its cells separated by spaces
(``2 每万人口高价值发明专利拥有量(件) 180.7 240左右 预期性``), except where a cell wraps: a long name, a text
target (``完成经国家`` / ``审核衔接后`` / ``确定的目标``), a category (``创新`` / ``发展`` / ``(5项)``), each piece on a
line of its own. Page numbers and the header repeated on the next page sit inside the table. A web page
that lays a table out with ``<div>``s or ``<p>``s gives one cell per line instead.

Rows are found by content, not by counting cells (empty cells leave no trace in text):

1. the lines are read into cells: on one line, cells are separated by spaces (a run of words with Latin
   between them, ``单位 GDP 能耗``, stays one cell); a cell continues on the next line when both pieces are
   text and one of the two lines holds only that piece (``…占地区生`` / ``产总值比重(%)``), or the first piece
   ends with a comma;
2. a row opens at its serial number (the next one in sequence) when the table has a 序号 column, else
   after the attribute (预期性/约束性) that closes the row before; text between a finished row and the
   next serial number is the category of the rows that follow;
3. in a row, the first text cell is the indicator (several names each followed by their values are
   sub-rows: ``29 食品药品安全`` / ``食品安全抽检合格率(%) >98.5∗ >98.7`` / ``药品抽检合格率(%) …``), the cells
   after it fill the unit and value columns in order (fewer cells than value columns fill the last ones),
   the attribute cell the attribute column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from ..ingest import matching_form
from ..model import SourceLine
from .numbering import BOX, FIGURE_CAPTION, TABLE_CAPTION, Scheme, read_heading
from .table_header import ATTRIBUTES, MAX_HEADING_CHARS, Column, column_kind, is_header, split_heading_line

# A page number inside a table is decorated (a bare number there is a serial).
_PAGE_LINE = re.compile(r"^[—–\-－_]+\s*\d{1,4}\s*[—–\-－_]+$|^第\s*\d+\s*页")
_CONTINUED = re.compile(r"^续表|^[（(]续[)）]$")
_NOTE = re.compile(r"^(?:注|备注|说明|资料来源|来源)\s*[:：]|^注\s*\d")
_SENTENCE = re.compile(r"[。；;！？]")
_DASH = re.compile(r"^[—–\-－/／\s]+$")
_COUNT = re.compile(r"^[（(]\d+\s*[项个][)）]$")
_SERIAL = re.compile(r"^\d{1,3}[.、．]?$")
_GLUED_SERIAL = re.compile(r"^\s*(\d{1,3})[.、．]\s*(?=[^\d\s])")
_CJK_START = re.compile(r"^[\u4e00-\u9fff“\"]")
_CJK_END = re.compile(r"[\u4e00-\u9fff”\"（(/、，,]$")
_NUMBER_START = re.compile(r"^[<>≤≥＜＞【［〔\[]?\s*\d")
_LATIN_END = re.compile(r"[A-Za-z]$")
_LATIN_START = re.compile(r"^[A-Za-z]")
# A value cell holds a digit and at most this many CJK characters (``240左右``, ``【350左右】``); a name with a
# number in it (``3岁以下婴幼儿入托率``) has more.
VALUE_MAX_CJK = 4


@dataclass(slots=True)
class _Cell:
    text: str
    line: int
    index: int = 0  # the clean-line index
    opens_line: bool = False
    wrapped: bool = False
    after_row: bool = False  # alone on a line right after a line that closed a row

    @property
    def form(self) -> str:
        return matching_form(self.text).strip()


@dataclass(slots=True)
class _Row:
    serial: _Cell | None = None
    category: str = ""
    cells: list[_Cell] = field(default_factory=list)
    attribute: _Cell | None = None
    between: list[_Cell] = field(default_factory=list)  # text between the row before and this one


@dataclass(frozen=True, slots=True)
class TextTable:
    """Rows aligned to the header, the source line of each row and of each of its cells, and the index of
    the first clean line after the table."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_lines: tuple[int, ...]
    cell_lines: tuple[tuple[int, ...], ...]
    end: int


def spaced_header(text: str) -> list[str] | None:
    """The headings of a space-separated header line (``类别 序号 指标 2025年 2030年目标 属性``), else None."""
    cells = split_heading_line(text)
    return cells if len(cells) >= 3 and is_header(cells) else None


def stacked_header(matching: Sequence[str], start: int) -> int:
    """How many lines from ``start`` are headings written one per line (0 when they are not a header)."""
    end = start
    while (
        end < len(matching)
        and 0 < len(matching[end]) <= MAX_HEADING_CHARS
        and column_kind(matching[end]) is not Column.OTHER
    ):
        end += 1
    return end - start if is_header(list(matching[start:end])) else 0


def read_text_table(
    lines: Sequence[SourceLine], header: Sequence[str], start: int, *, spaced: bool
) -> TextTable:
    """The rows of a text table whose body starts at clean-line index ``start``."""
    kinds = [column_kind(h) for h in header]
    cells = _cells(_body_lines(lines, header, start, spaced=spaced), spaced=spaced)
    rows = _rows(cells, kinds)
    used = [c.index for row in rows for c in (row.serial, row.attribute, *row.cells) if c is not None]
    end = max(used) + 1 if used else start  # text after the last row is not the table's
    aligned: list[tuple[str, ...]] = []
    row_lines: list[int] = []
    cell_lines: list[tuple[int, ...]] = []
    category_at = kinds.index(Column.CATEGORY) if Column.CATEGORY in kinds else None
    for row in rows:
        for texts, lines_of, line in _aligned(row, kinds):
            if category_at is not None and not texts[category_at] and aligned:  # a rowspan category
                texts = (*texts[:category_at], aligned[-1][category_at], *texts[category_at + 1 :])
            aligned.append(texts)
            row_lines.append(line)
            cell_lines.append(lines_of)
    return TextTable(tuple(header), tuple(aligned), tuple(row_lines), tuple(cell_lines), end)


def _body_lines(
    lines: Sequence[SourceLine], header: Sequence[str], start: int, *, spaced: bool
) -> list[list[_Cell]]:
    """The pieces of each body line, up to the first note, heading, caption or prose line; the repeated
    header (after a page break), ``续表`` and page numbers are skipped."""
    pieces: list[list[_Cell]] = []
    header_form = [matching_form(h) for h in header]
    i = start
    while i < len(lines):
        text = lines[i].text.strip()
        form = matching_form(text)
        if not text or _PAGE_LINE.match(form) or _CONTINUED.match(form):
            i += 1
            continue
        if _ends_table(form):
            break
        if (spaced and split_heading_line(text) == list(header)) or (
            not spaced and form in header_form and _repeats_header(lines, i, header_form)
        ):
            i += len(header) if not spaced else 1
            continue
        parts = text.split() if spaced else [text]
        pieces.append([_Cell(part, lines[i].line, i, k == 0) for k, part in enumerate(parts)])
        i += 1
    return pieces


def _ends_table(form: str) -> bool:
    """A note, a prose sentence, a heading or the caption of the next box, table or figure."""
    if (
        _NOTE.match(form)
        or _SENTENCE.search(form)
        or any(p.match(form) for p in (BOX, TABLE_CAPTION, FIGURE_CAPTION))
    ):
        return True
    heading = read_heading(form)
    return heading is not None and heading.scheme <= Scheme.CN_PAREN


def _repeats_header(lines: Sequence[SourceLine], i: int, header: Sequence[str]) -> bool:
    window = [matching_form(line.text.strip()) for line in lines[i : i + len(header)]]
    return window == list(header)


def _cells(pieces: Sequence[list[_Cell]], *, spaced: bool) -> list[_Cell]:
    """Pieces joined into cells: words of one name with Latin between them, and wrapped pieces."""
    cells: list[_Cell] = []
    previous_line: list[_Cell] = []
    for line in pieces:
        merged: list[_Cell] = []
        for piece in line:
            if merged and _joins_on_line(merged[-1], piece):
                merged[-1] = replace(merged[-1], text=merged[-1].text + " " + piece.text)
            else:
                merged.append(piece)
        if spaced and cells and merged and _wraps(cells[-1], merged[0], len(previous_line), len(merged)):
            cells[-1] = replace(
                cells[-1], text=cells[-1].text + merged[0].text, index=merged[0].index, wrapped=True
            )
            merged = merged[1:]
        elif spaced and len(merged) == 1 and previous_line and previous_line[-1].form in ATTRIBUTES:
            merged[0] = replace(merged[0], after_row=True)
        cells.extend(merged)
        previous_line = merged or previous_line
    return cells


def _joins_on_line(left: _Cell, right: _Cell) -> bool:
    """Words of one name spaced around Latin (``单位 GDP 能耗``): a PDF's text puts spaces there."""
    return (
        _is_text(left)
        and _is_text(right)
        and bool(_LATIN_END.search(left.form) or _LATIN_START.match(right.form))
    )


def _wraps(previous: _Cell, piece: _Cell, previous_count: int, count: int) -> bool:
    """Whether ``piece``, first on its line, continues the cell that ended the line before (not a piece
    left alone after a finished row: a name's tail or a category, told apart by the rows)."""
    if previous.after_row:
        return False
    if previous.form.endswith((",", "，", "、")) and not _is_closing(piece):
        return True
    return (
        (previous_count == 1 or count == 1)
        and (_is_text(previous) or previous.wrapped)
        and not _is_closing(piece)
        and bool(_CJK_END.search(previous.form))
        and bool(_CJK_START.match(piece.form) or piece.form.startswith(("(", "（")))
    )


def _is_closing(cell: _Cell) -> bool:
    return cell.form in ATTRIBUTES or bool(_DASH.match(cell.form)) or bool(_COUNT.match(cell.form))


def _is_text(cell: _Cell) -> bool:
    """Text (a name, a category, a text target), not a value, a dash or an attribute."""
    form = cell.form
    if _is_closing(cell) or _DASH.match(form):
        return False
    if not re.search(r"\d", form):
        return True
    cjk = len(re.findall(r"[\u4e00-\u9fff]", form))
    return not _NUMBER_START.match(form) or cjk > VALUE_MAX_CJK


def _rows(cells: Sequence[_Cell], kinds: Sequence[Column]) -> list[_Row]:
    """Cells grouped into rows at serial numbers (or after attributes), categories set apart."""
    has_serial = Column.SERIAL in kinds
    has_attribute = Column.ATTRIBUTE in kinds
    values = sum(kind in (Column.VALUE, Column.UNIT) for kind in kinds)
    rows: list[_Row] = []
    pending: list[_Cell] = []  # text after a finished row: a category, or the start of the next row
    category = ""
    expected = 1

    def finished(row: _Row) -> bool:
        if has_attribute:
            return row.attribute is not None
        return len(row.cells) >= values + 1

    for whole in cells:
        serial, cell = _split_serial(whole) if has_serial and whole.opens_line else (None, whole)
        if serial is not None and (int(serial.form.rstrip(".、．")) == expected or not rows):
            if pending and rows and _is_name_tail(pending, rows[-1]):
                name = rows[-1].cells[0]
                rows[-1].cells[0] = replace(name, text=name.text + "".join(p.text for p in pending))
            elif pending:
                category = "".join(p.text for p in pending)
            pending = []
            rows.append(_Row(serial=serial, category=category))
            expected = int(serial.form.rstrip(".、．")) + 1
            if cell is None:
                continue
        elif cell is None:
            cell = whole
        form = cell.form
        if form in ATTRIBUTES and rows and rows[-1].attribute is None:
            rows[-1].attribute = cell
            continue
        if _COUNT.match(form):
            pending.append(cell)
            continue
        if not rows or finished(rows[-1]):
            if has_serial or not _is_text(cell) or cell.after_row:
                pending.append(cell)
                continue
            rows.append(_Row(category=category, between=pending))
            if pending:
                rows[-1].category = category = "".join(p.text for p in pending)
                pending = []
        rows[-1].cells.append(cell)
    rows = [row for row in rows if row.cells]
    _tails_to_names(rows, kinds)
    return rows


def _tails_to_names(rows: list[_Row], kinds: Sequence[Column]) -> None:
    """Text left between two rows is the next rows' category, unless the next row brings its category on
    its own first line (经济发展 4.城镇调查失业率 …): then it is the tail of the name above (…占地区生 /
    产总值比重)."""
    chunk = sum(kind in (Column.VALUE, Column.UNIT) for kind in kinds) + 1
    for n, (before, row) in enumerate(pairwise(rows), start=1):
        if row.between and Column.CATEGORY in kinds and _category_first(row.cells, chunk):
            tail = "".join(p.text for p in row.between)
            name = before.cells[0]
            before.cells[0] = replace(name, text=name.text + tail)
            for later in rows[n:]:
                if later.category == tail:
                    later.category = ""  # filled from the category the row brings


def _category_first(cells: Sequence[_Cell], chunk: int) -> bool:
    return len(cells) == chunk + 1 and _is_text(cells[0]) and _is_text(cells[1])


def _split_serial(cell: _Cell) -> tuple[_Cell | None, _Cell | None]:
    """A serial number opening a line: alone (``1``, ``1.``) or glued to the name (``1.地区生产总值增长``)."""
    if _SERIAL.match(cell.form):
        return cell, None
    glued = _GLUED_SERIAL.match(cell.text)
    if glued is None:
        return None, cell
    return replace(cell, text=glued.group(1)), replace(cell, text=cell.text[glued.end() :], opens_line=False)


def _is_name_tail(pending: Sequence[_Cell], row: _Row) -> bool:
    """Text between two rows that ends with a unit bracket (``产总值比重(%)``) finishes the name above, when
    that name has no bracket of its own; other text there is the category of the rows that follow."""
    text = "".join(p.form for p in pending)
    return bool(row.cells) and text.endswith(")") and not row.cells[0].form.endswith(")")


def _aligned(row: _Row, kinds: Sequence[Column]) -> list[tuple[tuple[str, ...], tuple[int, ...], int]]:
    """The row's cells in header order with their lines, and the row's line (its serial's, a sub-row's own
    name's); sub-rows (names each followed by their values) one row each."""
    value_count = sum(kind is Column.VALUE for kind in kinds)
    with_unit = Column.UNIT in kinds
    cells = list(row.cells)
    chunk = value_count + (1 if with_unit else 0) + 1
    category = row.category
    if Column.CATEGORY in kinds and _category_first(cells, chunk):
        category = cells.pop(0).text  # 经济发展 1.地区生产总值增长 …: a rowspan category on its first row
    name = cells.pop(0)
    groups: list[tuple[_Cell, list[_Cell]]]
    if len(cells) > chunk - 1 and len(cells) % chunk == 0 and _is_text(cells[0]):
        groups = [(cells[k], cells[k + 1 : k + chunk]) for k in range(0, len(cells), chunk)]
    else:
        groups = [(name, cells)]
    out: list[tuple[tuple[str, ...], tuple[int, ...], int]] = []
    first_line = row.serial.line if row.serial is not None else name.line
    for own_name, rest in groups:
        unit: _Cell | None = None
        if with_unit and rest and (len(rest) > value_count or not _NUMBER_START.match(rest[0].form)):
            unit = rest.pop(0)
        kept = rest[len(rest) - value_count :] if value_count else []
        values: list[_Cell | None] = [None] * (value_count - len(kept)) + list(kept)
        texts: list[str] = []
        lines: list[int] = []
        value_iter = iter(values)
        for kind in kinds:
            cell: _Cell | None = None
            text = ""
            if kind is Column.SERIAL:
                cell = row.serial
            elif kind is Column.CATEGORY:
                text = category
            elif kind is Column.NAME:
                cell = own_name
            elif kind is Column.UNIT:
                cell = unit
            elif kind is Column.VALUE:
                cell = next(value_iter, None)
            elif kind is Column.ATTRIBUTE:
                cell = row.attribute
            texts.append(cell.text if cell is not None else text)
            lines.append(cell.line if cell is not None else 0)
        out.append((tuple(texts), tuple(lines), own_name.line if len(groups) > 1 else first_line))
    return out
