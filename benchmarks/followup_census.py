"""Precision per follow-up tier on a held-out census of links (issue 12 item 3).

The census is the population of /work/heldout-followups2 (its README): the follow-up links from 2020 and 2023
commitments that are not in the test files. A link's verdict comes from that directory's judged censuses and
samples (judged_*.yaml), else from its truth sample (truth.yaml: right when it overlaps a true passage), else
from benchmarks/followup_selfjudged.yaml (the builder's own verdicts, reported apart), else it is unjudged.

    kommuneokonomi aftalepunkter --pr-side 0 -f json -o out.json --db …
    python benchmarks/followup_census.py out.json [--heldout /work/heldout-followups2] [-v]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).parent
TIERS = ("opfølgning", "mulig opfølgning")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("aftalepunkter", type=Path)
    parser.add_argument("--heldout", type=Path, default=Path("/work/heldout-followups2"))
    parser.add_argument("-v", action="store_true", help="list the unjudged links")
    args = parser.parse_args()
    judged = {}
    for f in sorted(args.heldout.glob("judged_*.yaml")):
        for j in yaml.safe_load(f.read_text("utf-8")):
            judged[(j["src_id"], tuple(j["tgt"][:2]))] = j["verdict"] == "right"
    truth = {x["id"]: x for x in yaml.safe_load((args.heldout / "truth.yaml").read_text("utf-8"))}
    own = {
        (tuple(x["src"]), tuple(x["tgt"])): x["ok"]
        for x in yaml.safe_load((HERE / "followup_selfjudged.yaml").read_text("utf-8"))
    }
    excluded = {
        tuple(p) for p in json.loads((args.heldout / "draw.json").read_text("utf-8"))["excluded_pairs"]
    }
    counts: Counter[tuple[str, str, bool | None]] = Counter()
    for c in json.loads(args.aftalepunkter.read_text("utf-8")):
        if c["aar"] not in (2020, 2023) or (c["aar"], c["linje_fra"]) in excluded:
            continue
        for link in c["opfoelgning"]:
            if link["type"] not in TIERS:
                continue
            verdict: bool | None
            if (c["id"], (link["aar"], link["linje_fra"])) in judged:
                verdict, source = judged[(c["id"], (link["aar"], link["linje_fra"]))], "census"
            elif c["id"] in truth:
                verdict = any(
                    link["aar"] == y and link["linje_fra"] <= b and a <= link["linje_til"]
                    for y, a, b in truth[c["id"]]["passages"]
                )
                source = "truth"
            elif ((c["aar"], c["linje_fra"]), (link["aar"], link["linje_fra"])) in own:
                verdict, source = own[((c["aar"], c["linje_fra"]), (link["aar"], link["linje_fra"]))], "self"
            else:
                verdict, source = None, "unjudged"
                if args.v:
                    print(
                        "unjudged:",
                        link["type"],
                        c["id"],
                        c["aar"],
                        c["linje_fra"],
                        "->",
                        link["aar"],
                        link["linje_fra"],
                    )
            counts[(link["type"], source, verdict)] += 1

    def n(tier: str, source: str | None, verdict: bool | None) -> int:
        return sum(k for (t, s, v), k in counts.items() if t == tier and v is verdict and source in (None, s))

    for tier in TIERS:
        right, wrong = n(tier, None, True), n(tier, None, False)
        own_right, own_wrong = n(tier, "self", True), n(tier, "self", False)
        share = f"{right / (right + wrong):.2f}" if right + wrong else "-"
        print(
            f"{tier}: {right}/{right + wrong} = {share} right "
            f"(self-judged {own_right}/{own_right + own_wrong}; "
            f"independent {right - own_right}/{right + wrong - own_right - own_wrong}); "
            f"{n(tier, 'unjudged', None)} unjudged"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
