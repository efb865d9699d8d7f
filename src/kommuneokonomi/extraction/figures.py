"""Key figures stated in the agreement text (frames, conditional grant, PL, tax schemes, pools).

Each key has one or more patterns, tried in order; the first match in reading order wins. A key that no
pattern finds is null: never guessed, never carried over from another year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from kommuneokonomi.extraction.numbers import NUMBER, parse_number, precision_of, to_mio
from kommuneokonomi.models import Block, Document, Figure

Emit = Callable[[re.Match[str], Block, int], Iterator[Figure]]


def amount(name: str) -> str:
    """An amount in mia./mio. kr. with named groups NAME, NAME_unit (and NAME_approx for "ca.")."""
    return rf"(?P<{name}_approx>ca\.\s+)?(?P<{name}>{NUMBER})\s+(?P<{name}_unit>mia|mio)\.\s*kr\.?"


def number(name: str) -> str:
    return rf"(?P<{name}>{NUMBER})"


def _mio(m: re.Match[str], name: str) -> tuple[Decimal, Decimal]:
    unit = m.group(f"{name}_unit")
    return to_mio(parse_number(m.group(name)), unit), to_mio(precision_of(m.group(name)), unit)


def _figure(
    key: str,
    m: re.Match[str],
    block: Block,
    value,
    unit: str | None,
    price_level: int | None,
    precision: Decimal | None = None,
    group: str | None = None,
) -> Figure:
    start, end = (m.start(group), m.end(group)) if group else (m.start(), m.end())
    return Figure(
        key=key,
        value=value,
        unit=unit,
        price_level=price_level,
        precision=precision,
        source=block.source(start, end),
    )


def amount_figure(key: str, group: str = "v") -> Emit:
    def emit(m: re.Match[str], block: Block, year: int) -> Iterator[Figure]:
        value, precision = _mio(m, group)
        yield _figure(key, m, block, value, "mio. kr.", year, precision)

    return emit


def percent_figure(key: str, group: str = "v") -> Emit:
    def emit(m: re.Match[str], block: Block, year: int) -> Iterator[Figure]:
        yield _figure(key, m, block, parse_number(m.group(group)), "pct.", None, precision_of(m.group(group)))

    return emit


def per_capita_figure(key: str, group: str = "v") -> Emit:
    def emit(m: re.Match[str], block: Block, year: int) -> Iterator[Figure]:
        yield _figure(key, m, block, parse_number(m.group(group)), "kr. pr. indbygger", None, Decimal(1))

    return emit


def _midtvejsregulering(m: re.Match[str], block: Block, year: int) -> Iterator[Figure]:
    yield from amount_figure("midtvejsregulering")(m, block, year)
    yield _figure("midtvejsregulering_aar", m, block, int(m.group("year")), "år", None, group="year")


def _finansieringstilskud(m: re.Match[str], block: Block, year: int) -> Iterator[Figure]:
    yield from amount_figure("finansieringstilskud")(m, block, year)
    yield from amount_figure("finansieringstilskud_efter_vilkaar", "w")(m, block, year)


def _ramme_som_tilskud(m: re.Match[str], block: Block, year: int) -> Iterator[Figure]:
    """ "… på op til 150 mio. kr. samt en tilsvarende ramme til forhøjelser": the same amount."""
    yield from amount_figure("ramme_skatteforhoejelse")(m, block, year)


_SCHEDULE_ITEM_RE = re.compile(
    rf"{number('pct')}\s*pct\.(?:\s+af provenutabet)?\s+i\s+"
    r"(?P<years>\d{4}(?:\s+og\s+\d{4})*)"
)


def _tilskudsprocent(m: re.Match[str], block: Block, year: int) -> Iterator[Figure]:
    """ "75 pct. af provenutabet i 2020, 50 pct. i 2021 og 2022 og 25 pct. i 2023" -> one key per year."""
    pos = m.end()
    for item in _SCHEDULE_ITEM_RE.finditer(block.text, pos):
        if not re.fullmatch(r"[\s,]*(?:og\s*)?", block.text[pos : item.start()]):
            break
        for y in re.findall(r"\d{4}", item.group("years")):
            src = block.source(item.start(), item.end())
            yield Figure(
                key=f"tilskudsprocent.{y}",
                value=parse_number(item.group("pct")),
                unit="pct.",
                price_level=None,
                source=src,
                precision=precision_of(item.group("pct")),
            )
        pos = item.end()


@dataclass(frozen=True)
class Pattern:
    keys: tuple[str, ...]  # the keys this pattern yields (a later pattern for a found key is skipped)
    regex: re.Pattern[str]
    emit: Emit


def _p(keys: str | tuple[str, ...], regex: str, emit: Emit) -> Pattern:
    keys = (keys,) if isinstance(keys, str) else keys
    return Pattern(keys, re.compile(regex, re.IGNORECASE), emit)


PATTERNS: tuple[Pattern, ...] = (
    _p(
        "serviceramme",
        r"serviceramme\s+(?:derved\s+)?udgør\s+(?:derved\s+)?samlet set\s+" + amount("v"),
        amount_figure("serviceramme"),
    ),
    _p(
        "serviceramme_loeft",
        r"løfte dette udgangspunkt med\s+" + amount("v"),
        amount_figure("serviceramme_loeft"),
    ),
    _p(
        "anlaegsramme",
        r"kommunernes investeringer i \d{4} udgør\s+" + amount("v"),
        amount_figure("anlaegsramme"),
    ),
    _p(
        "betinget_bloktilskud_anlaeg",
        amount("v")
        + r"\s+af kommunernes bloktilskud betinget af,? at kommunernes budgetterede anlægsudgifter",
        amount_figure("betinget_bloktilskud_anlaeg"),
    ),
    _p(
        "betinget_bloktilskud_service",
        amount("v") + r"\s+af kommunernes bloktilskud betinget af kommunernes aftaleoverholdelse",
        amount_figure("betinget_bloktilskud_service"),
    ),
    _p(
        "pl_samlet",
        r"for de samlede udgifter inkl\. overførsler på\s+" + number("v") + r"\s*pct\.",
        percent_figure("pl_samlet"),
    ),
    _p(
        "pl_service",
        r"PL-skønnet for serviceudgifter\s*\(ekskl\. overførsler\)\s*er\s+" + number("v") + r"\s*pct\.",
        percent_figure("pl_service"),
    ),
    _p(
        "pl_anlaeg",
        r"PL-skønnet for anlægsudgifter er\s+" + number("v") + r"\s*pct\.",
        percent_figure("pl_anlaeg"),
    ),
    _p(
        "satsregulering",
        r"satsreguleringsprocent for \d{4} på\s+" + number("v") + r"\s*pct\.",
        percent_figure("satsregulering"),
    ),
    _p(
        ("midtvejsregulering", "midtvejsregulering_aar"),
        r"midtvejsregulering vedrørende (?P<year>\d{4}) på\s+" + amount("v"),
        _midtvejsregulering,
    ),
    _p(
        "grundbidrag_forrige",
        r"korrigeret til\s+" + number("v") + r"\s*kr\. pr\. indbygger",
        per_capita_figure("grundbidrag_forrige"),
    ),
    _p(
        "grundbidrag_forrige",
        r"grundbidrag på udviklingsområdet for \d{4} var\s+" + number("v") + r"\s*kr\. pr\. indbygger",
        per_capita_figure("grundbidrag_forrige"),
    ),
    _p(
        "grundbidrag",
        r"vil være et grundbidrag på\s+" + number("v") + r"\s*kr\. pr\. indbygger",
        per_capita_figure("grundbidrag"),
    ),
    _p(
        "pl_regioner",
        r"regionale pris- og lønudvikling fra \d{4}\s*-\s*\d{4} på\s+" + number("v") + r"\s*pct\.",
        percent_figure("pl_regioner"),
    ),
    _p(
        "tilskud_skattenedsaettelse",
        r"ramme til (?:skatte)?nedsættelser[^.]{0,80}?med tilskud[^.]{0,40}?\s+på op til\s+" + amount("v"),
        amount_figure("tilskud_skattenedsaettelse"),
    ),
    _p(
        "tilskud_skattenedsaettelse",
        r"tilskudsordning til skattenedsættelse på\s+" + amount("v"),
        amount_figure("tilskud_skattenedsaettelse"),
    ),
    _p(
        "tilskud_skattenedsaettelse",
        r"skattenedsættelser på over\s+" + amount("v") + r",? nedsættes tilskudsprocenten",
        amount_figure("tilskud_skattenedsaettelse"),
    ),
    _p(
        "ramme_skattenedsaettelse_udligning",
        r"øges rammen til nedsættelser af udskrivningsprocenten med op til\s+" + amount("v"),
        amount_figure("ramme_skattenedsaettelse_udligning"),
    ),
    # the only subsidised tax-cut frame an agreement states may be the udligningsreform's (2024)
    _p(
        "tilskud_skattenedsaettelse",
        r"øges rammen til nedsættelser af udskrivningsprocenten med op til\s+" + amount("v"),
        amount_figure("tilskud_skattenedsaettelse"),
    ),
    _p(
        "ramme_skatteforhoejelse",
        r"hæve skatten i \d{4} inden for en ramme på\s+" + amount("v"),
        amount_figure("ramme_skatteforhoejelse"),
    ),
    _p(
        "ramme_skatteforhoejelse",
        r"på op til\s+" + amount("v") + r"\s+samt en tilsvarende ramme til (?:skatte)?forhøjelser",
        _ramme_som_tilskud,
    ),
    _p("tilskudsprocent.*", r"Tilskudsprocenten kan høje?st udgøre\s+", _tilskudsprocent),
    _p(
        ("finansieringstilskud", "finansieringstilskud_efter_vilkaar"),
        r"finansieringstilskud på\s+"
        + amount("v")
        + r" i \d{4}, hvoraf\s+"
        + amount("w")
        + r" fordeles på baggrund af kommunernes grundlæggende økonomiske vilkår",
        _finansieringstilskud,
    ),
)

_TEXT_KINDS = ("paragraph", "bullet", "heading")


def find_text_figures(doc: Document, year: int) -> dict[str, Figure]:
    figures: dict[str, Figure] = {}
    text_blocks = [b for b in doc.blocks if b.kind in _TEXT_KINDS]
    for pattern in PATTERNS:
        if all(
            k in figures or (k.endswith(".*") and any(f.startswith(k[:-1]) for f in figures))
            for k in pattern.keys
        ):
            continue
        for block in text_blocks:
            m = pattern.regex.search(block.text)
            if m:
                for fig in pattern.emit(m, block, year):
                    figures.setdefault(fig.key, fig)
                break
    return figures
