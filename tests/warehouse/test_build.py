"""Atomic publication, idempotent ingest and the per-row report of a malformed register."""
from __future__ import annotations

import shutil
import subprocess
import sys
import threading

import duckdb
import pytest

import warehouse.build
from etl.__main__ import main as etl_main
from tests.conftest import REPO_ROOT, WORLD
from warehouse.build import publish


def counts(path):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(
            "select (select count(*) from raw_mentions), (select count(*) from raw_rejects), "
            "(select count(*) from raw_ingest_runs), (select count(*) from fct_agreements)"
        ).fetchone()


def test_reingesting_same_files_adds_no_rows(scratch_db):
    files = [str(WORLD / "register_main.csv"), str(WORLD / "register_1251_semicolon.csv")]
    etl_main(["ingest", "registry", *files, "--db", str(scratch_db)])
    first = counts(scratch_db)
    etl_main(["ingest", "registry", *files, "--db", str(scratch_db)])
    assert counts(scratch_db) == first
    assert first[0] == 8 and first[3] == 7


def test_malformed_register_reports_each_row_and_loads_the_good_ones(scratch_db, capsys):
    code = etl_main(["ingest", "registry", str(WORLD / "register_malformed.csv"), "--db", str(scratch_db)])
    report = capsys.readouterr().err
    assert code == 1
    assert "read 4, loaded 1, rejected 3" in report
    assert "row 2, column Дата підписання" in report
    assert "row 3, column Громада" in report
    assert "row 4, column Країна" in report
    with duckdb.connect(str(scratch_db), read_only=True) as con:
        loaded = con.execute("select partner_name_uk, event_date from raw_mentions").fetchall()
        rejected_rows = con.execute("select distinct row_number from raw_rejects order by 1").fetchall()
        run = con.execute("select read_count, loaded_count, rejected_count from raw_ingest_runs").fetchone()
    assert loaded == [("Холм", "2019-09-14")]
    assert rejected_rows == [(2,), (3,), (4,)]
    assert run == (4, 1, 3)


def test_failed_build_leaves_the_previous_warehouse_serving(scratch_db, tmp_path, monkeypatch):
    before = counts(scratch_db)
    broken = tmp_path / "sql"
    shutil.copytree(warehouse.build.SQL_DIR, broken)
    (broken / "marts" / "zz_broken.sql").write_text("select * from no_such_table", encoding="utf-8")
    monkeypatch.setattr(warehouse.build, "SQL_DIR", broken)
    with pytest.raises(RuntimeError, match="zz_broken"):
        etl_main(["ingest", "registry", str(WORLD / "register_main.csv"), "--db", str(scratch_db)])
    assert counts(scratch_db) == before
    assert not list(scratch_db.parent.glob(".*building*"))


def test_open_reader_keeps_its_snapshot_while_a_new_build_is_published(scratch_db):
    reader = duckdb.connect(str(scratch_db), read_only=True)
    try:
        etl_main(["ingest", "registry", str(WORLD / "register_main.csv"), "--db", str(scratch_db)])
        assert reader.execute("select count(*) from fct_agreements").fetchone()[0] == 0
    finally:
        reader.close()
    assert counts(scratch_db)[3] == 6


def test_unreadable_register_is_reported_and_kept_as_a_file_level_reject(scratch_db, capsys):
    broken = WORLD.parent / "registry" / "missing_country.csv"
    code = etl_main(["ingest", "registry", str(broken), "--db", str(scratch_db)])
    report = capsys.readouterr().err
    assert code == 2
    assert "could not be read" in report and "missing_country.csv" in report
    with duckdb.connect(str(scratch_db), read_only=True) as con:
        rejects = con.execute("select row_number, reason from raw_rejects").fetchall()
        mentions = con.execute("select count(*) from raw_mentions").fetchone()[0]
        run = con.execute("select read_count, loaded_count, rejected_count from raw_ingest_runs").fetchall()
    assert len(rejects) == 1 and rejects[0][0] is None
    assert mentions == 0
    assert run == [(1, 0, 1)]


def test_build_adds_columns_an_older_warehouse_lacks(scratch_db):
    with duckdb.connect(str(scratch_db)) as con:
        con.execute("alter table raw_mentions drop column notes")
    code = etl_main(["ingest", "registry", str(WORLD / "register_main.csv"), "--db", str(scratch_db)])
    assert code == 0
    with duckdb.connect(str(scratch_db), read_only=True) as con:
        columns = {row[0] for row in con.execute("describe raw_mentions").fetchall()}
    assert "notes" in columns


def test_the_most_precise_of_compatible_dates_wins(scratch_db, tmp_path):
    register = tmp_path / "two_reports.csv"
    register.write_text(
        "Громада,Область,Партнер,Країна,Тип документа,Статус,Дата підписання\n"
        "Вінницька,Вінницька,Карлсруе,Німеччина,Договір про побратимство,Підписано,04.2023\n"
        "Вінницька міська,Вінницька,Карлсруе,DE,Договір про побратимство,Підписано,22.04.2023\n",
        encoding="utf-8",
    )
    assert etl_main(["ingest", "registry", str(register), "--db", str(scratch_db)]) == 0
    with duckdb.connect(str(scratch_db), read_only=True) as con:
        dates = con.execute(
            "select signed_date::varchar, first_event_date::varchar, source_count, mention_count from fct_agreements"
        ).fetchall()
    assert dates == [("2023-04-22", "2023-04-22", 1, 2)]


def test_a_second_writer_waits_for_the_first_and_both_updates_land(scratch_db):
    waiting, failures = threading.Event(), []

    def second_writer():
        try:
            with publish(scratch_db, on_wait=lambda message: waiting.set()) as con:
                con.execute("insert into build_info values ('second_writer', 'landed')")
        except BaseException as error:  # reported by the assertion below
            failures.append(error)

    with publish(scratch_db) as con:
        con.execute("insert into build_info values ('first_writer', 'landed')")
        thread = threading.Thread(target=second_writer)
        thread.start()
        while thread.is_alive() and not waiting.wait(0.05):
            pass  # the second writer either waits for this one (the lock) or, unlocked, swaps in first
    thread.join()
    assert failures == [] and waiting.is_set()
    with duckdb.connect(str(scratch_db), read_only=True) as con:
        landed = con.execute("select key from build_info where value = 'landed' order by key").fetchall()
    assert landed == [("first_writer",), ("second_writer",)]


def test_two_parallel_register_imports_both_land(scratch_db):
    registers = [WORLD / "register_main.csv", WORLD / "register_1251_semicolon.csv"]
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "etl", "ingest", "registry", str(register), "--db", str(scratch_db)],
            cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for register in registers
    ]
    outcomes = [(run.communicate()[1], run.returncode) for run in runs]
    assert [code for _, code in outcomes] == [0, 0], outcomes
    with duckdb.connect(str(scratch_db), read_only=True) as con:
        loaded = dict(con.execute("select source_ref, count(*) from raw_mentions group by 1").fetchall())
    assert loaded == {
        "tests/fixtures/world/register_main.csv": 6, "tests/fixtures/world/register_1251_semicolon.csv": 2}
