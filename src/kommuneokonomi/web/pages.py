"""The Danish web UI: server-rendered pages (Jinja2, autoescaped), charts with Vega-Lite served locally,
every table downloadable as CSV and XLSX, every simulated amount explainable (its trace) on click."""

from __future__ import annotations

import io
import json
import tempfile
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from kommuneokonomi import corrections, export
from kommuneokonomi.agreements import REASONS, Agreement
from kommuneokonomi.extraction.keys import fixed_keys, spec_for
from kommuneokonomi.knowledge import tracker
from kommuneokonomi.knowledge.commitments import commitments_table
from kommuneokonomi.knowledge.compare import DECOMPOSITION_PARTS, decompose, decomposition_part
from kommuneokonomi.knowledge.corpus import NoTextsError
from kommuneokonomi.rules import compliance, frames, prices, sanctions, tax
from kommuneokonomi.rules.distribution import distribute_pool
from kommuneokonomi.rules.kommuner import MunicipalDataError, read_municipal_csv, register
from kommuneokonomi.rules.params import RuleError, agreement_value
from kommuneokonomi.rules.result import MunicipalResult
from kommuneokonomi.web.api import MAX_UPLOAD_BYTES, state

TEMPLATES = Jinja2Templates(directory=str(Path(str(resources.files("kommuneokonomi.web"))) / "templates"))
router = APIRouter(include_in_schema=False)
COOKIE = "scenarie"
COMMITMENTS_PER_PAGE = 50
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


def _dk(value: Any, decimals: int | None = None) -> str:
    return export.danish_number(value, decimals)


def _mio(value: Any) -> str:
    return "–" if value is None else f"{export.danish_number(Decimal(str(value)), 1)} mio. kr."


def _kr(value: Any) -> str:
    return "–" if value is None else f"{export.danish_number(int(value))} kr."


def _highlight(snippet: str) -> Markup:
    """A search snippet with «words» marked: the text is escaped first, then the marks become <mark>."""
    return Markup(str(escape(snippet)).replace("«", "<mark>").replace("»", "</mark>"))


TEMPLATES.env.filters.update(dk=_dk, mio=_mio, kr=_kr, highlight=_highlight)


def _spec_json(spec: dict) -> str:
    """A chart spec for a <script type="application/json"> tag: "</" escaped so no text can close the tag."""
    return json.dumps(spec, ensure_ascii=False).replace("</", "<\\/")


def render(request: Request, template: str, http_status: int = 200, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(
        request, template, {"request": request, **context}, status_code=http_status
    )


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "fejl.html", http_status=status, status_code=status, besked=message)


def _scenario(request: Request) -> tuple[str, dict[str, Any]]:
    return state(request).scenario(request.cookies.get(COOKIE))


def _with_cookie(response: HTMLResponse, sid: str) -> HTMLResponse:
    response.set_cookie(COOKIE, sid, httponly=True, samesite="lax")
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
        "Nøgletal pr. budgetår", ["Nøgletal", "Enhed"] + [str(y) for y in agreements], rows
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
        f"Balance for kommunerne i {aar} (mio. kr., {aar}-pl)", ["Post", "Mio. kr."], rows
    )


def municipalities_table() -> export.TableData:
    reg = register()
    rows = [
        [c, n, r, int(p)]
        for c, n, r, p in zip(reg.codes, reg.names, reg.regions, reg.population, strict=True)
    ]
    return export.TableData(
        f"Kommuner (befolkning {reg.population_date})",
        ["Kommunekode", "Kommune", "Region", "Befolkning"],
        rows,
    )


def result_table(result: MunicipalResult) -> export.TableData:
    reg = register()
    rows = [[c, n, a] for c, n, a in zip(reg.codes, reg.names, result.amounts_kr, strict=True)]
    rows.append(["I alt", "", result.total_kr])
    return export.TableData(result.rule, ["Kommunekode", "Kommune", "Beløb (kr.)"], rows)


def search_table(request: Request, q: str, aar: list[int], kapitel: str | None) -> export.TableData:
    hits = state(request).knowledge().index.search(q, set(aar) or None, kapitel, limit=50) if q else []
    rows = [
        [str(h.aar), h.afsnit or "", f"{h.linje_fra}-{h.linje_til}", round(h.score, 2), h.uddrag]
        for h in hits
    ]
    return export.TableData(f"Søgning: {q}", ["År", "Afsnit", "Linjer", "Score", "Uddrag"], rows)


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
    sats2021: Annotated[float | None, Query(ge=-20, le=50, allow_inf_nan=False)] = None,
) -> HTMLResponse:
    agreements = state(request).agreements()
    year = aar if aar in agreements else max(agreements)
    supplied = {2021: Decimal(repr(sats2021))} if sats2021 is not None else {}
    chart_rows, note = [], None
    for key in FRAME_SERIES:
        if priser == "loebende":  # as agreed, each year in its own price level: no conversion needed
            chart_rows += [
                {"aar": str(y), "ramme": spec_for(key).label, "mio": float(fig.value)}
                for y, a in agreements.items()
                if (fig := a.figures.get(key)) and fig.value is not None
            ]
            continue
        try:
            rows = prices.series(key, max(agreements), agreements, supplied)
        except RuleError as exc:
            note = str(exc)
            continue
        chart_rows += [
            {"aar": str(r["aar"]), "ramme": spec_for(key).label, "mio": float(r["faste"])}
            for r in rows
            if r["faste"] is not None
        ]
        note = note or next((r["bemaerkning"] for r in rows if r["faste"] is None), None)
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": "container",
        "height": 260,
        "data": {"values": chart_rows},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "aar", "type": "ordinal", "title": "Budgetår"},
            "y": {"field": "mio", "type": "quantitative", "title": "mio. kr.", "scale": {"zero": False}},
            "color": {"field": "ramme", "type": "nominal", "title": None},
            "tooltip": [{"field": "ramme"}, {"field": "aar"}, {"field": "mio", "format": ",.1f"}],
        },
    }
    return render(
        request,
        "oversigt.html",
        aftaler=agreements,
        aar=year,
        priser=priser,
        sats2021=sats2021,
        note=note if priser == "faste" else None,
        spec=_spec_json(spec),
        balance=balance_table(request, year),
        dekomponering=decomposition_table(request, year),
        tabel=overview_table(request),
    )


def decomposition_table(request: Request, aar: int) -> export.TableData:
    """A frame's change from the previous known year to `aar`: PL, the stated lift, DUT mv., unexplained."""
    agreements = state(request).agreements()
    rows = []
    for key in FRAME_SERIES:
        years = [y for y, a in agreements.items() if y <= aar and a.figures.get(key) and a.figures[key].value]
        if len(years) < 2 or years[-1] != aar:
            continue
        fra, til = years[-2], years[-1]
        va, vb = (agreement_value(agreements[y], key)[0] for y in (fra, til))
        row: dict[str, Any] = {"dekomponering": None, "bemaerkning": None}
        try:
            row.update(decompose(key, fra, til, va, vb, agreements))
        except RuleError as exc:
            row["bemaerkning"] = str(exc)
        rows.append(
            [spec_for(key).label, f"{fra} → {til}", va, vb, vb - va]
            + [decomposition_part(row, name) for name in DECOMPOSITION_PARTS]
            + [row["bemaerkning"] or ""]
        )
    return export.TableData(
        f"Ændringen af rammerne til {aar} delt op (mio. kr.; PL-omregnet forskel ≠ real vækst alene)",
        ["Ramme", "År", "Fra", "Til", "Ændring", *DECOMPOSITION_PARTS, "Bemærkning"],
        rows,
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
    )


def _done_message(request: Request, a: Agreement) -> str | None:
    """After the form: what was corrected or undone (built here from the key, never echoed from the URL)."""
    corrected, undone = request.query_params.get("rettet"), request.query_params.get("fortrudt")
    if corrected in a.corrections:
        fig = a.figures[corrected]
        return f"{spec_for(corrected).label} er rettet til {_dk(fig.value)} {fig.unit or ''}".strip() + "."
    if undone in a.figures:
        return (
            f"Rettelsen af {spec_for(undone).label} er fortrudt; værdien er nu {_dk(a.figures[undone].value)}"
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
) -> Response:
    """The correction form: on success back to the page (its figure marked), else the page with the error."""
    agreement_table(request, aar)  # 404 for a year without an agreement
    form = {"noegle": noegle, "vaerdi": vaerdi, "kilde": kilde, "note": note, "bruger": bruger}
    try:
        stored, _ = corrections.correct(
            state(request).store, aar, noegle, vaerdi, kilde, note, bruger, force=tving
        )
    except corrections.CorrectionError as exc:
        return _agreement_view(request, aar, http_status=422, fejl=str(exc), form=form)
    return RedirectResponse(f"/aftale/{aar}?{urlencode({'rettet': stored.key})}#figur-{stored.key}", 303)


@router.post("/aftale/{aar}/rettelser/{noegle}/fortryd", response_class=HTMLResponse)
def agreement_undo(
    request: Request,
    aar: int,
    noegle: str,
    bruger: Annotated[str, Form(max_length=corrections.MAX_USER)] = "",
) -> Response:
    agreement_table(request, aar)
    try:
        undone, _ = corrections.undo(state(request).store, aar, noegle, bruger)
    except corrections.CorrectionError as exc:
        raise HTTPException(404, str(exc)) from exc
    return RedirectResponse(f"/aftale/{aar}?{urlencode({'fortrudt': undone.key})}#figur-{undone.key}", 303)


@router.get("/kommuner", response_class=HTMLResponse)
def municipalities_page(request: Request) -> HTMLResponse:
    return render(request, "kommuner.html", tabel=municipalities_table())


@router.get("/kommune/{kode}", response_class=HTMLResponse)
def municipality_page(request: Request, kode: str) -> HTMLResponse:
    reg = register()
    if kode not in reg.codes:
        raise HTTPException(404, f"ukendt kommunekode {kode}")
    i = reg.index(kode)
    share = Decimal(int(reg.population[i])) / Decimal(int(reg.population.sum()))
    example = distribute_pool(1_000_000_000)
    sid, scenario = _scenario(request)
    results = [
        {"navn": name, "beloeb": r.amounts_kr[i], "trace": r.trace(kode).text(), "total": r.total_kr}
        for name, r in scenario.items()
    ]
    return _with_cookie(
        render(
            request,
            "kommune.html",
            kode=kode,
            navn=reg.names[i],
            region=reg.regions[i],
            befolkning=int(reg.population[i]),
            dato=reg.population_date,
            andel=share * 100,
            eksempel=example.amounts_kr[i],
            resultater=results,
        ),
        sid,
    )


def _simulator(
    request: Request,
    kind: str,
    result: MunicipalResult | None = None,
    fejl: str | None = None,
    form: dict | None = None,
) -> HTMLResponse:
    sid, scenario = _scenario(request)
    if result is not None:
        scenario[kind] = result
    current = scenario.get(kind)
    context: dict[str, Any] = {
        "kind": kind,
        "fejl": fejl,
        "form": form or {},
        "aftaler": state(request).agreements(),
    }
    if current is not None:
        reg = register()
        rows = [
            {"kode": c, "navn": n, "beloeb": a, "trace": current.trace(c).text()}
            for c, n, a in zip(reg.codes, reg.names, current.amounts_kr, strict=True)
        ]
        top = sorted(rows, key=lambda r: -abs(r["beloeb"]))[:25]
        spec = {
            "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "width": "container",
            "height": 300,
            "data": {"values": [{"kommune": r["navn"], "kr": r["beloeb"]} for r in top]},
            "mark": "bar",
            "encoding": {
                "x": {"field": "kommune", "type": "nominal", "sort": "-y", "title": None},
                "y": {"field": "kr", "type": "quantitative", "title": "kr."},
                "tooltip": [{"field": "kommune"}, {"field": "kr", "format": ",.0f"}],
            },
        }
        context.update(result=current, rows=rows, spec=_spec_json(spec), samlet=current.trace().text())
    return _with_cookie(
        render(request, f"simulator_{kind}.html", http_status=422 if fejl else 200, **context), sid
    )


async def _upload_csv(
    fil: UploadFile | None,
    required: tuple[str, ...],
    optional: tuple[str, ...] = (),
    allow_negative: tuple[str, ...] = (),
):
    if fil is None or not fil.filename:
        return None
    data = await fil.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise MunicipalDataError(
            f"{fil.filename}: filen er over grænsen på {MAX_UPLOAD_BYTES // 1024 // 1024} MB"
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(fil.filename).name
        path.write_bytes(data)
        return read_municipal_csv(path, required, optional, allow_negative)


def _by_population(total: Decimal) -> list[Decimal]:
    pop = [Decimal(int(p)) for p in register().population]
    return [total * p / sum(pop) for p in pop]


@router.get("/simulator/{kind}", response_class=HTMLResponse)
def simulator(request: Request, kind: str) -> HTMLResponse:
    if kind not in ("pulje", "sanktion", "skat"):
        raise HTTPException(404, f"ukendt simulator {kind!r}")
    return _simulator(request, kind)


@router.post("/simulator/pulje", response_class=HTMLResponse)
async def simulate_pool(
    request: Request,
    pulje_kr: Annotated[int, Form(ge=0, le=10**13)],
    gulv_kr: Annotated[int | None, Form(ge=0, le=10**13)] = None,
    loft_kr: Annotated[int | None, Form(ge=0, le=10**13)] = None,
    fil: Annotated[UploadFile | None, File()] = None,
) -> HTMLResponse:
    form = {"pulje_kr": pulje_kr, "gulv_kr": gulv_kr, "loft_kr": loft_kr}
    try:
        data = await _upload_csv(fil, ("vaerdi",))
        if data and fil is not None:
            result = distribute_pool(
                pulje_kr, data["vaerdi"], "brugerens nøgle", fil.filename, gulv_kr, loft_kr
            )
        else:
            result = distribute_pool(pulje_kr, floors=gulv_kr, caps=loft_kr)
    except (RuleError, MunicipalDataError) as exc:
        return _simulator(request, "pulje", fejl=str(exc), form=form)
    return _simulator(request, "pulje", result, form=form)


@router.post("/simulator/sanktion", response_class=HTMLResponse)
async def simulate_sanction(
    request: Request,
    type_: Annotated[str, Form(alias="type", pattern="^(service|anlaeg|regnskab)$")],
    aar: Annotated[int, Form(ge=1990, le=2100)],
    fordeling: Annotated[str, Form(max_length=30)] = "kollektiv",
    overskridelse_mio: Annotated[float, Form(ge=-1e6, le=1e6, allow_inf_nan=False)] = 0.0,
    fil: Annotated[UploadFile | None, File()] = None,
    reguleringer: Annotated[str, Form(max_length=5000)] = "",
) -> HTMLResponse:
    form = {
        "type": type_,
        "aar": aar,
        "fordeling": fordeling,
        "overskridelse_mio": overskridelse_mio,
        "reguleringer": reguleringer,
    }
    agreements = state(request).agreements()
    try:
        split = sanctions.Split.parse(fordeling)
        user = [
            frames.parse_adjustment(line.strip(), sanctions.MAIN_TARGET[type_])
            for line in reguleringer.splitlines()
            if line.strip()
        ]
        data = await _upload_csv(fil, ("serviceudgifter",), ("anlaegsudgifter", "korrigeret_budget", "basis"))
        if data is None:  # quick mode: the tested (adjusted) frames spread by population, plus the overrun
            frame = sanctions.adjusted_frame("serviceramme", aar, agreements, user=user).level
            over = Decimal(repr(overskridelse_mio))
            data = {
                "serviceudgifter": _by_population(frame + (over if type_ != "anlaeg" else 0)),
                "korrigeret_budget": _by_population(frame),
            }
            if type_ == "anlaeg":
                a_frame = sanctions.adjusted_frame("anlaegsramme", aar, agreements, user=user).level
                data["anlaegsudgifter"] = _by_population(a_frame + over)
        result = sanctions.sanction(type_, aar, data, split, agreements=agreements, reguleringer=user)
    except (RuleError, MunicipalDataError) as exc:
        return _simulator(request, "sanktion", fejl=str(exc), form=form)
    return _simulator(request, "sanktion", result, form=form)


@router.post("/simulator/skat", response_class=HTMLResponse)
async def simulate_tax(
    request: Request,
    aar: Annotated[int, Form(ge=1990, le=2100)],
    rationering: Annotated[str, Form(max_length=30)] = "pro-rata",
    ordning: Annotated[str, Form(pattern="^(aftale|udligning2021)$")] = "aftale",
    kommunekode: Annotated[str | None, Form(max_length=3)] = None,
    udskrivningsgrundlag: Annotated[float | None, Form(ge=0, le=1e7, allow_inf_nan=False)] = None,
    sats_foer: Annotated[float | None, Form(ge=0, le=100, allow_inf_nan=False)] = None,
    sats_efter: Annotated[float | None, Form(ge=0, le=100, allow_inf_nan=False)] = None,
    tilskud_tilladelse: Annotated[float | None, Form(ge=0, le=1e7, allow_inf_nan=False)] = None,
    fil: Annotated[UploadFile | None, File()] = None,
) -> HTMLResponse:
    form = {
        "tilskud_tilladelse": tilskud_tilladelse,
        "aar": aar,
        "rationering": rationering,
        "ordning": ordning,
        "kommunekode": kommunekode,
        "udskrivningsgrundlag": udskrivningsgrundlag,
        "sats_foer": sats_foer,
        "sats_efter": sats_efter,
    }
    reg = register()
    try:
        data = await _upload_csv(
            fil, ("udskrivningsgrundlag", "sats_foer", "sats_efter"), tax.OPTIONAL_COLUMNS, tax.SIGNED_COLUMNS
        )
        if data is None:  # quick mode: one municipality changes its rate, the others keep theirs
            if kommunekode is None or udskrivningsgrundlag is None or sats_foer is None or sats_efter is None:
                raise MunicipalDataError(
                    "angiv kommunekode, udskrivningsgrundlag og satser, eller en CSV-fil"
                )
            i = reg.index(kommunekode)
            base = [Decimal(0)] * reg.size
            base[i] = Decimal(repr(udskrivningsgrundlag))
            before = [Decimal(repr(sats_foer))] * reg.size
            after = list(before)
            after[i] = Decimal(repr(sats_efter))
            data = {"udskrivningsgrundlag": base, "sats_foer": before, "sats_efter": after}
            if tilskud_tilladelse:
                granted = [Decimal(0)] * reg.size
                granted[i] = Decimal(repr(tilskud_tilladelse))
                data["tilskud_tilladelse"] = granted
        inp = tax.TaxInput.from_columns(data, ordning)
        result = tax.tax(aar, inp, tax.Rationing.parse(rationering), state(request).agreements())
    except (RuleError, MunicipalDataError) as exc:
        return _simulator(request, "skat", fejl=str(exc), form=form)
    return _simulator(request, "skat", result, form=form)


@router.get("/soeg", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    aar: YearsQ = None,
    kapitel: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    if not state(request).has_texts():
        return render(request, "ingen_tekst.html", side="Søg")
    hits = (
        state(request).knowledge().index.search(q, set(_years(aar)) or None, kapitel or None, limit=20)
        if q
        else []
    )
    return render(
        request,
        "soeg.html",
        q=q,
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
    side: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    if not state(request).has_texts():
        return render(request, "ingen_tekst.html", side="Aftalepunkter")
    filters = tracker.Filters(
        aar=_years(aar),
        emne=emne or None,
        part=part or None,
        art=art or None,
        status=status or None,
        tekst=tekst or None,
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
        aarene=state(request).knowledge().years,
    )


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
) -> Response:
    if fmt not in ("csv", "xlsx"):
        raise HTTPException(404, f"ukendt format {fmt!r}; brug csv eller xlsx")
    years = _years(aar)
    year = years[0] if years else None
    if navn == "oversigt":
        table = overview_table(request)
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
        table = search_table(request, q, years, kapitel or None)
    elif navn == "aftalepunkter":
        table = commitments_view(
            request,
            aar=years,
            emne=emne or None,
            part=part or None,
            art=art or None,
            status=status or None,
            tekst=tekst or None,
        )
    elif navn in ("pulje", "sanktion", "skat"):
        _, scenario = _scenario(request)
        if navn not in scenario:
            raise HTTPException(404, "ingen simulering endnu: kør simulatoren først")
        table = result_table(scenario[navn])
    else:
        raise HTTPException(404, f"ukendt tabel {navn!r}")
    filename = f"{navn}{'-' + str(year) if year else ''}.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if fmt == "csv":
        return Response(export.to_csv(table), media_type="text/csv; charset=utf-8", headers=headers)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / filename
        export.to_xlsx(table, path)
        data = path.read_bytes()
    return StreamingResponse(
        io.BytesIO(data),
        headers=headers,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
