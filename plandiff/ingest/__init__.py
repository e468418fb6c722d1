"""Ingest: bytes of a plan file -> ``CleanText`` (clean lines with a map back to the source).

``ingest_file`` checks the file (exists, is a file, not empty, not over the size limit), picks the reader
by extension and checks the content agrees with it, then cleans characters and removes site chrome.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..errors import InputError, UnsupportedFormat
from ..model import CleanText, SourceFormat
from ..settings import DEFAULT_SETTINGS, Settings
from .assemble import assemble
from .characters import aligned_matching_form, matching_form
from .docx import read_docx
from .html import read_html
from .metadata import complete_metadata, infer_metadata
from .pdf import read_pdf
from .txt import read_txt

__all__ = [
    "SUFFIXES",
    "aligned_matching_form",
    "complete_metadata",
    "infer_metadata",
    "ingest_file",
    "matching_form",
]

logger = logging.getLogger(__name__)

SUFFIXES: dict[str, SourceFormat] = {
    ".txt": SourceFormat.TXT,
    ".text": SourceFormat.TXT,
    ".md": SourceFormat.TXT,
    ".html": SourceFormat.HTML,
    ".htm": SourceFormat.HTML,
    ".xhtml": SourceFormat.HTML,
    ".docx": SourceFormat.DOCX,
    ".pdf": SourceFormat.PDF,
}


def ingest_file(path: str | Path, settings: Settings = DEFAULT_SETTINGS) -> CleanText:
    """Read one plan file of any supported format and return its clean text.

    :param path: a ``.txt``, ``.html``, ``.docx`` or ``.pdf`` file.
    :raises InputError: the file is missing, empty, too large, damaged or of another type.
    """
    path = Path(path)
    fmt = _check_file(path, settings)
    data = path.read_bytes()
    _check_content(path, fmt, data)
    logger.info("ingesting %s as %s", path, fmt.value)
    encoding: str | None = None
    if fmt is SourceFormat.TXT:
        raw, encoding = read_txt(data, path)
    elif fmt is SourceFormat.HTML:
        raw, encoding = read_html(data, path)
    elif fmt is SourceFormat.DOCX:
        raw = read_docx(path)
    else:
        raw = read_pdf(path, settings)
    clean = assemble(str(path), fmt, encoding, raw)
    if not any(line.text.strip() for line in clean.lines):
        raise InputError(path, "no text is left after removing page chrome; is this a plan text?")
    return clean


def _check_file(path: Path, settings: Settings) -> SourceFormat:
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a directory, not a file")
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(SUFFIXES))
        raise UnsupportedFormat(
            path, f"unsupported file type {path.suffix or '(none)'!r}; plandiff reads {known}"
        )
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "the file is empty")
    if size > settings.max_input_bytes:
        raise InputError(
            path,
            f"the file is {size / 1048576:.1f} MB, over the {settings.max_input_mb:g} MB limit "
            "(raise it with --max-input-mb)",
        )
    return fmt


def _check_content(path: Path, fmt: SourceFormat, data: bytes) -> None:
    """Refuse content that contradicts the extension (a PDF named .docx, a zip named .txt)."""
    if fmt is SourceFormat.PDF and not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError(path, "named .pdf but is not a PDF file (no %PDF header)")
    if fmt is SourceFormat.DOCX and not data.startswith(b"PK"):
        raise InputError(path, "named .docx but is not a DOCX (zip) file")
    if fmt in (SourceFormat.TXT, SourceFormat.HTML) and data[:4] in (b"%PDF", b"PK\x03\x04"):
        raise InputError(path, f"named .{fmt.value} but holds a {'PDF' if data[:1] == b'%' else 'zip'} file")
