"""`plandiff ci`: process only what changed in the inputs, and say what changed in the plans.

1. Every manifest document is hashed; new and changed ones are parsed and stored, removed ones forgotten,
   unchanged ones come from the store without parsing.
2. The comparisons to run are the configured ones plus automatic ones for a new document: the same place's
   previous period, and its parent's document of the same period when the manifest names a parent (unless
   a configured comparison already sets those two documents against each other).
3. A comparison is rendered again only when its input hash (its documents' content hashes, its
   configuration and plandiff's version) changed or its outputs are missing.
4. ``output/summary.md`` (for a CI job summary) and ``output/ci.json`` say what was added, changed or
   removed and, per comparison, the headline changes. The exit-code policy is ``exit_code``.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError, PlandiffError
from ..extract import extract_indicators
from ..model import ComparisonKind, Document
from ..pipeline import load_document
from ..report import FORMATS, render_index, write_json_atomic, write_text_atomic
from ..settings import Settings
from .manifest import ComparisonSpec, Manifest
from .run import index_entry, render_comparison
from .store import Store, tool_version

logger = logging.getLogger(__name__)

EXIT_OK, EXIT_BAD_INPUT, EXIT_CHECK_FAILED = 0, 1, 3
CHECKS = {
    "constraint-weakened": "a 约束性 (binding) target lost ambition",
    "target-weakened": "any target lost ambition",
    "section-dropped": "a section of the old side has no counterpart",
}
Progress = Callable[[str], None]


@dataclass(slots=True)
class CiResult:
    """What a CI run did and found."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    rendered: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    checks_failed: dict[str, list[str]] = field(default_factory=dict)
    headlines: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def nothing_to_do(self) -> bool:
        """True when no input changed and nothing was rendered."""
        return not (self.added or self.changed or self.removed or self.rendered or self.failed)


def exit_code(result: CiResult) -> int:
    """0 ok; 1 an input could not be processed; 3 a configured check failed (1 wins over 3)."""
    if result.failed:
        return EXIT_BAD_INPUT
    return EXIT_CHECK_FAILED if result.checks_failed else EXIT_OK


def run_ci(
    manifest: Manifest,
    store: Store,
    out: Path,
    templates: Path,
    settings: Settings,
    *,
    run_date: str,
    fail_on: Sequence[str] = (),
    progress: Progress | None = None,
    formats: tuple[str, ...] = FORMATS,
) -> CiResult:
    """Bring the store and ``out`` up to date with the manifest; return what happened."""
    unknown = [check for check in fail_on if check not in CHECKS]
    if unknown:
        raise ConfigError(f"unknown --fail-on check(s) {', '.join(unknown)}; known: {', '.join(CHECKS)}")
    say = progress or (lambda message: None)
    result = CiResult()
    hashes = _refresh_documents(manifest, store, settings, result, say)
    documents: dict[str, Document] = {}
    specs = [*manifest.comparisons, *_automatic(manifest, list(manifest.documents))]
    for spec in specs:
        if any(key in result.failed or key not in hashes for key in (*spec.old, *spec.new)):
            result.skipped.append(spec.id)
            continue
        input_hash = _input_hash(spec, hashes)
        if store.comparison_hash(spec.id) == input_hash and (out / spec.id / "comparison.json").exists():
            result.skipped.append(spec.id)
            continue
        say(f"rendering {spec.id}")
        try:
            sides = [
                [_document(store, documents, key, hashes[key]) for key in side]
                for side in (spec.old, spec.new)
            ]
            _, payload = render_comparison(spec, sides, out / spec.id, templates, settings, run_date, formats)
        except PlandiffError as exc:
            result.failed[spec.id] = str(exc)
            continue
        store.put_comparison(spec, input_hash, payload)
        result.rendered.append(spec.id)
        result.headlines[spec.id] = _headline(payload)
        for check in fail_on:
            reasons = _check(check, payload)
            if reasons:
                result.checks_failed.setdefault(spec.id, []).extend(reasons)
    for stale in set(store.comparison_ids()) - {spec.id for spec in specs}:
        store.remove_comparison(stale)
    if not result.nothing_to_do:
        summaries = store.comparison_summaries()
        entries = [index_entry(s, *summaries[s.id]) for s in specs if s.id in summaries]
        write_text_atomic(out / "index.html", render_index(entries, templates, run_date=run_date))
    write_text_atomic(out / "summary.md", render_ci_summary(result))
    write_json_atomic(out / "ci.json", _ci_json(result))
    return result


def _refresh_documents(
    manifest: Manifest, store: Store, settings: Settings, result: CiResult, say: Progress
) -> dict[str, str]:
    stored = store.document_hashes()
    hashes: dict[str, str] = {}
    for doc_id, meta in manifest.documents.items():
        try:
            content_hash = hashlib.sha256(Path(meta.path).read_bytes()).hexdigest()
        except OSError as exc:
            result.failed[doc_id] = f"{meta.path}: cannot read ({exc.strerror or exc})"
            continue
        if stored.get(doc_id) == (content_hash, tool_version()):
            result.unchanged.append(doc_id)
            hashes[doc_id] = content_hash
            continue
        say(f"parsing {doc_id}")
        try:
            document = load_document(meta, settings)
            store.put_document(document, content_hash, extract_indicators(document))
        except PlandiffError as exc:
            result.failed[doc_id] = str(exc)
            continue
        (result.changed if doc_id in stored else result.added).append(doc_id)
        hashes[doc_id] = content_hash
    for doc_id in set(stored) - set(manifest.documents):
        store.remove_document(doc_id)
        result.removed.append(doc_id)
    return hashes


def _automatic(manifest: Manifest, documents: Sequence[str]) -> list[ComparisonSpec]:
    """Comparisons each document asks for: its place's previous period, its parent's same period."""
    covered = {(old, new) for s in manifest.comparisons for old in s.old for new in s.new}
    found: list[ComparisonSpec] = []
    for doc_id in documents:
        meta = manifest.documents[doc_id]
        previous = [
            m
            for m in manifest.documents.values()
            if m.place == meta.place and meta.period and m.period == meta.period - 1
        ]
        parent = manifest.documents.get(meta.parent or "")
        for other, kind in [
            *((m, ComparisonKind.VERSION) for m in previous[:1]),
            *(((parent, ComparisonKind.HIERARCHY),) if parent else ()),
        ]:
            sides = ((other.id,), (doc_id,))
            if (other.id, doc_id) not in covered and other.id != doc_id:
                found.append(
                    ComparisonSpec(
                        f"auto-{other.id}-vs-{doc_id}",
                        f"{other.title or other.id} → {meta.title or doc_id}",
                        sides[0],
                        sides[1],
                        kind,
                    )
                )
    return found


def _input_hash(spec: ComparisonSpec, hashes: dict[str, str]) -> str:
    parts = [
        tool_version(),
        spec.title,
        spec.kind or "",
        *spec.old,
        "|",
        *spec.new,
        *(hashes[k] for k in (*spec.old, *spec.new)),
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _document(store: Store, cache: dict[str, Document], key: str, content_hash: str) -> Document:
    if key not in cache:
        document = store.cached_document(key, content_hash)
        if document is None:
            raise PlandiffError(f"{key}: not in the corpus store; run again")
        cache[key] = document
    return cache[key]


def _headline(payload: dict[str, Any]) -> dict[str, Any]:
    changes = [
        f"{p['new']['name']}: {p['old']['value_text']} → {p['new']['value_text']} ({p['change']['ambition']})"
        for p in payload["indicators"]
        if p["old"] and p["new"] and p["change"] and p["change"]["ambition"] in ("up", "down")
    ]
    return {"summary": payload["summary"], "target_changes": changes}


def _check(check: str, payload: dict[str, Any]) -> list[str]:
    reasons: list[str] = []
    for pair in payload["indicators"]:
        old, new, change = pair["old"], pair["new"], pair["change"]
        weakened = bool(old and new and change and change["ambition"] == "down")
        if check == "target-weakened" and weakened:
            reasons.append(f"target weakened: {new['name']} {old['value_text']} → {new['value_text']}")
        if (
            check == "constraint-weakened"
            and weakened
            and "约束性" in (old.get("attribute"), new.get("attribute"))
        ):
            reasons.append(
                f"binding target weakened: {new['name']} {old['value_text']} → {new['value_text']}"
            )
    if check == "section-dropped":
        reasons += [
            f"section dropped: {p['old']['title'] or p['old']['id']}"
            for p in payload["sections"]
            if p["old"] and not p["new"]
        ]
    return reasons


def render_ci_summary(result: CiResult) -> str:
    """Markdown for a CI job summary."""
    if result.nothing_to_do:
        return "## plandiff\n\nNo input changed: nothing was parsed or rendered.\n"
    lines = ["## plandiff", ""]
    for label, items in (("Added", result.added), ("Changed", result.changed), ("Removed", result.removed)):
        if items:
            lines.append(f"- {label}: {', '.join(items)}")
    for name, reason in result.failed.items():
        lines.append(f"- **Failed** {name}: {reason}")
    for comparison, headline in result.headlines.items():
        summary = headline["summary"]
        lines += [
            "",
            f"### {comparison}",
            "",
            f"- sections paired {summary.get('sections_paired', 0)}, targets raised "
            f"{summary.get('targets_up', 0)}, lowered {summary.get('targets_down', 0)}, new "
            f"{summary.get('targets_new', 0)}, dropped {summary.get('targets_dropped', 0)}",
        ]
        lines += [f"- {change}" for change in headline["target_changes"][:10]]
    for comparison, reasons in result.checks_failed.items():
        lines += ["", f"**Checks failed for {comparison}:**"] + [f"- {reason}" for reason in reasons]
    return "\n".join(lines) + "\n"


def _ci_json(result: CiResult) -> dict[str, Any]:
    return {
        "added": result.added,
        "changed": result.changed,
        "removed": result.removed,
        "unchanged": result.unchanged,
        "failed": result.failed,
        "rendered": result.rendered,
        "skipped": result.skipped,
        "checks_failed": result.checks_failed,
        "headlines": result.headlines,
        "exit_code": exit_code(result),
    }
