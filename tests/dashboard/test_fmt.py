"""Numbers and dates read the way Ukrainian and English readers expect."""
import datetime as dt
import json

import pytest
import streamlit as st

from dashboard import fmt
from warehouse.connection import REPO_ROOT


@pytest.fixture(params=["uk", "en"])
def lang(request):
    st.session_state["lang"] = request.param
    yield request.param
    st.session_state["lang"] = "uk"


def test_thousands_percent_and_dates_follow_the_language(lang):
    expected = {
        "uk": ("1\u00a0234", "12,5 %", "21 листопада 2023"),
        "en": ("1,234", "12.5%", "21 November 2023"),
    }[lang]
    assert (fmt.num(1234), fmt.pct(12.5), fmt.date(dt.date(2023, 11, 21))) == expected


@pytest.mark.parametrize("ref, shown", [
    ("https://example.org/news/1", "https://example.org/news/1"),
    ("data/sample/articles/01.txt", "data/sample/articles/01.txt"),
    ("/srv/imports/2026/kyiv-berlin.txt", "kyiv-berlin.txt"),
    ("/srv/imports/feed.jsonl#12", "feed.jsonl#12"),
    (str(REPO_ROOT / "data" / "sample" / "registry.csv"), "data/sample/registry.csv"),
    (None, ""),
])
def test_sources_never_show_a_server_path(ref, shown):
    assert fmt.source(ref) == shown


@pytest.mark.parametrize("lang, grid, picker", [("uk", "DD.MM.YYYY", "DD.MM.YYYY"), ("en", "D MMMM YYYY", "YYYY-MM-DD")])
def test_tables_and_the_date_picker_write_dates_the_languages_way(open_page, lang, grid, picker):
    at = open_page("views/explore.py", lang=lang)
    columns = json.loads(at.dataframe[0].proto.columns)
    assert {columns[c]["type_config"]["format"] for c in ("agreement_date", "signed_date")} == {grid}
    assert at.sidebar.date_input(key="dates").proto.format == picker
