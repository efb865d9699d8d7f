"""Measure the commitment extractor against hand labels (sentences given by year, lines and SHA-1), and the
follow-up linker against hand-checked links and commitments."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
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


Place = tuple[int, int]  # (budget year, first line)


@dataclass(frozen=True)
class FollowupScores:
    """Precision over the produced follow-up links that carry a verdict; recall over the labelled
    commitments that a later agreement takes up (found: at least one produced link is a right one)."""

    right: int
    judged: int
    found: int
    positives: int

    @property
    def precision(self) -> float:
        return self.right / self.judged if self.judged else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.positives if self.positives else 1.0


def followup_links(
    commitments: Iterable[Commitment], kinds: tuple[str, ...] = ("opfølgning",)
) -> set[tuple[Place, Place]]:
    """(commitment, later passage) of every link of these types: the sure follow-ups ("opfølgning") by
    default, with the possible ones too when `kinds` says so."""
    return {
        ((c.aar, c.linje_fra), (x["aar"], x["linje_fra"]))
        for c in commitments
        for x in c.opfoelgning
        if x["type"] in kinds
    }


def followup_labels(
    data: dict | list, half: str | None = None
) -> tuple[dict, list[tuple[Place, set[Place]]]]:
    """Verdicts on links {(from, to): right} and followed-up commitments [(from, {to, …})] from one label
    file: a list of checked links (followup_checks.yaml), or `links` and `commitments`
    (followup_sample.yaml, where a commitment has `fulgt_op` and `til`; followup_dev_2019_2022.yaml, where
    `til` lists the right passages and `forkert` the wrong ones). `half` keeps the items of one half."""
    links = data if isinstance(data, list) else data.get("links", [])
    commitments = [] if isinstance(data, list) else data.get("commitments", [])
    keep = [x for x in links if half in (None, x.get("halv"))]
    verdicts = {(tuple(x["fra"]), tuple(x["til"])): bool(x["korrekt"]) for x in keep}
    positives = []
    for x in commitments:
        if half not in (None, x.get("halv")):
            continue
        source = tuple(x["fra"])
        verdicts.update({(source, tuple(t)): True for t in x["til"]})
        verdicts.update({(source, tuple(t)): False for t in x.get("forkert", [])})
        if x["til"] and x.get("fulgt_op", True):
            positives.append((source, {tuple(t) for t in x["til"]}))
    return verdicts, positives


def score_followups(
    produced: set[tuple[Place, Place]], data: dict | list, half: str | None = None
) -> FollowupScores:
    verdicts, positives = followup_labels(data, half)
    judged = [verdicts[p] for p in produced if p in verdicts]
    found = sum(1 for source, targets in positives if any((source, t) in produced for t in targets))
    return FollowupScores(sum(judged), len(judged), found, len(positives))
