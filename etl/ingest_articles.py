"""Ingest articles: store each document once, extract its mentions, keep unreadable inputs as rejects."""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from tqdm import tqdm

from etl import load
from etl.ingest import unreadable

SOURCE_KIND, REJECT_KIND = "article", "articles"


@dataclass
class ArticlesResult:
    read_count: int = 0
    new_count: int = 0
    known_count: int = 0
    rejected_count: int = 0
    mention_count: int = 0
    rejects: list[dict] = field(default_factory=list)
    failed_files: list[str] = field(default_factory=list)  # could not be read at all (missing, no permission)


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
    """Read, deduplicate, extract and load, file by file.

    Re-ingesting the same articles adds nothing. An article is named by its url, else its path (a jsonl line by
    file#line): an edited text under the same name replaces the earlier document and its mentions, lines a jsonl
    file no longer holds are dropped, and each file's rejects are those of its current version."""
    from etl.extract.pipeline import Extractor
    from etl.sources.articles import iter_files

    extractor = Extractor(gazetteer)
    result = ArticlesResult()
    seen: set[str] = set()
    with tqdm(desc="articles", unit=" art", disable=not progress) as bar:
        for path in iter_files(paths):
            _ingest_file(con, path, extractor, seen, result, bar)
    return result


def _ingest_file(con, path: Path, extractor, seen: set[str], result: ArticlesResult, bar) -> None:
    from etl.extract.pipeline import mention_to_raw_row
    from etl.sources.articles import Reject, iter_documents

    started = load.now()
    ref = load.source_ref(path)
    read_refs: list[str] = []
    problem = unreadable(path)
    reader_rejects: list = [Reject(str(path), problem)] if problem else []
    if problem:
        result.failed_files.append(ref)
    for document in [] if problem else iter_documents([path], rejects=reader_rejects):
        if document.document_id in seen:  # the same text in an earlier file of this run
            continue
        seen.add(document.document_id)
        bar.update(1)
        document_source, link = document_ref(document), load.http_url(document.url)
        read_refs.append(document_source)
        result.known_count += load.count_rows(con, "raw_documents", "document_id", document.document_id)
        result.new_count += load.write_documents(con, [_document_row(document, document_source)])
        rows = [
            mention_to_raw_row(mention, document) | {"source_ref": document_source, "source_url": link}
            for mention in extractor.extract(document)
        ]
        load.replace_mentions(con, SOURCE_KIND, document_source, rows)
        result.mention_count += len(rows)
    if path.suffix.lower() == ".jsonl" and path.is_file():
        load.drop_lines_not_read(con, ref, read_refs)
    sha = _path_sha(path)
    rejects = [_reject_row(reject, ref, sha) for reject in reader_rejects]
    load.replace_rejects(con, REJECT_KIND, ref, rejects)
    load.record_run(
        con,
        source_kind=REJECT_KIND,
        source_file=ref,
        source_sha256=sha,
        read_count=len(read_refs) + len(rejects),
        loaded_count=len(read_refs),
        rejected_count=len(rejects),
        started_at=started,
    )
    result.read_count += len(read_refs)
    result.rejected_count += len(rejects)
    result.rejects.extend(rejects)


def _path_sha(path: Path) -> str:
    """The file's content hash; of its name when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError:
        data = str(path).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def _reject_row(reject, ref: str, sha: str) -> dict:
    return {
        "source_kind": REJECT_KIND,
        "source_file": ref,
        "source_sha256": sha,
        "row_number": reject.row_number,
        "column_name": reject.column_name,
        "value": reject.value,
        "reason": reject.reason,
        "raw_record": reject.raw_record,
    }


def _document_row(document, source: str) -> dict:
    return {
        "document_id": document.document_id,
        "source": source,
        "title": document.title,
        "published_date": document.published_date,
        "lang": document.lang,
        "format": document.format,
        "text": document.text,
    }
