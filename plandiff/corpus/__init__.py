"""Corpus: many documents described by a manifest (``inputs/plans.toml``)."""

from __future__ import annotations

from .manifest import ComparisonSpec, Manifest, load_manifest, load_overrides, resolve_document

__all__ = ["ComparisonSpec", "Manifest", "load_manifest", "load_overrides", "resolve_document"]
