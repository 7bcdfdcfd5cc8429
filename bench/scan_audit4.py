#!/usr/bin/env python3
"""Reruns the round-4 in-the-wild audit (src/test/resources/scan_wild4/labels.json).

ROOT holds one checkout per repository, ROOT/<owner>+<name>, at the commit labels.json names (how it got there is
the caller's business; this script reads no git store and copies nothing). `oomdoc scan DIR --json` runs on each
checkout with the default rules and with --all, and every finding is printed with its label (true / debatable /
false, or UNLABELLED: a finding nobody has judged yet). Per split and rule set it prints true, debatable, false and
precision = true / (true + false).
Usage: bench/scan_audit4.py ROOT [--split dev|held_out]
"""
import argparse, collections, json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
ap = argparse.ArgumentParser()
ap.add_argument("checkouts")
ap.add_argument("--split", default=None)
a = ap.parse_args()
if not os.path.isdir(a.checkouts) or not os.listdir(a.checkouts):
    sys.exit(f"scan_audit4.py: no checkouts at {a.checkouts}. The audited code is not in the tree (issue 17: "
             "third-party code stays out of our commits); bring each repository with fetch and check it out at the "
             "commit labels.json names: see src/test/resources/scan_wild4/README.md, section 'Rerunning'.")
data = json.load(open(os.path.join(root, "src/test/resources/scan_wild4/labels.json")))
verdict = {(l["repo"], l["file"], l["line"], l["rule"]): l["verdict"] for l in data["labels"]}
score = collections.defaultdict(collections.Counter)
for r in data["repositories"]:
    if a.split and r["split"] != a.split:
        continue
    tree = os.path.join(a.checkouts, r["repo"].replace("/", "+"))
    if not os.path.isdir(tree):
        print(f"{r['repo']}: no checkout at {tree}, skipped", file=sys.stderr)
        continue
    for mode in ["default", "--all"]:
        cmd = [os.path.join(root, "oomdoc"), "scan", tree, "--json"] + ([mode] if mode != "default" else [])
        out = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
        for f in out["findings"]:
            v = verdict.get((r["repo"], f["file"], f["line"], f["rule"]), "UNLABELLED")
            score[(r["split"], mode)][v] += 1
            print(f"{r['split']}\t{mode}\t{r['repo']}\t{f['file']}:{f['line']}\t{f['rule']}\t{v}")
for (split, mode), c in sorted(score.items()):
    t, fa = c["true"], c["false"] + c["UNLABELLED"]
    p = f"{t / (t + fa):.2f}" if t + fa else "n/a"
    print(f"{split} {mode}: {t} true, {c['debatable']} debatable, {fa} false or unlabelled, precision {p}")
print("splits and modes not listed above had no finding")
