"""Warehouse speed: the SQL models over the sample data, and a register import end to end."""
from __future__ import annotations

import shutil

import duckdb

from etl.__main__ import main as etl_main
from tests.conftest import REPO_ROOT
from warehouse.build import run_models


def test_sql_models_over_the_sample_warehouse(benchmark, built_warehouse, tmp_path):
    copy = tmp_path / "bench.duckdb"
    shutil.copy2(built_warehouse, copy)
    con = duckdb.connect(str(copy))
    built = benchmark(run_models, con)
    assert "fct_agreements" in built
    con.close()


def test_sample_register_import_end_to_end(benchmark, reference_db, tmp_path):
    register = REPO_ROOT / "data" / "sample" / "registry.csv"

    def import_once():
        target = tmp_path / "import.duckdb"
        shutil.copy2(reference_db, target)
        return etl_main(["ingest", "registry", str(register), "--db", str(target)])

    assert benchmark.pedantic(import_once, rounds=3, iterations=1) == 0
