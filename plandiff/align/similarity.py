"""How alike two sides' units are: character-bigram TF-IDF of their text, and of their titles.

Character bigrams need no dictionary and are the established baseline for Chinese document similarity.
The vocabulary is fitted on the units of both sides, and bigrams found in more than half of the units
(the 指导思想 formulas and 习近平新时代… phrases every section repeats) are dropped, so shared
boilerplate does not make two sections alike.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .units import Unit

_NOT_CONTENT = re.compile(r"[^\u3400-\u9fffA-Za-z]+")
# Bigrams in more than this share of all units carry no information about which units correspond.
MAX_UNIT_SHARE = 0.5


def _content(text: str) -> str:
    return _NOT_CONTENT.sub(" ", text)


def _vectorizer(documents: int) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(2, 2),
        sublinear_tf=True,
        max_df=MAX_UNIT_SHARE if documents >= 4 else 1.0,
        dtype=np.float32,
    )


def similarity_matrices(old: Sequence[Unit], new: Sequence[Unit]) -> tuple[np.ndarray, np.ndarray]:
    """(content similarity, title similarity), each of shape (len(old), len(new)), values 0..1."""
    if not old or not new:
        empty = np.zeros((len(old), len(new)), dtype=np.float32)
        return empty, empty
    content = _cosines([_content(u.text) for u in (*old, *new)], len(old), _vectorizer(len(old) + len(new)))
    titles = [_content(u.title) for u in (*old, *new)]
    title = _cosines(
        titles, len(old), TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 2), dtype=np.float32)
    )
    return content, title


def _cosines(texts: list[str], split: int, vectorizer: TfidfVectorizer) -> np.ndarray:
    """Cosine similarity of the first ``split`` texts against the rest; zeros when nothing is left to
    compare (texts without Chinese or Latin letters, or only bigrams every unit shares)."""
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # scikit-learn: empty vocabulary
        return np.zeros((split, len(texts) - split), dtype=np.float32)
    return (matrix[:split] @ matrix[split:].T).toarray()


def shared_terms(old_text: str, new_text: str, limit: int = 5) -> tuple[str, ...]:
    """Four-character words both texts use, the most used first: the evidence for a pair."""

    def grams(text: str) -> Counter[str]:
        return Counter(
            run[i : i + 4] for run in re.findall(r"[\u4e00-\u9fff]{4,}", text) for i in range(len(run) - 3)
        )

    old_grams, new_grams = grams(old_text), grams(new_text)
    common = sorted(set(old_grams) & set(new_grams), key=lambda g: (-min(old_grams[g], new_grams[g]), g))
    found: list[str] = []
    for gram in common:
        if not any(gram[1:] in kept or gram[:-1] in kept for kept in found):
            found.append(gram)
        if len(found) >= limit:
            break
    return tuple(found)
