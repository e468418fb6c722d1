"""The files of a corpus run: workbooks, Parquet tables and charts, each written atomically.

``panel.xlsx`` (长表 long, 宽表 wide, 图表 the chart index), ``panel.parquet`` (long), ``panel-wide.parquet``;
``reuse.xlsx`` (段落 passages, 占比 shares per document) and ``reuse.parquet``; ``topics.xlsx`` and
``topics.parquet``; ``charts/indicator-NN.svg`` per headline indicator and ``charts/topics.svg``. File names
never come from document text (a chart is numbered; the index says which indicator it shows). Workbooks are
written row by row (openpyxl's write-only mode) with the report's guard: document text never becomes a
formula, control characters are dropped, numbers stay numbers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..report.files import write_atomic
from ..report.xlsx import display_width, looks_like_formula, safe_text

MAX_WIDTH = 50
# Headers the analyst reads (Chinese first, the column name after it).
PANEL_HEADERS = {
    "place": "地区", "level": "层级", "period": "五年规划", "kind": "类型", "document": "文件",
    "indicator": "指标(统一名)", "name": "指标(原文)", "value": "数值", "low": "下限", "high": "上限",
    "unit": "单位", "qualifier": "限定", "value_kind": "数值类型", "year": "年份", "role": "性质", "attribute": "属性",
    "value_text": "原文数值", "source": "来源", "section": "章节", "line": "行号",
}  # fmt: skip


REUSE_HEADERS = {
    "target": "文件", "source": "来源文件", "target_section": "章节", "target_line": "行号",
    "target_end_line": "止行", "source_section": "来源章节", "source_line": "来源行号",
    "source_end_line": "来源止行", "sentences": "句数", "chars": "字数", "matched": "相同字数",
    "coverage": "相同比例", "target_text": "本文件文字", "source_text": "来源文字", "taken_text": "相同文字",
    "direction": "方向", "document": "文件", "passages_taken": "沿用段落数", "own_sentences": "自写句数",
    "share_above": "沿用上级比例", "share_other": "沿用其他比例", "share_own": "自写比例",
}  # fmt: skip
TOPIC_HEADERS = {
    "term": "术语", "document": "文件", "place": "地区", "period": "五年规划", "count": "次数",
    "per_10k": "每万字次数", "first_period": "最早出现",
}  # fmt: skip


def write_workbook(
    path: Path, sheets: Sequence[tuple[str, pd.DataFrame]], headers: dict[str, str] = PANEL_HEADERS
) -> Path:
    """A workbook with one sheet per (name, frame), columns named by ``headers``; header row bold, frozen."""
    book = Workbook(write_only=True)
    for title, frame in sheets:
        sheet = book.create_sheet(title)
        names = [headers.get(str(c), str(c)) for c in frame.columns]
        for number, column in enumerate(frame.columns):
            sample = [names[number], *(str(v) for v in frame[column].head(200))]
            width = min(MAX_WIDTH, max(8, max(display_width(v) for v in sample) + 2))
            sheet.column_dimensions[get_column_letter(number + 1)].width = width
        sheet.freeze_panes = "A2"
        # Printed (or turned into PDF) landscape, all columns on the page width.
        sheet.page_setup.orientation = "landscape"
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        header_cells = []
        for text in names:
            cell = WriteOnlyCell(sheet, value=safe_text(text))
            cell.font = Font(bold=True)
            header_cells.append(cell)
        sheet.append(header_cells)
        for values in frame.itertuples(index=False, name=None):
            sheet.append([_cell(sheet, value) for value in values])
    stream = io.BytesIO()
    book.save(stream)
    return write_bytes(path, stream.getvalue())


def _cell(sheet: Any, value: Any) -> WriteOnlyCell:
    value = _plain(value)
    cell = WriteOnlyCell(sheet, value=safe_text(value))
    if looks_like_formula(value):
        cell.data_type = "s"  # stored as text: never run as a formula
    return cell


def _plain(value: Any) -> Any:
    """Missing values as empty cells, numpy numbers as Python numbers."""
    if value is None or (not isinstance(value, str | bytes | tuple | list) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def write_parquet(path: Path, frame: pd.DataFrame) -> Path:
    """A DataFrame as Parquet (pyarrow), written atomically."""
    stream = io.BytesIO()
    frame.to_parquet(stream, index=False)
    return write_bytes(path, stream.getvalue())


def write_bytes(path: Path, data: bytes) -> Path:
    """Bytes (an SVG, a workbook), written atomically."""

    def write(target: BinaryIO) -> None:
        target.write(data)

    return write_atomic(path, write)
