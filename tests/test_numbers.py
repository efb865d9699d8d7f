"""Danish number formats, exact."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kommuneokonomi.export import danish_number
from kommuneokonomi.extraction.numbers import (
    AMOUNT_RE,
    NumberFormatError,
    amount_mio,
    parse_number,
    precision_of,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("251.934", Decimal("251934")),
        ("275,4", Decimal("275.4")),
        ("-4,2", Decimal("-4.2")),
        ("-380.596", Decimal("-380596")),
        ("1.234.567,89", Decimal("1234567.89")),
        ("35", Decimal(35)),
        ("– 4,0", Decimal("-4.0")),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("bad", ["", "1,2,3", "12.34", "abc", "1.23.456"])
def test_parse_number_rejects(bad):
    with pytest.raises(NumberFormatError):
        parse_number(bad)


@pytest.mark.parametrize(
    ("text", "mio", "precision"),
    [
        ("275,4 mia. kr.", Decimal(275400), Decimal(100)),
        ("ca. 35 mio. kr.", Decimal(35), Decimal(1)),
        ("1 mia. kr.", Decimal(1000), Decimal(1000)),
        ("-4,2 mia. kr.", Decimal(-4200), Decimal(100)),
        ("3,25 mia. kr", Decimal(3250), Decimal(10)),
    ],
)
def test_amounts_to_mio(text, mio, precision):
    m = AMOUNT_RE.search(text)
    assert amount_mio(m) == (mio, precision)
    assert (m.group("approx") is not None) == text.startswith("ca.")


def test_precision_of():
    assert precision_of("275,4") == Decimal("0.1") and precision_of("251.934") == 1


@given(st.integers(min_value=-(10**12), max_value=10**12), st.integers(min_value=0, max_value=3))
def test_danish_format_round_trips(units, decimals):
    value = Decimal(units).scaleb(-decimals)
    text = danish_number(value, decimals)
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*(,\d+)?", text)
    assert parse_number(text) == value
