"""Write access: the server's writes (ingest, corrections) need the write token (`Authorization: Bearer …`
in the API, the token field in the web forms); without a configured token they are refused, unless the
server was started with open writing on purpose (`kommuneokonomi serve --aaben-skrivning`)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from fastapi import HTTPException, Request

#: the write token itself (or give serve a file with --skrivenoegle-fil)
ENV_TOKEN = "KOMMUNEOKONOMI_SKRIVENOEGLE"
#: "1": anyone who reaches the server may write (a private, single-user server)
ENV_OPEN = "KOMMUNEOKONOMI_AABEN_SKRIVNING"
MIN_TOKEN = 16
HOW_TO = (
    "start serveren med --skrivenoegle-fil FIL (eller miljøvariablen "
    f"{ENV_TOKEN}) og send nøglen som 'Authorization: Bearer NØGLE', eller med --aaben-skrivning"
)


class TokenError(ValueError):
    """A configured token that cannot be used (too short, blank)."""


@dataclass(frozen=True)
class WriteAccess:
    token: str | None = None
    open: bool = False

    def __post_init__(self) -> None:
        if self.token is not None and len(self.token.strip()) < MIN_TOKEN:
            raise TokenError(f"skrivenøglen skal være mindst {MIN_TOKEN} tegn")

    @classmethod
    def from_env(cls) -> WriteAccess:
        token = os.environ.get(ENV_TOKEN, "").strip() or None
        return cls(token=token, open=os.environ.get(ENV_OPEN) == "1")

    @property
    def needs_token(self) -> bool:
        return self.token is not None

    def allows(self, presented: str | None) -> bool:
        if self.token is not None:
            return presented is not None and secrets.compare_digest(
                presented.strip().encode("utf-8"), self.token.strip().encode("utf-8")
            )
        return self.open

    def refusal(self, presented: str | None) -> HTTPException:
        """The 401/403 for a write that `allows` refused."""
        if self.token is None:
            return HTTPException(403, f"skrivning er slået fra på denne server: {HOW_TO}")
        if not presented:
            return HTTPException(
                401,
                "skrivning kræver skrivenøglen: send 'Authorization: Bearer NØGLE'",
                {"WWW-Authenticate": "Bearer"},
            )
        return HTTPException(403, "forkert skrivenøgle", {"WWW-Authenticate": 'Bearer error="invalid_token"'})


def write_access(request: Request) -> WriteAccess:
    return request.app.state.write_access


def bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value if scheme.lower() == "bearer" and value else None


def require_write(request: Request) -> None:
    """Dependency of every API endpoint that writes."""
    access, presented = write_access(request), bearer(request)
    if not access.allows(presented):
        raise access.refusal(presented)
