"""The knowledge commands: `soeg`, `aftalepunkter`, `sammenlign` (table, JSON, CSV, XLSX)."""

from __future__ import annotations

from typing import Annotated

import typer

from kommuneokonomi.cli.common import (
    DbOption,
    FormatOption,
    FraOption,
    OutputOption,
    SatsOption,
    TilOption,
    app,
    check_format,
    check_period,
    emit,
    fail,
    open_store,
    run,
    write_table,
)


def register() -> None:
    @app.command()
    def soeg(
        foresporgsel: Annotated[
            str, typer.Argument(help='søgeord; en frase i anførselstegn: "lokalt råderum"')
        ],
        aar: Annotated[
            list[int] | None, typer.Option("--aar", help="kun disse budgetår (kan gentages)")
        ] = None,
        kapitel: Annotated[
            str | None, typer.Option("--kapitel", help="kapitelnummer eller ord i titlen")
        ] = None,
        fra: FraOption = None,
        til: TilOption = None,
        antal: Annotated[int, typer.Option("--antal", help="højst så mange hits")] = 10,
        fmt: FormatOption = "table",
        output: OutputOption = None,
        db: DbOption = None,
    ) -> None:
        """Søg i aftalerne med dansk orddannelse; hvert hit med år, afsnit og linjer."""
        from kommuneokonomi import export
        from kommuneokonomi.knowledge.corpus import loaded_years
        from kommuneokonomi.knowledge.search import SearchIndex

        check_format(fmt)
        if antal < 1:
            raise fail("--antal skal være mindst 1")
        store = open_store(db)
        years = run(loaded_years, store)
        unknown = sorted(set(aar or []) - set(years))
        if unknown:
            raise fail(
                f"ingen indlæst aftale for {', '.join(map(str, unknown))}; "
                f"indlæste år: {', '.join(map(str, years))}"
            )
        check_period(fra, til, years)
        hits = SearchIndex(store).search(
            foresporgsel, set(aar or []) or None, kapitel, limit=antal, fra=fra, til=til
        )
        if fmt == "json":
            emit(export.to_json([{k: v for k, v in h.to_json().items() if k != "del"} for h in hits]), output)
            return
        rows = [
            [str(h.aar), h.afsnit or "", f"{h.linje_fra}-{h.linje_til}", round(h.score, 2), h.uddrag]
            for h in hits
        ]
        if fmt != "table":  # the terminal shows the «marks»; files get plain text
            rows = [[*r[:4], export.unmark(str(r[4]))] for r in rows]
        write_table(
            export.TableData(
                f"Søgning: {foresporgsel} ({len(hits)} hits)",
                ["År", "Afsnit", "Linjer", "Score", "Uddrag"],
                rows,
            ),
            fmt,
            output,
            default_name="soegning.xlsx",
        )

    @app.command()
    def aftalepunkter(
        aar: Annotated[
            list[int] | None, typer.Option("--aar", help="kun disse budgetår (kan gentages)")
        ] = None,
        emne: Annotated[str | None, typer.Option("--emne", help="ord i kapitel eller emne, fx ældre")] = None,
        part: Annotated[
            str | None, typer.Option("--part", help="Regeringen, KL eller Danske Regioner")
        ] = None,
        art: Annotated[
            str | None, typer.Option("--art", help="fx analyse, arbejdsgruppe, penge og puljer")
        ] = None,
        status: Annotated[
            str | None, typer.Option("--status", help="fulgt op, mulig opfølgning, nævnt igen, intet spor")
        ] = None,
        tekst: Annotated[str | None, typer.Option("--tekst", help="ord i selve aftalepunktet")] = None,
        fra: FraOption = None,
        til: TilOption = None,
        side: Annotated[int, typer.Option("--side", help="siden, talt fra 1")] = 1,
        pr_side: Annotated[int, typer.Option("--pr-side", help="aftalepunkter pr. side; 0 = alle")] = 50,
        fmt: FormatOption = "table",
        output: OutputOption = None,
        db: DbOption = None,
    ) -> None:
        """Aftalepunkter: hvem aftalte eller lovede hvad, med beløb, frister, kilde og opfølgning."""
        from kommuneokonomi import export
        from kommuneokonomi.knowledge import tracker
        from kommuneokonomi.knowledge.commitments import commitments_table
        from kommuneokonomi.knowledge.corpus import loaded_years
        from kommuneokonomi.knowledge.index import ensure_built

        check_format(fmt)
        if side < 1 or pr_side < 0:
            raise fail("--side skal være mindst 1 og --pr-side mindst 0")
        store = open_store(db)
        check_period(fra, til, run(loaded_years, store))
        run(ensure_built, store)  # an older store, or an ingest whose index step failed
        filters = tracker.Filters(aar, emne, part, art, status, tekst, fra, til)
        shown = tracker.find(store, filters, side, pr_side)
        if shown.antal and not shown.items:
            raise fail(f"side {side} findes ikke; der er {shown.sider} side(r)")
        if fmt == "json":
            emit(export.to_json([c.to_json() for c in shown.items]), output)
        else:
            write_table(commitments_table(shown.items), fmt, output, default_name="aftalepunkter.xlsx")
        if shown.sider > 1:
            typer.echo(
                f"side {shown.side} af {shown.sider} ({shown.antal} aftalepunkter); "
                f"næste: --side {shown.side + 1}"
                if shown.side < shown.sider
                else f"side {shown.side} af {shown.sider} ({shown.antal} aftalepunkter)",
                err=True,
            )

    @app.command()
    def sammenlign(
        fra: Annotated[int, typer.Argument(help="det første budgetår")],
        til: Annotated[int, typer.Argument(help="det andet budgetår")],
        sats: SatsOption = None,
        fmt: FormatOption = "table",
        output: OutputOption = None,
        db: DbOption = None,
    ) -> None:
        """Hvad ændrede sig: nøgletal (også i faste priser), ordninger og puljer, kapitler og emner."""
        from kommuneokonomi import export
        from kommuneokonomi.agreements import load_agreements
        from kommuneokonomi.knowledge.compare import DECOMPOSITION_PARTS, compare, decomposition_part
        from kommuneokonomi.knowledge.corpus import NoTextsError, load_texts
        from kommuneokonomi.rules.prices import parse_rates

        check_format(fmt)
        store = open_store(db)
        agreements = load_agreements(store)
        missing = [y for y in (fra, til) if y not in agreements]
        if missing:
            known = ", ".join(map(str, agreements))
            raise fail(f"ingen aftale for {', '.join(map(str, missing))}; kendte år: {known}")
        try:
            texts = load_texts(store)
        except NoTextsError:
            texts = None  # figures only: the shipped parameters carry no text
        result = compare(agreements[fra], agreements[til], agreements, texts, run(parse_rates, sats or []))
        if fmt == "json":
            emit(export.to_json(result.to_json()), output)
            return
        rows = [
            [
                r["noegle"],
                r["enhed"],
                r["fra"],
                r["til"],
                r["aendring"],
                r.get("fra_i_faste_priser"),
                *[decomposition_part(r, name) for name in DECOMPOSITION_PARTS],
            ]
            for r in result.noegletal
        ]
        write_table(
            export.TableData(
                f"Sammenligning {fra} → {til} (ændringen delt op: PL, løft, DUT mv., uforklaret)",
                [
                    "Nøgle",
                    "Enhed",
                    str(fra),
                    str(til),
                    "Ændring",
                    f"{fra} i {til}-priser",
                    *DECOMPOSITION_PARTS,
                ],
                rows,
            ),
            fmt,
            output,
            default_name=f"sammenligning-{fra}-{til}.xlsx",
        )
        if fmt == "table":
            for title, part in (
                ("Ordninger", result.ordninger),
                ("Kapitler", result.kapitler),
                ("Emner", result.emner),
            ):
                for kind in ("nye", "bortfaldne"):
                    if part[kind]:
                        emit(f"{title}, {kind}: " + "; ".join(part[kind]), None)
            for kind in ("nye", "bortfaldne"):
                if result.puljer[kind]:
                    emit(
                        f"Puljer, {kind}: "
                        + "; ".join(f"{p['navn']} ({p['mio']} mio. kr.)" for p in result.puljer[kind]),
                        None,
                    )
