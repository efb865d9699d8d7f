"""The municipality at the centre and explanations people can read (issue 13, items 4 and 5): official names,
the municipality page, traces as Danish tables with linked sources, a label for every key, Danish validation
messages, choices as selects and simulator defaults that work on first use."""

from __future__ import annotations

import csv
import html
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from kommuneokonomi.rules import kommunefakta
from kommuneokonomi.rules.kommuner import register
from kommuneokonomi.rules.trace import ParameterRef, Step, Trace
from kommuneokonomi.web import explain
from kommuneokonomi.web.municipality import ScenarioInputs, scenario
from rules.test_cases import CASES, run

from conftest import ROOT

SHARED_DATA = ROOT.parent / "shared" / "data"
HTML = {"accept": "text/html"}
#: what must never reach a reader: raw keys, Python's booleans, pydantic's and FastAPI's English
FORBIDDEN = [
    "True",
    "False",
    "None",
    "Field required",
    "value is not",
    "Input should",
    "unable to parse",
    "provenuaendring",
    "korrektion_mio",
    "leverede_reguleringer",
    "befolkning_aar",
    "uden for opgoerelsen",
    "daekningsafgift",
    "anlaeg",  # ascii-fied identifiers: anlaegsramme, anlaegsudgifter
    "opgoer",
    "forhoej",
    "_kr",
    "_mio",
]


@pytest.fixture(autouse=True)
def _no_user_population(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMMUNEOKONOMI_DATA", str(tmp_path / "ingen-data"))


#: a snake_case key (`opgjort_niveau`); formulas' subscripts (`befolkning_i`) are notation, not keys
SNAKE_CASE = re.compile(r"(?<![\w/.-])[a-zæøå]+(?:_[a-zæøå0-9]+)+\b")


def visible_text(page: str) -> str:
    """The text a reader sees; <code> (CSV column names a user types in a file) is left out."""
    page = re.sub(r"<(script|style|code)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def raw_words(page: str) -> list[str]:
    """The raw keys, Python booleans and English messages in a page's visible text, each with context."""
    text = re.sub(r"https?://\S+", " ", visible_text(page))  # a URL may spell anything
    found = [
        m
        for w in FORBIDDEN
        if (m := re.search(re.escape(w) if w[0] == "_" else rf"(?<!\w){re.escape(w)}", text))
    ]
    found += [m for m in SNAKE_CASE.finditer(text) if not m.group(0).endswith("_i")]
    return [text[max(0, m.start() - 60) : m.end() + 40] for m in found]


def assert_readable(page: str) -> None:
    assert raw_words(page) == []


# --- official names -----------------------------------------------------------------------------------------


def test_the_98_official_names_from_the_register():
    reg = register()
    assert reg.size == 98 and len(set(reg.codes)) == 98 and len(set(reg.official_names)) == 98
    assert "411" not in reg.codes  # Christiansø is not a municipality
    named = dict(zip(reg.codes, reg.official_names, strict=True))
    assert named["101"] == "Københavns Kommune"
    assert named["147"] == "Frederiksberg Kommune"
    assert named["400"] == "Bornholms Regionskommune"
    for code, name in {
        "580": "Aabenraa Kommune",
        "169": "Høje-Taastrup Kommune",
        "173": "Lyngby-Taarbæk Kommune",
        "756": "Ikast-Brande Kommune",
        "760": "Ringkøbing-Skjern Kommune",
        "430": "Faaborg-Midtfyn Kommune",
        "480": "Nordfyns Kommune",
        "820": "Vesthimmerlands Kommune",
        "751": "Aarhus Kommune",
        "851": "Aalborg Kommune",
    }.items():
        assert named[code] == name
    assert not [n for n in reg.official_names if n in ("København Kommune", "Bornholm Kommune")]
    assert all(n.endswith(("Kommune", "Regionskommune")) for n in reg.official_names)


@pytest.mark.skipif(not (SHARED_DATA / "kommuner.csv").exists(), reason="../shared/data is not here")
def test_shipped_register_agrees_with_the_shared_reference_data():
    reg = register()
    with (SHARED_DATA / "kommuner.csv").open(encoding="utf-8") as fh:
        shared = {r["kommunekode"].zfill(3): (r["kommunenavn"], r["region"]) for r in csv.DictReader(fh)}
    assert shared == {c: (n, r) for c, n, r in zip(reg.codes, reg.names, reg.regions, strict=True)}


def test_tax_rates_facts_with_year_and_source():
    rates = kommunefakta.tax_rates("751")
    assert [(t.aar, t.udskrivningsprocent, t.verificeret) for t in rates] == [
        (2025, Decimal("24.52"), False),
        (2020, Decimal("24.4"), True),
    ]
    assert rates[1].kilde.startswith("https://skm.dk/")
    assert all(t.kilde for code in register().codes for t in kommunefakta.tax_rates(code))
    assert sum(g.beloeb_mio for g in kommunefakta.saertilskud("400") if g.aar == 2024) == 95
    assert kommunefakta.saertilskud("751") == ()


# --- labels, values and sources -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if c["rule"] != "priser" and "fejl" not in c["expected"]],  # a refusal has no trace
    ids=lambda c: c["name"],
)
def test_every_key_of_every_rule_case_has_a_danish_label(case):
    result = run(case)
    assert explain.missing_labels(result.trace("751"), result.summary) == set()


def test_every_key_of_the_default_scenario_has_a_label(app):
    agreements = app.state.kommuneokonomi.agreements()
    for year in (2019, 2023, 2024):
        _, lines = scenario(ScenarioInputs(aar=year), agreements)
        for line in lines:
            assert line.result is not None, line.fejl
            assert explain.missing_labels(line.result.trace("101"), line.result.summary) == set(), line.navn


def test_a_key_without_a_label_is_found():
    trace = Trace(regel="x", input={"aar": 2024, "ukendt_noegle_kr": 1})
    assert explain.missing_labels(trace) == {"ukendt_noegle_kr"}


def test_values_are_danish():
    assert explain.value_text("leverede_reguleringer", True) == "ja"
    assert explain.value_text("gulv", False) == "nej"
    assert explain.value_text("aar", 2024) == "2024"
    assert explain.value_text("befolkning_aar", 2020) == "2020"
    assert explain.value_text("pulje_kr", 10500000) == "10.500.000 kr."
    assert explain.value_text("overskridelse_mio", Decimal("10.5")) == "10,5 mio. kr."
    assert explain.value_text("fordeling", "delt:60") == "delt: 60 % individuel, resten kollektiv"
    assert explain.value_text("rationering", "graense:15.5").startswith("fuld tilskudsprocent op til 15,5")


def test_sources_link_to_the_agreement_line_or_the_url():
    link = explain.source_link(
        "Aftale om kommunernes økonomi for 2024, 2. Kommunernes økonomiske rammer, linje 72-74 (database)"
    )
    assert link == {
        "tekst": "Aftalen for 2024, linje 72–74",
        "href": "/aftale/2024#linje-72",
        "titel": link["titel"],
    }
    assert explain.source_link("https://fm.dk/nyheder/x")["href"] == "https://fm.dk/nyheder/x"
    assert explain.source_link("UDL § 14 stk. 5")["href"] is None


def test_a_trace_becomes_rows_with_labels_and_the_parameters_source():
    trace = Trace(
        regel="Servicesanktion",
        kommunekode="101",
        beloeb_kr=1140295,
        input={"aar": 2024, "leverede_reguleringer": True},
        parametre=[
            ParameterRef(
                navn="serviceramme",
                betegnelse="Serviceramme",
                vaerdi=304800,
                enhed="mio. kr.",
                kilde="Aftale om kommunernes økonomi for 2024, 2. Rammer, linje 72-74",
            )
        ],
        trin=[
            Step(beskrivelse="serviceramme: aftalens tal", resultat="304.800 mio. kr."),
            Step(beskrivelse="x", resultat="1"),
        ],
    )
    view = explain.trace_view(trace)
    assert view["kommune"] == "Københavns Kommune" and view["beloeb"] == "1.140.295 kr."
    assert view["input"] == [
        {"label": "Budgetår", "vaerdi": "2024"},
        {"label": "Kendte reguleringer medregnet", "vaerdi": "ja"},
    ]
    assert view["parametre"][0]["vaerdi"] == "304.800 mio. kr."
    assert view["trin"][0]["kilde"]["href"] == "/aftale/2024#linje-72"
    assert view["trin"][0]["trin"] == [{"tekst": "serviceramme: aftalens tal", "kode": False}]
    assert view["trin"][1]["kilde"] is None


# --- validation messages ------------------------------------------------------------------------------------


def test_validation_errors_are_danish_on_pages_and_in_the_api(client):
    page = client.post("/simulator/sanktion", data={"aar": "20x", "overskridelse_mio": "abc"}, headers=HTML)
    assert page.status_code == 422
    text = visible_text(page.text)
    assert "Sanktion: skal udfyldes" in text
    assert "Budgetår: skal være et helt tal (fik '20x')" in text
    assert_readable(page.text)
    api = client.post("/api/sanktion", json={"type": "service"})
    assert api.status_code == 422
    message = api.json()["fejl"]
    assert message.startswith("ugyldigt input: ") and "skal udfyldes" in message
    assert not re.search(r"Field required|Input should|value is not", message), message
    bad_pl = client.get("/?priser=faste&pl_2021=meget", headers=HTML)
    assert bad_pl.status_code == 200
    expected = "PL-skønnet for 2021 skal være en procent som 1,5 eller -0,4, ikke 'meget'"
    assert expected in visible_text(bad_pl.text)


# --- simulators: selects and defaults -----------------------------------------------------------------------


class _Form(HTMLParser):
    """The first form's fields as a browser would submit them untouched: values, selected options."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self.action: str | None = None
        self._select: str | None = None
        self._first: str | None = None
        self._in_form = False
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and self.action is None and a.get("method") == "post":
            self.action, self._in_form = a.get("action"), True
        if not self._in_form:
            return
        if tag == "input" and a.get("type") not in ("file", "submit") and a.get("name"):
            if a.get("type") in ("radio", "checkbox") and "checked" not in a:
                return
            self.fields[a["name"]] = a.get("value") or ""
        elif tag == "select":
            self._select, self._first = a.get("name"), None
        elif tag == "option" and self._select:
            if self._first is None:
                self._first = a.get("value", "")
                self.fields.setdefault(self._select, self._first)
            if "selected" in a:
                self.fields[self._select] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = a.get("name")
            self.fields[self._textarea or ""] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "form" and self._in_form:
            self._in_form = False
            self.action = self.action or ""
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


@pytest.mark.parametrize("kind", ["sanktion", "skat", "pulje"])
def test_each_simulators_defaults_work_on_first_use(client, kind):
    form = _Form()
    form.feed(client.get(f"/simulator/{kind}", headers=HTML).text)
    assert form.action == f"/simulator/{kind}"
    response = client.post(form.action, data=form.fields, headers=HTML)
    assert response.status_code == 200, visible_text(response.text)[:2000]
    assert 'id="resultat-tabel"' in response.text and 'class="fejl"' not in response.text
    text = visible_text(response.text)
    expected = {
        "sanktion": "I alt 10.500.000 kr.",  # the default overrun of 10,5 mio. kr., sanctioned in full
        "pulje": "I alt 10.500.000 kr.",
        "skat": "Provenuændring -50.000.000 kr.",  # 25.000 mio. kr. × 0,2 pct.-point, no grant: no subsidy
    }[kind]
    assert expected in text, text[:3000]
    assert_readable(response.text)


def test_choices_are_selects_and_the_text_forms_still_work(client):
    page = client.get("/simulator/sanktion", headers=HTML).text
    assert '<select id="fordeling" name="fordeling">' in page and 'id="individuel_pct"' in page
    assert '<select id="rationering" name="rationering">' in client.get("/simulator/skat", headers=HTML).text
    base = {"type": "service", "aar": "2024", "overskridelse_mio": "40"}
    missing = client.post("/simulator/sanktion", data={**base, "fordeling": "delt"}, headers=HTML)
    assert missing.status_code == 422 and "angiv individuel andel (pct.)" in missing.text
    bad = client.post(
        "/simulator/sanktion", data={**base, "fordeling": "delt", "individuel_pct": "halvt"}, headers=HTML
    )
    assert "individuel andel (pct.): 'halvt' er ikke et tal" in html.unescape(bad.text)
    tax = {"aar": "2024", "kommunekode": "147", "udskrivningsgrundlag": "25000", "sats_foer": "24,5"}
    tax |= {"sats_efter": "24,3"}
    by_select = client.post(
        "/simulator/skat", data={**tax, "rationering": "graense", "graense_mio": "15"}, headers=HTML
    )
    by_text = client.post("/simulator/skat", data={**tax, "rationering": "graense:15"}, headers=HTML)
    for response in (by_select, by_text):
        assert response.status_code == 200
        assert "fuld tilskudsprocent op til 15 mio. kr. pr. kommune" in visible_text(response.text)
    assert '<option value="graense" selected>' in by_text.text and 'value="15"' in by_text.text


def test_the_sanction_explanation_is_a_table_with_linked_sources(client):
    response = client.post(
        "/simulator/sanktion",
        data={"type": "service", "aar": "2024", "fordeling": "kollektiv", "overskridelse_mio": "10,5"},
        headers=HTML,
    )
    assert response.status_code == 200 and "<pre>" not in response.text
    assert 'class="forklaring-trin"' in response.text
    assert '<a href="/aftale/2024#linje-72"' in response.text
    assert_readable(response.text)
    agreement = client.get("/aftale/2024", headers=HTML).text
    for line in set(re.findall(r'href="/aftale/2024#linje-(\d+)"', response.text)):
        assert f'id="linje-{line}"' in agreement, line


# --- the municipality page ----------------------------------------------------------------------------------


def test_the_municipality_page_for_aarhus(client):
    response = client.get("/kommuner/751", headers=HTML)
    assert response.status_code == 200
    text = visible_text(response.text)
    assert "Aarhus Kommune (751)" in text
    assert "Befolkning pr. 1. januar 2020: 349.983" in text
    assert "2025 24,52 % 0,74 % sekundær kilde, ikke verificeret" in text
    assert "2020 24,4 %" in text and "officiel liste" in text
    assert "standardinput for budgetåret 2024" in text
    # the default service sanction: the same amount as the simulator's default gives Aarhus
    simulated = client.post(
        "/simulator/sanktion",
        data={"type": "service", "aar": "2024", "fordeling": "kollektiv", "overskridelse_mio": "10,5"},
        headers=HTML,
    )
    row = re.search(r"<td>751</td>.*?<td class=\"tal\">([\d.]+ kr\.)</td>", simulated.text, re.S)
    assert row and "Servicesanktion (budget) 2024" in text
    assert re.search(rf"Servicesanktion \(budget\) 2024:[^€]*?{re.escape(row.group(1))}", text)
    assert "Midtvejsregulering af bloktilskuddet" in text
    assert (
        'href="/api/kommuner/751"' in response.text
        and 'href="/simulator/skat?kommunekode=751"' in response.text
    )
    assert_readable(response.text)
    assert client.get("/kommune/751", follow_redirects=False).headers["location"] == "/kommuner/751"
    assert client.get("/kommuner/999", headers=HTML).status_code == 404


def test_the_municipality_page_names_the_official_name_and_grants(client):
    text = visible_text(client.get("/kommuner/400", headers=HTML).text)
    assert "Bornholms Regionskommune (400)" in text
    assert "Særtilskud og bevilgede skatteændringer" in text and "95 mio. kr." in text
    assert "Københavns Kommune (101)" in visible_text(client.get("/kommuner/101", headers=HTML).text)


def test_the_tax_simulator_prefilled_for_a_municipality(client):
    page = client.get("/simulator/skat?kommunekode=751", headers=HTML).text
    assert re.search(r'name="kommunekode"[^>]*value="Aarhus"', page)
    assert re.search(r'id="sats_foer"[^>]*value="24[.,]52"', page)


def test_the_api_gives_the_official_name_and_tax_rates(client):
    data = client.get("/api/kommuner/101").json()
    assert data["officielt_navn"] == "Københavns Kommune"
    assert data["udskrivningsprocent"][0] == {
        "aar": 2025,
        "udskrivningsprocent": 23.5,
        "kirkeskatteprocent": 0.8,
        "verificeret": False,
        "kilde": data["udskrivningsprocent"][0]["kilde"],
    }


@pytest.mark.parametrize("type_", ["service", "anlaeg", "regnskab"])
@pytest.mark.parametrize("year", [2019, 2024])
def test_sanction_result_pages_are_readable(client, type_, year):
    data = {"type": type_, "aar": str(year), "fordeling": "kollektiv", "overskridelse_mio": "10,5"}
    response = client.post("/simulator/sanktion", data=data, headers=HTML)
    assert response.status_code == 200 and 'id="resultat-tabel"' in response.text
    assert_readable(response.text)


@pytest.mark.parametrize(("ordning", "year"), [("aftale", 2020), ("udligning2021", 2021)])
def test_tax_result_pages_are_readable(client, ordning, year):
    data = {"aar": str(year), "kommunekode": "360", "udskrivningsgrundlag": "4000", "sats_foer": "27"}
    data |= {"sats_efter": "26,3", "tilskud_tilladelse": "28", "ordning": ordning}
    response = client.post("/simulator/skat", data=data, headers=HTML)
    assert response.status_code == 200 and 'id="resultat-tabel"' in response.text
    assert_readable(response.text)


def test_a_rule_error_on_a_page_names_the_figure_by_its_label(client):
    data = {"aar": "2021", "kommunekode": "360", "udskrivningsgrundlag": "4000", "sats_foer": "27"}
    data |= {"sats_efter": "26,3", "tilskud_tilladelse": "28", "ordning": "aftale"}
    response = client.post("/simulator/skat", data=data, headers=HTML)
    assert response.status_code == 422
    assert "angiver ikke «Ramme for skattenedsættelser med tilskud»" in visible_text(response.text)
