"""Browser tests: Python playwright driving Debian's headless Chromium against the real server on 127.0.0.1.

Opens each page, runs simulations through their forms, searches, downloads a CSV, explains a number.
Screenshots are kept in test-artifacts/screenshots/.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import threading
import time

import pytest
import uvicorn
from playwright.sync_api import expect, sync_playwright

from kommuneokonomi.web.app import create_app
from kommuneokonomi.web.auth import WriteAccess

from conftest import ROOT

SHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _running(db: str):
    """The app over `db` served on a free loopback port, for as long as the block runs."""
    port = _free_port()
    app = create_app(db, WriteAccess(open=True))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        if time.time() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(web_db):
    with _running(web_db) as url:
        yield url


def chromium() -> str:
    """Debian's chromium: CI must have it; elsewhere the browser tests are skipped without it."""
    executable = shutil.which("chromium")
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("CI runs the browser tests: Debian's chromium is not installed")
        pytest.skip("no chromium here (apt-get install chromium)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    return executable


@pytest.fixture(scope="module")
def browser():
    executable = chromium()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        accept_downloads=True, viewport={"width": 1280, "height": 900}, locale="da-DK"
    )
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.errors = errors
    yield pg
    context.close()


def _shot(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "Økonomiaftalerne mellem Regeringen og KL"),
        ("/aftale/2024", "Aftale om kommunernes økonomi for 2024"),
        ("/kommuner", "De 98 kommuner"),
        ("/kommune/751", "Aarhus Kommune (751)"),
        ("/simulator/sanktion", "Sanktioner: service, anlæg og regnskab"),
        ("/simulator/skat", "Skatteændringer: sanktioner og tilskud"),
        ("/simulator/pulje", "Fordeling af en pulje"),
        ("/soeg", "Søg i aftalerne"),
        ("/aftalepunkter", "Aftalepunkter og opfølgning"),
    ],
)
def test_every_page_opens_without_errors(server, page, path, heading):
    page.goto(server + path)
    expect(page.locator("h1")).to_have_text(heading)
    _shot(page, "side" + path.replace("/", "_"))
    assert page.errors == [], page.errors


def test_overview_chart_renders_offline_and_numbers_are_danish(server, page):
    page.goto(server + "/")
    expect(page.locator("#graf-rammer svg[role='img']")).to_be_visible()
    assert "304.800" in page.content() and "251.934" in page.content()
    page.check("input[value='faste']")
    page.fill("input[name='pl_2021']", "1,5")
    page.click("form.priser button[type='submit']")
    expect(page.locator("#graf-rammer svg[role='img']")).to_contain_text("faste 2024-priser")
    _shot(page, "oversigt_faste_priser")
    assert page.errors == [], page.errors


def test_agreement_page_links_figures_to_their_source_lines(server, page):
    page.goto(server + "/aftale/2024")
    link = page.locator("#figur-serviceramme a")
    expect(link).to_have_text("linje 72–74")
    link.click()
    assert page.url.endswith("#linje-72")
    expect(page.locator("#linje-72")).to_contain_text("304,8 mia. kr.")
    expect(page.locator("#linje-72 .badge")).to_contain_text("Serviceramme")


def test_sanction_simulation_through_the_form_with_explanation(server, page):
    page.goto(server + "/simulator/sanktion")
    page.select_option("#type", "service")
    page.select_option("#aar", "2024")
    page.fill("#overskridelse_mio", "10,5")
    page.click("form button[type='submit']")
    expect(page.locator("h2")).to_contain_text("Servicesanktion")
    expect(page.locator("#resultat-tabel")).to_contain_text("10.500.000 kr.")
    row = page.locator("#resultat-tabel tr", has_text="København")
    expect(row).to_contain_text("1.140.295 kr.")
    row.locator("summary").click()
    expect(row.locator(".forklaring-trin")).to_contain_text("632.340 / 5.822.679")
    expect(page.locator("#graf-resultat svg[role='img']")).to_contain_text("København")
    _shot(page, "simulator_sanktion_resultat")
    page.goto(server + "/kommune/101")
    expect(page.locator("body")).to_contain_text("1.140.295 kr.")  # the scenario follows the visitor
    assert page.errors == [], page.errors


def test_tax_and_pool_simulations(server, page):
    page.goto(server + "/simulator/skat")
    page.select_option("#aar", "2024")
    page.click("form button[type='submit']")  # a cut without a grant: no subsidy, and no error either
    expect(page.locator("#resultat-tabel")).to_contain_text("Frederiksberg")
    page.fill("#tilskud_tilladelse", "50")
    # a granted cut needs a subsidised tax-cut frame, which the 2024 agreement does not set: said, not guessed
    page.click("form button[type='submit']")
    expect(page.locator(".fejl")).to_contain_text("angiver ikke «Ramme for skattenedsættelser med tilskud»")
    page.select_option("#aar", "2023")
    page.fill("#kommunekode", "147")
    page.fill("#sats_foer", "24,5")
    page.fill("#sats_efter", "24,3")
    page.click("form button[type='submit']")
    expect(page.locator("#resultat-tabel")).to_contain_text("Frederiksberg")
    _shot(page, "simulator_skat_resultat")
    page.goto(server + "/simulator/pulje")
    page.fill("#pulje_kr", "98")
    page.click("form button[type='submit']")
    expect(page.locator("#resultat-tabel")).to_contain_text("98 kr.")
    _shot(page, "simulator_pulje_resultat")


def test_bad_form_input_shows_a_clear_message(server, page):
    page.goto(server + "/simulator/sanktion")
    page.select_option("#fordeling", "delt")
    page.fill("#individuel_pct", "halvt")
    page.click("form button[type='submit']")
    expect(page.locator(".fejl")).to_contain_text("individuel andel (pct.): 'halvt' er ikke et tal")


def test_search_and_download_csv(server, page, tmp_path):
    page.goto(server + "/soeg")
    page.fill("input[name='q']", '"lokalt råderum"')
    page.click("form button[type='submit']")
    hit = page.locator(".hit").first
    expect(hit.locator("mark").first).to_have_text("lokale")
    expect(hit.locator(".kilde")).to_contain_text("2024")
    _shot(page, "soeg_resultat")
    with page.expect_download() as info:
        page.click("text=CSV")
    target = tmp_path / "soeg.csv"
    info.value.save_as(target)
    text = target.read_text("utf-8")
    assert text.startswith("\ufeffÅr;Afsnit;Linjer;Score;Uddrag") and "2024" in text
    assert "«" not in text and "<mark>" not in text  # highlight marks stay on the page


def test_commitments_tracker_filters(server, page):
    page.goto(server + "/aftalepunkter")
    page.select_option("select[name='aar']", "2023")
    page.select_option("select[name='status']", "fulgt op")
    page.click("form button[type='submit']")
    rows = page.locator("table tbody tr")
    expect(rows.first).to_contain_text("fulgt op")
    assert all("2023" in rows.nth(i).inner_text()[:6] for i in range(rows.count()))
    _shot(page, "aftalepunkter_filter")


@pytest.fixture(scope="module")
def review_server(tmp_path_factory):
    """A server of its own (the 2024 agreement only), so that corrections do not touch the other tests."""
    from kommuneokonomi.ingest import ingest_file
    from kommuneokonomi.store import Store

    from conftest import corpus_files

    path = str(tmp_path_factory.mktemp("review") / "review.sqlite")
    assert not ingest_file(corpus_files()[4], Store(path)).failed
    with _running(path) as url:
        yield url


def test_correct_a_figure_through_the_form_and_undo_it(review_server, page):
    page.goto(review_server + "/aftale/2024")
    expect(page.locator("#daekning")).to_have_text("Dækning")
    expect(page.locator("#mangler-aftale_dato")).to_contain_text("ikke angivet")
    page.select_option("#noegle", "serviceramme")
    page.fill("#vaerdi", "305,1")  # in mia. kr. by mistake: refused, nothing stored
    page.fill("#kilde", "linje 73")
    page.fill("#note", "trykfejl i teksten")
    page.click("#ret-form button[type='submit']")
    expect(page.locator(".fejl")).to_contain_text("det ligner mia. kr.")
    expect(page.locator("#vaerdi")).to_have_value("305,1")
    assert [e for e in page.errors if "422" not in e] == [], page.errors  # the refusal is a 422 page
    page.errors.clear()
    page.fill("#vaerdi", "305.100")
    page.fill("#bruger", "Budgetchefen")
    page.click("#ret-form button[type='submit']")
    expect(page.locator("#besked")).to_contain_text("Serviceramme er rettet til 305.100 mio. kr.")
    row = page.locator("#figur-serviceramme")
    expect(row.locator(".badge")).to_have_text("rettet")
    expect(row).to_contain_text("305.100")
    expect(row).to_contain_text("Rettet")
    expect(row).to_contain_text("af Budgetchefen: trykfejl i teksten")
    expect(page.locator("#rettelser-tabel")).to_contain_text("gældende")
    _shot(page, "aftale_rettet")
    row.locator("button", has_text="Fortryd rettelsen").click()
    expect(page.locator("#besked")).to_contain_text("fortrudt; værdien er nu 304.800")
    expect(page.locator("#figur-serviceramme .badge")).to_have_count(0)
    expect(page.locator("#rettelser-tabel")).to_contain_text("fortrudt")
    assert page.errors == [], page.errors
