"""The Excel workbook: 概览, 指标, 章节, 修订对照 (rich-text redlines), 提法; every header in Chinese.

Every cell is written by ``_put``: document text starting with = + - @ is stored as text (never a
formula), control characters Word and PDF text carry are stripped, overlong text is cut to what a cell
holds. Values are numbers with number formats (a Δ of ``+0.5个百分点`` is the number 0.5), beside the
value as written with its unit (``Quantity.shown``) and the change in the comparison's words. Each sheet prints landscape, fitted to the page width, with its header row repeated;
redline cells wrap and their rows are as tall as their text. Column widths count a CJK character as two.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
import zipfile
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.formatting.rule import Rule
from openpyxl.styles import Alignment, Color, Font, PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ..model import Indicator, TextOp
from .context import ReportContext, short_title
from .targets import UNIT_WORDS, TargetRow

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FORMULA_START = ("=", "+", "-", "@")
DELETED = InlineFont(color=Color("C62828"), strike=True)
INSERTED = InlineFont(color=Color("1A7F37"), u="single")
MOVED = InlineFont(color=Color("8E6D00"), strike=True)
MOVED_IN = InlineFont(color=Color("8E6D00"), u="single")
UNCHANGED = InlineFont(color=Color("777777"))
HEADER_FILL = PatternFill("solid", fgColor="E8EEF5")
MAX_WIDTH = 30  # a text column wraps past this, so that a sheet fitted to the page width stays legible
REDLINE_WIDTH = 60  # columns of the two redline cells
LINE_HEIGHT = 15.0  # points per wrapped line at the default 11 pt
MAX_ROW_HEIGHT = 409.0  # Excel's limit
MAX_CELL = 32000  # a cell holds 32,767 characters
FIXED_TIME = datetime(2000, 1, 1)
DELTA_FORMATS = {
    "百分点": '+0.0#"个百分点";-0.0#"个百分点";0"个百分点"',
    "relative": "+0.0%;-0.0%;0.0%",
    "": "+0.0#;-0.0#;0",
}
WRAP = Alignment(wrap_text=True, vertical="top")


def render_xlsx(context: ReportContext) -> bytes:
    """The workbook as bytes; the same comparison and run date give the same bytes."""
    book = Workbook()
    stamp = datetime.fromisoformat(context.run_date[:10]) if _is_date(context.run_date) else FIXED_TIME
    book.properties.created = book.properties.modified = stamp
    book.properties.title = safe_text(context.title)
    summary = book.active
    assert summary is not None
    summary.title = "概览"
    _summary_sheet(summary, context)
    _targets_sheet(book.create_sheet("指标"), context)
    _sections_sheet(book.create_sheet("章节"), context)
    _redline_sheet(book.create_sheet("修订对照"), context)
    _terms_sheet(book.create_sheet("提法"), context)
    for sheet in book.worksheets:
        _print_setup(sheet, context.title)
    stream = io.BytesIO()
    book.save(stream)
    return _repack(stream.getvalue(), stamp)


def _is_date(text: str) -> bool:
    try:
        datetime.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


def _repack(data: bytes, stamp: datetime) -> bytes:
    """The zip again with fixed entry times and modification date: openpyxl stamps the clock into both."""
    source = zipfile.ZipFile(io.BytesIO(data))
    target_stream = io.BytesIO()
    with zipfile.ZipFile(target_stream, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(<)",
                    rb"\g<1>" + stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\2",
                    content,
                )
            target.writestr(fixed, content)
    return target_stream.getvalue()


def safe_text(value: Any) -> Any:
    """Text without control characters, cut to what a cell holds; everything else unchanged."""
    return _CONTROL.sub("", value)[:MAX_CELL] if isinstance(value, str) else value


def _put(sheet: Worksheet, row: int, column: int, value: Any, number_format: str | None = None) -> None:
    """Write one cell: text as text (never a formula), numbers with their format."""
    cell = sheet.cell(row=row, column=column, value=safe_text(value))
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"  # stored as text: a spreadsheet never runs document text as a formula
    if number_format and isinstance(value, int | float):
        cell.number_format = number_format


def _table(
    sheet: Worksheet, header: list[str], rows: list[list[Any]], formats: dict[int, str] | None = None
) -> None:
    """A header row (bold, filled, frozen, filtered) and the rows; ``formats`` by 0-based column."""
    for column, name in enumerate(header, start=1):
        _put(sheet, 1, column, name)
        cell = sheet.cell(row=1, column=column)
        cell.font, cell.fill, cell.alignment = Font(bold=True), HEADER_FILL, WRAP
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            _put(sheet, r, c, value, (formats or {}).get(c - 1))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(1, len(rows) + 1)}"
    widths = _fit_columns(sheet)
    for r, row in enumerate(rows, start=2):
        texts = [str(v) if isinstance(v, str) else "" for v in row]
        for c in range(1, len(texts) + 1):
            sheet.cell(row=r, column=c).alignment = WRAP
        sheet.row_dimensions[r].height = _height(texts, widths[: len(texts)])


def _print_setup(sheet: Worksheet, title: str) -> None:
    """Landscape A4, fitted to the page width, header row repeated, title and page numbers on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.gridLines = True
    if sheet.title != "概览":
        sheet.print_title_rows = "1:1"
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None  # openpyxl makes both with the sheet
    header.center.text = safe_text(title).replace("&", "&&")
    footer.center.text = "第 &P 页 / 共 &N 页"


def _summary_sheet(sheet: Worksheet, context: ReportContext) -> None:
    w, s = context.words, context.comparison.summary
    rows: list[list[Any]] = [
        ["对比", context.title],
        ["类型", w.kind_name],
        ["生成日期", context.run_date],
        [w.old, "；".join(d.title or d.id for d in context.comparison.old)],
        [w.new, "；".join(d.title or d.id for d in context.comparison.new)],
        *([point.topic, point.text] for point in context.points),
        *([label, s.get(key, 0)] for label, key in w.count_rows),
    ]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            _put(sheet, r, c, value)
        sheet.cell(row=r, column=1).font = Font(bold=True)
        sheet.cell(row=r, column=2).alignment = WRAP
        sheet.row_dimensions[r].height = _height([str(row[1])], [90])
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 90


def _value_format(value: float | None) -> str:
    if value is None or float(value).is_integer():
        return "#,##0"
    decimals = min(4, len(f"{value:.4f}".rstrip("0").split(".")[1]))
    return "#,##0." + "0" * decimals


def _side(indicator: Indicator | None) -> list[Any]:
    if indicator is None:
        return ["", None, "", None, None]
    q = indicator.quantity
    return [q.shown, q.value, UNIT_WORDS.get(q.unit, q.unit), q.base_value, indicator.year]


def _target_cells(row: TargetRow) -> list[Any]:
    return [
        row.name,
        *_side(row.old),
        *_side(row.new),
        row.delta,
        row.value_cell,
        row.qualifier_words,
        row.ambition_word,
        row.attribute,
        row.attribute_words,
        row.old_where,
        row.new_where,
    ]


def _targets_sheet(sheet: Worksheet, context: ReportContext) -> None:
    w = context.words
    header = ["指标"]
    for side in (w.old, w.new):
        header += [f"{side}目标值", f"{side}数值", f"{side}单位", f"{side}折算值", f"{side}年份"]
    header += ["变化量", "变化", "限定词变化", "目标强度", "属性", "属性变化", f"{w.old}出处", f"{w.new}出处"]
    _table(sheet, header, [_target_cells(row) for row in context.targets])
    for r, row in enumerate(context.targets, start=2):
        for column, indicator in ((2, row.old), (7, row.new)):
            if indicator is not None:
                q = indicator.quantity
                sheet.cell(row=r, column=column + 1).number_format = _value_format(q.value)
                sheet.cell(row=r, column=column + 3).number_format = _base_format(q.base_value, q.base_unit)
        if row.delta is not None:
            sheet.cell(row=r, column=12).number_format = DELTA_FORMATS.get(row.delta_unit, DELTA_FORMATS[""])
    last = max(2, sheet.max_row)
    for key, colour in (("up", "D6F0DA"), ("down", "F8D7DA")):
        sheet.conditional_formatting.add(
            f"O2:O{last}",
            Rule(
                type="cellIs",
                operator="equal",
                formula=[_quoted(w.ambition[key])],
                dxf=DifferentialStyle(fill=PatternFill("solid", fgColor=colour)),
            ),
        )


def _quoted(text: str) -> str:
    """A string literal of a conditional-format rule (document text never leaves the quotes)."""
    return '"' + str(safe_text(text)).replace('"', '""') + '"'


def _base_format(value: float | None, unit: str) -> str:
    unit = re.sub(r'["\\]', "", UNIT_WORDS.get(unit, unit))
    return _value_format(value) + (f'"{unit}"' if unit else "")


def _sections_sheet(sheet: Worksheet, context: ReportContext) -> None:
    w = context.words
    header = [
        "篇",
        w.old,
        f"{w.old}出处",
        w.new,
        f"{w.new}出处",
        "关系",
        "相似度",
        "类型",
        "增加字数",
        "减少字数",
        "共同关键词",
    ]
    rows = [
        [
            p.group,
            _title(p.old),
            _lines(p.old),
            _title(p.new),
            _lines(p.new),
            p.relation,
            p.score if p.matched else None,
            p.change_word,
            p.change.inserted if p.change else None,
            p.change.deleted if p.change else None,
            "、".join(p.evidence),
        ]
        for p in context.pairs
    ]
    _table(sheet, header, rows, {6: "0%", 8: "#,##0", 9: "#,##0"})


def _redline_sheet(sheet: Worksheet, context: ReportContext) -> None:
    w = context.words
    header = [f"{w.old}章节", f"{w.new}章节", w.old, w.new, "类型", "增加字数", "减少字数"]
    _table(sheet, header, [])
    for r, p in enumerate(context.redlines, start=2):
        assert p.change is not None
        values: list[Any] = [
            short_title(p.old),
            short_title(p.new),
            None,
            None,
            p.change_word,
            p.change.inserted,
            p.change.deleted,
        ]
        for c, value in enumerate(values, start=1):
            if value is not None:
                _put(sheet, r, c, value, "#,##0")
        sheet.cell(row=r, column=3).value = _rich(p.ops, "old")
        sheet.cell(row=r, column=4).value = _rich(p.ops, "new")
        for c in range(1, 8):
            sheet.cell(row=r, column=c).alignment = WRAP
        sides = ["".join(o.text for o in p.ops if o.op != drop) for drop in ("insert", "delete")]
        sheet.row_dimensions[r].height = _height(sides, [REDLINE_WIDTH, REDLINE_WIDTH])
    sheet.auto_filter.ref = f"A1:G{max(1, len(context.redlines) + 1)}"
    for letter, width in (
        ("A", 24),
        ("B", 24),
        ("C", REDLINE_WIDTH),
        ("D", REDLINE_WIDTH),
        ("E", 10),
        ("F", 9),
        ("G", 9),
    ):
        sheet.column_dimensions[letter].width = width


def _terms_sheet(sheet: Worksheet, context: ReportContext) -> None:
    w = context.words
    header = ["提法", "变化", f"{w.old}次数", f"{w.new}次数", f"{w.old}每万字", f"{w.new}每万字"]
    rows = [
        [t.term, w.shifts[t.shift], t.old_count, t.new_count, t.old_rate, t.new_rate] for t in context.terms
    ]
    _table(sheet, header, rows, {2: "#,##0", 3: "#,##0", 4: "0.00", 5: "0.00"})


def _rich(ops: tuple[TextOp, ...], side: str) -> CellRichText:
    blocks = []
    budget = MAX_CELL
    for op in ops:
        text = safe_text(op.text)[:budget]
        if op.op == "equal":
            blocks.append(TextBlock(UNCHANGED, text))
        elif op.op == "delete" and side == "old":
            blocks.append(TextBlock(MOVED if op.moved else DELETED, text))
        elif op.op == "insert" and side == "new":
            blocks.append(TextBlock(MOVED_IN if op.moved else INSERTED, text))
        else:
            continue
        budget -= len(text)
        if budget <= 0:
            break
    return CellRichText(blocks)


def _title(ref: Any) -> str:
    return "" if ref is None else (ref.title or ref.id)


def _lines(ref: Any) -> str:
    return "" if ref is None else f"{ref.document} L{ref.line}-{ref.end_line}"


def display_width(text: str) -> int:
    """Width in columns: CJK and other wide characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _height(texts: list[str], widths: list[int]) -> float:
    """The height of a row whose wrapped cells hold these texts in columns this wide."""
    lines = 1
    for text, width in zip(texts, widths, strict=True):
        wrapped = sum(max(1, math.ceil(display_width(part) / max(1, width - 1))) for part in text.split("\n"))
        lines = max(lines, wrapped)
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT)


def _fit_columns(sheet: Worksheet) -> list[int]:
    """Each column as wide as its widest cell, between 8 and MAX_WIDTH; the widths set."""
    widths = []
    for column in sheet.columns:
        width = max((display_width(str(cell.value)) for cell in column if cell.value is not None), default=8)
        widths.append(min(MAX_WIDTH, max(8, width + 2)))
        sheet.column_dimensions[get_column_letter(len(widths))].width = widths[-1]
    return widths
