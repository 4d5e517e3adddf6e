"""The embedded sample register keeps its shape and the coverage the demo relies on."""
from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

REGISTER = Path(__file__).resolve().parents[2] / "data" / "sample" / "registry.csv"

HEADER = [
    "Громада", "Область", "Партнер", "Країна", "Область партнера", "Тип документа",
    "Статус", "Дата підписання", "Сфери співпраці", "Програма", "Джерело",
]
DOCUMENT_TYPES = {
    "Меморандум", "Договір про побратимство", "Угода про співпрацю", "Протокол про наміри",
    "Лист про наміри", "Рішення ради", "Інше",
}
STATUSES = {"Підписано", "Переговори", "Намір", "Заплановано", "Розірвано"}
THEMES = {
    "врядування", "економіка", "торгівля", "інвестиції", "освіта", "наука", "культура", "туризм",
    "спорт", "охорона здоров'я", "соціальна сфера", "молодь", "інфраструктура", "транспорт",
    "енергетика", "довкілля", "житло", "відбудова", "гуманітарна допомога", "безпека",
    "цифровізація", "сільське господарство", "ветерани",
}
DOMESTIC = "Україна"
DATE_FORMATS = (
    (re.compile(r"(\d{2})\.(\d{2})\.(\d{4})"), lambda d, m, y: date(int(y), int(m), int(d))),
    (re.compile(r"(\d{2})\.(\d{4})"), lambda m, y: date(int(y), int(m), 1)),
    (re.compile(r"(\d{4})"), lambda y: date(int(y), 1, 1)),
)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with REGISTER.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == HEADER
        return list(reader)


def _oblast(value: str) -> str:
    return value.removesuffix(" область").strip()


def _hromada_stem(value: str) -> str:
    return value.split()[0].replace("’", "'").lower()


def _parse_date(value: str) -> date:
    for pattern, build in DATE_FORMATS:
        match = pattern.fullmatch(value)
        if match:
            return build(*match.groups())
    raise ValueError(value)


def test_register_has_at_least_300_rows(rows):
    assert len(rows) >= 300


def test_every_row_has_all_columns_filled_where_required(rows):
    for row in rows:
        assert None not in row, row
        assert row["Громада"] and row["Область"] and row["Партнер"] and row["Країна"], row


def test_register_covers_at_least_20_oblasts(rows):
    assert len({_oblast(row["Область"]) for row in rows}) >= 20


def test_register_covers_at_least_30_partner_countries(rows):
    # staff sometimes write ISO alpha-2 codes; counting only the spelled-out names never over-counts
    countries = {row["Країна"] for row in rows if row["Країна"] != DOMESTIC and len(row["Країна"]) > 2}
    assert len(countries) >= 30


def test_register_holds_at_least_30_domestic_pairs_with_partner_oblast(rows):
    domestic = [row for row in rows if row["Країна"] == DOMESTIC]
    assert len(domestic) >= 30
    assert all(row["Область партнера"] for row in domestic)


def test_no_pair_appears_twice(rows):
    def key(row: dict[str, str]) -> tuple:
        own = (_hromada_stem(row["Громада"]), _oblast(row["Область"]))
        if row["Країна"] == DOMESTIC:
            other = (_hromada_stem(row["Партнер"]), _oblast(row["Область партнера"]))
            return tuple(sorted([own, other]))
        return own, row["Партнер"].lower(), row["Країна"]

    duplicates = [pair for pair, count in Counter(map(key, rows)).items() if count > 1]
    assert duplicates == []


def test_document_types_and_statuses_come_from_the_allowed_sets(rows):
    assert {row["Тип документа"] for row in rows} <= DOCUMENT_TYPES
    assert {row["Статус"] for row in rows} <= STATUSES


def test_themes_are_pipe_separated_taxonomy_labels(rows):
    for row in rows:
        if row["Сфери співпраці"]:
            assert set(row["Сфери співпраці"].split(" | ")) <= THEMES, row


def test_every_date_parses_and_is_not_in_the_future(rows):
    for row in rows:
        if row["Дата підписання"]:
            assert date(1940, 1, 1) <= _parse_date(row["Дата підписання"]) <= date.today(), row


def test_sources_when_given_are_urls_or_publication_names(rows):
    for row in rows:
        source = row["Джерело"]
        assert source == "" or source.startswith(("http://", "https://")) or " " in source, row
