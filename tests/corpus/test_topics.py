"""Topic adoption: which documents use a term, per 10,000 characters, first period seen."""

from __future__ import annotations

from pathlib import Path

from plandiff.corpus.build import Corpus
from plandiff.corpus.store import Store
from plandiff.corpus.topics import new_terms


def test_adoption_of_given_terms(small_corpus: tuple[Corpus, Path]) -> None:
    corpus, _ = small_corpus
    table = corpus.adoption.set_index(["term", "document"])
    assert list(table.loc["低空经济"].index) == ["south-15"]
    assert table.loc[("疫情防控", "north-14"), "count"] == 3
    assert table.loc[("疫情防控", "north-14"), "first_period"] == 14
    chars = corpus.shares.set_index("document").loc["south-15", "chars"]
    assert table.loc[("人工智能+", "south-15"), "per_10k"] == round(10_000 / chars, 2)


def test_new_terms_are_quoted_in_the_latest_period_only(small_corpus: tuple[Corpus, Path]) -> None:
    corpus, _ = small_corpus
    with Store(corpus.store) as store:
        terms = new_terms(store)
    assert "人工智能+" in terms
    assert "十四五" not in terms and "十五五" not in terms  # period names are not topics
