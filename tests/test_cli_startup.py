"""The CLI starts at once: `--help` of the app and of every command imports none of the heavy libraries
(the store, the exporters, the rules, the readers, the web server); each command imports them when it runs."""

from __future__ import annotations

import json
import subprocess
import sys

import typer
from typer.core import TyperGroup

from kommuneokonomi.cli import aftaler as cli_aftaler
from kommuneokonomi.cli import app

HEAVY = ("sqlalchemy", "numpy", "openpyxl", "fastapi", "uvicorn", "pypdfium2", "pypdf")

_PROBE = """
import json, sys
from kommuneokonomi.cli import app
heavy = {heavy!r}
for argv in json.loads(sys.argv[1]):
    try:
        app(argv)
    except SystemExit:
        pass
    loaded = [m for m in heavy if m in sys.modules]
    if loaded:
        print(json.dumps({{"argv": argv, "loaded": loaded}}))
        break
else:
    print(json.dumps(None))
"""


def _every_help() -> list[list[str]]:
    """`--help` of the app, of every command and group, and of every command in a group."""
    argvs = [["--help"]]
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    for name, cmd in group.commands.items():
        argvs.append([name, "--help"])
        if isinstance(cmd, TyperGroup):
            argvs += [[name, sub, "--help"] for sub in cmd.commands]
    return argvs


def test_help_imports_no_heavy_library():
    argvs = _every_help()
    assert ["sanktion", "--help"] in argvs and ["parametre", "tjek", "--help"] in argvs
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=HEAVY), json.dumps(argvs)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(probe.stdout.splitlines()[-1]) is None, probe.stdout


def test_a_command_that_runs_imports_what_it_needs(tmp_path):
    """The lazy imports are not lost: a command that reads the store and writes XLSX loads both."""
    code = (
        "import sys\nfrom kommuneokonomi.cli import app\n"
        f"try:\n    app(['aftaler', '--db', {str(tmp_path / 'k.db')!r}, '-f', 'xlsx', '-o', "
        f"{str(tmp_path / 'a.xlsx')!r}])\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print('sqlalchemy' in sys.modules, 'openpyxl' in sys.modules)"
    )
    probe = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert probe.stdout.split() == ["True", "True"]
    assert (tmp_path / "a.xlsx").stat().st_size > 0


def test_defaults_shown_by_help_are_the_libraries_own():
    """`ingest --max-bytes` and `parametre --mappe` state their defaults without importing the readers and
    the parameter models; they are the same values."""
    from kommuneokonomi.documents import DEFAULT_MAX_BYTES
    from kommuneokonomi.parameters import PACKAGE_DIR

    assert cli_aftaler.MAX_BYTES == DEFAULT_MAX_BYTES
    assert cli_aftaler.PARAMETER_DIR == PACKAGE_DIR
