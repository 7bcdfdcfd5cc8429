"""Seventh held-out split (round 14, issue 14): published measured peaks from pages no earlier measured set cites.

Made blind: written by a helper who never read the engine (src/main), never ran BudgetBench on these records except
one parse check with its output discarded, and never looked at a score. Nothing here was tuned on.

How the pages were chosen: every source of the earlier sets (the lead's /tmp/h14/budget-sources.txt and the "source"
field of every measured_*.json) was kept out, with torchtune's memory tables (kept aside by the product owner). Pages
were looked for with the search tool; a page was kept only when it prints a measured peak, or a fit/OOM outcome on a
named card, for a setup it states (or that the configuration file it names states, read at the commit of the page).
What neither states is written as "not stated" and the doubt goes in notes. Figures are typed from the page; the unit
is read as the page's own script prints it (said per source).

Pages (10): AutoAWQ's README benchmarks and transformers' AWQ doc (inference, allocated GiB); litgpt issue 1112;
axolotl pulls 602 and 1428 and its Olmo 3 and Seed-OSS example READMEs; LlamaFactory issue 5977; Hugging Face's
ZeRO (DeepSpeed/FairScale) and Personal Copilot blog posts. Left out on purpose: vLLM/llama.cpp log lines (the KV
pool is sized by gpu_memory_utilization, not by demand, and tensor parallelism is not a setup the bench reads),
fms-acceleration's issue and pull tables (the same benchmark as a CSV an earlier set cites), torchtune pages.

Model shapes are typed from each model's config.json (layers, hidden, heads, kv heads, intermediate, vocab, tie) and
the parameter count is computed from them (measured_shapes.llama_params), not taken from the catalog. Run from the
repository root:
    python3 src/test/resources/budget/make_measured_heldout7.py
"""
import json

from measured_shapes import llama_params, shape  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout7.json"
GIB = 2 ** 30


def llama(name, layers, hidden, heads, kv, ffn, vocab, tied=False):
    """A Llama-type shape (gated MLP, RMSNorm, rotary) typed from the named config.json."""
    p = llama_params(layers, hidden, heads, kv, ffn, vocab, tied)
    return shape(p, layers, hidden, heads, kv, ffn, vocab, tied,
                 "%s config.json: %d layers, hidden %d, %d heads, %d KV heads, intermediate %d, vocab %d, %s; params "
                 "computed (%.2e)" % (name, layers, hidden, heads, kv, ffn, vocab, "tied" if tied else "untied", p),
                 mlp="gated")


A = {
    # lmsys/vicuna-7b-v1.5 (a Llama-2-7B fine-tune): the Llama-2-7b-hf shape
    "vicuna-7b-v1.5": llama("lmsys/vicuna-7b-v1.5", 32, 4096, 32, 32, 11008, 32000),
    # mistralai/Mistral-7B-v0.1 and its fine-tunes (Mistral-7B-OpenOrca): sliding window 4096, GQA 8
    "mistral-7b-v0.1": llama("mistralai/Mistral-7B-v0.1", 32, 4096, 32, 8, 14336, 32000),
    # TinyLlama/TinyLlama-1.1B (the chat and intermediate-step checkpoints share the shape)
    "tinyllama-1.1b": llama("TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T", 22, 2048, 32, 4, 5632, 32000),
    "llama-2-13b": llama("meta-llama/Llama-2-13b-hf", 40, 5120, 40, 40, 13824, 32000),
    "codellama-34b": llama("codellama/CodeLlama-34b-hf", 48, 8192, 64, 8, 22016, 32000),
    "deepseek-coder-33b": llama("deepseek-ai/deepseek-coder-33b-instruct", 62, 7168, 56, 8, 19200, 32256),
    "open-llama-3b-v2": llama("openlm-research/open_llama_3b_v2", 26, 3200, 32, 32, 8640, 32000),
    "llama-3-8b": llama("meta-llama/Meta-Llama-3-8B-Instruct", 32, 4096, 32, 8, 14336, 128256),
    "llama-2-70b": llama("NousResearch/Llama-2-70b-hf (meta-llama/Llama-2-70b-hf)", 80, 8192, 64, 8, 28672, 32000),
}

out = []


def rec(**k):
    k.setdefault("arch", A[k["model"]])
    k["split"] = "heldout7"
    out.append(k)


# ---- casper-hansen/AutoAWQ README.md (commit 2edb3f6), section "Benchmarks" ----
# AutoAWQ 0.1.6 on one RTX 4090 (24 GB), command `python examples/benchmark.py --model_path <hf_model> --batch_size N`.
# Each row: batch, prefill (context) length, decode length, and "Memory (VRAM)" as "x GB (y%)". The benchmark script
# (examples/benchmark.py, read at 0091f1e, an earlier version than the README's) prints
# torch.cuda.max_memory_allocated(device) / 1024**3 and that figure over the card's total memory in percent; the
# README's percentages agree with GiB on a card of 23.6 GiB (4.50 / 0.1905 = 23.6), the RTX 4090 as PyTorch sees it.
# The script loads the model with fuse_layers=True (AutoAWQ's fused modules with their own preallocated KV cache sized
# from the batch and the generation length), feeds random prompt tokens of the prefill length, then decodes one token
# at a time for the decode length: the cache holds prefill + decode tokens at the end. Left out: MPT 7B and Falcon 7B
# rows (not Llama-shaped; their shapes were not typed here).
AW = "https://github.com/casper-hansen/AutoAWQ/blob/2edb3f6f8918ec14e92e50b6b65eaacd8f02bf1f/README.md"
AWHOW = ("torch.cuda.max_memory_allocated(device) / 1024**3 printed as 'Max Memory (VRAM): x GB (y%)' by AutoAWQ's "
         "examples/benchmark.py (GiB; the % column is of the card's total memory)")
for name, model, kernel, batch, prefill, decode, gb, pct in (
        ("Vicuna", "vicuna-7b-v1.5", "GEMV", 1, 64, 64, 4.50, "19.05"),
        ("Vicuna", "vicuna-7b-v1.5", "GEMV", 1, 2048, 2048, 6.15, "26.02"),
        ("Mistral", "mistral-7b-v0.1", "GEMM", 1, 64, 64, 4.35, "18.41"),
        ("Mistral", "mistral-7b-v0.1", "GEMM", 1, 2048, 2048, 5.55, "23.48"),
        ("Mistral", "mistral-7b-v0.1", "GEMM", 8, 64, 64, 4.35, "18.41"),
        ("Mistral", "mistral-7b-v0.1", "GEMM", 8, 2048, 2048, 16.82, "71.12"),
        ("Mistral", "mistral-7b-v0.1", "GEMV", 1, 64, 64, 4.28, "18.08"),
        ("Mistral", "mistral-7b-v0.1", "GEMV", 1, 2048, 2048, 5.55, "23.48"),
        ("Mistral", "mistral-7b-v0.1", "GEMV", 8, 64, 64, 4.33, "18.31"),
        ("Mistral", "mistral-7b-v0.1", "GEMV", 8, 2048, 2048, 16.82, "71.12"),
        ("TinyLlama", "tinyllama-1.1b", "GEMV", 1, 64, 64, 0.86, "3.62"),
        ("TinyLlama", "tinyllama-1.1b", "GEMV", 1, 2048, 2048, 2.10, "8.89"),
        ("Llama 2", "llama-2-13b", "GEMM", 1, 64, 64, 8.47, "35.83"),
        ("Llama 2", "llama-2-13b", "GEMM", 1, 2048, 2048, 10.28, "43.46"),
        ("Llama 2", "llama-2-13b", "GEMM", 3, 64, 64, 8.57, "36.24"),
        ("Llama 2", "llama-2-13b", "GEMM", 3, 2048, 2048, 16.90, "71.47"),
        ("CodeLlama", "codellama-34b", "GEMM", 1, 64, 64, 19.05, "80.57"),
        ("CodeLlama", "codellama-34b", "GEMM", 1, 2048, 2048, 20.26, "85.68"),
        ("DeepSeek", "deepseek-coder-33b", "GEMM", 1, 64, 64, 18.92, "80.00"),
        ("DeepSeek", "deepseek-coder-33b", "GEMM", 1, 2048, 2048, 19.87, "84.02")):
    rec(id="autoawq-readme-%s-%s-b%d-p%d" % (model, kernel.lower(), batch, prefill), source=AW,
        source_key="autoawq-readme-benchmarks", family="inference", model=model, method="inference", lora_rank=0,
        lora_targets=None, quant="awq (AutoAWQ 4-bit, zero point, group 128, %s kernel)" % kernel,
        seq=prefill + decode, batch=batch,
        precision="fp16 (AWQ dequantizes to float16; non-quantized modules and the fused KV cache in float16)",
        optimizer=None, checkpointing="none",
        attention="fused (AutoAWQ fused attention with FasterTransformer-style kernels, fuse_layers=True)",
        gpus=1, sharding="none", gpu="RTX 4090 24GB", card_as_published="GPU: RTX 4090 (AMD Ryzen 9 7950X)",
        outcome="fit", measured_bytes=round(gb * GIB), measured_as="%.2f GB (%s%%)" % (gb, pct), measured_how=AWHOW,
        table="'Benchmarks' table, %s row: %s, batch %d, prefill %d, decode %d" % (name, kernel, batch, prefill,
                                                                                  decode),
        notes="%s %s AWQ checkpoint (the README does not name the repository; shape of the base model), %d prompt "
              "tokens then %d decoded one at a time; the fused modules preallocate their KV cache, so the peak may "
              "hold a cache longer than the tokens used; AutoAWQ 0.1.6" % (name, kernel, prefill, decode))

# ---- huggingface/transformers docs/source/en/quantization/awq.md (commit 52b642e), "Fused modules" ----
# TheBloke/Mistral-7B-OpenOrca-AWQ benchmarked at batch 1 with and without fused modules (AwqConfig do_fuse=True,
# fuse_max_seq_len; the benchmark's fuse length is not stated). Same columns as AutoAWQ's benchmark script: "x GB
# (y%)"; 4.50 / 0.0568 = 79.2 GiB, an 80 GB card (A100 or H100 80GB: the page does not name it). The page does not
# name the script; the columns and format are AutoAWQ's examples/benchmark.py, which prints max_memory_allocated in
# GiB, so the figures are read so.
TA = ("https://github.com/huggingface/transformers/blob/52b642e42b0e7b18d45d81cf8fe0d926c4dd3306/docs/source/en/"
      "quantization/awq.md")
TAHOW = ("torch.cuda.max_memory_allocated / 1024**3 as AutoAWQ's benchmark script prints it (the page's columns and "
         "'x GB (y%)' format are that script's; the page does not name it); GiB")
for fused, rows in (
        (False, ((32, 4.50, "5.68"), (64, 4.50, "5.68"), (128, 4.50, "5.68"), (256, 4.50, "5.68"),
                 (512, 4.59, "5.80"), (1024, 4.81, "6.07"), (2048, 5.73, "7.23"))),
        (True, ((32, 4.00, "5.05"), (64, 4.00, "5.05"), (128, 4.00, "5.06"), (256, 4.01, "5.06"),
                (512, 4.11, "5.19"), (1024, 4.41, "5.57"), (2048, 5.57, "7.04")))):
    for length, gb, pct in rows:
        tag = "fused" if fused else "unfused"
        rec(id="transformers-awq-doc-mistral-7b-openorca-%s-p%d" % (tag, length), source=TA,
            source_key="transformers-docs-quantization-awq", family="inference", model="mistral-7b-v0.1",
            method="inference", lora_rank=0, lora_targets=None,
            quant="awq (TheBloke AWQ 4-bit, group 128, GEMM, zero point)", seq=2 * length, batch=1,
            precision="fp16 (AWQ loading sets the other weights to float16 by default)", optimizer=None,
            checkpointing="none",
            attention=("fused (AWQ fused modules, do_fuse=True: own attention and preallocated cache)" if fused
                       else "sdpa (transformers' Mistral attention; the implementation is not stated)"),
            gpus=1, sharding="none", gpu="", card_as_published="not named (an 80 GB card by the % column)",
            outcome="fit", measured_bytes=round(gb * GIB), measured_as="%.2f GB (%s%%)" % (gb, pct),
            measured_how=TAHOW,
            table="'Fused modules', %s module table, prefill %d, decode %d" % ("Fused" if fused else "Unfused",
                                                                              length, length),
            notes="TheBloke/Mistral-7B-OpenOrca-AWQ, batch 1, %d prompt tokens and %d decoded; %s; the card is "
                  "not named and the transformers/autoawq versions are not stated" % (
                      length, length, "fused modules preallocate the cache to fuse_max_seq_len (value not stated)"
                      if fused else "the cache grows with the tokens (transformers' own cache)"))

# ---- Lightning-AI/litgpt issue 1112 "Higher memory use with QLoRA" (rasbt, 2024-03-13) ----
# TinyLlama 1.1B (intermediate-step-1431k-3T) LoRA on Alpaca2k with litgpt's config: r 32, alpha 16, dropout 0.05, on
# query and value only (lora_key/mlp/projection/head False), precision bf16-true, micro batch 8 = global batch 8,
# max_seq_length 512, 1 device; the QLoRA run changes only `quantize: bnb.nf4`. litgpt's finetune script prints
# "Memory used" as torch.cuda.max_memory_allocated() / 1e9 (GB of 1e9 bytes). Optimizer: litgpt's LoRA default AdamW
# (the printed config shows lr 2e-4, weight decay 0, betas 0.9/0.95). The card is not stated.
LG = "https://github.com/Lightning-AI/litgpt/issues/1112"
for method, quant, gb in (("lora", "none", 14.49), ("qlora", "nf4 (litgpt quantize: bnb.nf4, bitsandbytes)", 18.15)):
    rec(id="litgpt-issue-1112-tinyllama-%s-r32-qv" % method, source=LG, source_key="litgpt-issue-1112-qlora-memory",
        family=method, model="tinyllama-1.1b", method=method, lora_rank=32, lora_targets="q,v (lora_query, lora_value)",
        lora_dropout=0.05, quant=quant, seq=512, batch=8, grad_accum=1,
        precision="bf16-true (litgpt precision bf16-true: bf16 weights, adapters and optimizer states)",
        optimizer="adamw (litgpt's default torch.optim.AdamW, lr 2e-4, weight decay 0)",
        checkpointing="none (not stated; litgpt's LoRA script has no activation checkpointing flag in that config)",
        attention="sdpa (litgpt's CausalSelfAttention calls F.scaled_dot_product_attention)", gpus=1,
        sharding="none", gpu="", card_as_published="not stated", loss="not stated (litgpt chunked cross-entropy)",
        outcome="fit", measured_bytes=round(gb * 1e9), measured_as="Memory used: %.2f GB" % gb,
        measured_how="torch.cuda.max_memory_allocated() / 1e9 printed as 'Memory used' by litgpt finetune/lora.py "
                     "at the end of training (GB of 1e9 bytes)",
        table="issue description, %s run log ('Memory used')" % method.upper(),
        notes="TinyLlama 1.1B, Alpaca2k rows up to 512 tokens (padded to the longest in the batch, so most steps "
              "are shorter), micro batch 8, LoRA r32 on q and v; the peak is over 5 epochs with evaluation every "
              "100 iterations; the card is not named")

# ---- axolotl-ai-cloud/axolotl pull 602 "more sane defaults for openllama 3b used for quickstarts" ----
# winglian: "verified on single gpu. vram usage recorded: lora - 7gb vram, qlora - 4.5gb vram, full ft - 21gb vram".
# Setups are the three YAMLs the pull request changes, read at its merge commit 674c576 (examples/openllama-3b/
# config.yml, lora.yml, qlora.yml): open_llama_3b_v2, alpaca, sequence_len 1024 with sample_packing, gradient
# checkpointing, flash attention. How the VRAM was read (nvidia-smi, wandb) is not said; "gb" read as 1e9 bytes. The
# card is not named.
AX6 = "https://github.com/axolotl-ai-cloud/axolotl/pull/602"
AX6HOW = ("'vram usage recorded' in the pull request's comment, rounded (7gb / 4.5gb / 21gb); how it was read is not "
          "said (nvidia-smi or wandb's GPU memory; CUDA context likely included); GB read as 1e9 bytes")
for family, method, rank, targets, quant, batch, prec, opt, gb, yml in (
        ("full", "full", 0, None, "none", 1,
         "fp16 weights (float16: true loads the model in float16; the bf16/fp16 AMP flags are false)",
         "adamw-8bit (optimizer: adamw_bnb_8bit)", 21, "config.yml"),
        ("lora", "lora", 8, "all linear (q,k,v,o,gate,up,down listed)", "int8 (load_in_8bit: true, bitsandbytes)", 2,
         "fp16 (fp16: true AMP over the 8-bit base)", "adamw-8bit (optimizer: adamw_bnb_8bit)", 7, "lora.yml"),
        ("qlora", "qlora", 8, "all linear (lora_target_linear: true)",
         "nf4 (load_in_4bit: true, bitsandbytes NF4, axolotl defaults)", 2, "fp16 (fp16: true AMP)",
         "adamw (optimizer: paged_adamw_32bit)", 4.5, "qlora.yml")):
    rec(id="axolotl-pr-602-openllama-3b-%s" % family, source=AX6, source_key="axolotl-pr-602-openllama-3b-vram",
        family=family, model="open-llama-3b-v2", method=method, lora_rank=rank, lora_targets=targets,
        lora_dropout=0.05 if method == "qlora" else 0.0, quant=quant, seq=1024, batch=batch, grad_accum=1,
        precision=prec, optimizer=opt, checkpointing="full (gradient_checkpointing: true)",
        attention="flash (flash_attention: true)", gpus=1, sharding="none", gpu="",
        card_as_published="'single gpu', not named", loss="not stated (transformers' Llama of Sept 2023)",
        outcome="fit", measured_bytes=round(gb * 1e9), measured_as="%s - %sgb vram" % (
            {"full": "full ft", "lora": "lora", "qlora": "qlora"}[family], gb), measured_how=AX6HOW,
        table="pull request comment 'vram usage recorded', %s line; setup from examples/openllama-3b/%s at 674c576"
              % (family, yml),
        notes="open_llama_3b_v2 on alpaca, 1024-token packed rows, micro batch %d, accumulation 1; the figure is "
              "rounded and its reading method unknown" % batch)

# ---- axolotl-ai-cloud/axolotl pull 1428 "strip out hacky qlora-fsdp workarounds" (winglian, 2024-03-21) ----
# "the updated YAML can finetune llama2 70B @ 512 context w 14GB VRAM/GPU" on "2x24GB VRAM GPUs". The YAML is
# examples/llama-2/qlora-fsdp.yml at the merge commit 2a1589f: QLoRA r32 all linear, dropout 0.05, sequence_len 512
# padded, micro batch 4 x accumulation 4, adamw_torch, bf16 auto, gradient checkpointing (reentrant), flash attention,
# FSDP full_shard with fsdp_offload_params true and cpu-ram-efficient loading. The YAML's base_model is Llama-2-7b;
# the 70B run swapped the base model (the PR does not show whether it kept micro batch 4).
AX14 = "https://github.com/axolotl-ai-cloud/axolotl/pull/1428"
rec(id="axolotl-pr-1428-llama-2-70b-qlora-fsdp-2x24gb", source=AX14, source_key="axolotl-pr-1428-qlora-fsdp-70b",
    family="sharded", model="llama-2-70b", method="qlora", lora_rank=32, lora_targets="all linear",
    lora_dropout=0.05, quant="nf4 (load_in_4bit, bitsandbytes NF4, axolotl defaults)", seq=512, batch=4,
    grad_accum=4, precision="bf16 (bf16: auto on a bf16 card)", optimizer="adamw (adamw_torch)",
    checkpointing="full (gradient_checkpointing true, use_reentrant true)", attention="flash (flash_attention: true)",
    gpus=2, sharding="fsdp_full with offload_param (full_shard, fsdp_offload_params true, 2 ranks)",
    gpu="24 GB card (not named)", card_as_published="2x24GB VRAM GPUs", loss="not stated",
    outcome="fit", measured_bytes=round(14e9), measured_as="14GB VRAM/GPU",
    measured_how="the pull request's stated per-GPU VRAM, rounded; how it was read is not said (nvidia-smi "
                 "likely, CUDA context included); GB read as 1e9 bytes",
    table="pull request description; setup from examples/llama-2/qlora-fsdp.yml at 2a1589f",
    notes="Llama 2 70B QLoRA over FSDP with parameter offload on two 24 GB cards, 512-token padded rows; micro "
          "batch 4 is the YAML's value and may not be what the 70B test used; figure rounded")

# ---- hiyouga/LlamaFactory issue 5977 (2024-11-09): 8 x RTX 3090, full SFT of Meta-Llama-3-8B-Instruct ----
# The YAML in the issue: finetuning_type full, cutoff_len 1024, per_device_train_batch_size 1, gradient_accumulation 2,
# fp16 true, datasets identity + alpaca_en_demo (short rows), DeepSpeed examples/deepspeed/ds_z3_config.json. With
# ds_z3_config.json the run OOMs; with ds_z3_offload_config.json (ZeRO-3 with optimizer and parameters offloaded to the
# CPU) it runs and "each card uses only 13G" (the user's words; reading method not said, likely nvidia-smi).
# LlamaFactory 0.9.1.dev0, torch 2.5.1, transformers 4.46.1, DeepSpeed 0.15.3. The maintainer answered "normal".
LF = "https://github.com/hiyouga/LlamaFactory/issues/5977"
LFCOMMON = dict(source=LF, source_key="llamafactory-issue-5977-z3-3090", family="sharded", model="llama-3-8b",
                method="full", lora_rank=0, lora_targets=None, quant="none", seq=1024, batch=1, grad_accum=2,
                precision="fp16 (fp16: true, mixed precision with fp32 master weights under DeepSpeed)",
                optimizer="adamw (the Trainer's default adamw_torch; not in the YAML)",
                checkpointing="full (LlamaFactory enables gradient checkpointing unless disabled; not in the YAML)",
                attention="sdpa (LlamaFactory flash_attn auto; not in the YAML)", gpus=8,
                gpu="RTX 3090 24GB", card_as_published="8 x NVIDIA GeForce RTX 3090",
                loss="not stated (transformers 4.46 Llama: upcast logits to float)")
rec(id="llamafactory-5977-llama-3-8b-full-zero3-8x3090-oom",
    sharding="zero3 (examples/deepspeed/ds_z3_config.json, 8 ranks, no offload)", outcome="oom",
    measured_bytes=None, measured_as="OOM with ds_z3_config.json",
    measured_how="a published OOM outcome (the issue's 'will OOM'); no figure",
    table="issue description, expected-behavior paragraph",
    notes="full SFT of Llama 3 8B Instruct under ZeRO-3 on 8 x 24 GB, cutoff 1024 (demo rows are shorter and padded "
          "to the longest in the batch), batch 1 x accumulation 2; when it OOMs (load, first step) is not said",
    **LFCOMMON)
rec(id="llamafactory-5977-llama-3-8b-full-zero3-offload-8x3090",
    sharding="zero3 with offload_optimizer and offload_param (examples/deepspeed/ds_z3_offload_config.json, 8 ranks)",
    outcome="fit", measured_bytes=round(13e9), measured_as="每张卡只占用了13G (each card uses only 13G)",
    measured_how="the user's per-card figure, rounded; how it was read is not said (nvidia-smi likely, CUDA context "
                 "included); G read as 1e9 bytes",
    table="issue description, expected-behavior paragraph",
    notes="the same run with ZeRO-3 offloading optimizer and parameters to the CPU; 13G per card as the user saw it",
    **LFCOMMON)


# ---- huggingface/blog zero-deepspeed-fairscale.md (commit 09e31d1), Stas Bekman, January 2021 ----
# t5-large fine-tuned on wmt en-ro (2000 train items) with transformers' examples/seq2seq/finetune_trainer.py on 2 x
# Titan RTX 24GB; each row is the largest per-device batch ("max BS") that trained. The full command lines are in
# the post's linked comment (transformers issue 8771): --max_source_length 128 --max_target_length 128, Adam
# (adam_eps 1e-6), --freeze_embeds, label smoothing; eval uses beam search 4 (the same batch). Then t5-3b on one
# RTX-3090 24GB: plain --fp16 at batch 1 OOMs; with DeepSpeed (ds_config_1gpu.json, ZeRO-2 with CPU offload: the
# page credits ZeRO-Offload for it) batch 20 trains and 30 OOMs. The DeepSpeed JSON files are not shown on the page
# (fp16 on and cpu_offload per the post's words); FairScale's --sharded_ddp of transformers 4.2 shards optimizer
# states and gradients (ZeRO-2-like). Outcomes only: no memory figure. T5 is an encoder-decoder: layers counts the
# 24 encoder and 24 decoder blocks, seq is the 128-token source (targets are 128 more through the decoder).
def t5(name, d, heads, dkv, ff):
    inner = heads * dkv
    enc = 4 * d * inner + 2 * d * ff + 2 * d
    dec = 8 * d * inner + 2 * d * ff + 3 * d
    p = 24 * enc + 24 * dec + 32128 * d + 2 * 32 * heads + 2 * d
    return shape(p, 48, d, heads, heads, ff, 32128, True,
                 "%s config.json: d_model %d, 24 encoder + 24 decoder layers, %d heads of d_kv %d, d_ff %d (ReLU), "
                 "vocab 32128, tied lm_head; params computed (%d)" % (name, d, heads, dkv, ff, p), mlp="plain",
                 head_dim=dkv)


A["t5-large"] = t5("t5-large", 1024, 16, 64, 4096)
A["t5-3b"] = t5("t5-3b", 1024, 32, 128, 16384)
ZB = "https://github.com/huggingface/blog/blob/09e31d10fec2b303c22ef30c094534fbb155f39b/zero-deepspeed-fairscale.md"
ZBCOMMON = dict(source=ZB, source_key="hf-blog-zero-deepspeed-fairscale", method="full", lora_rank=0,
                lora_targets=None, quant="none", seq=128, grad_accum=1, checkpointing="none",
                attention="eager (T5 in transformers 4.2)", loss="fp32 (label-smoothed cross-entropy over 32128)",
                measured_bytes=None)
for tail, family, batch, prec, opt, sharding in (
        ("ddp-fp32", "full", 16, "fp32 (no --fp16)", "adamw (Trainer AdamW, adam_eps 1e-6)", "none (DDP, 2 ranks)"),
        ("ddp-fp16", "full", 20, "fp16 (--fp16: native AMP, fp32 weights)", "adamw (Trainer AdamW, adam_eps 1e-6)",
         "none (DDP, 2 ranks)"),
        ("sharded-ddp-fp32", "sharded", 30, "fp32 (no --fp16)", "adamw (Trainer AdamW under FairScale OSS)",
         "zero2 (FairScale --sharded_ddp: optimizer states and gradients sharded over 2 ranks)"),
        ("sharded-ddp-fp16", "sharded", 30, "fp16 (--fp16: native AMP, fp32 weights)",
         "adamw (Trainer AdamW under FairScale OSS)",
         "zero2 (FairScale --sharded_ddp: optimizer states and gradients sharded over 2 ranks)"),
        ("deepspeed-no-offload", "sharded", 40, "fp16 (DeepSpeed fp16 engine: half weights, fp32 master copy)",
         "adam (DeepSpeed's Adam from the config; the JSON is not shown)",
         "zero2 (DeepSpeed ZeRO stage 2 of transformers 4.2, no CPU offload, 2 ranks)"),
        ("deepspeed-offload", "sharded", 50, "fp16 (DeepSpeed fp16 engine: half weights, fp32 master copy)",
         "adam (DeepSpeed CPU Adam for the offloaded states; the JSON is not shown)",
         "zero2 with offload_optimizer (DeepSpeed ZeRO-2 cpu_offload: optimizer states on the host, 2 ranks)")):
    rec(id="hf-blog-zero-t5-large-2xtitan-" + tail, family=family, model="t5-large", batch=batch, precision=prec,
        optimizer=opt, gpus=2, sharding=sharding, gpu="Titan RTX 24GB", card_as_published="2x 24GB (Titan RTX)",
        outcome="fit", measured_as="max BS %d" % batch,
        measured_how="a published fit outcome: the largest per-device batch that trained and evaluated; no memory "
                     "figure", table="'Huge Speedups with Multi-GPU Setups' results table, row " + tail,
        notes="t5-large on wmt en-ro, source and target 128 tokens, %d per GPU on 2 Titan RTX; max BS is the "
              "largest tried that fit, so a larger batch did not (the step between is not stated)" % batch,
        **ZBCOMMON)
for tail, family, batch, prec, opt, sharding, outcome, cell in (
        ("fp16-bs1", "full", 1, "fp16 (--fp16: native AMP, fp32 weights)", "adamw (Trainer AdamW)", "none", "oom",
         "RuntimeError: CUDA out of memory ... 21.37 GiB already allocated"),
        ("deepspeed-offload-bs20", "sharded", 20, "fp16 (DeepSpeed fp16 engine: half weights, fp32 master copy)",
         "adam (DeepSpeed CPU Adam; the JSON is not shown)",
         "zero2 with offload_optimizer (DeepSpeed ds_config_1gpu.json, ZeRO-Offload, 1 rank)", "fit",
         "BS=20 trained just fine"),
        ("deepspeed-offload-bs30", "sharded", 30, "fp16 (DeepSpeed fp16 engine: half weights, fp32 master copy)",
         "adam (DeepSpeed CPU Adam; the JSON is not shown)",
         "zero2 with offload_optimizer (DeepSpeed ds_config_1gpu.json, ZeRO-Offload, 1 rank)", "oom",
         "The program failed with OOM at BS=30")):
    rec(id="hf-blog-zero-t5-3b-rtx3090-" + tail, family=family, model="t5-3b", batch=batch, precision=prec,
        optimizer=opt, gpus=1, sharding=sharding, gpu="RTX 3090 24GB", card_as_published="a 24GB RTX-3090 card",
        outcome=outcome, measured_as=cell,
        measured_how="a published %s outcome on the named card; no peak figure" % outcome.upper(),
        table="'Fitting A Huge Model Onto One GPU', " + tail,
        notes="t5-3b on wmt en-ro (60 train items) on one RTX 3090, batch %d; the page elides part of the command "
              "('[...]'): source length 128 is the multi-GPU command's, assumed here" % batch, **ZBCOMMON)

# ---- huggingface/blog personal-copilot.md (commit 7fdf0d0), "Personal Copilot" (smangrul, sayakpaul) ----
# bigcode/starcoder (15.5B) on the hf-stack-v1 code data, FIM objective, seq_length 2048. QLoRA on one A100 40GB with
# flash attention 2 and gradient checkpointing: "26 GB with a batch size of 4". Full fine-tuning with FSDP on 8 A100
# 80GB, flash attention 2 and gradient checkpointing: "between 70 GB to 77.6 GB" per GPU at per-GPU batch 1 (the
# run_fsdp.sh command printed on the page: batch 1, accumulation 2, bf16). The QLoRA rank and targets are not on the
# page; its printed trainable count 110,428,160 equals rank 32 on c_attn, attn c_proj, c_fc and mlp c_proj of all 40
# layers (worked out here, not stated). How the figures were read is not said. StarCoder: GPTBigCode with multi-query
# attention (1 KV head of 128), learned positions (8192), GELU MLP, tied lm_head.
A["starcoder-15.5b"] = shape(15517456384, 40, 6144, 48, 1, 24576, 49152, True,
                             "bigcode/starcoder config.json: n_layer 40, n_embd 6144, n_head 48, multi_query (1 KV "
                             "head), n_inner 24576, vocab 49152, n_positions 8192, tied; params computed "
                             "(15,517,456,384)", mlp="plain")
PC = "https://github.com/huggingface/blog/blob/7fdf0d0d451c5593f3ace705f375ac9e66e24cfd/personal-copilot.md"
PCCOMMON = dict(source=PC, source_key="hf-blog-personal-copilot", model="starcoder-15.5b", seq=2048,
                checkpointing="full (gradient checkpointing, per the page)",
                attention="flash (flash attention V2, --use_flash_attn)", loss="not stated", outcome="fit")
rec(id="hf-blog-personal-copilot-starcoder-qlora-a100-40gb", family="qlora", method="qlora", lora_rank=32,
    lora_targets="all linear (c_attn, c_proj, c_fc; deduced from the printed trainable count)",
    quant="nf4 (bitsandbytes 4-bit QLoRA; storage options not stated)", batch=4, grad_accum=None,
    precision="bf16 (not stated for the QLoRA run; the code base's runs use bf16)",
    optimizer="not stated", gpus=1, sharding="none", gpu="A100 40GB", card_as_published="a single A100 40GB",
    measured_bytes=round(26e9), measured_as="26 GB with a batch size of 4",
    measured_how="the page's stated total memory occupied; how it was read is not said; GB read as 1e9 bytes",
    table="'Finetuning your own Personal Co-Pilot', QLoRA item 1",
    notes="StarCoder 15.5B QLoRA, 2048-token FIM rows, batch 4, flash attention 2 and checkpointing; rank 32 on all "
          "linear layers is deduced from 110,428,160 trainable parameters; figure rounded", **PCCOMMON)
rec(id="hf-blog-personal-copilot-starcoder-full-fsdp-8xa100", family="sharded", method="full", lora_rank=0,
    lora_targets=None, quant="none", batch=1, grad_accum=2,
    precision="bf16 (--bf16 --no_fp16: mixed bf16 under FSDP; parameter dtype per the FSDP config, not read)",
    optimizer="adamw (the Trainer's default; not stated)", gpus=8,
    sharding="fsdp_full (accelerate FSDP config fsdp_config.yaml, not read here; full sharding assumed)",
    gpu="A100 80GB", card_as_published="8 A100 80GB GPUs", measured_bytes=round(77.6e9),
    measured_as="between 70 GB to 77.6 GB per GPU", measured_how="the page's stated per-GPU memory range (the record "
    "keeps its top, 77.6); how it was read is not said (nvidia-smi likely); GB read as 1e9 bytes",
    table="'Finetuning your own Personal Co-Pilot', full fine-tuning item 2",
    notes="StarCoder 15.5B full fine-tune with FSDP on 8 x 80 GB, 2048-token rows, batch 1 x accumulation 2, "
          "flash attention 2, checkpointing; the FSDP yaml (sharding strategy, offload) is linked, not read",
    **PCCOMMON)


# ---- axolotl-ai-cloud/axolotl example READMEs: "This config uses about N GiB VRAM" (two pages, read at the commit
# that last changed each README; the YAML beside it read at the same commit) ----
# Both QLoRA configs: load_in_4bit (axolotl's defaults: NF4, double quantization, bf16 compute), r32 alpha 16 dropout
# 0.05 on all linear layers, sequence_len 2048 with sample packing, bf16 auto, gradient checkpointing, flash attention,
# the Cut Cross Entropy plugin (the loss never builds the full logits). How the VRAM was read is not said (axolotl logs
# torch's peak allocated and reserved memory per step; which one the README quotes is not said). The card is not named.
# Shapes are not from the Hub's config.json (no network here): Seed-OSS-36B's from two code files that mirror its
# config.json field by field and agree; Olmo-3-7B's from a vLLM-fork contract file giving the olmo3 7B backbone.
SEED_BIAS = 64 * (80 * 128 + 2 * 8 * 128)  # attention_bias true: q, k and v carry biases (o does not)
A["seed-oss-36b"] = shape(llama_params(64, 5120, 80, 8, 27648, 155136, False, head_dim=128) + SEED_BIAS, 64, 5120,
                          80, 8, 27648, 155136, False,
                          "ByteDance-Seed/Seed-OSS-36B-Instruct config.json as mirrored field by field in two public "
                          "code files (a Rust and a Swift loader test), which agree: 64 layers, hidden 5120, 80 heads "
                          "of head_dim 128, 8 KV heads, intermediate 27648, vocab 155136, untied, q/k/v bias; params "
                          "computed", mlp="gated", head_dim=128)
A["olmo-3-7b"] = shape(llama_params(32, 4096, 32, 32, 11008, 100278, False), 32, 4096, 32, 32, 11008, 100278, False,
                       "allenai Olmo 3 7B shape from a public vLLM-fork contract file for the olmo3 backbone (hidden "
                       "4096, 32 layers, 32 heads and 32 query groups, ffn 11008, vocab 100278, sliding window 4096 on "
                       "3 of every 4 layers, QK-norm); the Hub config.json itself not read; params computed",
                       mlp="gated")
for model, name, url, key, cfg, commit, ga, opt, gib in (
        ("olmo-3-7b", "allenai/Olmo-3-7B-Instruct-SFT",
         "https://github.com/axolotl-ai-cloud/axolotl/blob/372f664c635e9d794b4af9734ddd74dcb8eca45e/examples/olmo3/"
         "README.md", "axolotl-examples-olmo3-readme", "olmo3-7b-qlora.yaml", "372f664", 2,
         "adamw-8bit (optimizer: adamw_8bit)", 11.3),
        ("seed-oss-36b", "ByteDance-Seed/Seed-OSS-36B-Instruct",
         "https://github.com/axolotl-ai-cloud/axolotl/blob/17fc747f99e24eeb7cb295333bf7026e0d5f2bdd/examples/seed-oss/"
         "README.md", "axolotl-examples-seed-oss-readme", "seed-oss-36b-qlora.yaml", "17fc747", 4,
         "adamw-8bit (optimizer: adamw_bnb_8bit)", 27.7)):
    rec(id="axolotl-example-%s-qlora" % model, source=url, source_key=key, family="qlora", model=model,
        method="qlora", lora_rank=32, lora_targets="all linear (lora_target_linear: true)", lora_dropout=0.05,
        quant="nf4 (load_in_4bit, bitsandbytes, axolotl defaults)", seq=2048, batch=2, grad_accum=ga,
        precision="bf16 (bf16: auto)", optimizer=opt, checkpointing="full (gradient_checkpointing: true)",
        attention="flash (flash_attention: true)", gpus=1, sharding="none", gpu="",
        card_as_published="not named", loss="fused-linear (Cut Cross Entropy plugin)", outcome="fit",
        measured_bytes=round(gib * GIB), measured_as="about %.1f GiB VRAM" % gib,
        measured_how="the README's stated VRAM, in GiB; how it was read is not said (allocated, reserved or "
                     "nvidia-smi)",
        table="examples/%s, 'Getting started'; setup from %s at %s" % (url.split("/examples/")[1], cfg, commit),
        notes="%s QLoRA r32 on all linear layers, 2048-token packed rows, micro batch 2 x accumulation %d, Cut Cross "
              "Entropy, single GPU (card not named); the figure is 'about'" % (name, ga))


def main():
    ids = [r["id"] for r in out]
    assert len(ids) == len(set(ids)), "duplicate ids"
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    fam = {}
    for r in out:
        fam[r["family"]] = fam.get(r["family"], 0) + 1
    print(len(out), "records", fam)


main()
