"""Bad input: one line naming the file and the reason; good files of the batch still ingested; exit != 0."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from typer.testing import CliRunner

from kommuneokonomi.cli import app
from kommuneokonomi.store import Store

from conftest import corpus_files
from pdf_fixture import render_pdf

runner = CliRunner()
GOOD = corpus_files()[4]  # PDF-extracted text, budget year 2024


def _ingest(*args: str):
    return runner.invoke(app, ["ingest", *args])


def _one_error_line(result, path: Path, reason: str) -> None:
    assert result.exit_code == 1, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("FEJL:")]
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and reason in lines[0], lines[0]


def test_empty_file(tmp_path, db):
    bad = tmp_path / "tom.txt"
    bad.write_bytes(b"")
    _one_error_line(_ingest(str(bad)), bad, "tom")


def test_binary_garbage(tmp_path, db):
    bad = tmp_path / "skrald.bin"
    bad.write_bytes(bytes(range(256)) * 40)
    _one_error_line(_ingest(str(bad)), bad, "binær")


def test_a_word_document_or_a_spreadsheet_is_named(tmp_path, db):
    import zipfile

    for name, member, reason in [
        ("aftale.docx", "word/document.xml", "Word-dokument"),
        ("tal.xlsx", "xl/workbook.xml", "ZIP-arkiv"),
    ]:
        bad = tmp_path / name
        with zipfile.ZipFile(bad, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr(member, "<x>Aftale om kommunernes økonomi for 2051</x>")
        _one_error_line(_ingest(str(bad)), bad, reason)


def test_text_that_is_not_an_agreement(tmp_path, db):
    bad = tmp_path / "opskrift.txt"
    bad.write_text(
        "Æblekage\n\nTag 500 g æbler og 200 g sukker. Bag i 40 minutter ved 200 grader.\n", "utf-8"
    )
    _one_error_line(_ingest(str(bad)), bad, "ikke en økonomiaftale")


def test_truncated_pdf(tmp_path, db):
    pdf = render_pdf(GOOD, tmp_path / "hel.pdf")
    bad = tmp_path / "afkortet.pdf"
    bad.write_bytes(pdf.read_bytes()[: pdf.stat().st_size // 2])
    _one_error_line(_ingest(str(bad)), bad, "afkortet")


def _encrypted_pdf(tmp_path: Path, name: str, user_password: str, algorithm: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(render_pdf(GOOD, tmp_path / "aaben.pdf")))
    writer.encrypt(user_password=user_password, owner_password="ejer", algorithm=algorithm)
    target = tmp_path / name
    with target.open("wb") as fh:
        writer.write(fh)
    return target


def test_encrypted_pdf(tmp_path, db):
    bad = _encrypted_pdf(tmp_path, "krypteret.pdf", "hemmelig", "AES-128")
    _one_error_line(_ingest(str(bad)), bad, "krypteret")


def test_pdf_encrypted_with_only_an_owner_password_is_read(tmp_path, db):
    """Permissions-only encryption (empty user password) is common in government PDFs: it must read."""
    locked = _encrypted_pdf(tmp_path, "tilladelser.pdf", "", "AES-256")
    result = _ingest(str(locked))
    assert result.exit_code == 0, result.stderr
    assert [d.year for d in Store(db).documents()] == [2024]


def test_file_over_the_size_limit(tmp_path, db):
    big = tmp_path / "stor.txt"
    shutil.copy(GOOD, big)
    _one_error_line(_ingest("--max-bytes", "1000", str(big)), big, "over grænsen")


def test_pdf_named_file_that_is_not_a_pdf(tmp_path, db):
    bad = tmp_path / "falsk.pdf"
    bad.write_text("Dette er ikke en PDF", "utf-8")
    _one_error_line(_ingest(str(bad)), bad, "ikke en PDF")


def test_cp1252_text_is_read_and_reported(tmp_path, db):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(GOOD.read_text("utf-8").replace("\uf0b7", "-").encode("cp1252"))
    result = _ingest(str(latin))
    assert result.exit_code == 0, result.output
    assert "tegnsaet" in result.output and "cp1252" in result.output
    years = [d.year for d in Store(db).documents()]
    assert years == [2024]


def test_missing_path(tmp_path, db):
    missing = tmp_path / "findes-ikke.txt"
    _one_error_line(_ingest(str(missing)), missing, "findes ikke")


def test_directory_mixing_good_and_bad_files(tmp_path, db):
    folder = tmp_path / "blandet"
    folder.mkdir()
    for src in corpus_files()[:2]:
        shutil.copy(src, folder / src.name)
    (folder / "tom.txt").write_bytes(b"")
    (folder / "skrald.bin").write_bytes(b"\x00\x01\x02" * 100)
    result = _ingest(str(folder))
    assert result.exit_code == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("FEJL:")]
    assert len(errors) == 2 and any("tom.txt" in e for e in errors) and any("skrald.bin" in e for e in errors)
    assert sorted(d.year for d in Store(db).documents()) == [2020, 2022]


def test_failed_pdf_read_never_touches_the_store(tmp_path, db):
    assert _ingest(str(GOOD)).exit_code == 0
    before = Store(db).dump()
    bad = tmp_path / "afkortet.pdf"
    bad.write_bytes(render_pdf(GOOD, tmp_path / "x.pdf").read_bytes()[:3000])
    assert _ingest(str(bad)).exit_code == 1
    assert Store(db).dump() == before


@pytest.mark.parametrize("data", [b"%PDF-1.4\n%%EOF", b"%PDF-1.7\ngarbage\n%%EOF\n"])
def test_broken_pdf_bytes(tmp_path, db, data):
    bad = tmp_path / "brudt.pdf"
    bad.write_bytes(data)
    result = _ingest(str(bad))
    assert result.exit_code == 1 and "brudt.pdf" in result.stderr
