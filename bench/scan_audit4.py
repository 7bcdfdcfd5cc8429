#!/usr/bin/env python3
"""Reruns the round-4 in-the-wild audit (src/test/resources/scan_wild4/labels.json).

Each repository must have been brought here first with the session's `fetch` tool (a git directory under
MIRROR/<owner>+<name>/repo). Its .py and .ipynb files at the labelled commit are written to a temporary folder,
`oomdoc scan DIR --json` runs on it with the default rules and with --all, and every finding is printed with its
label (true / debatable / false, or UNLABELLED: a finding nobody has judged yet). Per split and rule set it prints
true, debatable, false and precision = true / (true + false).
Usage: bench/scan_audit4.py [--split dev|held_out] [--mirror /work/.mirror]
"""
import argparse, collections, json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
ap = argparse.ArgumentParser()
ap.add_argument("--split", default=None)
ap.add_argument("--mirror", default="/work/.mirror")
a = ap.parse_args()
data = json.load(open(os.path.join(root, "src/test/resources/scan_wild4/labels.json")))
verdict = {(l["repo"], l["file"], l["line"], l["rule"]): l["verdict"] for l in data["labels"]}
score = collections.defaultdict(collections.Counter)
for r in data["repositories"]:
    if a.split and r["split"] != a.split:
        continue
    git = os.path.join(a.mirror, r["repo"].replace("/", "+"), "repo")
    if not os.path.isdir(git):
        print(f"{r['repo']}: not fetched ({git} missing), skipped", file=sys.stderr)
        continue
    with tempfile.TemporaryDirectory() as tmp:
        tree = subprocess.run(["git", f"--git-dir={git}", "ls-tree", "-r", r["commit"]], capture_output=True,
                              text=True, check=True).stdout
        for line in tree.splitlines():
            meta, path = line.split("\t", 1)
            if not path.endswith((".py", ".ipynb")) or meta.split()[1] != "blob":
                continue
            blob = subprocess.run(["git", f"--git-dir={git}", "cat-file", "blob", meta.split()[2]], capture_output=True)
            if blob.returncode:  # files over the snapshot's size limit are absent
                continue
            os.makedirs(os.path.dirname(os.path.join(tmp, path)) or tmp, exist_ok=True)
            with open(os.path.join(tmp, path), "wb") as f:
                f.write(blob.stdout)
        for mode in ["default", "--all"]:
            cmd = [os.path.join(root, "oomdoc"), "scan", tmp, "--json"] + ([mode] if mode != "default" else [])
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
