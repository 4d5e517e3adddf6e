"""Committed Natural Earth boundaries mapped to KATOTTG oblast codes and ISO alpha-2 (no network)."""
import json
from pathlib import Path

import pycountry

from etl.reference.katottg import oblast_table

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "data" / "reference"
OBLASTS_GEOJSON = REFERENCE_DIR / "oblasts.geojson"
COUNTRIES_GEOJSON = REFERENCE_DIR / "countries.geojson"


def _alpha2(value) -> bool:
    return isinstance(value, str) and len(value) == 2 and value.isalpha() and value.isupper()


def _features(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def oblast_shapes() -> dict[str, dict]:
    """KATOTTG oblast code -> {geometry_json, centroid_lat, centroid_lon}, matched by ISO 3166-2."""
    by_iso = dict(zip(oblast_table()["iso_3166_2"], oblast_table()["oblast_code"]))
    shapes = {}
    for feature in _features(OBLASTS_GEOJSON):
        code = by_iso.get(feature["properties"]["iso_3166_2"])
        if code:
            shapes[code] = {
                "geometry_json": json.dumps(feature["geometry"], separators=(",", ":")),
                "centroid_lat": feature["properties"].get("latitude"),
                "centroid_lon": feature["properties"].get("longitude"),
            }
    return shapes


def country_alpha2(props: dict) -> tuple[str | None, int]:
    """(alpha-2, rank) of a Natural Earth feature: ISO_A2, else ISO_A2_EH (-99 for France, Norway, Kosovo;
    'CN-TW' for Taiwan), else ADM0_A3 looked up as alpha-3."""
    if _alpha2(props.get("ISO_A2")):
        return props["ISO_A2"], 0
    if _alpha2(props.get("ISO_A2_EH")):
        return props["ISO_A2_EH"], 1
    country = pycountry.countries.get(alpha_3=props.get("ADM0_A3") or "")
    return (country.alpha_2, 2) if country else (None, 3)


def country_shapes() -> dict[str, dict]:
    """Alpha-2 -> {geometry_json, centroid_lat, centroid_lon}; of several features the home part wins."""
    best: dict[str, tuple] = {}
    for feature in _features(COUNTRIES_GEOJSON):
        props = feature["properties"]
        code, rank = country_alpha2(props)
        if code is None:
            continue
        key = (rank, 0 if props.get("HOMEPART") == 1 else 1)
        if code not in best or key < best[code][0]:
            best[code] = (key, feature)
    return {
        code: {
            "geometry_json": json.dumps(feature["geometry"], separators=(",", ":")),
            "centroid_lat": feature["properties"].get("LABEL_Y"),
            "centroid_lon": feature["properties"].get("LABEL_X"),
        }
        for code, (_, feature) in best.items()
    }
