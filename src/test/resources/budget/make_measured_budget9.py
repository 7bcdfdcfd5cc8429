"""Ninth session's measured split (issue 14, branch h9/budget9): QLoRA on one GPU and FSDP QLoRA on two, from two
benchmark runs of foundation-model-stack/fms-acceleration that no measured set of this project holds.

The brief asked for a split by source repository. No second repository with complete published QLoRA/FSDP setups
and measured peaks was found in the session's time (looked at and left out: see below), so the split is by RUN of
one repository, made before the engine was run on any record:
tune  = the a100_80gb.csv of commit b6c1455 (2024-07-29): torch 2.4.0, transformers 4.43.3, peft 0.12.0,
        bitsandbytes 0.43.2 (PR 1270 in: the 4-bit matmul keeps no input), accelerate 0.33.0
check = the a100_80gb.csv of commit c3a069c (2024-07-15): torch 2.2.2, transformers 4.39.3, peft 0.11.1,
        bitsandbytes 0.43.1 (before PR 1270: MatMul4Bit keeps its 16-bit input)
The check half is therefore NOT independent of the tune half (same harness, same models, same card): a fix that
is right for one run carries to the other by construction. Its figures are reported as such.

Both runs (scripts/benchmarks/scenarios.yaml and defaults.yaml at those commits): fp16 mixed precision (fp16 True,
torch_dtype float16), LoRA r 16, alpha 16, dropout 0.1 on q,k,v,o_proj, flash attention, gradient checkpointing,
accumulation 1, AdamW, alpaca-cleaned packed to 4096 tokens (benchmark.py --packing_matrix True,
--max_seq_len_matrix 4096 by default); FSDP FULL_SHARD over 2 GPUs. baseline-peft-bnb goes through TRL's SFTTrainer,
which runs peft's prepare_model_for_kbit_training on one GPU (embeddings, norms, lm_head cast to fp32) and not under
FSDP; accelerated-peft-bnb loads with the fms plugin, which skips that casting. A row with no peak is a failed run
(published as a failure: the nvidia-smi figure is near the card's 80 GiB).
Rows left out: 2-GPU baseline rows byte-identical to the accelerated row of the same run (the harness runs the same
FSDP path for both; one record each), and the check run's 1-GPU baseline rows (peft's fp32 casting together with the
pre-0.43.2 input saving: the engine's Setup.Kbit holds one of the two, not both).
Looked at and left out as sources: fms-acceleration's l40_40gb.csv (no memory columns), its granite csv (PowerLM-3b:
no config.json available offline), Answer.AI's remaining benchmark rows (CPU offload of parameters), accelerate's
big-model-inference table (layers split over GPUs, whole-GB figures), the HF quantization overview blog (GPTQ, or
prefill of a model the engine has rows for elsewhere), bitsandbytes issues 1141/1569 and peft PR 2414 (setups or
figures incomplete in the stored text), ms-swift's Benchmark.md (its figures are measured_heldout.json's).
Run from the repository root:
    python3 src/test/resources/budget/make_measured_budget9.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from catalog_arch import arch  # noqa: E402

OUT = "src/test/resources/budget/measured_budget9.json"
out = []
BASE = "https://github.com/foundation-model-stack/fms-acceleration/blob/%s/scripts/benchmarks/refs/a100_80gb.csv"
FULL = {"b6c1455": "b6c1455bf12bf613250dc41d275232c0b7f1dca1", "c3a069c": "c3a069c842f2f62a70970b5515074f73530ca431"}
HOW = ("mem_peak_torch_mem_alloc_in_bytes: HF Trainer memory metrics (torch.cuda.max_memory_allocated, model load "
       "included), rank 0")
MODELS = {"Mistral-7B-v0.1": "mistral-7b", "Mixtral-8x7B-Instruct-v0.1": "mixtral-8x7b",
          "Llama-2-70b-hf": "llama-2-70b"}
# (framework, model, gpus, batch, peak bytes or None for a failed run, nvidia-smi MiB), as the csv prints them
TUNE = ("b6c1455", "tune", "bitsandbytes 0.43.2, torch 2.4.0, transformers 4.43.3, peft 0.12.0", [
    ("baseline", "Mistral-7B-v0.1", 1, 4, 21215549440, 25359), ("baseline", "Mistral-7B-v0.1", 1, 8, 37594830848, 45481),
    ("baseline", "Mixtral-8x7B-Instruct-v0.1", 1, 4, 44196393984, 44857),
    ("baseline", "Mixtral-8x7B-Instruct-v0.1", 1, 8, 62284255232, 63891),
    ("baseline", "Llama-2-70b-hf", 1, 4, None, 79963), ("baseline", "Llama-2-70b-hf", 1, 8, None, 80417),
    ("baseline", "Mixtral-8x7B-Instruct-v0.1", 2, 2, 21761152512, 24006),
    ("baseline", "Mixtral-8x7B-Instruct-v0.1", 2, 4, 28873790464, 31110),
    ("accelerated", "Mistral-7B-v0.1", 1, 4, 15323746816, 18267),
    ("accelerated", "Mistral-7B-v0.1", 1, 8, 26315010560, 32691),
    ("accelerated", "Mixtral-8x7B-Instruct-v0.1", 1, 4, 36218622464, 37381),
    ("accelerated", "Mixtral-8x7B-Instruct-v0.1", 1, 8, 47209886208, 49911),
    ("accelerated", "Llama-2-70b-hf", 1, 4, 68126652928, 71645), ("accelerated", "Llama-2-70b-hf", 1, 8, None, 81013),
    ("accelerated", "Mistral-7B-v0.1", 2, 2, 9525447168, 11974),
    ("accelerated", "Mistral-7B-v0.1", 2, 4, 16171584000, 19507),
    ("accelerated", "Mixtral-8x7B-Instruct-v0.1", 2, 2, 21762409472, 24002),
    ("accelerated", "Mixtral-8x7B-Instruct-v0.1", 2, 4, 28883566592, 31178),
    ("accelerated", "Llama-2-70b-hf", 2, 2, 46685150208, 51534),
    ("accelerated", "Llama-2-70b-hf", 2, 4, 72626134016, 80576)])
CHECK = ("c3a069c", "check", "bitsandbytes 0.43.1, torch 2.2.2, transformers 4.39.3, peft 0.11.1", [
    ("baseline", "Mixtral-8x7B-Instruct-v0.1", 2, 2, 22356893696, 25163),
    ("baseline", "Mixtral-8x7B-Instruct-v0.1", 2, 4, 30165152256, 32960),
    ("baseline", "Llama-2-70b-hf", 2, 4, None, 80585),
    ("accelerated", "Mistral-7B-v0.1", 1, 4, 15860617728, 18907),
    ("accelerated", "Mistral-7B-v0.1", 1, 8, 26851881472, 33331),
    ("accelerated", "Mixtral-8x7B-Instruct-v0.1", 1, 4, 36828377600, 37399),
    ("accelerated", "Mixtral-8x7B-Instruct-v0.1", 1, 8, 48447599616, 49913),
    ("accelerated", "Llama-2-70b-hf", 1, 4, 69770819584, 72701), ("accelerated", "Llama-2-70b-hf", 1, 8, None, 79377),
    ("accelerated", "Mistral-7B-v0.1", 2, 2, 10431547904, 12783),
    ("accelerated", "Mistral-7B-v0.1", 2, 4, 17446783488, 20523),
    ("accelerated", "Mixtral-8x7B-Instruct-v0.1", 2, 2, 22359233024, 25216),
    ("accelerated", "Mixtral-8x7B-Instruct-v0.1", 2, 4, 30167236096, 33214),
    ("accelerated", "Llama-2-70b-hf", 2, 2, 47591447040, 52469),
    ("accelerated", "Llama-2-70b-hf", 2, 4, None, 80837)])

for commit, split, deps, rows in (TUNE, CHECK):
    pre_pr1270 = commit == "c3a069c"
    for fw, hf, gpus, batch, peak, smi in rows:
        model = MODELS[hf]
        one_gpu_baseline = fw == "baseline" and gpus == 1
        kbit = ("peft-fp32 (TRL SFTTrainer -> prepare_model_for_kbit_training)" if one_gpu_baseline
                else "saves-input (bitsandbytes 0.43.1: MatMul4Bit keeps its input)" if pre_pr1270 else None)
        k = dict(id="fms-%s-%s-peft-bnb-%s-%dgpu-b%d" % (commit, fw, model, gpus, batch),
                 source=BASE % FULL[commit], source_key="fms-acceleration-run-" + commit, split=split,
                 family="sharded" if gpus > 1 else "qlora", model=model, method="qlora", lora_rank=16,
                 lora_targets="q_proj,k_proj,v_proj,o_proj", quant="nf4 (bitsandbytes 4-bit)", seq=4096, batch=batch,
                 precision="fp16 mixed (--fp16 True, torch_dtype float16)", optimizer="adamw",
                 checkpointing="full (HF gradient_checkpointing True)", attention="flash2", gpus=gpus,
                 sharding="fsdp_full_shard" if gpus > 1 else "none", gpu="A100 80GB",
                 outcome="fit" if peak else "oom", measured_bytes=peak,
                 measured_as=("%d bytes" % peak) if peak else "run failed (nvidia-smi %d MiB)" % smi,
                 measured_how=HOW, grad_accum=1, lora_dropout=0.1, loss="fp32",
                 notes="framework_config %s-peft-bnb; %s; nvidia-smi %d MiB" % (fw, deps, smi), arch=arch(model))
        if kbit:
            k["kbit"] = kbit
        out.append(k)

with open(OUT, "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(len(out), "records ->", OUT)
