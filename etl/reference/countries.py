"""ISO 3166-1 countries with Ukrainian names (CLDR via babel) and a lookup tolerant of usual forms."""
import csv
from functools import cache
from pathlib import Path

import polars as pl
import pycountry
from babel import Locale

from etl.reference.names import APOSTROPHE, fold_g, normalise

ALIASES_CSV = Path(__file__).resolve().parent.parent / "data" / "country_aliases.csv"
# Kosovo: user-assigned code used by GeoNames, Natural Earth and the EU; not in ISO 3166-1 proper
EXTRA = [{"alpha_2": "XK", "alpha_3": "XKX", "numeric": None, "name": "Kosovo"}]
# clearer Ukrainian forms than CLDR's short display names
NAME_UK_OVERRIDES = {
    "US": "Сполучені Штати Америки", "CD": "Демократична Республіка Конго", "CG": "Республіка Конго",
    "PS": "Палестина", "MM": "М'янма",
}
_STATE_WORDS_UK = ("Республіка", "Королівство", "Держава")
_STATE_WORDS_EN = ("Republic of", "Kingdom of", "State of", "the")


@cache
def countries() -> pl.DataFrame:
    """ref_country without geometry: alpha-2, alpha-3, numeric, Ukrainian and English names."""
    uk = Locale("uk").territories
    rows = []
    for c in list(pycountry.countries) + EXTRA:
        get = c.get if isinstance(c, dict) else lambda k, c=c: getattr(c, k, None)
        code = get("alpha_2")
        rows.append({
            "country_code": code, "alpha3": get("alpha_3"), "numeric_code": get("numeric"),
            "name_uk": NAME_UK_OVERRIDES.get(code) or uk.get(code) or get("name"),
            "name_en": get("common_name") or get("name"),
            "official_name_en": get("official_name"), "pycountry_name": get("name"),
        })
    return pl.DataFrame(rows).sort("country_code")


@cache
def aliases() -> pl.DataFrame:
    """The alias data file: alias, country_code, kind ('name' or 'adjective', masculine nominative)."""
    with ALIASES_CSV.open(encoding="utf-8") as handle:
        return pl.DataFrame(list(csv.DictReader(handle)))


def _key(text: str) -> str:
    return fold_g(normalise(text, strip_status=False)).replace(APOSTROPHE, "")


@cache
def name_index() -> dict[str, str]:
    """Normalised name form -> alpha-2, from ISO names, CLDR Ukrainian names, derived state forms and aliases."""
    index: dict[str, str] = {}

    def add(text: str | None, code: str) -> None:
        if text:
            index.setdefault(_key(text), code)

    for row in aliases().filter(pl.col("kind") == "name").iter_rows(named=True):
        add(row["alias"], row["country_code"])
    for row in countries().iter_rows(named=True):
        code = row["country_code"]
        for name in (row["name_uk"], row["name_en"], row["official_name_en"], row["pycountry_name"]):
            add(name, code)
        add(row["pycountry_name"].split(",")[0], code)
        for word in _STATE_WORDS_UK:
            add(f"{word} {row['name_uk']}", code)
        for word in _STATE_WORDS_EN:
            add(f"{word} {row['name_en']}", code)
    for code, name in Locale("uk").territories.items():
        if len(code) == 2 and code.isalpha():
            add(name, code)
    return index


@cache
def _codes() -> dict[str, str]:
    frame = countries()
    codes = {c.lower(): c for c in frame["country_code"]}
    codes.update({a.lower(): c for a, c in zip(frame["alpha3"], frame["country_code"]) if a})
    return codes


def country_code(text: str | None) -> str | None:
    """ISO alpha-2 for an alpha-2/alpha-3 code or a Ukrainian/English name in a usual form; None if unknown."""
    if not text or not text.strip():
        return None
    stripped = text.strip()
    if len(stripped) in (2, 3) and stripped.isascii() and stripped.isalpha():
        code = _codes().get(stripped.lower())
        if code:
            return code
    return name_index().get(_key(stripped))


@cache
def adjective_index() -> dict[str, str]:
    """Masculine nominative country adjective (normalised) -> alpha-2, for the extractor."""
    frame = aliases().filter(pl.col("kind") == "adjective")
    return {_key(a): c for a, c in zip(frame["alias"], frame["country_code"])}
