"""Аналіз / Explore: the filtered agreement table, statistics beside it, and the card of the selected agreement."""
import polars as pl
import streamlit as st

from dashboard import card, data, filters, fmt, tables
from dashboard.i18n import t

CARD_PARAM = "agreement"
chosen = filters.current()
themes = filters.choices("theme")
view = tables.agreements(data.agreements(chosen), themes)

st.title(t("page_explore"))
st.subheader(t("table_title", count=fmt.num(view.height)))
if view.is_empty():  # no empty grids: one plain message
    st.info(t("no_rows"))
else:
    left, right = st.columns([5, 2])
    with left:
        st.caption(t("table_hint"))
        event = st.dataframe(view, column_config=tables.agreement_columns(), hide_index=True, key="agreements_table",
                             on_select="rerun", selection_mode="single-row", height=520)
    with right:
        oblast_tab, country_tab = st.tabs([t("stats_oblast"), t("stats_country")])
        with oblast_tab:
            oblasts = tables.readable_shares(tables.oblast_stats(data.by_oblast(chosen)))
            oblasts = oblasts.filter(pl.col("agreement_count") + pl.col("domestic_as_partner_count") > 0)
            st.dataframe(oblasts, column_config=tables.stats_columns("oblasts"), hide_index=True, key="explore_oblasts")
        with country_tab:
            st.dataframe(tables.country_stats(data.by_country(chosen)), column_config=tables.stats_columns("countries"),
                         hide_index=True, key="explore_countries")

    rows = event.selection.rows if event else []
    if rows:
        st.query_params[CARD_PARAM] = view["agreement_id"][rows[0]]
    selected = st.query_params.get(CARD_PARAM)
    if selected and selected in set(view["agreement_id"].to_list()):
        card.show(selected, themes)
