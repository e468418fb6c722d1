"""Every quantitative indicator of a document, from its tables and its prose, with role and year.

Boxes (专栏) hold project lists: only their ``总投资`` amounts are kept, apart, as project amounts. The
glossary defines terms: only scale classes (``5000亿级高端装备产业``) are read there, as in headings. The
default role of prose values follows the plan's layout: what comes before the guiding ideology (指导思想,
``坚持马克思列宁主义…``) reviews the previous period (``achieved``), what follows sets goals (``target``); a
stated year overrides it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
    """The rows of the tables first, then the indicators of the prose, each in document order; project
    amounts are not among them."""
    meta = document.meta
    boundary = _review_boundary(document)
    tables = iter(document.tables)  # table sections and tables come in the same (document) order
    found: list[Indicator] = []
    table_rows: list[Indicator] = []

    def context(section_id: str | None, position: tuple[int, int]) -> ProseContext:
        past = boundary is not None and position < boundary
        role = IndicatorRole.ACHIEVED if past else IndicatorRole.TARGET
        return ProseContext(section_id, role, meta.period, meta.start_year, meta.end_year)

    for index, section in enumerate(document.sections):
        if section.kind is SectionKind.GLOSSARY:
            found.extend(_scale_classes(section.paragraphs, context(section.id, (index, 0))))
            continue
        if section.kind is SectionKind.BOX:
            continue
        owner: str | None = section.id
        if section.kind is SectionKind.TABLE:
            table = next(tables, None)
            if table is not None:
                table_rows.extend(table_indicators(table, section.parent, meta.start_year, meta.end_year))
            owner = section.parent  # the paragraphs after a table belong to the section around it
        elif section.title and not section.synthetic:
            found.extend(_scale_classes([(section.line, section.title)], context(owner, (index, -1))))
        for number, (line, paragraph) in enumerate(section.paragraphs):
            for sentence in sentences(paragraph):
                found.extend(prose_indicators(sentence, line, context(owner, (index, number))))
    return [*table_rows, *found]


def _scale_classes(texts: Sequence[tuple[int, str]], context: ProseContext) -> list[Indicator]:
    """Only the scale classes of headings (``一是打造万亿级电子信息+数字经济产业链``) and of the glossary,
    which explains terms (``631计划：集中60%的资源要素…``: how a programme runs, not targets) but, where it
    spells out an industrial system (``“1+2345”…5000亿级高端装备产业``), names the plan's industry targets."""
    return [
        indicator
        for line, text in texts
        for sentence in sentences(text)
        for indicator in scale_class_indicators(sentence, line, context)
    ]


def extract_project_amounts(document: Document) -> list[Indicator]:
    """``总投资`` amounts of the projects listed in boxes (专栏)."""
    found: list[Indicator] = []
    for section in document.sections:
        if section.kind is not SectionKind.BOX:
            continue
        for line, text in section.paragraphs:
            paragraph = matching_form(text)
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


def _review_boundary(document: Document) -> tuple[int, int] | None:
    """Where the review of the past ends, as (section index, paragraph index): at the guiding ideology's
    heading or first paragraph. Positions, not line numbers: a PDF's lines restart on every page."""
    for index, section in enumerate(document.sections):
        if section.title and "指导思想" in section.title:
            return index, -1
        if _first_paragraph_is_ideology(section):
            return index, 0
    return None


def _first_paragraph_is_ideology(section: Section) -> bool:
    return any(_IDEOLOGY.match(text) for _, text in section.paragraphs[:1])
