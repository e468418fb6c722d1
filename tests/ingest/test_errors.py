"""Bad input gives exit code 1 and one line naming the file and the reason, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from weasyprint import HTML

from plandiff import ingest_file
from plandiff.cli import main
from tests.conftest import seed_path
from tests.ingest import builders


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["ingest", *argv], stdout=io.StringIO())
    err = capsys.readouterr().err
    return code, err


def assert_clean_error(code: int, err: str, path: Path | str, reason: str) -> None:
    assert code == 1
    lines = [line for line in err.strip().split("\n") if line]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert str(path) in lines[0] and reason in lines[0], lines[0]


def test_ingest_missing_file(capsys, tmp_path):
    path = tmp_path / "nothing.txt"
    assert_clean_error(*run(capsys, str(path)), path, "no such file")


def test_ingest_directory(capsys, tmp_path):
    assert_clean_error(*run(capsys, str(tmp_path)), tmp_path, "is a directory")


def test_ingest_empty_file(capsys, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_clean_error(*run(capsys, str(path)), path, "empty")


def test_ingest_binary_junk(capsys, tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 20)
    assert_clean_error(*run(capsys, str(path)), path, "binary data")


def test_ingest_undecidable_encoding(capsys, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le café du marché, résumé économique à Genève.\n".encode("latin-1") * 20)
    assert_clean_error(*run(capsys, str(path)), path, "convert it to UTF-8")


def test_ingest_unsupported_extension(capsys, tmp_path):
    path = tmp_path / "plan.xls"
    path.write_bytes(b"whatever")
    assert_clean_error(*run(capsys, str(path)), path, "unsupported file type '.xls'")


def test_ingest_truncated_docx(capsys, tmp_path):
    whole = builders.write_docx(ingest_file(seed_path("002")), tmp_path / "whole.docx")
    path = tmp_path / "truncated.docx"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    assert not zipfile.is_zipfile(path)
    assert_clean_error(*run(capsys, str(path)), path, "not a readable DOCX")


def test_ingest_truncated_pdf(capsys, tmp_path):
    whole = builders.write_pdf(ingest_file(seed_path("002")), tmp_path / "whole.pdf", running_header="")
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole.read_bytes()[:2000])
    assert_clean_error(*run(capsys, str(path)), path, "not a readable PDF")


def test_ingest_pdf_without_text_layer(capsys, tmp_path):
    path = tmp_path / "scan.pdf"
    HTML(string='<div style="width:300px;height:400px;background:#333"></div>').write_pdf(str(path))
    assert_clean_error(*run(capsys, str(path)), path, "OCR")


def test_ingest_pdf_named_docx(capsys, tmp_path):
    path = tmp_path / "plan.docx"
    HTML(string="<p>规划</p>").write_pdf(str(path))
    assert_clean_error(*run(capsys, str(path)), path, "not a DOCX")


def test_ingest_over_size_limit(capsys):
    path = seed_path("003")
    code, err = run(capsys, str(path), "--max-input-mb", "0.05")
    assert_clean_error(code, err, path, "over the 0.05 MB limit")


def test_ingest_unknown_id(capsys):
    assert_clean_error(*run(capsys, "no-such-plan"), "no-such-plan", "neither a file nor a document id")


def test_ingest_debug_shows_traceback(capsys, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code = main(["ingest", str(path), "--debug"], stdout=io.StringIO())
    assert code == 1 and "Traceback" in capsys.readouterr().err


def test_usage_error_exit_code(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["ingest"])
    assert exit_info.value.code == 2


def test_common_options_before_or_after_the_command(capsys):
    path = seed_path("003")
    for argv in (
        ["--max-input-mb", "0.05", "ingest", str(path)],
        ["ingest", str(path), "--max-input-mb", "0.05"],
    ):
        code = main(argv, stdout=io.StringIO())
        assert_clean_error(code, capsys.readouterr().err, path, "over the 0.05 MB limit")
