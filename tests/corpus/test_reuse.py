"""Text reuse over a small corpus: who took which passage from whom, and how much of each text is its own."""

from __future__ import annotations

from pathlib import Path

from plandiff.corpus.build import Corpus
from plandiff.corpus.reuse import ABOVE, EARLIER, SHARED, direction, doc_of


def test_passages_taken_from_the_city_recommendations(small_corpus: tuple[Corpus, Path]) -> None:
    corpus, _ = small_corpus
    north = corpus.reuse[corpus.reuse.target == "north-15"]
    assert list(north.source) == ["city-15", "city-15"] and set(north.direction) == {ABOVE}
    first, second = north.iloc[0], north.iloc[1]
    assert first.sentences == 2 and first.coverage == 1.0
    assert (first.target_line, first.source_line) == (5, 3)
    assert first.target_text.startswith("坚持以推动高质量发展为主题")
    # 北县's own sentence between the two ends the first passage.
    assert (second.target_line, second.source_line) == (7, 4) and "北县将依托" not in second.target_text


def test_a_target_restated_with_new_numbers_is_not_taken(small_corpus: tuple[Corpus, Path]) -> None:
    """到2030年…增长5%左右 words the 14th plan's 到2025年…6.5%左右 alike: a target, not boilerplate."""
    corpus, _ = small_corpus
    assert "north-14" not in set(corpus.reuse.source)


def test_a_clause_taken_into_a_longer_sentence(small_corpus: tuple[Corpus, Path]) -> None:
    corpus, _ = small_corpus
    south = corpus.reuse[corpus.reuse.target == "south-15"].iloc[0]
    assert south.source == "city-15"
    assert south.taken_text.startswith("健全覆盖全人群全生命周期的公共服务体系")
    assert 0.4 < south.coverage < 0.7  # the rest (老城区更新改造, 养老托育) is 南县's own


def test_own_text_is_not_listed(small_corpus: tuple[Corpus, Path]) -> None:
    corpus, _ = small_corpus
    taken = " ".join(corpus.reuse.target_text)
    assert "低空经济" not in taken and "疫情防控" not in taken
    assert set(corpus.reuse.target) == {"north-15", "south-15"}  # nothing taken by the city or the 14th plan


def test_shares_add_up_and_follow_what_was_taken(small_corpus: tuple[Corpus, Path]) -> None:
    corpus, _ = small_corpus
    shares = corpus.shares.set_index("document")
    for row in shares.itertuples():
        assert abs(row.share_above + row.share_other + row.share_own - 1) < 1e-3
    assert shares.loc["north-15", "share_above"] > shares.loc["south-15", "share_above"] > 0
    assert shares.loc["city-15", "share_own"] == 1.0


def test_direction_from_level_date_and_the_recommendations() -> None:
    city = doc_of(
        {"id": "c", "place": "江城市", "level": "prefecture", "period": 15, "kind": "建议", "date": "2025-12"}
    )
    county = doc_of(
        {"id": "k", "place": "北县", "level": "county", "period": 15, "kind": "纲要", "date": "2026-01"}
    )
    old_county = doc_of(
        {"id": "o", "place": "北县", "level": "county", "period": 14, "kind": "纲要", "date": "2021"}
    )
    national = doc_of(
        {
            "id": "n",
            "place": None,
            "title": "中华人民共和国国民经济和社会发展第十四个五年规划纲要",
            "period": 14,
        }
    )
    peer = doc_of({"id": "p", "place": "南县", "level": "county", "period": 15, "kind": "纲要"})
    assert direction(city, county) == ABOVE
    assert direction(city, old_county) != ABOVE  # a 2025 city text is no source of a 2021 county plan
    assert direction(national, county) == ABOVE and national.rank == 0
    assert direction(old_county, county) == EARLIER
    assert direction(peer, county) == SHARED
