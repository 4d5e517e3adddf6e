"""How ingested inputs are named and keyed in the raw layer and the marts."""
from __future__ import annotations

import shutil

import duckdb

from etl.__main__ import main as etl_main
from tests.conftest import FIXTURES, REPO_ROOT, WORLD


def distinct(path, sql) -> set:
    with duckdb.connect(str(path), read_only=True) as con:
        return {row[0] for row in con.execute(sql).fetchall()}


def test_register_paths_inside_the_repository_are_stored_relative_to_it(scratch_db, tmp_path):
    outside = shutil.copy(WORLD / "register_1251_semicolon.csv", tmp_path / "outside.csv")
    inside = (WORLD / "register_main.csv").resolve()
    assert etl_main(["ingest", "registry", str(inside), str(outside), "--db", str(scratch_db)]) == 0
    expected = {"tests/fixtures/world/register_main.csv", str(tmp_path.resolve() / "outside.csv")}
    assert distinct(scratch_db, "select source_file from raw_ingest_runs") == expected
    assert distinct(scratch_db, "select source_ref from raw_mentions") == expected
    assert distinct(scratch_db, "select source_ref from fct_agreement_sources") == expected


def test_article_paths_inside_the_repository_are_stored_relative_to_it(scratch_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the path given on the command line is absolute, the working folder elsewhere
    article = FIXTURES / "articles" / "001-lutsk-lublin-memorandum.txt"
    assert etl_main(["ingest", "articles", str(article.resolve()), "--db", str(scratch_db)]) == 0
    relative = str(article.relative_to(REPO_ROOT))
    assert distinct(scratch_db, "select source from raw_documents") == {relative}
    assert distinct(scratch_db, "select source_file from raw_ingest_runs") == {relative}
    assert distinct(scratch_db, "select source_ref from raw_mentions") == {relative}
    assert distinct(scratch_db, "select source_ref from fct_agreement_sources") == {relative}
