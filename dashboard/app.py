"""Entry point: page config, navigation, the shared sidebar filters, and the footer with freshness and attribution."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard import data, filters, fmt  # noqa: E402
from dashboard.i18n import relabel_choices, t  # noqa: E402

VIEWS = ROOT / "dashboard" / "views"
# (file, url path, title key, icon); the first is the default page at "/"
PAGES = [
    ("overview.py", "overview", "page_overview", ":material/dashboard:"),
    ("explore.py", "explore", "page_explore", ":material/table_view:"),
    ("profiles.py", "profiles", "page_profiles", ":material/location_city:"),
    ("extracts.py", "extracts", "page_extracts", ":material/download:"),
    ("quality.py", "quality", "page_quality", ":material/fact_check:"),
    ("methodology.py", "methodology", "page_methodology", ":material/menu_book:"),
]

# parameters a page reads besides the shared filters
PAGE_PARAMS = {"explore": ("agreement",), "profiles": ("profile", "id")}
# keyed widgets whose options are shown by language-dependent labels (relabelled after a language switch)
CHOICES = (*filters.LISTS, filters.KIND_KEY, "map_metric", "timeline_split", "overview_oblast", "profile_kind",
           "profile_id", "extract_dataset")

filters.load_from_url()
# a local icon: without one the browser fetches the page's material icon online
st.set_page_config(page_title=t("app_title"), page_icon=str(ROOT / "dashboard" / "icon.svg"), layout="wide")
page = st.navigation([
    st.Page(VIEWS / file, title=t(title), url_path=url, icon=icon, default=index == 0)
    for index, (file, url, title, icon) in enumerate(PAGES)
])

if not data.available():
    st.title(t("app_title"))
    st.error(t("no_warehouse"))
    st.stop()

relabel_choices(CHOICES)
filters.sidebar()
# before the page: the browser applies a URL change sent after a large map only on the next run
filters.write_to_url()
for url_path, params in PAGE_PARAMS.items():  # a link carries only the parameters of the page it shows
    if page.url_path != url_path:
        for param in params:
            st.query_params.pop(param, None)
page.run()

fresh = data.freshness()
st.divider()
st.caption(" · ".join([
    t("footer_built", when=fmt.datetime(data.built_at()) + " UTC"),
    t("footer_sources", registry=fmt.num(fresh["registry_file_count"]), documents=fmt.num(fresh["document_count"])),
]))
st.caption(t("footer_attribution"))
