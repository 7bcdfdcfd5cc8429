"""Twentieth held-out split (session 30, issue 14): published measured peaks and fit/OOM outcomes from pages no
earlier measured set cites, weighted toward what users do (LoRA and QLoRA of modern LLMs, sharded runs, full
fine-tunes, inference with a KV cache).

This set is BLIND: written by a helper who never read the engine (src/main), the knowledge or prompts, never ran
oomdoc or BudgetBench on these records, and never looked at a score. Nothing here was tuned on, and nothing may be:
score it, never fit to it.

How the pages were chosen: bench/blind_exclusions.sh /tmp/h30/bb20-excl was run first; a page was dropped when its
repository (or a repository of the same short name) is in repos.txt, when the page or thread is in threads.txt or
urls.txt, when bench/, /work/shared or an earlier make_measured_*.py names it, or when a parallel blind writer of this
session holds it (/tmp/h30/*-sources.txt). The writer's own list is /tmp/h30/bb20-sources.txt. The search tools'
first answers were nearly all cited already (LitGPT, ms-swift, xtuner, LongLoRA, Qwen's tables, the Day21 course
reports, universal-llm-trainer, the Gemma-2B Dolly experiments and more were found and dropped), so the records come
from repositories no earlier set touched, read in full from their git snapshots. A page was kept only where it prints
a GPU memory figure for a setup it states (and the code beside the figure says which counter it is), or says that a
named setup ran, or ran out of memory, on a named card. Estimates printed beside measurements were left out.

Pages (13 source keys in 12 repositories; the section comments below give each page's settings):
- google-gemini/gemma-cookbook: LitGPT LoRA of Gemma 2 2B on a T4 and its generate (max_memory_allocated).
- NVIDIA/kvpress speed_and_memory notebook: HF generate of Llama 3.1 8B on an A100 80GB at 8k-128k prompts with a bf16
  or int4 (quanto) cache, one point with 50% KV compression; peaks read off the notebook's chart.
- huggingface/cookbook synthetic-docs notebook: vLLM 0.8.2 serving Llama 3.2 3B on a T4 (vLLM's memory profile).
- Looony-Labs/ml-experiments: QLoRA r128 of Llama 3 8B on an RTX 4090, transformers vs Unsloth vs Unsloth with trained
  embeddings, continued pre-training and instruction stages (reserved peaks).
- usamec/lowmem_finetuning: full fine-tunes of Llama 3.2 1B (fp32 Adam, Adafactor, fused bf16 Adafactor) and 3.1 8B
  (mem_get_info readings, card not named).
- GAIR-NLP/LIMO issue #10: full SFT of Qwen2.5-32B at 16k on 8xA800: OOM under ZeRO-3, fit under ZeRO-3 offload.
- Three course-lab repositories (the Day21 lab's T4 notebook, whose other students sit in heldout16): QLoRA of Llama 3.1
  8B (hoanganh-repogit, the model switched) and of Qwen2.5-3B (0infinitive0, chrugez) at ranks 8/16/64.
- Sogrey/Fine-tuning-of-Chinese-medical (Qwen3-4B QLoRA, RTX 4090) and tf21sam/Fine_Tune_llama (Llama 3 8B QLoRA,
  T4): users' runs of Unsloth's recipe (reserved peaks).
- leagames0221-sys/longctx-bench-honest: Qwen2.5-7B-1M NF4 generate on an RTX 3050 Laptop 6GB (a 4k fit through
  Windows shared-memory spillover, OOMs at 5k/6k/8k) and a vLLM int4 engine-start OOM.

Counts: 40 records; families qlora 17, lora 1, full 4, sharded 2, inference 16 (24 of 40 fine-tuning); outcomes fit
35, oom 5; 34 with a figure (21 max_memory_allocated, 13 device or allocator readings: reserved peaks, vLLM's
profile, mem_get_info) and 6 outcomes; 9 of the figures (kvpress) are read off a chart. Cards: T4 13, A100 80GB 9,
RTX 4090 7, RTX 3050 Laptop 6GB 5, A800 80GB 2, not named 4. Weak spots: one sharded page (two outcomes), one 16-bit
LoRA record, the lab notebook is 9 records of one recipe, kvpress 9 of one chart.

Each record keeps its page's URL pinned to the commit that last changed the file, the row or line its figure comes
from and what the page (or the code beside it) says about how memory was read.
A figure read off a chart says so in measured_how. Model shapes are each model's config.json values as known to the
writer (no network here to reopen them), or as the page prints them; the parameter count is computed from them unless
the page prints it. Each record's notes say what its page leaves unsaid and what the writer wrote in.
Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout20.py
"""
import json

from measured_shapes import llama  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout20.json"
GB = 10 ** 9
GIB = 2 ** 30
MIB = 2 ** 20
KNOWN = "config.json values as known to the writer, not reopened this session"
QKV_BIAS = "; q/k/v biases left out of the count"
ALL7 = "q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj"

A = {
    "llama-3.1-8b": llama("meta-llama/Llama-3.1-8B-Instruct (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 128256),
    "llama-3-8b": llama("meta-llama/Meta-Llama-3-8B (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 128256),
    "llama-3.1-8b-base": llama("meta-llama/Llama-3.1-8B (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 128256),
    "qwen2.5-32b": llama("Qwen/Qwen2.5-32B-Instruct (%s%s)" % (KNOWN, QKV_BIAS), 64, 5120, 40, 8, 27648, 152064),
    "llama-3.2-1b": llama("meta-llama/Llama-3.2-1B (%s)" % KNOWN, 16, 2048, 32, 8, 8192, 128256, tied=True,
                          head_dim=64),
    "qwen2.5-3b": llama("Qwen/Qwen2.5-3B (%s%s)" % (KNOWN, QKV_BIAS), 36, 2048, 16, 2, 11008, 151936, tied=True,
                        head_dim=128),
    "qwen3-4b": llama("Qwen/Qwen3-4B (%s; the notebook's 33,030,144 trainable at r 16 on the seven projections "
                      "agrees with it)" % KNOWN, 36, 2560, 32, 8, 9728, 151936, tied=True, head_dim=128),
    "qwen2.5-7b-1m": llama("Qwen/Qwen2.5-7B-Instruct-1M, the Qwen2.5-7B shape (%s%s)" % (KNOWN, QKV_BIAS), 28, 3584,
                           28, 4, 18944, 152064),
    "llama-3.2-3b": llama("meta-llama/Llama-3.2-3B-Instruct (%s)" % KNOWN, 28, 3072, 24, 8, 8192, 128256,
                          tied=True, head_dim=128),
    # LitGPT converts Gemma 2 with a separate output head: its printout counts 3,204,165,888 frozen and 1,597,440
    # trainable parameters, which the count below keeps (an untied copy of the 256000 x 2304 embedding)
    "gemma-2-2b-litgpt": llama("google/gemma-2-2b as LitGPT 0.5.3 holds it (%s; GeGLU MLP counted as gated; the "
                               "output head counted apart from the embedding, as LitGPT's printout does)" % KNOWN,
                               26, 2304, 8, 4, 9216, 256000, head_dim=256, params=3204165888 + 1597440,
                               extra="; params as the notebook prints them (non-trainable plus trainable)"),
}

out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = A[k["model"]]
    k.setdefault("lora_rank", 0)
    k.setdefault("lora_targets", None)
    k["split"] = "heldout20"
    out.append(k)


INFER = dict(family="inference", method="inference", optimizer="none (inference)", checkpointing="none",
             grad_accum=1, loss="none (inference)", lora_rank=0, lora_targets=None)

# ---- google-gemini/gemma-cookbook, Gemma/[Gemma_2]Finetune_with_LitGPT.ipynb: LitGPT 0.5.3 on a Colab T4 ----
# The notebook runs `litgpt finetune_lora google/gemma-2-2b --data Alpaca2k --train.max_seq_length 512
# --train.micro_batch_size 2 --train.epochs 1 --precision bf16-true` and prints LitGPT's run summary; LitGPT's
# 'Memory Used' is torch.cuda.max_memory_allocated() / 1e9 (its finetune summary and its generate script both print
# that counter). Its own settings printout: LoRA r 8, alpha 16, dropout 0.05 on query and value only, AdamW, global
# batch 16 over micro-batch 2 (8 accumulation steps), no activation checkpointing in LitGPT's LoRA recipe.
GEM = ("https://github.com/google-gemini/gemma-cookbook/blob/e26db011fff2cf2fd7be051cb513833d056011cb/Gemma/"
       "%5BGemma_2%5DFinetune_with_LitGPT.ipynb")
GEM_CARD = ("Tesla T4 (the notebook asks for a Colab T4 with High RAM; Lightning warns \"'Tesla T4' does not "
            "support torch.bfloat16\")")
rec(id="gemma-cookbook-litgpt-gemma-2-2b-lora-r8-qv-b2-s512-t4", source=GEM, source_key="gemma-cookbook-litgpt",
    model="gemma-2-2b-litgpt", family="lora", method="lora", quant="none (bf16 weights: --precision bf16-true)",
    seq=512, batch=2, grad_accum=8,
    precision="bf16-true (LitGPT's pure bf16: weights, adapters and optimizer states in bf16; emulated on a T4)",
    checkpointing="none (LitGPT's finetune_lora sets no activation checkpointing)",
    optimizer="AdamW (LitGPT's default, states in the bf16 parameter dtype)",
    attention="not stated (LitGPT's own attention: torch scaled_dot_product_attention with Gemma 2's soft-capping)",
    loss="cross-entropy (LitGPT's chunked loss over the full vocabulary)", lora_rank=8, lora_dropout=0.05,
    lora_targets="query,value (lora_query True, lora_value True; key, projection, MLP and head False)", gpus=1,
    sharding="none", gpu="T4 16GB", card_as_published=GEM_CARD, outcome="fit", measured_bytes=int(13.10 * GB),
    measured_as="'| - Memory Used               :  13.10 GB' (LitGPT's summary after 950 iterations)",
    measured_how="max_memory_allocated (LitGPT's summary: torch.cuda.max_memory_allocated() / 1e9, decimal GB)",
    table="the finetune_lora cell's run summary (Memory Usage)",
    notes="Alpaca2k (2,000 rows, 5% held out), max_seq_length 512 and 'The longest sequence length in the train data "
          "is 512': rows are padded per micro-batch up to 512, not packed (480,188 tokens with padding over 950 "
          "iterations, about 505 per row); 1 epoch; mask_prompt False")
rec(id="gemma-cookbook-litgpt-gemma-2-2b-generate-p50-n50-t4", source=GEM, source_key="gemma-cookbook-litgpt",
    model="gemma-2-2b-litgpt", quant="none (the merged LoRA checkpoint; LitGPT's generate picks the precision)",
    seq=100, batch=1,
    precision="16-bit (precision None: LitGPT picks bf16-mixed where supported, fp16 ('16-true') on a T4; the cell "
              "does not print which)",
    attention="not stated (LitGPT's own attention)",
    serving_engine="LitGPT 0.5.3 `litgpt generate` (KV cache sized to prompt plus max_new_tokens 50, top_k 50)",
    gpus=1, sharding="none", gpu="T4 16GB", card_as_published=GEM_CARD, outcome="fit",
    measured_bytes=int(6.52 * GB), measured_as="'Memory used: 6.52 GB' (after 'Time for inference 1: 1.57 sec "
                                               "total, 7.65 tokens/sec')",
    measured_how="max_memory_allocated (LitGPT's generate: torch.cuda.max_memory_allocated() / 1e9, decimal GB)",
    table="2. Prompt the fine-tuned model",
    notes="one Alpaca-format prompt of about 50 tokens (seq is written in as 50 prompt + 50 new); the merged weights "
          "hold the separate output head LitGPT converts (3.2B parameters as held)", **INFER)

# ---- NVIDIA/kvpress, notebooks/speed_and_memory.ipynb: Llama 3.1 8B generation with the full KV cache ----
# 'tested using A100 with 80GB memory'. get_generation_stats() resets the peak counter, loads
# meta-llama/Meta-Llama-3.1-8B-Instruct with dtype 'auto' (bf16) and flash_attention_2, generates 100 greedy tokens
# after a synthetic prompt of n_tokens (batch 1), and reports torch.cuda.max_memory_allocated() / 1024**3 (labelled
# GB). Compression ratio 0.0 of KnormPress is the unpressed baseline. The figures are only drawn in the last chart
# ('Peak Memory Usage vs. Context Length'): read off its markers by their pixel centres against the gridlines
# (about +-0.2 GB), the 8,000-token point where the curves overlap at about +-0.3.
KVP = "https://github.com/NVIDIA/kvpress/blob/651bb0a403771d41aae3dba2a0655aff5360a804/notebooks/speed_and_memory.ipynb"
KVP_HOW = ("max_memory_allocated (read off a chart: get_generation_stats() returns torch.cuda.max_memory_allocated() "
           "/ 1024**3 after reset_peak_memory_stats() before loading; the notebook only plots it, the writer read "
           "the marker, +-0.2 GiB)")
for cache, tokens, fig in (("bf16", 8000, 16.9), ("bf16", 16000, 18.7), ("bf16", 32000, 22.4),
                           ("bf16", 64000, 29.9), ("bf16", 128000, 44.8),
                           ("int4", 32000, 19.7), ("int4", 64000, 24.2), ("int4", 128000, 33.5)):
    kv = ("bf16 (transformers DynamicCache)" if cache == "bf16" else
          "int4 (transformers QuantizedCache, quanto backend, nbits 4)")
    line = "bfloat16 cache" if cache == "bf16" else "int4 cache"
    rec(id="kvpress-llama-3.1-8b-bf16-fa2-hf-generate-p%dk-n100-%scache-a100" % (tokens // 1000, cache),
        source=KVP, source_key="kvpress-speed-and-memory", model="llama-3.1-8b",
        quant="none (bf16 weights, dtype 'auto')", seq=tokens + 100, batch=1, precision="bf16 (dtype 'auto')",
        attention="flash attention 2 (attn_implementation flash_attention_2)", kv_cache_dtype=kv,
        serving_engine="HF transformers generate (greedy, 100 new tokens, no EOS stop), KnormPress(0.0) hooks",
        gpus=1, sharding="none", gpu="A100 80GB", card_as_published="A100 with 80GB memory (the notebook's header)",
        outcome="fit", measured_bytes=int(fig * GIB),
        measured_as="'%s' curve at %d tokens: about %.1f GB (chart 'Peak Memory Usage vs. Context Length "
                    "(Meta-Llama-3.1-8B-Instruct)')" % (line, tokens, fig),
        measured_how=KVP_HOW, table="Peak Memory Usage vs. Context Length (last cell's chart)",
        notes="prompt of %d synthetic tokens (torch.arange), prefill in one forward pass, then 100 decode steps; the "
              "peak includes the weights (the counter is reset before loading)%s" % (
                  tokens, "" if cache == "bf16" else "; the quantized cache keeps a residual of recent tokens in "
                  "bf16 (transformers' default for QuantizedCache)"), **INFER)

# the same chart's light-green solid curve: the bf16 cache with KnormPress(compression_ratio=0.5), which drops half of
# the prompt's KV pairs (lowest key norms) after prefill; one point, at the longest context
rec(id="kvpress-llama-3.1-8b-bf16-fa2-hf-generate-p128k-n100-bf16cache-knorm50-a100", source=KVP,
    source_key="kvpress-speed-and-memory", model="llama-3.1-8b", quant="none (bf16 weights, dtype 'auto')",
    seq=128000 + 100, batch=1, precision="bf16 (dtype 'auto')",
    attention="flash attention 2 (attn_implementation flash_attention_2)",
    kv_cache_dtype="bf16 (transformers DynamicCache), half of the prompt's entries pruned by KnormPress(0.5)",
    serving_engine="HF transformers generate (greedy, 100 new tokens, no EOS stop), KnormPress(0.5) hooks", gpus=1,
    sharding="none", gpu="A100 80GB", card_as_published="A100 with 80GB memory (the notebook's header)",
    outcome="fit", measured_bytes=int(37.0 * GIB),
    measured_as="'bfloat16 cache + 50% compression' curve at 128000 tokens: about 37.0 GB (chart 'Peak Memory Usage "
                "vs. Context Length (Meta-Llama-3.1-8B-Instruct)')",
    measured_how=KVP_HOW, table="Peak Memory Usage vs. Context Length (last cell's chart)",
    notes="prompt of 128000 synthetic tokens; the press prunes the cache after the full-length prefill, so the "
          "prefill's activations are unchanged and only the cache the decode steps keep is halved", **INFER)

# ---- huggingface/cookbook, notebooks/en/fine_tune_chatbot_docs_synthetic.ipynb: vLLM through Unsloth on a T4 ----
# Unsloth's SyntheticDataKit starts vLLM 0.8.2 (V0 engine) for unsloth/Llama-3.2-3B-Instruct with max_seq_length 2048
# and prints vLLM's own memory profile: 14.74 GiB x 0.89 = 13.18 GiB for the instance, of which weights 6.02 GiB,
# non-torch 0.05 GiB, activation peak 0.90 GiB and KV cache 6.22 GiB; CUDA graph capture took 0.17 GiB more.
HFC = ("https://github.com/huggingface/cookbook/blob/bd9533d2c344d51d77d9f1ef3552bfdf44d558dc/notebooks/en/"
       "fine_tune_chatbot_docs_synthetic.ipynb")
rec(id="hf-cookbook-vllm-llama-3.2-3b-fp16-s2048-gmu089-t4", source=HFC, source_key="hf-cookbook-synthetic-docs",
    model="llama-3.2-3b", quant="none (fp16 weights: 'Using dtype = torch.float16 for vLLM')", seq=2048, batch=192,
    precision="fp16 (vLLM dtype float16 on a T4)", attention="xformers (vLLM: 'Using XFormers backend')",
    kv_cache_dtype="auto (fp16)",
    serving_engine="vLLM 0.8.2 V0 engine started by Unsloth's SyntheticDataKit (chunked prefill 2048, CUDA graphs)",
    max_model_len=2048, gpu_memory_utilization=0.8939, gpus=1, sharding="none", gpu="T4 16GB",
    card_as_published="Tesla T4 ('Your GPU has CUDA compute capability 7.5 with VRAM = 14.74 GB')", outcome="fit",
    measured_bytes=int((13.18 + 0.17) * GIB),
    measured_as="'the current vLLM instance can use total_gpu_memory (14.74GiB) x gpu_memory_utilization (0.89) = "
                "13.18GiB' and 'model weights take 6.02GiB; non_torch_memory takes 0.05GiB; PyTorch activation peak "
                "memory takes 0.90GiB; the rest of the memory reserved for KV Cache is 6.22GiB', then 'Graph "
                "capturing finished in 41 secs, took 0.17 GiB'",
    measured_how="reading (vLLM's startup memory profile: the instance's budget of 13.18 GiB that weights, profiled "
                 "activations and the KV cache fill, plus the 0.17 GiB CUDA graphs vLLM reports after it)",
    table="2. Synthetic Data Generation (SyntheticDataKit.from_pretrained cell)",
    notes="batch is vLLM's max_num_seqs (Unsloth: 'Num Sequences = 192'); 'Maximum concurrency for 2048 tokens per "
          "request: 28.41x'; Unsloth set gpu_memory_utilization to 89.39%", **INFER)

# ---- hoanganh-repogit/Day21-Track3-2A202600762: a course lab's QLoRA of Llama 3.1 8B on a Colab T4 ----
# One student's run of the Day21 lab notebook (AICB-P2T3) with the model switched to unsloth/Llama-3.1-8B-bnb-4bit (the
# lab's other reports use Qwen2.5-3B): Unsloth 2026.6.9, Transformers 5.5.0, torch 2.11; LoRA on q_proj and v_proj,
# dropout 0, use_gradient_checkpointing 'unsloth'; SFTTrainer with packing False (Unsloth: 'Padding-free
# auto-enabled'), batch 1, accumulation 8, max_seq_length 1024, adamw_8bit, fp16 (T4), 3 epochs of 180 rows (69
# steps). Each rank is trained on a freshly loaded base after the previous model is deleted; the notebook resets the
# peak counter (torch.cuda.reset_peak_memory_stats) before the load (r=8, r=64) or before building the trainer (r=16,
# base already loaded) and reports torch.cuda.max_memory_allocated() / 1e9 after train(); the CSV keeps the bytes.
HOANG = "https://github.com/hoanganh-repogit/Day21-Track3-2A202600762/blob/40c8d81692a0a9f27669487b8a10c391829bf40d/%s"
for rank, alpha, trainable, fig, row in (
        (8, 16, 3407872, 13.002002944, "8,16,3407872,8.1791410446167,13.002002944,1.4307323694229126,..."),
        (16, 32, 6815744, 11.994304, "16,32,6815744,8.300352331002554,11.994304,1.4318755865097046,..."),
        (64, 128, 27262976, 14.344909312, "64,128,27262976,8.396698133150737,14.344909312,1.4588708877563477,...")):
    rec(id="day21-hoanganh-llama-3.1-8b-qlora-r%d-qv-b1-s1024-t4" % rank,
        source=HOANG % "lab21_lora_t4/rank_experiment_summary.csv", source_key="day21-lab-hoanganh-llama31",
        model="llama-3.1-8b-base", family="qlora", method="qlora",
        quant="nf4 (unsloth/Llama-3.1-8B-bnb-4bit, load_in_4bit=True)", seq=1024, batch=1, grad_accum=8,
        precision="fp16 (T4: fp16=not bf16_supported; 'Bfloat16 = FALSE')",
        checkpointing="full (use_gradient_checkpointing='unsloth': offloaded to host RAM)",
        optimizer="adamw_8bit (bitsandbytes 8-bit AdamW)",
        attention="not stated (Unsloth on a T4: 'FA [Xformers = None. FA2 = False]', SDPA)",
        loss="cross-entropy (causal LM on Vietnamese Alpaca rows, Unsloth's loss)", lora_rank=rank,
        lora_dropout=0.0, lora_targets="q_proj,v_proj", gpus=1, sharding="none", gpu="T4 16GB",
        card_as_published="Tesla T4 (Unsloth: 'Max memory: 14.563 GB'; REPORT.md: 16 GB VRAM, 14.56 GB usable)",
        outcome="fit", measured_bytes=int(fig * GB),
        measured_as="'%s' (rank_experiment_summary.csv: rank,alpha,trainable_params,train_time_min,peak_vram_gb,...);"
                    " REPORT.md rounds it to %.2f GB" % (row, round(fig, 2)),
        measured_how="max_memory_allocated (the notebook: torch.cuda.max_memory_allocated() / 1e9 after "
                     "reset_peak_memory_stats(); decimal GB)",
        table="2. Rank Experiment Results (REPORT.md) / lab21_lora_t4/rank_experiment_summary.csv",
        notes="alpha %d, %d trainable parameters; 200 shuffled rows of 5CD-AI/Vietnamese-alpaca-gpt4-gg-translated "
              "(180 train), p95 536 tokens, rows padding-free up to max_seq_length 1024 (not padded to it); the "
              "notebook's profile table says Qwen2.5-3B but its MODEL_NAME and the adapters are Llama 3.1 8B" % (
                  alpha, trainable))

# ---- GAIR-NLP/LIMO issue #10: the LIMO recipe (full SFT of Qwen2.5-32B-Instruct) on eight A800 80GB ----
# train/examples/train_limo.yaml (LLaMA-Factory): finetuning_type full, deepspeed examples/deepspeed/ds_z3_config.json
# (ZeRO-3, no offload), flash_attn fa2, cutoff_len 16384, per_device_train_batch_size 1, gradient_accumulation_steps
# 1, bf16, learning rate 5e-6, 15 epochs over 817 rows. The yaml does not set gradient checkpointing (LLaMA-Factory
# turns it on unless disable_gradient_checkpointing is set, as the writer knows the framework) nor the optimizer
# (HF Trainer's AdamW, fp32 states under DeepSpeed bf16). The reporter ran 'the model, dataset, yaml configuration
# mentioned in this repository' on 8 A800 (640GB in total) and hit CUDA OOM; a maintainer answered that at cutoff
# 16384 ZeRO-2 or ZeRO-3 without offload on 8 A100s is not enough, ZeRO-3 with offload is; the reporter then ran
# it with the repository's zero3_offload config ('using approximately 900GB of memory', host RAM).
LIMO = "https://github.com/GAIR-NLP/LIMO/issues/10"
LIMO_RUN = dict(source=LIMO, source_key="limo-issue-10-a800", model="qwen2.5-32b", family="sharded", method="full",
                quant="none (bf16 weights)", seq=16384, batch=1, grad_accum=1,
                precision="bf16 (bf16: true; DeepSpeed bf16 with fp32 master weights)",
                checkpointing="not stated (LLaMA-Factory's default: gradient checkpointing on)",
                optimizer="AdamW (not stated: HF Trainer's default adamw_torch, fp32 states)",
                attention="flash attention 2 (flash_attn: fa2)",
                loss="cross-entropy (LLaMA-Factory SFT on the LIMO reasoning traces)", gpus=8, gpu="A800 80GB",
                card_as_published="8 A800 GPUs, 'totaling 640GB of GPU memory'", measured_bytes=None,
                table="issue #10 'Inquiry about Experimental Equipment'")
rec(id="limo-qwen2.5-32b-full-zero3-8xa800-s16384-oom", outcome="oom",
    sharding="zero3 (DeepSpeed ZeRO-3 over 8 GPUs, examples/deepspeed/ds_z3_config.json, no offload)",
    measured_as="'We used 8 A800 GPUs, totaling 640GB of GPU memory, but we still encountered a CUDA OUT OF MEMORY "
                "error. We use the model, dataset, yaml configuration mentioned in this repository.'",
    measured_how="outcome (CUDA OOM reported by the user; a maintainer: 'if you use deepspeed zero 2 or deepspeed zero "
                 "without offload, 8*A100s are not enough for full tuning Qwen2.5-32B-Instruct')",
    notes="the repository's train_limo.yaml as published; rows are the LIMO traces, truncated at 16,384 tokens (not "
          "padded to it); batch 1 per GPU", **LIMO_RUN)
rec(id="limo-qwen2.5-32b-full-zero3-offload-8xa800-s16384-fit", outcome="fit",
    sharding="zero3-offload (DeepSpeed ZeRO-3 over 8 GPUs with optimizer and parameters offloaded to CPU: "
             "examples/deepspeed/ds_z3_offload_config.json)",
    measured_as="'We successfully ran the relevant code using the zero3_offload.config file, using approximately "
                "900GB of memory and achieving good results.'",
    measured_how="outcome (the user's report that the run completed; the 900GB is host RAM, not a GPU reading)",
    notes="same yaml with the offload config swapped in; the maintainer adds that with pin memory off about two "
          "epochs could be saved before 800GB of CPU memory filled", **LIMO_RUN)

# ---- Looony-Labs/ml-experiments, Lora/README.md: QLoRA of Llama 3 8B on one RTX 4090, three ways, two stages ----
# Each stage is a fresh process ('process was restarted before each fine-tuning'); every notebook prints Unsloth's
# memory cell: round(torch.cuda.max_memory_reserved() / 1024**3, 3) as 'Peak reserved memory = X GB' (GiB), the
# README tabulates them. meta-llama/Meta-Llama-3-8B in 4-bit NF4 (bnb, bf16 compute) in all three; LoRA r 128, alpha
# 32 on the seven projections (335,544,320 trainable); adamw_8bit; bf16; 240 steps; packing False, rows padded per
# batch. Stage 1 (continued pre-training) on 10% of Hindi Wikipedia (articles truncated at max_seq_length, so most
# rows are full length), batch 1, no accumulation; stage 2 (instructions) on FreedomIntelligence/alpaca-gpt4-hindi,
# batch 2, accumulation 4, starting from the stage-1 adapters.
# * Lora.ipynb: transformers + PEFT + TRL, flash_attention_2, prepare_model_for_kbit_training (gradient checkpointing
#   on, non-quantized weights upcast to fp32), max_seq_length 1024, dropout 0.05 (stage 1) / 0 (stage 2).
# * LoraUnsloth.ipynb: Unsloth FastLanguageModel, use_gradient_checkpointing 'unsloth', max_seq_length 2048.
# * OptimizedLoraUnsloth.ipynb: as LoraUnsloth plus embed_tokens and lm_head trained (1,386,217,472 trainable),
#   UnslothTrainer with embedding_learning_rate 1e-5.
LOONY = "https://github.com/Looony-Labs/ml-experiments/blob/5834b7853fc3db58f83eefb75845c59105d559fb/Lora/README.md"
LOONY_HOW = ("reading (torch.cuda.max_memory_reserved: the notebooks' cell round(torch.cuda.max_memory_reserved() / "
             "1024 / 1024 / 1024, 3), printed as 'Peak reserved memory = X GB' and tabulated in the README; GiB)")
for stage, tech, seq, batch, accum, fig, row in (
        ("cpt", "hf", 1024, 1, 1, 10.588,
         "|LoRA using transformers|335,544,320|8,365,805,568|10.588|0|45.229|141.3068|"),
        ("cpt", "unsloth", 2048, 1, 1, 9.645,
         "|LoRA using unsloth|335,544,320|8,365,805,568|9.645|2.946|41.2|84.8644|"),
        ("cpt", "unsloth-embed", 2048, 1, 1, 17.723,
         "|LoRA using unsloth optimized|1,386,217,472|9,416,478,720|17.723|8.075|75.707|110.633|"),
        ("sft", "hf", 1024, 2, 4, 15.244, "|LoRA using transformers|335,544,320|8,365,805,568|15.244|4.695|65.117|"
                                          "1012.1207|"),
        ("sft", "unsloth", 2048, 2, 4, 11.332, "|LoRA using unsloth|335,544,320|8,365,805,568|11.332|4.613|48.07|"
                                               "596.7715|"),
        ("sft", "unsloth-embed", 2048, 2, 4, 21.492, "|LoRA using unsloth optimized|1,386,217,472|9,416,478,720|"
                                                     "21.492|11.824|91.807|672.1318|")):
    hf = tech == "hf"
    embed = tech == "unsloth-embed"
    rec(id="looony-llama-3-8b-qlora-r128-%s-%s-b%d-s%d-4090" % (tech, stage, batch, seq), source=LOONY,
        source_key="looony-labs-lora-optimizations", model="llama-3-8b", family="qlora", method="qlora",
        quant="nf4 (bitsandbytes 4-bit%s)" % (", bnb_4bit_compute_dtype bf16" if hf else ": Unsloth load_in_4bit"),
        seq=seq, batch=batch, grad_accum=accum, precision="bf16 (bf16=True)",
        checkpointing=("full (prepare_model_for_kbit_training turns on gradient checkpointing)" if hf else
                       "'unsloth' (use_gradient_checkpointing='unsloth': offloaded to host RAM)"),
        optimizer="adamw_8bit (bitsandbytes 8-bit AdamW)",
        attention="flash attention 2 (attn_implementation flash_attention_2)" if hf else
        "not stated (Unsloth's own choice on an RTX 4090)",
        loss="cross-entropy (causal LM)" if hf else "not stated (Unsloth patches the model's loss)",
        lora_rank=128, lora_dropout=0.05 if (hf and stage == "cpt") else 0.0,
        lora_targets=ALL7 + (",embed_tokens,lm_head (the embeddings and the head trained too)" if embed else ""),
        gpus=1, sharding="none", gpu="RTX 4090 24GB",
        card_as_published="1 RTX 4090 24GB (notebooks: 'GPU = NVIDIA GeForce RTX 4090. Max memory = 23.41 GB.')",
        outcome="fit", measured_bytes=int(fig * GIB),
        measured_as="'%s' (%s Results: Technique, Trainable Params, Total Params, Peak Reserved Memory Total(GB), ...)"
                    % (row, "Continued Pre-training" if stage == "cpt" else "Instruction Fine-Tuning"),
        measured_how=LOONY_HOW,
        table="Continued Pre-training Results" if stage == "cpt" else "Instruction Fine-Tuning Results",
        notes="%s; %s; 240 steps%s" % (
            "transformers + PEFT + TRL SFTTrainer (Lora.ipynb)" if hf else
            "Unsloth (%s)" % ("OptimizedLoraUnsloth.ipynb, UnslothTrainer" if embed else "LoraUnsloth.ipynb"),
            "continued pre-training on Hindi Wikipedia rows truncated at %d tokens" % seq if stage == "cpt" else
            "instruction tuning on alpaca-gpt4-hindi rows (shorter than %d), starting from the stage-1 adapters" % seq,
            "; the notebook prints 'Peak reserved memory for training = 0.0 GB': the reserved peak was already "
            "reached while loading and preparing the 4-bit model" if (hf and stage == "cpt") else ""))

# ---- usamec/lowmem_finetuning README: full fine-tunes of Llama 3.2 1B (and 3.1 8B) on HellaSwag ----
# finetune_base.py: weights in fp32 (torch_dtype float32), torch.compile(dynamic=True), bf16 autocast, gradient
# checkpointing on in the training loop, every row padded to max_length 160, the loss masked to the gold ending;
# the optimizer (torch Adam, or the repository's Adafactor) covers model.model.layers only, while the tied
# embedding/head still gets a gradient. Defaults: batch 32 (Adam); the README runs Adafactor with --batch_size 8.
# finetune_lowmem.py: bf16 weights, head and embedding frozen, Adafactor with stochastic rounding applied inside a
# post-accumulate-grad hook that frees each gradient at once, Apple's linear_cross_entropy (no logits tensor),
# gradient checkpointing, batch 8. Both scripts log memory as torch.cuda.mem_get_info's total minus free, in GiB,
# every log_every steps (100 or 400): a device-level reading of the moment, not the peak counter. The card is not
# named in the repository.
USAM = "https://github.com/usamec/lowmem_finetuning/blob/6d8dc10f15d72218ddf4f2dd8f77e87f7edf0f0a/README.md"
USAM_HOW = ("reading (torch.cuda.mem_get_info: total - free, device-level with the CUDA context, logged every "
            "log_every steps, not a peak counter; GiB, printed as 'memory X GB')")
for key, model, prec, opt, batch, ckpt_note, fig, row, note in (
        ("fp32-adam", "llama-3.2-1b", "fp32 weights, bf16 autocast (torch_dtype float32)",
         "Adam (torch.optim.Adam over the decoder layers only, fp32 states)", 32, "", 29.2,
         "| FP32 Adam | 54.2 | 29.2 GB |", "finetune_base.py --run-name BaselineAdam (default batch 32, lr 3e-6); "
         "torch.compile"),
        ("fp32-adafactor", "llama-3.2-1b", "fp32 weights, bf16 autocast (torch_dtype float32)",
         "Adafactor (the repository's utils.Adafactor over the decoder layers, factored second moments)", 8, "",
         14.4, "| FP32 Adafactor | 54.5 | 14.4 GB |",
         "finetune_base.py --optimizer Adafactor --batch_size 8 --lr 1e-4; torch.compile"),
        ("bf16-adafactor-fused", "llama-3.2-1b", "bf16 weights (torch_dtype bfloat16; stochastic rounding in the "
         "update)", "Adafactor fused into a post-accumulate-grad hook (each gradient freed after its update)", 8,
         "; embedding and head frozen", 3.9, "| Lowmemory BF16 Adafactor | 53.6 | 3.9 GB |",
         "finetune_lowmem.py (batch 8, lr 1e-4); linear_cross_entropy from apple/ml-cross-entropy"),
        ("bf16-adafactor-fused", "llama-3.1-8b-base", "bf16 weights (torch_dtype bfloat16; stochastic rounding in "
         "the update)", "Adafactor fused into a post-accumulate-grad hook (each gradient freed after its update)", 8,
         "; embedding and head frozen", 18.6, "'We can also fine-tune Llama-3.1-8B using only 18.6 GB of memory!'",
         "finetune_lowmem.py with --model meta-llama/Llama-3.1-8B (the README names the model; batch 8 is the "
         "script's default, written in)")):
    rec(id="usamec-lowmem-%s-full-%s-b%d-s160" % (model, key, batch), source=USAM,
        source_key="usamec-lowmem-finetuning", model=model, family="full", method="full",
        quant="none (%s)" % ("fp32 weights" if "fp32" in key else "bf16 weights"), seq=160, batch=batch, grad_accum=1,
        precision=prec, checkpointing="full (model.gradient_checkpointing_enable() in the training loop)",
        optimizer=opt, attention="not stated (transformers' default for Llama: SDPA)",
        loss=("cross-entropy over the full logits (nn.CrossEntropyLoss, masked to the ending)" if "fp32" in key else
              "linear_cross_entropy (Apple's cut cross-entropy: no logits tensor)"),
        gpus=1, sharding="none", gpu="", card_as_published="not named", outcome="fit",
        measured_bytes=int(fig * GIB), measured_as="'%s' (Results: Method, Accuracy, Memory consumption)" % row,
        measured_how=USAM_HOW, table="Results",
        notes="%s%s; HellaSwag rows (context + gold ending + EOS) padded to max_length 160; 3 epochs" % (
            note, ckpt_note))

# ---- 0infinitive0/2A202600683-NguyenHuuDuc-Day21: the same course lab with its own model (Qwen2.5-3B) ----
# The lab's T4 notebook as published (see the hoanganh-repogit block above for its code): unsloth/Qwen2.5-3B-bnb-4bit,
# LoRA on q_proj and v_proj, dropout 0, Unsloth gradient checkpointing, batch 1, accumulation 8, max_seq_length 1024,
# adamw_8bit, fp16, 3 epochs of 180 rows; torch.cuda.max_memory_allocated() / 1e9 after each rank's train(). Other
# students' runs of this notebook are in an earlier set (heldout16: 6.6 to 11.2 GB at the same ranks); this run's
# peaks are its own (12.69, 10.61, 13.47 GB), the spread between sessions of one notebook.
# chrugez/lab21_2A202600070 is a third student's run of the same notebook (REPORT.md spells out the same settings:
# Qwen2.5-3B 4-bit, q_proj/v_proj, dropout 0, Unsloth checkpointing, effective batch 8, max_seq_length 1024,
# adamw_8bit, 3 epochs, Tesla T4); its notebook was not opened here (the repository snapshot was out of reach), the
# CSV's bytes agree with REPORT.md's rounded figures.
DUC = ("https://github.com/0infinitive0/2A202600683-NguyenHuuDuc-Day21/blob/2ce5964e809dc2221de2c28ed0e2d954c4928e53/"
       "lab21_lora_t4/rank_experiment_summary.csv")
CHU = ("https://github.com/chrugez/lab21_2A202600070/blob/4fbb0c4dc9560a4e66a8a257a7f1de4c1a301d7a/"
       "lab21_lora_t4/rank_experiment_summary.csv")
for who, url, key, card, rank, alpha, trainable, fig in (
        ("duc", DUC, "day21-lab-duc-qwen25", "Tesla T4, 15.6 GB VRAM (REPORT.md)", 8, 16, 1843200, 12.688336384),
        ("duc", DUC, "day21-lab-duc-qwen25", "Tesla T4, 15.6 GB VRAM (REPORT.md)", 16, 32, 3686400, 10.614555648),
        ("duc", DUC, "day21-lab-duc-qwen25", "Tesla T4, 15.6 GB VRAM (REPORT.md)", 64, 128, 14745600, 13.471397376),
        ("chung", CHU, "day21-lab-chung-qwen25", "Tesla T4, about 16 GB VRAM (REPORT.md)", 8, 16, 1843200,
         11.214966272),
        ("chung", CHU, "day21-lab-chung-qwen25", "Tesla T4, about 16 GB VRAM (REPORT.md)", 16, 32, 3686400,
         10.614776832),
        ("chung", CHU, "day21-lab-chung-qwen25", "Tesla T4, about 16 GB VRAM (REPORT.md)", 64, 128, 14745600,
         11.999148032)):
    rec(id="day21-%s-qwen2.5-3b-qlora-r%d-qv-b1-s1024-t4" % (who, rank), source=url, source_key=key,
        model="qwen2.5-3b", family="qlora", method="qlora", quant="nf4 (unsloth/Qwen2.5-3B-bnb-4bit)", seq=1024,
        batch=1, grad_accum=8, precision="fp16 (T4: bf16 unsupported)",
        checkpointing="full (use_gradient_checkpointing='unsloth': offloaded to host RAM)",
        optimizer="adamw_8bit (bitsandbytes 8-bit AdamW)", attention="not stated (Unsloth on a T4: SDPA/xformers)",
        loss="cross-entropy (causal LM on Vietnamese Alpaca rows, Unsloth's loss)", lora_rank=rank, lora_dropout=0.0,
        lora_targets="q_proj,v_proj", gpus=1, sharding="none", gpu="T4 16GB",
        card_as_published=card, outcome="fit", measured_bytes=int(fig * GB),
        measured_as="'%d,%d,%d,...,%s,...' (rank_experiment_summary.csv: rank,alpha,trainable_params,train_time_min,"
                    "peak_vram_gb,...); REPORT.md rounds it to %.2f GB" % (rank, alpha, trainable, fig, fig),
        measured_how="max_memory_allocated (the lab notebook: torch.cuda.max_memory_allocated() / 1e9 after "
                     "reset_peak_memory_stats(); decimal GB)",
        table="lab21_lora_t4/rank_experiment_summary.csv (REPORT.md, 2. Rank Experiment Results)",
        notes="alpha %d; 200 rows of 5CD-AI/Vietnamese-alpaca-gpt4-gg-translated (180 train), p95 562 tokens, rows "
              "padding-free up to 1024; the same notebook in other students' hands peaked 6.6-11.2 GB" % alpha)

# ---- Two users' runs of Unsloth's SFT notebook recipe on their own data and cards ----
# Each notebook's memory cell prints round(torch.cuda.max_memory_reserved() / 1024**3, 3) as 'Peak reserved memory'.
# Sogrey/Fine-tuning-of-Chinese-medical: Qwen3-4B (ModelScope download) in 4 bit on an RTX 4090 (AutoDL), Unsloth
# 2025.9.7, Transformers 4.55.4, torch 2.8.0; LoRA r 16, alpha 16, dropout 0 on the seven projections, 'unsloth'
# checkpointing, batch 2, accumulation 4, max_seq_length 2048, adamw_8bit, bf16, 600 steps over Chinese medical
# dialogues (short rows, packing False). tf21sam/Fine_Tune_llama: unsloth/llama-3-8b-bnb-4bit on a Colab T4, LoRA r 16
# on the seven projections, batch 2, accumulation 4, max_seq_length 2048, adamw_8bit, fp16, 60 steps of
# yahma/alpaca-cleaned.
SOG = ("https://github.com/Sogrey/Fine-tuning-of-Chinese-medical/blob/f5fd47aef97857cea8d78907b73b0234ee406b76/"
       "Qwen3_(4B)_%E5%8C%BB%E7%96%97%E5%BE%AE%E8%B0%83.ipynb")
TFS = "https://github.com/tf21sam/Fine_Tune_llama/blob/d721b02271befdca4687c7ddaff4d39f9e26f4df/Fine_Tune_llama.ipynb"
USER_HOW = ("reading (torch.cuda.max_memory_reserved: the notebook's cell round(torch.cuda.max_memory_reserved() / "
            "1024 / 1024 / 1024, 3), printed as 'Peak reserved memory = X GB'; GiB)")
for rid, url, key, model, card, cap, prec, fig, start, data, note in (
        ("sogrey-qwen3-4b-qlora-r16-all-b2-s2048-4090", SOG, "sogrey-chinese-medical-qwen3", "qwen3-4b",
         "RTX 4090 24GB", "NVIDIA GeForce RTX 4090 ('Max memory: 23.527 GB'; README: RTX 4090(24GB) * 1, AutoDL)",
         "bf16 (Unsloth banner 'Bfloat16 = TRUE')", 6.438, 3.826,
         "Toyhom Chinese-medical-dialogue-data (663,658 rows), 600 steps",
         "; the notebook's earlier cell prints '3.826 GB of memory reserved.' but its 'Peak reserved memory for "
         "training = 0.049 GB' implies a start of 6.389: the cells come from two executions"),
        ("tf21sam-llama-3-8b-qlora-r16-all-b2-s2048-t4", TFS, "tf21sam-fine-tune-llama", "llama-3-8b", "T4 16GB",
         "Tesla T4 ('Max memory: 14.741 GB')", "fp16 (not set: Unsloth's fp16 on a T4)", 7.5, 7.209,
         "yahma/alpaca-cleaned (51,760 rows), 60 steps",
         "; the notebook is Unsloth's Llama-3 Alpaca recipe run by the user on a T4 (41,943,040 trainable)")):
    rec(id=rid, source=url, source_key=key, model=model, family="qlora", method="qlora",
        quant="nf4 (Unsloth load_in_4bit=True)", seq=2048, batch=2, grad_accum=4, precision=prec,
        checkpointing="'unsloth' (use_gradient_checkpointing='unsloth': offloaded to host RAM)",
        optimizer="adamw_8bit (bitsandbytes 8-bit AdamW)", attention="not stated (Unsloth's own choice)",
        loss="not stated (Unsloth patches the model's loss)", lora_rank=16, lora_dropout=0.0, lora_targets=ALL7,
        gpus=1, sharding="none", gpu=card, card_as_published=cap, outcome="fit", measured_bytes=int(fig * GIB),
        measured_as="'Peak reserved memory = %s GB.' ('%s GB of memory reserved.' before training)" % (fig, start),
        measured_how=USER_HOW, table="the notebook's final memory-stats cell",
        notes="%s; rows shorter than max_seq_length 2048 are not padded to it (packing False)%s" % (data, note))

# ---- leagames0221-sys/longctx-bench-honest: Qwen2.5-7B-Instruct-1M needle-in-a-haystack on a 6 GB laptop GPU ----
# examples/baseline_niah.py (Windows, torch 2.5.1+cu124): transformers with bitsandbytes NF4 (double quant, bf16
# compute), device_map {'': 0}, one chat prompt of the target length, greedy generate of up to 64 new tokens;
# peak_vram_gb is torch.cuda.max_memory_allocated() / 1024**3 after reset_peak_memory_stats() before generate (the
# weights, 5.178 GiB allocated after loading, are inside it). The 4k run 'fit' at a 10.8 GiB peak on a 6 GiB card
# because the Windows driver spilled into shared system memory (the README: 'rescued by Windows shared-memory
# spillover via PCIe'); 5k, 6k and 8k ran out of memory. The 8k failure allocates 6.43 GiB at once, which is 28
# heads x 7851^2 fp32 attention scores: the attention is materialized, not flash. examples/wsl_vllm_niah.py (WSL2,
# vLLM 0.7.3, bitsandbytes int4, bf16, enforce_eager, max_model_len 4200, gpu_memory_utilization 0.9) failed at engine
# start: 'No available memory for the cache blocks' (the README's log: weights 5.43 GiB + activations 1.42 GiB > the
# 5.40 GiB budget).
LCB = "https://github.com/leagames0221-sys/longctx-bench-honest/blob/%s/%s"
LCB_CARD = "NVIDIA GeForce RTX 3050 6GB Laptop GPU (the artifacts' host.gpu; vram_total_gb 6.0)"
LCB_HF = dict(model="qwen2.5-7b-1m", quant="nf4 (bitsandbytes load_in_4bit, double quant, bf16 compute)", batch=1,
              precision="bf16 (torch_dtype bfloat16 for the non-quantized parts)",
              attention="not stated (transformers' default; the 8k OOM's 6.43 GiB request matches materialized fp32 "
                        "attention scores)",
              serving_engine="HF transformers generate (greedy, max_new_tokens 64)", gpus=1, sharding="none",
              gpu="RTX 3050 Laptop 6GB", card_as_published=LCB_CARD, source_key="longctx-bench-honest-hf")
for tokens, actual, outcome, peak, err in (
        (4000, 3851, "fit", 10.8, None),
        (5000, 4850, "oom", None, "Tried to allocate 2.46 GiB. GPU 0 has a total capacity of 6.00 GiB of which 0 bytes "
                                  "is free. Of the allocated memory 11.18 GiB is allocated by PyTorch"),
        (6000, 5851, "oom", None, "Tried to allocate 3.57 GiB. GPU 0 has a total capacity of 6.00 GiB of which 0 bytes "
                                  "is free. Of the allocated memory 9.35 GiB is allocated by PyTorch"),
        (8000, 7851, "oom", None, "Tried to allocate 6.43 GiB. GPU 0 has a total capacity of 6.00 GiB of which 0 bytes "
                                  "is free. Of the allocated memory 6.15 GiB is allocated by PyTorch")):
    art = "artifacts/baseline_%d.json" % tokens
    rec(id="longctx-qwen2.5-7b-1m-nf4-hf-generate-p%d-n64-3050laptop-%s" % (actual, outcome),
        source=LCB % ("01c4bc13e52cc9fc7bfb3303d9b2515d20ee00e7", "README.md"), seq=actual + 64, outcome=outcome,
        measured_bytes=int(peak * GIB) if peak else None,
        measured_as=("README: 'PASS (252s, peak 10.8GB via Win shared-mem)'; %s at bc9ae3d: '\"peak_vram_gb\": "
                     "10.8', '\"status\": \"PASS\"'" % art if peak else
                     "README: 'OOM'; %s at bc9ae3d: '\"status\": \"OOM\"', '%s'" % (art, err)),
        measured_how=("max_memory_allocated (baseline_niah.py: torch.cuda.max_memory_allocated() / 1024**3 after "
                      "reset_peak_memory_stats() before generate; GiB)" if peak else
                      "outcome (CUDA out of memory during generate, as the artifact records it)"),
        table="Cost-tier transparency table, NIAH single needle rows (evidence: artifacts/baseline_<context>.json)",
        notes="a %d-token chat prompt (Paul Graham essays with one needle at 50%% depth; target %d) and up to 64 "
              "new tokens%s" % (actual, tokens,
                                "; the peak exceeds the 6 GiB card: Windows (WDDM) let the allocation spill into "
                                "shared system memory, so this 'fit' would be an OOM on Linux" if peak else
                                "; Windows shared-memory spillover was already in use (more allocated than the card "
                                "holds) and still ran out"), **LCB_HF, **INFER)
rec(id="longctx-qwen2.5-7b-1m-int4-vllm-len4200-gmu09-3050laptop-oom",
    source=LCB % ("e877718c5fb6c956037734d66a5a2e94a6e463c1", "artifacts/wsl_vllm_4000.json"),
    source_key="longctx-bench-honest-vllm", model="qwen2.5-7b-1m",
    quant="int4 (vLLM quantization bitsandbytes, load_format bitsandbytes)", seq=4200, batch=1,
    precision="bf16 (dtype bfloat16)", attention="not stated (vLLM 0.7.3's default backend, enforce_eager)",
    serving_engine="vLLM 0.7.3 in WSL2 (enforce_eager=True, max_new_tokens 64)", max_model_len=4200,
    gpu_memory_utilization=0.9, gpus=1, sharding="none", gpu="RTX 3050 Laptop 6GB", card_as_published=LCB_CARD,
    outcome="oom", measured_bytes=None,
    measured_as="'\"status\": \"OOM\"', 'ValueError: No available memory for the cache blocks. Try increasing "
                "`gpu_memory_utilization` when initializing the engine.' (artifacts/wsl_vllm_4000.json)",
    measured_how="outcome (vLLM engine start failed: the memory profile left no room for KV cache blocks)",
    table="artifacts/wsl_vllm_4000.json",
    notes="a 3,851-token prompt; vLLM's profile as the repository's notes quote it: total 6.00 GiB x 0.90 = 5.40 GiB, "
          "weights 5.43 GiB (int4 body, 16-bit embedding and head), activation peak 1.42 GiB, KV cache -0.94 GiB",
    **INFER)

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(len(out), "records")
