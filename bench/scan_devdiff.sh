#!/usr/bin/env bash
# Findings of two jars on every repository under /work/.mirror but diffusers (development data: checks that a speed
# change changes nothing, gives no figure), default and --all: rule/file/line of each finding, files scanned, the number
# of skipped files and the setup. The first jar's outputs are kept in WORK/out, so a later second jar runs alone.
# Usage: bench/scan_devdiff.sh START_JAR END_JAR WORK
set -uo pipefail
start=$1; end=$2; work=$3; tag=$(basename "$end" .jar)
mkdir -p "$work/out"; cd "$work" || exit 1
J=(java -XX:+UseSerialGC -Xss4m -XX:TieredStopAtLevel=1 -jar)
norm() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(sorted((f["rule"],f["file"],f["line"]) for f in
d["findings"])); print(d["files_scanned"], len(d["skipped"]), json.dumps(d["setup"], sort_keys=True))' 2>&1; }
for d in /work/.mirror/*; do
  n=$(basename "$d")
  [ "$n" = huggingface+diffusers ] && continue
  g=$d/repo; [ -d "$g/.git" ] && g=$g/.git
  [ -d "$n" ] || { mkdir -p "$n"; git --git-dir="$g" archive HEAD 2>/dev/null | tar -x -C "$n" 2>/dev/null; }
  for m in "" "--all"; do
    s=out/start-$n$m.txt
    [ -f "$s" ] || timeout 300 "${J[@]}" "$start" scan "$n" --json $m | norm >"$s"
    timeout 300 "${J[@]}" "$end" scan "$n" --json $m | norm >"out/$tag-$n$m.txt"
    if cmp -s "$s" "out/$tag-$n$m.txt"; then echo "same $n ${m:-default} $(head -1 "$s" | grep -o "(" | wc -l)"
    else echo "DIFF $n ${m:-default}"; diff "$s" "out/$tag-$n$m.txt" | head -5; fi
  done
done
echo DONE
