"""Numbers and dates read the way Ukrainian and English readers expect."""
import datetime as dt

import pytest
import streamlit as st

from dashboard import fmt


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
