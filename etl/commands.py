"""What each `python -m etl` subcommand does; the argument parsing lives in etl/__main__.py."""
from __future__ import annotations

import json
import sys
from argparse import Namespace
from pathlib import Path

import duckdb

from etl import ingest, load
from warehouse.build import publish

EXIT_OK, EXIT_REJECTS, EXIT_FAILED = 0, 1, 2


class CommandError(Exception):
    """A command cannot run: a missing or unreadable input or warehouse. One line on stderr, exit code 2."""


def _outcome(rejected: int, failed: int) -> int:
    """The exit code the README promises: 2 a file could not be read, 1 some rows rejected, 0 clean."""
    return EXIT_FAILED if failed else EXIT_REJECTS if rejected else EXIT_OK


def _require_readable(paths: list[Path], suffixes: set[str] | None = None) -> None:
    """Stop before the warehouse is touched when a path given on the command line cannot be read."""
    problems = [f"{path}: {problem}" for path in paths if (problem := ingest.unreadable(path))]
    if suffixes:
        wanted = ", ".join(sorted(suffixes))
        problems += [
            f"{path}: not an article file ({wanted})"
            for path in paths
            if path.is_file() and path.suffix.lower() not in suffixes
        ]
    if problems:
        raise CommandError("; ".join(problems))


def number(value: int) -> str:
    """Thousands grouped with a space, as Ukrainian readers write them: 1 469."""
    return f"{value:,}".replace(",", " ")


def percent(part: int, whole: int) -> str:
    """A share to one decimal with a decimal comma, as Ukrainian readers write it: 98,4 (0 of nothing)."""
    return f"{100 * part / whole:.1f}".replace(".", ",") if whole else "0"


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _has_reference(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute("select count(*) from ref_hromada").fetchall()[0][0] > 0


def _ensure_reference(con: duckdb.DuckDBPyConnection, refresh: bool = False) -> None:
    if refresh or not _has_reference(con):
        from etl.reference.build import build_reference

        counts = build_reference(con, progress=sys.stderr.isatty())
        _say("reference: " + ", ".join(f"{name} {number(count)}" for name, count in counts.items()))
    load.write_vocabulary(con)


def _gazetteer(con: duckdb.DuckDBPyConnection | None):
    from etl.reference.gazetteer import Gazetteer

    return Gazetteer.load(con)


def _print_registry_summary(summary: ingest.IngestSummary, rejects: list[tuple]) -> None:
    state = " (unchanged since last import)" if summary.unchanged else ""
    if summary.replaced_count:
        rows = "row" if summary.replaced_count == 1 else "rows"
        state = f" (replaces {number(summary.replaced_count)} {rows} of an earlier version)"
    if summary.failed:
        _say(f"{summary.source_file}: could not be read — {summary.messages[0]}{state}")
        return
    _say(
        f"{summary.source_file}: read {number(summary.read_count)}, loaded {number(summary.loaded_count)}, "
        f"rejected {number(summary.rejected_count)}{state}"
    )
    for message in summary.messages:
        _say(f"  warning: {message}")
    for row_number, column, value, reason in rejects:
        where = f"row {row_number}" if row_number else "file"
        shown = f" = {value!r}" if value not in (None, "") else ""
        _say(f"  {where}, column {column or '—'}{shown}: {reason}")


def _ingest_registers(con, files: list[Path], gazetteer) -> tuple[int, int]:
    """Import each register and print its report; returns (rejected rows, files that could not be read)."""
    rejected_total = failed = 0
    for path in files:
        summary = ingest.ingest_registry(con, path, gazetteer)
        rejects = con.execute(
            "select row_number, column_name, value, reason from raw_rejects "
            "where source_kind = $kind and source_file = $file order by row_number nulls first, column_name",
            {"kind": ingest.SOURCE_KIND, "file": summary.source_file},
        ).fetchall()
        _print_registry_summary(summary, rejects)
        if not summary.reconciles():
            raise AssertionError(f"{path}: read {summary.read_count} != loaded + rejected")
        rejected_total += summary.rejected_count
        failed += int(summary.failed)
    return rejected_total, failed


def _ingest_articles(con, paths: list[Path], gazetteer) -> tuple[int, int]:
    """Import the articles and print the report; returns (rejected articles, files that could not be read)."""
    from etl.ingest_articles import ingest_articles

    result = ingest_articles(con, paths, gazetteer, progress=sys.stderr.isatty())
    _say(
        f"articles: read {number(result.read_count)}, new {number(result.new_count)}, "
        f"already stored {number(result.known_count)}, rejected {number(result.rejected_count)}; "
        f"mentions {number(result.mention_count)}"
    )
    for reject in result.rejects:
        _say(f"  {reject['source_file']}:{reject.get('row_number') or ''} {reject['reason']}")
    return result.rejected_count, len(result.failed_files)


def run_build(args: Namespace) -> int:
    rejected = failed = 0
    with publish(args.db) as con:
        _ensure_reference(con, refresh=args.refresh_reference)
        if not args.no_sample and args.sample_dir.exists():
            gazetteer = _gazetteer(con)
            registers = ingest.registry_files([args.sample_dir])
            rejected, failed = _ingest_registers(con, registers, gazetteer)
            article_dir = args.sample_dir / "articles"
            if article_dir.exists():
                article_rejects, article_failures = _ingest_articles(con, [article_dir], gazetteer)
                rejected, failed = rejected + article_rejects, failed + article_failures
    _report_status(args.db)
    return _outcome(rejected, failed)


def run_reference(args: Namespace) -> int:
    with publish(args.db) as con:
        _ensure_reference(con, refresh=True)
    return EXIT_OK


def run_ingest(args: Namespace) -> int:
    if args.kind == "registry":
        _require_readable(args.files)
    else:
        _require_readable(args.paths, ingest.ARTICLE_SUFFIXES)
    with publish(args.db) as con:
        _ensure_reference(con)
        gazetteer = _gazetteer(con)
        if args.kind == "registry":
            rejected, failed = _ingest_registers(con, ingest.registry_files(args.files), gazetteer)
        else:
            rejected, failed = _ingest_articles(con, args.paths, gazetteer)
    return _outcome(rejected, failed)


def run_extract(args: Namespace) -> int:
    from etl.extract.pipeline import Extractor
    from etl.sources.articles import iter_documents

    _require_readable(args.paths, ingest.ARTICLE_SUFFIXES)
    extractor = Extractor(_gazetteer(None))
    rejects: list = []
    for document in iter_documents(ingest.article_files(args.paths), rejects=rejects):
        for mention in extractor.extract(document):
            record = mention.to_json()
            if args.format == "jsonl":
                print(json.dumps(record, ensure_ascii=False))
            else:
                print(
                    f"{record['ua_party']} ({record['ua_oblast'] or 'Київ'}) — {record['partner']} "
                    f"[{record['partner_country']}] {record['type']}/{record['status']} {record['date'] or ''}"
                )
    for reject in rejects:
        _say(f"  {reject.source_file}:{reject.row_number or ''} {reject.reason}")
    return _outcome(len(rejects), 0)


def run_evaluate(args: Namespace) -> int:
    from etl.evaluate import evaluate, format_report

    _require_readable([args.gold, args.articles])
    if not args.gold.is_file():
        raise CommandError(f"--gold {args.gold}: not a file")
    if not args.articles.is_dir():
        raise CommandError(f"--articles {args.articles}: not a folder")
    print(format_report(evaluate(args.gold, args.articles)))
    return EXIT_OK


STATUS_SQL = """
    select
        (select count(*) from dim_oblast),
        (select count(*) from dim_hromada where is_hromada and not is_crimea),
        (select count(*) from dim_hromada where is_hromada and not is_crimea and has_coordinates),
        (select count(*) from dim_hromada where is_hromada and not is_crimea and has_coordinates
            and geocode_quality <> 'raion_median'),
        (select count(*) from dim_country where name_uk is not null),
        (select count(*) from fct_agreements),
        (select count(*) from fct_agreements where is_domestic),
        (select count(distinct partner_country_code) from fct_agreements where not is_domestic),
        (select count(*) from raw_rejects)
"""


def _report_status(db: Path | None) -> None:
    from warehouse.connection import connect, db_path

    try:
        with connect(db) as con:
            rows = con.execute(STATUS_SQL).fetchall()[0]
    except FileNotFoundError as error:
        raise CommandError(str(error)) from None
    except duckdb.Error as error:
        reason = str(error).splitlines()[0]
        raise CommandError(f"warehouse {db or db_path()} cannot be read ({reason}): run `python -m etl build`") from None
    oblasts, hromadas, geocoded, located, countries, agreements, domestic, partner_countries, rejects = rows
    _say(
        f"warehouse: {number(oblasts)} oblasts, {number(hromadas)} hromadas ({percent(geocoded, hromadas)} % with "
        f"coordinates, {percent(located, hromadas)} % located through GeoNames, the rest at their raion's median), "
        f"{number(countries)} countries; {number(agreements)} agreements ({number(domestic)} domestic, "
        f"{number(partner_countries)} partner countries); {number(rejects)} rejects"
    )


def run_status(args: Namespace) -> int:
    _report_status(args.db)
    return EXIT_OK
