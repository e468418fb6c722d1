"""`plandiff ci` on a temporary copy of the corpus: only what changed is parsed and rendered."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plandiff.corpus import load_manifest
from plandiff.corpus.ci import EXIT_BAD_INPUT, EXIT_CHECK_FAILED, EXIT_OK, exit_code, run_ci
from plandiff.corpus.store import Store
from plandiff.settings import Settings
from tests.conftest import INPUTS, ROOT

TEMPLATES = ROOT / "report_templates"
FAST = ("json", "xlsx", "html", "md")  # the PDF is tested elsewhere; CI tests keep to the cheap formats
MANIFEST = """
[[document]]
id = "kunshan-14"
path = "kunshan/14th-plan-interpretation.txt"
place = "昆山市"
period = 14
[[document]]
id = "kunshan-15"
path = "kunshan/15th-plan.txt"
place = "昆山市"
period = 15
parent = "suzhou-15"
[[document]]
id = "suzhou-15"
path = "suzhou/15th-plan-recommendations.txt"
place = "苏州市"
period = 15
[[comparison]]
id = "kunshan-14-vs-15"
title = "昆山 14 → 15"
old = ["kunshan-14"]
new = ["kunshan-15"]
[[comparison]]
id = "suzhou-vs-kunshan-15"
title = "苏州建议 → 昆山纲要"
old = ["suzhou-15"]
new = ["kunshan-15"]
kind = "hierarchy"
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    for relative in (
        "kunshan/14th-plan-interpretation.txt",
        "kunshan/15th-plan.txt",
        "suzhou/15th-plan-recommendations.txt",
    ):
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(INPUTS / relative, folder / relative)
    (folder / "plans.toml").write_text(MANIFEST, encoding="utf-8")
    return folder


def run(corpus: Path, out: Path, **options):
    with Store(out / "plandiff.duckdb") as store:
        return run_ci(
            load_manifest(corpus / "plans.toml"),
            store,
            out,
            TEMPLATES,
            Settings(),
            run_date="2026-11-21",
            formats=FAST,
            **options,
        )


def mtimes(out: Path) -> dict[str, float]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.glob("*/comparison.json")}


def test_ci_second_run_does_nothing(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run(corpus, out)
    assert sorted(first.added) == ["kunshan-14", "kunshan-15", "suzhou-15"] and exit_code(first) == EXIT_OK
    assert sorted(first.rendered) == ["kunshan-14-vs-15", "suzhou-vs-kunshan-15"]
    before = mtimes(out)
    second = run(corpus, out)
    assert second.nothing_to_do and second.unchanged and not second.rendered
    assert mtimes(out) == before
    assert "nothing was parsed or rendered" in (out / "summary.md").read_text(encoding="utf-8")
    with Store(out / "plandiff.duckdb") as store:
        assert len(store.table("documents")) == 3 and len(store.table("comparisons")) == 2
        assert len(store.table("indicators")) > 100 and len(store.table("section_pairs")) > 50


def test_ci_new_document_renders_only_its_comparisons(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(corpus, out)
    before = mtimes(out)
    draft = corpus / "kunshan/15th-draft.txt"
    draft.write_text(
        (corpus / "kunshan/15th-plan.txt").read_text(encoding="utf-8").replace("5以上", "5.5以上", 1),
        encoding="utf-8",
    )
    with (corpus / "plans.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(
            '[[document]]\nid = "kunshan-15-draft"\npath = "kunshan/15th-draft.txt"\nplace = "昆山市"\n'
            'period = 15\nparent = "suzhou-15"\n'
        )
    result = run(corpus, out)
    assert result.added == ["kunshan-15-draft"] and not result.changed
    assert result.rendered and all("kunshan-15-draft" in name for name in result.rendered)
    assert {k: v for k, v in mtimes(out).items() if k in before} == before


def test_ci_changed_byte_renders_only_comparisons_using_it(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(corpus, out)
    before = mtimes(out)
    path = corpus / "suzhou/15th-plan-recommendations.txt"
    path.write_bytes(path.read_bytes() + b"\n")
    result = run(corpus, out)
    assert result.changed == ["suzhou-15"] and result.rendered == ["suzhou-vs-kunshan-15"]
    after = mtimes(out)
    assert after["kunshan-14-vs-15/comparison.json"] == before["kunshan-14-vs-15/comparison.json"]
    assert after["suzhou-vs-kunshan-15/comparison.json"] != before["suzhou-vs-kunshan-15/comparison.json"]


def test_ci_outputs_are_byte_identical_across_runs(corpus: Path, tmp_path: Path) -> None:
    run(corpus, tmp_path / "a")
    run(corpus, tmp_path / "b")
    for name in (
        "kunshan-14-vs-15/comparison.json",
        "kunshan-14-vs-15/report.xlsx",
        "suzhou-vs-kunshan-15/report.xlsx",
    ):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_ci_bad_input_and_failed_check(corpus: Path, tmp_path: Path) -> None:
    (corpus / "broken.txt").write_bytes(bytes(range(256)) * 10)
    with (corpus / "plans.toml").open("a", encoding="utf-8") as manifest:
        manifest.write('[[document]]\nid = "broken"\npath = "broken.txt"\n')
    result = run(corpus, tmp_path / "out", fail_on=("target-weakened",))
    assert "broken" in result.failed and "binary" in result.failed["broken"]
    assert sorted(result.rendered) == ["kunshan-14-vs-15", "suzhou-vs-kunshan-15"]  # the others still ran
    assert exit_code(result) == EXIT_BAD_INPUT
    (corpus / "broken.txt").unlink()
    manifest_text = (corpus / "plans.toml").read_text(encoding="utf-8")
    (corpus / "plans.toml").write_text(
        manifest_text.split('[[document]]\nid = "broken"')[0], encoding="utf-8"
    )
    again = run(corpus, tmp_path / "out2", fail_on=("target-weakened",))
    assert exit_code(again) == EXIT_CHECK_FAILED
    assert any("地区生产总值" in reason for reason in again.checks_failed["kunshan-14-vs-15"])
    ci = json.loads((tmp_path / "out2/ci.json").read_text(encoding="utf-8"))
    assert ci["exit_code"] == EXIT_CHECK_FAILED


def test_ci_killed_during_rendering_keeps_outputs(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "plandiff",
        "--quiet",
        "ci",
        "--config",
        str(corpus / "plans.toml"),
        "--out",
        str(out),
        "--date",
        "2026-11-21",
        "--templates",
        str(TEMPLATES),
    ]
    assert subprocess.run(command, check=False).returncode == EXIT_OK
    previous = {p: p.read_bytes() for p in out.glob("*/*") if p.is_file()}
    for path in (
        corpus / "kunshan/14th-plan-interpretation.txt",
        corpus / "suzhou/15th-plan-recommendations.txt",
    ):
        path.write_bytes(path.read_bytes() + "\n补充。\n".encode())
    first_json = out / "kunshan-14-vs-15/comparison.json"
    stamp = first_json.stat().st_mtime_ns
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None and first_json.stat().st_mtime_ns == stamp:
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before it could be killed while rendering"
    os.killpg(process.pid, signal.SIGKILL)  # the first pack's JSON is new, its PDF is being rendered
    process.wait()
    for path, content in previous.items():
        if path.exists() and path.read_bytes() != content:
            assert path.suffix in (".json", ".xlsx", ".html", ".md", ".pdf")  # replaced whole, never half
    for path in out.glob("*/comparison.json"):
        json.loads(path.read_text(encoding="utf-8"))
    finished = subprocess.run(command, check=False)
    assert finished.returncode == EXIT_OK
    ci = json.loads((out / "ci.json").read_text(encoding="utf-8"))
    assert ci["exit_code"] == EXIT_OK
