"""Browser tests of Danish number input (issue 13 item 1), in headless Chromium with the da-DK locale: typed
numbers are read the Danish way and echoed as understood, an ambiguous point is refused at the field, the
municipality is chosen by name. Screenshots are kept in test-artifacts/screenshots/ (as in test_browser.py).
"""

from __future__ import annotations

import csv
import io

from playwright.sync_api import expect

from web import test_browser as shared

#: the browser tests' own server (module scope), browser and da-DK page
server, browser, page, _shot = shared.server, shared.browser, shared.page, shared._shot


def _sanction(page, server, typed: str) -> None:
    page.goto(server + "/simulator/sanktion")
    field = page.locator("#overskridelse_mio")
    assert field.get_attribute("type") == "text" and field.get_attribute("inputmode") == "decimal"
    page.select_option("#type", "service")
    page.select_option("#aar", "2024")
    field.fill(typed)
    page.click("form button[type='submit']")


def test_a_decimal_comma_is_read_and_echoed(server, page):
    _sanction(page, server, "1000,5")
    expect(page.locator("#angivet")).to_have_text("Du har angivet samlet overskridelse 1.000,5 mio. kr.")
    # 1.000,5 mio. kr. over the tested level, under the 3 mia. kr. of the conditional block grant
    expect(page.locator("#resultat-tabel tbody tr").last).to_contain_text("1.000.500.000 kr.")
    # København's share by population: 632.340 / 5.822.679 of the total
    expect(page.locator("#resultat-tabel tr", has_text="København").first).to_contain_text("108.653.795 kr.")
    expect(page.locator("#overskridelse_mio")).to_have_value("1000,5")
    _shot(page, "tal_1000,5")
    assert page.errors == [], page.errors


def test_thousands_points_are_read_and_echoed(server, page):
    _sanction(page, server, "1.000,5")
    expect(page.locator("#angivet")).to_have_text("Du har angivet samlet overskridelse 1.000,5 mio. kr.")
    expect(page.locator("#resultat-tabel tbody tr").last).to_contain_text("1.000.500.000 kr.")
    _shot(page, "tal_1.000,5")


def test_an_ambiguous_point_is_refused_at_the_field(server, page):
    _sanction(page, server, "1000.5")
    message = page.locator("#overskridelse_mio-fejl")
    expect(message).to_contain_text("'1000.5' er tvetydigt")
    expect(message).to_contain_text("skriv 1000,5 eller 1.000,5")
    expect(page.locator("#overskridelse_mio")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#overskridelse_mio")).to_have_value("1000.5")  # kept for the user to correct
    expect(page.locator("#angivet")).to_have_count(0)
    _shot(page, "tal_1000.5_afvist")
    page.errors.clear()


def test_nan_and_unicode_digits_are_refused_at_the_field(server, page):
    for typed, text in (("nan", "er ikke et tal"), ("１２", "andre cifre end 0-9"), ("1e400", "eksponent")):
        _sanction(page, server, typed)
        expect(page.locator("#overskridelse_mio-fejl")).to_contain_text(text)


def test_the_municipality_is_chosen_by_name(server, page):
    page.goto(server + "/simulator/skat")
    page.select_option("#aar", "2023")
    options = page.locator("#kommunekode-navne option")
    assert options.count() == 98
    page.fill("#kommunekode", "Aarhus")
    page.fill("#udskrivningsgrundlag", "40.000")
    page.fill("#sats_foer", "24,32")
    page.fill("#sats_efter", "24,52")  # 0,2 pct.-point more on 40.000 mio. kr.: 80 mio. kr. more in tax
    page.click("form button[type='submit']")
    expect(page.locator("#angivet")).to_contain_text("Aarhus (751)")
    expect(page.locator("#angivet")).to_contain_text("udskrivningsgrundlag 40.000 mio. kr.")
    expect(page.locator("#angivet")).to_contain_text("sats før 24,32 pct.; sats efter 24,52 pct.")
    expect(page.locator("#resultat-tabel tbody tr").last).to_contain_text("-80.000.000 kr.")
    aarhus = page.locator("#resultat-tabel tr", has_text="Aarhus").first.locator("td.tal").first
    expect(aarhus).not_to_have_text("0 kr.")  # the increase is Aarhus's, sanctioned individually
    _shot(page, "tal_kommune_aarhus")
    page.fill("#kommunekode", "Arhus")
    page.click("form button[type='submit']")
    expect(page.locator("#kommunekode-fejl")).to_contain_text("mente du Aarhus")
    _shot(page, "tal_kommune_ukendt")
    page.errors.clear()


def test_the_result_downloads_for_danish_excel(server, page, tmp_path):
    _sanction(page, server, "10,5")
    with page.expect_download() as info:
        page.click(".downloads >> text=CSV")
    target = tmp_path / "sanktion.csv"
    info.value.save_as(target)
    text = target.read_text("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == ["Kommunekode", "Kommune", "Beløb (kr.)"] and rows[-1][2] == "10500000"
