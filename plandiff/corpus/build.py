"""`plandiff corpus`: every document of a folder or manifest, at once: a target panel, text reuse, topics.

1. The documents: a manifest (``plans.toml``, or a folder holding one) names them with their metadata;
   a folder without one gives every plan file under it (id: its path inside the folder).
2. Incremental: a document is analysed (``analysis.analyse_document``: ingest, parse, extract, reuse index)
   only when its content hash or plandiff's version differs from the store's; documents that left the
   corpus are forgotten. Analyses run in worker processes, or as Dask tasks (``distributed``).
3. From the store, for the whole corpus: the panel (``panel``), the reuse passages and shares (``reuse``),
   topic adoption (``topics``); each is also a table of the store, for SQL.
4. With an output folder: workbooks, Parquet files and SVG charts (``outputs``, ``charts``).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..ingest import SUFFIXES
from ..model import DocumentMeta
from ..settings import DEFAULT_SETTINGS, Settings
from .analysis import content_hash
from .distributed import runner_for
from .manifest import MANIFEST_NAME, load_manifest
from .panel import headlines, long_panel, wide_panel
from .reuse import find_reuse
from .store import Store, tool_version
from .topics import adoption, new_terms

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)
Progress = Callable[[str], None]
STORE_NAME = "corpus.duckdb"
# reuse.xlsx lists at most this many passages (the most characters taken first): a corpus of copies has
# millions, which no spreadsheet opens; reuse.parquet and the store's reuse_passages hold every one.
MAX_LISTED_PASSAGES = 20_000


@dataclass(slots=True)
class Corpus:
    """What a corpus run found: each table as a pandas DataFrame, and what it did.

    ``panel`` (long) and ``wide`` (documents × indicators), ``reuse`` (passages taken) and ``shares``
    (per document), ``adoption`` (documents × terms), ``terms`` (the terms counted).
    """

    panel: pd.DataFrame
    wide: pd.DataFrame
    reuse: pd.DataFrame
    shares: pd.DataFrame
    adoption: pd.DataFrame
    terms: list[str]
    store: Path
    analysed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)


def corpus_documents(source: str | Path) -> list[DocumentMeta]:
    """The documents of a manifest file, of a folder's manifest, or every plan file under a folder."""
    source = Path(source)
    if source.is_file():
        return list(load_manifest(source).documents.values())
    if not source.is_dir():
        raise ConfigError(
            f"{source}: no such folder or manifest (give a folder of plan files or a plans.toml)"
        )
    if (source / MANIFEST_NAME).is_file():
        return list(load_manifest(source / MANIFEST_NAME).documents.values())
    files = sorted(
        path
        for path in source.rglob("*")
        if path.is_file()
        and path.suffix.lower() in SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(source).parts)
    )
    if not files:
        raise ConfigError(f"{source}: no plan files (.txt, .html, .docx, .pdf) in this folder")
    return [DocumentMeta(id=path.relative_to(source).as_posix(), path=str(path)) for path in files]


def build_corpus(
    source: str | Path,
    out: str | Path | None = None,
    *,
    store: str | Path | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    terms: Sequence[str] | None = None,
    dask: str | Any | None = None,
    progress: Progress | None = None,
) -> Corpus:
    """Analyse every document of ``source`` (only what changed since the store's last run) and build the
    target panel, the text reuse and the topic adoption of the whole corpus.

    :param source: a folder of plan files, a folder with a ``plans.toml``, or a manifest file.
    :param out: where to write panel.xlsx, panel.parquet, reuse.xlsx, topics.xlsx, charts/ (None: nothing).
    :param store: the DuckDB store (default ``out/corpus.duckdb``, or ``corpus.duckdb`` beside the source).
    :param terms: the terms of the topic adoption (default: the corpus's new quoted terms).
    :param dask: a Dask scheduler address (``tcp://host:8786``) or a ``distributed.Client``.
    """
    say = progress or (lambda message: None)
    metas = corpus_documents(source)
    store_path = Path(store) if store else _default_store(Path(source), out)
    runner = runner_for(dask)
    try:
        with Store(store_path) as db:
            result = _refresh(db, metas, settings, runner.analyse, say)
            say("finding reuse")
            reuse = find_reuse(db, runner.buckets)
            panel = long_panel(db)
            wide = wide_panel(panel)
            chosen = list(terms) if terms is not None else new_terms(db)
            topics = adoption(db, chosen)
            for name, frame in (
                ("panel", panel),
                ("reuse_passages", reuse.passages),
                ("reuse_shares", reuse.shares),
                ("adoption", topics),
            ):
                db.replace_result(name, frame)
    finally:
        runner.close()
    corpus = Corpus(panel, wide, reuse.passages, reuse.shares, topics, chosen, store_path, **result)
    if out is not None:
        say("writing files")
        corpus.written = write_corpus(corpus, Path(out))
    return corpus


def _default_store(source: Path, out: str | Path | None) -> Path:
    if out is not None:
        return Path(out) / STORE_NAME
    return (source if source.is_dir() else source.parent) / STORE_NAME


def _refresh(
    db: Store, metas: Sequence[DocumentMeta], settings: Settings, analyse: Any, say: Progress
) -> dict[str, Any]:
    stored = db.analysis_hashes()
    version = tool_version()
    todo, unchanged, failed = [], [], {}
    for meta in metas:
        try:
            if stored.get(meta.id) == (content_hash(meta.path), version):
                unchanged.append(meta.id)
                continue
        except OSError as exc:
            failed[meta.id] = f"{meta.path}: cannot be read ({exc.strerror or exc})"
            continue
        todo.append(meta)
    removed = sorted(set(stored) - {meta.id for meta in metas})
    for doc_id in removed:
        db.remove_analysis(doc_id)
    analysed = []
    for number, (meta, analysis, reason) in enumerate(analyse(todo, settings), start=1):
        say(f"[{number}/{len(todo)}] {meta.id}")
        if analysis is None:
            failed[meta.id] = reason
            db.remove_analysis(meta.id)
            continue
        db.put_analysis(analysis)
        analysed.append(meta.id)
    return {"analysed": sorted(analysed), "unchanged": unchanged, "removed": removed, "failed": failed}


def write_corpus(corpus: Corpus, out: Path) -> list[Path]:
    """The corpus's files in ``out`` (see ``outputs``)."""
    import pandas as pd

    from . import charts  # matplotlib and openpyxl are loaded only when files are written
    from .outputs import REUSE_HEADERS, TOPIC_HEADERS, write_parquet, write_workbook

    written = []
    chart_rows = []
    for number, (indicator, unit, rows) in enumerate(headlines(corpus.panel), start=1):
        name = f"charts/indicator-{number:02d}.svg"
        drawn = partial(charts.headline_chart, indicator, unit, rows)
        written.append(_chart(out / name, f"{indicator}\n{unit}\n{rows.to_csv()}", drawn))
        chart_rows.append({"chart": name, "indicator": indicator, "unit": unit, "documents": len(rows)})
    if len(corpus.adoption):
        written.append(
            _chart(
                out / "charts/topics.svg", corpus.adoption, lambda: charts.adoption_heatmap(corpus.adoption)
            )
        )
    index = pd.DataFrame(chart_rows, columns=["chart", "indicator", "unit", "documents"])
    written.append(
        write_workbook(
            out / "panel.xlsx",
            [("长表 Long", corpus.panel), ("宽表 Wide", corpus.wide), ("图表 Charts", index)],
        )
    )
    written.append(write_parquet(out / "panel.parquet", corpus.panel))
    written.append(write_parquet(out / "panel-wide.parquet", corpus.wide))
    listing = corpus.reuse.drop(columns=["target_first", "target_last", "source_first", "source_last"])
    if len(listing) > MAX_LISTED_PASSAGES:  # the workbook lists the longest; Parquet and the store hold all
        listing = listing.nlargest(MAX_LISTED_PASSAGES, "matched", keep="first").sort_index()
    written.append(
        write_workbook(
            out / "reuse.xlsx",
            [("段落 Passages", listing), ("占比 Shares", corpus.shares)],
            headers=REUSE_HEADERS,
        )
    )
    written.append(write_parquet(out / "reuse.parquet", corpus.reuse))
    written.append(
        write_workbook(out / "topics.xlsx", [("术语 Terms", corpus.adoption)], headers=TOPIC_HEADERS)
    )
    written.append(write_parquet(out / "topics.parquet", corpus.adoption))
    return written


def _chart(path: Path, data: Any, draw: Callable[[], bytes]) -> Path:
    """Draw a chart unless the file was drawn from the same data (its hash is kept beside it)."""
    from .outputs import write_bytes

    digest = hashlib.sha256(
        repr(data).encode("utf-8") if not hasattr(data, "to_csv") else data.to_csv().encode()
    ).hexdigest()
    stamp = path.with_name(f".{path.name}.sha256")
    if path.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == digest:
        return path
    write_bytes(path, draw())
    write_bytes(stamp, digest.encode("ascii"))
    return path
