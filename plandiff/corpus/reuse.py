"""Text reuse across a corpus: which passages each document took from which other, and how much is its own.

Over the reuse index of every document in the store (``analysis.reuse_index``):

1. Identical lookup keys are one item (a boilerplate sentence in 1,000 plans is one item); items sharing an
   LSH band key form buckets: here by sorting, on a cluster by a Dask shuffle (``distributed``). Both give
   the same buckets, and ``align.reuse.families`` makes the same families from them.
2. Each sentence of a document gets at most one source: the document it most likely took it from, among
   the documents whose sentences share a family with it (``_choose``): its parent or its own place's 建议,
   else the nearest higher level (national > province > prefecture > county), else the earliest by date
   or period; a document is the source of a sentence nobody before it wrote. Choosing one source keeps the
   listing linear: a sentence in 1,000 plans is listed 999 times, not half a million.
3. ``align.reuse.passage_runs`` checks each sentence against its source exactly and joins runs.

Per document, ``shares`` gives the share of its text taken from documents above it, taken from others,
and its own (characters without spaces and punctuation).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from ..align.fingerprints import Sentence, digest, reuse_items
from ..align.reuse import Match, ReusedPassage, buckets, families, passage_runs
from .store import Store

if TYPE_CHECKING:
    import pandas as pd

BucketFinder = Callable[[npt.NDArray[np.int64]], list[tuple[int, ...]]]
_NATIONAL = re.compile(r"^(?:中国|全国|国家|中华人民共和国)$")
_LEVEL_RANK = {"province": 1, "prefecture": 2, "county": 3, "district": 3}
ABOVE, EARLIER, SHARED = "above", "earlier", "shared"


@dataclass(frozen=True, slots=True)
class Doc:
    """What choosing a source needs to know of a document."""

    id: str
    place: str | None
    rank: int | None  # 0 national ... 3 county; None unknown
    period: int | None
    kind: str | None
    date: str
    parent: str | None

    @property
    def order(self) -> tuple[str, int, str]:
        """Who came first: by date, then period, then id."""
        return (self.date or "9999", self.period or 99, self.id)


def doc_of(meta: dict[str, Any]) -> Doc:
    """A document's place in the order of who wrote first, from its metadata."""
    place = meta.get("place")
    title = meta.get("title") or ""
    national = bool(place and _NATIONAL.match(place)) or title.startswith("中华人民共和国")
    date = str(meta.get("date") or "")
    return Doc(
        id=meta["id"],
        place=place,
        rank=0 if national else _LEVEL_RANK.get(meta.get("level") or ""),
        period=meta.get("period"),
        kind=meta.get("kind"),
        date=date if re.match(r"\d{4}", date) else "",
        parent=meta.get("parent"),
    )


def direction(source: Doc, target: Doc) -> str:
    """``above`` when the source is the target's parent, its own 建议 or of a higher level, and not of a
    later date or period; ``earlier`` when its date or period is earlier; else ``shared`` (nothing says who
    came first)."""
    if is_above(source, target):
        return ABOVE
    if source.date and target.date and source.date[:10] < target.date[:10]:
        return EARLIER
    if source.period and target.period and source.period < target.period:
        return EARLIER
    return SHARED


def is_above(source: Doc, target: Doc) -> bool:
    """Whether the target can have taken text from the source as from a higher document: its parent, its
    own 建议 or a higher level, written no later (a 2025 city 建议 is not the source of a 2021 county plan)."""
    if _later(source, target):
        return False
    if target.parent == source.id or _own_recommendations(source, target):
        return True
    return source.rank is not None and target.rank is not None and source.rank < target.rank


def _later(source: Doc, target: Doc) -> bool:
    if source.date and target.date:
        return source.date[:10] > target.date[:10]
    return bool(source.period and target.period and source.period > target.period)


def _own_recommendations(source: Doc, target: Doc) -> bool:
    return (
        source.kind == "建议"
        and target.kind != "建议"
        and source.place is not None
        and (source.place, source.period) == (target.place, target.period)
    )


@dataclass(frozen=True, slots=True)
class ReuseResult:
    """Every passage taken (as DataFrame rows) and each document's shares."""

    passages: pd.DataFrame
    shares: pd.DataFrame


def find_reuse(store: Store, find_buckets: BucketFinder = buckets) -> ReuseResult:
    """Passages and shares over every document of the store."""
    import pandas as pd

    docs = {
        row.document_id: doc_of(json.loads(row.meta))
        for row in store.query("SELECT document_id, meta FROM analyses ORDER BY document_id").itertuples()
    }
    ids = sorted(docs)
    occurrence_doc, owners, digests, bands = _load_index(store, ids)
    sentences = _load_sentences(store)
    items, first, inverse = np.unique(digests, return_index=True, return_inverse=True)
    groups = find_buckets(bands[first].astype(np.int64)) if len(items) else []
    keys = [""] * len(items)
    for group in groups:
        for item in group:
            if not keys[item]:
                keys[item] = _key_of(sentences, ids, occurrence_doc, owners, digests, int(first[item]))
    labels = np.asarray(families(keys, groups), dtype=np.int64)[inverse] if len(items) else inverse
    matches = _choose(docs, ids, occurrence_doc, owners, labels)
    passages: list[ReusedPassage] = []
    for target, found in sorted(matches.items()):
        passages.extend(passage_runs(target, sentences[target], found, sentences))
    rows = [
        {
            **{name: getattr(p, name) for name in ReusedPassage.__slots__},
            "direction": direction(docs[p.source], docs[p.target]),
        }
        for p in passages
    ]
    frame = pd.DataFrame(rows, columns=[*ReusedPassage.__slots__, "direction"])
    return ReuseResult(frame, _shares(store, frame, sentences, ids))


def _load_index(
    store: Store, ids: Sequence[str]
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32], npt.NDArray[np.int64], npt.NDArray[np.uint32]]:
    """Every lookup key of every document: its document (index into ids), sentence, digest, band keys."""
    frame = store.query("SELECT document_id, digests, owners, bands, band_count FROM reuse_index")
    position = {doc_id: n for n, doc_id in enumerate(ids)}
    docs, owners, digests, bands = [], [], [], []
    width = max([int(w) for w in frame.band_count] + [1])
    for row in frame.itertuples():
        found = np.frombuffer(row.digests, dtype="<i8")
        docs.append(np.full(len(found), position[row.document_id], dtype=np.int32))
        owners.append(np.frombuffer(row.owners, dtype="<i4"))
        digests.append(found)
        bands.append(np.frombuffer(row.bands, dtype="<u4").reshape(len(found), width))
    if not digests:
        empty = np.zeros(0, dtype=np.int32)
        return empty, empty, np.zeros(0, dtype=np.int64), np.zeros((0, width), dtype=np.uint32)
    return np.concatenate(docs), np.concatenate(owners), np.concatenate(digests), np.concatenate(bands)


def _load_sentences(store: Store) -> dict[str, list[Sentence]]:
    found: dict[str, list[Sentence]] = {}
    frame = store.query("SELECT * FROM sentences ORDER BY document_id, n")
    columns = [frame[c].tolist() for c in ("document_id", "n", "section", "line", "text", "norm", "key")]
    for document, n, section, line, text, norm, key in zip(*columns, strict=True):
        found.setdefault(document, []).append(Sentence(n, section, line, text, norm, key))
    return found


def _key_of(
    sentences: dict[str, list[Sentence]],
    ids: Sequence[str],
    occurrence_doc: npt.NDArray[np.int32],
    owners: npt.NDArray[np.int32],
    digests: npt.NDArray[np.int64],
    occurrence: int,
) -> str:
    """The text of one lookup key (a sentence's key or one of its clauses'), found by its digest."""
    sentence = sentences[ids[int(occurrence_doc[occurrence])]][int(owners[occurrence])]
    wanted = int(digests[occurrence])
    return next(key for key in reuse_items(sentence) if digest(key) == wanted)


def _choose(
    docs: dict[str, Doc],
    ids: Sequence[str],
    occurrence_doc: npt.NDArray[np.int32],
    owners: npt.NDArray[np.int32],
    labels: npt.NDArray[np.int64],
) -> dict[str, list[Match]]:
    """Each sentence's source document and the candidate sentences there (see the module docstring)."""
    members: dict[int, dict[int, set[int]]] = {}  # family -> document -> sentences
    for doc, sentence, label in zip(occurrence_doc.tolist(), owners.tolist(), labels.tolist(), strict=True):
        members.setdefault(label, {}).setdefault(doc, set()).add(sentence)
    shared = {label: found for label, found in members.items() if len(found) > 1}
    summaries = {label: _summary(docs, ids, found) for label, found in shared.items()}
    by_sentence: dict[tuple[int, int], set[int]] = {}
    for label, found in shared.items():
        for doc, sentences in found.items():
            for sentence in sentences:
                by_sentence.setdefault((doc, sentence), set()).add(label)
    position = {doc_id: n for n, doc_id in enumerate(ids)}
    matches: dict[str, list[Match]] = {}
    for (doc, sentence), labels_here in sorted(by_sentence.items()):
        target = docs[ids[doc]]
        best: tuple[tuple[Any, ...], int] | None = None
        for label in labels_here:
            choice = _best_source(target, doc, docs, ids, position, shared[label], summaries[label])
            if choice is not None and (best is None or choice < best):
                best = choice
        if best is None:
            continue
        source = best[1]
        candidates = sorted({j for label in labels_here for j in shared[label].get(source, ())})
        matches.setdefault(target.id, []).append(Match(sentence, ids[source], tuple(candidates)))
    return matches


@dataclass(frozen=True, slots=True)
class _Family:
    """Who holds a family's sentences: the first two by order, and the first at each level."""

    first: tuple[int, ...]
    by_rank: dict[int, int]
    recommendations: dict[tuple[str, int | None], int]  # (place, period) -> that place's 建议


def _summary(docs: dict[str, Doc], ids: Sequence[str], found: dict[int, set[int]]) -> _Family:
    ordered = sorted(found, key=lambda d: docs[ids[d]].order)
    by_rank: dict[int, int] = {}
    recommendations: dict[tuple[str, int | None], int] = {}
    for doc in ordered:
        meta = docs[ids[doc]]
        if meta.rank is not None:
            by_rank.setdefault(meta.rank, doc)
        if meta.kind == "建议" and meta.place:
            recommendations.setdefault((meta.place, meta.period), doc)
    return _Family(tuple(ordered[:2]), by_rank, recommendations)


def _best_source(
    target: Doc,
    target_index: int,
    docs: dict[str, Doc],
    ids: Sequence[str],
    position: dict[str, int],
    found: dict[int, set[int]],
    family: _Family,
) -> tuple[tuple[Any, ...], int] | None:
    """(priority, document) of a family's best source for the target, or None (the target came first)."""
    parent = position.get(target.parent or "")
    own = family.recommendations.get((target.place or "", target.period)) if target.kind != "建议" else None
    for doc in (parent, own):
        if doc is not None and doc != target_index and doc in found and is_above(docs[ids[doc]], target):
            return (0, docs[ids[doc]].order), doc
    if target.rank is not None:
        for rank in sorted((r for r in family.by_rank if r < target.rank), reverse=True):
            doc = family.by_rank[rank]  # the earliest at that level: if it is later, all are
            if not _later(docs[ids[doc]], target):
                return (1, -rank, docs[ids[doc]].order), doc
    earliest = next(d for d in family.first if d != target_index)
    if docs[ids[earliest]].order < target.order:
        return (2, docs[ids[earliest]].order), earliest
    return None


def _shares(
    store: Store, passages: pd.DataFrame, sentences: dict[str, list[Sentence]], ids: Sequence[str]
) -> pd.DataFrame:
    """Per document: its characters, its passages taken, and the shares of its text taken from documents
    above it, taken from others (earlier or peers) and its own (what no document before it wrote)."""
    import pandas as pd

    chars = dict(store.query("SELECT document_id, chars FROM analyses").itertuples(index=False))
    passages = passages.assign(above=passages.direction == ABOVE)
    matched = passages.groupby(["target", "above"]).matched.sum().to_dict()
    counts = passages.groupby("target").agg(passages=("matched", "size"), sentences=("sentences", "sum"))
    rows = []
    for doc_id in ids:
        above, other = int(matched.get((doc_id, True), 0)), int(matched.get((doc_id, False), 0))
        taken = counts.loc[doc_id] if doc_id in counts.index else None
        total = max(1, int(chars.get(doc_id, 0)))
        rows.append(
            {
                "document": doc_id,
                "chars": total,
                "sentences": len(sentences.get(doc_id, [])),
                "passages_taken": 0 if taken is None else int(taken.passages),
                "own_sentences": len(sentences.get(doc_id, []))
                - (0 if taken is None else int(taken.sentences)),
                "share_above": round(above / total, 4),
                "share_other": round(other / total, 4),
                "share_own": round(1 - (above + other) / total, 4),
            }
        )
    return pd.DataFrame(rows)
