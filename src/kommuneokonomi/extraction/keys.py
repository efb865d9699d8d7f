"""The registry of canonical figure keys (label, unit, kind), read from `parameters/figure_keys.yaml`."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel

Kind = Literal["amount", "percent", "per_capita", "year", "date", "balance"]


class KeySpec(BaseModel):
    label: str
    unit: str
    kind: Kind


@cache
def key_specs() -> dict[str, KeySpec]:
    raw = yaml.safe_load(
        resources.files("kommuneokonomi.parameters").joinpath("figure_keys.yaml").read_text("utf-8")
    )
    return {key: KeySpec.model_validate(spec) for key, spec in raw.items()}


def spec_for(key: str) -> KeySpec:
    """The spec of a key; `tilskudsprocent.2024` uses the `tilskudsprocent.*` entry."""
    specs = key_specs()
    if key in specs:
        return specs[key]
    wildcard = key.rsplit(".", 1)[0] + ".*"
    if wildcard in specs:
        return specs[wildcard]
    raise KeyError(f"ukendt nøgletal: {key!r}")


def fixed_keys() -> list[str]:
    """Every key that each document reports (value or null), in contract order."""
    return [k for k in key_specs() if not k.endswith(".*")]
