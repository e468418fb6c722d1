"""plandiff: compare Chinese five-year plans, their recommendations, interpretations and articles.

The public API is what this module exposes; everything else may change without notice.
"""

from __future__ import annotations

from .align.reuse import ReusedPassage, reused_passages
from .corpus.build import Corpus, build_corpus
from .errors import ConfigError, EncodingError, InputError, PlandiffError, ReportError, UnsupportedFormat
from .extract import extract_indicators, extract_project_amounts
from .ingest import ingest_file
from .model import CleanText, Comparison, Document, DocumentMeta, Indicator, Quantity, Section, Table
from .parse import parse_document
from .pipeline import compare, load_document
from .report import ReportOptions, write_reports
from .settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "DEFAULT_SETTINGS",
    "CleanText",
    "Comparison",
    "ConfigError",
    "Corpus",
    "Document",
    "DocumentMeta",
    "EncodingError",
    "Indicator",
    "InputError",
    "PlandiffError",
    "Quantity",
    "ReportError",
    "ReportOptions",
    "ReusedPassage",
    "Section",
    "Settings",
    "Table",
    "UnsupportedFormat",
    "build_corpus",
    "compare",
    "extract_indicators",
    "extract_project_amounts",
    "ingest_file",
    "load_document",
    "parse_document",
    "reused_passages",
    "write_reports",
]
