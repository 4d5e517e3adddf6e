"""Вивантаження / Extracts: the filtered agreements, or their per-oblast and per-country tables, as files."""
import datetime as dt

import streamlit as st

from dashboard import data, extracts, filters, fmt, tables
from dashboard.i18n import lang, t

DATASETS = ("agreements", "oblasts", "countries")
chosen = filters.current()

st.title(t("page_extracts"))
st.caption(t("extracts_intro"))
st.session_state.setdefault("extract_dataset", DATASETS[0])  # not default=: app.py rewrites it on a language switch
dataset = st.segmented_control(t("extract_table"), DATASETS, key="extract_dataset", required=True,
                               format_func={d: t(f"extract_{d}") for d in DATASETS}.get)
if dataset == "agreements":
    themes = dict(data.options("theme").select("theme", f"label_{lang()}").iter_rows())
    frame, columns = tables.agreements(data.agreements(chosen), themes), tables.agreement_columns()
elif dataset == "oblasts":
    frame, columns = tables.oblast_stats(data.by_oblast(chosen)), tables.stats_columns("oblast")
else:
    frame, columns = tables.country_stats(data.by_country(chosen)), tables.stats_columns("country")

built = data.built_at()
about = [
    *filters.describe(chosen),
    (t("xlsx_rows"), str(frame.height)),
    (t("xlsx_version"), built.isoformat(timespec="seconds") if built else "—"),
]
stem = f"hromada-partnerships-{dataset}-{dt.date.today().isoformat()}"
buttons = st.columns(len(extracts.FORMATS))
for column, (kind, mime) in zip(buttons, extracts.FORMATS.items()):
    column.download_button(
        t("download", fmt=kind.upper()), data=extracts.builder(kind, frame, about, (t("extract_table"), t("xlsx_filters")), t("xlsx_exported")),
        file_name=f"{stem}.{kind}", mime=mime, key=f"download_{kind}", on_click="ignore", icon=":material/download:",
    )
st.markdown(f"**{t('xlsx_rows')}: {fmt.num(frame.height)}**")
if frame.is_empty():
    st.info(t("no_rows"))
else:
    st.dataframe(frame, column_config=columns, hide_index=True, key="extract_table")
