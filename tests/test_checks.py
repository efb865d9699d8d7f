"""Consistency checks: table sums, text against table, the regional contribution rule, missing sections."""

from __future__ import annotations

from kommuneokonomi.documents import parse_document
from kommuneokonomi.extraction import extract

TEMPLATE = """\
# Aftale om kommunernes økonomi for 2031

1. juni 2030

## 1. Indledning

Indledende tekst.

## 2. Kommunernes økonomiske rammer for 2031

Den kommunale serviceramme udgør derved samlet set {ramme} mia. kr. Hertil kommer reguleringer.

**Tabel 1****Balance for kommunerne i 2031**

Mio. kr., 2031-pl\tAftale
Serviceudgifter, netto\t300.000
Overførsler\t100.000
Udgifter i alt\t{udgifter}
Skatteindtægter\t-350.000
Bloktilskud mv.\t-60.000
Indtægter i alt\t-410.000

#### Pris- og lønudvikling

PL-skønnet for serviceudgifter (ekskl. overførsler) er 2,0 pct. fra 2030-2031.

#### Bidrag til regionerne

Udgangspunktet for kommunernes grundbidrag på udviklingsområdet for 2030 var 118 kr. pr. indbygger. \
For 2031 vil pris- og lønreguleringen indebære, at udgangspunktet for bidragsfastsættelsen vil være \
et grundbidrag på {grundbidrag} kr. pr. indbygger på udviklingsområdet. Reguleringen er fastsat på \
basis af et skøn for den regionale pris- og lønudvikling fra 2030-2031 på 3,2 pct. inkl. medicin.
"""


def _warnings(**kw):
    values = {"ramme": "300,0", "udgifter": "400.000", "grundbidrag": "122"} | kw
    result = extract(parse_document(TEMPLATE.format(**values).encode(), "syntetisk.md", ".md"))
    return {w.code: w for w in result.warnings}


def test_a_consistent_document_has_no_warnings():
    assert _warnings() == {}


def test_table_total_off_by_one_unit_is_rounding():
    w = _warnings(udgifter="400.001")["tabel_afrunding"]
    assert w.severity == "info" and w.source.line_start == 18


def test_table_total_off_by_more_is_an_error():
    w = _warnings(udgifter="400.500")["tabel_sum_fejl"]
    assert w.severity == "fejl" and "400500" in w.message


def test_text_against_table():
    assert "tekst_tabel_afvigelse" not in _warnings(ramme="300,0")
    w = _warnings(ramme="301,5")["tekst_tabel_afvigelse"]
    assert w.severity == "fejl" and w.source.line_start == 11
    assert _warnings(ramme="300,1")["tekst_tabel_afrunding"].severity == "info"


def test_regional_contribution_rule():
    assert "grundbidrag_afvigelse" not in _warnings(grundbidrag="122")  # 118 × 1.032 = 121.776 -> 122
    w = _warnings(grundbidrag="125")["grundbidrag_afvigelse"]
    assert "122" in w.message and w.source is not None


def test_missing_sections():
    text = (
        "# Aftale om kommunernes økonomi for 2031\n\n## 1. Indledning\n\nDen kommunale serviceramme for 2031 "
        "udgør derved samlet set 300,0 mia. kr.\n"
    )
    result = extract(parse_document(text.encode(), "kort.md", ".md"))
    messages = [w.message for w in result.warnings if w.code == "afsnit_mangler"]
    assert any("økonomiske rammer" in m for m in messages)
    assert any("Tabel 1" in m for m in messages)
    assert any("pris- og lønudvikling" in m for m in messages)
    assert {w.code for w in result.warnings} >= {"dato_mangler", "afsnit_mangler"}
