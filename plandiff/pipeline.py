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
    upper_is_old,
)
from .diff.frame import frame_for
from .diff.numbers import indicator_change
from .diff.terms import shared_words, term_shifts
from .diff.text import redline
from .diff.words import Words
from .extract import extract_indicators
from .ingest import complete_metadata, ingest_file
from .model import (
    Ambition,
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
    old_metas, new_metas = [d.meta for d in old], [d.meta for d in new]
    kind = kind or infer_kind(old_metas, new_metas)
    upper_old = kind is not ComparisonKind.HIERARCHY or upper_is_old(old_metas, new_metas)
    frame = frame_for(kind, old_metas, new_metas, upper_old)
    old_units, new_units = alignment_units(old), alignment_units(new)
    same_place = {d.meta.place for d in old} == {d.meta.place for d in new}
    pairs = align_sections(
        old_units,
        new_units,
        order_prior=same_place,
        spread=kind is ComparisonKind.HIERARCHY,
        overrides=overrides,
    )
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
            indicator_change(o.indicator, n.indicator, frame) if o and n else None,
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
        summarize(pairs, redlines, indicator_pairs, terms, kind, upper_old),
    )


def summarize(
    pairs: Sequence[SectionPair],
    redlines: Sequence[TextChange],
    indicators: Sequence[IndicatorPair],
    terms: Sequence[TermShift],
    kind: ComparisonKind = ComparisonKind.VERSION,
    upper_old: bool = True,
) -> dict[str, int]:
    """Headline counts of a comparison, and the counts its kind is read in (``frame_counts``)."""
    counts: Counter[str] = Counter()
    for pair in pairs:
        counts[f"sections_{pair.relation.value}"] += 1
    for change in redlines:
        counts[f"texts_{change.change_type}"] += 1
    for target in indicators:
        if target.old and target.new and target.change:
            counts[f"targets_{target.change.ambition}"] += 1
        else:
            counts["targets_new" if target.new else "targets_dropped"] += 1
    for term in terms:
        counts[f"terms_{term.shift}"] += 1
    counts["sections_paired"] = sum(1 for p in pairs if p.old and p.new)
    counts["targets_paired"] = sum(1 for t in indicators if t.old and t.new)
    counts.update(frame_counts(pairs, indicators, kind, upper_old))
    return dict(sorted(counts.items()))


def frame_counts(
    pairs: Sequence[SectionPair], indicators: Sequence[IndicatorPair], kind: ComparisonKind, upper_old: bool
) -> dict[str, int]:
    """Counts in the words of the comparison's kind (DESIGN.md, domain notes).

    version: ``sections_new`` / ``sections_deleted`` / ``sections_kept`` (新增 / 删除 / 保留) and the targets'
    ``targets_up`` / ``targets_down`` already counted; hierarchy: of the upper level's (上级) units and
    targets, ``upper_implemented`` (落实) and ``upper_not_reflected`` (未体现), of the local level's (本级)
    ``local_added`` (本级新增), with ``upper_is_old`` saying which side is upper; peer: ``only_old`` (仅甲地有),
    ``only_new`` (仅乙地有) for units and targets, ``both`` (两地均有) for pairs, and ``targets_new_higher`` /
    ``targets_old_higher`` (乙地 / 甲地 asks for more)."""
    old_units = {(p.old.document, p.old.id) for p in pairs if p.old}
    new_units = {(p.new.document, p.new.id) for p in pairs if p.new}
    old_paired = {(p.old.document, p.old.id) for p in pairs if p.old and p.new}
    new_paired = {(p.new.document, p.new.id) for p in pairs if p.old and p.new}
    targets_both = sum(1 for t in indicators if t.old and t.new)
    targets_old_only = sum(1 for t in indicators if t.old and not t.new)
    targets_new_only = sum(1 for t in indicators if t.new and not t.old)
    if kind is ComparisonKind.VERSION:
        return {
            "sections_kept": len(old_paired),
            "sections_deleted": len(old_units - old_paired),
            "sections_new": len(new_units - new_paired),
        }
    if kind is ComparisonKind.HIERARCHY:
        upper, upper_paired, local, local_paired = (
            (old_units, old_paired, new_units, new_paired)
            if upper_old
            else (new_units, new_paired, old_units, old_paired)
        )
        return {
            "upper_is_old": int(upper_old),
            "upper_implemented": len(upper_paired),
            "upper_not_reflected": len(upper - upper_paired),
            "local_added": len(local - local_paired),
            "upper_targets_implemented": targets_both,
            "upper_targets_not_reflected": targets_old_only if upper_old else targets_new_only,
            "local_targets_added": targets_new_only if upper_old else targets_old_only,
        }
    return {
        "sections_both": sum(1 for p in pairs if p.old and p.new),
        "sections_only_old": len(old_units - old_paired),
        "sections_only_new": len(new_units - new_paired),
        "targets_both": targets_both,
        "targets_only_old": targets_old_only,
        "targets_only_new": targets_new_only,
        "targets_new_higher": sum(1 for t in indicators if t.change and t.change.ambition is Ambition.UP),
        "targets_old_higher": sum(1 for t in indicators if t.change and t.change.ambition is Ambition.DOWN),
    }
