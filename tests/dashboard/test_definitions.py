"""One definition per figure: the dashboard's per-oblast and per-country figures agree with the marts and the KPIs."""
import duckdb
import polars as pl
import pytest

from warehouse import queries

SHARED_WITH_MART = ("agreement_count", "domestic_as_partner_count", "signed_count", "terminated_count",
                    "domestic_count", "hromadas_with_international_count", "hromadas_with_international_pct",
                    "partner_country_count")


@pytest.fixture
def con(dashboard_db):
    with duckdb.connect(str(dashboard_db), read_only=True) as connection:
        yield connection


def test_unfiltered_per_oblast_figures_equal_the_agreements_by_oblast_mart(con):
    shown = queries.run(con, "by_oblast").select("oblast_code", *SHARED_WITH_MART).sort("oblast_code")
    mart = con.sql(f"select oblast_code, {', '.join(SHARED_WITH_MART)} from agreements_by_oblast order by oblast_code").pl()
    assert shown.equals(mart.cast(shown.schema))
    assert shown["agreement_count"].sum() == con.execute("select count(*) from fct_agreements").fetchone()[0]


def test_an_oblast_filter_keeps_its_agreements_and_its_pairs_as_partner(con, sql):
    oblast = sql("""select partner_oblast_code from fct_agreements where is_domestic
                    group by all order by count(*) desc, 1 limit 1""")[0][0]
    row = queries.run(con, "by_oblast").filter(pl.col("oblast_code") == oblast).row(0, named=True)
    filtered = queries.run(con, "agreements", oblast_codes=[oblast])
    assert row["domestic_as_partner_count"] > 0
    assert filtered.height == row["agreement_count"] + row["domestic_as_partner_count"]


def test_partner_countries_are_counted_and_ranked_by_live_agreements_everywhere(open_page, sql):
    live = sql("select count(distinct partner_country_code) from fct_agreements where not is_domestic and is_active")[0][0]
    only_terminated = sql("""
        select any_value(partner_country_name_uk) from fct_agreements where not is_domestic
        group by partner_country_code having bool_and(not is_active)
    """)
    assert only_terminated, "the sample should hold a country with terminated agreements only"
    overview = open_page("views/overview.py")
    assert next(m.value for m in overview.metric if m.label == "Країни-партнери") == str(live)
    ranked = overview.get("plotly_chart")[0].proto.spec
    assert not any(name in ranked for (name,) in only_terminated)

    explore = open_page("views/explore.py")
    by_country = next(f.value for f in explore.dataframe if "partner_count" in f.value.columns)
    assert (by_country["agreement_count"] > 0).sum() == live
    terminated_only = by_country[by_country["agreement_count"] == 0]
    assert len(terminated_only) == len(only_terminated) and (terminated_only["terminated_count"] > 0).all()
