"""Validated inputs and the computations shared by the REST API and the web pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kommuneokonomi.agreements import Agreement
from kommuneokonomi.rules import frames, sanctions, tax
from kommuneokonomi.rules.distribution import distribute_pool
from kommuneokonomi.rules.kommuner import MunicipalDataError, Population, register
from kommuneokonomi.rules.result import MunicipalResult

#: bounds that keep every input a plausible Danish municipal amount (mio. kr. / kr. / pct.)
MAX_MIO = 10_000_000.0
MAX_KR = 10**13
# strict: a JSON number, never a string ("1.000" would be read as one) or true
Mio = Annotated[float, Field(ge=0, le=MAX_MIO, allow_inf_nan=False, strict=True)]
SignedMio = Annotated[float, Field(ge=-MAX_MIO, le=MAX_MIO, allow_inf_nan=False, strict=True)]
Rate = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False, strict=True)]
Code = Annotated[str, Field(pattern=r"^\d{3}$")]
Year = Annotated[int, Field(ge=1990, le=2100)]
SPLIT_PATTERN = r"^(kollektiv|individuel|delt:(100|[0-9]{1,2})(\.[0-9]+)?)$"
RATIONING_PATTERN = r"^(pro-rata|graense:[0-9]{1,7}(\.[0-9]+)?)$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PoolRequest(Strict):
    pulje_kr: int = Field(ge=-MAX_KR, le=MAX_KR, strict=True, description="puljen i hele kroner")
    noegle: dict[Code, Annotated[float, Field(ge=0, le=1e12, allow_inf_nan=False, strict=True)]] | None = (
        Field(None, description="fordelingsnøgle pr. kommunekode (alle 98); ellers befolkningen")
    )
    gulv_kr: int | None = Field(None, ge=0, le=MAX_KR, strict=True)
    loft_kr: int | None = Field(None, ge=0, le=MAX_KR, strict=True)
    forklar: Code | None = Field(None, description="kommunekode hvis spor skal med")
    aar: Year | None = Field(None, description="tilskudsåret: fordel efter det års befolkning (uden nøgle)")


class SanctionRow(Strict):
    kommunekode: Code
    serviceudgifter: Mio
    anlaegsudgifter: Mio | None = None
    korrigeret_budget: Mio | None = None
    basis: Mio | None = None


class AdjustmentIn(Strict):
    """A user's adjustment of a frame (rules/frames.py): an amount, a stated level (art opgjort_niveau) or a
    lower bound (art mindst_niveau, with niveau)."""

    ramme: Literal["serviceramme", "anlaegsramme", "regnskab"] | None = Field(
        None, description="rammen; ellers sanktionens egen (service: serviceramme, anlæg: anlaegsramme)"
    )
    aar: Year | None = None
    art: Literal["DUT", "teknisk", "covid19", "flygtninge", "opgjort_niveau", "mindst_niveau", "andet"]
    beloeb: SignedMio | None = None
    niveau: Mio | None = None
    kilde: str = Field("angivet af brugeren", min_length=1, max_length=500)
    betegnelse: str = Field("", max_length=500)


class SanctionRequest(Strict):
    type: Literal["service", "anlaeg", "regnskab"]
    aar: Year
    fordeling: str = Field("kollektiv", pattern=SPLIT_PATTERN)
    kommuner: list[SanctionRow] = Field(min_length=98, max_length=98)
    serviceramme: Mio | None = None
    anlaegsramme: Mio | None = None
    korrektion: SignedMio = 0.0
    modregning: bool | None = None
    forklar: Code | None = None
    reguleringer: list[AdjustmentIn] = Field(default_factory=list, max_length=200)
    leverede_reguleringer: bool = Field(True, description="brug de leverede reguleringer (DUT mv.)")
    betinget_service: Mio | None = None
    betinget_anlaeg: Mio | None = None
    befolkning: dict[Code, Annotated[int, Field(ge=0, le=10**8)]] | None = Field(
        None, description="befolkning pr. kommunekode (alle 98); ellers tilskudsårets fra datamappen"
    )
    befolkning_aar: Year | None = None


class TaxRow(Strict):
    kommunekode: Code
    udskrivningsgrundlag: Mio
    sats_foer: Rate
    sats_efter: Rate
    tilladelse: Mio | None = None
    sats_2020: Rate | None = None
    provenu_grundskyld: SignedMio | None = None
    provenu_daekningsafgift: SignedMio | None = None
    tilladelse_udligning: Mio | None = None
    tilskud_tilladelse: Mio | None = None
    tilskud_tilladelse_udligning: Mio | None = None


class TaxRequest(Strict):
    aar: Year
    kommuner: list[TaxRow] = Field(min_length=98, max_length=98)
    rationering: str = Field("pro-rata", pattern=RATIONING_PATTERN)
    ordning: Literal["aftale", "udligning2021"] = "aftale"
    fradragsbeloeb: Mio | None = Field(None, description="beløb efter SKL § 11, stk. 1 (mio. kr.)")
    ramme_skatteforhoejelse: Mio | None = None
    tilskudsramme: Mio | None = None
    tilskudsprocenter: list[Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]] | None = Field(
        None, max_length=10
    )
    ramme_udligning: Mio | None = None
    befolkning: dict[Code, Annotated[int, Field(ge=0, le=10**8)]] | None = Field(
        None, description="befolkning pr. kommunekode (alle 98); ellers budgetårets fra datamappen"
    )
    befolkning_aar: Year | None = None
    forklar: Code | None = None


def dec(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(repr(value))


def in_register_order(rows: list[Any]) -> list[Any]:
    """Rows sorted into register order; every one of the 98 codes exactly once (else a clear error)."""
    reg = register()
    by_code: dict[str, Any] = {}
    problems = []
    for row in rows:
        if row.kommunekode not in reg.codes:
            problems.append(f"ukendt kommunekode {row.kommunekode}")
        elif row.kommunekode in by_code:
            problems.append(f"kommunekode {row.kommunekode} optræder flere gange")
        else:
            by_code[row.kommunekode] = row
    missing = [c for c in reg.codes if c not in by_code]
    if missing:
        problems.append(
            f"mangler kommunekode(r) {', '.join(missing[:10])}{' …' if len(missing) > 10 else ''}"
        )
    if problems:
        raise MunicipalDataError("; ".join(problems))
    return [by_code[c] for c in reg.codes]


def _columns(rows: list[Any], names: tuple[str, ...]) -> dict[str, list[Decimal | None]]:
    """Validated rows (register order) as per-municipality columns of exact decimals, as from a CSV."""
    return {name: [dec(getattr(r, name)) for r in rows] for name in names}


def population_key(befolkning: dict[str, int] | None, befolkning_aar: int | None) -> Population | None:
    """A population the request supplies (all 98 codes), with the year it counts, or None (the rule then uses
    the grant year's)."""
    if befolkning is None:
        return None
    reg = register()
    missing = [c for c in reg.codes if c not in befolkning]
    unknown = sorted(set(befolkning) - set(reg.codes))
    if missing or unknown:
        raise MunicipalDataError(
            f"befolkningen skal have alle 98 kommunekoder; ukendte: {', '.join(unknown) or 'ingen'}; "
            f"mangler: {', '.join(missing[:10]) or 'ingen'}"
        )
    return Population(tuple(befolkning[c] for c in reg.codes), befolkning_aar, "angivet af brugeren")


def pool(req: PoolRequest) -> MunicipalResult:
    if req.noegle is None:
        return distribute_pool(req.pulje_kr, floors=req.gulv_kr, caps=req.loft_kr, year=req.aar)
    reg = register()
    unknown = sorted(set(req.noegle) - set(reg.codes))
    missing = [c for c in reg.codes if c not in req.noegle]
    if unknown or missing:
        raise MunicipalDataError(
            f"nøglen skal have alle 98 kommunekoder; ukendte: {', '.join(unknown) or 'ingen'}; "
            f"mangler: {', '.join(missing[:10]) or 'ingen'}"
        )
    weights = [Decimal(repr(req.noegle[c])) for c in reg.codes]
    return distribute_pool(
        req.pulje_kr, weights, "brugerens nøgle", "angivet af brugeren", req.gulv_kr, req.loft_kr
    )


def sanction(req: SanctionRequest, agreements: dict[int, Agreement]) -> MunicipalResult:
    columns = _columns(
        in_register_order(req.kommuner), ("serviceudgifter", "anlaegsudgifter", "korrigeret_budget", "basis")
    )
    return sanctions.sanction(
        req.type,
        req.aar,
        columns,
        sanctions.Split.parse(req.fordeling),
        dec(req.serviceramme),
        dec(req.anlaegsramme),
        Decimal(repr(req.korrektion)),
        req.modregning,
        agreements,
        reguleringer=[
            frames.user_adjustment(
                r.ramme or sanctions.MAIN_TARGET[req.type],
                {**r.model_dump(exclude={"ramme"}), "beloeb": dec(r.beloeb), "niveau": dec(r.niveau)},
                f"reguleringer[{i}]",
            )
            for i, r in enumerate(req.reguleringer)
        ],
        leverede=req.leverede_reguleringer,
        betinget_service=dec(req.betinget_service),
        betinget_anlaeg=dec(req.betinget_anlaeg),
        population=population_key(req.befolkning, req.befolkning_aar),
    )


def tax_result(req: TaxRequest, agreements: dict[int, Agreement]) -> MunicipalResult:
    columns = _columns(
        in_register_order(req.kommuner),
        ("udskrivningsgrundlag", "sats_foer", "sats_efter", *tax.OPTIONAL_COLUMNS),
    )
    options = tax.TaxOptions(
        fradragsbeloeb=dec(req.fradragsbeloeb),
        ramme_skatteforhoejelse=dec(req.ramme_skatteforhoejelse),
        tilskudsramme=dec(req.tilskudsramme),
        tilskudsprocenter=None
        if req.tilskudsprocenter is None
        else tuple(Decimal(repr(p)) for p in req.tilskudsprocenter),
        ramme_udligning=dec(req.ramme_udligning),
    )
    return tax.tax(
        req.aar,
        tax.TaxInput.from_columns(columns, req.ordning),
        tax.Rationing.parse(req.rationering),
        agreements,
        population_key(req.befolkning, req.befolkning_aar),
        options,
    )


def result_json(result: MunicipalResult, head: dict[str, Any], explain: str | None) -> dict[str, Any]:
    out = {
        **head,
        **{k: v for k, v in result.summary.items() if k != "detaljer"},
        "kommuner": result.municipalities(),
    }
    if explain:
        out["forklaring"] = result.trace(explain).model_dump()
    return out
