#!/bin/bash
# Round 12, second device call: another process on the card, two ranks on one card, a JAX OOM.
D=$OUT/t; mkdir -p $D
pack() { tar -C $OUT -czf $OUT/t5.tar.gz t && rm -rf $D; }
trap pack EXIT
export PYTHONUNBUFFERED=1
t0=$(date +%s)
P=bench/gpu/traces5.py
python3 $P hold 120 40 > $D/hold.log 2>&1 &
for i in $(seq 1 30); do grep -q holding $D/hold.log && break; sleep 1; done
nvidia-smi > $D/smi_other_process.txt 2>&1
nvidia-smi --query-compute-apps=pid,process_name,used_memory --format=csv > $D/smi_other_process_apps.csv 2>&1
timeout 60 python3 $P small > $D/oom_other_process.log 2>&1; echo "small rc=$? at $(( $(date +%s) - t0 ))s" | tee -a $D/rc.txt
kill %1; wait
timeout 90 torchrun --nproc_per_node=2 --tee 3 $P ranks > $D/oom_two_ranks.log 2>&1; echo "ranks rc=$? at $(( $(date +%s) - t0 ))s" | tee -a $D/rc.txt
XLA_PYTHON_CLIENT_PREALLOCATE=false timeout 90 python3 $P jax > $D/oom_jax.log 2>&1; echo "jax rc=$? at $(( $(date +%s) - t0 ))s" | tee -a $D/rc.txt
for f in $D/*.log; do echo "== $f"; tail -3 $f | cut -c1-300; done
