"""Tabel 1 in layouts seen on unseen agreements: continued after a page break under a "(fortsat)"
caption, tab-separated with the previous year's column first, the totals row last before a break.
The documents are written for these tests, not taken from agreements."""

# ruff: noqa: E501
from __future__ import annotations

import pytest
from tests.test_extraction_meaning import EXPECTED, ROWS, YEAR, balance, text_agreement


def _aligned(rows) -> str:
    return "\n".join(f"   {label:<44}{'1.000':>12}{v:>14}" for label, v, _ in rows)


HEADER = (
    f"   {'Mio. kr., ' + str(YEAR) + '-pl':<44}{'Budget ' + str(YEAR - 1):>12}{'Aftale ' + str(YEAR):>14}"
)
FURNITURE = (
    f"\n\n                                     - 3 -\n\f   Aftale om kommunernes økonomi for {YEAR}\n\n"
)


@pytest.mark.parametrize(
    "caption", ["Tabel 1 (fortsat)", "Tabel 1. (fortsat)", "Tabel 1, fortsat", "Tabel 1 (fortsættelse)"]
)
@pytest.mark.parametrize("split", [3, 4])
def test_table_continued_after_a_page_break(caption, split):
    """The rows after the break (and the totals right before it) belong to the same table."""
    table = (
        f"Tabel 1\nBalance for kommunerne i {YEAR}\n\n{HEADER}\n\n{_aligned(ROWS[:split])}{FURNITURE}"
        f"   {caption}\n\n{HEADER}\n\n{_aligned(ROWS[split:])}"
    )
    assert balance(text_agreement(table)) == EXPECTED


def _tabbed(header: str, rows) -> str:
    lines = [header] + [f"{label}\t1.000\t{v}" for label, v, _ in rows]
    return "\n".join(lines)


@pytest.mark.parametrize(
    "header",
    [
        f"Mio. kr.\tAftale {YEAR - 1} ({YEAR}-pl)\tAftale {YEAR}",
        f"Mio. kr., {YEAR}-pl\tBudget {YEAR - 1}\tAftale {YEAR}",
        f"Mio. kr.\t{YEAR - 1} ({YEAR}-pl)\t{YEAR}",
    ],
)
def test_tab_separated_table_with_the_previous_year_first(header):
    table = f"Tabel 1. Balance for kommunerne i {YEAR}\n\n{_tabbed(header, ROWS)}"
    r = text_agreement(table)
    assert balance(r) == EXPECTED


def test_tab_separated_table_without_a_readable_header_warns_rather_than_guesses():
    table = f"Tabel 1. Balance for kommunerne i {YEAR}\n\nMio. kr.\n{_tabbed('', ROWS).strip()}"
    r = text_agreement(table)
    assert balance(r) == {}
    assert "tabel_raekke_ulaeselig" in {w.code for w in r.warnings} or "tabel_kolonne_uklar" in {
        w.code for w in r.warnings
    }
