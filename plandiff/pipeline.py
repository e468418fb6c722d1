"""The one place the stages are chained."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .align import (
    NO_OVERRIDES,
    Overrides,
    align_sections,
    alignment_units,
    canonical_targets,
    infer_kind,
    pair_targets,
)
from .diff.numbers import indicator_change
from .diff.terms import shared_words, term_shifts
from .diff.text import redline
from .diff.words import Words
from .extract import extract_indicators
from .ingest import complete_metadata, ingest_file
from .model import (
    Comparison,
    ComparisonKind,
    Document,
    DocumentMeta,
    IndicatorPair,
    SectionPair,
    SectionRef,
    TermShift,
    TextChange,
)
from .parse import parse_document
from .settings import DEFAULT_SETTINGS, Settings

logger = logging.getLogger(__name__)


def load_document(meta: DocumentMeta, settings: Settings = DEFAULT_SETTINGS) -> Document:
    """Ingest and parse one document; metadata the manifest left out is inferred from the text."""
    clean = ingest_file(meta.path, settings)
    document = parse_document(clean, complete_metadata(meta, clean))
    logger.info("%s: %d sections, %d tables", meta.id, len(document.sections), len(document.tables))
    return document


def compare(
    old: Sequence[Document],
    new: Sequence[Document],
    settings: Settings = DEFAULT_SETTINGS,
    overrides: Overrides = NO_OVERRIDES,
    kind: ComparisonKind | None = None,
) -> Comparison:
    """Compare two sides: align sections, redline each pair, pair targets and measure term shifts.

    Each side is one or more documents of one place and period (an interpretation plus an article).
    :param kind: version, hierarchy or peer; inferred from the two sides' metadata when None.
    """
    kind = kind or infer_kind([d.meta for d in old], [d.meta for d in new])
    old_units, new_units = alignment_units(old), alignment_units(new)
    same_place = {d.meta.place for d in old} == {d.meta.place for d in new}
    pairs = align_sections(old_units, new_units, order_prior=same_place, overrides=overrides)
    texts_by_ref = {(u.ref.document, u.ref.id): u.text for u in (*old_units, *new_units)}

    def text_of(ref: SectionRef | None) -> str:
        return texts_by_ref.get((ref.document, ref.id), "") if ref else ""

    redlines = tuple(
        redline(text_of(p.old), text_of(p.new), pair_index=n, ignore_punctuation=settings.ignore_punctuation)
        for n, p in enumerate(pairs)
    )
    old_targets = [s for d in old for s in canonical_targets(d.meta.id, extract_indicators(d))]
    new_targets = [s for d in new for s in canonical_targets(d.meta.id, extract_indicators(d))]
    indicator_pairs = tuple(
        IndicatorPair(
            o.indicator if o else None,
            n.indicator if n else None,
            o.document if o else None,
            n.document if n else None,
            score,
            indicator_change(o.indicator, n.indicator) if o and n else None,
        )
        for o, n, score in pair_targets(old_targets, new_targets)
    )
    words = Words()
    terms = tuple(term_shifts([d.text.text for d in old], [d.text.text for d in new], words))
    shared = shared_words([(text_of(p.old), text_of(p.new)) for p in pairs], words)
    pairs = [replace(p, evidence=e) if p.old and p.new else p for p, e in zip(pairs, shared, strict=True)]
    logger.info("compared %d x %d units: %d pairs", len(old_units), len(new_units), len(pairs))
    return Comparison(
        kind,
        tuple(d.meta for d in old),
        tuple(d.meta for d in new),
        tuple(pairs),
        redlines,
        indicator_pairs,
        terms,
        summarize(pairs, redlines, indicator_pairs, terms),
    )


def summarize(
    pairs: Sequence[SectionPair],
    redlines: Sequence[TextChange],
    indicators: Sequence[IndicatorPair],
    terms: Sequence[TermShift],
) -> dict[str, int]:
    """Headline counts of a comparison."""
    counts: Counter[str] = Counter()
    for pair in pairs:
        counts[f"sections_{pair.relation.value}"] += 1
    for change in redlines:
        counts[f"texts_{change.change_type}"] += 1
    for pair in indicators:
        if pair.old and pair.new and pair.change:
            counts[f"targets_{pair.change.ambition}"] += 1
        else:
            counts["targets_new" if pair.new else "targets_dropped"] += 1
    for term in terms:
        counts[f"terms_{term.shift}"] += 1
    counts["sections_paired"] = sum(1 for p in pairs if p.old and p.new)
    return dict(sorted(counts.items()))
