"""How a register is read: file bytes to a header and numbered rows (CSV in its usual dialects, XLSX)."""
from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from etl.sources.registry_vocab import header_key, preferred_sheets

DELIMITERS = (",", ";", "\t")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
_NO_DELIMITER = "\x1f"  # a one-column file is read with the ASCII unit separator, which text never holds
_EXCEL_SEP_RE = re.compile(r"sep=(.)\r?\n")
_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
HEADER_SEARCH_ROWS = 10  # the header is looked for among this many leading non-blank rows
Cell = object  # str for CSV; str, int, float, date or datetime for XLSX; None when empty
HeaderTest = Callable[[list[str]], bool]


class RegistryFileError(ValueError):
    """The whole register is unreadable (encoding, delimiter, missing required columns)."""

    def __init__(self, file: str, message: str):
        super().__init__(f"{file}: {message}")
        self.file = file
        self.message = message
        self.reject: dict | None = None  # the whole-file raw_rejects row, set by read_registry


@dataclass(frozen=True)
class Table:
    """A register's header and data rows; numbers are the row numbers a spreadsheet shows."""

    header: list[str]
    header_row: int
    rows: list[tuple[int, list[Cell]]]
    preamble: int = 0  # non-blank rows above the header (a title, a date line)
    delimiter: str | None = None
    encoding: str | None = None


def is_blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def decode(data: bytes, file: str) -> tuple[str, str]:
    """Text and encoding name: UTF-16 by its BOM, else strict UTF-8 (BOM optional), else Windows-1251."""
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251"), "cp1251"
    except UnicodeDecodeError as err:
        raise RegistryFileError(file, f"encoding is neither UTF-8 nor Windows-1251 (byte {err.start})") from None


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            count += 1
    return count


def _most_frequent(line: str) -> str | None:
    counts = {d: _count_outside_quotes(line, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else None


def sniff_delimiter(text: str, is_header: HeaderTest | None = None) -> str | None:
    """The delimiter that splits a leading line into a header, else the commonest one of the first line."""
    lines = [ln for ln in text.splitlines()[: HEADER_SEARCH_ROWS * 2] if ln.strip()][:HEADER_SEARCH_ROWS]
    if not lines:
        return None
    for line in lines if is_header else ():
        for d in DELIMITERS:
            if _count_outside_quotes(line, d) and is_header(_names(next(csv.reader([line], delimiter=d)))):
                return d
    return _most_frequent(lines[0])


def _other_delimiter(cells: list[Cell], used: str | None) -> str | None:
    text = " ".join(str(c) for c in cells if isinstance(c, str))
    return next((d for d in DELIMITERS if d != used and d in text), None)


def _delimiter_name(delimiter: str | None) -> str:
    return _DELIMITER_NAMES.get(delimiter, repr(delimiter)) if delimiter else "no delimiter"


def _check_delimiter(table: Table, file: str) -> None:
    """A header or rows that stay one column while holding another delimiter mean the dialect is wrong."""
    if len(table.header) == 1 and (other := _other_delimiter(table.header, table.delimiter)):
        raise RegistryFileError(
            file,
            f"the header is a single column {table.header[0][:60]!r}: the file looks {_delimiter_name(other)}-"
            f"separated but was read as {_delimiter_name(table.delimiter)}-separated",
        )
    filled = [cells for _, cells in table.rows if not all(is_blank(c) for c in cells)]
    single = [cells for cells in filled if len(cells) == 1 and _other_delimiter(cells, table.delimiter)]
    if len(table.header) > 1 and filled and len(single) * 2 > len(filled):
        other = _other_delimiter(single[0], table.delimiter)
        raise RegistryFileError(
            file,
            f"the header has {len(table.header)} columns but {len(single)} of {len(filled)} rows are a single "
            f"column: the rows look {_delimiter_name(other)}-separated, the header "
            f"{_delimiter_name(table.delimiter)}-separated",
        )


def _names(cells: list[Cell]) -> list[str]:
    return [str(h).strip() if h is not None else "" for h in cells]


def _table(records: list[list[Cell]], is_header: HeaderTest | None, **dialect) -> Table:
    """The header is the first of the leading non-blank rows that is_header accepts, else the first of them."""
    filled = [i for i, cells in enumerate(records) if not all(is_blank(c) for c in cells)]
    if not filled:
        return Table([], 0, [], **dialect)
    leading = filled[:HEADER_SEARCH_ROWS]
    start = next((i for i in leading if is_header is None or is_header(_names(records[i]))), filled[0])
    rows = list(enumerate(records[start + 1 :], start + 2))
    return Table(_names(records[start]), start + 1, rows, preamble=filled.index(start), **dialect)


def read_csv(data: bytes, file: str, delimiter: str | None = None, is_header: HeaderTest | None = None) -> Table:
    text, encoding = decode(data, file)
    if declared := _EXCEL_SEP_RE.match(text):  # Excel's "sep=;" line: it names the delimiter and is not shown
        text, delimiter = text[declared.end() :], delimiter or declared[1]
    used = delimiter or sniff_delimiter(text, is_header)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=used or _NO_DELIMITER, quotechar='"')
    try:
        records = [list(r) for r in reader]
    except csv.Error as err:
        raise RegistryFileError(file, f"not a readable CSV: {err}") from None
    table = _table(records, is_header, delimiter=used, encoding=encoding)
    _check_delimiter(table, file)
    return table


def _sheet(workbook):
    wanted = [header_key(w) for w in preferred_sheets()]
    for sheet in workbook.worksheets:
        if any(w in header_key(sheet.title) for w in wanted):
            return sheet
    return workbook.worksheets[0]


def _cell(value: Cell) -> Cell:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def read_xlsx(data: bytes, file: str, is_header: HeaderTest | None = None) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as err:  # openpyxl raises many kinds for a damaged workbook
        raise RegistryFileError(file, f"not a readable XLSX workbook: {err}") from None
    sheet = _sheet(workbook)
    records = [[_cell(v) for v in row] for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, values_only=True)]
    return _table(records, is_header)


def read_table(data: bytes, file: str, delimiter: str | None = None, is_header: HeaderTest | None = None) -> Table:
    """The register's header and rows, XLSX recognised by content, anything else read as delimited text."""
    if data.startswith(_XLSX_MAGIC):
        return read_xlsx(data, file, is_header)
    if data.startswith(_XLS_MAGIC):
        raise RegistryFileError(file, "legacy .xls workbooks are not read: save the register as .xlsx or .csv")
    return read_csv(data, file, delimiter, is_header)
