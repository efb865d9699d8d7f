"""A newcomer's walk-through in Debian's headless Chromium (locale da-DK): from the overview to a sanction
for Aarhus (751), its explanation, and the shared address opened in a fresh browser (no cookies) showing the
same result; then a baseline and an alternative side by side. Screenshots in test-artifacts/screenshots/."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from web.test_browser import SHOTS, _shot, browser, page, server  # noqa: F401 (shared fixtures)


def _sanction(tab, overrun: str) -> None:
    tab.select_option("#type", "service")
    tab.select_option("#aar", "2024")
    tab.fill("#overskridelse_mio", overrun)
    tab.click("form[action='/simulator/sanktion'] button[type='submit']")


def test_newcomer_shares_a_sanction_for_aarhus(server, page, browser):  # noqa: F811
    page.goto(server + "/")
    expect(page.locator("h1")).to_have_text("Økonomiaftalerne mellem Regeringen og KL")
    page.get_by_role("link", name="Sanktioner", exact=True).first.click()
    expect(page.locator("h1")).to_have_text("Sanktioner: service, anlæg og regnskab")
    _sanction(page, "25")
    expect(page).to_have_url(re.compile(r"/scenarie/[A-Za-z0-9_-]{12}$"))
    expect(page.locator("h2").first).to_contain_text("Servicesanktion")
    aarhus = page.locator("#resultat-tabel tr", has_text="Aarhus")
    expect(aarhus).to_have_count(1)
    expect(aarhus.locator("td").first).to_have_text("751")
    amount = aarhus.locator("td").nth(2).inner_text()
    assert re.fullmatch(r"[\d.]+ kr\.", amount), amount
    total = page.locator("#resultat-tabel tbody tr").last.inner_text()
    assert "25.000.000 kr." in total
    aarhus.get_by_text("Forklar").click()
    explanation = aarhus.locator("details")
    expect(explanation).to_have_attribute("open", "")
    expect(explanation).to_contain_text(amount.removesuffix(" kr."))
    explained = explanation.inner_text()
    _shot(page, "gennemgang_1_sanktion_aarhus_forklaret")
    address = page.locator("#scenarie-adresse").get_attribute("href")
    assert address and page.url.endswith(address)
    assert page.errors == [], page.errors

    fresh = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    try:
        assert fresh.cookies() == []
        other = fresh.new_page()
        other.goto(server + address)
        expect(other.locator("h2").first).to_contain_text("Servicesanktion")
        row = other.locator("#resultat-tabel tr", has_text="Aarhus")
        expect(row.locator("td").nth(2)).to_have_text(amount)
        assert other.locator("#resultat-tabel tbody tr").last.inner_text() == total
        expect(other.locator("#overskridelse_mio")).to_have_value(
            re.compile(r"^25([.,]0+)?$")
        )  # the inputs as given
        row.get_by_text("Forklar").click()
        assert row.locator("details").inner_text() == explained
        other.screenshot(path=str(SHOTS / "gennemgang_2_delt_adresse.png"), full_page=True)
    finally:
        fresh.close()


def test_baseline_and_alternative_side_by_side(server, page):  # noqa: F811
    page.goto(server + "/simulator/sanktion")
    _sanction(page, "10")
    expect(page).to_have_url(re.compile(r"/scenarie/"))
    base = page.locator("#scenarie-adresse").get_attribute("href")
    _sanction(page, "40")
    expect(page).to_have_url(re.compile(r"/scenarie/"))
    assert page.locator("#scenarie-adresse").get_attribute("href") != base
    page.locator("#sammenlign-forrige").click()
    expect(page.locator("h1")).to_have_text("Sammenlign to scenarier")
    expect(page.locator("#forskel-i-alt")).to_have_text("30.000.000 kr.")
    page.get_by_role("link", name="B − A").click()  # sort by the difference
    expect(page.locator("#sammenligning tbody tr").first).to_contain_text("Læsø")
    page.get_by_role("link", name=re.compile("^B − A")).click()  # and descending
    expect(page.locator("#sammenligning tbody tr").first).to_contain_text("København")
    _shot(page, "gennemgang_3_sammenligning")
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV").click()
    assert info.value.suggested_filename.startswith("sammenligning-")
    assert page.errors == [], page.errors
