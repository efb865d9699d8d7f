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
from kommuneokonomi.rules.params import RuleError
from kommuneokonomi.rules.prices import SERIES_INDEX, convert

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


def _figure_row(
    key: str,
    a: Agreement,
    b: Agreement,
    agreements: dict[int, Agreement],
    supplied: dict[int, Decimal] | None,
) -> dict:
    spec = spec_for(key)
    va = Decimal(a.figures[key].value) if _has(a, key) else None
    vb = Decimal(b.figures[key].value) if _has(b, key) else None
    row: dict = {
        "noegle": key,
        "betegnelse": spec.label,
        "enhed": spec.unit,
        "fra": _plain(va),
        "til": _plain(vb),
        "aendring": _plain(vb - va) if va is not None and vb is not None else None,
        "aendring_pct": _plain(round((vb - va) / abs(va) * 100, 2)) if va and vb is not None else None,
    }
    if spec.kind in ("amount", "balance") and va is not None and vb is not None:
        index = SERIES_INDEX.get(key, "samlet")
        try:
            fixed = convert(va, a.year, b.year, index, agreements, supplied).result
        except RuleError as exc:
            row.update({"fra_i_faste_priser": None, "real_aendring": None, "bemaerkning": str(exc)})
        else:
            row.update(
                {
                    "fra_i_faste_priser": _plain(fixed),
                    "real_aendring": _plain(vb - fixed),
                    "prisniveau": b.year,
                    "indeks": index,
                }
            )
    return row


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
