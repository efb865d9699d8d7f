"""Measure the commitment extractor against hand labels (sentences given by year, lines and SHA-1)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from kommuneokonomi.knowledge.commitments import Commitment, all_commitments
from kommuneokonomi.knowledge.corpus import AgreementText
from kommuneokonomi.knowledge.text import sentences


@dataclass(frozen=True)
class Scores:
    labelled: int
    positives: int
    precision: float
    recall: float
    party_accuracy: float
    false_positives: list[dict]
    false_negatives: list[dict]
    missing: list[dict]  # labels whose sentence is no longer in the documents


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:10]


def evaluate(texts: dict[int, AgreementText], labels: list[dict]) -> Scores:
    sentence_index: dict[tuple[int, str], str] = {}
    for year, doc in texts.items():
        for block in doc.blocks:
            if block.kind in ("paragraph", "bullet"):
                for start, end in sentences(block.text):
                    sentence = block.text[start:end].strip()
                    sentence_index[(year, _sha(sentence))] = sentence
    records: dict[int, list[Commitment]] = {}
    for c in all_commitments(texts):
        records.setdefault(c.aar, []).append(c)
    tp = fp = fn = 0
    party_ok = party_n = 0
    fps: list[dict] = []
    fns: list[dict] = []
    missing: list[dict] = []
    for label in labels:
        text = sentence_index.get((label["aar"], label["sha1"]))
        if text is None:
            missing.append(label)
            continue
        found = next((c for c in records.get(label["aar"], []) if text in c.tekst or c.tekst in text), None)
        if label["aftalepunkt"] and found:
            tp += 1
            if "parter" in label:
                party_n += 1
                party_ok += sorted(found.parter) == sorted(label["parter"])
        elif label["aftalepunkt"]:
            fn += 1
            fns.append(label)
        elif found:
            fp += 1
            fps.append(label)
    return Scores(
        labelled=len(labels) - len(missing),
        positives=tp + fn,
        precision=tp / (tp + fp) if tp + fp else 1.0,
        recall=tp / (tp + fn) if tp + fn else 1.0,
        party_accuracy=party_ok / party_n if party_n else 1.0,
        false_positives=fps,
        false_negatives=fns,
        missing=missing,
    )
