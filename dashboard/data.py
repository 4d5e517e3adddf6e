"""The only cache in the dashboard: one read-only connection per published warehouse build, and frames per query."""
from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from dashboard import geometry
from warehouse import queries
from warehouse.connection import connect, db_path


def version() -> float | None:
    """The published build's modification time; a new build changes it and so every cache key below."""
    path = db_path()
    return path.stat().st_mtime if path.exists() else None


def available() -> bool:
    return version() is not None


def built_at() -> dt.datetime | None:
    """When the published build was made, as the build recorded it (build_info.built_at); the file's modification
    time only for a warehouse that recorded none."""
    if not available():
        return None
    recorded = freshness().get("built_at")
    if recorded:
        return dt.datetime.fromisoformat(recorded)
    return dt.datetime.fromtimestamp(version(), tz=dt.timezone.utc)


@st.cache_resource(show_spinner=False)
def _connection(path: str, build_version: float):
    """One read-only connection per published build. DuckDB hands out the already-open database for a path, so the
    previous build's connection is closed first, or a newly swapped-in file would never be read. (Its cache entry
    stays, closed, but is never asked for again: the key holds the old modification time.)"""
    for stale in _open.pop(path, []):
        stale.close()
    con = connect(path)
    _open[path] = [con]
    return con


_open: dict[str, list] = {}


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(path: str, build_version: float, name: str, *args: Any) -> Any:
    cursor = _connection(path, build_version).cursor()
    try:
        return getattr(queries, name)(cursor, *args)
    finally:
        cursor.close()


# (tolerance in degrees, decimals): the world view shows ~0.1° a pixel, the map of Ukraine ~0.02°
SHAPE_DETAIL = {"country": (0.1, 2), "oblast": (0.005, 3)}


@st.cache_data(max_entries=8, show_spinner=False)
def _shapes(path: str, build_version: float, kind: str) -> dict[str, list]:
    cursor = _connection(path, build_version).cursor()
    try:
        frame = queries.run(cursor, "shapes", kind=kind)
    finally:
        cursor.close()
    tolerance, digits = SHAPE_DETAIL[kind]
    return {code: geometry.light(shape, tolerance, digits) for code, shape in frame.iter_rows()}


def shapes(kind: str) -> dict[str, list]:
    """Light polygons by code for the maps, thinned once per build: kind "country" (alpha-2) or "oblast"."""
    return _shapes(str(db_path()), version(), kind)


def _named(name: str):
    """A cached reader with the signature of warehouse.queries.<name> minus the connection."""
    def read(*args: Any) -> Any:
        return _cached(str(db_path()), version(), name, *args)
    read.__name__ = read.__qualname__ = name
    read.__doc__ = getattr(queries, name).__doc__
    return read


agreements = _named("agreements")  # (filters) -> frame
kpis = _named("kpis")  # (filters, as_of) -> dict
by_oblast = _named("by_oblast")  # (filters) -> frame
by_country = _named("by_country")
by_month = _named("by_month")
by_theme = _named("by_theme")
arcs = _named("arcs")
review_queue = _named("review_queue")  # (filters, min_confidence) -> frame
agreement = _named("agreement")  # (agreement_id) -> dict | None
agreement_events = _named("agreement_events")
agreement_sources = _named("agreement_sources")
options = _named("options")  # (kind) -> frame
freshness = _named("freshness")  # () -> dict
ingest_runs = _named("ingest_runs")
rejects = _named("rejects")
geocode_coverage = _named("geocode_coverage")
