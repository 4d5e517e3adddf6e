"""Table shapes shared by the pages and the extracts: the same frame is shown on screen and written to files."""
from __future__ import annotations

import polars as pl
import streamlit as st

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


def agreement_columns() -> dict:
    cc = st.column_config
    return {
        "agreement_id": None,
        "hromada": cc.TextColumn(t("col_hromada"), pinned=True),
        "hromada_code": cc.TextColumn(t("col_hromada_code")),
        "oblast": cc.TextColumn(t("col_oblast")),
        "partner": cc.TextColumn(t("col_partner")),
        "country": cc.TextColumn(t("col_country")),
        "country_code": cc.TextColumn("ISO", width="small"),
        "partner_kind": cc.TextColumn(t("col_kind")),
        "type": cc.TextColumn(t("col_type")),
        "status": cc.TextColumn(t("col_status")),
        "agreement_date": cc.DateColumn(t("col_date"), format="DD.MM.YYYY"),
        "signed_date": cc.DateColumn(t("col_signed"), format="DD.MM.YYYY"),
        "programme": cc.TextColumn(t("col_programme")),
        "themes": cc.TextColumn(t("col_themes")),
        "source_count": cc.NumberColumn(t("col_sources"), format="%d"),
        "source_url": cc.LinkColumn(t("col_source"), display_text=t("col_open")),
    }


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


def stats_columns(kind: str) -> dict:
    """Column headings of the per-oblast ("oblast") or per-country ("country") table."""
    cc = st.column_config
    number = lambda key: cc.NumberColumn(t(key), format="%d")  # noqa: E731
    shared = {"signed_count": number("col_signed_count"), "terminated_count": number("col_terminated")}
    if kind == "oblast":
        return {
            "oblast_code": None,
            "oblast": cc.TextColumn(t("col_oblast")),
            "agreement_count": number("col_oblast_agreements"),
            "domestic_as_partner_count": number("col_as_partner"),
            **shared,
            "hromadas_with_international_count": number("col_hromadas"),
            "hromada_count": None,
            "hromadas_with_international_pct": cc.NumberColumn(t("col_share"), format="%.1f"),
            "partner_country_count": number("col_countries"),
        }
    return {
        "country_code": cc.TextColumn("ISO", width="small"),
        "country": cc.TextColumn(t("col_country")),
        "agreement_count": number("col_live"),
        **shared,
        "hromada_count": number("col_hromada_count"),
        "partner_count": number("col_partner_count"),
    }
