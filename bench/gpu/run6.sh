#!/bin/bash
# Eighteenth session's device run: grid4.py (how fine-tunes keep activations and logits), committed before the run.
D=$OUT/r; mkdir -p $D
pack() { cp $D/grid4.jsonl $OUT/ 2>/dev/null; tar -C $OUT -czf $OUT/r6.tar.gz r && rm -rf $D; }
trap pack EXIT
export PYTHONUNBUFFERED=1
t0=$(date +%s)
{ date -u; nvidia-smi; python3 -c "import torch,transformers,peft;print(torch.__version__,transformers.__version__,peft.__version__)"; } > $D/env.txt 2>&1
cd bench/gpu
timeout ${GRID_S:-380} python3 grid4.py $D/grid4.jsonl $(( $(date +%s) + ${GRID_S:-380} - 30 )) $PART > $D/grid4.log 2>&1
echo "grid4 rc=$? at $(( $(date +%s) - t0 ))s" | tee -a $D/rc.txt; grep -c max_memory $D/grid4.jsonl
python3 - $D/grid4.jsonl <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    if "model" in r:
        print(r["group"], r.get("checkpointing_kind"), r["batch"], r["seq"], r.get("loss_kind"), r["outcome"],
              round((r.get("max_memory_allocated_bytes") or 0) / 2**30, 2), r.get("seconds"), (r.get("error") or "")[:200])
    else:
        print(str(r)[:300])
PY
tail -5 $D/grid4.log | cut -c1-300
