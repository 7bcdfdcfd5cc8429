#!/bin/bash
# Eighteenth session, second device call: out-of-memory messages of paths not recorded before (traces6.py).
D=$OUT/t; mkdir -p $D
pack() { tar -C $OUT -czf $OUT/t6.tar.gz t && rm -rf $D; }
trap pack EXIT
export PYTHONUNBUFFERED=1
t0=$(date +%s)
P=bench/gpu/traces6.py
for c in fraction cupy numba expandable compiled; do
  if [ $c = expandable ]; then export PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True; else unset PYTORCH_CUDA_ALLOC_CONF; fi
  timeout 50 python3 $P $c > $D/oom_$c.log 2>&1; echo "$c rc=$? at $(( $(date +%s) - t0 ))s" | tee -a $D/rc.txt
done
for f in $D/*.log; do echo "== $f"; tail -2 $f | cut -c1-400; done
