"""The served app in headless Chromium: every page in both languages, a filter that becomes a link, a CSV extract."""
from __future__ import annotations

import csv
import io
import re

import duckdb
import openpyxl
import polars as pl
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.e2e.conftest import count_in, grid, grid_row_count, grid_rows, open_app, screenshot, settle

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]

# page -> (url path, title uk, title en); the titles are also the navigation labels
PAGES = {
    "overview": ("", "Огляд", "Overview"),
    "explore": ("explore", "Аналіз", "Explore"),
    "profiles": ("profiles", "Профілі", "Profiles"),
    "extracts": ("extracts", "Вивантаження", "Extracts"),
    "quality": ("quality", "Якість даних", "Data quality"),
    "methodology": ("methodology", "Про дані", "Methodology"),
}
LANGS = ("uk", "en")
TAB_TITLE = {"uk": "Моніторинг партнерств громад", "en": "Hromada Partnerships Monitor"}
OBLAST_LABEL = {"uk": "Область", "en": "Oblast"}
# a whole number or a "signed / in progress" pair, grouped the language's way: "1 234" (no-break space) or "1,234"
NUMBER = {"uk": r"\d{1,3}(?:\u00a0\d{3})*", "en": r"\d{1,3}(?:,\d{3})*"}
# words of the other language's script in the interface (not the data): Latin words in uk, Cyrillic in en
FOREIGN_WORD = {"uk": re.compile(r"[A-Za-z]{2,}"), "en": re.compile(r"[А-ЩЬЮЯЄІЇҐа-щьюяєіїґ']*[А-ЩЬЮЯЄІЇҐа-щьюяєіїґ]")}
SAME_IN_BOTH = ("Українська", "English", "ISO")
# the text of the matched elements without icons (material icons are ligature words such as "table_view")
WORDING = """selector => [...document.querySelectorAll(selector)].map(element => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll('[data-testid="stIconMaterial"]').forEach(icon => icon.remove());
    return copy.textContent;
})"""


def _url(app_url: str, path: str, lang: str, **query: str) -> str:
    params = {**({"lang": lang} if lang != "uk" else {}), **query}
    return f"{app_url}/{path}" + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def _main(page, testid: str):
    return page.locator(f'[data-testid="stMain"] [data-testid="{testid}"]')


def _table(page, key: str):
    """The dataframe with widget key `key`; Streamlit marks only selectable tables with their key, so the others
    are found by place: the page's last table."""
    keyed = page.locator(f".st-key-{key}")
    return keyed if keyed.count() else _main(page, "stDataFrame").last


def _metrics(page, wait: bool = False) -> dict[str, str]:
    """The page's metric tiles, label -> value; with wait, once the first tile is drawn (a page that shows
    metrics may still be drawing them when its heading is already there)."""
    tiles = page.locator('[data-testid="stMain"] [data-testid="stMetric"]')
    if wait:
        tiles.first.wait_for()
    return {
        tile.locator('[data-testid="stMetricLabel"]').inner_text().strip():
            tile.locator('[data-testid="stMetricValue"]').inner_text().strip()
        for tile in tiles.all()
    }


def _assert_one_language(page, lang: str) -> None:
    """The sidebar, headings, metric labels and table headers carry no words left over from the other language."""
    texts = page.evaluate(WORDING, '[data-testid="stSidebar"], [data-testid="stMain"] :is(h1, h2, h3, '
                          '[data-testid="stMetricLabel"], table[role="grid"] th)')
    for text in texts:
        for word in SAME_IN_BOTH:
            text = text.replace(word, "")
        assert not FOREIGN_WORD[lang].search(text), f"{lang} view shows {FOREIGN_WORD[lang].findall(text)} in {text!r}"


def _assert_numbers_formatted(metrics: dict[str, str], lang: str) -> None:
    for label, value in metrics.items():
        for part in value.split(" / "):
            assert part == "—" or re.fullmatch(NUMBER[lang], part), f"{label}: {value!r} is not a {lang} number"


def _check_overview(page, lang):
    metrics = _metrics(page, wait=True)
    assert {"uk": "Угоди", "en": "Agreements"}[lang] in metrics, metrics
    assert count_in(metrics[{"uk": "Угоди", "en": "Agreements"}[lang]]) > 0
    page.locator(".st-key-overview_map canvas").first.wait_for()
    page.locator('.st-key-top_countries [data-testid="stPlotlyChart"]').wait_for()


def _check_explore(page, lang):
    heading = page.locator("h3", has_text=re.compile(r"^(Угоди|Agreements) \(")).inner_text()
    assert heading.startswith({"uk": "Угоди (", "en": "Agreements ("}[lang])
    assert count_in(heading) == grid_row_count(_table(page, "agreements_table")) > 0


def _check_profiles(page, lang):
    assert page.locator('[data-testid="stMain"] h2').first.inner_text().strip()
    assert _metrics(page, wait=True)
    grid_row_count(_table(page, "profile_table"))
    _main(page, "stDeckGlJsonChart").locator("canvas").first.wait_for()


def _check_extracts(page, lang):
    shown = page.locator("strong", has_text=re.compile(r"^(Рядків|Rows): ")).inner_text()
    assert count_in(shown) == grid_row_count(_table(page, "extract_table")) > 0
    button = page.locator(".st-key-download_csv button")
    assert button.inner_text().strip().endswith({"uk": "Завантажити CSV", "en": "Download CSV"}[lang])


def _check_quality(page, lang):
    for number in range(3):  # the review queue, geocoding coverage, ingest runs (no rejects in the sample)
        grid_row_count(_main(page, "stDataFrame").nth(number))
    separator = {"uk": "\u00a0", "en": ","}[lang]
    assert any(separator in value for value in _metrics(page, wait=True).values()), "no figure above 999 to show grouping"


def _check_methodology(page, lang):
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert {"uk": "Що рахуємо", "en": "What is counted"}[lang] in body
    assert "Natural Earth" in body


CHECKS = {
    "overview": _check_overview, "explore": _check_explore, "profiles": _check_profiles,
    "extracts": _check_extracts, "quality": _check_quality, "methodology": _check_methodology,
}


@pytest.fixture(scope="module")
def small_oblast(built_warehouse) -> tuple[str, str]:
    """(code, Ukrainian name) of an oblast with a handful of agreements, so the whole filtered table is drawn."""
    with duckdb.connect(str(built_warehouse), read_only=True) as con:
        found = con.execute(
            """
            with touched as (
                select oblast_code from fct_agreements
                union all
                select partner_oblast_code from fct_agreements
                where partner_oblast_code is not null and partner_oblast_code <> oblast_code
            )
            select oblast_code, any_value(dim_oblast.name_uk), count(*) as agreement_count
            from touched join dim_oblast using (oblast_code)
            group by oblast_code
            having agreement_count between 2 and 12
            order by agreement_count desc, oblast_code
            limit 1
            """
        ).fetchone()
    assert found, "the sample has no oblast with 2-12 agreements"
    return found[0], found[1]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_renders_in_both_languages_without_errors(page, app_url, outside_requests, name, lang):
    open_app(page, _url(app_url, PAGES[name][0], lang))
    title = PAGES[name][1 + LANGS.index(lang)]
    assert page.locator('[data-testid="stMain"] h1').all_inner_texts() == [title]
    assert page.title() == TAB_TITLE[lang]
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert all(titles[1 + LANGS.index(lang)] in nav for titles in PAGES.values()), nav
    assert page.locator(".st-key-oblast label").first.inner_text().strip() == OBLAST_LABEL[lang]
    assert "GeoNames" in page.locator('[data-testid="stMain"]').inner_text()
    CHECKS[name](page, lang)
    _assert_numbers_formatted(_metrics(page), lang)
    _assert_one_language(page, lang)
    settle(page)
    screenshot(page, f"{name}-{lang}")
    assert outside_requests == [], f"{name} asked for more than loopback (maps must work offline)"


def test_language_switch_relabels_the_page_and_keeps_the_link(page, app_url, small_oblast):
    code, _ = small_oblast
    open_app(page, _url(app_url, "explore", "uk", oblast=code))
    rows = count_in(page.locator("h3", has_text="Угоди (").inner_text())
    page.locator(".st-key-lang button", has_text="English").click()
    page.wait_for_url(re.compile(r"[?&]lang=en(&|$)"))
    settle(page)
    assert page.locator('[data-testid="stMain"] h1').inner_text() == "Explore"
    assert count_in(page.locator("h3", has_text="Agreements (").inner_text()) == rows
    assert f"oblast={code}" in page.url


def test_choosing_an_oblast_filters_the_view_and_its_link_reproduces_it(page, new_context, app_url, small_oblast):
    code, name = small_oblast
    open_app(page, f"{app_url}/explore")
    total = count_in(page.locator("h3", has_text="Угоди (").inner_text())

    picker = page.locator(".st-key-oblast input")
    picker.click()
    picker.fill(name)
    page.get_by_role("option", name=name, exact=True).click()
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(rf"[?&]oblast={code}(&|$)"))
    settle(page)
    filtered = count_in(page.locator("h3", has_text="Угоди (").inner_text())
    assert 0 < filtered < total
    expect(grid(_table(page, "agreements_table"))).to_have_attribute("aria-rowcount", str(filtered + 1))
    rows = grid_rows(_table(page, "agreements_table"))
    assert len(rows) == filtered

    elsewhere = open_app(new_context().new_page(), page.url)
    assert count_in(elsewhere.locator("h3", has_text="Угоди (").inner_text()) == filtered
    expect(grid(_table(elsewhere, "agreements_table"))).to_have_attribute("aria-rowcount", str(filtered + 1))
    assert grid_rows(_table(elsewhere, "agreements_table")) == rows
    assert name in elsewhere.locator(".st-key-oblast").inner_text()

    elsewhere.locator('[data-testid="stSidebarNav"] a', has_text="Огляд").click()
    elsewhere.wait_for_url(re.compile(rf"/(overview)?\?.*oblast={code}"))
    settle(elsewhere)
    expect(elsewhere.locator('[data-testid="stMain"] h1')).to_have_text("Огляд")
    assert count_in(_metrics(elsewhere, wait=True)["Угоди"]) == filtered


HEADINGS = {"uk": ("Ідентифікатор угоди", "Громада"), "en": ("Agreement ID", "Hromada")}
FILTERS_SHEET = {"uk": ("Фільтри", "Рядків", "Область", "Статус", "підписано"),
                 "en": ("Filters", "Rows", "Oblast", "Status", "signed")}


def _download(page, kind: str) -> tuple[str, bytes]:
    with page.expect_download() as started:
        page.locator(f".st-key-download_{kind} button").click()
    download = started.value
    with open(download.path(), "rb") as file:
        return download.suggested_filename, file.read()


@pytest.mark.parametrize("lang", LANGS)
def test_every_extract_file_holds_the_rows_on_screen_with_headings_of_the_language(
        page, app_url, built_warehouse, small_oblast, lang):
    code, name_uk = small_oblast
    with duckdb.connect(str(built_warehouse), read_only=True) as con:
        name = con.execute(f"select name_{lang} from dim_oblast where oblast_code = ?", [code]).fetchone()[0]
    open_app(page, _url(app_url, "extracts", lang, oblast=code, status="signed"))
    shown = count_in(page.locator("strong", has_text=re.compile(r"^(Рядків|Rows): ")).inner_text())
    assert 0 < shown == grid_row_count(_table(page, "extract_table"))

    file_name, content = _download(page, "csv")
    assert re.fullmatch(r"hromada-partnerships-agreements-\d{4}-\d{2}-\d{2}\.csv", file_name)
    assert content.startswith(b"\xef\xbb\xbf"), "the CSV lacks the UTF-8 BOM Excel needs"
    records = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert tuple(records[0][:2]) == HEADINGS[lang]
    ids = [record[0] for record in records[1:]]
    assert len(ids) == shown

    workbook = openpyxl.load_workbook(io.BytesIO(_download(page, "xlsx")[1]))
    sheet_name, rows_label, oblast_label, status_label, signed = FILTERS_SHEET[lang]
    data_sheet, facts = workbook.worksheets[0], workbook[sheet_name]
    assert data_sheet.freeze_panes == "A2"
    assert tuple(cell.value for cell in data_sheet[1][:2]) == HEADINGS[lang]
    assert [row[0] for row in data_sheet.iter_rows(min_row=2, values_only=True)] == ids
    about = {row[0]: row[1] for row in facts.iter_rows(min_row=2, values_only=True)}
    assert about[rows_label] == shown and isinstance(about[rows_label], int)
    assert about[oblast_label] == name and about[status_label] == signed

    parquet = pl.read_parquet(io.BytesIO(_download(page, "parquet")[1]))
    assert parquet.columns[:3] == ["agreement_id", "hromada", "hromada_code"]
    assert parquet["agreement_id"].to_list() == ids



def test_agreement_card_map_draws_with_nothing_fetched_from_outside(page, app_url, built_warehouse, outside_requests):
    with duckdb.connect(str(built_warehouse), read_only=True) as con:
        agreement_id = con.execute(
            "select agreement_id from fct_agreements where not is_domestic and partner_lat is not null "
            "order by source_count desc, agreement_id limit 1"
        ).fetchone()[0]
    open_app(page, f"{app_url}/explore?agreement={agreement_id}")
    page.locator('.st-key-agreement_card [data-testid="stDeckGlJsonChart"] canvas').first.wait_for()
    screenshot(page, "card-uk")
    assert outside_requests == [], "the card's map asked for more than loopback"


def _spot_of(page, container, name: str) -> tuple[float, float]:
    """A point of the map inside the area whose tooltip starts with `name` (found by hovering over a grid)."""
    box = container.bounding_box()
    tooltip = page.locator(".deck-tooltip")
    for fy in [i / 20 for i in range(2, 19)]:
        for fx in [i / 20 for i in range(2, 19)]:
            x, y = box["x"] + box["width"] * fx, box["y"] + box["height"] * fy
            page.mouse.move(x, y)
            page.wait_for_timeout(40)
            if tooltip.count() and tooltip.first.inner_text().split("\n")[0] == name:
                return x, y
    raise AssertionError(f"no point of the map shows {name}")


def _click_area_until(page, container, name: str, url_matches) -> None:
    """Click the map's area `name` until the page's link matches: on a loaded machine a click landing while deck.gl
    is still redrawing picks nothing, so it is tried again (five times at most)."""
    for _ in range(5):
        container.locator("canvas").first.wait_for()
        page.mouse.click(*_spot_of(page, container, name))
        try:
            page.wait_for_url(url_matches, timeout=20_000)
            return
        except PlaywrightTimeoutError:
            settle(page)
            if (url_matches.search(page.url) if isinstance(url_matches, re.Pattern) else url_matches(page.url)):
                return  # the click was taken late
    raise AssertionError(f"clicking {name} on the map never changed the link {page.url}")


def test_an_oblast_clicked_on_the_map_stays_chosen_when_the_metric_changes(page, app_url, built_warehouse):
    with duckdb.connect(str(built_warehouse), read_only=True) as con:
        code, name = con.execute(
            """
            select oblast_code, any_value(dim_oblast.name_uk) from fct_agreements join dim_oblast using (oblast_code)
            where dim_oblast.hromada_count > 10
            group by oblast_code order by count(*) desc, oblast_code limit 1
            """
        ).fetchone()
    open_app(page, app_url)
    container = page.locator(".st-key-overview_map")
    container.scroll_into_view_if_needed()
    _click_area_until(page, container, name, re.compile(rf"[?&]oblast={code}(&|$)"))
    settle(page)
    for metric in (1, 2, 0):
        page.locator(".st-key-map_metric button").nth(metric).click()
        settle(page)
        assert re.search(rf"[?&]oblast={code}(&|$)", page.url), page.url
        assert name in page.locator(".st-key-oblast").inner_text()
    _click_area_until(page, container, name, lambda url: "oblast=" not in url)


def test_reset_clears_the_panel_the_link_and_the_table_for_good(page, app_url, built_warehouse, small_oblast):
    code, name = small_oblast
    with duckdb.connect(str(built_warehouse), read_only=True) as con:
        total = con.execute("select count(*) from fct_agreements").fetchone()[0]
    open_app(page, f"{app_url}/explore?oblast={code}&status=signed")
    expect(page.locator(".st-key-oblast")).to_contain_text(name)

    page.locator(".st-key-reset_filters button").click()
    page.wait_for_url(lambda url: "oblast=" not in url and "status=" not in url)
    settle(page)
    assert count_in(page.locator("h3", has_text="Угоди (").inner_text()) == total
    for key in ("oblast", "status"):
        assert page.locator(f".st-key-{key} [data-baseweb='tag'], .st-key-{key} [role='option'][aria-selected='true']").count() == 0
        assert name not in page.locator(f".st-key-{key}").inner_text()

    page.locator(".st-key-kind label", has_text="Міжнародний").click()  # the next action keeps the panel empty
    page.wait_for_url(re.compile(r"[?&]kind=foreign(&|$)"))
    settle(page)
    assert "oblast=" not in page.url and "status=" not in page.url
    assert name not in page.locator(".st-key-oblast").inner_text()
    assert "підписано" not in page.locator(".st-key-status").inner_text()


def test_profile_links_and_switches_log_no_widget_state_warning(page, served_app):
    open_app(page, f"{served_app.url}/profiles?profile=country&id=PL")
    expect(page.locator('[data-testid="stMain"] h2').first).to_have_text("Польща")
    page.locator(".st-key-profile_kind button").nth(1).click()
    settle(page)
    page.locator(".st-key-profile_kind button").nth(0).click()
    settle(page)
    assert "created with a default value" not in served_app.stderr.read_text(errors="replace")


def test_switching_language_relabels_the_chosen_options_and_keeps_them(page, app_url, built_warehouse, small_oblast):
    code, name_uk = small_oblast
    with duckdb.connect(str(built_warehouse), read_only=True) as con:
        name_en = con.execute("select name_en from dim_oblast where oblast_code = ?", [code]).fetchone()[0]
    open_app(page, f"{app_url}/explore?lang=en&oblast={code}&status=signed&kind=foreign")
    expect(page.locator(".st-key-oblast")).to_contain_text(name_en)
    expect(page.locator(".st-key-status")).to_contain_text("signed")
    rows = count_in(page.locator("h3", has_text="Agreements (").inner_text())

    page.locator(".st-key-lang button", has_text="Українська").click()
    page.wait_for_url(lambda url: "lang=en" not in url)
    settle(page)
    expect(page.locator(".st-key-oblast")).to_contain_text(name_uk)
    expect(page.locator(".st-key-status")).to_contain_text("підписано")
    assert name_en not in page.locator(".st-key-oblast").inner_text()
    expect(page.locator('.st-key-kind label[data-selected="true"]')).to_have_text("Міжнародний")

    page.locator(".st-key-theme input").click()  # any later action sends the chosen options back: they must hold
    page.keyboard.press("Escape")
    page.locator(".st-key-kind label", has_text="Усі").click()
    page.wait_for_url(lambda url: "kind=" not in url)
    settle(page)
    assert f"oblast={code}" in page.url and "status=signed" in page.url
    assert count_in(page.locator("h3", has_text="Угоди (").inner_text()) >= rows
