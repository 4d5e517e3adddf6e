"""warehouse/connection.py is the only module of the shipped packages that opens DuckDB."""
from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO_ROOT

PACKAGES = ("etl", "warehouse", "dashboard")
CONNECTION = REPO_ROOT / "warehouse" / "connection.py"


def _opens_duckdb(path: Path) -> list[int]:
    """Line numbers of `duckdb.connect(...)` calls and `from duckdb import connect` in one module."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect":
            if isinstance(node.func.value, ast.Name) and node.func.value.id == "duckdb":
                lines.append(node.lineno)
        if isinstance(node, ast.ImportFrom) and node.module == "duckdb":
            lines.extend(node.lineno for alias in node.names if alias.name == "connect")
    return lines


def test_only_the_connection_module_calls_duckdb_connect():
    offenders = {
        str(path.relative_to(REPO_ROOT)): found
        for package in PACKAGES
        for path in sorted((REPO_ROOT / package).rglob("*.py"))
        if path != CONNECTION and (found := _opens_duckdb(path))
    }
    assert offenders == {}
    assert _opens_duckdb(CONNECTION)
