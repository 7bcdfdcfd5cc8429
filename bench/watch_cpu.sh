#!/usr/bin/env bash
# CPU cost of `oomdoc run`'s watcher at the default interval (issue 16: < 1% of a core).
# Usage: bench/watch_cpu.sh [seconds]   (default 60)
# Runs `oomdoc run -- JOB` at the default interval: `sleep N` with the recorded-nvidia-smi stand-in of the tests
# first on PATH (the watcher reads its loop output, samples /proc and the cgroup), the same with --gpu none, and a
# job that loads for 20 s and then prints a step line every 0.3 s (its first step opens a second dense window).
# Counts the CPU ticks of oomdoc's JVM (utime + stime in /proc/PID/stat) from FROM seconds after start to 2 s
# before the job ends: FROM 10 is the steady state (start-up, JIT and the first dense window excluded), FROM 3 the
# whole run after start-up (both dense windows included). The stand-in's own CPU is not counted: a real
# nvidia-smi's loop cost is NVML's, not oomdoc's, and cannot be measured without a GPU.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
./oomdoc --version >/dev/null   # builds on first use
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
cp src/test/resources/run/nvidia-smi "$bin/"
cp src/test/resources/run/leak/frames.txt "$bin/"
chmod +x "$bin/nvidia-smi"
tck=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
steps="sleep 20; end=\$((\$(date +%s) + $secs - 20)); i=0
  while [ \$(date +%s) -lt \$end ]; do i=\$((i + 1)); echo \"step \$i loss 1.0\"; sleep 0.3; done"
measure() {
  local label="$1" from="$2"; shift 2
  PATH="$bin:$PATH" ./oomdoc run "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$from"
  local t0; t0=$(ticks "$pid")
  local w0; w0=$(date +%s.%N)
  sleep $((secs - from - 2))
  local t1; t1=$(ticks "$pid")
  local w1; w1=$(date +%s.%N)
  wait "$pid" || true
  echo "$label: $((t1 - t0)) ticks, $(echo "scale=3; 100 * ($t1 - $t0) / $tck / ($w1 - $w0)" | bc)% of a core over $(echo "$w1 - $w0" | bc | cut -c1-5) s"
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
measure "sleep, stand-in nvidia-smi, from 10 s" 10 -- sleep "$secs"
measure "sleep, --gpu none, from 10 s" 10 --gpu none -- sleep "$secs"
measure "sleep, stand-in nvidia-smi, from 3 s" 3 -- sleep "$secs"
measure "steps every 0.3 s after 20 s, stand-in nvidia-smi, from 3 s" 3 -- sh -c "$steps"
