"""Numbers and dates written the way the chosen language expects ("1 234", "12,5 %", "21 листопада 2023")."""
from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

from dashboard.i18n import lang


def num(value: float | int | None, digits: int = 0) -> str:
    if value is None:
        return "—"
    pattern = "#,##0" if digits == 0 else "#,##0." + "0" * digits
    return format_decimal(value, format=pattern, locale=lang())


def pct(value: float | None, digits: int = 1) -> str:
    """A share given in percent points (12.5 -> "12,5 %" / "12.5%")."""
    if value is None:
        return "—"
    space = " " if lang() == "uk" else ""
    pattern = ("#,##0." + "0" * digits if digits else "#,##0") + f"{space}%"
    return format_percent(value / 100, format=pattern, locale=lang())


def signed(value: int) -> str:
    return ("+" if value > 0 else "") + num(value)


def date(value: dt.date | None) -> str:
    return format_date(value, "d MMMM y", locale=lang()) if value else "—"


def month(value: dt.date) -> str:
    return format_date(value, "LLL y", locale=lang())


def datetime(value: dt.datetime | None) -> str:
    return format_datetime(value, "d MMMM y, HH:mm", locale=lang()) if value else "—"
