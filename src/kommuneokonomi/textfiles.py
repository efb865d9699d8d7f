"""Text from users' files in the encodings Danish Windows programs write.

One decoding for agreements in text or markdown and for the CSV and YAML inputs of the rules: Excel's
"CSV UTF-8" writes UTF-8 with a byte-order mark, its "CSV (semikolonsepareret)" on a Danish Windows writes
Windows-1252, and "Unicode-tekst" and Notepad write UTF-16 with a byte-order mark.
"""

from __future__ import annotations

import codecs
from pathlib import Path

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class TextDecodeError(ValueError):
    """Bytes that claim an encoding they do not keep to; the message says where."""


def decode_utf16(data: bytes, errors: str = "strict") -> str | None:
    """Text with a UTF-16 byte-order mark, else None."""
    if not data.startswith(UTF16_BOMS):
        return None
    try:
        return data.decode("utf-16", errors)  # the BOM picks little or big endian and is dropped
    except UnicodeDecodeError as exc:
        raise TextDecodeError(
            f"filen begynder som UTF-16, men byte {exc.start} er ikke gyldig UTF-16"
        ) from exc


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in: UTF-16 with a BOM, UTF-8 (with or without BOM), else
    Windows-1252, else latin-1 (which reads any bytes)."""
    wide = decode_utf16(data)
    if wide is not None:
        return wide, "utf-16"
    for encoding, name in (("utf-8-sig", "utf-8"), ("cp1252", "cp1252")):
        try:
            return data.decode(encoding), name
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def read_text_file(path: Path) -> str:
    """A user's CSV or YAML file as text (decode_bytes); OSError and TextDecodeError go to the caller."""
    return decode_bytes(path.read_bytes())[0]
