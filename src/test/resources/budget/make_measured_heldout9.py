"""Ninth held-out split (round 16, issue 14): published measured peaks and fit/OOM outcomes from pages no earlier
measured set cites.

Made blind: written by a helper who never read the engine (src/main), never ran BudgetBench on these records except
one parse check with its output discarded, and never looked at a score. Nothing here was tuned on.

How the pages were chosen: every source of the earlier sets (/tmp/h16/budget-sources.txt and the "source" field of
every measured_*.json) was kept out, with torchtune's memory tables and every thread in /tmp/h16/threads.txt. A page
was kept only when it prints a measured figure, or a fit/OOM outcome on a named card, for a setup it states (or the
configuration file it names states, read at a pinned commit). The weak families were looked for first: sharded
fine-tunes (DeepSpeed ZeRO-3, FSDP full_shard over 4 to 64 GPUs, long packed sequences), and serving working sets
(the KV cache at growing concurrency).

Pages (9 repositories, 15 pages, each page its own source_key): lmdeploy's KV-cache int8 page (TurboMind GPU
memory at batch 8 to 48, fp16 and int8 KV cache); ExLlama's README (GPTQ 4-bit Llama inference at a 2048-token
context on one RTX 4090, memory as PyTorch reports it, and one OOM); xtuner's Llama 3 8B README (fits on A100-80G
under ZeRO-3), its speed benchmark page (packed 8k and 32k full fine-tunes over 8 to 32 A100-80GB), its
sequence-parallel page (Yi-34B at 128k under ZeRO-3 without sequence parallelism: OOM on 16, 32 and 64 GPUs) and its
Mixtral README (QLoRA on one card, full fine-tune under ZeRO-3 on 16); Stanford Alpaca's README (LLaMA-7B and
OPT-6.7B under FSDP full_shard on 4 A100 80G); FastChat's README (Vicuna-7B under FSDP on 4 A100 40GB); nanoGPT's
README (GPT-2 124M under DDP on 8 A100 40GB, the Shakespeare character model on one A100); alpaca-lora's README
(int8 LLaMA-7B LoRA on one RTX 4090); four alignment-handbook recipe READMEs (full SFT of Mistral 7B, Gemma 7B and
StarCoder2 15B under ZeRO-3 on 8 x 80GB; GPT-2 continued pretraining and SFT under DDP on 4 RTX 3090); a GPT-2
training journal (Jjschwartz's blog source on GitHub: peak memory of GPT-2 124M on one H100 per optimisation, the
batch doubling to OOM, GPT-2 1.5B under DDP on 8 H100s).
Left out: rows with sequence parallelism > 1 (no record field says how the sequence is split), DPO runs (a policy and
a reference model), ExLlama's two-card rows (one VRAM figure summed over two unequal cards), issue threads whose
setup is cut off in the stored text or shown only as images (DeepSpeed 4527/5109, accelerate 2454, peft 76), papers
whose tables could not be read (LongLoRA), optimizers no record field names (GaLore, Q-GaLore), and anything already
cited by an earlier set (ms-swift's older example scripts among them).
Model shapes are typed from each model's config.json (layers, hidden, heads, kv heads, intermediate, vocab, tie) and
the parameter count is computed from them (measured_shapes.llama_params). Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout9.py
"""
import json

from measured_shapes import llama_params, shape  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout9.json"
MIB = 2 ** 20
GIB = 2 ** 30


def llama(name, layers, hidden, heads, kv, ffn, vocab, tied=False, extra=""):
    """A Llama-type shape (gated MLP, RMSNorm, rotary) typed from the named config.json."""
    p = llama_params(layers, hidden, heads, kv, ffn, vocab, tied)
    return shape(p, layers, hidden, heads, kv, ffn, vocab, tied,
                 "%s config.json: %d layers, hidden %d, %d heads, %d KV heads, intermediate %d, vocab %d, %s; params "
                 "computed (%.2e)%s" % (name, layers, hidden, heads, kv, ffn, vocab, "tied" if tied else "untied", p,
                                        extra), mlp="gated")


def opt(name, layers, hidden, heads, ffn, vocab, positions):
    """OPT: plain ReLU MLP with biases, LayerNorm, learned positions (2 offset rows), head tied to the embedding."""
    per_layer = 4 * hidden * hidden + 4 * hidden + 2 * hidden * ffn + ffn + hidden + 4 * hidden
    p = layers * per_layer + vocab * hidden + (positions + 2) * hidden + 2 * hidden
    return shape(p, layers, hidden, heads, heads, ffn, vocab, True,
                 "%s config.json: %d layers, hidden %d, %d heads, ffn_dim %d, vocab %d, %d learned positions, tied; "
                 "params computed (%.2e)" % (name, layers, hidden, heads, ffn, vocab, positions, p), mlp="plain")


A = {
    "internlm-chat-7b": llama("internlm/internlm-chat-7b", 32, 4096, 32, 32, 11008, 103168,
                              extra="; q/k/v/o biases left out of the count (under 0.01%)"),
    "llama-7b": llama("huggyllama/llama-7b", 32, 4096, 32, 32, 11008, 32000),
    "llama-13b": llama("huggyllama/llama-13b", 40, 5120, 40, 40, 13824, 32000),
    "llama-33b": llama("huggyllama/llama-30b", 60, 6656, 52, 52, 17920, 32000),
    "open-llama-3b": llama("openlm-research/open_llama_3b", 26, 3200, 32, 32, 8640, 32000),
    "llama-2-7b": llama("meta-llama/Llama-2-7b-hf", 32, 4096, 32, 32, 11008, 32000),
    "llama-2-70b": llama("meta-llama/Llama-2-70b-hf", 80, 8192, 64, 8, 28672, 32000),
    "llama-3-8b": llama("meta-llama/Meta-Llama-3-8B-Instruct", 32, 4096, 32, 8, 14336, 128256),
    "yi-34b": llama("01-ai/Yi-34B-200K", 60, 7168, 56, 8, 20480, 64000),
    "opt-6.7b": opt("facebook/opt-6.7b", 32, 4096, 32, 16384, 50272, 2048),
}

out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = A[k["model"]]
    k["split"] = "heldout9"
    out.append(k)


# ---- InternLM/lmdeploy docs/en/quantization/kv_int8.md (commit 6370025) ----
# "GPU Memory Test": internlm-chat-7b converted for TurboMind, the maximum concurrency set in the workspace config and
# the request count in llama_config.ini, then bin/llama_triton_example run; the table gives GPU memory in MiB at batch
# 8/16/32/48 for the fp16 KV cache and for the int8 KV cache (--quant-policy 4). The page's first line puts the fp16
# KV cache of a 7B model at a 2048-token maximum length at about 1030 MB a session, which is this model's KV at 2048
# tokens (32 layers x 2 x 4096 x 2 bytes x 2048 = 1024 MiB): the sessions are sized at 2048 tokens. TurboMind
# preallocates the cache for the configured concurrency, so the figure is set by batch x 2048 tokens, not by the
# prompts. The card is not named (the growth to 63553 MiB at 48 says an 80 GB card); how the memory was read is not
# said (a MiB reading of a C++ example: nvidia-smi-like, CUDA context included).
LMD = ("https://github.com/InternLM/lmdeploy/blob/63700250f2f6612620e472dc10df31d989a204f4/docs/en/quantization/"
       "kv_int8.md")
for batch, fp16, int8 in ((8, 22337, 18241), (16, 30593, 22369), (32, 47073, 30625), (48, 63553, 38881)):
    for kv, mib in (("fp16", fp16), ("int8", int8)):
        rec(id="lmdeploy-internlm-chat-7b-turbomind-kv-%s-b%d" % (kv, batch), source=LMD,
            source_key="lmdeploy-kv-int8-doc", family="inference", model="internlm-chat-7b", method="inference",
            lora_rank=0, lora_targets=None, quant="none (fp16 weights)", seq=2048, batch=batch, grad_accum=1,
            precision="fp16 (TurboMind fp16 weights and activations)", optimizer="none (inference)",
            checkpointing="none", attention="turbomind fused attention (not sdpa/flash by name)", gpus=1,
            sharding="none", gpu="", card_as_published="not named", loss="none (inference)",
            kv_cache_dtype="fp16" if kv == "fp16" else "int8 (--quant-policy 4, kCacheKVInt8 PTQ)",
            serving_engine="lmdeploy TurboMind (bin/llama_triton_example)",
            max_concurrency=batch, session_len=2048, outcome="fit", measured_bytes=mib * MIB,
            measured_as="batch_size %d | fp16 memory %d MiB | int8 memory %d MiB" % (batch, fp16, int8),
            measured_how="reading not said (a MiB GPU-memory figure of the C++ example run; CUDA context likely "
                         "included, nvidia-smi-like)",
            table="'GPU Memory Test' table, batch_size %d row, %s column" % (batch, kv + " memory(MiB)"),
            notes="serving working set: weights plus a preallocated KV cache for %d concurrent sessions; the 2048-"
                  "token session length is read from the page's own 1030 MB-per-session figure, not printed beside "
                  "the table; %s KV cache%s; card not named" % (
                      batch, kv, "" if kv == "fp16" else " (the bench fields have no KV dtype: the int8 rows "
                                                         "test whether a KV dtype matters)"))

# ---- turboderp/exllama README.md (commit 30d8051), "Results so far / New implementation" ----
# test_benchmark_inference.py on GPTQ 4-bit Llama checkpoints, one stock RTX 4090 with a desktop running; the cache is
# sized for the listed sequence length and the prompt fills it (inference over the length minus 128 tokens, then 128
# generated). "VRAM usage is as reported by PyTorch and does not include PyTorch's own overhead (CUDA kernels,
# internal buffers etc.)": an allocator figure without the CUDA context. Batch 1 throughout. ExLlama keeps its own
# fp16 cache (no HF generate), so activations are ExLlama's. Shapes: the Llama 1 sizes (7B, 13B, 33B), Koala 13B and
# WizardLM 33B share them; OpenLLaMA 3B has its own.
EXL = "https://github.com/turboderp/exllama/blob/30d80517eac7f85c849e4a6bb8160683f050a196/README.md"
EXL_HOW = ("max_memory_allocated-like torch allocator figure: 'as reported by PyTorch', without PyTorch's own "
           "overhead (CUDA context, kernels); which of allocated or peak allocated is not said")
for name, model, size, grp, act, seq, mb in (
        ("Llama", "llama-7b", "7B", 128, "no", 2048, 5194),
        ("Llama", "llama-13b", "13B", 128, "no", 2048, 9127),
        ("Llama", "llama-33b", "33B", 128, "no", 2048, 20795),
        ("Llama", "llama-33b", "33B", 128, "yes", 2048, 20795),
        ("Llama", "llama-33b", "33B", 32, "yes", 1550, 21486),
        ("Koala", "llama-13b", "13B", 128, "yes", 2048, 9127),
        ("WizardLM", "llama-33b", "33B", None, "yes", 2048, 20199),
        ("OpenLlama", "open-llama-3b", "3B", 128, "yes", 2048, 3128)):
    g = "no grouping" if grp is None else "group size %d" % grp
    rec(id="exllama-%s-%s-gptq4-%s-act%s-s%d-4090" % (name.lower(), size.lower(), "g%s" % grp if grp else "nogroup",
                                                       act, seq),
        source=EXL, source_key="exllama-readme", family="inference", model=model, method="inference", lora_rank=0,
        lora_targets=None, quant="gptq (4-bit, %s, act-order %s; ExLlama's own CUDA kernels)" % (g, act), seq=seq,
        batch=1, grad_accum=1, precision="fp16 (ExLlama fp16 activations and cache)", optimizer="none (inference)",
        checkpointing="none", attention="exllama (its own attention over an fp16 cache, not sdpa/flash by name)",
        gpus=1, sharding="none", gpu="RTX 4090 24GB", card_as_published="stock RTX 4090 / 12900K",
        loss="none (inference)", serving_engine="ExLlama test_benchmark_inference.py", outcome="fit",
        measured_bytes=mb * MIB,
        measured_as="| %s | %s | %s | %s | %s t | %s MB |" % (name, size, grp if grp else "-", act,
                                                              "{:,}".format(seq), "{:,}".format(mb)),
        measured_how=EXL_HOW, table="'New implementation' table, %s %s row" % (name, size),
        notes="GPTQ 4-bit %s checkpoint (%s), the cache sized for %d tokens and filled by the prompt; 'MB' read as "
              "MiB (PyTorch's allocator reports bytes, the README does not say which unit it divides by); a "
              "desktop and other apps also held VRAM on the card, outside the PyTorch figure%s" % (
                  name + " " + size, g, seq,
                  "; 1550 tokens because the full 2048 ran out of memory (the OOM is its own record)"
                  if seq == 1550 else ""))
rec(id="exllama-llama-33b-gptq4-g32-actyes-s2048-4090-oom", source=EXL, source_key="exllama-readme",
    family="inference", model="llama-33b", method="inference", lora_rank=0, lora_targets=None,
    quant="gptq (4-bit, group size 32, act-order yes; ExLlama's own CUDA kernels)", seq=2048, batch=1, grad_accum=1,
    precision="fp16 (ExLlama fp16 activations and cache)", optimizer="none (inference)", checkpointing="none",
    attention="exllama (its own attention over an fp16 cache)", gpus=1, sharding="none", gpu="RTX 4090 24GB",
    card_as_published="stock RTX 4090 / 12900K, desktop running", loss="none (inference)",
    serving_engine="ExLlama test_benchmark_inference.py", outcome="oom", measured_bytes=None,
    measured_as="footnote 1: 'Can not achieve full sequence length without OoM' (row 33B, groupsize 32, 1,550 t)",
    measured_how="outcome (the README's footnote: the full 2048-token length ran out of memory)",
    table="'New implementation' table, Llama 33B group size 32 row, footnote 1",
    notes="the OOM was on a 24 GB card that also served a desktop and other apps (their VRAM is not given), so the "
          "headroom PyTorch had was below 24 GB; at 1550 tokens the same model took 21486 MB")

# ---- InternLM/xtuner: three pages, each its own key ----
# Common setup, read from the configs the pages name (pinned): SupervisedFinetune over AutoModelForCausalLM loaded
# without torch_dtype (fp32 master weights), AmpOptimWrapper dtype float16 (fp16 autocast, dynamic loss scale), torch
# AdamW (two fp32 states), batch_size 1 per device, Alpaca rows packed to max_length (pack_to_max_length True: every
# micro-batch is a full sequence). Activation checkpointing is not in the configs: xtuner's fine-tune models turn it
# on by default (use_activation_checkpointing=True in their constructors), so "full" below is that default, not a
# printed setting. Sequence parallelism needs flash-attn (the SP page says so) and xtuner dispatches its flash
# attention when installed; rows with sequence_parallel_size > 1 are left out (no record field says how the sequence
# is split). The speed pages print tokens/s, not memory: a row that ran is a fit on its cards.
XT_BASE = "https://github.com/InternLM/xtuner/blob/"
XT_L3 = XT_BASE + "e973224e48b5e5ce7cfbf24a01a77b3c5e0c8162/xtuner/configs/llama/llama3_8b/README.md"
XT_BENCH = XT_BASE + "4d2758ec5738910b130a9c7c62f2b14375f6d90b/docs/zh_cn/acceleration/benchmark.rst"
XT_SP = XT_BASE + "83de82999af80f2b347439f59dc9dd51c293737a/docs/zh_cn/acceleration/train_extreme_long_sequence.rst"
XT_FULL = dict(method="full", lora_rank=0, lora_targets=None, quant="none", grad_accum=1,
               precision="fp16 mixed (AmpOptimWrapper dtype float16 over fp32-loaded weights, dynamic loss scale)",
               optimizer="adamw (torch.optim.AdamW, betas 0.9/0.999, weight_decay 0)",
               checkpointing="full (xtuner's default use_activation_checkpointing=True; not in the config)",
               attention="flash (xtuner dispatches flash-attn when installed)", loss="not stated (HF causal-LM "
               "cross-entropy over the full vocabulary)", family="sharded")
XT_FIT = "outcome (the speed run trained at this setup; no memory figure printed)"

rec(id="xtuner-llama3-8b-instruct-qlora-r64-nf4-s2048-a100-80g", source=XT_L3, source_key="xtuner-llama3-8b-readme",
    family="qlora", model="llama-3-8b", method="qlora", lora_rank=64,
    lora_targets="all linear (LoraConfig without target_modules: xtuner fills in every linear name but lm_head)",
    lora_dropout=0.1, quant="nf4 double (bitsandbytes 4-bit NF4, bnb_4bit_use_double_quant True, compute fp16)",
    seq=2048, batch=1, grad_accum=16,
    precision="fp16 mixed (torch_dtype float16, AmpOptimWrapper dtype float16)",
    optimizer="adamw (torch.optim.AdamW over the adapters)",
    checkpointing="full (xtuner's default use_activation_checkpointing=True; not in the config)",
    attention="not stated (xtuner dispatches flash-attn when installed, else transformers' default)", gpus=1,
    sharding="none", gpu="A100 80GB", card_as_published="A100-80G", loss="not stated (HF causal-LM loss)",
    outcome="fit", measured_bytes=None,
    measured_as="'QLoRA only need a single A100-80G' + xtuner train llama3_8b_instruct_qlora_alpaca_e3",
    measured_how="outcome (the README's statement; no memory figure printed)",
    table="'QLoRA Fine-tune' section; config llama3_8b_instruct_qlora_alpaca_e3.py at 6e876ba",
    notes="Alpaca packed to max_length 2048 (every micro-batch full); a fit on 80 GB says little about the peak, "
          "which is far below the card; the config pinned is the one the command names, read at a later commit "
          "than the README")
for gpus, tps in ((4, "2331.3"), (8, "2771.2")):
    rec(id="xtuner-llama3-8b-instruct-full-zero3-%dgpu-s8192-a100-80g" % gpus, source=XT_L3,
        source_key="xtuner-llama3-8b-readme", model="llama-3-8b", seq=8192, batch=1, gpus=gpus,
        sharding="zero3 (--deepspeed deepspeed_zero3, sequence parallel 1, %d ranks, no offload)" % gpus,
        gpu="A100 80GB", card_as_published="A100-80G (the README's card for this fine-tune)", outcome="fit",
        measured_bytes=None, measured_as="| Llama3 8B | 8k | %d | ZeRO-3 | 1 | %s | ... |" % (gpus, tps),
        measured_how=XT_FIT, table="'Speed' table, 8k row on %d GPUs" % gpus,
        notes="full fine-tune of Llama 3 8B with packed 8k sequences; the shipped config has max_length 2048, the "
              "speed rows ran at 8k (the README's 'in 8k context'), so max_length 8192 is read from the row; the "
              "accumulation is the config's 16 (the speed row does not print it); a fit only",
        **{k: v for k, v in XT_FULL.items() if k != "grad_accum"}, grad_accum=16)

for model, arch_key, gpus, seq, cfg, tgs in (
        ("Llama2-7B", "llama-2-7b", 8, 8192, "llama2_7b/llama2_7b_full_alpaca_enzh_8k_sp1.py", "3028.3"),
        ("Llama2-7B", "llama-2-7b", 8, 32768, "llama2_7b/llama2_7b_full_alpaca_enzh_32k_sp1.py", "2234.2"),
        ("Yi-34B-200K", "yi-34b", 32, 8192, "yi_34b/yi_34b_200k_full_alpaca_enzh_8k_sp1.py", "485.1"),
        ("Llama2-70B", "llama-2-70b", 32, 8192, "llama2_70b/llama2_70b_full_alpaca_enzh_8k_sp1.py", "216.8")):
    rec(id="xtuner-bench-%s-full-%dgpu-s%d-sp1" % (model.lower(), gpus, seq), source=XT_BENCH,
        source_key="xtuner-speed-benchmark-page", model=arch_key, seq=seq, batch=1, gpus=gpus,
        sharding="zero3 (DeepSpeed ZeRO over %d ranks, sequence parallel 1; the stage is not printed on the page: "
                 "ZeRO-3 is what xtuner pairs with its long-sequence runs, and the only stage under which a %s "
                 "full fine-tune fits)" % (gpus, model), gpu="A100 80GB",
        card_as_published="NVIDIA A100-SXM4-80GB GPUs (the page's hardware)", outcome="fit", measured_bytes=None,
        measured_as="| %s | %d | %dk | TGS %s | ... | %s |" % (model, gpus, seq // 1024, tgs, cfg.split("/")[1]),
        measured_how=XT_FIT, table="speed table, %s row at %dk on %d GPUs" % (model, seq // 1024, gpus),
        notes="Alpaca en+zh packed to %d tokens (the page's note: the data set repeated six times so long packs "
              "fill); config %s (accumulative_counts 1 in the 32k config read); the ZeRO stage is the weak point of "
              "this record: the page does not print it%s" % (
                  seq, cfg, "; a 32k full fine-tune of a 7B model with no sequence parallelism is the long-context "
                            "case" if seq == 32768 else ""),
        **XT_FULL)

for gpus in (16, 32, 64):
    rec(id="xtuner-sp-yi-34b-full-zero3-%dgpu-s131072-sp1-oom" % gpus, source=XT_SP,
        source_key="xtuner-sequence-parallel-page", model="yi-34b", seq=131072, batch=1, gpus=gpus,
        sharding="zero3 (ZeRO-3 over %d ranks, sequence parallel 1)" % gpus, gpu="A100 80GB",
        card_as_published="not named on this page; xtuner's speed page runs on A100-SXM4-80GB", outcome="oom",
        measured_bytes=None, measured_as="Table 1: | 1 | yi-34B | ZeRO-3 | %d | OOM |" % gpus,
        measured_how="outcome (the page's Table 1: OOM)",
        table="'Table 1: training yi-34B at 128k context under ZeRO-3' row SP 1, %d GPUs" % gpus,
        notes="the page's point: ZeRO-3 shards weights and optimizer states but not the activations of a 128k "
              "sequence, so more GPUs do not help; the card is taken from xtuner's speed page (same team, same "
              "period), not printed here; batch 1 as in xtuner's long-sequence configs",
        **XT_FULL)

# ---- tatsu-lab/stanford_alpaca README.md (commit 7f08532), "Fine-tuning" ----
# The command fine-tunes on "a machine with 4 A100 80G GPUs in FSDP full_shard mode": torchrun over 4 ranks,
# train.py (HF Trainer), --bf16 True (autocast over fp32-loaded weights: train.py passes no torch_dtype), --fsdp
# "full_shard auto_wrap" on the decoder layer, per-device batch 4, accumulation 8, no gradient checkpointing flag,
# Trainer default optimizer (AdamW), max length 512 (the README's hyperparameter table; train.py's model_max_length
# default). Alpaca rows are padded to the longest in the batch, capped at 512. The same command is given for OPT-6.7B.
ALP = "https://github.com/tatsu-lab/stanford_alpaca/blob/7f0853214d2d4cd732d6f33622566a10e317a903/README.md"
for model, key, wrap in (("llama-7b", "LLaMA-7B", "LLaMADecoderLayer"), ("opt-6.7b", "OPT-6.7B", "OPTDecoderLayer")):
    rec(id="alpaca-%s-full-fsdp-4gpu-s512-b4-a100-80g" % model, source=ALP, source_key="stanford-alpaca-readme",
        family="sharded", model=model, method="full", lora_rank=0, lora_targets=None, quant="none", seq=512,
        batch=4, grad_accum=8, precision="bf16 mixed (--bf16 True over fp32-loaded weights, --tf32 True)",
        optimizer="adamw (HF Trainer default; not in the command)", checkpointing="none (no flag in the command)",
        attention="eager (the early HF %s implementation)" % key, gpus=4,
        sharding="fsdp_full (--fsdp 'full_shard auto_wrap', wrap class %s, 4 ranks, no offload)" % wrap,
        gpu="A100 80GB", card_as_published="4 A100 80G GPUs", loss="not stated (HF causal-LM cross-entropy)",
        outcome="fit", measured_bytes=None,
        measured_as="'fine-tunes %s with our dataset on a machine with 4 A100 80G GPUs in FSDP full_shard mode' "
                    "(LLaMA); 'The same script also works for OPT fine-tuning' (OPT-6.7B)" % key,
        measured_how="outcome (the README's stated run; no memory figure printed)",
        table="'Fine-tuning' section: hyperparameter table (max length 512) and the torchrun command",
        notes="max length 512 is a cap: Alpaca rows are padded to the longest in each batch of 4, mostly far "
              "shorter; a fit only%s" % ("" if model == "llama-7b" else "; the OPT fit is 'also works', said "
                                                                          "rather than shown"))

# ---- lm-sys/FastChat README.md (commit 3969476), "Fine-tuning Vicuna-7B with Local GPUs" ----
# "train Vicuna-7B with 4 x A100 (40GB)": torchrun over 4 ranks, fastchat/train/train_mem.py (FlashAttention
# patched in), Llama-2-7b-hf, --bf16 True, per-device batch 2, accumulation 16, FSDP 'full_shard auto_wrap' on
# LlamaDecoderLayer, model_max_length 2048, --gradient_checkpointing True, Trainer default AdamW. FastChat's trainer
# pads each conversation to model_max_length (its preprocess tokenizes with padding to max_length), so a micro-batch
# is 2 x 2048 tokens.
FC = "https://github.com/lm-sys/FastChat/blob/39694766dcd20b80429c738a06c4251dbeb93ee0/README.md"
rec(id="fastchat-vicuna-7b-llama2-full-fsdp-4gpu-s2048-b2-a100-40g", source=FC, source_key="fastchat-readme",
    family="sharded", model="llama-2-7b", method="full", lora_rank=0, lora_targets=None, quant="none", seq=2048,
    batch=2, grad_accum=16, precision="bf16 mixed (--bf16 True over fp32-loaded weights, --tf32 True)",
    optimizer="adamw (HF Trainer default; not in the command)",
    checkpointing="full (--gradient_checkpointing True)", attention="flash (train_mem.py patches FlashAttention in)",
    gpus=4, sharding="fsdp_full (--fsdp 'full_shard auto_wrap', LlamaDecoderLayer, 4 ranks, no offload)",
    gpu="A100 40GB", card_as_published="4 x A100 (40GB)", loss="not stated (HF causal-LM cross-entropy)",
    outcome="fit", measured_bytes=None,
    measured_as="'You can use the following command to train Vicuna-7B with 4 x A100 (40GB)'",
    measured_how="outcome (the README's stated run; no memory figure printed)",
    table="'Fine-tuning Vicuna-7B with Local GPUs' section",
    notes="padding to model_max_length is FastChat's preprocessing as remembered, not printed in the README: if rows "
          "were padded only to the longest, the sequence is shorter than 2048; the README's tips mention OOMs at "
          "model saving, outside the training step; a fit only")


def gpt2(name, layers, hidden, heads, vocab, positions, extra=""):
    """GPT-2: plain GELU MLP (4 x hidden) with biases, LayerNorm, learned positions, head tied to the embedding."""
    ffn = 4 * hidden
    per_layer = 4 * hidden * hidden + 4 * hidden + 2 * hidden * ffn + ffn + hidden + 4 * hidden
    p = layers * per_layer + vocab * hidden + positions * hidden + 2 * hidden
    return shape(p, layers, hidden, heads, heads, ffn, vocab, True,
                 "%s: %d layers, n_embd %d, %d heads, MLP 4 x n_embd, vocab %d, %d positions, tied; params computed "
                 "(%.3g)%s" % (name, layers, hidden, heads, vocab, positions, p, extra), mlp="plain")


def moe(name, layers, hidden, heads, kv, ffn, vocab, experts, active):
    """A Mixtral-type sparse MoE: Llama attention, `experts` gated MLP experts a layer, `active` routed per token."""
    dense = llama_params(layers, hidden, heads, kv, ffn, vocab, False)
    p = dense + layers * ((experts - 1) * 3 * hidden * ffn + hidden * experts)
    return shape(p, layers, hidden, heads, kv, ffn, vocab, False,
                 "%s config.json: %d layers, hidden %d, %d heads, %d KV heads, intermediate %d per expert, vocab %d, "
                 "%d local experts, %d per token, untied; params computed (%.3g)" % (
                     name, layers, hidden, heads, kv, ffn, vocab, experts, active, p),
                 mlp="gated", experts_total=experts, experts_active=active)


A.update({
    "mixtral-8x7b": moe("mistralai/Mixtral-8x7B-Instruct-v0.1", 32, 4096, 32, 8, 14336, 32000, 8, 2),
    "mistral-7b": llama("mistralai/Mistral-7B-v0.1", 32, 4096, 32, 8, 14336, 32000),
    "gemma-7b": shape(llama_params(28, 3072, 16, 16, 24576, 256000, True, head_dim=256), 28, 3072, 16, 16, 24576,
                      256000, True, "google/gemma-7b config.json: 28 layers, hidden 3072, 16 heads, 16 KV heads, "
                      "head_dim 256, intermediate 24576 (gated GeLU), vocab 256000, tied; params computed; the "
                      "recipe's chatml tokenizer (philschmid/gemma-tokenizer-chatml) is taken as the same size",
                      mlp="gated", head_dim=256),
    "gpt2": gpt2("openai-community/gpt2 config.json", 12, 768, 12, 50257, 1024),
    "nanogpt-gpt2": gpt2("nanoGPT model.py GPTConfig for a from-scratch GPT-2 124M", 12, 768, 12, 50304, 1024,
                         "; vocab padded from 50257 to 50304 by nanoGPT"),
    "nanogpt-char": gpt2("nanoGPT README / config/train_shakespeare_char.py", 6, 384, 6, 65, 256,
                         "; 65 characters is the shakespeare_char vocabulary (data/shakespeare_char/prepare.py)"),
})
sc_layer = 2 * 6144 * 6144 + 2 * 6144 * 512 + 2 * 6144 * 24576 + 24576 + 6144 * 2 + 6144 + 2 * 512 + 6144 * 4
A["starcoder2-15b"] = shape(40 * sc_layer + 2 * 49152 * 6144 + 2 * 6144, 40, 6144, 48, 4, 24576, 49152, False,
                            "bigcode/starcoder2-15b config.json: 40 layers, hidden 6144, 48 heads, 4 KV heads, "
                            "intermediate 24576 (plain GELU MLP with biases), vocab 49152, LayerNorm, untied (the "
                            "count then matches the published 16B); params computed", mlp="plain")

# ---- InternLM/xtuner xtuner/configs/mixtral/README.md (commit 4e18891) ----
# "QLoRA only need a single A100-80G" (xtuner train mixtral_8x7b_instruct_qlora_oasst1_e3 --deepspeed
# deepspeed_zero2: one rank, so ZeRO-2 partitions nothing) and "Full parameter fine-tune needs 16 A100-80G" (2 nodes
# x 8, --deepspeed deepspeed_zero3). Configs read at the commits listed in bb9-sources: max_length 2048 packed, batch
# 1, accumulation 16, AdamW, AmpOptimWrapper float16; the QLoRA one loads NF4 double-quant with fp16 compute, r 64,
# alpha 16, dropout 0.1, targets q/k/v/o and the experts' w1/w2/w3 (the router gate stays frozen).
XT_MX = XT_BASE + "4e18891038807f274aaeb9cd2ca2d91fd169c47f/xtuner/configs/mixtral/README.md"
rec(id="xtuner-mixtral-8x7b-instruct-qlora-r64-s2048-1gpu-a100-80g", source=XT_MX, source_key="xtuner-mixtral-readme",
    family="qlora", model="mixtral-8x7b", method="qlora", lora_rank=64,
    lora_targets="q_proj,k_proj,v_proj,o_proj,w1,w2,w3 (attention and every expert's MLP)", lora_dropout=0.1,
    quant="nf4 double (bitsandbytes 4-bit NF4, bnb_4bit_use_double_quant True, compute fp16)", seq=2048, batch=1,
    grad_accum=16, precision="fp16 mixed (torch_dtype float16, AmpOptimWrapper dtype float16)",
    optimizer="adamw (torch.optim.AdamW over the adapters)",
    checkpointing="full (xtuner's default use_activation_checkpointing=True; not in the config)",
    attention="flash (the README: 'Mixtral requires flash-attn')", gpus=1,
    sharding="none (--deepspeed deepspeed_zero2 on one rank: nothing is partitioned)", gpu="A100 80GB",
    card_as_published="a single A100-80G", loss="not stated (HF Mixtral causal-LM loss)", outcome="fit",
    measured_bytes=None, measured_as="'QLoRA only need a single A100-80G'",
    measured_how="outcome (the README's statement; no memory figure printed)",
    table="'QLoRA Fine-tune' section; config mixtral_8x7b_instruct_qlora_oasst1_e3.py",
    notes="a 46.7B sparse MoE in NF4 (about 24 GB of 4-bit weights) with rank-64 adapters on every expert; "
          "oasst1 (guanaco) packed to 2048; a fit only")
rec(id="xtuner-mixtral-8x7b-instruct-full-zero3-16gpu-s2048-a100-80g", source=XT_MX,
    source_key="xtuner-mixtral-readme", model="mixtral-8x7b", seq=2048, batch=1, gpus=16,
    sharding="zero3 (--deepspeed deepspeed_zero3, 2 nodes x 8 ranks, no offload)", gpu="A100 80GB",
    card_as_published="16 A100-80G", outcome="fit", measured_bytes=None,
    measured_as="'Full parameter fine-tune needs 16 A100-80G'",
    measured_how="outcome (the README's statement; no memory figure printed)",
    table="'Full Parameter Fine-tune' section; config mixtral_8x7b_instruct_full_oasst1_e3.py",
    notes="'needs 16' reads as the fewest cards the authors ran it on; oasst1 packed to 2048; a fit only",
    **{k: v for k, v in XT_FULL.items() if k not in ("grad_accum", "attention")}, grad_accum=16,
    attention="flash (the README: 'Mixtral requires flash-attn')")

# ---- karpathy/nanoGPT README.md (commit 196160b) ----
# train.py defaults (the README's repository at that time): bfloat16 autocast when supported over fp32 weights,
# torch.compile on, AdamW (fused when available), attention through F.scaled_dot_product_attention (flash kernel),
# no activation checkpointing, dropout 0 for GPT-2. The full vocabulary logits are kept in the autocast dtype.
NG = "https://github.com/karpathy/nanoGPT/blob/196160b849eaed4465310c082db2c9dc7bc11ba9/README.md"
NG_COMMON = dict(source=NG, source_key="nanogpt-readme", family="full", method="full", lora_rank=0, lora_targets=None,
                 quant="none", precision="bf16 mixed (train.py: bfloat16 autocast over fp32 weights)",
                 optimizer="adamw (train.py: torch AdamW, fused when available)",
                 checkpointing="none (nanoGPT has none)", attention="flash (F.scaled_dot_product_attention, "
                 "is_causal)", loss="not stated (F.cross_entropy over the full vocabulary)", outcome="fit",
                 measured_bytes=None, measured_how="outcome (the README's stated run; no memory figure printed)",
                 compile="torch.compile on (train.py default)")
rec(id="nanogpt-gpt2-124m-ddp-8gpu-s1024-b12-a100-40g", model="nanogpt-gpt2", seq=1024, batch=12, grad_accum=5,
    gpus=8, sharding="none (DDP over 8 ranks: every rank holds the whole model and optimizer)", gpu="A100 40GB",
    card_as_published="an 8X A100 40GB node",
    measured_as="'To reproduce GPT-2 (124M) you'll want at least an 8X A100 40GB node' + config/train_gpt2.py",
    table="'reproducing GPT-2' section; config/train_gpt2.py (batch_size 12, block_size 1024, "
          "gradient_accumulation_steps 5 per rank)",
    notes="pretraining from scratch on OpenWebText (one token stream, every sequence full); 'at least' 40 GB cards: "
          "the fit is stated, the margin is not; per-GPU working set of DDP", **NG_COMMON)
rec(id="nanogpt-shakespeare-char-6l-384-s256-b64-a100", model="nanogpt-char", seq=256, batch=64, grad_accum=1,
    gpus=1, sharding="none", gpu="A100 (memory size not stated)", card_as_published="one A100 GPU",
    measured_as="'On one A100 GPU this training run takes about 3 minutes' (config/train_shakespeare_char.py)",
    table="'quick start' section: context 256, 384 channels, 6 layers, 6 heads; batch 64 (the CPU paragraph: "
          "'not 64')",
    notes="a 10.7M-parameter character model: a trivially small working set on any A100, kept as the small end of "
          "the full family; the A100's memory size is not said (40 or 80 GB fit alike)", **NG_COMMON)

# ---- tloen/alpaca-lora README.md (commit 692416a): "the training code, which runs within hours on a single RTX
# 4090" with finetune.py's defaults (read at 65fb822): LLaMA-7B loaded in 8-bit (load_in_8bit, torch_dtype float16),
# prepare_model_for_int8_training (casts the non-int8 parameters to fp32 and turns gradient checkpointing on by
# default), LoRA r 8 / alpha 16 / dropout 0.05 on q_proj,v_proj, micro-batch 4 of batch 128 (accumulation 32),
# cutoff_len 256, Trainer fp16 and adamw_torch, rows padded to the longest in the batch (DataCollatorForSeq2Seq).
AL = "https://github.com/tloen/alpaca-lora/blob/692416af33cabd10638bdb601e9b07a14c2a8c3c/README.md"
rec(id="alpaca-lora-llama-7b-int8-lora-r8-qv-s256-b4-4090", source=AL, source_key="alpaca-lora-readme",
    family="lora", model="llama-7b", method="lora", lora_rank=8, lora_targets="q,v (q_proj,v_proj)",
    lora_dropout=0.05, quant="int8 (bitsandbytes LLM.int8 base, load_in_8bit)", seq=256, batch=4, grad_accum=32,
    precision="fp16 mixed (Trainer fp16=True; int8 base, fp16 compute)", optimizer="adamw (optim adamw_torch)",
    checkpointing="full (prepare_model_for_int8_training's default use_gradient_checkpointing=True)",
    kbit="peft-fp32 (prepare_model_for_int8_training: the non-int8 parameters cast to fp32)",
    attention="eager (the early HF LLaMA implementation)", gpus=1, sharding="none", gpu="RTX 4090 24GB",
    card_as_published="a single RTX 4090", loss="not stated (HF causal-LM cross-entropy)", outcome="fit",
    measured_bytes=None, measured_as="'the training code, which runs within hours on a single RTX 4090'",
    measured_how="outcome (the README's statement; no memory figure printed)",
    table="README introduction; finetune.py defaults", compile="torch.compile on (finetune.py under torch 2)",
    notes="cutoff_len 256 is a cap: Alpaca rows are padded to the longest of each micro-batch of 4, mostly shorter; "
          "a fit only")

# ---- huggingface/alignment-handbook recipes (each README its own page and key) ----
# Full SFT recipes: "You will require 8 GPUs (80GB of VRAM) to train the full model", launched with
# recipes/accelerate_configs/deepspeed_zero3.yaml (ZeRO-3, bf16). The stored versions of that accelerate file differ
# on offload (one version reads offload_optimizer/offload_param cpu with num_processes 1); the README's 8 GPUs and
# the upstream file's none are taken, and the doubt is in notes. run_sft.py is TRL's SFTTrainer; torch_dtype
# bfloat16 loads bf16 weights, DeepSpeed's bf16 keeps an fp32 master and AdamW states in the ZeRO optimizer.
AH = "https://github.com/huggingface/alignment-handbook/blob/"
AH_DOUBT = ("the accelerate DeepSpeed file's offload setting differs between its stored versions: read as no "
            "offload; whether SFTTrainer packed rows to max_seq_length at this version is not read here, so the "
            "sequence may be shorter than %d")
for page, key, rid, model, batch, accum, note in (
        ("dbcda4389830bace7b00bf63bad1d1c2af928a86/recipes/zephyr-7b-beta/README.md", "zephyr-7b-beta",
         "mistral-7b", "mistral-7b", 32, 2, "config_full.yaml (edf67d1): use_flash_attention_2, batch 32"),
        ("7267bbccbcb226387a8f2eedaa6c63c632dfc94d/recipes/zephyr-7b-gemma/README.md", "zephyr-7b-gemma",
         "gemma-7b", "gemma-7b", 4, 4, "config_full.yaml (81c66b2): flash_attention_2, batch 4"),
        ("70769f9e9ba41c7f08ba6c4ff3725441b68b7ca3/recipes/starchat2-15b/README.md", "starchat2-15b",
         "starcoder2-15b", "starcoder2-15b", 8, 2, "config_v0.1.yaml (81c66b2): flash_attention_2, batch 8")):
    rec(id="alignment-handbook-%s-sft-full-zero3-8gpu-s2048-b%d" % (rid, batch), source=AH + page,
        source_key="alignment-handbook-" + key + "-readme", family="sharded", model=model, method="full",
        lora_rank=0, lora_targets=None, quant="none", seq=2048, batch=batch, grad_accum=accum,
        precision="bf16 mixed (torch_dtype bfloat16 weights, bf16 true; DeepSpeed bf16 keeps fp32 master states)",
        optimizer="adamw (HF Trainer default)", checkpointing="full (gradient_checkpointing true)",
        attention="flash (attn_implementation flash_attention_2)", gpus=8,
        sharding="zero3 (accelerate deepspeed_zero3.yaml, 8 ranks)", gpu="80GB GPU (model not named)",
        card_as_published="8 GPUs (80GB of VRAM)", loss="not stated (TRL SFTTrainer causal-LM loss)",
        outcome="fit", measured_bytes=None,
        measured_as="'You will require 8 GPUs (80GB of VRAM) to train the full model'",
        measured_how="outcome (the README's requirement; no memory figure printed)",
        table="'Full training examples', Step 1 SFT; " + note,
        notes=(AH_DOUBT % 2048) + "; a fit only (the DPO step, two models, is left out)")
rec(id="alignment-handbook-gpt2-nl-cpt-ddp-4gpu-s1024-b16-3090", source=AH + "ca8e816d9d70161df67791ffc1dcefcdb5f3188f/"
    "recipes/gpt2-nl/README.md", source_key="alignment-handbook-gpt2-nl-readme", family="full", model="gpt2",
    method="full", lora_rank=0, lora_targets=None, quant="none", seq=1024, batch=16, grad_accum=1,
    precision="bf16-true (torch_dtype bfloat16 loads bf16 weights, bf16 true: no fp32 master copy)",
    optimizer="adamw (HF Trainer default; states in the bf16 parameters' dtype)",
    checkpointing="full (gradient_checkpointing true, use_reentrant False)",
    attention="sdpa (not set: transformers' default)", gpus=4,
    sharding="none (accelerate multi_gpu: DDP over 4 ranks)", gpu="RTX 3090 24GB", card_as_published="4x 3090s "
    "(24GB VRAM)", loss="not stated (HF causal-LM cross-entropy over 50257)", outcome="fit", measured_bytes=None,
    measured_as="'The scripts work on 4x 3090s (24GB VRAM)' + cpt/config_full.yaml (batch 16, max_seq_length 1024)",
    measured_how="outcome (the README's statement; no memory figure printed)",
    table="'Continued pretraining' step; cpt/config_full.yaml (95dc472)",
    notes="continued pretraining of GPT-2 124M on Dutch mC4 text (long documents: sequences near 1024); a tiny "
          "model on 24 GB cards, a fit with a wide margin")
rec(id="alignment-handbook-gpt2-nl-sft-ddp-4gpu-s1024-b8-3090", source=AH + "ca8e816d9d70161df67791ffc1dcefcdb5f3188f/"
    "recipes/gpt2-nl/README.md", source_key="alignment-handbook-gpt2-nl-readme", family="full", model="gpt2",
    method="full", lora_rank=0, lora_targets=None, quant="none", seq=1024, batch=8, grad_accum=1,
    precision="bf16-true (torch_dtype bfloat16 loads bf16 weights, bf16 true: no fp32 master copy)",
    optimizer="adamw (HF Trainer default; states in the bf16 parameters' dtype)",
    checkpointing="full (gradient_checkpointing true, use_reentrant False)",
    attention="sdpa (not set: transformers' default)", gpus=4,
    sharding="none (accelerate multi_gpu: DDP over 4 ranks)", gpu="RTX 3090 24GB", card_as_published="4x 3090s "
    "(24GB VRAM)", loss="not stated (HF causal-LM cross-entropy over 50257)", outcome="fit", measured_bytes=None,
    measured_as="'The scripts work on 4x 3090s (24GB VRAM)' + sft/config_full.yaml (batch 8, max_seq_length 1024)",
    measured_how="outcome (the README's statement; no memory figure printed)",
    table="'Supervised finetuning' step; sft/config_full.yaml (81c66b2)",
    notes="SFT of the Dutch GPT-2 on ultrachat_200k_dutch, max_seq_length 1024 a cap unless SFTTrainer packed; a "
          "fit with a wide margin")


# ---- Jjschwartz/jjschwartz.github.io content/blog/2025-07-13-scaling-gpt2.md (commit 30c7a55) ----
# A training journal for GPT-2 (the post's own table: 124M = 12 layers, d_model 768, 12 heads, d_mlp 3072, context
# 1024, vocab 50,257; 1.5B = 48 layers, 1600, 25 heads, 6400). Section 7.1: GPT-2 124M trained from scratch on one
# H100, one sequence of 1024 tokens a step, 1000 steps, AdamW, each optimisation layered on the previous one, with
# "the peak GPU memory usage measured during the run" in MiB (the reading is not named: the code is in the author's
# gollem repository, not read here). Section 7.2: batch doubled until OOM with every optimisation on. Section 12:
# GPT-2 1.5B under DDP on 8 H100s at 16 sequences of 1024 per GPU.
JJ = ("https://github.com/Jjschwartz/jjschwartz.github.io/blob/30c7a5586b8d7e1571f15f588bd7d837d406b17e/content/blog/"
      "2025-07-13-scaling-gpt2.md")
JJ_HOW = ("reading not said ('peak GPU memory usage measured during the run', in MiB; whether allocated, reserved or "
          "a card-level reading is not named)")
A["gpt2-xl"] = gpt2("the post's GPT-2 XL row (openai-community/gpt2-xl)", 48, 1600, 25, 50257, 1024)
for tail, prec, attn, comp, opt, mib, step in (
        ("fp32-eager", "fp32 (no autocast, fp32 matmuls)", "eager (q @ k^T, softmax, @ v)", "off", "adamw", 4371,
         "baseline on the H100 (no optimisations)"),
        ("tf32-eager", "fp32 (weights and activations fp32; matmuls in TF32 via set_float32_matmul_precision high)",
         "eager (q @ k^T, softmax, @ v)", "off", "adamw", 3335, "TF32 alone (the 7.1.5 comparison table)"),
        ("bf16-eager", "bf16 mixed (torch.autocast bfloat16 over fp32 weights)", "eager (q @ k^T, softmax, @ v)", "off",
         "adamw", 3514, "7.1.1 bfloat16"),
        ("bf16-flash", "bf16 mixed (torch.autocast bfloat16 over fp32 weights)",
         "flash (F.scaled_dot_product_attention, is_causal)", "off", "adamw", 2655, "7.1.2 + flash attention"),
        ("bf16-flash-compile", "bf16 mixed (torch.autocast bfloat16 over fp32 weights)",
         "flash (F.scaled_dot_product_attention, is_causal)", "on", "adamw", 2448, "7.1.3 + torch.compile"),
        ("bf16-flash-compile-fused", "bf16 mixed (torch.autocast bfloat16 over fp32 weights)",
         "flash (F.scaled_dot_product_attention, is_causal)", "on", "adamw-fused (fused=True)", 2463,
         "7.1.4 + fused AdamW")):
    rec(id="jjschwartz-gpt2-124m-full-%s-b1-s1024-h100" % tail, source=JJ, source_key="jjschwartz-scaling-gpt2-post",
        family="full", model="gpt2", method="full", lora_rank=0, lora_targets=None, quant="none", seq=1024, batch=1,
        grad_accum=1, precision=prec, optimizer=opt, checkpointing="none (none in the post)", attention=attn,
        compile="torch.compile " + comp, gpus=1, sharding="none", gpu="H100 80GB", card_as_published="H100",
        loss="not stated (cross-entropy over 50,257)", outcome="fit", measured_bytes=mib * MIB,
        measured_as="Peak mem usage: %d MiB" % mib, measured_how=JJ_HOW, table="section 7.1: " + step,
        notes="GPT-2 124M from scratch, one 1024-token sequence a step; each row adds one optimisation to the one "
              "before (the TF32 row is the post's side comparison without bf16); small absolute figures: the CUDA "
              "context, if the reading includes it, is a large share")
JJ_ALL = dict(source=JJ, source_key="jjschwartz-scaling-gpt2-post", family="full", method="full", lora_rank=0,
              lora_targets=None, quant="none", seq=1024, grad_accum=1,
              precision="bf16 mixed (torch.autocast bfloat16 over fp32 weights; TF32 matmuls on)",
              optimizer="adamw-fused (fused=True)", checkpointing="none (none in the post)",
              attention="flash (F.scaled_dot_product_attention, is_causal)", compile="torch.compile on",
              gpu="H100 80GB", card_as_published="H100 (80 GiB in the post)",
              loss="not stated (cross-entropy over 50,257)")
rec(id="jjschwartz-gpt2-124m-full-allopts-b64-s1024-h100", model="gpt2", batch=64, gpus=1, sharding="none",
    outcome="fit", measured_bytes=35 * GIB, measured_as="'the peak memory usage was around 35 GiB for a batch size of "
    "65K' (64 sequences of 1024)", measured_how=JJ_HOW, table="section 7.2 'Tuning the batch size'",
    notes="'around 35 GiB' is a rounded figure read off the post's batch-size plot; the largest power-of-two batch "
          "that ran; the author notes memory grew faster than linearly with batch", **JJ_ALL)
rec(id="jjschwartz-gpt2-124m-full-allopts-b128-s1024-h100-oom", model="gpt2", batch=128, gpus=1, sharding="none",
    outcome="oom", measured_bytes=None, measured_as="'the largest power of 2 batch size before the GPU ran out of "
    "memory was 65K tokens' (so 128 x 1024 ran out)", measured_how="outcome (the next doubling, 131K tokens, OOM)",
    table="section 7.2 'Tuning the batch size'",
    notes="the OOM batch is inferred from the doubling procedure the post describes (64 ran, the next power of two "
          "did not); the figure at 64 (about 35 GiB) makes this OOM surprising, and the author says so", **JJ_ALL)
rec(id="jjschwartz-gpt2-1.5b-full-ddp-8gpu-b16-s1024-h100", model="gpt2-xl", batch=16, gpus=8,
    sharding="none (DDP over 8 ranks: every rank holds the whole model and AdamW states)", outcome="fit",
    measured_bytes=None, measured_as="'I was able to use a batch size of 16 sequences of 1024 tokens, so total of "
    "around 16K tokens per GPU'", measured_how="outcome (the batch the author could run; no memory figure printed)",
    table="section 12 'Scaling up to full size GPT2 model'",
    notes="GPT-2 1.5B from scratch on FineWeb-Edu, accumulation 8 to reach 1M tokens a step; the optimisations of "
          "section 7 are taken as kept (the post says only the hyperparameters and batch changed); 'max of 16K "
          "tokens' reads as the largest batch that fit", **JJ_ALL)

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(len(out), "records")
