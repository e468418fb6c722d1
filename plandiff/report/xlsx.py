"""The Excel workbook: 概览 Summary, 指标 Indicators, 章节 Sections, 修订 Changes (rich-text redlines), 术语 Terms.

Cells never hold formulas from document text (text starting with = + - @ is stored as a string), control
characters Word and PDF text carry are stripped, column widths count a CJK character as two.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FORMULA_START = ("=", "+", "-", "@")
DELETED = InlineFont(color="C62828", strike=True)
INSERTED = InlineFont(color="1A7F37", u="single")
UNCHANGED = InlineFont(color="777777")
HEADER_FILL = PatternFill("solid", fgColor="E8EEF5")
MAX_WIDTH = 60
FIXED_TIME = datetime(2000, 1, 1)


def render_xlsx(context: dict[str, Any]) -> bytes:
    """The workbook as bytes; the same comparison and run date give the same bytes."""
    book = Workbook()
    stamp = datetime.fromisoformat(context["run_date"][:10]) if _is_date(context["run_date"]) else FIXED_TIME
    book.properties.created = book.properties.modified = stamp
    summary = book.active
    summary.title = "概览 Summary"
    _summary_sheet(summary, context)
    _table(
        book.create_sheet("指标 Indicators"),
        [
            "指标",
            "修订前",
            "年份(前)",
            "修订后",
            "年份(后)",
            "变化",
            "目标强度",
            "属性",
            "属性变化",
            "出处(前)",
            "出处(后)",
        ],
        [
            [
                r["name"],
                _v(r["old"], "value_text"),
                _v(r["old"], "year"),
                _v(r["new"], "value_text"),
                _v(r["new"], "year"),
                r["delta"],
                r["ambition_word"],
                r["attribute"],
                r["attribute_change"],
                _where(r["old"]),
                _where(r["new"]),
            ]
            for r in context["targets"]
        ],
    )
    indicators = book["指标 Indicators"]
    for word, color in (("提高", "D6F0DA"), ("降低", "F8D7DA")):
        indicators.conditional_formatting.add(
            f"G2:G{max(2, indicators.max_row)}",
            CellIsRule(operator="equal", formula=[f'"{word}"'], fill=PatternFill("solid", fgColor=color)),
        )
    _table(
        book.create_sheet("章节 Sections"),
        ["修订前", "修订前行号", "修订后", "修订后行号", "关系", "相似度", "变化类型", "依据"],
        [
            [
                _title(p["old"]),
                _line(p["old"]),
                _title(p["new"]),
                _line(p["new"]),
                context["relation_words"][p["relation"]],
                p["score"],
                (p["text"] or {}).get("change_type", ""),
                "、".join(p["evidence"]),
            ]
            for p in [*context["pairs"], *context["added"], *context["removed"]]
        ],
    )
    changes = book.create_sheet("修订 Changes")
    _table(changes, ["修订前章节", "修订后章节", "修订前", "修订后", "新增字数", "删除字数"], [])
    for p in context["changed"]:
        changes.append(
            [
                _title(p["old"]),
                _title(p["new"]),
                _rich(p["text"]["ops"], "old"),
                _rich(p["text"]["ops"], "new"),
                p["text"]["inserted"],
                p["text"]["deleted"],
            ]
        )
    for row in changes.iter_rows(min_row=2):
        for cell in row[2:4]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    _table(
        book.create_sheet("术语 Terms"),
        ["术语", "变化", "修订前次数", "修订后次数", "修订前每万字", "修订后每万字"],
        [
            [t["term"], t["shift"], t["old_count"], t["new_count"], t["old_rate"], t["new_rate"]]
            for t in context["terms"]
        ],
    )
    for sheet in book.worksheets:
        _fit_columns(sheet)
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
    """Text without control characters; everything else unchanged."""
    return _CONTROL.sub("", value) if isinstance(value, str) else value


def looks_like_formula(value: Any) -> bool:
    """Whether a spreadsheet would run this value as a formula (text starting with = + - @)."""
    return isinstance(value, str) and value.startswith(_FORMULA_START)


def _put(sheet: Worksheet, row: int, column: int, value: Any) -> None:
    cell = sheet.cell(row=row, column=column, value=safe_text(value))
    if looks_like_formula(value):
        cell.data_type = "s"  # stored as text: a spreadsheet never runs document text as a formula


def _table(sheet: Worksheet, header: list[str], rows: list[list[Any]]) -> None:
    for column, name in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=column, value=name)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            _put(sheet, r, c, value)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{sheet.cell(row=1, column=len(header)).column_letter}{max(1, len(rows) + 1)}"


def _summary_sheet(sheet: Worksheet, context: dict[str, Any]) -> None:
    s = context["summary"]
    rows = [
        ["对比", context["title"]],
        ["类型", context["kind"]],
        ["生成日期", context["run_date"]],
        ["修订前", "；".join(d["title"] or d["id"] for d in context["old_documents"])],
        ["修订后", "；".join(d["title"] or d["id"] for d in context["new_documents"])],
        ["对应章节", s["paired"]],
        ["内容修改", s["changed"]],
        ["新增章节", s["added"]],
        ["删除章节", s["removed"]],
        ["指标提高", s["targets_up"]],
        ["指标降低", s["targets_down"]],
        ["指标持平", s["targets_same"]],
        ["指标不可比", s["targets_not_comparable"]],
        ["新增指标", s["targets_new"]],
        ["删除指标", s["targets_dropped"]],
        ["新出现术语", "、".join(s["new_terms"])],
        ["消失术语", "、".join(s["dropped_terms"])],
    ]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            _put(sheet, r, c, value)
        sheet.cell(row=r, column=1).font = Font(bold=True)


def _rich(ops: list[list[Any]], side: str) -> CellRichText:
    blocks = []
    for op, text, _moved in ops:
        text = safe_text(text)
        if op == "equal":
            blocks.append(TextBlock(UNCHANGED, text))
        elif op == "delete" and side == "old":
            blocks.append(TextBlock(DELETED, text))
        elif op == "insert" and side == "new":
            blocks.append(TextBlock(INSERTED, text))
    return CellRichText(blocks)


def _v(item: dict[str, Any] | None, key: str) -> Any:
    return "" if item is None or item.get(key) is None else item[key]


def _where(item: dict[str, Any] | None) -> str:
    return "" if item is None else f"{item['document']} L{item['line']}"


def _title(ref: dict[str, Any] | None) -> str:
    return "" if ref is None else (ref["title"] or ref["id"])


def _line(ref: dict[str, Any] | None) -> str:
    return "" if ref is None else f"{ref['document']} L{ref['line']}-{ref['end_line']}"


def display_width(text: str) -> int:
    """Width in columns: CJK and other wide characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit_columns(sheet: Worksheet) -> None:
    for column in sheet.columns:
        width = max((display_width(str(cell.value)) for cell in column if cell.value is not None), default=8)
        sheet.column_dimensions[column[0].column_letter].width = min(MAX_WIDTH, max(8, width + 2))
