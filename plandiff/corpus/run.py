"""The main job: every comparison the manifest names, compared and rendered into ``output/``.

Documents are parsed once per run however many comparisons use them. Progress goes to a callback (the
CLI prints it); a comparison that fails is reported with its reason and the others still run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PlandiffError
from ..model import Document, comparison_to_dict
from ..pipeline import compare, load_document
from ..report import FORMATS, check_cjk_font, render_index, write_reports, write_text_atomic
from ..report.context import KIND_WORDS
from ..settings import Settings
from .manifest import Manifest

logger = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]


@dataclass(slots=True)
class RunResult:
    """What a report run wrote, and what failed (comparison id -> reason)."""

    written: list[Path] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def run_reports(
    manifest: Manifest,
    out: Path,
    templates: Path,
    settings: Settings,
    *,
    run_date: str,
    only: tuple[str, ...] = (),
    formats: tuple[str, ...] = FORMATS,
    progress: Progress | None = None,
) -> RunResult:
    """Compare and render every comparison of the manifest (or those in ``only``) into ``out/<id>/``."""
    specs = [spec for spec in manifest.comparisons if not only or spec.id in only]
    if "pdf" in formats:
        check_cjk_font()
    documents: dict[str, Document] = {}
    result = RunResult()
    entries = []
    for number, spec in enumerate(specs, start=1):
        if progress:
            progress(number, len(specs), spec.id)
        try:
            sides = [
                [_document(manifest, documents, key, settings) for key in side]
                for side in (spec.old, spec.new)
            ]
            payload = comparison_to_dict(compare(sides[0], sides[1], settings))
            result.written += write_reports(
                payload,
                out / spec.id,
                templates,
                title=spec.title,
                kind=spec.kind,
                run_date=run_date,
                formats=formats,
            )
        except PlandiffError as exc:
            logger.error("%s: %s", spec.id, exc)
            result.failed[spec.id] = str(exc)
            continue
        summary = payload["summary"]
        entries.append(
            {
                "id": spec.id,
                "title": spec.title,
                "kind": KIND_WORDS.get(spec.kind, spec.kind),
                "paired": summary.get("sections_paired", 0),
                "up": summary.get("targets_up", 0),
                "down": summary.get("targets_down", 0),
            }
        )
    result.written.append(
        write_text_atomic(out / "index.html", render_index(entries, templates, run_date=run_date))
    )
    return result


def _document(manifest: Manifest, cache: dict[str, Document], key: str, settings: Settings) -> Document:
    if key not in cache:
        cache[key] = load_document(manifest.documents[key], settings)
    return cache[key]
