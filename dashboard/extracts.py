"""File builders for the extracts: CSV (UTF-8 with BOM), XLSX (data + filters sheet) and Parquet, from one frame.

CSV and XLSX carry the headings of the chosen language; Parquet, read by scripts, keeps the stable snake_case column
names (agreement_id, hromada_code, ...). The builders run when the user clicks, on another thread without a Streamlit
session, so every label comes in as an argument.
"""
from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl
import xlsxwriter

BOM = "\ufeff".encode()
FORMATS = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}


@dataclass(frozen=True)
class Labels:
    """What the files call things in the chosen language."""
    headings: dict[str, str]  # column -> heading (CSV, XLSX)
    data_sheet: str
    facts_sheet: str
    fact_heading: tuple[str, str]  # the facts sheet's two column headings
    exported: str  # the label of the export time, stamped when the file is built


def csv_bytes(frame: pl.DataFrame, labels: Labels) -> bytes:
    return BOM + frame.rename(labels.headings, strict=False).write_csv().encode("utf-8")


def parquet_bytes(frame: pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.write_parquet(buffer)
    return buffer.getvalue()


def xlsx_bytes(frame: pl.DataFrame, about: list[tuple[str, str | int]], labels: Labels) -> bytes:
    """A workbook: the data sheet with typed columns and a frozen header, and a sheet of (label, value) facts (numbers
    as numbers), ending with the time the file was built."""
    facts = [*about, (labels.exported, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))]
    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as workbook:
        frame.rename(labels.headings, strict=False).write_excel(
            workbook, labels.data_sheet, freeze_panes=(1, 0), autofit=True,
            dtype_formats={pl.Date: "yyyy-mm-dd", pl.Datetime: "yyyy-mm-dd hh:mm"},
        )
        sheet = workbook.add_worksheet(labels.facts_sheet)
        bold = workbook.add_format({"bold": True})
        sheet.write_row(0, 0, labels.fact_heading, bold)
        for row, (name, value) in enumerate(facts, start=1):
            sheet.write(row, 0, name)
            sheet.write(row, 1, value)
        sheet.set_column(0, 0, max(len(name) for name, _ in facts) + 2)
        sheet.set_column(1, 1, min(80, max(len(str(value)) for _, value in facts) + 2))
    return buffer.getvalue()


def builders(frame: pl.DataFrame, about: list[tuple[str, str | int]], labels: Labels) -> dict[str, Callable[[], bytes]]:
    """Format -> a no-argument callable for st.download_button(data=...), so each file is built only when asked."""
    return {
        "csv": lambda: csv_bytes(frame, labels),
        "xlsx": lambda: xlsx_bytes(frame, about, labels),
        "parquet": lambda: parquet_bytes(frame),
    }
