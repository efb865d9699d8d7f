"""Benchmark: how long the command line takes before it does anything (issue 12).

`kommuneokonomi --help` and a few `kommuneokonomi <cmd> --help` against a bare typer app with the same
commands and groups (generated in a temporary directory), each in a fresh subprocess; the candidates alternate
within one run and the median of N runs is printed with the ratio. Target: within 1,5× the bare app.

    python benchmarks/cli_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import typer
from typer.core import TyperGroup

from kommuneokonomi.cli import app

#: the sub-commands timed besides the top-level --help
COMMANDS = (("sanktion", "--help"), ("ingest", "--help"), ("soeg", "--help"))


def _bare_source(group: TyperGroup, name: str = "app") -> list[str]:
    """A typer app with the same commands and groups as `group`, each a function that does nothing."""
    lines = [f"{name} = typer.Typer(no_args_is_help=True, add_completion=False)"]
    for cmd_name, cmd in group.commands.items():
        ident = f"{name}_{cmd_name}".replace("-", "_")
        if isinstance(cmd, TyperGroup):
            lines += _bare_source(cmd, ident)
            lines.append(f"{name}.add_typer({ident}, name={cmd_name!r})")
        else:
            lines += [
                f"@{name}.command({cmd_name!r})",
                f"def {ident}(x: int = typer.Option(0, help='tal')) -> None:",
                f"    {(cmd.help or '').splitlines()[0] if cmd.help else ''!r}",
            ]
    return lines


def _time(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    real_group = typer.main.get_command(app)
    assert isinstance(real_group, TyperGroup)
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare_cli.py"
        bare.write_text("import typer\n\n" + "\n".join(_bare_source(real_group)) + "\n\napp()\n", "utf-8")
        real = [sys.executable, "-c", "from kommuneokonomi.cli import main; main()"]
        base = [sys.executable, str(bare)]
        cases = [("--help",), *COMMANDS]
        times: dict[tuple[str, tuple[str, ...]], list[float]] = {}
        for _ in range(args.runs):
            for case in cases:  # alternate the candidates within one run
                for label, argv in (("kommuneokonomi", real), ("bare typer", base)):
                    times.setdefault((label, case), []).append(_time([*argv, *case]))
    groups = real_group.commands.values()
    n_commands = sum(len(c.commands) if isinstance(c, TyperGroup) else 1 for c in groups)
    print(f"{n_commands} commands ({len(real_group.commands)} at the top), median of {args.runs} runs")
    print(f"{'command':<28} {'kommuneokonomi':>15} {'bare typer':>11} {'ratio':>6}")
    for case in cases:
        ours = statistics.median(times[("kommuneokonomi", case)])
        theirs = statistics.median(times[("bare typer", case)])
        print(f"{' '.join(case):<28} {ours * 1000:>12.0f} ms {theirs * 1000:>8.0f} ms {ours / theirs:>5.2f}×")


if __name__ == "__main__":
    main()
