"""Reading order of extracted text: a two-column page printed side by side, a table extracted column by
column. The texts are written for these tests (budget years no agreement has)."""

from __future__ import annotations

from kommuneokonomi.documents import parse_document
from kommuneokonomi.extraction import extract


def _doc(lines: list[str]):  # type: ignore[no-untyped-def]
    return parse_document("\n".join(lines).encode("utf-8"), "aftale.txt", ".txt")


def _figures(*body: str):  # type: ignore[no-untyped-def]
    """The figures extracted from an agreement for 2047 with these lines under its title."""
    return extract(_doc(["Aftale om kommunernes økonomi for 2047", "", *body])).figures


def _side_by_side(left: list[str], right: list[str], col: int, ragged: int = 0) -> list[str]:
    """The two columns on one page; `ragged`: the right column's lines start 0 to ragged-1 positions
    after col, unevenly, as extraction spaces them."""
    n = max(len(left), len(right))
    left += [""] * (n - len(left))
    right += [""] * (n - len(right))
    return [
        (a.ljust(col + ((3 * k) % ragged if ragged else 0)) + b).rstrip()
        for k, (a, b) in enumerate(zip(left, right, strict=True))
    ]


TWO_COLUMNS_LEFT = [
    "Veje og trafik",
    "Kommunerne skal vedligeholde et stort net af",
    "veje og cykelstier. Parterne er enige om, at",
    "vedligeholdelsen skal planlægges for flere år",
    "ad gangen, og at kommunerne deler erfaringer",
    "om nye belægninger.",
    "",
    "Kultur",
    "Bibliotekerne fortsætter som hidtil.",
]
TWO_COLUMNS_RIGHT = [
    "Grundbidrag",
    "Grundbidraget til regionernes udviklings-",
    "opgaver var 160 kr. pr. indbygger i 2046. Med",
    "det regionale pris- og lønskøn bliver grund-",
    "bidraget 163 kr. pr. indbygger i 2047.",
    "",
    "Skat",
    "Der afsættes en ramme på 400 mio. kr. til",
    "kommuner, der sænker skatten i 2047.",
]


def _two_column_page(col: int, ragged: int = 0) -> list[str]:
    return [
        "Aftale om kommunernes økonomi for 2047",
        "",
        "4. juni 2046",
        "",
        "Kommunernes serviceudgifter udgør 500,0 mia. kr. i 2047.",
        "",
        *_side_by_side(list(TWO_COLUMNS_LEFT), list(TWO_COLUMNS_RIGHT), col, ragged),
    ]


def _read_column_by_column(lines: list[str]) -> list[str]:
    """The texts of the blocks, checked to hold each column's paragraphs whole; the figures right."""
    doc = _doc(lines)
    texts = [b.text for b in doc.blocks]
    left = "Kommunerne skal vedligeholde et stort net af veje og cykelstier. Parterne er enige om, at"
    assert left in " ".join(texts)
    grund = next(t for t in texts if t.startswith("Grundbidraget"))
    assert grund == (
        "Grundbidraget til regionernes udviklingsopgaver var 160 kr. pr. indbygger i 2046. Med det "
        "regionale pris- og lønskøn bliver grundbidraget 163 kr. pr. indbygger i 2047."
    )
    figures = extract(doc).figures
    assert (figures["grundbidrag"].value, figures["grundbidrag_forrige"].value) == (163, 160)
    # the figure's source is the right half of the original line
    src = figures["grundbidrag"].source
    assert src is not None and lines[src.line_end - 1].endswith("bidraget 163 kr. pr. indbygger i 2047.")
    return texts


def test_a_two_column_page_is_read_column_by_column():
    for col in (50, 58):  # a narrow and a wide gutter
        _read_column_by_column(_two_column_page(col))


def test_a_two_column_page_with_a_ragged_gutter_is_read_column_by_column():
    """Extraction spaces the right column's lines apart unevenly (it starts 4 to 10 positions after the
    longest left piece, never at one position five times); the columns' headings have one word each."""
    texts = _read_column_by_column(_two_column_page(max(map(len, TWO_COLUMNS_LEFT)) + 4, ragged=7))
    assert {"Veje og trafik", "Grundbidrag", "Kultur", "Skat"} <= set(texts)


def test_a_table_row_with_a_wide_gap_is_no_second_column():
    lines = [
        "Tabel 1",
        "Mio. kr.                         Budget 2046        Aftale 2047",
        "Serviceudgifter                      490.000            500.000",
        "Overførsler                           80.000             82.000",
        "Bruttoanlæg                           25.000             26.000",
        "Forsikrede ledige                     17.000             17.500",
        "Øvrige udgifter                        1.000              1.100",
        "Udgifter i alt                       613.000            626.600",
    ]
    doc = _doc(lines)
    rows = [b.cells for b in doc.blocks if b.kind == "table_row"]
    assert ["Serviceudgifter", "490.000", "500.000"] in rows
    assert len(rows) == 6


COLUMN_TABLE = [
    "Tabel 1 Kommunernes balance 2047",
    "Mia. kr., 2047-pl",
    "Serviceudgifter",
    "Overførsler",
    "Bruttoanlæg",
    "Udgifter i alt",
    "Skatter",
    "Bloktilskud mv.",
    "– heraf betinget bloktilskud",
    "Indtægter i alt",
]


def test_a_table_extracted_column_by_column_is_paired_into_rows():
    agreed = ["500,0", "82,0", "26,0", "608,0", "−500,0", "−110,0", "−4,0", "−610,0"]
    one = [*COLUMN_TABLE, "Aftale 2047", *agreed]
    two = [
        *COLUMN_TABLE,
        "Budget 2046",
        "490,0",
        "80,0",
        "25,0",
        "595,0",
        "−490,0",
        "−106,0",
        "−",
        "−596,0",
        "Aftale 2047",
        "500,0",
        "82,0",
        "26,0",
        "608,0",
        "−500,0",
        "−110,0",
        "−4,0",
        "−610,0",
    ]
    for lines in (one, two):
        doc = _doc(["Aftale om kommunernes økonomi for 2047", "", *lines, "", "Parterne er enige."])
        fig = {k: v.value for k, v in extract(doc).figures.items()}
        assert fig["balance.serviceudgifter"] == 500000
        assert fig["balance.bruttoanlaeg"] == 26000
        assert fig["balance.bloktilskud"] == -110000
        assert fig["balance.heraf_betinget_bloktilskud"] == -4000
        assert fig["balance.indtaegter_i_alt"] == -610000
        src = extract(doc).figures["balance.bloktilskud"].source
        assert src is not None and lines[src.line_start - 3] == "Bloktilskud mv."


def test_a_list_of_lines_and_a_list_of_numbers_of_other_lengths_are_no_table():
    lines = [*COLUMN_TABLE, "Aftale 2047", "500,0", "82,0", "26,0"]
    doc = _doc(lines)
    assert not any(b.cells and b.cells[0] == "Serviceudgifter" for b in doc.blocks)


def test_a_relative_clause_between_subject_and_verb_does_not_part_cue_and_number():
    from kommuneokonomi.extraction.figures import _distance
    from kommuneokonomi.extraction.text import split_sentences
    from kommuneokonomi.models import Block

    def dist(text: str) -> float:
        sentence = split_sentences(Block(kind="paragraph", text=text, offsets=[(0, 1)]))[0]
        tokens = sentence.tokens
        cue = next(k for k, t in enumerate(tokens) if t.text.startswith("satsregul"))
        number = next(k for k, t in enumerate(tokens) if t.kind == "quantity")
        return _distance(sentence, cue, number, "percent")

    plain = dist("Satsreguleringsprocenten er 2,6 pct.")
    aside = dist("Satsreguleringsprocenten, som regulerer overførslerne, er 2,6 pct.")
    assert aside == plain
    # a clause that ends the sentence, or holds a figure of its own, is no aside
    assert dist("Satsreguleringsprocenten er fastsat, hvis loven vedtages, til 2,6 pct.") > plain
    assert dist("Satsreguleringsprocenten, som i 2030 var 2,0 pct., er nu 2,6 pct.") > plain


def test_an_aside_lets_the_text_state_the_satsregulering():
    doc = _doc(
        [
            "Aftale om kommunernes økonomi for 2047",
            "",
            "Satsreguleringsprocenten, der gælder for overførslerne, er 2,9 pct. i 2047.",
        ]
    )
    assert str(extract(doc).figures["satsregulering"].value) == "2.9"


HEADLINES = [
    "Aftale om kommunernes økonomi for 2047",
    "",
    "5. juni 2046",
    "",
    "\fAftale 2047 · Regeringen og KL                                  – 2 –",
    "",
    "NØGLETAL",
    "",
    "  Ramme for serviceudgifterne 2047 ..................... 501,5 mia. kr.",
    "  Betingede tilskud (budget / regnskab) .............. 3,0 / 1,0 mia. kr.",
    "  Betinget bloktilskud (service / anlæg) ............ 2,5 / 1,5 mia. kr.",
    "",
    "1  Indledning",
    "",
    "Parterne er enige om aftalen.",
    "",
    "\fAftale 2047 · Regeringen og KL                                  – 3 –",
    "",
    "2  Rammerne",
    "",
    "Der er enighed om rammerne.",
    "",
    "\fAftale 2047 · Regeringen og KL                                  – 4 –",
    "",
    "3  Øvrige",
    "",
    "Parterne følger udviklingen.",
]


def test_a_dot_leader_list_states_one_figure_a_line():
    doc = _doc(list(HEADLINES))
    texts = [b.text for b in doc.blocks]
    assert "Ramme for serviceudgifterne 2047 501,5 mia. kr." in texts
    assert "Betinget bloktilskud service 2,5 mia. kr." in texts
    assert "Betinget bloktilskud anlæg 1,5 mia. kr." in texts
    assert not any("Regeringen og KL" in t for t in texts), "the running header with '– 2 –' is furniture"
    assert [b.text for b in doc.blocks if b.kind == "heading"][-3:] == [
        "1  Indledning",
        "2  Rammerne",
        "3  Øvrige",
    ]
    fig = {k: v.value for k, v in extract(doc).figures.items()}
    assert fig["serviceramme"] == 501500
    assert fig["betinget_bloktilskud_service"] == 2500
    assert fig["betinget_bloktilskud_anlaeg"] == 1500


def test_a_table_of_contents_with_dot_leaders_is_no_statement():
    from kommuneokonomi.documents.columns import leader_statements

    assert leader_statements("1. Rammerne ............................ 12") is None
    assert leader_statements("Tekst uden prikker 12") is None
    # a slash pair whose counts differ is read as it stands
    assert leader_statements("Tilskud (a / b / c) ..... 1,0 / 2,0 mia. kr.") == [
        "Tilskud (a / b / c) 1,0 / 2,0 mia. kr."
    ]


def test_a_frame_of_the_same_size_takes_the_amount_named_before_it():
    lines = [
        "Aftale om kommunernes økonomi for 2047",
        "",
        "Kommuner, der sænker skatten, kan søge om tilskud inden for en ramme på 250 mio. kr. Tilskuddet",
        "udgør 60 pct. af provenutabet i 2047. Rammen for skatteforhøjelser er af samme størrelse.",
    ]
    fig = extract(_doc(lines)).figures
    assert fig["ramme_skatteforhoejelse"].value == 250
    assert fig["ramme_skatteforhoejelse"].source.line_start == 4
    # without the back-reference there is no frame for increases
    alone = extract(_doc([*lines[:3], "udgør 60 pct. af provenutabet i 2047."])).figures
    assert "ramme_skatteforhoejelse" not in alone or alone["ramme_skatteforhoejelse"].value is None


def test_the_regulation_of_the_block_grant_named_as_a_noun():
    fig = _figures("Efterreguleringen af bloktilskuddet for 2046 udgør 0,6 mia. kr.")
    assert fig["midtvejsregulering"].value == 600
    assert fig["midtvejsregulering_aar"].value == 2046


def test_a_pdf_row_with_a_dash_cell_is_a_row():
    """A row new this year ("Beskæftigelsestilskud | -6.910 | - | -6.910") prints a dash for last year."""
    from kommuneokonomi.documents.layout import Page, Segment, page_lines

    def run(x0: float, base: float, text: str) -> Segment:
        return Segment(x0, x0 + 5.5 * len(text), base - 9, base + 2, text, 9.0, False, base)

    rows = [
        ("Mio. kr., 2047-pl", "Aftale 2047", "Budget 2046"),
        ("Serviceudgifter", "300.100", "290.200"),
        ("Beskæftigelsestilskud", "-6.910", "-"),
        ("Bloktilskud inkl. balancetilskud", "-70.000", "-68.000"),
    ]
    segments = [
        run(x, 200 + 16 * i, text)
        for i, cells in enumerate(rows)
        for x, text in zip((80, 300, 400), cells, strict=True)
    ]
    lines = page_lines([Page(1, 595.0, 842.0, segments)]).lines
    cells = [ln.cells for ln in lines if ln.hint == "text"]
    assert ["Beskæftigelsestilskud", "-6.910", "-"] in cells


def test_a_row_label_with_a_qualifier_names_the_row():
    from kommuneokonomi.extraction.balance import label_key

    assert label_key("Bloktilskud inkl. balancetilskud") == ("bloktilskud", True)
    assert label_key("Serviceudgifter ekskl. ældreboliger") == ("serviceudgifter", True)
    assert label_key("Balancetilskud")[0] is None


def test_the_regions_part_opened_by_a_part_number_is_not_read():
    text = "\n".join(
        [
            "# Aftaler om den kommunale og regionale økonomi for 2047",
            "",
            "## Del I – Aftale om kommunernes økonomi for 2047",  # the regions come after some sections
            "",
            "Regeringen og KL er enige om, at kommunernes serviceudgifter i 2047 udgør 500,0 mia. kr.",
            "",
            *[f"### {n}. Afsnit {n}\n\nParterne er enige om afsnit {n}.\n" for n in range(1, 8)],
            "## Del II – Aftale om regionernes økonomi for 2047",
            "",
            "Et betinget bloktilskud på 1,5 mia. kr. knyttes til regionernes anlægsudgifter i 2047.",
        ]
    )
    result = extract(parse_document(text.encode("utf-8"), "aftale.md", ".md"))
    assert result.figures["serviceramme"].value == 500000
    assert result.figures["betinget_bloktilskud_anlaeg"].value is None
    assert any(w.code == "regionsaftale_udeladt" for w in result.warnings)


def test_the_year_a_number_is_compared_with_is_not_the_year_it_concerns():
    from kommuneokonomi.extraction.figures import bound_year
    from kommuneokonomi.extraction.text import split_sentences
    from kommuneokonomi.models import Block

    def year_of(text: str) -> int | None:
        sentence = split_sentences(Block(kind="paragraph", text=text, offsets=[(0, 1)]))[0]
        j = next(k for k, t in enumerate(sentence.tokens) if t.kind == "quantity")
        tok = bound_year(sentence, j, "amount")
        return None if tok is None else tok.year

    assert (
        year_of("Serviceudgifterne kan øges med 1,5 mia. kr. i forhold til det aftalte niveau for 2046.")
        is None
    )
    assert year_of("Rammen hæves med 1,5 mia. kr. i 2047 sammenlignet med 2046.") == 2047
    assert year_of("Rammen var 1,5 mia. kr. i 2046.") == 2046
    lines = [
        "Aftale om kommunernes økonomi for 2047",
        "",
        "Regeringen og KL er enige om, at kommunernes serviceudgifter kan øges med 1,5 mia. kr.",
        "i forhold til det aftalte niveau for 2046.",
    ]
    assert extract(_doc(lines)).figures["serviceramme_loeft"].value == 1500


def test_a_label_opening_a_list_item_names_what_the_item_states():
    text = "\n".join(
        [
            "# Aftale om kommunernes økonomi for 2047",
            "",
            "- **Midtvejsregulering.** Bloktilskuddet for 2046 reguleres netto med -0,4 mia. kr.",
            "- **Udviklingsbidraget.** Bidraget til regionerne følger de regionale udgifter.",
        ]
    )
    fig = extract(parse_document(text.encode("utf-8"), "aftale.md", ".md")).figures
    assert fig["midtvejsregulering"].value == -400
    assert fig["midtvejsregulering_aar"].value == 2046


def test_a_year_belongs_to_the_quantity_of_its_own_clause():
    from kommuneokonomi.extraction.figures import bound_year
    from kommuneokonomi.extraction.text import split_sentences
    from kommuneokonomi.models import Block

    def year_of_percent(text: str) -> int | None:
        sentence = split_sentences(Block(kind="paragraph", text=text, offsets=[(0, 1)]))[0]
        j = next(k for k, t in enumerate(sentence.tokens) if t.kind == "quantity" and t.quantity == "percent")
        tok = bound_year(sentence, j, "percent")
        return None if tok is None else tok.year

    # the year after the next clause's amount is that amount's
    assert (
        year_of_percent("Bidraget reguleres med 2,4 pct., så det stiger fra 150 kr. pr. indbygger i 2046.")
        is None
    )
    # the year right after an amount before the percentage is the amount's
    assert year_of_percent("Bidraget på 150 kr. pr. indbygger i 2046 reguleres med 2,4 pct.") is None
    assert year_of_percent("Bidraget reguleres med 2,4 pct. i 2047.") == 2047
    lines = [
        "Aftale om kommunernes økonomi for 2047",
        "",
        "Kommunernes udviklingsbidrag til regionerne reguleres med det regionale pris- og lønskøn på",
        "2,4 pct., så bidraget stiger fra 150 kr. pr. indbygger i 2046 til 154 kr. pr. indbygger i 2047.",
    ]
    assert str(extract(_doc(lines)).figures["pl_regioner"].value) == "2.4"


def test_a_small_table_of_amounts_states_its_rows():
    fig = _figures(
        "Der ydes et finansieringstilskud på 3,0 mia. kr. i 2047, som fordeles som vist i tabel 4.",
        "",
        "Tabel 4. Finansieringstilskuddet i 2047",
        "Mio. kr.                                          2047",
        "Fordelt efter økonomiske vilkår                   1.200",
        "Fordelt efter indbyggertal                        1.800",
        "I alt                                             3.000",
        "",
        "Parterne er enige om fordelingen.",
    )
    assert fig["finansieringstilskud"].value == 3000
    assert fig["finansieringstilskud_efter_vilkaar"].value == 1200


def test_an_indefinite_head_of_a_compound_names_the_compound_again():
    fig = _figures(
        "Den forudsatte pris- og lønstigning for de kommunale serviceudgifter er 2,4 pct. fra 2046 til 2047.",
        "For anlægsudgifterne forudsættes en stigning på 2,1 pct., og for kommunernes samlede udgifter",
        "inklusive overførsler 2,2 pct.",
    )
    assert str(fig["pl_service"].value) == "2.4"
    assert str(fig["pl_anlaeg"].value) == "2.1"


def test_a_definite_head_names_the_compound_of_its_own_sentence_again():
    fig = _figures(
        "Kommunernes udviklingsbidrag til regionerne reguleres med det regionale pris- og lønskøn",
        "på 2,4 pct., så bidraget stiger fra 150 kr. pr. indbygger i 2046 til 154 kr. pr. indbygger i 2047.",
    )
    assert fig["grundbidrag"].value == 154
    assert fig["grundbidrag_forrige"].value == 150
