"""The manifest: ``plans.toml`` says what each input file is.

Fields it leaves out are filled from the text by ``ingest.complete_metadata`` when the file is read.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..align import Overrides
from ..errors import ConfigError, InputError
from ..model import ComparisonKind, DocumentKind, DocumentMeta, PlaceLevel, Provenance

MANIFEST_NAME = "plans.toml"
DEFAULT_INPUTS = Path("inputs")
_FIELDS = ("place", "level", "period", "kind", "date", "title", "source", "parent")


@dataclass(frozen=True, slots=True)
class ComparisonSpec:
    """A comparison the manifest asks for: two sides of document ids."""

    id: str
    title: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    kind: ComparisonKind | None  # None: inferred from the two sides


@dataclass(frozen=True, slots=True)
class Manifest:
    """The documents a manifest names, by id, with paths resolved against the manifest's folder,
    and the comparisons it asks for."""

    path: Path
    documents: dict[str, DocumentMeta]
    comparisons: tuple[ComparisonSpec, ...] = ()

    def find(self, key: str) -> DocumentMeta | None:
        """The document with this id, or whose file is this path."""
        if key in self.documents:
            return self.documents[key]
        target = Path(key).resolve()
        return next((m for m in self.documents.values() if Path(m.path).resolve() == target), None)


def read_toml(path: Path, what: str) -> dict[str, Any]:
    """A TOML file's data; ConfigError naming the file when it is missing or not TOML."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such {what}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc


def load_manifest(path: str | Path) -> Manifest:
    """Read a ``plans.toml``; raise ConfigError naming the file and the entry when it is wrong."""
    path = Path(path)
    data = read_toml(path, "manifest")
    documents: dict[str, DocumentMeta] = {}
    for number, entry in enumerate(data.get("document", []), start=1):
        meta = _entry_meta(path, number, entry)
        if meta.id in documents:
            raise ConfigError(f"{path}: document {number}: id {meta.id!r} is used twice")
        documents[meta.id] = meta
    comparisons = tuple(
        _comparison(path, number, entry, documents)
        for number, entry in enumerate(data.get("comparison", []), 1)
    )
    return Manifest(path, documents, comparisons)


def _comparison(
    path: Path, number: int, entry: dict[str, Any], documents: dict[str, DocumentMeta]
) -> ComparisonSpec:
    where = f"{path}: comparison {number}"
    if not isinstance(entry.get("id"), str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", entry["id"]):
        raise ConfigError(f"{where}: 'id' must be letters, digits, '.', '_' or '-' (it names a folder)")
    sides = []
    for side in ("old", "new"):
        ids = entry.get(side)
        ids = [ids] if isinstance(ids, str) else ids
        if not ids or not all(isinstance(i, str) for i in ids):
            raise ConfigError(f"{where}: '{side}' must list document ids")
        unknown = [i for i in ids if i not in documents]
        if unknown:
            raise ConfigError(f"{where}: unknown document id(s) {', '.join(unknown)}")
        sides.append(tuple(ids))
    kind = entry.get("kind")
    if kind is not None and kind not in ComparisonKind.__members__.values():
        known = ", ".join(k.value for k in ComparisonKind)
        raise ConfigError(f"{where}: kind must be one of {known}, not {kind!r}")
    kind = ComparisonKind(kind) if kind is not None else None
    return ComparisonSpec(entry["id"], str(entry.get("title", entry["id"])), sides[0], sides[1], kind)


def _entry_meta(path: Path, number: int, entry: dict[str, Any]) -> DocumentMeta:
    where = f"{path}: document {number}"
    for required in ("id", "path"):
        if not isinstance(entry.get(required), str) or not entry[required]:
            raise ConfigError(f"{where}: '{required}' is required")
    unknown = set(entry) - {"id", "path", *_FIELDS}
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    try:
        values: dict[str, Any] = {
            "level": PlaceLevel(entry["level"]) if "level" in entry else None,
            "kind": DocumentKind(entry["kind"]) if "kind" in entry else None,
            "period": int(entry["period"]) if "period" in entry else None,
        }
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from exc
    for name in ("place", "date", "title", "source", "parent"):
        values[name] = str(entry[name]) if name in entry else None
    provenance = {name: Provenance("manifest") for name in _FIELDS if name in entry}
    file_path = (path.parent / entry["path"]).resolve()
    return DocumentMeta(id=entry["id"], path=str(file_path), provenance=provenance, **values)


def resolve_document(key: str, inputs: str | Path = DEFAULT_INPUTS) -> DocumentMeta:
    """A document id from the manifest in ``inputs``, or a file path (described by the manifest if listed)."""
    manifest_path = Path(inputs) / MANIFEST_NAME
    manifest = load_manifest(manifest_path) if manifest_path.exists() else None
    meta = manifest.find(key) if manifest else None
    if meta is not None:
        return meta
    candidate = Path(key)
    if candidate.exists() or candidate.suffix:
        return DocumentMeta(id=candidate.stem, path=str(candidate))
    known = ", ".join(sorted(manifest.documents)) if manifest else f"no {manifest_path}"
    raise InputError(key, f"neither a file nor a document id (known ids: {known})")


def load_overrides(path: str | Path) -> Overrides:
    """A reviewer's override file: ``[[pin]]`` and ``[[forbid]]`` tables with ``old`` and ``new`` section ids.

    Section ids are paths of numbering (``p2/c3/s1``), so the file stays valid when inputs are re-run.
    """
    path = Path(path)
    data = read_toml(path, "override file")
    found: dict[str, frozenset[tuple[str, str]]] = {}
    for kind in ("pin", "forbid"):
        entries = data.get(kind, [])
        for number, entry in enumerate(entries, start=1):
            if not isinstance(entry.get("old"), str) or not isinstance(entry.get("new"), str):
                raise ConfigError(f"{path}: {kind} {number}: needs 'old' and 'new' section ids")
        found[kind] = frozenset((e["old"], e["new"]) for e in entries)
    return Overrides(pin=found["pin"], forbid=found["forbid"])
