"""A register's constants and value parsers: header aliases, dates, types, statuses, themes, programmes."""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from etl.reference.names import normalise
from etl.taxonomy import THEMES, taxonomy

VOCAB_FILE = Path(__file__).resolve().parent.parent / "data" / "registry_columns.toml"
_REMARK_RE = re.compile(r"\([^)]*\)")
_LETTERS_DIGITS_RE = re.compile(r"[\W_]+")
_SHORT_STEM = 3  # stems this short match whole words only ("it", "art", "мсп")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_EXCEL_SERIALS = range(3000, 80000)  # 1908..2119 as Excel day numbers

_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})")
_YEAR_MONTH_DAY = re.compile(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_MONTH_YEAR = re.compile(r"(\d{1,2})[./-](\d{4})")
_YEAR_MONTH = re.compile(r"(\d{4})[./-](\d{1,2})")
_YEAR = re.compile(r"\d{4}")
_WORDS_DATE = re.compile(r"(?:(\d{1,2})\s+)?([^\W\d_]+)\.?,?\s+(\d{4})")
_YEAR_WORD = re.compile(r"\s*(?:р|рік|року|year)\.?$")


def key(text: object) -> str:
    """The comparison form of a header or label: casefolded, apostrophes unified, punctuation and dashes as spaces."""
    return normalise(str(text), strip_status=False)


def strip_remarks(text: str) -> str:
    """The text without its "(...)" remarks: "Кельце (Польща)" -> "Кельце"."""
    return " ".join(_REMARK_RE.sub(" ", text).split())


def header_key(text: object) -> str:
    """A header's comparison form; "(...)" remarks, "*" and ":" are dropped; "№" or "#" alone stay as written."""
    raw = str(text).strip()
    return key(strip_remarks(raw).replace("*", " ")) or raw.casefold()


@cache
def vocabulary() -> dict:
    with VOCAB_FILE.open("rb") as handle:
        return tomllib.load(handle)


@cache
def column_aliases() -> dict[str, str]:
    """Header comparison form -> canonical field."""
    return {header_key(alias): field for field, aliases in vocabulary()["columns"].items() for alias in aliases}


@cache
def ignored_headers() -> frozenset[str]:
    return frozenset(header_key(h) for h in vocabulary()["ignored"]["columns"])


def required_fields() -> list[str]:
    return vocabulary()["required"]["columns"]


def preferred_sheets() -> list[str]:
    return vocabulary()["sheets"]["preferred"]


@dataclass(frozen=True)
class Lexicon:
    """Codes of one vocabulary with their exact forms and, in match order, their keywords."""

    exact: dict[str, str]
    keywords: tuple[tuple[str, str], ...]

    def lookup(self, value: str) -> str | None:
        text = key(value)
        if text in self.exact:
            return self.exact[text]
        return next((code for word, code in self.keywords if word in text), None)


@cache
def lexicon(kind: str) -> Lexicon:
    """'type' or 'status': taxonomy codes and labels match exactly, registry_columns.toml adds keywords."""
    exact: dict[str, str] = {}
    for entry in taxonomy()[kind]:
        for form in (entry["code"], entry["uk"], entry["en"]):
            exact[key(form)] = entry["code"]
    keywords = []
    for code, words in vocabulary()[kind].items():
        for word in words:
            exact.setdefault(key(word), code)
            keywords.append((key(word), code))
    return Lexicon(exact, tuple(keywords))


def default_type() -> str:
    return vocabulary()["defaults"]["type"]


def default_status(has_date: bool) -> str:
    defaults = vocabulary()["defaults"]
    return defaults["status_with_date"] if has_date else defaults["status_without_date"]


@cache
def _theme_tables() -> tuple[re.Pattern, dict[str, str], list[tuple[str, str]]]:
    themes = vocabulary()["themes"]
    splitter = re.compile("|".join(re.escape(s) for s in themes["separators"]))
    exact = {}
    for entry in taxonomy()["theme"]:
        for form in (entry["code"], entry["uk"], entry["en"]):
            exact[key(form)] = entry["code"]
    stems = [(key(stem), code) for code, words in themes["stems"].items() for stem in words]
    return splitter, exact, stems


def _stem_matches(stem: str, text: str, words: list[str]) -> bool:
    if " " in stem:
        return stem in text
    if len(stem) <= _SHORT_STEM:
        return stem in words
    return any(w.startswith(stem) for w in words)


def parse_themes(value: str) -> tuple[list[str], list[str]]:
    """Theme codes named in a cell (taxonomy order, no repeats) and the parts that named none."""
    splitter, exact, stems = _theme_tables()
    found: list[str] = []
    unknown: list[str] = []
    for part in splitter.split(value):
        text = key(part)
        if not text:
            continue
        if text in exact:
            codes = [exact[text]]
        else:
            words = text.split()
            codes = [code for stem, code in stems if _stem_matches(stem, text, words)]
        if not codes:
            unknown.append(part.strip())
        found.extend(codes)
    return sorted(set(found), key=THEMES.index), unknown


@cache
def _programmes() -> dict[str, str]:
    table = {}
    for canonical, variants in vocabulary()["programmes"].items():
        for form in (canonical, *variants):
            table[_LETTERS_DIGITS_RE.sub("", form.casefold())] = canonical
    return table


def programme_name(value: str) -> str | None:
    """The canonical programme name; an unknown programme is kept as written."""
    text = " ".join(value.split())
    if not text:
        return None
    return _programmes().get(_LETTERS_DIGITS_RE.sub("", text.casefold()), text)


@cache
def _month_prefixes() -> list[tuple[str, int]]:
    months = vocabulary()["dates"]["months"]
    return [(prefix, number) for number, prefixes in enumerate(months, 1) for prefix in prefixes]


def _month_number(word: str) -> int | None:
    word = word.casefold()
    return next((n for prefix, n in _month_prefixes() if word.startswith(prefix)), None)


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(year: int, month: int) -> str | None:
    return f"{year:04d}-{month:02d}" if 1 <= month <= 12 and 1000 <= year else None


def parse_date(value: object) -> str | None:
    """'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' keeping the precision given; None when the value is not a date."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value == int(value) and 1000 <= value <= 2999:
            return f"{int(value):04d}"
        if int(value) in _EXCEL_SERIALS:
            return (_EXCEL_EPOCH + dt.timedelta(days=int(value))).isoformat()
        return None
    text = _YEAR_WORD.sub("", " ".join(str(value).split()).casefold()).rstrip(".")
    if m := _YEAR_MONTH_DAY.fullmatch(text):
        return _day(int(m[1]), int(m[2]), int(m[3]))
    if m := _DAY_MONTH_YEAR.fullmatch(text):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        return _day(year, int(m[2]), int(m[1]))
    if m := _MONTH_YEAR.fullmatch(text):
        return _month(int(m[2]), int(m[1]))
    if m := _YEAR_MONTH.fullmatch(text):
        return _month(int(m[1]), int(m[2]))
    if _YEAR.fullmatch(text):
        return text
    if (m := _WORDS_DATE.fullmatch(text)) and (month := _month_number(m[2])):
        return _day(int(m[3]), month, int(m[1])) if m[1] else _month(int(m[3]), month)
    return None
