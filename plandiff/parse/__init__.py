"""Parse: clean text -> ``Document`` with its outline tree, tables, boxes and glossary.

1. ``events.read_events``: each line read as a heading, box, table, caption or paragraph;
2. ``recover.recover_lost_headings``: synthetic sections where numbering jumps or indent breaks show a
   lost heading;
3. ``tree.build_sections``: nesting, stable ids and line spans.
"""

from __future__ import annotations

from ..model import CleanText, Document, DocumentMeta
from .events import read_events
from .recover import recover_lost_headings
from .tree import build_sections

__all__ = ["parse_document"]


def parse_document(clean: CleanText, meta: DocumentMeta) -> Document:
    """The outline of a document; sections keep source lines of the original file."""
    if not clean.lines:
        return Document(meta, clean, ())
    events, tables, facts = read_events(clean.lines)
    events = recover_lost_headings(events, facts)
    sections = build_sections(events, clean.lines)
    return Document(meta, clean, tuple(sections), tuple(found.table for found in tables))
