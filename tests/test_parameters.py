"""The shipped parameters: schema-valid, sourced by location, and equal to a fresh extraction."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from kommuneokonomi.documents import read_document
from kommuneokonomi.extraction import extract
from kommuneokonomi.parameters import (
    PACKAGE_DIR,
    ParameterError,
    build_parameter_files,
    load_directory,
    shipped_parameters,
    write_parameter_files,
)

from conftest import corpus_files


def test_shipped_parameters_equal_a_fresh_extraction_of_the_corpus(corpus, tmp_path):
    fresh = build_parameter_files([extract(read_document(p)) for p in corpus_files()])
    shipped = shipped_parameters()
    assert set(fresh) == set(shipped), "keys differ"
    for key, entry in fresh.items():
        assert entry.model_dump() == shipped[key].model_dump(), f"{key} differs from the shipped file"
    write_parameter_files(fresh, tmp_path)  # and byte-for-byte the same files
    for path in tmp_path.rglob("*.yaml"):
        assert path.read_text("utf-8") == (PACKAGE_DIR / path.relative_to(tmp_path)).read_text("utf-8"), path


def test_every_value_has_metadata_and_a_location_reference():
    files = shipped_parameters()
    assert len(files) >= 40
    for key, entry in files.items():
        assert entry.label and entry.unit and entry.kind, key
        assert set(entry.values) == {2019, 2020, 2022, 2023, 2024} or key.startswith("tilskudsprocent."), key
        for year, pv in entry.values.items():
            if pv.value is None:
                assert pv.reference is None
                continue
            assert pv.reference is not None and pv.reference.document_year == year, (key, year)
            assert 0 < pv.reference.line_start <= pv.reference.line_end, (key, year)
            if entry.kind in ("amount", "balance"):
                assert pv.price_level == year, (key, year)


def test_parameter_files_hold_no_quotations():
    """Only facts and locations: no string value longer than a date, no free text beyond labels."""
    for path in PACKAGE_DIR.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text("utf-8"))
        assert set(data) == {"key", "label", "unit", "kind", "values"}, path
        for value in data["values"].values():
            assert not isinstance(value["value"], str) or len(value["value"]) <= 10, path


def _copy_params(tmp_path: Path) -> Path:
    target = tmp_path / "aftaler"
    shutil.copytree(PACKAGE_DIR, target)
    return target


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("unit"), "'unit'"),
        (lambda d: d["values"][2024].update(value=[1, 2]), "values.2024.value"),
        (lambda d: d["values"][2024].update(price_levl=2024), "price_levl"),
        (lambda d: d["values"].update({1900: {"value": 1}}), "1900"),
        (lambda d: d.update(key="serviceramme_ukendt"), "key"),
    ],
)
def test_schema_errors_name_the_file_and_the_field(tmp_path, mutate, message):
    folder = _copy_params(tmp_path)
    path = folder / "serviceramme.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    mutate(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(ParameterError) as exc:
        load_directory(folder)
    assert str(path) in str(exc.value) and message in str(exc.value)


def test_invalid_yaml_names_the_file(tmp_path):
    folder = _copy_params(tmp_path)
    path = folder / "pl_service.yaml"
    path.write_text("key: [unclosed", "utf-8")
    with pytest.raises(ParameterError, match=r"pl_service\.yaml"):
        load_directory(folder)
