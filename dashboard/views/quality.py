"""Якість даних / Data quality: the review queue, rejected register rows, geocoding coverage, freshness per source."""
import polars as pl
import streamlit as st

from dashboard import data, filters, fmt
from dashboard.i18n import label, lang, t

chosen = filters.current()
cc = st.column_config
st.title(t("page_quality"))

st.subheader(t("q_review"))
threshold = st.slider(t("q_min_conf"), 0.0, 1.0, 0.6, 0.05, key="quality_min_confidence")
queue = data.review_queue(chosen, threshold)
tiles = st.columns(3)
tiles[0].metric(t("q_low"), fmt.num(queue["is_low_confidence"].sum()))
tiles[1].metric(t("q_unplaced"), fmt.num(queue["is_partner_unplaced"].sum()))
tiles[2].metric(t("q_conflict"), fmt.num(queue["has_conflicting_status"].sum()))
if queue.is_empty():
    st.info(t("q_none"))
st.dataframe(
    queue.select(
        "agreement_id", pl.coalesce(f"hromada_name_{lang()}", "hromada_name_uk").alias("hromada"),
        pl.coalesce(f"partner_name_{lang()}", "partner_name_uk", "partner_name_en").alias("partner"),
        "partner_country_code", pl.col("status").replace_strict({s: label("status", s) for s in queue["status"].unique()},
                                                                default=pl.col("status")),
        "max_confidence", "is_low_confidence", "is_partner_unplaced", "has_conflicting_status",
        ("explore?agreement=" + pl.col("agreement_id")).alias("card"),
    ),
    hide_index=True, key="review_queue", column_config={
        "agreement_id": cc.TextColumn(t("col_id")), "hromada": t("col_hromada"), "partner": t("col_partner"),
        "partner_country_code": "ISO", "status": t("col_status"),
        "max_confidence": cc.ProgressColumn(t("col_confidence"), min_value=0.0, max_value=1.0, format="%.2f"),
        "is_low_confidence": cc.CheckboxColumn(t("q_low")), "is_partner_unplaced": cc.CheckboxColumn(t("q_unplaced")),
        "has_conflicting_status": cc.CheckboxColumn(t("q_conflict")),
        "card": cc.LinkColumn(t("card_pick"), display_text=t("col_open")),
    })

st.subheader(t("q_rejects"))
rejects = data.rejects().with_columns(pl.col("source_file").map_elements(fmt.source, return_dtype=pl.String))
if rejects.is_empty():
    st.info(t("q_none"))
else:
    st.dataframe(rejects, hide_index=True, key="rejects", column_config={
        "source_kind": t("col_kind_source"), "source_file": t("col_file"), "row_number": cc.NumberColumn(t("col_row"), format="%d"),
        "column_name": t("col_column"), "value": t("col_value"), "reason": t("col_reason"),
        "rejected_at": cc.DatetimeColumn(t("col_finished"), format=fmt.grid_datetime()),
    })

left, right = st.columns(2)
with left:
    st.subheader(t("q_coverage"))
    coverage = data.geocode_coverage()
    total = coverage["hromada_count"].sum()
    placed = coverage["geocoded_count"].sum()
    st.metric(t("q_geocoded"), f"{fmt.num(placed)} / {fmt.num(total)}", help=fmt.pct(100 * placed / total if total else None))
    by_quality = coverage.pivot("geocode_quality", index=f"oblast_name_{lang()}", values="hromada_count").fill_null(0)
    st.dataframe(by_quality.rename({c: label("geocode_quality", c) for c in by_quality.columns[1:]}
                                   | {f"oblast_name_{lang()}": t("col_oblast")}), hide_index=True, key="coverage")
with right:
    st.subheader(t("q_freshness"))
    runs = data.ingest_runs().with_columns(
        pl.col("source_kind").replace_strict({k: label("source_kind", k) for k in ("registry", "articles")},
                                             default=pl.col("source_kind")),
        pl.col("source_file").map_elements(fmt.source, return_dtype=pl.String),
    )
    st.dataframe(runs, hide_index=True, key="ingest_runs", column_config={
        "source_kind": t("col_kind_source"), "source_file": t("col_file"), "read_count": t("col_read"),
        "loaded_count": t("col_loaded"), "rejected_count": t("col_rejected"),
        "last_finished_at": cc.DatetimeColumn(t("col_finished"), format=fmt.grid_datetime()), "run_count": None,
    })
