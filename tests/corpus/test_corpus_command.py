"""`plandiff corpus`: incremental through the store, files written, a folder without a manifest."""

from __future__ import annotations

import shutil
from pathlib import Path

from plandiff.cli import main
from plandiff.corpus.build import build_corpus, corpus_documents
from tests.corpus.fixtures import write_corpus


def test_corpus_command_is_incremental(tmp_path: Path) -> None:
    inputs = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    assert main(["corpus", str(inputs), "--out", str(out), "--quiet"]) == 0
    assert {p.name for p in out.iterdir()} >= {"panel.xlsx", "panel.parquet", "reuse.xlsx", "topics.xlsx"}
    again = build_corpus(inputs, out)
    assert again.analysed == [] and len(again.unchanged) == 4
    (inputs / "south.txt").write_text(
        (inputs / "south.txt").read_text(encoding="utf-8") + "\n南县加快建设现代化产业体系。\n",
        encoding="utf-8",
    )
    changed = build_corpus(inputs, out)
    assert changed.analysed == ["south-15"] and len(changed.unchanged) == 3


def test_a_folder_without_manifest_takes_every_plan_file(tmp_path: Path) -> None:
    inputs = write_corpus(tmp_path / "in", manifest=False)
    shutil.copy(inputs / "city.txt", inputs / "notes.csv")  # not a plan file type
    ids = [meta.id for meta in corpus_documents(inputs)]
    assert ids == ["city.txt", "north-14.txt", "north.txt", "south.txt"]


def test_a_removed_document_leaves_the_panel(tmp_path: Path) -> None:
    inputs = write_corpus(tmp_path / "in", manifest=False)
    build_corpus(inputs, store=tmp_path / "s.duckdb")
    (inputs / "south.txt").unlink()
    corpus = build_corpus(inputs, store=tmp_path / "s.duckdb")
    assert corpus.removed == ["south.txt"] and "south.txt" not in set(corpus.panel.document)


def test_a_bad_file_is_reported_and_the_others_still_count(tmp_path: Path) -> None:
    inputs = write_corpus(tmp_path / "in", manifest=False)
    (inputs / "empty.txt").write_bytes(b"")
    corpus = build_corpus(inputs, store=tmp_path / "s.duckdb")
    assert list(corpus.failed) == ["empty.txt"] and "empty" in corpus.failed["empty.txt"]
    assert len(corpus.analysed) == 4
    assert main(["corpus", str(inputs), "--out", str(tmp_path / "out"), "--quiet"]) == 1
