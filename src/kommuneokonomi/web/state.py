"""Server state: the store, a knowledge cache that follows the stored documents, and per-visitor scenarios."""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from kommuneokonomi.agreements import Agreement, load_agreements
from kommuneokonomi.knowledge.corpus import AgreementText, NoTextsError, load_texts, loaded_years
from kommuneokonomi.knowledge.index import ensure_built
from kommuneokonomi.knowledge.search import SearchIndex
from kommuneokonomi.store import Store

MAX_SCENARIOS = 500


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
    _scenarios: OrderedDict[str, dict[str, Any]] = field(default_factory=OrderedDict)

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

    def scenario(self, sid: str | None) -> tuple[str, dict[str, Any]]:
        """The visitor's scenario (the latest simulations), created when missing; the oldest are forgotten."""
        with self._lock:
            if sid is None or sid not in self._scenarios:
                sid = secrets.token_urlsafe(16)
                self._scenarios[sid] = {}
                while len(self._scenarios) > MAX_SCENARIOS:
                    self._scenarios.popitem(last=False)
            self._scenarios.move_to_end(sid)
            return sid, self._scenarios[sid]
