"""The committed GeoJSON: small, complete and wound per RFC 7946."""
import json

import pytest
from shapely.geometry import shape

from etl.reference import boundaries


@pytest.mark.parametrize("path", [boundaries.OBLASTS_GEOJSON, boundaries.COUNTRIES_GEOJSON])
def test_geojson_files_stay_well_under_3_mb(path):
    assert path.stat().st_size < 3_000_000


@pytest.mark.parametrize("path", [boundaries.OBLASTS_GEOJSON, boundaries.COUNTRIES_GEOJSON])
def test_polygons_are_valid_with_counter_clockwise_exteriors(path):
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        geom = shape(feature["geometry"])
        assert geom.is_valid
        assert all(part.exterior.is_ccw for part in getattr(geom, "geoms", [geom]))


def test_all_27_oblast_level_units_including_crimea_and_sevastopol_have_shapes():
    shapes = boundaries.oblast_shapes()
    assert len(shapes) == 27
    assert {"UA01000000000013043", "UA85000000000065278", "UA80000000000093317"} <= set(shapes)


def test_ukraine_includes_crimea():
    ukraine = shape(json.loads(boundaries.country_shapes()["UA"]["geometry_json"]))
    assert ukraine.contains(shape({"type": "Point", "coordinates": [34.1, 44.95]}))  # Simferopol


def test_minus_99_features_fall_back_to_other_codes():
    assert boundaries.country_alpha2({"ISO_A2": "-99", "ISO_A2_EH": "FR", "ADM0_A3": "FRA"}) == ("FR", 1)
    assert boundaries.country_alpha2({"ISO_A2": "CN-TW", "ISO_A2_EH": "TW", "ADM0_A3": "TWN"}) == ("TW", 1)
    assert boundaries.country_alpha2({"ISO_A2": "-99", "ISO_A2_EH": "-99", "ADM0_A3": "NOR"}) == ("NO", 2)
    assert boundaries.country_alpha2({"ISO_A2": "-99", "ISO_A2_EH": "-99", "ADM0_A3": "ESB"}) == (None, 3)
