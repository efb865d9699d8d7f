"""The command line (`kommuneokonomi`): one module per command group, each importing what it needs when a
command runs, so that `--help` and the start of every command stay fast.

aftaler (ingest, aftaler, parametre) · regler (priser, fordel, sanktion, skat, overholdelse, data) ·
viden (soeg, aftalepunkter, sammenlign) · rettelser (ret) · server (serve);
common: the app and the shared options.
"""

from __future__ import annotations

from kommuneokonomi.cli import aftaler, regler, rettelser, server, viden
from kommuneokonomi.cli.common import app

# the order of the commands in `--help`
regler.register()
regler.register_compliance()
viden.register()
rettelser.register()
aftaler.register()
server.register()

__all__ = ["app", "main"]


def main() -> None:
    app()
