"""Golden-file tests: every contract key of the five corpus documents, exact, with its source location."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
import yaml

from kommuneokonomi.documents import read_document
from kommuneokonomi.extraction import extract
from kommuneokonomi.extraction.numbers import NUMBER, parse_number

from conftest import GOLDEN, corpus_by_sha

GOLDEN_FILES = sorted(GOLDEN.glob("*.yaml"))

#: typed by hand while reading the agreements (mio. kr. / pct. / kr. pr. indbygger); an independent
#: check on the golden files themselves
HAND_READ = {
    2019: {
        # Tabel 1 prints the frame in mio. kr. (251.934); the text's 251,9 mia. kr. is the same, rounded
        "serviceramme": 251934,
        "anlaegsramme": 17800,
        "pl_service": 2.0,
        "pl_anlaeg": 2.0,
        "pl_samlet": 1.9,
        "satsregulering": 2.0,
        "midtvejsregulering": 2900,
        "midtvejsregulering_aar": 2018,
        "grundbidrag_forrige": 133,
        "grundbidrag": 135,
        "pl_regioner": 1.6,
        "tilskud_skattenedsaettelse": 250,
        "ramme_skatteforhoejelse": None,
        "finansieringstilskud": 3500,
        "finansieringstilskud_efter_vilkaar": 2000,
        "balance.serviceudgifter": 251934,
        "balance.indtaegter_i_alt": -380596,
        "balance.overfoersler": 71820,
        "tilskudsprocent.2019": 75,
        "tilskudsprocent.2022": 25,
        "aftale_dato": "2018-06-07",
    },
    2020: {
        "serviceramme": 261828,
        "serviceramme_loeft": 2200,
        "anlaegsramme": 19100,
        "pl_samlet": 2.4,
        "pl_service": 2.7,
        "pl_anlaeg": 1.9,
        "satsregulering": 2.0,
        "midtvejsregulering": None,
        "grundbidrag_forrige": 109,
        "grundbidrag": 112,
        "pl_regioner": 2.3,
        "tilskud_skattenedsaettelse": 200,
        "ramme_skatteforhoejelse": 200,
        "balance.udgifter_i_alt": 388918,
        "balance.bloktilskud": -72627,
        "balance.heraf_betinget_bloktilskud": -4000,
        "tilskudsprocent.2023": 25,
        "aftale_dato": "2019-09-06",
    },
    2022: {
        "serviceramme": 275400,
        "serviceramme_loeft": 1400,
        "anlaegsramme": 19900,
        "pl_samlet": 1.7,
        "pl_service": 1.9,
        "pl_anlaeg": 1.4,
        "satsregulering": None,
        "midtvejsregulering": 3200,
        "midtvejsregulering_aar": 2021,
        "grundbidrag_forrige": 113,
        "grundbidrag": 115,
        "pl_regioner": 1.4,
        "tilskud_skattenedsaettelse": 50,
        "ramme_skatteforhoejelse": 50,
        "ramme_skattenedsaettelse_udligning": 28,
        "balance.overfoersler": 96800,
        "balance.forsikrede_ledige": None,
        "balance.indtaegter_i_alt": -422800,
        "finansieringstilskud": None,
        "aftale_dato": "2021-06-08",
    },
    2023: {
        "serviceramme": 287400,
        "serviceramme_loeft": 1300,
        "anlaegsramme": 18500,
        "pl_samlet": 2.4,
        "pl_service": 2.6,
        "pl_anlaeg": 1.7,
        "midtvejsregulering": -4200,
        "midtvejsregulering_aar": 2022,
        "grundbidrag_forrige": 115,
        "grundbidrag": 118,
        "pl_regioner": 2.4,
        "tilskud_skattenedsaettelse": 150,
        "ramme_skatteforhoejelse": 150,
        "ramme_skattenedsaettelse_udligning": 26,
        "balance.aktivitetsbestemt_medfinansiering": 24200,
        "tilskudsprocent.2026": 25,
        "aftale_dato": "2022-06-08",
    },
    2024: {
        "serviceramme": 304800,
        "serviceramme_loeft": 2400,
        "anlaegsramme": 19300,
        "pl_samlet": 3.9,
        "pl_service": 4.2,
        "pl_anlaeg": 3.2,
        "midtvejsregulering": 5000,
        "midtvejsregulering_aar": 2023,
        "grundbidrag_forrige": 118,
        "grundbidrag": 122,
        "pl_regioner": 3.2,
        # "øges rammen til nedsættelser af udskrivningsprocenten med op til ca. 35 mio. kr." raises the
        # equalisation reform's frame (ramme_skattenedsaettelse_udligning); no general subsidised frame
        "tilskud_skattenedsaettelse": None,
        "ramme_skattenedsaettelse_udligning": 35,
        "ramme_skatteforhoejelse": None,
        "balance.serviceudgifter": 304800,
        "balance.udgifter_i_alt": 454600,
        "balance.indtaegter_i_alt": -460200,
        "balance.aktivitetsbestemt_medfinansiering": 25100,
        "betinget_bloktilskud_service": 3000,
        "betinget_bloktilskud_anlaeg": 1000,
        "aftale_dato": None,
    },
}


def _golden(path):
    return yaml.safe_load(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def results(corpus):
    by_sha = corpus_by_sha()
    out = {}
    for path in GOLDEN_FILES:
        golden = _golden(path)
        source = by_sha.get(golden["document"]["sha256"])
        assert source is not None, f"{path.name}: no corpus file has sha256 {golden['document']['sha256']}"
        out[path.stem] = (golden, extract(read_document(source)), source)
    return out


def test_every_corpus_document_has_a_golden_file(corpus):
    shas = {_golden(p)["document"]["sha256"] for p in GOLDEN_FILES}
    assert shas == set(corpus_by_sha()), "each of the five corpus documents needs exactly one golden file"


@pytest.mark.parametrize("name", [p.stem for p in GOLDEN_FILES])
def test_document_metadata(results, name):
    golden, result, _ = results[name]
    doc = result.to_contract()["document"]
    assert doc["year"] == golden["document"]["year"]
    assert doc["date"] == golden["document"]["date"]
    assert doc["title"] == golden["document"]["title"]
    assert result.meta.format == golden["document"]["format"]


@pytest.mark.parametrize("name", [p.stem for p in GOLDEN_FILES])
def test_every_figure(results, name):
    golden, result, _ = results[name]
    figures = result.to_contract()["figures"]
    assert set(figures) == set(golden["figures"]), "keys differ from the golden file"
    for key, expected in golden["figures"].items():
        actual = figures[key]
        if expected is None:
            assert actual is None, f"{key}: expected null (not stated), got {actual}"
            continue
        assert actual is not None, f"{key}: expected {expected['value']}, got null"
        assert actual["value"] == expected["value"], key
        assert actual["unit"] == expected["unit"], key
        assert actual["price_level"] == expected["price_level"], key
        assert actual["source"]["section"] == expected["section"], key
        assert actual["source"].get("part") == expected["part"], key
        assert [actual["source"]["line_start"], actual["source"]["line_end"]] == expected["lines"], key


@pytest.mark.parametrize("name", [p.stem for p in GOLDEN_FILES])
def test_warning_codes(results, name):
    golden, result, _ = results[name]
    assert sorted({w.code for w in result.warnings}) == golden["warnings"]


@pytest.mark.parametrize("year", sorted(HAND_READ))
def test_hand_read_values(results, year):
    _, result, _ = results[str(year)]
    figures = result.to_contract()["figures"]
    for key, expected in HAND_READ[year].items():
        actual = figures[key]
        assert (None if actual is None else actual["value"]) == expected, f"{year} {key}"


@pytest.mark.parametrize("name", [p.stem for p in GOLDEN_FILES])
def test_cited_lines_contain_the_number(results, name):
    """The source location of each numeric figure holds the printed number (as mio. or as mia. kr.)."""
    _, result, source = results[name]
    lines = source.read_text("utf-8").split("\n")
    for key, fig in result.figures.items():
        if fig.value is None or isinstance(fig.value, str) or fig.source is None:
            continue
        cited = " ".join(lines[fig.source.line_start - 1 : fig.source.line_end])
        cited = re.sub(r"-\s+", "-", re.sub(r"<[^>]+>|\*", "", cited))
        printed = {parse_number(m.group(0)) for m in re.finditer(NUMBER, cited)}
        value = Decimal(fig.value)
        assert value in printed or value / 1000 in printed or -value in printed, (
            f"{key}={fig.value} not in lines {fig.source.line_start}-{fig.source.line_end}: {cited[:200]}"
        )
