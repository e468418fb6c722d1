"""Align: two sides (one or more documents each) -> section pairs and indicator pairs."""

from __future__ import annotations

from .indicators import Sided, canonical_targets, measure, pair_targets
from .kind import infer_kind, upper_is_old
from .sections import NO_OVERRIDES, Overrides, align_sections
from .units import Unit, alignment_units

__all__ = [
    "NO_OVERRIDES",
    "Overrides",
    "Sided",
    "Unit",
    "align_sections",
    "alignment_units",
    "canonical_targets",
    "infer_kind",
    "measure",
    "pair_targets",
    "upper_is_old",
]
