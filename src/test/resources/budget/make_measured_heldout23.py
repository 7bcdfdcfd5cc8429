"""Twenty-third held-out split (session 33, issue 14): published measured peaks from pages no earlier measured set
cites, weighted toward what users do (LoRA and QLoRA of modern LLMs, 16-bit LoRA, sharded runs, inference).

This set is BLIND: written by a helper (bb23) who never read the engine (src/main), the knowledge or prompts, never
ran oomdoc or BudgetBench on these records, and never looked at a score. Nothing here was tuned on, and nothing may
be: score it, never fit to it.

How the pages were chosen: bench/blind_exclusions.sh /tmp/h33/bb23-excl was run first; a page was dropped when its
repository is in repos.txt, when the page or thread is in threads.txt or urls.txt, when bench/results.md or an
earlier make_measured_*.py names it, or when a parallel blind writer of this session holds it (/tmp/h33/*-sources.txt).
The writer's own list is /tmp/h33/bb23-sources.txt. A page was kept only where it prints a GPU memory figure for a
setup it states and says (or its code beside the figure says) which counter the figure is.

Pages (5 source keys in 5 repositories, all pinned GitHub files):
- hallleedustin-alt/deepspeed-course, 03_llms/12_qlora/README.md: Qwen3-4B, bf16 LoRA against NF4 QLoRA (r 8, all seven
  projections, 64-token rows, batch 1, gradient checkpointing) on one RTX 3090, max_memory_allocated in GiB (2).
- yunyunfanfan/LZU_HPC_AI_2025_solution, report.md (a course contest report): Llama-3.2-3B-Instruct on one RTX 5090,
  batch 4, 512 tokens: full fine-tune, fp16 LoRA with and without gradient checkpointing, QLoRA (max_memory_allocated),
  and HF generate in fp16 and NF4 (6).
- THUDM/ChatGLM3 finetune_demo/README_en.md: ChatGLM3-6B LoRA on one card and full fine-tune with ZeRO-3 over 4 cards,
  per-card MiB from the default configs (2).
- moussaKam/moussaKam.github.io, 'Benchmarking FSDP vs. 3D Parallelism': Llama-3.1-8B full fine-tune, LLaMA Factory
  FSDP over 16 H100 80GB, 4 rows of 4096 a GPU: an outcome (it ran), no figure (1).
- alonsopg/wmt26-layeraware-compression README: Gemma-3-12B-it generate, batch 8 on one RTX A6000, BF16 / global 4-bit
  / MLP-only NF4, peak VRAM in GiB (3).

Counts: 14 records; families lora 4, qlora 2, full 1, sharded 2, inference 5 (9 of 14 fine-tuning); outcomes fit 14;
13 with a figure (6 max_memory_allocated, 7 whose counter the page does not name) and 1 outcome. 16-bit LoRA: 4 records
(bf16 on Qwen3-4B, fp16 on Llama-3.2-3B twice, ChatGLM3-6B). Sharded: ZeRO-3 over 4 GPUs, FSDP over 16.
Weak spots: a short set (14, not 25-40): the search tools' answers were again mostly cited already, and two pages
first taken (GLM-4's and MiniCPM's fine-tuning READMEs, with ZeRO-3 over 8 and ZeRO-2 over 4) were dropped on a recheck
because their repositories are in repos.txt. One page (the LZU report) holds 6 of 14 records, over the quarter the
issue asks for. The inference records have no stated prompt length (seq is a placeholder the notes name). The
sharded family has only two records, one an outcome without a figure. Every record is a fit: no OOM was found on a
free page.
Also read and dropped: a Chinese Qwen3-0.6B DDP/ZeRO-1/2/3/FSDP table with LoRA (15 runs on 2 GPUs, alloc max and
nvidia-smi per run) whose repository the tools would not name; a vLLM-on-4090 blog (ermolushka, cited by heldout13);
a LoRA/QLoRA TinyLlama README that prints model size, not a peak.

Each record keeps its page's URL pinned to a commit that holds the figures quoted, the row or line its figure comes
from and what the page (or the code beside it) says about how memory was read. Model shapes are each model's
config.json values as known to the writer (no network here to reopen them); the parameter count is computed from them
unless the page prints it. Each record's notes say what its page leaves unsaid and what the writer wrote in.
Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout23.py
"""
import json

from measured_shapes import llama  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout23.json"
GB = 10 ** 9
GIB = 2 ** 30
MIB = 2 ** 20
KNOWN = "config.json values as known to the writer, not reopened this session"
ALL7 = "q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj"
QKVO = "q_proj,k_proj,v_proj,o_proj"

A = {
    "qwen3-4b": llama("Qwen/Qwen3-4B (%s; q/k RMSNorm weights left out)" % KNOWN, 36, 2560, 32, 8, 9728, 151936,
                      tied=True, head_dim=128),
    "llama-3.2-3b": llama("meta-llama/Llama-3.2-3B-Instruct (%s)" % KNOWN, 28, 3072, 24, 8, 8192, 128256, tied=True,
                          head_dim=128),
}

out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = A[k["model"]]
    k.setdefault("lora_rank", 0)
    k.setdefault("lora_targets", None)
    k["split"] = "heldout23"
    out.append(k)


# ---- hallleedustin-alt/deepspeed-course, 03_llms/12_qlora: bf16 LoRA against NF4 QLoRA of Qwen3-4B on one RTX 3090 ----
# The lesson's README prints a measured table from a RunPod run (commit 11d000d of the course); train_qlora.py (read at
# that commit) fixes the setup: Qwen/Qwen3-4B loaded in bf16 (the QLoRA arm with BitsAndBytesConfig nf4, double
# quantization, bf16 compute), gradient checkpointing on, use_cache off, LoRA r 8 / alpha 16 / dropout 0 on all seven
# projections, four short sentences tokenized with padding to max_length 64, one sequence a step (ds_config.json:
# train_micro_batch_size_per_gpu 1, accumulation 1), DeepSpeed ZeRO-2 with torch AdamW over the adapters, bf16 on, 40
# optimizer steps per arm, each arm in a fresh process. The peak is the larger of max_memory_allocated after loading
# and after training, with the counter reset first; printed in GiB (2^30, as the page says). One GPU: ZeRO-2 over one
# rank shards nothing, so both records are single-card fine-tunes, not sharded ones. The repository's upstream,
# yiqiao-yin/deepspeed-course, is named in bench/results.md only as "estimates only" (never cited); this fork's page
# carries its own measured run.
DSC = ("https://github.com/hallleedustin-alt/deepspeed-course/blob/46d8de79e3429ac2895b92d9d8915b4a781ab486/03_llms/"
       "12_qlora/README.md")
DSC_COMMON = dict(model="qwen3-4b", source=DSC, source_key="deepspeed-course-qlora-vs-lora-rtx3090", seq=64, batch=1,
                  grad_accum=1, checkpointing="gradient checkpointing (model.gradient_checkpointing_enable())",
                  optimizer="AdamW (DeepSpeed torch_adam, fp32 states of the adapters) under ZeRO-2 on one rank",
                  attention="default of the Transformers version pinned by the lesson (sdpa as the writer expects)",
                  loss="cross-entropy, padding masked (-100)", lora_rank=8, lora_targets=ALL7, lora_dropout=0.0,
                  gpus=1, sharding="none (DeepSpeed ZeRO-2 over a single rank: nothing to shard)",
                  gpu="RTX 3090 24GB", card_as_published="one NVIDIA GeForce RTX 3090 with 24 GB VRAM (RunPod)",
                  outcome="fit", table="Measured GPU results / Results",
                  measured_how="max_memory_allocated (train_qlora.py: reset_peak_memory_stats before loading; the "
                               "larger of max_memory_allocated after loading and after training, in GiB)")
for fam, prec, quant, gib, row in (
        ("lora", "bf16 (torch_dtype bfloat16, DeepSpeed bf16 enabled)", "none",
         8.19, "| Overall allocated-memory peak | 8.19 GiB | 3.94 GiB |"),
        ("qlora", "bf16 compute over nf4 weights (bnb_4bit_compute_dtype bfloat16)",
         "nf4 with double quantization (BitsAndBytesConfig load_in_4bit)", 3.94,
         "| Overall allocated-memory peak | 8.19 GiB | 3.94 GiB |")):
    # the QLoRA arm calls prepare_model_for_kbit_training(model) after loading (train_qlora.py at 11d000d), which casts
    # the tied bf16 embedding and the norms to fp32; the load peak it reports is taken after that call (session 34)
    rec(id="deepspeed-course-qwen3-4b-%s-r8-all7-b1-s64-3090" % fam, family=fam, method=fam, precision=prec,
        **({"kbit": "peft-fp32 (prepare_model_for_kbit_training in train_qlora.py)"} if fam == "qlora" else {}),
        quant=quant, measured_bytes=int(gib * GIB), measured_as="'%s' (%s column)" % (row, "LoRA (bf16)"
        if fam == "lora" else "QLoRA (NF4)"),
        notes="16,515,072 trainable adapter parameters as printed; the model-loading peak was %s GiB, so the training "
              "steps add %s; sequences of 64 padded tokens make activations small" % (
                  "7.55" if fam == "lora" else "3.94", "0.64 GiB" if fam == "lora" else "nothing above the load peak"),
        **DSC_COMMON)

# ---- yunyunfanfan/LZU_HPC_AI_2025_solution, report.md: Llama-3.2-3B-Instruct on one RTX 5090 (a course contest) ----
# Fine-tuning: wikitext-2-raw-v1, 4000 rows, 2 epochs, batch_size 4, max_length 512, transformers Trainer, the peak
# read with torch.cuda.max_memory_allocated() over training (the page, section 5.1); figures labelled GB.
# Corrected in session 34 (budget36) against the scripts at d162b88: finetune.py, baseline_finetune.py and
# baseline_inference.py all write peak_memory_gb as max_memory_allocated() / 1024**3, so every figure on this page is
# GiB (the first writer, without the scripts, took decimal GB). finetune.py pads every row to max_length ("padding=
# max_length"), so 512 is the length, not a cap. Its QLoRA path calls prepare_model_for_kbit_training(model) with
# PEFT's defaults, which casts the unquantized modules to fp32 and turns gradient checkpointing on; the Trainer's
# gradient_checkpointing=False (the script's default) never turns it off again, which is why the page's QLoRA and
# QLoRA+GC rows print the same 7.24. LoRA r 8 / alpha 16 / dropout 0.05 on q_proj, k_proj, v_proj, o_proj; QLoRA adds
# an NF4 base (BitsAndBytes) and prepare_model_for_kbit_training; GC is gradient checkpointing. The full fine-tune is
# the contest baseline: all 3.21B parameters trainable, automatic mixed precision off ('to avoid a GradScaler
# conflict'), called full precision on this page and FP16 in a later revision of the same report.
LZU = "https://github.com/yunyunfanfan/LZU_HPC_AI_2025_solution/blob/6be9084ea1612b894aa78d3e6657417d7f88c348/report.md"
LZU_COMMON = dict(model="llama-3.2-3b", source=LZU, source_key="lzu-hpc-2025-llama3.2-3b-report", gpus=1,
                  sharding="none", gpu="RTX 5090 32GB",
                  card_as_published="NVIDIA GeForce RTX 5090, 32 GB (31.5 GB dedicated in Windows Task Manager; WSL2)",
                  outcome="fit", attention="sdpa (the page's profiler table shows aten::scaled_dot_product_attention)")
KBIT_CKPT = ("full (turned on by PEFT's prepare_model_for_kbit_training, use_gradient_checkpointing defaults to True; "
             "the Trainer's gradient_checkpointing=False does not turn it off)")
KBIT = "peft-fp32 (prepare_model_for_kbit_training: the unquantized modules cast to fp32)"
LZU_FT = dict(LZU_COMMON, seq=512, batch=4, grad_accum=1, loss="causal LM cross-entropy (Trainer)",
              table="5.2 微调实验结果总览 (Peak Memory (GB))",
              measured_how="max_memory_allocated (the page: torch.cuda.max_memory_allocated() over training), "
                           "labelled GB, divided by 1024**3 in the scripts: GiB")
for rid, fam, gc, quant, prec, opt, gb, row in (
        ("full", "full", False, "none", "fp16 weights without autocast (the page: AMP off, 'full precision'; a later "
         "revision of the table says FP16)", "AdamW (Trainer default adamw_torch, states in the weights' dtype)", 28.45,
         "| Baseline (Full FT) | ~75.55 | ~37.77 | ~28.45 |"),
        ("lora-r8-qkvo", "lora", False, "none", "fp16", "AdamW (Trainer default) over the adapters", 16.26,
         "| LoRA       | 466.31         | 233.16           | 16.26            |"),
        ("lora-r8-qkvo-gc", "lora", True, "none", "fp16", "AdamW (Trainer default) over the adapters", 9.34,
         "| LoRA+GC    | 632.18         | 316.09           | 9.34             |"),
        ("qlora-r8-qkvo", "qlora", False, "nf4 (BitsAndBytes 4-bit)", "fp16 compute over nf4 weights",
         "AdamW (Trainer default) over the adapters", 7.24,
         "| QLoRA      | 750.90         | 375.45           | 7.24             |"),
        # the page's QLoRA+GC row prints the same 7.24 GB as QLoRA: left out (one page already holds too many records)
        ):
    lora = fam != "full"
    rec(id="lzu-llama3.2-3b-%s-b4-s512-5090" % rid, family=fam, method=fam, quant=quant, precision=prec, optimizer=opt,
        checkpointing="gradient checkpointing (model.gradient_checkpointing_enable(), TrainingArguments "
                      "gradient_checkpointing=True)" if gc else KBIT_CKPT if quant != "none" else "none",
        **({"kbit": KBIT} if quant != "none" else {}),
        lora_rank=8 if lora else 0, lora_targets=QKVO if lora else None, **({"lora_dropout": 0.05} if lora else {}),
        measured_bytes=int(gb * GIB), measured_as="'%s'" % row,
        notes=("the full baseline's row carries '~' on this page; 2000 steps in 75.55 s is implausibly fast for a "
               "3B full fine-tune, so the run may have stopped early (the page only says a 4-row debug run existed "
               "and is not the one shown); the writer keeps the figure as printed" if not lora else
               "wikitext rows padded or truncated to 512 (the page gives max_length 512; whether every row is padded "
               "to it is not shown); the later revision of this report adds ZeRO-2/3 rows on the same single card, "
               "left out here"),
        **LZU_FT)
# Inference: gsm8k main test, 500 questions, batch_size 1, model.generate with max_new_tokens 512, device_map auto;
# peak_memory_gb from baseline_inference_metrics.json (the counter is not named on this page for inference; the same
# scripts read max_memory_allocated for fine-tuning).
for rid, quant, prec, gb, row in (
        ("fp16", "none", "fp16", 6.09, "| Baseline (FP16)  | 4.48                   | 70.99                  | 6.09  "
                                       "           |"),
        ("int4-nf4", "nf4 (BitsAndBytesConfig load_in_4bit, bnb_4bit_quant_type nf4)", "fp16 compute over nf4 weights",
         2.19, "| INT4             | 7.63                   | 40.71                  | 2.19             |")):
    rec(id="lzu-llama3.2-3b-generate-%s-b1-new512-5090" % rid, family="inference", method="inference", quant=quant,
        precision=prec, seq=512, batch=1, grad_accum=1, checkpointing="none", optimizer="none (inference)",
        loss="none (inference)",
        serving_engine="Hugging Face transformers model.generate (KV cache on, one question at a time)",
        measured_bytes=int(gb * GIB), measured_as="'%s' (Peak Memory (GB))" % row, table="4.1 INT4 量化推理",
        measured_how="max_memory_allocated (baseline_inference.py at d162b88: max_memory_allocated() / 1024**3 after "
                     "reset_peak_memory_stats; the INT4 run is that script with a BitsAndBytesConfig added, report 4.1), labelled "
                     "GB: GiB",
        notes="seq is the max_new_tokens cap (512); each gsm8k question adds its prompt (a few hundred tokens at most, "
              "length not printed); generation may stop early at EOS", **LZU_COMMON)

# ---- Model makers' own fine-tuning READMEs: GPU memory recorded with the default configuration of the repository ----
# THUDM's ChatGLM3 README publishes the memory its default fine-tuning configs used; it does not name the counter
# (MiB figures read like nvidia-smi), so each record says 'not said'. Figures are per GPU. (GLM-4's and MiniCPM's
# READMEs of the same kind were read and dropped: their repositories are in repos.txt.)
A["chatglm3-6b"] = llama("THUDM/chatglm3-6b (%s: multi_query_group_num 2, padded vocab 65024)" % KNOWN, 28, 4096, 32, 2,
                         13696, 65024, head_dim=128)
# THUDM/ChatGLM3 finetune_demo/README_en.md 'Test hardware standards' (the default configuration files); configs read at
# a later stored commit (0a76162) than the README: max_input_length 256 + max_output_length 512, batch 4, LoRA r 32 /
# alpha 32 / dropout 0.1 with PEFT's default ChatGLM target (query_key_value), SFT with ds_zero_3.json.
CG3 = "https://github.com/THUDM/ChatGLM3/blob/c6fe1afa1b893d30524ccfde4b2721e19f54289b/finetune_demo/README_en.md"
CG3_COMMON = dict(model="chatglm3-6b", source=CG3, source_key="thudm-chatglm3-finetune-readme", seq=768, batch=4,
                  grad_accum=1, quant="none",
                  precision="bf16 (the model's dtype; trainable LoRA weights cast to fp32 by _prepare_model_for_training)",
                  # corrected in session 34 (budget36): finetune_hf.py's main() (read at 00930ac) calls
                  # model.gradient_checkpointing_enable() and enable_input_require_grads() for every method before
                  # building the trainer; the config file has no say in it
                  checkpointing="not said (finetune_hf.py turns it on for every method: model.gradient_checkpointing"
                                "_enable before the trainer, use_reentrant False in the model code)",
                  attention="the model's own remote code (modeling_chatglm.py)",
                  loss="cross-entropy on the assistant turns (loss_mask per role)", gpu="A100 80GB",
                  card_as_published="not named for these figures (the page: tested on Hopper (H100) and Ampere (A100) "
                                    "cards); 80 GB taken", outcome="fit", table="Test hardware standards",
                  measured_how="not said (per-card 'video memory' in MiB)")
rec(id="chatglm3-6b-lora-r32-qkv-b4-s768-1gpu", family="lora", method="lora", lora_rank=32,
    lora_targets="query_key_value (PEFT's default for ChatGLM)", lora_dropout=0.1,
    optimizer="AdamW (Seq2SeqTrainer default) over the adapters", gpus=1, sharding="none",
    measured_bytes=14082 * MIB, measured_as="'+ LORA fine-tuning: 1 graphics card, occupying `14082MiB` memory.'",
    notes="seq is max_input_length 256 plus max_output_length 512 (a cap); the card is not named for this figure",
    **CG3_COMMON)
rec(id="chatglm3-6b-full-zero3-4gpu-b4-s768", family="sharded", method="full",
    optimizer="AdamW (DeepSpeed, fp32 master and states, sharded)", gpus=4,
    sharding="zero-3 (DeepSpeed stage 3, ds_zero_3.json), 4 ranks", measured_bytes=48346 * MIB,
    measured_as="'+ SFT full fine-tuning: evenly distributed among 4 graphics cards, each graphics card occupies "
                "`48346MiB` of video memory.'",
    notes="per card; 48 GB per card rules out 40 GB cards, so an 80 GB card is taken; whether the stage-3 config "
          "offloads is not shown in the lines read", **CG3_COMMON)
# ---- moussaKam/moussaKam.github.io, 'Benchmarking FSDP vs. 3D Parallelism' (2024-09-02): an outcome, no figure ----
# LLaMA Factory with accelerate + FSDP, full fine-tune of meta-llama/Meta-Llama-3.1-8B on 4 nodes of 4 H100 80GB,
# 'Examples per GPU: 4', 'Cutoff Length: 4096', accumulation 1 (global batch 64); the run printed a throughput, so it fit.
# LLaMA Factory turns gradient checkpointing on unless told otherwise and the page names no dtype: bf16 is taken.
A["llama-3.1-8b"] = llama("meta-llama/Meta-Llama-3.1-8B (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 128256, head_dim=128)
MSK = ("https://github.com/moussaKam/moussaKam.github.io/blob/9f06370c159efe980788f7a6c413408a427765c0/docs/_posts/"
       "2024-09-02-fsdp-vs-3D-parallelism.markdown")
rec(id="moussakam-llama3.1-8b-full-fsdp-16gpu-b4-s4096-h100-fit", source=MSK, source_key="moussakam-fsdp-vs-3d-blog",
    model="llama-3.1-8b", family="sharded", method="full", quant="none", seq=4096, batch=4, grad_accum=1,
    precision="bf16 (not printed; LLaMA Factory's usual bf16 mixed precision taken)",
    checkpointing="not said (LLaMA Factory enables gradient checkpointing by default)",
    optimizer="AdamW (LLaMA Factory default, fp32 states sharded by FSDP)",
    attention="not said", loss="causal LM cross-entropy (SFT)", gpus=16,
    sharding="fsdp (accelerate FSDP full shard as LLaMA Factory configures it), 16 ranks over 4 nodes of 4",
    gpu="H100 80GB", card_as_published="H100 80GB GPUs, 4 GPUs per node, 4 nodes", outcome="fit",
    measured_bytes=None,
    measured_as="'| **LLaMA Factory**| accelerate + FSDP | 4     | 1   (64)        | 93.6K                 |' with "
                "'Examples per GPU: 4' and 'Cutoff Length: 4096' in the setup",
    measured_how="outcome (ran: the page prints its throughput; no memory figure)",
    table="Results",
    notes="whether every example fills the 4096 cutoff is not said (SFT rows are usually shorter unless packed); the "
          "fit says only that the setup ran on 80 GB cards")

# ---- alonsopg/wmt26-layeraware-compression README: Gemma 3 12B translation inference on one RTX A6000 ----
# google/gemma-3-12b-it through the WMT26 organizers' Hugging Face generate wrapper, batch size 8, 332 WMT25
# English-Chinese records; 'Peak VRAM (GiB)' per system (the repository keeps raw GPU traces; the counter is not named
# in the README). The quantized rows keep the same batch: the organizers' global q4 (BitsAndBytes 4-bit over every
# linear layer, as the writer reads 'global q4') and the submission's NF4 (double quantization) on the 144 MLP
# projections only, attention, embeddings and lm_head left in BF16.
A["gemma-3-12b"] = llama("google/gemma-3-12b-it, text tower (%s; the 0.4B vision tower left out, head_dim 256, "
                         "GeGLU MLP counted as gated)" % KNOWN, 48, 3840, 16, 8, 15360, 262208, tied=True, head_dim=256)
WMT = "https://github.com/alonsopg/wmt26-layeraware-compression/blob/31d00580b570f2bd708dc07e8236c9f1d1ba195d/README.md"
for rid, quant, prec, gib, row in (
        ("bf16", "none", "bf16", 26.46, "| BF16 base | 28.45 | 31.65 | 1.354 | 26.46 | 22.74 |"),
        ("global-q4", "4-bit BitsAndBytes over all linear layers (the organizers' baseline)",
         "bf16 compute over 4-bit weights", 12.04, "| Organizer global q4 | 27.67 | 30.80 | 2.271 | 12.04 | 7.78 |"),
        ("mlp-nf4", "nf4 with double quantization on the MLP gate/up/down projections only (attention, embeddings, "
         "lm_head bf16)", "bf16 compute, mixed bf16 and nf4 weights", 14.64,
         "| **Layer-aware native MLP q4** | **28.30** | **31.37** | **2.175** | **14.64** | **10.99** |")):
    rec(id="wmt26-gemma3-12b-generate-%s-b8-a6000" % rid, source=WMT, source_key="wmt26-layeraware-readme",
        model="gemma-3-12b", family="inference", method="inference", quant=quant, precision=prec, seq=512, batch=8,
        grad_accum=1, checkpointing="none", optimizer="none (inference)", loss="none (inference)",
        attention="not said (Transformers' default for Gemma 3)",
        serving_engine="Hugging Face transformers generate through the WMT26 organizers' run.sh wrapper (KV cache on)",
        gpus=1, sharding="none", gpu="RTX A6000 48GB", card_as_published="one RTX A6000", outcome="fit",
        measured_bytes=int(gib * GIB), measured_as="'%s' (Peak VRAM (GiB))" % row, table="Main result",
        measured_how="not said (Peak VRAM in GiB from the repository's GPU traces; the README separates it from host "
                     "RSS)",
        notes="seq is the writer's placeholder: the README gives neither the segment lengths nor max_new_tokens (WMT25 "
              "English-Chinese segments, prompt plus translation); 332 records in batches of 8; the artifact column "
              "(22.74 GiB for BF16) is the weights on disk")

PAGES = sorted({r["source_key"] for r in out})

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(len(out), "records from", len(PAGES), "source keys")
