"""The knowledge commands: `soeg`, `aftalepunkter`, `sammenlign` (table, JSON, CSV, XLSX)."""

from __future__ import annotations

from typing import Annotated

import typer

from kommuneokonomi import export
from kommuneokonomi.cli_common import (
    DbOption,
    FormatOption,
    OutputOption,
    app,
    emit,
    fail,
    open_store,
    write_table,
)
from kommuneokonomi.knowledge.corpus import NoTextsError, load_texts
from kommuneokonomi.knowledge.search import SearchIndex


def _texts(db: str | None):
    try:
        return load_texts(open_store(db))
    except NoTextsError as exc:
        raise fail(str(exc)) from exc


def _check_format(fmt: str) -> None:
    if fmt not in export.FORMATS:
        raise fail(f"ukendt format {fmt!r}; brug {', '.join(export.FORMATS)}")


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
        antal: Annotated[int, typer.Option("--antal", help="højst så mange hits")] = 10,
        fmt: FormatOption = "table",
        output: OutputOption = None,
        db: DbOption = None,
    ) -> None:
        """Søg i aftalerne med dansk orddannelse; hvert hit med år, afsnit og linjer."""
        _check_format(fmt)
        if antal < 1:
            raise fail("--antal skal være mindst 1")
        texts = _texts(db)
        unknown = sorted(set(aar or []) - set(texts))
        if unknown:
            raise fail(
                f"ingen indlæst aftale for {', '.join(map(str, unknown))}; "
                f"indlæste år: {', '.join(map(str, texts))}"
            )
        hits = SearchIndex(texts).search(foresporgsel, set(aar or []) or None, kapitel, limit=antal)
        if fmt == "json":
            emit(export.to_json([{k: v for k, v in h.to_json().items() if k != "del"} for h in hits]), output)
            return
        rows = [
            [str(h.aar), h.afsnit or "", f"{h.linje_fra}-{h.linje_til}", round(h.score, 2), h.uddrag]
            for h in hits
        ]
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
