"""Ingest articles: store each document once, extract its mentions, keep unreadable inputs as rejects."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from tqdm import tqdm

from etl import load


@dataclass
class ArticlesResult:
    read_count: int = 0
    new_count: int = 0
    known_count: int = 0
    rejected_count: int = 0
    mention_count: int = 0
    rejects: list[dict] = field(default_factory=list)


def _file_of(source: str) -> str:
    return source.split("#", 1)[0]


def document_ref(document) -> str:
    """How an article is named in the raw layer: its url, else its file (a jsonl line as file#line) per
    etl.load.source_ref."""
    if document.url:
        return document.url
    file, mark, line = document.source.partition("#")
    return load.source_ref(file) + mark + line


def ingest_articles(
    con: duckdb.DuckDBPyConnection, paths: Sequence[Path], gazetteer, progress: bool = True
) -> ArticlesResult:
    """Read, deduplicate, extract and load; re-ingesting the same articles adds nothing."""
    from etl.extract.pipeline import Extractor, mention_to_raw_row
    from etl.sources.articles import iter_documents

    extractor = Extractor(gazetteer)
    started = load.now()
    result = ArticlesResult()
    reader_rejects: list = []
    per_file: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # read, loaded
    documents = iter_documents(paths, rejects=reader_rejects)
    bar = tqdm(documents, desc="articles", unit=" art", disable=not progress)
    for document in bar:
        result.read_count += 1
        per_file[_file_of(document.source)][0] += 1
        known = load.count_rows(con, "raw_documents", "document_id", document.document_id)
        result.known_count += known
        result.new_count += load.write_documents(con, [_document_row(document)])
        ref = document_ref(document)
        rows = [
            mention_to_raw_row(mention, document) | {"source_ref": ref} for mention in extractor.extract(document)
        ]
        load.replace_mentions(con, document.document_id, rows)
        result.mention_count += len(rows)
        per_file[_file_of(document.source)][1] += 1
    rejects_by_file: dict[str, list[dict]] = defaultdict(list)
    for reject in reader_rejects:
        row = {
            "source_kind": "articles",
            "source_file": load.source_ref(reject.source_file),
            "row_number": reject.row_number,
            "column_name": reject.column_name,
            "value": reject.value,
            "reason": reject.reason,
            "raw_record": reject.raw_record,
        }
        rejects_by_file[reject.source_file].append(row)
        result.rejects.append(row)
    result.rejected_count = len(reader_rejects)
    for source_file in set(per_file) | set(rejects_by_file):
        sha = _path_sha(source_file)
        file_rejects = [{**row, "source_sha256": sha} for row in rejects_by_file.get(source_file, [])]
        load.replace_rejects(con, sha, file_rejects)
        read, loaded = per_file.get(source_file, [0, 0])
        load.record_run(
            con,
            source_kind="articles",
            source_file=load.source_ref(source_file),
            source_sha256=sha,
            read_count=read + len(file_rejects),
            loaded_count=loaded,
            rejected_count=len(file_rejects),
            started_at=started,
        )
    return result


def _path_sha(source_file: str) -> str:
    path = Path(source_file)
    data = path.read_bytes() if path.is_file() else source_file.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def _document_row(document) -> dict:
    return {
        "document_id": document.document_id,
        "source": document_ref(document),
        "title": document.title,
        "published_date": document.published_date,
        "lang": document.lang,
        "format": document.format,
        "text": document.text,
    }
