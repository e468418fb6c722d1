"""The Word document: the 修订对照表 as offices pass it around (python-docx).

A title and the summary points, then a three-column table (修订前 | 修订后 | 类型, or the sides of the
comparison's kind): for each revised pair a heading row with both section titles and a text row where
deletions are struck through (red) and additions underlined (green), unchanged text plain; rewritten,
added and dropped sections are listed after it. Landscape A4, Chinese fonts set for East Asian text.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell

from ..model import TextOp
from .context import PairRow, ReportContext

FONT = "Noto Sans CJK SC"
EAST_ASIA_FONT = "SimSun"  # what Word on an office PC has; LibreOffice falls back to a CJK font it has
RED = RGBColor(0xC6, 0x28, 0x28)
GREEN = RGBColor(0x1A, 0x7F, 0x37)
AMBER = RGBColor(0x8E, 0x6D, 0x00)
GREY = RGBColor(0x55, 0x55, 0x55)
COLUMN_WIDTHS = (Cm(11.5), Cm(11.5), Cm(2.6))
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _text(text: str) -> str:
    """Text Word can hold (XML has no control characters)."""
    return _XML_INVALID.sub("", text)


def render_docx(context: ReportContext) -> bytes:
    """The 修订对照表 as a .docx file's bytes."""
    w = context.words
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(1.8))
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), EAST_ASIA_FONT)
    document.core_properties.title = _text(context.title)
    document.add_heading(_text(f"{context.title} · {w.redline_title}"), level=1)
    document.add_paragraph(_text(f"{w.kind_name} · 生成日期：{context.run_date}"))
    for point in context.points:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(_text(point.topic) + "　").bold = True
        paragraph.add_run(_text(point.text))
    legend = document.add_paragraph()
    _run(legend, w.deleted_text, "delete")
    legend.add_run("　")
    _run(legend, w.inserted_text, "insert")
    legend.add_run("　")
    _run(legend, "移位的文字", "delete", moved=True)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, COLUMN_WIDTHS, strict=True):
        column.width = width
    for cell, name, width in zip(table.rows[0].cells, (w.old, w.new, "类型"), COLUMN_WIDTHS, strict=True):
        cell.width = width
        cell.paragraphs[0].add_run(_text(name)).bold = True
    _repeat_header(table.rows[0])
    for pair in context.redlines:
        _pair_rows(table, pair)
    if not context.redlines:
        row = table.add_row().cells
        merged = row[0].merge(row[2])
        merged.paragraphs[0].add_run("没有可逐字对照的修订：各组对应章节的相似度都低于 30%。")
    lists: list[tuple[str, list[PairRow], str | None]] = [
        (f"文字几乎重写的对应章节（{len(context.rewritten)} 组，逐字对照见网页版）", context.rewritten, None),
        (f"{w.only_new}的章节（{len(context.added)} 个）", context.added, "new"),
        (f"{w.only_old}的章节（{len(context.removed)} 个）", context.removed, "old"),
    ]
    for heading, pairs, side in lists:
        if pairs:
            document.add_heading(_text(heading), level=2)
            for pair in pairs:
                document.add_paragraph(_text(_pair_title(pair, side, w.old, w.new)), style="List Bullet")
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _pair_title(pair: PairRow, side: str | None, old: str, new: str) -> str:
    if side is None:
        assert pair.old is not None and pair.new is not None
        return f"{old}：{pair.old.title or pair.old.id} ↔ {new}：{pair.new.title or pair.new.id}"
    ref = pair.new if side == "new" else pair.old
    assert ref is not None
    return f"{ref.title or ref.id}（{ref.document} 第 {ref.line} 行）"


def _repeat_header(row: object) -> None:
    """Mark a table row as the header Word repeats on every page."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    flag = properties.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
    properties.append(flag)


def _pair_rows(table: object, pair: PairRow) -> None:
    assert pair.change is not None
    head = table.add_row().cells  # type: ignore[attr-defined]
    for cell, ref in zip(head[:2], (pair.old, pair.new), strict=True):
        run = cell.paragraphs[0].add_run(_text(ref.title or ref.id) if ref else "—")
        run.bold = True
    head[2].paragraphs[0].add_run(_text(pair.change_word)).bold = True
    body = table.add_row().cells  # type: ignore[attr-defined]
    _redline_cell(body[0], pair.ops, "old")
    _redline_cell(body[1], pair.ops, "new")
    note = body[2].paragraphs[0].add_run(f"+{pair.change.inserted}\n−{pair.change.deleted}")
    note.font.color.rgb = GREY
    note.font.size = Pt(8)
    for cells in (head, body):
        for cell, width in zip(cells, COLUMN_WIDTHS, strict=True):
            cell.width = width


def _redline_cell(cell: _Cell, ops: tuple[TextOp, ...], side: str) -> None:
    paragraph = cell.paragraphs[0]
    for op in ops:
        if op.op == "equal" or (op.op == "delete" and side == "old") or (op.op == "insert" and side == "new"):
            _run(paragraph, op.text, op.op, moved=op.moved)


def _run(paragraph: object, text: str, op: str, *, moved: bool = False) -> None:
    """One run: struck through and red for a deletion, underlined and green for an insertion."""
    run = paragraph.add_run(_text(text))  # type: ignore[attr-defined]
    if op == "delete":
        run.font.strike = True
        run.font.color.rgb = AMBER if moved else RED
    elif op == "insert":
        run.font.underline = True
        run.font.color.rgb = AMBER if moved else GREEN
