"""Uploads: the size limit enforced while the body streams in (never more than the limit is spooled), and
file names checked, so a hostile name is a clear 4xx and no message shows a server path."""

from __future__ import annotations

import re
import unicodedata

from fastapi import HTTPException, UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: uploads larger than this are refused, while they are read (API ingest and the simulators' CSV files)
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
#: room in a multipart body for the part headers and the small form fields beside the file
MULTIPART_OVERHEAD = 64 * 1024
MAX_NAME = 200
UPLOAD_PATHS = ("/api/ingest", "/simulator/")
_FILENAME_RE = re.compile(rb'filename="([^"\r\n]{0,400})"')


def too_large(name: str | None) -> HTTPException:
    who = f"{name}: " if name else ""
    mb, rest = divmod(MAX_UPLOAD_BYTES, 1024 * 1024)
    limit = f"{mb} MB" if not rest else f"{MAX_UPLOAD_BYTES:,} bytes".replace(",", ".")
    return HTTPException(413, f"{who}filen er over grænsen på {limit}")


def upload_name(raw: str | None) -> str:
    """The uploaded file's own name (its last path part), or a 422 naming it for a name that names no file
    or climbs out of a folder ("..", "../../etc/passwd")."""
    name = (raw or "").replace("\\", "/")
    shown = repr(name[:60] + ("…" if len(name) > 60 else ""))
    if "\x00" in name or any(unicodedata.category(ch) == "Cc" for ch in name):
        raise HTTPException(422, f"filnavnet {shown} indeholder kontroltegn; omdøb filen og prøv igen")
    if ".." in name.split("/"):
        raise HTTPException(422, f"filnavnet {shown} peger ud af en mappe; omdøb filen og prøv igen")
    name = name.rsplit("/", 1)[-1].strip()
    if name in ("", "."):
        raise HTTPException(
            422, f"filnavnet{' ' + shown if raw else ''} er ikke et filnavn; omdøb filen og prøv igen"
        )
    if len(name) > MAX_NAME:
        raise HTTPException(422, f"filnavnet {shown} er for langt ({len(name)} tegn, højst {MAX_NAME})")
    return name


async def read_upload(fil: UploadFile, name: str) -> bytes:
    """The file's bytes, at most the limit (413 naming the file if it is larger)."""
    data = await fil.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise too_large(name)
    return data


class BodyLimit:
    """ASGI middleware for the upload paths: a Content-Length over the limit is refused after the first
    chunk (read for the file's name), and a body that grows past the limit (whatever the header said, or
    chunked) is cut off there, so the multipart parser never spools more than the limit to disk."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or not scope["path"].startswith(UPLOAD_PATHS):
            await self.app(scope, receive, send)
            return
        limit = MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD
        length = dict(scope["headers"]).get(b"content-length", b"")
        declared = int(length) if length.isdigit() else 0
        seen = 0
        head = b""

        async def limited() -> Message:
            # raised here, inside the app, so the app's error handlers answer (JSON or a Danish page)
            nonlocal seen, head
            message = await receive()
            if message["type"] == "http.request":
                chunk = message.get("body", b"")
                seen += len(chunk)
                if len(head) < 8192:
                    head += chunk[:8192]
                if (
                    seen > limit or declared > limit
                ):  # a declared size over the limit: one chunk, for the name
                    raise too_large(_name_in(head))
            return message

        await self.app(scope, limited, send)


def _name_in(head: bytes) -> str | None:
    """The file name in the first bytes of a multipart body, for the message (None if none or hostile)."""
    found = _FILENAME_RE.search(head)
    if not found:
        return None
    try:
        return upload_name(found.group(1).decode("utf-8", "replace"))
    except HTTPException:
        return None
