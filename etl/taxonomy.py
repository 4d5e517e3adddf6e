"""The agreement model's fixed vocabularies (types, statuses, themes), read from etl/data/taxonomy.toml."""
from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

TAXONOMY_FILE = Path(__file__).parent / "data" / "taxonomy.toml"


@cache
def taxonomy() -> dict[str, list[dict[str, str]]]:
    with TAXONOMY_FILE.open("rb") as handle:
        return tomllib.load(handle)


def codes(kind: str) -> tuple[str, ...]:
    """Codes of one vocabulary ('type', 'status' or 'theme') in their declared order."""
    return tuple(entry["code"] for entry in taxonomy()[kind])


def labels(kind: str, lang: str) -> dict[str, str]:
    return {entry["code"]: entry[lang] for entry in taxonomy()[kind]}


TYPES = codes("type")
STATUSES = codes("status")
THEMES = codes("theme")
