"""Per-municipality files as a finance officer's spreadsheet saves them: the encodings and separators of
Danish Excel ("CSV (semikolonsepareret)" in Windows-1252, "CSV UTF-8", "Unicode-tekst" in UTF-16 with
tabs), column names in any case and the usual Danish names, read to the same numbers as the plain file."""

from __future__ import annotations

import codecs
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kommuneokonomi.rules.frames import read_adjustments
from kommuneokonomi.rules.kommuner import (
    MunicipalDataError,
    read_municipal_csv,
    read_population_csv,
    register,
)

REQUIRED = ("serviceudgifter",)


def _rows() -> list[tuple[str, str, Decimal]]:
    reg = register()
    return [
        (c, n, Decimal(1000 + i) + Decimal("0.5"))
        for i, (c, n) in enumerate(zip(reg.codes, reg.names, strict=True))
    ]


def _danish(value: Decimal) -> str:
    whole, frac = f"{value:.1f}".split(".")
    return f"{int(whole):,}".replace(",", ".") + "," + frac


def _spreadsheet(header: list[str], delimiter: str) -> str:
    lines = [delimiter.join(header)]
    for code, name, value in _rows():
        number = _danish(value) if delimiter != "," else f"{value}"
        lines.append(delimiter.join([code, name, number]))
    return "\r\n".join(lines) + "\r\n"


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    return text.encode(encoding)


EXPECTED = [value for _, _, value in _rows()]


@settings(max_examples=25, deadline=None)
@given(
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
    delimiter=st.sampled_from([";", "\t", ","]),
    code_name=st.sampled_from(["kommunekode", "Kommunekode", "KOMMUNENR", "Kommunenummer"]),
    name_name=st.sampled_from(["kommunenavn", "Kommune", "Kommunenavn"]),
    value_name=st.sampled_from(["serviceudgifter", "Serviceudgifter", " SERVICEUDGIFTER "]),
)
def test_a_spreadsheet_in_any_danish_excel_form_reads_the_same(
    tmp_path_factory, encoding, delimiter, code_name, name_name, value_name
):
    path = tmp_path_factory.mktemp("csv") / "budget.csv"
    path.write_bytes(_encode(_spreadsheet([code_name, name_name, value_name], delimiter), encoding))
    assert read_municipal_csv(path, REQUIRED)["serviceudgifter"] == EXPECTED


def test_windows_1252_names_do_not_stop_the_file(tmp_path):
    """Excel's "CSV (semikolonsepareret)" on a Danish Windows: æ, ø and å as single bytes."""
    path = tmp_path / "budget.csv"
    path.write_bytes(_spreadsheet(["Kommunenr", "Kommune", "Serviceudgifter"], ";").encode("cp1252"))
    assert "ø".encode("cp1252") in path.read_bytes()
    assert read_municipal_csv(path, REQUIRED)["serviceudgifter"] == EXPECTED


def test_two_columns_that_mean_the_same_are_refused_by_name(tmp_path):
    path = tmp_path / "budget.csv"
    text = _spreadsheet(["Kommunenr", "Kommune", "Serviceudgifter"], ";").replace(
        "Kommunenr;", "Kommunenr;kommunekode;", 1
    )
    path.write_text(text, "utf-8")
    with pytest.raises(
        MunicipalDataError, match=r"budget\.csv: kolonnerne Kommunenr, kommunekode betyder det samme"
    ):
        read_municipal_csv(path, REQUIRED)


def test_an_unknown_column_is_named_as_the_file_writes_it(tmp_path):
    path = tmp_path / "budget.csv"
    path.write_text(_spreadsheet(["Kommunenr", "Kommune", "Serviceudgifter (mio. kr.)"], ";"), "utf-8")
    with pytest.raises(MunicipalDataError) as exc:
        read_municipal_csv(path, REQUIRED)
    assert "budget.csv" in str(exc.value) and "fandt Kommunenr, Kommune, Serviceudgifter (mio. kr.)" in str(
        exc.value
    )


def test_a_broken_utf16_file_names_the_file_and_the_byte(tmp_path):
    path = tmp_path / "budget.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + "kommunekode".encode("utf-16-le") + b"\x00\xd8")
    with pytest.raises(MunicipalDataError, match=r"budget\.csv: kan ikke læses: .*UTF-16"):
        read_municipal_csv(path, REQUIRED)


def test_population_metadata_in_windows_1252(tmp_path):
    path = tmp_path / "befolkning.csv"
    lines = ["# aar: 2024", "# kilde: Danmarks Statistik, FOLK1A (Københavns tal)", "kommunekode;vaerdi"]
    lines += [f"{code};{1000 + i}" for i, code in enumerate(register().codes)]
    path.write_bytes("\r\n".join(lines).encode("cp1252"))
    population = read_population_csv(path)
    assert population.year == 2024
    assert population.source.startswith("Danmarks Statistik, FOLK1A (Københavns tal)")
    assert population.values[0] == 1000


def test_adjustments_csv_in_windows_1252(tmp_path):
    path = tmp_path / "reguleringer.csv"
    line = "serviceramme;2024;DUT;-120,5;lov om ændring af lov om social service"
    path.write_bytes(f"ramme;aar;art;beloeb;kilde\r\n{line}\r\n".encode("cp1252"))
    (line,) = read_adjustments(path, "serviceramme")
    assert line.beloeb == Decimal("-120.5")
    assert line.aar == 2024 and "ændring" in line.line.kilde


def test_the_readers_share_one_decoding(tmp_path):
    """The agreement reader and the CSV reader agree on the same Windows-1252 bytes."""
    from kommuneokonomi.documents.base import decode_text
    from kommuneokonomi.textfiles import read_text_file

    data = "Kommunernes økonomi – så er det aftalt\n".encode("cp1252")
    path = Path(tmp_path / "x.txt")
    path.write_bytes(data)
    text, encoding = decode_text(data)
    assert encoding == "cp1252"
    assert read_text_file(path) == text
