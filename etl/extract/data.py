"""Loading of the extractor's data files in etl/data/extract/ (cue words, lexicons, rules)."""
import csv
import tomllib
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "extract"


@cache
def toml(name: str) -> dict:
    with (DATA_DIR / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def rows(name: str) -> tuple[dict, ...]:
    with (DATA_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(row for row in handle if not row.startswith("#")))
