"""What changed between two agreements: figures (absolute and in fixed prices), schemes and pools that are
new or gone, chapters and topics that are new or gone."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal

from kommuneokonomi.agreements import Agreement
from kommuneokonomi.extraction.keys import fixed_keys, spec_for
from kommuneokonomi.extraction.numbers import AMOUNT, amount_mio
from kommuneokonomi.knowledge.corpus import AgreementText
from kommuneokonomi.rules.frames import AdjustedFrame
from kommuneokonomi.rules.params import RuleError, agreement_value
from kommuneokonomi.rules.prices import SERIES_INDEX, convert
from kommuneokonomi.rules.sanctions import adjusted_frame

#: schemes and pools given by a key of the figure contract
SCHEME_KEYS = (
    "betinget_bloktilskud_service",
    "betinget_bloktilskud_anlaeg",
    "finansieringstilskud",
    "finansieringstilskud_efter_vilkaar",
    "tilskud_skattenedsaettelse",
    "ramme_skatteforhoejelse",
    "ramme_skattenedsaettelse_udligning",
    "midtvejsregulering",
    "satsregulering",
)
_POOL_RE = re.compile(
    rf"\b(?P<name>[\wæøåÆØÅ-]*(?:pulje|tilskud|ramme)\w*)(?: [a-zæøå-]+){{0,5}}? på (?:i alt )?"
    rf"{AMOUNT}"
)
_SAME_TITLE = 0.75
#: words that name no particular pool ("den samlede pulje på …")
_GENERIC_POOLS = frozenset(
    {
        "pulje",
        "puljen",
        "puljer",
        "puljerne",
        "ramme",
        "rammen",
        "rammer",
        "rammerne",
        "delramme",
        "tilskud",
        "tilskuddet",
        "tilskuddene",
    }
)


@dataclass
class Comparison:
    fra: int
    til: int
    noegletal: list[dict]
    ordninger: dict[str, list[str]]
    puljer: dict[str, list[dict]]
    kapitler: dict[str, list[str]]
    emner: dict[str, list[str]]

    def to_json(self) -> dict:
        return {
            "fra": self.fra,
            "til": self.til,
            "noegletal": self.noegletal,
            "ordninger": self.ordninger,
            "puljer": self.puljer,
            "kapitler": self.kapitler,
            "emner": self.emner,
        }


def compare(
    a: Agreement,
    b: Agreement,
    agreements: dict[int, Agreement],
    texts: dict[int, AgreementText] | None = None,
    supplied: dict[int, Decimal] | None = None,
) -> Comparison:
    rows = [
        _figure_row(key, a, b, agreements, supplied)
        for key in fixed_keys()
        if spec_for(key).kind in ("amount", "balance", "percent", "per_capita")
    ]
    rows = [r for r in rows if r["fra"] is not None or r["til"] is not None]
    schemes = {
        "nye": [k for k in SCHEME_KEYS if _has(b, k) and not _has(a, k)],
        "bortfaldne": [k for k in SCHEME_KEYS if _has(a, k) and not _has(b, k)],
    }
    pools: dict[str, list[dict]] = {"nye": [], "bortfaldne": [], "begge": []}
    chapters: dict[str, list[str]] = {"nye": [], "bortfaldne": []}
    topics: dict[str, list[str]] = {"nye": [], "bortfaldne": []}
    if texts and a.year in texts and b.year in texts:
        pa, pb = _pools(texts[a.year]), _pools(texts[b.year])
        pools = {
            "nye": [pb[k] for k in pb if k not in pa],
            "bortfaldne": [pa[k] for k in pa if k not in pb],
            "begge": [
                {"navn": pb[k]["navn"], "fra_mio": pa[k]["mio"], "til_mio": pb[k]["mio"]}
                for k in pb
                if k in pa
            ],
        }
        chapters = _new_and_gone(_titles(texts[a.year], "kapitel"), _titles(texts[b.year], "kapitel"))
        topics = _new_and_gone(_titles(texts[a.year], "emne"), _titles(texts[b.year], "emne"))
    return Comparison(a.year, b.year, rows, schemes, pools, chapters, topics)


def _has(agreement: Agreement, key: str) -> bool:
    fig = agreement.figures.get(key)
    return fig is not None and fig.value is not None


def _number(agreement: Agreement, key: str) -> Decimal | None:
    fig = agreement.figures.get(key)
    return None if fig is None or fig.value is None else Decimal(fig.value)


def _figure_row(
    key: str,
    a: Agreement,
    b: Agreement,
    agreements: dict[int, Agreement],
    supplied: dict[int, Decimal] | None,
) -> dict:
    spec = spec_for(key)
    va = _number(a, key)
    vb = _number(b, key)
    row: dict = {
        "noegle": key,
        "betegnelse": spec.label,
        "enhed": spec.unit,
        "fra": _plain(va),
        "til": _plain(vb),
        "aendring": _plain(vb - va) if va is not None and vb is not None else None,
        "aendring_pct": _plain(round((vb - va) / abs(va) * 100, 2)) if va and vb is not None else None,
    }
    if spec.kind not in ("amount", "balance") or va is None or vb is None:
        return row
    if not is_real_series(key):
        row["bemaerkning"] = (
            "nominelt beløb (fx betinget bloktilskud, puljer, skatterammer): omregnes ikke med PL"
        )
        return row
    try:
        row.update(decompose(key, a.year, b.year, va, vb, agreements, supplied))
    except RuleError as exc:
        row.update({"fra_i_faste_priser": None, "dekomponering": None, "bemaerkning": str(exc)})
    return row


def decompose(
    key: str,
    fra: int,
    til: int,
    va: Decimal,
    vb: Decimal,
    agreements: dict[int, Agreement],
    supplied: dict[int, Decimal] | None = None,
) -> dict:
    """A frame's change between two agreements split into PL, the stated lift, DUT and other adjustments,
    and what remains unexplained — never a PL-adjusted difference alone called real growth.

    PL: the earlier figure chained with one index (`SERIES_INDEX`), each year's estimate from that year's
    agreement; a later agreement revises earlier estimates (niveaukorrektion), which is not in the chain
    and so ends up in the unexplained part. Lift: `serviceramme_loeft` of the years after `fra` (service).
    Adjustments: the ledger's adjustments (text figure → tested level) of the years `fra` … `til`-1, carried
    into the next year's starting point and PL-converted to `til`.
    """
    index = SERIES_INDEX.get(key, "samlet")
    conv = convert(va, fra, til, index, agreements, supplied)
    pl = conv.result - va
    parts: list[dict] = [
        {
            "del": "PL",
            "mio": _plain(pl),
            "forklaring": f"{index}-PL {fra}→{til}, faktor {conv.factor:.6f}; skøn fra hvert års aftale "
            "(senere aftalers revision af tidligere skøn er ikke med)",
            "kilder": [link.source.kilde if link.source else "angivet af brugeren" for link in conv.links],
        }
    ]
    missing: list[str] = []
    if key == "serviceramme":
        lifts, sources = Decimal(0), []
        for year in range(fra + 1, til + 1):
            fig = agreements[year].figures.get("serviceramme_loeft") if year in agreements else None
            if fig is None or fig.value is None:
                missing.append(f"løft {year}")
                continue
            lifts += Decimal(fig.value)
            sources.append(agreement_value(agreements[year], "serviceramme_loeft")[1].kilde)
        parts.append(
            {
                "del": "løft",
                "mio": _plain(lifts),
                "forklaring": "aftalernes løft af udgangspunktet",
                "kilder": sources,
            }
        )
    target = key if key in ("serviceramme", "anlaegsramme") else None
    if target is not None:
        carried, sources = Decimal(0), []
        for year in range(fra, til):
            frame = _ledger_frame(target, year, agreements)
            # a lower bound (mindst_niveau) says the adjustments were at least its lift, not what they were
            known = (
                [x for x in frame.adjustments if x.beloeb is not None and x.art != "mindst_niveau"]
                if frame
                else []
            )
            if not known:
                bounds = [x.beloeb for x in frame.bounds if x.beloeb is not None] if frame else []
                lift = sum(bounds, Decimal(0))
                missing.append(
                    f"reguleringer {year}"
                    + (f" (kun en nedre grænse: mindst {_plain(lift)})" if lift else "")
                )
                continue
            amount = sum((x.beloeb for x in known if x.beloeb is not None), Decimal(0))
            carried += (
                convert(amount, year, til, index, agreements, supplied).result if year < til else amount
            )
            sources += [x.kilde for x in known]
        parts.append(
            {
                "del": "DUT og andre reguleringer",
                "mio": _plain(carried) if sources else None,
                "forklaring": "fra aftalens tal til det testede niveau, ført videre (PL-omregnet)",
                "kilder": sources,
            }
        )
    explained = sum((Decimal(str(p["mio"])) for p in parts if p["mio"] is not None), Decimal(0))
    parts.append(
        {
            "del": "uforklaret",
            "mio": _plain(vb - va - explained),
            "forklaring": "resten: revision af PL-skøn, reguleringer uden kendt beløb"
            + (f" (mangler: {', '.join(missing)})" if missing else ""),
            "kilder": [],
        }
    )
    return {
        "fra_i_faste_priser": _plain(conv.result),
        "aendring_ud_over_pl": _plain(vb - conv.result),
        "prisniveau": til,
        "indeks": index,
        "dekomponering": parts,
    }


#: the parts of a decomposed change, in the order tables show them
DECOMPOSITION_PARTS = ("PL", "løft", "DUT og andre reguleringer", "uforklaret")


def decomposition_part(row: dict, name: str) -> int | float | str | None:
    """One part of a row's decomposition for a table: the amount, "ukendt", or "nominelt" (no PL)."""
    parts = {p["del"]: p["mio"] for p in row.get("dekomponering") or []}
    if name in parts:
        return parts[name] if parts[name] is not None else "ukendt"
    return "nominelt" if name == "PL" and "nominelt" in (row.get("bemaerkning") or "") else None


def is_real_series(key: str) -> bool:
    """A real quantity (a frame, a Tabel 1 row) that PL conversion applies to; the rest are nominal."""
    return key in SERIES_INDEX or (key.startswith("balance.") and "betinget" not in key)


def _ledger_frame(target: str, year: int, agreements: dict[int, Agreement]) -> AdjustedFrame | None:
    try:
        return adjusted_frame(target, year, agreements)
    except RuleError:
        return None


def _plain(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _normal(title: str) -> str:
    """ "2. Kommunernes økonomiske rammer for 2023" -> "kommunernes økonomiske rammer"."""
    title = re.sub(r"^\s*(?:Bilag\s+)?\d+\.?\s*", "", title)
    title = re.sub(r"\b(?:for|i)\s+(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\b", "", title)
    return re.sub(r"\s+", " ", title).strip(" .–-").lower()


def _titles(doc: AgreementText, level: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for block in doc.blocks:
        if level == "kapitel" and block.section and block.section not in out.values():
            out.setdefault(_normal(block.section), block.section)
        in_table = (block.part or "").startswith("Tabel")  # captions and unit lines are no topics
        if (
            level == "emne"
            and block.kind == "heading"
            and block.section  # the title page is no topic either
            and not in_table
            and not re.match(r"^(?:\d+\.|Boks|Tabel|Bilag)", block.text)
            and 3 < len(block.text) < 90
        ):
            out.setdefault(_normal(block.text), block.text)
    return {k: v for k, v in out.items() if k}


def _new_and_gone(a: dict[str, str], b: dict[str, str]) -> dict[str, list[str]]:
    def matched(title: str, others: dict[str, str]) -> bool:
        return any(difflib.SequenceMatcher(None, title, o).ratio() >= _SAME_TITLE for o in others)

    return {
        "nye": [b[t] for t in b if not matched(t, a)],
        "bortfaldne": [a[t] for t in a if not matched(t, b)],
    }


def _pools(doc: AgreementText) -> dict[str, dict]:
    """Named pools and grants with an amount ("lånepulje på 500 mio. kr."), keyed by their normalised name."""
    out: dict[str, dict] = {}
    for block in doc.blocks:
        if block.kind not in ("paragraph", "bullet"):
            continue
        for m in _POOL_RE.finditer(block.text):
            name = m.group("name").lower()
            if name in _GENERIC_POOLS:
                continue
            value, _ = amount_mio(m)
            lo, hi = block.lines_of(m.start(), m.end())
            out.setdefault(name, {"navn": name, "mio": _plain(value), "linje_fra": lo, "linje_til": hi})
    return out
