"""The shared sidebar filter panel: widget state that persists across pages and mirrors itself into the URL."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import data, fmt
from dashboard.i18n import DEFAULT_LANG, LABELS, LANG_KEY, LANGS, label, lang, t

# widget key = URL query parameter -> parameter of sql/queries/filtered_agreements.sql.
# Not bind="query-params": bound widgets put their format_func labels into the URL, and ours are language-dependent.
LISTS: dict[str, str] = {
    "oblast": "oblast_codes",
    "raion": "raion_codes",
    "hromada": "hromada_codes",
    "country": "country_codes",
    "theme": "themes",
    "type": "types",
    "status": "statuses",
    "programme": "programmes",
}
VALUE_FIELDS = ("type", "status", "programme")  # list filters over the values found in the data, not a dimension
KIND_KEY = "kind"
KINDS = ("all", "foreign", "domestic")
DATES_KEY, FROM_PARAM, TO_PARAM = "dates", "from", "to"
LOADED_KEY = "_filters_loaded_from_url"


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def load_from_url() -> None:
    """On a session's first run, take language and filters from the query string, so a link reproduces a view."""
    if st.session_state.get(LOADED_KEY):
        return
    params = st.query_params
    if params.get(LANG_KEY) in LANGS:
        st.session_state[LANG_KEY] = params[LANG_KEY]
    for key in LISTS:
        if params.get(key):
            st.session_state[key] = [v for v in params[key].split(",") if v]
    if params.get(KIND_KEY) in KINDS:
        st.session_state[KIND_KEY] = params[KIND_KEY]
    start, end = _date(params.get(FROM_PARAM)), _date(params.get(TO_PARAM))
    if start or end:
        st.session_state["_url_dates"] = (start, end)
    st.session_state[LOADED_KEY] = True


def write_to_url() -> None:
    """Mirror language and filters into the query string (codes, comma-joined); other parameters are left alone."""
    wanted: dict[str, str] = {LANG_KEY: lang()} if lang() != DEFAULT_LANG else {}
    for key in LISTS:
        if st.session_state.get(key):
            wanted[key] = ",".join(st.session_state[key])
    if (st.session_state.get(KIND_KEY) or "all") != "all":
        wanted[KIND_KEY] = st.session_state[KIND_KEY]
    start, end = _active_dates()
    if start:
        wanted[FROM_PARAM] = start.isoformat()
    if end:
        wanted[TO_PARAM] = end.isoformat()
    for param in (LANG_KEY, KIND_KEY, FROM_PARAM, TO_PARAM, *LISTS):
        if param in wanted and st.query_params.get(param) != wanted[param]:
            st.query_params[param] = wanted[param]
        elif param not in wanted and param in st.query_params:
            del st.query_params[param]


def _bounds() -> tuple[dt.date, dt.date]:
    values = data.options("value")
    found = {row["field"]: row["value"] for row in values.iter_rows(named=True) if row["field"].startswith("date_")}
    low = _date(found.get("date_min")) or dt.date(2015, 1, 1)
    high = max(_date(found.get("date_max")) or low, dt.date.today())
    return low, high


def choices(kind: str, parent: str | None = None, parents: list[str] | None = None) -> dict[str, str]:
    """Code (`<kind>_code`, a theme's own key) -> name of the options of `kind`, in the alphabetical order of the
    current language (Ukrainian collation for Ukrainian: «Австрія» before «Єгипет», «Івано-Франківська» among the І)."""
    frame = data.options(kind).sort(f"rank_{lang()}")
    if parent and parents:
        frame = frame.filter(frame[parent].is_in(parents))
    code, name = ("theme", f"label_{lang()}") if kind == "theme" else (f"{kind}_code", f"name_{lang()}")
    return dict(zip(frame[code].to_list(), frame[name].to_list()))


def _multiselect(key: str, choices: dict[str, str]) -> None:
    if key in st.session_state:
        kept = [v for v in st.session_state[key] if v in choices]
        if kept != st.session_state[key]:
            st.session_state[key] = kept
    st.multiselect(t(f"f_{key}"), list(choices), key=key, format_func=lambda v: choices.get(v, v),
                   placeholder=t("f_all"))


def _values(field: str) -> list[str]:
    """The values of `field` found in the data: types and statuses in their catalogue's (lifecycle) order."""
    frame = data.options("value")
    found = frame.filter(frame["field"] == field)["value"].to_list()
    order = list(LABELS.get(field, {}))
    return sorted(found, key=lambda v: (order.index(v) if v in order else len(order), v))


def reset() -> None:
    """Give every filter its empty value. Setting, not deleting, the keys: a deleted key leaves the browser's widget
    showing its old value, which it sends back, and the URL regains, on the next action."""
    for key in LISTS:
        st.session_state[key] = []
    st.session_state[KIND_KEY] = KINDS[0]
    st.session_state[DATES_KEY] = _bounds()


def sidebar() -> None:
    """Draw the language switch and the filter panel in the sidebar; every widget is bound to the URL."""
    with st.sidebar:
        st.session_state.setdefault(LANG_KEY, DEFAULT_LANG)
        st.segmented_control(t("language"), LANGS, key=LANG_KEY, required=True,
                             format_func=lambda v: {"uk": "Українська", "en": "English"}[v])
        st.header(t("filters"))
        _multiselect("oblast", choices("oblast"))
        oblasts = st.session_state["oblast"]
        _multiselect("raion", choices("raion", "oblast_code", oblasts))
        raions = st.session_state["raion"]
        if raions:
            _multiselect("hromada", choices("hromada", "raion_code", raions))
        else:
            _multiselect("hromada", choices("hromada", "oblast_code", oblasts))
        for key in ("country", "theme", "type", "status", "programme"):
            _multiselect(key, _names(key))
        kinds = {v: t(f"kind_{v}") for v in KINDS}
        st.radio(t("f_kind"), KINDS, key=KIND_KEY, format_func=kinds.get, horizontal=True)
        low, high = _bounds()
        chosen = st.session_state.pop("_url_dates", None) or st.session_state.get(DATES_KEY) or (low, high)
        if len(chosen) != 1:  # a single date means the user is still picking the range's end
            start, end = (chosen[0] or low, chosen[1] or high) if len(chosen) == 2 else (low, high)
            st.session_state[DATES_KEY] = (min(max(start, low), high), max(min(end, high), low))
        st.date_input(t("f_dates"), key=DATES_KEY, min_value=low, max_value=high, format=fmt.picker_date())
        st.button(t("f_reset"), key="reset_filters", on_click=reset)
        st.caption(t("f_link"))


def current() -> dict:
    """The panel's state as parameters of sql/queries/filtered_agreements.sql."""
    params: dict = {sql: list(st.session_state.get(key) or []) for key, sql in LISTS.items()}
    kind = st.session_state.get(KIND_KEY) or "all"
    params["partner_kind"] = None if kind == "all" else kind
    params["date_from"], params["date_to"] = _active_dates()
    return params


def _active_dates() -> tuple[dt.date | None, dt.date | None]:
    """The chosen range, with ends at the data's bounds left open so undated agreements stay in."""
    chosen = st.session_state.get(DATES_KEY) or ()
    if not chosen or not data.available():
        return None, None
    low, high = _bounds()
    start = chosen[0] if len(chosen) > 0 else None
    end = chosen[1] if len(chosen) > 1 else None
    return (start if start and start > low else None, end if end and end < high else None)


def _names(key: str) -> dict[str, str]:
    """Code -> name in the current language of every value of the list filter `key`, in the panel's order."""
    if key in VALUE_FIELDS:
        return {value: label(key, value) for value in _values(key)}
    return choices(key)


def describe(filters: dict) -> list[tuple[str, str]]:
    """The active filters as (label, names) pairs in the current language, for the extract's filter sheet."""
    rows = []
    for key, sql in LISTS.items():
        if filters[sql]:
            names = _names(key)
            rows.append((t(f"f_{key}"), ", ".join(names.get(code, code) for code in filters[sql])))
    if filters["partner_kind"]:
        rows.append((t("f_kind"), t(f"kind_{filters['partner_kind']}")))
    if filters["date_from"] or filters["date_to"]:
        rows.append((t("f_dates"), f"{fmt.date(filters['date_from'])} – {fmt.date(filters['date_to'])}"))
    return rows
