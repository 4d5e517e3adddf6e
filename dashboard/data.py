"""The only cache in the dashboard: one read-only connection per published warehouse build, and frames per query."""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import streamlit as st

from dashboard import geometry
from warehouse import queries
from warehouse.connection import connect, db_path

if TYPE_CHECKING:
    import duckdb


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


class Builds:
    """The read-only connection to the published build of each warehouse path, shared by every session's threads
    (each query on its own cursor) and swapped when a newer build is published.

    DuckDB hands out the database already open for a path, so a newly swapped-in file is read only once the previous
    build's connection is closed, and closing it under a running query would break that query. So the swap waits,
    under one lock, until no query runs on the old connection (new queries wait for the new one meanwhile); only a
    query still running after `drain_s` seconds is cut short."""

    def __init__(self, drain_s: float = 30.0) -> None:
        self._lock = threading.Condition()
        self._open: dict[str, tuple[float, duckdb.DuckDBPyConnection]] = {}
        self._running: dict[int, int] = {}  # id(connection) -> queries running on it
        self._swapping: set[str] = set()
        self._drain_s = drain_s

    @contextmanager
    def cursor(self, path: str, build_version: float) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on the build `build_version` of `path`, or a newer one when that is already open."""
        with self._lock:
            con = self._current(path, build_version)
            self._running[id(con)] = self._running.get(id(con), 0) + 1
        try:
            cursor = con.cursor()
            try:
                yield cursor
            finally:
                cursor.close()
        finally:
            with self._lock:
                self._running[id(con)] -= 1
                self._lock.notify_all()

    def _current(self, path: str, build_version: float) -> duckdb.DuckDBPyConnection:
        """Called holding the lock."""
        while path in self._swapping:
            self._lock.wait()
        opened = self._open.get(path)
        if opened and opened[0] >= build_version:
            return opened[1]
        self._swapping.add(path)
        try:
            if opened:
                stale = opened[1]
                self._lock.wait_for(lambda: not self._running.get(id(stale)), timeout=self._drain_s)
                self._running.pop(id(stale), None)
                stale.close()
            con = connect(path)
            self._open[path] = (build_version, con)
            return con
        finally:
            self._swapping.discard(path)
            self._lock.notify_all()


BUILDS = Builds()


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(path: str, build_version: float, name: str, *args: Any) -> Any:
    with BUILDS.cursor(path, build_version) as cursor:
        return getattr(queries, name)(cursor, *args)


# (tolerance in degrees, decimals): the world view shows ~0.1° a pixel, the map of Ukraine ~0.02°
SHAPE_DETAIL = {"country": (0.1, 2), "oblast": (0.005, 3)}


@st.cache_data(max_entries=8, show_spinner=False)
def _shapes(path: str, build_version: float, kind: str) -> dict[str, list]:
    with BUILDS.cursor(path, build_version) as cursor:
        frame = queries.run(cursor, "shapes", kind=kind)
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
