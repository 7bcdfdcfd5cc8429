"""Tenth held-out split (round 18, issue 14): published measured peaks and fit/OOM outcomes from pages no earlier
measured set cites.

Made blind: written by a helper who never read the engine (src/main), never ran BudgetBench on these records except
one parse check with its output discarded, and never looked at a score or at bench/results.md. Nothing here was
tuned on.

How the pages were chosen: every source of the earlier sets (/tmp/h18/budget-sources.txt and the "source" field of
every measured_*.json) was kept out, with torchtune's memory tables and every thread in /tmp/h18/threads.txt and the
other blind writers' thread lists. A page was kept only when it prints a measured figure, or a fit/OOM outcome on a
named card, for a setup it states. The weak families were looked for first: sharded fine-tunes under ZeRO-3 with and
without parameter and optimizer offload, and serving working sets (vLLM's gpu_memory_utilization pool, long prompts).

Pages (14 pages, each its own source_key): Stanford Alpaca issues 223 and 86 (the README's FSDP recipe out of memory
on 5 x V100-32G and on 1 or 2 A100-80GB); LlamaFactory issue 4772 (GLM-4-9B QLoRA and LoRA at a 10240 cutoff);
TRL issue 1111 (OpenLLaMA 3B QLoRA at 512); GLM-4's finetune_demo README (LoRA on one A100, ZeRO-3 SFT on
8); LlamaFactory issue 7282 (a 70B full SFT on 8 x H200: ZeRO-3 OOM, ZeRO-3
with parameter and optimizer offload at 27G); MiniCPM-V's finetune README (ZeRO-3 + offload, LoRA and full, 2/4/8
A100 80GB); h2o-llmstudio PR 288 (Pythia 1B to 6.9B on 3 x RTX 6000: DDP, ZeRO-3, ZeRO-3 + optimizer offload, OOMs);
Qwen-VL's README (single-A100 LoRA, LoRA with trained embedding/head, Q-LoRA at 384..2048 tokens; inference peaks for
a 2048 prefill and an 8192 generation, bf16 and int4); vLLM issue 7553 (Yi-1.5-34B over 4 x 4090 at
gpu_memory_utilization 0.9, CUDA graphs on and off, and an OOM), vLLM PR 2031 (Llama-2-70B TP4 peak over the pool),
vLLM issue 550 (a 13B Llama in HF and in vLLM); FastChat issue 2513 and LongBench issue 17 (32K and 20K prompts
out of memory on one 80 GB card).
Left out: Unsloth's context-length tables (docs page and blog posts): both columns grow by exactly equal steps per
GB of card (fitted lines, not measurements) and the README copy of the same table is already in heldout6; the
OpenTau ZeRO-2/3 sweep (a frozen VLM backbone with a separately trained action expert: no record field says which
part trains); torchtitan issue logs (the card or the config not in the stored text); threads whose tables are cut off
in the stored text (PEFT 1514, DeepSpeed 3734, h2o's LoRA table); NPU and Intel-GPU reports; fms-acceleration's PR
14 (likely the same runs as its reference CSVs, which an earlier set cites).

Every figure is typed from its page; each record keeps the page's URL, the row it comes from and what the page says
about how memory was read. Model shapes are typed from each model's config.json and the parameter count is computed
from them (measured_shapes.llama_params). Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout10.py
"""
import json

from measured_shapes import llama_params, shape  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout10.json"
MIB = 2 ** 20
GIB = 2 ** 30
GB = 10 ** 9


def llama(name, layers, hidden, heads, kv, ffn, vocab, tied=False, extra=""):
    """A Llama-type shape (gated MLP, RMSNorm, rotary) typed from the named config.json."""
    p = llama_params(layers, hidden, heads, kv, ffn, vocab, tied)
    return shape(p, layers, hidden, heads, kv, ffn, vocab, tied,
                 "%s config.json: %d layers, hidden %d, %d heads, %d KV heads, intermediate %d, vocab %d, %s; params "
                 "computed (%.2e)%s" % (name, layers, hidden, heads, kv, ffn, vocab, "tied" if tied else "untied", p,
                                        extra), mlp="gated")


def neox(name, layers, hidden, heads, ffn, vocab):
    """GPT-NeoX (Pythia): fused qkv with biases, plain GELU MLP with biases, two LayerNorms a layer, untied head."""
    p = layers * (4 * hidden * hidden + 4 * hidden + 2 * hidden * ffn + ffn + hidden + 4 * hidden) \
        + 2 * vocab * hidden + 2 * hidden
    return shape(p, layers, hidden, heads, heads, ffn, vocab, False,
                 "%s config.json: %d layers, hidden %d, %d heads, intermediate %d, vocab %d, untied; params "
                 "computed (%.2e)" % (name, layers, hidden, heads, ffn, vocab, p), mlp="plain")


A = {
    "pythia-1b": neox("EleutherAI/pythia-1b-deduped", 16, 2048, 8, 8192, 50304),
    "pythia-2.8b": neox("EleutherAI/pythia-2.8b-deduped", 32, 2560, 32, 10240, 50304),
    "pythia-6.9b": neox("EleutherAI/pythia-6.9b-deduped", 32, 4096, 32, 16384, 50432),
    "deepseek-r1-distill-llama-70b": llama("deepseek-ai/DeepSeek-R1-Distill-Llama-70B", 80, 8192, 64, 8, 28672,
                                           128256, extra="; a Llama 3.3 70B shape"),
    "yi-1.5-34b": llama("01-ai/Yi-1.5-34B-Chat", 60, 7168, 56, 8, 20480, 64000),
    "minicpm-llama3-v-2.5": llama("openbmb/MiniCPM-Llama3-V-2_5 (its Llama 3 8B language model)", 32, 4096, 32, 8,
                                  14336, 128256, extra="; the SigLIP vision encoder and resampler are not counted"),
    "qwen-vl-chat": llama("Qwen/Qwen-VL-Chat (its Qwen-7B language model)", 32, 4096, 32, 32, 11008, 151936,
                          extra="; intermediate_size 22016 is w1 and w2 together, 11008 each; the 1.9B ViT-bigG "
                                "visual encoder and adapter are not counted"),
    "longchat-7b-v1.5-32k": llama("lmsys/longchat-7b-v1.5-32k", 32, 4096, 32, 32, 11008, 32000,
                                  extra="; a Llama 2 7B shape with linear RoPE scaling 8"),
    "llama-7b": llama("huggyllama/llama-7b", 32, 4096, 32, 32, 11008, 32000),
    "llama-13b": llama("huggyllama/llama-13b (Llama 2 13B has the same shape)", 40, 5120, 40, 40, 13824, 32000),
    "glm-4-9b-chat": llama("THUDM/glm-4-9b-chat", 40, 4096, 32, 2, 13696, 151552,
                           extra="; num_layers 40, multi_query_group_num 2, ffn_hidden_size 13696, padded_vocab_size "
                                 "151552, separate output layer; the qkv biases are left out of the count"),
    "open-llama-3b-v2": llama("openlm-research/open_llama_3b_v2", 26, 3200, 32, 32, 8640, 32000),
    "llama-2-70b": llama("meta-llama/Llama-2-70b-hf", 80, 8192, 64, 8, 28672, 32000),
}

out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = A[k["model"]]
    k["split"] = "heldout10"
    out.append(k)


# ---- hiyouga/LlamaFactory issue 7282 (Mar 2025): DeepSeek-R1-Distill-Llama-70B full SFT on 8 x H200 ----
# LlamaFactory 0.8.3.dev0, torch 2.5.1, one node of eight H200 141GB. The posted yaml (examples/train_full/
# llama3_full_sft_ds3.yaml as edited): stage sft, finetuning_type full, deepspeed examples/deepspeed/
# ds_z3_offload_config.json, dataset identity, cutoff_len 1024, per_device_train_batch_size 1,
# gradient_accumulation_steps 1 (the rest of the yaml, precision among it, is cut off in the stored text). The poster:
# ZeRO-3 at batch 1 ran out of memory; ZeRO-3 with the optimizer and parameters offloaded ran with 27G of the 141G
# used, and still 27G at per-device batch 64. LlamaFactory turns gradient checkpointing on unless told not to
# (disable_gradient_checkpointing defaults to false): "full" below is that default, not a printed setting. The
# identity set's rows are short (tens of tokens), far under the 1024 cutoff, so the activations are small.
LF = "https://github.com/hiyouga/LlamaFactory/issues/7282"
LF_COMMON = dict(source=LF, source_key="llamafactory-issue-7282", family="sharded",
                 model="deepseek-r1-distill-llama-70b", method="full", lora_rank=0, lora_targets=None,
                 quant="none (bf16 checkpoint)", seq=1024, grad_accum=1,
                 precision="not stated (cut off in the stored yaml; LlamaFactory's full-SFT example sets bf16)",
                 optimizer="not stated (the HF Trainer default, AdamW torch; DeepSpeed's CPU Adam under offload)",
                 checkpointing="full (LlamaFactory's default gradient checkpointing)",
                 attention="not stated", gpus=8, gpu="H200 141GB", card_as_published="H200 (8*141G)",
                 loss="not stated (HF default cross-entropy)")
rec(id="llamafactory-7282-r1-distill-70b-full-zero3-b1-8xh200-oom",
    sharding="zero3 (DeepSpeed ZeRO-3 over 8 ranks, no offload)", batch=1, outcome="oom", measured_bytes=None,
    measured_as="'采用zero3(batch_size=1)时溢出' (ZeRO-3 at batch size 1 overflowed)",
    measured_how="outcome (the poster's report: out of memory at batch 1 under plain ZeRO-3)",
    table="comment 2 of the issue, item 1",
    notes="the plain ZeRO-3 config is the posted one with the offload file swapped for ds_z3_config.json (inferred "
          "from the title and item 1; the non-offload json is not shown); seq is the cutoff, the rows are shorter",
    **LF_COMMON)
for b in (1, 64):
    rec(id="llamafactory-7282-r1-distill-70b-full-zero3-offload-b%d-8xh200" % b,
        sharding="zero3 + offload_optimizer cpu + offload_param cpu (DeepSpeed ZeRO-3 over 8 ranks, "
                 "ds_z3_offload_config.json)", batch=b, outcome="fit", measured_bytes=27 * GIB,
        measured_as="'显存占用少（141G显存只占用27G)' (of 141G only 27G used)%s" % (
            "" if b == 1 else "; at batch_size=64 '显存占用不变' (unchanged)"),
        measured_how="reading not said (a card-level 'used of 141G' figure, nvidia-smi-like, CUDA context "
                     "included; 'G' read as GiB)",
        table="comment 2 of the issue, item %d" % (2 if b == 1 else 3),
        notes="27G per card is rounded; the unit G read as GiB (nvidia-smi's MiB divided by 1024 is the usual "
              "habit); identity rows are tens of tokens long, so the batch-64 activations stay small, which is "
              "why the reading did not move; seq is the cutoff, not the real row length", **LF_COMMON)

# ---- vllm-project/vllm issue 7553 (Aug 2024): Yi-1.5-34B-Chat over 4 x RTX 4090, gpu_memory_utilization 0.9 ----
# vLLM 0.5.4, python -m vllm.entrypoints.openai.api_server --gpu-memory-utilization 0.9 --swap-space 0
# --tensor-parallel-size 4; nvidia-smi read 23859MiB / 24564MiB on each card with CUDA graphs, 21395MiB with
# --enforce-eager. vLLM sizes its KV-cache pool from gpu_memory_utilization after a profiling pass at max_model_len
# (not given: the model's own 4096 positions by default), so the idle reading is the serving working set, not a
# prompt's. Then: "batch size = 4 (input length = 2k for each query), oom occurs" (which launch is not said).
V7553 = "https://github.com/vllm-project/vllm/issues/7553"
V_COMMON = dict(source=V7553, source_key="vllm-issue-7553", family="inference", model="yi-1.5-34b",
                method="inference", lora_rank=0, lora_targets=None, quant="none (bf16 checkpoint)", grad_accum=1,
                precision="bf16 (the checkpoint's dtype; vLLM's auto dtype)", optimizer="none (inference)",
                checkpointing="none", attention="not stated (vLLM's default backend)", gpus=4,
                sharding="tensor parallel 4 (vLLM --tensor-parallel-size 4)", gpu="RTX 4090 24GB",
                card_as_published="4 x NVIDIA GeForce RTX 4090 (24564MiB)", loss="none (inference)",
                serving_engine="vLLM 0.5.4 OpenAI api_server", gpu_memory_utilization=0.9, swap_space_gb=0)
for graphs, mib in (("cuda-graphs", 23859), ("enforce-eager", 21395)):
    rec(id="vllm-7553-yi-1.5-34b-tp4-gmu0.9-%s-4090" % graphs, seq=4096, batch=1, outcome="fit",
        measured_bytes=mib * MIB, max_model_len=4096,
        measured_as="'Memory-Usage showed by nvidia-smi is %dMiB / 24564MiB on each card'%s" % (
            mib, "" if graphs == "cuda-graphs" else " (with --enforce-eager)"),
        measured_how="reading: nvidia-smi Memory-Usage per card, CUDA context included",
        table="issue description, %s launch" % graphs,
        notes="idle server after start-up: weights (a quarter each) plus the KV-cache pool vLLM reserves to reach "
              "0.9 of the card%s; max_model_len not given (read as the config's 4096); seq/batch stand for the "
              "profiling pass, not a request" % (
                  ", plus about 2.4 GiB of CUDA-graph memory the poster attributes to graph capture"
                  if graphs == "cuda-graphs" else ", CUDA graphs off"), **V_COMMON)
rec(id="vllm-7553-yi-1.5-34b-tp4-gmu0.9-b4-s2048-4090-oom", seq=2048, batch=4, outcome="oom", measured_bytes=None,
    max_model_len=4096, measured_as="'When inference, batch size = 4 (input length = 2k for each query), oom occurs'",
    measured_how="outcome (the poster's report of an OOM while serving four 2k-token prompts)",
    table="issue description",
    notes="which launch (CUDA graphs or eager) ran out is not said; vLLM normally queues requests rather than "
          "running out, so this OOM is in the working set above the reserved pool (sampler, logits or graphs)",
    **V_COMMON)

# ---- vllm-project/vllm pull 2031 (Dec 2023, "Fix peak memory profiling") ----
# The author: on the main branch of the day, Llama-2-70B with TP=4 on 4 x A100-80GB under benchmark_throughput.py
# peaks at about 77.5GB per GPU although gpu_memory_utilization is 0.9 (72 GiB). The prompt lengths of that
# benchmark run are not given (seq below is the model's 4096-position max_model_len, the profiling length).
rec(id="vllm-pr2031-llama-2-70b-tp4-gmu0.9-peak-a100-80gb", source="https://github.com/vllm-project/vllm/pull/2031",
    source_key="vllm-pr-2031", family="inference", model="llama-2-70b", method="inference", lora_rank=0,
    lora_targets=None, quant="none (fp16 checkpoint)", seq=4096, batch=1, grad_accum=1,
    precision="fp16 (the checkpoint's dtype; vLLM's auto dtype)", optimizer="none (inference)",
    checkpointing="none", attention="not stated (vLLM's paged attention)", gpus=4,
    sharding="tensor parallel 4 (vLLM TP=4)", gpu="A100 80GB", card_as_published="4xA100-80GB",
    loss="none (inference)", serving_engine="vLLM (main branch, Dec 2023) benchmark_throughput.py",
    gpu_memory_utilization=0.9, max_model_len=4096, outcome="fit", measured_bytes=int(77.5 * GIB),
    measured_as="'the peak memory usage during benchmark_throughput.py (with TP=4) is about 77.5GB, although "
                "gpu_memory_utilization is set as 0.9 (72 GiB)'",
    measured_how="reading not said (a per-GPU peak during the benchmark, nvidia-smi-like; '77.5GB' read as GiB, "
                 "the unit the author uses for the 72 GiB beside it)",
    table="pull request description",
    notes="the pre-fix profiler undercounted non-PyTorch (NCCL) memory under TP, so the pool overshot; a serving "
          "working set at high concurrency (throughput benchmark); prompt lengths and request count not given")

# ---- OpenBMB/MiniCPM-V finetune/readme.md (commit adae094), "Model Fine-tuning Memory Usage Statistics" ----
# MiniCPM-Llama3-V 2.5 (the README's scripts default to it; MiniCPM-V 2.0 is the other model they name) fine-tuned
# with the transformers Trainer under DeepSpeed ZeRO-3, gradient checkpointing, optimizer and parameters offloaded to
# the CPU, maximum length 2048 (image tokens included), batch size 1, on A100 80GiB cards; memory per GPU in GiB for
# 2, 4 and 8 GPUs, LoRA and full. How it was read is not said. The LoRA rank and targets are finetune_lora.sh's (not
# printed on the page); precision is not printed either.
MCV = "https://github.com/OpenBMB/MiniCPM-V/blob/adae094c1a78785b4a0d65f407de21fd9867f990/finetune/readme.md"
for method, cells in (("lora", ((2, 14.4), (4, 13.6), (8, 13.1))), ("full", ((2, 16.0), (4, 15.8), (8, 15.63)))):
    for gpus, gib in cells:
        rec(id="minicpm-v-finetune-llama3-v-2.5-%s-zero3-offload-%dgpu-a100" % (method, gpus), source=MCV,
            source_key="minicpm-v-finetune-readme", family="sharded", model="minicpm-llama3-v-2.5", method=method,
            lora_targets="not stated (finetune_lora.sh's defaults)" if method == "lora" else None,
            quant="none (bf16 checkpoint)", seq=2048, batch=1, grad_accum=1,
            precision="not stated (the Trainer's flags in finetune_ds.sh / finetune_lora.sh are not on the page)",
            optimizer="not stated (the Trainer's AdamW, DeepSpeed's CPU Adam under offload)",
            checkpointing="full (the page: 'Gradient Checkpointing techniques')", attention="not stated",
            gpus=gpus, sharding="zero3 + offload_optimizer cpu + offload_param cpu (DeepSpeed ZeRO-3 over %d GPUs)"
            % gpus, gpu="A100 80GB", card_as_published="NVIDIA A100 (80GiB)",
            loss="not stated (the model's own cross-entropy)", outcome="fit", measured_bytes=int(round(gib * GIB)),
            measured_as="| %s | GPUs: %d | %s GiB |" % ("LoRA Fine-tuning" if method == "lora"
                                                       else "Full Parameters Fine-tuning", gpus, gib),
            measured_how="reading not said (a per-GPU GiB figure; allocated, reserved or nvidia-smi is not stated)",
            table="'Model Fine-tuning Memory Usage Statistics' table, %s row, %d GPUs" % (method, gpus),
            notes="a vision-language model: the language model is Llama 3 8B (the shape here), plus a ~0.4B SigLIP "
                  "encoder and a resampler that the shape leaves out; the 2048 maximum length includes the image "
                  "tokens; which of the two models the table was measured on is not said (read as the Llama 3 one, "
                  "the scripts' default); %s" % ("LoRA rank and targets not printed" if method == "lora"
                                                 else "the vision module is trained too unless --tune_vision false"))

# ---- h2oai/h2o-llmstudio pull 288 (Jul 2023, "deepspeed"): the "Full params experiments" table ----
# Three RTX 6000 (24GB) cards, batch size 1, Pythia 1B / 2.8B / 6.9B deduped, full fine-tunes: without DeepSpeed
# (data parallel over the three cards, backbone in bfloat16), with DeepSpeed ZeRO-3 (float16), and with ZeRO-3 plus
# the optimizer offloaded to the CPU (stage3_max_live_parameters 1e9, 1e10 for 6.9B). "RAM usage per GPU" is GPU
# memory per card (the runs that did not fit say OOM). The sequence length is not in the PR: 512 below is
# h2o-llmstudio's default max_length of the time, an assumption said again in each record. The LoRA table of the same
# PR is cut off in the stored text and left out.
H2O = "https://github.com/h2oai/h2o-llmstudio/pull/288"
for exp, model, dtype, ds, off, gb in (
        (1, "pythia-1b", "bfloat16", False, False, 15), (2, "pythia-1b", "float16", True, False, 11.5),
        (3, "pythia-1b", "float16", True, True, 5), (4, "pythia-2.8b", "bfloat16", False, False, None),
        (5, "pythia-2.8b", "float16", True, False, None), (6, "pythia-2.8b", "float16", True, True, 10.5),
        (7, "pythia-6.9b", "float16", True, True, 23)):
    sh = ("zero3%s (DeepSpeed ZeRO-3 over 3 GPUs%s)" % (
        " + offload_optimizer cpu" if off else "", ", stage3_max_live_parameters %s" % ("1e10" if exp == 7 else "1e9")
        if off else "")) if ds else "none (data parallel over 3 GPUs, every card holds the whole model)"
    rec(id="h2o-pr288-exp%d-%s-full-%s-3x-rtx6000" % (exp, model, "zero3-offload" if off else "zero3" if ds else "ddp"),
        source=H2O, source_key="h2o-llmstudio-pr-288", family="sharded" if ds else "full", model=model,
        method="full", lora_rank=0, lora_targets=None, quant="none", seq=512, batch=1, grad_accum=1,
        precision="bf16-true (backbone_dtype bfloat16: weights loaded and trained in bf16)" if dtype == "bfloat16"
        else "fp16 mixed (DeepSpeed fp16: fp16 weights with an fp32 master copy in the ZeRO partitions)",
        optimizer="not stated (h2o-llmstudio's default AdamW%s)" % ("; DeepSpeed's CPU Adam" if off else ""),
        checkpointing="not stated", attention="not stated", gpus=3, sharding=sh, gpu="RTX 6000 24GB",
        card_as_published="3 x RTX6000 (24GB)", loss="not stated (cross-entropy)",
        outcome="fit" if gb else "oom", measured_bytes=int(gb * GB) if gb else None,
        measured_as="| exp%d | %s | %s | deepspeed %s | offload optimizer %s | RAM usage per GPU %s |" % (
            exp, model, dtype, ds, off, ("%sGB" % gb) if gb else "OOM"),
        measured_how=("reading not said (the PR's 'RAM usage per GPU' column, a card-level GPU figure; 'GB' read "
                      "as 10^9 bytes)") if gb else "outcome (the table's OOM for this run)",
        table="'Full params experiments' table, exp%d" % exp,
        notes="sequence length not stated in the PR (512, h2o-llmstudio's default max_length then, is assumed); "
              "which RTX 6000 (Turing 24GB or Ada 48GB) is settled by the PR's own '(24GB)'; %s" % (
                  "exp7 ran out of CPU memory later in training, but the GPU figure was read"
                  if exp == 7 else "figures rounded to 0.5 GB" if gb else "ran out of GPU memory"))

# ---- QwenLM/Qwen-VL README.md (commit ec9559e), "Profiling of Memory and Speed" (finetuning) ----
# One A100-SXM4-80G, CUDA 11.8, PyTorch 2.0, batch size 1, gradient accumulation 8, each sample holding one image;
# memory in GB at input lengths 384, 512, 1024 and 2048 for LoRA on the base model (Qwen-VL: the embedding and the
# output layer trained too), LoRA on the chat model (Qwen-VL-Chat: adapters only) and Q-LoRA on Qwen-VL-Chat-Int4.
# The README: bf16 by default for full and LoRA; only fp16 for Q-LoRA; the profile script (profile_mm.py) is off
# GitHub and not read, so how memory was read is not said. The LoRA rank and targets are finetune.py's (not on the
# page).
QVL = "https://github.com/QwenLM/Qwen-VL/blob/ec9559e6f88907c2bf9e538d6d447cbaea007fb2/README.md"
for method, cells in (("lora-base", (37.1, 37.3, 38.7, 38.7)), ("lora-chat", (23.3, 23.6, 25.1, 27.3)),
                      ("qlora", (17.0, 17.2, 18.2, 19.3))):
    for seq, gb in zip((384, 512, 1024, 2048), cells):
        q = method == "qlora"
        rec(id="qwen-vl-readme-%s-s%d-b1-a100-80gb" % (method, seq), source=QVL, source_key="qwen-vl-readme-profile",
            family="qlora" if q else "lora", model="qwen-vl-chat", method="qlora" if q else "lora",
            lora_targets="not stated (finetune.py's defaults)%s" % (
                "; modules_to_save: the embedding and the output layer (lm_head), trained in full"
                if method == "lora-base" else ""),
            quant="gptq (int4, Qwen-VL-Chat-Int4, the README's advice for Q-LoRA)" if q else "none (bf16 weights)",
            seq=seq, batch=1, grad_accum=8,
            precision="fp16 mixed (the README: only fp16 is supported for Q-LoRA)" if q
            else "bf16 mixed (the README: bf16 by default)",
            optimizer="not stated (the Trainer's AdamW)", checkpointing="not stated", attention="not stated",
            gpus=1, sharding="none", gpu="A100 80GB", card_as_published="single A100-SXM4-80G",
            loss="not stated (the model's own cross-entropy)", outcome="fit", measured_bytes=int(gb * GB),
            measured_as="| %s | %d | %sG |" % ({"lora-base": "LoRA (Base)", "lora-chat": "LoRA (Chat)",
                                                  "qlora": "Q-LoRA"}[method], seq, gb),
            measured_how="reading not said (memory in 'GB' from the profile script; 'G' read as 10^9 bytes)",
            table="'Profiling of Memory and Speed' table (finetuning), %s row, sequence length %d" % (method, seq),
            notes="a vision-language model: one image a sample, inside the stated length (an image takes 258 "
                  "tokens, the README's inference section says); the language model is Qwen-7B (the shape "
                  "here), the 1.9B ViT is left out "
                  "of the shape; %s" % (
                      "the base model trains its 151,936 x 4096 embedding and output layer in full besides the "
                      "adapters" if method == "lora-base" else "adapters only" if method == "lora-chat"
                      else "GPTQ int4 base (Qwen-VL-Chat-Int4) under fp16, adapters only"))

# ---- the same Qwen-VL README, "GPU Memory Usage" (inference, same page and key as the finetuning profile) ----
# Peak GPU memory on one A100-SXM4-80G (PyTorch 2.0.1, CUDA 11.4) for encoding 1792 tokens plus an image (258 tokens),
# 2048 in all, and generating one token; and for generating 7934 tokens after an image (8192 in all); BF16 and the
# GPTQ Int4 model. HF transformers generation through the model's own code (profile_mm.py, off GitHub, not read).
for quant, enc, gen in (("bf16", 22.60, 28.01), ("int4", 11.82, 17.23)):
    for what, seq, gb in (("encode", 2048, enc), ("generate", 8192, gen)):
        rec(id="qwen-vl-readme-infer-%s-%s-s%d-a100-80gb" % (quant, what, seq), source=QVL,
            source_key="qwen-vl-readme-profile", family="inference", model="qwen-vl-chat", method="inference",
            lora_rank=0, lora_targets=None,
            quant="none (bf16)" if quant == "bf16" else "gptq (int4, Qwen-VL-Chat-Int4)", seq=seq, batch=1,
            grad_accum=1, precision="bf16" if quant == "bf16" else "fp16 (GPTQ int4 weights, fp16 activations)",
            optimizer="none (inference)", checkpointing="none", attention="not stated", gpus=1, sharding="none",
            gpu="A100 80GB", card_as_published="single A100-SXM4-80G", loss="none (inference)",
            serving_engine="HF transformers generate (the model's remote code, profile_mm.py)", outcome="fit",
            measured_bytes=int(gb * GB),
            measured_as="| %s | %s | %.2fGB |" % ("BF16" if quant == "bf16" else "Int4",
                                                  "Peak Usage for Encoding 2048 Tokens" if what == "encode"
                                                  else "Peak Usage for Generating 8192 Tokens", gb),
            measured_how="reading not said (a 'peak GPU memory usage' in GB from the profile script; read as 10^9 "
                         "bytes)",
            table="'GPU Memory Usage' table, %s row, %s column" % (quant, what),
            notes="%s; the image's 258 tokens are inside the length; the 1.9B ViT is left out of the shape" % (
                "prefill of 2048 tokens and one new token: the logits of the prompt over a 151,936 vocabulary "
                "may be the peak" if what == "encode" else "7934 generated tokens after the image: the KV cache of "
                "8192 positions grows to the end"))

# ---- lm-sys/FastChat issue 2513 (Oct 2023): LongChat-7B-v1.5-32K inference at 32K on an H100 80GB ----
# The poster trained at 32K (batch 2 per H100 80GB fit) and then ran inference following FastChat's LongChat
# evaluation, with the flash-attention patch, loaded in bfloat16, at 32K: out of memory. Read as one 32K prompt,
# batch 1, HF generate on one card (the poster does not say how many cards the inference used).
rec(id="fastchat-2513-longchat-7b-32k-infer-flash-s32768-h100-oom",
    source="https://github.com/lm-sys/FastChat/issues/2513", source_key="fastchat-issue-2513", family="inference",
    model="longchat-7b-v1.5-32k", method="inference", lora_rank=0, lora_targets=None, quant="none (bf16)",
    seq=32768, batch=1, grad_accum=1, precision="bf16 (loaded in bfloat16)", optimizer="none (inference)",
    checkpointing="none", attention="flash (FastChat's flash-attention monkey patch)", gpus=1, sharding="none",
    gpu="H100 80GB", card_as_published="H100 80GBs", loss="none (inference)",
    serving_engine="HF transformers generate (FastChat's LongChat evaluation code)", outcome="oom",
    measured_bytes=None, measured_as="'when I implemented inference ... with flash attention patch and loading in "
    "bfloat16, I get OOMs' (inference on 32K)", measured_how="outcome (the poster's OOM report)",
    table="issue description",
    notes="32K read as 32,768 prompt tokens; the number of new tokens is not given; the patch FastChat applies may "
          "not cover the generation path (the thread does not settle it); the prompt's logits over the vocabulary "
          "(32,000 x 32K) are one candidate for the peak")

# ---- THUDM/LongBench issue 17 (Aug 2023): 7B models at 20k on one A100 80G ----
# The poster: with the length set to 20k, inference of a 7B model on a single 80G A100 runs out of memory; the models
# were baichuan 7b and llama 7b loaded directly in HF format (no flash attention, the maintainers point out). The
# Llama record is kept (Baichuan's shape differs and its checkpoint is not named).
rec(id="longbench-17-llama-7b-hf-infer-s20000-a100-80gb-oom", source="https://github.com/THUDM/LongBench/issues/17",
    source_key="longbench-issue-17", family="inference", model="llama-7b", method="inference", lora_rank=0,
    lora_targets=None, quant="none (fp16, the HF checkpoint)", seq=20000, batch=1, grad_accum=1,
    precision="not stated (pred.py's load dtype not read)", optimizer="none (inference)",
    checkpointing="none", attention="eager (HF format without flash attention, as the maintainers read it)",
    gpus=1, sharding="none", gpu="A100 80GB", card_as_published="单张80G的A100 (one 80G A100)",
    loss="none (inference)", serving_engine="HF transformers generate (LongBench pred.py)", outcome="oom",
    measured_bytes=None,
    measured_as="'当length设置为20k的时候，单张80G的A100做7B模型的推理就会OOM' "
                "(at 20k, 7B "
    "inference on one 80G A100 runs out of memory)", measured_how="outcome (the poster's OOM report)",
    table="issue description and the poster's reply naming the models",
    notes="'20k' read as 20,000 prompt tokens (LongBench truncates the prompt to the set length); LLaMA 7B's own "
          "window is 2048, so the run used the model past its trained length; eager attention materialises a "
          "32 x 20k x 20k score matrix per layer, one reason for the OOM")

# ---- vllm-project/vllm issue 550 (Jul 2023): a 13B Llama in HF and in vLLM ----
# The poster: loaded in HF the 13B llama takes about 26G on the GPU; in vLLM about 73G. The screenshot holding the
# card is not in the stored text; a reply in the thread reads it as an 80GB A100 (0.9 x 81920 MiB = 73728 MiB).
# vLLM's default gpu_memory_utilization was 0.9 then; the max_model_len is the model's own window.
V550 = "https://github.com/vllm-project/vllm/issues/550"
for eng, gb, gmu in (("hf", 26, None), ("vllm", 73, 0.9)):
    rec(id="vllm-550-llama-13b-%s-load-a100-80gb" % eng, source=V550, source_key="vllm-issue-550",
        family="inference", model="llama-13b", method="inference", lora_rank=0, lora_targets=None,
        quant="none (fp16 checkpoint)", seq=2048, batch=1, grad_accum=1, precision="fp16 (not stated; HF/vLLM load "
        "the checkpoint's fp16)", optimizer="none (inference)", checkpointing="none", attention="not stated",
        gpus=1, sharding="none", gpu="A100 80GB (read from a reply in the thread; the poster's card is in an image)",
        card_as_published="not in the stored text (screenshot)", loss="none (inference)",
        serving_engine="HF transformers (from_pretrained)" if eng == "hf" else "vLLM (Jul 2023), default settings",
        outcome="fit", measured_bytes=gb * GIB,
        measured_as="'when i load 13b llama in HF, GPU usage is about 26G'" if eng == "hf"
        else "'when load 13b llama in vllm, GPU usage is about 73G'",
        measured_how="reading not said (a card-level 'GPU usage', nvidia-smi-like; 'G' read as GiB)",
        table="issue description", **({} if gmu is None else dict(gpu_memory_utilization=gmu, max_model_len=2048)),
        notes="%s; Llama 1 or Llama 2 13B is not said (the same shape); the 2048 length stands for the model's "
              "window, no prompt is given" % (
                  "weights loaded in HF, no generation stated: the reading is weights plus the CUDA context"
                  if eng == "hf" else "vLLM reserves its KV-cache pool up to 0.9 of the card at start-up"))

# ---- THUDM/GLM-4 finetune_demo/README_en.md (commit a2e501f), the hardware table ----
# Measured on NVIDIA A100-SXM4-80GB x 8 (CUDA 12.3): GLM-4-9B-Chat with LoRA, 21531MiB (one card: the README's
# single-card command is `python finetune.py ... configs/lora.yaml`), and full SFT under ZeRO-3, 80935MiB on each of
# 8 GPUs. The setups are the configs the table names, read at their own stored commits (lora.yaml at 4daff94:
# max_input_length 512 + max_output_length 512 combined, per-device batch 1, LoRA r 8, alpha 32, dropout 0.1 on
# query_key_value; sft.yaml at c0a6d1e: 256 + 512, batch 1, deepspeed configs/ds_zero_3.json). Both evaluate with
# generation (predict_with_generate, eval batch 4 and 16), which may hold the peak. P-tuning v2 is left out (no
# record field for a prefix).
GLM = "https://github.com/THUDM/GLM-4/blob/a2e501f43e2f18e7c8b5e0200430e3ef061c254c/finetune_demo/README_en.md"
GLM_COMMON = dict(source=GLM, source_key="glm-4-finetune-demo-readme", model="glm-4-9b-chat", quant="none (bf16)",
                  batch=1, grad_accum=1, precision="not stated (the checkpoint is bf16; finetune.py's dtype not read)",
                  optimizer="not stated (the Seq2SeqTrainer's AdamW)", checkpointing="not stated",
                  attention="not stated", gpu="A100 80GB", card_as_published="NVIDIA A100-SXM4-80GB * 8",
                  loss="not stated (the model's own cross-entropy)", outcome="fit",
                  measured_how="reading not said (a MiB 'GPU memory usage' figure, nvidia-smi-like)")
rec(id="glm-4-finetune-readme-9b-chat-lora-r8-qkv-s1024-b1-a100-80gb", family="lora", method="lora", lora_rank=8,
    lora_targets="query_key_value (GLM's fused q,k,v projection)", lora_dropout=0.1, seq=1024, gpus=1,
    sharding="none", measured_bytes=21531 * MIB, measured_as="| lora (PEFT) | 21531MiB | 17M |",
    table="hardware table, 'lora (PEFT)' row",
    notes="seq is max_input_length 512 + max_output_length 512 (combine: True), a cap, not every row's length; the "
          "card count of the LoRA row is not printed beside it (read as the single-card command the README gives); "
          "the configs are from their own commits, the README's table may predate small edits to them",
    **GLM_COMMON)
rec(id="glm-4-finetune-readme-9b-chat-full-zero3-8gpu-s768-b1-a100-80gb", family="sharded", method="full",
    lora_rank=0, lora_targets=None, seq=768, gpus=8, sharding="zero3 (DeepSpeed ZeRO-3 over 8 GPUs, "
    "configs/ds_zero_3.json)", measured_bytes=80935 * MIB,
    measured_as="| SFT (Zero3 method) | 80935MiB (Each GPU, 8 GPUs are required) | 20G |",
    table="hardware table, 'SFT (Zero3 method)' row",
    notes="80935MiB is nearly the whole 81920MiB card: the allocator likely grew to fill it, so the figure is a "
          "ceiling rather than a need; seq is 256 + 512; ds_zero_3.json's offload settings not read (none "
          "assumed)", **GLM_COMMON)

# ---- tatsu-lab/stanford_alpaca issues 223 and 86 (2023): the README's FSDP recipe on smaller or fewer cards ----
# Both run train.py under torchrun with the Trainer's --fsdp "full_shard auto_wrap" wrapping LlamaDecoderLayer,
# --fp16 True, per-device batch 1, accumulation 8 (train.py's model_max_length defaults to 512, not overridden).
# 223: LLaMA-7B over five V100-32G, out of memory (28.42 GiB allocated when it failed). 86: LLaMA-13B over two
# A100-80GB, out of memory (77.07 GiB allocated), and also with one process.
ALP_COMMON = dict(method="full", lora_rank=0, lora_targets=None, quant="none (fp32 load, fp16 autocast)", seq=512,
                  batch=1, grad_accum=8, precision="fp16 mixed (--fp16 True; FSDP keeps the sharded fp32 weights)",
                  optimizer="not stated (the Trainer's AdamW, fp32 states)", checkpointing="none (not in the command)",
                  attention="eager (transformers' Llama of early 2023)", loss="fp32 (the Trainer's cross-entropy)",
                  outcome="oom", measured_bytes=None)
rec(id="alpaca-223-llama-7b-fsdp-full-shard-5x-v100-32gb-oom",
    source="https://github.com/tatsu-lab/stanford_alpaca/issues/223", source_key="alpaca-issue-223",
    family="sharded", model="llama-7b", gpus=5, sharding="fsdp_full_shard auto_wrap (LlamaDecoderLayer) over 5 GPUs",
    gpu="V100 32GB", card_as_published="five V100-32G (31.75 GiB total capacity)",
    measured_as="'CUDA out of memory. Tried to allocate 388.00 MiB (GPU 3; 31.75 GiB total capacity; 28.42 GiB "
                "already allocated; 340.94 MiB free; 30.39 GiB reserved in total by PyTorch)'",
    measured_how="outcome (the OOM message; max_memory_allocated not printed)",
    table="issue description (run command and error)",
    notes="V100 has no bf16, hence --fp16 and --tf32 False; seq is train.py's default model_max_length 512 (rows "
          "are padded per batch, at most 512); a reply suggests other FSDP options, not a fix that was confirmed",
    **ALP_COMMON)
for n in (2, 1):
    rec(id="alpaca-86-llama-13b-fsdp-full-shard-%dx-a100-80gb-oom" % n,
        source="https://github.com/tatsu-lab/stanford_alpaca/issues/86", source_key="alpaca-issue-86",
        family="sharded" if n == 2 else "full", model="llama-13b", gpus=n,
        sharding="fsdp_full_shard auto_wrap (LlamaDecoderLayer) over %d GPU%s" % (n, "s" if n > 1 else
                                                                                  ", nothing to shard across"),
        gpu="A100 80GB", card_as_published="dual A100-80GB (79.18 GiB total capacity)",
        measured_as="'Tried to allocate 606.00 MiB (GPU 1; 79.18 GiB total capacity; 77.07 GiB already allocated; "
                    "468.31 MiB free; 77.41 GiB reserved in total by PyTorch)'" if n == 2
        else "'(also tested with nproc=1, also fails with OOM)'",
        measured_how="outcome (the OOM %s)" % ("message" if n == 2 else "the poster reports"),
        table="issue description", notes="LLaMA-13B (HF), the README's recipe at batch 1; %s" % (
            "two ranks each hold half the fp32 weights, gradients and AdamW states (13B x 16 bytes / 2 = 104 GB)"
            if n == 2 else "one process: FSDP over a single rank shards nothing"), **ALP_COMMON)

# ---- hiyouga/LlamaFactory issue 4772 (Jul 2024): GLM-4-9B-Chat, QLoRA vs LoRA at a 10240-token cutoff ----
# One A100 (RunPod, torch 2.2.0): stage sft, finetuning_type lora, lora_target all, cutoff_len 10240, per-device
# batch 1, accumulation 16, bf16; with quantization_bit 4 (bitsandbytes) about 72 GB, the same config without the
# quantization 66 GB (the poster's words; the readings are screenshots). LlamaFactory's defaults: LoRA rank 8,
# gradient checkpointing on. The custom data's real lengths are not given: 10240 is the cutoff.
LF2 = "https://github.com/hiyouga/LlamaFactory/issues/4772"
for q, gb in ((True, 72), (False, 66)):
    rec(id="llamafactory-4772-glm-4-9b-chat-%s-all-cutoff10240-b1-a100" % ("qlora" if q else "lora"), source=LF2,
        source_key="llamafactory-issue-4772", family="qlora" if q else "lora", model="glm-4-9b-chat",
        method="qlora" if q else "lora", lora_rank=8, lora_targets="all (LlamaFactory's lora_target all: every "
        "linear layer)", quant="nf4 (bitsandbytes 4-bit, quantization_bit 4; LlamaFactory's defaults)" if q
        else "none (bf16)", seq=10240, batch=1, grad_accum=16, precision="bf16 mixed (bf16: true)",
        optimizer="not stated (the Trainer's AdamW)", checkpointing="full (LlamaFactory's default)",
        attention="not stated", gpus=1, sharding="none", gpu="A100 80GB (RunPod A100; 80 GB read from the 72 GB "
        "reading)", card_as_published="runpod A100 GPU", loss="not stated (HF cross-entropy)", outcome="fit",
        measured_bytes=gb * GB,
        measured_as="'uses around 72 GB memory'" if q else "'Same config after removing quantization part runs with "
                                                           "66 GB'",
        measured_how="reading not said (card-level figures from screenshots, nvidia-smi-like; 'GB' read as 10^9)",
        table="issue description", notes="the issue's point: QLoRA above LoRA at 10K tokens, where activations and "
        "the logits (151,552 vocabulary x 10240) outweigh the weights; the cutoff is a cap, the custom rows' real "
        "lengths are not given; LoRA rank is LlamaFactory's default 8 (not printed)")

# ---- huggingface/trl issue 1111 (Dec 2023): OpenLLaMA 3B v2 QLoRA with SFTTrainer ----
# BitsAndBytesConfig nf4 with double quantization and bf16 compute; LoraConfig r 16, alpha 32, dropout 0.05 (PEFT's
# default Llama targets, q_proj and v_proj); per-device batch 1, accumulation 4, paged_adamw_8bit, fp16 True,
# max_seq_length 512. The poster: training loads the GPU with 10GB (the title); the card is not named.
rec(id="trl-1111-open-llama-3b-v2-qlora-r16-s512-b1", source="https://github.com/huggingface/trl/issues/1111",
    source_key="trl-issue-1111", family="qlora", model="open-llama-3b-v2", method="qlora", lora_rank=16,
    lora_targets="q,v (PEFT's default for Llama; not set in the config)", lora_dropout=0.05,
    quant="nf4 double-quant (bnb_4bit_use_double_quant True, bf16 compute)", seq=512, batch=1, grad_accum=4,
    precision="fp16 mixed (fp16=True)", optimizer="paged_adamw_8bit", checkpointing="not stated (TRL's default then: "
    "off)", attention="not stated", gpus=1, sharding="none", gpu="", card_as_published="not named",
    loss="not stated (HF cross-entropy)", outcome="fit", measured_bytes=10 * GB,
    measured_as="title: 'QLoRA memory requirement with 3B model loads GPU with 10GB of memory with 4bit "
                "quantization'", measured_how="reading not said (a rounded card-level figure; 'GB' read as 10^9)",
    table="issue title and description",
    notes="10GB is rounded and how it was read is not said; rows are packed or padded to 512 by SFTTrainer "
          "(packing not set: padded per batch, at most 512); the poster also notes get_memory_footprint() ~2.5GB")

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(len(out), "records")
