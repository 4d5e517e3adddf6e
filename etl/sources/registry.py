"""What a partnership register yields: raw_mentions records, raw_rejects rows and the read figures.

Reading rules (aliases and vocabularies are data in etl/data/registry_columns.toml):
- CSV in UTF-8 (BOM or not), Windows-1251 or UTF-16, comma/semicolon/tab sniffed from the header line; XLSX from
  the sheet named like "Реєстр"/"Register", else the first; the header is the first non-empty row.
- Headers in Ukrainian or English, any case or spacing, "(remarks)" ignored; an unknown column is ignored with
  one warning; a file without a hromada (name or KATOTTG code), partner or country column, or whose delimiter
  leaves the header or most rows a single column, is rejected whole: RegistryFileError, whose .reject is the
  whole-file raw_rejects row (row_number None).
- Row numbers are the ones a spreadsheet shows (header on line 1 -> first data row 2); blank rows are skipped and
  not counted. read_count == loaded + distinct rejected rows, always.
- A row is rejected when its hromada, oblast, country, domestic partner, date or status cannot be resolved, one
  reject per problem: reason in English with the Ukrainian column label, column_name as the file spells it.
- Empty type -> "other", an unknown type -> "other" with a note. Empty status -> "signed" when the row has a date,
  else "intent". Unknown theme words are left out with a note; the row loads.
- A foreign partner no gazetteer place matches loads with its name only (no coordinates, no geonameid) and a note;
  a domestic partner (country UA) must resolve to a hromada, narrowed by the partner's oblast when given.
- source_ref and the rejects' source_file name the file as etl.load.source_ref does (relative to the repository
  when inside it); the evidence quotes the bare file name.
- The source cell («Джерело» / Source) gives source_url: its first http(s) link; other text ("Лист №12") is no link
  and stays in the evidence only.
- Notes go both into the record's "notes" (not a raw_mentions column) and into .warnings as "row N, column: ...".
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, TypedDict

from etl.load import source_ref, stable_id
from etl.sources import registry_vocab as vocab
from etl.sources.registry_files import Cell, RegistryFileError, Table, is_blank, read_table
from etl.sources.registry_rows import RowRejected, RowResolver, text

__all__ = ["MentionRecord", "Reject", "RegistryFileError", "RegistryRead", "read_registry"]

SOURCE_KIND = "registry"
LABELS_UK = {
    "hromada": "Громада", "hromada_code": "Код громади", "oblast": "Область", "partner": "Партнер",
    "country": "Країна", "partner_oblast": "Область партнера", "type": "Тип документа", "status": "Статус",
    "date": "Дата підписання", "themes": "Сфери співпраці", "programme": "Програма", "source": "Джерело",
}


class MentionRecord(TypedDict):
    """One raw_mentions row (loaded_at is stamped by etl.load), plus the row's notes."""

    mention_id: str
    source_kind: str
    source_id: str
    source_ref: str
    row_number: int
    ua_hromada_code: str
    partner_kind: str
    partner_name_uk: str | None
    partner_name_en: str | None
    partner_country_code: str
    partner_geonameid: int | None
    partner_hromada_code: str | None
    partner_lat: float | None
    partner_lon: float | None
    type: str
    status: str
    event_date: str | None
    published_date: None
    themes: list[str]
    programme: str | None
    mentioned_in_passing: bool
    confidence: float
    evidence: str
    notes: list[str]
    source_url: str | None


class Reject(TypedDict):
    """One problem of one row as a raw_rejects row (reject_id and rejected_at are etl.load's)."""

    source_kind: str
    source_file: str
    source_sha256: str
    row_number: int | None
    column_name: str | None
    value: str | None
    reason: str
    raw_record: str | None


@dataclass
class RegistryRead:
    file: str
    source_id: str
    mentions: list[MentionRecord] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    read_count: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def loaded_count(self) -> int:
        return len(self.mentions)

    @property
    def rejected_count(self) -> int:
        return len({r["row_number"] for r in self.rejects})

    def __iter__(self) -> Iterator:
        """Unpacks as (mentions, rejects, read_count), the form docs/CONTRACT.md names."""
        return iter((self.mentions, self.rejects, self.read_count))


def _column_map(header: list[str], warnings: list[str]) -> dict[str, int]:
    aliases, ignored = vocab.column_aliases(), vocab.ignored_headers()
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        hkey = vocab.header_key(name) if name else ""
        canonical = aliases.get(hkey)
        if canonical is None:
            if name and hkey not in ignored:
                warnings.append(f"column {name!r} is not a register field and is ignored")
        elif canonical in columns:
            warnings.append(f"column {name!r} repeats {header[columns[canonical]]!r}; the first is read")
        else:
            columns[canonical] = index
    if "hromada_code" in columns:
        columns.setdefault("hromada", columns["hromada_code"])
    return columns


def _missing(columns: dict[str, int]) -> list[str]:
    return [f for f in vocab.required_fields() if f not in columns]


def is_header(row: list[str]) -> bool:
    """Whether a row names every required column (how a header is told from a title line above it)."""
    return not _missing(_column_map(row, []))


def map_columns(header: list[str], file: str, warnings: list[str]) -> dict[str, int]:
    """Canonical field -> column index; raises RegistryFileError when a required field has no column."""
    columns = _column_map(header, warnings)
    if missing := _missing(columns):
        wanted = ", ".join(f"{LABELS_UK[f]} ({f})" for f in missing)
        found = ", ".join(repr(h) for h in header if h) or "none"
        raise RegistryFileError(file, f"required column missing: {wanted}; the header has {found}")
    return columns


@dataclass
class _Rows:
    """The register's table with its column map: cells by field, display header, evidence, raw record."""

    table: Table
    columns: dict[str, int]
    file: str

    def cells(self, cells: list[Cell]) -> dict[str, Cell]:
        return {f: cells[i] if i < len(cells) else None for f, i in self.columns.items()}

    def overflow(self, cells: list[Cell]) -> str | None:
        """The problem of a row with values beyond the header's last column."""
        width = len(self.table.header)
        if all(is_blank(c) for c in cells[width:]):
            return None
        return f"row has {len(cells)} fields, the header {width}: an unquoted delimiter inside a value?"

    def header_of(self, field: str) -> str:
        return self.table.header[self.columns[field]] if field in self.columns else LABELS_UK[field]

    def evidence(self, number: int, cells: list[Cell]) -> str:
        shown = "; ".join(f"{h}: {text(c)}" for h, c in zip(self.table.header, cells) if h and not is_blank(c))
        return f"{self.file}, row {number}: {shown}"

    def raw_record(self, cells: list[Cell]) -> str:
        names = [h or f"column {i + 1}" for i, h in enumerate(self.table.header)]
        names += [f"column {i + 1}" for i in range(len(names), len(cells))]
        return json.dumps(dict(zip(names, map(text, cells))), ensure_ascii=False)


def read_registry(path: str | Path, gazetteer, delimiter: str | None = None) -> RegistryRead:
    """Read a CSV or XLSX register; delimiter=None sniffs it from the header line."""
    path = Path(path)
    ref = source_ref(path)
    try:
        data = path.read_bytes()
    except OSError as err:  # keyed by its name, as an unreadable file has no content to hash
        data, unreadable = ref.encode("utf-8"), f"cannot be read ({err.strerror or err})"
    else:
        unreadable = None
    result = RegistryRead(file=path.name, source_id=hashlib.sha256(data).hexdigest())

    def reject(number: int | None, column: str | None, value: str | None, reason: str, raw: str | None) -> Reject:
        return Reject(source_kind=SOURCE_KIND, source_file=ref, source_sha256=result.source_id,
                      row_number=number, column_name=column, value=value, reason=reason, raw_record=raw)

    try:
        if unreadable:
            raise RegistryFileError(path.name, unreadable)
        table = read_table(data, path.name, delimiter, is_header)
        if not table.header:
            raise RegistryFileError(path.name, "the register is empty")
        rows = _Rows(table, map_columns(table.header, path.name, result.warnings), path.name)
        if table.preamble:
            skipped = f"{table.preamble} row(s) above it are skipped"
            result.warnings.append(f"the header is row {table.header_row}; {skipped}")
    except RegistryFileError as err:
        err.reject = reject(None, None, None, err.message, None)
        raise
    resolver = RowResolver(gazetteer, LABELS_UK)
    for number, cells in table.rows:
        if all(is_blank(c) for c in cells):
            continue
        result.read_count += 1
        by_field = rows.cells(cells)
        try:
            resolved = resolver.resolve(by_field, rows.overflow(cells))
        except RowRejected as rejected:
            raw = rows.raw_record(cells)
            for field_name, reason in rejected.problems:
                column = rows.header_of(field_name) if field_name else None
                value = text(by_field[field_name]) if field_name in by_field else None
                result.rejects.append(reject(number, column, value, reason, raw))
            continue
        notes = [f"{rows.header_of(f)}: {message}" for f, message in resolver.notes]
        result.warnings.extend(f"row {number}, {note}" for note in notes)
        result.mentions.append({
            "mention_id": stable_id(SOURCE_KIND, result.source_id, number),
            "source_kind": SOURCE_KIND, "source_id": result.source_id, "source_ref": ref,
            "row_number": number, **resolved, "published_date": None, "mentioned_in_passing": False,
            "confidence": 1.0, "evidence": rows.evidence(number, cells), "notes": notes,
        })
    assert result.read_count == result.loaded_count + result.rejected_count, "read = loaded + rejected"
    return result
