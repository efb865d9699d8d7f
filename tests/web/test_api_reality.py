"""The API gives the rules' answers for years beyond the shipped outcomes: a published outcome where the
data hold it, a 422 naming what is missing where they do not, never a sanction from a bare agreement figure
or from amounts in the wrong unit."""

from __future__ import annotations

from kommuneokonomi.rules.kommuner import register


def _rows(service: float, anlaeg: float | None = None) -> list[dict]:
    """Aggregates over the 98 by population, rounded to the krone; the last row takes the remainder."""
    reg = register()
    pop_sum = int(reg.population.sum())

    def spread(total: float) -> list[float]:
        values = [round(total * int(p) / pop_sum, 6) for p in reg.population]
        values[-1] = round(total - sum(values[:-1]), 6)
        return values

    rows = [{"kommunekode": c, "serviceudgifter": v} for c, v in zip(reg.codes, spread(service), strict=True)]
    if anlaeg is not None:
        for row, value in zip(rows, spread(anlaeg), strict=True):
            row["anlaegsudgifter"] = value
    return rows


def test_budgets_2013_anlaeg_over_offset_by_service(client):
    """ism.dk 17/1/2013: anlæg 16,1 mia. kr. (0,6 over), service 231,0 (0,6 under); 4 mia. kr. paid."""
    body = {"type": "anlaeg", "aar": 2013, "kommuner": _rows(231000, 16100)}
    data = client.post("/api/sanktion", json=body).json()
    assert data["reduktion_kr"] == 0 and data["betingelse"] is True
    assert (data["overskridelse_mio"], data["serviceunderskridelse_mio"]) == (600, 600)


def test_an_overrun_of_a_bare_agreement_figure_is_a_422(client):
    body = {"type": "service", "aar": 2025, "kommuner": _rows(325000), "betinget_service": 3000}
    response = client.post("/api/sanktion", json=body)
    assert response.status_code == 422
    assert "2025" in response.text and "kan ikke opgøres" in response.text
    own = client.post("/api/sanktion", json={**body, "serviceramme": 324000}).json()
    assert own["reduktion_kr"] == 1_000_000_000


def test_amounts_in_mia_kr_are_a_422_naming_the_column(client):
    response = client.post(
        "/api/sanktion", json={"type": "anlaeg", "aar": 2024, "kommuner": _rows(306100, 19.5)}
    )
    assert response.status_code == 422 and "anlaegsudgifter" in response.text and "mia. kr." in response.text
