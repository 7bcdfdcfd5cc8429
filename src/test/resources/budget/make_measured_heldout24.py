"""Twenty-fourth held-out split (session 34, issue 14): published measured peaks from pages no earlier measured set
cites, weighted toward what users do (LoRA and QLoRA of modern LLMs, 16-bit LoRA, sharded runs, inference).

This set is BLIND: written by a helper (bb24) who never read the engine (src/main), the knowledge or prompts, never
ran oomdoc or BudgetBench on these records, and never looked at a score. Nothing here was tuned on, and nothing may
be: score it, never fit to it.

How the pages were chosen: bench/blind_exclusions.sh /tmp/h34/bb24-excl was run first; a page was dropped when its
repository is in repos.txt (or a name in names.txt), when the page or thread is in threads.txt or urls.txt, when
bench/results.md or an earlier make_measured_*.py names it, or when a parallel blind writer of this session holds it
(/tmp/h34/*-sources.txt). The writer's own list is /tmp/h34/bb24-sources.txt. A page was kept only where it prints a
GPU memory figure for a setup it states and says (or its code beside the figure says) which counter the figure is.

Pages (5 source keys in 3 repositories, all pinned GitHub files; the comment above each block gives the setup):
- EhsanFarazmand/supportai, EXPERIMENTS.md: Phi-2 and Mistral-7B-Instruct reply-generation SFT on a Colab T4, QLoRA
  and fp16 LoRA, r 16 all-linear, batch 2 x 8, 512 tokens, max_memory_allocated / 1e9 (3).
- thad0ctor/Gefen-X (an optimizer library), three pages of one family: docs/hardware.md (Qwen3-8B full AdamW and LoRA,
  Qwen3-14B QLoRA, Qwen3-14B full AdamW under FSDP2 over 2 cards, and the single-card OOM of the same run; RTX PRO 6000
  96 GB, a short two-sentence batch) (5); examples/toy-finetune/README.md (Qwen3-0.6B full AdamW on an RTX 3090,
  batch 8, up to 768 tokens) (1); COMPATIBILITY.md (Llama-3.2-1B full fine-tune with the library's own optimizer) (1).
- DandinPower/Long-Context-LLM-Finetuning-Study, README.md: full fine-tunes at 32K-128K tokens under DeepSpeed ZeRO-3
  with parameter and optimizer offload and offloaded checkpointing, 4-8 GPUs, per-GPU max_memory_allocated (3).

Counts: 13 records; families full 4, lora 2, qlora 3, sharded 4, inference 0 (13 of 13 fine-tuning); outcomes fit 12,
oom 1; 12 figures, all max_memory_allocated, and 1 outcome. 16-bit LoRA: 2 (fp16 Phi-2, bf16 Qwen3-8B). Sharded: FSDP2
over 2 GPUs, ZeRO-3 with offload over 4 (twice) and 8 GPUs.
Weak spots: short (13, not 25-40) and no inference record: the search tools' answers were again mostly cited already
(repos.txt holds most repositories the searches named), and the one clean inference page found (a Qwen3-4B HF generate
envelope on an RTX 3080 Ti, peak allocated 7.74/8.10/9.16 GiB at 512/1024/2048 prompt tokens) could not be tied to a
repository name, so it has no citable URL. The Gefen-X family holds 7 of 13 records, over the quarter the issue asks
for (its pages carry the only FSDP2 and OOM rows found). Its short benchmark batch makes those rows memory floors.

Each record keeps its page's URL pinned to a commit that holds the figures quoted, the row or line its figure comes
from and what the page (or the code beside it) says about how memory was read. Model shapes are each model's
config.json values as known to the writer (no network here to reopen them); the parameter count is computed from them
unless the page prints it. Each record's notes say what its page leaves unsaid and what the writer wrote in.
Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout24.py
"""
import json

from measured_shapes import llama, shape  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout24.json"
GB = 10 ** 9
GIB = 2 ** 30
MIB = 2 ** 20
KNOWN = "config.json values as known to the writer, not reopened this session"
ALL7 = "q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj"


def phi2():
    """microsoft/phi-2: parallel attention and MLP, plain GELU MLP with biases, one LayerNorm a layer, untied head."""
    layers, hidden, heads, ffn, vocab = 32, 2560, 32, 10240, 51200
    p = layers * (4 * hidden * hidden + 4 * hidden + 2 * hidden * ffn + ffn + hidden + 2 * hidden) \
        + 2 * vocab * hidden + vocab + 2 * hidden
    return shape(p, layers, hidden, heads, heads, ffn, vocab, False,
                 "microsoft/phi-2 (%s): %d layers, hidden %d, %d heads (no GQA), intermediate %d (GELU, not gated), "
                 "vocab %d, untied head with bias, partial rotary; params computed (%.2e)"
                 % (KNOWN, layers, hidden, heads, ffn, vocab, p), mlp="plain")


A = {
    "mistral-7b-instruct-v0.3": llama("mistralai/Mistral-7B-Instruct-v0.3 (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 32768,
                                      head_dim=128),
    "phi-2": phi2(),
    "qwen3-0.6b": llama("Qwen/Qwen3-0.6B (%s; q/k RMSNorm weights left out)" % KNOWN, 28, 1024, 16, 8, 3072, 151936,
                        tied=True, head_dim=128),
    "qwen3-8b": llama("Qwen/Qwen3-8B (%s; q/k RMSNorm weights left out)" % KNOWN, 36, 4096, 32, 8, 12288, 151936,
                      head_dim=128),
    "llama-3.2-1b": llama("meta-llama/Llama-3.2-1B (%s)" % KNOWN, 16, 2048, 32, 8, 8192, 128256, tied=True, head_dim=64),
    "llama-3.1-8b": llama("meta-llama/Llama-3.1-8B-Instruct (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 128256, head_dim=128),
    "qwen2.5-14b": llama("Qwen/Qwen2.5-14B-Instruct (%s; q/k/v biases left out)" % KNOWN, 48, 5120, 40, 8, 13824, 152064,
                         head_dim=128),
    "qwen3-14b": llama("Qwen/Qwen3-14B (%s; q/k RMSNorm weights left out)" % KNOWN, 40, 5120, 40, 8, 17408, 151936,
                       head_dim=128),
}

out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = A[k["model"]]
    k.setdefault("lora_rank", 0)
    k.setdefault("lora_targets", None)
    k["split"] = "heldout24"
    out.append(k)


# ---- EhsanFarazmand/supportai, EXPERIMENTS.md: Phi-2 and Mistral-7B-Instruct reply generation SFT on a Colab T4 ----
# notebooks/05_llm_finetuning.ipynb (read at 04c54e3, the notebook the page says produced the table) fixes the setup:
# trl SFTTrainer, 2000 (query, reply) pairs, per_device_train_batch_size 2, gradient_accumulation_steps 8,
# max_seq_length 512, fp16=True, optim paged_adamw_8bit, gradient checkpointing (use_reentrant False), LoRA r 16 /
# alpha 32 / dropout 0.05 on "all-linear"; QLoRA loads the base with BitsAndBytesConfig nf4, double quantization,
# fp16 compute and prepare_model_for_kbit_training; plain LoRA loads the base in fp16. run_sft() resets the peak
# counter right before trainer.train() and returns torch.cuda.max_memory_allocated() / 1e9 (decimal GB): the figure
# covers the loaded weights and the training steps, not the earlier base-model ROUGE generation.
SAI = "https://github.com/EhsanFarazmand/supportai/blob/57551c546deef59e7c5d8296b886b6ad1abce517/EXPERIMENTS.md"
SAI_COMMON = dict(source=SAI, source_key="supportai-experiments-phase4", seq=512, batch=2, grad_accum=8,
                  checkpointing="gradient checkpointing (SFTConfig gradient_checkpointing=True, non-reentrant)",
                  optimizer="paged AdamW 8-bit (optim paged_adamw_8bit) over the adapters",
                  attention="Transformers 4.44 default (sdpa where supported; Phi-2 remote code may use eager)",
                  loss="causal LM cross-entropy over the whole formatted text (SFTTrainer, no completion-only mask)",
                  lora_rank=16, lora_targets="all-linear (PEFT: every Linear but lm_head)", lora_dropout=0.05,
                  gpus=1, sharding="none", gpu="T4 16GB", card_as_published="Google Colab, T4 (16 GB)",
                  outcome="fit",
                  measured_how="max_memory_allocated (05_llm_finetuning.ipynb run_sft: reset_peak_memory_stats before "
                               "trainer.train(), then torch.cuda.max_memory_allocated() / 1e9), labelled GB")
for rid, model, fam, quant, prec, gb, row, table in (
        ("mistral7b-qlora", "mistral-7b-instruct-v0.3", "qlora",
         "nf4 with double quantization (BitsAndBytesConfig load_in_4bit, prepare_model_for_kbit_training)",
         "fp16 compute over nf4 weights (fp16=True mixed precision)", 6.40,
         "| Mistral-7B-Instruct | 7B | 0.2668 | **0.3576** | +0.0908 | 6.40 GB | 2239 s |",
         "Response generation — ROUGE-L (base → QLoRA fine-tuned)"),
        ("phi2-qlora", "phi-2", "qlora",
         "nf4 with double quantization (BitsAndBytesConfig load_in_4bit, prepare_model_for_kbit_training)",
         "fp16 compute over nf4 weights (fp16=True mixed precision)", 3.89,
         "| QLoRA (4-bit) | **3.89 GB** | 995 s | 0.3031 |", "LoRA vs QLoRA (measured on Phi-2, same data/config)"),
        ("phi2-lora-fp16", "phi-2", "lora", "none",
         "fp16 weights (torch_dtype float16) with fp16=True mixed precision; adapters fp32 as PEFT keeps them", 6.67,
         "| LoRA (fp16) | 6.67 GB | **786 s** | 0.3149 |", "LoRA vs QLoRA (measured on Phi-2, same data/config)")):
    rec(id="supportai-%s-r16-all-linear-b2-s512-t4" % rid, model=model, family=fam, method=fam, quant=quant,
        precision=prec, measured_bytes=int(gb * GB), measured_as="'%s'" % row, table=table,
        notes=("the notebook's constants name mistralai/Mistral-7B-Instruct-v0.2, the committed adapter_config.json "
               "names v0.3 (same shape but for the 32768-token vocabulary, taken here); " if model.startswith("mistral")
               else "") + "seq is the max_seq_length cap: support replies are a few hundred tokens and rows are not "
                          "packed, so most batches are shorter than 512; the page does not print per-batch lengths",
        **SAI_COMMON)

# ---- thad0ctor/Gefen-X (an optimizer library): its own measured tables, Qwen3 models, bf16, max_memory_allocated ----
# docs/hardware.md: "Every measured value is peak VRAM (torch.cuda.max_memory_allocated), in GiB", bf16 weights and
# gradients, gradient checkpointing on, no offload, AdamW column = torch.optim.AdamW with bf16 state, LoRA/QLoRA adapters
# stepped by Gefen; the harness benchmarks/arch-compat/validate_llm.py (read at 2c93b0f) trains a fixed batch of two
# short sentences (about 25-30 tokens each, padded to the longer) for 40 steps, LoRA r 16 / alpha 32 / dropout 0 on every
# Linear but lm_head, QLoRA nf4 + double quantization + bf16 compute, resets the peak counter after a probe
# forward/backward and sums max_memory_allocated over the visible GPUs. The page says "Measured on Qwen models (dense
# 0.6B-72B ...)"; 0.6B/8B/14B are taken as Qwen3 (the sizes only Qwen3 has at 0.6B, and the library's examples use
# Qwen3). Cards: RTX PRO 6000 (96 GB). The FSDP2 table is validate_fsdp.py over two cards, per-GPU figure quoted.
GFX = "https://github.com/thad0ctor/Gefen-X/blob/10514db40ec17b0d32fa57e9da27931290f55734/docs/hardware.md"
GFX_COMMON = dict(source=GFX, source_key="gefen-x-hardware-doc", seq=32, batch=2, grad_accum=1,
                  checkpointing="gradient checkpointing (model.gradient_checkpointing_enable(), use_cache off)",
                  attention="sdpa (validate_llm.py --attn default)", loss="causal LM cross-entropy, padding masked",
                  gpu="RTX PRO 6000 96GB", card_as_published="RTX PRO 6000 (96 GB) cards", outcome="fit",
                  measured_how="max_memory_allocated (the page: peak VRAM = torch.cuda.max_memory_allocated, GiB; the "
                               "harness resets the peak after a probe step and sums over visible GPUs)")
GFX_NOTE = ("seq is the writer's reading of the harness batch (two fixed sentences, ~25-30 tokens, padded): the page "
            "calls it 'a short, two-sequence step', so activations are negligible and the figure is the memory floor")
rec(id="gefen-x-qwen3-8b-full-adamw-bf16-b2-short-rtxpro6000", model="qwen3-8b", family="full", method="full",
    quant="none", precision="pure bf16 (weights, gradients and AdamW moments bf16, no fp32 master copy)",
    optimizer="torch.optim.AdamW over bf16 parameters (states bf16, lr 1e-4)", gpus=1, sharding="none",
    measured_bytes=int(76.4 * GIB), measured_as="'| 8B | 38.3 | 76.4 | **15.7** | **8.6** |' (Full FT · AdamW column)",
    table="Peak VRAM by model size", notes=GFX_NOTE + "; the page puts AdamW at about 10 bytes a parameter "
                                                      "(2 weights, 2 gradients, ~6 state and step workspace)",
    **GFX_COMMON)
rec(id="gefen-x-qwen3-8b-lora-r16-all-linear-bf16-b2-short-rtxpro6000", model="qwen3-8b", family="lora",
    method="lora", quant="none", precision="bf16 base (frozen) and bf16 adapters", lora_rank=16,
    lora_targets="every Linear but lm_head (" + ALL7 + ")", lora_dropout=0.0,
    optimizer="Gefen (the library's quantized-state optimizer) over the adapters; the page: adapter columns are "
              "optimizer-agnostic within rounding", gpus=1, sharding="none", measured_bytes=int(15.7 * GIB),
    measured_as="'| 8B | 38.3 | 76.4 | **15.7** | **8.6** |' (LoRA column)", table="Peak VRAM by model size",
    notes=GFX_NOTE, **GFX_COMMON)
rec(id="gefen-x-qwen3-14b-qlora-r16-all-linear-b2-short-rtxpro6000", model="qwen3-14b", family="qlora",
    method="qlora", quant="nf4 with double quantization (BitsAndBytesConfig, prepare_model_for_kbit_training)",
    precision="bf16 compute over nf4 weights", lora_rank=16, lora_targets="every Linear but lm_head (" + ALL7 + ")",
    lora_dropout=0.0, optimizer="Gefen over the adapters (adapter columns optimizer-agnostic per the page)", gpus=1,
    sharding="none", measured_bytes=int(13.0 * GIB),
    measured_as="'| 14B | 69.1 | 139 ᶠ | 28.2 | **13.0** |' (QLoRA (4-bit) column)", table="Peak VRAM by model size",
    notes=GFX_NOTE, **GFX_COMMON)
rec(id="gefen-x-qwen3-14b-full-adamw-fsdp2-2gpu-b2-short-rtxpro6000", model="qwen3-14b", family="sharded",
    method="full", quant="none", precision="pure bf16 (weights, gradients and AdamW moments bf16)",
    optimizer="torch.optim.AdamW (bf16 states, sharded by FSDP2)", gpus=2,
    sharding="fsdp (FSDP2 fully_shard via validate_fsdp.py), 2 ranks", measured_bytes=70 * GIB,
    measured_as="'| 14B | **79 / 40** | **139 / 70** | Gefen ✅ · AdamW ✅ |' (AdamW — total / per-GPU)",
    table="Full fine-tune under FSDP2 (2 × RTX PRO 6000)",
    notes=GFX_NOTE + "; per-GPU figure (139 GiB summed over both cards); the single-card AdamW run of the same model "
                     "is marked OOM on one 96 GB card by the page (ᶠ). The batch of validate_fsdp.py was not reread; "
                     "the page says every cell uses the same short two-sequence workload", **GFX_COMMON)

rec(id="gefen-x-qwen3-14b-full-adamw-bf16-b2-short-1gpu-rtxpro6000-oom", model="qwen3-14b", family="full",
    method="full", quant="none", precision="pure bf16 (weights, gradients and AdamW moments bf16)",
    optimizer="torch.optim.AdamW over bf16 parameters (states bf16)", gpus=1, sharding="none", measured_bytes=None,
    outcome="oom", measured_as="'ᶠ measured under FSDP2 on 2×96 GB (single-card OOM — see next table)' (the 14B "
                               "Full FT · AdamW cell, 139 GiB in total)",
    measured_how="outcome (the page: the single-card run of this cell ran out of memory on one 96 GB card)",
    table="Peak VRAM by model size", notes=GFX_NOTE + "; the same workload needed 139 GiB summed over two cards under "
                                                      "FSDP2, so one card's 96 GB could not hold it",
    **{k: v for k, v in GFX_COMMON.items() if k not in ("outcome", "measured_how")})

# ---- thad0ctor/Gefen-X examples/toy-finetune README: Qwen3-0.6B full fine-tune on one RTX 3090, AdamW arm ----
# train.py (read at 5bdb788, the README's commit): Qwen/Qwen3-0.6B loaded in bf16 with sdpa, every weight trained, no
# gradient checkpointing by default, batch 8, accumulation 1, --seq-len 768 (rows longer are skipped; GSM8K chat rows
# run a few hundred tokens, length-sorted batches), torch.optim.AdamW over the bf16 parameters (moments bf16: the
# README's 2.22 GiB optimizer state is 2 x 2 bytes x 0.6B), reset_peak_memory_stats before the loop and
# max_memory_allocated / 2**30 printed as peak_vram_GiB. The gefen and hybrid rows use the library's own optimizer and
# are left out.
TOY = "https://github.com/thad0ctor/Gefen-X/blob/5bdb7882d83f2d02150b7038a7b3358fff31b2a1/examples/toy-finetune/README.md"
rec(id="gefen-x-toy-qwen3-0.6b-full-adamw-bf16-b8-s768-3090", source=TOY, source_key="gefen-x-toy-finetune-readme",
    model="qwen3-0.6b", family="full", method="full", quant="none",
    precision="pure bf16 (weights, gradients and AdamW moments bf16, no fp32 master copy)",
    optimizer="torch.optim.AdamW over bf16 parameters (states bf16, lr 5e-5)", seq=768, batch=8, grad_accum=1,
    checkpointing="none (train.py --grad-checkpoint not passed in the README's run)", attention="sdpa",
    loss="causal LM cross-entropy on the reply tokens only (prompt masked -100)", gpus=1, sharding="none",
    gpu="RTX 3090 24GB", card_as_published="an RTX 3090 (\"a single 24 GB GPU\")", outcome="fit",
    measured_bytes=int(17.8 * GIB),
    measured_as="'| `adamw` | 2.22 GiB | 17.8 GiB | 3.7 min | 93.5% | 43.0% |' (Peak VRAM)",
    measured_how="max_memory_allocated (train.py: reset_peak_memory_stats before the loop, peak_vram_GiB = "
                 "torch.cuda.max_memory_allocated() / 2**30)", table="Swap the optimizer",
    notes="seq is the --seq-len cap: GSM8K chat rows are shorter (a question plus a worked answer, a few hundred "
          "tokens) and batches are length-sorted, so most steps run well under 768 tokens; the peak comes from the "
          "longest batch; the 151,936-entry vocabulary makes the logits of 8 rows a large share of it")

# ---- thad0ctor/Gefen-X COMPATIBILITY.md: the same smoke harness (validate_llm.py) on one 24 GB card ----
# "Peak VRAM from torch.cuda.max_memory_allocated"; full-param rows train every weight with the library's own Gefen
# optimizer (quantized state, about 1 byte a parameter per docs/hardware.md), bf16 weights and gradients, gradient
# checkpointing on, the fixed two-sentence batch, 40 steps. Only the plain dense LLM row is taken; the VLM, MoE and
# device_map LoRA rows are left out.
CMP = "https://github.com/thad0ctor/Gefen-X/blob/0440664ddf17459117571932911934141fbb7638/COMPATIBILITY.md"
rec(id="gefen-x-compat-llama3.2-1b-full-gefen-bf16-b2-short-3090", source=CMP, source_key="gefen-x-compatibility-matrix",
    model="llama-3.2-1b", family="full", method="full", quant="none",
    precision="pure bf16 weights and gradients (optimizer state quantized by Gefen)",
    optimizer="Gefen (fused=True, factored_v_2d=True: 8-bit codebook momentum plus a per-block second moment, about "
              "1 byte a parameter; not AdamW)", seq=32, batch=2, grad_accum=1,
    checkpointing="gradient checkpointing (validate_llm.py always enables it)", attention="sdpa",
    loss="causal LM cross-entropy, padding masked", gpus=1, sharding="none", gpu="RTX 3090 24GB",
    card_as_published="1×24 GB (the page: GPUs are 24 GB RTX 3090 unless noted)", outcome="fit",
    measured_bytes=int(6.8 * GIB),
    measured_as="'| Llama-3.2-1B | LLM | full-param | ✅ PASS | 4.54 → 0.032 (−99.3%) | 6.8 GiB | 1×24 GB |'",
    measured_how="max_memory_allocated (the page: Peak VRAM from torch.cuda.max_memory_allocated, GiB)",
    table="Matrix", notes=GFX_NOTE + "; the optimizer is the page's own quantized-state one, so a budget that assumes "
                                     "AdamW's 8 bytes of fp32 moments a parameter overshoots this row")

# ---- DandinPower/Long-Context-LLM-Finetuning-Study README: full fine-tunes at 32K-128K under ZeRO-3 with offload ----
# The table is per GPU: training.py (read at 02b29fd, the script run.sh launches) prints
# torch.cuda.max_memory_allocated() / 1024**2 as "Peak VRAM Usage(per gpu) ... MB" (MiB) on rank 0, the counter reset at
# init. configs/cpu.json (read at cae8760, the commit that added the Qwen row): DeepSpeed ZeRO stage 3 with
# offload_param and offload_optimizer to pinned CPU memory, stage3_max_live_parameters 0, prefetch 0, bf16 enabled
# (the page: fp16 on V100s; configs/cpu.json at afc3884, the commit that added the V100 rows, has fp16 enabled and bf16
# off, with the same zero_optimization block); run.sh: per-device batch 1, accumulation 1, learning rate 1e-4, --liger_kernel,
# --gradient_checkpointing with --offload_gradient_checkpointing (checkpointed activations copied to host RAM),
# --flash_attn_2 (not on V100s). Inputs are dummy token ids of exactly max_seq_len (get_dummy_inputs_and_labels), so
# every row is the full context.
# Thirty-fifth session (budget37, after the set was scored blind): the sharding field now names cpu.json's live,
# prefetch, persistence and bucket values (the writer had them in the notes only), so a reader that takes the stated
# stage3_max_live_parameters sees it; the figures, setups and URLs are unchanged. Optimizer: DeepSpeed's CPU Adam over the offloaded fp32 states (create_optimizer with
# offload). The page also prints host RAM peaks (286-460 GiB), not recorded here.
LCF = ("https://github.com/DandinPower/Long-Context-LLM-Finetuning-Study/blob/1d916b59986994b8d9bcb21dec717c08cfb7e1dd/"
       "README.md")
LCF_COMMON = dict(source=LCF, source_key="long-context-finetuning-study-readme", batch=1, grad_accum=1,
                  method="full", family="sharded", quant="none", outcome="fit",
                  checkpointing="gradient checkpointing with the checkpointed layer inputs offloaded to CPU RAM "
                                "(--offload_gradient_checkpointing, Unsloth-style)",
                  optimizer="DeepSpeed CPU Adam (fp32 master weights and moments in host RAM, ZeRO-Offload)",
                  loss="causal LM cross-entropy through Liger's fused linear cross-entropy (--liger_kernel)",
                  table="Results",
                  measured_how="max_memory_allocated (training.py: torch.cuda.max_memory_allocated() / 1024**2 "
                               "printed as 'Peak VRAM Usage(per gpu)' in MB, i.e. MiB, rank 0)")
for rid, model, gpus, card, pub, seq, mib, prec, attn, row in (
        ("llama3.1-8b-s32768-8xv100", "llama-3.1-8b", 8, "V100 16GB", "8×V100 16GB (Setup 1: 128 GB VRAM in all)",
         32768, 7711.63, "fp16 mixed precision (the page: FP16 before Ampere, e.g. V100)",
         "sdpa/eager (FlashAttention 2 is not supported on V100, the page says)",
         "| **8×V100**        | Llama3.1 8B | 32768          | 7711.63                | 286.43                 | "
         "2793.22              | 1          |"),
        ("llama3.1-8b-s128000-4xa100", "llama-3.1-8b", 4, "A100 40GB", "8XA100 40GB SXM4 (NVLink) host, 4 used",
         128000, 24128.66, "bf16 (DeepSpeed bf16 enabled)", "FlashAttention 2 (--flash_attn_2)",
         "| **4×A100**        | Llama3.1 8B | 128000         | 24128.66               | 318.02                 | "
         "3382.45              | 1          |"),
        ("qwen2.5-14b-s128000-4xa100", "qwen2.5-14b", 4, "A100 40GB", "8XA100 40GB SXM4 (NVLink) host, 4 used",
         128000, 28254.75, "bf16 (DeepSpeed bf16 enabled)", "FlashAttention 2 (--flash_attn_2)",
         "| **4×A100**        | Qwen2.5 14B | 128000         | 28254.75               | 786.82                 | "
         "1836.61              | 1          |")):
    rec(id="long-context-study-%s-zero3-offload" % rid, model=model, seq=seq, gpus=gpus, gpu=card,
        card_as_published=pub, precision=prec, attention=attn,
        sharding="zero-3 (DeepSpeed stage 3 with offload_param and offload_optimizer to CPU; configs/cpu.json: "
                 "stage3_max_live_parameters 0, stage3_prefetch_bucket_size 0, stage3_param_persistence_threshold 0, "
                 "reduce_bucket_size 1e5, overlap_comm true), %d ranks" % gpus,
        measured_bytes=int(mib * MIB), measured_as="'%s' (Peak VRAM Memory (MiB))" % row,
        notes="per GPU; parameters, gradients and optimizer states live in host RAM and layers are gathered one at "
              "a time (max live parameters 0), so the GPU holds mostly the activations of one layer at the full "
              "context and the offload buffers; the same figure on 1, 2, 4, 7 and 8 A100s in the page's table says "
              "the per-GPU peak does not fall with more ranks here; whether the V100 row used the bf16 or an fp16 "
              "config file is the page's word (FP16 on V100) against the committed cpu.json (bf16)", **LCF_COMMON)

PAGES = sorted({r["source_key"] for r in out})

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(len(out), "records from", len(PAGES), "source keys")
