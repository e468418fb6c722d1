"""Command line: parse arguments -> Settings -> one library call -> output and exit code.

Exit codes: 0 ok, 1 bad input (the message names the file and the reason), 2 usage error.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from .align import NO_OVERRIDES
from .corpus.ci import CHECKS, exit_code, run_ci
from .corpus.manifest import MANIFEST_NAME, Manifest, load_manifest, load_overrides, resolve_document
from .corpus.run import run_reports
from .corpus.store import Store
from .errors import PlandiffError
from .extract import extract_indicators, extract_project_amounts
from .ingest import ingest_file
from .model import (
    INDICATOR_FIELDS,
    Document,
    Section,
    comparison_to_dict,
    indicator_to_dict,
    meta_to_dict,
    outline_to_dict,
)
from .pipeline import compare, load_document
from .report import write_json_atomic
from .settings import Settings

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None) -> int:
    """Run the ``plandiff`` command; return its exit code."""
    out = stdout or sys.stdout
    parser = _build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(message)s")
    if not args.debug:
        logging.getLogger().setLevel(logging.WARNING)
    try:
        settings = Settings(max_input_mb=args.max_input_mb)
        return int(args.handler(args, settings, out))
    except BrokenPipeError:  # the reader (head, less) stopped early
        sys.stderr.close()
        return EXIT_OK
    except PlandiffError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"plandiff: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        where = getattr(args, "file", None) or ""
        print(
            f"plandiff: error: {where}: unexpected {type(exc).__name__}: {exc} (rerun with --debug)",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT


def _common_options(parser: argparse.ArgumentParser, *, defaults: bool) -> argparse.ArgumentParser:
    """The options every command takes, before or after the command name. Only the top level sets
    defaults, so an option given before the command is not reset by the command's parser."""

    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument(
        "--quiet", action="store_true", default=default(False), help="print results only, no progress"
    )
    parser.add_argument(
        "--debug", action="store_true", default=default(False), help="show tracebacks and debug logs"
    )
    parser.add_argument(
        "--inputs", default=default("inputs"), help="folder with plans.toml (default: inputs)"
    )
    parser.add_argument(
        "--max-input-mb", type=float, default=default(50.0), help="refuse larger files (default 50)"
    )
    return parser


def _build_parser() -> argparse.ArgumentParser:
    common = _common_options(argparse.ArgumentParser(add_help=False), defaults=False)
    parser = _common_options(
        argparse.ArgumentParser(prog="plandiff", description="Compare Chinese five-year plans."),
        defaults=True,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str, handler: Callable[..., int]) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
        sub.set_defaults(handler=handler)
        return sub

    ingest = command("ingest", "print the clean text of a plan file (or JSON with the line map)", _ingest)
    ingest.add_argument("file", help="a file path or a document id from plans.toml")
    ingest.add_argument("--json", action="store_true", help="JSON with lines, source lines and removed lines")

    outline = command(
        "outline", "print the section tree of a plan (or JSON per the outline contract)", _outline
    )
    outline.add_argument("file", help="a file path or a document id from plans.toml")
    outline.add_argument("--json", action="store_true", help="JSON: document, sections, tables")
    outline.add_argument("--depth", type=int, default=0, help="show sections down to this level (0: all)")

    indicators = command(
        "indicators", "list the quantitative indicators (targets and results) of a plan", _indicators
    )
    indicators.add_argument("file", help="a file path or a document id from plans.toml")
    formats = indicators.add_mutually_exclusive_group()
    formats.add_argument("--json", action="store_true", help="JSON rows")
    formats.add_argument("--csv", action="store_true", help="CSV rows (spreadsheet-safe)")
    indicators.add_argument(
        "--projects", action="store_true", help="also list project amounts from 专栏 boxes"
    )

    compare_cmd = command("compare", "align two sides, diff their text and targets", _compare)
    compare_cmd.add_argument("old", help="old side: a path, an id, or comma-separated ids/paths")
    compare_cmd.add_argument("new", help="new side: a path, an id, or comma-separated ids/paths")
    compare_cmd.add_argument("--json", action="store_true", help="print the comparison as JSON")
    compare_cmd.add_argument("--out", help="also write comparison.json into this folder")
    compare_cmd.add_argument("--overrides", help="TOML file pinning or forbidding section pairs")
    compare_cmd.add_argument("--ignore-punctuation", action="store_true", help="redlines ignore punctuation")

    report = command(
        "report", "compare and render every comparison of the config (PDF, XLSX, HTML, JSON)", _report
    )
    _rendering_options(report)
    report.add_argument(
        "--only", action="append", default=[], help="render only this comparison id (repeatable)"
    )

    ci = command("ci", "process only what changed in the inputs; write reports, summary.md and ci.json", _ci)
    _rendering_options(ci)
    ci.add_argument("--store", help="corpus store (default: OUT/plandiff.duckdb)")
    ci.add_argument(
        "--fail-on",
        action="append",
        default=[],
        choices=sorted(CHECKS),
        help="exit 3 when this check fails (repeatable)",
    )

    export = command("export", "write the corpus store's tables (Parquet)", _export)
    export.add_argument("--store", default="output/plandiff.duckdb", help="corpus store")
    export.add_argument("--parquet", required=True, help="folder for one .parquet file per table")

    corpus = command(
        "corpus", "many plans at once: target panel, text reuse, topic adoption (incremental)", _corpus
    )
    corpus.add_argument("source", help="a folder of plan files, a folder with plans.toml, or a manifest")
    corpus.add_argument("--out", default="output/corpus", help="output folder (default: output/corpus)")
    corpus.add_argument("--store", help="corpus store (default: OUT/corpus.duckdb)")
    corpus.add_argument(
        "--terms", help="comma-separated terms for topic adoption (default: new quoted terms)"
    )
    corpus.add_argument("--dask", metavar="ADDRESS", help="run on a Dask cluster (tcp://host:8786)")

    documents = command("documents", "list the documents of the manifest with their metadata", _documents)
    documents.add_argument("--json", action="store_true", help="JSON with the provenance of every field")
    return parser


def _rendering_options(sub: argparse.ArgumentParser) -> None:
    """Options of the commands that render reports (report, ci): defined once, meaning the same."""
    sub.add_argument("--config", help="manifest with [[comparison]] tables (default: INPUTS/plans.toml)")
    sub.add_argument("--out", default="output", help="output folder (default: output)")
    sub.add_argument("--templates", help="templates folder (default: report_templates)")
    sub.add_argument("--date", help="run date shown in reports (default: SOURCE_DATE_EPOCH or today)")


def _manifest_and_templates(args: argparse.Namespace) -> tuple[Manifest, Path]:
    manifest = load_manifest(Path(args.config) if args.config else Path(args.inputs) / MANIFEST_NAME)
    return manifest, Path(args.templates) if args.templates else default_templates()


def _ingest(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    meta = resolve_document(args.file, args.inputs)
    clean = ingest_file(meta.path, settings)
    if args.json:
        payload = {
            "path": clean.path,
            "format": clean.format.value,
            "encoding": clean.encoding,
            "lines": [asdict(line) for line in clean.lines],
            "removed": [asdict(line) for line in clean.removed],
        }
        _print_json(payload, out)
    else:
        out.write(clean.text + "\n")
    return EXIT_OK


def _outline(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    document = load_document(resolve_document(args.file, args.inputs), settings)
    if args.json:
        _print_json(outline_to_dict(document), out)
    else:
        out.write(render_outline(document, args.depth))
    return EXIT_OK


def _report(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    manifest, templates = _manifest_and_templates(args)

    def progress(number: int, total: int, name: str) -> None:
        if not args.quiet:
            print(f"[{number}/{total}] {name}", file=sys.stderr, flush=True)

    result = run_reports(
        manifest,
        Path(args.out),
        templates,
        settings,
        run_date=run_date(args.date),
        only=tuple(args.only),
        progress=progress,
    )
    for name, reason in result.failed.items():
        print(f"plandiff: error: comparison {name}: {reason}", file=sys.stderr)
    if not args.quiet:
        print(f"wrote {len(result.written)} files under {args.out}", file=sys.stderr)
    return EXIT_BAD_INPUT if result.failed else EXIT_OK


def default_templates() -> Path:
    """report_templates/ in the working folder, else the one beside the package."""
    local = Path("report_templates")
    return local if local.is_dir() else Path(__file__).resolve().parent.parent / "report_templates"


def run_date(date: str | None) -> str:
    """The date reports show: --date, else SOURCE_DATE_EPOCH (reproducible builds), else today."""
    if date:
        return date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date().isoformat()
    return datetime.now(tz=UTC).date().isoformat()


def _ci(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    manifest, templates = _manifest_and_templates(args)
    folder = Path(args.out)

    def progress(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    with Store(Path(args.store) if args.store else folder / "plandiff.duckdb") as store:
        result = run_ci(
            manifest,
            store,
            folder,
            templates,
            settings,
            run_date=run_date(args.date),
            fail_on=args.fail_on,
            progress=progress,
        )
    for name, reason in result.failed.items():
        print(f"plandiff: error: {name}: {reason}", file=sys.stderr)
    for name, reasons in result.checks_failed.items():
        for reason in reasons:
            print(f"plandiff: check failed: {name}: {reason}", file=sys.stderr)
    if not args.quiet:
        if result.nothing_to_do:
            print("nothing changed: no document parsed, no report rendered", file=sys.stderr)
        else:
            print(
                f"parsed {len(result.added) + len(result.changed)} document(s), rendered "
                f"{len(result.rendered)} comparison(s); see {folder / 'summary.md'}",
                file=sys.stderr,
            )
    return exit_code(result)


def _corpus(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    from .corpus.build import build_corpus

    def progress(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    terms = [t.strip() for t in args.terms.split(",") if t.strip()] if args.terms else None
    result = build_corpus(
        args.source,
        args.out,
        store=args.store,
        settings=settings,
        terms=terms,
        dask=args.dask,
        progress=progress,
    )
    for name, reason in result.failed.items():
        print(f"plandiff: error: {name}: {reason}", file=sys.stderr)
    out.write(
        f"{len(result.analysed)} analysed, {len(result.unchanged)} unchanged, {len(result.removed)} removed; "
        f"{len(result.panel)} panel rows, {len(result.reuse)} reused passages, {len(result.terms)} terms; "
        f"files in {args.out}, store {result.store}\n"
    )
    return EXIT_BAD_INPUT if result.failed else EXIT_OK


def _export(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    with Store(args.store) as store:
        written = store.export_parquet(args.parquet)
    for path in written:
        out.write(f"{path}\n")
    return EXIT_OK


def _compare(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    settings = replace(settings, ignore_punctuation=args.ignore_punctuation)
    sides = []
    for side in (args.old, args.new):
        keys = [key.strip() for key in side.split(",") if key.strip()]
        sides.append([load_document(resolve_document(key, args.inputs), settings) for key in keys])
    overrides = load_overrides(args.overrides) if args.overrides else NO_OVERRIDES
    payload = comparison_to_dict(compare(sides[0], sides[1], settings, overrides))
    if args.out:
        write_json_atomic(Path(args.out) / "comparison.json", payload)
    if args.json:
        _print_json(payload, out)
    else:
        out.write(render_compare_summary(payload))
    return EXIT_OK


def render_compare_summary(payload: dict[str, Any]) -> str:
    """Section pairs and target changes as plain lines."""
    rows = ["sections:"]
    for pair in payload["sections"]:
        old, new = pair["old"], pair["new"]
        left = f"{old['title'] or old['id']} (L{old['line']})" if old else "—"
        right = f"{new['title'] or new['id']} (L{new['line']})" if new else "—"
        rows.append(f"  {pair['relation']:8} {pair['score']:.3f}  {left}  ->  {right}")
    rows.append("targets:")
    for pair in payload["indicators"]:
        old, new, change = pair["old"], pair["new"], pair["change"]
        left = f"{old['name']} {old['value_text']}" if old else "—"
        right = f"{new['name']} {new['value_text']}" if new else "—"
        rows.append(f"  {(change or {}).get('ambition', 'new' if new else 'dropped'):15} {left}  ->  {right}")
    rows.append("summary: " + ", ".join(f"{k} {v}" for k, v in payload["summary"].items()))
    return "\n".join(rows) + "\n"


def _indicators(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    document = load_document(resolve_document(args.file, args.inputs), settings)
    found = extract_indicators(document)
    if args.projects:
        found += extract_project_amounts(document)
    rows = [indicator_to_dict(indicator) for indicator in found]
    if args.json:
        _print_json(rows, out)
    elif args.csv:
        writer = csv.DictWriter(
            out, fieldnames=list(rows[0]) if rows else list(INDICATOR_FIELDS), lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(
            {key: _csv_safe(value) if key in _FREE_TEXT else value for key, value in row.items()}
            for row in rows
        )
    else:
        for row in rows:
            attribute = f" [{row['attribute']}]" if row["attribute"] else ""
            out.write(
                f"L{row['line']}\t{row['role']}\t{row['year'] or '-'}\t{row['name']}\t"
                f"{row['qualifier']} {row['value_text']}{attribute}\n"
            )
    return EXIT_OK


_FREE_TEXT = ("name", "value_text", "normalized_name")


def _csv_safe(value: object) -> object:
    """Document text that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _span(section: Section) -> str:
    """L12-40 for text, HTML and DOCX; p7 L3 – p9 L5 for a PDF (lines count within their page)."""
    if section.page is None:
        return f"L{section.line}" + (f"-{section.end_line}" if section.end_line != section.line else "")
    end = section.end_page or section.page
    if (end, section.end_line) == (section.page, section.line):
        return f"p{section.page} L{section.line}"
    tail = f"L{section.end_line}" if end == section.page else f"p{end} L{section.end_line}"
    return f"p{section.page} L{section.line}-{tail}"


def render_outline(document: Document, depth: int = 0) -> str:
    """The outline as an indented tree; synthetic sections (lost headings) are marked with *."""
    meta = document.meta
    rows = [
        f"{meta.title or meta.id}  [{meta.place or '?'} · 第{meta.period or '?'}个五年 · {meta.kind or '?'}]"
    ]
    for section in document.sections:
        if depth and section.level > depth:
            continue
        mark = "*" if section.synthetic else " "
        heading = (
            " ".join(part for part in (section.label, section.title or "") if part) or section.kind.value
        )
        span = _span(section)
        rows.append(f"{'  ' * (section.level - 1)}{mark}{heading}  [{section.kind.value} {span}]")
    if any(s.synthetic for s in document.sections):
        rows.append("* heading lost in the source; section recovered from numbering or layout")
    return "\n".join(rows) + "\n"


def _documents(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    manifest = load_manifest(Path(args.inputs) / MANIFEST_NAME)
    rows: list[dict[str, Any]] = []
    for n, meta in enumerate(manifest.documents.values(), start=1):
        if not args.quiet:
            print(f"[{n}/{len(manifest.documents)}] {meta.id}", file=sys.stderr)
        rows.append(meta_to_dict(load_document(meta, settings).meta))
    if args.json:
        _print_json(rows, out)
        return EXIT_OK
    for row in rows:
        out.write(
            f"{row['id']}\t{row['place']}\t{row['level']}\t{row['period']}\t{row['kind']}\t"
            f"{row['date']}\t{row['title']}\n"
        )
        for name, prov in row["provenance"].items():
            if prov["source"] != "manifest":
                line = f" line {prov['line']}" if prov["line"] else ""
                out.write(f"    {name} inferred from text{line}: {prov['evidence']}\n")
    return EXIT_OK


def _print_json(payload: Any, out: TextIO) -> None:
    out.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")
