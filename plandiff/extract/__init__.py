"""Extract: ``Document`` -> quantitative indicators (targets and results) and project amounts."""

from __future__ import annotations

from .indicators import extract_indicators, extract_project_amounts
from .quantity import find_quantities, parse_quantity

__all__ = ["extract_indicators", "extract_project_amounts", "find_quantities", "parse_quantity"]
