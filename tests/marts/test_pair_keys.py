"""One partner is one agreement, whichever source geocoded it, and its name is chosen the same way every build."""
from __future__ import annotations

import duckdb

from etl import load
from etl.__main__ import main as etl_main
from tests.conftest import WORLD
from warehouse.build import publish

LUTSK = "UA07080170000013585"


def article_mention(partner_name_uk: str, country: str, event_date: str, **fields) -> dict:
    """A raw mention as the extractor writes one for an article, here without a geocoded partner."""
    return {
        "mention_id": load.stable_id("article", partner_name_uk, event_date), "source_kind": "article",
        "source_id": "document-1", "source_ref": "https://example.org/lutsk", "row_number": 1,
        "ua_hromada_code": LUTSK, "partner_kind": "foreign", "partner_name_uk": partner_name_uk,
        "partner_country_code": country, "type": "memorandum", "status": "signed", "event_date": event_date,
        "confidence": 1.0, "evidence": f"Луцьк і {partner_name_uk} підписали меморандум", **fields,
    }


def agreements_with(path, rows: list[dict]) -> list[tuple]:
    assert etl_main(["ingest", "registry", str(WORLD / "register_main.csv"), "--db", str(path)]) == 0
    with publish(path) as con:
        load.replace_mentions(con, "article", "https://example.org/lutsk", rows)
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(
            "select partner_country_code, partner_name_uk, partner_name_en, partner_geonameid, source_count, "
            "first_event_date::varchar from fct_agreements where hromada_code = $code and not is_domestic "
            "order by partner_country_code, partner_name_uk, partner_name_en",
            {"code": LUTSK},
        ).fetchall()


def test_a_partner_one_source_geocoded_and_another_did_not_stays_one_agreement(scratch_db):
    # the register places Люблін (GeoNames 765876, signed 05.2015); an article, earlier, names it in capitals
    # without a place: the same partner, named by the geocoded mention
    found = agreements_with(scratch_db, [article_mention("ЛЮБЛІН", "PL", "2014")])
    assert found == [("PL", "Люблін", "Lublin", 765876, 2, "2014-01-01")]


def test_ungeocoded_partners_named_only_in_latin_stay_apart(scratch_db):
    rows = [
        article_mention(None, "PL", "2021", partner_name_en="Gmina Qwertyzx"),
        article_mention(None, "US", "2022", partner_name_en="Zxqv Township"),
    ]
    found = agreements_with(scratch_db, rows)
    assert sorted((country, name_en, source_count) for country, _, name_en, _, source_count, _ in found) == [
        ("PL", "Gmina Qwertyzx", 1), ("PL", "Lublin", 1), ("US", "Zxqv Township", 1)]
