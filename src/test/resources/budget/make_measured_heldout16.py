"""Sixteenth held-out split (session 24, issue 14): published measured peaks and fit/OOM outcomes from pages no earlier
measured set cites, weighted toward fine-tuning (LoRA, QLoRA, full, ZeRO/FSDP over N GPUs) as issue 14 asks.

This set is BLIND: written by a helper who never read the engine (src/main), the knowledge or prompts, never ran
oomdoc or BudgetBench on these records except one parse check with its output discarded, and never looked at a score
or at bench/results.md. Nothing here was tuned on, and nothing may be: score it, never fit to it.

How the pages were chosen: a page was dropped when its repository, or a repository of the same short name (renamed
copies and forks), is cited anywhere under src/test/resources or bench/ (/tmp/h24/repos.txt), when the page or thread
is cited (/tmp/h24/threads.txt, /tmp/h24/urls.txt), when an earlier measured_*.json cites its repository, or when a
parallel blind writer holds it (/tmp/h24/b29r-threads.txt, /tmp/h24/b30e-threads.txt). The writer's own list is
/tmp/h24/bb16-sources.txt; /tmp/h24/bb16-check.sh answers "OK or the reason" per candidate. The issue trackers the
search tools reach are nearly all cited by now (every thread the writer found there was), so this set is made of
files in small repositories: run reports, lab reports with their result CSVs, a benchmark's own results page, and
two blog posts kept in git. A page was kept only where it prints a GPU memory figure for a setup it states (and, where
the script sits next to it, the script says how the figure was read), or says that a named setup ran, or ran out of
memory, on a named card. Calculator and rule-of-thumb tables were left out, and so were "expected VRAM" lines; the
torchtune tables are issue 14's external check and are not here.

Counts: 42 records from 8 pages (source keys) in 8 repositories; families sharded 12, full 4, qlora 12, lora 1,
inference 13 (29 of 42 fine-tuning, 69%); outcomes 35 fit and 7 oom; 29 records with a figure, 13 without one on a
named card (7 OOMs, and 6 inference fits whose page prints only the memory after loading, kept in the notes).
Three of the pages are reports of one course lab (Qwen2.5-3B QLoRA on a Colab T4 at ranks 8, 16 and 64, the same
notebook and data): the same setup measured in three sessions by three students, kept on purpose because the
spread between them (6.6 to 12.0 GB for the same rank) is what a budget can expect from such a reading; they are three
source keys, and a scorer that wants one page per setup should group them by their shared "lab" note.

Pages: StochasticResult/DL_SLM_Gemma2b_LoRA_Fine-Tuning's Final_Report.md (Gemma-2-2B LoRA and QLoRA on an RTX 3060
12GB, max_memory_allocated); three Day21 lab reports (TieuLam, TrungHau2056, khvavuong: Qwen2.5-3B-bnb-4bit QLoRA on a
T4 at ranks 8/16/64, the lab notebook's torch.cuda.max_memory_allocated()/1e9 after reset_peak_memory_stats);
canghaiX/MiniTrainBench's memory-pressure matrix (custom GPT models of 23M to 2.6B trained with DDP, FSDP, ZeRO-2 and
ZeRO-3 on 8x A100-SXM4-40GB, max_memory_allocated per rank, one DDP OOM); Shekswess's blog post on Llama-3-8B-Instruct
QLoRA with Unsloth on a Colab T4; tharindu-sankalpa/huggingface-learning's Qwen benchmark article (transformers bf16
inference of Qwen2.5-Coder 7B/32B and Qwen3 32B/30B-A3B on an H100 NVL, an L4 and a T4: which loaded, which ran out of
memory, the allocated memory after loading); ozgurgulerx/inference-journal's vLLM startup trace (Qwen2.5-1.5B-Instruct
on an RTX 2000 Ada 16GB at gpu_memory_utilization 0.6). Each record's notes say what its page leaves unsaid and what the
writer wrote in (a length, a batch) where the page gives none.

Every figure is typed from its page; each record keeps the page's URL pinned to a commit of the file, the row or
sentence it comes from and what the page (or the script beside it) says about how memory was read. Model shapes are
each model's config.json values as known to the writer (no network here to reopen them); the parameter count is
computed from them unless the page or model card prints it.
Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout16.py
"""
import json

from measured_shapes import llama, shape  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout16.json"
GB = 10 ** 9
GIB = 2 ** 30
MB = 10 ** 6
MIB = 2 ** 20
KNOWN = "config.json values as known to the writer, not reopened this session"


def minigpt(tier, layers, hidden, heads, vocab, params, seq):
    """MiniTrainBench's MiniGPT: nn.TransformerEncoderLayer blocks (pre-norm LayerNorm, multi-head attention, a plain
    GELU MLP of 4 x d_model), learned positions, the LM head tied to the embedding (src/minitrainbench/model.py)."""
    return shape(params, layers, hidden, heads, heads, 4 * hidden, vocab, True,
                 "MiniTrainBench MiniGPT '%s' tier (the report's 'L%d/H%d/A%d' and its command line: vocab %d, "
                 "seq_length %d; model.py: dim_feedforward 4 x d_model, GELU, LayerNorm, learned positions, tied LM "
                 "head): %d layers, hidden %d, %d heads, intermediate %d, vocab %d, tied; params as published "
                 "(%.1fM, the report's target column)" % (tier, layers, hidden, heads, vocab, seq, layers, hidden,
                                                         heads, 4 * hidden, vocab, params / 1e6), mlp="plain")


A = {
    "gemma2-2b": llama("google/gemma-2-2b (%s; GeGLU MLP, logit soft-capping, sliding window on alternate layers)"
                       % KNOWN, 26, 2304, 8, 4, 9216, 256000, tied=True, head_dim=256),
    "qwen2.5-3b": llama("Qwen/Qwen2.5-3B (unsloth/Qwen2.5-3B-bnb-4bit; %s; q/k/v biases left out of the count)"
                        % KNOWN, 36, 2048, 16, 2, 11008, 151936, tied=True),
    "llama3-8b": llama("meta-llama/Meta-Llama-3-8B-Instruct (unsloth/llama-3-8b-Instruct-bnb-4bit; %s)" % KNOWN,
                       32, 4096, 32, 8, 14336, 128256),
    "qwen2.5-coder-7b": llama("Qwen/Qwen2.5-Coder-7B-Instruct (%s; q/k/v biases left out of the count)" % KNOWN,
                              28, 3584, 28, 4, 18944, 152064),
    "qwen2.5-coder-32b": llama("Qwen/Qwen2.5-Coder-32B-Instruct (%s; q/k/v biases left out of the count)" % KNOWN,
                               64, 5120, 40, 8, 27648, 152064),
    "qwen3-32b": llama("Qwen/Qwen3-32B (%s; q/k norms left out of the count)" % KNOWN, 64, 5120, 64, 8, 25600,
                       151936, head_dim=128),
    "qwen3-30b-a3b": llama("Qwen/Qwen3-30B-A3B (%s; 128 experts of intermediate 768, 8 active per token)" % KNOWN,
                           48, 2048, 32, 4, 768, 151936, head_dim=128, params=30500000000,
                           extra="; the model card's 30.5B in all, 3.3B active", experts_total=128,
                           experts_active=8),
    "qwen3-coder-30b-a3b": llama("Qwen/Qwen3-Coder-30B-A3B-Instruct (%s; the Qwen3-30B-A3B shape: 128 experts of "
                                 "intermediate 768, 8 active)" % KNOWN, 48, 2048, 32, 4, 768, 151936, head_dim=128,
                                 params=30500000000, extra="; the model card's 30.5B in all, 3.3B active",
                                 experts_total=128, experts_active=8),
    "qwen2.5-1.5b": llama("Qwen/Qwen2.5-1.5B-Instruct (%s; q/k/v biases left out of the count)" % KNOWN,
                          28, 1536, 12, 2, 8960, 151936, tied=True),
    "minigpt-small": minigpt("small", 6, 512, 8, 8192, 23200000, 256),
    "minigpt-medium": minigpt("medium", 12, 1024, 16, 16384, 168500000, 512),
    "minigpt-large": minigpt("large", 24, 1536, 24, 32768, 731100000, 512),
    "minigpt-stress": minigpt("stress", 32, 2560, 32, 32768, 2602800000, 512),
}

out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = A[k["model"]]
    k.setdefault("lora_rank", 0)
    k.setdefault("lora_targets", None)
    k["split"] = "heldout16"
    out.append(k)


INFER = dict(family="inference", method="inference", optimizer="none (inference)", checkpointing="none",
             grad_accum=1, loss="none (inference)")

# ---- StochasticResult/DL_SLM_Gemma2b_LoRA_Fine-Tuning Final_Report.md: Gemma-2-2B on an RTX 3060 12GB (Windows) ----
# The report's table 5.1 gives three LLM runs; README_qlora_experiments.md of the same repository keeps the settings
# and prints the figure as 'Max GPU memory (GB): 7.395...' (qlora.py: max_memory_allocated() / 1024**3) and, for
# train_local.py, the monitor log's allocated memory (5.96 to 14.13 GB). qlora.py: MAX_LEN 768, batch 1,
# accumulation 8, r 16 alpha 32 dropout 0.05 on the seven projections, gradient checkpointing, eager attention, bf16
# where supported (the RTX 3060 supports it), nf4 with double quant and bf16 compute when quantized. train_local.py as
# it stood for that run (commit e13edf8, output gemma2-lora-dolly-epoch1): MAX_LEN 512, batch 1, accumulation 8, nf4
# with double quant and fp16 compute, fp16=True, gradient_checkpointing=False, eager attention, r 16 on the seven
# projections; later commits switched the script to an unquantized fp16 run, so its latest text is not that run's.
SR = ("https://github.com/StochasticResult/DL_SLM_Gemma2b_LoRA_Fine-Tuning/blob/"
      "941276f753724945a375ba98baeb7519a2153bf6/Final_Report.md")
SR_RUN = dict(source=SR, source_key="stochasticresult-gemma2-2b-rtx3060", model="gemma2-2b", batch=1, grad_accum=8,
              lora_rank=16, lora_dropout=0.05, lora_targets="q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj",
              optimizer="not stated (the HF/TRL default AdamW, torch)",
              attention="eager (attn_implementation='eager' in both scripts)",
              loss="cross-entropy (causal LM, Dolly-15k, SFTTrainer)", gpus=1,
              sharding="none", gpu="RTX 3060 12GB", card_as_published="NVIDIA GeForce RTX 3060 (12GB)",
              outcome="fit", table="5.1 Training Metrics Comparison (Gemma-2-2B)")
NF4 = "nf4 (bitsandbytes load_in_4bit, double quant, bf16 compute)"
GC = "full (model.gradient_checkpointing_enable())"
BF = "bf16 (bf16=True on the RTX 3060; 4-bit base with bf16 compute when quantized)"
for tag, fam, quant, seq, prec, ckpt, fig, cell, how, note in (
        ("qlora-seq768", "qlora", NF4, 768, BF, GC, 7.395251274108887,
         "| **Peak VRAM** | 7.40 GB | 7.71 GB | **14.13 GB** (System Swap) | (QLoRA (4-bit) column)",
         "max_memory_allocated (README_qlora_experiments.md: 'Max GPU memory (GB): 7.395251274108887'; GiB)",
         "qlora.py with USE_QLORA = True; the run logged loss 0.0 and grad_norm NaN throughout (a label problem the "
         "page names), so the step may have skipped work a healthy run does; 2,814 steps at 768 tokens"),
        ("lora-seq768", "lora", "none (bf16 weights)", 768, BF, GC, 7.706127643585205,
         "| **Peak VRAM** | 7.40 GB | 7.71 GB | **14.13 GB** (System Swap) | (LoRA (Standard) column)",
         "max_memory_allocated (README_qlora_experiments.md: 'Max GPU memory (GB): 7.706127643585205'; GiB)",
         "qlora.py with USE_QLORA = False: bf16 weights; the same loss-0.0/NaN caveat as the QLoRA run"),
        ("qlora-seq512-train-local", "qlora", "nf4 (bitsandbytes load_in_4bit, double quant, fp16 compute)", 512,
         "fp16 (fp16=True autocast; 4-bit base with fp16 compute)", "none (gradient_checkpointing=False)", 14.13,
         "| **Peak VRAM** | 7.40 GB | 7.71 GB | **14.13 GB** (System Swap) | (4-bit LoRA (Optimized Run) column)",
         "reading (the monitor log's allocated memory, highest at the final evaluation step: 'Allocated memory "
         "range: 5.96 ~ 14.13 GB'; reserved up to 15.86 GB)",
         "train_local.py: a healthy run (loss 1.57 to 0.28); the 14.13 GB exceeds the 12GB card: the report says "
         "Windows spilled about 2 GB into shared system memory, and the high point is the evaluation at the end "
         "(training steps logged 8.0 to 13.2 GB)")):
    rec(id="stochasticresult-gemma2-2b-%s-rtx3060" % tag, family=fam, method=fam, quant=quant, seq=seq,
        precision=prec, checkpointing=ckpt,
        measured_bytes=int(fig * GIB), measured_as="'%s'" % cell, measured_how=how,
        notes="%s; Final_Report.md's figures agree with the README_qlora_experiments.md of the same repository, "
              "where the settings are kept" % note, **SR_RUN)

# ---- Day21 lab reports (one course lab, three students' repositories) ----
# The lab notebook (notebooks/Lab21_LoRA_Finetuning_T4.ipynb in each repository): Unsloth FastLanguageModel,
# unsloth/Qwen2.5-3B-bnb-4bit loaded in 4 bit, fp16 on the T4 (bf16 unsupported), LoRA on q_proj and v_proj with
# dropout 0, Unsloth gradient checkpointing, adamw_8bit, batch 1, accumulation 8, max_seq_length 1024 (rows not packed,
# padded per batch; the rows' p95 is about 512-562 tokens), 200 Vietnamese Alpaca rows, 3 epochs. Peak VRAM is
# torch.cuda.max_memory_allocated() / 1e9 after reset_peak_memory_stats() (decimal GB). The three students' eval
# losses agree to every digit (a deterministic run), their peaks do not: kept as three sessions of one setup.
LAB = ("lab: one course lab (Day21 Track3, AICB-P2T3), the same notebook, data and settings in three students' "
       "repositories")
LAB_RUN = dict(family="qlora", method="qlora", model="qwen2.5-3b", quant="nf4 (unsloth bnb-4bit checkpoint)",
               seq=1024, batch=1, grad_accum=8, precision="fp16 (T4: bf16 unsupported; 4-bit base, fp16 compute)",
               optimizer="adamw_8bit (bitsandbytes 8-bit AdamW)", checkpointing="full (use_gradient_checkpointing="
               "'unsloth')", attention="not stated (Unsloth on a T4: no FA2, xformers absent per the notebook log)",
               loss="cross-entropy (causal LM, Vietnamese Alpaca)", gpus=1, sharding="none", gpu="T4 16GB",
               lora_targets="q_proj,v_proj", lora_dropout=0.0, outcome="fit")
DAY21 = (
    ("tieulam", "https://github.com/TieuLam/Day21-Track3-Finetuning-LLMs-LoRA-QLoRA-2A202600555-Lam/blob/"
     "c7d1a903dec2fa977e5cb5807759413239a4bec3/REPORT.md", "Tesla T4, 16 GB VRAM",
     ((8, 9.31, "| 8    | 1,843,200        | 3.95             | 9.31           |"),
      (16, 6.61, "| 16   | 3,686,400        | 4.13             | 6.61           |"),
      (64, 10.09, "| 64   | 14,745,600       | 3.95             | 10.09          |")),
     "the report rounds to 0.01 GB; its notebook's printout for r=16 reads 'peak VRAM = 6.6 GB'"),
    ("trunghau", "https://github.com/TrungHau2056/Day21-Track3-Finetuning-LLMs-LoRA-QLoRA/blob/"
     "405e734462b8a7cdeb43de783f9b44ad050875e1/REPORT.md", "Tesla T4, 15.6 GB VRAM (Google Colab Free)",
     ((8, 7.216137728, "| **8** | 16 | 1,843,200 | 0.06% | 3.68 min | 7.22 GB |"),
      (16, 6.617750016, "| **16** | 32 | 3,686,400 | 0.12% | 3.92 min | 6.62 GB |"),
      (64, 7.998511616, "| **64** | 128 | 14,745,600 | 0.48% | 3.64 min | 8.00 GB |")),
     "the exact bytes are rank_experiment_summary.csv's peak_vram_gb at the same commit"),
    ("khvavuong", "https://github.com/khvavuong/Day21-Track3-Finetuning-LLMs-LoRA-QLoRA/blob/"
     "df1db4560299a449e0b0089020c0e5c4c6dad90a/REPORT.md", "Colab T4 16GB",
     ((8, 11.215532544, "| 8    |        1,843,200 |           4.2243 |        11.2155 |"),
      (16, 10.614555648, "| 16   |        3,686,400 |           4.4010 |        10.6146 |"),
      (64, 11.998028288, "| 64   |       14,745,600 |           4.2589 |        11.9980 |")),
     "the exact bytes are lab21_lora_t4/rank_experiment_summary.csv (commit f9564ca) of the same repository"))
for who, url, card, rows, extra in DAY21:
    for rank, fig, row in rows:
        rec(id="day21-%s-qwen2.5-3b-qlora-r%d-t4" % (who, rank), source=url, source_key="day21-lab-%s" % who,
            lora_rank=rank, card_as_published=card, measured_bytes=int(fig * GB),
            measured_as="'%s' (Rank Experiment Results, Peak VRAM (GB))" % row,
            measured_how="max_memory_allocated (the lab notebook: torch.cuda.max_memory_allocated() / 1e9 after "
                         "reset_peak_memory_stats(); decimal GB)",
            table="2. Rank Experiment Results",
            notes="%s; rank %d, alpha %d; 69 optimizer steps; %s" % (LAB, rank, 2 * rank, extra), **LAB_RUN)

# ---- canghaiX/MiniTrainBench results/memory_pressure/report.md: 8x A100-SXM4-40GB, one process per GPU ----
# Each row is a separate torchrun of 3 steps (1 warm-up) with activation checkpointing on ('AC 1'). DDP and FSDP go
# through runtime.py (fp32 weights, bf16 autocast; FSDP FULL_SHARD per block with a bf16 MixedPrecision policy, torch
# AdamW); ZeRO-2/3 through deepspeed_benchmark.py (DeepSpeed bf16.enabled, torch AdamW, no offload). The figure is
# torch.cuda.max_memory_allocated() per rank after reset_peak_memory_stats() (MB = MiB: bytes / 1024**2).
MT = ("https://github.com/canghaiX/MiniTrainBench/blob/fcd55b846725cab5fb190ce847e489e40588fe9a/results/"
      "memory_pressure/report.md")
MT_RUN = dict(source=MT, source_key="minitrainbench-memory-pressure-8xa100", method="full", quant="none (fp32 "
              "weights; bf16 compute)", grad_accum=1, optimizer="adamw (torch.optim.AdamW, fp32 states)",
              checkpointing="full (--activation-checkpointing: every block recomputed)",
              attention="torch nn.TransformerEncoderLayer (is_causal; SDPA inside)",
              loss="cross-entropy (causal LM on synthetic tokens)", gpus=8, gpu="A100 40GB",
              card_as_published="8x NVIDIA A100-SXM4-40GB (README; the fault_tolerance report's environment row)",
              table="MiniTrainBench 显存压力矩阵")
STRAT = {
    "ddp": ("full", "none (DDP: a full replica on each of 8 GPUs)", "bf16 autocast over fp32 weights (runtime.py)"),
    "fsdp": ("sharded", "fsdp (FSDP FULL_SHARD over 8 GPUs, transformer_auto_wrap_policy per block)",
             "bf16 (FSDP MixedPrecision bf16 params/reduce over fp32 master weights)"),
    "deepspeed_zero2": ("sharded", "zero2 (DeepSpeed ZeRO-2 over 8 GPUs, no offload)",
                        "bf16 (DeepSpeed bf16.enabled, fp32 master copy in the optimizer)"),
    "deepspeed_zero3": ("sharded", "zero3 (DeepSpeed ZeRO-3 over 8 GPUs, no offload)",
                        "bf16 (DeepSpeed bf16.enabled, fp32 master copy in the optimizer)"),
}
for tier, bs, seq, cfg, rows in (
        ("large", 1, 512, "L24/H1536/A24 | 1/512 | 1 | 731.1M",
         (("ddp", 16904.04), ("fsdp", 1843.88), ("deepspeed_zero2", 5472.05), ("deepspeed_zero3", 3974.11))),
        ("medium", 1, 512, "L12/H1024/A16 | 1/512 | 1 | 168.5M",
         (("ddp", 3891.96), ("fsdp", 500.66), ("deepspeed_zero2", 2828.36), ("deepspeed_zero3", 1731.63))),
        ("small", 2, 256, "L6/H512/A8 | 2/256 | 1 | 23.2M",
         (("ddp", 568.01), ("fsdp", 122.82), ("deepspeed_zero2", 2057.14), ("deepspeed_zero3", 1118.02))),
        ("stress", 1, 512, "L32/H2560/A32 | 1/512 | 1 | 2602.8M",
         (("ddp", None), ("fsdp", 6371.24), ("deepspeed_zero2", 12581.98), ("deepspeed_zero3", 10153.33)))):
    for strat, mb in rows:
        fam, sharding, prec = STRAT[strat]
        oom = mb is None
        rec(id="minitrainbench-%s-%s-8xa100-40gb" % (tier, strat.replace("deepspeed_", "")), family=fam,
            model="minigpt-%s" % tier, seq=seq, batch=bs, sharding=sharding, precision=prec,
            outcome="oom" if oom else "fit", measured_bytes=None if oom else int(mb * MIB),
            measured_as="'| %s | %s | 8 | %s | %s |'" % (tier, strat, cfg, "oom | - | - | - | CUDA 内存不足" if oom
                                                         else "success | ... | %s |" % mb),
            measured_how="outcome (the row's status 'oom', reason CUDA 内存不足: CUDA out of memory)" if oom else
            "max_memory_allocated (per rank, runtime.py / deepspeed_benchmark.py: torch.cuda.max_memory_allocated() "
            "/ 1024**2 after reset_peak_memory_stats(); the report's MB is MiB)",
            notes="per-GPU micro-batch %d at %d tokens, 3 steps; a pretraining-style full update of every parameter "
                  "(no adapters)%s" % (bs, seq, "; 2.6B parameters with fp32 weights, gradients and AdamW states on "
                                       "each 40GB card" if oom else
                                       "; the small tier mostly shows framework overhead, as the report says"
                                       if tier == "small" else ""), **MT_RUN)

# ---- Shekswess.github.io: Llama-3-8B-Instruct QLoRA with Unsloth on a Colab T4 (blog post kept in the repository) ----
SK = ("https://github.com/Shekswess/Shekswess.github.io/blob/d7a23f721a327b51d26a927c434b8d0b61984b06/_posts/"
      "2024-04-22-budget-instruction-fine-tuning-of-llama-3-8b-instructon-medical-data-with-hugging-face-google-colab-"
      "and-unsloth.md")
rec(id="shekswess-llama3-8b-instruct-qlora-unsloth-t4", source=SK, source_key="shekswess-llama3-8b-medical-t4",
    family="qlora", method="qlora", model="llama3-8b", lora_rank=16, lora_dropout=0.0,
    lora_targets="q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj",
    quant="nf4 (unsloth/llama-3-8b-Instruct-bnb-4bit)", seq=2048, batch=2, grad_accum=4,
    precision="fp16 (dtype torch.float16; fp16=True on the T4)", optimizer="adamw_8bit (bitsandbytes 8-bit AdamW)",
    checkpointing="full (use_gradient_checkpointing=True)",
    attention="not stated (Unsloth on a T4, xformers installed)",
    loss="cross-entropy (causal LM, medical instruct rows, packing=False)", gpus=1, sharding="none", gpu="T4 16GB",
    card_as_published="Google Colab T4 ('the T4 Colab GPU')", outcome="fit",
    measured_bytes=int((5.67 + 4.2) * GIB),
    measured_as="'It needs only 5.67GB to load the LLM(Llama 3 8B Instruct) on the VRAM and needs 4.2GB for the PEFT "
                "... the whole execution only uses 66% of the available memory(VRAM)'",
    measured_how="max_memory_allocated (the post's code: max_memory_reserved before training (5.67), "
                 "max_memory_allocated after it, both / 1024**3; the 9.87 is their sum as the post adds them, 66% of "
                 "the card)",
    table="Conclusion (memory usage over the whole execution)",
    notes="max_seq_length 2048 is the post's config; the rows (medical QA prompts, 2,000 of them) are shorter and "
          "not packed, padded per batch; one epoch; the 4.2 GB is the training increment the post reports")

# ---- tharindu-sankalpa/huggingface-learning docs/part2.md: transformers inference of Qwen models on three cards ----
# The benchmark (docs/qwen_benchmarking_section.md of the same commit): AutoModelForCausalLM.from_pretrained with
# torch_dtype bfloat16, device_map 'cuda:0', flash_attention_2, max_memory {'cuda:0': '85GB'} on the H100; the T4 and L4
# sections load fp16. 'Memory (GB)' / 'VRAM Used' is torch.cuda.memory_allocated() after loading, so the figure is
# the loaded weights, not the generate peak: the records keep it as a reading in the notes and score the outcome.
TS = ("https://github.com/tharindu-sankalpa/huggingface-learning/blob/b694fccfb6a24ab084f24c73e5e3bdd8790d81cb/docs/"
      "part2.md")
TS_RUN = dict(source=TS, source_key="tharindu-qwen-gpu-benchmark", quant="none (16-bit weights)", batch=1,
              measured_bytes=None, table="Performance Results")
for model, row, gen, mem in (
        ("qwen2.5-coder-7b", "| **Qwen2.5-Coder-7B-Instruct** | 550 | 10.35 | **53.14** | 15.23 |", 550, 15.23),
        ("qwen2.5-coder-32b", "| **Qwen2.5-Coder-32B-Instruct** | 800 | 31.39 | **25.49** | 65.53 |", 800, 65.53),
        ("qwen3-32b", "| **Qwen3-32B** | 4096 | 189.11 | **21.66** | 65.52 |", 4096, 65.52),
        ("qwen3-30b-a3b", "| **Qwen3-30B-A3B** | 4096 | 385.83 | **10.62** | 61.06 |", 4096, 61.06),
        ("qwen3-coder-30b-a3b", "| **Qwen3-Coder-30B-A3B-Instruct** | 2275 | 221.60 | **10.27** | 61.06 |", 2275,
         61.06)):
    rec(id="tharindu-%s-bf16-generate-h100-nvl" % model, model=model, seq=4096 + 512,
        precision="bf16 (torch_dtype=torch.bfloat16)", attention="flash attention 2 (attn_implementation)",
        gpus=1, sharding="none (device_map 'cuda:0', max_memory 85GB)", gpu="H100 NVL 94GB",
        card_as_published="H100 NVL (94GB of HBM3)", outcome="fit",
        measured_as="'%s' (Comprehensive Performance Metrics on H100: Tokens Generated, Time (s), Tok/s, "
                    "Memory (GB)) and Load Status '✅ Success'" % row,
        measured_how="outcome (the model loaded and generated %d tokens; the page's %.2f GB is memory_allocated "
                     "after loading, the weights alone)" % (gen, mem),
        serving_engine="HF transformers generate (max_new_tokens 4096)",
        notes="a short coding prompt (not printed; about 512 tokens written in) plus up to 4096 new tokens: seq "
              "4608 is the writer's bound, not the page's; the loaded-weight reading (%.2f GB) leaves the KV cache "
              "and activations out" % mem, **dict(INFER, **TS_RUN))
for model, card, cap, row, fit, mem in (
        ("qwen2.5-coder-7b", "L4 24GB", "L4 (24GB VRAM)",
         "| **Qwen2.5-Coder-7B-Instruct** | 15.7 GB | ✅ Success | 15.7 GB | 8.3 GB |", True, 15.7),
        ("qwen2.5-coder-32b", "L4 24GB", "L4 (24GB VRAM)",
         "| **Qwen2.5-Coder-32B-Instruct** | 66.6 GB | ❌ OOM | - | - |", False, None),
        ("qwen3-32b", "L4 24GB", "L4 (24GB VRAM)", "| **Qwen3-32B** | 65.5 GB | ❌ OOM | - | - |", False, None),
        ("qwen3-30b-a3b", "L4 24GB", "L4 (24GB VRAM)", "| **Qwen3-30B-A3B** | 61.1 GB | ❌ OOM | - | - |", False,
         None),
        ("qwen2.5-coder-32b", "T4 16GB", "T4 (16GB VRAM)",
         "| **Qwen2.5-Coder-32B-Instruct** | 66.6 GB | ❌ OOM | - | - |", False, None),
        ("qwen3-32b", "T4 16GB", "T4 (16GB VRAM)", "| **Qwen3-32B** | 65.5 GB | ❌ OOM | - | - |", False, None),
        ("qwen3-30b-a3b", "T4 16GB", "T4 (16GB VRAM)", "| **Qwen3-30B-A3B** | 61.1 GB | ❌ OOM | - | - |", False,
         None)):
    short = card.split()[0].lower()
    rec(id="tharindu-%s-fp16-load-%s%s" % (model, short, "" if fit else "-oom"), model=model, seq=1024,
        precision="fp16 (torch_dtype=torch.float16 on the %s)" % card.split()[0],
        attention="flash attention 2" if short == "l4" else "not stated (sdpa; no FA2 on a T4)", gpus=1,
        sharding="none (device_map 'cuda:0')", gpu=card, card_as_published=cap, outcome="fit" if fit else "oom",
        measured_as="'%s' (Memory %s on %s)" % (row, "Capabilities" if short == "l4" else "Constraints", short.upper()),
        measured_how="outcome (%s)" % ("the model loaded and generated 550 tokens at 30.2 tok/s; 15.7 GB used after "
                                       "loading, 0.4 GB more during generation" if fit else
                                       "the table's OOM: the 16-bit weights do not fit the card"),
        serving_engine="HF transformers generate", table="Performance Results: %s GPU Benchmarks" % short.upper(),
        notes="load-and-generate of one short coding prompt; seq 1024 is written in (the page gives no length)%s" % (
            "; the card held 15.7 GB after loading (memory_allocated) and 0.4 GB more while generating" if fit else
            "; the page's 'Model Size' column is the checkpoint on disk"), **dict(INFER, source=TS,
                                                                              source_key="tharindu-qwen-gpu-benchmark",
                                                                              quant="none (16-bit weights)", batch=1,
                                                                              measured_bytes=None))

# ---- ozgurgulerx/inference-journal day-002 LOG_tier02.md: vLLM 0.11.2 startup trace on an RTX 2000 Ada 16GB ----
OZ = ("https://github.com/ozgurgulerx/inference-journal/blob/ab055cf58206d88f180232fc8cc6fe623d9192bb/days/"
      "day-002-GPU-node-bring-up/LOG_tier02.md")
rec(id="inference-journal-qwen2.5-1.5b-vllm-util0.6-rtx2000ada", source=OZ, source_key="inference-journal-day002-vllm",
    model="qwen2.5-1.5b", quant="none (bf16 weights)", seq=32768, batch=1,
    precision="bf16 (dtype=torch.bfloat16 in the engine config)", attention="flash attention (vLLM FLASH_ATTN backend)",
    gpus=1, sharding="none", gpu="RTX 2000 Ada 16GB",
    card_as_published="RTX 2000 Ada (16GB) on RunPod (LOG_tier01.md: 'AD107GL [RTX 2000 Ada Generation]')",
    gpu_memory_utilization=0.6, serving_engine="vLLM 0.11.2 (V1 engine, OpenAI server)", outcome="fit",
    measured_bytes=int((2.8871 + 5.03 + 0.49) * GIB),
    measured_as="'Model loading took 2.8871 GiB memory', 'Available KV cache memory: 5.03 GiB', 'Graph capturing "
                "finished in 4 secs, took 0.49 GiB'",
    measured_how="reading (vLLM's startup log: weights plus the KV pool it reserved plus CUDA graphs; the profiling "
                 "run's activation peak is not added)",
    table="Task 2.3: Start vLLM Server (full startup trace)",
    notes="vllm serve Qwen/Qwen2.5-1.5B-Instruct --gpu-memory-utilization 0.6; max model len 32768 (the model's "
          "default, 'Using max model len 32768'); prefix caching on; batch 1 at the full length is written in for the "
          "engine's sizing pass", **INFER)

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(len(out), "records")
