#!/usr/bin/env bash
# Issue 16 through the launcher as a user runs it: each recorded scenario of src/test/resources/run under
# `./oomdoc run` at the DEFAULT interval (no --interval), the recorded-nvidia-smi stand-in first on PATH where the
# scenario has readings. Prints, per scenario: oomdoc's exit status, the category and the timeline's verdicts from
# --json, and the wall time. Then SIGTERM sent to oomdoc during a job (forwarded: the job traps it and exits 143)
# and --snapshot (its sitecustomize.py lives in a temporary folder outside the repo, only with the flag).
# Usage: bench/run_scenarios.sh
set -uo pipefail
cd "$(dirname "$0")/.."
./oomdoc --version >/dev/null   # builds on first use
res=src/test/resources/run
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
scenario() {
  local name="$1"; shift
  local bin; bin=$(mktemp -d)
  if [ -f "$res/$name/frames.txt" ]; then
    cp "$res/nvidia-smi" "$res/$name/frames.txt" "$bin/"
    chmod +x "$bin/nvidia-smi"
  fi
  local t0; t0=$(date +%s.%N)
  PATH="$bin:$PATH" ./oomdoc run --json "$@" -- sh "$res/job.sh" "$bin" "$res/$name/plan.txt" "$res" \
    >"$bin/out.json" 2>"$bin/err.txt"
  local code=$?
  local t1; t1=$(date +%s.%N)
  python3 - "$name" "$code" "$(echo "$t1 - $t0" | bc)" "$bin/out.json" "$*" <<'PY'
import json, sys
name, code, wall, path, opts = sys.argv[1:6]
j = json.load(open(path))
kinds = [v["kind"] for v in j.get("timeline", {}).get("verdicts", [])]
print(f"{name:10s} {opts or '(defaults)':12s} exit {code:>3s}  category {j.get('category', '-'):26s} "
      f"verdicts {','.join(kinds) or '-':12s} failed_at_step {j.get('timeline', {}).get('failed_at_step')} "
      f"wall {float(wall):.1f} s")
PY
  rm -rf "$bin"
}
for s in leak spike step2 neighbour hostkill traceback; do scenario "$s"; done
scenario hostkill --gpu none

# SIGTERM to oomdoc's JVM while the job runs (as SLURM's scancel or docker stop send it)
tmp=$(mktemp -d)
./oomdoc run --gpu none -- sh "$res/job.sh" "$tmp" "$res/signal/plan.txt" "$res" >"$tmp/out.txt" 2>&1 &
launcher=$!
for _ in $(seq 200); do grep -q "step 2" "$tmp/out.txt" 2>/dev/null && break; sleep 0.1; done
kill -TERM "$launcher"   # the launcher exec's java: this pid is oomdoc's JVM
wait "$launcher"; code=$?
echo "SIGTERM    exit $code; job said: $(grep -c 'job: got TERM' "$tmp/out.txt") x 'job: got TERM'; step 20 reached:" \
  "$(grep -c '^step 20$' "$tmp/out.txt")"

# --snapshot: where the hook lives while the job runs, and that the repo and /tmp keep nothing of it
before=$(git status --porcelain | md5sum)
cat >"$tmp/show.sh" <<'SH'
echo "PYTHONPATH=$PYTHONPATH"; ls "${PYTHONPATH%%:*}"; exit 3
SH
./oomdoc run --snapshot --gpu none -- sh "$tmp/show.sh" >"$tmp/snap.txt" 2>&1; code=$?
hook=$(sed -n 's/^PYTHONPATH=\([^:]*\).*/\1/p' "$tmp/snap.txt")
echo "--snapshot exit $code; hook folder $hook; it held: $(grep -c sitecustomize.py "$tmp/snap.txt") x" \
  "sitecustomize.py; still there after: $([ -e "$hook" ] && echo yes || echo no); repo changed:" \
  "$([ "$before" = "$(git status --porcelain | md5sum)" ] && echo no || echo yes)"
./oomdoc run --gpu none -- sh "$tmp/show.sh" >"$tmp/nosnap.txt" 2>&1
echo "no flag    PYTHONPATH seen by the job: '$(sed -n 's/^PYTHONPATH=//p' "$tmp/nosnap.txt")'"
rm -rf "$tmp"
