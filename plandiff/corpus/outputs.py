"""The files of a corpus run: workbooks, Parquet tables and charts, each written atomically.

``panel.xlsx`` (长表 long, 宽表 wide, 图表 the chart index), ``panel.parquet`` (long), ``panel-wide.parquet``;
``reuse.xlsx`` (段落 passages, 占比 shares per document) and ``reuse.parquet``; ``topics.xlsx`` and
``topics.parquet``; ``charts/indicator-NN.svg`` per headline indicator and ``charts/topics.svg``. File names
never come from document text (a chart is numbered; the index says which indicator it shows). Workbooks are
written by ``sheets`` (no formula can arise from document text, numbers stay numbers).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

import pandas as pd

from ..report.files import write_atomic
from .sheets import workbook_bytes

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
    """A workbook with one sheet per (name, frame), columns named by ``headers`` (``sheets``)."""
    tables = [
        (
            title,
            [headers.get(str(c), str(c)) for c in frame.columns],
            _plain_rows(frame),
        )
        for title, frame in sheets
    ]
    return write_bytes(path, workbook_bytes(tables))


def _plain_rows(frame: pd.DataFrame) -> list[list[Any]]:
    """The rows as Python values: missing values None (empty cells), numbers as Python numbers."""
    values = frame.astype(object)
    return values.where(frame.notna(), None).to_numpy().tolist()  # type: ignore[no-any-return]


def write_parquet(path: Path, frame: pd.DataFrame) -> Path:
    """A DataFrame as Parquet (pyarrow), written atomically. A column mixing numbers and text (the wide
    view: 5.0 beside 与经济增长同步) is written as text, since a Parquet column has one type."""
    mixed = [
        column
        for column in frame.columns
        if frame[column].dtype == object and len({type(v) for v in frame[column].dropna()}) > 1
    ]
    if mixed:
        frame = frame.copy()
        for column in mixed:
            frame[column] = [None if pd.isna(v) else str(v) for v in frame[column]]
    stream = io.BytesIO()
    frame.to_parquet(stream, index=False)
    return write_bytes(path, stream.getvalue())


def write_bytes(path: Path, data: bytes) -> Path:
    """Bytes (an SVG, a workbook), written atomically."""

    def write(target: BinaryIO) -> None:
        target.write(data)

    return write_atomic(path, write)
