"""Text reuse: sentences of one document that reappear near-verbatim in another, joined into passages.

1. Candidates: lookup keys (sentences and their clauses) whose MinHash signatures agree in a whole LSH
   band (``fingerprints``) share a bucket; identical keys are one item, so boilerplate met in every plan
   costs one item, not one per copy.
2. Exact check: inside each bucket, members are clustered around leaders (the first member not close to a
   leader leads); a member joins a leader it matches near-verbatim (``near_verbatim``: common runs of
   MIN_BLOCK or more characters cover NEAR_VERBATIM of the shorter). The edges depend only on each bucket's members, so the families (connected components)
   come out the same however the buckets were found or in what order they are read (one process or a
   Dask shuffle).
3. Passages: a target sentence is taken from a source sentence when one is the other lightly edited or
   taken whole into it, or when one of its clauses is one of the source's (``taken``); the sentences taken
   from one source are joined while they follow each other in both documents (over headings between).
   Each passage counts its characters found exactly in the source (an Indel alignment's common runs).

``reused_passages(source, target)`` does all three for two documents (what a pairwise report needs);
``corpus/reuse.py`` runs steps 1-2 over a whole corpus and chooses each sentence's source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import Indel

from ..model import Document
from .fingerprints import (
    MIN_REUSE_CHARS,
    Sentence,
    band_keys,
    digest,
    document_sentences,
    reuse_items,
    signatures,
)

# Two keys are near-verbatim when common runs of at least MIN_BLOCK characters cover this share of the
# shorter: a county that takes a clause of its city's 建议 and adds its own (健全财力与事权相匹配的财政管理体制，
# 科学划分市与区镇财政事权和支出责任) has taken the clause. Calibrated by reading 003 ↔ 004 sentence pairs: at
# 0.85, 健全安全生产治理体系 against 健全安全高效的市域治理体系 (stock words around another topic, 0.80) stays out.
NEAR_VERBATIM = 0.85
MIN_BLOCK = 4
# A passage is kept when it was taken nearly whole (coverage NEAR_VERBATIM) or at least this many characters
# of it were: a name of 13 (深时数字地球国际大科学计划) or a stock phrase of 10 inside a long sentence is not a
# passage taken; a clause of 15 or more is (协同推进降碳、减污、扩绿、增长 is 12 and a whole sentence elsewhere).
MIN_PASSAGE_CHARS = 15
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# A passage goes on over this many headings or short sentences not taken (a 节 heading in between); a
# sentence of its own ends it.
MAX_GAP = 2


@dataclass(frozen=True, slots=True)
class Match:
    """A target sentence found in a source document, at one or more of its sentences."""

    target: int
    source_document: str
    sources: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ReusedPassage:
    """A run of a target document's sentences that reappears in a source document.

    ``chars`` counts the target's key characters, ``matched`` those found exactly in the source (runs of
    MIN_BLOCK or more, shown in ``taken_text`` joined by …); ``coverage`` is matched / chars.
    """

    target: str
    source: str
    target_section: str
    target_line: int
    target_end_line: int
    source_section: str
    source_line: int
    source_end_line: int
    target_first: int
    target_last: int
    source_first: int
    source_last: int
    sentences: int
    chars: int
    matched: int
    coverage: float
    target_text: str
    source_text: str
    taken_text: str


def common_chars(a: str, b: str) -> int:
    """Characters of ``a`` found in ``b`` in runs of at least MIN_BLOCK, in order (an exact alignment)."""
    return sum(len(run) for run in common_runs(a, b))


def common_runs(a: str, b: str) -> list[str]:
    """The runs of at least MIN_BLOCK characters of ``a`` found in ``b``, in order."""
    if a == b:
        return [a]
    return [
        a[block.dest_start : block.dest_end]
        for block in Indel.opcodes(b, a)
        if block.tag == "equal" and block.dest_end - block.dest_start >= MIN_BLOCK
    ]


def near_verbatim(a: str, b: str) -> bool:
    """Whether one key is the other lightly edited, or taken whole into it: common runs cover NEAR_VERBATIM
    of the shorter, within a stretch of the longer no wider than the shorter / NEAR_VERBATIM (a title
    深入推进“两业融合” is not found in 深入推进新型工业化，强化人工智能赋能和“两业融合” from words 20 apart)."""
    shorter = min(len(a), len(b))
    if shorter == 0:
        return False
    if a == b:
        return True
    blocks = [
        block
        for block in Indel.opcodes(b, a)
        if block.tag == "equal" and block.dest_end - block.dest_start >= MIN_BLOCK
    ]
    if sum(block.dest_end - block.dest_start for block in blocks) < NEAR_VERBATIM * shorter:
        return False
    stretch = max(blocks[-1].dest_end - blocks[0].dest_start, blocks[-1].src_end - blocks[0].src_start)
    return stretch <= shorter / NEAR_VERBATIM


def taken(target: Sentence, source: Sentence) -> bool:
    """Whether the target sentence took the source sentence, or one of its clauses took one of the source's.

    Text with other numbers is not taken: ``到2030年，地区生产总值年均增长5%左右`` restates a target of the
    earlier ``到2025年…6.5%左右`` in the same words, which the target panel compares; it is not boilerplate.
    """
    if target.norm == source.norm:
        return True
    if near_verbatim(target.key, source.key) and _same_numbers(target.key, source.key):
        return True
    mine, theirs = reuse_items(target)[1:], reuse_items(source)
    return any(near_verbatim(a, b) and _same_numbers(a, b) for a in mine for b in theirs)


def _same_numbers(a: str, b: str) -> bool:
    x, y = set(_NUMBER.findall(a)), set(_NUMBER.findall(b))
    return x == y or not x or not y


def buckets(keys_by_band: npt.NDArray[np.int64]) -> list[tuple[int, ...]]:
    """Items (rows) sharing an LSH key in some band, as sorted tuples of two or more, in a fixed order."""
    rows, bands = keys_by_band.shape
    if rows == 0:
        return []
    flat = keys_by_band.reshape(-1)
    items = np.repeat(np.arange(rows), bands)
    order = np.lexsort((items, flat))
    flat, items = flat[order], items[order]
    starts = np.flatnonzero(np.concatenate(([True], flat[1:] != flat[:-1])))
    lengths = np.diff(np.concatenate((starts, [len(flat)])))
    shared = [(int(s), int(n)) for s, n in zip(starts, lengths, strict=True) if n > 1]
    listed = items.tolist()
    found = {tuple(sorted(set(listed[s : s + n]))) for s, n in shared}
    return sorted(group for group in found if len(group) > 1)


def families(keys: Sequence[str], groups: Iterable[Sequence[int]]) -> list[int]:
    """A family label per item: items joined by a near-verbatim edge inside some bucket share one."""
    parent = list(range(len(keys)))

    def find(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    checked: dict[tuple[int, int], bool] = {}
    for group in groups:
        leaders: list[int] = []
        for member in group:
            for leader in leaders:
                pair = (leader, member)
                if pair not in checked:
                    checked[pair] = near_verbatim(keys[leader], keys[member])
                if checked[pair]:
                    a, b = find(leader), find(member)
                    parent[max(a, b)] = min(a, b)
                    break
            else:
                leaders.append(member)
    return [find(item) for item in range(len(keys))]


def passage_runs(
    target: str,
    target_sentences: Sequence[Sentence],
    matches: Sequence[Match],
    sources: Mapping[str, Sequence[Sentence]],
) -> list[ReusedPassage]:
    """Join the target's matched sentences into passages, one source at a time."""
    runs: list[tuple[str, list[tuple[int, int]]]] = []
    for found in sorted(matches, key=lambda m: m.target):
        # A family joins sentences through near-verbatim neighbours; only sentences the target itself
        # took from are its sources.
        sentence = target_sentences[found.target]
        chosen = tuple(j for j in found.sources if taken(sentence, sources[found.source_document][j]))
        if not chosen:
            continue
        match = Match(found.target, found.source_document, chosen)
        if runs and runs[-1][0] == match.source_document:
            last_target, last_source = runs[-1][1][-1]
            ahead = [j for j in match.sources if 0 < j - last_source <= MAX_GAP + 1]
            between = target_sentences[last_target + 1 : match.target]
            if ahead and len(between) <= MAX_GAP and all(len(s.key) < MIN_REUSE_CHARS for s in between):
                runs[-1][1].append((match.target, ahead[0]))
                continue
        runs.append((match.source_document, [(match.target, match.sources[0])]))
    passages = [_passage(target, target_sentences, source, sources[source], pairs) for source, pairs in runs]
    return [p for p in passages if p.matched >= MIN_PASSAGE_CHARS or p.coverage >= NEAR_VERBATIM]


def _passage(
    target: str,
    target_sentences: Sequence[Sentence],
    source: str,
    source_sentences: Sequence[Sentence],
    pairs: list[tuple[int, int]],
) -> ReusedPassage:
    taken = [target_sentences[i] for i, _ in pairs]
    given = [source_sentences[j] for _, j in pairs]
    chars = sum(len(s.key) for s in taken)
    runs = [run for t, g in zip(taken, given, strict=True) for run in common_runs(t.key, g.key)]
    matched = sum(len(run) for run in runs)
    return ReusedPassage(
        target=target,
        source=source,
        target_section=taken[0].section,
        target_line=taken[0].line,
        target_end_line=taken[-1].line,
        source_section=given[0].section,
        source_line=given[0].line,
        source_end_line=given[-1].line,
        target_first=taken[0].index,
        target_last=taken[-1].index,
        source_first=given[0].index,
        source_last=given[-1].index,
        sentences=len(pairs),
        chars=chars,
        matched=matched,
        coverage=round(matched / max(1, chars), 3),
        target_text="".join(s.text for s in taken),
        source_text="".join(s.text for s in given),
        taken_text="…".join(runs),
    )


def reused_passages(source: Document, target: Document) -> list[ReusedPassage]:
    """Passages of ``target`` that reappear near-verbatim in ``source``, in the target's order.

    For a hierarchy comparison (source the 建议 or the higher-level plan) these are the boilerplate the
    target took over; what is left is its own text.
    """
    if source.meta.id == target.meta.id:
        raise ValueError(f"{source.meta.id}: a document is compared with itself")
    sides = {source.meta.id: document_sentences(source), target.meta.id: document_sentences(target)}
    index = ItemIndex()
    for document, sentences in sides.items():
        for sentence in sentences:
            index.add(document, sentence)
    labels = families(index.keys, buckets(band_keys(signatures(index.keys))))
    in_source: dict[int, set[int]] = {}
    for (document, number), item in index.owners:
        if document == source.meta.id:
            in_source.setdefault(labels[item], set()).add(number)
    found: dict[int, set[int]] = {}
    for (document, number), item in index.owners:
        if document == target.meta.id and labels[item] in in_source:
            found.setdefault(number, set()).update(in_source[labels[item]])
    matches = [Match(i, source.meta.id, tuple(sorted(js))) for i, js in found.items()]
    return passage_runs(target.meta.id, sides[target.meta.id], matches, sides)


class ItemIndex:
    """The distinct lookup keys of some sentences (``reuse_items``) and which sentence each occurrence is in."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.owners: list[tuple[tuple[str, int], int]] = []
        self._items: dict[int, int] = {}

    def add(self, document: str, sentence: Sentence) -> None:
        """Index one sentence's keys."""
        for key in reuse_items(sentence):
            item = self._items.setdefault(digest(key), len(self.keys))
            if item == len(self.keys):
                self.keys.append(key)
            self.owners.append(((document, sentence.index), item))
