"""Every quantitative indicator of a document, from its tables and its prose, with role and year.

Patterns run on the matching form of the sections' display text (``ingest.matching_form``).
Boxes (专栏) hold project lists: only their ``总投资`` amounts are kept, apart, as project amounts. The
glossary defines terms: only scale classes (``5000亿级高端装备产业``) are read there, as in headings. The
default role of prose values follows the plan's layout: what comes before the guiding ideology (指导思想,
``坚持马克思列宁主义…``) reviews the previous period (``achieved``), what follows sets goals (``target``); a
stated year overrides it.
"""

from __future__ import annotations

import re

from ..ingest import matching_form
from ..model import Document, Indicator, IndicatorRole, Section, SectionKind
from .prose import ProseContext, prose_indicators, scale_class_indicators, sentences
from .quantity import find_quantities
from .table_rows import table_indicators

_IDEOLOGY = re.compile(
    r"坚持马克思列宁主义|以习近平新时代中国特色社会主义思想为指导|高举中国特色社会主义伟大旗帜"
)
_PROJECT_AMOUNT = re.compile(r"总投资(?:约|超|近)?$")


def extract_indicators(document: Document) -> list[Indicator]:
    """Indicators in document order (tables and prose); project amounts are not among them."""
    meta = document.meta
    boundary = _review_boundary(document)
    tables = {table.line: table for table in document.tables}
    found: list[Indicator] = []

    def context(section: Section, line: int) -> ProseContext:
        past = boundary is not None and line < boundary
        role = IndicatorRole.ACHIEVED if past else IndicatorRole.TARGET
        return ProseContext(section.id, role, meta.period, meta.start_year, meta.end_year)

    for section in document.sections:
        if section.kind is SectionKind.GLOSSARY:
            found.extend(_scale_classes(section.paragraphs, context(section, section.line)))
            continue
        if section.kind is SectionKind.BOX:
            continue
        if section.kind is SectionKind.TABLE and section.line in tables:
            found.extend(
                table_indicators(tables[section.line], section.parent, meta.start_year, meta.end_year)
            )
            continue
        if section.title and not section.synthetic:
            found.extend(_scale_classes([(section.line, section.title)], context(section, section.line)))
        for line, paragraph in section.paragraphs:
            for sentence in sentences(matching_form(paragraph)):
                found.extend(prose_indicators(sentence, line, context(section, line)))
    return sorted(found, key=lambda i: i.line)


def _scale_classes(texts: list[tuple[int, str]], context: ProseContext) -> list[Indicator]:
    """Only the scale classes of headings (``一是打造万亿级电子信息+数字经济产业链``) and of the glossary,
    which explains terms (``631计划：集中60%的资源要素…``: how a programme runs, not targets) but, where it
    spells out an industrial system (``“1+2345”…5000亿级高端装备产业``), names the plan's industry targets."""
    return [
        indicator
        for line, text in texts
        for sentence in sentences(matching_form(text))
        for indicator in scale_class_indicators(sentence, line, context)
    ]


def extract_project_amounts(document: Document) -> list[Indicator]:
    """``总投资`` amounts of the projects listed in boxes (专栏)."""
    found: list[Indicator] = []
    for section in document.sections:
        if section.kind is not SectionKind.BOX:
            continue
        for line, shown in section.paragraphs:
            paragraph = matching_form(shown)
            for value in find_quantities(paragraph):
                if _PROJECT_AMOUNT.search(paragraph[: value.start]):
                    name = re.split(r"[：:，,]", paragraph)[0]
                    found.append(
                        Indicator(
                            name,
                            name,
                            value.quantity,
                            document.meta.end_year,
                            IndicatorRole.PROJECT,
                            None,
                            section.id,
                            line,
                        )
                    )
    return found


def _review_boundary(document: Document) -> int | None:
    """The first line of the guiding ideology: where the review of the past ends."""
    for section in document.sections:
        if section.title and "指导思想" in matching_form(section.title):
            return section.line
        if _first_paragraph_is_ideology(section):
            return section.paragraphs[0][0]
    return None


def _first_paragraph_is_ideology(section: Section) -> bool:
    return any(_IDEOLOGY.match(matching_form(text)) for _, text in section.paragraphs[:1])
