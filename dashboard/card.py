"""The agreement card: both parties on a small map, lifecycle, themes, programme and every source with its evidence."""
from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard import data, fmt, maps
from dashboard.i18n import label, lang, t

EVENT_COLUMNS = ("event_date_value", "status", "type", "source_kind", "source", "link", "evidence")


def _name(row: dict, prefix: str) -> str:
    return row.get(f"{prefix}_{lang()}") or row.get(f"{prefix}_uk") or row.get(f"{prefix}_en") or "—"


def _events(events: pl.DataFrame) -> pl.DataFrame:
    """The lifecycle as the card shows it: a source by its title or where it lies, its link (blank, not "None",
    when it has none)."""
    shown = events.with_columns(
        pl.coalesce("source_title", pl.col("source_ref").map_elements(fmt.source, return_dtype=pl.String)).alias("source"),
        pl.col("source_url").fill_null("").alias("link"),
        pl.col("evidence").fill_null(""),
    ).select(EVENT_COLUMNS)
    for field in ("status", "type", "source_kind"):
        if field in shown.columns:
            shown = shown.with_columns(pl.col(field).map_elements(lambda v, f=field: label(f, v), return_dtype=pl.String))
    return shown


def show(agreement_id: str, themes: dict[str, str]) -> None:
    row = data.agreement(agreement_id)
    if row is None:
        return
    with st.container(border=True, key="agreement_card"):
        country = _name(row, "partner_country_name")
        st.subheader(f"{_name(row, 'hromada_name')} — {_name(row, 'partner_name')} ({country})")
        left, right = st.columns([3, 2])
        with left:
            st.pydeck_chart(maps.parties(row, data.shapes("country").get("UA", [])), key="card_map", height=300)
        with right:
            st.markdown("\n".join([
                f"**{t('col_oblast')}:** {_name(row, 'oblast_name')} · `{row['hromada_code']}`",
                f"**{t('col_kind')}:** {label('partner_kind', row['partner_kind'])}",
                f"**{t('col_type')}:** {label('type', row['type'])}",
                f"**{t('col_status')}:** {label('status', row['status'])}",
                f"**{t('col_first')}:** {fmt.date(row['first_event_date'])}",
                f"**{t('col_signed')}:** {fmt.date(row['signed_date'])}",
                f"**{t('card_programme')}:** {row['programme'] or '—'}",
                f"**{t('card_themes')}:** {', '.join(themes.get(x, x) for x in row['themes'] or []) or '—'}",
                f"**{t('col_confidence')}:** {fmt.pct(100 * row['max_confidence'] if row['max_confidence'] is not None else None, 0)}",
            ]).replace("\n", "  \n"))
        st.markdown(f"**{t('card_events')}**")
        st.dataframe(_events(data.agreement_events(agreement_id)), hide_index=True, key="card_events", column_config={
            "event_date_value": st.column_config.DateColumn(t("col_date"), format=fmt.grid_date()),
            "status": t("col_status"), "type": t("col_type"), "source_kind": t("col_kind_source"),
            "source": t("col_source"), "link": st.column_config.LinkColumn(t("col_open"), display_text=t("col_open")),
            "evidence": t("col_evidence"),
        })
        st.markdown(f"**{t('card_sources')}**")
        for source in data.agreement_sources(agreement_id).iter_rows(named=True):
            st.markdown(f"- {label('source_kind', source['source_kind'])} · {fmt.date(source['published_date'])} · "
                        + _source_line(source))
            if source.get("evidence"):
                st.markdown(f"> {source['evidence']}")


def _source_line(source: dict) -> str:
    """Its title (or where it lies) linked to its URL when it has one, then the local file it was read from."""
    where = fmt.source(source["source_ref"])
    title = source["source_title"] or (where if where.startswith("http") else "")
    url = source["source_url"] or (where if where.startswith("http") else None)
    shown = f"[{title or t('col_open')}]({url})" if url else title
    local = "" if where.startswith("http") else f"`{where}`"
    return " ".join(part for part in (shown, local) if part) or "—"
