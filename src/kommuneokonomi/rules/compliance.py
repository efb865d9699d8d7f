"""Compliance year by year: the budgets and accounts under ét as published (`data/opgoerelser.yaml`, each with
its URLs) against the adjusted frames, the sanction the rules give and the sanction that followed.

The rules run on the published aggregate spread over the 98 municipalities by population (an aggregate
sanction does not depend on the spread). Where a figure is missing — the tested level, an agreement's figure,
the published total — the row says which, instead of guessing.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from kommuneokonomi.agreements import Agreement
from kommuneokonomi.export import TableData
from kommuneokonomi.models import to_json_number
from kommuneokonomi.parameters import load_model
from kommuneokonomi.rules import sanctions
from kommuneokonomi.rules.distribution import largest_remainder
from kommuneokonomi.rules.kommuner import register
from kommuneokonomi.rules.params import RuleError
from kommuneokonomi.rules.result import MunicipalResult

MIO = 1_000_000


class PublishedBudget(BaseModel):
    model_config = ConfigDict(extra="forbid")

    aar: int
    service_mio: Decimal | None
    anlaeg_mio: Decimal | None
    sanktion_service_mio: Decimal | None
    sanktion_anlaeg_mio: Decimal | None
    udfald: str
    kilder: list[str]


class PublishedAccounts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    aar: int
    service_mio: Decimal | None
    afvigelse_mio: Decimal | None  # accounts − corrected budgets, as published
    anlaeg_mio: Decimal | None
    anlaeg_afvigelse_mio: Decimal | None
    sanktion_mio: Decimal | None
    udfald: str
    kilder: list[str]


class Published(BaseModel):
    model_config = ConfigDict(extra="forbid")

    budgetter: list[PublishedBudget]
    regnskaber: list[PublishedAccounts]


@cache
def published() -> Published:
    return load_model(resources.files("kommuneokonomi.data").joinpath("opgoerelser.yaml"), Published)


def spread(total_mio: Decimal) -> list[Decimal]:
    """An aggregate over the 98 by population, exact to the krone (largest remainder)."""
    kroner = largest_remainder(int(total_mio * MIO), [int(p) for p in register().population])
    return [Decimal(k) / MIO for k in kroner]


def _row(
    aar: int,
    kind: Literal["budget", "regnskab"],
    what: str,
    figure: Decimal | None,
    outcome: str,
    published_mio: Decimal | None,
    sources: list[str],
    compute: Callable[[Decimal], MunicipalResult] | None,
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "aar": aar,
        "art": kind,
        "omraade": what,
        "offentliggjort_mio": to_json_number(figure),
        "udfald": outcome,
        "offentliggjort_sanktion_mio": to_json_number(published_mio),
        "kilder": sources,
        "testet_niveau_mio": None,
        "niveau_grundlag": None,
        "niveau_kilder": [],
        "reguleringer_kendt": None,
        "beregnet_sanktion_mio": None,
        "stemmer": None,
        "bemaerkning": None,
    }
    if figure is None or compute is None:
        row["bemaerkning"] = "det samlede tal er ikke offentliggjort i kilderne"
        return row
    try:
        result: MunicipalResult = compute(figure)
    except RuleError as exc:
        row["bemaerkning"] = str(exc)
        return row
    frames = result.summary.get("rammer", [])
    tested = frames[-1] if kind == "regnskab" and frames else (frames[0] if frames else None)
    if tested is not None:
        row["testet_niveau_mio"] = tested["testet_niveau_mio"]
        row["niveau_grundlag"] = tested.get("niveau_grundlag") or tested.get("grundlag")
        row["reguleringer_kendt"] = tested["reguleringer_kendt"]
        row["niveau_kilder"] = [a["kilde"] for f in frames for a in f.get("reguleringer", [])] or [
            tested.get("grundlag_kilde") or tested.get("grundlag", "")
        ]
        if not tested["reguleringer_kendt"] and tested["reguleringer_kendt"] is not None:
            row["bemaerkning"] = tested["bemaerkning"]
    if result.summary.get("betingelse") is False:
        row["bemaerkning"] = "anlægsbetingelsen gjaldt ikke dette år"
    computed = Decimal(result.total_kr) / MIO
    row["beregnet_sanktion_mio"] = to_json_number(computed)
    if published_mio is not None:
        row["stemmer"] = computed == published_mio
    return row


def compliance(agreements: dict[int, Agreement]) -> list[dict[str, Any]]:
    """Every published budget and accounts year: the figure, the tested level, the rules' sanction and the
    published one, with the sources of each."""
    rows = []
    for b in published().budgetter:
        service = spread(b.service_mio) if b.service_mio is not None else None

        def budget(figure: Decimal, b: PublishedBudget = b) -> MunicipalResult:
            return sanctions.sanction(
                "service", b.aar, {"serviceudgifter": spread(figure)}, agreements=agreements
            )

        def construction(
            figure: Decimal, b: PublishedBudget = b, service: list[Decimal] | None = service
        ) -> MunicipalResult:
            return sanctions.sanction(
                "anlaeg",
                b.aar,
                {"serviceudgifter": service, "anlaegsudgifter": spread(figure)},
                agreements=agreements,
            )

        rows.append(
            _row(
                b.aar,
                "budget",
                "service",
                b.service_mio,
                b.udfald,
                b.sanktion_service_mio,
                b.kilder,
                budget,
            )
        )
        rows.append(
            _row(
                b.aar,
                "budget",
                "anlæg",
                b.anlaeg_mio if b.service_mio is not None else None,
                b.udfald,
                b.sanktion_anlaeg_mio,
                b.kilder,
                construction,
            )
        )
    for r in published().regnskaber:

        def accounts(figure: Decimal, r: PublishedAccounts = r) -> MunicipalResult:
            columns = {"serviceudgifter": spread(figure)}
            if r.afvigelse_mio is not None:  # the corrected budgets under ét as published
                columns["korrigeret_budget"] = spread(figure - r.afvigelse_mio)
            return sanctions.sanction("regnskab", r.aar, columns, agreements=agreements)

        row = _row(r.aar, "regnskab", "service", r.service_mio, r.udfald, r.sanktion_mio, r.kilder, accounts)
        if r.afvigelse_mio is not None and row["testet_niveau_mio"] is not None:
            row["niveau_grundlag"] = (
                "regnskabet minus den offentliggjorte afvigelse fra de korrigerede budgetter"
            )
            row["niveau_kilder"] = r.kilder
        rows.append(row)
    published_years = {b.aar for b in published().budgetter}
    for year in agreements:  # years known from an agreement or a summary, with no outcome in the data
        if year in published_years:
            continue
        row = _row(year, "budget", "service", None, "ingen offentliggjort opgørelse i data", None, [], None)
        try:
            frame = sanctions.adjusted_frame("serviceramme", year, agreements)
        except RuleError as exc:
            row["bemaerkning"] = str(exc)
        else:
            row["testet_niveau_mio"] = to_json_number(frame.level)
            row["niveau_grundlag"] = frame.basis
            row["niveau_kilder"] = [x.kilde for x in frame.adjustments] or (
                [frame.base_ref.kilde] if frame.base_ref else []
            )
            row["reguleringer_kendt"] = frame.to_json()["reguleringer_kendt"]
            row["bemaerkning"] = "budgetterne er ikke opgjort i data; " + frame.note
        rows.append(row)
    return sorted(rows, key=lambda row: (row["aar"], row["art"] != "budget", row["omraade"]))


def table(rows: list[dict[str, Any]]) -> TableData:
    """The compliance rows as a table (CLI, web page and downloads use the same)."""
    verdict = {True: "ja", False: "NEJ", None: "–"}
    return TableData(
        "Overholdelse: budgetter og regnskaber under ét mod de regulerede rammer (mio. kr.)",
        [
            "År",
            "Art",
            "Område",
            "Offentliggjort",
            "Testet niveau",
            "Niveauets grundlag",
            "Beregnet sanktion",
            "Faktisk sanktion",
            "Stemmer",
            "Udfald",
            "Kilder",
            "Niveauets kilder",
            "Bemærkning",
        ],
        [
            [
                str(r["aar"]),
                r["art"],
                r["omraade"],
                r["offentliggjort_mio"],
                r["testet_niveau_mio"],
                r["niveau_grundlag"] or "",
                r["beregnet_sanktion_mio"],
                r["offentliggjort_sanktion_mio"],
                verdict[r["stemmer"]],
                r["udfald"],
                " ; ".join(r["kilder"]),
                " ; ".join(r["niveau_kilder"]),
                r["bemaerkning"] or "",
            ]
            for r in rows
        ],
    )
