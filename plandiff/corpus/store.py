"""The corpus store: a DuckDB file holding every document's hash, metadata, outline and indicators, and
every comparison's pairs and target changes.

A document is parsed again only when its content hash or plandiff's version changed; a comparison is
rendered again only when the hashes of its documents, its configuration or the version changed. Each
write is one transaction, so a killed run leaves the store as the last finished step left it.

The parsed document itself is kept as a pickle of plandiff's own dataclasses, for reuse by this tool
only: the store is a cache, not an exchange format (``export`` writes the tables as Parquet for that).
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

if TYPE_CHECKING:  # pandas is loaded by duckdb when a table is asked for, not on every run
    import pandas as pd

from ..errors import ConfigError
from ..model import Document, Indicator, indicator_to_dict, meta_to_dict
from .analysis import Analysis

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY, path VARCHAR, content_hash VARCHAR, tool_version VARCHAR, meta JSON, parsed BLOB);
CREATE TABLE IF NOT EXISTS sections (
    document_id VARCHAR, id VARCHAR, parent VARCHAR, level INTEGER, kind VARCHAR, label VARCHAR, title VARCHAR,
    synthetic BOOLEAN, line INTEGER, end_line INTEGER);
CREATE TABLE IF NOT EXISTS indicators (
    document_id VARCHAR, name VARCHAR, value_text VARCHAR, value DOUBLE, unit VARCHAR, qualifier VARCHAR,
    year INTEGER, role VARCHAR, attribute VARCHAR, section VARCHAR, line INTEGER);
CREATE TABLE IF NOT EXISTS comparisons (
    id VARCHAR PRIMARY KEY, title VARCHAR, kind VARCHAR, old_ids VARCHAR, new_ids VARCHAR, input_hash VARCHAR,
    summary JSON);
CREATE TABLE IF NOT EXISTS section_pairs (
    comparison_id VARCHAR, old_document VARCHAR, old_id VARCHAR, old_title VARCHAR, new_document VARCHAR,
    new_id VARCHAR, new_title VARCHAR, score DOUBLE, relation VARCHAR);
CREATE TABLE IF NOT EXISTS indicator_changes (
    comparison_id VARCHAR, old_document VARCHAR, old_name VARCHAR, old_value_text VARCHAR, old_attribute VARCHAR,
    new_document VARCHAR, new_name VARCHAR, new_value_text VARCHAR, new_attribute VARCHAR, delta DOUBLE,
    delta_unit VARCHAR, ambition VARCHAR);
"""
# `plandiff corpus`: one row per analysed document (``analysis.Analysis``), its target rows, sentences,
# reuse index (numpy arrays as raw little-endian bytes: data, never code) and quoted terms.
# A sentence keeps its display text, its matching form (term counts) and its key (reuse).
CORPUS_TABLES = ("analyses", "targets", "sentences", "reuse_index", "quoted_terms")
_CORPUS_SCHEMA = """
CREATE TABLE IF NOT EXISTS analyses (
    document_id VARCHAR PRIMARY KEY, content_hash VARCHAR, tool_version VARCHAR, meta JSON, chars BIGINT);
CREATE TABLE IF NOT EXISTS targets (
    document_id VARCHAR, name VARCHAR, normalized_name VARCHAR, value_text VARCHAR, value DOUBLE, low DOUBLE,
    high DOUBLE, unit VARCHAR, base_value DOUBLE, base_unit VARCHAR, qualifier VARCHAR, kind VARCHAR,
    year INTEGER, role VARCHAR, attribute VARCHAR, section VARCHAR, line INTEGER, source VARCHAR);
CREATE TABLE IF NOT EXISTS sentences (
    document_id VARCHAR, n INTEGER, section VARCHAR, line INTEGER, text VARCHAR, norm VARCHAR, key VARCHAR);
CREATE TABLE IF NOT EXISTS reuse_index (
    document_id VARCHAR PRIMARY KEY, digests BLOB, owners BLOB, bands BLOB, band_count INTEGER);
CREATE TABLE IF NOT EXISTS quoted_terms (document_id VARCHAR, term VARCHAR, count INTEGER);
"""
# Corpus results, replaced whole on every run (for SQL over the store).
RESULT_TABLES = ("panel", "reuse_passages", "reuse_shares", "adoption")
_TARGET_COLUMNS = (
    "name", "normalized_name", "value_text", "value", "low", "high", "unit", "base_value", "base_unit",
    "qualifier", "kind", "year", "role", "attribute", "section", "line", "source",
)  # fmt: skip
TABLES = (
    "documents",
    "sections",
    "indicators",
    "comparisons",
    "section_pairs",
    "indicator_changes",
    *CORPUS_TABLES,
    *RESULT_TABLES,
)


def tool_version() -> str:
    """plandiff's version: stored results of another version are not reused."""
    try:
        return version("plandiff")
    except PackageNotFoundError:
        return "0"


class Store:
    """A DuckDB corpus store. Use as a context manager, or call ``close``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = duckdb.connect(str(self.path))
        except duckdb.Error as exc:
            raise ConfigError(f"{self.path}: cannot open the corpus store ({exc})") from exc
        self._db.execute(_SCHEMA)
        self._db.execute(_CORPUS_SCHEMA)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database file."""
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside happen, or none do."""
        self._db.begin()
        try:
            yield
        except BaseException:
            self._db.rollback()
            raise
        self._db.commit()

    def document_hashes(self) -> dict[str, tuple[str, str]]:
        """document id -> (content hash, tool version) of what the store holds."""
        rows = self._db.execute("SELECT id, content_hash, tool_version FROM documents").fetchall()
        return {row[0]: (row[1], row[2]) for row in rows}

    def cached_document(self, document_id: str, content_hash: str) -> Document | None:
        """The parsed document, when the store holds it for this content and this version of plandiff."""
        row = self._db.execute(
            "SELECT parsed FROM documents WHERE id = ? AND content_hash = ? AND tool_version = ?",
            [document_id, content_hash, tool_version()],
        ).fetchone()
        return pickle.loads(row[0]) if row else None

    def put_document(self, document: Document, content_hash: str, indicators: Sequence[Indicator]) -> None:
        """Replace a document with its outline and indicators."""
        doc_id = document.meta.id
        with self.transaction():
            self.remove_document(doc_id, inside_transaction=True)
            self._db.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)",
                [
                    doc_id,
                    document.meta.path,
                    content_hash,
                    tool_version(),
                    json.dumps(meta_to_dict(document.meta), ensure_ascii=False, default=str),
                    pickle.dumps(document),
                ],
            )
            if document.sections:
                self._db.executemany(
                    "INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        [
                            doc_id,
                            s.id,
                            s.parent,
                            s.level,
                            s.kind.value,
                            s.label,
                            s.title,
                            s.synthetic,
                            s.line,
                            s.end_line,
                        ]
                        for s in document.sections
                    ],
                )
            rows = [indicator_to_dict(i) for i in indicators]
            if rows:
                self._db.executemany(
                    "INSERT INTO indicators VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        [
                            doc_id,
                            r["name"],
                            r["value_text"],
                            r["value"],
                            r["unit"],
                            r["qualifier"],
                            r["year"],
                            r["role"],
                            r["attribute"],
                            r["section"],
                            r["line"],
                        ]
                        for r in rows
                    ],
                )

    def remove_document(self, document_id: str, *, inside_transaction: bool = False) -> None:
        """Forget a document (it left the manifest, or is about to be replaced)."""
        statements = [
            f"DELETE FROM {table} WHERE {'id' if table == 'documents' else 'document_id'} = ?"
            for table in ("documents", "sections", "indicators")
        ]
        if inside_transaction:
            for statement in statements:
                self._db.execute(statement, [document_id])
            return
        with self.transaction():
            for statement in statements:
                self._db.execute(statement, [document_id])

    def comparison_hash(self, comparison_id: str) -> str | None:
        """The input hash the comparison was last rendered from."""
        row = self._db.execute("SELECT input_hash FROM comparisons WHERE id = ?", [comparison_id]).fetchone()
        return row[0] if row else None

    def put_comparison(self, spec: Any, input_hash: str, payload: dict[str, Any]) -> None:
        """Replace a comparison's pairs and target changes after it was rendered."""
        with self.transaction():
            for table, column in (
                ("comparisons", "id"),
                ("section_pairs", "comparison_id"),
                ("indicator_changes", "comparison_id"),
            ):
                self._db.execute(f"DELETE FROM {table} WHERE {column} = ?", [spec.id])
            self._db.execute(
                "INSERT INTO comparisons VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    spec.id,
                    spec.title,
                    payload["kind"],
                    ",".join(spec.old),
                    ",".join(spec.new),
                    input_hash,
                    json.dumps(payload["summary"]),
                ],
            )
            pairs = [
                [spec.id, *_ref(p["old"]), *_ref(p["new"]), p["score"], p["relation"]]
                for p in payload["sections"]
            ]
            if pairs:
                self._db.executemany("INSERT INTO section_pairs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", pairs)
            changes = [
                [
                    spec.id,
                    *_side(p["old"]),
                    *_side(p["new"]),
                    (p["change"] or {}).get("delta"),
                    (p["change"] or {}).get("delta_unit"),
                    (p["change"] or {}).get("ambition"),
                ]
                for p in payload["indicators"]
            ]
            if changes:
                self._db.executemany(
                    "INSERT INTO indicator_changes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", changes
                )

    def remove_comparison(self, comparison_id: str) -> None:
        """Forget a comparison that left the configuration."""
        with self.transaction():
            for table, column in (
                ("comparisons", "id"),
                ("section_pairs", "comparison_id"),
                ("indicator_changes", "comparison_id"),
            ):
                self._db.execute(f"DELETE FROM {table} WHERE {column} = ?", [comparison_id])

    def comparison_summaries(self) -> dict[str, tuple[str, dict[str, int]]]:
        """comparison id -> its kind and the summary counts it was last rendered with."""
        rows = self._db.execute("SELECT id, kind, summary FROM comparisons").fetchall()
        return {row[0]: (row[1], json.loads(row[2])) for row in rows}

    def comparison_ids(self) -> list[str]:
        """The comparisons the store holds."""
        return [row[0] for row in self._db.execute("SELECT id FROM comparisons ORDER BY id").fetchall()]

    def analysis_hashes(self) -> dict[str, tuple[str, str]]:
        """document id -> (content hash, tool version) of the corpus analyses the store holds."""
        rows = self._db.execute("SELECT document_id, content_hash, tool_version FROM analyses").fetchall()
        return {row[0]: (row[1], row[2]) for row in rows}

    def put_analysis(self, analysis: Analysis) -> None:
        """Replace one document's corpus analysis."""
        doc_id = analysis.document_id
        with self.transaction():
            self._remove_analysis(doc_id)
            self._db.execute(
                "INSERT INTO analyses VALUES (?, ?, ?, ?, ?)",
                [
                    doc_id,
                    analysis.content_hash,
                    tool_version(),
                    json.dumps(analysis.meta, ensure_ascii=False, default=str),
                    analysis.chars,
                ],
            )
            if analysis.indicators:
                self._db.executemany(
                    f"INSERT INTO targets VALUES (?{', ?' * len(_TARGET_COLUMNS)})",
                    [[doc_id, *(row[c] for c in _TARGET_COLUMNS)] for row in analysis.indicators],
                )
            if analysis.sentences:
                self._db.executemany(
                    "INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [[doc_id, *sentence] for sentence in analysis.sentences],
                )
            self._db.execute(
                "INSERT INTO reuse_index VALUES (?, ?, ?, ?, ?)",
                [
                    doc_id,
                    analysis.digests.astype("<i8").tobytes(),
                    analysis.owners.astype("<i4").tobytes(),
                    analysis.bands.astype("<u4").tobytes(),
                    analysis.bands.shape[1] if analysis.bands.ndim == 2 else 0,
                ],
            )
            if analysis.quoted:
                self._db.executemany(
                    "INSERT INTO quoted_terms VALUES (?, ?, ?)",
                    [[doc_id, term, count] for term, count in analysis.quoted.items()],
                )

    def remove_analysis(self, document_id: str) -> None:
        """Forget a document's corpus analysis (it left the corpus)."""
        with self.transaction():
            self._remove_analysis(document_id)

    def _remove_analysis(self, document_id: str) -> None:
        self._db.execute("DELETE FROM analyses WHERE document_id = ?", [document_id])
        for table in CORPUS_TABLES[1:]:
            self._db.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> pd.DataFrame:
        """The rows of a read query as a DataFrame (for the corpus modules and users)."""
        return self._db.execute(sql, list(parameters)).df()

    def replace_result(self, name: str, frame: pd.DataFrame) -> None:
        """Replace a corpus result table with a DataFrame's rows."""
        if name not in RESULT_TABLES:
            raise ConfigError(f"no result table {name!r}; the store has {', '.join(RESULT_TABLES)}")
        with self.transaction():
            self._db.register("_result_frame", frame)
            try:
                self._db.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM _result_frame")
            finally:
                self._db.unregister("_result_frame")

    def table(self, name: str) -> pd.DataFrame:
        """A table as a pandas DataFrame."""
        if name not in TABLES:
            raise ConfigError(f"no table {name!r}; the store has {', '.join(TABLES)}")
        columns = "* EXCLUDE (parsed)" if name == "documents" else "*"
        if name in RESULT_TABLES and not self._has_table(name):
            raise ConfigError(f"{self.path}: no {name} yet; run `plandiff corpus` with this store first")
        return self._db.execute(f"SELECT {columns} FROM {name}").df()

    def _has_table(self, name: str) -> bool:
        found = self._db.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
        ).fetchone()
        return bool(found and found[0])

    def export_parquet(self, folder: str | Path) -> list[Path]:
        """Every table as ``folder/<table>.parquet``."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name in TABLES:
            if name in RESULT_TABLES and not self._has_table(name):
                continue
            target = folder / f"{name}.parquet"
            columns = "* EXCLUDE (parsed)" if name == "documents" else "*"
            self._db.execute(f"COPY (SELECT {columns} FROM {name}) TO '{_sql_path(target)}' (FORMAT PARQUET)")
            written.append(target)
        return written


def _ref(ref: dict[str, Any] | None) -> list[Any]:
    return [None, None, None] if ref is None else [ref["document"], ref["id"], ref["title"]]


def _side(item: dict[str, Any] | None) -> list[Any]:
    return (
        [None] * 4
        if item is None
        else [item["document"], item["name"], item["value_text"], item["attribute"]]
    )


def _sql_path(path: Path) -> str:
    return str(path.resolve()).replace("'", "''")
