"""Layouts the corpus does not have: a joint publication of both agreements, a table of contents, running
headers with page numbers, numbered sections, Tabel 1 with a wrapped label and a "−" cell, markdown
wrapped at a fixed width, block quotes, and a table of price estimates by year pair. The texts are
written for these tests."""

from __future__ import annotations

from kommuneokonomi.documents import parse_document
from kommuneokonomi.extraction import extract
from kommuneokonomi.extraction.text import split_sentences
from kommuneokonomi.models import Block

HEADER = "Aftaler om den kommunale og regionale økonomi for 2041                    {page}"

JOINT = "\n".join(
    [
        "Aftaler om den kommunale og regionale",
        "økonomi for 2041",
        "",
        "Indhold",
        "",
        "Aftale om kommunernes økonomi for 2041 ............................. 2",
        "    1. Rammerne ................................................... 2",
        "    2. Balancen ................................................... 3",
        "Aftale om regionernes økonomi for 2041 ............................. 4",
        "\f" + HEADER.format(page=2),
        "",
        "AFTALE OM KOMMUNERNES ØKONOMI FOR 2041",
        "",
        "4. juni 2040",
        "",
        "1. Rammerne",
        "",
        "1.1 Service",
        "",
        "Regeringen og KL er enige om, at kommunernes serviceudgifter i 2041 udgør 400.100 mio. kr.",
        "",
        "1.2 Sanktioner",
        "",
        "Der indføres en budgetsanktion, hvor 3 mia. kr. af kommunernes bloktilskud for 2041 er betinget",
        "af, at kommunerne under ét budgetterer inden for det aftalte niveau.",
        "",
        "\f" + HEADER.format(page=3),
        "",
        "2. Balancen",
        "",
        "Tabel 1 viser kommunernes udgifter og indtægter i 2041 sammen med budgettet",
        "for 2040.",
        "",
        "Tabel 1",
        "Kommunernes økonomi i 2041",
        "",
        "Mio. kr., 2041-pl                       Budget 2040         Aftale 2041",
        "Serviceudgifter                            395\u2009000             400\u2009100",
        "Forsikrede ledige (dagpenge og",
        "aktivering)                                 20\u2009000              21\u2009000",
        "Bloktilskud                               \u2212100\u2009000            \u2212101\u2009000",
        "  heraf betinget bloktilskud                    \u2212                \u22123\u2009000",
        "",
        "2.1 Øvrige forhold",
        "",
        "Regeringen og KL er enige om at følge udviklingen tæt.",
        "",
        "\f" + HEADER.format(page=4),
        "",
        "AFTALE OM REGIONERNES ØKONOMI FOR 2041",
        "",
        "1. Sundhed",
        "",
        "Regeringen og Danske Regioner er enige om, at 2 mia. kr. af regionernes bloktilskud for 2041 er",
        "betinget af, at regionerne budgetterer inden for den aftalte anlægsramme.",
        "",
    ]
)


def test_joint_publication_reads_the_municipalities_agreement_only():
    doc = parse_document(JOINT.encode("utf-8"), "samlet.txt", ".txt")
    texts = [b.text for b in doc.blocks]
    assert not any("......" in t for t in texts), "the table of contents is furniture"
    assert not any(t.startswith("Aftaler om den kommunale og regionale økonomi for 2041 ") for t in texts[1:])
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert {"1.1 Service", "1.2 Sanktioner", "2.1 Øvrige forhold"} <= set(headings)
    assert not any(h.startswith("Tabel 1 viser") for h in headings), "a sentence on the table is no caption"
    result = extract(doc)
    fig = {k: v.value for k, v in result.figures.items()}
    assert fig["aar"] == 2041
    assert fig["aftale_dato"] == "2040-06-04"
    assert fig["serviceramme"] == 400100
    assert fig["betinget_bloktilskud_service"] == 3000
    # the regions' 2 mia. kr. conditional on their anlæg frame is in the regions' agreement
    assert fig["betinget_bloktilskud_anlaeg"] is None
    assert any(w.code == "regionsaftale_udeladt" for w in result.warnings)
    # a label wrapped over two lines, thin-space thousands, minus signs, a "−" cell in the other column
    assert fig["balance.serviceudgifter"] == 400100
    assert fig["balance.forsikrede_ledige"] == 21000
    assert fig["balance.bloktilskud"] == -101000
    assert fig["balance.heraf_betinget_bloktilskud"] == -3000
    row = next(b for b in doc.blocks if b.cells and b.cells[0].startswith("Forsikrede"))
    first = JOINT.split("\n").index("Forsikrede ledige (dagpenge og") + 1
    assert (row.line_start, row.line_end) == (first, first + 1)


def test_a_sentence_naming_the_regions_agreement_is_not_its_title():
    text = JOINT.replace(
        "Regeringen og KL er enige om at følge udviklingen tæt.",
        "Regeringen og KL er enige om at følge udviklingen tæt.\nAftale om regionernes økonomi for 2041 er\n"
        "indgået samme dag.",
    )
    result = extract(parse_document(text.encode("utf-8"), "samlet.txt", ".txt"))
    assert next(w for w in result.warnings if w.code == "regionsaftale_udeladt").source.line_start > 40


MARKDOWN = """\
# Aftale om kommunernes økonomi for 2042

5. juni 2041

> **Aftalen kort**
>
> - Servicerammen er 410,0 mia. kr.

## 1. Rammer

Regeringen og KL er enige om, at kommunernes
serviceudgifter i 2042 udgør 410.000 mio. kr.
Det er et løft på 2,0 mia. kr. i forhold til
udgangspunktet.

**Tabel 3. Skøn for pris- og lønudviklingen, pct.**

| | 2040–2041 (opdateret) | 2041–2042 |
|:---|---:|---:|
| Kommunale serviceudgifter | 2,9 | 2,3 |
| Anlægsudgifter | 2,8 | 2,1 |
"""


def test_markdown_wrapped_at_a_width_and_block_quotes():
    doc = parse_document(MARKDOWN.encode("utf-8"), "aftale.md", ".md")
    para = next(b for b in doc.blocks if b.text.startswith("Regeringen og KL"))
    assert para.text == (
        "Regeringen og KL er enige om, at kommunernes serviceudgifter i 2042 udgør 410.000 mio. kr. "
        "Det er et løft på 2,0 mia. kr. i forhold til udgangspunktet."
    )
    assert (para.line_start, para.line_end) == (11, 14)
    start = para.text.index("Det er")
    assert para.lines_of(start, start + 6) == (13, 13)
    assert any(b.kind == "bullet" and b.text.startswith("Servicerammen") for b in doc.blocks)
    assert not any(b.text.startswith(">") for b in doc.blocks)
    fig = {k: v.value for k, v in extract(doc).figures.items()}
    assert fig["serviceramme"] == 410000
    assert fig["serviceramme_loeft"] == 2000
    # Tabel 3: the column of the budget year's estimate (2041–2042), not the updated one for 2041
    assert str(fig["pl_service"]) == "2.3"
    assert str(fig["pl_anlaeg"]) == "2.1"


def test_a_sentence_may_open_with_a_number_but_a_lead_in_is_no_sentence():
    def sentences(text: str) -> list[str]:
        return [s.text.strip() for s in split_sentences(Block(kind="paragraph", text=text, offsets=[(0, 1)]))]

    text = "Anlægsniveauet er 5,0 mia. kr. ekskl. projekter. 1,5 mia. kr. af tilskuddet er betinget."
    assert sentences(text) == [
        "Anlægsniveauet er 5,0 mia. kr. ekskl. projekter.",
        "1,5 mia. kr. af tilskuddet er betinget.",
    ]
    for text in (
        "Anlæg. 1,0 mia. kr. er betinget af anlægsniveauet.",
        "En budgetsanktion. 3 mia. kr. af bloktilskuddet er betinget.",
        "Skønnet er 2,1 pct. 2,0 pct. for anlæg er uændret.",
        "Tilskuddet fordeles efter kap. 4 i loven.",
    ):
        assert sentences(text) == [text], text


def test_a_framed_sidebar_inside_a_sentence_is_read_after_it():
    text = "\n".join(
        [
            "Aftale om kommunernes økonomi for 2043",
            "",
            "1. Rammer",
            "",
            "Regeringen og KL er enige om en lånepulje på 0,5 mia. kr. til kommuner med en",
            "                                   ┌──────────────────────────┐",
            "                                   │ Servicerammen            │",
            "                                   │ Rammen er 420,0 mia. kr. │",
            "                                   └──────────────────────────┘",
            "anstrengt likviditet. Puljen fordeles efter ansøgning.",
            "",
            "Kommunernes serviceudgifter udgør 420.000 mio. kr. i 2043.",
        ]
    )
    doc = parse_document(text.encode("utf-8"), "x.txt", ".txt")
    texts = [b.text for b in doc.blocks]
    assert (
        "Regeringen og KL er enige om en lånepulje på 0,5 mia. kr. til kommuner med en anstrengt likviditet. "
        "Puljen fordeles efter ansøgning." in texts
    )
    box = next(b for b in doc.blocks if b.text == "Rammen er 420,0 mia. kr.")
    assert box.line_start == 8
    assert not any("│" in t or "┌" in t for t in texts)


def test_a_joint_publication_may_open_with_the_regions_agreement():
    regions_first = "\n".join(
        [
            "AFTALE OM REGIONERNES ØKONOMI FOR 2041",
            "",
            "4. juni 2040",
            "",
            "1. Sundhed",
            "",
            "Regeringen og Danske Regioner er enige om, at 2 mia. kr. af regionernes bloktilskud for 2041 er",
            "betinget af, at regionerne budgetterer inden for den aftalte anlægsramme.",
            "",
            "\f" + HEADER.format(page=2),
            "",
            "AFTALE OM KOMMUNERNES ØKONOMI FOR 2041",
            "",
            "1. Rammerne",
            "",
            "Regeringen og KL er enige om, at kommunernes serviceudgifter i 2041 udgør 400.100 mio. kr.",
            "Parterne er enige om at følge udviklingen tæt.",
            "",
        ]
    )
    result = extract(parse_document(regions_first.encode("utf-8"), "samlet.txt", ".txt"))
    fig = {k: v.value for k, v in result.figures.items()}
    assert result.meta.title is not None and "KOMMUNERNES" in result.meta.title
    assert fig["serviceramme"] == 400100
    assert fig["betinget_bloktilskud_anlaeg"] is None


SPACED_SIGNED_TABLE = """Aftale om kommunernes økonomi for 2041

Juni 2040

Kommunernes serviceudgifter kan i 2041 udgøre 400.000 mio. kr.

Tabel 1
Balance for kommunerne i 2041 (mio. kr., 2041-pl)

                                            Aftale 2041     Aftale 2040

Serviceudgifter                             400 000         390 000

Udgifter i alt                              500 000         490 000

Skatteindtægter                            {s}390 000       {s}380 000

Bloktilskud mv.                            {s}100 000        {s}98 500

Indtægter i alt                            {s}490 000       {s}478 500
"""


def test_table_cells_with_plain_space_thousands_keep_a_typeset_sign():
    """An aligned cell with plain spaces between its digit groups reads the same whether its sign is a
    hyphen, an en dash or a minus sign (the noise property test found the en dash lost: every income row)."""
    for sign in ("-", "\u2013", "\u2212"):
        result = extract(parse_document(SPACED_SIGNED_TABLE.replace("{s}", sign).encode(), "x.txt", ".txt"))
        figures = {k: v["value"] for k, v in result.to_contract()["figures"].items() if v}
        assert figures["balance.serviceudgifter"] == 400000, sign
        assert figures["balance.skatteindtaegter"] == -390000, sign
        assert figures["balance.bloktilskud"] == -100000, sign
        assert figures["balance.indtaegter_i_alt"] == -490000, sign
