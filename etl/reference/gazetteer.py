"""In-memory lookups over the reference tables: hromadas, oblasts, countries, foreign places, settlements."""
import re
from collections import defaultdict
from threading import Lock

import duckdb
import polars as pl

from etl.reference import countries as country_ref
from etl.reference.katottg import oblast_table
from etl.reference.names import APOSTROPHE, fold_g, keys, normalise
from etl.reference.place_names import PlaceMatcher, place_key  # noqa: F401  (place_key is public here too)
from etl.reference.places import best_cyrillic
from etl.reference.translit import transliterate

CENTRE_RANK = {"M": 0, "X": 1, "C": 2}
_OBLAST_WORDS = frozenset("область області областi обл oblast region регіон регіону".split())
# feminine adjective case endings -> nominative (Львівської -> Львівська, Південної -> Південна)
_ADJ_CASE = re.compile(r"(ськ|цьк|зьк|н|ів|їв)(ої|ій|у|ою)$")
_default: "Gazetteer | None" = None
_default_lock = Lock()


def _adjective_nominative(text: str) -> str:
    return " ".join(_ADJ_CASE.sub(r"\1а", w) for w in text.split(" "))


def _has_tables(con: duckdb.DuckDBPyConnection) -> bool:
    names = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    if "ref_hromada" not in names or "ref_place" not in names:
        return False
    return con.execute("select count(*) from ref_hromada").fetchall()[0][0] > 0


class Gazetteer:
    """Reference lookups for the register importer and the article extractor."""

    def __init__(self, oblasts: pl.DataFrame, raions: pl.DataFrame, hromadas: pl.DataFrame,
                 settlements: pl.DataFrame, countries: pl.DataFrame, places: pl.DataFrame):
        self.oblasts, self.raions, self.countries, self.places = oblasts, raions, countries, places
        if "population" not in hromadas.columns:
            hromadas = hromadas.with_columns(pl.lit(None, pl.Int64).alias("population"))
        if "short_name_uk" not in hromadas.columns:  # ref_hromada holds only the full name
            hromadas = hromadas.with_columns(
                pl.col("name_uk").str.replace(r" (міська|селищна|сільська) громада$", "").alias("short_name_uk"))
        self.hromadas = hromadas
        self.settlement_frame = settlements
        self._hromada = {r["hromada_code"]: r for r in hromadas.iter_rows(named=True)}
        self._hromada_index = self._index_hromadas()
        self._oblast_index = self._index_oblasts()
        self._adjective = {
            code: adj or None for code, adj in zip(oblast_table()["oblast_code"], oblast_table()["adjective_uk"])
        }
        self.settlements = self._index_settlements(settlements)
        self._place_matcher: PlaceMatcher | None = None
        self._place_lock = Lock()

    # ---- loading ---------------------------------------------------------------------------------------
    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection | None = None) -> "Gazetteer":
        """From the ref_* tables when the connection has them filled, else from the packages (cached)."""
        if con is not None and _has_tables(con):
            frames = {t: con.sql(f"select * from {t}").pl() for t in (
                "ref_oblast", "ref_raion", "ref_hromada", "ref_settlement", "ref_country", "ref_place")}
            return cls(frames["ref_oblast"], frames["ref_raion"], frames["ref_hromada"],
                       frames["ref_settlement"], frames["ref_country"], frames["ref_place"])
        global _default
        with _default_lock:
            if _default is None:
                from etl.reference import build, katottg, places
                _default = cls(katottg.oblasts(), katottg.raions(), build.hromada_frame(),
                               katottg.settlements(), country_ref.countries(), places.foreign_places())
            return _default

    # ---- hromadas --------------------------------------------------------------------------------------
    def _index_hromadas(self) -> dict[str, set[str]]:
        index: dict[str, set[str]] = defaultdict(set)
        for code, row in self._hromada.items():
            names = [row["short_name_uk"], row["name_uk"], row["centre_name_uk"], row["name_en"]]
            names += [transliterate(row["short_name_uk"] or ""), transliterate(row["centre_name_uk"] or "")]
            if row["unit_category"] == "K":
                names.append(row["centre_name_uk"][:-1] + "ська" if row["centre_name_uk"].endswith("ь")
                             else row["centre_name_uk"] + "ська")
            for name in filter(None, names):
                for key in keys(name) | self._unstripped_keys(name):
                    index[key].add(code)
        return index

    @staticmethod
    def _unstripped_keys(text: str) -> set[str]:
        n = fold_g(normalise(text, strip_status=False))
        return {n, n.replace(APOSTROPHE, "")} if n else set()

    def hromada_by_code(self, code: str | None) -> dict | None:
        row = self._hromada.get((code or "").strip())
        return dict(row) if row else None

    def find_hromadas(self, name: str | None, oblast: str | None = None) -> list[dict]:
        """Hromadas called so (any usual form of the hromada or its centre), most prominent first."""
        if not name or not name.strip():
            return []
        found = self._lookup_hromadas(keys(name) | self._unstripped_keys(name))
        if not found:
            found = self._lookup_hromadas(keys(_adjective_nominative(normalise(name))))
        oblast_code = self.oblast_code(oblast) if oblast else None
        rows = [self._hromada[c] for c in found]
        if oblast_code:
            rows = [r for r in rows if r["oblast_code"] == oblast_code]
        rows.sort(key=lambda r: (r["unit_category"] != "K", CENTRE_RANK.get(r["centre_category"], 3),
                                 -(r["population"] or 0), r["hromada_code"]))
        return [dict(r) for r in rows]

    def _lookup_hromadas(self, forms: set[str]) -> set[str]:
        found: set[str] = set()
        for form in forms:
            found |= self._hromada_index.get(form, set())
        return found

    # ---- oblasts ---------------------------------------------------------------------------------------
    @staticmethod
    def _oblast_forms(text: str) -> tuple[str, str]:
        full = fold_g(normalise(text, strip_status=False)).replace(APOSTROPHE, "")
        bare = " ".join(w for w in full.split(" ") if w not in _OBLAST_WORDS)
        return full, bare

    def _index_oblasts(self) -> dict[str, str]:
        table = oblast_table().join(self.oblasts.select("oblast_code", "name_uk"), on="oblast_code", how="left")
        full: dict[str, str] = {}
        bare: dict[str, str] = {}
        for row in table.iter_rows(named=True):
            code = row["oblast_code"]
            names = [row["name_uk"], row["name_en"], row["adjective_uk"], transliterate(row["adjective_uk"] or "")]
            names += (row["aliases"] or "").split("|")
            for name in filter(None, names):
                f, b = self._oblast_forms(name)
                full.setdefault(f, code)
                bare.setdefault(b, code)
            full[code.lower()] = code
            full[row["iso_3166_2"].lower()] = code
        return full | {f"~{k}": v for k, v in bare.items()}

    def oblast_code(self, text: str | None) -> str | None:
        """KATOTTG code of an oblast-level unit given its code, ISO 3166-2, Ukrainian or English name."""
        if not text or not text.strip():
            return None
        full, bare = self._oblast_forms(text)
        index = self._oblast_index
        return (index.get(full) or index.get(f"~{bare}") or index.get(f"~{_adjective_nominative(bare)}")
                or index.get(text.strip().lower()))

    def oblast_adjective(self, oblast_code: str) -> str | None:
        """'Харківська' for Kharkiv oblast; None for Kyiv, Sevastopol and Crimea."""
        return self._adjective.get(oblast_code)

    # ---- countries -------------------------------------------------------------------------------------
    @staticmethod
    def country_code(text: str | None) -> str | None:
        """ISO alpha-2 from an alpha-2/alpha-3 code or a Ukrainian/English country name (case-insensitive)."""
        return country_ref.country_code(text)

    # ---- foreign places --------------------------------------------------------------------------------
    def place_matcher(self) -> PlaceMatcher:
        """The spelling-tolerant matcher over these places (built on first use; the extractor shares it)."""
        with self._place_lock:
            if self._place_matcher is None:
                self._place_matcher = PlaceMatcher(self.places)
            return self._place_matcher

    def find_places(self, name: str | None, country: str | None = None) -> list[dict]:
        """Foreign places by a Latin or Cyrillic name, most populous first.

        place_aliases.csv first, then exact names (any script; accents and apostrophes ignored), then Russian and
        Ukrainian letters folded together; with a country, failing those, that country's places whose name is a
        close spelling of the written one, closest first. Without a country nothing is matched approximately."""
        if not name or not name.strip():
            return []
        code = self.country_code(country) if country else None
        out = []
        for i in self.place_matcher().rows(name.strip(), code):
            place = self.places.row(i, named=True)
            out.append({
                "geonameid": place["geonameid"], "name": place["name"],
                "name_uk": best_cyrillic(place["names_cyrillic"]), "country_code": place["country_code"],
                "admin1_code": place["admin1_code"], "lat": place["lat"], "lon": place["lon"],
                "population": place["population"],
            })
        return out

    # ---- settlements -----------------------------------------------------------------------------------
    @staticmethod
    def settlement_key(name: str) -> str:
        """Key of the settlements dict: normalised without dropping words, ґ→г, no apostrophes."""
        return fold_g(normalise(name, strip_status=False)).replace(APOSTROPHE, "")

    def _index_settlements(self, frame: pl.DataFrame) -> dict[str, list[tuple[str, str, str]]]:
        index: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        rows = frame.filter(pl.col("category") != "B").select("name_uk", "hromada_code", "category", "oblast_code")
        for name, hromada, category, oblast in rows.iter_rows():
            index[self.settlement_key(name)].append((hromada, category, oblast))
        return dict(index)
