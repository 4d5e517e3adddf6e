"""One interaction per page: what the user does there changes what the page shows, as the SQL says it should."""
from tests.dashboard.conftest import table_ids


def test_selecting_a_table_row_opens_that_agreements_card(open_page):
    at = open_page("views/explore.py")
    first = table_ids(at)[0]
    at.session_state["agreements_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert at.query_params["agreement"] == first
    assert len(at.subheader) == 2  # the table heading, then the card's "hromada — partner" heading


def test_choosing_a_country_profile_lists_that_countrys_agreements(open_page, sql):
    country, name, count = sql("""
        select partner_country_code, any_value(partner_country_name_uk), count(*) from fct_agreements
        where not is_domestic group by all order by count(*) desc, 1 limit 1
    """)[0]
    at = open_page("views/profiles.py")
    at.segmented_control(key="profile_kind").set_value("country").run()
    at.selectbox(key="profile_id").set_value(country).run()
    assert at.header[0].value == name
    assert len(table_ids(at)) == count
    assert at.query_params["profile"] == "country" and at.query_params["id"] == country


def test_switching_the_extract_to_oblasts_lists_every_oblast(open_page, sql):
    at = open_page("views/extracts.py")
    at.segmented_control(key="extract_dataset").set_value("oblasts").run()
    assert len(at.dataframe[0].value) == sql("select count(*) from dim_oblast")[0][0]


def test_raising_the_confidence_threshold_grows_the_review_queue(open_page, sql):
    at = open_page("views/quality.py")
    at.slider(key="quality_min_confidence").set_value(1.0).run()
    expected = sql("""
        select count(*) from fct_agreements where max_confidence < 1.0 or partner_lat is null or has_conflicting_status
    """)[0][0]
    assert len(next(f.value for f in at.dataframe if "card" in f.value.columns)) == expected


def test_methodology_follows_the_language_switch(open_page):
    at = open_page("views/methodology.py")
    assert "КАТОТТГ" in at.markdown[0].value
    at.sidebar.segmented_control(key="lang").set_value("en").run()
    assert "KATOTTG" in at.markdown[0].value and at.title[0].value == "Methodology"
