"""The agreements' commands: `kommuneokonomi ingest | aftaler | parametre skriv | parametre tjek`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kommuneokonomi.cli.common import (
    DbOption,
    FormatOption,
    OutputOption,
    app,
    check_format,
    emit,
    err,
    fail,
    open_store,
    out,
    parametre_app,
    write_table,
)

if TYPE_CHECKING:
    from kommuneokonomi import export
    from kommuneokonomi.agreements import Agreement
    from kommuneokonomi.ingest import FileOutcome

#: the defaults `--help` shows, without importing the readers (pdfium) and the parameter models (pydantic):
#: documents.DEFAULT_MAX_BYTES and parameters.PACKAGE_DIR (tests/test_cli_startup.py keeps them equal)
MAX_BYTES = 50 * 1024 * 1024
PARAMETER_DIR = Path(__file__).resolve().parents[1] / "parameters" / "aftaler"


def register() -> None:
    app.command()(ingest)
    app.command()(aftaler)
    app.command()(versioner)
    parametre_app.command("skriv")(parametre_skriv)
    parametre_app.command("tjek")(parametre_tjek)


def ingest(
    stier: Annotated[
        list[Path], typer.Argument(help="filer eller mapper med aftaler (PDF, markdown, HTML, tekst)")
    ],
    json_out: Annotated[
        bool, typer.Option("--json", help="udskriv den kanoniske JSON for hvert dokument")
    ] = False,
    db: DbOption = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="største tilladte filstørrelse")] = MAX_BYTES,
    ingen_lagring: Annotated[bool, typer.Option("--ingen-lagring", help="læs og tjek, men gem ikke")] = False,
    erstat: Annotated[
        bool,
        typer.Option(
            "--erstat",
            help="tag en ny version i brug, også når den mangler nøgletal, som versionen i brug har",
        ),
    ] = False,
) -> None:
    """Læs aftaler, find nøgletal med kilder, tjek dem og gem dem."""
    import json

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kommuneokonomi.ingest import collect_files, ingest_file

    files, outcomes = collect_files(stier)
    store = None if ingen_lagring else open_store(db)
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=json_out or not err.is_terminal,
    ) as bar:
        task = bar.add_task("Læser aftaler", total=len(files))
        for path in files:
            bar.update(task, description=f"Læser {path.name}")
            outcomes.append(ingest_file(path, store, max_bytes=max_bytes, replace=erstat))
            bar.advance(task)
    ok = [o for o in outcomes if not o.failed]
    if json_out:
        docs = [o.result.to_contract() for o in ok if o.result]
        if len(docs) == 1 and len(outcomes) == 1:
            print(json.dumps(docs[0], ensure_ascii=False, indent=2))
        else:
            for doc in docs:
                print(json.dumps(doc, ensure_ascii=False))
    else:
        _print_summary(outcomes)
        if store is not None:
            _print_corrections_of_changed_documents(
                store,
                {
                    o.result.meta.year
                    for o in ok
                    if o.result and o.status in ("ny", "ny version", "taget i brug")
                },
            )
    for o in outcomes:
        if o.note:
            err.print(
                f"{o.path.name}: {o.note}; tag den i brug med: kommuneokonomi ingest --erstat {o.path}",
                highlight=False,
                markup=False,
            )
    for o in outcomes:
        if o.failed:
            err.print(f"FEJL: {o.path}: {o.error}", highlight=False, markup=False)
    if not files and not outcomes:
        raise fail("ingen filer fundet")
    if any(o.failed for o in outcomes):
        raise typer.Exit(1)


def _print_summary(outcomes: list[FileOutcome]) -> None:
    from kommuneokonomi import export
    from kommuneokonomi.agreements import coverage_line

    rows: list[list[Any]] = []
    for o in outcomes:
        if o.result is None:
            rows.append([o.path.name, "–", "–", "–", "fejl", "–", "–"])
            continue
        cov = o.result.coverage()
        rows.append(
            [
                o.path.name,
                str(o.result.meta.year),
                o.result.meta.date or "–",
                o.result.meta.format,
                o.status or "fejl",
                f"{cov['n_found']}/{cov['n_keys']}",
                len(o.result.warnings),
            ]
        )
    out.print(
        export.to_rich(
            export.TableData(
                "Indlæste aftaler",
                ["Fil", "År", "Dato", "Format", "Status", "Nøgletal fundet", "Advarsler"],
                rows,
            )
        )
    )
    for o in outcomes:
        if o.result is not None and o.result.coverage()["null"]:
            out.print(
                f"{o.path.name} {o.result.meta.year}: {coverage_line(o.result.coverage())}",
                highlight=False,
                markup=False,
            )
    for o in outcomes:
        if o.result is None:
            continue
        for w in o.result.warnings:
            where = f" (linje {w.source.line_start}-{w.source.line_end})" if w.source else ""
            out.print(
                f"{o.path.name} {o.result.meta.year}: [{w.severity}] {w.code}: {w.message}{where}",
                highlight=False,
                markup=False,
            )


def _print_corrections_of_changed_documents(store, years: set[int]) -> None:
    """A new document for a year with corrections: they stay in force, and the reviewer is told."""
    from kommuneokonomi.agreements import load_agreements

    if not years or not store.active_corrections():
        return
    agreements = load_agreements(store)
    for year in sorted(years):
        for key, applied in agreements[year].corrections.items():
            if applied.document_changed:
                out.print(
                    f"{year} {key}: rettelsen gælder stadig, men {applied.change_note()}; "
                    f"fortryd med: kommuneokonomi ret {year} {key} --fortryd",
                    highlight=False,
                    markup=False,
                )


def aftaler(
    aar: Annotated[int | None, typer.Option("--aar", help="kun dette budgetår, med kilder")] = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """Rammer, balance og øvrige nøgletal side om side for alle kendte år."""
    from kommuneokonomi import export
    from kommuneokonomi.agreements import load_agreements

    check_format(fmt)
    agreements = load_agreements(open_store(db))
    if aar is not None:
        if aar not in agreements:
            raise fail(f"ukendt år {aar}; kendte år: {', '.join(map(str, agreements))}")
        agreements = {aar: agreements[aar]}
    if fmt == "json":
        emit(export.to_json({"aftaler": [a.to_json() for a in agreements.values()]}), output)
        return
    table = agreements[aar].table() if aar is not None else _side_by_side(agreements)
    write_table(table, fmt, output, default_name=f"aftaler-{aar or 'alle'}.xlsx")
    notes = [f"{a.year} {k}: {a.correction_note(k)}" for a in agreements.values() for k in a.corrections]
    if notes and aar is None:  # one year's table has its own column "Rettelse"
        console = out if fmt == "table" and output is None else err  # keep CSV/JSON output clean
        for line in ["Rettede værdier (kommuneokonomi ret --vis):", *notes]:
            console.print(line, highlight=False, markup=False)


def versioner(
    aar: Annotated[int, typer.Argument(help="budgetåret")],
    db: DbOption = None,
) -> None:
    """De gemte dokumentversioner for et år: hvilken der er i brug, og hvilke der ikke er taget i brug."""
    from kommuneokonomi import export
    from kommuneokonomi.models import coverage_of

    store = open_store(db)
    versions = store.versions(aar)
    if not versions:
        raise fail(f"ingen gemte dokumenter for {aar}")
    rows: list[list[Any]] = []
    for d, status in versions:
        cov = coverage_of(store.figures(d.id), store.gaps(d.id))
        rows.append(
            [d.version, status, d.filename, d.date or "–", d.ingested_at, f"{cov['n_found']}/{cov['n_keys']}"]
        )
    out.print(
        export.to_rich(
            export.TableData(
                f"Dokumentversioner for {aar}",
                ["Version", "Status", "Fil", "Dato", "Indlæst", "Nøgletal fundet"],
                rows,
            )
        )
    )


def _marked(a: Agreement, key: str) -> Any:
    """A figure as the side-by-side table shows it: marked when it is not the agreement text's own value
    (a public summary's, or a reviewer's correction), so the mark survives in CSV and XLSX too."""
    from decimal import Decimal

    from kommuneokonomi.export import Year
    from kommuneokonomi.extraction.keys import spec_for

    value = a.figures[key].value
    if spec_for(key).kind == "year" and isinstance(value, int | float | Decimal):
        value = Year(int(value))
    if key in a.corrections:
        return f"{value} (rettet)"
    if key in a.summary_urls:
        return f"{value} (resumé)"
    return value


def _side_by_side(agreements: dict[int, Agreement]) -> export.TableData:
    from kommuneokonomi import export
    from kommuneokonomi.extraction.keys import fixed_keys, spec_for

    keys = [k for k in fixed_keys() if k not in ("aar",)]
    extra = sorted({k for a in agreements.values() for k in a.figures if k.startswith("tilskudsprocent.")})
    rows: list[list[Any]] = []
    for key in keys + extra:
        spec = spec_for(key)
        rows.append(
            [key, spec.label, spec.unit]
            + [_marked(a, key) if key in a.figures else None for a in agreements.values()]
        )
    rows.append(
        ["kilde", "Kildeart (resumé: offentligt resumé med URL, se --aar)", ""]
        + [_kind(a) for a in agreements.values()]
    )
    return export.TableData(
        "Økonomiaftaler: nøgletal pr. budgetår",
        ["Nøgle", "Betegnelse", "Enhed"] + [str(y) for y in agreements],
        rows,
    )


def _kind(a: Agreement) -> str:
    from kommuneokonomi.parameters import SUMMARY_KIND

    if a.summary_only:
        return SUMMARY_KIND
    return "aftaletekst" + (f" + {SUMMARY_KIND}" if a.summary_urls else "")


def parametre_skriv(
    kilder: Annotated[list[Path], typer.Argument(help="aftalefiler eller mapper (fx ../shared/corpus)")],
    mappe: Annotated[Path, typer.Option("--mappe", help="hvor YAML-filerne skrives")] = PARAMETER_DIR,
) -> None:
    """Udtræk nøgletal af aftalerne og skriv parameterfilerne (én fil pr. nøgle, én værdi pr. år)."""
    from kommuneokonomi.ingest import collect_files, ingest_file
    from kommuneokonomi.parameters import build_parameter_files, write_parameter_files

    files, outcomes = collect_files(kilder)
    outcomes += [ingest_file(p, None) for p in files]
    failed = [o for o in outcomes if o.failed]
    for o in failed:
        err.print(f"FEJL: {o.path}: {o.error}", highlight=False, markup=False)
    if failed:
        raise typer.Exit(1)
    years = [o.result.meta.year for o in outcomes if o.result]
    if len(years) != len(set(years)):
        raise fail(f"flere dokumenter for samme år: {sorted(years)}")
    written = write_parameter_files(build_parameter_files([o.result for o in outcomes if o.result]), mappe)
    out.print(
        f"Skrev {len(written)} parameterfiler for årene {', '.join(map(str, sorted(years)))} i {mappe}",
        highlight=False,
    )


def parametre_tjek(
    mappe: Annotated[Path, typer.Option("--mappe", help="mappen med YAML-filerne")] = PARAMETER_DIR,
) -> None:
    """Valider parameterfilerne mod skemaet."""
    from kommuneokonomi.parameters import PACKAGE_DIR, ParameterError, load_directory

    try:
        files = load_directory(mappe)
    except ParameterError as exc:
        raise fail(str(exc)) from exc
    out.print(f"{len(files)} parameterfiler i {mappe} er gyldige", highlight=False)
    if mappe == PACKAGE_DIR:  # the shipped summaries and adjusted-frame ledgers beside them
        from kommuneokonomi.parameters import SUMMARY_DIR, shipped_summaries
        from kommuneokonomi.rules.frames import LEDGER_DIR, TARGETS, shipped_ledger

        try:
            summaries = shipped_summaries()
            ledgers = [shipped_ledger(t) for t in TARGETS]
        except ParameterError as exc:
            raise fail(str(exc)) from exc
        out.print(f"{len(summaries)} resuméfiler i {SUMMARY_DIR} er gyldige", highlight=False)
        out.print(f"{len(ledgers)} reguleringsfiler i {LEDGER_DIR} er gyldige", highlight=False)
