"""A result whose extractor explained two of its null keys (ambiguous with candidates; conflicting), for the
coverage tests: the extractor of today leaves `gaps` empty, so every null key reads as not stated."""

from __future__ import annotations

from decimal import Decimal

from kommuneokonomi.models import Candidate, DocumentResult, Gap, Source


def with_gaps(result: DocumentResult) -> tuple[DocumentResult, str, str]:
    nulls = [k for k, f in result.figures.items() if f.value is None]
    assert len(nulls) >= 2, nulls
    ambiguous, conflicting = nulls[0], nulls[1]
    result.gaps = {
        ambiguous: Gap(
            key=ambiguous,
            reason="tvetydig",
            message="to mulige værdier",
            candidates=[
                Candidate(
                    value=Decimal("2.4"),
                    unit="pct.",
                    score=0.55,
                    source=Source(section="2. R", line_start=80, line_end=81),
                ),
                Candidate(value="26. maj", unit=None, score=None, source=None),
            ],
        ),
        conflicting: Gap(key=conflicting, reason="modstrid", message="teksten og tabellen er uenige"),
    }
    return result, ambiguous, conflicting
