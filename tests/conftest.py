"""Session-wide worlds built by the real ETL and the real sql/ models, shared across xdist workers."""
from __future__ import annotations

import fcntl
import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from etl.__main__ import main as etl_main

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = REPO_ROOT / "tests" / "fixtures"
WORLD = FIXTURES / "world"


def _built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """Build `name` once for the whole run (every xdist worker waits for the first one)."""
    root = tmp_path_factory.getbasetemp()
    shared = root.parent if root.name.startswith("popen-gw") else root
    target = shared / f"{name}.duckdb"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not target.exists():
            partial = target.with_name(f"{name}.partial.duckdb")
            partial.unlink(missing_ok=True)
            build(partial)
            partial.rename(target)
    return target


def _copy_of(source: Path, target: Path) -> Path:
    shutil.copy2(source, target)
    return target


@pytest.fixture(scope="session")
def reference_db(tmp_path_factory) -> Path:
    """A warehouse holding only the reference layer, from the real packages."""
    return _built_once(
        tmp_path_factory, "reference", lambda path: etl_main(["build", "--no-sample", "--db", str(path)])
    )


@pytest.fixture(scope="session")
def world_db(tmp_path_factory, reference_db) -> Path:
    """The hand-written fixture world (tests/fixtures/world) loaded through the CLI."""

    def build(path: Path) -> None:
        _copy_of(reference_db, path)
        etl_main(
            [
                "ingest", "registry",
                str(WORLD / "register_main.csv"), str(WORLD / "register_1251_semicolon.csv"),
                "--db", str(path),
            ]
        )

    return _built_once(tmp_path_factory, "world", build)


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory, reference_db) -> Path:
    """The warehouse `make run` serves: reference layer plus the embedded sample data."""

    def build(path: Path) -> None:
        _copy_of(reference_db, path)
        etl_main(["build", "--db", str(path)])

    return _built_once(tmp_path_factory, "sample", build)


@pytest.fixture
def world(world_db) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(world_db), read_only=True)
    yield con
    con.close()


@pytest.fixture
def sample(built_warehouse) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(built_warehouse), read_only=True)
    yield con
    con.close()


@pytest.fixture
def scratch_db(tmp_path, reference_db) -> Path:
    """A private writable copy of the reference-only warehouse."""
    return _copy_of(reference_db, tmp_path / "scratch.duckdb")
