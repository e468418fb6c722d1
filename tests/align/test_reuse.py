"""Reuse between two documents: fingerprints, the near-verbatim check, families and passages."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from plandiff.align.fingerprints import band_keys, reuse_key, signatures
from plandiff.align.reuse import buckets, common_runs, families, near_verbatim, reused_passages
from plandiff.model import DocumentMeta
from plandiff.pipeline import load_document
from tests.corpus.fixtures import write_corpus

TAKEN = reuse_key("健全覆盖全人群、全生命周期的公共服务体系")
LONGER = reuse_key(
    "完善社区养老托育设施，健全覆盖全人群、全生命周期的公共服务体系，推动城乡基本公共服务均等化。"
)


def test_minhash_agreement_estimates_shingle_overlap() -> None:
    base = reuse_key("深入实施创新驱动发展战略，推动科技创新和产业创新深度融合，加快建设现代化产业体系。")
    edited = base.replace("深入实施", "全面实施")
    other = reuse_key("坚决落实疫情防控各项措施，健全公共卫生应急管理体系，提升重大疫情防控救治能力。")
    rows = signatures([base, edited, other, "太短"])
    assert (rows[0] == rows[1]).mean() > 0.6 and (rows[0] == rows[2]).mean() < 0.1
    assert (rows[3] == np.iinfo(np.uint32).max).all()  # too short to fingerprint


def test_near_verbatim_takes_a_clause_whole_but_not_stock_words_around_another_topic() -> None:
    assert near_verbatim(TAKEN, LONGER) and near_verbatim(LONGER, TAKEN)
    assert not near_verbatim(reuse_key("健全安全生产治理体系"), reuse_key("健全安全高效的市域治理体系"))
    assert common_runs(LONGER, TAKEN) == [TAKEN]


def test_buckets_and_families_do_not_depend_on_row_order() -> None:
    keys = [TAKEN, LONGER, reuse_key("坚决落实疫情防控各项措施，健全公共卫生应急管理体系"), TAKEN + "建设"]
    bands = band_keys(signatures(keys))
    groups = buckets(bands)
    shuffled = buckets(bands[[3, 2, 1, 0]])
    renumber = {0: 3, 1: 2, 2: 1, 3: 0}
    assert sorted(tuple(sorted(renumber[i] for i in g)) for g in shuffled) == groups
    labels = families(keys, groups)
    assert labels[0] == labels[3] != labels[2]


def test_reused_passages_between_two_documents(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path)
    city = load_document(DocumentMeta(id="city", path=str(folder / "city.txt")))
    south = load_document(DocumentMeta(id="south", path=str(folder / "south.txt")))
    [passage] = reused_passages(city, south)
    assert (passage.target, passage.source, passage.target_line, passage.source_line) == (
        "south",
        "city",
        5,
        5,
    )
    assert passage.taken_text.startswith(TAKEN) and passage.matched < passage.chars
    copy = load_document(DocumentMeta(id="copy", path=str(folder / "city.txt")))
    whole = reused_passages(city, copy)
    assert sum(p.matched for p in whole) == sum(p.chars for p in whole) > 100  # a copy is taken whole
