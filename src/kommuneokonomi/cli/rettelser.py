"""The command line for review on publication day: `kommuneokonomi ret` (correct, undo, list corrections)."""

from __future__ import annotations

import getpass
from typing import Annotated

import typer

from kommuneokonomi.cli.common import (
    DbOption,
    FormatOption,
    OutputOption,
    app,
    check_format,
    emit,
    fail,
    open_store,
    out,
    write_table,
)


def _user() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in this environment: the correction is anonymous
        return None


def register() -> None:
    app.command(
        "ret",
        context_settings={"ignore_unknown_options": True},  # a negative value: `ret 2024 balance.x -332.900`
    )(ret)


def ret(
    aar: Annotated[int | None, typer.Argument(help="budgetåret", show_default=False)] = None,
    noegle: Annotated[
        str | None, typer.Argument(help="nøgletallet, fx serviceramme", show_default=False)
    ] = None,
    vaerdi: Annotated[
        str | None, typer.Argument(help="den rigtige værdi, dansk talformat (1.234,5)", show_default=False)
    ] = None,
    kilde: Annotated[str | None, typer.Option("--kilde", help='hvor værdien står, fx "linje 77"')] = None,
    note: Annotated[str | None, typer.Option("--note", help="hvorfor der rettes")] = None,
    bruger: Annotated[
        str | None, typer.Option("--bruger", help="hvem der retter (ellers login-navnet)")
    ] = None,
    fortryd: Annotated[bool, typer.Option("--fortryd", help="fortryd den gældende rettelse")] = False,
    vis: Annotated[
        bool, typer.Option("--vis", help="vis rettelserne (alle, eller for AAR); også --format csv/json/xlsx")
    ] = False,
    tving: Annotated[
        bool, typer.Option("--tving", help="gem selv om værdiens størrelse ikke ligner nøgletallets")
    ] = False,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """Ret et nøgletal (ny version med kilde, note, tid og bruger), fortryd en rettelse, eller vis dem."""
    from kommuneokonomi import corrections, export
    from kommuneokonomi.corrections import CorrectionError

    check_format(fmt)
    store = open_store(db)
    if vis:
        if noegle is not None:
            raise fail("--vis tager kun et år: kommuneokonomi ret --vis [AAR]")
        if fmt == "json":
            emit(export.to_json({"rettelser": corrections.history_json(store, aar)}), output)
            return
        table = corrections.history_table(store, aar)
        if not table.rows and fmt == "table" and output is None:
            out.print("Ingen rettelser" + (f" for {aar}" if aar else "") + ".", highlight=False)
            return
        write_table(table, fmt, output, default_name=f"rettelser-{aar or 'alle'}.xlsx")
        return
    if aar is None or noegle is None:
        raise fail("angiv år og nøgletal: kommuneokonomi ret AAR NØGLE VÆRDI --kilde … --note …")
    try:
        if fortryd:
            if vaerdi is not None:
                raise CorrectionError("--fortryd tager ingen værdi: kommuneokonomi ret AAR NØGLE --fortryd")
            undone, a = corrections.undo(store, aar, noegle, bruger or _user())
            fig = a.figures.get(undone.key)
            now = _value(fig.value if fig else None, fig.unit if fig else None)
            still = a.corrections.get(undone.key)
            what = f"en tidligere rettelse (nr. {still.correction.id})" if still else a.origin
            out.print(
                f"Fortrudt rettelse nr. {undone.id} af {undone.key} for {aar}; "
                f"gældende værdi: {now} (fra {what})",
                highlight=False,
            )
            return
        if vaerdi is None:
            raise CorrectionError("angiv værdien: kommuneokonomi ret AAR NØGLE VÆRDI --kilde … --note …")
        stored, a = corrections.correct(
            store, aar, noegle, vaerdi, kilde or "", note or "", bruger or _user(), force=tving
        )
    except CorrectionError as exc:
        raise fail(str(exc)) from exc
    out.print(
        f"Rettet {stored.key} for {aar}: {_value(stored.value, stored.unit)} "
        f"(udtrukket: {_value(stored.extracted_value, stored.unit)}; kilde: {stored.kilde}; "
        f"note: {stored.note}; rettelse nr. {stored.id})",
        highlight=False,
    )


def _value(value, unit: str | None) -> str:
    from kommuneokonomi import export

    if value is None:
        return "ikke angivet"
    return f"{export.danish_number(value)}{' ' + unit if unit else ''}"
