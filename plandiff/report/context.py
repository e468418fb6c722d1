"""What every report shows, computed from the typed comparison alone (never from the texts).

``report_context`` gathers the cover, the summary points, the target rows and chart, the section map,
the section rows, the redlines of revised pairs (long unchanged runs shortened), the side-by-side texts
(each section's text once, marked from its closest pair) and the appendices, all in the words of the
comparison's kind. The templates, the workbook and the Word document read this and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import zip_longest

from ..model import ChangeType, Comparison, SectionPair, SectionRef, Shift, TermShift, TextChange, TextOp
from .sectionmap import SectionMap, part_of, section_map
from .summary import Point, summary_points
from .targets import Chart, TargetRow, document_labels, target_rows, targets_chart
from .wording import Wording, wording_for

CONTEXT = 40  # unchanged characters shown either side of an edit
# The PDF lists this many terms of each shift; the workbook and the HTML page list them all.
PDF_TERMS_PER_SHIFT = 12
# Below this similarity a pair was rewritten, not revised: a character redline would only show
# everything deleted and everything inserted, so reports list such pairs instead of printing them.
REDLINE_MIN_SIMILARITY = 0.3
# A section title in a one-line table row is cut to this many characters (the full title is in the HTML).
SHORT_TITLE = 22


@dataclass(frozen=True, slots=True)
class PairRow:
    """One section pair (or unmatched section) as the tables show it."""

    index: int
    old: SectionRef | None
    new: SectionRef | None
    relation: str
    score: float
    change: TextChange | None
    change_word: str
    change_key: str  # the ChangeType name, for filters and styles
    ops: tuple[TextOp, ...]  # condensed
    evidence: tuple[str, ...]
    group: str

    @property
    def matched(self) -> bool:
        """Both sides have a section."""
        return self.old is not None and self.new is not None


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One section's whole text in the side-by-side view, marked from its closest pair; ``changed`` when
    a pair it is in was modified (marked or, when rewritten, not)."""

    key: str
    ref: SectionRef
    segments: list[tuple[str, str]]  # (css class: "", "del", "ins", "del moved", "ins moved"; text)
    counterparts: list[str]
    changed: bool

    @property
    def alone(self) -> bool:
        """No section of the other side corresponds."""
        return not self.counterparts


@dataclass(slots=True)
class ReportContext:
    """Everything a report shows."""

    comparison: Comparison
    words: Wording
    title: str
    run_date: str
    points: list[Point]
    targets: list[TargetRow]
    chart: Chart
    pairs: list[PairRow]
    redlines: list[PairRow]
    rewritten: list[PairRow]
    added: list[PairRow]
    removed: list[PairRow]
    section_map: SectionMap
    terms: tuple[TermShift, ...]
    term_columns: list[tuple[TermShift | None, ...]]
    old_text: list[TextBlock] = field(default_factory=list)
    new_text: list[TextBlock] = field(default_factory=list)
    change_counts: dict[str, int] = field(default_factory=dict)  # pairs per change type (summary texts_…)
    document_labels: dict[str, str] = field(default_factory=dict)
    pdf_terms_per_shift: int = PDF_TERMS_PER_SHIFT

    def short(self, ref: SectionRef | None) -> str:
        """A section's title cut to one table line."""
        return short_title(ref)


def short_title(ref: SectionRef | None) -> str:
    """A section's title (or id) cut to SHORT_TITLE characters; a dash for a missing side."""
    if ref is None:
        return "—"
    title = ref.title or ref.id
    return title if len(title) <= SHORT_TITLE else title[: SHORT_TITLE - 1] + "…"


def report_context(comparison: Comparison, *, title: str, run_date: str, side_by_side: bool) -> ReportContext:
    """The context of one comparison; ``side_by_side`` adds the two texts (the HTML page shows them)."""
    words = wording_for(comparison)
    texts = {t.pair_index: t for t in comparison.texts}
    pairs = _in_reading_order(
        comparison, [_pair_row(n, p, texts.get(n), words) for n, p in enumerate(comparison.sections)]
    )
    matched = [p for p in pairs if p.matched]
    revised = [p for p in matched if p.change and p.change.change_type is ChangeType.MODIFIED]
    targets = target_rows(comparison, words)
    context = ReportContext(
        comparison=comparison,
        words=words,
        title=title,
        run_date=run_date,
        points=summary_points(comparison, words, targets),
        targets=targets,
        chart=targets_chart(targets, words.frame),
        pairs=pairs,
        redlines=[p for p in revised if p.change and p.change.similarity >= REDLINE_MIN_SIMILARITY],
        rewritten=[p for p in revised if p.change and p.change.similarity < REDLINE_MIN_SIMILARITY],
        added=[p for p in pairs if p.new and not p.old],
        removed=[p for p in pairs if p.old and not p.new],
        section_map=section_map(comparison.sections),
        terms=comparison.terms,
        term_columns=_term_columns(comparison.terms),
    )
    context.document_labels = document_labels(comparison)
    context.change_counts = {
        change.name.lower(): comparison.summary.get(f"texts_{change}", 0) for change in ChangeType
    }
    if side_by_side:
        context.old_text, context.new_text = side_by_side_texts(comparison)
    return context


def _in_reading_order(comparison: Comparison, rows: list[PairRow]) -> list[PairRow]:
    """Pairs in the order of the new side's text (so they group by its parts), then the old side's
    sections that have no counterpart, in the old side's order."""
    documents = {m.id: n for n, m in enumerate((*comparison.old, *comparison.new))}

    def order(row: PairRow) -> tuple[int, int, int, int]:
        ref = row.new or row.old
        assert ref is not None
        return (row.new is None, documents.get(ref.document, 0), ref.line, row.index)

    return sorted(rows, key=order)


def _pair_row(index: int, pair: SectionPair, change: TextChange | None, words: Wording) -> PairRow:
    if change is not None:
        change_type = change.change_type
    else:
        change_type = ChangeType.ADDED if pair.old is None else ChangeType.REMOVED
    ref = pair.new or pair.old
    assert ref is not None
    return PairRow(
        index=index,
        old=pair.old,
        new=pair.new,
        relation=words.relation(pair.relation),
        score=pair.score,
        change=change,
        change_word=words.change(change_type),
        change_key=change_type.name.lower(),
        ops=condense(change.ops) if change else (),
        evidence=pair.evidence,
        group=part_of(ref)[1],
    )


def _term_columns(terms: tuple[TermShift, ...]) -> list[tuple[TermShift | None, ...]]:
    """Rows of (new, dropped, rising, falling) terms, PDF_TERMS_PER_SHIFT rows at most: the PDF's term table."""
    columns = [[t for t in terms if t.shift is shift][:PDF_TERMS_PER_SHIFT] for shift in Shift]
    return list(zip_longest(*columns))


def condense(ops: tuple[TextOp, ...]) -> tuple[TextOp, ...]:
    """Shorten long unchanged runs to CONTEXT characters either side of the edits, as a 修订对照表 does."""
    result: list[TextOp] = []
    for position, op in enumerate(ops):
        if op.op != "equal" or len(op.text) <= 3 * CONTEXT:
            result.append(op)
            continue
        head = op.text[:CONTEXT] if position > 0 else ""
        tail = op.text[-CONTEXT:] if position < len(ops) - 1 else ""
        result.append(TextOp("equal", f"{head}……{tail}"))
    return tuple(result)


def side_by_side_texts(comparison: Comparison) -> tuple[list[TextBlock], list[TextBlock]]:
    """Each section of each side once, in document order, marked from the closest pair it is in when
    that pair is a revision (similarity >= REDLINE_MIN_SIMILARITY), plain otherwise."""
    texts = {t.pair_index: t for t in comparison.texts}
    keys: dict[str, dict[tuple[str, str], str]] = {"old": {}, "new": {}}
    best: dict[str, dict[tuple[str, str], tuple[float, int]]] = {"old": {}, "new": {}}
    refs: dict[str, dict[tuple[str, str], SectionRef]] = {"old": {}, "new": {}}
    partners: dict[str, dict[tuple[str, str], list[tuple[str, str]]]] = {"old": {}, "new": {}}
    modified: dict[str, set[tuple[str, str]]] = {"old": set(), "new": set()}
    for n, pair in enumerate(comparison.sections):
        for side, other in (("old", "new"), ("new", "old")):
            ref, other_ref = getattr(pair, side), getattr(pair, other)
            if ref is None:
                continue
            unit = (ref.document, ref.id)
            refs[side].setdefault(unit, ref)
            keys[side].setdefault(unit, f"{side[0]}{len(keys[side])}")
            partners[side].setdefault(unit, [])
            if other_ref is not None:
                partners[side][unit].append((other_ref.document, other_ref.id))
            change = texts.get(n)
            if change and other_ref and change.change_type is ChangeType.MODIFIED:
                modified[side].add(unit)
            revised = bool(change and other_ref and change.similarity >= REDLINE_MIN_SIMILARITY)
            rank = (pair.score if revised else -1.0, n)
            if unit not in best[side] or rank > best[side][unit]:
                best[side][unit] = rank
    documents = {m.id: n for n, m in enumerate((*comparison.old, *comparison.new))}
    result: dict[str, list[TextBlock]] = {}
    for side, other in (("old", "new"), ("new", "old")):
        kept, dropped = ("delete", "insert") if side == "old" else ("insert", "delete")
        blocks = []
        for unit, ref in sorted(refs[side].items(), key=lambda item: (documents[item[0][0]], item[1].line)):
            score, n = best[side][unit]
            change = texts.get(n)
            ops = change.ops if change else ()
            segments = [
                (
                    "" if op.op == "equal" or score < 0 else f"{kept[:3]}{' moved' if op.moved else ''}",
                    op.text,
                )
                for op in ops
                if op.op != dropped
            ]
            blocks.append(
                TextBlock(
                    key=keys[side][unit],
                    ref=ref,
                    segments=_joined(segments),
                    counterparts=[keys[other][u] for u in partners[side][unit] if u in keys[other]],
                    changed=unit in modified[side],
                )
            )
        result[side] = blocks
    return result["old"], result["new"]


def _joined(segments: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Neighbouring segments of one class as one."""
    joined: list[tuple[str, str]] = []
    for cls, text in segments:
        if joined and joined[-1][0] == cls:
            joined[-1] = (cls, joined[-1][1] + text)
        else:
            joined.append((cls, text))
    return joined
