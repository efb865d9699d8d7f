"""Server-rendered charts, the agreements compare page, /docs from the package and the page frame (skip link,
landmarks, scroll boxes), checked over HTTP; the browser checks are in test_browser_ui.py."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from kommuneokonomi.agreements import load_agreements
from kommuneokonomi.rules import prices
from kommuneokonomi.store import Store
from kommuneokonomi.web import charts

SVG = "{http://www.w3.org/2000/svg}"
HTML = {"accept": "text/html"}


def _svg(html: str, chart_id: str) -> ET.Element:
    m = re.search(rf'<svg[^>]*id="{chart_id}-svg".*?</svg>', html, re.S)
    assert m, f"no chart {chart_id}"
    return ET.fromstring(m.group(0))


def _csv(text: str) -> list[list[str]]:
    text = text.lstrip("\ufeff")
    header = text.split("\n", 1)[0]  # the header names the dialect: ';' for Danish Excel, else ','
    return list(csv.reader(io.StringIO(text), delimiter=";" if ";" in header else ","))


def _number(cell: str) -> Decimal:
    """A number from either CSV dialect (the machine one or Danish Excel's decimal comma)."""
    return Decimal(cell.replace(",", ".")) if "." not in cell or "," not in cell else Decimal(cell)


def test_a_gap_is_drawn_as_a_gap_and_never_bridged():
    panel = charts.Panel(
        "Serviceramme",
        "mio. kr.",
        [charts.Line("Serviceramme", {"2019": 100.0, "2020": 110.0, "2022": 130.0, "2023": 120.5})],
        {"2021": "ingen aftale"},
    )
    chart = charts.line_panels("t", "Titel", ["2019", "2020", "2021", "2022", "2023"], [panel], "t")
    svg = ET.fromstring(str(chart.svg))
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "t-titel t-beskrivelse"
    assert svg.find(f"{SVG}title").text == "Titel"
    lines = svg.findall(f"{SVG}polyline")
    assert len(lines) == 2  # 2019-2020 and 2022-2023: nothing drawn across 2021
    xs = [[float(p.split(",")[0]) for p in line.get("points").split()] for line in lines]
    assert max(xs[0]) < min(xs[1])
    assert "ingen aftale" in [t.text for t in svg.iter(f"{SVG}text")]
    assert "2021 (ingen aftale)" in svg.find(f"{SVG}desc").text
    assert chart.table.rows[2] == ["2021", None] and chart.table.rows[4] == ["2023", 120.5]


def test_each_panel_has_its_own_axis(client):
    html = client.get("/", headers=HTML).text
    svg = _svg(html, "rammer")
    ticks = [t.text for t in svg.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    values = [Decimal(t.replace(".", "").replace(",", ".")) for t in ticks if re.fullmatch(r"[\d.,-]+", t)]
    service = [v for v in values if v > 100_000]
    anlaeg = [v for v in values if v < 100_000]
    # the anlæg panel's axis spans its own values (about 17.000-23.000), not 0-305.000
    assert service and anlaeg and min(anlaeg) > 10_000 and max(anlaeg) < 30_000
    assert "Service- og anlægsrammen" in svg.find(f"{SVG}title").text


def test_fixed_prices_without_an_estimate_say_what_is_missing(client, web_db):
    agreements = load_agreements(Store(web_db))
    html = client.get("/?priser=faste", headers=HTML).text
    note = re.search(r'<p class="note mangler">(.*?)</p>', html).group(1)
    assert "Faste priser kræver et PL-skøn for 2021" in note
    assert 'id="pl_2021"' in html and 'inputmode="decimal"' in html
    rows = {r[0]: r for r in _csv(client.get("/download/rammer.csv?priser=faste").text)[1:]}
    assert rows["2020"][1] == ""  # 2020 cannot be brought to 2024-prices without the 2021 estimate
    with_pl = client.get("/download/rammer.csv?priser=faste&pl_2021=1,5").text
    rows = {r[0]: r for r in _csv(with_pl)[1:]}
    level = max(y for y, a in agreements.items() if a.origin != "offentligt resumé")
    expected = prices.convert(
        Decimal(agreements[2020].figures["serviceramme"].value),
        2020,
        level,
        "service",
        agreements,
        {2021: Decimal("1.5")},
    ).result
    assert abs(_number(rows["2020"][1]) - expected) < Decimal("0.05")
    notes = re.findall(
        r'<p class="note mangler">(.*?)</p>', client.get("/?priser=faste&pl_2021=1,5", headers=HTML).text
    )
    assert all("2021" not in n for n in notes)


def test_a_bad_estimate_is_refused_at_its_field(client):
    html = client.get("/?priser=faste&pl_2021=mange", headers=HTML).text
    assert 'aria-invalid="true"' in html
    assert "PL-skønnet for 2021 skal være en procent" in html


def test_chart_downloads_svg_and_data(client):
    page = client.get("/?priser=loebende", headers=HTML).text
    r = client.get("/graf/rammer.svg?priser=loebende")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert ET.fromstring(r.text).find(f"{SVG}title").text == _svg(page, "rammer").find(f"{SVG}title").text
    data = _csv(client.get("/download/rammer.csv?priser=loebende").text)
    assert data[0][0] == "Budgetår" and any(row[0] == "2024" and "304800" in row[1] for row in data)
    assert client.get("/download/rammer.xlsx").status_code == 200
    assert client.get("/graf/ukendt.svg").status_code == 404


def test_every_chart_has_a_table_alternative_with_its_numbers(client):
    html = client.get("/", headers=HTML).text
    details = re.search(r'<details class="tabel-alternativ">(.*?)</details>', html, re.S).group(1)
    assert "304.800" in details and "251.934" in details


def test_docs_are_served_from_the_package(client):
    html = client.get("/docs").text
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert urls and all(u.startswith("/") for u in urls), urls
    assert "cdn" not in html.lower() and '"validatorUrl": null' in html
    for u in urls:
        assert client.get(u).status_code == 200, u
    assert client.get("/redoc").status_code == 404


def test_compare_two_agreements_page(client, web_db):
    agreements = load_agreements(Store(web_db))
    html = client.get("/aftaler/sammenlign?fra=2023&til=2024", headers=HTML).text
    assert "<h1>Sammenlign to aftaler: 2023 og 2024</h1>" in html
    assert 'href="/aftale/2023"' in html and 'href="/aftale/2024"' in html
    rows = {r[0]: r for r in _csv(client.get("/download/sammenligning.csv?fra=2023&til=2024").text)[1:]}
    service = rows["Serviceramme"]
    change = Decimal(agreements[2024].figures["serviceramme"].value) - Decimal(
        agreements[2023].figures["serviceramme"].value
    )
    assert _number(service[4]) == change
    assert service[6]  # 2023 in 2024-prices
    assert "Ændringer i teksten" in html and "Kapitler" in html
    bad = client.get("/aftaler/sammenlign?fra=2023&til=2031", headers=HTML)
    assert bad.status_code == 404 and "ingen aftale for 2031" in bad.text
    across = client.get("/aftaler/sammenlign?fra=2020&til=2022", headers=HTML).text
    assert 'id="pl_2021"' in across and "--sats" not in across


def test_compare_is_reachable_from_the_overview_and_the_agreement(client):
    assert 'href="/aftaler/sammenlign"' in client.get("/", headers=HTML).text
    assert 'href="/aftaler/sammenlign?til=2024&amp;fra=2023"' in client.get("/aftale/2024", headers=HTML).text


class _Frame(HTMLParser):
    """The first focusable element, the landmarks and the wide-table boxes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.first_focusable: dict | None = None
        self.tags: list[str] = []
        self.tables = 0
        self.boxed = 0
        self._box_depth: list[bool] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if self.first_focusable is None and tag in ("a", "button", "input", "select", "textarea"):
            self.first_focusable = {"tag": tag, **a}
        if tag == "div":
            self._box_depth.append("rulle" in (a.get("class") or ""))
        if tag == "table":
            self.tables += 1
            self.boxed += any(self._box_depth)

    def handle_endtag(self, tag):
        if tag == "div" and self._box_depth:
            self._box_depth.pop()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/aftale/2024",
        "/aftaler/sammenlign",
        "/kommuner",
        "/kommune/751",
        "/overholdelse",
        "/aftalepunkter",
    ],
)
def test_every_page_has_a_skip_link_landmarks_and_boxed_tables(client, path):
    frame = _Frame()
    frame.feed(client.get(path, headers=HTML).text)
    assert frame.first_focusable["href"] == "#indhold"
    assert {"header", "nav", "main", "footer"} <= set(frame.tags)
    assert frame.boxed == frame.tables
    assert frame.tables or path.startswith("/kommune/")  # a municipality shows a table once simulated


def test_bars_grow_left_for_negative_amounts():
    chart = charts.bars("b", "Skat", ["Aarhus", "Odense"], [-1500.0, 3000.0], "kr.", "skat")
    svg = ET.fromstring(str(chart.svg))
    bars = {
        r.find(f"{SVG}title").text.split(":")[0]: r
        for r in svg.findall(f"{SVG}rect")
        if r.find(f"{SVG}title") is not None
    }
    neg, pos = bars["Aarhus"], bars["Odense"]
    zero = float(neg.get("x")) + float(neg.get("width"))
    assert abs(zero - float(pos.get("x"))) < 0.2  # both start from the zero line, one each way
    assert float(pos.get("width")) == pytest.approx(2 * float(neg.get("width")), rel=0.01)
    assert chart.table.rows == [["Aarhus", -1500.0], ["Odense", 3000.0]]
    assert "Aarhus: -1.500 kr." in svg.find(f"{SVG}desc").text


def test_the_overview_estimate_also_splits_a_change_across_a_missing_estimate(client, web_db):
    agreements = load_agreements(Store(web_db))
    before, after = 2024, 2025  # 2025 is known from a public summary only: its PL estimate is not in data
    assert agreements[after].origin == "offentligt resumé"
    without = {r[0]: r for r in _csv(client.get(f"/download/dekomponering.csv?aar={after}").text)}
    given = {
        r[0]: r for r in _csv(client.get(f"/download/dekomponering.csv?aar={after}&pl_{after}=2,0").text)
    }
    pl = without["Ramme"].index("PL")
    assert without["Serviceramme"][pl] == "" and "i feltet ovenfor" in without["Serviceramme"][-1]
    value = Decimal(agreements[before].figures["serviceramme"].value)
    rates = {after: Decimal("2.0")}
    expected = prices.convert(value, before, after, "service", agreements, rates).result - value
    assert abs(_number(given["Serviceramme"][pl]) - expected) < Decimal("0.05")
    html = client.get(f"/?aar={after}&pl_{after}=2,0", headers=HTML).text
    assert f'type="hidden" name="pl_{after}" value="2,0"' in html
    assert f"/download/dekomponering.csv?aar={after}&amp;priser=loebende&amp;pl_{after}=2%2C0" in html


def test_the_overview_counts_agreements_apart_from_years_known_only_from_a_summary(client):
    """The five ingested agreements are counted as agreements; 2017, 2018, 2021, 2025 and 2026 come from
    the shipped public summaries only and are named as such, not counted among the agreements."""
    html = client.get("/").text
    counted = re.search(
        r"<p>(\d+) aftaler: (.*?)\.\s*Kendt kun fra et offentligt resumé[^:]*: (.*?)\.</p>", html, re.S
    )
    assert counted, html[:2000]
    assert counted.group(1) == "5"
    assert re.findall(r">(\d{4})<", counted.group(2)) == ["2019", "2020", "2022", "2023", "2024"]
    assert {"2021", "2025", "2026"} <= set(re.findall(r">(\d{4})<", counted.group(3)))
