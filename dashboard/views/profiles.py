"""Профілі / Profiles: one oblast, hromada or partner country: its figures, map, partners and timeline."""
import datetime as dt

import streamlit as st

from dashboard import charts, data, filters, fmt, maps, tables
from dashboard.i18n import lang, t

KINDS = {"oblast": ("oblast_codes", "oblast_code"), "hromada": ("hromada_codes", "hromada_code"),
         "country": ("country_codes", "country_code")}
# a link's profile and id, else the default kind; set before the widgets, which take no default of their own
if "profile_kind" not in st.session_state:
    st.session_state["profile_kind"] = st.query_params.get("profile") if st.query_params.get("profile") in KINDS else "oblast"
    if st.query_params.get("id"):
        st.session_state["profile_id"] = st.query_params["id"]

st.title(t("page_profiles"))
kind = st.segmented_control(t("profile_kind"), list(KINDS), key="profile_kind", required=True,
                            format_func={k: t(f"profile_{k}") for k in KINDS}.get)
param, code_col = KINDS[kind]
options = data.options(kind).sort(f"rank_{lang()}")
names = filters.choices(kind)
if kind == "hromada":
    regions = dict(zip(options[code_col].to_list(), options[f"oblast_name_{lang()}"].to_list()))
    names = {code: f"{name} ({regions[code]})" for code, name in names.items()}
if st.session_state.get("profile_id") not in names:
    # the sidebar's choice of this kind when it is a single one, else the one with most agreements
    narrowed = st.session_state.get(kind) or []
    busiest = options.sort("agreement_count", descending=True, maintain_order=True)[code_col].first()
    st.session_state["profile_id"] = narrowed[0] if len(narrowed) == 1 and narrowed[0] in names else busiest
code = st.selectbox(t("profile_entity"), list(names), key="profile_id", format_func=names.get)
st.query_params["profile"], st.query_params["id"] = kind, code or ""
if not code:
    st.stop()

chosen = {**filters.current(), param: [code]}
k = data.kpis(chosen, dt.date.today())
st.header(names[code])
tiles = st.columns(5)
tiles[0].metric(t("kpi_agreements"), fmt.num(k["agreement_count"]))
tiles[1].metric(t("kpi_signed"), f"{fmt.num(k['signed_count'])} / {fmt.num(k['in_progress_count'])}", help=t("kpi_signed_help"))
tiles[2].metric(t("kpi_hromadas"), fmt.num(k["hromadas_with_international_count"]))
tiles[3].metric(t("kpi_countries"), fmt.num(k["partner_country_count"]))
tiles[4].metric(t("kpi_domestic"), fmt.num(k["domestic_pair_count"]))

if not k["agreement_count"]:
    st.info(t("no_rows"))
else:
    left, right = st.columns([3, 2])
    with left:
        st.pydeck_chart(maps.world(data.by_country(chosen), data.arcs(chosen), data.shapes("country"), (540, 420)),
                        key="profile_map", height=420)
    with right:
        st.plotly_chart(charts.timeline(data.by_month(chosen), "status"), key="profile_timeline")

    st.subheader(t("profile_partners"))
    themes = filters.choices("theme")
    st.dataframe(tables.agreements(data.agreements(chosen), themes), column_config=tables.agreement_columns(),
                 hide_index=True, key="profile_table")
