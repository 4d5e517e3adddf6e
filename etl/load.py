"""Raw-layer writes. Every write is keyed, so loading the same input twice adds nothing."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
import polars as pl

from etl.taxonomy import taxonomy
from warehouse.connection import REPO_ROOT

MENTION_SCHEMA: dict[str, pl.DataType] = {
    "mention_id": pl.String,
    "source_kind": pl.String,
    "source_id": pl.String,
    "source_ref": pl.String,
    "row_number": pl.Int32,
    "ua_hromada_code": pl.String,
    "partner_kind": pl.String,
    "partner_name_uk": pl.String,
    "partner_name_en": pl.String,
    "partner_country_code": pl.String,
    "partner_geonameid": pl.Int64,
    "partner_hromada_code": pl.String,
    "partner_lat": pl.Float64,
    "partner_lon": pl.Float64,
    "type": pl.String,
    "status": pl.String,
    "event_date": pl.String,
    "published_date": pl.Date,
    "themes": pl.List(pl.String),
    "programme": pl.String,
    "mentioned_in_passing": pl.Boolean,
    "confidence": pl.Float64,
    "evidence": pl.String,
    "notes": pl.List(pl.String),
    "source_url": pl.String,
    "loaded_at": pl.Datetime("us"),
}

REJECT_SCHEMA: dict[str, pl.DataType] = {
    "reject_id": pl.String,
    "source_kind": pl.String,
    "source_file": pl.String,
    "source_sha256": pl.String,
    "row_number": pl.Int32,
    "column_name": pl.String,
    "value": pl.String,
    "reason": pl.String,
    "raw_record": pl.String,
    "rejected_at": pl.Datetime("us"),
}

DOCUMENT_SCHEMA: dict[str, pl.DataType] = {
    "document_id": pl.String,
    "source": pl.String,
    "title": pl.String,
    "published_date": pl.Date,
    "lang": pl.String,
    "format": pl.String,
    "text": pl.String,
    "ingested_at": pl.Datetime("us"),
}


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def source_ref(path: str | Path) -> str:
    """How an input file is named in the raw layer: relative to the repository root when it lies inside it
    (data/sample/registry.csv), else its absolute path, so a warehouse names the same file the same on any machine."""
    resolved = Path(path).expanduser().resolve()
    try:
        return resolved.relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return str(resolved)


_URL_RE = re.compile(r"https?://[^\s<>\"'|;]+", re.IGNORECASE)


def http_url(value: str | None) -> str | None:
    """The first real link in a value (http or https, a dotted host name), else None: "сайт ради",
    "www.rada.gov.ua" or "http_notes.txt" are not links."""
    for found in _URL_RE.finditer(value or ""):
        candidate = found.group(0).rstrip(".,)»")
        parts = urlsplit(candidate)
        if "." in (parts.hostname or "").strip("."):
            return candidate
    return None


def stable_id(*parts: object) -> str:
    """A short, stable key from the parts (used for mention, reject and run ids)."""
    joined = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


def _frame(rows: Iterable[Mapping[str, Any]], schema: dict[str, pl.DataType], stamp: str) -> pl.DataFrame:
    moment = now()
    records = [{**{key: row.get(key) for key in schema}, stamp: row.get(stamp) or moment} for row in rows]
    return pl.DataFrame(records, schema=schema, orient="row") if records else pl.DataFrame(schema=schema)


def _upsert(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    if frame.is_empty():
        return
    con.register("incoming", frame)
    try:
        con.execute(f"insert or replace into {table} by name select * from incoming")
    finally:
        con.unregister("incoming")


def count_rows(con: duckdb.DuckDBPyConnection, table: str, source_column: str, source_id: str) -> int:
    return con.execute(
        f"select count(*) from {table} where {source_column} = $source", {"source": source_id}
    ).fetchall()[0][0]


def superseded_count(con: duckdb.DuckDBPyConnection, source_kind: str, source_ref: str, source_id: str) -> int:
    """How many mentions an earlier version of one source holds: the rows re-importing it replaces."""
    return con.execute(
        "select count(*) from raw_mentions where source_kind = $kind and source_ref = $ref and source_id <> $id",
        {"kind": source_kind, "ref": source_ref, "id": source_id},
    ).fetchall()[0][0]


def replace_mentions(
    con: duckdb.DuckDBPyConnection, source_kind: str, source_ref: str, rows: Iterable[Mapping[str, Any]]
) -> int:
    """Replace every mention of one source (a register file or an article, named by its source_ref) with `rows`.

    An edited file is the same source: the mentions of its earlier version go. Rows of identical content read
    under another name keep their ids (they derive from the content), so they are stored once, under the latest."""
    frame = _frame(rows, MENTION_SCHEMA, "loaded_at").with_columns(
        pl.col("mentioned_in_passing").fill_null(False)
    )
    con.execute(
        "delete from raw_mentions where source_kind = $kind and source_ref = $ref",
        {"kind": source_kind, "ref": source_ref},
    )
    _upsert(con, "raw_mentions", frame)
    return frame.height


def replace_rejects(
    con: duckdb.DuckDBPyConnection, source_kind: str, source_file: str, rows: Iterable[Mapping[str, Any]]
) -> int:
    """Replace the rejects recorded for one input file, so only those of its current version remain."""
    frame = _frame(rows, REJECT_SCHEMA, "rejected_at")
    if not frame.is_empty():
        frame = frame.with_columns(
            pl.struct("source_sha256", "row_number", "column_name", "reason")
            .map_elements(
                lambda r: stable_id(r["source_sha256"], r["row_number"], r["column_name"], r["reason"]),
                return_dtype=pl.String,
            )
            .alias("reject_id")
        )
    con.execute(
        "delete from raw_rejects where source_kind = $kind and source_file = $file",
        {"kind": source_kind, "file": source_file},
    )
    _upsert(con, "raw_rejects", frame)
    return frame.height


def write_documents(con: duckdb.DuckDBPyConnection, rows: Iterable[Mapping[str, Any]]) -> int:
    """Store articles once each (keyed by content hash) under the source they were last read from; returns how
    many were new. A source that held another text before (an edited article) loses that earlier document."""
    frame = _frame(rows, DOCUMENT_SCHEMA, "ingested_at").unique("document_id", keep="first")
    if frame.is_empty():
        return 0
    con.register("incoming", frame)
    try:
        new = con.execute(
            "select count(*) from incoming where document_id not in (select document_id from raw_documents)"
        ).fetchall()[0][0]
        con.execute(
            "delete from raw_documents where source in (select source from incoming) "
            "and document_id not in (select document_id from incoming)"
        )
        con.execute(
            "update raw_documents set source = incoming.source from incoming "
            "where raw_documents.document_id = incoming.document_id and raw_documents.source <> incoming.source"
        )
        con.execute(
            "insert into raw_documents by name select * from incoming "
            "where document_id not in (select document_id from raw_documents)"
        )
    finally:
        con.unregister("incoming")
    return new


def drop_lines_not_read(con: duckdb.DuckDBPyConnection, file_ref: str, kept: Iterable[str]) -> None:
    """Remove the documents, and their mentions, of lines of a jsonl file (sources `file#line`) it no longer holds."""
    params = {"prefix": f"{file_ref}#", "kept": sorted(kept)}
    con.execute(
        "delete from raw_mentions where source_kind = 'article' and starts_with(source_ref, $prefix) "
        "and not list_contains($kept, source_ref)",
        params,
    )
    con.execute(
        "delete from raw_documents where starts_with(source, $prefix) and not list_contains($kept, source)", params
    )


def record_run(
    con: duckdb.DuckDBPyConnection,
    *,
    source_kind: str,
    source_file: str,
    source_sha256: str,
    read_count: int,
    loaded_count: int,
    rejected_count: int,
    skipped_count: int = 0,
    started_at: datetime,
) -> None:
    """Keep the latest run over one input; a re-run replaces it rather than adding a row."""
    con.execute(
        "insert or replace into raw_ingest_runs values "
        "($run_id, $kind, $file, $sha, $read, $loaded, $rejected, $skipped, $started, $finished)",
        {
            "run_id": stable_id(source_kind, source_sha256),
            "kind": source_kind,
            "file": source_file,
            "sha": source_sha256,
            "read": read_count,
            "loaded": loaded_count,
            "rejected": rejected_count,
            "skipped": skipped_count,
            "started": started_at,
            "finished": now(),
        },
    )


def write_vocabulary(con: duckdb.DuckDBPyConnection) -> int:
    """Load types, statuses and themes with their labels from etl/data/taxonomy.toml."""
    rows = [
        {"kind": kind, "code": entry["code"], "label_uk": entry["uk"], "label_en": entry["en"], "sort_order": order}
        for kind, entries in taxonomy().items()
        for order, entry in enumerate(entries, start=1)
    ]
    con.execute("delete from ref_vocabulary")
    con.register("incoming", pl.DataFrame(rows))
    try:
        con.execute("insert into ref_vocabulary by name select * from incoming")
    finally:
        con.unregister("incoming")
    return len(rows)
