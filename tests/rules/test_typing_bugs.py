"""Bugs the type checker found: each test fails on the code before the fix."""

from decimal import Decimal

import pytest

from kommuneokonomi.rules.distribution import distribute_pool, integer_weights
from kommuneokonomi.rules.kommuner import register
from kommuneokonomi.rules.params import RuleError


@pytest.mark.parametrize("weight", ["Infinity", "-Infinity", "NaN"])
def test_a_non_finite_key_is_a_rule_error(weight: str) -> None:
    # before: TypeError (unary minus on the exponent 'F') or decimal.InvalidOperation, a traceback
    with pytest.raises(RuleError, match="endeligt tal"):
        integer_weights([Decimal(1), Decimal(weight)])


def test_a_key_without_a_source_still_distributes() -> None:
    # before: pydantic's ValidationError (ParameterRef.kilde None) for a key given without its source
    n = register().size
    result = distribute_pool(1_000, [1] * n)
    assert sum(result.amounts_kr) == 1_000
    assert result.parameters[0].kilde == "ikke angivet"


def test_danish_number_shows_a_nan_instead_of_crashing() -> None:
    # before: TypeError (unary minus on the exponent 'n') from the tables every command prints
    from kommuneokonomi.export import danish_number

    assert danish_number(Decimal("NaN")) == "NaN"
    assert danish_number(Decimal("1234.5")) == "1.234,5"
