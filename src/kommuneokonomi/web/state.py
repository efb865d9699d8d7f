"""Server state: the store and a knowledge cache that follows the stored documents (scenarios live in the
store: web/scenarios.py)."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from kommuneokonomi.agreements import Agreement, load_agreements
from kommuneokonomi.knowledge.corpus import AgreementText, NoTextsError, load_texts, loaded_years
from kommuneokonomi.knowledge.index import ensure_built
from kommuneokonomi.knowledge.search import SearchIndex
from kommuneokonomi.store import Store, StoreError, StoreUnavailable, shown

log = logging.getLogger("kommuneokonomi.web")


class Knowledge:
    """The stored knowledge index of the ingested agreements, each part read when first asked for: the
    search index and the commitments come from the store's index tables, the full texts only for the
    pages that show them."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.years = loaded_years(store)
        ensure_built(store)  # under the slot's lock: an older store is indexed once, not per thread

    @cached_property
    def index(self) -> SearchIndex:
        return SearchIndex(self.store)

    @cached_property
    def texts(self) -> dict[int, AgreementText]:
        return load_texts(self.store)


#: how old a snapshot may get before a read starts a check of the store in the background (seconds): what
#: another worker or the CLI wrote shows within about this time; this process's own writes show at once
CHECK_SECONDS = 0.5


def store_label(store: Store) -> str:
    """The store as the server's messages name it to visitors: a SQLite file by its name (not its path on the
    server), a server URL without its password. The log and the CLI show the whole path."""
    label = shown(store.url)
    return Path(label).name if store.engine.dialect.name == "sqlite" else label


class _KnowledgeSlot:
    """One snapshot's knowledge, built once by the first thread that asks (never on the event loop)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._value: Knowledge | None = None
        self._missing: NoTextsError | None = None

    def get(self) -> Knowledge:
        with self._lock:
            if self._value is None and self._missing is None:
                try:
                    knowledge = Knowledge(self._store)
                    knowledge.index  # noqa: B018 - warm the search index before readers see it
                    self._value = knowledge
                except NoTextsError as exc:
                    self._missing = exc
        if self._missing is not None:
            raise self._missing
        assert self._value is not None
        return self._value


@dataclass(frozen=True)
class Snapshot:
    """What the readers see: replaced whole, never changed, so reading it needs no lock."""

    key: tuple
    corrections_key: tuple
    agreements: dict[int, Agreement]
    knowledge: _KnowledgeSlot


class AppState:
    """The store and an immutable snapshot of what it holds. Readers take the current snapshot without a
    lock; a stale one (older than CHECK_SECONDS) starts a check in a background thread, which rebuilds
    (agreements, then the knowledge index) and swaps the snapshot only when the new one is ready, so no
    reader waits on a rebuild and nothing blocking runs on the event loop."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._rebuild = threading.RLock()  # held by the thread that checks, rebuilds or writes; never readers
        self._rebuild_started = threading.Lock()  # a background check is under way (taken without waiting)
        self._snapshot: Snapshot | None = None
        self._unavailable: str | None = None
        self._checked = 0.0
        with contextlib.suppress(StoreUnavailable):  # answered with 503 until a check succeeds
            self.refresh(warm=False)  # the agreements now; the knowledge index when first asked for

    def _version(self) -> tuple:
        return tuple(sorted((y, d.id) for y, d in self.store.latest().items()))

    def refresh(self, warm: bool = True) -> Snapshot:
        """Check the store and rebuild what changed (blocking: call it from a thread, not the loop).

        With `warm`, a new knowledge index is built before the snapshot is swapped."""
        with self._rebuild:
            try:
                snap = self._snapshot
                key, corrected = self._version(), self.store.corrections_stamp()
                if snap is None or key != snap.key or corrected != snap.corrections_key:
                    # a correction changes the figures, not the texts: then the knowledge stays
                    same_texts = snap is not None and key == snap.key
                    knowledge = snap.knowledge if snap and same_texts else _KnowledgeSlot(self.store)
                    if warm:
                        with contextlib.suppress(NoTextsError):
                            knowledge.get()
                    snap = Snapshot(key, corrected, load_agreements(self.store), knowledge)
                    self._snapshot = snap
            except (SQLAlchemyError, StoreError, OSError) as exc:
                self._unavailable = (
                    f"databasen {store_label(self.store)} kan ikke læses lige nu ({type(exc).__name__}); "
                    "prøv igen om lidt"
                )
                log.error("%s: %s", self._unavailable, exc)
                raise StoreUnavailable(self._unavailable) from exc
            finally:
                self._checked = time.monotonic()
            self._unavailable = None
            return snap

    def writing(self) -> threading.RLock:
        """Held around a write and its index build (in a worker thread), so that this process's background
        check does not index the same new document a second time meanwhile."""
        return self._rebuild

    def _check_in_background(self) -> None:
        try:
            self.refresh()
        except StoreUnavailable:
            pass  # recorded; readers answer 503 until a later check succeeds
        finally:
            self._rebuild_started.release()

    def current(self) -> Snapshot:
        """The current snapshot, without waiting (StoreUnavailable while the store cannot be read)."""
        if time.monotonic() - self._checked > CHECK_SECONDS and self._rebuild_started.acquire(blocking=False):
            self._checked = time.monotonic()
            threading.Thread(
                target=self._check_in_background, name="kommuneokonomi-check", daemon=True
            ).start()
        if self._unavailable is not None:
            raise StoreUnavailable(self._unavailable)
        snap = self._snapshot
        if snap is None:  # only before the first check has finished (create_app makes one)
            raise StoreUnavailable(f"databasen {store_label(self.store)} er ikke læst endnu; prøv igen")
        return snap

    @property
    def unavailable(self) -> str | None:
        return self._unavailable

    def agreements(self) -> dict[int, Agreement]:
        return self.current().agreements

    def knowledge(self) -> Knowledge:
        """Texts, search index and linked commitments of the ingested agreements (NoTextsError if none).
        May build the index the first time: call it from a thread (a sync handler), not the loop."""
        return self.current().knowledge.get()

    def has_texts(self) -> bool:
        try:
            self.knowledge()
        except NoTextsError:
            return False
        return True
