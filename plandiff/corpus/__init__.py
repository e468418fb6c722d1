"""Corpus: many documents described by a manifest (``inputs/plans.toml``)."""

from __future__ import annotations

from .manifest import Manifest, load_manifest, load_overrides, resolve_document

__all__ = ["Manifest", "load_manifest", "load_overrides", "resolve_document"]
