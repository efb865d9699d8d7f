"""The command line (`kommuneokonomi`): one module per command group, each importing what it needs when a
command runs, so that `--help` and the start of every command stay fast.

aftaler (ingest, aftaler, parametre) · regler (priser, fordel, sanktion, skat, overholdelse, data) ·
viden (soeg, aftalepunkter, sammenlign) · rettelser (ret) · server (serve);
common: the app and the shared options.
"""

from __future__ import annotations

from kommuneokonomi.cli import aftaler, regler, rettelser, server, viden
from kommuneokonomi.cli.common import app, fail

# the order of the commands in `--help`
regler.register()
regler.register_compliance()
viden.register()
rettelser.register()
aftaler.register()
server.register()

__all__ = ["app", "main"]


def main() -> None:
    """The command line; a store that becomes unusable while a command runs is one line, not a traceback
    (opening it is checked by `common.open_store`)."""
    try:
        app()
    except Exception as exc:
        from kommuneokonomi.store import StoreError

        if not isinstance(exc, StoreError):
            raise
        raise SystemExit(fail(str(exc)).exit_code) from None
