"""The units two documents are aligned at: the finest structural sections, with their whole text.

From the roots down, a section is split into its children while it has at least two structural
children (篇, 章, 节, 一、, （一）, 1.) and is not itself a 节. Outside 节, a section made of run-in items
(一是…二是…) aligns item by item: an interpretation's items are as topical as a plan's 节. Lead
sentences, boxes and tables stay inside their section; a lead long enough to be a section of its own
(LEAD_UNIT_CHARS, e.g. a 指导思想 paragraph under a chapter whose 第一节 heading was lost) is a unit of its
own. So a plan aligns at 节, an interpretation at 一是, recommendations at their numbered items, an article
at its stand-alone sentences. The untitled front matter (title, adoption note) and the glossary are left out.

A plan's situation analysis (发展环境, 发展形势, 机遇和挑战: 从国际看…从国内看…) describes the world, not
policy; its words touch every topic a little, so it is marked (``outlook``) and compared only with the
other side's situation analysis (``sections.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Document, Section, SectionKind, SectionRef

_STRUCTURAL = frozenset({"p", "c", "s", "a", "b", "n"})
# A numbered item (1. … 60. of recommendations) is one unit: its 一是…八是 are points of that item.
_NUMBERED_ITEM = "n"
_LEFT_OUT = (SectionKind.GLOSSARY, SectionKind.TABLE, SectionKind.BOX)
# A lead (the text of a split section before its first child) this long is aligned as a unit of its own;
# chapter introductions (one sentence of 80–150 characters) are shorter.
LEAD_UNIT_CHARS = 300
# A situation analysis: by its heading, or (heading lost) by how it opens.
_OUTLOOK_TITLE = re.compile(r"发展环境|发展形势|面临的?形势|形势(?:和|与)任务|机遇.{0,4}挑战")
_OUTLOOK_OPENING = re.compile(
    r"从(?:国际|全球|世界)(?:上|范围)?看|当今世界正经历|发展环境面临|国际(?:发展)?环境日趋"
)
OUTLOOK_OPENING_CHARS = 60


@dataclass(frozen=True, slots=True)
class Unit:
    """An alignment unit: where it is, its title and all the text under it."""

    ref: SectionRef
    title: str
    text: str
    position: float  # 0..1 through its document, for the order prior
    context: str  # the whole text of the section it sits in (its own text at the top level)
    block: int  # which top-level part of its document it is in (-1: it is a top-level part itself)
    outlook: bool  # a situation analysis (发展环境), not policy


def alignment_units(documents: Sequence[Document]) -> list[Unit]:
    """The units of one side (one or more documents), in document order."""
    units: list[Unit] = []
    for document in documents:
        by_id = {section.id: section for section in document.sections}
        chosen = _choose(document)
        blocks = list(dict.fromkeys(_root(by_id, section).id for section, _ in chosen))
        for n, (section, lead_only) in enumerate(chosen):
            parent: Section | None
            part = _title(_root(by_id, section))
            if lead_only:
                end = section.paragraphs[-1][0]
                text = "\n".join(t for _, t in section.paragraphs)
                ref = SectionRef(
                    document.meta.id, f"{section.id}/lead", _title(section), section.line, end, part
                )
                parent = section
            else:
                text = _subtree_text(document, section)
                ref = SectionRef(
                    document.meta.id, section.id, _title(section), section.line, section.end_line, part
                )
                parent = by_id[section.parent] if section.parent else None
            root = _root(by_id, section)
            units.append(
                Unit(
                    ref,
                    _title(section) or "",
                    text,
                    n / max(1, len(chosen) - 1),
                    _subtree_text(document, parent) if parent else text,
                    -1 if root is section and not lead_only else blocks.index(root.id),
                    is_outlook(section.title or "", text),
                )
            )
    return units


def is_outlook(title: str, text: str) -> bool:
    """Whether a section is a situation analysis (发展环境, 机遇和挑战), judged by its heading or its opening."""
    if _OUTLOOK_TITLE.search(title):
        return True
    opening = text.removeprefix(title).lstrip()[:OUTLOOK_OPENING_CHARS]
    return bool(_OUTLOOK_OPENING.search(opening))


def _root(by_id: dict[str, Section], section: Section) -> Section:
    while section.parent:
        section = by_id[section.parent]
    return section


def _title(section: Section) -> str | None:
    title = section.title or ""
    label = "" if title.startswith(section.label) else section.label
    return " ".join(p for p in (label, title) if p) or None


def _choose(document: Document) -> list[tuple[Section, bool]]:
    """The sections aligned, in order, each with whether only its lead text is meant."""
    children: dict[str | None, list[Section]] = {}
    for section in document.sections:
        children.setdefault(section.parent, []).append(section)
    chosen: list[tuple[Section, bool]] = []

    def visit(section: Section) -> None:
        structural = [c for c in children.get(section.id, []) if c.numbering in _STRUCTURAL]
        run_in = [c for c in children.get(section.id, []) if c.numbering == "r"]
        if section.kind is SectionKind.SECTION:
            chosen.append((section, False))
        elif len(structural) >= 2:
            if sum(len(text) for _, text in section.paragraphs) >= LEAD_UNIT_CHARS:
                chosen.append((section, True))
            for child in structural:
                visit(child)
        elif (
            len(run_in) >= 2
            and not structural
            and section.numbering != _NUMBERED_ITEM
            and len({c.line for c in run_in}) == len(run_in)
        ):
            chosen.extend((item, False) for item in run_in)  # items written as paragraphs of their own
        elif section.kind not in _LEFT_OUT:
            chosen.append((section, False))

    for root in children.get(None, []):
        if (
            root.kind is SectionKind.PREAMBLE
            and not root.label
            and root is children[None][0]
            and not _is_heading(root)
        ):
            continue
        visit(root)
    return chosen


def _is_heading(section: Section) -> bool:
    return bool(section.title) and not any(section.title == text for _, text in section.paragraphs[:1])


def _subtree_text(document: Document, section: Section) -> str:
    """The section's title and paragraphs with every descendant's (table rows included), in order."""
    tables = {table.line: table for table in document.tables}
    ids = {section.id}
    parts = [section.title or ""]
    for other in document.sections:
        if other.parent in ids:
            ids.add(other.id)
        if other.id in ids:
            if other is not section:
                parts.append(other.title or "")
            parts.extend(text for _, text in other.paragraphs)
            if other.kind is SectionKind.TABLE and other.line in tables:
                table = tables[other.line]
                parts.extend(" ".join(row) for row in (table.header, *table.rows))
    return "\n".join(p for p in parts if p)
