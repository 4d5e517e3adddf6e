"""The committed GeoJSON: small, complete and wound per RFC 7946."""
import json

import pytest

from etl.reference import boundaries


def polygons(geometry: dict) -> list[list]:
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def signed_area(ring: list) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2


def inside(point: tuple[float, float], ring: list) -> bool:
    x, y = point
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


@pytest.mark.parametrize("path", [boundaries.OBLASTS_GEOJSON, boundaries.COUNTRIES_GEOJSON])
def test_geojson_files_stay_well_under_3_mb(path):
    assert path.stat().st_size < 3_000_000


@pytest.mark.parametrize("path", [boundaries.OBLASTS_GEOJSON, boundaries.COUNTRIES_GEOJSON])
def test_rings_are_closed_with_counter_clockwise_exteriors_and_clockwise_holes(path):
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        for exterior, *holes in polygons(feature["geometry"]):
            assert len(exterior) >= 4 and exterior[0] == exterior[-1]
            assert signed_area(exterior) > 0
            assert all(signed_area(hole) < 0 for hole in holes)


def test_all_27_oblast_level_units_including_crimea_and_sevastopol_have_shapes():
    shapes = boundaries.oblast_shapes()
    assert len(shapes) == 27
    assert {"UA01000000000013043", "UA85000000000065278", "UA80000000000093317"} <= set(shapes)


def test_ukraine_includes_crimea():
    ukraine = json.loads(boundaries.country_shapes()["UA"]["geometry_json"])
    simferopol = (34.1, 44.95)
    assert any(inside(simferopol, exterior) for exterior, *_ in polygons(ukraine))


def test_minus_99_features_fall_back_to_other_codes():
    assert boundaries.country_alpha2({"ISO_A2": "-99", "ISO_A2_EH": "FR", "ADM0_A3": "FRA"}) == ("FR", 1)
    assert boundaries.country_alpha2({"ISO_A2": "CN-TW", "ISO_A2_EH": "TW", "ADM0_A3": "TWN"}) == ("TW", 1)
    assert boundaries.country_alpha2({"ISO_A2": "-99", "ISO_A2_EH": "-99", "ADM0_A3": "NOR"}) == ("NO", 2)
    assert boundaries.country_alpha2({"ISO_A2": "-99", "ISO_A2_EH": "-99", "ADM0_A3": "ESB"}) == (None, 3)
