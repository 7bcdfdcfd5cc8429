#!/usr/bin/env bash
# Log reading speed (issue 16). Usage: bench/logs.sh [MB] [BASELINE_JAR]
# Writes two big logs in /tmp (never in the repo) from the real training-log lines of
# src/test/resources/bench/training-log-lines.txt, each ending in a real PyTorch traceback:
#   plain: no line carries a trigger word (the common case); mmdet: "memory:" on every line (every line a hit).
# Then times LogReader alone (bench/run.sh LogBench: wall and the reading thread's CPU time), and the whole
# `oomdoc diagnose` of the plain log through the launcher (JVM start, reading, diagnosis), with an optional
# baseline jar run under the same flags for comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-300}"
baseline="${2:-}"
dir=/tmp/oomdoc-bench
mkdir -p "$dir"
./oomdoc --version >/dev/null   # builds on first use; not timed
# the generator is deterministic: logs already there are not written again
[ -f "$dir/plain-$mb.log" ] || bench/run.sh LogBench generate "$dir/plain-$mb.log" "$mb" plain
[ -f "$dir/mmdet-$mb.log" ] || bench/run.sh LogBench generate "$dir/mmdet-$mb.log" "$mb" mmdet
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
bench/run.sh LogBench read "$dir/plain-$mb.log" 5   # a stream (stdin): one thread searches and counts
bench/run.sh LogBench read "$dir/mmdet-$mb.log" 3
# a file, as `oomdoc diagnose FILE` reads it: helper threads search and count, the reader jumps over quiet stretches
JAVA_OPTS="-XX:+UseSerialGC -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput \
  -XX:CompilerDirectivesFile=src/main/jvm/big-log.directives" bench/run.sh LogBench file "$dir/plain-$mb.log" 5

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# wall and user+sys CPU seconds of one command, median of 3
timed() {
  for _ in 1 2 3; do /usr/bin/time -f "%e %U %S" "$@" >/dev/null 2>>"$dir/time.$$" || true; tail -1 "$dir/time.$$"; done
}
report() {
  local name="$1"; shift
  local rows; rows=$(timed "$@")
  printf "%s: wall %s s, CPU %s s (median of 3)\n" "$name" "$(echo "$rows" | awk '{print $1}' | median)" \
    "$(echo "$rows" | awk '{print $2 + $3}' | median)"
}
opts=(-XX:+UseSerialGC -Xss4m)   # the launcher's flags for a log of 64 MB or more (C1 and C2)
report "oomdoc diagnose plain-$mb.log" ./oomdoc diagnose "$dir/plain-$mb.log"
[ -n "$baseline" ] && report "baseline $baseline diagnose plain-$mb.log" java "${opts[@]}" -jar "$baseline" diagnose "$dir/plain-$mb.log"
rm -f "$dir/time.$$"
