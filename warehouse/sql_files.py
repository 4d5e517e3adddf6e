"""Where the shipped SQL is: sql/ and warehouse/schema.sql, in a checkout and in an installed wheel alike."""
from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

from warehouse.connection import REPO_ROOT


def sql_dir() -> Traversable:
    """The sql/ folder: beside the warehouse package both in a checkout (the top-level folder) and in a wheel
    (the data-only package `sql` installed into site-packages); importlib.resources finds it in other layouts."""
    beside = REPO_ROOT / "sql"
    return beside if beside.is_dir() else resources.files("sql")


def schema_file() -> Traversable:
    """warehouse/schema.sql, the raw-layer DDL, shipped as package data of warehouse."""
    return resources.files("warehouse") / "schema.sql"


def sql_files(folder: Traversable) -> dict[str, Traversable]:
    """The .sql files of one folder by name without the suffix, in name order."""
    found = {entry.name.removesuffix(".sql"): entry for entry in folder.iterdir() if entry.name.endswith(".sql")}
    return dict(sorted(found.items()))
