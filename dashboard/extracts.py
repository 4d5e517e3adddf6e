"""File builders for the extracts: CSV (UTF-8 with BOM), XLSX (data + filters sheet) and Parquet, from one frame.

They run when the user clicks, on another thread without a Streamlit session, so every label comes in as an argument.
"""
from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import polars as pl
import xlsxwriter

BOM = "\ufeff".encode()
FORMATS = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}


def csv_bytes(frame: pl.DataFrame) -> bytes:
    return BOM + frame.write_csv().encode("utf-8")


def parquet_bytes(frame: pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.write_parquet(buffer)
    return buffer.getvalue()


def xlsx_bytes(frame: pl.DataFrame, about: list[tuple[str, str]], sheet_names: tuple[str, str],
               exported_label: str | None = None) -> bytes:
    """A workbook: the data sheet with typed columns and a frozen header, and a sheet of (label, value) facts,
    ending with the export time when `exported_label` is given."""
    if exported_label:
        about = [*about, (exported_label, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))]
    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as workbook:
        frame.write_excel(workbook, sheet_names[0], freeze_panes=(1, 0), autofit=True,
                          dtype_formats={pl.Date: "yyyy-mm-dd", pl.Datetime: "yyyy-mm-dd hh:mm"})
        facts = pl.DataFrame(about, schema=["name", "value"], orient="row")
        facts.write_excel(workbook, sheet_names[1], autofit=True, include_header=False, autofilter=False)
    return buffer.getvalue()


def builder(kind: str, frame: pl.DataFrame, about: list[tuple[str, str]], sheet_names: tuple[str, str],
            exported_label: str | None = None) -> Callable[[], bytes]:
    """A no-argument callable for st.download_button(data=...), so the file is built only when asked."""
    if kind == "csv":
        return lambda: csv_bytes(frame)
    if kind == "parquet":
        return lambda: parquet_bytes(frame)
    return lambda: xlsx_bytes(frame, about, sheet_names, exported_label)
