"""A filter that matches nothing says so in words, instead of drawing empty axes, maps and grids."""
import pytest

from tests.dashboard.conftest import map_specs

NO_ROWS = {"uk": "Жодної угоди за цими фільтрами.", "en": "No agreement matches these filters."}


@pytest.fixture
def nothing(sql) -> dict[str, str]:
    """Filters that leave no agreement: signed ones with a country whose every agreement is terminated."""
    country = sql("""
        select partner_country_code from fct_agreements where not is_domestic
        group by all having bool_and(status = 'terminated') order by 1 limit 1
    """)[0][0]
    return {"country": country, "status": "signed"}


@pytest.mark.parametrize("lang", ["uk", "en"])
@pytest.mark.parametrize("page", ["views/overview.py", "views/explore.py", "views/profiles.py"])
def test_an_empty_selection_shows_one_message_and_no_charts(open_page, nothing, page, lang):
    at = open_page(page, lang=lang, **nothing, **({"profile": "country", "id": nothing["country"]}
                                                   if page.endswith("profiles.py") else {}))
    assert [info.value for info in at.info] == [NO_ROWS[lang]]
    assert not at.get("plotly_chart") and not map_specs(at)
    assert not [frame for frame in at.dataframe if "agreement_id" in frame.value.columns]
    assert any("GeoNames" in caption.value for caption in at.caption)  # the footer is still there
