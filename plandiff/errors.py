"""Errors plandiff raises. Catch ``PlandiffError`` to catch them all.

PlandiffError
 ├── InputError            a file cannot be read as a plan text (.path, .line)
 │    ├── EncodingError     its bytes cannot be decoded with confidence
 │    └── UnsupportedFormat its type is not one plandiff reads
 ├── ConfigError (ValueError)  a manifest, config or option value is wrong
 └── ReportError           an output cannot be rendered or written
"""

from __future__ import annotations

from pathlib import Path


class PlandiffError(Exception):
    """Base of every error plandiff raises on purpose."""


class InputError(PlandiffError):
    """An input file cannot be read as a plan text."""

    def __init__(self, path: str | Path, reason: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class EncodingError(InputError):
    """The bytes of a text file cannot be decoded with confidence."""


class UnsupportedFormat(InputError):
    """The file is of a type plandiff does not read."""


class ConfigError(PlandiffError, ValueError):
    """A manifest, configuration file or option has a wrong value."""


class ReportError(PlandiffError):
    """A report cannot be rendered or written."""
