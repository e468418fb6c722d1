"""The manifest and the metadata inferred from each seed's own text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from plandiff import ingest_file
from plandiff.corpus import load_manifest
from plandiff.errors import ConfigError
from plandiff.ingest import complete_metadata, infer_metadata
from tests.conftest import INPUTS, SEED_FILES

MANIFEST = load_manifest(INPUTS / "plans.toml")


def test_manifest_lists_every_seed_byte_for_byte() -> None:
    shared = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    paths = {Path(meta.path).relative_to(INPUTS.resolve()).as_posix() for meta in MANIFEST.documents.values()}
    assert paths == set(SEED_FILES.values())
    if shared.is_dir():  # beside the repository on the team's machines, not in a user's clone
        for seed, relative in SEED_FILES.items():
            original = next(shared.glob(f"{seed}_*.txt"))
            assert (INPUTS / relative).read_bytes() == original.read_bytes()


@pytest.mark.parametrize("doc_id", sorted(MANIFEST.documents))
def test_inferred_metadata_matches_manifest(doc_id: str) -> None:
    meta = MANIFEST.documents[doc_id]
    inferred = infer_metadata(ingest_file(meta.path))
    for name in ("place", "level", "period", "kind"):
        assert inferred[name].value == getattr(meta, name), name
        assert inferred[name].provenance.source == "text"
    if len(meta.date or "") == 10:  # a full date the text states (the article carries none)
        assert inferred["date"].value == meta.date
    else:
        assert "date" not in inferred
    assert (meta.place and meta.place in inferred["title"].value) or meta.kind.value == "article"


def test_complete_metadata_fills_only_what_is_missing() -> None:
    meta = MANIFEST.documents["kunshan-15-plan"]
    bare = replace(meta, place=None, period=None, provenance={"kind": meta.provenance["kind"]})
    full = complete_metadata(bare, ingest_file(meta.path))
    assert full.place == "昆山市" and full.period == 15
    assert full.provenance["place"].source == "text" and full.provenance["kind"].source == "manifest"


def test_manifest_errors_name_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "plans.toml"
    path.write_text('[[document]]\nid = "a"\npath = "a.txt"\nlevel = "city"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"plans.toml: document 1: 'city' is not a valid PlaceLevel"):
        load_manifest(path)
    path.write_text('[[document]]\nid = "a"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="'path' is required"):
        load_manifest(path)
