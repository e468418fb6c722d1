"""The public API is deliberate: plandiff.__all__ lists exactly the public names of the package."""

from __future__ import annotations

import types

import plandiff


def test_all_lists_public_members() -> None:
    public = sorted(
        name
        for name, value in vars(plandiff).items()
        if not name.startswith("_") and name != "annotations" and not isinstance(value, types.ModuleType)
    )
    assert sorted(plandiff.__all__) == public
