"""Extract files hold exactly the rows of the filtered table, in every format."""
import io

import openpyxl
import polars as pl
import pytest

from dashboard import extracts
from tests.dashboard.conftest import table_ids


@pytest.fixture
def filtered(open_page, sql):
    oblast = sql("select oblast_code from fct_agreements group by all order by count(*) desc limit 1")[0][0]
    explore = open_page("views/explore.py", oblast=oblast)
    page = open_page("views/extracts.py", oblast=oblast)
    return explore, page


def test_extract_table_equals_the_explore_table(filtered):
    explore, page = filtered
    assert table_ids(page) == table_ids(explore)
    assert [b.key for b in page.get("download_button")] == ["download_csv", "download_xlsx", "download_parquet"]


def test_every_file_format_holds_the_rows_on_screen(filtered):
    _, page = filtered
    shown = pl.from_pandas(next(f.value for f in page.dataframe))
    about = [("Рядків", str(shown.height))]
    csv = extracts.builder("csv", shown, about, ("Таблиця", "Фільтри"))()
    assert csv.startswith(b"\xef\xbb\xbf")
    assert pl.read_csv(io.BytesIO(csv[3:]))["agreement_id"].to_list() == shown["agreement_id"].to_list()
    parquet = extracts.builder("parquet", shown, about, ("Таблиця", "Фільтри"))()
    assert pl.read_parquet(io.BytesIO(parquet))["agreement_id"].to_list() == shown["agreement_id"].to_list()
    workbook = openpyxl.load_workbook(io.BytesIO(extracts.builder("xlsx", shown, about, ("Таблиця", "Фільтри"), "Вивантажено")()))
    data_sheet, facts = workbook["Таблиця"], workbook["Фільтри"]
    assert data_sheet.freeze_panes == "A2"
    assert data_sheet.max_row - 1 == shown.height
    assert [c.value for c in facts[1]] == ["Рядків", str(shown.height)]
    assert facts[2][0].value == "Вивантажено"  # stamped when the file is built, not when the page was drawn
