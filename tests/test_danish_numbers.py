"""The one parser for numbers users type or put in files (danish_numbers.parse_input): what it reads, what it
refuses and with which message; property tests that a Decimal written the Danish way reads back exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kommuneokonomi import export
from kommuneokonomi.danish_numbers import LIMIT, NumberInputError, format_danish, parse_input
from kommuneokonomi.web.fields import FieldErrors, municipality_code


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.000,5", "1000.5"),
        ("1000,5", "1000.5"),
        ("10,5", "10.5"),
        ("-4,2", "-4.2"),
        ("−4,2", "-4.2"),  # unicode minus
        ("– 4,2", "-4.2"),  # en dash and a space, as printed
        ("+3", "3"),
        ("1 000,5", "1000.5"),
        ("1\u00a0000\u00a0000", "1000000"),  # no-break spaces (Excel, Word)
        ("1\u202f000,25", "1000.25"),  # narrow no-break space
        ("1.000", "1000"),  # one thousand, as in Danish
        ("1,000", "1"),
        ("  42  ", "42"),
        ("0,001", "0.001"),
    ],
)
def test_danish_numbers_are_read(text, value):
    assert parse_input(text) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "1000.5",
            "'1000.5' er tvetydigt (punktum er tusindtalsskilletegn på dansk): skriv 1000,5 eller 1.000,5",
        ),
        ("1,000.5", "skriv 1000,5 eller 1.000,5"),
        ("2.5", "skriv 2,5"),
        ("nan", "'nan' er ikke et tal"),
        ("-inf", "'-inf' er ikke et tal"),
        ("Infinity", "er ikke et tal"),
        ("sNaN", "er ikke et tal"),
        ("1e400", "skriv tallet ud uden eksponent"),
        ("1e3", "skriv tallet ud uden eksponent"),
        ("2,5E-3", "skriv tallet ud uden eksponent"),
        ("١٢", "andre cifre end 0-9"),
        ("１２", "andre cifre end 0-9"),
        ("", "feltet er tomt"),
        ("   ", "feltet er tomt"),
        ("12abc", "er ikke et tal (brug dansk talformat, fx 1.234,5)"),
        ("1.00.0", "er ikke et tal"),
        ("1.0000", "skriv 1,0000"),  # not a thousands group: a decimal point
        ("1 00", "er ikke et tal"),
        ("10.000.000.000.001", "er for stort"),
        ("1" * 31, "har for mange cifre"),
    ],
)
def test_bad_numbers_get_one_danish_message(text, message):
    with pytest.raises(NumberInputError) as info:
        parse_input(text, "skat.csv, række 4, kolonne sats_foer")
    assert str(info.value).startswith("skat.csv, række 4, kolonne sats_foer: ")
    assert message in str(info.value)


def test_machine_dialect_reads_points_and_refuses_danish():
    assert parse_input("1000.5", decimal=".") == Decimal("1000.5")
    assert parse_input("-4.25", decimal=".") == Decimal("-4.25")
    for text in ("1,5", "1.000,5", "1,000.5", "nan", "1e3", "１２"):
        with pytest.raises(NumberInputError):
            parse_input(text, decimal=".")


def test_a_limit_of_its_own():
    assert parse_input("100", limit=Decimal(100)) == 100
    with pytest.raises(NumberInputError, match="er for stort"):
        parse_input("100,5", limit=Decimal(100))


#: amounts as users have them: up to the limit, up to six decimals
AMOUNTS = st.decimals(min_value=-LIMIT, max_value=LIMIT, places=6, allow_nan=False, allow_infinity=False)


@given(AMOUNTS)
def test_danish_format_reads_back_exactly(value):
    assert parse_input(format_danish(value)) == value
    assert parse_input(format_danish(value, thousands=False)) == value
    assert parse_input(format_danish(value).replace(".", "\u00a0")) == value  # spaces for thousands


@given(AMOUNTS)
def test_the_display_format_and_the_danish_csv_read_back(value):
    """What the pages show (export.danish_number) and what the Danish CSV holds read back as the same."""
    assert parse_input(export.danish_number(value)) == value
    cell = export.to_csv(export.TableData("t", ["v"], [[value]])).splitlines()[1]
    assert parse_input(cell) == value
    machine = export.to_csv(export.TableData("t", ["v"], [[value]]), machine=True).splitlines()[1]
    assert parse_input(machine, decimal=".") == value


@given(st.text(max_size=30))
def test_any_text_is_a_finite_number_or_a_clear_error(text):
    try:
        value = parse_input(text)
    except NumberInputError as exc:
        assert str(exc) and "Traceback" not in str(exc)
    else:
        assert value.is_finite() and value.copy_abs() <= LIMIT


@pytest.mark.parametrize(
    ("typed", "code"),
    [("Aarhus", "751"), ("aarhus kommune", "751"), ("Århus", "751"), ("751", "751"), ("København", "101")],
)
def test_a_municipality_by_name(typed, code):
    assert municipality_code(typed) == code


def test_an_unknown_municipality_names_the_nearest():
    with pytest.raises(FieldErrors) as info:
        municipality_code("Arhus")
    assert "mente du Aarhus" in info.value.errors["kommune"]
    with pytest.raises(FieldErrors) as info:
        municipality_code("Xyzzy")
    assert "fx Aarhus" in info.value.errors["kommune"]
