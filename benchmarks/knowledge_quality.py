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
from kommuneokonomi.knowledge.commitments import all_commitments
from kommuneokonomi.knowledge.corpus import load_texts
from kommuneokonomi.knowledge.evaluation import evaluate
from kommuneokonomi.knowledge.followups import link
from kommuneokonomi.store import Store

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "knowledge"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "q.sqlite"))
        for path in collect_files([args.corpus])[0]:
            ingest_file(path, store)
        texts = load_texts(store)
        store.engine.dispose()
    for name in ("commitment_labels.yaml", "commitment_labels_heldout.yaml"):
        s = evaluate(texts, yaml.safe_load((LABELS / name).read_text("utf-8")))
        print(
            f"{name}: {s.labelled} sentences, {s.positives} statements; precision {s.precision:.3f}, "
            f"recall {s.recall:.3f}, parties right {s.party_accuracy:.3f}"
        )
    start = time.perf_counter()
    linked = link(all_commitments(texts), texts)
    elapsed = time.perf_counter() - start
    checks = {
        (tuple(c["fra"]), tuple(c["til"])): c["korrekt"]
        for c in yaml.safe_load((LABELS / "followup_checks.yaml").read_text("utf-8"))
    }
    produced = [
        ((c.aar, c.linje_fra), (x["aar"], x["linje_fra"]))
        for c in linked
        for x in c.opfoelgning
        if x["type"] == "opfølgning"
    ]
    right = sum(checks.get(p, False) for p in produced)
    statuses = dict(Counter(c.status for c in linked))
    print(f"commitments: {len(linked)} in {len(texts)} agreements; statuses {statuses}")
    print(
        f"follow-up links: {len(produced)} produced, {right} right by the hand checks "
        f"(precision {right / max(1, len(produced)):.3f}); extraction + linking {elapsed:.2f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
