#!/usr/bin/env bash
# Runs a benchmark harness from src/test/java/io/oomdoc/bench with the project's classpath.
# Usage: bench/run.sh TraceBench|BudgetBench|ScanBench [args...]
set -euo pipefail
cd "$(dirname "$0")/.."
name="$1"; shift
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
exec java -Xmx256m ${JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/cp.txt)" "io.oomdoc.bench.$name" "$@"
