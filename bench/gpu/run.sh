#!/bin/bash
# One device session: environment, oomdoc's own GPU reading, the measured grid, then real fixtures.
D=$OUT/d; mkdir -p $D
J=".dev/jrt/bin/java -jar .dev/oomdoc-all.jar"
pack() { cp $D/grid.jsonl $OUT/ 2>/dev/null; tar -C $OUT -czf $OUT/dev.tar.gz d && rm -rf $D; }
trap pack EXIT
export PYTHONUNBUFFERED=1
t0=$(date +%s)
{ date -u; nvidia-smi; nvidia-smi -L; uname -a; nproc; free -m; python3 -c "import torch,transformers,peft;print(torch.__version__,transformers.__version__,peft.__version__)"; python3 -m pip list 2>/dev/null | grep -iE "bitsandbytes|liger|deepspeed|flash|vllm|accelerate"; } > $D/env.txt 2>&1
$J gpu --json > $D/oomdoc_gpu.json 2> $D/oomdoc_gpu.err; echo "gpu rc=$?" >> $D/rc.txt
$J gpu > $D/oomdoc_gpu.txt 2>&1; echo "gpu text rc=$?" >> $D/rc.txt
echo "env done $(( $(date +%s) - t0 ))s"
timeout 240 python3 .dev/grid.py $D/grid.jsonl $(( $(date +%s) + 205 )) > $D/grid.log 2>&1; echo "grid rc=$?" >> $D/rc.txt
echo "grid done $(( $(date +%s) - t0 ))s"; grep -c max_memory $D/grid.jsonl
timeout 60 python3 .dev/oom_train.py $D/oom_memory_summary.txt > $D/oom_train.log 2>&1; echo "oom rc=$?" >> $D/rc.txt
timeout 60 python3 .dev/leak.py $D > $D/leak.log 2>&1; echo "leak rc=$?" >> $D/rc.txt
echo "fixtures done $(( $(date +%s) - t0 ))s"
timeout 90 $J run --snapshot --json -- python3 .dev/leak.py > $D/oomdoc_run_leak.json 2> $D/oomdoc_run_leak.err; echo "run rc=$?" >> $D/rc.txt
ls -la . > $D/after_run_ls.txt 2>&1; git status --short >> $D/after_run_ls.txt 2>&1
timeout 60 python3 .dev/snap.py $D > $D/snap.log 2>&1; echo "snap rc=$?" >> $D/rc.txt
echo "all done $(( $(date +%s) - t0 ))s"; cat $D/rc.txt; tail -3 $D/leak.log; tail -2 $D/oom_train.log
