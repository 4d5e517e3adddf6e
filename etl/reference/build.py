"""Fill the ref_* tables of the warehouse from the packaged sources and the committed boundaries."""
from collections.abc import Callable
from pathlib import Path

import duckdb
import polars as pl
from tqdm import tqdm

from etl.reference import boundaries, countries, geocode, katottg, places

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "warehouse" / "schema.sql"
REF_TABLES = ("ref_oblast", "ref_raion", "ref_hromada", "ref_settlement", "ref_country", "ref_place")


def _with_shapes(frame: pl.DataFrame, key: str, shapes: dict[str, dict]) -> pl.DataFrame:
    rows = [{key: code, **shape} for code, shape in shapes.items()]
    shape_frame = pl.DataFrame(rows, schema={key: pl.Utf8, "geometry_json": pl.Utf8,
                                             "centroid_lat": pl.Float64, "centroid_lon": pl.Float64})
    return frame.drop("geometry_json", "centroid_lat", "centroid_lon", strict=False).join(shape_frame, on=key, how="left")


def oblast_frame() -> pl.DataFrame:
    return _with_shapes(katottg.oblasts(), "oblast_code", boundaries.oblast_shapes())


def country_frame() -> pl.DataFrame:
    return _with_shapes(countries.countries(), "country_code", boundaries.country_shapes())


def hromada_frame() -> pl.DataFrame:
    """ref_hromada with coordinates from GeoNames (see etl.reference.geocode)."""
    units = katottg.hromadas().drop("lat", "lon", "geonameid", "geocode_quality")
    located = geocode.geocode_hromadas(units, katottg.settlements(), places.ukrainian_places())
    return units.join(located, on="hromada_code", how="left")


STEPS: tuple[tuple[str, Callable[[], pl.DataFrame]], ...] = (
    ("ref_oblast", oblast_frame),
    ("ref_raion", katottg.raions),
    ("ref_settlement", katottg.settlements),
    ("ref_hromada", hromada_frame),
    ("ref_country", country_frame),
    ("ref_place", places.foreign_places),
)


def _ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    present = {row[0] for row in con.execute("select table_name from information_schema.tables").fetchall()}
    if not set(REF_TABLES) <= present:
        con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))


def _table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "select column_name from information_schema.columns where table_name = $table order by ordinal_position",
        {"table": table},
    ).fetchall()
    return [row[0] for row in rows]


def replace_table(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Replace the rows of one ref_* table with the frame's columns that the table has."""
    columns = [c for c in _table_columns(con, table) if c in frame.columns]
    view = f"_incoming_{table}"
    con.register(view, frame.select(columns).to_arrow())
    try:
        con.execute(f"delete from {table}")
        quoted = ", ".join(f'"{c}"' for c in columns)
        con.execute(f"insert into {table} ({quoted}) select {quoted} from {view}")
    finally:
        con.unregister(view)
    return frame.height


def build_reference(con: duckdb.DuckDBPyConnection, progress: bool = True) -> dict[str, int]:
    """Create or replace the contents of every ref_* table; returns row counts by table."""
    _ensure_schema(con)
    counts: dict[str, int] = {}
    bar = tqdm(STEPS, desc="reference", unit="table", disable=not progress)
    con.execute("begin transaction")
    try:
        for table, make in bar:
            bar.set_postfix_str(table)
            counts[table] = replace_table(con, table, make())
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return counts
