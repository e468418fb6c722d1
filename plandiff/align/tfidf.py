"""Character n-gram TF-IDF vectors (sparse, L2-normalized), for texts of a few hundred units.

Words are the runs between spaces; each is padded with a space on both sides before its n-grams are
taken, so a gram never spans two words (scikit-learn's ``char_wb`` analyzer, written out here because
importing scikit-learn cost a second of every run). Weights: ``1 + log(tf)`` when sublinear, smoothed
idf ``ln((1 + n) / (1 + df)) + 1``. Grams are counted once per text (``count_grams``): fitting and
transforming take the counts, so a text that is both fitted and transformed is read once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix


@dataclass(frozen=True, slots=True)
class TfidfModel:
    """A fitted vocabulary (gram -> column) and the idf of each column."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    sizes: tuple[int, ...]
    sublinear: bool

    def transform(self, texts: Sequence[str]) -> csr_matrix:
        """One L2-normalized row per text; grams outside the vocabulary are ignored."""
        return self.transform_counts([count_grams(text, self.sizes) for text in texts])

    def transform_counts(self, counts: Sequence[Counter[str]]) -> csr_matrix:
        """``transform`` of texts whose grams were counted with ``count_grams`` (same sizes)."""
        rows: list[int] = []
        columns: list[int] = []
        tf: list[int] = []
        vocabulary = self.vocabulary
        for row, counter in enumerate(counts):
            for gram, count in counter.items():
                column = vocabulary.get(gram)
                if column is not None:
                    rows.append(row)
                    columns.append(column)
                    tf.append(count)
        values = np.asarray(tf, dtype=np.float32)
        if self.sublinear:
            values = 1 + np.log(values)
        values *= self.idf[np.asarray(columns, dtype=np.intp)]
        matrix = csr_matrix((values, (rows, columns)), shape=(len(counts), len(vocabulary)), dtype=np.float32)
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return csr_matrix(matrix.multiply(1 / norms[:, None]), dtype=np.float32)


def grams(text: str, sizes: tuple[int, ...]) -> list[str]:
    """The character n-grams of each word of ``text`` (words padded with a space), lowercased."""
    found: list[str] = []
    for word in text.lower().split():
        padded = f" {word} "
        for size in sizes:
            if size == 2:  # the common case, without a slice per gram
                found.extend(map(str.__add__, padded[:-1], padded[1:]))
            else:
                found.extend(padded[i : i + size] for i in range(len(padded) - size + 1))
    return found


def count_grams(text: str, sizes: tuple[int, ...]) -> Counter[str]:
    """How often each n-gram of ``grams`` occurs in the text."""
    return Counter(grams(text, sizes))


def fit_tfidf(
    texts: Sequence[str], sizes: tuple[int, ...] = (2,), *, sublinear: bool = False, max_share: float = 1.0
) -> TfidfModel:
    """Fit on ``texts``: grams found in more than ``max_share`` of them are left out of the vocabulary."""
    return fit_counts(
        [count_grams(text, sizes) for text in texts], sizes, sublinear=sublinear, max_share=max_share
    )


def fit_counts(
    counts: Sequence[Counter[str]], sizes: tuple[int, ...], *, sublinear: bool = False, max_share: float = 1.0
) -> TfidfModel:
    """``fit_tfidf`` of texts whose grams were counted with ``count_grams`` (the same ``sizes``)."""
    document_frequency: Counter[str] = Counter()
    for counter in counts:
        document_frequency.update(counter.keys())
    limit = max_share * len(counts)
    kept = sorted(g for g, df in document_frequency.items() if df <= limit)
    vocabulary = {gram: column for column, gram in enumerate(kept)}
    df = np.array([document_frequency[g] for g in kept], dtype=np.float32)
    idf = np.log((1 + len(counts)) / (1 + df)) + 1
    return TfidfModel(vocabulary, idf.astype(np.float32), sizes, sublinear)
