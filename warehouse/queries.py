"""Named, parameterised reads of the marts for the dashboard, each returning a polars frame."""
from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

import duckdb
import polars as pl

from warehouse.sql_files import sql_dir, sql_files

QUERY_DIR = sql_dir() / "queries"
FILTERED = "filtered_agreements"
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")

# The shared filter panel's parameters and their "no filter" values.
NO_FILTERS: dict[str, Any] = {
    "oblast_codes": [],
    "raion_codes": [],
    "hromada_codes": [],
    "country_codes": [],
    "themes": [],
    "types": [],
    "statuses": [],
    "programmes": [],
    "partner_kind": None,
    "date_from": None,
    "date_to": None,
}


@cache
def query_text(name: str) -> str:
    """The SQL of sql/queries/<name>.sql, with `filtered_agreements` inlined as a leading CTE when used."""
    text = (QUERY_DIR / f"{name}.sql").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    if name == FILTERED or not re.search(rf"\b{FILTERED}\b", body):
        return body
    base = query_text(FILTERED)
    lead = f"with {FILTERED} as (\n{base}\n)"
    stripped = body.lstrip()
    if stripped.lower().startswith("with "):
        return f"{lead},\n{stripped[5:]}"
    return f"{lead}\n{stripped}"


def run(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> pl.DataFrame:
    """Run one named query with the parameters it mentions (extra ones are dropped, missing filters default)."""
    sql = query_text(name)
    wanted = set(_PARAM.findall(sql))
    values = {**NO_FILTERS, **params}
    missing = wanted - values.keys()
    if missing:
        raise TypeError(f"query {name} needs parameters {sorted(missing)}")
    return con.sql(sql, params={key: values[key] for key in wanted}).pl()


def agreements(con, filters: dict) -> pl.DataFrame:
    return run(con, "agreements", **filters)


def kpis(con, filters: dict, as_of: dt.date) -> dict[str, Any]:
    return run(con, "kpis", **filters, as_of=as_of).row(0, named=True)


def by_oblast(con, filters: dict) -> pl.DataFrame:
    return run(con, "by_oblast", **filters)


def by_country(con, filters: dict) -> pl.DataFrame:
    return run(con, "by_country", **filters)


def by_month(con, filters: dict) -> pl.DataFrame:
    return run(con, "by_month", **filters)


def by_theme(con, filters: dict) -> pl.DataFrame:
    return run(con, "by_theme", **filters)


def arcs(con, filters: dict) -> pl.DataFrame:
    return run(con, "arcs", **filters)


def review_queue(con, filters: dict, min_confidence: float) -> pl.DataFrame:
    return run(con, "review_queue", **filters, min_confidence=min_confidence)


def agreement(con, agreement_id: str) -> dict[str, Any] | None:
    frame = run(con, "agreement", agreement_id=agreement_id)
    return frame.row(0, named=True) if frame.height else None


def agreement_events(con, agreement_id: str) -> pl.DataFrame:
    return run(con, "agreement_events", agreement_id=agreement_id)


def agreement_sources(con, agreement_id: str) -> pl.DataFrame:
    return run(con, "agreement_sources", agreement_id=agreement_id)


def options(con, kind: str) -> pl.DataFrame:
    """Choices for the filter panel: oblast, raion, hromada, country, theme or value (type/status/programme/dates)."""
    return run(con, f"{kind}_options")


def freshness(con) -> dict[str, Any]:
    return run(con, "freshness").row(0, named=True)


def ingest_runs(con) -> pl.DataFrame:
    return run(con, "ingest_runs")


def rejects(con) -> pl.DataFrame:
    return run(con, "rejects")


def geocode_coverage(con) -> pl.DataFrame:
    return run(con, "geocode_coverage")


def query_names() -> list[str]:
    return list(sql_files(QUERY_DIR))
