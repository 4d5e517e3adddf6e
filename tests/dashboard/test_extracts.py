"""The Extracts page offers exactly the filtered table, names its filters in words, and builds files only on a click.

The bytes of the page's own download callables are checked in the browser (tests/e2e: AppTest runs without the
Streamlit runtime that holds deferred downloads); here, what the page hands them.
"""
import pytest

from tests.dashboard.conftest import table_ids


@pytest.fixture
def busiest_oblast(sql) -> tuple[str, str, str]:
    return sql("""
        select oblast_code, any_value(dim_oblast.name_uk), any_value(dim_oblast.name_en)
        from fct_agreements join dim_oblast using (oblast_code)
        group by oblast_code order by count(*) desc, oblast_code limit 1
    """)[0]


def test_extract_table_equals_the_explore_table(open_page, busiest_oblast):
    oblast = busiest_oblast[0]
    explore = open_page("views/explore.py", oblast=oblast)
    page = open_page("views/extracts.py", oblast=oblast)
    assert table_ids(page) == table_ids(explore)
    assert [b.key for b in page.get("download_button")] == ["download_csv", "download_xlsx", "download_parquet"]
    assert next(m.value for m in page.markdown if m.value.startswith("**Рядків")) == f"**Рядків: {len(table_ids(page))}**"


@pytest.mark.parametrize("lang, status", [("uk", "підписано"), ("en", "signed")])
def test_the_filters_of_an_extract_are_named_in_the_language_not_coded(open_page, busiest_oblast, lang, status):
    oblast, name_uk, name_en = busiest_oblast
    page = open_page("views/extracts.py", lang=lang, oblast=oblast, status="signed")
    about = next(c.value for c in page.caption if c.value.startswith(("Область", "Oblast")))
    assert (name_uk if lang == "uk" else name_en) in about and status in about
    assert oblast not in about


@pytest.mark.parametrize("dataset, sql_count", [
    ("oblasts", "select count(*) from dim_oblast"),
    ("countries", "select count(distinct partner_country_code) from fct_agreements where not is_domestic"),
])
def test_each_dataset_lists_the_rows_its_file_will_hold(open_page, sql, dataset, sql_count):
    page = open_page("views/extracts.py")
    page.segmented_control(key="extract_dataset").set_value(dataset).run()
    assert len(page.dataframe[0].value) == sql(sql_count)[0][0]
    assert next(m.value for m in page.markdown if m.value.startswith("**Рядків")) == f"**Рядків: {sql(sql_count)[0][0]}**"
