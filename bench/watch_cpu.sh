#!/usr/bin/env bash
# CPU cost of `oomdoc run`'s watcher at the default interval (issue 16: < 1% of a core).
# Usage: bench/watch_cpu.sh [seconds]   (default 60)
# Runs `oomdoc run -- sleep N` twice: with the recorded-nvidia-smi stand-in of the tests first on PATH (the
# watcher reads its loop output, samples /proc and the cgroup every second), and with --gpu none. Counts the CPU
# ticks of oomdoc's JVM (utime + stime in /proc/PID/stat) from 10 s after start (start-up and JIT excluded) to
# 2 s before the job ends. The stand-in's own CPU is not counted: a real nvidia-smi's loop cost is NVML's, not
# oomdoc's, and cannot be measured without a GPU.
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
measure() {
  local label="$1"; shift
  PATH="$bin:$PATH" ./oomdoc run "$@" -- sleep "$secs" >/dev/null 2>&1 &
  local pid=$!
  sleep 10
  local t0; t0=$(ticks "$pid")
  local w0; w0=$(date +%s.%N)
  sleep $((secs - 12))
  local t1; t1=$(ticks "$pid")
  local w1; w1=$(date +%s.%N)
  wait "$pid" || true
  echo "$label: $(echo "scale=3; 100 * ($t1 - $t0) / $tck / ($w1 - $w0)" | bc)% of a core over $(echo "$w1 - $w0" | bc | cut -c1-5) s"
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
measure "oomdoc run --interval 1s (stand-in nvidia-smi)"
measure "oomdoc run --interval 1s --gpu none" --gpu none
