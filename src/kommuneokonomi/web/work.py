"""An upload's heavy work, off the event loop: parsing, extraction, storing and the knowledge index build.

A small upload runs in a worker thread. A big one (BIG_UPLOAD_BYTES or more) runs in a separate process:
in a thread its pure-Python parsing would hold the GIL for minutes and make every other request of the
process wait for it in turns (benchmarks/api_under_load.py, RESULTS.md "Issue 11")."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from multiprocessing.pool import Pool
from typing import Any

from kommuneokonomi.documents import DocumentError, parse_document
from kommuneokonomi.extraction import extract
from kommuneokonomi.knowledge import index as knowledge_index
from kommuneokonomi.store import Store

BIG_UPLOAD_BYTES = 1024 * 1024
PROCESSES = 1  # one big ingest at a time per server process (2 cores); small ones still run beside it


class UploadRefused(Exception):
    """The upload is not a readable agreement; the message names the file (a 422)."""


def ingest_into(store: Store, data: bytes, name: str, replace: bool = False) -> dict[str, Any]:
    """Parse, extract and store one uploaded agreement and index it; the API's answer. A version with fewer
    key figures than the one in use is stored but held back unless `replace` (store.add)."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    try:
        result = extract(parse_document(data, name, suffix))
    except DocumentError as exc:
        raise UploadRefused(f"{name}: {exc}") from None
    added = store.add(result, replace=replace)
    if added.status != "uændret":
        knowledge_index.build(store, added.document)
    held = {"mangler": added.missing, "besked": f"{added.note()}; tag den i brug med erstat=true"}
    return {
        "status": added.status,
        "version": added.document.version,
        **(held if added.document.held_back else {}),
        **result.to_contract(),
    }


def _ingest_in_child(url: str, data: bytes, name: str, replace: bool) -> dict[str, Any]:
    store = Store(url)
    try:
        return ingest_into(store, data, name, replace)
    finally:
        store.engine.dispose()


def _exit_with_parent(parent: int) -> None:
    """In each child: stop when the server process is gone (killed), rather than go on alone."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


class Ingester:
    """Runs an upload's work in a thread or, when big, in a child process (started when first needed)."""

    def __init__(self) -> None:
        self._pool: Pool | None = None
        self._lock = threading.Lock()

    def run(self, store: Store, data: bytes, name: str, replace: bool = False) -> dict[str, Any]:
        """Blocking: call it from a worker thread."""
        if len(data) < BIG_UPLOAD_BYTES:
            return ingest_into(store, data, name, replace)
        with self._lock:
            if self._pool is None:
                context = multiprocessing.get_context("spawn")  # never fork a threaded server
                self._pool = context.Pool(PROCESSES, _exit_with_parent, (os.getpid(),))
            pool = self._pool
        return pool.apply(_ingest_in_child, (store.url, data, name, replace))

    def close(self) -> None:
        """At shutdown: stop a child at once (its transaction is rolled back; the store stays as it was)."""
        with self._lock:
            if self._pool is not None:
                self._pool.terminate()
                self._pool.join()
                self._pool = None
