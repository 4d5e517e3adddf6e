"""Ingest steps shared by the CLI and the build: registers and articles into the raw layer."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl import load
from etl.sources.registry import SOURCE_KIND, RegistryFileError, read_registry

REGISTRY_SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx"}
ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}


@dataclass
class IngestSummary:
    """What one input file gave: read = loaded + rejected, always."""

    source_file: str
    read_count: int = 0
    loaded_count: int = 0
    rejected_count: int = 0
    unchanged: bool = False
    failed: bool = False
    replaced_count: int = 0  # mentions of an earlier version of the file that this import replaced
    messages: list[str] = field(default_factory=list)

    def reconciles(self) -> bool:
        return self.read_count == self.loaded_count + self.rejected_count


def unreadable(path: Path) -> str | None:
    """Why a file or folder cannot be read at all (missing, no permission), or None when it can."""
    try:
        if path.is_dir():
            next(path.iterdir(), None)
        else:
            path.open("rb").close()
    except FileNotFoundError:
        return "no such file or folder"
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    return None


def ingest_registry(con: duckdb.DuckDBPyConnection, path: Path, gazetteer) -> IngestSummary:
    """Read one register, load its good rows, keep its rejects.

    Re-reading the same bytes adds nothing; reading an edited file at the same path replaces the mentions and
    rejects of its earlier version (the path, relative to the repository when inside it, names the source)."""
    started = load.now()
    ref = load.source_ref(path)
    try:
        result = read_registry(path, gazetteer)
    except RegistryFileError as error:
        # nothing of the file can be read: the file counts as one record read and rejected (as an unreadable
        # article does), its reason kept as the file-level reject, so the run reconciles with raw_rejects
        sha = error.reject["source_sha256"]
        replaced = load.superseded_count(con, SOURCE_KIND, ref, sha)
        rejected = load.replace_rejects(con, SOURCE_KIND, ref, [error.reject])
        load.replace_mentions(con, SOURCE_KIND, ref, [])
        load.record_run(
            con, source_kind=SOURCE_KIND, source_file=ref, source_sha256=sha,
            read_count=rejected, loaded_count=0, rejected_count=rejected, started_at=started,
        )
        return IngestSummary(
            source_file=ref, read_count=rejected, rejected_count=rejected, failed=True, replaced_count=replaced,
            messages=[error.message],
        )
    sha = result.source_id
    already = load.count_rows(con, "raw_mentions", "source_id", sha)
    summary = IngestSummary(
        source_file=ref,
        read_count=result.read_count,
        loaded_count=result.loaded_count,
        rejected_count=result.rejected_count,
        unchanged=already == result.loaded_count and already > 0,
        replaced_count=load.superseded_count(con, SOURCE_KIND, ref, sha),
        messages=list(result.warnings),
    )
    load.replace_mentions(con, SOURCE_KIND, ref, result.mentions)
    load.replace_rejects(con, SOURCE_KIND, ref, result.rejects)
    load.record_run(
        con,
        source_kind=SOURCE_KIND,
        source_file=ref,
        source_sha256=sha,
        read_count=summary.read_count,
        loaded_count=summary.loaded_count,
        rejected_count=summary.rejected_count,
        skipped_count=already,
        started_at=started,
    )
    return summary


def registry_files(paths: Sequence[Path]) -> list[Path]:
    return _expand(paths, REGISTRY_SUFFIXES - {".txt"})


def article_files(paths: Sequence[Path]) -> list[Path]:
    return _expand(paths, ARTICLE_SUFFIXES)


def _expand(paths: Iterable[Path], suffixes: set[str]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes))
        else:
            found.append(path)
    return found
