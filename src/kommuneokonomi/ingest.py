"""Ingest agreement files: read, extract, check and store, one file at a time.

A bad file gets one line naming the file and the reason; the good files of the same batch are still
ingested.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kommuneokonomi.documents import DEFAULT_MAX_BYTES, DocumentError, read_document
from kommuneokonomi.extraction import extract
from kommuneokonomi.models import DocumentResult
from kommuneokonomi.store import Store, StoreError, reason


@dataclass
class FileOutcome:
    path: Path
    result: DocumentResult | None = None
    status: str | None = None  # AddOutcome's status, or "ikke gemt"
    version: int | None = None
    error: str | None = None
    note: str | None = None  # why a new version was held back ("ikke taget i brug")

    @property
    def failed(self) -> bool:
        return self.error is not None


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[FileOutcome]]:
    """Expand directories (sorted, hidden files skipped); missing paths become failed outcomes."""
    files: list[Path] = []
    missing: list[FileOutcome] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            files.append(path)
        else:
            missing.append(FileOutcome(path=path, error="filen eller mappen findes ikke"))
    return files, missing


def ingest_file(
    path: Path, store: Store | None, max_bytes: int = DEFAULT_MAX_BYTES, replace: bool = False
) -> FileOutcome:
    """Read, extract and store one file. `replace`: take the new version into use even when it lacks key
    figures the version in use has (otherwise it is stored held back, and `note` says why)."""
    try:
        result = extract(read_document(path, max_bytes=max_bytes))
    except DocumentError as exc:
        return FileOutcome(path=path, error=str(exc))
    if store is None:
        return FileOutcome(path=path, result=result, status="ikke gemt")
    try:
        added = store.add(result, replace=replace)
    except StoreError as exc:
        return FileOutcome(path=path, result=result, error=str(exc))
    except Exception as exc:  # the transaction rolled back; report and go on with the batch
        return FileOutcome(
            path=path, result=result, error=f"kunne ikke gemmes (databasen er uændret): {reason(exc)}"
        )
    outcome = FileOutcome(
        path=path, result=result, status=added.status, version=added.document.version, note=added.note()
    )
    return index_outcome(store, added.document, outcome) if added.status != "uændret" else outcome


def index_outcome(store: Store, document, outcome: FileOutcome) -> FileOutcome:
    """Build the knowledge index (search, commitments, follow-ups) of a newly stored document."""
    from kommuneokonomi.knowledge.index import build

    try:
        build(store, document)
    except Exception as exc:  # the document is stored; the index is built again on first use
        outcome.error = (
            f"gemt, men videnindekset kunne ikke bygges ({reason(exc)}); det bygges ved første søgning"
        )
    return outcome
