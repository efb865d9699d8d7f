"""The REST API's contracts, the upload path and its limits."""

from __future__ import annotations

import json
import re

from kommuneokonomi.rules.kommuner import register

from conftest import corpus_files


def _rows(total: float, **extra):
    reg = register()
    pop_sum = int(reg.population.sum())
    values = [round(total * int(p) / pop_sum, 6) for p in reg.population]
    values[-1] = round(total - sum(values[:-1]), 6)
    return [{"kommunekode": c, "serviceudgifter": v, **extra} for c, v in zip(reg.codes, values, strict=True)]


def test_openapi_lists_the_operations(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/aftaler",
        "/api/aftaler/{aar}",
        "/api/serier/{noegle}",
        "/api/kommuner",
        "/api/fordel",
        "/api/sanktion",
        "/api/skat",
        "/api/soeg",
        "/api/aftalepunkter",
        "/api/sammenlign",
        "/api/ingest",
    ):
        assert path in paths, path


def test_figures_with_sources(client):
    data = client.get("/api/aftaler/2024").json()
    assert data["figures"]["serviceramme"]["value"] == 304800
    assert data["figures"]["serviceramme"]["source"]["line_start"] == 72


def test_series_in_fixed_prices_needs_every_pl_year(client):
    rows = {r["aar"]: r for r in client.get("/api/serier/serviceramme", params={"til": 2024}).json()["aar"]}
    # a year whose chain lacks an estimate keeps its current value and names the missing year
    assert rows[2019]["faste"] is None and "2021" in rows[2019]["bemaerkning"]
    assert rows[2022]["faste"] is not None
    rows = client.get("/api/serier/serviceramme", params={"til": 2024, "sats": "2021=1.5"}).json()["aar"]
    converted = [r["aar"] for r in rows if r["faste"] is not None]
    assert [y for y in converted if y in (2019, 2020, 2022, 2023, 2024)] == [2019, 2020, 2022, 2023, 2024]
    assert 2021 in converted  # 2021 is known from a public summary (parameters/resumeer)


def test_distribution_with_trace(client):
    data = client.post("/api/fordel", json={"pulje_kr": 10500000, "forklar": "101"}).json()
    assert sum(k["beloeb_kr"] for k in data["kommuner"]) == 10500000
    assert data["forklaring"]["kommunekode"] == "101" and data["forklaring"]["beloeb_kr"] == 1140295


def test_sanction(client):
    data = client.post(
        "/api/sanktion", json={"type": "service", "aar": 2024, "kommuner": _rows(306100)}
    ).json()
    assert data["reduktion_kr"] == 10500000 and len(data["kommuner"]) == 98
    assert data["rammer"][0]["testet_niveau_mio"] == 306089.5 and data["rammer"][0]["reguleringer"]


def test_sanction_with_the_users_adjustments(client):
    body = {"type": "service", "aar": 2024, "kommuner": _rows(306100)}
    dut = {"art": "DUT", "beloeb": -120, "kilde": "lov nr. 1/2024"}
    data = client.post("/api/sanktion", json={**body, "reguleringer": [dut]}).json()
    assert data["reduktion_kr"] == 130500000
    used = data["rammer"][0]["reguleringer"][-1]
    assert (used["art"], used["beloeb_mio"], used["kilde"], used["oprindelse"]) == (
        "DUT",
        -120,
        "lov nr. 1/2024",
        "bruger",
    )
    plain = client.post("/api/sanktion", json={**body, "leverede_reguleringer": False}).json()
    assert plain["reduktion_kr"] == 1300000000 and not plain["rammer"][0]["reguleringer"]
    bad = client.post("/api/sanktion", json={**body, "reguleringer": [{"art": "DUT", "kilde": "x"}]})
    assert bad.status_code == 422 and "beloeb" in bad.json()["fejl"]


def test_sanction_with_missing_municipalities_is_a_clear_error(client):
    rows = _rows(304810.5)
    rows[5] = rows[4]
    r = client.post("/api/sanktion", json={"type": "service", "aar": 2024, "kommuner": rows})
    assert (
        r.status_code == 422 and "optræder flere gange" in r.json()["fejl"] and "mangler" in r.json()["fejl"]
    )


def test_tax(client):
    rows = [
        {
            "kommunekode": c,
            "udskrivningsgrundlag": 1000,
            "sats_foer": 25,
            "sats_efter": 25.5 if c == "101" else 25,
        }
        for c in register().codes
    ]
    data = client.post("/api/skat", json={"aar": 2023, "kommuner": rows}).json()
    assert data["netto_forhoejelse_kr"] == 5000000


def test_search_and_commitments(client):
    hits = client.get("/api/soeg", params={"q": "eksterne konsulenter", "antal": 3}).json()
    assert len(hits) == 3 and set(hits[0]) == {"aar", "afsnit", "linje_fra", "linje_til", "uddrag", "score"}
    items = client.get("/api/aftalepunkter", params={"aar": 2023, "status": "fulgt op"}).json()
    assert items and all(i["status"] == "fulgt op" for i in items)


def test_upload_an_agreement(client, tmp_path):
    path = corpus_files()[4]
    r = client.post("/api/ingest", files={"fil": (path.name, path.read_bytes(), "text/plain")})
    assert r.status_code == 200 and r.json()["status"] == "uændret" and r.json()["document"]["year"] == 2024
    r = client.post("/api/ingest", files={"fil": ("tom.txt", b"", "text/plain")})
    assert r.status_code == 422 and "tom" in r.json()["fejl"]


def test_unknown_path_and_method_are_json(client):
    assert client.get("/api/findes-ikke").json() == {"fejl": "Not Found"}
    r = client.delete("/api/aftaler")
    assert r.status_code == 405 and "fejl" in json.loads(r.text)


def test_tax_with_grants_property_taxes_and_an_own_population(client):
    rows = [
        {
            "kommunekode": c,
            "udskrivningsgrundlag": 1000,
            "sats_foer": 25,
            "sats_efter": {"101": 25.5, "147": 24}.get(c, 25),
            **({"provenu_grundskyld": 3} if c == "151" else {}),
            **({"tilskud_tilladelse": 10} if c == "147" else {}),
        }
        for c in register().codes
    ]
    body = {
        "aar": 2023,
        "kommuner": rows,
        "befolkning": dict.fromkeys(register().codes, 1),
        "befolkning_aar": 2023,
    }
    data = client.post("/api/skat", json=body).json()
    assert data["samlet_forhoejelse_kr"] == 5000000 - 10000000 + 3000000 and data["netto_forhoejelse_kr"] == 0
    assert data["kommuner"][1]["beloeb_kr"] == 7500000  # 75 % of the granted 10 mio. kr., no sanction
    assert data["advarsler"] == [] and data["befolkning_aar"] == 2023
    data = client.post("/api/skat", json={"aar": 2025, "kommuner": rows}).json()
    assert "tilskud_skattenedsaettelse" in data["fejl"] and "feltet tilskudsramme" in data["fejl"]


def test_compliance_endpoint_and_page(client):
    rows = client.get("/api/overholdelse", params={"aar": 2024}).json()["overholdelse"]
    service = next(r for r in rows if r["art"] == "budget" and r["omraade"] == "service")
    assert service["testet_niveau_mio"] == 306089.5 and service["stemmer"] is True and service["kilder"]
    page = client.get("/overholdelse")
    assert page.status_code == 200 and "Overholdelse år for år" in page.text and "306.089,5" in page.text
    csv_text = client.get("/download/overholdelse.csv").text
    assert csv_text.startswith("\ufeffÅr;Art;Område") and "fm.dk" in csv_text
    machine = client.get("/download/overholdelse.csv", params={"maskine": 1}).text
    assert machine.startswith("År,Art,Område") and "306089.5" in machine


def test_a_summary_fact_shows_its_url_not_line_references(client):
    page = client.get("/aftale/2025")
    assert page.status_code == 200 and 'offentligt resumé: <a href="https://www.altinget.dk/' in page.text
    figure = client.get("/api/aftaler/2025").json()["figures"]["serviceramme"]
    assert figure["source"] is None and figure["kilde"]["art"] == "offentligt resumé"


def test_commitments_are_paged_with_totals_and_facets(client):
    r = client.get("/api/aftalepunkter", params={"limit": 20, "page": 2})
    assert r.status_code == 200 and len(r.json()) == 20
    total = int(r.headers["X-Total-Count"])
    assert int(r.headers["X-Page-Count"]) == -(-total // 20)
    first = client.get("/api/aftalepunkter", params={"limit": 20}).json()
    assert {i["id"] for i in first}.isdisjoint(i["id"] for i in r.json())
    facets = client.get("/api/aftalepunkter/facetter", params={"aar": 2023}).json()
    assert [f["vaerdi"] for f in facets["aar"]] == ["2023"] and facets["antal"] == facets["aar"][0]["antal"]
    assert {"parter", "art", "status", "emne"} <= set(facets)
    found = client.get("/api/aftalepunkter", params={"emne": "frikommuner", "limit": 1000}).json()
    assert found == client.get("/api/aftalepunkter", params={"emne": "frikommune", "limit": 1000}).json()


def test_the_tracker_page_has_page_links_facets_and_free_text(client):
    html = client.get("/aftalepunkter", params={"side": 2}).text
    assert "side 2 af" in html and 'rel="prev"' in html and 'rel="next"' in html
    assert "Fordeling" in html and "fulgt op (" in html
    html = client.get("/aftalepunkter", params={"tekst": "konsulenter"}).text
    assert "konsulent" in html.lower() and 'value="konsulenter"' in html


def test_sanction_and_pool_with_a_population_by_year(client, tmp_path, monkeypatch):
    monkeypatch.setenv("KOMMUNEOKONOMI_DATA", str(tmp_path / "ingen-data"))  # no fetched population files
    codes = register().codes
    body = {
        "type": "service",
        "aar": 2024,
        "kommuner": _rows(306100),
        "befolkning": {c: 10000 if c == "101" else 100 for c in codes},
        "befolkning_aar": 2023,
    }
    data = client.post("/api/sanktion", json=body).json()
    assert data["reduktion_kr"] == 10_500_000 and data["befolkning_aar"] == 2023
    assert data["advarsler"] == ["befolkningstal pr. 1.1.2023 bruges som nøgle for 2024"]
    assert abs(data["kommuner"][0]["beloeb_kr"] - 10_500_000 * 10000 / 19700) < 1
    data = client.post("/api/fordel", json={"pulje_kr": 1000, "aar": 2024}).json()
    assert data["advarsler"] == ["befolkningstal pr. 1.1.2020 bruges som nøgle for 2024"]
    bad = client.post("/api/sanktion", json={**body, "befolkning": {"101": 1}})
    assert bad.status_code == 422 and "alle 98 kommunekoder" in bad.json()["fejl"]


def test_the_tracker_page_shows_why_each_link_was_made_and_how_far_to_trust_it(client):
    """Each follow-up link shows its similarity in Danish and the linker's reasons; the page says that the
    links are found from the words and how they did on the hand-checked sample."""
    html = client.get("/aftalepunkter", params={"status": "fulgt op", "aar": 2019}).text
    reasons = re.findall(r'<small class="grunde">(.*?)</small>', html)
    assert reasons and all(re.match(r"lighed \d,\d\d", r) for r in reasons)
    assert any("henviser til aftalen for 2019" in r for r in reasons)
    assert "lighed 0." not in html and "Læs kilden, før du bygger på dem" in html
