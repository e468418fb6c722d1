"""Character n-gram TF-IDF: grams stay inside words, common grams are dropped, weights as documented."""

from __future__ import annotations

import math

import numpy as np

from plandiff.align.tfidf import fit_tfidf, grams


def test_grams_never_span_two_words() -> None:
    assert list(grams("昆山 创新", (2,))) == [" 昆", "昆山", "山 ", " 创", "创新", "新 "]


def test_grams_in_more_than_the_share_are_dropped() -> None:
    model = fit_tfidf(["发展 昆山", "发展 苏州", "发展 吴江", "创新"], (2,), max_share=0.5)
    assert "发展" not in model.vocabulary and "昆山" in model.vocabulary


def test_weights_are_sublinear_tf_times_smoothed_idf_then_unit_length() -> None:
    texts = ["昆山 昆山 昆山", "昆山 苏州"]
    model = fit_tfidf(texts, (2,), sublinear=True)
    row = model.transform(texts)[0].toarray().ravel()
    column = model.vocabulary["昆山"]
    idf_kunshan = math.log(3 / 3) + 1  # in both texts
    expected = (1 + math.log(3)) * idf_kunshan  # " 昆", "昆山", "山 " each three times, all in both texts
    assert math.isclose(row[column], expected / math.sqrt(3 * expected**2), rel_tol=1e-5)
    assert np.isclose(np.linalg.norm(model.transform(texts).toarray(), axis=1), 1).all()


def test_unknown_grams_and_empty_texts_give_zero_rows() -> None:
    model = fit_tfidf(["昆山"], (2,))
    assert not model.transform(["苏州", ""]).toarray().any()
