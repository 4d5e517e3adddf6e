"""Hromada centres located through GeoNames: coverage and consistency within raions."""
import statistics

import pytest

from etl.reference.geocode import distance_km
from tests.reference.conftest import rows

LOCATED = ("exact", "raion_consistent", "settlement_fallback")


@pytest.fixture(scope="module")
def hromadas(reference_db):
    return rows(reference_db, "select * from ref_hromada where unit_category = 'H' and not is_crimea")


def test_at_least_99_percent_of_hromadas_outside_crimea_have_coordinates(hromadas):
    assert len(hromadas) == 1469
    with_coordinates = [h for h in hromadas if h["lat"] is not None and h["lon"] is not None]
    assert len(with_coordinates) / len(hromadas) >= 0.99


def test_at_least_98_percent_are_located_through_geonames_itself(hromadas):
    located = [h for h in hromadas if h["geocode_quality"] in LOCATED + ("raion_outlier",)]
    assert len(located) / len(hromadas) >= 0.98
    assert all(h["geonameid"] is not None for h in located)


def test_no_located_centre_lies_more_than_80_km_from_its_raion_median(hromadas):
    by_raion: dict[str, list[dict]] = {}
    for h in hromadas:
        if h["geocode_quality"] in LOCATED:
            by_raion.setdefault(h["raion_code"], []).append(h)
    far = []
    for members in by_raion.values():
        lat = statistics.median(h["lat"] for h in members)
        lon = statistics.median(h["lon"] for h in members)
        far += [h["name_uk"] for h in members if distance_km(h["lat"], h["lon"], lat, lon) > 80]
    assert far == []


def test_quality_values_come_from_the_documented_set(reference_db):
    values = {r["q"] for r in rows(reference_db, "select distinct geocode_quality as q from ref_hromada")}
    assert values <= {"exact", "raion_consistent", "settlement_fallback", "raion_outlier", "raion_median",
                      "unresolved"}


def test_flagged_outliers_are_few(hromadas):
    assert sum(h["geocode_quality"] == "raion_outlier" for h in hromadas) <= 5


@pytest.mark.parametrize("code, lat, lon", [
    ("UA63120270000028556", 49.99, 36.23),   # Kharkiv
    ("UA46060250000025047", 49.84, 24.03),   # Lviv
    ("UA80000000000093317", 50.45, 30.52),   # Kyiv
    ("UA63040090000021240", 49.21, 37.26),   # Izium
])
def test_well_known_centres_sit_where_they_are(reference_db, code, lat, lon):
    found = rows(reference_db, "select lat, lon from ref_hromada where hromada_code = $code", {"code": code})
    assert found, code
    assert distance_km(found[0]["lat"], found[0]["lon"], lat, lon) < 10
