"""Dates in Ukrainian and English text: numeric, '21 листопада 2023', 'November 21, 2023', 'у березні 2024'."""
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from etl.extract.data import toml


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for lang in ("uk", "en"):
        for number, forms in toml("months")[lang].items():
            for form in forms:
                table[form] = int(number)
    return table


MONTHS = _month_table()
_DIGIT = re.compile(r"\d")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"((?:19|20)\d{2})"
# the month patterns are matched against lower-cased text (lower_in_place), not with re.I: much faster on Cyrillic
NUMERIC = re.compile(r"(?<![\d.\-])(\d{1,2})([./-])(\d{1,2})\2" + _YEAR + r"(?![\d])")
ISO = re.compile(r"(?<!\d)" + _YEAR + r"-(\d{2})-(\d{2})(?!\d)")
DAY_MONTH_YEAR = re.compile(r"(?<!\d)(\d{1,2})(?:-?го|st|nd|rd|th)?\s+(" + _MONTH + r")\.?(?:\s*,?\s*" + _YEAR + r")?(?![\w])")
MONTH_DAY_YEAR = re.compile(r"\b(" + _MONTH + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*,?\s*" + _YEAR + r")?\b")
MONTH_YEAR = re.compile(r"\b(" + _MONTH + r")\s+" + _YEAR + r"\b")
# "у серпні того ж року", "in August that same year": the month of the year named last before it
MONTH_SAME_YEAR = re.compile(r"\b(" + _MONTH + r")\s+(?:того ж|того самого|цього ж|that same|the same|that) (?:року|year)\b")


@dataclass(frozen=True)
class FoundDate:
    start: int
    value: str  # YYYY-MM-DD or YYYY-MM


def lower_in_place(text: str) -> str:
    """The text lower-cased letter by letter, every offset kept (a letter whose lower case is longer stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=8192)
def find_dates(text: str, default_year: int | None = None) -> tuple[FoundDate, ...]:
    """Every date in the text, in order of appearance; day-month without a year takes default_year."""
    if not _DIGIT.search(text):
        return ()
    found: dict[int, FoundDate] = {}
    taken: list[range] = []

    def add(match: re.Match, year, month, day) -> None:
        if any(match.start() in span for span in taken):
            return
        if year is None:
            if default_year is None:
                return
            year = default_year
        year, month = int(year), int(month)
        if not 1 <= month <= 12:
            return
        if day is None:
            value = f"{year:04d}-{month:02d}"
        elif _valid(year, month, int(day)):
            value = f"{year:04d}-{month:02d}-{int(day):02d}"
        else:
            return
        taken.append(range(match.start(), match.end()))
        found[match.start()] = FoundDate(match.start(), value)

    low = lower_in_place(text)
    for m in NUMERIC.finditer(text):
        add(m, m.group(4), m.group(3), m.group(1))
    for m in ISO.finditer(text):
        add(m, m.group(1), m.group(2), m.group(3))
    for m in DAY_MONTH_YEAR.finditer(low):
        add(m, m.group(3), MONTHS[m.group(2)], m.group(1))
    for m in MONTH_DAY_YEAR.finditer(low):
        add(m, m.group(3), MONTHS[m.group(1)], m.group(2))
    for m in MONTH_YEAR.finditer(low):
        add(m, m.group(2), MONTHS[m.group(1)], None)
    for m in MONTH_SAME_YEAR.finditer(low):
        earlier = [found[k] for k in sorted(found) if k < m.start()]
        if earlier:
            add(m, earlier[-1].value[:4], MONTHS[m.group(1)], None)
    return tuple(found[k] for k in sorted(found))


def parse_date(value) -> date | None:
    """A published date from a metadata field: ISO date/datetime or a textual date with a year."""
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    m = ISO.search(text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    for found in find_dates(text):
        if len(found.value) == 10:
            return date.fromisoformat(found.value)
    return None
