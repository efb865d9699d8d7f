"""Server state: the store and a knowledge cache that follows the stored documents (scenarios live in the
store: web/scenarios.py)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cached_property

from kommuneokonomi.agreements import Agreement, load_agreements
from kommuneokonomi.knowledge.commitments import Commitment
from kommuneokonomi.knowledge.corpus import AgreementText, NoTextsError, load_texts, loaded_years
from kommuneokonomi.knowledge.index import ensure_built, stored_commitments
from kommuneokonomi.knowledge.search import SearchIndex
from kommuneokonomi.store import Store


class Knowledge:
    """The stored knowledge index of the ingested agreements, each part read when first asked for: the
    search index and the commitments come from the store's index tables, the full texts only for the
    pages that show them."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.years = loaded_years(store)
        ensure_built(store)  # under the state's lock: an older store is indexed once, not per thread

    @cached_property
    def index(self) -> SearchIndex:
        return SearchIndex(self.store)

    @cached_property
    def commitments(self) -> list[Commitment]:
        return stored_commitments(self.store)

    @cached_property
    def texts(self) -> dict[int, AgreementText]:
        return load_texts(self.store)


@dataclass
class AppState:
    store: Store
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _key: tuple | None = None
    _corrections_key: tuple | None = None
    _agreements: dict[int, Agreement] | None = None
    _knowledge: Knowledge | None = None

    def _version(self) -> tuple:
        return tuple(sorted((y, d.id) for y, d in self.store.latest().items()))

    def _refresh(self) -> None:
        key = self._version()
        corrected = self.store.corrections_stamp()  # a correction changes the figures, not the texts
        if key != self._key or corrected != self._corrections_key:
            self._agreements = load_agreements(self.store)
            self._corrections_key = corrected
        if key != self._key:
            self._knowledge = None
            self._key = key

    def agreements(self) -> dict[int, Agreement]:
        with self._lock:
            self._refresh()
            return self._agreements or {}

    def knowledge(self) -> Knowledge:
        """Texts, search index and linked commitments of the ingested agreements (NoTextsError if none)."""
        with self._lock:
            self._refresh()
            if self._knowledge is None:
                self._knowledge = Knowledge(self.store)
            return self._knowledge

    def has_texts(self) -> bool:
        try:
            self.knowledge()
        except NoTextsError:
            return False
        return True
