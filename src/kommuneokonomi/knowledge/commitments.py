"""Agreement statements (aftalepunkter): who agreed or promised what, with amounts, deadlines and source.

A sentence is a statement when the parties agree ("Regeringen og KL er enige om …", "Parterne er enige om
…", "Der er enighed mellem regeringen og KL om …"), one party commits ("Regeringen vil …", "KL vil …",
"forpligter sig"), declares ("tilkendegiver"), notes ("noterer sig") or takes note ("tager … til
efterretning"), also with inverted word order ("vil regeringen …"). A statement that ends in a colon
carries over to the bullets that follow it.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal

from kommuneokonomi.export import TableData
from kommuneokonomi.extraction.meta import MONTHS
from kommuneokonomi.extraction.numbers import AMOUNT_RE, amount_mio
from kommuneokonomi.knowledge.corpus import AgreementText
from kommuneokonomi.knowledge.text import sentences, stem, tokens
from kommuneokonomi.models import Block

_PARTY = r"(?:[Rr]egeringen|KL|[Pp]arterne|Danske Regioner|[Aa]ftalepartierne|[Ss]taten|[Kk]ommunerne)"
TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "enige",
        re.compile(rf"\b{_PARTY}\b[^.:;]{{0,90}}?\b(?:er|var|blev)?\s*(?:\w+ ){{0,5}}?enige?\s+(?:om|i)\b"),
    ),
    (
        "enighed",
        re.compile(r"\b(?:[Dd]er er|[Dd]er var|[Mm]ed aftalen er der|er der)\s+(?:\w+ ){0,4}?enighed\b"),
    ),
    # a sentence whose subject was cut off by the layout ("… er enige om at samarbejde herom")
    ("enige", re.compile(r"^(?:er|var)\s+(?:\w+ ){0,3}?enige?\s+(?:om|i)\b")),
    # "vil" commits, except in the passive ("KL vil blive inddraget")
    ("vil", re.compile(rf"\b{_PARTY}(?:\s*(?:,|og)\s*{_PARTY})*\s+vil\b(?!\s+blive\b)|\bvil\s+{_PARTY}\b")),
    ("tilkendegiver", re.compile(r"\b(?:tilkendegiv(?:er|et|e)|tilkendegav)\b")),
    ("forpligter", re.compile(r"\bforpligte[rt]?\s+sig\b")),
    ("noterer", re.compile(r"\bnoterer sig\b")),
    ("efterretning", re.compile(r"\btager\b[^.]{0,80}?\btil efterretning\b")),
)
PARTIES = {
    "Regeringen": re.compile(r"\b[Rr]egeringen\b"),
    "KL": re.compile(r"\bKL\b"),
    "Danske Regioner": re.compile(r"\bDanske Regioner\b"),
}
_OTHER_PARTY_RE = re.compile(
    r"\b(?:[A-ZÆØÅ][\w-]*(?:- og [A-Za-zæøå]+)?ministeriet|[Aa]ftalepartierne|"
    r"[Ff]orligskredsen|[Ff]orligskredspartierne|Udbetaling Danmark|Danmarks Statistik)\b"
)
#: kinds, in priority order; the first whose words occur in the statement wins
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "arbejdsgruppe",
        re.compile(
            r"arbejdsgruppe|task ?force|ekspertudvalg|styregruppe|partnerskab|"
            r"sekretariat|samarbejdsprogram|kommission",
            re.I,
        ),
    ),
    ("analyse", re.compile(r"analyse|kortlæg|afdæk|undersøge|belys|vurdere mulighed|se på", re.I)),
    ("evaluering", re.compile(r"evaluer|opfølgning|følge op|følge udvikling|følger udvikling", re.I)),
    (
        "lov og regler",
        re.compile(
            r"\blov|lovgivning|lovforslag|regelforenkl|regler\b|reglerne|regelsæt|"
            r"bekendtgørelse|vejledning|forenkl|dokumentationskrav|lempe",
            re.I,
        ),
    ),
    (
        "penge og puljer",
        re.compile(
            r"mio\. kr\.|mia\. kr\.|pulje|bloktilskud|tilskud|finansier|kompens|"
            r"lånepulje|afsætte|ramme",
            re.I,
        ),
    ),
    (
        "data og rapportering",
        re.compile(
            r"data|nøgletal|indberet|afrapport|redegørelse|statistik|monitor|"
            r"dokumentation|opgørelse",
            re.I,
        ),
    ),
)
OTHER_KIND = "andet"
_SEASON_END = {"foråret": (5, 31), "sommeren": (8, 31), "efteråret": (11, 30), "vinteren": (12, 31)}
_MONTHS_RE = "|".join(MONTHS)
DEADLINES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            rf"senest (?:d\.\s*)?(?P<day>\d{{1,2}})\.\s*(?P<month>{_MONTHS_RE}) (?P<year>\d{{4}})", re.I
        ),
        "dag",
    ),
    (
        re.compile(
            rf"(?:senest|inden|ved udgangen af|i) (?P<month>{_MONTHS_RE}) (?:måned )?(?P<year>\d{{4}})", re.I
        ),
        "maaned",
    ),
    (re.compile(r"(?:inden|ved|før) udgangen af (?P<year>\d{4})"), "aar"),
    (re.compile(r"i løbet af (?P<year>\d{4})"), "aar"),
    (
        re.compile(
            r"(?:i|inden|til|om|frem mod) (?P<season>foråret|sommeren|efteråret|vinteren) (?P<year>\d{4})"
        ),
        "saeson",
    ),
    (re.compile(r"(?P<half>første|anden) halv(?:del af|år|året) (?P<year>\d{4})"), "halvaar"),
    (re.compile(r"(?P<when>primo|medio|ultimo) (?P<year>\d{4})"), "primo"),
    (
        re.compile(
            r"(?:frem mod|forud for|inden|i forbindelse med|ifm\.?|til|med|i) "
            r"(?:de kommende )?(?:økonomiforhandlingerne|økonomiaftalen|økonomiaftalerne|forhandlingerne om "
            r"kommunernes økonomi|aftalen om kommunernes økonomi) (?:for|i) (?P<year>\d{4})",
            re.I,
        ),
        "cyklus",
    ),
    (re.compile(r"\bØA ?(?P<yy>\d{2})\b"), "cyklus_kort"),
)


@dataclass
class Commitment:
    aar: int
    kapitel: str | None
    emne: str | None
    parter: list[str]
    andre_parter: list[str]
    art: str
    udsagn: str  # the trigger: enige, enighed, vil, tilkendegiver, forpligter, noterer, efterretning
    tekst: str
    linje_fra: int
    linje_til: int
    beloeb: list[dict] = field(default_factory=list)
    frister: list[dict] = field(default_factory=list)
    status: str | None = None  # set by follow-up analysis
    opfoelgning: list[dict] = field(default_factory=list)
    id: str = ""  # set by extract_commitments (see assign_ids)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "aar": self.aar,
            "kapitel": self.kapitel,
            "emne": self.emne,
            "parter": self.parter,
            "andre_parter": self.andre_parter,
            "art": self.art,
            "udsagn": self.udsagn,
            "tekst": self.tekst,
            "linje_fra": self.linje_fra,
            "linje_til": self.linje_til,
            "beloeb": self.beloeb,
            "frister": self.frister,
            "status": self.status,
            "opfoelgning": self.opfoelgning,
        }


def trigger(sentence: str) -> str | None:
    for name, pattern in TRIGGERS:
        if pattern.search(sentence):
            return name
    return None


def parties(sentence: str, kind: str) -> tuple[list[str], list[str]]:
    """The parties that agree or commit; "Parterne" (or no name) means the agreement's parties, Regeringen
    and KL. For "enige" and "vil" the subjects are read from every match in the sentence ("Regeringen vil …
    KL vil …", "vil regeringen …"); for the other forms from the words before the verb."""
    if kind in ("enige", "vil"):
        head = " ".join(
            m.group(0) for name, pattern in TRIGGERS if name == kind for m in pattern.finditer(sentence)
        )
    else:
        m = re.search(r"\btilkendegiv|\bforpligte|\bnoterer\b|\btager\b|\benighed\b", sentence)
        head = sentence[: m.end()] if m and kind != "enighed" else sentence
    named = [name for name, pattern in PARTIES.items() if pattern.search(head)]
    if not named or re.search(r"\b[Pp]arterne\b", head):
        for default in ("Regeringen", "KL"):
            if default not in named:
                named.append(default)
    order = list(PARTIES)
    others = sorted({m.group(0) for m in _OTHER_PARTY_RE.finditer(sentence)})
    return sorted(set(named), key=order.index), others


def classify(sentence: str) -> str:
    for name, pattern in KINDS:
        if pattern.search(sentence):
            return name
    return OTHER_KIND


def amounts(sentence: str) -> list[dict]:
    out = []
    for m in AMOUNT_RE.finditer(sentence):
        value, _ = amount_mio(m)
        after = sentence[m.end() : m.end() + 45]
        years = re.match(
            r"\s*(?:årligt\s+)?(?:i perioden |fra |i |for |til )?(?P<a>\d{4})(?:\s*[-–]\s*(?P<b>\d{4}))?",
            after,
        )
        entry: dict = {"beloeb_mio": _num(value), "aar": None, "ca": m.group("approx") is not None}
        if years:
            a, b = int(years.group("a")), years.group("b")
            entry["aar"] = list(range(a, int(b) + 1)) if b else [a]
        out.append(entry)
    return out


def deadlines(sentence: str, year: int) -> list[dict]:
    """Deadlines in a statement of the agreement for `year`; a reference to an earlier agreement cycle
    ("i økonomiaftalen for 2018" in the 2019 agreement) is history, not a deadline. Each value once."""
    out: list[dict] = []
    seen: set[tuple[int, int]] = set()
    for pattern, kind in DEADLINES:
        for m in pattern.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in seen):
                continue
            value = _deadline_value(m, kind)
            if not value or (value.startswith("ØA") and 2000 + int(value[2:]) <= year):
                continue
            seen.add((m.start(), m.end()))
            if all(e["vaerdi"] != value for e in out):
                out.append(
                    {
                        "type": "aftalecyklus" if value.startswith("ØA") else "dato",
                        "vaerdi": value,
                        "tekst": m.group(0),
                    }
                )
    return out


def _deadline_value(m: re.Match[str], kind: str) -> str | None:
    if kind == "cyklus_kort":
        return f"ØA{m.group('yy')}"
    if "year" not in m.groupdict() or not m.group("year"):  # every other pattern has a year
        return None
    year = int(m.group("year"))
    if kind == "dag":
        return f"{year:04d}-{MONTHS[m.group('month').lower()]:02d}-{int(m.group('day')):02d}"
    if kind == "maaned":
        month = MONTHS[m.group("month").lower()]
        return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    if kind == "aar":
        return f"{year:04d}-12-31"
    if kind == "saeson":
        month, day = _SEASON_END[m.group("season")]
        return f"{year:04d}-{month:02d}-{day:02d}"
    if kind == "halvaar":
        return f"{year:04d}-06-30" if m.group("half") == "første" else f"{year:04d}-12-31"
    if kind == "primo":
        return f"{year:04d}-" + {"primo": "03-31", "medio": "06-30", "ultimo": "12-31"}[m.group("when")]
    if kind == "cyklus":
        return f"ØA{year % 100:02d}"
    return None


def _num(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def extract_commitments(doc: AgreementText) -> list[Commitment]:
    out: list[Commitment] = []
    heading: str | None = None
    section: str | None = None
    lead: Commitment | None = None  # a statement ending in ":" whose bullets follow
    for block in doc.blocks:
        if block.section != section:
            section, heading = block.section, None
        if block.kind == "heading":
            heading = block.text
            lead = None
            continue
        if block.kind not in ("paragraph", "bullet"):
            lead = None
            continue
        if block.kind == "bullet" and lead is not None:
            out.append(_record(doc.year, block, 0, len(block.text), lead.udsagn, heading, lead))
            continue
        lead = None
        for start, end in sentences(block.text):
            sentence = block.text[start:end]
            name = trigger(sentence)
            if name is None:
                continue
            record = _record(doc.year, block, start, end, name, heading, None)
            if sentence.rstrip().endswith(":"):
                lead = record
            if procedural(sentence):
                continue  # a lead without content ("Parterne er enige om, at:") lives in its bullets
            out.append(record)
    assign_ids(out)
    return out


def assign_ids(items: list[Commitment]) -> None:
    """Ids that are unique in an agreement and stable: the year and a short hash of the statement's words,
    so a re-build or a new version of the agreement that leaves the statement as it was keeps its id even
    when its lines move. The same words twice in one agreement get the second hash of their words and an
    ordinal."""
    seen: set[str] = set()
    for c in items:
        words = " ".join(c.tekst.split())
        n = 0
        while True:
            key = words if n == 0 else f"{words}#{n}"
            cid = f"{c.aar}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"
            if cid not in seen:
                break
            n += 1
        seen.add(cid)
        c.id = cid


#: words that carry no task of their own: asking parliament, pointing back ("hertil", "herom"), the
#: statement verbs and the parties themselves
_PROCEDURAL_TEXT = (
    "regeringen kl parterne danske regioner aftalepartierne staten kommunerne enige enighed enig "
    "vil tilkendegiver forpligter noterer tager efterretning søge søger opbakning tilslutning "
    "folketinget folketingets hertil herom heraf herfor hermed herpå derpå dertil derom dette disse "
    "samtidig derfor endvidere desuden også ligeledes fortsat løbende tæt vende tilbage drøfte "
    "følge følges op sagen spørgsmålet udviklingen området områderne ifm forbindelse årlige "
    "økonomiforhandlinger række nye initiativer tiltag"
)
_PROCEDURAL_WORDS = frozenset(stem(w) for w in _PROCEDURAL_TEXT.split())


def procedural(sentence: str) -> bool:
    """A statement with no content of its own ("Regeringen vil søge Folketingets opbakning hertil.",
    "Parterne er enige herom."): once the parties, the statement verb and procedural or pointing words
    are gone, no word is left."""
    return not [t for t in tokens(sentence) if t.stem not in _PROCEDURAL_WORDS and not t.text.isdigit()]


def _record(
    year: int, block: Block, start: int, end: int, name: str, heading: str | None, lead: Commitment | None
) -> Commitment:
    sentence = block.text[start:end].strip()
    named, others = (lead.parter, lead.andre_parter) if lead else parties(sentence, name)
    lo, hi = block.lines_of(start, end)
    return Commitment(
        aar=year,
        kapitel=block.section,
        emne=heading or (block.part or None),
        parter=named,
        andre_parter=others,
        art=classify(sentence),
        udsagn=name,
        tekst=sentence,
        linje_fra=lo,
        linje_til=hi,
        beloeb=amounts(sentence),
        frister=deadlines(sentence, year),
    )


def all_commitments(texts: dict[int, AgreementText]) -> list[Commitment]:
    return [c for doc in texts.values() for c in extract_commitments(doc)]


def commitments_table(items: list[Commitment]) -> TableData:
    rows = [
        [
            c.id,
            c.aar,
            c.kapitel or "",
            c.emne or "",
            ", ".join(c.parter),
            c.art,
            "; ".join(f["vaerdi"] for f in c.frister),
            c.status or "",
            f"{c.linje_fra}-{c.linje_til}",
            c.tekst,
        ]
        for c in items
    ]
    return TableData(
        f"Aftalepunkter ({len(items)})",
        ["Id", "År", "Kapitel", "Emne", "Parter", "Art", "Frister", "Status", "Linjer", "Tekst"],
        rows,
    )
