"""Layouts found by the sixth development set, each tested apart from it on a table or sentence written for
the test (other words, other numbers, another order than tests/devset/dev6): a space-aligned text table
cut by rules, last year's contribution to the regions beside the one to the health service."""

# ruff: noqa: E501
from __future__ import annotations

import pytest
from tests.test_extraction_meaning import YEAR, agreement, balance, text_agreement, value


@pytest.mark.parametrize("rule", ["-" * 60, "=" * 48, "_" * 30])
def test_a_text_table_cut_by_rules_between_its_parts_keeps_every_row(rule):
    """A rule under the header, between expenditure and income and under the totals; the two-column rows
    after a rule are rows of the same table, and a label over two lines keeps its full name."""
    table = (
        f"Tabel 1. Kommunernes udgifter og indtægter\nMio. kr.\n"
        f"{'':<40}{'Budget ' + str(YEAR - 1):>14}{'Aftale ' + str(YEAR):>14}\n{rule}\n"
        f"{'Serviceudgifter':<40}{'349.000':>14}{'350.200':>14}\n"
        f"{'Kommunal medfinansiering':<40}\n{'  af sundhedsvæsenet':<40}{'20.100':>14}{'20.400':>14}\n"
        f"{'Overførsler':<40}{'110.500':>14}{'110.000':>14}\n"
        f"{'Udgifter i alt':<40}{'479.600':>14}{'480.600':>14}\n{rule}\n"
        f"{'Skatter':<40}{'-371.000':>14}{'-377.000':>14}\n"
        f"{'Bloktilskud':<40}{'-108.600':>14}{'-103.600':>14}\n"
        f"{'Indtægter i alt':<40}{'-479.600':>14}{'-480.600':>14}\n{rule}\n"
        "Anm.: Negative tal er indtægter."
    )
    assert balance(text_agreement(table)) == {
        "serviceudgifter": 350200,
        "aktivitetsbestemt_medfinansiering": 20400,
        "overfoersler": 110000,
        "udgifter_i_alt": 480600,
        "skatteindtaegter": -377000,
        "bloktilskud": -103600,
        "indtaegter_i_alt": -480600,
    }


def test_the_health_contribution_is_neither_this_years_nor_last_years_grundbidrag():
    """A contribution with no year of its own (the paragraph says from when it is paid) is not last year's."""
    body = (
        f"Kommunerne betaler fra {YEAR} et bidrag til regionerne. Grundbidraget til det regionale "
        f"sundhedsvæsen er 1.250 kr. pr. indbygger.\n\nUdviklingsbidraget fastsættes for {YEAR} til 131 kr. "
        "pr. indbygger."
    )
    r = agreement(body)
    assert value(r, "grundbidrag") == 131
    assert value(r, "grundbidrag_forrige") is None
