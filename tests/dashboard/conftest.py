"""AppTest harness: the real app over the sample warehouse that tests/conftest.py builds once per session."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from warehouse.connection import ENV_VAR, REPO_ROOT

APP = REPO_ROOT / "dashboard" / "app.py"
PAGE_PARAMS = {"agreement", "profile", "id"}
PAGES = {
    "views/overview.py": ("Огляд", "Overview"),
    "views/explore.py": ("Аналіз", "Explore"),
    "views/profiles.py": ("Профілі", "Profiles"),
    "views/extracts.py": ("Вивантаження", "Extracts"),
    "views/quality.py": ("Якість даних", "Data quality"),
    "views/methodology.py": ("Про дані", "Methodology"),
}


@pytest.fixture
def dashboard_db(built_warehouse, monkeypatch) -> Path:
    monkeypatch.setenv(ENV_VAR, str(built_warehouse))
    return built_warehouse


@pytest.fixture
def sql(dashboard_db) -> Callable[..., list[tuple]]:
    """Independent answers straight from the warehouse file, to compare the app against."""
    def run(query: str, *params) -> list[tuple]:
        with duckdb.connect(str(dashboard_db), read_only=True) as con:
            return con.execute(query, list(params)).fetchall()
    return run


@pytest.fixture
def open_page(dashboard_db) -> Callable[..., AppTest]:
    """Run the app on `page` with the given URL query parameters, as a browser opening that link would."""
    def run(page: str = "views/overview.py", **query: str) -> AppTest:
        # AppTest starts on the default page, which drops other pages' parameters: give those after switching
        at = AppTest.from_file(str(APP), default_timeout=120)
        at.query_params.update({k: v for k, v in query.items() if k not in PAGE_PARAMS})
        at.run()
        if page != "views/overview.py":
            at.switch_page(page)
            at.query_params.update({k: v for k, v in query.items() if k in PAGE_PARAMS})
            at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at
    return run


def table_ids(at: AppTest) -> list[str]:
    """The agreement ids of the page's agreement table (AppTest keeps keys only of selectable tables)."""
    frames = [frame.value for frame in at.dataframe if "agreement_id" in frame.value.columns]
    assert len(frames) == 1, f"expected one agreement table, found {len(frames)}"
    return list(frames[0]["agreement_id"])


def map_specs(at: AppTest) -> list[str]:
    """The deck.gl JSON of every pydeck map the page drew, as sent to the browser."""
    return [element.proto.json for element in at.get("deck_gl_json_chart")]
