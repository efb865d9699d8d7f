"""The Danish web UI: server-rendered pages (Jinja2, autoescaped), charts with Vega-Lite served locally,
every table downloadable as CSV and XLSX, every simulated amount explainable (its trace) on click."""

from __future__ import annotations

import io
import re
import tempfile
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from kommuneokonomi import corrections, export
from kommuneokonomi.agreements import REASONS, Agreement
from kommuneokonomi.danish_numbers import format_danish
from kommuneokonomi.extraction.keys import fixed_keys, spec_for
from kommuneokonomi.knowledge import tracker
from kommuneokonomi.knowledge.commitments import commitments_table
from kommuneokonomi.knowledge.compare import (
    DECOMPOSITION_PARTS,
    SCHEME_KEYS,
    compare,
    decompose,
    decomposition_part,
)
from kommuneokonomi.knowledge.corpus import NoTextsError
from kommuneokonomi.rules import compliance, kommunefakta, prices, tax
from kommuneokonomi.rules.kommuner import MunicipalDataError, read_municipal_csv, register
from kommuneokonomi.rules.params import RuleError, agreement_value
from kommuneokonomi.rules.result import MunicipalResult
from kommuneokonomi.web import charts, explain, fields, municipality, scenarios
from kommuneokonomi.web.api import check_period, state
from kommuneokonomi.web.auth import bearer, write_access
from kommuneokonomi.web.uploads import read_upload, upload_name

TEMPLATES = Jinja2Templates(directory=str(Path(str(resources.files("kommuneokonomi.web"))) / "templates"))
router = APIRouter(include_in_schema=False)
COOKIE = "scenarie"  # + _KIND: the id of the visitor's latest simulation of that kind (web/scenarios.py)
COMMITMENTS_PER_PAGE = 50
MAX_TOKEN_FIELD = 500
FRAME_SERIES = ("serviceramme", "anlaegsramme")
BALANCE_KEYS = [k for k in fixed_keys() if k.startswith("balance.")]


YearsQ = Annotated[list[str] | None, Query(max_length=20)]


def _years(values: list[str] | None) -> list[int]:
    """Year filters from a form: "" (all years) is ignored, anything else must be a year."""
    years = []
    for v in values or []:
        v = v.strip()
        if not v:
            continue
        if not (v.isdigit() and len(v) == 4):
            raise HTTPException(422, f"år skal være et årstal, ikke {v!r}")
        years.append(int(v))
    return years


PeriodQ = Annotated[str | None, Query(max_length=4)]


def _period(fra: str | None, til: str | None) -> tuple[int | None, int | None]:
    """A period of budget years from a form's two selects ("" leaves that end open)."""
    ends = _years([fra or ""])[:1], _years([til or ""])[:1]
    first, last = (e[0] if e else None for e in ends)
    check_period(first, last)
    return first, last


def _dk(value: Any, decimals: int | None = None) -> str:
    return export.danish_number(value, decimals)


def _mio(value: Any) -> str:
    return "–" if value is None else f"{export.danish_number(Decimal(str(value)), 1)} mio. kr."


def _kr(value: Any) -> str:
    return "–" if value is None else f"{export.danish_number(int(value))} kr."


def _highlight(snippet: str) -> Markup:
    """A search snippet with «words» marked: the text is escaped first, then the marks become <mark>."""
    return Markup(str(escape(snippet)).replace("«", "<mark>").replace("»", "</mark>"))


def _figure_value(value: Any, key: str) -> str:
    """A figure's value as the page shows it: a year as 2024 (never 2.024), other numbers the Danish way."""
    if spec_for(key).kind == "year" and isinstance(value, int | float | Decimal):
        return _dk(export.Year(int(value)))
    return _dk(value)


TEMPLATES.env.filters.update(dk=_dk, mio=_mio, kr=_kr, highlight=_highlight, tal_for=_figure_value)
TEMPLATES.env.filters.update(vaerdi=explain.value_filter)


def render(request: Request, template: str, http_status: int = 200, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(
        request, template, {"request": request, **context}, status_code=http_status
    )


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(
        request, "fejl.html", http_status=status, status_code=status, besked=explain.readable_error(message)
    )


def _cookie(kind: str) -> str:
    return f"{COOKIE}_{kind}"


def _latest(request: Request, kind: str) -> scenarios.Scenario | None:
    """The visitor's latest simulation of a kind: its id in a cookie, the scenario itself in the store (so
    every worker finds it); None if there is none or it has been deleted."""
    sid = request.cookies.get(_cookie(kind))
    if not sid:
        return None
    try:
        return scenarios.reproduce(state(request).store, state(request).agreements(), sid)
    except (HTTPException, RuleError, MunicipalDataError):
        return None


def _scenario(request: Request) -> dict[str, MunicipalResult]:
    """The visitor's current scenario: the latest result of each simulator."""
    return {kind: s.result for kind in scenarios.KINDS if (s := _latest(request, kind)) is not None}


def _remember(response: Response, request: Request, s: scenarios.Scenario) -> Response:
    """Cookies with the ids of the visitor's latest simulation of its kind and the one before (for "compare
    with your previous calculation"); the contents stay in the store."""
    kind, before = s.stored.kind, request.cookies.get(_cookie(s.stored.kind))
    response.set_cookie(_cookie(kind), s.stored.id, httponly=True, samesite="lax")
    if before and before != s.stored.id:
        response.set_cookie(_cookie(kind) + "_forrige", before, httponly=True, samesite="lax")
    return response


# --- tables (one builder per table; pages and downloads use the same) -------------------------------------


def overview_table(request: Request) -> export.TableData:
    agreements = state(request).agreements()
    keys = [k for k in fixed_keys() if spec_for(k).kind in ("amount", "balance", "percent", "per_capita")]
    rows = [
        [
            spec_for(k).label,
            spec_for(k).unit,
            *(a.figures[k].value if k in a.figures else None for a in agreements.values()),
        ]
        for k in keys
    ]
    return export.TableData(
        "Nøgletal pr. budgetår", ["Nøgletal", "Enhed"] + [str(y) for y in agreements], rows, sheet="Nøgletal"
    )


def agreement_table(request: Request, aar: int) -> export.TableData:
    agreements = state(request).agreements()
    if aar not in agreements:
        raise HTTPException(404, f"ingen aftale for {aar}")
    return agreements[aar].table()


def balance_table(request: Request, aar: int) -> export.TableData:
    a = state(request).agreements().get(aar)
    if a is None:
        raise HTTPException(404, f"ingen aftale for {aar}")
    rows = [
        [spec_for(k).label.removeprefix("Tabel 1: "), a.figures[k].value if k in a.figures else None]
        for k in BALANCE_KEYS
    ]
    return export.TableData(
        f"Balance for kommunerne i {aar} (mio. kr., {aar}-pl)",
        ["Post", "Mio. kr."],
        rows,
        sheet=f"Balance {aar}",
    )


def municipalities_table() -> export.TableData:
    reg = register()
    rows = [
        [c, n, r, int(p)]
        for c, n, r, p in zip(reg.codes, reg.official_names, reg.regions, reg.population, strict=True)
    ]
    return export.TableData(
        f"Kommuner (befolkning {reg.population_date})",
        ["Kommunekode", "Kommune", "Region", "Befolkning"],
        rows,
        sheet="Kommuner",
    )


def result_table(result: MunicipalResult) -> export.TableData:
    reg = register()
    rows = [[c, n, a] for c, n, a in zip(reg.codes, reg.names, result.amounts_kr, strict=True)]
    rows.append(["I alt", "", result.total_kr])
    return export.TableData(result.rule, ["Kommunekode", "Kommune", "Beløb (kr.)"], rows, sheet="Resultat")


def search_table(
    request: Request, q: str, aar: list[int], kapitel: str | None, fra: int | None, til: int | None
) -> export.TableData:
    index = state(request).knowledge().index
    hits = index.search(q, set(aar) or None, kapitel, limit=50, fra=fra, til=til) if q else []
    rows = [
        [
            str(h.aar),
            h.afsnit or "",
            f"{h.linje_fra}-{h.linje_til}",
            round(h.score, 2),
            export.unmark(h.uddrag),
        ]
        for h in hits
    ]
    return export.TableData(
        f"Søgning: {q}", ["År", "Afsnit", "Linjer", "Score", "Uddrag"], rows, sheet="Søgning"
    )


def commitments_view(request: Request, **filters: Any) -> export.TableData:
    """Every matching commitment as a table (the download)."""
    shown = tracker.find(state(request).knowledge().store, tracker.Filters(**filters), 1, 0)
    return commitments_table(shown.items)


# --- pages -----------------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def overview(
    request: Request,
    aar: Annotated[int | None, Query(ge=1990, le=2100)] = None,
    priser: Annotated[str, Query(pattern="^(loebende|faste)$")] = "loebende",
) -> HTMLResponse:
    agreements = state(request).agreements()
    year = aar if aar in agreements else _latest_agreement(agreements)
    chart, pl = frames_chart(request, priser)
    return render(
        request,
        "oversigt.html",
        aftaler=agreements,
        aar=year,
        priser=priser,
        pl=pl,
        graf=chart,
        prisniveau=_latest_agreement(agreements),
        balance=balance_table(request, year),
        dekomponering=decomposition_table(request, year),
        tabel=overview_table(request),
    )


def frames_chart(request: Request, priser: str) -> tuple[charts.Chart, list[dict[str, Any]]]:
    """The service and construction frames over the years, one panel each with its own axis: in current
    prices, or in the fixed prices of the latest agreement (not a public summary: it has no PL estimate).
    A value that is not there is a gap that says why, never a line drawn across; a PL estimate missing from
    the data can be given as `pl_<år>` ("1,5"). Also returns the PL fields to offer (year, typed, error)."""
    if priser not in ("loebende", "faste"):
        raise HTTPException(422, f"priser skal være loebende eller faste, ikke {priser!r}")
    agreements = state(request).agreements()
    level = _latest_agreement(agreements)
    current = {
        key: {y: Decimal(f.value) for y, a in agreements.items() if (f := a.figures.get(key)) and f.value}
        for key in FRAME_SERIES
    }
    years = [y for values in current.values() for y in values] or list(agreements)
    first, last = min(years), max(years)
    xs = [str(y) for y in range(first, last + 1)]
    needed = sorted(
        {
            link
            for key, values in current.items()
            for y in values
            for link in range(min(y, level) + 1, max(y, level) + 1)
            if not _has_rate(key, link, agreements)
        }
    )
    pl, supplied = _pl_fields(request, needed)
    panels = []
    for key in FRAME_SERIES:
        values: dict[str, float | None] = {str(y): float(v) for y, v in current[key].items()}
        if priser == "faste" and current[key]:
            values = {
                str(row["aar"]): None if row["faste"] is None else float(row["faste"])
                for row in prices.series(key, level, agreements, supplied)
            }
        gaps = {
            x: "ingen aftale"
            if int(x) not in agreements
            else "intet PL-skøn"
            if int(x) in current[key]
            else "ikke oplyst"
            for x in xs
            if values.get(x) is None
        }
        hollow = {str(y) for y, a in agreements.items() if key in a.summary_urls}
        label = spec_for(key).label
        panels.append(charts.Panel(label, "mio. kr.", [charts.Line(label, values, hollow)], gaps))
    prices_text = "løbende priser" if priser == "loebende" else f"faste {level}-priser"
    query = urlencode({"priser": priser, **{f"pl_{f['aar']}": f["vaerdi"] for f in pl if f["vaerdi"]}})
    chart = charts.line_panels(
        "rammer",
        f"Service- og anlægsrammen {first}–{last}, {prices_text}",
        xs,
        panels,
        "rammer",
        "?" + query,
        legend="○ tal fra et offentligt resumé (ikke aftalens tekst)"
        if any(p.lines[0].hollow for p in panels)
        else "",
    )
    missing = [f["aar"] for f in pl if f["aar"] not in supplied]
    if priser == "faste" and missing:
        chart.notes.append(
            f"Faste priser kræver et PL-skøn for {', '.join(map(str, missing))} (det står ikke i data) — "
            "angiv det her (feltet ovenfor); indtil da vises kun de år, der kan omregnes."
        )
    return chart, pl


def _pl_fields(request: Request, needed: list[int]) -> tuple[list[dict[str, Any]], dict[int, Decimal]]:
    """The PL estimates the data lacks, as typed in the fields `pl_<år>` ("1,5"): the fields to show (year,
    text typed, error at the field) and the estimates understood."""
    shown, supplied = [], {}
    for y in needed:
        typed = request.query_params.get(f"pl_{y}", "").strip()
        field: dict[str, Any] = {"aar": y, "vaerdi": typed, "fejl": None}
        if typed:
            try:
                supplied.update(prices.parse_rates([f"{y}={typed}"]))
            except RuleError:
                field["fejl"] = f"PL-skønnet for {y} skal være en procent som 1,5 eller -0,4, ikke {typed!r}"
        shown.append(field)
    return shown, supplied


def is_nominal(row: dict[str, Any]) -> bool:
    return decomposition_part(row, "PL") == "nominelt"


def _web_hint(message: str) -> str:
    """A rule's message for the web: the CLI's "--sats ÅR=PCT" becomes the page's PL field."""
    return re.sub(r"angiv det med --sats (\d{4})=PCT", r"angiv PL-skønnet for \1 i feltet ovenfor", message)


def _latest_agreement(agreements: dict[int, Agreement]) -> int:
    """The latest year with an agreement (shipped or ingested), not only figures from a public summary."""
    return max((y for y, a in agreements.items() if not a.summary_only), default=max(agreements))


def _has_rate(key: str, year: int, agreements: dict[int, Agreement]) -> bool:
    try:
        prices.rates(prices.SERIES_INDEX.get(key, "samlet"), range(year, year + 1), agreements)
    except RuleError:
        return False
    return True


def decomposition_table(request: Request, aar: int) -> export.TableData:
    """A frame's change from the previous known year to `aar`: PL, the stated lift, DUT mv., unexplained."""
    agreements = state(request).agreements()
    typed = sorted(int(k[3:]) for k in request.query_params if re.fullmatch(r"pl_\d{4}", k))
    supplied = _pl_fields(request, typed)[1]  # the overview's PL fields count here too
    rows = []
    for key in FRAME_SERIES:
        years = [y for y, a in agreements.items() if y <= aar and a.figures.get(key) and a.figures[key].value]
        if len(years) < 2 or years[-1] != aar:
            continue
        fra, til = years[-2], years[-1]
        va, vb = (agreement_value(agreements[y], key)[0] for y in (fra, til))
        row: dict[str, Any] = {"dekomponering": None, "bemaerkning": None}
        try:
            row.update(decompose(key, fra, til, va, vb, agreements, supplied))
        except RuleError as exc:
            row["bemaerkning"] = str(exc)
        rows.append(
            [spec_for(key).label, f"{fra} → {til}", va, vb, vb - va]
            + [decomposition_part(row, name) for name in DECOMPOSITION_PARTS]
            + [_web_hint(row["bemaerkning"] or "")]
        )
    return export.TableData(
        f"Ændringen af rammerne til {aar} delt op (mio. kr.; PL-omregnet forskel ≠ real vækst alene)",
        ["Ramme", "År", "Fra", "Til", "Ændring", *DECOMPOSITION_PARTS, "Bemærkning"],
        rows,
        sheet=f"Dekomponering {aar}",
    )


def agreements_comparison(
    request: Request, fra: int, til: int
) -> tuple[export.TableData, dict[str, Any], list[dict[str, Any]]]:
    """What changed from one agreement to another (knowledge/compare.py, as `kommuneokonomi sammenlign` and
    GET /api/sammenlign): the figures as a table, the rest as the comparison's JSON, and the PL fields for
    years between them that the data has no estimate for."""
    agreements = state(request).agreements()
    missing = [y for y in (fra, til) if y not in agreements]
    if missing:
        known = ", ".join(map(str, agreements))
        raise HTTPException(404, f"ingen aftale for {', '.join(map(str, missing))}; kendte år: {known}")
    lo, hi = sorted((fra, til))
    needed = [y for y in range(lo + 1, hi + 1) if not all(_has_rate(k, y, agreements) for k in FRAME_SERIES)]
    pl, supplied = _pl_fields(request, needed)
    texts = state(request).knowledge().texts if state(request).has_texts() else None
    result = compare(agreements[fra], agreements[til], agreements, texts, supplied).to_json()
    rows = [
        [
            r["betegnelse"],
            r["enhed"],
            r["fra"],
            r["til"],
            r["aendring"],
            r["aendring_pct"],
            r.get("fra_i_faste_priser"),
            r.get("aendring_ud_over_pl"),
            *[decomposition_part(r, name) for name in DECOMPOSITION_PARTS],
            "" if is_nominal(r) else _web_hint(r.get("bemaerkning") or ""),  # PL column says "nominelt"
        ]
        for r in result["noegletal"]
    ]
    table = export.TableData(
        f"Nøgletal {fra} → {til} (løbende priser og {til}-priser)",
        [
            "Nøgletal",
            "Enhed",
            str(fra),
            str(til),
            "Ændring",
            "Ændring (pct.)",
            f"{fra} i {til}-priser",
            "Ændring ud over PL",
            *DECOMPOSITION_PARTS,
            "Bemærkning",
        ],
        rows,
    )
    return table, result, pl


@router.get("/aftaler/sammenlign", response_class=HTMLResponse)
def agreements_compare_page(
    request: Request,
    fra: Annotated[int | None, Query(ge=1990, le=2100)] = None,
    til: Annotated[int | None, Query(ge=1990, le=2100)] = None,
) -> HTMLResponse:
    """Two agreements side by side: figure changes in current and fixed prices, schemes, pools, chapters
    and topics that are new or gone, with links to both agreements."""
    agreements = state(request).agreements()
    documented = [y for y, a in agreements.items() if not a.summary_only] or list(agreements)
    til = til if til is not None else documented[-1]
    fra = fra if fra is not None else (documented[-2] if len(documented) > 1 else til)
    table, result, pl = agreements_comparison(request, fra, til)
    labels = {k: spec_for(k).label for k in SCHEME_KEYS}
    return render(
        request,
        "aftaler_sammenlign.html",
        aftaler=agreements,
        fra=fra,
        til=til,
        tabel=table,
        r=result,
        pl=pl,
        ordninger={kind: [labels.get(k, k) for k in keys] for kind, keys in result["ordninger"].items()},
        query="?" + urlencode({"fra": fra, "til": til, **{f"pl_{f['aar']}": f["vaerdi"] for f in pl}}),
    )


def compliance_table(request: Request) -> export.TableData:
    return compliance.table(compliance.compliance(state(request).agreements()))


@router.get("/overholdelse", response_class=HTMLResponse)
def compliance_page(request: Request) -> HTMLResponse:
    return render(request, "overholdelse.html", tabel=compliance_table(request))


@router.get("/aftale/{aar}", response_class=HTMLResponse)
def agreement_page(request: Request, aar: int) -> HTMLResponse:
    return _agreement_view(request, aar)


def _agreement_view(
    request: Request, aar: int, http_status: int = 200, fejl: str | None = None, form: dict | None = None
) -> HTMLResponse:
    """The agreement page: figures (corrections marked), coverage, the correction form and the text."""
    table = agreement_table(request, aar)
    a = state(request).agreements()[aar]
    sources: dict[int, list[str]] = {}
    for key, fig in a.figures.items():
        if fig.source is not None and fig.value is not None:
            sources.setdefault(fig.source.line_start, []).append(spec_for(key).label)
    blocks = []
    try:
        text = state(request).knowledge().texts.get(aar)
    except NoTextsError:
        text = None
    if text is not None:
        for block in text.blocks:
            keys = [
                k
                for line, labels in sources.items()
                if block.line_start <= line <= block.line_end
                for k in labels
            ]
            blocks.append({"block": block, "figurer": keys})
    figures = [
        {
            "key": k,
            "label": spec_for(k).label,
            "kind": spec_for(k).kind,
            "fig": f,
            "rettelse": a.corrections.get(k),
        }
        for k, f in a.figures.items()
    ]
    return render(
        request,
        "aftale.html",
        http_status=http_status,
        a=a,
        aar=aar,
        figurer=figures,
        blokke=blocks,
        tabel=table,
        daekning=_coverage_view(a),
        rettelser=corrections.history_json(state(request).store, aar),
        noegler=[(k, spec_for(k).label) for k in corrections.correctable_keys(a)],
        fejl=fejl,
        form=form or {},
        besked=_done_message(request, a),
        forrige=max((y for y in state(request).agreements() if y < aar), default=None),
        skrivning=_write_mode(request),
    )


def _write_mode(request: Request) -> str:
    """How the page's write forms look: "noegle" (a token field), "aaben" (none) or "lukket" (no forms)."""
    access = write_access(request)
    return "noegle" if access.needs_token else "aaben" if access.open else "lukket"


def _done_message(request: Request, a: Agreement) -> str | None:
    """After the form: what was corrected or undone (built here from the key, never echoed from the URL)."""
    corrected, undone = request.query_params.get("rettet"), request.query_params.get("fortrudt")
    if corrected in a.corrections:
        fig = a.figures[corrected]
        shown = _figure_value(fig.value, corrected)
        return f"{spec_for(corrected).label} er rettet til {shown} {fig.unit or ''}".strip() + "."
    if undone in a.figures:
        return (
            f"Rettelsen af {spec_for(undone).label} er fortrudt; "
            f"værdien er nu {_figure_value(a.figures[undone].value, undone)}"
        )
    return None


def _coverage_view(a: Agreement) -> dict[str, Any]:
    """The Dækning section: keys found, each null key with its reason, candidates and any correction."""
    cov = a.coverage()
    rows = [
        {
            "key": k,
            "label": spec_for(k).label,
            "aarsag": REASONS.get(gap["reason"], gap["reason"]),
            "reason": gap["reason"],
            "besked": gap["message"],
            "kandidater": gap["candidates"],
            "rettet": a.figures[k] if k in a.corrections else None,
        }
        for k, gap in cov["null"].items()
    ]
    return {"fundet": cov["n_found"], "i_alt": cov["n_keys"], "mangler": rows}


def _write_refused(request: Request, field: str) -> HTTPException | None:
    """A form that writes carries the write token in a password field (or the API's Bearer header); as an
    attacker's page cannot know the token, a forged cross-site post is refused like any other."""
    access, presented = write_access(request), field or bearer(request)
    return None if access.allows(presented) else access.refusal(presented)


@router.post("/aftale/{aar}/rettelser", response_class=HTMLResponse)
def agreement_correct(
    request: Request,
    aar: int,
    noegle: Annotated[str, Form(max_length=80)],
    vaerdi: Annotated[str, Form(max_length=60)],
    kilde: Annotated[str, Form(max_length=corrections.MAX_KILDE)] = "",
    note: Annotated[str, Form(max_length=corrections.MAX_NOTE)] = "",
    bruger: Annotated[str, Form(max_length=corrections.MAX_USER)] = "",
    tving: Annotated[bool, Form()] = False,
    skrivenoegle: Annotated[str, Form(max_length=MAX_TOKEN_FIELD)] = "",
) -> Response:
    """The correction form: on success back to the page (its figure marked), else the page with the error."""
    agreement_table(request, aar)  # 404 for a year without an agreement
    form = {"noegle": noegle, "vaerdi": vaerdi, "kilde": kilde, "note": note, "bruger": bruger}
    refused = _write_refused(request, skrivenoegle)
    if refused is not None:
        return _agreement_view(request, aar, http_status=refused.status_code, fejl=refused.detail, form=form)
    try:
        stored, _ = corrections.correct(
            state(request).store, aar, noegle, vaerdi, kilde, note, bruger, force=tving
        )
    except corrections.CorrectionError as exc:
        return _agreement_view(request, aar, http_status=422, fejl=str(exc), form=form)
    state(request).refresh()
    return RedirectResponse(f"/aftale/{aar}?{urlencode({'rettet': stored.key})}#figur-{stored.key}", 303)


@router.post("/aftale/{aar}/rettelser/{noegle}/fortryd", response_class=HTMLResponse)
def agreement_undo(
    request: Request,
    aar: int,
    noegle: str,
    bruger: Annotated[str, Form(max_length=corrections.MAX_USER)] = "",
    skrivenoegle: Annotated[str, Form(max_length=MAX_TOKEN_FIELD)] = "",
) -> Response:
    agreement_table(request, aar)
    refused = _write_refused(request, skrivenoegle)
    if refused is not None:
        raise refused
    try:
        undone, _ = corrections.undo(state(request).store, aar, noegle, bruger)
    except corrections.CorrectionError as exc:
        raise HTTPException(404, str(exc)) from exc
    state(request).refresh()
    return RedirectResponse(f"/aftale/{aar}?{urlencode({'fortrudt': undone.key})}#figur-{undone.key}", 303)


@router.get("/kommuner", response_class=HTMLResponse)
def municipalities_page(request: Request) -> HTMLResponse:
    return render(request, "kommuner.html", tabel=municipalities_table())


@router.get("/kommune/{kode}")
def municipality_redirect(kode: str) -> RedirectResponse:
    """The old address of the municipality page (an unknown code is a 404 here, not a redirect)."""
    if kode not in register().codes:
        raise HTTPException(404, f"ukendt kommunekode {kode!r}")
    return RedirectResponse(f"/kommuner/{kode}", 308)


@router.get("/kommuner/{kode}", response_class=HTMLResponse)
def municipality_page(request: Request, kode: str) -> HTMLResponse:
    """The municipality at the centre: population (with its year), its share of every sanction and pool in
    the default scenario, its tax rate and grants where known, the visitor's own simulations, links onward."""
    reg = register()
    if kode not in reg.codes:
        raise HTTPException(404, f"ukendt kommunekode {kode}")
    return _municipality_view(request, kode, municipality.ScenarioInputs())


def _municipality_view(request: Request, kode: str, inputs: municipality.ScenarioInputs) -> HTMLResponse:
    reg = register()
    i = reg.index(kode)
    total_pop = int(reg.population.sum())
    year, lines = municipality.scenario(inputs, state(request).agreements())
    shares = [
        {
            "navn": line.navn,
            "beskrivelse": line.beskrivelse,
            "kilde": explain.source_link(line.kilde) if line.kilde else None,
            "fejl": explain.readable_error(line.fejl) if line.fejl else None,
            "beloeb": line.amount(i),
            "total": line.total,
            "negativ": line.fortegn < 0,
            "forklaring": explain.trace_view(line.result.trace(kode)) if line.result else None,
        }
        for line in lines
    ]
    results = [
        {
            "navn": r.rule,
            "beloeb": r.amounts_kr[i],
            "forklaring": explain.trace_view(r.trace(kode)),
            "total": r.total_kr,
        }
        for r in _scenario(request).values()
    ]
    return render(
        request,
        "kommune.html",
        kode=kode,
        navn=reg.names[i],
        officielt_navn=reg.official_names[i],
        region=reg.regions[i],
        befolkning=int(reg.population[i]),
        befolkning_aar=reg.population_date[:4],
        befolkning_kilde=reg.population_source,
        andel=Decimal(int(reg.population[i])) / Decimal(total_pop) * 100,
        scenarie=inputs,
        scenarie_aar=year,
        andele=shares,
        skattesatser=kommunefakta.tax_rates(kode),
        saertilskud=kommunefakta.saertilskud(kode),
        skattetilskud=kommunefakta.tax_grants(kode),
        resultater=results,
        kilde=explain.source_link,
    )


def _simulator(
    request: Request,
    kind: str,
    shown: scenarios.Scenario | None = None,
    fejl: str | None = None,
    form: dict | None = None,
    feltfejl: dict[str, str] | None = None,
) -> HTMLResponse:
    """A simulator page: the form, and the scenario shown (else the visitor's latest) with its address and
    its inputs as understood ("Du har angivet …")."""
    shown = shown or _latest(request, kind)
    from_form = shown is not None and shown.stored.origin == "formular"
    if form is None and shown is not None and from_form:
        form = _form_text(kind, shown.model)
    context: dict[str, Any] = {
        "kind": kind,
        "fejl": explain.readable_error(fejl) if fejl else None,
        "form": form or {},
        "aftaler": state(request).agreements(),
        "feltfejl": feltfejl or {},
        "angivet": _understood(kind, shown.model) if shown is not None and from_form and not fejl else None,
        "kommunenavne": register().names,
    }
    if shown is not None:
        before = request.cookies.get(_cookie(kind) + "_forrige")
        latest = request.cookies.get(_cookie(kind))
        context["scenarie"] = {
            "id": shown.stored.id,
            "beskrivelse": shown.label,
            "oprettet": shown.stored.created_at,
            "oprindelse": shown.stored.origin,
            "note": scenarios.changed_note(shown),
            "forrige": before if latest == shown.stored.id and before != shown.stored.id else None,
        }
        current = shown.result
        reg = register()
        rows: list[dict[str, Any]] = [
            {"kode": c, "navn": n, "beloeb": a, "forklaring": explain.trace_view(current.trace(c))}
            for c, n, a in zip(reg.codes, reg.names, current.amounts_kr, strict=True)
        ]
        context.update(
            result=current,
            rows=rows,
            spec=result_chart(kind, current, f"?scenarie={shown.stored.id}"),
            samlet=explain.trace_view(current.trace()),
            resume=explain.summary_view(current.summary),
        )
    return render(request, f"simulator_{kind}.html", http_status=422 if fejl else 200, **context)


_NUMBER_FIELDS = {"pulje": fields.POOL, "sanktion": fields.SANCTION, "skat": fields.TAX}


def _form_text(kind: str, model: scenarios.BaseModel) -> dict[str, Any]:
    """A stored form's inputs as the fields show them: numbers the Danish way without thousands separators
    ("1000,5", never "1000.5", which the fields refuse as ambiguous), the municipality by its name."""
    form = model.model_dump()
    for name in _NUMBER_FIELDS[kind]:
        if form.get(name) is not None:
            form[name] = format_danish(Decimal(form[name]), thousands=False)
    if kind == "skat" and form.get("kommunekode"):
        form["kommunekode"] = register().names[register().index(form["kommunekode"])]
    return form


def _understood(kind: str, model: scenarios.BaseModel) -> list[str]:
    """A stored form's inputs as the rules read them, for "Du har angivet …"."""
    fil = getattr(model, "fil", None)
    if fil and kind == "sanktion":
        return [f"budgetterne i {fil}"]
    if fil and kind == "skat":
        return [f"alle kommuner i {fil}"]
    numbers = {name: getattr(model, name) for name in _NUMBER_FIELDS[kind]}
    shown = fields.echo(
        _NUMBER_FIELDS[kind], {k: None if v is None else Decimal(v) for k, v in numbers.items()}
    )
    code = getattr(model, "kommunekode", None)
    if kind == "skat" and code:
        shown = [f"{register().names[register().index(code)]} ({code})", *shown]
    return shown


def _store_form(request: Request, kind: str, model: scenarios.BaseModel, form: dict[str, Any]) -> Response:
    """Compute a web form's simulation, store it, and send the browser to its address (post/redirect/get);
    a rule error shows the form again, as typed, with the message."""
    try:
        s = scenarios.run(state(request).store, state(request).agreements(), kind, "formular", model)
    except (RuleError, MunicipalDataError) as exc:
        return _simulator(request, kind, fejl=str(exc), form=form)
    return _remember(RedirectResponse(f"/scenarie/{s.stored.id}", 303), request, s)


def _asked_for(request: Request, kind: str) -> scenarios.Scenario:
    """The simulation a chart or download asks for: `?scenarie=ID` (an address works without cookies), else
    the visitor's latest of the kind."""
    sid = request.query_params.get("scenarie")
    shown = _reproduce(request, sid) if sid else _latest(request, kind)
    if shown is None or shown.stored.kind != kind:
        raise HTTPException(404, "ingen simulering endnu: kør simulatoren først")
    return shown


def result_chart(kind: str, result: MunicipalResult, query: str = "") -> charts.Chart:
    """The 25 largest amounts of a simulation (by size, either sign) as bars; the table shows all 98."""
    names = register().names
    top = sorted(zip(names, result.amounts_kr, strict=True), key=lambda r: -abs(r[1]))[:25]
    return charts.bars(
        "resultat",
        f"{result.rule}: de {len(top)} største beløb",
        [n for n, _ in top],
        [float(a) for _, a in top],
        "kr.",
        kind,
        query,
    )


@router.get("/graf/{navn}.svg")
def chart_svg(request: Request, navn: str) -> Response:
    """A chart as an SVG file: the one drawn on the page, for the same query."""
    if navn == "rammer":
        chart, _ = frames_chart(request, request.query_params.get("priser", "loebende"))
    elif navn in scenarios.KINDS:
        chart = result_chart(navn, _asked_for(request, navn).result)
    else:
        raise HTTPException(404, f"ukendt graf {navn!r}")
    return Response(
        chart.svg,
        media_type="image/svg+xml",
        headers={"Content-Disposition": f'attachment; filename="{navn}.svg"'},
    )


async def _upload_csv(
    fil: UploadFile | None,
    required: tuple[str, ...],
    optional: tuple[str, ...] = (),
    allow_negative: tuple[str, ...] = (),
):
    """A simulator's CSV upload, read in a worker thread; errors name the uploaded file, not the server's
    temporary copy."""
    if fil is None or not fil.filename:  # a browser sends an empty name when no file is chosen
        return None
    try:
        name = upload_name(fil.filename)
        data = await read_upload(fil, name)
    except HTTPException as exc:
        raise MunicipalDataError(exc.detail) from exc
    return await run_in_threadpool(_read_csv, data, name, required, optional, allow_negative)


def _read_csv(
    data: bytes,
    name: str,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    allow_negative: tuple[str, ...],
):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            return read_municipal_csv(path, required, optional, allow_negative)
        except MunicipalDataError as exc:
            raise MunicipalDataError(str(exc).replace(str(path), name)) from None


@router.get("/simulator/{kind}", response_class=HTMLResponse)
def simulator(request: Request, kind: str) -> HTMLResponse:
    if kind not in ("pulje", "sanktion", "skat"):
        raise HTTPException(404, f"ukendt simulator {kind!r}")
    return _simulator(request, kind, form=_default_form(request, kind))


def _default_form(request: Request, kind: str) -> dict[str, Any]:
    """The simulator's first-use inputs: a year the rules can compute with the default inputs (the same
    defaults as the municipality page's scenario); the tax simulator prefilled for `?kommunekode=` with the
    municipality's latest known udskrivningsprocent."""
    if kind == "skat":
        code = request.query_params.get("kommunekode", "")
        if code not in register().codes:
            return {}
        rates = kommunefakta.tax_rates(code)
        known = [t.udskrivningsprocent for t in rates if t.udskrivningsprocent is not None]
        name = register().names[register().index(code)]
        return {"kommunekode": name, **({"sats_foer": format_danish(Decimal(known[0]))} if known else {})}
    if kind != "sanktion":
        return {}
    year = municipality.default_sanction_year(state(request).agreements())
    defaults = municipality.ScenarioInputs()  # the municipality page's scenario is the simulator's default
    return {
        "aar": year,
        "overskridelse_mio": format_danish(defaults.overskridelse_mio),
        "fordeling": defaults.fordeling,
    }


FieldText = Annotated[str, Form(max_length=fields.MAX_FIELD)]


def _field_error(request: Request, kind: str, exc: fields.FieldErrors, form: dict) -> HTMLResponse:
    """The form again with each wrong field's message at the field, and all of them at the top (422)."""
    summary = "Ret de markerede felter: " + "; ".join(exc.errors.values())
    return _simulator(request, kind, fejl=summary, form=form, feltfejl=exc.errors)


@router.post("/simulator/pulje", response_class=HTMLResponse)
async def simulate_pool(
    request: Request,
    pulje_kr: FieldText,
    gulv_kr: FieldText = "",
    loft_kr: FieldText = "",
    fil: Annotated[UploadFile | None, File()] = None,
) -> Response:
    form: dict[str, Any] = {"pulje_kr": pulje_kr, "gulv_kr": gulv_kr, "loft_kr": loft_kr}
    try:
        numbers = fields.read_numbers(fields.POOL, form)
    except fields.FieldErrors as exc:
        return _field_error(request, "pulje", exc, form)
    pool, floor, cap = (None if v is None else int(v) for v in numbers.values())
    assert pool is not None  # a required field
    try:
        data = await _upload_csv(fil, ("vaerdi",))
    except MunicipalDataError as exc:
        return _simulator(request, "pulje", fejl=str(exc), form=form)
    model: dict[str, Any] = {"pulje_kr": pool, "gulv_kr": floor, "loft_kr": cap}
    if data and fil is not None:
        model |= {"fil": fil.filename, "noegle": data["vaerdi"]}
    return await run_in_threadpool(
        _store_form, request, "pulje", scenarios.PoolForm.model_validate(model), form
    )


@router.post("/simulator/sanktion", response_class=HTMLResponse)
async def simulate_sanction(
    request: Request,
    type_: Annotated[str, Form(alias="type", pattern="^(service|anlaeg|regnskab)$")],
    aar: Annotated[int, Form(ge=1990, le=2100)],
    fordeling: Annotated[str, Form(max_length=30)] = "kollektiv",
    individuel_pct: Annotated[str, Form(max_length=30)] = "",
    overskridelse_mio: FieldText = "0",
    fil: Annotated[UploadFile | None, File()] = None,
    reguleringer: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    form: dict[str, Any] = {
        "type": type_,
        "aar": aar,
        "fordeling": fordeling,
        "individuel_pct": individuel_pct,
        "overskridelse_mio": overskridelse_mio,
        "reguleringer": reguleringer,
    }
    try:
        numbers = fields.read_numbers(fields.SANCTION, form)
    except fields.FieldErrors as exc:
        return _field_error(request, "sanktion", exc, form)
    try:
        data = await _upload_csv(fil, ("serviceudgifter",), ("anlaegsudgifter", "korrigeret_budget", "basis"))
    except MunicipalDataError as exc:
        return _simulator(request, "sanktion", fejl=str(exc), form=form)
    model = form | {"overskridelse_mio": numbers["overskridelse_mio"] or Decimal(0)}
    if data is not None and fil is not None:
        model |= {"fil": fil.filename, "kolonner": data}
    return await run_in_threadpool(
        _store_form, request, "sanktion", scenarios.SanctionForm.model_validate(model), form
    )


@router.post("/simulator/skat", response_class=HTMLResponse)
async def simulate_tax(
    request: Request,
    aar: Annotated[int, Form(ge=1990, le=2100)],
    rationering: Annotated[str, Form(max_length=30)] = "pro-rata",
    graense_mio: Annotated[str, Form(max_length=30)] = "",
    ordning: Annotated[str, Form(pattern="^(aftale|udligning2021)$")] = "aftale",
    kommunekode: Annotated[str | None, Form(max_length=80)] = None,
    udskrivningsgrundlag: FieldText = "",
    sats_foer: FieldText = "",
    sats_efter: FieldText = "",
    tilskud_tilladelse: FieldText = "",
    fil: Annotated[UploadFile | None, File()] = None,
) -> Response:
    form = {
        "tilskud_tilladelse": tilskud_tilladelse,
        "aar": aar,
        "rationering": rationering,
        "graense_mio": graense_mio,
        "ordning": ordning,
        "kommunekode": kommunekode,
        "udskrivningsgrundlag": udskrivningsgrundlag,
        "sats_foer": sats_foer,
        "sats_efter": sats_efter,
    }
    quick = fil is None or not fil.filename
    try:
        numbers = fields.read_numbers(fields.TAX, form)
        code = fields.municipality_code(kommunekode, "kommunekode") if quick and kommunekode else None
    except fields.FieldErrors as exc:
        return _field_error(request, "skat", exc, form)
    try:
        data = await _upload_csv(
            fil, ("udskrivningsgrundlag", "sats_foer", "sats_efter"), tax.OPTIONAL_COLUMNS, tax.SIGNED_COLUMNS
        )
    except MunicipalDataError as exc:
        return _simulator(request, "skat", fejl=str(exc), form=form)
    model: dict[str, Any] = form | numbers | {"kommunekode": code}
    if data is not None and fil is not None:
        model |= {"fil": fil.filename, "kolonner": data}
    return await run_in_threadpool(
        _store_form, request, "skat", scenarios.TaxForm.model_validate(model), form
    )


@router.get("/soeg", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    aar: YearsQ = None,
    kapitel: Annotated[str | None, Query(max_length=200)] = None,
    fra: PeriodQ = None,
    til: PeriodQ = None,
) -> HTMLResponse:
    if not state(request).has_texts():
        return render(request, "ingen_tekst.html", side="Søg")
    first, last = _period(fra, til)
    hits = (
        state(request)
        .knowledge()
        .index.search(q, set(_years(aar)) or None, kapitel or None, limit=20, fra=first, til=last)
        if q
        else []
    )
    return render(
        request,
        "soeg.html",
        q=q,
        fra=first,
        til=last,
        aar=_years(aar),
        kapitel=kapitel or "",
        hits=hits,
        aarene=state(request).knowledge().years,
    )


@router.get("/aftalepunkter", response_class=HTMLResponse)
def commitments_page(
    request: Request,
    aar: YearsQ = None,
    emne: Annotated[str | None, Query(max_length=200)] = None,
    part: Annotated[str | None, Query(max_length=100)] = None,
    art: Annotated[str | None, Query(max_length=100)] = None,
    status: Annotated[str | None, Query(max_length=100)] = None,
    tekst: Annotated[str | None, Query(max_length=200)] = None,
    fra: PeriodQ = None,
    til: PeriodQ = None,
    side: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    if not state(request).has_texts():
        return render(request, "ingen_tekst.html", side="Aftalepunkter")
    first, last = _period(fra, til)
    filters = tracker.Filters(
        aar=_years(aar),
        emne=emne or None,
        part=part or None,
        art=art or None,
        status=status or None,
        tekst=tekst or None,
        fra=first,
        til=last,
    )
    store = state(request).knowledge().store
    shown = tracker.find(store, filters, side, COMMITMENTS_PER_PAGE)
    return render(
        request,
        "aftalepunkter.html",
        items=shown.items,
        antal=shown.antal,
        side=shown.side,
        sider=shown.sider,
        facetter=tracker.facets(store, filters),
        aar=_years(aar),
        emne=emne or "",
        part=part or "",
        art=art or "",
        status=status or "",
        tekst=tekst or "",
        fra=first,
        til=last,
        aarene=state(request).knowledge().years,
    )


MachineQ = Annotated[bool, Query(description="CSV med ',' og decimalpunktum, uden BOM")]


@router.get("/download/{navn}.{fmt}")
def download(
    request: Request,
    navn: str,
    fmt: str,
    aar: YearsQ = None,
    q: Annotated[str, Query(max_length=500)] = "",
    kapitel: Annotated[str | None, Query(max_length=200)] = None,
    emne: Annotated[str | None, Query(max_length=200)] = None,
    part: Annotated[str | None, Query(max_length=100)] = None,
    art: Annotated[str | None, Query(max_length=100)] = None,
    status: Annotated[str | None, Query(max_length=100)] = None,
    tekst: Annotated[str | None, Query(max_length=200)] = None,
    maskine: MachineQ = False,
) -> Response:
    """CSV for Danish Excel (BOM, ';', decimal commas), `?maskine=1` the plain one; XLSX with a simulation's
    inputs, parameters and sources as further sheets (export.py)."""
    years = _years(aar)
    year = years[0] if years else None
    extra: list[export.TableData] = []
    if navn == "oversigt":
        table = overview_table(request)
    elif navn == "rammer":
        table = frames_chart(request, request.query_params.get("priser", "loebende"))[0].table
    elif navn == "sammenligning":
        fra, til = (request.query_params.get(k, "") for k in ("fra", "til"))
        if not (fra.isdigit() and til.isdigit()):
            raise HTTPException(422, "angiv fra= og til= som årstal, fx ?fra=2023&til=2024")
        table = agreements_comparison(request, int(fra), int(til))[0]
    elif navn == "aftale" and year:
        table = agreement_table(request, year)
    elif navn == "balance" and year:
        table = balance_table(request, year)
    elif navn == "kommuner":
        table = municipalities_table()
    elif navn == "dekomponering" and year:
        table = decomposition_table(request, year)
    elif navn == "overholdelse":
        table = compliance_table(request)
    elif navn == "soeg":
        first, last = _period(*(request.query_params.get(k) for k in ("fra", "til")))
        table = search_table(request, q, years, kapitel or None, first, last)
    elif navn == "aftalepunkter":
        first, last = _period(*(request.query_params.get(k) for k in ("fra", "til")))
        table = commitments_view(
            request,
            fra=first,
            til=last,
            aar=years,
            emne=emne or None,
            part=part or None,
            art=art or None,
            status=status or None,
            tekst=tekst or None,
        )
    elif navn in scenarios.KINDS:
        latest = _asked_for(request, navn)
        table = result_table(latest.result)
        extra = export.trace_sheets(latest.result.trace())
    else:
        raise HTTPException(404, f"ukendt tabel {navn!r}")
    return _file(table, f"{navn}{'-' + str(year) if year else ''}.{fmt}", fmt, maskine, extra)


def _file(
    table: export.TableData,
    filename: str,
    fmt: str,
    maskine: bool = False,
    extra: list[export.TableData] | None = None,
) -> Response:
    """A table as a CSV or XLSX download (XLSX: with further sheets, e.g. a result's inputs and sources)."""
    if fmt not in ("csv", "xlsx"):
        raise HTTPException(404, f"ukendt format {fmt!r}; brug csv eller xlsx")
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if fmt == "csv":
        return Response(
            export.to_csv(table, machine=maskine), media_type="text/csv; charset=utf-8", headers=headers
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / filename
        export.to_xlsx(table, path, extra or [])
        data = path.read_bytes()
    return StreamingResponse(
        io.BytesIO(data),
        headers=headers,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


# --- stored scenarios: the address that reproduces a simulation, and two side by side (web/scenarios.py) ----

SortQ = Annotated[str, Query(pattern="^(" + "|".join(scenarios.SORT_KEYS) + ")$")]


def _reproduce(request: Request, sid: str) -> scenarios.Scenario:
    return scenarios.reproduce(state(request).store, state(request).agreements(), scenarios.id_from(sid))


@router.get("/scenarie/{sid}", response_class=HTMLResponse)
def scenario_page(request: Request, sid: str) -> HTMLResponse:
    """A stored simulation, recomputed from its inputs: the simulator with the form as it was filled in."""
    s = _reproduce(request, sid)
    return _simulator(request, s.stored.kind, s)


@router.get("/scenarie/{sid}/download.{fmt}")
def scenario_download(request: Request, sid: str, fmt: str, maskine: MachineQ = False) -> Response:
    s = _reproduce(request, sid)
    name = f"{s.stored.kind}-{s.stored.id}.{fmt}"
    return _file(result_table(s.result), name, fmt, maskine, export.trace_sheets(s.result.trace()))


@router.get("/sammenlign-scenarier", response_class=HTMLResponse)
def scenario_comparison_page(
    request: Request,
    a: Annotated[str, Query(max_length=300)] = "",
    b: Annotated[str, Query(max_length=300)] = "",
    sorter: SortQ = "kode",
    faldende: bool = False,
) -> HTMLResponse:
    """Baseline A and alternative B side by side: totals and the difference per municipality, sortable."""
    if not a or not b:
        return render(request, "sammenlign_scenarier.html", a=a, b=b, fejl=None, rows=None)
    sa, sb = _reproduce(request, a), _reproduce(request, b)
    return render(
        request,
        "sammenlign_scenarier.html",
        a=sa.stored.id,
        b=sb.stored.id,
        sa=sa,
        sb=sb,
        noter=[(x, n) for x, s in (("A", sa), ("B", sb)) if (n := scenarios.changed_note(s))],
        rows=scenarios.sorted_rows(scenarios.comparison_rows(sa, sb), sorter, faldende),
        sorter=sorter,
        faldende=faldende,
        forskel=sb.result.total_kr - sa.result.total_kr,
    )


@router.get("/sammenlign-scenarier/download.{fmt}")
def scenario_comparison_download(
    request: Request,
    fmt: str,
    a: Annotated[str, Query(max_length=300)],
    b: Annotated[str, Query(max_length=300)],
    maskine: MachineQ = False,
) -> Response:
    sa, sb = _reproduce(request, a), _reproduce(request, b)
    table = scenarios.comparison_table(sa, sb)
    return _file(table, f"sammenligning-{sa.stored.id}-{sb.stored.id}.{fmt}", fmt, maskine)
