"""Reports are checked as a reader would: text in the PDF, fonts embedded, cells in the workbook,
escaping of document text in HTML and Excel."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from openpyxl import load_workbook

from plandiff.corpus import load_manifest
from plandiff.corpus.run import run_reports
from plandiff.errors import ReportError
from plandiff.report import pdf, write_reports
from plandiff.settings import Settings
from tests.conftest import INPUTS, ROOT

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


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_report_files_written(pack: Path) -> None:
    names = {p.name for p in pack.iterdir()}
    assert {"report.pdf", "report.xlsx", "report.html", "comparison.json", "summary.md"} <= names
    assert (pack.parent / "index.html").read_text(encoding="utf-8").count("kunshan-14-vs-15/report.pdf") == 1
    assert not [p for p in pack.iterdir() if p.name.startswith(".")], "temporary files left behind"


@needs_poppler
def test_pdf_has_every_pair_and_target_change(pack: Path) -> None:
    text = squash(
        subprocess.run(
            ["pdftotext", str(pack / "report.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    payload = json.loads((pack / "comparison.json").read_text(encoding="utf-8"))
    for pair in payload["sections"]:
        for side in ("old", "new"):
            if pair[side]:
                assert squash(pair[side]["title"] or pair[side]["id"])[:12] in text, pair[side]
    for pair in payload["indicators"]:
        if pair["old"] and pair["new"]:
            assert squash(pair["old"]["value_text"]) in text and squash(pair["new"]["value_text"]) in text
    assert "第1页/共" in text and "执行摘要" in text


@needs_poppler
def test_pdf_fonts_embedded_simplified_chinese(pack: Path) -> None:
    fonts = subprocess.run(
        ["pdffonts", str(pack / "report.pdf")], capture_output=True, text=True, check=True
    ).stdout
    rows = fonts.strip().split("\n")[2:]
    assert rows and all(" yes " in row for row in rows)
    assert all("CJK-SC" in row or "CJK" not in row for row in rows)


def test_workbook_sheets_and_pairs(pack: Path) -> None:
    book = load_workbook(pack / "report.xlsx", rich_text=True)
    assert book.sheetnames == [
        "概览 Summary",
        "指标 Indicators",
        "章节 Sections",
        "修订 Changes",
        "术语 Terms",
    ]
    payload = json.loads((pack / "comparison.json").read_text(encoding="utf-8"))
    sections = book["章节 Sections"]
    assert sections.max_row - 1 == len(payload["sections"])
    indicators = book["指标 Indicators"]
    assert indicators.max_row - 1 == len(payload["indicators"])
    assert indicators.freeze_panes == "A2" and indicators.auto_filter.ref


def _hostile_payload(pack: Path) -> dict:
    payload = json.loads((pack / "comparison.json").read_text(encoding="utf-8"))
    pair = next(p for p in payload["sections"] if p["old"] and p["new"])
    pair["old"]["title"] = '=HYPERLINK("http://x","y")<script>alert(1)</script>\x0b'
    return payload


def test_document_text_never_becomes_markup_or_formula(pack: Path, tmp_path: Path) -> None:
    write_reports(
        _hostile_payload(pack),
        tmp_path,
        TEMPLATES,
        title="t",
        kind="version",
        run_date="2026-11-21",
        formats=("html", "xlsx"),
    )
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    book = load_workbook(tmp_path / "report.xlsx")
    cells = [c for row in book["章节 Sections"].iter_rows() for c in row if isinstance(c.value, str)]
    hostile = [c for c in cells if c.value.startswith("=HYPERLINK")]
    assert hostile and all(c.data_type == "s" for c in hostile)
    assert all("\x0b" not in c.value for c in cells)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is installed by scripts/setup.sh --test (as root)")
def test_workbook_survives_libreoffice(pack: Path, tmp_path: Path) -> None:
    """Another spreadsheet program reads the workbook and writes it back with every sheet, row and text
    cell (a workbook it had to repair would lose them), formula-like document text still text."""
    write_reports(
        _hostile_payload(pack),
        tmp_path / "in",
        TEMPLATES,
        title="t",
        kind="version",
        run_date="2026-11-21",
        formats=("xlsx",),
    )
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
    hostile = [
        c for row in theirs["章节 Sections"].iter_rows() for c in row if str(c.value).startswith("=HYP")
    ]
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
    text = squash(
        subprocess.run(
            ["pdftotext", str(tmp_path / "out/d/report.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
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
