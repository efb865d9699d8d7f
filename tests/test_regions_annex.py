"""The municipalities' contribution to the regions in an annex of the agreement: the development area's
grundbidrag (once called "udviklingsbidrag") beside the health area's grundbidrag, and a box on the
regions' own economy that ends before the contribution is stated. The texts are written for these tests."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kommuneokonomi.documents import parse_document, read_document
from kommuneokonomi.extraction import extract

from devset.pdfbuild import build_pdf

_CONTRIBUTION = [
    "Udviklingsbidraget udgjorde 120 kr. pr. indbygger i 2040. Bidraget reguleres med den regionale pris- og "
    "lønudvikling inkl. medicin på 2,5 pct. og udgør derefter 123 kr. pr. indbygger i 2041.",
    "",
    "Det kommunale grundbidrag til sundhedsvæsenet udgør 1.150 kr. pr. indbygger i 2041.",
    "",
]


def test_the_health_areas_grundbidrag_is_not_the_development_areas():
    text = "\n".join(["# Aftale om kommunernes økonomi for 2041", "", "4. juni 2040", "", *_CONTRIBUTION])
    figures = extract(parse_document(text.encode(), "aftale.md", ".md")).figures
    assert figures["grundbidrag"].value == Decimal(123)
    assert figures["grundbidrag_forrige"].value == Decimal(120)


def test_the_regions_box_in_a_pdf_ends_with_its_frame(tmp_path: Path):
    """The box on the regions' economy is not read; the paragraphs after its frame, in the same annex
    and before any other heading, are."""
    story = "\n".join(
        [
            "@header Aftale om kommunernes økonomi for 2041",
            "@footer Side {page}",
            "# Aftale om kommunernes økonomi for 2041",
            "",
            "4. juni 2040",
            "",
            "## 1. Service",
            "",
            "Regeringen og KL er enige om, at kommunernes serviceudgifter i 2041 udgør 400.100 mio. kr.",
            "",
            "## Bilag 2. Regionerne og kommunernes bidrag",
            "",
            "[boks Boks 2. Regionernes økonomi i 2041]",
            "Regionernes nettodriftsudgifter til sundhed udgør 90.000 mio. kr. i 2041.",
            "[/boks]",
            "",
            *_CONTRIBUTION,
        ]
    )
    path = tmp_path / "aftale.story"
    path.write_text(story, "utf-8")
    figures = extract(read_document(build_pdf(path))).figures
    assert figures["grundbidrag"].value == Decimal(123)
    assert figures["grundbidrag_forrige"].value == Decimal(120)
    assert figures["pl_regioner"].value == Decimal("2.5")


def test_last_years_contribution_as_corrected_by_a_noun():
    """ "Efter korrektion for opgaveændringer udgør bidraget for 2040 …": the corrected amount is last
    year's, as with the verb ("korrigeres"); not this year's."""
    text = "\n".join(
        [
            "# Aftale om kommunernes økonomi for 2041",
            "",
            "4. juni 2040",
            "",
            "Grundbidraget på udviklingsområdet blev for 2040 fastsat til 120 kr. pr. indbygger. "
            "Efter korrektion for opgaveændringer udgør bidraget for 2040 121 kr. pr. indbygger.",
            "",
            "For 2041 fastsættes grundbidraget på udviklingsområdet til 124 kr. pr. indbygger.",
            "",
        ]
    )
    figures = extract(parse_document(text.encode(), "aftale.md", ".md")).figures
    assert figures["grundbidrag_forrige"].value == Decimal(121)
    assert figures["grundbidrag"].value == Decimal(124)
