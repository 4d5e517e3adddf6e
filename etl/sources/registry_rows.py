"""How one register row resolves against the gazetteer: hromadas, country, partner, date, type, status, themes."""
from __future__ import annotations

import re

from etl.load import http_url
from etl.reference.names import normalise
from etl.sources import registry_vocab as vocab
from etl.sources.registry_files import Cell, is_blank

DOMESTIC_COUNTRY = "UA"
_KATOTTG_RE = re.compile(r"UA\d{17}", re.IGNORECASE)
_CYRILLIC_RE = re.compile(r"[а-яіїєґё]", re.IGNORECASE)
STATUS_HINT = "write Підписано, Переговори, Намір, Заплановано or Розірвано"
DATE_HINT = "write DD.MM.YYYY, MM.YYYY or YYYY"
HROMADA_TYPES = frozenset({"міська", "селищна", "сільська"})


def _of_named_type(candidates: list[dict], name: str) -> list[dict]:
    """Keep the candidates of the type the name states ("Полтавська міська громада"), when any match."""
    stated = set(normalise(name, strip_status=False).split()) & HROMADA_TYPES
    typed = [c for c in candidates if c.get("hromada_type") in stated]
    return typed or candidates


class RowRejected(Exception):
    """Every problem of one row, as (field, reason) pairs."""

    def __init__(self, problems: list[tuple[str | None, str]]):
        super().__init__("; ".join(reason for _, reason in problems))
        self.problems = problems


class _Problem(Exception):
    def __init__(self, field: str, reason: str):
        super().__init__(reason)
        self.field = field


def text(cell: Cell) -> str:
    """A cell as the user reads it: dates ISO, whitespace collapsed, blank as ''."""
    if is_blank(cell):
        return ""
    if hasattr(cell, "isoformat"):
        return cell.isoformat()
    return " ".join(str(cell).split())


class RowResolver:
    """Turns a row's cells (by canonical field) into the resolved parts of a raw_mentions record."""

    def __init__(self, gazetteer, labels: dict[str, str]):
        self.g = gazetteer
        self.labels = labels  # canonical field -> Ukrainian column label, appended to every reason
        self.notes: list[tuple[str, str]] = []

    def problem(self, field: str, reason: str) -> _Problem:
        return _Problem(field, f"{reason} ({self.labels[field]})")

    def note(self, field: str, message: str) -> None:
        self.notes.append((field, message))

    def resolve(self, cells: dict[str, Cell], row_problem: str | None = None) -> dict:
        """The resolved fields of a row; raises RowRejected naming every field that failed."""
        self.notes = []
        values = {field: text(cell) for field, cell in cells.items()}
        problems: list[tuple[str | None, str]] = [(None, row_problem)] if row_problem else []

        def attempt(step, *args):
            try:
                return step(*args)
            except _Problem as problem:
                problems.append((problem.field, str(problem)))
                return None

        hromada = attempt(self.hromada, values, "hromada", "hromada_code", "oblast")
        country = attempt(self.country, values)
        partner = None
        if country:  # checked even when the hromada failed, so one pass shows every problem of the row
            partner = attempt(self.partner, values, country, hromada["hromada_code"] if hromada else None)
        event_date = attempt(self.event_date, values, cells)
        status = attempt(self.status, values, event_date is not None)
        if problems:
            raise RowRejected(problems)
        return {
            "ua_hromada_code": hromada["hromada_code"], **partner, "partner_country_code": country,
            "type": self.kind(values), "status": status, "event_date": event_date,
            "themes": self.themes(values), "programme": vocab.programme_name(values.get("programme", "")),
            "source_url": http_url(values.get("source")),
        }

    def hromada(self, values: dict[str, str], name_field: str, code_field: str | None, oblast_field: str) -> dict:
        """By KATOTTG code when given, else by name narrowed by oblast; a name in several oblasts is a problem."""
        field, value = name_field, values.get(name_field, "")
        if code_field and values.get(code_field):
            field, value = code_field, values[code_field]
            if not _KATOTTG_RE.fullmatch(value):
                raise self.problem(field, "not a KATOTTG code (UA and 17 digits)")
        if not value:
            raise self.problem(field, "hromada is empty")
        oblast_text = values.get(oblast_field, "")
        oblast = self.g.oblast_code(oblast_text) if oblast_text else None
        if _KATOTTG_RE.fullmatch(value):
            found = self.g.hromada_by_code(value.upper())
            if found is None:
                raise self.problem(field, "unknown KATOTTG hromada code")
            if oblast_text and oblast != found["oblast_code"]:
                self.note(oblast_field, f"{oblast_text!r} is not the oblast of {value}; the code is followed")
            return found
        if oblast_text and oblast is None:
            raise self.problem(oblast_field, "unknown oblast")
        candidates = self.g.find_hromadas(value, oblast)
        if not candidates:
            elsewhere = self.g.find_hromadas(value) if oblast else []
            where = f"; one is in {self.oblast_names(elsewhere)}" if elsewhere else ""
            raise self.problem(field, f"no hromada of that name{' in that oblast' if oblast else ''}{where}")
        candidates = _of_named_type(candidates, value)
        if len({c["oblast_code"] for c in candidates}) > 1:
            oblasts = self.oblast_names(candidates)
            raise self.problem(field, f"hromada name in several oblasts, give the oblast: {oblasts}")
        if len(candidates) > 1:
            self.note(field, f"{value!r} names {len(candidates)} hromadas; took {candidates[0]['name_uk']}")
        return candidates[0]

    def oblast_names(self, candidates: list[dict]) -> str:
        codes = dict.fromkeys(c["oblast_code"] for c in candidates)
        names = dict(self.g.oblasts.select("oblast_code", "name_uk").iter_rows())
        return ", ".join(sorted(self.g.oblast_adjective(code) or names[code] for code in codes))

    def country(self, values: dict[str, str]) -> str:
        value = values.get("country", "")
        if not value:
            raise self.problem("country", "country is empty")
        code = self.g.country_code(value)
        if code is None:
            raise self.problem("country", "unknown country")
        return code

    def partner(self, values: dict[str, str], country: str, hromada_code: str | None) -> dict:
        name = values.get("partner", "")
        if not name:
            raise self.problem("partner", "partner is empty")
        if country == DOMESTIC_COUNTRY:
            found = self.hromada(values, "partner", None, "partner_oblast")
            if found["hromada_code"] == hromada_code:
                raise self.problem("partner", "partner is the hromada itself")
            return {
                "partner_kind": "domestic", "partner_name_uk": found["name_uk"],
                "partner_name_en": found.get("name_en"),
                "partner_geonameid": None, "partner_hromada_code": found["hromada_code"],
                "partner_lat": found.get("lat"), "partner_lon": found.get("lon"),
            }
        return self.foreign_partner(name, country)

    def foreign_partner(self, written: str, country: str) -> dict:
        """A GeoNames place when one matches; otherwise the name alone, with a note (small gminas are missing).

        The stored name drops a "(remark)" such as the country: "Люблін (Польща)" is stored as "Люблін"."""
        name = vocab.strip_remarks(written) or written
        places = self.g.find_places(written, country) or (self.g.find_places(name, country) if name != written else [])
        written_uk = bool(_CYRILLIC_RE.search(name))
        record = {
            "partner_kind": "foreign", "partner_name_uk": name if written_uk else None,
            "partner_name_en": None if written_uk else name, "partner_geonameid": None,
            "partner_hromada_code": None, "partner_lat": None, "partner_lon": None,
        }
        if not places:
            self.note("partner", f"{name!r} is not a known place in {country}; loaded without coordinates")
            return record
        place = places[0]
        return record | {
            "partner_name_uk": name if written_uk else place.get("name_uk"),
            "partner_name_en": place["name"], "partner_geonameid": place["geonameid"],
            "partner_lat": place.get("lat"), "partner_lon": place.get("lon"),
        }

    def event_date(self, values: dict[str, str], cells: dict[str, Cell]) -> str | None:
        if not values.get("date"):
            return None
        parsed = vocab.parse_date(cells["date"])
        if parsed is None:
            raise self.problem("date", f"not a date: {DATE_HINT}")
        return parsed

    def status(self, values: dict[str, str], has_date: bool) -> str:
        value = values.get("status", "")
        if not value:
            return vocab.default_status(has_date)
        found = vocab.lexicon("status").lookup(value)
        if found is None:
            raise self.problem("status", f"unknown status: {STATUS_HINT}")
        return found

    def kind(self, values: dict[str, str]) -> str:
        value = values.get("type", "")
        found = vocab.lexicon("type").lookup(value) if value else None
        if value and found is None:
            self.note("type", f"unknown document type {value!r}; loaded as {vocab.default_type()!r}")
        return found or vocab.default_type()

    def themes(self, values: dict[str, str]) -> list[str]:
        found, unknown = vocab.parse_themes(values.get("themes", ""))
        for part in unknown:
            self.note("themes", f"unknown theme {part!r} left out")
        return found
