"""The filter panel narrows every table exactly as the SQL does, and a link with filters reproduces the view."""
import pytest

from tests.dashboard.conftest import table_ids

EITHER_SIDE = """
    select count(*) from fct_agreements
    where oblast_code = ? or (is_domestic and partner_oblast_code = ?)
"""


def _busiest_oblast(sql) -> str:
    return sql("select oblast_code from fct_agreements group by all order by count(*) desc, oblast_code limit 1")[0][0]


def test_filtering_by_an_oblast_leaves_as_many_rows_as_sql_counts(open_page, sql):
    oblast = _busiest_oblast(sql)
    at = open_page("views/explore.py")
    at.sidebar.multiselect(key="oblast").set_value([oblast]).run()
    expected = sql(EITHER_SIDE, oblast, oblast)[0][0]
    assert 0 < len(table_ids(at)) == expected


def test_unfiltered_table_lists_every_agreement(open_page, sql):
    at = open_page("views/explore.py")
    assert len(table_ids(at)) == sql("select count(*) from fct_agreements")[0][0]


def test_a_link_with_filters_reproduces_the_view(open_page, sql):
    oblast = _busiest_oblast(sql)
    status = sql("select status from fct_agreements group by all order by count(*) desc limit 1")[0][0]
    at = open_page("views/explore.py")
    at.sidebar.multiselect(key="oblast").set_value([oblast]).run()
    at.sidebar.multiselect(key="status").set_value([status]).run()
    at.sidebar.radio(key="kind").set_value("foreign").run()
    link = dict(at.query_params)
    assert link["oblast"] == oblast and link["status"] == status and link["kind"] == "foreign"

    reopened = open_page("views/explore.py", **link)
    assert table_ids(reopened) == table_ids(at)
    assert reopened.sidebar.multiselect(key="status").value == [status]


@pytest.mark.parametrize("kind, domestic", [("domestic", True), ("foreign", False)])
def test_partner_kind_filter_matches_sql(open_page, sql, kind, domestic):
    at = open_page("views/explore.py", kind=kind)
    expected = sql("select count(*) from fct_agreements where is_domestic = ?", domestic)[0][0]
    assert len(table_ids(at)) == expected


def test_choosing_an_oblast_under_the_map_filters_the_overview(open_page, sql):
    oblast = _busiest_oblast(sql)
    at = open_page("views/overview.py")
    at.selectbox(key="overview_oblast").set_value(oblast).run()
    assert at.session_state["oblast"] == [oblast]
    tile = next(m for m in at.metric if m.label == "Угоди")
    assert tile.value == f"{sql(EITHER_SIDE, oblast, oblast)[0][0]:,}".replace(",", "\u00a0")
