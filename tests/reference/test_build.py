"""build_reference fills every ref_* table from the packages and the committed boundaries."""
from etl.reference.build import build_reference
from tests.reference.conftest import rows


def test_build_reports_the_row_count_of_every_table(reference_build):
    _, counts = reference_build
    assert counts["ref_oblast"] == 27
    assert counts["ref_raion"] == 136
    assert counts["ref_hromada"] == 1774
    assert counts["ref_country"] >= 249
    assert counts["ref_place"] > 200_000
    assert counts["ref_settlement"] > 29_000


def test_a_known_hromada_has_its_centre_raion_oblast_and_coordinates(reference_db):
    irpin = rows(
        reference_db,
        "select h.name_uk, h.hromada_type, h.centre_name_uk, h.centre_category, r.name_uk as raion, "
        "o.name_uk as oblast, h.lat, h.lon from ref_hromada h join ref_raion r using (raion_code) "
        "join ref_oblast o on o.oblast_code = h.oblast_code where h.hromada_code = 'UA32080150000035443'",
    )
    assert len(irpin) == 1
    found = irpin[0]
    assert (found["name_uk"], found["hromada_type"], found["centre_name_uk"], found["centre_category"]) == (
        "Ірпінська міська громада", "міська", "Ірпінь", "M")
    assert (found["raion"], found["oblast"]) == ("Бучанський район", "Київська область")
    assert (round(found["lat"], 1), round(found["lon"], 1)) == (50.5, 30.2)


def test_every_oblast_level_unit_has_a_boundary_and_a_label_point(reference_db):
    missing = rows(reference_db, "select oblast_code from ref_oblast where geometry_json is null or centroid_lat is null")
    assert missing == []


def test_countries_with_minus_99_iso_codes_still_get_their_shape(reference_db):
    found = rows(reference_db, "select country_code from ref_country where geometry_json is not null "
                               "and country_code in ('FR', 'NO', 'XK', 'UA', 'TW', 'PL', 'VA')")
    assert sorted(r["country_code"] for r in found) == ["FR", "NO", "PL", "TW", "UA", "VA", "XK"]


def test_no_ukrainian_place_is_a_foreign_place(reference_db):
    assert rows(reference_db, "select count(*) as n from ref_place where country_code = 'UA'")[0]["n"] == 0


def test_building_twice_replaces_rather_than_appends(reference_build):
    con, counts = reference_build
    again = build_reference(con, progress=False)
    assert again == counts
    assert rows(con, "select count(*) as n from ref_hromada")[0]["n"] == counts["ref_hromada"]
