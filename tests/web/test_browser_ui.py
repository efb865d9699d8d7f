"""Browser checks of the page frame (Debian's Chromium, da-DK): a phone at 390 px with touch, the keyboard,
axe-core over every page kind, sortable tables, chart downloads and /docs with every other host blocked.

One browser and one server for the module; a desktop and a phone page are reused across the tests.
Screenshots are kept in test-artifacts/screenshots/ (git-ignored), named ui_*.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from types import SimpleNamespace
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

from kommuneokonomi.rules.kommuner import register
from web.test_browser import CHROMIUM_ARGS, SHOTS, _running, chromium

PAGE_KINDS = [
    "/",
    "/aftale/2024",
    "/aftaler/sammenlign?fra=2023&til=2024",
    "/kommuner",
    "/kommune/751",
    "/simulator/sanktion",
    "/simulator/skat",
    "/simulator/pulje",
    "/soeg?q=%C3%A6ldre",
    "/aftalepunkter",
    "/overholdelse",
    "/docs",
]
LOCAL_HOSTS = ("127.0.0.1", "localhost")


@pytest.fixture(scope="module")
def ui(web_db):
    executable = chromium()
    with _running(web_db) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield SimpleNamespace(url=url, browser=browser)
        browser.close()


def _page(ui, **options):
    context = ui.browser.new_context(locale="da-DK", accept_downloads=True, **options)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    return context, page


@pytest.fixture(scope="module")
def desktop(ui):
    context, page = _page(ui, viewport={"width": 1280, "height": 900})
    yield page
    context.close()


@pytest.fixture(scope="module")
def phone(ui):
    context, page = _page(ui, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    yield page
    context.close()


def _open(page, url: str) -> None:
    page.goto(url)
    if "/docs" in url:
        expect(page.locator(".swagger-ui .info .title")).to_contain_text("kommuneokonomi")


def _shot(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"ui_{name}.png"))


def _name(path: str) -> str:
    return path.split("?")[0].strip("/").replace("/", "_") or "oversigt"


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_no_page_scrolls_sideways_on_a_phone(ui, phone, path):
    _open(phone, ui.url + path)
    width = phone.evaluate("document.documentElement.scrollWidth")
    _shot(phone, "mobil_" + _name(path))
    assert width <= 390, f"{path} is {width} px wide at 390"
    assert phone.errors == [], phone.errors


def test_forklar_works_by_touch_and_targets_are_big_enough(ui, phone):
    _open(phone, ui.url + "/simulator/sanktion")
    phone.select_option("#aar", "2024")
    phone.select_option("#type", "service")
    targets = "nav a, main button, main input:not([type=radio]):not([type=file]), main select, main summary"
    small = phone.evaluate(
        f"""() => [...document.querySelectorAll('{targets}')]
            .filter(e => e.offsetParent !== null)
            .map(e => [e.tagName + ' ' + (e.id || e.textContent.trim().slice(0, 20)),
                       e.getBoundingClientRect().height])
            .filter(([, h]) => h < 44)"""
    )
    assert small == [], small
    phone.locator("form.felter button[type='submit']").tap()
    row = phone.locator("#resultat-tabel tr", has_text="Aarhus")
    summary = row.locator("summary")
    assert summary.bounding_box()["height"] >= 44
    summary.tap()
    expect(row.locator("details")).to_have_attribute("open", "")
    expect(row.locator("details > :not(summary)").first).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    _shot(phone, "mobil_forklar")


def test_tracker_text_is_readable_on_a_phone(ui, phone):
    _open(phone, ui.url + "/aftalepunkter")
    cell = phone.locator("td.tekst").first
    expect(cell).to_be_visible()
    box = cell.bounding_box()
    assert box["width"] >= 200, box  # a column of text, not a word per line
    assert len(cell.inner_text()) > 40


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_axe_finds_no_serious_violations(ui, desktop, path):
    _open(desktop, ui.url + path)
    options = {
        "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"],
    }
    # Swagger UI is third-party markup: only our frame around it would be ours, and /docs has none
    context = {"exclude": [[".swagger-ui"]]} if path == "/docs" else None
    result = Axe().run(desktop, context=context, options=options).response
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], serious


def test_axe_is_really_checking(ui, desktop):
    """The checker above fails on what it should: an image without a text and a nameless field."""
    _open(desktop, ui.url + "/kommune/751")
    desktop.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/static/favicon.svg\">"
        '<input type="text">\')'
    )
    found = {
        v["id"] for v in Axe().run(desktop, options={"resultTypes": ["violations"]}).response["violations"]
    }
    assert {"image-alt", "label"} <= found, found


def _contrast(a: str, b: str) -> float:
    def luminance(rgb: str) -> float:
        parts = [float(x) for x in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
        lin = [(c / 255 / 12.92) if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in parts]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_skip_link_first_and_focus_visible_in_the_header(ui, desktop):
    _open(desktop, ui.url + "/")
    desktop.keyboard.press("Tab")
    focused = desktop.evaluate("[document.activeElement.textContent, document.activeElement.className]")
    assert focused == ["Gå til indhold", "hop"]
    assert desktop.locator("a.hop").bounding_box()["y"] >= 0  # shown when focused
    _shot(desktop, "fokus_hop")
    desktop.keyboard.press("Tab")  # the site title, in the dark header
    ring = desktop.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
                   return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor,
                           getComputedStyle(document.querySelector('header')).backgroundColor]; }"""
    )
    assert ring[0] != "none" and ring[1] >= 2
    assert _contrast(ring[2], ring[3]) >= 3, ring
    _shot(desktop, "fokus_header")
    desktop.keyboard.press("Shift+Tab")
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("document.activeElement.id") == "indhold"


def _column(page, table: str, index: int) -> list[str]:
    return page.eval_on_selector_all(
        f"{table} tbody tr",
        f"rows => rows.filter(r => !r.querySelector('th')).map(r => r.cells[{index}].innerText)",
    )


def _danish(name: str) -> str:
    """Danish alphabetical order, written out: æ, ø, å after z and "aa" read as å (Dansk Sprognævn)."""
    return name.lower().replace("aa", "å").translate(str.maketrans({"æ": "{", "ø": "|", "å": "}"}))


def test_tables_sort_danish_numbers_and_names(ui, desktop):
    _open(desktop, ui.url + "/kommuner")
    header = desktop.locator("table th", has_text="Befolkning")
    header.locator("button").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    header.locator("button").press("Enter")  # by keyboard too
    expect(header).to_have_attribute("aria-sort", "descending")
    population = [int(v.replace(".", "")) for v in _column(desktop, "table", 3)]
    assert population == sorted(population, reverse=True)
    reg = register()
    largest = reg.official_names[int(reg.population.argmax())]
    assert _column(desktop, "table", 1)[0] == largest
    desktop.get_by_role("button", name="Kommune", exact=True).click()
    names = _column(desktop, "table", 1)
    assert names == sorted(names, key=_danish)

    def at(prefix: str) -> int:
        return next(i for i, n in enumerate(names) if n.startswith(prefix))

    # Danish collation: æ, ø, å after z, and "aa" is å (Aabenraa last but Aalborg and Aarhus)
    assert at("Vordingborg") < at("Ærø") < at("Aabenraa") < at("Aarhus")
    assert names[0].startswith("Albertslund")
    _shot(desktop, "sorteret_kommuner")
    parse = "t => window.kommuneokonomiDanishNumber(t)"
    assert desktop.evaluate(
        f"[{', '.join(repr(t) for t in ['1.234,5', '−4,2', '-4,2', '12 kr.', '3,5 %'])}].map({parse})"
    ) == [
        1234.5,
        -4.2,
        -4.2,
        12,
        3.5,
    ]
    assert desktop.evaluate(f"['1.23', 'abc', '2024-01-01'].map({parse})") == [None, None, None]


def test_negative_numbers_sort_below_positive(ui, desktop):
    _open(desktop, ui.url + "/")
    table = desktop.locator("table", has=desktop.locator("th", has_text="Nøgletal")).last
    column = table.locator("thead th").all_inner_texts().index("2024")
    table.locator("thead th").nth(column).locator("button").click()
    texts = [
        t for t in table.locator(f"tbody tr td:nth-child({column + 1})").all_inner_texts() if t.strip() != "–"
    ]
    values = [float(t.replace(".", "").replace(",", ".").replace("−", "-")) for t in texts]
    assert values[0] < 0 < values[-1] and values == sorted(values)


def test_chart_downloads_png_svg_and_data(ui, desktop, tmp_path):
    _open(desktop, ui.url + "/")
    figure = desktop.locator("#graf-rammer")
    expect(figure.locator("svg[role='img']")).to_have_attribute(
        "aria-labelledby", "rammer-titel rammer-beskrivelse"
    )
    with desktop.expect_download() as png:
        figure.locator("button.png").click()
    png.value.save_as(tmp_path / "rammer.png")
    data = (tmp_path / "rammer.png").read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 5000
    with desktop.expect_download() as svg:
        figure.locator("a", has_text="SVG").click()
    svg.value.save_as(tmp_path / "rammer.svg")
    assert ET.parse(tmp_path / "rammer.svg").getroot().tag == "{http://www.w3.org/2000/svg}svg"
    with desktop.expect_download() as table:
        figure.locator("a", has_text="data (CSV)").click()
    table.value.save_as(tmp_path / "rammer.csv")
    assert "Budgetår" in (tmp_path / "rammer.csv").read_text("utf-8-sig")
    figure.locator("summary").click()
    expect(figure.locator("details table")).to_contain_text("304.800")


def test_fixed_prices_ask_for_the_missing_estimate(ui, desktop):
    _open(desktop, ui.url + "/")
    desktop.check("input[value='faste']")
    desktop.click("form.priser button[type='submit']")
    note = desktop.locator("#graf-rammer .note.mangler")
    expect(note).to_contain_text("Faste priser kræver et PL-skøn for 2021")
    _shot(desktop, "faste_priser_uden_pl")
    desktop.fill("#pl_2021", "1,5")
    desktop.click("form.priser button[type='submit']")
    expect(desktop.locator("#pl_2021")).to_have_value("1,5")
    for text in desktop.locator("#graf-rammer .note.mangler").all_inner_texts():
        assert "2021" not in text
    figure = desktop.locator("#graf-rammer")
    figure.locator("summary").click()
    row = figure.locator("details tbody tr", has_text="2020")
    assert row.locator("td").nth(1).inner_text() not in ("", "–")
    _shot(desktop, "faste_priser_med_pl")


def test_compare_agreements_from_the_overview(ui, desktop):
    _open(desktop, ui.url + "/")
    desktop.click("text=Sammenlign to aftaler")
    expect(desktop.locator("h1")).to_contain_text("Sammenlign to aftaler")
    expect(desktop.locator("table").first).to_contain_text("Serviceramme")
    _shot(desktop, "sammenlign")
    desktop.locator("main a", has_text="aftalen for 2024").click()
    expect(desktop.locator("h1")).to_have_text("Aftale om kommunernes økonomi for 2024")
    assert desktop.errors == [], desktop.errors


def test_docs_render_with_every_other_host_blocked(ui):
    context, page = _page(ui, viewport={"width": 1280, "height": 900})
    elsewhere: list[str] = []

    def only_local(route):
        if urlparse(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    _open(page, ui.url + "/docs")
    expect(page.locator(".opblock").first).to_be_visible()
    _shot(page, "docs_offline")
    context.close()
    assert elsewhere == []
