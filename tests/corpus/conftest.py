"""A corpus built once per test session from the fixture texts (tests/corpus/fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plandiff.corpus.build import Corpus, build_corpus
from tests.corpus.fixtures import write_corpus


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Path]:
    """The four fixture documents analysed in one process, with files written; (corpus, folder)."""
    folder = tmp_path_factory.mktemp("corpus")
    inputs = write_corpus(folder / "inputs")
    return build_corpus(inputs, folder / "out", terms=["低空经济", "人工智能+", "疫情防控"]), folder
