"""A non-editable install ships sql/ and warehouse/schema.sql, and the build finds them there."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

from tests.conftest import REPO_ROOT

SHIPPED = ("pyproject.toml", "README.md", "etl", "warehouse", "dashboard", "sql")
BUILD_FROM_THE_INSTALL = """
import sys
from pathlib import Path
import warehouse.build as build
assert Path(build.__file__).is_relative_to(sys.argv[1]), build.__file__
with build.publish(Path(sys.argv[2])) as con:
    pass
with build.connect(Path(sys.argv[2])) as con:
    print(con.execute("select count(*) from information_schema.tables where table_name like 'fct_%'").fetchone()[0])
"""


def test_an_installed_copy_ships_the_sql_models_and_builds_from_them(tmp_path):
    source, site = tmp_path / "source", tmp_path / "site"
    source.mkdir()
    for name in SHIPPED:
        if (REPO_ROOT / name).is_dir():
            shutil.copytree(REPO_ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(REPO_ROOT / name, source / name)
    # setuptools' build_py lays out exactly the importable files a wheel installs into site-packages
    subprocess.run(
        [sys.executable, "-c", "from setuptools import setup; setup()", "-q", "build_py", "--build-lib", str(site)],
        cwd=source, check=True, capture_output=True,
    )
    shipped = {path.relative_to(site).as_posix() for path in site.rglob("*.sql")}
    expected = {path.relative_to(REPO_ROOT).as_posix() for path in (REPO_ROOT / "sql").rglob("*.sql")}
    assert expected <= shipped and "warehouse/schema.sql" in shipped
    run = subprocess.run(
        [sys.executable, "-c", BUILD_FROM_THE_INSTALL, str(site), str(tmp_path / "w.duckdb")],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(site)}, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    assert int(run.stdout) == len(list((REPO_ROOT / "sql" / "marts").glob("fct_*.sql")))
