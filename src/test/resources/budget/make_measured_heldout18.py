"""Eighteenth held-out split (session 26, issue 14): published measured peaks and fit/OOM outcomes from pages no
earlier measured set cites, weighted toward fine-tuning (LoRA, QLoRA, full, FSDP over N GPUs) as issue 14 asks, and on
NVIDIA cards (the seventeenth was mostly AMD Instinct).

This set is BLIND: written by a helper who never read the engine (src/main), the knowledge or prompts, never ran
oomdoc or BudgetBench on these records except one parse check with its output discarded, and never looked at a score
or at bench/results.md. Nothing here was tuned on, and nothing may be: score it, never fit to it.

How the pages were chosen: a page was dropped when its repository, or a repository of the same short name (renamed
copies and forks), is cited anywhere under src/test/resources or bench/ (/tmp/h26/repos.txt), when the page or thread
is cited (/tmp/h26/threads.txt, /tmp/h26/urls.txt), when an earlier measured_*.json cites it, or when a parallel blind
writer holds it (/tmp/h26/b31r-threads.txt, /tmp/h26/b32e-threads.txt). The writer's own list is
/tmp/h26/bb18-sources.txt; /tmp/h26/bb18-check.sh answers "OK or the reason" per candidate. Most trackers and model
repositories the search tools reach are cited by now (a Halo-like trainer's memory table, a vLLM memory analysis, a
4090 vLLM blog and several Chinese benchmark pages were found and dropped as cited), so this set is made of six
repositories no earlier set touched: a training framework's PEFT page and one of its pull requests (whitecircle/halo,
B300), a course repository's VRAM probe of QLoRA GRPO (jsboige/CoursIA: one PR and two result files), a llama-recipes
run log on V100s (bobcchen/peft-explore), a fine-tuning estimator's measured baselines on an RTX 4080
(DaoyuanLi2816/can-i-finetune-this: its baseline page and two validation runs), and a weight-compression project's
bf16 baselines under vLLM and Hugging Face (surya-koritala/Glyd: five pages). A page was kept only where it prints a GPU
memory figure for a setup it states (and, where the code sits beside it, the code says how the figure was read), or
says that a named setup ran, or ran out of memory, on a named card. Estimator outputs were left out (can-i-finetune-
this prints its own estimate beside each measurement: only the measurement is here), and so were the compressed
formats of Glyd (a custom weight format the engine has no term for: only its bf16 baselines are here) and the
torchtune tables (issue 14's external check).

Counts: 40 records from 14 pages (source keys) in 6 repositories; families qlora 18, lora 6, sharded 6, full 2,
inference 8 (32 of 40 fine-tuning, 80%); outcomes 36 fit and 4 oom; 27 records with a figure (17 QLoRA, 5 LoRA, 2
sharded, 1 full, 2 inference), 13 without one, each on a named card; every card is NVIDIA (B300, H100, A100 40GB,
A10, L4, V100 32GB, RTX 4090, RTX 4080, RTX 4080 SUPER, RTX 3080 Ti Laptop, RTX 3070 Laptop) but two Halo figures
whose paragraph names no card. Five pages are one repository's (Glyd); three are CoursIA's and three are
can-i-finetune-this's: a scorer that wants one group per repository should group by repository, not by source key.

Pages: halo agent-docs/optimization/peft.md (Qwen3-8B full, LoRA and QLoRA on one B300 at 16k, and QLoRA at 32k with
and without the fused loss); halo PR #30 (Qwen3-4B QLoRA recipe at batch 1 and 4); CoursIA PR #15643 and two probe
result files (QLoRA GRPO of Qwen3 1.7B to 14B, torch.cuda.max_memory_allocated, on an RTX 3070 Laptop, a 3080 Ti Laptop
and a 4090); peft-explore README.md (Llama-2 7B/13B with llama-recipes on one and on 4 to 6 V100s under FSDP: what ran,
what ran out of memory, and two peaks from its logs); can-i-finetune-this docs/rtx4080_baselines.md and two validation
JSONs (Qwen2.5 0.5B to 7B LoRA and QLoRA on an RTX 4080, reserved and allocated peaks); Glyd's vLLM pages (Qwen3 1.7B
to 14B served in bf16 on an L4, an A10 and an A100 40GB; Qwen2.5-72B over two H100s, nvidia-smi) and gpu/README.md
(Qwen2.5-7B bf16 generation on an RTX 4080 SUPER). Each record's notes say what its page leaves unsaid and what the
writer wrote in (a length, a batch) where the page gives none.

Every figure is typed from its page; each record keeps the page's URL pinned to a commit of the file (or the thread's
number), the row or line it comes from and what the page (or the code beside it) says about how memory was read.
Model shapes are each model's config.json values as known to the writer (no network here to reopen them); the
parameter count is computed from them unless the page prints it.
Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout18.py
"""
import json

from measured_shapes import llama  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout18.json"
GB = 10 ** 9
GIB = 2 ** 30
MIB = 2 ** 20
KNOWN = "config.json values as known to the writer, not reopened this session"
QKV_BIAS = "; q/k/v biases left out of the count"
ALL7 = "q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj"
ATTN4 = "q_proj,k_proj,v_proj,o_proj"

A = {
    "qwen3-1.7b": llama("Qwen/Qwen3-1.7B (%s)" % KNOWN, 28, 2048, 16, 8, 6144, 151936, tied=True, head_dim=128),
    "qwen3-4b": llama("Qwen/Qwen3-4B and Qwen3-4B-Instruct-2507 (one shape; %s)" % KNOWN, 36, 2560, 32, 8, 9728,
                      151936, tied=True, head_dim=128),
    "qwen3-8b": llama("Qwen/Qwen3-8B (%s)" % KNOWN, 36, 4096, 32, 8, 12288, 151936, head_dim=128),
    "qwen3-14b": llama("Qwen/Qwen3-14B (%s)" % KNOWN, 40, 5120, 40, 8, 17408, 151936, head_dim=128),
    "qwen2.5-0.5b": llama("Qwen/Qwen2.5-0.5B-Instruct (%s%s)" % (KNOWN, QKV_BIAS), 24, 896, 14, 2, 4864, 151936,
                          tied=True),
    "qwen2.5-1.5b": llama("Qwen/Qwen2.5-1.5B-Instruct (%s%s)" % (KNOWN, QKV_BIAS), 28, 1536, 12, 2, 8960, 151936,
                          tied=True),
    "qwen2.5-3b": llama("Qwen/Qwen2.5-3B-Instruct (%s%s)" % (KNOWN, QKV_BIAS), 36, 2048, 16, 2, 11008, 151936,
                        tied=True),
    "qwen2.5-7b": llama("Qwen/Qwen2.5-7B-Instruct (%s%s)" % (KNOWN, QKV_BIAS), 28, 3584, 28, 4, 18944, 152064),
    "qwen2.5-72b": llama("Qwen/Qwen2.5-72B-Instruct (%s%s)" % (KNOWN, QKV_BIAS), 80, 8192, 64, 8, 29568, 152064),
    "llama2-7b": llama("meta-llama/Llama-2-7b-hf (%s)" % KNOWN, 32, 4096, 32, 32, 11008, 32000, params=6738415616,
                       extra="; params as HF prints them for Llama-2-7b"),
    "llama2-13b": llama("meta-llama/Llama-2-13b-hf (%s)" % KNOWN, 40, 5120, 40, 40, 13824, 32000),
}

out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = A[k["model"]]
    k.setdefault("lora_rank", 0)
    k.setdefault("lora_targets", None)
    if k.get("lora_dropout", 0) is None:
        del k["lora_dropout"]
    k["split"] = "heldout18"
    out.append(k)


INFER = dict(family="inference", method="inference", optimizer="none (inference)", checkpointing="none",
             grad_accum=1, loss="none (inference)", lora_rank=0, lora_targets=None)

# ---- whitecircle/halo agent-docs/optimization/peft.md: Qwen3-8B on one B300, 16k, and QLoRA at 32k ----
# "Measured cost. Dense - 1x B300 (SM103), DistributedSFTTrainer, AdamWBF16, Liger, FA4, Qwen3-8B, seq 16384, BS=1, GC,
# 10 steps / 3 warmup". AdamWBF16 keeps weights and both moments in bf16 (6 bytes a parameter, the performance page).
# The page does not say which counter 'Peak memory' is, nor whether its GB are 10^9 or 2^30 bytes: taken as written.
HALO = ("https://github.com/whitecircle/halo/blob/039b20397dbb3d332839c9b2594a770263493ebe/agent-docs/optimization/"
        "peft.md")
HOW_HALO = ("not said (the page's 'Peak memory' column; the page names the benchmark script, "
            "tests/gpu/profiling/benchmark_sft_dense.py, but not the counter; GB taken as 10^9 bytes as written)")
for tag, method, quant, targets, trainable, fig, cell in (
        ("full", "full", "none (bf16 weights)", None, "8,191M (100%)", 64.6,
         "| Full fine-tuning | 8,191M (100%) | 17,342 | 64.6 GB |"),
        ("lora-r64-attn", "lora", "none (bf16 weights)", ATTN4, "61M (0.7%)", 34.6,
         "| LoRA r=64, attn only | 61M (0.7%) | 16,824 | 34.6 GB |"),
        ("lora-r64-all-linear", "lora", "none (bf16 weights)", ALL7, "175M (2.1%)", 35.9,
         "| LoRA r=64, all linear | 175M (2.1%) | 11,717 | 35.9 GB |"),
        ("qlora-r64-all-linear", "qlora", "nf4 (bitsandbytes 4-bit NF4 base; double quant not said)", ALL7,
         "175M (3.6%)", 25.3, "| QLoRA r=64, all linear (NF4 base) | 175M (3.6%) | 15,802 | 25.3 GB |")):
    full = method == "full"
    rec(id="halo-qwen3-8b-%s-seq16384-b300" % tag, source=HALO, source_key="halo-peft-measured-cost",
        model="qwen3-8b", family=method, method=method, quant=quant, seq=16384, batch=1, grad_accum=1,
        precision=("bf16-true (AdamWBF16: bf16 weights and bf16 moments, 6 bytes a parameter, no fp32 master copy)"
                   if full else "bf16 (bf16 base; adapters optimized by AdamWBF16)"),
        checkpointing="full (GC)", optimizer="AdamWBF16 (Halo's optimizer: states in bf16)",
        attention="flash attention 4 (FA4)",
        loss="not stated (Liger kernels on; the table does not say whether Liger's fused linear cross-entropy was on)",
        lora_rank=0 if full else 64, lora_targets=targets, gpus=1, sharding="none", gpu="B300 288GB",
        card_as_published="1x B300 (SM103)", outcome="fit", measured_bytes=int(fig * GB), measured_as="'%s'" % cell,
        measured_how=HOW_HALO, table="Measured cost (Dense)",
        notes="DistributedSFTTrainer on one GPU, 10 steps after 3 warm-up; trainable %s; LoRA alpha and dropout not "
              "printed in the table (the page's example config: alpha 2x rank, dropout 0.05); tokens/s/GPU in the "
              "middle column" % trainable)
for tag, loss, fig, cell in (
        ("ce", "cross-entropy (plain CE over the full logits)", 43.5, "needs **43.5 GB with plain CE"),
        ("flce", "fused-linear (Liger's FusedLinearCrossEntropy: lm_head and loss fused, no full logits)", 20.9,
         "and 20.9 GB with FLCE**")):
    rec(id="halo-qwen3-8b-qlora-r32-all-linear-seq32768-%s" % tag, source=HALO, source_key="halo-peft-measured-cost",
        model="qwen3-8b", family="qlora", method="qlora", quant="nf4 (bitsandbytes 4-bit base; double quant not said)",
        seq=32768, batch=1, grad_accum=1, precision="bf16 (bf16 adapters, 4-bit base)", checkpointing="full (GC)",
        optimizer="AdamWBF16 (Halo's optimizer: states in bf16)", attention="flash attention 4 (FA4)", loss=loss,
        lora_rank=32, lora_targets=ALL7, gpus=1, sharding="none", gpu="",
        card_as_published="not named in this paragraph (the page's measured tables are on one B300)",
        outcome="fit", measured_bytes=int(fig * GB),
        measured_as="'Qwen3-8B QLoRA r=32 all-linear at 32k (BS=1, GC, Liger, FA4) %s'" % cell,
        measured_how=HOW_HALO, table="FusedLinearCrossEntropy for long sequences",
        notes="the paragraph concludes it 'fits a 24 GB consumer GPU only with FLCE', a claim from the figure, not "
              "a run on such a card; the card of the measurement is not named, so no card is written in")

# ---- whitecircle/halo PR #30: the Qwen3-4B QLoRA recipe, measured on one B300 ----
# examples/sft/qwen3/qwen3-4b-ultrachat-qlora.yaml (human-docs/training-methods/sft.md): Qwen3-4B-Instruct-2507,
# max_length 4096, packing, gradient checkpointing, LoRA r 64 / alpha 128 on all seven projections, load_in_4bit nf4
# with nested (double) quantization; the PR's review quotes its objective: measured on 1x B300 with halo:blackwell.
PR30 = "https://github.com/whitecircle/halo/pull/30"
for tag, seq, accum, fig, how, cell in (
        ("bs1", 4096, 16, 7.9, "max_memory_allocated (the PR: 'peaks at 7.9 GB allocated')",
         "the recipe defaults to batch 1 (16 accumulation steps) and peaks at 7.9 GB allocated"),
        ("bs4-packed-16k", 16384, 1, 33.0,
         "not said (the PR: 'it peaked at 33 GB', the counter not restated; beside an allocated figure)",
         "at batch 4 packing merged four 4k rows into one 16k row and it peaked at 33 GB")):
    rec(id="halo-pr30-qwen3-4b-qlora-r64-%s-b300" % tag, source=PR30, source_key="halo-pr30-qlora-recipe",
        model="qwen3-4b", family="qlora", method="qlora",
        quant="nf4 (bitsandbytes load_in_4bit, bnb_4bit_quant_type nf4, use_bnb_nested_quant: double quant)",
        seq=seq, batch=1, grad_accum=accum, precision="bf16 (bf16 adapters over the 4-bit base, AdamWBF16)",
        checkpointing="full (gradient_checkpointing: true)", optimizer="AdamWBF16 (Halo's default with bf16: true)",
        attention="not stated (Halo's default on Blackwell: flash attention 4)",
        loss="not stated (Liger on by default; the fused linear cross-entropy is opt-in)", lora_rank=64,
        lora_dropout=None, lora_targets=ALL7, gpus=1, sharding="none", gpu="B300 288GB",
        card_as_published="1x B300 (the PR objective as its review quotes it: 'measured on 1x B300')",
        outcome="fit", measured_bytes=int(fig * GB), measured_as="'%s'" % cell, measured_how=how,
        table="PR description (QLoRA on consumer GPUs, now measured)",
        notes="UltraChat 200K packed to max_length 4096; " + (
            "batch 1 with 16 accumulation steps as the recipe ships" if tag == "bs1" else
            "batch 4 packed four 4k rows into one 16,384-token row: written as one row of 16,384") +
        "; GB as written (10^9 taken)")

# ---- jsboige/CoursIA: QLoRA GRPO VRAM probe (vram_wall_probe.py), torch.cuda.max_memory_allocated ----
# The probe: BitsAndBytesConfig nf4, double quant, bf16 compute, device_map {'': 0}; LoRA r 8, alpha 16, dropout 0.05
# on the seven projections; GRPOConfig num_generations 8, beta 0, per_device_train_batch_size 8, accumulation 4,
# max_completion_length 96 (or the argv's), bf16, gradient_checkpointing, 3 steps; prompts 'Solve: a + b = ?';
# torch.cuda.reset_peak_memory_stats() before the trainer is built, max_memory_allocated() / 2**30 after training.
PROBE_HOW = ("max_memory_allocated (vram_wall_probe.py: torch.cuda.max_memory_allocated() / 2**30 after three GRPO "
             "steps, reset before the trainer is built)")


def grpo(key, url, model, completion, fig, card, slug, cap, cell, table, note=""):
    rec(id="coursia-grpo-qlora-%s-c%d-%s" % (model, completion, slug), source=url,
        source_key=key, model=model, family="qlora", method="qlora",
        quant="nf4 (bitsandbytes, double quant, bf16 compute)", seq=completion + 16, batch=8, grad_accum=4,
        precision="bf16 (bf16=True over the 4-bit base)", checkpointing="full (gradient_checkpointing=True)",
        optimizer="AdamW (not set: TRL GRPOConfig's default adamw_torch)",
        attention="not stated (transformers' default)",
        loss="GRPO policy-gradient loss (beta 0: no reference model), constant reward 0.5", lora_rank=8,
        lora_dropout=0.05, lora_targets=ALL7, gpus=1, sharding="none", gpu=card, card_as_published=cap,
        outcome="fit", measured_bytes=int(fig * GIB), measured_as="'%s'" % cell, measured_how=PROBE_HOW,
        table=table,
        notes="GRPO with in-process generation (8 completions a prompt, up to %d new tokens) then the LoRA backward; "
              "the prompt is a short sum (about a dozen tokens): seq is the completion plus 16, written in; batch is "
              "the per-device batch of 8 completions (TRL generates a step's rollouts together)%s"
              % (completion, note))


P15643 = "https://github.com/jsboige/CoursIA/pull/15643"
for model, fig, cell in (("qwen3-1.7b", 2.744, "| Qwen3-1.7B | FIT | 2,744 GiB | 15,9 |"),
                         ("qwen3-4b", 4.096, "| Qwen3-4B | FIT | 4,096 GiB | 20,5 |"),
                         ("qwen3-8b", 7.406, "| **Qwen3-8B** | **FIT** | **7,406 GiB** | **25,8** |")):
    grpo("coursia-pr15643-vram-probe", P15643, model, 96, fig, "RTX 3070 Laptop 8GB", "rtx3070-laptop",
         "RTX 3070 Laptop 8 Go", cell, "Campagne complete (RTX 3070 8 Go, recipe PT_11d)",
         "; the PR: 'FIT signifie ici pas d'OOM, pas a l'aise'" + (
             "; Qwen3-8B reserved 8,172 GiB, above the card's 8 GB: Windows' shared memory took the spill"
             if model == "qwen3-8b" else ""))
F3080 = ("https://github.com/jsboige/CoursIA/blob/b9fc2d3c1ab77824b289a2f5859a3d17d55d0d5c/MyIA.AI.Notebooks/GenAI/"
         "PostTraining/_measurements/vram_probe_results_2026-10-06_8b_3080ti16.jsonl")
for completion, fig in ((160, 9.155), (288, 11.773)):
    grpo("coursia-probe-3080ti16", F3080, "qwen3-8b", completion, fig, "RTX 3080 Ti Laptop 16GB", "rtx3080ti-laptop",
         "NVIDIA GeForce RTX 3080 Ti Laptop GPU (vram_total_gb 16.0)",
         '"model": "Qwen/Qwen3-8B", "num_generations": 8, "max_completion_length": %d, ... "status": "FIT", ... '
         '"max_vram_allocated_gb": %s' % (completion, fig), "vram_probe_results_2026-10-06_8b_3080ti16.jsonl")
F4090 = ("https://github.com/jsboige/CoursIA/blob/2b0304f08c662a8abe5ddae283bc11f5e3943bc4/MyIA.AI.Notebooks/GenAI/"
         "PostTraining/_measurements/vram_probe_results_2026-10-06_9b14b_4090.jsonl")
for completion, fig in ((96, 11.638), (288, 15.73)):
    grpo("coursia-probe-4090", F4090, "qwen3-14b", completion, fig, "RTX 4090 24GB", "rtx4090",
         "NVIDIA GeForce RTX 4090 (vram_total_gb 23.99)",
         '"model": "Qwen/Qwen3-14B", "num_generations": 8, "max_completion_length": %d, ... "status": "FIT", ... '
         '"max_vram_allocated_gb": %s' % (completion, fig), "vram_probe_results_2026-10-06_9b14b_4090.jsonl")

# ---- bobcchen/peft-explore README.md: llama-recipes (Jan 2023 commit) on V100 32GB, one node and two ----
# src/llama_recipes/configs: batch_size_training 1, padding, gradient_accumulation_steps 4, lr 1e-4, LoRA r 8 / alpha
# 32 / dropout 0.05 on q_proj,v_proj; the model loads without torch_dtype (fp32 weights); --use_fp16 turns on fp16
# autocast (one GPU) or FSDP's fpSixteen policy; without it a V100 (no bf16) runs FSDP in fp32. FSDP: FULL_SHARD,
# LlamaDecoderLayer wrap, activation checkpointing on (fsdp_activation_checkpointing True), optimizer AdamW or SGD
# (momentum 0.9). MemoryTrace prints 'Max CUDA memory allocated/reserved' in whole GiB, rounded down.
PEX = "https://github.com/bobcchen/peft-explore/blob/464dc50f0ac448f31f04e36a3b4b0b8f244283d8/README.md"
PEX_NOTE = ("samsum 1%% slice (split_slice 1%%), batch_size_training 1, padding, accumulation 4; samsum rows are a "
            "dialogue and its summary, mostly under 512 tokens: seq 512 is written in; %s")
FP32W = "none (fp32 weights: from_pretrained without torch_dtype)"
FSDP4 = "fsdp (FSDP FULL_SHARD over 4 GPUs, LlamaDecoderLayer auto-wrap)"


def pex(tag, model, family, method, quant, precision, optimizer, gpus, sharding, outcome, cell, how, table, note,
        fig=None, lora=False, ckpt="none (no gradient checkpointing on the single-GPU path)"):
    rec(id="peft-explore-%s" % tag, source=PEX, source_key="peft-explore-llama-recipes-v100", model=model,
        family=family, method=method, quant=quant, seq=512, batch=1, grad_accum=4, precision=precision,
        checkpointing=ckpt, optimizer=optimizer, attention="eager (transformers Llama of early 2023; use_fast_kernels "
        "off)", loss="cross-entropy (causal LM on the summary, samsum)", lora_rank=8 if lora else 0,
        lora_dropout=0.05 if lora else None, lora_targets="q_proj,v_proj" if lora else None, gpus=gpus,
        sharding=sharding, gpu="V100 32GB", card_as_published="V100 (32GB)" + (
            ", two k8s nodes" if gpus == 6 else ""), outcome=outcome,
        measured_bytes=None if fig is None else int(fig * GIB), measured_as="'%s'" % cell, measured_how=how,
        table=table, notes=PEX_NOTE % note)


pex("llama2-7b-qlora-fp16-1xv100", "llama2-7b", "qlora", "qlora",
    "nf4 (BitsAndBytesConfig load_in_4bit, nf4, fp16 compute, no double quant)",
    "fp16 (use_fp16: autocast with a GradScaler over the 4-bit base)", "AdamW (torch, lr 1e-4)", 1, "none", "fit",
    "LoRA PEFT of quantized 7b (`load_in_4bit=True`) in half precision works as per local",
    "outcome (the README: the run works on a single V100 32GB)", "Single V100 (32GB) GPU",
    "a fit without a figure", lora=True)
pex("llama2-7b-lora-fp16-1xv100-oom", "llama2-7b", "lora", "lora", FP32W, "fp16 (use_fp16 autocast over fp32 weights)",
    "AdamW (torch, lr 1e-4)", 1, "none", "oom", "LoRA PEFT of 7b in full/half precision results in CUDA OOM",
    "outcome (the README: CUDA OOM in half precision, as in full)", "Single V100 (32GB) GPU",
    "the half-precision run (--use_fp16 True) is the record; the fp32 one ran out of memory too", lora=True)
pex("llama2-7b-full-fp16-1xv100-oom", "llama2-7b", "full", "full", FP32W, "fp16 (use_fp16 autocast over fp32 weights)",
    "AdamW (torch, lr 1e-4)", 1, "none", "oom", "Full finetuning of 7b in full/half precision results in CUDA OOM",
    "outcome (the README: CUDA OOM)", "Single V100 (32GB) GPU", "the half-precision run is the record")
FSDP_CK = "full (FSDP activation checkpointing, fsdp_activation_checkpointing True)"
pex("llama2-7b-full-fsdp-fp16-adamw-4xv100-oom", "llama2-7b", "sharded", "full", FP32W,
    "fp16 (FSDP fpSixteen mixed precision: fp16 compute and reduce over fp32 sharded weights)",
    "AdamW (torch, lr 1e-4)", 4, FSDP4, "oom", "Full finetuning of 7b in half precision results in CUDA OOM",
    "outcome (the README: CUDA OOM on 4 V100s under FSDP)", "Single node multi V100 (32GB) GPU",
    "torchrun --nproc_per_node 4 finetuning.py --enable_fsdp --use_fp16 True", ckpt=FSDP_CK)
pex("llama2-7b-lora-fsdp-fp16-4xv100", "llama2-7b", "sharded", "lora", FP32W,
    "fp16 (FSDP fpSixteen mixed precision over fp32 weights)", "AdamW (torch, lr 1e-4)", 4, FSDP4, "fit",
    "LoRA PEFT of 7b in half precision works!", "outcome (the README: the run works; eval loss falls as on one GPU)",
    "Single node multi V100 (32GB) GPU", "a fit without a figure; quantization is not used under FSDP", lora=True,
    ckpt=FSDP_CK)
pex("llama2-7b-full-fsdp-fp32-adamw-4xv100-oom", "llama2-7b", "sharded", "full", FP32W,
    "fp32 (no --use_fp16; a V100 has no bf16, so FSDP runs without a mixed-precision policy)",
    "AdamW (torch, lr 1e-4)", 4, FSDP4, "oom",
    "Full finetuning of 7b in full precision results in CUDA OOM, even decreasing samples to 10",
    "outcome (the README: CUDA OOM once training starts, ~10GB a GPU after loading)",
    "Single node multi V100 (32GB) GPU", "the README blames the optimizer's memory", ckpt=FSDP_CK)
pex("llama2-7b-full-fsdp-fp32-sgd-4xv100", "llama2-7b", "sharded", "full", FP32W,
    "fp32 (no --use_fp16; no mixed-precision policy on a V100)", "sgd-momentum (torch SGD, momentum 0.9, lr 1e-4)", 4,
    FSDP4, "fit", "GPU Utilization: From logs, GPU total peak memory is 29GB. From `nvidia-smi`, ~30GB used per GPU",
    "reading (llama-recipes' MemoryTrace in its log, whole GiB rounded down; the README does not say whether the "
    "allocated or the reserved line; nvidia-smi ~30GB a GPU)", "Single node multi V100 (32GB) GPU",
    "--fsdp_config.optimizer SGD; 'works, but there are CUDA Malloc retries' (~32 an epoch)", fig=29, ckpt=FSDP_CK)
pex("llama2-7b-full-fsdp-fp16-sgd-4xv100", "llama2-7b", "sharded", "full", FP32W,
    "fp16 (FSDP fpSixteen mixed precision over fp32 weights)", "sgd-momentum (torch SGD, momentum 0.9, lr 1e-4)", 4,
    FSDP4, "fit", "GPU Utilization: From logs, GPU total peak memory is 25GB. From `nvidia-smi`, ~28GB used per GPU",
    "reading (llama-recipes' MemoryTrace in its log, whole GiB rounded down; the README does not say whether the "
    "allocated or the reserved line; nvidia-smi ~28GB a GPU)", "Single node multi V100 (32GB) GPU",
    "'Full finetuning of 7b in half precision works with no issues!'; the same run over two nodes of two V100s peaked "
    "at ~25GB a device too", fig=25, ckpt=FSDP_CK)
pex("llama2-13b-full-fsdp-fp16-sgd-2x3xv100", "llama2-13b", "sharded", "full", FP32W,
    "fp16 (FSDP fpSixteen mixed precision over fp32 weights)", "sgd-momentum (torch SGD, momentum 0.9, lr 1e-4)", 6,
    "fsdp (FSDP FULL_SHARD over 6 GPUs on 2 nodes of 3, LlamaDecoderLayer auto-wrap)", "fit",
    "Training successfully completes with high GPU utilization (peak ~30-32GB per device, with cuda mallocs)",
    "outcome (the README: the run completes on two nodes of three V100s; its ~30-32GB a device is a range, "
    "not typed as a figure)", "Multi node multi V100 (32GB) GPU",
    "torchrun --nnodes 2 --nproc_per_node 3 ... --model_name model-13b; the README: 13b cannot train on 4x32GB",
    ckpt=FSDP_CK)

# ---- DaoyuanLi2816/can-i-finetune-this: measured baselines on an RTX 4080 (16 GB), Windows 11 ----
# docs/rtx4080_baselines.md: each row one 'canifinetune bench' run: rank 16 on the attention scope (q,k,v,o), alpha
# 16, dropout 0, paged_adamw_8bit, nf4 double quant for QLoRA, bf16 base, sdpa, 2-3 steps on synthetic full-length
# rows; 'measured' is the torch.cuda.max_memory_reserved peak; the result JSONs write GB as 2^30 bytes (total_vram_gb
# 15.992 for the 16,376 MiB card). The estimator's 'est. GB' column is a prediction and is not used.
CAN = ("https://github.com/DaoyuanLi2816/can-i-finetune-this/blob/a06579cf3bcccf5ed8334d32373d886087ce4883/docs/"
       "rtx4080_baselines.md")
for model, method, seq, ckpt, fig, cell in (
        ("qwen2.5-0.5b", "lora", 1024, True, 3.79,
         "| `Qwen/Qwen2.5-0.5B-Instruct` | lora (bf16) | 1024 | 1 | on | 5.19 | **3.79** | 3762 | no |"),
        ("qwen2.5-0.5b", "qlora", 2048, True, 6.28,
         "| `Qwen/Qwen2.5-0.5B-Instruct` | qlora | 2048 | 1 | on | 7.21 | **6.28** | 3445 | no |"),
        ("qwen2.5-1.5b", "qlora", 4096, True, 13.56,
         "| `Qwen/Qwen2.5-1.5B-Instruct` | qlora | 4096 | 1 | on | 13.16 | **13.56** | 1662 | no |"),
        ("qwen2.5-1.5b", "qlora", 1024, False, 9.55,
         "| `Qwen/Qwen2.5-1.5B-Instruct` | qlora | 1024 | 1 | **off** | 10.75 | **9.55** | 3003 | no |"),
        ("qwen2.5-3b", "qlora", 1024, True, 5.54,
         "| `Qwen/Qwen2.5-3B-Instruct` | qlora | 1024 | 1 | on | 7.26 | **5.54** | 1303 | no |"),
        ("qwen2.5-7b", "qlora", 1024, True, 11.23,
         "| `Qwen/Qwen2.5-7B-Instruct` | qlora | 1024 | 1 | on | 12.43 | **11.23** | 923 | no |")):
    q = method == "qlora"
    rec(id="canifinetune-%s-%s-s%d%s-rtx4080" % (model, method, seq, "" if ckpt else "-nockpt"), source=CAN,
        source_key="canifinetune-rtx4080-baselines", model=model, family=method, method=method,
        quant="nf4 (bitsandbytes nf4_double_quant: double quant, bf16 compute)" if q else "none (bf16 weights)",
        seq=seq, batch=1, grad_accum=1, precision="bf16 (base_dtype bf16; adapters under bf16 mixed precision)",
        checkpointing="full (gradient checkpointing on)" if ckpt else "none (gradient checkpointing off)",
        optimizer="paged_adamw_8bit (bitsandbytes)", attention="sdpa",
        loss="cross-entropy (causal LM, synthetic full-length rows, every token labelled)", lora_rank=16,
        lora_dropout=None, lora_targets=ATTN4, gpus=1, sharding="none", gpu="RTX 4080 16GB",
        card_as_published="NVIDIA GeForce RTX 4080 (16,376 MiB)", outcome="fit", measured_bytes=int(fig * GIB),
        measured_as="'%s'" % cell,
        measured_how="reading (the page: 'measured is the torch.cuda.max_memory_reserved peak of the real run': the "
                     "allocator's reserved peak; GB in the bench's JSON are 2^30 bytes)",
        table="Results: estimated vs measured", notes="Windows 11 with the display on the same GPU (~1 GB held by the "
        "desktop at the start of each run, outside the process's counter); 2-3 optimizer steps")
for seq, url, fig, alloc_line in (
        (512, "https://github.com/DaoyuanLi2816/can-i-finetune-this/blob/1e8b68fbd47d8f6df039bf940bff5a268a822bc8/"
              "benchmarks/validation-0.4.0/lora-s512.json", 1.9925, '"peak_allocated_gb": 1.9925'),
        (256, "https://github.com/DaoyuanLi2816/can-i-finetune-this/blob/94a23228b298b37c42f8f9b0043fd9e62d17adec/"
              "benchmarks/validation-0.4.0/lora-s256.json", 1.4742, '"peak_allocated_gb": 1.4742')):
    rec(id="canifinetune-validation-qwen2.5-0.5b-lora-r8-s%d-rtx4080" % seq, source=url,
        source_key="canifinetune-validation-lora-s%d" % seq, model="qwen2.5-0.5b", family="lora", method="lora",
        quant="none (bf16 weights; quantization none)", seq=seq, batch=1, grad_accum=1,
        precision="bf16 (base_dtype bf16, mixed_precision bf16; adapters fp32)",
        checkpointing="full (gradient_checkpointing true)", optimizer="AdamW (adamw_torch: fp32 states)",
        attention="sdpa", loss="cross-entropy (stock loss, every token labelled, synthetic full-length rows)",
        lora_rank=8, lora_dropout=None, lora_targets=ATTN4, gpus=1, sharding="none", gpu="RTX 4080 16GB",
        card_as_published="NVIDIA GeForce RTX 4080 (total_vram_gb 15.992)", outcome="fit",
        measured_bytes=int(fig * GIB), measured_as="'%s' (units GiB)" % alloc_line,
        measured_how="max_memory_allocated (the JSON's 'measured.peak_allocated_gb': the largest max_allocated_gb of "
                     "its snapshots, units GiB)",
        table="validation-0.4.0 (status success, 3 steps)",
        notes="LoRA r 8, alpha 16, dropout 0 on q,k,v,o (1,081,344 trainable); the reserved peak of the same run is "
              "in the JSON beside it; the estimator's prediction in the file is not used")

# ---- surya-koritala/Glyd: bf16 baselines served by vLLM 0.30.0 and run by Hugging Face ----
# Each vLLM page: 'vllm serve MODEL --max-model-len 4096 --gpu-memory-utilization 0.9' (the L4 checks at 0.85), bf16
# as the checkpoint ships; the Glyd rows are a compressed weight format and are left out.
GLYD = "https://github.com/surya-koritala/Glyd/blob/%s/%s"
VLLM = dict(quant="none (bf16 weights)", precision="bf16 (vLLM dtype auto: the checkpoint's bfloat16)",
            attention="not stated (vLLM's default attention backend)", serving_engine="vLLM 0.30.0",
            max_model_len=4096)
L4 = GLYD % ("766746a5a775895a4fe81efe2999e25ae926a5da", "benchmarks/gpu/l4-vllm-m2-2026-09-29/README.md")
for model, util, cell, table in (
        ("qwen3-8b", 0.9, "| bf16 | 15.27 GiB | 27,024 tokens | 21.1 | 19,760 tokens | 15.4 |",
         "Serving Qwen3-8B (bench_serve.sh)"),
        ("qwen3-1.7b", 0.85, "| Weights: bf16 / tiered / 12-bit (GiB) | 3.22 / 2.48 / 2.90 | ... (KV cache bf16 "
                             "128,064 tokens)", "Checks (check_vllm.py)"),
        ("qwen3-4b", 0.85, "| Weights: bf16 / tiered / 12-bit (GiB) | ... | 7.64 / 5.52 / 6.44 | ... (KV cache bf16 "
                           "70,192 tokens)", "Checks (check_vllm.py)")):
    rec(id="glyd-vllm-%s-bf16-gmu%s-l4" % (model, str(util).replace(".", "")), source=L4,
        source_key="glyd-l4-vllm-m2", model=model, seq=4096, batch=1, gpus=1, sharding="none", gpu="L4 24GB",
        card_as_published="NVIDIA L4 (24 GB, 72 W cap), AWS g6.4xlarge", outcome="fit", measured_bytes=None,
        gpu_memory_utilization=util, measured_as="'%s'" % cell,
        measured_how="outcome (the bf16 server started and served; vLLM's weights and KV cache as it logged them)",
        table=table, notes=("vllm serve --max-model-len 4096 --gpu-memory-utilization %s; weights and KV-cache "
                            "tokens are vLLM's own log, not a device reading; batch 1 written in (the pool is sized "
                            "by the fraction, not by a batch)%s" % (
                                util, "; Qwen3-4B-Instruct-2507" if model == "qwen3-4b" else "")),
        **VLLM, **INFER)
A10 = GLYD % ("10e8caea831ba379c83baafdb6fc98a6e8e9b861", "benchmarks/gpu/vllm-m3-a10-2026-09-30/README.md")
rec(id="glyd-vllm-qwen3-8b-bf16-gmu09-a10", source=A10, source_key="glyd-a10-vllm-m3", model="qwen3-8b", seq=4096,
    batch=1, gpus=1, sharding="none", gpu="A10 24GB", card_as_published="NVIDIA A10 (24 GB, 150 W)", outcome="fit",
    measured_bytes=None, gpu_memory_utilization=0.9,
    measured_as="'| bf16 | 15.27 GiB | 27,072 tokens | 6.61x | 19,824 tokens |'",
    measured_how="outcome (the bf16 server started and served every request; weights and KV cache as vLLM logged them)",
    table="Bench: Qwen3-8B", notes="--gpu-memory-utilization 0.9 for both modes; max concurrency at 4,096 tokens "
    "6.61x, so the server's max model length is read as 4,096; batch 1 written in", **VLLM, **INFER)
A100 = GLYD % ("10e8caea831ba379c83baafdb6fc98a6e8e9b861", "benchmarks/gpu/vllm-m3-a100-40gb-2026-09-30/README.md")
for model, cell, table in (("qwen3-8b", "| bf16 | 15.27 GiB | 141,040 tokens | 34.43x | 133,776 tokens |",
                            "Bench: Qwen3-8B"),
                           ("qwen3-14b", "| bf16 | 27.52 GiB | 45,744 tokens | 11.17x | 37,728 tokens |",
                            "Big: Qwen3-14B")):
    rec(id="glyd-vllm-%s-bf16-gmu09-a100-40gb" % model, source=A100, source_key="glyd-a100-40gb-vllm-m3", model=model,
        seq=4096, batch=1, gpus=1, sharding="none", gpu="A100 40GB", card_as_published="NVIDIA A100-SXM4-40GB",
        outcome="fit", measured_bytes=None, gpu_memory_utilization=0.9, measured_as="'%s'" % cell,
        measured_how="outcome (the bf16 server started and served every request; weights and KV cache as vLLM "
                     "logged them)", table=table,
        notes="--gpu-memory-utilization 0.9; max concurrency at 4,096 tokens read as the max model length; the page "
              "adds that Qwen3-32B does not fit 40 GB even packed; batch 1 written in", **VLLM, **INFER)
H100 = GLYD % ("8e2d34c4f477bf80d11e9991e63ee93102c082a9", "benchmarks/gpu/h100x2-qwen2.5-72b-2026-10-03/README.md")
rec(id="glyd-vllm-qwen2.5-72b-bf16-tp2-gmu09-2xh100", source=H100, source_key="glyd-h100x2-qwen2.5-72b",
    model="qwen2.5-72b", seq=4096, batch=1, gpus=2,
    sharding="tensor parallel (vLLM --tensor-parallel-size 2, NVLink)", gpu="H100 80GB",
    card_as_published="2x NVIDIA H100 80GB HBM3 SXM (81,559 MiB each), Lambda gpu_2x_h100_sxm5", outcome="fit",
    measured_bytes=73649 * MIB, gpu_memory_utilization=0.9,
    measured_as="'nvidia-smi shows 73,621 MiB in use on each GPU with Glyd and 73,649 MiB with bf16, of 81,559' "
                "(bf16: weights 67.80 GiB and KV cache 1.34 GiB each GPU, 8,800 tokens)",
    measured_how="reading (nvidia-smi with the bf16 server up: MiB in use on each GPU, device-level; vLLM sized its "
                 "pool to gpu_memory_utilization 0.9 of the card)", table="Results (bench-Qwen2.5-72B-Instruct/)",
    notes="--max-model-len 4096 --gpu-memory-utilization 0.9 --tensor-parallel-size 2 --max-num-seqs 128; the bf16 "
          "KV cache held 2.15 requests of 4,096 tokens; the figure is per GPU; batch 1 written in", **VLLM, **INFER)
README = GLYD % ("00a444798342fdb832ec103d503ef6ed3c29a643", "gpu/README.md")
rec(id="glyd-hf-qwen2.5-7b-bf16-generate-128-rtx4080s", source=README, source_key="glyd-gpu-readme-rtx4080s",
    model="qwen2.5-7b", quant="none (bf16 weights)", seq=144, batch=1,
    precision="bf16 (the checkpoint's bfloat16; e2e.py --baseline)", attention="not stated (transformers' default)",
    serving_engine="HF transformers (e2e.py's greedy generation loop)", gpus=1, sharding="none",
    gpu="RTX 4080 SUPER 16GB", card_as_published="RTX 4080 SUPER (16 GB), PyTorch 2.14, CUDA 13.0", outcome="fit",
    measured_bytes=int(15.25 * GB), measured_as="'| bf16 | 15.25 GB | 43.3 | |' (128 new tokens, one sequence)",
    measured_how="not said (the page's 'Peak VRAM' row; e2e.py's counter is not named on the page; GB taken as 10^9)",
    table="The other formats, 128 new tokens, one sequence",
    notes="Qwen2.5-7B-Instruct greedy; the prompt length is not printed: 16 tokens written in (the page's shortest "
          "prompt row) plus 128 generated; the bf16 weights alone are 15.23 GB on the same page", **INFER)

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(len(out), "records")
