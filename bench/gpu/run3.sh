#!/bin/bash
# Third device session: one real failure of each kind, each in its own process, output as the user sees it.
D=$OUT/t; mkdir -p $D
pack() { tar -C $OUT -czf $OUT/traces.tar.gz t && rm -rf $D; }
trap pack EXIT
export PYTHONUNBUFFERED=1
t0=$(date +%s)
for c in first_backward optimizer_step load_70b generate_kv fragmentation device_assert; do
  timeout 60 python3 .dev/traces.py $c > $D/$c.log 2>&1; echo "$c rc=$? at $(( $(date +%s) - t0 ))s" | tee -a $D/rc.txt
done
timeout 60 python3 .dev/jax_step.py > $D/jax_step.log 2>&1; echo "jax rc=$? at $(( $(date +%s) - t0 ))s" | tee -a $D/rc.txt
for f in $D/*.log; do echo "== $f"; tail -2 $f | cut -c1-300; done
