#!/usr/bin/env bash
# Before/after on the generated 300 MB logs (run bench/logs.sh first), alternating run by run so that both see the
# same load. Usage: bench/logs_ab.sh BASELINE_JAR [RUNS]   (BASELINE_JAR: an oomdoc-all.jar built from the other
# commit; the baseline's LogReader runs under this tree's LogBench). Both diagnose with the launcher's flags for a
# log of 64 MB or more, without the class-data archive; CPU is user + sys of all threads (whole command) or the
# reading thread's (LogBench).
set -euo pipefail
cd "$(dirname "$0")/.."
base="$1"; runs="${2:-3}"
log=/tmp/oomdoc-bench/plain-300.log
./oomdoc --version >/dev/null
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
tc=target/test-classes
after="target/classes:$tc:$(cat target/cp.txt)"
opts=(-XX:+UseSerialGC -Xss4m)
for _ in $(seq "$runs"); do
  echo "load average $(cut -d' ' -f1 /proc/loadavg)"
  java "${opts[@]}" -Xmx1g -cp "$tc:$base" io.oomdoc.bench.LogBench memory "$log" 5 | sed 's/^/before: /'
  java "${opts[@]}" -Xmx1g -cp "$after" io.oomdoc.bench.LogBench memory "$log" 5 | sed 's/^/after:  /'
  /usr/bin/time -f "before: diagnose wall %e s, CPU %U + %S s" java "${opts[@]}" -jar "$base" diagnose "$log" >/dev/null
  /usr/bin/time -f "after:  diagnose wall %e s, CPU %U + %S s" java "${opts[@]}" -jar target/oomdoc-all.jar diagnose \
    "$log" >/dev/null
done 2>&1
