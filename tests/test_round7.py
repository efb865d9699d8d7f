"""Ways of stating figures found by the ninth and tenth development sets (tests/devset/dev9, dev10), each
tested apart from them on a snippet written for the test, in other words and numbers: a change stated
without its level ("hæves med 3 kr.") is never the level of a level key; the date of the parties'
concluding in the opening text; a whole before its parts; the total development contribution; lowering the
tax rate; a frame for increases as large as the frame for cuts."""

# ruff: noqa: E501
from __future__ import annotations

import pytest
from tests.test_extraction_meaning import YEAR, agreement, value

from kommuneokonomi.documents import parse_document
from kommuneokonomi.extraction import extract


@pytest.mark.parametrize(
    "sentence",
    [
        f"Udviklingsbidraget til regionerne hæves i {YEAR} med 3 kr. pr. indbygger sammenlignet med året før.",
        f"I {YEAR} øges regionernes grundbidrag med 2 kr. pr. indbygger.",
        "Grundbidraget nedsættes med 5 kr. pr. indbygger som følge af lavere priser.",
    ],
)
def test_a_change_of_the_contribution_is_not_its_level(sentence):
    assert value(agreement(sentence), "grundbidrag") is None


def test_a_change_of_a_frame_is_not_the_frame():
    r = agreement(
        f"Tilskuddet til kommuner, der sænker skatten, forhøjes med 40 mio. kr. i {YEAR}. "
        f"Finansieringstilskuddet reduceres med 0,7 mia. kr. i {YEAR}."
    )
    assert (value(r, "tilskud_skattenedsaettelse"), value(r, "finansieringstilskud")) == (None, None)


def test_the_level_beside_its_change_is_still_read():
    r = agreement(
        f"Grundbidraget til regionernes udviklingsopgaver hæves med 3 kr. og udgør dermed 171 kr. pr. indbygger i {YEAR}."
    )
    assert value(r, "grundbidrag") == 171


def test_a_lift_stated_as_a_change_is_still_the_lift():
    # serviceramme_loeft is itself a change: the rule is for level keys only
    r = agreement(f"Udgangspunktet for servicerammen hæves med 1,9 mia. kr. i {YEAR}.")
    assert value(r, "serviceramme_loeft") == 1900


def test_the_date_the_parties_concluded_the_agreement_in_the_opening_text():
    # no date in the front matter, no signature: the opening text dates the concluding
    text = (
        f"# Aftale om kommunernes økonomi for {YEAR}\n\nMaj {YEAR - 1}\n\n## 1. Indledning\n\n"
        f"Den 29. maj {YEAR - 1} indgik KL og regeringen en aftale om kommunernes økonomi. Et møde "
        f"holdes den 3. marts {YEAR}.\n\n## 2. Rammer\n\nServicerammen udgør 350,2 mia. kr.\n"
    )
    r = extract(parse_document(text.encode(), "x.md", ".md"))
    assert r.meta.date == f"{YEAR - 1}-05-29"


def test_a_date_without_the_parties_concluding_is_not_the_agreement_date():
    text = (
        f"# Aftale om kommunernes økonomi for {YEAR}\n\n## 1. Indledning\n\n"
        f"Lovforslaget fremsættes den 12. oktober {YEAR - 1}.\n"
    )
    assert extract(parse_document(text.encode(), "x.md", ".md")).meta.date is None


def test_the_whole_before_its_parts_is_not_a_part():
    # the parts follow "heraf": the whole (4,5) is not the service part; the part 3,5 stands too far from
    # "betinget" to be bound, so the key stays null rather than wrong
    r = agreement(
        f"I {YEAR} gøres 4,5 mia. kr. af bloktilskuddet betinget af, at budgetterne for service og anlæg "
        "overholdes, heraf 3,5 mia. kr. af, at serviceudgifterne holder sig inden for servicerammen, og 1,0 "
        "mia. kr. af, at anlægsrammen overholdes."
    )
    assert value(r, "betinget_bloktilskud_service") is None


def test_the_parts_after_their_whole_are_read():
    r = agreement(
        f"Af kommunernes bloktilskud for {YEAR} på 88,1 mia. kr. gøres 4,5 mia. kr. betinget, hvoraf 3,5 mia. kr. "
        "af, at budgetterne for serviceudgifterne holder sig under rammen, og 1,0 mia. kr. af, at "
        "anlægsbudgetterne gør det samme."
    )
    assert (value(r, "betinget_bloktilskud_service"), value(r, "betinget_bloktilskud_anlaeg")) == (3500, 1000)


#: one key in a snippet: (why, sentence, key, expected value)
SINGLE_KEYS = [
    # "sænker udskrivningsprocenten" is a tax cut; only the equalisation frame's words make it another key
    (
        "lowering the tax rate",
        f"Der afsættes i {YEAR} en pulje på 350 mio. kr., hvorfra kommuner, som sænker udskrivningsprocenten, kan få tilskud.",
        "tilskud_skattenedsaettelse",
        350,
    ),
    # the total with the contribution to transport is not the grundbidrag
    (
        "total contribution",
        f"Grundbidraget til regionernes udvikling bliver 140 kr. pr. indbygger i {YEAR}. Lægges trafikbidraget "
        "til, er det samlede udviklingsbidrag 149 kr. pr. indbygger.",
        "grundbidrag",
        140,
    ),
    # the verb in a relative clause far from the amount; "inden for en ramme på" states the frame
    (
        "subsidy within a frame",
        f"Kommuner, som i {YEAR} nedsætter udskrivningsprocenten, kan ansøge om tilskud inden for en ramme på 275 mio. kr.",
        "tilskud_skattenedsaettelse",
        275,
    ),
    (
        "frame as large as the cuts'",
        f"I {YEAR} er der plads til skattenedsættelser med tilskud for 180 mio. kr. og en lige så stor ramme på "
        "180 mio. kr. til forhøjelser.",
        "ramme_skatteforhoejelse",
        180,
    ),
    # "tilsvarende ramme" of cuts: not the frame for increases
    (
        "like frame for cuts",
        f"Kommunerne får i {YEAR} adgang til at nedsætte grundskylden, og der afsættes en tilsvarende ramme på "
        "90 mio. kr. til nedsættelser af dækningsafgiften.",
        "ramme_skatteforhoejelse",
        None,
    ),
]


@pytest.mark.parametrize(("why", "sentence", "key", "expected"), SINGLE_KEYS, ids=[c[0] for c in SINGLE_KEYS])
def test_one_key_in_other_words(why, sentence, key, expected):
    assert value(agreement(sentence), key) == expected
