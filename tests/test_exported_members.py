"""The public API is deliberate: plandiff.__all__ lists exactly the public names of the package."""

from __future__ import annotations

import plandiff


def test_all_lists_public_members() -> None:
    public = sorted(name for name in vars(plandiff) if not name.startswith("_") and name != "annotations")
    modules = {"cli", "corpus", "errors", "extract", "ingest", "model", "parse", "pipeline", "settings"}
    assert sorted(plandiff.__all__) == sorted(n for n in public if n not in modules)
