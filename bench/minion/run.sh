#!/usr/bin/env bash
# Runs MinionSim (one JVM, the given test classes PASSES times) on the project's test classpath.
# Usage: bench/minion/run.sh PASSES io.oomdoc.protocol.reasoning.* [more classes or packages.*]
# JAVA_OPTS defaults to the PIT minions' options in pom.xml; JAVA_OPTS=" " runs with the JVM's defaults.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/cp.txt ] || mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
launcher=$(ls ~/.m2/repository/org/junit/platform/junit-platform-launcher/1.10.2/*.jar)
exec java ${JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -Xmx512m \
  -cp "target/classes:target/test-classes:$(cat target/cp.txt):$launcher" bench/minion/MinionSim.java "$@"
