"""Every page renders in both languages, with its title, the filter panel and the footer."""
import pytest

from tests.dashboard.conftest import PAGES


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


def test_overview_figures_use_ukrainian_number_formatting(open_page, sql):
    total = sql("select count(*) from fct_agreements")[0][0]
    at = open_page("views/overview.py")
    tile = next(m for m in at.metric if m.label == "Угоди")
    assert tile.value == f"{total:,}".replace(",", "\u00a0")
