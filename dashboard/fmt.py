"""Numbers and dates written the way the chosen language expects ("1 234", "12,5 %", "21 листопада 2023")."""
from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

from dashboard.i18n import lang, t
from warehouse.connection import REPO_ROOT


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


def share(value: float | None) -> str:
    """A share of hromadas, or "n/a" where it is not defined (Kyiv and Sevastopol have no hromadas in KATOTTG)."""
    return t("n_a") if value is None else pct(value)


def signed(value: int) -> str:
    return ("+" if value > 0 else "") + num(value)


def date(value: dt.date | None) -> str:
    return format_date(value, "d MMMM y", locale=lang()) if value else "—"


# how the browser writes dates in tables and the date picker (Day.js tokens; the picker knows only numeric ones)
GRID_DATE = {"uk": "DD.MM.YYYY", "en": "D MMMM YYYY"}
GRID_DATETIME = {"uk": "DD.MM.YYYY HH:mm", "en": "D MMMM YYYY, HH:mm"}
PICKER_DATE = {"uk": "DD.MM.YYYY", "en": "YYYY-MM-DD"}


def grid_date() -> str:
    return GRID_DATE[lang()]


def grid_datetime() -> str:
    return GRID_DATETIME[lang()]


def picker_date() -> str:
    return PICKER_DATE[lang()]


def month(value: dt.date) -> str:
    return format_date(value, "LLL y", locale=lang())


def datetime(value: dt.datetime | None) -> str:
    return format_datetime(value, "d MMMM y, HH:mm", locale=lang()) if value else "—"


def source(ref: str | None) -> str:
    """Where a source lies, as shown to readers: a URL or a repository-relative path as it is; an absolute path on the
    server relative to the repository when it lies inside it, else by its file name only."""
    if not ref:
        return ""
    if ref.startswith(("http://", "https://")):
        return ref
    path, _, line = ref.partition("#")  # a jsonl line is named `file#line`
    full = PurePosixPath(path)
    if full.is_absolute():
        inside = full.is_relative_to(REPO_ROOT.as_posix())
        path = str(full.relative_to(REPO_ROOT.as_posix())) if inside else full.name
    return f"{path}#{line}" if line else path
