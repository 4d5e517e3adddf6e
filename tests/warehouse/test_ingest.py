"""How ingested inputs are named and keyed in the raw layer and the marts."""
from __future__ import annotations

import json
import shutil

import duckdb

from etl.__main__ import main as etl_main
from etl.ingest_articles import ingest_articles
from etl.reference.gazetteer import Gazetteer
from tests.conftest import FIXTURES, REPO_ROOT, WORLD
from warehouse.build import publish


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


URL = "https://example.org/news/lutsk-lublin"
HEADER = "Громада,Область,Партнер,Країна,Область партнера,Тип документа,Статус,Дата підписання\n"
ARTICLES = FIXTURES / "articles"


def rows(path, sql) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_reimporting_a_corrected_register_replaces_its_rows(scratch_db, tmp_path, capsys):
    register = tmp_path / "register.csv"
    register.write_text(
        HEADER + "Луцька,Волинська,Люблін,PL,,Меморандум,Підписано,01.02.2020\n"
        "Луцька,Волинська,Ольштин,Атлантида,,Меморандум,Підписано,01.02.2020\n",
        encoding="utf-8",
    )
    assert etl_main(["ingest", "registry", str(register), "--db", str(scratch_db)]) == 1
    register.write_text(
        HEADER + "Луцька,Волинська,Люблін,PL,,Угода про співпрацю,Підписано,05.2015\n"
        "Луцька,Волинська,Ольштин,Польща,,Меморандум,Підписано,01.02.2020\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert etl_main(["ingest", "registry", str(register), "--db", str(scratch_db)]) == 0
    assert "read 2, loaded 2, rejected 0 (replaces 1 row of an earlier version)" in capsys.readouterr().err
    assert rows(scratch_db, "select count(*) from raw_rejects") == [(0,)]
    assert rows(scratch_db, "select type, event_date from raw_mentions order by row_number") == [
        ("cooperation_agreement", "2015-05"), ("memorandum", "2020-02-01")]
    assert rows(
        scratch_db, "select partner_name_uk, type, mention_count from fct_agreements order by partner_name_uk"
    ) == [("Люблін", "cooperation_agreement", 1), ("Ольштин", "memorandum", 1)]
    runs = rows(scratch_db, "select read_count, loaded_count, rejected_count from raw_ingest_runs order by started_at")
    assert runs == [(2, 1, 1), (2, 2, 0)]


def test_reimporting_a_register_restored_to_an_earlier_version_keeps_one_copy(scratch_db, tmp_path):
    register = tmp_path / "register.csv"
    first = HEADER + "Луцька,Волинська,Люблін,PL,,Меморандум,Підписано,01.02.2020\n"
    for text in (first, first + "Луцька,Волинська,Ольштин,PL,,,,\n", first):
        register.write_text(text, encoding="utf-8")
        etl_main(["ingest", "registry", str(register), "--db", str(scratch_db)])
    assert rows(scratch_db, "select partner_name_uk from raw_mentions") == [("Люблін",)]


def feed_line(text: str, **fields) -> str:
    return json.dumps({"text": text, **fields}, ensure_ascii=False)


def test_reingesting_edited_articles_replaces_their_documents_and_mentions(scratch_db, tmp_path):
    lutsk, kyiv, khmelnytskyi, nizhyn, zviahel, truskavets = (
        (ARTICLES / f"{name}.txt").read_text(encoding="utf-8") for name in (
            "001-lutsk-lublin-memorandum", "044-kyiv-wroclaw-memorandum", "046-khmelnytskyi-suceava-memorandum",
            "036-nizhyn-siauliai-u-lead", "032-zviahel-goerlitz-memorandum", "037-truskavets-birstonas-twinning"))
    article, feed = tmp_path / "news.txt", tmp_path / "feed.jsonl"
    article.write_text(lutsk, encoding="utf-8")
    feed.write_text("\n".join([feed_line(kyiv), feed_line(khmelnytskyi), feed_line(nizhyn, url=URL)]),
                    encoding="utf-8")
    etl_main(["ingest", "articles", str(article), str(feed), "--db", str(scratch_db)])
    # the text file now tells another story; the feed's first line is gone and its url line was corrected
    article.write_text(zviahel, encoding="utf-8")
    feed.write_text("\n".join([feed_line(khmelnytskyi), feed_line(truskavets, url=URL)]), encoding="utf-8")
    etl_main(["ingest", "articles", str(article), str(feed), "--db", str(scratch_db)])
    titles = dict(rows(scratch_db, "select source, title from raw_documents"))
    assert titles == {
        str(article.resolve()): zviahel.split("\n")[0],
        f"{feed.resolve()}#1": khmelnytskyi.split("\n")[0],
        URL: truskavets.split("\n")[0],
    }
    mentioned = rows(
        scratch_db,
        "select distinct m.source_ref, d.source from raw_mentions m left join raw_documents d "
        "on d.document_id = m.source_id order by 1",
    )
    assert mentioned == [(ref, ref) for ref in sorted(titles)]
    gone = "select count(*) from raw_mentions where partner_name_uk in ('Люблін', 'Вроцлав')"
    assert rows(scratch_db, gone) == [(0,)]
    links = rows(scratch_db, "select distinct source_ref, source_url, is_link from fct_agreement_sources order by 1")
    assert links == [(ref, URL if ref == URL else None, ref == URL) for ref in sorted(titles)]


def test_an_article_file_that_cannot_be_opened_is_a_failed_file_with_a_reconciled_run(scratch_db, tmp_path):
    unopenable = tmp_path / "notes.txt" / "inner.txt"  # below a file: the OS refuses to open it
    (tmp_path / "notes.txt").write_text("a file, not a folder", encoding="utf-8")
    with publish(scratch_db) as con:
        result = ingest_articles(con, [unopenable], Gazetteer.load(con), progress=False)
    assert result.failed_files == [str(unopenable.resolve())]
    assert rows(scratch_db, "select read_count, loaded_count, rejected_count from raw_ingest_runs") == [(1, 0, 1)]
    assert rows(scratch_db, "select reason from raw_rejects") == [("cannot be read (Not a directory)",)]
