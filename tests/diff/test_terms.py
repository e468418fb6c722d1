"""Key terms: whole words told from slices of words by the characters around them."""

from __future__ import annotations

from plandiff.diff.terms import term_shifts, words_of


def test_a_slice_that_always_has_the_same_neighbour_is_not_a_word() -> None:
    runs = [
        "放大昆山试验区成效",
        "推进昆山试验区建设",
        "用好昆山试验区平台",
        "发展新能源汽车产业",
        "培育新能源汽车整车",
        "壮大新能源汽车集群",
    ]
    words = words_of(runs)
    assert {"昆山试验区", "新能源汽车"} <= words
    assert not {"山试验区", "新能源汽", "能源汽车"} & words


def test_new_word_is_reported_whole() -> None:
    old = ["推动传统产业转型升级。" * 3]
    new = ["聚力发展具身智能产业，推进具身智能研发，布局具身智能场景。", "推动传统产业转型升级。"]
    shifts = {(s.term, s.shift) for s in term_shifts(old, new)}
    assert ("具身智能", "new") in shifts
    assert not any(term in ("身智能产", "聚力发展") for term, _ in shifts)
