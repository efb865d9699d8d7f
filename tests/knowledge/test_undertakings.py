"""The undertaking a commitment promises and the later sentences that refer to it as a known thing."""

from __future__ import annotations

import pytest

from kommuneokonomi.knowledge import followups
from kommuneokonomi.knowledge.commitments import extract_commitments
from kommuneokonomi.knowledge.undertakings import Mention, mentions, named, promised, same_undertaking

from .test_followups import FILLER, _agreement


def _first(text: str) -> Mention:
    return next(m for ms in mentions(text) for m in ms)


@pytest.mark.parametrize(
    ("sentence", "known"),
    [
        ("Analysen viser et stort potentiale.", True),
        ("Ekspertudvalgets anbefalinger drøftes.", True),
        ("Med den fællesoffentlige digitaliseringsstrategi styrkes samarbejdet.", True),
        ("Parterne vil igangsætte en analyse af tilsynet.", False),
        ("Der er i 2031 nedsat en arbejdsgruppe om tilsynet.", True),  # reported done
        ("Der igangsættes en evaluering af tilsynet.", True),  # carried out now
        ("Med en ny fællesoffentlig digitaliseringsstrategi styrkes samarbejdet.", False),
    ],
)
def test_known_or_not(sentence, known):
    assert _first(sentence).known is known


def test_a_noun_the_text_itself_introduced_is_that_new_one():
    found = mentions("Parterne vil igangsætte en analyse af tilsynet. Analysen skal se på reglerne.")
    assert [m.known for ms in found for m in ms] == [False, False]


def test_broad_nouns_count_only_in_a_compound_that_names_the_matter():
    assert promised("Der etableres et samlet dobbeltdiagnosetilbud.") == {("tilbud", "dobbeltdiagnos", False)}
    assert promised("Kommunerne styrker tilbuddet og indsatsen.") == frozenset()
    assert promised("Parterne vil analysere udviklingen.") == {("analyse", "", False)}


def test_the_same_undertaking():
    promise = ("udvalg", "ekspert", False)
    assert same_undertaking(promise, _first("Ekspertudvalget har afleveret."))
    assert same_undertaking(promise, _first("Udvalget har afleveret."))
    assert not same_undertaking(promise, _first("Trafikudvalget har afleveret."))
    new = _first("En ny digitaliseringsstrategi vedtages.")
    assert new.new and not same_undertaking(("strategi", "digitalisering", False), new)
    assert same_undertaking(("strategi", "digitalisering", True), new)  # a new one was promised


def test_a_subheading_names_its_paragraphs_undertaking():
    assert [m.known for m in named("Ekspertudvalg på socialområdet")] == [True]
    assert [m.known for m in named("Ny digitaliseringsstrategi 2031-2034")] == [False]


EARLIER = _agreement(
    2030,
    [
        ("5. Social", "# Botilbud"),
        (
            "5. Social",
            "Regeringen og KL er enige om at nedsætte et ekspertudvalg, som skal se på økonomien i "
            "botilbud for borgere med handicap.",
        ),
        *[("6. Indkøb", text) for text in FILLER[:3]],
    ],
)
LATER = _agreement(
    2031,
    [
        ("5. Social", "# Handicap"),
        (
            "5. Social",
            "Ekspertudvalget har peget på, at økonomien i botilbud skal styres bedre, og parterne "
            "følger anbefalingerne.",
        ),
        ("8. Trafik", "# Busser"),
        (
            "8. Trafik",
            "Regeringen og KL er enige om at nedsætte et ekspertudvalg, som skal se på økonomien i "
            "busbetjeningen af landdistrikterne.",
        ),
        *[("6. Indkøb", text) for text in FILLER[3:]],
    ],
)


def test_the_undertaking_named_with_its_object_is_a_sure_follow_up_and_another_one_is_not():
    found = followups.pair_links(
        extract_commitments(EARLIER),
        followups.passages_of(2030, EARLIER.blocks),
        followups.passages_of(2031, LATER.blocks),
    )
    kinds = {x["linje_fra"]: (x["type"], x["grunde"]) for _, x in found}
    assert kinds[20][0] == "opfølgning" and "omtaler «ekspertudvalget» (botilbud, handicap)" in kinds[20][1]
    assert kinds.get(40, ("ingen",))[0] != "opfølgning"  # another committee, on busses
