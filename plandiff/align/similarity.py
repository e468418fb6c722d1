"""How alike two sides' units are: character-bigram TF-IDF of their text, of their context, and of their titles.

Character bigrams need no dictionary and are the established baseline for Chinese document similarity.
The vocabulary is fitted on the units of both sides, and bigrams found in more than half of the units
(the 指导思想 formulas and 习近平新时代… phrases every section repeats) are dropped, so shared
boilerplate does not make two sections alike. The context similarity compares each unit with the
section the other unit sits in (a 一是 item with a 章, a 节 with a （三）): a unit's parent says what it is
about when its own text is short or wanders.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..ingest import matching_form
from .tfidf import count_grams, fit_counts, fit_tfidf
from .units import Unit

_NOT_CONTENT = re.compile(r"[^\u3400-\u9fffA-Za-z]+")
# Bigrams in more than this share of all units carry no information about which units correspond.
MAX_UNIT_SHARE = 0.5
BIGRAMS = (2,)
# Two sentences this alike (cosine of their bigram TF-IDF), each the other's nearest, are one sentence
# carried from one side to the other. Calibrated on both section keys: 0.5 adds F1 0.008 on the Kunshan
# 14th/15th key (its links are 100% right there) and leaves the Suzhou/Kunshan key within 0.003; 0.4
# and below add wrong pairs on both (precision -0.04).
CARRIED_SENTENCE = 0.5
MIN_SENTENCE_CHARS = 6
_SENTENCE_END = re.compile(r"(?<=[。；！？\n])")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _content(text: str) -> str:
    """The letters of a text's matching form (display text keeps full-width letters: ＡＩ is AI)."""
    return _NOT_CONTENT.sub(" ", matching_form(text))


@dataclass(frozen=True, slots=True)
class Similarities:
    """Matrices of shape (len(old), len(new)), values 0..1."""

    content: np.ndarray
    context: np.ndarray  # mean of (old parent ~ new unit) and (old unit ~ new parent)
    title: np.ndarray


def similarity_matrices(old: Sequence[Unit], new: Sequence[Unit]) -> Similarities:
    """Content, context and title similarity of every old unit with every new one."""
    units = (*old, *new)
    split = len(old)
    # Units of one section share its text as their context: each distinct text is counted and
    # transformed once.
    distinct = list(dict.fromkeys(_content(t) for u in units for t in (u.text, u.context)))
    row_of = {text: row for row, text in enumerate(distinct)}
    counts = [count_grams(text, BIGRAMS) for text in distinct]
    text_rows = [row_of[_content(u.text)] for u in units]
    model = fit_counts(
        [counts[row] for row in text_rows],
        BIGRAMS,
        sublinear=True,
        max_share=MAX_UNIT_SHARE if len(units) >= 4 else 1.0,
    )
    vectors = model.transform_counts(counts)
    texts = vectors[text_rows]
    contexts = vectors[[row_of[_content(u.context)] for u in units]]
    content = (texts[:split] @ texts[split:].T).toarray()
    context = ((contexts[:split] @ texts[split:].T) + (texts[:split] @ contexts[split:].T)).toarray() / 2
    titles = [_content(u.title) for u in units]
    title_vectors = fit_tfidf(titles, (1, 2)).transform(titles)
    title = (title_vectors[:split] @ title_vectors[split:].T).toarray()
    return Similarities(content, context, title)


def carried_sentences(old: Sequence[Unit], new: Sequence[Unit]) -> set[tuple[int, int]]:
    """(old unit, new unit) index pairs that share a sentence: mutual nearest neighbours among the two
    sides' sentences (character-bigram TF-IDF fitted on those sentences) at CARRIED_SENTENCE or more."""
    old_sentences = [(i, s) for i, u in enumerate(old) for s in unit_sentences(u.text)]
    new_sentences = [(j, s) for j, u in enumerate(new) for s in unit_sentences(u.text)]
    if not old_sentences or not new_sentences:
        return set()
    counts = [count_grams(_content(s), BIGRAMS) for _, s in (*old_sentences, *new_sentences)]
    vectors = fit_counts(counts, BIGRAMS, sublinear=True).transform_counts(counts)
    split = len(old_sentences)
    cosine = (vectors[:split] @ vectors[split:].T).toarray()
    best_new, best_old = cosine.argmax(axis=1), cosine.argmax(axis=0)
    return {
        (old_sentences[a][0], new_sentences[b][0])
        for a, b in enumerate(best_new)
        if best_old[b] == a and cosine[a, b] >= CARRIED_SENTENCE
    }


def unit_sentences(text: str) -> list[str]:
    """A unit's sentences (split at 。；！？ and line ends) with at least MIN_SENTENCE_CHARS Chinese characters."""
    found = (s.strip() for s in _SENTENCE_END.split(matching_form(text)))
    return [s for s in found if len(_HAN.findall(s)) >= MIN_SENTENCE_CHARS]
