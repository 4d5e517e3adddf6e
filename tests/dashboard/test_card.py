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
    oblast, name, expected = sql("""
        select oblast_code, any_value(dim_oblast.name_uk), count(distinct agreement_id)
        from (select oblast_code, agreement_id from fct_agreements
              union all select partner_oblast_code, agreement_id from fct_agreements where is_domestic)
        join dim_oblast using (oblast_code)
        group by oblast_code order by count(distinct agreement_id) desc, oblast_code limit 1
    """)[0]
    assert expected > 1, "the busiest oblast should have several agreements"
    at = open_page("views/profiles.py", profile="oblast", id=oblast)
    assert at.header[0].value == name
    assert len(table_ids(at)) == expected


def test_leaving_a_page_drops_its_own_parameters_but_keeps_the_filters(open_page, sql):
    agreement_id, oblast = sql("select agreement_id, oblast_code from fct_agreements order by agreement_id limit 1")[0]
    at = open_page("views/explore.py", agreement=agreement_id, oblast=oblast)
    at.switch_page("views/overview.py").run()
    assert "agreement" not in at.query_params and at.query_params["oblast"] == oblast


def test_register_links_open_from_the_table_and_the_card_and_nothing_reads_none(open_page, sql):
    agreement_id, url = sql("""
        select agreement_id, any_value(source_url) from fct_agreement_sources
        group by agreement_id having count(distinct source_url) = 1 and bool_or(source_kind = 'registry')
            and count(*) > count(source_url)
        order by agreement_id limit 1
    """)[0]
    at = open_page("views/explore.py", agreement=agreement_id)
    table = next(f.value for f in at.dataframe if "source_url" in f.value.columns)
    assert table.loc[table["agreement_id"] == agreement_id, "source_url"].item() == url
    assert table["source_url"].notna().all()
    sources = [m.value for m in at.markdown if m.value.startswith("- ")]
    assert any(f"]({url})" in line for line in sources)
    events = next(f.value for f in at.dataframe if "evidence" in f.value.columns and "link" in f.value.columns)
    assert url in set(events["link"]) and events["link"].notna().all()
    assert not any("None" in line or "`/" in line for line in sources)
