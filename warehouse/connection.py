"""The only place that opens DuckDB: one setting for the path, read-only for readers."""
from __future__ import annotations

import os
from pathlib import Path

import duckdb

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = REPO_ROOT / "data" / "warehouse" / "partnerships.duckdb"
ENV_VAR = "PARTNERSHIPS_DB"


def db_path() -> Path:
    """The warehouse file: `PARTNERSHIPS_DB` when set, else `data/warehouse/partnerships.duckdb`."""
    configured = os.environ.get(ENV_VAR)
    return Path(configured).expanduser().resolve() if configured else DEFAULT_DB


def connect(path: Path | str | None = None, *, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; readers get a read-only connection, writers must ask for one."""
    target = Path(path) if path is not None else db_path()
    if read_only and not target.exists():
        raise FileNotFoundError(
            f"warehouse {target} does not exist yet: run `python -m etl build` first"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(target), read_only=read_only)


def connect_memory() -> duckdb.DuckDBPyConnection:
    """An in-memory database: the schema blueprint of a build, the extractor's stand-alone runs, tests of readers."""
    return duckdb.connect(":memory:")
