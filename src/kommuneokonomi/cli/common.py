"""Shared pieces of the command line: the app, consoles, options, errors and table output."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:  # the store and the exporters are imported by the commands that use them, when they run
    from kommuneokonomi import export
    from kommuneokonomi.store import Store

app = typer.Typer(
    help="kommuneokonomi: økonomiaftalerne mellem Regeringen og KL som data, regler og tekst.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
parametre_app = typer.Typer(help="De leverede parameterfiler (YAML) med kilder.", no_args_is_help=True)
app.add_typer(parametre_app, name="parametre")

#: wide tables when the output goes to a file or a pipe (rich would fold them at 80 columns)
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="SQLite-fil eller database-URL (ellers KOMMUNEOKONOMI_DB, ellers standardfilen)"
    ),
]
FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help="table, csv (dansk Excel: ; og decimalkomma, BOM), csv-maskine (, og punktum), json eller xlsx",
    ),
]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="skriv til denne fil")]
SatsOption = Annotated[list[str] | None, typer.Option("--sats", help="PL-skøn for et år uden aftale: ÅR=PCT")]
FraOption = Annotated[int | None, typer.Option("--fra", help="kun budgetår fra og med dette")]
TilOption = Annotated[int | None, typer.Option("--til", help="kun budgetår til og med dette")]


def fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]Fejl:[/] {message}", highlight=False)
    return typer.Exit(code)


def open_store(db: str | None) -> Store:
    from kommuneokonomi.store import Store, StoreError

    try:
        return Store(db)
    except StoreError as exc:
        raise fail(str(exc)) from exc


def emit(text: str, output: Path | None) -> None:
    if output:
        output.write_text(text if text.endswith("\n") else text + "\n", "utf-8")
        err.print(f"Skrev {output}", highlight=False)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def write_table(
    table: export.TableData,
    fmt: str,
    output: Path | None,
    default_name: str,
    extra: list[export.TableData] | None = None,
) -> None:
    """`extra`: further XLSX sheets (a result's inputs, parameters and sources)."""
    from kommuneokonomi import export

    if fmt in ("csv", "csv-maskine"):
        emit(export.to_csv(table, machine=fmt == "csv-maskine"), output)
    elif fmt == "xlsx":
        target = output or Path(default_name)
        export.to_xlsx(table, target, extra)
        err.print(f"Skrev {target}", highlight=False)
    elif output:
        emit(export.to_csv(table), output)
    else:
        out.print(export.to_rich(table))


def check_format(fmt: str) -> None:
    from kommuneokonomi import export

    if fmt not in export.FORMATS:
        raise fail(f"ukendt format {fmt!r}; brug {', '.join(export.FORMATS)}")


def check_period(fra: int | None, til: int | None, years: list[int]) -> None:
    """A period `--fra`-`--til` must run forwards and hold at least one loaded agreement."""
    if fra is not None and til is not None and fra > til:
        raise fail(f"--fra {fra} ligger efter --til {til}")
    if (fra is not None or til is not None) and not any(
        (fra is None or y >= fra) and (til is None or y <= til) for y in years
    ):
        period = f"fra {fra}" if til is None else f"til {til}" if fra is None else f"fra {fra} til {til}"
        raise fail(f"ingen indlæst aftale {period}; indlæste år: {', '.join(map(str, years))}")


def run(fn, *args, **kwargs):
    """Call a rule or reader; its clear error (bad input, missing data) becomes the command's error."""
    from kommuneokonomi.knowledge.corpus import NoTextsError
    from kommuneokonomi.parameters import ParameterError
    from kommuneokonomi.rules.kommuner import MunicipalDataError
    from kommuneokonomi.rules.params import RuleError

    try:
        return fn(*args, **kwargs)
    except (RuleError, MunicipalDataError, ParameterError, NoTextsError) as exc:
        raise fail(str(exc)) from exc
