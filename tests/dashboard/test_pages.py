"""Every page renders in both languages, with its title, the filter panel and the footer."""
import os
import shutil
import time

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from tests.dashboard.conftest import APP, PAGES
from warehouse.connection import ENV_VAR

TOTAL = "select count(*) from fct_agreements"


def _uk(number: int) -> str:
    return f"{number:,}".replace(",", "\u00a0")


def _agreements_tile(at: AppTest) -> str:
    assert not at.exception, [e.value for e in at.exception]
    return next(m.value for m in at.metric if m.label == "Угоди")


@pytest.mark.parametrize("lang", ["uk", "en"])
@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders_in_both_languages(open_page, page, lang):
    at = open_page(page, lang=lang)
    title = PAGES[page][0 if lang == "uk" else 1]
    assert at.title[0].value == title
    assert at.sidebar.multiselect(key="oblast").label == ("Область" if lang == "uk" else "Oblast")
    assert any("GeoNames" in caption.value for caption in at.caption)


def test_switching_language_relabels_the_page_and_keeps_the_filters(open_page, sql):
    oblast = sql("select oblast_code from dim_oblast order by oblast_code limit 1")[0][0]
    at = open_page("views/explore.py", oblast=oblast)
    at.sidebar.segmented_control(key="lang").set_value("en").run()
    assert at.title[0].value == "Explore"
    assert at.session_state["oblast"] == [oblast]
    assert at.query_params["lang"] == "en"


def test_filters_persist_when_moving_to_another_page(open_page, sql):
    oblast = sql("select oblast_code from dim_oblast order by oblast_code limit 1")[0][0]
    at = open_page("views/overview.py")
    at.sidebar.multiselect(key="oblast").set_value([oblast]).run()
    at.switch_page("views/explore.py").run()
    assert at.sidebar.multiselect(key="oblast").value == [oblast]
    assert at.query_params["oblast"] == oblast


@pytest.mark.parametrize("lang, grouped", [("uk", lambda n: f"{n:,}".replace(",", "\u00a0")), ("en", "{:,}".format)])
def test_overview_figures_group_thousands_the_languages_way(open_page, sql, lang, grouped):
    hromadas = sql("select count(*) from dim_hromada where is_hromada and not is_crimea")[0][0]
    assert hromadas >= 1_000, "the figure must have a thousands group to show how it is written"
    at = open_page("views/overview.py", lang=lang)
    assert any(grouped(hromadas) in caption.value for caption in at.caption)  # «з 1 469 громад», "of 1,469 hromadas"
    assert next(m.value for m in at.metric if m.label in ("Угоди", "Agreements")) == grouped(sql(TOTAL)[0][0])



def test_a_newly_published_build_is_read_without_restart(dashboard_db, tmp_path, monkeypatch, sql):
    live, build = tmp_path / "live.duckdb", tmp_path / "build.duckdb"
    shutil.copy2(dashboard_db, live)
    monkeypatch.setenv(ENV_VAR, str(live))
    assert _agreements_tile(AppTest.from_file(str(APP), default_timeout=120).run()) == _uk(sql(TOTAL)[0][0])

    shutil.copy2(dashboard_db, build)  # the next build: one agreement fewer, swapped in the way etl publishes
    with duckdb.connect(str(build)) as con:
        con.execute("delete from fct_agreements where agreement_id = (select min(agreement_id) from fct_agreements)")
    os.replace(build, live)
    os.utime(live, (time.time() + 5, time.time() + 5))

    assert _agreements_tile(AppTest.from_file(str(APP), default_timeout=120).run()) == _uk(sql(TOTAL)[0][0] - 1)


def test_hromada_share_is_of_the_1469_hromadas_outside_crimea(open_page, sql):
    with_partner = sql("""
        select count(distinct a.hromada_code) from fct_agreements a join dim_hromada h using (hromada_code)
        where not a.is_domestic and a.is_active and h.is_hromada and not h.is_crimea
    """)[0][0]
    at = open_page("views/overview.py")
    assert next(m.value for m in at.metric if m.label == "Громади з міжнародним партнером") == _uk(with_partner)
    assert any("з 1\u00a0469 громад" in caption.value for caption in at.caption)


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_every_geocoding_quality_is_named_in_the_language(open_page, sql, lang):
    from dashboard.i18n import LABELS
    found = {row[0] for row in sql("select distinct coalesce(geocode_quality, 'unresolved') from dim_hromada")}
    assert found <= set(LABELS["geocode_quality"]), found - set(LABELS["geocode_quality"])
    oblast = "Область" if lang == "uk" else "Oblast"
    coverage = next(f.value for f in open_page("views/quality.py", lang=lang).dataframe if oblast in f.value.columns)
    named = {LABELS["geocode_quality"][quality][("uk", "en").index(lang)] for quality in found}
    assert set(coverage.columns) - {oblast} == named


def test_the_footer_dates_the_data_by_the_build_not_the_file(dashboard_db, tmp_path, monkeypatch):
    copy = tmp_path / "copied.duckdb"
    shutil.copy2(dashboard_db, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("update build_info set value = '2024-03-05T10:20:00+00:00' where key = 'built_at'")
    monkeypatch.setenv(ENV_VAR, str(copy))  # the copy's file is new; its build is not
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    assert any("Дані зібрано 5 березня 2024, 10:20 UTC" in caption.value for caption in at.caption)
