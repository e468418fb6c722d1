"""plandiff: compare Chinese five-year plans, their recommendations, interpretations and articles.

The public API is what this module exposes; everything else may change without notice.
"""

from __future__ import annotations

from .errors import ConfigError, EncodingError, InputError, PlandiffError, ReportError, UnsupportedFormat
from .ingest import ingest_file
from .model import CleanText
from .settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "DEFAULT_SETTINGS",
    "CleanText",
    "ConfigError",
    "EncodingError",
    "InputError",
    "PlandiffError",
    "ReportError",
    "Settings",
    "UnsupportedFormat",
    "ingest_file",
]
