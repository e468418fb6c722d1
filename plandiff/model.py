"""The data types every stage shares.

Everything here is a frozen dataclass with no behaviour beyond small derived properties, so that any
stage can hold, compare and serialize them. This module imports nothing from plandiff.

Provenance: every object that comes from a document carries ``line`` (and ``end_line``), the 1-based line
of the *original input file* (for a PDF, the line within ``page``; for a DOCX, the paragraph number), so a
user can always find the passage in the file they were given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

SCHEMA_VERSION = "1"


class SourceFormat(StrEnum):
    """The kinds of input file plandiff reads."""

    TXT = "txt"
    HTML = "html"
    DOCX = "docx"
    PDF = "pdf"


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of clean text and where it came from.

    ``text`` keeps the original characters for display (markers and invisible characters removed);
    ``heading_level`` is a hint from the source format (a DOCX Heading style, an HTML ``<h2>``). For a PDF,
    ``line`` counts within ``page``.
    """

    text: str
    line: int
    end_line: int
    page: int | None = None
    heading_level: int | None = None
    end_page: int | None = None  # the page of ``end_line`` when a joined line runs onto the next page


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A source line dropped during cleaning, and why (for ``plandiff ingest --json`` and debugging)."""

    line: int
    text: str
    reason: str
    page: int | None = None


@dataclass(frozen=True, slots=True)
class CleanText:
    """The result of ingestion: clean lines with a map back to the source file."""

    path: str
    format: SourceFormat
    encoding: str | None
    lines: tuple[SourceLine, ...]
    removed: tuple[RemovedLine, ...] = ()

    @property
    def text(self) -> str:
        """The clean text, one source line per line."""
        return "\n".join(line.text for line in self.lines)


class DocumentKind(StrEnum):
    """What a document is: the plan itself, the recommendations before it, an interpretation, an article."""

    PLAN = "纲要"
    RECOMMENDATIONS = "建议"
    INTERPRETATION = "解读"
    ARTICLE = "article"


class PlaceLevel(StrEnum):
    """Administrative level of the place a document belongs to."""

    NATIONAL = "national"
    PROVINCE = "province"
    PREFECTURE = "prefecture"
    COUNTY = "county"
    DISTRICT = "district"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a metadata value came from: the manifest, or a line of the text it was inferred from."""

    source: str  # "manifest" or "text"
    line: int | None = None
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What a document is. Any field may be None when neither the manifest nor the text says."""

    id: str
    path: str
    place: str | None = None
    level: PlaceLevel | None = None
    period: int | None = None
    kind: DocumentKind | None = None
    date: str | None = None
    title: str | None = None
    source: str | None = None
    parent: str | None = None
    provenance: dict[str, Provenance] = field(default_factory=dict)

    @property
    def end_year(self) -> int | None:
        """Last year of the plan period (the 14th plan runs 2021-2025)."""
        return None if self.period is None else 1950 + 5 * self.period + 5

    @property
    def start_year(self) -> int | None:
        """First year of the plan period."""
        return None if self.period is None else 1950 + 5 * self.period + 1


class SectionKind(StrEnum):
    """The structural role of a section in a plan's outline."""

    ROOT = "root"
    PREAMBLE = "preamble"
    PART = "part"  # 篇
    CHAPTER = "chapter"  # 章
    SECTION = "section"  # 节
    ITEM = "item"  # 一、 （一） 1. （1） 一是 and lead sentences
    BOX = "box"  # 专栏
    TABLE = "table"
    GLOSSARY = "glossary"
    CLOSING = "closing"  # 结语
    APPENDIX = "appendix"  # 附录 附表 附件


@dataclass(frozen=True, slots=True)
class Table:
    """A table recovered from the text or the source format: a caption, a header row and body rows."""

    id: str
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int
    end_line: int
    row_lines: tuple[int, ...] = ()  # the source line of each row's first cell
    cell_lines: tuple[tuple[int, ...], ...] = ()  # the source line of every cell of each row


@dataclass(frozen=True, slots=True)
class Section:
    """A node of the outline: a heading (or a synthetic one where the source lost it) and its paragraphs.

    ``paragraphs`` hold (source line, text) pairs of the text directly under this section, before its
    first child. ``line``/``end_line`` span the section with its children.
    """

    id: str
    parent: str | None
    level: int
    kind: SectionKind
    label: str
    title: str | None
    synthetic: bool
    line: int
    end_line: int
    paragraphs: tuple[tuple[int, str], ...] = ()
    numbering: str = ""  # the numbering scheme of the label, e.g. "zhang", "paren-cn"
    page: int | None = None  # the PDF page of ``line`` (``line`` counts within it); None for other formats
    end_page: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed document: its metadata, its clean text and its outline (sections in document order)."""

    meta: DocumentMeta
    text: CleanText
    sections: tuple[Section, ...]
    tables: tuple[Table, ...] = ()

    def section(self, section_id: str) -> Section:
        """The section with this id."""
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def children(self, section_id: str | None) -> list[Section]:
        """The direct children of a section, in document order."""
        return [s for s in self.sections if s.parent == section_id]


class Qualifier(StrEnum):
    """How a target value binds: exactly, at least, more than, at most, less than, about."""

    EQ = "=="
    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    APPROX = "~"


class QuantityKind(StrEnum):
    """What sort of number a quantity is."""

    LEVEL = "level"
    RATE = "rate"
    SHARE = "share"
    RATIO = "ratio"
    COUNT = "count"
    TEXT_ONLY = "text-only"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A target or result value as written and as a number.

    ``value`` is in ``unit`` as written (``8.5`` with ``万元``); ``base_value`` multiplies the magnitude out
    into ``base_unit`` (``85000`` with ``元``) so that ``3万亩`` equals ``30000亩``. A text-only target
    (``完成上级下达任务``) has ``value`` None and kind TEXT_ONLY.
    """

    text: str
    value: float | None
    unit: str
    qualifier: Qualifier | None
    aim: bool = False
    kind: QuantityKind = QuantityKind.LEVEL
    low: float | None = None
    high: float | None = None
    base_value: float | None = None
    base_unit: str = ""

    @property
    def qualifier_text(self) -> str:
        """The qualifier as the CLI prints it: ``>=``, ``aim``, ``>= aim``, or empty."""
        parts = (
            [self.qualifier.value]
            if self.qualifier and not (self.aim and self.qualifier is Qualifier.EQ)
            else []
        )
        if self.aim:
            parts.append("aim")
        return " ".join(parts)

    @property
    def shown(self) -> str:
        """The value as written, with its unit put after the number when the text leaves it to a table
        header or the name (``5以上`` with unit % is shown ``5%以上``); text targets and ratios as written,
        and a value whose number is followed by its unit's magnitude (``5000亿级`` in 亿元) too."""
        if self.kind is QuantityKind.TEXT_ONLY or not self.unit or self.unit == "ratio":
            return self.text
        normal = unicodedata.normalize("NFKC", self.text)
        if self.unit in normal or not re.search(r"\d", normal):
            return self.text
        last = list(re.finditer(r"[\d０-９][\d０-９.．]*", self.text))[-1]
        if self.text[last.end() :].lstrip()[:1] == self.unit[0]:
            return self.text
        return self.text[: last.end()] + self.unit + self.text[last.end() :]


class IndicatorRole(StrEnum):
    """A goal for the plan period, or a result of the previous one."""

    TARGET = "target"
    ACHIEVED = "achieved"
    PROJECT = "project"  # investment amounts of projects in 专栏 boxes


@dataclass(frozen=True, slots=True)
class Indicator:
    """A quantitative statement: what is measured, the value, the year, and where it was found."""

    name: str
    normalized_name: str
    quantity: Quantity
    year: int | None
    role: IndicatorRole
    attribute: str | None
    section: str | None
    line: int
    source: str = "prose"  # "prose" or "table"


@dataclass(frozen=True, slots=True)
class SectionRef:
    """A section of one document of a side, as comparisons cite it; ``part`` is the title of the
    top-level section (篇, or 章 / 一、 where a plan has no 篇) it sits in, for reports to group by."""

    document: str
    id: str
    title: str | None
    line: int
    end_line: int
    part: str | None = None


class Relation(StrEnum):
    """How two aligned sections relate."""

    SAME = "same"
    MOVED = "moved"
    SPLIT = "split"  # one old section became several new ones
    MERGED = "merged"  # several old sections became one new one
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class SectionPair:
    """An aligned pair (or an unmatched section), its score and the evidence for it."""

    old: SectionRef | None
    new: SectionRef | None
    score: float
    relation: Relation
    evidence: tuple[str, ...] = ()


class Direction(StrEnum):
    """Which way a target's value moved between the sides."""

    HIGHER = "higher"
    LOWER = "lower"
    SAME = "same"
    NOT_COMPARABLE = "not-comparable"


class Ambition(StrEnum):
    """Whether a target asks for more (judged by its meaning: a lower 能耗 asks for more)."""

    UP = "up"
    DOWN = "down"
    SAME = "same"
    NOT_COMPARABLE = "not-comparable"


@dataclass(frozen=True, slots=True)
class IndicatorChange:
    """What happened to a target between two sides.

    The change is measured from the side the comparison's kind reads from (the old side; in a hierarchy
    the 上级, whichever side it was given on) to the other. ``delta`` is in percentage points for a rate or
    share (``unit`` 百分点), relative (0.25 = +25 %) for a level or count; ``ambition`` is up, down, same or
    not-comparable, judged by the indicator's meaning (a lower 能耗 is more ambitious). The words say it as
    a 修订对照表 does, in the kind's verbs, one part per column: the value (``提高1个百分点``, ``本级低25%``,
    ``上海市高0.05``), the qualifier (``由“超”改为“左右”``), the attribute (``由预期性改为约束性``); ``words``
    joins them (or says nothing changed: ``未变``).
    """

    delta: float | None
    delta_unit: str
    direction: Direction
    ambition: Ambition
    qualifier_change: str = ""
    attribute_change: str = ""
    lower_is_better: bool = False
    words: str = ""
    value_words: str = ""
    qualifier_words: str = ""
    attribute_words: str = ""


@dataclass(frozen=True, slots=True)
class IndicatorPair:
    """Two indicators paired across sides (either may be None: new or dropped), with the change."""

    old: Indicator | None
    new: Indicator | None
    old_document: str | None
    new_document: str | None
    score: float
    change: IndicatorChange | None


@dataclass(frozen=True, slots=True)
class TextOp:
    """One piece of a redline: ``equal``, ``insert`` or ``delete`` text (``moved`` marks moved sentences)."""

    op: str
    text: str
    moved: bool = False


class ChangeType(StrEnum):
    """How the text of an aligned pair changed, in the words of a 修订对照表."""

    ADDED = "新增"
    REMOVED = "删除"
    MODIFIED = "修改"
    UNCHANGED = "未变"
    WORDING = "仅文字变化"


@dataclass(frozen=True, slots=True)
class TextChange:
    """The redline of one aligned pair, and its size."""

    pair_index: int
    ops: tuple[TextOp, ...]
    inserted: int
    deleted: int
    similarity: float
    change_type: ChangeType


class Shift(StrEnum):
    """How a term's use moved between the sides, in the order reports list them."""

    NEW = "new"
    DROPPED = "dropped"
    RISING = "rising"
    FALLING = "falling"


@dataclass(frozen=True, slots=True)
class TermShift:
    """A key term's use on each side (per 10,000 characters) and how it moved."""

    term: str
    old_count: int
    new_count: int
    old_rate: float
    new_rate: float
    shift: Shift


class ComparisonKind(StrEnum):
    """What a comparison sets side by side, which decides its words (see DESIGN.md, domain notes).

    version: one place, two periods (修订前 | 修订后; 新增 / 删除 / 修改);
    hierarchy: a 建议 and its 纲要, or a parent place and a child place (上级 | 本级; 落实 / 未体现 / 本级新增);
    peer: two places of one period (甲地 | 乙地; 仅甲地有 / 仅乙地有 / 两地均有).
    """

    VERSION = "version"
    HIERARCHY = "hierarchy"
    PEER = "peer"


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything a report needs: the two sides, section pairs, text changes, indicator changes, terms."""

    kind: ComparisonKind
    old: tuple[DocumentMeta, ...]
    new: tuple[DocumentMeta, ...]
    sections: tuple[SectionPair, ...]
    texts: tuple[TextChange, ...]
    indicators: tuple[IndicatorPair, ...]
    terms: tuple[TermShift, ...]
    summary: dict[str, int] = field(default_factory=dict)


def meta_to_dict(meta: DocumentMeta) -> dict[str, object]:
    """A document's metadata as JSON-ready data (provenance included)."""
    return {
        "id": meta.id,
        "path": meta.path,
        "place": meta.place,
        "level": meta.level.value if meta.level else None,
        "period": meta.period,
        "kind": meta.kind.value if meta.kind else None,
        "date": meta.date,
        "title": meta.title,
        "source": meta.source,
        "parent": meta.parent,
        "provenance": {
            name: {"source": p.source, "line": p.line, "evidence": p.evidence}
            for name, p in meta.provenance.items()
        },
    }


def outline_to_dict(document: Document) -> dict[str, object]:
    """The ``plandiff outline --json`` contract: document, sections and tables."""
    return {
        "schema_version": SCHEMA_VERSION,
        "document": meta_to_dict(document.meta),
        "sections": [
            {
                "id": s.id,
                "parent": s.parent,
                "level": s.level,
                "kind": s.kind.value,
                "label": s.label,
                "title": s.title,
                "synthetic": s.synthetic,
                "line": s.line,
                "end_line": s.end_line,
                "page": s.page,
                "end_page": s.end_page,
            }
            for s in document.sections
        ],
        "tables": [
            {
                "id": t.id,
                "caption": t.caption,
                "header": list(t.header),
                "rows": [list(row) for row in t.rows],
                "line": t.line,
                "end_line": t.end_line,
                "row_lines": list(t.row_lines),
            }
            for t in document.tables
        ],
    }


INDICATOR_FIELDS = (
    "name",
    "value_text",
    "value",
    "unit",
    "qualifier",
    "year",
    "role",
    "attribute",
    "section",
    "line",
)


def indicator_to_dict(indicator: Indicator) -> dict[str, object]:
    """The ``plandiff indicators`` row: the fields of INDICATOR_FIELDS, then normalized name and kind."""
    quantity = indicator.quantity
    return {
        "name": indicator.name,
        "value_text": quantity.text,
        "value": quantity.value,
        "unit": quantity.unit,
        "qualifier": quantity.qualifier_text,
        "year": indicator.year,
        "role": indicator.role.value,
        "attribute": indicator.attribute,
        "section": indicator.section,
        "line": indicator.line,
        "normalized_name": indicator.normalized_name,
        "kind": quantity.kind.value,
        "base_value": quantity.base_value,
        "base_unit": quantity.base_unit,
    }


def _ref(ref: SectionRef | None) -> dict[str, object] | None:
    if ref is None:
        return None
    return {
        "document": ref.document,
        "id": ref.id,
        "title": ref.title,
        "line": ref.line,
        "end_line": ref.end_line,
        "part": ref.part,
    }


def _sided(indicator: Indicator | None, document: str | None) -> dict[str, object] | None:
    if indicator is None:
        return None
    return {"document": document, **indicator_to_dict(indicator), "shown": indicator.quantity.shown}


def comparison_to_dict(comparison: Comparison) -> dict[str, object]:
    """The ``plandiff compare --json`` contract (and comparison.json): everything reports are made from."""
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": comparison.kind.value,
        "old": [meta_to_dict(m) for m in comparison.old],
        "new": [meta_to_dict(m) for m in comparison.new],
        "sections": [
            {
                "old": _ref(p.old),
                "new": _ref(p.new),
                "score": p.score,
                "relation": p.relation.value,
                "evidence": list(p.evidence),
            }
            for p in comparison.sections
        ],
        "texts": [
            {
                "pair": t.pair_index,
                "change_type": t.change_type,
                "inserted": t.inserted,
                "deleted": t.deleted,
                "similarity": t.similarity,
                "ops": [[o.op, o.text, o.moved] for o in t.ops],
            }
            for t in comparison.texts
        ],
        "indicators": [
            {
                "old": _sided(p.old, p.old_document),
                "new": _sided(p.new, p.new_document),
                "score": p.score,
                "change": None
                if p.change is None
                else {
                    "delta": p.change.delta,
                    "delta_unit": p.change.delta_unit,
                    "direction": p.change.direction,
                    "ambition": p.change.ambition,
                    "qualifier_change": p.change.qualifier_change,
                    "attribute_change": p.change.attribute_change,
                    "lower_is_better": p.change.lower_is_better,
                    "words": p.change.words,
                    "value_words": p.change.value_words,
                    "qualifier_words": p.change.qualifier_words,
                    "attribute_words": p.change.attribute_words,
                },
            }
            for p in comparison.indicators
        ],
        "terms": [
            {
                "term": t.term,
                "old_count": t.old_count,
                "new_count": t.new_count,
                "old_rate": t.old_rate,
                "new_rate": t.new_rate,
                "shift": t.shift,
            }
            for t in comparison.terms
        ],
        "summary": comparison.summary,
    }
