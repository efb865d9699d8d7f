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
from kommuneokonomi.knowledge.evaluation import evaluate
from kommuneokonomi.knowledge.tracker import find
from kommuneokonomi.store import Store

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "knowledge"


def _followups(c) -> set[tuple[int, int]]:
    return {(y["aar"], y["linje_fra"]) for y in c.opfoelgning if y["type"] == "opfølgning"}


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
    produced = {
        ((c.aar, c.linje_fra), (x["aar"], x["linje_fra"]))
        for c in linked
        for x in c.opfoelgning
        if x["type"] == "opfølgning"
    }
    statuses = dict(Counter(c.status for c in linked))
    print(f"commitments: {len(linked)} in {len(texts)} agreements; statuses {statuses}")
    print(f"follow-up links shown: {len(produced)}; ingest with index, commitments and links {elapsed:.2f} s")
    old_checks = {
        (tuple(c["fra"]), tuple(c["til"])): c["korrekt"]
        for c in yaml.safe_load((LABELS / "followup_checks.yaml").read_text("utf-8"))
    }
    checked = [p for p in produced if p in old_checks]
    print(
        f"issue-4 hand checks: {len(checked)} of their links still produced, "
        f"{sum(old_checks[p] for p in checked)} of those right"
    )
    sample = yaml.safe_load((LABELS / "followup_sample.yaml").read_text("utf-8"))
    by_id: dict[tuple[int, int], list] = {}
    for c in linked:
        by_id.setdefault((c.aar, c.linje_fra), []).append(c)
    for half, name in (("arbejde", "worked-on half"), ("ude", "held-out half"), (None, "whole sample")):
        links = [x for x in sample["links"] if half in (None, x["halv"])]
        kept = [x for x in links if (tuple(x["fra"]), tuple(x["til"])) in produced]
        positives = [x for x in sample["commitments"] if x["fulgt_op"] and half in (None, x["halv"])]
        found = [
            x
            for x in positives
            if any(_followups(c) & {tuple(t) for t in x["til"]} for c in by_id[tuple(x["fra"])])
        ]
        right = sum(x["korrekt"] for x in kept)
        print(
            f"follow-up sample, {name}: precision {right}/{len(kept)} = {right / max(1, len(kept)):.2f} "
            f"(of {len(links)} sampled links {len(kept)} still produced); "
            f"recall {len(found)}/{len(positives)} = {len(found) / max(1, len(positives)):.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
