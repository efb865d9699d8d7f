"""The tracker in SQL on each backend: filters, facets and pages agree with a plain reading of every
commitment; ids are unique and stable."""

from __future__ import annotations

from collections import Counter

import pytest
from fastapi.testclient import TestClient

from kommuneokonomi.ingest import ingest_file
from kommuneokonomi.knowledge import index, tracker
from kommuneokonomi.knowledge.commitments import Commitment
from kommuneokonomi.knowledge.text import tokens
from kommuneokonomi.store import Store
from kommuneokonomi.web.app import create_app
from kommuneokonomi.web.auth import WriteAccess

from conftest import corpus_files


def _matches(query: str, text: str) -> bool:
    """The reference: every query stem is a stem of the text or, from four letters, inside one."""
    present = {t.stem for t in tokens(text)}
    return all(
        w in present or (len(w) >= 4 and any(w in p for p in present))
        for w in {t.stem for t in tokens(query)}
    )


def _reference(items: list[Commitment], f: tracker.Filters) -> list[str]:
    out = []
    for c in items:
        where = f"{c.kapitel or ''} {c.emne or ''}"
        if f.aar and c.aar not in f.aar:
            continue
        if (f.fra is not None and c.aar < f.fra) or (f.til is not None and c.aar > f.til):
            continue
        if f.emne and not _matches(f.emne, where):
            continue
        if f.tekst and not _matches(f.tekst, f"{c.tekst} {where}"):
            continue
        if f.part and f.part.lower() not in [p.lower() for p in c.parter + c.andre_parter]:
            continue
        if (f.art and c.art != f.art) or (f.status and c.status != f.status):
            continue
        out.append(c.id)
    return out


@pytest.fixture
def three(store_url) -> Store:
    store = Store(store_url)
    for path in corpus_files()[1::2] + corpus_files()[4:]:  # 2022, 2023, 2024
        assert not ingest_file(path, store).failed
    return store


FILTERS = [
    tracker.Filters(),
    tracker.Filters(aar=[2023]),
    tracker.Filters(emne="frikommuner"),
    tracker.Filters(emne="velfærdsaftalerne"),
    tracker.Filters(emne="ældre"),
    tracker.Filters(tekst="konsulenter"),
    tracker.Filters(tekst="frikommune", aar=[2022, 2023]),
    tracker.Filters(tekst="it"),  # a short word matches whole stems only
    tracker.Filters(part="danske regioner"),
    tracker.Filters(part="KL", art="analyse"),
    tracker.Filters(status="fulgt op"),
    tracker.Filters(status="ingen senere aftale", tekst="digital"),
    tracker.Filters(fra=2023),
    tracker.Filters(til=2022, status="fulgt op"),
    tracker.Filters(fra=2022, til=2023, aar=[2023, 2024]),  # a year outside the period is not shown
    tracker.Filters(fra=2025),  # after every agreement: nothing
]


def test_filters_facets_and_pages_in_sql_agree_with_reading_every_commitment(three):
    everything = tracker.find(three, pr_side=0).items
    assert len(everything) > 300 and [c.aar for c in everything] == sorted(c.aar for c in everything)
    for f in FILTERS:
        expected = _reference(everything, f)
        shown = tracker.find(three, f, pr_side=0)
        assert [c.id for c in shown.items] == expected, f
        assert shown.antal == len(expected)
        matching = [c for c in everything if c.id in set(expected)]
        counts = tracker.facets(three, f)
        assert counts["aar"] == sorted(Counter(str(c.aar) for c in matching).items())
        assert dict(counts["art"]) == Counter(c.art for c in matching)
        assert dict(counts["status"]) == Counter(c.status for c in matching)
        assert dict(counts["parter"]) == Counter(p for c in matching for p in c.parter)
        topics = Counter(c.emne for c in matching if c.emne)
        assert (
            counts["emne"]
            == sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))[: tracker.MAX_TOPIC_FACETS]
        )
    assert tracker.find(three, tracker.Filters(tekst="frikommuner")).items  # the plural finds the singular
    ids = [c.id for c in tracker.find(three, tracker.Filters(emne="velfærdsaftaler"), pr_side=0).items]
    assert ids and ids == [
        c.id for c in tracker.find(three, tracker.Filters(emne="velfærdsaftale"), pr_side=0).items
    ]
    first, second = tracker.find(three, side=1, pr_side=50), tracker.find(three, side=2, pr_side=50)
    assert [c.id for c in first.items + second.items] == [c.id for c in everything[:100]]
    assert first.sider == -(-len(everything) // 50) and first.antal == len(everything)
    assert not tracker.find(three, side=first.sider + 1, pr_side=50).items
    with pytest.raises(ValueError):
        tracker.find(three, side=0)
    huge = tracker.Filters(aar=[2**63])  # too big for SQL's integer: matches nothing, no error
    assert tracker.find(three, huge).antal == 0 and tracker.facets(three, huge)["aar"] == []
    assert tracker.find(three, tracker.Filters(fra=2**63)).antal == 0
    assert tracker.find(three, tracker.Filters(til=2**63)).antal == len(everything)


def test_status_is_kept_as_agreements_are_added_in_any_order(store_url):
    """Status is stored; an agreement added later changes the status of those it follows up or that
    stop being the newest."""
    store = Store(store_url)
    files = corpus_files()
    for path in (files[4], files[1]):  # 2024, then 2022
        assert not ingest_file(path, store).failed
    assert {c.status for c in tracker.find(store, tracker.Filters(aar=[2024]), pr_side=0).items} == {
        "ingen senere aftale"
    }
    assert not ingest_file(files[3], store).failed  # 2023 in between
    items = tracker.find(store, pr_side=0).items
    velfaerd = next(c for c in items if (c.aar, c.linje_fra) == (2022, 541))
    assert velfaerd.status == "fulgt op" and velfaerd.opfoelgning[0]["aar"] == 2023
    for c in items:
        kinds = {x["type"] for x in c.opfoelgning}
        expected = (
            "fulgt op"
            if "opfølgning" in kinds
            else "mulig opfølgning"
            if "mulig opfølgning" in kinds
            else "nævnt igen"
            if c.opfoelgning
            else "ingen senere aftale"
            if c.aar == 2024
            else "intet spor"
        )
        assert c.status == expected, c.id
    assert {c.aar for c in items if c.status == "ingen senere aftale"} == {2024}


def test_ids_are_unique_and_stable(three, tmp_path):
    first = tracker.find(three, pr_side=0).items
    ids = [c.id for c in first]
    assert len(set(ids)) == len(ids)
    by_line = Counter((c.aar, c.linje_fra) for c in first)
    assert any(n > 1 for n in by_line.values())  # two statements on one line: year:line was not unique
    doc = three.latest()[2024]
    index.build(three, doc)  # built again: the same ids
    assert [c.id for c in tracker.find(three, pr_side=0).items] == ids
    one = next(c for c in first if c.aar == 2023)
    got = tracker.by_id(three, one.id)
    assert got is not None and got.to_json() == one.to_json()
    assert tracker.by_id(three, "2023-0000000000") is None


def test_a_new_version_that_moves_lines_keeps_the_ids(store_url, tmp_path):
    store = Store(store_url)
    path = corpus_files()[4]
    assert not ingest_file(path, store).failed
    before = {c.id: c for c in tracker.find(store, pr_side=0).items}
    moved = tmp_path / "aftale.txt"
    moved.write_text("\n\n\n" + path.read_text("utf-8"), "utf-8")  # three lines more at the top
    assert ingest_file(moved, store).status == "ny version"
    after = {c.id: c for c in tracker.find(store, pr_side=0).items}
    assert after.keys() == before.keys()
    assert all(after[i].linje_fra == before[i].linje_fra + 3 for i in before)


def test_api_pages_facets_and_one_commitment_by_id(store_url):
    client = TestClient(create_app(store_url, WriteAccess(open=True)))
    for path in corpus_files()[3:]:
        r = client.post("/api/ingest", files={"fil": (path.name, path.read_bytes(), "text/plain")})
        assert r.status_code == 200, r.text
    r = client.get("/api/aftalepunkter", params={"tekst": "konsulenter", "limit": 2})
    assert r.status_code == 200 and len(r.json()) == 2 and int(r.headers["X-Total-Count"]) >= 2
    one = r.json()[0]
    assert client.get(f"/api/aftalepunkter/{one['id']}").json() == one
    assert client.get("/api/aftalepunkter/2023-0000000000").status_code == 404
    facets = client.get("/api/aftalepunkter/facetter", params={"tekst": "konsulenter"}).json()
    assert facets["antal"] == int(r.headers["X-Total-Count"])
    page = client.get("/aftalepunkter", params={"tekst": "konsulenter"}).text
    assert f'id="aftalepunkt-{one["id"]}"' in page
