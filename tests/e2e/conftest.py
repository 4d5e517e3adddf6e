"""One served app and one headless Debian Chromium for the whole session, and helpers that wait for Streamlit to settle."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from warehouse.connection import ENV_VAR

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO_ROOT / "test-output" / "screenshots"
HEALTH_TIMEOUT_S = 60
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
NO_CHROMIUM = "Debian Chromium is not installed: run `make browser` (apt-get install chromium)"

# The app has finished a run: the script is idle, nothing from the previous run is still greyed out, a title is drawn.
SETTLED = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app !== null && app.dataset.testScriptState === 'notRunning'
        && document.querySelector('[data-stale="true"]') === null
        && document.querySelector('[data-testid="stMain"] h1') !== null;
}"""
# an exception, st.error, or an app-level notice such as "Page not found" (the app itself opens no dialogs)
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"], [role="dialog"]'
# Every visible chart, map and table of the page has drawn itself (they load lazily after the run ends).
DRAWN = """() => {
    const shown = selector => [...document.querySelectorAll(`[data-testid="stMain"] ${selector}`)]
        .filter(element => element.checkVisibility());
    return shown('[data-testid="stPlotlyChart"]').every(chart => chart.querySelector('.main-svg'))
        && shown('[data-testid="stDeckGlJsonChart"]').every(map => map.querySelector('canvas'))
        && shown('[data-testid="stDataFrame"]').every(table => table.querySelector('canvas'));
}"""


def pytest_configure(config: pytest.Config) -> None:
    if not config.pluginmanager.hasplugin("xdist"):  # run with -p no:xdist, the group mark is still on the tests
        config.addinivalue_line("markers", "xdist_group(name): run these tests in one xdist worker")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The system Chromium; a missing one fails the run in CI and skips the browser tests elsewhere."""
    found = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        if _in_ci():
            pytest.fail(NO_CHROMIUM, pytrace=False)
        pytest.skip(NO_CHROMIUM)
    return found


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
            return answer.status == 200 and answer.read().strip() == b"ok"
    except OSError:
        return False


@dataclass(frozen=True)
class ServedApp:
    url: str
    stderr: Path  # what the server logs (Streamlit's warnings among it)


@pytest.fixture(scope="session")
def app_url(served_app) -> str:
    return served_app.url


@pytest.fixture(scope="session")
def served_app(chromium_path, built_warehouse, tmp_path_factory) -> Iterator[ServedApp]:
    """`streamlit run dashboard/app.py` on a free loopback port over the sample warehouse: its base URL and log."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    logs = tmp_path_factory.mktemp("streamlit")
    out_path, err_path = logs / "stdout.log", logs / "stderr.log"
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.headless", "true",
        "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
    ]
    env = {**os.environ, ENV_VAR: str(built_warehouse)}
    with out_path.open("wb") as out, err_path.open("wb") as err:
        server = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=out, stderr=err)
    try:
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while not _healthy(url):
            if server.poll() is not None or time.monotonic() > deadline:
                state = f"exited with {server.returncode}" if server.poll() is not None else "never answered"
                raise RuntimeError(
                    f"streamlit on {url} {state} within {HEALTH_TIMEOUT_S} s\n"
                    f"--- stderr ---\n{err_path.read_text(errors='replace')[-4000:]}\n"
                    f"--- stdout ---\n{out_path.read_text(errors='replace')[-2000:]}"
                )
            time.sleep(0.25)
        yield ServedApp(url, err_path)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="session")
def chromium(chromium_path):
    """One headless Chromium for the session (never Playwright's own download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def is_loopback(url: str) -> bool:
    """A request that stays on this machine: the served app itself, or data held by the page (data:, blob:)."""
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob", "about"} or parts.hostname in {"127.0.0.1", "localhost", "::1"}


@pytest.fixture
def outside_requests() -> list[str]:
    """Every URL the test's browser contexts asked for beyond loopback (they are aborted, but still recorded)."""
    return []


@pytest.fixture
def new_context(chromium, outside_requests):
    """Open fresh browser contexts (each is a new Streamlit session, like a new browser); all close after the test."""
    contexts = []

    def make():
        context = chromium.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
        context.set_default_timeout(60_000)
        context.on("request", lambda request: None if is_loopback(request.url) else outside_requests.append(request.url))
        # hermetic: the app is all on loopback; anything else (icon fonts, a basemap style) fails at once
        context.route(lambda url: not is_loopback(url), lambda route: route.abort())
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


def settle(page) -> None:
    """Wait until Streamlit has finished the current run and drawn its page; then check it raised nothing."""
    page.wait_for_function(SETTLED, polling=100)
    errors = page.locator(ERRORS)
    assert errors.count() == 0, f"Streamlit shows an error on {page.url}: {errors.all_inner_texts()}"


def open_app(page, url: str):
    page.goto(url)
    settle(page)
    return page


def grid(container):
    """The accessible table Streamlit's data grid draws inside `container` (drawn lazily, once scrolled into view)."""
    container.scroll_into_view_if_needed()
    table = container.locator("table[role='grid']")
    table.wait_for(state="attached")
    return table


def grid_row_count(container) -> int:
    """All rows of the dataframe (the grid virtualises rows, but aria-rowcount counts them all, header included)."""
    return int(grid(container).get_attribute("aria-rowcount")) - 1


def grid_rows(container) -> list[str]:
    """The text of the rows the grid has drawn (all of them for a short table)."""
    return grid(container).locator("tbody tr").all_inner_texts()


def count_in(text: str) -> int:
    """The number in "Угоди (1 234)", "Rows: 1,234" and the like."""
    found = re.search(r"\d[\d\s,\u00a0\u202f]*", text)
    assert found, f"no number in {text!r}"
    return int(re.sub(r"\D", "", found.group()))


def screenshot(page, name: str) -> Path:
    """A full-page picture: Streamlit scrolls inside its main section, so the viewport grows to fit it first."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate(
        """() => Math.max(...['[data-testid="stMain"]', '[data-testid="stAppViewContainer"]', '[data-testid="stSidebar"]']
            .map(selector => document.querySelector(selector)).filter(Boolean).map(element => element.scrollHeight))"""
    )
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 12_000)})
    page.wait_for_function(DRAWN, polling=200)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    target = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    page.set_viewport_size(size)
    return target
