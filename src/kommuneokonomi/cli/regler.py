"""The rules' commands: `priser`, `fordel`, `sanktion`, `skat` (table, CSV, JSON, XLSX; `--explain KODE`),
and `data befolkning` (population per municipality from Danmarks Statistik)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kommuneokonomi.cli.common import (
    DbOption,
    FormatOption,
    OutputOption,
    SatsOption,
    app,
    check_format,
    emit,
    err,
    fail,
    open_store,
    out,
    run,
    write_table,
)

if TYPE_CHECKING:  # the rules (numpy) are imported by the commands when they run
    from kommuneokonomi.rules import frames
    from kommuneokonomi.rules.kommuner import Population
    from kommuneokonomi.rules.result import MunicipalResult

PopulationOption = Annotated[
    Path | None,
    typer.Option(
        "--befolkning",
        help="CSV kommunekode,vaerdi[,aar]: befolkning som kollektiv nøgle (ellers tilskudsårets fra "
        "datamappen — budgetåret; for regnskab året efter — ellers 1.1.2020; advarsel når året er et andet)",
    ),
]
ExplainOption = Annotated[
    str | None, typer.Option("--explain", help="vis sporet (forklaringen) for én kommunekode")
]


def _decimal(text: str, what: str) -> Decimal:
    from kommuneokonomi.rules.params import RuleError, finite_decimal

    try:
        return finite_decimal(text, what)
    except RuleError as exc:
        raise fail(str(exc)) from exc


def _kroner(text: str | None, what: str) -> int | None:
    """Whole kroner typed the Danish way ("1.000.000" is a million, never 1); None when not given."""
    if text is None:
        return None
    value = _decimal(text, what)
    if value != value.to_integral_value():
        raise fail(f"{what}: {text!r} skal være et helt antal kroner")
    return int(value)


def _output(
    result: MunicipalResult,
    fmt: str,
    output: Path | None,
    explain: str | None,
    head: dict[str, Any],
    extra_columns: dict[str, list[Any]] | None = None,
) -> None:
    from kommuneokonomi import export

    if explain is not None:
        trace = run(result.trace, explain)
        emit(export.to_json(trace.model_dump()) if fmt == "json" else trace.text(), output)
        return
    municipalities = result.municipalities()
    for name, values in (extra_columns or {}).items():
        for row, value in zip(municipalities, values, strict=True):
            row[name] = value
    if fmt == "json":
        emit(export.to_json({**head, "kommuner": municipalities}), output)
        return
    columns = list(municipalities[0])
    rows = [
        [
            m[c] if not isinstance(m[c], dict) else "; ".join(f"{k}: {v}" for k, v in m[c].items())
            for c in columns
        ]
        for m in municipalities
    ]
    rows.append(["I alt", "", result.total_kr] + [""] * (len(columns) - 3))
    table = export.TableData(result.rule, columns, rows, sheet="Resultat")
    write_table(table, fmt, output, "resultat.xlsx", export.trace_sheets(result.trace()))


def register() -> None:
    @app.command()
    def priser(
        beloeb: Annotated[
            str | None, typer.Option("--beloeb", help="beløb (fx mio. kr.) i fra-årets prisniveau")
        ] = None,
        fra: Annotated[int | None, typer.Option("--fra", help="prisniveau beløbet er i")] = None,
        til: int = typer.Option(..., "--til", help="prisniveau der omregnes til"),
        indeks: Annotated[str, typer.Option("--indeks", help="service, anlaeg eller samlet")] = "samlet",
        sats: SatsOption = None,
        serie: Annotated[
            str | None, typer.Option("--serie", help="vis et nøgletal over årene, fx serviceramme")
        ] = None,
        fmt: FormatOption = "table",
        output: OutputOption = None,
        db: DbOption = None,
    ) -> None:
        """Omregn mellem prisniveauer (PL) ved at kæde årlige skøn for ét indeks; eller vis en serie."""
        from kommuneokonomi import export
        from kommuneokonomi.agreements import load_agreements
        from kommuneokonomi.rules import prices

        check_format(fmt)
        supplied = run(prices.parse_rates, sats or [])
        agreements = load_agreements(open_store(db))
        if serie:
            rows = run(
                prices.series,
                serie,
                til,
                agreements,
                supplied,
                indeks if indeks != "samlet" or serie not in prices.SERIES_INDEX else None,
            )
            if fmt == "json":
                emit(export.to_json({"serie": serie, "prisniveau": til, "aar": rows}), output)
                return
            write_table(
                export.TableData(
                    f"{serie} i løbende og faste {til}-priser (mio. kr.)",
                    ["År", "Løbende priser", f"Faste {til}-priser", "Indeks", "Faktor"],
                    [[str(r["aar"]), r["loebende"], r["faste"], r["indeks"], r["faktor"]] for r in rows],
                ),
                fmt,
                output,
                default_name=f"{serie}.xlsx",
            )
            return
        if beloeb is None or fra is None:
            raise fail("angiv --beloeb og --fra (eller --serie)")
        conv = run(prices.convert, _decimal(beloeb, "--beloeb"), fra, til, indeks, agreements, supplied)
        data = conv.to_json()
        if fmt == "json":
            emit(export.to_json(data), output)
            return
        rows = [[str(s["aar"]), s["pct"], s["kilde"]] for s in data["trin"]]
        rows.append(["Resultat", conv.result, f"{conv.amount} i {fra}-pl × {conv.factor} = {til}-pl"])
        write_table(
            export.TableData(f"PL-omregning ({indeks}) fra {fra} til {til}", ["År", "Pct.", "Kilde"], rows),
            fmt,
            output,
            default_name="priser.xlsx",
        )

    @app.command()
    def fordel(
        pulje_kr: Annotated[
            str, typer.Option("--pulje-kr", help='puljen i hele kroner, dansk talformat ("1.000.000")')
        ],
        noegle: Annotated[
            Path | None, typer.Option("--noegle", help="CSV: kommunekode,vaerdi[,gulv_kr][,loft_kr]")
        ] = None,
        gulv_kr_text: Annotated[
            str | None, typer.Option("--gulv-kr", help="samme gulv for alle kommuner (kr.)")
        ] = None,
        loft_kr_text: Annotated[
            str | None, typer.Option("--loft-kr", help="samme loft for alle kommuner (kr.)")
        ] = None,
        fmt: FormatOption = "table",
        output: OutputOption = None,
        explain: ExplainOption = None,
        aar: Annotated[
            int | None,
            typer.Option("--aar", help="tilskudsåret: fordel efter det års befolkning (uden --noegle)"),
        ] = None,
        befolkning: PopulationOption = None,
    ) -> None:
        """Fordel en pulje på de 98 kommuner efter befolkning eller nøgle, i hele kroner, der summerer."""
        from kommuneokonomi.rules.distribution import distribute_pool
        from kommuneokonomi.rules.kommuner import read_municipal_csv

        check_format(fmt)
        pool = _kroner(pulje_kr, "--pulje-kr")
        assert pool is not None
        gulv_kr, loft_kr = _kroner(gulv_kr_text, "--gulv-kr"), _kroner(loft_kr_text, "--loft-kr")
        floors: int | list[int] | None = gulv_kr
        caps: int | list[int | None] | None = loft_kr
        weights, name, source = None, None, None
        if noegle is not None:
            data = run(read_municipal_csv, noegle, ("vaerdi",), ("gulv_kr", "loft_kr"))
            weights, name, source = data["vaerdi"], noegle.name, f"brugerens nøgle {noegle}"
            if "gulv_kr" in data:
                floors = [int(v) if v is not None else (gulv_kr or 0) for v in data["gulv_kr"]]
            if "loft_kr" in data:
                caps = [int(v) if v is not None else loft_kr for v in data["loft_kr"]]
        if noegle is not None and (aar is not None or befolkning is not None):
            raise fail("--noegle er selve nøglen: brug den uden --aar og --befolkning")
        result = run(distribute_pool, pool, weights, name, source, floors, caps, aar, _population(befolkning))
        _warn(result)
        head = {"pulje_kr": pool, "noegle": result.inputs["noegle"], **result.summary}
        _output(result, fmt, output, explain, head)

    @app.command()
    def sanktion(
        type_: Annotated[str, typer.Option("--type", help="service, anlaeg eller regnskab")],
        aar: Annotated[int, typer.Option("--aar", help="budget- eller regnskabsåret")],
        input_: Annotated[
            Path,
            typer.Option(
                "--input",
                help="CSV: kommunekode,serviceudgifter,anlaegsudgifter"
                "[,korrigeret_budget][,basis] i mio. kr.",
            ),
        ],
        fordeling: Annotated[
            str, typer.Option("--fordeling", help="kollektiv, individuel eller delt:<pct>")
        ] = "kollektiv",
        serviceramme: Annotated[
            str | None, typer.Option("--serviceramme", help="mio. kr. (ellers aftalens)")
        ] = None,
        anlaegsramme: Annotated[
            str | None, typer.Option("--anlaegsramme", help="mio. kr. (ellers aftalens)")
        ] = None,
        korrektion: Annotated[
            str, typer.Option("--korrektion", help="korrektioner af rammen, mio. kr.")
        ] = "0",
        uden_modregning: Annotated[
            bool, typer.Option("--uden-modregning", help="anlæg: modregn ikke en serviceunderskridelse")
        ] = False,
        fmt: FormatOption = "table",
        output: OutputOption = None,
        befolkning: PopulationOption = None,
        explain: ExplainOption = None,
        db: DbOption = None,
        reguleringer: Annotated[
            Path | None,
            typer.Option(
                "--reguleringer",
                help="YAML/CSV med egne reguleringer: ramme,aar,art,beloeb|niveau,dato,kilde,betegnelse",
            ),
        ] = None,
        regulering: Annotated[
            list[str] | None,
            typer.Option(
                "--regulering",
                help="egen regulering [RAMME:]ART:BELØB[:KILDE], fx DUT:-120:lov nr. 1/2024 (kan gentages)",
            ),
        ] = None,
        uden_leverede: Annotated[
            bool,
            typer.Option("--uden-leverede-reguleringer", help="brug ikke de leverede reguleringer (DUT mv.)"),
        ] = False,
        betinget_service: Annotated[
            str | None, typer.Option("--betinget-service", help="betinget bloktilskud, service, mio. kr.")
        ] = None,
        betinget_anlaeg: Annotated[
            str | None, typer.Option("--betinget-anlaeg", help="betinget bloktilskud, anlæg, mio. kr.")
        ] = None,
    ) -> None:
        """Sanktioner: servicesanktion, anlægssanktion (budget) og regnskabssanktion (40/60), mod de
        regulerede rammer (aftalens tal + DUT mv.); regnskabet mod budgetterne som korrigeret."""
        from kommuneokonomi.agreements import load_agreements
        from kommuneokonomi.rules import sanctions
        from kommuneokonomi.rules.kommuner import read_municipal_csv

        check_format(fmt)
        if type_ not in sanctions.SANCTION_COLUMNS:
            raise fail(f"ukendt --type {type_!r}; brug service, anlaeg eller regnskab")
        agreements = load_agreements(open_store(db))
        split = run(sanctions.Split.parse, fordeling)
        required = sanctions.SANCTION_COLUMNS[type_]
        optional = tuple(
            c
            for c in ("serviceudgifter", "anlaegsudgifter", "korrigeret_budget", "basis")
            if c not in required
        )
        data = run(read_municipal_csv, input_, required, optional)
        s_frame = _decimal(serviceramme, "--serviceramme") if serviceramme else None
        a_frame = _decimal(anlaegsramme, "--anlaegsramme") if anlaegsramme else None
        user = _user_adjustments(reguleringer, regulering, sanctions.MAIN_TARGET[type_])
        corr = _decimal(korrektion, "--korrektion")
        modregn = False if uden_modregning else None
        result = run(
            sanctions.sanction,
            type_,
            aar,
            data,
            split,
            s_frame,
            a_frame,
            corr,
            modregn,
            agreements,
            _population(befolkning),
            user,
            not uden_leverede,
            _decimal(betinget_service, "--betinget-service") if betinget_service else None,
            _decimal(betinget_anlaeg, "--betinget-anlaeg") if betinget_anlaeg else None,
        )
        _warn(result)
        head = {
            "type": type_,
            "aar": aar,
            "fordeling": split.label if type_ != "regnskab" else "40/60",
            "reduktion_kr": result.total_kr,
            **result.summary,
        }
        _output(result, fmt, output, explain, head)
        if fmt != "json" and explain is None:
            to = out if fmt == "table" and output is None else err
            for line in frames_text(result.summary.get("rammer", [])):
                to.print(line, highlight=False, markup=False)

    @app.command()
    def skat(
        aar: Annotated[int, typer.Option("--aar", help="budgetåret for skatteændringerne")],
        input_: Annotated[
            Path,
            typer.Option(
                "--input",
                help="CSV: kommunekode,udskrivningsgrundlag,sats_foer,sats_efter[,tilladelse][,sats_2020]"
                "[,provenu_grundskyld][,provenu_daekningsafgift][,tilladelse_udligning]"
                "[,tilskud_tilladelse][,tilskud_tilladelse_udligning] (beløb i mio. kr.)",
            ),
        ],
        rationering: Annotated[
            str, typer.Option("--rationering", help="pro-rata eller graense:<mio. kr.>")
        ] = "pro-rata",
        ordning: Annotated[
            str,
            typer.Option(
                "--ordning",
                help="ordningen for kolonnen tilskud_tilladelse: aftale (årets aftale) eller udligning2021 "
                "(UDL § 17 e); kolonnen tilskud_tilladelse_udligning er altid § 17 e",
            ),
        ] = "aftale",
        fradragsbeloeb: Annotated[
            str | None,
            typer.Option(
                "--fradragsbeloeb",
                help="beløb fastsat af ministeren efter SKL § 11, stk. 1 (mio. kr.): ingen sanktion hvis "
                "forhøjelsen er under det, ellers fratrækkes det (§ 7, stk. 3); standard: intet",
            ),
        ] = None,
        ramme_skatteforhoejelse: Annotated[
            str | None,
            typer.Option(
                "--ramme-skatteforhoejelse", help="rammen for tilladelser, mio. kr. (ellers aftalens)"
            ),
        ] = None,
        tilskudsramme: Annotated[
            str | None,
            typer.Option("--tilskudsramme", help="aftaleordningens ramme, mio. kr. (ellers aftalens)"),
        ] = None,
        tilskudsprocenter: Annotated[
            str | None,
            typer.Option(
                "--tilskudsprocenter", help="aftaleordningens procenter fra budgetåret, fx 75,50,50,25"
            ),
        ] = None,
        ramme_udligning: Annotated[
            str | None,
            typer.Option(
                "--ramme-udligning", help="§ 17 e-rammen, mio. kr. (ellers lovens loft + aftalens forhøjelse)"
            ),
        ] = None,
        fmt: FormatOption = "table",
        output: OutputOption = None,
        befolkning: Annotated[
            Path | None,
            typer.Option(
                "--befolkning",
                help="CSV kommunekode,vaerdi[,aar]: befolkning som kollektiv nøgle (ellers budgetårets fra "
                "datamappen, ellers 1.1.2020)",
            ),
        ] = None,
        explain: ExplainOption = None,
        db: DbOption = None,
    ) -> None:
        """Skat: provenuændring, individuel sanktion, kollektiv modregning og tilskud til nedsættelser."""
        from kommuneokonomi.agreements import load_agreements
        from kommuneokonomi.rules import tax
        from kommuneokonomi.rules.kommuner import population, read_municipal_csv
        from kommuneokonomi.rules.kommuner import register as municipalities

        check_format(fmt)
        agreements = load_agreements(open_store(db))
        data = run(
            read_municipal_csv,
            input_,
            ("udskrivningsgrundlag", "sats_foer", "sats_efter"),
            tax.OPTIONAL_COLUMNS,
            tax.SIGNED_COLUMNS,
        )
        rates = [v for c in ("sats_foer", "sats_efter") for v in data[c] if v is not None]
        if any(v > 100 for v in rates):
            raise fail(f"{input_}: en udskrivningsprocent over 100: satserne skal angives i pct. (fx 24,9)")
        if rates and max(rates) < 1:
            raise fail(f"{input_}: alle satser er under 1: angiv dem i pct. (fx 24,9), ikke som andele")
        inp = run(tax.TaxInput.from_columns, data, ordning)
        options = tax.TaxOptions(
            fradragsbeloeb=_decimal(fradragsbeloeb, "--fradragsbeloeb") if fradragsbeloeb else None,
            ramme_skatteforhoejelse=_decimal(ramme_skatteforhoejelse, "--ramme-skatteforhoejelse")
            if ramme_skatteforhoejelse
            else None,
            tilskudsramme=_decimal(tilskudsramme, "--tilskudsramme") if tilskudsramme else None,
            tilskudsprocenter=tuple(
                _decimal(p.strip(), "--tilskudsprocenter") for p in tilskudsprocenter.split(",") if p.strip()
            )
            if tilskudsprocenter
            else None,
            ramme_udligning=_decimal(ramme_udligning, "--ramme-udligning") if ramme_udligning else None,
        )
        key = run(population, aar, befolkning)
        result = run(tax.tax, aar, inp, run(tax.Rationing.parse, rationering), agreements, key, options)
        _warn(result)
        details = result.summary["detaljer"]
        head = {
            "aar": aar,
            "ordning": ordning,
            "rationering": rationering,
            **{k: v for k, v in result.summary.items() if k != "detaljer"},
        }
        years = sorted(details["individuel"])
        extra = {
            "provenuaendring_kr": details["provenuaendring"],
            "individuel_sanktion_kr": [
                {str(y): details["individuel"][y][i] for y in years} for i in range(municipalities().size)
            ],
            "kollektiv_modregning_kr": [
                {str(y): details["kollektiv"][y][i] for y in years} for i in range(municipalities().size)
            ],
            "tilskud_kr": [
                {str(y): v[i] for y, v in sorted(details["tilskud"].items())}
                for i in range(municipalities().size)
            ],
        }
        _output(result, fmt, output, explain, head, extra)

    data_app = typer.Typer(
        help="Hent og gem data, som reglerne bruger (fx befolkningstal).", no_args_is_help=True
    )
    app.add_typer(data_app, name="data")

    @data_app.command("befolkning")
    def data_befolkning(
        aar: Annotated[
            int, typer.Option("--aar", help="året for befolkningen pr. 1. januar (FOLK1A, 1. kvartal)")
        ],
        output: OutputOption = None,
    ) -> None:
        """Hent befolkningen pr. 1. januar fra Danmarks Statistiks statistikbank (FOLK1A) og gem den."""
        from kommuneokonomi import statbank

        try:
            pop = statbank.fetch_population(aar)
        except statbank.StatbankError as exc:
            raise fail(str(exc)) from exc
        path = run(statbank.save_population, pop, output)
        err.print(
            f"Gemte befolkningen pr. 1.1.{aar} for 98 kommuner ({sum(pop.values):,} i alt) i {path}".replace(
                ",", "."
            ),
            highlight=False,
        )


def _user_adjustments(path: Path | None, items: list[str] | None, target: str) -> list[frames.UserAdjustment]:
    """The user's adjustments from --reguleringer FILE and --regulering ART:BELØB:KILDE."""
    from kommuneokonomi.rules import frames

    lines = run(frames.read_adjustments, path, target) if path is not None else []
    return lines + [run(frames.parse_adjustment, item, target) for item in items or []]


def frames_text(rammer: list[dict]) -> list[str]:
    """The adjusted frames a result used, one line per frame and adjustment (the table output's footer)."""
    from kommuneokonomi import export

    lines = []
    for r in rammer:
        lines.append(
            f"{r['ramme']} {r['aar']}: testet niveau {export.danish_number(r['testet_niveau_mio'])} mio. kr."
            + (f" ({r['bemaerkning']})" if not r.get("reguleringer") else "")
        )
        for a in r.get("reguleringer", []):
            if a["art"] == "mindst_niveau":
                lift = export.danish_number(a["beloeb_mio"])
                lines.append(
                    f"  nedre grænse ({a['oprindelse']}, udledt af en offentliggjort overholdelse, ikke et "
                    f"offentliggjort niveau): mindst {export.danish_number(a['mindst_niveau_mio'])} mio. kr."
                    + (f" → hæver niveauet {lift} mio. kr." if a["bindende"] else " → binder ikke")
                    + f": {a['betegnelse']} [{a['kilde']}]"
                )
                continue
            amount = "ukendt" if a["beloeb_mio"] is None else export.danish_number(a["beloeb_mio"])
            level = (
                f", opgjort niveau {export.danish_number(a['opgjort_niveau_mio'])}"
                if a.get("opgjort_niveau_mio") is not None
                else ""
            )
            lines.append(
                f"  {a['art']} ({a['oprindelse']}): {amount} mio. kr.{level}: "
                f"{a['betegnelse']} [{a['kilde']}]"
            )
    return lines


def _population(path: Path | None) -> Population | None:
    """A user's population file (kommunekode,vaerdi[,aar]): whole, non-negative numbers for all 98; its year
    (if the file states it) is checked against the grant year by the rule."""
    from kommuneokonomi.rules.kommuner import read_population_csv

    return run(read_population_csv, path) if path is not None else None


def _warn(result: MunicipalResult) -> None:
    """The rule's warnings (e.g. another year's population as key) on stderr, also in the JSON."""
    for warning in result.summary.get("advarsler", []):
        err.print(f"[yellow]Advarsel:[/] {warning}", highlight=False)


def register_compliance() -> None:
    @app.command()
    def overholdelse(
        aar: Annotated[int | None, typer.Option("--aar", help="kun dette år")] = None,
        fmt: FormatOption = "table",
        output: OutputOption = None,
        db: DbOption = None,
    ) -> None:
        """Overholdelse år for år: budgetter og regnskaber under ét som offentliggjort mod de regulerede
        rammer, den sanktion reglerne giver og den, der fulgte — hvert tal med kilde."""
        from kommuneokonomi import export
        from kommuneokonomi.agreements import load_agreements
        from kommuneokonomi.rules import compliance

        check_format(fmt)
        rows = run(compliance.compliance, load_agreements(open_store(db)))
        if aar is not None:
            rows = [r for r in rows if r["aar"] == aar]
            if not rows:
                raise fail(f"ingen offentliggjort opgørelse for {aar}")
        if fmt == "json":
            emit(export.to_json({"overholdelse": rows}), output)
            return
        write_table(compliance.table(rows), fmt, output, default_name="overholdelse.xlsx")
