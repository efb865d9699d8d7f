"""Stored scenarios: every simulation is kept in the store under a short address that reproduces it on any
worker and in a fresh browser; two of them side by side; the downloads of an address; the storage bounds."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import func, select

from kommuneokonomi import corrections
from kommuneokonomi.agreements import load_agreements
from kommuneokonomi.export import danish_number
from kommuneokonomi.ingest import ingest_file
from kommuneokonomi.rules.kommuner import register
from kommuneokonomi.store import Store, scenarios
from kommuneokonomi.web import scenarios as sc
from kommuneokonomi.web import services
from kommuneokonomi.web.app import create_app

from conftest import corpus_files


def _sanction_rows(total: float, basis_share: float) -> list[dict]:
    """Service spending spread by population, each municipality's basis a share of its own spending."""
    reg = register()
    pop_sum = int(reg.population.sum())
    rows = []
    for i, (c, p) in enumerate(zip(reg.codes, reg.population, strict=True)):
        spend = round(total * int(p) / pop_sum * (1.02 if i % 3 == 0 else 0.99), 6)
        rows.append({"kommunekode": c, "serviceudgifter": spend, "basis": round(spend * basis_share, 6)})
    return rows


def _table(text: str) -> list[list[str]]:
    """A downloaded CSV as rows, in either CSV dialect (',' or Danish ';' with a BOM)."""
    danish = text.startswith("\ufeff")  # the Danish Excel dialect carries a BOM; the machine one does not
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";" if danish else ","))


@pytest.fixture(scope="module")
def workers(web_db):
    """Two app instances over one SQLite file: two workers, each with its own memory and cookie jar."""
    return TestClient(create_app(web_db)), TestClient(create_app(web_db))


def test_store_round_trip_on_each_backend(store_url):
    """A form's sanction and an API pool stored, read back and reproduced; identical inputs share an id;
    a correction of the agreement afterwards is reported as changed data, with both totals."""
    store = Store(store_url)
    for path in corpus_files()[3:]:  # the 2023 and 2024 agreements
        assert not ingest_file(path, store).failed
    agreements = load_agreements(store)
    form = sc.SanctionForm(type="service", aar=2024, overskridelse_mio="10.5")
    made = sc.run(store, agreements, "sanktion", "formular", form)
    assert made.result.total_kr == 10_500_000
    assert re.fullmatch(r"[A-Za-z0-9_-]{12}", made.stored.id)
    again = sc.run(store, agreements, "sanktion", "formular", sc.SanctionForm(**form.model_dump()))
    assert again.stored.id == made.stored.id
    titled = sc.run(store, agreements, "sanktion", "formular", form, title="Grundforløb")
    assert titled.stored.id != made.stored.id and titled.stored.title == "Grundforløb"
    pool = sc.run(store, agreements, "pulje", "api", services.PoolRequest(pulje_kr=98, forklar="751"))
    rows = _sanction_rows(305000, 0.98)  # the frame as agreed (no published level pins it)
    request = services.SanctionRequest(type="service", aar=2024, kommuner=rows, leverede_reguleringer=False)
    budgets = sc.run(store, agreements, "sanktion", "api", request)
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(scenarios)).scalar() == 4

    loaded = sc.load(store, made.stored.id)
    assert loaded is not None
    assert loaded.kind == "sanktion" and loaded.origin == "formular"
    assert loaded.inputs["overskridelse_mio"] == "10.5" and loaded.inputs["fordeling"] == "kollektiv"
    assert "2024" in loaded.basis["dokumenter"] and loaded.amounts_kr == made.result.amounts_kr
    back = sc.reproduce(store, agreements, made.stored.id)
    assert back.result.amounts_kr == made.result.amounts_kr and not back.changed and back.changes == []
    assert "forklar" not in sc.load(store, pool.stored.id).inputs  # a view of the result, not an input
    assert sc.reproduce(store, agreements, pool.stored.id).result.total_kr == 98

    # the frame changes under the stored scenario: it still opens, says so, and shows both totals
    frame = agreements[2024].figures["serviceramme"].value
    corrections.correct(
        store, 2024, "serviceramme", danish_number(frame - 100), "test", "i testen", force=True
    )
    now = load_agreements(store)
    same = sc.reproduce(store, now, made.stored.id)  # an overrun of the frame, whatever the frame is
    assert same.changes == ["nøgletal er rettet eller rettelser fortrudt"] and not same.changed
    assert sc.changed_note(same) == (
        "Aftaledata er ændret siden (nøgletal er rettet eller rettelser fortrudt), "
        "men resultatet er det samme."
    )
    changed = sc.reproduce(store, now, budgets.stored.id)  # budgets in kroner: a lower frame, more sanction
    assert changed.changed and changed.result.total_kr > budgets.result.total_kr
    note = sc.changed_note(changed)
    assert note is not None and note.startswith("Beregnet på aftaledata, der er ændret siden")
    assert f"gemt i alt {danish_number(budgets.result.total_kr)} kr." in note
    store.engine.dispose()


def test_a_scenario_made_on_one_worker_opens_on_the_other_without_cookies(workers):
    one, other = workers
    r = one.post(
        "/simulator/sanktion",
        data={"type": "service", "aar": "2024", "fordeling": "kollektiv", "overskridelse_mio": "10,5"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"].startswith("/scenarie/")
    address = r.headers["location"]
    assert one.cookies.get("scenarie_sanktion") == address.rsplit("/", 1)[1]
    assert not other.cookies  # the other worker's visitor has never been here
    page = other.get(address)
    assert page.status_code == 200
    assert "Servicesanktion" in page.text and "10.500.000 kr." in page.text and "1.140.295 kr." in page.text
    assert 'value="10,5"' in page.text  # the form as it was filled in, the Danish way
    data = other.get("/api" + address.replace("/scenarie/", "/scenarier/"), params={"forklar": "751"}).json()
    assert data["scenarie"]["type"] == "sanktion" and data["scenarie"]["aendret_siden"] is False
    assert data["resultat"]["reduktion_kr"] == 10_500_000
    assert data["resultat"]["forklaring"]["kommunekode"] == "751"
    # the visitor's latest result follows the visitor on the other worker too (cookie id, store contents)
    other.cookies.set("scenarie_sanktion", address.rsplit("/", 1)[1])
    assert "1.140.295 kr." in other.get("/kommune/101").text
    other.cookies.clear()


def test_the_rest_endpoints_store_their_simulation(workers):
    one, other = workers
    body = {"type": "service", "aar": 2024, "kommuner": _sanction_rows(306100, 0.98)}
    direct = one.post("/api/sanktion", json=body).json()
    ref = direct.pop("scenarie")
    assert ref["adresse"] == f"/scenarie/{ref['id']}"
    stored = other.get(ref["api"]).json()
    assert stored["resultat"] == direct
    made = one.post("/api/scenarier", json={"type": "sanktion", "input": body, "titel": "Basis"})
    assert made.status_code == 201 and made.json()["resultat"] == direct
    assert made.json()["scenarie"]["titel"] == "Basis" and made.json()["scenarie"]["id"] != ref["id"]


def test_downloads_from_the_address(workers):
    one, other = workers
    sid = one.post("/api/scenarier", json={"type": "pulje", "input": {"pulje_kr": 1_000_000}}).json()
    sid = sid["scenarie"]["id"]
    amounts = [k["beloeb_kr"] for k in other.get(f"/api/scenarier/{sid}").json()["resultat"]["kommuner"]]
    rows = _table(other.get(f"/scenarie/{sid}/download.csv").text)
    assert len(rows) == 1 + 98 + 1 and rows[-1][0] == "I alt"
    assert [int(r[2]) for r in rows[1:-1]] == amounts and int(rows[-1][2]) == 1_000_000
    xlsx = other.get(f"/scenarie/{sid}/download.xlsx")
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [row for row in sheet.iter_rows(values_only=True) if row[0] and str(row[0]).isdigit()]
    assert [v[2] for v in values] == amounts
    assert other.get(f"/scenarie/{sid}/download.pdf").status_code == 404


def test_baseline_and_alternative_add_up_per_municipality(workers):
    """kollektiv vs individuel on the same budgets: B − A per municipality sums to the total difference,
    in the API, the page (sorted by the difference) and the download."""
    one, other = workers
    body = {"type": "service", "aar": 2024, "kommuner": _sanction_rows(306100, 0.98)}
    a = one.post("/api/scenarier", json={"type": "sanktion", "input": body}).json()
    b = one.post(
        "/api/scenarier", json={"type": "sanktion", "input": {**body, "fordeling": "individuel"}}
    ).json()
    ia, ib = a["scenarie"]["id"], b["scenarie"]["id"]
    cmp = other.get("/api/sammenlign-scenarier", params={"a": ia, "b": ib}).json()
    rows = cmp["kommuner"]
    assert len(rows) == 98
    assert [r["a_kr"] for r in rows] == [k["beloeb_kr"] for k in a["resultat"]["kommuner"]]
    assert [r["b_kr"] for r in rows] == [k["beloeb_kr"] for k in b["resultat"]["kommuner"]]
    assert all(r["forskel_kr"] == r["b_kr"] - r["a_kr"] for r in rows)
    assert any(r["forskel_kr"] for r in rows)  # the split moves money between municipalities
    assert sum(r["forskel_kr"] for r in rows) == cmp["forskel_i_alt_kr"]
    assert cmp["forskel_i_alt_kr"] == cmp["b"]["i_alt_kr"] - cmp["a"]["i_alt_kr"]

    page = other.get("/sammenlign-scenarier", params={"a": f"/scenarie/{ia}", "b": ib, "sorter": "forskel"})
    assert page.status_code == 200
    body_rows = re.findall(r"<tr><td>(\d{3})</td>", page.text)
    by_diff = sorted(rows, key=lambda r: r["forskel_kr"])
    assert [r["kommunekode"] for r in by_diff][:5] == body_rows[:5]
    csv_rows = _table(other.get("/sammenlign-scenarier/download.csv", params={"a": ia, "b": ib}).text)
    assert len(csv_rows) == 1 + 98 + 1
    assert "kollektiv" in csv_rows[0][2] and "individuel" in csv_rows[0][3]  # what sets A and B apart
    assert sum(int(r[4]) for r in csv_rows[1:-1]) == int(csv_rows[-1][4]) == cmp["forskel_i_alt_kr"]
    xlsx = other.get("/sammenlign-scenarier/download.xlsx", params={"a": ia, "b": ib})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


@pytest.mark.parametrize("bad", ["zzzzzzzzzzzz", "a" * 33, "ab$c", "æøå", "a.b", "%00", "a b", "%2F"])
def test_unknown_or_malformed_ids_are_clear_errors(client, bad):
    api = client.get(f"/api/scenarier/{bad}")
    assert 400 <= api.status_code < 500 and "fejl" in api.json()  # never a 500
    if bad == "zzzzzzzzzzzz":  # well-formed but unknown
        assert api.json()["fejl"].startswith("ukendt scenarie 'zzzzzzzzzzzz'")
    page = client.get(f"/scenarie/{bad}", headers={"accept": "text/html"})
    assert 400 <= page.status_code < 500
    cmp = client.get("/api/sammenlign-scenarier", params={"a": bad, "b": bad})
    assert 400 <= cmp.status_code < 500 and "fejl" in cmp.json()
    assert client.get("/sammenlign-scenarier", params={"a": bad, "b": bad}).status_code in (404, 422)


def test_a_stale_cookie_is_ignored(client):
    client.cookies.set("scenarie_sanktion", "findesikke00")
    assert client.get("/simulator/sanktion").status_code == 200
    assert client.get("/download/sanktion.csv").status_code == 404
    client.cookies.clear()


def test_inputs_an_older_version_stored_differently_are_a_clear_error(tmp_path):
    store = Store(str(tmp_path / "s.sqlite"))
    sid = sc.run(store, {}, "pulje", "api", services.PoolRequest(pulje_kr=5)).stored.id
    with store.engine.begin() as conn:
        conn.execute(scenarios.update().values(inputs='{"pulje":5}'))
    with pytest.raises(sc.HTTPException) as stale:
        sc.reproduce(store, {}, sid)
    assert stale.value.status_code == 422 and "passer ikke til denne version" in stale.value.detail


def test_storage_is_bounded(tmp_path, monkeypatch):
    store = Store(str(tmp_path / "s.sqlite"))
    monkeypatch.setattr(sc, "MAX_SCENARIOS", 3)
    made = [sc.run(store, {}, "pulje", "api", services.PoolRequest(pulje_kr=n)).stored.id for n in range(5)]
    assert [sc.load(store, s) is not None for s in made] == [False, False, True, True, True]
    monkeypatch.setattr(sc, "MAX_INPUT_BYTES", 10)
    with pytest.raises(sc.HTTPException) as too_big:
        sc.run(store, {}, "pulje", "api", services.PoolRequest(pulje_kr=7))
    assert too_big.value.status_code == 413
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(scenarios)).scalar() == 3
