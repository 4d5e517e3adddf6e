"""Geocode hromada centres against GeoNames places of Ukraine, checked for consistency within each raion.

geocode_quality: exact (the centre's only namesake in its oblast), raion_consistent (several namesakes,
the one nearest the raion's median centre), settlement_fallback (another settlement of the hromada),
raion_outlier (found, but more than 80 km from the median of its raion's located centres),
raion_median (nothing found: the raion's median centre, approximate), unresolved (no coordinates).
"""
import math
from collections import defaultdict
from statistics import median

import polars as pl

from etl.reference.katottg import oblast_table
from etl.reference.names import APOSTROPHE, keys, normalise
from etl.reference.translit import transliterate

MAX_RAION_KM = 80.0
CATEGORY_RANK = {"M": 0, "X": 1, "C": 2}
RESULT_SCHEMA = {
    "hromada_code": pl.Utf8, "lat": pl.Float64, "lon": pl.Float64, "geonameid": pl.Int64,
    "geocode_quality": pl.Utf8, "population": pl.Int64,
}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _latin_key(text: str) -> str:
    return normalise(text, strip_status=False).replace(APOSTROPHE, "")


def _place_index(places: pl.DataFrame) -> dict[tuple[str, str], list[dict]]:
    index: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for place in places.iter_rows(named=True):
        forms = set()
        for name in place["names_cyrillic"] or []:
            forms |= keys(name)
        forms |= {_latin_key(name) for name in place["names_latin"] or []}
        for form in forms:
            index[(place["admin1_code"], form)].append(place)
    return index


def _candidates(index, admin1: str, name_uk: str) -> list[dict]:
    found: dict[int, dict] = {}
    for form in keys(name_uk) | {_latin_key(transliterate(name_uk))}:
        for place in index.get((admin1, form), ()):
            found[place["geonameid"]] = place
    return list(found.values())


def _nearest(places: list[dict], anchor: tuple[float, float] | None) -> tuple[dict, float | None]:
    if anchor is None:
        best = max(places, key=lambda p: p["population"] or 0)
        return best, None
    scored = [(distance_km(p["lat"], p["lon"], *anchor), p) for p in places]
    km, best = min(scored, key=lambda pair: pair[0])
    return best, km


def _medians(points: dict[str, list[tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    return {k: (median(p[0] for p in v), median(p[1] for p in v)) for k, v in points.items() if v}


def geocode_hromadas(hromadas: pl.DataFrame, settlements: pl.DataFrame, places: pl.DataFrame) -> pl.DataFrame:
    """One row per hromada: coordinates, GeoNames id and how they were found (geocode_quality)."""
    admin1 = dict(zip(oblast_table()["oblast_code"], oblast_table()["geonames_admin1"]))
    index = _place_index(places)
    units = hromadas.select("hromada_code", "raion_code", "oblast_code", "centre_name_uk").to_dicts()
    group = {u["hromada_code"]: u["raion_code"] or u["oblast_code"] for u in units}
    centre_hits = {u["hromada_code"]: _candidates(index, admin1[u["oblast_code"]], u["centre_name_uk"]) for u in units}

    # anchors: centres with exactly one candidate; medians per raion (and per oblast as a fallback)
    raion_points: dict[str, list] = defaultdict(list)
    oblast_points: dict[str, list] = defaultdict(list)
    for u in units:
        hits = centre_hits[u["hromada_code"]]
        if len(hits) == 1:
            raion_points[group[u["hromada_code"]]].append((hits[0]["lat"], hits[0]["lon"]))
            oblast_points[u["oblast_code"]].append((hits[0]["lat"], hits[0]["lon"]))
    raion_median, oblast_median = _medians(raion_points), _medians(oblast_points)
    # robust second pass: drop anchors far from their first-pass median, recompute
    for key, points in raion_points.items():
        centre = raion_median[key]
        raion_points[key] = [p for p in points if distance_km(*p, *centre) <= MAX_RAION_KM] or points
    raion_median = _medians(raion_points)

    members: dict[str, list[dict]] = defaultdict(list)
    for s in settlements.filter(pl.col("category").is_in(list(CATEGORY_RANK)) & ~pl.col("is_centre")).iter_rows(named=True):
        members[s["hromada_code"]].append(s)

    rows = []
    for u in units:
        code = u["hromada_code"]
        anchor = raion_median.get(group[code]) or oblast_median.get(u["oblast_code"])
        hits = centre_hits[code]
        quality, place = "unresolved", None
        if hits:
            place, km = _nearest(hits, anchor)
            if km is None or km <= MAX_RAION_KM:
                quality = "exact" if len(hits) == 1 else "raion_consistent"
            else:
                place = None
        if place is None:
            place = _fallback(index, admin1[u["oblast_code"]], members.get(code, []), anchor)
            if place is not None:
                quality = "settlement_fallback"
        if place is None and anchor is not None:
            # nothing of the hromada is in GeoNames: place it at the median of its raion, flagged
            place = {"lat": anchor[0], "lon": anchor[1], "geonameid": None, "population": None}
            quality = "raion_median"
        rows.append({
            "hromada_code": code, "lat": place and place["lat"], "lon": place and place["lon"],
            "geonameid": place and place["geonameid"], "geocode_quality": quality,
            "population": place and place["population"],
        })
    _flag_outliers(rows, group)
    return pl.DataFrame(rows, schema=RESULT_SCHEMA)


def _flag_outliers(rows: list[dict], group: dict[str, str]) -> None:
    """Final check against the medians of all located centres: what lies beyond 80 km is flagged
    'raion_outlier' (coordinates kept: Slavutych, an exclave of Kyiv oblast, is one)."""
    located = ("exact", "raion_consistent", "settlement_fallback")
    points: dict[str, list] = defaultdict(list)
    for row in rows:
        if row["geocode_quality"] in located:
            points[group[row["hromada_code"]]].append((row["lat"], row["lon"]))
    medians = _medians(points)
    for row in rows:
        centre = medians.get(group[row["hromada_code"]])
        if row["geocode_quality"] in located and distance_km(row["lat"], row["lon"], *centre) > MAX_RAION_KM:
            row["geocode_quality"] = "raion_outlier"


def _fallback(index, admin1: str, members: list[dict], anchor) -> dict | None:
    """The most prominent other settlement of the hromada found in GeoNames, near the raion median."""
    options = []
    for s in members:
        hits = _candidates(index, admin1, s["name_uk"])
        if not hits:
            continue
        place, km = _nearest(hits, anchor)
        if km is not None and km > MAX_RAION_KM:
            continue
        options.append((CATEGORY_RANK[s["category"]], -(place["population"] or 0), place))
    return min(options, key=lambda o: o[:2])[2] if options else None
