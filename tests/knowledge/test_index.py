"""The knowledge index in the store: built at ingest, incrementally, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect

from kommuneokonomi.ingest import ingest_file
from kommuneokonomi.knowledge import index, tracker
from kommuneokonomi.knowledge.search import SearchIndex
from kommuneokonomi.store import Store

from conftest import corpus_files


def test_index_is_built_at_ingest_and_incrementally(store_url, monkeypatch):
    store = Store(store_url)
    files = corpus_files()
    built = []
    original = index.build
    monkeypatch.setattr(index, "build", lambda s, d: (built.append(d.year), original(s, d))[1])
    for path in (files[3], files[4]):  # 2023, 2024
        assert not ingest_file(path, store).failed
    assert built == [2023, 2024]
    hits = SearchIndex(store).search('"lokalt råderum"')
    assert [(h.aar, h.linje_fra) for h in hits] == [(2024, 54)]
    before = tracker.find(store, pr_side=0).items
    assert before and {c.aar for c in before} == {2023, 2024}
    assert not ingest_file(files[1], store).failed  # 2022: one more build, nothing rebuilt
    assert built == [2023, 2024, 2022]
    after = tracker.find(store, pr_side=0).items
    velfaerd = next(c for c in after if (c.aar, c.linje_fra) == (2022, 541))
    assert velfaerd.status == "fulgt op" and velfaerd.opfoelgning[0]["aar"] == 2023
    assert [c.to_json() for c in after if c.aar == 2024] == [c.to_json() for c in before if c.aar == 2024]
    assert SearchIndex(store).search("velfærdsaftaler", aar={2022})


def test_a_store_from_before_the_index_gets_it_on_first_use(store_url):
    store = Store(store_url)
    for path in corpus_files()[3:]:
        assert not ingest_file(path, None).failed
        store.add(ingest_file(path, None).result)  # stored without the index, as an older version did
    assert "knowledge_built" not in inspect(store.engine).get_table_names()
    assert SearchIndex(store).search("midtvejsregulering", limit=3)
    with store.engine.connect() as conn:
        assert len(conn.execute(index.built.select()).all()) == 2


def test_a_new_version_replaces_the_old_in_search_and_commitments(store_url, tmp_path):
    store = Store(store_url)
    path = corpus_files()[4]
    assert not ingest_file(path, store).failed
    first = tracker.find(store, pr_side=0).items
    changed = tmp_path / "aftale.txt"
    changed.write_text(
        path.read_text("utf-8") + "\n\nRegeringen og KL er enige om en ny zebrapulje.\n", "utf-8"
    )
    assert ingest_file(changed, store).status == "ny version"
    hits = SearchIndex(store).search("zebrapulje")
    assert len(hits) == 1 and hits[0].aar == 2024
    assert len(SearchIndex(store).search('"lokalt råderum"')) == 1  # the old version is not searched
    items = tracker.find(store, pr_side=0).items
    assert sum("zebrapulje" in c.tekst for c in items) == 1
    assert len(items) == len(first) + 1
