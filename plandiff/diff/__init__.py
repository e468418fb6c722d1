"""Diff: aligned pairs -> text redlines, indicator changes and term shifts."""
