"""Browser tests for the municipality page and readable explanations (issue 13, items 4, 5 and 10): Debian's
headless Chromium with the da-DK locale, the fixtures of test_browser.py. Screenshots in
test-artifacts/screenshots/."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from web import test_browser
from web.test_explain import raw_words

server = test_browser.server
browser = test_browser.browser
page = test_browser.page
shot = test_browser._shot


def assert_no_raw_keys(pg) -> None:
    assert raw_words(pg.content()) == []


def test_the_municipality_page_for_aarhus(server, page):
    page.goto(server + "/kommuner/751")
    expect(page.locator("h1")).to_have_text("Aarhus Kommune (751)")
    expect(page.locator("#befolkning")).to_contain_text("Befolkning pr. 1. januar 2020: 349.983")
    rates = page.locator("#skattesatser")
    expect(rates.locator("tr", has_text="2025")).to_contain_text("24,52 %")
    expect(rates.locator("tr", has_text="2020")).to_contain_text("officiel liste")
    expect(page.locator("#scenarie-forklaring")).to_contain_text("standardinput for budgetåret 2024")
    service = page.locator("#andele tr", has_text="Servicesanktion")
    expect(service).to_contain_text("631.122 kr.")
    expect(service).to_contain_text("6,011 %")
    expect(page.locator("#andele tr", has_text="Midtvejsregulering")).to_contain_text("kr.")
    service.locator("summary").click()
    table = service.locator(".forklaring-trin")
    expect(table).to_be_visible()
    expect(table.locator("th").first).to_have_text("Nr.")
    shot(page, "kommune_751")
    assert_no_raw_keys(page)
    assert page.errors == [], page.errors


def test_forklar_opens_a_danish_table_with_linked_sources(server, page):
    page.goto(server + "/simulator/sanktion")
    page.click("form button[type='submit']")  # the defaults, untouched: a result on the first click
    expect(page.locator("main")).to_contain_text("I alt 10.500.000 kr.")
    row = page.locator("#resultat-tabel tr", has_text="Aarhus")
    row.locator("summary", has_text="Forklar").click()
    explanation = row.locator(".forklaring")
    expect(explanation.locator(".forklaring-input")).to_contain_text("Kendte reguleringer medregnet")
    expect(explanation.locator(".forklaring-input")).to_contain_text("ja")
    steps = explanation.locator(".forklaring-trin")
    expect(steps.locator("thead")).to_have_text(re.compile(r"Nr\.\s*Trin\s*Beløb\s*Kilde"))
    expect(steps).to_contain_text("349.983 / 5.822.679")
    link = explanation.locator(".forklaring-parametre a", has_text="linje 72–74")
    expect(link).to_have_attribute("href", re.compile(r"/aftale/\d{4}#linje-72$"))
    shot(page, "forklaring_tabel")
    link.click()
    expect(page.locator("#linje-72")).to_be_visible()
    assert page.errors == [], page.errors


def test_no_english_or_raw_keys_on_the_result_pages(server, page):
    for kind in ("sanktion", "skat", "pulje"):
        page.goto(server + f"/simulator/{kind}")
        page.click("form button[type='submit']")
        expect(page.locator("#resultat-tabel")).to_be_visible()
        for summary in page.locator("details summary").all()[:3]:
            summary.click()
        assert_no_raw_keys(page)
        shot(page, f"standard_{kind}")
    page.goto(server + "/simulator/sanktion")
    page.evaluate("document.querySelector('#aar option:checked').value = '20x'")  # a tampered form
    page.click("form button[type='submit']")
    expect(page.locator("body")).to_contain_text("Budgetår: skal være et helt tal (fik '20x')")
    assert_no_raw_keys(page)
    shot(page, "fejl_dansk")
