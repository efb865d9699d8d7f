"""Rule tests never read population files a user fetched into the real data directory."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _empty_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMMUNEOKONOMI_DATA", str(tmp_path / "ingen-data"))
