"""Real-layout agreement PDFs for the PDF reader's tests, laid out as a ministry publishes them.

reportlab platypus, deterministic (`invariant=1`): justified paragraphs, a running header and a footer
with the page number on every page, bold headings, a title over two lines, Boks 1 beside the running text
(text flows around it; shaded, framed or bare), a shaded or framed Boks 2 inside it, the balance table
(Tabel 1) drawn as a grid: on one page, split by a page break with its header row repeated, or with two
numeric columns. Every text is invented for these tests (plausible, not taken from any agreement).
`build` returns the source content so tests can compare what the reader gives back with what was drawn.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    ImageAndFlowables,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

YEAR = 2027
TITLE_LINES = ("Aftale om kommunernes økonomi", f"for {YEAR}")
HEADER = f"Aftale om kommunernes økonomi for {YEAR} · Juni {YEAR - 1}"
DATE = f"11. juni {YEAR - 1}"
FONT, BOLD = "Vera", "VeraBd"

#: (label, amount in mio. kr. as printed, amount of the second column) — incomes negative
BALANCE_ROWS: tuple[tuple[str, str, str], ...] = (
    ("Serviceudgifter, netto", "318.452", "309.870"),
    ("Aktivitetsbestemt medfinansiering", "23.118", "22.640"),
    ("Overførsler", "84.206", "82.915"),
    ("Bruttoanlæg (ekskl. ældreboliger)", "21.950", "20.300"),
    ("Øvrige udgifter", "1.734", "1.702"),
    ("Udgifter i alt", "449.460", "437.427"),
    ("Skatteindtægter", "-331.805", "-322.460"),
    ("Bloktilskud mv.", "-98.112", "-95.204"),
    ("Heraf betinget bloktilskud", "-3.000", "-3.000"),
    ("Øvrige indtægter", "-19.543", "-19.763"),
    ("Indtægter i alt", "-449.460", "-437.427"),
)
#: the canonical keys (docs/design.md) of the rows above, in order
BALANCE_KEYS = (
    "serviceudgifter",
    "aktivitetsbestemt_medfinansiering",
    "overfoersler",
    "bruttoanlaeg",
    "oevrige_udgifter",
    "udgifter_i_alt",
    "skatteindtaegter",
    "bloktilskud",
    "heraf_betinget_bloktilskud",
    "oevrige_indtaegter",
    "indtaegter_i_alt",
)
#: key figures the text states (value as printed in mio. kr. or pct.)
TEXT_FIGURES = {
    "serviceramme": "318452",
    "pl_samlet": "2.8",
    "pl_service": "3.1",
    "pl_anlaeg": "2.6",
    "satsregulering": "2.3",
    "anlaegsramme": "21950",
    "betinget_bloktilskud_service": "3000",
}
UNIT = f"Mio. kr., {YEAR}-pl"
COLUMNS = ("Aftale", f"Budget {YEAR - 1}")

INTRO = (
    "Kommunerne løser en bred vifte af opgaver tæt på borgerne, fra dagtilbud og folkeskole til pleje og "
    "omsorg for de ældre. Regeringen og KL er enige om, at den kommunale økonomi skal understøtte en "
    "stabil udvikling i den borgernære velfærd, samtidig med at de offentlige finanser holdes på et "
    "holdbart spor i de kommende år.",
    "Parterne er enige om at fortsætte arbejdet med at frigøre tid og ressourcer gennem enklere regler, "
    "bedre digitale løsninger og en mere målrettet dokumentation. Arbejdet tilrettelægges i tæt dialog "
    "mellem staten, kommunerne og de faglige organisationer, så erfaringerne fra praksis indgår.",
)
FRAMES = (
    f"Kommunernes serviceramme udgør samlet set 318.452 mio. kr. i {YEAR}. Rammen afspejler de "
    "demografiske udgiftsbehov og de aftalte prioriteringer, og den fastlægges på baggrund af det "
    "forventede udgiftsniveau i de budgetter, som kommunerne har vedtaget for indeværende år.",
    f"Der anvendes et skøn for pris- og lønudviklingen for kommunerne fra {YEAR - 1}-{YEAR} for de "
    "samlede udgifter inkl. overførsler på 2,8 pct. PL-skønnet for serviceudgifter (ekskl. "
    f"overførsler) er 3,1 pct. fra {YEAR - 1}-{YEAR}, og PL-skønnet for anlægsudgifter er 2,6 pct. "
    f"fra {YEAR - 1}-{YEAR}. Der er forudsat en satsreguleringsprocent for {YEAR} på 2,3 pct.",
    f"Kommunernes investeringer i {YEAR} udgør 21.950 mio. kr. Niveauet giver plads til at vedligeholde "
    "skoler, plejecentre og veje, og det giver samtidig mulighed for at omstille bygninger og anlæg til "
    "mindre energiforbrug, hvor det kan betale sig over anlæggets levetid.",
)
BOX1 = (
    "Boks 1",
    "Sammenhængende forløb for borgerne",
    "Regeringen og KL vil i fællesskab kortlægge, hvor borgere med komplekse behov oplever brud i "
    "forløbet mellem kommune, region og stat. Kortlægningen skal være afsluttet inden udgangen af året.",
)
AROUND_BOX = (
    "Parterne er enige om, at kommunerne fortsat skal have gode rammer for at samarbejde på tværs. Der er "
    "behov for, at data kan deles sikkert og enkelt, når det gavner borgeren, og at de fælles it-systemer "
    "understøtter arbejdsgangene frem for at skabe ekstra registrering for medarbejderne.",
    "Samtidig skal det være lettere for mindre kommuner at dele specialiserede kompetencer med deres "
    "naboer. Det kan ske gennem fælles driftsenheder, aftaler om køb af ydelser eller netværk, hvor "
    "medarbejderne deler viden om de mest komplicerede sager på tværs af kommunegrænserne.",
    "Erfaringerne fra de første samarbejder viser, at en klar ansvarsfordeling og en fælles forståelse af "
    "målgruppen er afgørende. Parterne vil derfor udarbejde en vejledning, som samler de gode eksempler "
    "og beskriver, hvordan samarbejdet kan organiseres juridisk og økonomisk.",
)
BOX2 = (
    "Boks 2",
    "Tilskud til kommuner med store udfordringer",
    "Der afsættes et særligt tilskud til kommuner, hvor udgifterne til udsatte børn og unge er steget "
    "markant. Tilskuddet fordeles efter ansøgning og ud fra objektive kriterier for udgiftsbehovet.",
)
GRANT = (
    "Det er aftalt, at 3.000 mio. kr. af kommunernes bloktilskud betinget af kommunernes "
    "aftaleoverholdelse i budgetterne. Den betingede del af bloktilskuddet udbetales, hvis kommunerne "
    "under ét budgetterer inden for den aftalte serviceramme.",
    "Tilskuddet til kommuner med store udfordringer udbetales sammen med de øvrige tilskud, og der "
    "følges op på anvendelsen i forbindelse med den årlige budgetopfølgning mellem parterne.",
)
AFTER_TABLE = (
    "Balancen er opgjort med de forudsætninger, som ligger til grund for aftalen, og den vil blive "
    "opdateret i forbindelse med det kommende lovforslag om tilskud og udligning.",
)
FILLER = (
    "Parterne vil følge udviklingen i udgifterne tæt gennem året. Hvis der opstår væsentlige afvigelser "
    "fra de forudsætninger, der ligger til grund for aftalen, drøfter regeringen og KL, hvordan de kan "
    "håndteres inden for de samlede rammer, uden at det går ud over kvaliteten i kerneopgaverne.",
)


def expected_figures() -> dict[str, str]:
    """What the extractor should find in every layout (the agreement's own column of Tabel 1)."""
    figures = {"aar": str(YEAR), "aftale_dato": f"{YEAR - 1}-06-11", **TEXT_FIGURES}
    for key, row in zip(BALANCE_KEYS, BALANCE_ROWS, strict=True):
        figures[f"balance.{key}"] = row[1].replace(".", "")
    return figures


@dataclass
class Layout:
    """What was drawn, for the tests to compare with."""

    path: Path
    title: str
    paragraphs: list[str] = field(default_factory=list)
    boxes: dict[str, list[str]] = field(default_factory=dict)  # "Boks 1" -> its texts in order
    rows: list[tuple[str, ...]] = field(default_factory=list)  # label and amounts as printed
    header: str = HEADER


def _fonts() -> None:
    base = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    for name, file in ((FONT, "Vera.ttf"), (BOLD, "VeraBd.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, os.path.join(base, file)))


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=10, leading=13.5, alignment=TA_JUSTIFY, spaceAfter=7
    )
    return {
        "body": body,
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=20, leading=25, spaceAfter=14),
        "date": ParagraphStyle("date", fontName=FONT, fontSize=11, leading=14, spaceAfter=24),
        "h1": ParagraphStyle("h1", fontName=BOLD, fontSize=13, leading=16, spaceBefore=10, spaceAfter=6),
        "h2": ParagraphStyle("h2", fontName=BOLD, fontSize=10.5, leading=13.5, spaceBefore=4, spaceAfter=4),
        "box": ParagraphStyle("box", parent=body, fontSize=9, leading=12, spaceAfter=4),
        "boxhead": ParagraphStyle("boxhead", fontName=BOLD, fontSize=9.5, leading=12, spaceAfter=3),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=11),
        "caption": ParagraphStyle("caption", fontName=BOLD, fontSize=10, leading=13, spaceAfter=4),
    }


def _furniture(canvas, doc) -> None:
    width, height = A4
    canvas.saveState()
    canvas.setFont(FONT, 8)
    canvas.setFillColor(colors.HexColor("#555555"))
    canvas.drawString(doc.leftMargin, height - 14 * mm, HEADER)
    canvas.drawCentredString(width / 2, 12 * mm, str(doc.page))
    canvas.restoreState()


class _Box(Table):
    """A one-column table that text can flow around (ImageAndFlowables asks it for its size); `framed`
    draws a rectangle round it, as word processors frame a box."""

    framed = False

    def _restrictSize(self, avail_width, avail_height):
        return self.wrap(avail_width, avail_height)

    def _unRestrictSize(self):
        pass

    def draw(self):
        if self.framed:
            self.canv.setStrokeColor(colors.HexColor("#1f4e79"))
            self.canv.rect(0, 0, self._width, self._height, stroke=1, fill=0)
        super().draw()


def _template(target: Path, title: str = "") -> SimpleDocTemplate:
    """A4 with ministry-like margins; `invariant` makes the file the same bytes every run."""
    margins = {"leftMargin": 25 * mm, "rightMargin": 25 * mm, "topMargin": 25 * mm, "bottomMargin": 22 * mm}
    return SimpleDocTemplate(str(target), pagesize=A4, title=title, invariant=1, **margins)


def _box(
    st: dict[str, ParagraphStyle], box: tuple[str, str, str], width: float, look: str = "shaded"
) -> Table:
    """A box: "shaded", "framed" by a line, or "bare" (set apart by its place only)."""
    cells = [[Paragraph(text, st["boxhead" if i < 2 else "box"])] for i, text in enumerate(box)]
    t = _Box(cells, colWidths=[width])
    t.framed = look == "framed"
    shade = colors.HexColor("#dfe9f3") if look == "shaded" else colors.white
    t.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), shade),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, 0), 8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
            ]
        )
    )
    return t


def _balance(st: dict[str, ParagraphStyle], two_columns: bool) -> Table:
    """The two-column table has a narrow label column: long labels wrap onto a second line."""
    head = [UNIT, *(COLUMNS if two_columns else COLUMNS[:1])]
    label = (lambda text: Paragraph(text, st["cell"])) if two_columns else str
    data = [head] + [[label(row[0]), *(row[1:] if two_columns else row[1:2])] for row in BALANCE_ROWS]
    widths = [(40 if two_columns else 78) * mm] + [28 * mm] * (len(head) - 1)
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTNAME", (0, 0), (-1, 0), BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7f7f7f")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#c9d7e6")),
                ("FONTNAME", (0, 6), (-1, 6), BOLD),
                ("FONTNAME", (0, 11), (-1, 11), BOLD),
            ]
        )
    )
    return t


def build(target: Path, split_table: bool = False, two_columns: bool = False) -> Layout:
    """Lay out one agreement. `split_table` pushes Tabel 1 to a page end so a page break splits it (and
    frames Boks 2 by a line, and Boks 1 beside the text has neither shade nor frame); `two_columns` gives
    Tabel 1 a second column of amounts (and frames Boks 1)."""
    _fonts()
    st = _styles()
    layout = Layout(path=target, title=" ".join(TITLE_LINES))
    story: list = []

    def para(text: str, style: str = "body") -> None:
        story.append(Paragraph(text, st[style]))
        if style == "body":
            layout.paragraphs.append(text)

    story.append(Paragraph("<br/>".join(TITLE_LINES), st["title"]))
    para(DATE, "date")
    para("1. Indledning", "h1")
    for text in INTRO:
        para(text)
    para(f"2. Kommunernes økonomiske rammer for {YEAR}", "h1")
    para("Serviceudgifter", "h2")
    for text in FRAMES:
        para(text)
    para("Samarbejde på tværs", "h2")
    box_width = 62 * mm
    around = [Paragraph(t, st["body"]) for t in AROUND_BOX]
    layout.paragraphs.extend(AROUND_BOX)
    beside = _box(st, BOX1, box_width, "framed" if two_columns else "bare" if split_table else "shaded")
    story.append(ImageAndFlowables(beside, around, imageSide="right", imageLeftPadding=10))
    layout.boxes[BOX1[0]] = list(BOX1)
    para("3. Bloktilskud og balance", "h1")
    para(GRANT[0])
    story.append(Spacer(1, 4))
    story.append(_box(st, BOX2, 160 * mm, "framed" if split_table else "shaded"))
    story.append(Spacer(1, 8))
    layout.boxes[BOX2[0]] = list(BOX2)
    para(GRANT[1])
    if split_table:
        for text in FILLER * 3:
            para(text)
        story.append(Spacer(1, 150))
    para("Tabel 1", "caption")
    para(f"Balance for kommunerne i {YEAR}", "caption")
    story.append(_balance(st, two_columns))
    layout.rows = [(r[0], *(r[1:] if two_columns else r[1:2])) for r in BALANCE_ROWS]
    story.append(Spacer(1, 10))
    for text in AFTER_TABLE:
        para(text)
    _template(target, title=layout.title).build(story, onFirstPage=_furniture, onLaterPages=_furniture)
    return layout


def render_corpus(source: Path, target: Path) -> Path:
    """Lay out a corpus agreement as published: its blocks (read by the text or markdown reader) reflowed
    into justified paragraphs, bold headings, bullets and grid tables, with a running header and page
    numbers. The text is read from ../shared/corpus at test time, never stored."""
    from xml.sax.saxutils import escape

    from kommuneokonomi.documents import read_document

    _fonts()
    st = _styles()
    bullet = ParagraphStyle("bullet", parent=st["body"], leftIndent=14, bulletIndent=4, spaceAfter=3)
    doc = read_document(source)
    story: list = []
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            t = Table([r[:2] for r in rows], colWidths=[110 * mm, 35 * mm], repeatRows=0, hAlign="LEFT")
            t.setStyle(
                TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), FONT),
                        ("FONTSIZE", (0, 0), (-1, -1), 9),
                        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7f7f7f")),
                    ]
                )
            )
            story.append(t)
            story.append(Spacer(1, 8))
            rows.clear()

    for block in doc.blocks:
        if block.kind == "table_row" and block.cells and len(block.cells) >= 2:
            rows.append([block.cells[0], block.cells[-1]])
            continue
        flush()
        text = escape(block.text)
        if block.kind == "heading":
            level = "h1" if block.text[:1].isdigit() or block.text.startswith("Bilag") else "h2"
            story.append(Paragraph(text, st[level]))
        elif block.kind == "bullet":
            story.append(Paragraph(text, bullet, bulletText="•"))
        else:
            story.append(Paragraph(text, st["body"]))
    flush()
    header = f"Økonomiaftale · {source.stem[:3]} · Regeringen og KL"

    def furniture(canvas, template) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.drawString(template.leftMargin, height - 14 * mm, header)
        canvas.drawRightString(width - template.rightMargin, 12 * mm, f"Side {template.page}")
        canvas.restoreState()

    _template(target).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return target
