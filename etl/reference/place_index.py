"""GeoNames places of Ukraine by GeoNames admin1 and name: exact keys, folded spellings and former names."""
import csv
from collections import defaultdict
from functools import cache
from pathlib import Path

import polars as pl

from etl.reference.names import APOSTROPHE, keys, normalise
from etl.reference.settlement_folds import cyrillic_fold, latin_fold
from etl.reference.translit import transliterate

# settlements renamed after the GeoNames data was made: GeoNames knows them by the former name
RENAMINGS_CSV = Path(__file__).resolve().parent.parent / "data" / "settlement_renamings.csv"


def _latin_key(text: str) -> str:
    return normalise(text, strip_status=False).replace(APOSTROPHE, "")


@cache
def former_names() -> dict[tuple[str, str], tuple[str, ...]]:
    """(oblast_code, normalised current name) -> the settlement's former names."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    with RENAMINGS_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found[(row["oblast_code"], normalise(row["name_uk"]))].append(row["former_name_uk"])
    return {key: tuple(names) for key, names in found.items()}


class PlaceIndex:
    """Look-ups of GeoNames places by (admin1, key): exact keys of every Cyrillic and Latin name, and their
    folded keys (etl.reference.settlement_folds) for Russian and older spellings."""

    def __init__(self, places: pl.DataFrame):
        self.exact: dict[tuple[str, str], list[dict]] = defaultdict(list)
        self.folded: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for place in places.iter_rows(named=True):
            cyrillic, latin = place["names_cyrillic"] or [], place["names_latin"] or []
            forms = {_latin_key(name) for name in latin}.union(*(keys(name) for name in cyrillic))
            folds = {cyrillic_fold(name) for name in cyrillic} | {latin_fold(name) for name in latin}
            for table, place_keys in ((self.exact, forms), (self.folded, folds)):
                for form in place_keys - {""}:
                    table[(place["admin1_code"], form)].append(place)

    def candidates(self, admin1: str, names: tuple[str, ...], folded: bool = False) -> list[dict]:
        """The places of that admin1 called by any of the names (or, folded, spelled like one), one per geonameid."""
        forms: set[str] = set()
        for name in names:
            if folded:
                forms |= {cyrillic_fold(name), latin_fold(transliterate(name))}
            else:
                forms |= keys(name) | {_latin_key(transliterate(name))}
        table = self.folded if folded else self.exact
        found: dict[int, dict] = {}
        for form in forms - {""}:
            for place in table.get((admin1, form), ()):
                found[place["geonameid"]] = place
        return list(found.values())

    def lookup(self, admin1: str, names: tuple[str, ...]) -> list[dict]:
        """Exact namesakes, else the places spelled like one of the names."""
        return self.candidates(admin1, names) or self.candidates(admin1, names, folded=True)


def settlement_names(oblast_code: str, name_uk: str) -> tuple[str, ...]:
    """The name and the former names GeoNames may still use for a settlement of that oblast."""
    return (name_uk, *former_names().get((oblast_code, normalise(name_uk)), ()))
