"""Stages import only model/errors/settings and the stages before them; nothing imports cli."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "plandiff"
ORDER = [
    "model",
    "errors",
    "settings",
    "ingest",
    "parse",
    "extract",
    "align",
    "diff",
    "report",
    "pipeline",
    "corpus",
    "cli",
]
BASE = {"model", "errors", "settings"}


def layer(module: str) -> str:
    return module.split(".")[0]


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    relative = path.relative_to(PACKAGE).with_suffix("")
    package_parts = list(relative.parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package_parts[: len(package_parts) - (node.level - 1)]
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            if target:
                found.add(target)
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("plandiff."):
            found.add(node.module.removeprefix("plandiff."))
    return found


def test_no_backward_imports() -> None:
    problems = []
    for path in PACKAGE.rglob("*.py"):
        own = layer(".".join(path.relative_to(PACKAGE).with_suffix("").parts))
        if own in ("__init__", "__main__"):
            continue
        for target in imports_of(path):
            other = layer(target)
            if other == own or other not in ORDER:
                continue
            if other == "cli" or (other not in BASE and ORDER.index(other) > ORDER.index(own)):
                problems.append(f"{path.relative_to(PACKAGE)} imports {target}")
            if own == "model" and other != "model":
                problems.append(f"model imports {target}")
    assert problems == []
