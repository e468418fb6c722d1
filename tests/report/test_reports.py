"""Reports are checked as a reader would: text in the PDF, fonts embedded, numbers in the workbook,
strike/underline runs in the Word document, the source's own characters everywhere, the words of the
comparison's kind, and document text that never becomes markup, a formula or a fetched file."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from functools import cache
from pathlib import Path

import docx
import jsonschema
import pytest
from openpyxl import load_workbook

from plandiff.corpus import load_manifest
from plandiff.corpus.run import run_reports
from plandiff.errors import ReportError
from plandiff.model import ComparisonKind
from plandiff.report import ReportOptions, pdf, write_reports
from plandiff.settings import Settings
from tests.conftest import INPUTS, ROOT
from tests.report.builders import (
    DELETED,
    HOSTILE,
    INSERTED,
    NEW_TEXT,
    OLD_TEXT,
    hostile_comparison,
    merged_comparison,
    small_comparison,
)

TEMPLATES = ROOT / "report_templates"
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
SOFFICE = shutil.which("soffice")


@cache
def rendered(tmp: str) -> Path:
    out = Path(tmp)
    manifest = load_manifest(INPUTS / "plans.toml")
    result = run_reports(
        manifest, out, TEMPLATES, Settings(), run_date="2026-11-21", only=("kunshan-14-vs-15",)
    )
    assert not result.failed
    return out / "kunshan-14-vs-15"


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return rendered(str(tmp_path_factory.mktemp("reports")))


def options(*formats: str) -> ReportOptions:
    return ReportOptions(title="测试对比", run_date="2026-11-21", templates=TEMPLATES, formats=formats)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    return squash(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    )


def test_report_files_written(pack: Path) -> None:
    names = {p.name for p in pack.iterdir()}
    assert {
        "report.pdf",
        "report.xlsx",
        "report.docx",
        "report.html",
        "comparison.json",
        "summary.md",
    } <= names
    assert (pack.parent / "index.html").read_text(encoding="utf-8").count("kunshan-14-vs-15/report.pdf") == 1
    assert not [p for p in pack.iterdir() if p.name.startswith(".")], "temporary files left behind"


@needs_poppler
def test_pdf_has_every_pair_and_target_change(pack: Path) -> None:
    text = pdf_text(pack / "report.pdf")
    payload = json.loads((pack / "comparison.json").read_text(encoding="utf-8"))
    for pair in payload["sections"]:
        for side in ("old", "new"):
            if pair[side]:
                assert squash(pair[side]["title"] or pair[side]["id"])[:12] in text, pair[side]
    for pair in payload["indicators"]:
        if pair["old"] and pair["new"]:
            assert squash(pair["old"]["shown"]) in text and squash(pair["new"]["shown"]) in text
    assert "第1页/共" in text and "执行摘要" in text


@needs_poppler
def test_pdf_summary_follows_the_cover_in_sentences(tmp_path: Path) -> None:
    """Page 2 says what changed with the numbers: the raised target value → value, the attribute change,
    the new and dropped sections and terms."""
    write_reports(small_comparison(), tmp_path, options("pdf"))
    page = squash(
        subprocess.run(
            ["pdftotext", "-f", "2", "-l", "2", str(tmp_path / "report.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert "执行摘要" in page[:20]
    assert "研发投入强度由４.５％调整为５％（提高0.5个百分点）" in page
    assert "由预期性改为约束性" in page
    assert "第二章发展低空经济" in page and "第三章疫情防控" in page
    assert "低空经济" in page and "疫情防控" in page


@needs_poppler
def test_pdf_fonts_embedded_simplified_chinese(pack: Path) -> None:
    fonts = subprocess.run(
        ["pdffonts", str(pack / "report.pdf")], capture_output=True, text=True, check=True
    ).stdout
    rows = fonts.strip().split("\n")[2:]
    assert rows and all(" yes " in row for row in rows)
    assert all("CJK-SC" in row or "CJK" not in row for row in rows)


def test_workbook_sheets_in_chinese_with_filters(pack: Path) -> None:
    book = load_workbook(pack / "report.xlsx", rich_text=True)
    assert book.sheetnames == ["概览", "指标", "章节", "修订对照", "提法"]
    payload = json.loads((pack / "comparison.json").read_text(encoding="utf-8"))
    assert book["章节"].max_row - 1 == len(payload["sections"])
    indicators = book["指标"]
    assert indicators.max_row - 1 == len(payload["indicators"])
    for sheet in book.worksheets[1:]:
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref, sheet.title
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
        assert sheet.print_title_rows == "$1:$1", sheet.title
    words = {str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value}
    assert not words & {"new", "dropped", "rising", "falling", "up", "down", "same", "relative"}


def test_workbook_numbers_are_numbers(tmp_path: Path) -> None:
    write_reports(small_comparison(), tmp_path, options("xlsx"))
    sheet = load_workbook(tmp_path / "report.xlsx")["指标"]
    header = [c.value for c in sheet[1]]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    raised = rows["研发投入强度"]
    assert raised[header.index("修订前目标值")].value == "４.５％"  # the source's characters
    assert raised[header.index("变化")].value == "提高0.5个百分点"
    assert raised[header.index("属性变化")].value == "由预期性改为约束性"
    assert raised[header.index("修订前数值")].value == 4.5 and raised[header.index("修订后数值")].value == 5.0
    delta = raised[header.index("变化量")]
    assert delta.value == 0.5 and delta.data_type == "n" and "个百分点" in delta.number_format
    assert raised[header.index("修订后年份")].value == 2030
    assert rows["城镇调查失业率"][header.index("目标强度")].value == "提高"  # lower unemployment asks more


@pytest.mark.parametrize(
    ("kind", "upper_old", "sides", "change", "ambition"),
    [
        (ComparisonKind.HIERARCHY, True, ("上级", "本级"), "本级高0.5个百分点", "高于上级"),
        (ComparisonKind.HIERARCHY, False, ("本级", "上级"), "本级低0.5个百分点", "低于上级"),
        (ComparisonKind.PEER, True, ("北京市", "上海市"), "上海市高0.5个百分点", "上海市更高"),
    ],
)
def test_target_changes_read_in_the_kinds_words(
    kind: ComparisonKind, upper_old: bool, sides: tuple[str, str], change: str, ambition: str, tmp_path: Path
) -> None:
    """The 上级 (苏州 4.5%) may be given on either side: the 本级 (昆山 5%, or 4.5% against 苏州 5%) is
    what is measured, and the sections only one side has are named for that side's level."""
    comparison = small_comparison(kind, upper_old=upper_old)
    write_reports(comparison, tmp_path, options("xlsx", "md"))
    book = load_workbook(tmp_path / "report.xlsx")
    sheet = book["指标"]
    header = [c.value for c in sheet[1]]
    assert header[1] == f"{sides[0]}目标值" and header[6] == f"{sides[1]}目标值"
    raised = {row[0].value: row for row in sheet.iter_rows(min_row=2)}["研发投入强度"]
    assert raised[header.index("变化")].value == change
    assert raised[header.index("目标强度")].value == ambition
    sections = book["章节"]
    types = {row[1].value or row[3].value: row[7].value for row in sections.iter_rows(min_row=2)}
    if kind is ComparisonKind.HIERARCHY:
        local_only = "第二章 发展低空经济" if upper_old else "第三章 疫情防控"
        upper_only = "第三章 疫情防控" if upper_old else "第二章 发展低空经济"
        assert (types[local_only], types[upper_only]) == ("本级新增", "未体现")
        summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
        assert summary.index(f"本级新增的章节 1 个：{local_only}") < summary.index(
            f"未体现的章节 1 个：{upper_only}"
        )
    assert change in (tmp_path / "summary.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", list(ComparisonKind))
def test_summary_counts_are_the_comparisons_own(kind: ComparisonKind, tmp_path: Path) -> None:
    """概览 shows the counts the comparison carries in its kind's frame, not counts made again."""
    comparison = small_comparison(kind)
    comparison = replace(comparison, summary={**comparison.summary, "sections_paired": 7})
    write_reports(comparison, tmp_path, options("xlsx"))
    rows = {row[0].value: row[1].value for row in load_workbook(tmp_path / "report.xlsx")["概览"].iter_rows()}
    expected = {
        ComparisonKind.VERSION: {"删除的章节": 1, "新增的章节": 1, "目标提高": 2, "删除的指标": 1},
        ComparisonKind.HIERARCHY: {"上级章节未体现": 1, "本级新增章节": 1, "上级目标未体现": 1},
        ComparisonKind.PEER: {"仅北京市有的章节": 1, "仅上海市有的章节": 1, "仅北京市有的指标": 1},
    }[kind]
    assert {label: rows[label] for label in expected} == expected
    if kind is not ComparisonKind.PEER:
        assert rows["对应（组）"] == 7


def test_redline_sheet_wraps_and_rows_grow(tmp_path: Path) -> None:
    write_reports(small_comparison(), tmp_path, options("xlsx"))
    sheet = load_workbook(tmp_path / "report.xlsx", rich_text=True)["修订对照"]
    old, new = sheet["C2"], sheet["D2"]
    assert str(old.value) == OLD_TEXT and str(new.value) == NEW_TEXT
    assert any(block.font.strike and block.text == DELETED for block in old.value)
    assert any(block.font.u == "single" and block.text == INSERTED for block in new.value)
    assert old.alignment.wrap_text and sheet.row_dimensions[2].height >= 30


def test_docx_redline_runs(tmp_path: Path) -> None:
    write_reports(small_comparison(), tmp_path, options("docx"))
    document = docx.Document(str(tmp_path / "report.docx"))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["修订前", "修订后", "类型"]
    runs = [run for cell in table.rows[2].cells[:2] for p in cell.paragraphs for run in p.runs]
    assert any(run.font.strike and run.text == DELETED for run in runs)
    assert any(run.font.underline and run.text == INSERTED for run in runs)
    assert table.rows[2].cells[0].text == OLD_TEXT and table.rows[2].cells[1].text == NEW_TEXT


@pytest.mark.parametrize(
    ("kind", "sides", "only_new", "only_old"),
    [
        (ComparisonKind.VERSION, ["修订前", "修订后"], "新增", "删除"),
        (ComparisonKind.HIERARCHY, ["上级", "本级"], "本级新增", "未体现"),
        (ComparisonKind.PEER, ["北京市", "上海市"], "仅上海市有", "仅北京市有"),
    ],
)
def test_reports_speak_the_comparisons_kind(
    kind: ComparisonKind, sides: list[str], only_new: str, only_old: str, tmp_path: Path
) -> None:
    write_reports(small_comparison(kind), tmp_path, options("html", "xlsx", "docx", "md"))
    sections = load_workbook(tmp_path / "report.xlsx")["章节"]
    header = [c.value for c in sections[1]]
    assert header[1:4:2] == sides
    types = {row[header.index("类型")].value for row in sections.iter_rows(min_row=2)}
    assert {only_new, only_old} <= types
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert f"<th>{sides[0]}</th><th>{sides[1]}</th>" in html and only_old in html
    table = docx.Document(str(tmp_path / "report.docx")).tables[0]
    assert [c.text for c in table.rows[0].cells][:2] == sides
    if kind is not ComparisonKind.VERSION:
        assert "修订前" not in html and "删除" not in (tmp_path / "summary.md").read_text(encoding="utf-8")


def test_display_text_is_the_source_characters(tmp_path: Path) -> None:
    write_reports(small_comparison(), tmp_path, options("html", "md"))
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    shown = re.sub(r"<[^>]+>", "", html)
    assert OLD_TEXT.replace(DELETED, "") in shown.replace(DELETED, "")
    assert "到２０２５年，研发投入强度达４.５％；" in shown and "４.５％" in (
        tmp_path / "summary.md"
    ).read_text(encoding="utf-8")


def test_document_text_never_becomes_markup_or_formula(tmp_path: Path) -> None:
    write_reports(hostile_comparison(), tmp_path, options("html", "xlsx", "docx", "md"))
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    book = load_workbook(tmp_path / "report.xlsx")
    cells = [
        c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if isinstance(c.value, str)
    ]
    hostile = [c for c in cells if c.value.startswith("=")]
    sheets = {c.parent.title for c in hostile}
    assert {"概览", "指标", "章节", "修订对照", "提法"} <= sheets  # every sheet's writer is guarded
    assert all(c.data_type == "s" for c in hostile)
    assert all("\x0b" not in c.value for c in cells)
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "<script>" not in summary and not re.search(r"(?<!\\)\]\(http", summary)
    assert "\\[link\\]" in summary
    document = docx.Document(str(tmp_path / "report.docx"))
    assert HOSTILE.replace("\x0b", "") in document.tables[0].rows[1].cells[0].text


def test_pdf_fetcher_serves_only_files_inside_the_templates(tmp_path: Path) -> None:
    root = tmp_path / "templates"
    root.mkdir()
    (root / "report.css").write_text("p {}", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (root / "link.css").symlink_to(tmp_path / "secret.txt")
    fetcher = pdf.BundledOnly(root)
    assert fetcher.fetch((root / "report.css").as_uri()).read() == b"p {}"
    base = root.as_uri()
    for url in (
        f"{base}/../secret.txt",
        f"{base}/%2e%2e/secret.txt",
        f"{base}/%2E%2E%2Fsecret.txt",
        f"{base}/link.css",
        "file:///etc/passwd",
        "http://example.invalid/x.css",
        "data:text/css,p{}",
    ):
        with pytest.raises(ValueError, match="bundled assets only"):
            fetcher.fetch(url)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is installed by scripts/setup.sh --test (as root)")
def test_workbook_survives_libreoffice(tmp_path: Path) -> None:
    """Another spreadsheet program reads the workbook and writes it back with every sheet, row and text
    cell (a workbook it had to repair would lose them), numbers still numbers, formula-like text still text."""
    write_reports(hostile_comparison(), tmp_path / "in", options("xlsx"))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path / "out"),
            str(tmp_path / "in" / "report.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    ours, theirs = (
        load_workbook(tmp_path / "in" / "report.xlsx"),
        load_workbook(tmp_path / "out" / "report.xlsx"),
    )
    assert theirs.sheetnames == ours.sheetnames
    for name in ours.sheetnames:
        assert theirs[name].max_row == ours[name].max_row, name
        texts = [c.value for row in ours[name].iter_rows() for c in row if isinstance(c.value, str)]
        assert texts == [c.value for row in theirs[name].iter_rows() for c in row if isinstance(c.value, str)]
        numbers = [c.value for row in ours[name].iter_rows() for c in row if isinstance(c.value, int | float)]
        assert numbers == [
            c.value for row in theirs[name].iter_rows() for c in row if isinstance(c.value, int | float)
        ]
    hostile = [c for row in theirs["章节"].iter_rows() for c in row if str(c.value).startswith("=HYP")]
    assert hostile and all(c.data_type == "s" for c in hostile)


@needs_poppler
def test_draft_against_adopted_plan_redlines_the_changed_targets(tmp_path: Path) -> None:
    """A draft of the 15th plan with two targets changed: the pack shows those two redlines and no others."""
    adopted = INPUTS / "kunshan/15th-plan.txt"
    draft = tmp_path / "draft.txt"
    draft.write_text(
        adopted.read_text(encoding="utf-8")
        .replace("5以上", "5.5以上", 1)
        .replace("突破4500家", "突破5000家"),
        encoding="utf-8",
    )
    (tmp_path / "plans.toml").write_text(
        f'[[document]]\nid = "draft"\npath = "draft.txt"\n[[document]]\nid = "adopted"\npath = "{adopted}"\n'
        '[[comparison]]\nid = "d"\ntitle = "草案与批准稿"\nold = ["draft"]\nnew = ["adopted"]\n',
        encoding="utf-8",
    )
    result = run_reports(
        load_manifest(tmp_path / "plans.toml"),
        tmp_path / "out",
        TEMPLATES,
        Settings(),
        run_date="2026-11-21",
        formats=("json", "pdf"),
    )
    assert not result.failed
    payload = json.loads((tmp_path / "out/d/comparison.json").read_text(encoding="utf-8"))
    changed = [t for t in payload["texts"] if t["change_type"] == "修改"]
    assert len(changed) == 2
    edits = {op[1] for t in changed for op in t["ops"] if op[0] != "equal"}
    assert {"5.5以上", "5以上", "突破5000家", "突破4500家"} <= edits
    text = pdf_text(tmp_path / "out/d/report.pdf")
    assert "5.5以上" in text and "突破5000家" in text
    downs = [p for p in payload["indicators"] if p["change"] and p["change"]["ambition"] == "down"]
    assert len(downs) == 2 and all(
        p["change"]["ambition"] != "not-comparable"
        for p in payload["indicators"]
        if p["old"] and p["new"] and p["old"]["value_text"] == p["new"]["value_text"]
    )


def test_comparison_json_matches_schema(pack: Path) -> None:
    schema = json.loads((ROOT / "docs/comparison.schema.json").read_text(encoding="utf-8"))
    payload = json.loads((pack / "comparison.json").read_text(encoding="utf-8"))
    jsonschema.validate(payload, schema)
    payload["sections"][0]["relation"] = "renamed"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(payload, schema)


def test_missing_cjk_font_stops_with_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoFonts:
        stdout = ""

    monkeypatch.setattr(pdf.subprocess, "run", lambda *args, **kwargs: NoFonts())
    with pytest.raises(ReportError, match="apt-get install fonts-noto-cjk"):
        pdf.check_cjk_font()


def test_html_grows_with_the_changes_not_with_the_pairs(tmp_path: Path) -> None:
    """200 pairs, 100 of them merged into one 50,000-character section: the page holds that text once
    (the comparison's ops hold it 100 times), so it stays under 3 MB."""
    comparison = merged_comparison(200)
    ops_size = sum(len(o.text.encode()) for t in comparison.texts for o in t.ops)
    write_reports(comparison, tmp_path, options("html"))
    size = (tmp_path / "report.html").stat().st_size
    assert ops_size > 10_000_000 and size <= 3_000_000, (ops_size, size)
