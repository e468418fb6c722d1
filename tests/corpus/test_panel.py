"""The target panel of a small corpus: one name per indicator across places, numbers as numbers."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
from openpyxl import load_workbook

from plandiff.corpus.build import Corpus
from plandiff.corpus.charts import headline_chart
from plandiff.corpus.outputs import write_workbook


def test_panel_long_has_every_target_with_its_place(small_corpus: tuple[Corpus, Path]) -> None:
    corpus, _ = small_corpus
    growth = corpus.panel[corpus.panel.indicator == "地区生产总值年均增长"]
    assert sorted(zip(growth.place, growth.value, strict=True)) == [
        ("北县", 5.0),
        ("北县", 6.5),
        ("南县", 6.0),
    ]
    assert set(growth.year) == {2025, 2030}
    row = growth[growth.place == "南县"].iloc[0]
    assert (row.period, row.kind, row.unit, row.role, row.line) == (15, "纲要", "%", "target", 3)


def test_panel_names_are_shared_across_places(small_corpus: tuple[Corpus, Path]) -> None:
    """北县 writes 研发经费投入强度, 南县 全社会研发经费支出占地区生产总值比重: one indicator."""
    corpus, _ = small_corpus
    rd = corpus.panel[corpus.panel.indicator == "研发经费投入占地区生产总值比重"]
    assert set(rd.place) == {"北县", "南县"}
    assert set(rd.name) == {"研发经费投入强度", "全社会研发经费支出占地区生产总值比重"}


def test_wide_view_is_documents_by_indicators(small_corpus: tuple[Corpus, Path]) -> None:
    corpus, _ = small_corpus
    wide = corpus.wide.set_index("document")
    assert wide.loc["south-15", "地区生产总值年均增长"] == 6.0
    assert wide.loc["north-15", "城镇调查失业率"] == 5.0
    assert pd.isna(wide.loc["north-14", "城镇调查失业率"])  # the 14th plan did not state it


def test_panel_workbook_keeps_numbers_and_parquet_reads_back(small_corpus: tuple[Corpus, Path]) -> None:
    _, folder = small_corpus
    book = load_workbook(folder / "out" / "panel.xlsx")
    assert book.sheetnames == ["长表 Long", "宽表 Wide", "图表 Charts"]
    sheet = book["长表 Long"]
    header = [c.value for c in sheet[1]]
    values = [row[header.index("数值")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert 6.0 in values and all(isinstance(v, float | int) or v is None for v in values)
    frame = pd.read_parquet(folder / "out" / "panel.parquet")
    assert len(frame) == len(small_corpus[0].panel)


def test_store_answers_sql_in_one_line(small_corpus: tuple[Corpus, Path]) -> None:
    corpus, _ = small_corpus
    rows = (
        duckdb.connect(str(corpus.store), read_only=True)
        .sql("SELECT place, value FROM panel WHERE indicator = '城镇调查失业率' ORDER BY value")
        .fetchall()
    )
    assert rows == [("北县", 5.0), ("南县", 5.5)]


def test_workbook_never_holds_a_formula_from_document_text(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {"name": ['=HYPERLINK("x")', "+1", "@SUM(A1)", "普通\x0b文字"], "value": [1, 2, 3, 4]}
    )
    book = load_workbook(write_workbook(tmp_path / "guard.xlsx", [("s", frame)]))
    cells = [row[0] for row in book["s"].iter_rows(min_row=2)]
    assert [c.data_type for c in cells] == ["s", "s", "s", "s"]
    assert [c.value for c in cells] == ['=HYPERLINK("x")', "+1", "@SUM(A1)", "普通文字"]


def test_headline_charts_are_svg_named_by_number(small_corpus: tuple[Corpus, Path]) -> None:
    _, folder = small_corpus
    charts = sorted(p.name for p in (folder / "out" / "charts").glob("*.svg"))
    assert charts[0] == "indicator-01.svg" and "topics.svg" in charts
    svg = (folder / "out" / "charts" / "indicator-01.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "地区生产总值年均增长" in svg


def test_chart_text_is_escaped_never_markup() -> None:
    rows = pd.DataFrame(
        {
            "place": ["<script>alert(1)</script>", "乙地"],
            "document": ["a", "b"],
            "value": [1.0, 2.0],
            "value_text": ["1%", "2%"],
        }
    )
    svg = headline_chart("<b>指标</b>", "%", rows).decode("utf-8")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "<b>" not in svg


def test_sheet_writer_cells_and_frozen_header(tmp_path: Path) -> None:
    frame = pd.DataFrame({"地区": ["北县", None], "数值": [5.0, float("nan")], "年份": [2030, 2025]})
    book = load_workbook(write_workbook(tmp_path / "w.xlsx", [("长表 Long", frame)]))
    sheet = book["长表 Long"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["地区", "数值", "年份"],
        ["北县", 5.0, 2030],
        [None, None, 2025],
    ]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.b


def test_parquet_of_a_column_mixing_numbers_and_text_target(tmp_path: Path) -> None:
    from plandiff.corpus.outputs import write_parquet

    frame = pd.DataFrame({"document": ["a", "b", "c"], "居民收入增长": [5.0, "与经济增长同步", None]})
    back = pd.read_parquet(write_parquet(tmp_path / "w.parquet", frame))
    assert back["居民收入增长"].tolist()[:2] == ["5.0", "与经济增长同步"] and pd.isna(back["居民收入增长"][2])
