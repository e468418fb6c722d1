"""The main job: every comparison the manifest names, compared and rendered into ``output/``.

Documents are parsed once per run however many comparisons use them; comparisons are rendered in
parallel. Progress goes to a callback (the CLI prints it); a comparison that fails is reported with its
reason and the others still run.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import PlandiffError
from ..model import Document, comparison_to_dict
from ..pipeline import compare, load_document
from ..report import (
    FORMATS,
    KIND_NAMES,
    ReportOptions,
    check_cjk_font,
    render_index,
    write_reports,
    write_text_atomic,
)
from ..settings import Settings
from .manifest import ComparisonSpec, Manifest

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
    """Compare and render every comparison of the manifest (or those in ``only``) into ``out/<id>/``.

    Documents are parsed once, then the comparisons are rendered in parallel, one process per core
    (the PDF layout is CPU-bound).
    """
    specs = [spec for spec in manifest.comparisons if not only or spec.id in only]
    if "pdf" in formats:
        check_cjk_font()
    result = RunResult()
    documents: dict[str, Document] = {}
    jobs = []
    for spec in specs:
        try:
            sides = [
                [_document(manifest, documents, key, settings) for key in side]
                for side in (spec.old, spec.new)
            ]
        except PlandiffError as exc:
            result.failed[spec.id] = str(exc)
            continue
        jobs.append((spec, sides))
    entries: dict[str, dict[str, object]] = {}
    workers = max(1, min(len(jobs), os.cpu_count() or 1))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {
            pool.submit(
                render_comparison, spec, sides, out / spec.id, templates, settings, run_date, formats
            ): spec
            for spec, sides in jobs
        }
        for number, future in enumerate(as_completed(futures), start=1):
            spec = futures[future]
            if progress:
                progress(number, len(futures), spec.id)
            try:
                written, payload = future.result()
            except PlandiffError as exc:
                logger.error("%s: %s", spec.id, exc)
                result.failed[spec.id] = str(exc)
                continue
            result.written += written
            entries[spec.id] = index_entry(spec, payload["kind"], payload["summary"])
    ordered = [entries[spec.id] for spec in specs if spec.id in entries]
    result.written.append(
        write_text_atomic(out / "index.html", render_index(ordered, templates, run_date=run_date))
    )
    return result


def render_comparison(
    spec: ComparisonSpec,
    sides: list[list[Document]],
    folder: Path,
    templates: Path,
    settings: Settings,
    run_date: str,
    formats: tuple[str, ...],
) -> tuple[list[Path], dict[str, Any]]:
    """Compare one comparison's sides and render its reports into ``folder``; the files and the payload."""
    comparison = compare(sides[0], sides[1], settings, kind=spec.kind)
    options = ReportOptions(title=spec.title, run_date=run_date, templates=templates, formats=formats)
    written = write_reports(comparison, folder, options)
    return written, comparison_to_dict(comparison)


def index_entry(spec: ComparisonSpec, kind: str, summary: dict[str, int]) -> dict[str, object]:
    """A comparison's row on output/index.html."""
    return {
        "id": spec.id,
        "title": spec.title,
        "kind": KIND_NAMES.get(kind, kind),
        "paired": summary.get("sections_paired", 0),
        "up": summary.get("targets_up", 0),
        "down": summary.get("targets_down", 0),
    }


def _document(manifest: Manifest, cache: dict[str, Document], key: str, settings: Settings) -> Document:
    if key not in cache:
        cache[key] = load_document(manifest.documents[key], settings)
    return cache[key]
