#!/bin/bash
# Second device session: a real leaking job (raw, then under oomdoc run), then the second grid.
D=$OUT/d; mkdir -p $D
J=".dev/jrt/bin/java -jar .dev/oomdoc-all.jar"
pack() { cp $D/grid2.jsonl $OUT/ 2>/dev/null; tar -C $OUT -czf $OUT/dev2.tar.gz d && rm -rf $D; }
trap pack EXIT
export PYTHONUNBUFFERED=1
t0=$(date +%s)
timeout 60 python3 .dev/leak_eval.py > $D/leak_eval.log 2>&1; echo "leak rc=$?" >> $D/rc.txt
echo "leak done $(( $(date +%s) - t0 ))s"
timeout 80 $J run --snapshot --json -- python3 .dev/leak_eval.py > $D/oomdoc_run_leak_eval.json 2> $D/oomdoc_run_leak_eval.err; echo "run json rc=$?" >> $D/rc.txt
timeout 60 $J run -- python3 .dev/leak_eval.py > $D/oomdoc_run_leak_eval.txt 2> $D/oomdoc_run_leak_eval_text.err; echo "run text rc=$?" >> $D/rc.txt
ls -la /tmp > $D/tmp_ls.txt; git status --short > $D/git_status.txt 2>&1
echo "run done $(( $(date +%s) - t0 ))s"
timeout 200 python3 .dev/grid.py $D/grid2.jsonl $(( $(date +%s) + 165 )) set2 > $D/grid2.log 2>&1; echo "grid rc=$?" >> $D/rc.txt
echo "all done $(( $(date +%s) - t0 ))s"; cat $D/rc.txt; tail -2 $D/leak_eval.log; head -c 600 $D/oomdoc_run_leak_eval.txt
