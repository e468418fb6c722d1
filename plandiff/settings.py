"""Settings: one typed, frozen, keyword-only options object shared by the library and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ConfigError

MEGABYTE = 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Options for every stage.

    >>> Settings(max_input_mb=10).max_input_bytes
    10485760

    :param max_input_mb: inputs larger than this are refused (a plan text is rarely over 5 MB).
    :param min_pdf_chars_per_page: below this average a PDF is taken to have no text layer (needs OCR).
    :param ignore_punctuation: redlines ignore punctuation and full/half-width differences.
    """

    max_input_mb: float = 50.0
    min_pdf_chars_per_page: int = 20
    ignore_punctuation: bool = False

    def __post_init__(self) -> None:
        if self.max_input_mb <= 0:
            raise ConfigError(f"max_input_mb must be positive, not {self.max_input_mb}")
        if self.min_pdf_chars_per_page < 0:
            raise ConfigError(f"min_pdf_chars_per_page must be >= 0, not {self.min_pdf_chars_per_page}")

    @property
    def max_input_bytes(self) -> int:
        """The size limit in bytes."""
        return int(self.max_input_mb * MEGABYTE)


DEFAULT_SETTINGS = Settings()
