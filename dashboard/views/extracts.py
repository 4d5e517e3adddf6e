"""Вивантаження / Extracts: the filtered agreements, or their per-oblast and per-country tables, as files."""
import datetime as dt

import streamlit as st

from dashboard import data, extracts, filters, fmt, tables
from dashboard.i18n import t

DATASETS = ("agreements", "oblasts", "countries")
chosen = filters.current()

st.title(t("page_extracts"))
st.caption(t("extracts_intro"))
st.session_state.setdefault("extract_dataset", DATASETS[0])  # not default=: app.py rewrites it on a language switch
dataset = st.segmented_control(t("extract_table"), DATASETS, key="extract_dataset", required=True,
                               format_func={d: t(f"extract_{d}") for d in DATASETS}.get)
if dataset == "agreements":
    themes = filters.choices("theme")
    frame, columns = tables.agreements(data.agreements(chosen), themes), tables.agreement_columns()
elif dataset == "oblasts":
    frame, columns = tables.oblast_stats(data.by_oblast(chosen)), tables.stats_columns(dataset)
else:
    frame, columns = tables.country_stats(data.by_country(chosen)), tables.stats_columns(dataset)

built = data.built_at()
shown_filters = filters.describe(chosen)
about = [
    *(shown_filters or [(t("filters"), t("f_all"))]),
    (t("xlsx_rows"), frame.height),
    (t("xlsx_version"), built.isoformat(timespec="seconds") if built else "—"),
]
labels = extracts.Labels(headings=tables.headings(dataset), data_sheet=t(f"extract_{dataset}"),
                         facts_sheet=t("xlsx_filters"), fact_heading=(t("xlsx_filter"), t("xlsx_value")),
                         exported=t("xlsx_exported"))
stem = f"hromada-partnerships-{dataset}-{dt.date.today().isoformat()}"
buttons = st.columns(len(extracts.FORMATS))
for column, (kind, build) in zip(buttons, extracts.builders(frame, about, labels).items()):
    column.download_button(t("download", fmt=kind.upper()), data=build, file_name=f"{stem}.{kind}",
                           mime=extracts.FORMATS[kind], key=f"download_{kind}", on_click="ignore",
                           icon=":material/download:")
st.markdown(f"**{t('xlsx_rows')}: {fmt.num(frame.height)}**")
st.caption(" · ".join(f"{name}: {value}" for name, value in shown_filters) or t("extracts_unfiltered"))
if frame.is_empty():
    st.info(t("no_rows"))
else:
    shown = tables.readable_shares(frame) if dataset == "oblasts" else frame
    st.dataframe(shown, column_config=columns, hide_index=True, key="extract_table")
