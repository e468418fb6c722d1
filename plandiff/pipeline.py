"""The one place the stages are chained."""

from __future__ import annotations

import logging

from .ingest import complete_metadata, ingest_file
from .model import Document, DocumentMeta
from .parse import parse_document
from .settings import DEFAULT_SETTINGS, Settings

logger = logging.getLogger(__name__)


def load_document(meta: DocumentMeta, settings: Settings = DEFAULT_SETTINGS) -> Document:
    """Ingest and parse one document; metadata the manifest left out is inferred from the text."""
    clean = ingest_file(meta.path, settings)
    document = parse_document(clean, complete_metadata(meta, clean))
    logger.info("%s: %d sections, %d tables", meta.id, len(document.sections), len(document.tables))
    return document
