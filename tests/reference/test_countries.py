"""ISO countries with Ukrainian names and the country-name resolver."""
import polars as pl
import pytest

from etl.reference.countries import adjective_index, countries, country_code


def test_every_iso_country_has_a_ukrainian_and_an_english_name():
    frame = countries()
    assert frame.height >= 249
    assert frame.filter(pl.col("name_uk").is_null() | (pl.col("name_uk") == "")).height == 0
    assert frame.filter(pl.col("name_en").is_null()).height == 0
    assert frame["country_code"].n_unique() == frame.height
    poland = frame.filter(pl.col("country_code") == "PL").row(0, named=True)
    assert (poland["alpha3"], poland["numeric_code"], poland["name_uk"]) == ("POL", "616", "Польща")


@pytest.mark.parametrize("text, code", [
    ("США", "US"), ("Велика Британія", "GB"), ("Чехія", "CZ"), ("Молдова", "MD"), ("Туреччина", "TR"),
    ("Республіка Польща", "PL"), ("Republic of Bulgaria", "BG"), ("the Netherlands", "NL"),
    ("Нідерланди", "NL"), ("pl", "PL"), ("POL", "PL"), ("deu", "DE"), ("німеччина", "DE"),
    ("Korea, Republic of", "KR"), ("Литовська Республіка", "LT"), ("Czechia", "CZ"), ("Türkiye", "TR"),
    ("Кот-д’Івуар", "CI"), ("Kosovo", "XK"), ("Грузія", "GE"), ("Сакартвело", "GE"), ("ФРН", "DE"),
])
def test_country_names_in_usual_forms_resolve(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["", "   ", None, "Атлантида", "Lviv"])
def test_unknown_countries_resolve_to_none(text):
    assert country_code(text) is None


def test_adjectives_are_data_for_the_extractor():
    adjectives = adjective_index()
    assert adjectives["польський"] == "PL"
    assert adjectives["французький"] == "FR"
