#!/bin/bash
# Round 12 device session: the held-out measured grid (grid3.py) first, then two trainer OOM fixtures.
D=$OUT/r; mkdir -p $D
pack() { cp $D/grid3.jsonl $OUT/ 2>/dev/null; tar -C $OUT -czf $OUT/r4.tar.gz r && rm -rf $D; }
trap pack EXIT
export PYTHONUNBUFFERED=1
t0=$(date +%s)
{ date -u; nvidia-smi; python3 -c "import torch,transformers,peft,lightning;print(torch.__version__,transformers.__version__,peft.__version__,lightning.__version__)"; } > $D/env.txt 2>&1
timeout ${GRID_S:-380} python3 bench/gpu/grid3.py $D/grid3.jsonl $(( $(date +%s) + ${GRID_S:-380} - 25 )) $PART > $D/grid3.log 2>&1
echo "grid3 rc=$? at $(( $(date +%s) - t0 ))s" | tee -a $D/rc.txt; grep -c max_memory $D/grid3.jsonl
for c in ${CASES-trainer lightning}; do
  timeout 70 python3 bench/gpu/traces4.py $c > $D/$c.log 2>&1; echo "$c rc=$? at $(( $(date +%s) - t0 ))s" | tee -a $D/rc.txt
done
grep -h '"error"' $D/grid3.jsonl | cut -c1-400
for f in $D/*.log; do echo "== $f"; tail -2 $f | cut -c1-300; done
