#!/usr/bin/env bash
# Generated Python of one long line (issue 17's per-file limit, scan27): each file is scanned by two jars, default and
# --all, and the CPU time and whether the JSON agrees are printed. A scan of a file past 30 s is killed (printed 124).
# Usage: bench/scan_longline.sh BASELINE_JAR [AFTER_JAR]   (AFTER_JAR defaults to target/oomdoc-all.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
base="$1"; after="${2:-target/oomdoc-all.jar}"
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import os, sys
def gen(name, head, unit, size=950_000):  # under the 1 MB parse limit, so the prefilter reads the whole of it
    os.makedirs(os.path.join(sys.argv[1], name))
    with open(os.path.join(sys.argv[1], name, "gen.py"), "w") as f:
        f.write(head)
        while f.tell() < size: f.write(unit)
        f.write("\n")
gen("calls_after_eval", "import torch\nnet.eval()\nfor i in range(3):\n    y = [", "xmodel(1), ")
gen("eval_defs", "import torch\nfor i in r:\n    model(x)\n", "def validate_x def ")
gen("val_loop_headers", "import torch\nnet.eval()\nx = model(y)\n", "for v in val in val ")
gen("calls_in_eval_loop", "import torch\nnet.eval()\nfor b in val_loader:\n    ",
    "self.a_b_c_model.forward(x) + xnet(1) ")
PY
opts=(-XX:+UseSerialGC -Xss4m -XX:TieredStopAtLevel=1)
for d in "$dir"/*/; do
  for m in "" "--all"; do
    line="$(basename "$d") ${m:-default}:"
    k=0
    for j in "$base" "$after"; do
      rc=0; k=$((k + 1))
      /usr/bin/time -f '%U %S' -o "$dir/t" timeout 30 java "${opts[@]}" -jar "$j" scan "$d" --json $m >"$dir/o" || rc=$?
      cpu=$(awk '{print $1 + $2}' "$dir/t" | tail -1)
      line="$line $(basename "$j") ${cpu} s CPU (rc $rc);"
      cp "$dir/o" "$dir/o.$k"
    done
    # the reported milliseconds of a time-limit skip differ run to run: compared without them
    if diff <(sed 's/[0-9]* ms/N ms/' "$dir/o.1") <(sed 's/[0-9]* ms/N ms/' "$dir/o.2") >/dev/null; then
      line="$line same JSON"
    else
      line="$line JSON DIFFERS"
    fi
    echo "$line"
  done
done
echo "load average after: $(cut -d' ' -f1 /proc/loadavg); $(nproc) cores"
