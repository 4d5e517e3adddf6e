"""Plotly figure builders (no SQL): timeline, top countries, theme mix; colour-blind-safe palettes."""
from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
import polars as pl

from dashboard import fmt
from dashboard.i18n import label, lang, t

# viridis, 8 steps, dark to light
VIRIDIS = ["#440154", "#46327e", "#365c8d", "#277f8e", "#1fa187", "#4ac16d", "#a0da39", "#fde725"]
# cividis, 8 steps
CIVIDIS = ["#00224e", "#123570", "#3b496c", "#575d6d", "#707173", "#8a8779", "#a69d75", "#fee838"]
# one fixed colour per value, whichever values a filtered view holds: statuses along viridis from planned (light) to
# signed (dark), terminated in grey; types in the Okabe–Ito palette (colour-blind safe), other in grey
COLOURS = {
    "status": {"signed": "#365c8d", "intent": "#1fa187", "negotiating": "#a0da39", "planned": "#fde725",
               "terminated": "#9e9e9e"},
    "type": {"memorandum": "#0072b2", "twinning_agreement": "#e69f00", "cooperation_agreement": "#009e73",
             "protocol_of_intent": "#cc79a7", "letter_of_intent": "#56b4e9", "council_decision": "#d55e00",
             "other": "#9e9e9e"},
}
ORDER = {field: list(colours) for field, colours in COLOURS.items()}  # stacking order, bottom up
UNKNOWN_COLOUR = "#5f5f5f"


def _layout(fig: go.Figure, height: int = 360) -> go.Figure:
    fig.update_layout(
        height=height,
        margin=dict(l=10, r=10, t=30, b=10),
        separators=", " if lang() == "uk" else ".,",
        legend=dict(orientation="h", y=-0.2),
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return fig


def _months(start: dt.date, end: dt.date) -> list[dt.date]:
    months, current = [], start.replace(day=1)
    while current <= end:
        months.append(current)
        current = (current.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return months


def timeline(monthly: pl.DataFrame, split: str) -> go.Figure:
    """Monthly bars stacked by `split` (status or type) and the cumulative count as a line on a second axis."""
    fig = go.Figure()
    if monthly.is_empty():
        return _layout(fig)
    months = _months(monthly["month_date"].min(), monthly["month_date"].max())
    labels = [fmt.month(m) for m in months]
    grouped = monthly.group_by("month_date", split).agg(pl.col("agreement_count").sum())
    present = set(grouped[split].to_list())
    values = [v for v in ORDER[split] if v in present] + sorted(present - set(ORDER[split]))
    hover = "%{customdata}: %{y:,d}<extra>%{fullData.name}</extra>"
    for value in values:
        counts = dict(grouped.filter(pl.col(split) == value).select("month_date", "agreement_count").iter_rows())
        fig.add_bar(x=months, y=[counts.get(m, 0) for m in months], name=label(split, value), customdata=labels,
                    hovertemplate=hover, marker_color=COLOURS[split].get(value, UNKNOWN_COLOUR))
    totals = dict(grouped.group_by("month_date").agg(pl.col("agreement_count").sum()).iter_rows())
    running, cumulative = 0, []
    for m in months:
        running += totals.get(m, 0)
        cumulative.append(running)
    fig.add_scatter(x=months, y=cumulative, name=t("cumulative"), yaxis="y2", mode="lines", customdata=labels,
                    hovertemplate=hover, line=dict(color="#202020", width=2, shape="hv"))
    small = lambda top: 1 if top <= 8 else None  # noqa: E731  (whole-number ticks for small counts)
    fig.update_layout(barmode="stack", bargap=0.1,
                      yaxis=dict(tickformat=",d", rangemode="tozero", dtick=small(max(totals.values()))),
                      yaxis2=dict(overlaying="y", side="right", showgrid=False, rangemode="tozero", tickformat=",d",
                                  dtick=small(running)),
                      xaxis=dict(type="date", title=t("month"), **month_ticks(months[0], len(months))))
    return _layout(fig)


def month_ticks(first: dt.date, count: int) -> dict:
    """Date ticks that never repeat a label: whole years (every 1, 2, 5, 10 or 20, at most ~12 ticks) over more than
    three years, else months every 1, 3 or 6 ("03.2024"). Numeric labels read the same in both languages; month names
    live in the hover text."""
    if count > 36:
        years = next(step for step in (1, 2, 5, 10, 20, 50) if count / 12 / step <= 12)
        start = dt.date(first.year - first.year % years, 1, 1)
        return {"tickformat": "%Y", "dtick": f"M{12 * years}", "tick0": start.isoformat()}
    months = next(step for step in (1, 3, 6) if count / step <= 12)
    return {"tickformat": "%m.%Y", "dtick": f"M{months}", "tick0": first.replace(month=1).isoformat()}


def top_bars(frame: pl.DataFrame, name_col: str, value_col: str, limit: int = 10) -> go.Figure:
    """Horizontal bars of the `limit` largest rows, largest on top."""
    top = frame.filter(pl.col(value_col) > 0).sort(value_col, descending=True).head(limit).reverse()
    fig = go.Figure(go.Bar(
        x=top[value_col].to_list(), y=top[name_col].to_list(), orientation="h", marker_color=VIRIDIS[2],
        text=[fmt.num(v) for v in top[value_col].to_list()], textposition="auto",
        hovertemplate="%{y}: %{text}<extra></extra>",
    ))
    return _layout(fig, height=max(220, 34 * top.height + 60))
