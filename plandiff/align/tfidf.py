"""Character n-gram TF-IDF vectors (sparse, L2-normalized), for texts of a few hundred units.

Words are the runs between spaces; each is padded with a space on both sides before its n-grams are
taken, so a gram never spans two words (scikit-learn's ``char_wb`` analyzer, written out here because
importing scikit-learn cost a second of every run). Weights: ``1 + log(tf)`` when sublinear, smoothed
idf ``ln((1 + n) / (1 + df)) + 1``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
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
        rows, columns, values = [], [], []
        for row, text in enumerate(texts):
            counts = Counter(g for g in grams(text, self.sizes) if g in self.vocabulary)
            for gram, count in counts.items():
                rows.append(row)
                columns.append(self.vocabulary[gram])
                values.append(1 + np.log(count) if self.sublinear else float(count))
        matrix = csr_matrix(
            (np.asarray(values, dtype=np.float32), (rows, columns)),
            shape=(len(texts), len(self.vocabulary)),
        )
        matrix = matrix.multiply(self.idf).tocsr()
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return csr_matrix(matrix.multiply(1 / norms[:, None]), dtype=np.float32)


def grams(text: str, sizes: tuple[int, ...]) -> Iterable[str]:
    """The character n-grams of each word of ``text`` (words padded with a space), lowercased."""
    for word in text.lower().split():
        padded = f" {word} "
        for size in sizes:
            yield from (padded[i : i + size] for i in range(len(padded) - size + 1))


def fit_tfidf(
    texts: Sequence[str], sizes: tuple[int, ...] = (2,), *, sublinear: bool = False, max_share: float = 1.0
) -> TfidfModel:
    """Fit on ``texts``: grams found in more than ``max_share`` of them are left out of the vocabulary."""
    document_frequency: Counter[str] = Counter()
    for text in texts:
        document_frequency.update(set(grams(text, sizes)))
    limit = max_share * len(texts)
    kept = sorted(g for g, df in document_frequency.items() if df <= limit)
    vocabulary = {gram: column for column, gram in enumerate(kept)}
    df = np.array([document_frequency[g] for g in kept], dtype=np.float32)
    idf = np.log((1 + len(texts)) / (1 + df)) + 1
    return TfidfModel(vocabulary, idf.astype(np.float32), sizes, sublinear)
