"""Geocode hromada centres against GeoNames places of Ukraine, checked for consistency within each raion.

A centre is looked up in its oblast by its name, by a former name (etl/data/settlement_renamings.csv) and,
when no such name is found, by the Russian and older spellings folded onto one form
(etl.reference.settlement_folds); then checked against the raion's other centres and the hromada's own
settlements.

geocode_quality: exact (the centre's only namesake in its oblast), raion_consistent (several namesakes,
the one nearest the raion's median centre), settlement_fallback (another settlement of the hromada, one
that no other hromada's namesake claims unless the hromada's settlements around it confirm it),
raion_outlier (found, but more than 80 km from the median of its raion's located centres),
raion_median (nothing found: the raion's median centre, approximate), unresolved (no coordinates).
"""
import math
from collections import defaultdict
from statistics import median

import polars as pl

from etl.reference.katottg import oblast_table
from etl.reference.names import normalise
from etl.reference.place_index import PlaceIndex, settlement_names

MAX_RAION_KM = 80.0
HROMADA_KM = 20.0  # settlements this close to a place confirm it belongs to their hromada
MIN_SUPPORT_BEYOND_RAION = 2  # a centre farther than 80 km from the raion median needs this many of them
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


def _km(place: dict, point: tuple[float, float]) -> float:
    return distance_km(place["lat"], place["lon"], *point)


def _medians(points: dict[str, list[tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    return {k: (median(p[0] for p in v), median(p[1] for p in v)) for k, v in points.items() if v}


class _Evidence:
    """What the settlements of each hromada, and their namesakes in other hromadas, say about a place."""

    def __init__(self, index: PlaceIndex, admin1: dict[str, str], settlements: pl.DataFrame):
        self.index, self.admin1 = index, admin1
        self.members: dict[str, list[dict]] = defaultdict(list)
        self.namesakes: dict[tuple[str, str], set[str]] = defaultdict(set)
        for s in settlements.filter(pl.col("category").is_in(list(CATEGORY_RANK))).iter_rows(named=True):
            self.members[s["hromada_code"]].append(s)
            self.namesakes[(s["oblast_code"], normalise(s["name_uk"]))].add(s["hromada_code"])
        self._found: dict[tuple[str, str], list[dict]] = {}

    def places(self, oblast_code: str, name_uk: str) -> list[dict]:
        """GeoNames places a settlement's name (or former name) may stand for: exact namesakes, else folded."""
        key = (oblast_code, name_uk)
        if key not in self._found:
            names = settlement_names(oblast_code, name_uk)
            self._found[key] = self.index.lookup(self.admin1[oblast_code], names)
        return self._found[key]

    def support(self, place: dict, hromada_code: str, name_uk: str) -> int:
        """How many other settlements of the hromada have a namesake within HROMADA_KM of the place."""
        point = (place["lat"], place["lon"])
        return sum(
            any(_km(p, point) <= HROMADA_KM for p in self.places(s["oblast_code"], s["name_uk"]))
            for s in self.members[hromada_code] if s["name_uk"] != name_uk
        )

    def claimed(self, place: dict, hromada_code: str, oblast_code: str, name_uk: str,
                centres: dict[str, tuple[float, float]], within_km: float) -> bool:
        """Another hromada has a settlement of this name and its centre lies within within_km of the place."""
        point = (place["lat"], place["lon"])
        return any(
            other != hromada_code and other in centres and distance_km(*centres[other], *point) <= within_km
            for other in self.namesakes[(oblast_code, normalise(name_uk))]
        )


def _near(index: PlaceIndex, admin1: str, names: tuple[str, ...], anchor) -> tuple[list[dict], int]:
    """The candidates within 80 km of the anchor, exact namesakes first, else folded spellings; with the
    number of candidates of that kind in the oblast."""
    for folded in (False, True):
        hits = index.candidates(admin1, names, folded)
        near = [p for p in hits if anchor is None or _km(p, anchor) <= MAX_RAION_KM]
        if near:
            return near, len(hits)
    return [], 0


def _nearest(places: list[dict], anchor) -> dict:
    if anchor is None:
        return max(places, key=lambda p: p["population"] or 0)
    return min(places, key=lambda p: _km(p, anchor))


def _unique_centres(units: list[dict], index: PlaceIndex, admin1: dict[str, str]) -> dict[str, tuple[float, float]]:
    """The centres that have exactly one exact namesake in their oblast, by hromada."""
    found = {}
    for u in units:
        hits = index.candidates(admin1[u["oblast_code"]], settlement_names(u["oblast_code"], u["centre_name_uk"]))
        if len(hits) == 1:
            found[u["hromada_code"]] = (hits[0]["lat"], hits[0]["lon"])
    return found


def _anchors(units: list[dict], group: dict[str, str], unique: dict[str, tuple[float, float]]):
    """Medians per raion (and per oblast) of the centres with exactly one exact namesake, robust to strays."""
    raion_points: dict[str, list] = defaultdict(list)
    oblast_points: dict[str, list] = defaultdict(list)
    for u in units:
        if u["hromada_code"] in unique:
            raion_points[group[u["hromada_code"]]].append(unique[u["hromada_code"]])
            oblast_points[u["oblast_code"]].append(unique[u["hromada_code"]])
    raion_median, oblast_median = _medians(raion_points), _medians(oblast_points)
    # second pass: drop anchors far from their first-pass median, recompute
    for key, points in raion_points.items():
        centre = raion_median[key]
        raion_points[key] = [p for p in points if distance_km(*p, *centre) <= MAX_RAION_KM] or points
    return _medians(raion_points), oblast_median


def geocode_hromadas(hromadas: pl.DataFrame, settlements: pl.DataFrame, places: pl.DataFrame) -> pl.DataFrame:
    """One row per hromada: coordinates, GeoNames id and how they were found (geocode_quality)."""
    admin1 = dict(zip(oblast_table()["oblast_code"], oblast_table()["geonames_admin1"]))
    index = PlaceIndex(places)
    units = hromadas.select("hromada_code", "raion_code", "oblast_code", "centre_name_uk").to_dicts()
    group = {u["hromada_code"]: u["raion_code"] or u["oblast_code"] for u in units}
    unique = _unique_centres(units, index, admin1)
    raion_median, oblast_median = _anchors(units, group, unique)
    anchor = {u["hromada_code"]: raion_median.get(group[u["hromada_code"]]) or oblast_median.get(u["oblast_code"])
              for u in units}
    evidence = _Evidence(index, admin1, settlements)
    # a place next to the sure centre of another hromada with a settlement of the same name may be that one
    sure = {c: p for c, p in unique.items() if anchor[c] is None or distance_km(*p, *anchor[c]) <= MAX_RAION_KM}

    rows, located, pending = {}, {}, []
    for u in units:
        found = _centre(u, anchor[u["hromada_code"]], evidence, sure)
        if found is None:
            pending.append(u)
            continue
        rows[u["hromada_code"]] = _row(u["hromada_code"], *found)
        located[u["hromada_code"]] = (found[0]["lat"], found[0]["lon"])
    # where the other hromadas lie: their located centres, else their raion medians
    located |= {u["hromada_code"]: anchor[u["hromada_code"]] for u in pending if anchor[u["hromada_code"]]}
    for u in pending:
        place = _fallback(u, anchor[u["hromada_code"]], evidence, located)
        if place is not None:
            rows[u["hromada_code"]] = _row(u["hromada_code"], place, "settlement_fallback")
        elif anchor[u["hromada_code"]] is not None:
            # nothing of the hromada is in GeoNames: place it at the median of its raion, flagged
            lat, lon = anchor[u["hromada_code"]]
            median_place = {"lat": lat, "lon": lon, "geonameid": None, "population": None}
            rows[u["hromada_code"]] = _row(u["hromada_code"], median_place, "raion_median")
        else:
            rows[u["hromada_code"]] = _row(u["hromada_code"], None, "unresolved")
    ordered = [rows[u["hromada_code"]] for u in units]
    _flag_outliers(ordered, group)
    return pl.DataFrame(ordered, schema=RESULT_SCHEMA)


def _row(code: str, place: dict | None, quality: str) -> dict:
    return {
        "hromada_code": code, "lat": place and place["lat"], "lon": place and place["lon"],
        "geonameid": place and place["geonameid"], "geocode_quality": quality,
        "population": place and place["population"],
    }


def _centre(u: dict, anchor, evidence: _Evidence, sure: dict) -> tuple[dict, str] | None:
    """The centre's own namesake near the raion's centres (of several: one no other hromada's namesake
    claims, then the one most confirmed by the hromada's own settlements, then the nearest); else a farther
    one that the hromada's own settlements confirm (flagged later as raion_outlier beyond 80 km)."""
    code, oblast, name = u["hromada_code"], u["oblast_code"], u["centre_name_uk"]
    near, count = _near(evidence.index, evidence.admin1[oblast], settlement_names(oblast, name), anchor)
    if len(near) > 1:
        def rank(p):
            return (evidence.claimed(p, code, oblast, name, sure, HROMADA_KM), -evidence.support(p, code, name))
        best = min(rank(p) for p in near)
        near = [p for p in near if rank(p) == best]
    if near:
        return _nearest(near, anchor), "exact" if count == 1 else "raion_consistent"
    hits = evidence.places(oblast, name)
    scored = [(evidence.support(p, code, name), p) for p in hits]
    scored = [(s, p) for s, p in scored if s >= MIN_SUPPORT_BEYOND_RAION]
    if not scored:
        return None
    best = max(scored, key=lambda sp: (sp[0], sp[1]["population"] or 0))[1]
    return best, "exact" if len(hits) == 1 else "raion_consistent"


def _fallback(u: dict, anchor, evidence: _Evidence, located: dict) -> dict | None:
    """The best-attested other settlement of the hromada found in GeoNames near the raion median: most
    confirmed by the hromada's other settlements, then the highest category, then the most populous. A
    place none of them confirms is taken only when no other hromada within 80 km has a settlement so named."""
    code, oblast = u["hromada_code"], u["oblast_code"]
    options = []
    for s in evidence.members[code]:
        if s["is_centre"]:
            continue
        names = settlement_names(oblast, s["name_uk"])
        near, _ = _near(evidence.index, evidence.admin1[oblast], names, anchor)
        for place in near:
            support = evidence.support(place, code, s["name_uk"])
            if support == 0 and evidence.claimed(place, code, oblast, s["name_uk"], located, MAX_RAION_KM):
                continue
            options.append((-support, CATEGORY_RANK[s["category"]], -(place["population"] or 0), place))
    return min(options, key=lambda o: o[:3])[3] if options else None


def _flag_outliers(rows: list[dict], group: dict[str, str]) -> None:
    """Final check against the medians of all located centres: what lies beyond 80 km is flagged
    'raion_outlier' (coordinates kept: Liubar, confirmed by its own villages, lies 83 km from the median of
    the wide Zhytomyr raion)."""
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
