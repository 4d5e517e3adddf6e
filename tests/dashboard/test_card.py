"""An agreement's card and a profile open from a link and show what they should."""
from tests.dashboard.conftest import table_ids


def test_agreement_link_opens_its_card_with_every_source(open_page, sql):
    agreement_id, sources = sql("""
        select agreement_id, count(*) from fct_agreement_sources group by all order by count(*) desc, agreement_id limit 1
    """)[0]
    at = open_page("views/explore.py", agreement=agreement_id)
    assert len(at.subheader) >= 2
    source_lines = [m for m in at.markdown if m.value.startswith("- ")]
    assert len(source_lines) == sources


def test_profile_link_shows_that_oblasts_partners(open_page, sql):
    oblast, name = sql("select oblast_code, name_uk from dim_oblast order by oblast_code limit 1")[0]
    at = open_page("views/profiles.py", profile="oblast", id=oblast)
    assert at.header[0].value == name
    expected = sql("select count(*) from fct_agreements where oblast_code = ? or (is_domestic and partner_oblast_code = ?)",
                   oblast, oblast)[0][0]
    assert len(table_ids(at)) == expected


def test_leaving_a_page_drops_its_own_parameters_but_keeps_the_filters(open_page, sql):
    agreement_id, oblast = sql("select agreement_id, oblast_code from fct_agreements order by agreement_id limit 1")[0]
    at = open_page("views/explore.py", agreement=agreement_id, oblast=oblast)
    at.switch_page("views/overview.py").run()
    assert "agreement" not in at.query_params and at.query_params["oblast"] == oblast
