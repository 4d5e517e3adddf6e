"""Table shapes shared by the pages and the extracts: the same frame is shown on screen and written to files."""
from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard import fmt
from dashboard.i18n import LABELS, LANGS, lang, t


def _labels(field: str) -> pl.Expr:
    mapping = {code: pair[LANGS.index(lang())] for code, pair in LABELS[field].items()}
    return pl.col(field).replace_strict(mapping, default=pl.col(field), return_dtype=pl.String)


def agreements(frame: pl.DataFrame, theme_labels: dict[str, str]) -> pl.DataFrame:
    """The filtered agreements as the table shows them, names and labels in the current language."""
    suffix = lang()
    themes = pl.col("themes").list.eval(pl.element().replace_strict(theme_labels, default=pl.element())).list.join(", ")
    return frame.select(
        "agreement_id",
        pl.coalesce(f"hromada_name_{suffix}", "hromada_name_uk").alias("hromada"),
        "hromada_code",
        pl.coalesce(f"oblast_name_{suffix}", "oblast_name_uk").alias("oblast"),
        pl.coalesce(f"partner_name_{suffix}", "partner_name_uk", "partner_name_en").alias("partner"),
        pl.coalesce(f"partner_country_name_{suffix}", "partner_country_name_uk").alias("country"),
        pl.col("partner_country_code").alias("country_code"),
        _labels("partner_kind").alias("partner_kind"),
        _labels("type").alias("type"),
        _labels("status").alias("status"),
        "agreement_date",
        "signed_date",
        "programme",
        themes.alias("themes"),
        "source_count",
        pl.col("source_url").fill_null(""),  # a blank cell, not "None", where no source has a link
    )


# column -> the string key of its heading, per table; the same headings label the screen and the CSV/XLSX files
HEADINGS: dict[str, dict[str, str]] = {
    "agreements": {
        "agreement_id": "col_id", "hromada": "col_hromada", "hromada_code": "col_hromada_code", "oblast": "col_oblast",
        "partner": "col_partner", "country": "col_country", "country_code": "col_iso", "partner_kind": "col_kind",
        "type": "col_type", "status": "col_status", "agreement_date": "col_date", "signed_date": "col_signed",
        "programme": "col_programme", "themes": "col_themes", "source_count": "col_sources", "source_url": "col_source",
    },
    "oblasts": {
        "oblast_code": "col_oblast_code", "oblast": "col_oblast", "agreement_count": "col_oblast_agreements",
        "domestic_as_partner_count": "col_as_partner", "signed_count": "col_signed_count",
        "terminated_count": "col_terminated", "hromadas_with_international_count": "col_hromadas",
        "hromada_count": "col_hromada_total", "hromadas_with_international_pct": "col_share",
        "partner_country_count": "col_countries",
    },
    "countries": {
        "country_code": "col_iso", "country": "col_country", "agreement_count": "col_live",
        "signed_count": "col_signed_count", "terminated_count": "col_terminated", "hromada_count": "col_hromada_count",
        "partner_count": "col_partner_count",
    },
}


def headings(table: str) -> dict[str, str]:
    """Column -> its heading in the current language, for the table "agreements", "oblasts" or "countries"."""
    return {column: t(key) for column, key in HEADINGS[table].items()}


def agreement_columns() -> dict:
    cc, h = st.column_config, headings("agreements")
    date = fmt.grid_date()
    return {
        **{column: cc.TextColumn(heading) for column, heading in h.items()},
        "agreement_id": None,
        "hromada": cc.TextColumn(h["hromada"], pinned=True),
        "country_code": cc.TextColumn(h["country_code"], width="small"),
        "agreement_date": cc.DateColumn(h["agreement_date"], format=date),
        "signed_date": cc.DateColumn(h["signed_date"], format=date),
        "source_count": cc.NumberColumn(h["source_count"], format="%d"),
        "source_url": cc.LinkColumn(h["source_url"], display_text=t("col_open")),
    }


def stats_columns(table: str) -> dict:
    """Column settings of the per-oblast ("oblasts") or per-country ("countries") table."""
    cc, h = st.column_config, headings(table)
    shown = {column: cc.NumberColumn(heading, format="%d") for column, heading in h.items()}
    if table == "oblasts":
        share = h["hromadas_with_international_pct"]
        return {**shown, "oblast_code": None, "oblast": cc.TextColumn(h["oblast"]), "hromada_count": None,
                "hromadas_with_international_pct": cc.TextColumn(share, alignment="right")}
    return {**shown, "country_code": cc.TextColumn(h["country_code"], width="small"),
            "country": cc.TextColumn(h["country"])}


def readable_shares(oblasts: pl.DataFrame) -> pl.DataFrame:
    """The per-oblast table for the screen: shares written out ("4,6 %"), "n/a" where none is defined (Kyiv,
    Sevastopol) instead of an empty cell the grid would show as "None". The files keep the numbers."""
    share = pl.col("hromadas_with_international_pct")
    return oblasts.with_columns(share.map_elements(fmt.share, return_dtype=pl.String, skip_nulls=False))


def _ranked(frame: pl.DataFrame, count: str, *more: str) -> pl.DataFrame:
    """Most agreements first; ties in the alphabetical order of the current language."""
    return frame.sort([count, *more, f"rank_{lang()}"], descending=[True] * (1 + len(more)) + [False])


def oblast_stats(frame: pl.DataFrame) -> pl.DataFrame:
    return _ranked(frame, "agreement_count", "domestic_as_partner_count").select(
        "oblast_code", pl.col(f"name_{lang()}").alias("oblast"), "agreement_count", "domestic_as_partner_count",
        "signed_count", "terminated_count", "hromadas_with_international_count", "hromada_count",
        "hromadas_with_international_pct", "partner_country_count",
    )


def country_stats(frame: pl.DataFrame) -> pl.DataFrame:
    """Countries with a live or a terminated agreement; counts are of live ones, terminated ones apart."""
    shown = frame.filter((pl.col("agreement_count") > 0) | (pl.col("terminated_count") > 0))
    return _ranked(shown, "agreement_count", "terminated_count").select(
        "country_code", pl.col(f"name_{lang()}").alias("country"), "agreement_count", "signed_count",
        "terminated_count", "hromada_count", "partner_count",
    )
