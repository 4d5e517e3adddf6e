"""Runs sql/ layer by layer (staging views, intermediate views, mart tables) and publishes atomically."""
from __future__ import annotations

import fcntl
import os
import re
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from graphlib import TopologicalSorter
from pathlib import Path

import duckdb

from warehouse.connection import connect, connect_memory, db_path
from warehouse.sql_files import schema_file, sql_dir, sql_files

SQL_DIR = sql_dir()
SCHEMA_FILE = schema_file()
LAYERS: tuple[tuple[str, str], ...] = (
    ("staging", "view"),
    ("intermediate", "view"),
    ("marts", "table"),
)


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw layer, and add the columns a warehouse built by an older version lacks."""
    ddl = SCHEMA_FILE.read_text(encoding="utf-8")
    con.execute(ddl)
    with connect_memory() as blueprint:
        blueprint.execute(ddl)
        wanted = blueprint.execute(COLUMNS_SQL).fetchall()
    present = set(con.execute(COLUMNS_SQL).fetchall())
    for table, column, data_type in wanted:
        if (table, column, data_type) not in present:
            con.execute(f'alter table {table} add column if not exists "{column}" {data_type}')


COLUMNS_SQL = (
    "select table_name, column_name, data_type from information_schema.columns "
    "where table_schema = 'main' and table_name in "
    "(select table_name from information_schema.tables where table_type = 'BASE TABLE')"
)


def layer_models(layer: str) -> dict[str, str]:
    """The models of one layer, name -> SQL text, from sql/<layer>/*.sql."""
    return {name: entry.read_text(encoding="utf-8") for name, entry in sql_files(SQL_DIR / layer).items()}


def build_order(models: dict[str, str]) -> list[str]:
    """Models ordered so that each comes after the models of its own layer that it reads."""
    graph = {
        name: {other for other in models if other != name and re.search(rf"\b{other}\b", sql)}
        for name, sql in models.items()
    }
    return list(TopologicalSorter(graph).static_order())


def run_models(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create every model in layer order; returns the names built."""
    built: list[str] = []
    for layer, materialisation in LAYERS:
        models = layer_models(layer)
        for name in build_order(models):
            body = models[name].strip().rstrip(";")
            try:
                con.execute(f"create or replace {materialisation} {name} as\n{body}")
            except duckdb.Error as error:
                raise RuntimeError(f"sql/{layer}/{name}.sql failed: {error}") from error
            built.append(name)
    return built


def _record_build(con: duckdb.DuckDBPyConnection) -> None:
    built_at = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    con.execute(
        "insert or replace into build_info values ('built_at', $built_at)",
        {"built_at": built_at},
    )


def _say(message: str) -> None:
    print(message, file=sys.stderr)


@contextmanager
def writer_lock(final: Path, on_wait: Callable[[str], None] = _say) -> Iterator[None]:
    """Hold the exclusive lock `<db>.lock` of a warehouse; a second writer waits for it, saying so once."""
    lock_path = final.with_name(f"{final.name}.lock")
    with lock_path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait(f"waiting for another writer of {final} to finish (lock {lock_path.name}) …")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def publish(
    target: Path | str | None = None, on_wait: Callable[[str], None] = _say
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Write into a copy of the warehouse, rebuild the models, then swap the copy in.

    Readers keep seeing the previous file until the swap; if anything fails the copy is
    discarded and the previous warehouse keeps serving. Writers take turns: the whole
    copy–write–swap holds `<db>.lock`, so a second writer starts from the first one's result
    instead of overwriting it (on_wait tells the user it is waiting).
    """
    final = Path(target) if target is not None else db_path()
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = final.with_name(f".{final.stem}.building-{os.getpid()}-{threading.get_ident()}{final.suffix}")
    with writer_lock(final, on_wait):
        staging.unlink(missing_ok=True)
        if final.exists():
            shutil.copy2(final, staging)
        con = connect(staging, read_only=False)
        try:
            apply_schema(con)
            yield con
            run_models(con)
            _record_build(con)
            con.execute("checkpoint")
            con.close()
            os.replace(staging, final)
        except BaseException:
            con.close()
            staging.unlink(missing_ok=True)
            raise
