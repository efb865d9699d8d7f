"""Shipped parameters: one YAML file per key, one value per agreement year, each with label, unit, price
level and a reference by location (document year, section, line range) — never a quotation.

`parameters/aftaler/serviceramme.yaml`, `parameters/aftaler/balance/serviceudgifter.yaml`,
`parameters/aftaler/tilskudsprocent/2024.yaml`, … are written by `kommuneokonomi parametre skriv` from the
agreements and validated against `ParameterFile` when loaded.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from kommuneokonomi.extraction.keys import KeySpec, spec_for
from kommuneokonomi.models import DocumentResult, to_json_number

M = TypeVar("M", bound=BaseModel)
PACKAGE_DIR = Path(str(resources.files("kommuneokonomi.parameters"))) / "aftaler"


class ParameterError(ValueError):
    """A parameter file that does not follow the schema; the message names the file and the field."""


class Reference(BaseModel):
    model_config = ConfigDict(extra="forbid")

    document_year: int
    document_sha256: str
    section: str | None
    part: str | None = None
    line_start: int
    line_end: int


class ParameterValue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: int | float | str | None
    price_level: int | None = None
    reference: Reference | None = None

    @property
    def exact(self) -> Decimal | str | None:
        """The value as an exact Decimal (a YAML float via its shortest repr: 2.4 -> Decimal('2.4'))."""
        if self.value is None or isinstance(self.value, str):  # a YAML bool is an int here (pydantic)
            return self.value
        return Decimal(str(self.value))


class ParameterFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str
    label: str
    unit: str
    kind: str
    values: dict[int, ParameterValue]

    @field_validator("values")
    @classmethod
    def _years(cls, values: dict[int, ParameterValue]) -> dict[int, ParameterValue]:
        for year in values:
            if not 1970 <= year <= 2100:
                raise ValueError(f"år {year} er uden for 1970-2100")
        return values


def key_path(directory: Path, key: str) -> Path:
    return directory.joinpath(*key.split(".")).with_suffix(".yaml")


def load_model(path: Path | Traversable, model: type[M]) -> M:
    """A YAML file validated against a schema; any problem is a ParameterError naming the file and field."""
    try:
        raw = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ParameterError(f"{path}: kan ikke læses som YAML: {exc}") from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise ParameterError(f"{path}: feltet '{field}': {first['msg']}") from exc


def load_file(path: Path) -> ParameterFile:
    parsed = load_model(path, ParameterFile)
    try:
        spec_for(parsed.key)
    except KeyError as exc:
        raise ParameterError(f"{path}: feltet 'key': {exc.args[0]}") from exc
    return parsed


def load_directory(directory: Path) -> dict[str, ParameterFile]:
    files = {}
    for path in sorted(directory.rglob("*.yaml")):
        parsed = load_file(path)
        if key_path(directory, parsed.key) != path:
            raise ParameterError(f"{path}: feltet 'key' ({parsed.key}) passer ikke til filens placering")
        files[parsed.key] = parsed
    return files


@cache
def shipped_parameters() -> dict[str, ParameterFile]:
    """The embedded default: the parameters shipped in the package."""
    return load_directory(PACKAGE_DIR)


def build_parameter_files(results: list[DocumentResult]) -> dict[str, ParameterFile]:
    """One file per key with a value (or null) for each agreement year."""
    files: dict[str, ParameterFile] = {}
    for result in sorted(results, key=lambda r: r.meta.year):
        for key, fig in result.figures.items():
            spec: KeySpec = spec_for(key)
            entry = files.setdefault(
                key, ParameterFile(key=key, label=spec.label, unit=spec.unit, kind=spec.kind, values={})
            )
            reference = None
            if fig.value is not None and fig.source is not None:
                reference = Reference(
                    document_year=result.meta.year,
                    document_sha256=result.meta.sha256,
                    section=fig.source.section,
                    part=fig.source.part,
                    line_start=fig.source.line_start,
                    line_end=fig.source.line_end,
                )
            entry.values[result.meta.year] = ParameterValue(
                value=to_json_number(fig.value), price_level=fig.price_level, reference=reference
            )
    years = sorted({r.meta.year for r in results})
    for entry in files.values():  # a key absent from a year's document is null for that year
        for year in years:
            entry.values.setdefault(year, ParameterValue(value=None))
        entry.values = dict(sorted(entry.values.items()))
    return files


def write_parameter_files(files: dict[str, ParameterFile], directory: Path) -> list[Path]:
    written = []
    for key, entry in sorted(files.items()):
        path = key_path(directory, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = entry.model_dump(exclude_none=False)
        for value in data["values"].values():
            if value["reference"] and value["reference"]["part"] is None:
                del value["reference"]["part"]
        path.write_text(
            "# Written by `kommuneokonomi parametre skriv`; references point to locations, not quotations.\n"
            + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110),
            "utf-8",
        )
        written.append(path)
    return written


# --- facts from public summaries (years without an agreement text) -----------------------------------------

SUMMARY_DIR = Path(str(resources.files("kommuneokonomi.parameters"))) / "resumeer"
SUMMARY_KIND = "offentligt resumé"


class SummaryValue(BaseModel):
    """A fact from a public summary (ministry/KL release, news quoting them): a URL, never line references."""

    model_config = ConfigDict(extra="forbid")

    value: int | float | str
    price_level: int | None = None
    url: str
    kildeart: Literal["offentligt resumé"]
    note: str | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, url: str) -> str:
        if not url.startswith(("http://", "https://")):
            raise ValueError("url skal være en http(s)-adresse")
        return url

    @property
    def exact(self) -> Decimal | str:
        if self.value is None or isinstance(self.value, str):  # a YAML bool is an int here (pydantic)
            return self.value
        return Decimal(str(self.value))


class SummaryFile(ParameterFile):
    values: dict[int, SummaryValue]  # type: ignore[assignment]


@cache
def shipped_summaries() -> dict[str, SummaryFile]:
    """Facts from public summaries (`parameters/resumeer/`), kept apart from the agreement-derived files that
    `parametre skriv` regenerates; merged at load time with lower priority than any agreement's value."""
    files = {}
    for path in sorted(SUMMARY_DIR.glob("*.yaml")):
        parsed = load_model(path, SummaryFile)
        try:
            spec_for(parsed.key)
        except KeyError as exc:
            raise ParameterError(f"{path}: feltet 'key': {exc.args[0]}") from exc
        if path.stem != parsed.key:
            raise ParameterError(f"{path}: feltet 'key' ({parsed.key}) passer ikke til filnavnet")
        files[parsed.key] = parsed
    return files
