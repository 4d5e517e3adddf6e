"""Огляд / Overview: headline figures, the oblast map, partners in the world, the timeline, countries and themes."""
import datetime as dt

import streamlit as st

from dashboard import charts, data, filters, fmt, maps
from dashboard.i18n import lang, t

METRICS = ("agreement_count", "hromadas_with_international_pct", "partner_country_count")
chosen = filters.current()
k = data.kpis(chosen, dt.date.today())

st.title(t("page_overview"))
tiles = st.columns(3) + st.columns(3)
tiles[0].metric(t("kpi_agreements"), fmt.num(k["agreement_count"]))
tiles[1].metric(t("kpi_signed"), f"{fmt.num(k['signed_count'])} / {fmt.num(k['in_progress_count'])}", help=t("kpi_signed_help"))
share = 100 * k["hromadas_with_international_count"] / k["hromada_total_count"] if k["hromada_total_count"] else None
tiles[2].metric(t("kpi_hromadas"), fmt.num(k["hromadas_with_international_count"]),
                help=t("kpi_hromadas_share", share=fmt.pct(share), total=fmt.num(k["hromada_total_count"])))
tiles[2].caption(t("kpi_hromadas_share", share=fmt.pct(share), total=fmt.num(k["hromada_total_count"])))
tiles[3].metric(t("kpi_countries"), fmt.num(k["partner_country_count"]))
tiles[4].metric(t("kpi_domestic"), fmt.num(k["domestic_pair_count"]))
tiles[5].metric(t("kpi_new"), fmt.num(k["new_90d_count"]), delta=fmt.signed(k["new_90d_count"] - k["previous_90d_count"]),
                help=t("kpi_new_help"))


MAP_ROUND = "_overview_map_round"  # the map's key changes after each click, so the map never holds a selection
WHOLE_COUNTRY = {"oblast_codes": [], "raion_codes": [], "hromada_codes": []}


def map_key() -> str:
    return f"overview_map_{st.session_state.get(MAP_ROUND, 0)}"


def pick_from_map() -> None:
    """A click on an oblast chooses it (a click on the chosen one clears it). The filter keeps the oblast's code;
    the map is then drawn afresh, as a selection kept by row position would be re-read against other rows and would
    dim every other oblast."""
    objects = st.session_state[map_key()]["selection"]["objects"].get(maps.OBLAST_LAYER) or []
    code = objects[0]["code"] if objects else None
    st.session_state["oblast"] = [code] if code and st.session_state.get("oblast") != [code] else []
    st.session_state[MAP_ROUND] = st.session_state.get(MAP_ROUND, 0) + 1


def pick_from_list() -> None:
    code = st.session_state["overview_oblast"]
    st.session_state["oblast"] = [code] if code else []


if not k["agreement_count"]:  # no empty axes or legends: one plain message
    st.info(t("no_rows"))
else:
    # the map compares the oblasts under the other filters; the chosen territory is outlined on it and filters the rest
    oblasts = data.by_oblast({**chosen, **WHOLE_COUNTRY})
    names = filters.choices("oblast")
    current = st.session_state.get("oblast") or []
    left, right = st.columns([3, 2])
    with left:
        st.subheader(t("map_ukraine"))
        st.session_state.setdefault("map_metric", METRICS[0])  # not default=: app.py rewrites it on a language switch
        metric = st.segmented_control(t("map_metric"), METRICS, key="map_metric", required=True,
                                      format_func={m: t(f"metric_{m}") for m in METRICS}.get)
        with st.container(key="overview_map"):
            st.pydeck_chart(maps.oblast_choropleth(oblasts, data.shapes("oblast"), metric, set(current)), key=map_key(),
                            on_select=pick_from_map, selection_mode="single-object", height=430)
        st.markdown(maps.legend(oblasts[metric].max() or 0, percent=metric.endswith("_pct"),
                                undefined=oblasts[metric].null_count() > 0), unsafe_allow_html=True)
        st.caption(t("map_hint"))
        st.session_state["overview_oblast"] = current[0] if len(current) == 1 else ""
        st.selectbox(t("map_pick_oblast"), ["", *names], key="overview_oblast",
                     format_func={"": t("f_all"), **names}.get, on_change=pick_from_list)
    with right:
        st.subheader(t("top_countries"))
        countries = data.by_country(chosen)
        st.plotly_chart(charts.top_bars(countries, f"name_{lang()}", "agreement_count"), key="top_countries")
        st.caption(t("top_countries_hint"))

    st.subheader(t("map_world"))
    st.pydeck_chart(maps.world(countries, data.arcs(chosen), data.shapes("country"), (960, 460)), key="world_map", height=460)

    st.subheader(t("timeline"))
    st.session_state.setdefault("timeline_split", "status")
    split = st.segmented_control(t("timeline_by"), ("status", "type"), key="timeline_split", required=True,
                                 format_func={s: t(f"col_{s}") for s in ("status", "type")}.get)
    st.plotly_chart(charts.timeline(data.by_month(chosen), split), key="timeline")
    st.caption(t("undated", count=fmt.num(k["undated_count"])))

    st.subheader(t("theme_mix"))
    st.plotly_chart(charts.top_bars(data.by_theme(chosen), f"label_{lang()}", "agreement_count", limit=23),
                    key="theme_mix")
