"""Quality of commitments and follow-ups against the hand labels in tests/knowledge/.

python benchmarks/knowledge_quality.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

from kommuneokonomi.ingest import collect_files, ingest_file
from kommuneokonomi.knowledge.corpus import load_texts
from kommuneokonomi.knowledge.evaluation import evaluate, followup_links, score_followups
from kommuneokonomi.knowledge.tracker import find
from kommuneokonomi.store import Store

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "knowledge"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "q.sqlite"))
        start = time.perf_counter()
        for path in collect_files([args.corpus])[0]:
            ingest_file(path, store)  # builds the index, commitments and follow-up links
        elapsed = time.perf_counter() - start
        texts = load_texts(store)
        linked = find(store, pr_side=0).items
        store.engine.dispose()
    for name in ("commitment_labels.yaml", "commitment_labels_heldout.yaml"):
        s = evaluate(texts, yaml.safe_load((LABELS / name).read_text("utf-8")))
        print(
            f"{name}: {s.labelled} sentences, {s.positives} statements; precision {s.precision:.3f}, "
            f"recall {s.recall:.3f}, parties right {s.party_accuracy:.3f}"
        )
    tiers = {"sikre": ("opfølgning",), "sikre og mulige": ("opfølgning", "mulig opfølgning")}
    statuses = dict(Counter(c.status for c in linked))
    print(f"commitments: {len(linked)} in {len(texts)} agreements; statuses {statuses}")
    shown = ", ".join(f"{tier} {len(followup_links(linked, kinds))}" for tier, kinds in tiers.items())
    print(f"follow-up links shown: {shown}; ingest with index, commitments and links {elapsed:.2f} s")
    # precision: the produced follow-up links that carry a verdict; recall: the labelled commitments that a
    # later agreement takes up, with at least one right link produced (knowledge.evaluation.score_followups)
    for name, halves in (
        ("followup_dev_2019_2022.yaml", ("arbejde", "ude", None)),
        ("followup_sample.yaml", ("arbejde", "ude", None)),
        ("followup_checks.yaml", (None,)),
    ):
        data = yaml.safe_load((LABELS / name).read_text("utf-8"))
        for half in halves:
            for tier, kinds in tiers.items():
                s = score_followups(followup_links(linked, kinds), data, half)
                print(
                    f"{name} ({half or 'all'}, {tier}): precision {s.right}/{s.judged} = {s.precision:.2f}; "
                    f"recall {s.found}/{s.positives} = {s.recall:.2f}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
