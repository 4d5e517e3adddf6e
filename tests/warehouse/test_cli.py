"""The CLI's exit codes and errors, as the README states them: 0 clean, 1 rows rejected, 2 a file unreadable."""
from __future__ import annotations

import hashlib
import shutil

import pytest

from etl.__main__ import main as etl_main
from tests.conftest import FIXTURES


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    return lines[0]


@pytest.mark.parametrize("kind", ["registry", "articles"])
def test_a_missing_input_exits_2_and_leaves_the_warehouse_untouched(scratch_db, tmp_path, capsys, kind):
    before = digest(scratch_db)
    missing = tmp_path / "nope.csv"
    assert etl_main(["ingest", kind, str(missing), "--db", str(scratch_db)]) == 2
    assert one_error_line(capsys) == f"error: {missing}: no such file or folder"
    assert digest(scratch_db) == before


def test_ingest_articles_of_a_file_that_is_no_article_exits_2(scratch_db, tmp_path, capsys):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4")
    assert etl_main(["ingest", "articles", str(scan), "--db", str(scratch_db)]) == 2
    assert "not an article file (.htm, .html, .jsonl, .txt)" in one_error_line(capsys)


def test_extract_of_a_missing_file_reports_it_and_exits_2(capsys):
    assert etl_main(["extract", "/nonexistent.txt"]) == 2
    assert one_error_line(capsys) == "error: /nonexistent.txt: no such file or folder"


def test_extract_reports_unreadable_lines_and_exits_1(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Луцьк і Люблін підписали меморандум про співпрацю."}\nnot json\n', encoding="utf-8")
    assert etl_main(["extract", str(feed)]) == 1
    captured = capsys.readouterr()
    assert f"{feed}:2 invalid JSON" in captured.err
    assert '"partner": "Люблін"' in captured.out


def test_status_of_a_missing_warehouse_is_one_line(tmp_path, capsys):
    missing = tmp_path / "none.duckdb"
    assert etl_main(["status", "--db", str(missing)]) == 2
    assert "does not exist yet: run `python -m etl build` first" in one_error_line(capsys)
    assert not missing.exists()


def test_status_of_a_file_that_is_no_warehouse_is_one_line(tmp_path, capsys):
    garbage = tmp_path / "notes.duckdb"
    garbage.write_text("not a database", encoding="utf-8")
    assert etl_main(["status", "--db", str(garbage)]) == 2
    assert one_error_line(capsys).startswith(f"error: warehouse {garbage} cannot be read (")


def test_status_reports_what_the_warehouse_holds(world_db, capsys):
    assert etl_main(["status", "--db", str(world_db)]) == 0
    said = capsys.readouterr().err
    assert "7 agreements (2 domestic, 4 partner countries); 0 rejects" in said
    assert "% with coordinates, " in said and "% located through GeoNames" in said


@pytest.mark.parametrize("flag", ["--gold", "--articles"])
def test_evaluate_with_a_missing_input_is_one_line(tmp_path, capsys, flag):
    inputs = {"--gold": FIXTURES / "articles" / "gold.jsonl", "--articles": FIXTURES / "articles"}
    inputs[flag] = tmp_path / "missing"
    assert etl_main(["evaluate", "--gold", str(inputs["--gold"]), "--articles", str(inputs["--articles"])]) == 2
    assert one_error_line(capsys) == f"error: {tmp_path / 'missing'}: no such file or folder"


def test_build_with_an_unreadable_sample_register_exits_2(scratch_db, tmp_path):
    sample = tmp_path / "sample"
    sample.mkdir()
    shutil.copy(FIXTURES / "registry" / "missing_country.csv", sample)
    assert etl_main(["build", "--db", str(scratch_db), "--sample-dir", str(sample)]) == 2


@pytest.mark.parametrize("argv, words", [
    (["status"], ["share geocoded", "rejected rows", "exit code 2"]),
    (["ingest", "registry"], ["FILE", "a register (.csv, .tsv, .xlsx) or a folder of them"]),
    (["ingest", "articles"], ["PATH", "an article file (.txt, .html, .htm, .jsonl) or a folder"]),
    (["extract"], ["--format", "one readable line per mention"]),
])
def test_help_explains_the_command_and_its_arguments(capsys, argv, words):
    with pytest.raises(SystemExit) as exit_:
        etl_main([*argv, "--help"])
    assert exit_.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert all(word in shown for word in words)


def test_ingest_articles_of_a_path_that_cannot_be_opened_exits_2(scratch_db, tmp_path, capsys):
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder", encoding="utf-8")
    assert etl_main(["ingest", "articles", str(not_a_folder / "inner.txt"), "--db", str(scratch_db)]) == 2
    assert one_error_line(capsys).endswith("inner.txt: cannot be read (Not a directory)")
