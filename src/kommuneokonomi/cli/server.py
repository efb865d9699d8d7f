"""`kommuneokonomi serve`: the REST API and the web interface (uvicorn, imported when the server starts)."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Annotated

import typer

from kommuneokonomi.cli.common import DbOption, app, err, fail, open_store


def register() -> None:
    app.command()(serve)


def serve(
    host: Annotated[str, typer.Option("--host", help="adressen serveren lytter på")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    db: DbOption = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=16, help="processer")] = 1,
    token_file: Annotated[
        Path | None,
        typer.Option(
            "--skrivenoegle-fil",
            help="fil med skrivenøglen, som indlæsning og rettelser kræver (ellers miljøvariablen "
            "KOMMUNEOKONOMI_SKRIVENOEGLE)",
        ),
    ] = None,
    open_write: Annotated[
        bool,
        typer.Option("--aaben-skrivning", help="alle, der når serveren, må indlæse og rette (uden nøgle)"),
    ] = False,
) -> None:
    """Start REST API'et og web-brugerfladen (127.0.0.1 medmindre andet angives).

    Skrivning (POST /api/ingest, rettelser) kræver en skrivenøgle; uden nøgle er den slået fra, medmindre
    serveren startes med --aaben-skrivning."""
    import uvicorn

    from kommuneokonomi.store import ENV_VAR
    from kommuneokonomi.web.auth import ENV_OPEN, ENV_TOKEN, TokenError, WriteAccess

    store = open_store(db)  # fail early, with a clear message, on a bad database
    token = _read_token(token_file) if token_file else os.environ.get(ENV_TOKEN, "").strip() or None
    if token and open_write:
        raise fail("vælg enten en skrivenøgle eller --aaben-skrivning, ikke begge")
    try:
        WriteAccess(token=token, open=open_write)
    except TokenError as exc:
        raise fail(f"{token_file or ENV_TOKEN}: {exc}") from exc
    os.environ[ENV_VAR] = store.url  # the workers' create_app reads these
    os.environ.pop(ENV_TOKEN, None)
    os.environ.pop(ENV_OPEN, None)
    if token:
        os.environ[ENV_TOKEN] = token
    elif open_write:
        os.environ[ENV_OPEN] = "1"
    writes = "kræver skrivenøglen" if token else "åben for alle" if open_write else "slået fra"
    err.print(
        f"kommuneokonomi på http://{host}:{port} (database {store.url.split('@')[-1]}; skrivning {writes})",
        highlight=False,
    )
    target = "kommuneokonomi.web.app:create_app"
    if workers == 1:
        uvicorn.run(target, factory=True, host=host, port=port, workers=1, log_level="warning")
        return
    # Several workers share one listening socket. uvicorn's own (Config.bind_socket) leaves proto 0, so
    # asyncio never sets TCP_NODELAY on the accepted connections and every keep-alive request waits ~40 ms
    # on a delayed ACK (uvicorn issue 3149). Bind it here as a TCP socket, with TCP_NODELAY.
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(target, factory=True, host=host, port=port, workers=workers, log_level="warning")
    try:
        sock = tcp_listener(host, port)
    except OSError as exc:
        raise fail(f"kan ikke lytte på {host}:{port}: {exc.strerror}") from exc
    Multiprocess(config, sockets=[sock]).run()


def tcp_listener(host: str, port: int) -> socket.socket:
    """A bound TCP socket that the workers inherit; accepted connections get TCP_NODELAY."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def _read_token(path: Path) -> str:
    try:
        token = path.read_text("utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"{path}: skrivenøglen kan ikke læses ({getattr(exc, 'strerror', None) or exc})") from exc
    if not token:
        raise fail(f"{path}: filen med skrivenøglen er tom")
    return token
