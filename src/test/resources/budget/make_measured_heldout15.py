"""Fifteenth held-out split (session 23, issue 14): published measured peaks and fit/OOM outcomes from pages no earlier
measured set cites, weighted toward fine-tuning (LoRA, QLoRA, full, ZeRO/FSDP over N GPUs) as issue 14 asks.

This set is BLIND: written by a helper who never read the engine (src/main), the knowledge or prompts, never ran
oomdoc or BudgetBench on these records except one parse check with its output discarded, and never looked at a score
or at bench/results.md. Nothing here was tuned on, and nothing may be: score it, never fit to it.

How the pages were chosen: a page was dropped when its repository, or a repository of the same short name (renamed
copies and forks), is cited anywhere under src/test/resources or bench/ (/tmp/h23/repos.txt), when the page or thread
is cited (/tmp/h23/threads.txt, /tmp/h23/urls.txt), when an earlier measured_*.json cites its repository, or when a
parallel blind writer holds it (/tmp/h23/b28r-threads.txt, /tmp/h23/b30c-threads.txt). The writer's own list is
/tmp/h23/bb15-sources.txt; /tmp/h23/bb15-check.sh answers "OK or the reason" per candidate. The big trackers, model
READMEs and course repositories of earlier sets are all cited by now, so this set leans on run notes and experiment
logs kept in small repositories. A page was kept only where it prints a GPU memory figure for a setup it states, or
says that a named setup ran, or ran out of memory, on a named card. Calculator and rule-of-thumb tables were left
out; torchtune's tables are issue 14's external check and are not here.

Counts: 49 records from 8 pages (source keys) in 8 repositories; families sharded 17, qlora 7, full 6, lora 4,
inference 15 (34 of 49 fine-tuning, 69%); outcomes 36 fit and 13 oom; 22 records with a figure, 27 fits or OOMs on a
named card without one (nine of the figures come without a named card: the peft-examples notes name only a 32GB card).

Pages: ai-learner-1429/peft-examples' NOTES.md (a run table of peft_ultrachat.py: Qwen3-4B and Llama-2-7B LoRA/QLoRA
with and without 4-bit quantization and flash attention, wandb's card-level memory reading); a DeepSpeed ZeRO demo
(shirleyandgithub/DeepSeed_Zero_Optimizer: deepseek-math-7b full fine-tuning on two RTX 4090s, ZeRO 0/1/2/3 with and
without checkpointing and offload, six OOMs and one fit); MaximeSongIdris/LLM-FT-IDRIS-Benchmark (Qwen2.5-7B and
72B full fine-tuning with FSDP2 and selective checkpointing on 1 to 64 H100s: which per-GPU batch fit and which ran
out of memory); sagarsrc/lora-experiments (Llama-3.2-1B on an A10: full fine-tuning OOM at batch 2, LoRA peak at
batch 16); two threads (jondurbin/airoboros#14: a 70B QLoRA on one A100-80GB; anyscale/templates#130: a 70B full
fine-tune with ZeRO-3 on 32 A10G); dennislee22/vLLM-benchmarking (vLLM startup logs of Qwen2-7B and gpt-oss-120b on
A100s: weights plus KV pool per GPU at a given gpu_memory_utilization); chenxingqiang/llmir's A800 results
(Qwen2.5-7B fp16 generate at batch 1-64 with max_memory_allocated). Each record's notes say what its page leaves
unsaid and what the writer wrote in (a length, a batch, a rank) where the page gives none.

Every figure is typed from its page; each record keeps the page's URL pinned to a commit of the file, the row or
sentence it comes from and what the page says about how memory was read. Where the setup lives in a script next to
the page (batch, length, optimizer), the script is named in the record's notes. Model shapes are each model's
config.json values as known to the writer (no network here to reopen them); the parameter count is computed from
them unless the page or model card prints it.
Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout15.py
"""
import json

from measured_shapes import llama  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout15.json"
GB = 10 ** 9
GIB = 2 ** 30
KNOWN = "config.json values as known to the writer, not reopened this session"


A = {
    "llama2-7b": llama("meta-llama/Llama-2-7b-hf (%s)" % KNOWN, 32, 4096, 32, 32, 11008, 32000),
    "qwen3-4b": llama("Qwen/Qwen3-4B (%s)" % KNOWN, 36, 2560, 32, 8, 9728, 151936, tied=True, head_dim=128),
    # DeepSeek-LLM-7B's shape (multi-head attention, 30 layers); deepseek-math-7b-base is trained from it
    "qwen2-7b": llama("Qwen/Qwen2-7B-Instruct (%s; q/k/v biases left out of the count)" % KNOWN,
                      28, 3584, 28, 4, 18944, 152064),
    "qwen2.5-32b": llama("Qwen/Qwen2.5-32B (%s; q/k/v biases left out of the count)" % KNOWN,
                         64, 5120, 40, 8, 27648, 152064),
    "qwen2-72b": llama("Qwen/Qwen2-72B (%s; q/k/v biases left out of the count)" % KNOWN,
                       80, 8192, 64, 8, 29568, 152064),
    "gpt-oss-120b": llama("openai/gpt-oss-120b (%s; 128 experts, 4 active, MXFP4 expert weights)" % KNOWN,
                          36, 2880, 64, 8, 2880, 201088, params=116800000000, head_dim=64, experts_total=128,
                          experts_active=4, extra="; the model card's 117B (116.8B)"),
    "llama2-70b": llama("meta-llama/Llama-2-70b-hf (%s)" % KNOWN, 80, 8192, 64, 8, 28672, 32000),
    "llama3.2-1b": llama("meta-llama/Llama-3.2-1B (%s; loaded with AutoModel: no LM head, the tied embedding kept)"
                         % KNOWN, 16, 2048, 32, 8, 8192, 128256, tied=True),
    "qwen2.5-7b": llama("Qwen/Qwen2.5-7B-Instruct (%s; q/k/v biases left out of the count)" % KNOWN,
                        28, 3584, 28, 4, 18944, 152064),
    "qwen2.5-72b": llama("Qwen/Qwen2.5-72B-Instruct (%s; q/k/v biases left out of the count)" % KNOWN,
                         80, 8192, 64, 8, 29568, 152064),
    "qwen2.5-7b-base": llama("Qwen/Qwen2.5-7B (%s)" % KNOWN, 28, 3584, 28, 4, 18944, 152064, params=7620000000,
                             extra="; the page's 7.62B"),
    "deepseek-math-7b": llama("deepseek-ai/deepseek-math-7b (%s)" % KNOWN, 30, 4096, 32, 32, 11008, 102400),
}

out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = A[k["model"]]
    k.setdefault("lora_rank", 0)
    k.setdefault("lora_targets", None)
    k["split"] = "heldout15"
    out.append(k)


INFER = dict(family="inference", method="inference", optimizer="none (inference)", checkpointing="none",
             grad_accum=1, loss="none (inference)")

# ---- ai-learner-1429/peft-examples NOTES.md: the "Training stats" table of peft_ultrachat.py's versions ----
# peft_ultrachat.py (SFTTrainer of TRL): UltraChat 1%, packing (bfd) to max_length 1024, per-device batch 4,
# accumulation 4, paged_adamw_32bit, gradient checkpointing on, LoRA alpha 32, dropout 0.2 on the seven projections
# (q,k,v,o,gate,up,down), bnb 4-bit nf4 with fp16 compute when quantized. No fp16/bf16 flag is passed to the trainer.
# Before v9 the model was loaded without a dtype: the notes (v8) say AutoModelForCausalLM then loads fp32; a
# 4-bit-loaded model is put in fp16 by transformers for the parts bitsandbytes leaves unquantized. From v9 on,
# dtype="auto" (Qwen3-4B's bf16). The figure is wandb's "GPU Memory Allocated (Bytes)" system chart: NVML's used memory
# of the card, a card-level reading, not torch's max_memory_allocated. The card is not named; v8 "max'ed out
# VRAM=32GB", "31GB (the VRAM of the GPU being used)": a 32GB card.
PE = "https://github.com/ai-learner-1429/peft-examples/blob/96a0f2f78ab1c4a4c002a83865e5596e5c219e43/NOTES.md"
PE_RUN = dict(source=PE, source_key="peft-examples-ultrachat-notes", seq=1024, batch=4, grad_accum=4,
              optimizer="paged_adamw_32bit (bitsandbytes paged AdamW, 32-bit states)",
              checkpointing="full (gradient_checkpointing=True)", loss="cross-entropy (causal LM, packed UltraChat)",
              gpus=1, sharding="none", gpu="", card_as_published="not named (the notes: a 32GB card, 'VRAM=32GB')",
              outcome="fit", table="Training stats", lora_dropout=0.2,
              lora_targets="q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj")
PE_HOW = ("card-level reading (wandb's system chart 'GPU Memory Allocated (Bytes)', NVML's used memory of the card "
          "at its high point over 100 steps; not torch's max_memory_allocated)")
for ver, model, quant, fa, rank, fig, unit, row, prec, note in (
        ("v1", "qwen3-4b", True, False, 1, 6.5, GIB, "| v1 | Qwen3-4B | Y | N | 1 | 1.1871 | 7.5s/step | 6.5GiB |",
         "fp16 (4-bit base, unquantized parts fp16; no autocast)", "the text of v1 says '7GB'"),
        ("v2", "qwen3-4b", False, False, 1, 29.4, GIB,
         "| v2 | Qwen3-4B | N | N | 1 | 1.1562 | 7.5s/step | 29.4GiB |",
         "fp32 (loaded without a dtype: fp32 weights, no autocast)", "the text of v2 says '28GB'"),
        ("v3", "llama2-7b", True, False, 1, 11.5, GIB,
         "| v3 | Llama-2-7b-hf | Y | N | 1 | 0.9023 | 9.9s/step | 11.5GiB |",
         "fp16 (4-bit base, unquantized parts fp16; no autocast)", "learning rate 2e-5"),
        ("v4", "llama2-7b", True, False, 8, 11.5, GIB, "| v4 | Llama-2-7b-hf | Y | N | 8 | 0.8609 | ? | 11.5GiB |",
         "fp16 (4-bit base, unquantized parts fp16; no autocast)", "rank 8 and learning rate 2e-4"),
        ("v5", "llama2-7b", True, True, 8, 18.3, GB, "| v5 | Llama-2-7b-hf | Y | Y | 8 | 0.8609 | ? | 18.3GB |",
         "fp16 (4-bit base, unquantized parts fp16; no autocast)",
         "the text: flash_attention_2 cut the step time by 20% while VRAM rose from 11.5GB to 18.3GB"),
        ("v7", "qwen3-4b", True, True, 1, 23.7, GIB, "| v7 | Qwen3-4B | Y | Y | 1 | 1.3087 | 6.5s/step | 23.7GiB |",
         "fp16 (4-bit base, unquantized parts fp16; no autocast)",
         "the text: VRAM rose from 18.3GB (Llama-2, v6) to 23.7GB on the switch to Qwen3-4B"),
        ("v9", "qwen3-4b", False, True, 1, 23.5, GB,
         "| v9 | Qwen3-4B | N | Y | 1 | 1.0785 | 4.4s/step | 23.5GB | Avoid upcast to fp32 |",
         "bf16 (dtype='auto': bf16 weights, no autocast)", "the text: 'memory: 33.3 -> 23.5GB (not GiB)'"),
        ("v11", "qwen3-4b", False, False, 1, 23.5, GB, "| v11 | Qwen3-4B | N | N | 1 | ? | 6.6s/step | 23.5GB | --|",
         "bf16 (dtype='auto': bf16 weights, no autocast)", "v9 with flash attention off: the VRAM did not change"),
        ("v12", "qwen3-4b", True, True, 1, 18.2, GB, "| v12 | Qwen3-4B | Y | Y | 1 | ? | 4.1s/step | 18.2GB | --|",
         "bf16 (dtype='auto'; 4-bit base with fp16 compute)", "v9 with 4-bit quantization again")):
    rec(id="peft-examples-%s-%s-%s-r%d%s" % (ver, model, "qlora" if quant else "lora", rank, "-fa2" if fa else ""),
        family="qlora" if quant else "lora", method="qlora" if quant else "lora", model=model, lora_rank=rank,
        quant="nf4 (bitsandbytes load_in_4bit, fp16 compute, no double quant)" if quant else
        ("none (%s weights)" % ("fp32" if ver == "v2" else "bf16")), precision=prec,
        attention="flash attention 2 (attn_implementation='flash_attention_2')" if fa else "eager (the default)",
        measured_bytes=int(fig * unit), measured_as="'%s'" % row, measured_how=PE_HOW,
        notes="version %s of the notes; %s; the script read is peft_ultrachat.py of the same repository (its "
              "latest version: batch 4, accumulation 4, packing to 1024, checkpointing on); the row's unit is kept "
              "(GiB or GB as printed)" % (ver, note), **PE_RUN)

# ---- shirleyandgithub/DeepSeed_Zero_Optimizer README: deepseek-math-7b full fine-tuning on two RTX 4090s ----
# zero_optimizer.py: HF Trainer, bf16 weights (dtype=torch.bfloat16) and bf16=True, per-device batch 1, accumulation 1,
# rows padded to max_length 512, AdamW (the Trainer's default adamw_torch), lr 2e-5; the ZeRO stage comes from
# ds_configs/*.json (DS_CONFIG), gradient checkpointing from USE_GC=1. The README lists seven cases and which ran out
# of memory ("还差 X G": X GB short), launched over both cards ("4090*2 48G显存").
DZ = ("https://github.com/shirleyandgithub/DeepSeed_Zero_Optimizer/blob/cfc8319ca191eb033296cfb7f9030895c6d8d45e/"
      "README.md")
for case, stage, gc, offload, outcome, said in (
        (0, 0, False, "", "oom", "case0：OOM，"),
        (1, 1, False, "", "oom", "case1：OOM,提示还差12.87G"),
        (2, 2, False, "", "oom", "case2：OOM,提示还差10G"),
        (3, 3, False, "", "oom", "case3：OOM,提示还差3G"),
        (4, 3, True, "", "oom", "case4：OOM,提示还差2.5G"),
        (5, 2, True, "optimizer", "oom", "case5：OOM,提示还差1.56G"),
        (6, 3, True, "optimizer and parameters", "fit", "case6：successful")):
    if stage == 0:
        sharding = "none (DeepSpeed ZeRO stage 0, ds_z0.json: plain data parallel, a full replica on each of 2 GPUs)"
    else:
        sharding = "zero%d (DeepSpeed ZeRO-%d over 2 GPUs, %s%s)" % (
            stage, stage, "offload/ds_z%d.json" % stage if offload else "ds_z%d.json" % stage,
            "; %s offloaded to CPU, pinned" % offload if offload else "; no offload")
    rec(id="deepseek-zero-demo-math-7b-case%d-zero%d%s%s-2x4090" % (case, stage, "-gc" if gc else "",
                                                                    "-offload" if offload else ""),
        source=DZ, source_key="deepseed-zero-optimizer-4090x2", family="sharded" if stage else "full",
        method="full", model="deepseek-math-7b", quant="none (bf16 weights)", seq=512, batch=1, grad_accum=1,
        precision="bf16 (bf16=True, weights loaded bf16)", optimizer="adamw (the HF Trainer's default AdamW)",
        checkpointing="full (USE_GC=1: gradient_checkpointing)" if gc else "none", attention="not stated (eager)",
        loss="cross-entropy (causal LM on padded dummy rows)", gpus=2, sharding=sharding, gpu="RTX 4090 24GB",
        card_as_published="4090*2 48G显存", outcome=outcome, measured_bytes=None, measured_as="'%s'" % said,
        measured_how="outcome (the README says the case %s; no reading)" % (
            "ran" if outcome == "fit" else "ran out of memory" + (
                ", short by the figure it prints" if "差" in said else "")),
        table="运行结果",
        notes="zero_optimizer.py at ebaf78f: 100 dummy rows padded to 512 tokens, batch 1; the README's case list "
              "gives the config file of each case; %s" % (
                  "the shortfall printed (GB) is the CUDA error's, not a peak" if "差" in said else
                  "with parameters and optimizer states in host memory the step fit" if outcome == "fit" else
                  "no shortfall printed"))

# ---- dennislee22/vLLM-benchmarking README and its startup logs: vLLM 0.10.1.1 on A100s (Cloudera AI pods) ----
# Each test names the KV cache vLLM found room for; the startup logs in log/ (same commit) print, per GPU, "Model
# loading took X GiB" and "Available KV cache memory: Y GiB" with the non-default args (max_model_len 16384,
# tensor_parallel_size, gpu_memory_utilization). The figure kept is X + Y per GPU: the weights plus the KV pool vLLM
# reserved, both read from vLLM's own log; the activation peak of the profiling run and the CUDA graphs (0.65 GiB in
# one log) are not in it, so the card held somewhat more. bf16 weights, kv_cache_dtype auto, CUDA graphs on.
DL = "https://github.com/dennislee22/vLLM-benchmarking/blob/b474d1e053c35c9aef8c02aae4efbc0d8675f033/README.md"
DL_RUN = dict(INFER, source=DL, source_key="dennislee22-vllm-benchmarking-a100", quant="none (bf16 weights)",
              precision="bf16 (dtype=torch.bfloat16 in the engine config)", attention="flash attention (vLLM's)",
              seq=16384, batch=1, serving_engine="vLLM 0.10.1.1 (V1 engine, OpenAI server)", outcome="fit")
for tid, model, gpus, card, util, weights, kv, log, nodes in (
        (4, "qwen2-7b", 1, "A100 80GB", 0.25, 14.2488, 5.01, "vllm-7B-1gpuA10080GB-0.25GRAM.log", ""),
        (5, "qwen2-7b", 1, "A100 80GB", 0.5, 14.2488, 24.83, "vllm-7B-1gpuA10080GB-0.5GRAM.log", ""),
        (1, "qwen2-7b", 2, "A100 40GB", 0.5, 7.1217, 11.03, "vllm-7B-2gpuA10040GB-0.5GRAM-diff-nodes.log",
         "two pods on two nodes"),
        (2, "qwen2-7b", 2, "A100 80GB", 0.25, 7.1217, 12.02, "vllm-7B-2gpuA10080GB-0.25GRAM-same-node.log",
         "two pods on one node"),
        (3, "qwen2-7b", 2, "A100 80GB", 0.5, 7.1217, 31.83, "vllm-7B-2gpuA10080GB-0.5GRAM-same-node.log",
         "two pods on one node"),
        (9, "gpt-oss-120b", 4, "A100 80GB", 0.8, 17.2217, 45.32, "vllm-120B-4gpuA10080GB-0.8GRAM-diff-nodes.log",
         "four pods on different nodes")):
    rec(id="dennislee22-vllm-test%d-%s-tp%d-%s-util%s" % (tid, model, gpus, card.split()[1].lower(), util),
        model=model, gpus=gpus, gpu=card, card_as_published="NVIDIA A100 %s (the log's name: %s)" % (
            card.split()[1], log), gpu_memory_utilization=util,
        sharding="none" if gpus == 1 else "tensor parallel over %d GPUs (tensor_parallel_size %d, Ray; %s)" % (
            gpus, gpus, nodes),
        measured_bytes=int((weights + kv) * GIB),
        measured_as="'Model loading took %s GiB' and 'Available KV cache memory: %.2f GiB' (log/%s); the README's "
                    "Test %d title: 'Available KV cache memory%s: %.2f GiB'" % (
                        weights, kv, log, tid, " in each GPU" if gpus > 1 else "", kv),
        measured_how="reading (vLLM's startup log per GPU: weights loaded plus the KV cache pool it reserved; "
                     "activation profile and CUDA graphs not added)",
        table="Test %d" % tid,
        notes="max_model_len 16384 from the log's non-default args; batch 1 at the full length is written in for "
              "the engine's sizing pass; served requests were 1024-7168 tokens in and out%s" % (
                  "; MXFP4 experts as shipped, loaded on A100s" if "oss" in model else ""), **DL_RUN)
for tid, model, gpus, kv in ((6, "qwen2.5-32b", 2, 8.22), (7, "qwen2.5-32b", 1, 9.70), (8, "qwen2-72b", 2, 6.77)):
    rec(id="dennislee22-vllm-test%d-%s-tp%d-a100-80gb" % (tid, model, gpus), model=model, gpus=gpus,
        gpu="A100 80GB", card_as_published="NVIDIA A100 80GB GPU", gpu_memory_utilization=0.9,
        sharding="none" if gpus == 1 else "tensor parallel over %d GPUs (pods on one node)" % gpus,
        measured_bytes=None,
        measured_as="'Test %d: %d GPU pod%s host%s %s model%s (Available KV cache memory%s: %.2f GiB)'" % (
            tid, gpus, "s" if gpus > 1 else "", "" if gpus > 1 else "s", "32B" if "32b" in model else "72B",
            " in the same node" if gpus > 1 else "", " in each GPU" if gpus > 1 else "", kv),
        measured_how="outcome (the server came up and served the benchmark; no startup log for this test, so no "
                     "weights figure to add to the KV pool)",
        table="Test %d" % tid,
        notes="no log is committed for this test: max_model_len 16384 is taken from the other tests and the "
              "utilization 0.9 is vLLM's default, not printed (a %.2f GiB pool beside the weights fits it)" % kv,
        **DL_RUN)

# ---- sagarsrc/lora-experiments README, Experiment 4 (notebooks/004-full_vs_lora_batch_demo.py) ----
# Llama-3.2-1B loaded with AutoModel.from_pretrained and no dtype (fp32 weights, no autocast), a last-token
# classifier head (2 classes) on IMDB rows padded to 256 tokens, torch AdamW, one NVIDIA A10 (the README: "23,028 MiB
# total"). The script prints torch.cuda.max_memory_allocated() / 1024**3 as "Peak Memory".
SG = "https://github.com/sagarsrc/lora-experiments/blob/a05bb0eaf792ffbed5f09f78ec044ccaf6698911/README.md"
SG_RUN = dict(source=SG, source_key="sagarsrc-lora-experiments-a10", model="llama3.2-1b", seq=256, grad_accum=1,
              quant="none (fp32 weights)", precision="fp32 (AutoModel.from_pretrained without a dtype, no autocast)",
              optimizer="adamw (torch.optim.AdamW)", checkpointing="none", attention="not stated (sdpa default)",
              loss="cross-entropy (2-class head on the last token)", gpus=1, sharding="none", gpu="A10 24GB",
              card_as_published="NVIDIA A10 (23GB VRAM), 23,028 MiB total", table="Experiment 4: Memory & Batch "
              "Size Reality Check")
rec(id="sagarsrc-llama3.2-1b-full-fp32-batch2-a10-oom", family="full", method="full", batch=2, outcome="oom",
    measured_bytes=None,
    measured_as="'Full Fine-tuning Attempt: Train all 1.24B parameters with batch size 2' ... 'EXPECTED CUDA OOM "
                "ERROR OCCURRED: OutOfMemoryError: CUDA out of memory. Tried to allocate 64.00 MiB...'",
    measured_how="outcome (the README's run hit CUDA OOM; batch_comparison_1756759401.json keeps "
                 "full_finetuning null and full_finetuning_failed true)",
    notes="all 1.24B parameters trainable, fp32 weights and AdamW states; learning rate 2e-5", **SG_RUN)
rec(id="sagarsrc-llama3.2-1b-lora-r16-fp32-batch16-a10", family="lora", method="lora", batch=16, lora_rank=16,
    lora_targets="q_proj,v_proj,k_proj,o_proj,gate_proj,up_proj,down_proj", lora_dropout=0.1, outcome="fit",
    measured_bytes=int(20.571515560150146 * GIB),
    measured_as="'Batch Size: 16 (8x larger than attempted full fine-tuning) Peak Memory: 20.57GB'; "
                "batch_comparison_1756759401.json: 'peak_memory_gb': 20.571515560150146",
    measured_how="max_memory_allocated (the script's peak_gb = torch.cuda.max_memory_allocated() / 1024**3, so the "
                 "README's 'GB' is GiB)",
    notes="11,276,290 trainable parameters (LoRA r 16, alpha 32 plus the classifier head); the base stays fp32; "
          "the README's reserved figure at the end is 20.77 GB", **SG_RUN)

# ---- jondurbin/airoboros#14: the author's training resources ----
AB = "https://github.com/jondurbin/airoboros/issues/14"
rec(id="airoboros-llama2-70b-qlora-1xa100-80gb", source=AB, source_key="airoboros-14", family="qlora",
    method="qlora", model="llama2-70b", lora_rank=64, lora_targets="not stated (all linear layers in the qlora "
    "scripts of the time)", quant="nf4 (QLoRA 4-bit)", seq=2048, batch=1, grad_accum=16,
    precision="bf16 (QLoRA compute dtype)", optimizer="not stated (paged AdamW of the qlora scripts)",
    checkpointing="full (not stated; the qlora scripts turned it on)", attention="not stated",
    loss="cross-entropy (instruction tuning)", gpus=1, sharding="none", gpu="A100 80GB",
    card_as_published="one 80gb a100", outcome="fit", measured_bytes=None,
    measured_as="'1.4 dataset qlora of 70b took 2d, 7h, 51 minutes on one 80gb a100.'",
    measured_how="outcome (the author says the run finished on this card; no reading)", table="comment of 2023-08-03",
    notes="the thread gives model size, method and card only: rank 64, length 2048 (Llama-2's context), batch 1 and "
          "accumulation 16 are written in as the QLoRA recipe of the time, so the record checks that such a run fits")

# ---- anyscale/templates#130: Llama-2-70B full-parameter fine-tuning on 32 A10G GPUs ----
# The PR adds training_configs/full_param/llama-2-70b-4096-4xg5_48xlarge.yaml: context_length 4096,
# train_batch_size_per_device 8, DeepSpeed deepspeed_configs/zero_3_llama_2_70b.json, flash_attention_2 true,
# num_devices 32 (four g5.48xlarge nodes of 8 A10G 24GB). The reviewer asks whether it was tested; the author: yes.
AN = "https://github.com/anyscale/templates/pull/130"
rec(id="anyscale-llama2-70b-full-zero3-32xa10g-ctx4096", source=AN, source_key="anyscale-templates-130",
    family="sharded", method="full", model="llama2-70b", quant="none (bf16)", seq=4096, batch=8, grad_accum=1,
    precision="bf16 (the template's DeepSpeed config)", optimizer="adamw (the template's default)",
    checkpointing="not stated (the template turns on gradient checkpointing)",
    attention="flash attention 2 (flash_attention_2: true)", loss="cross-entropy (GSM8K)", gpus=32,
    sharding="zero3 (DeepSpeed ZeRO-3 over 32 GPUs on 4 nodes, zero_3_llama_2_70b.json; its offload settings are "
             "not in the thread)", gpu="A10G 24GB", card_as_published="32 A10s (4 g5.48xlarge)", outcome="fit",
    measured_bytes=None,
    measured_as="'Have we tested that full param with 4096 context length works on 32 A10s?' - 'Yes. 32 A10s and "
                "this job took 25 hours'",
    measured_how="outcome (the author says the job ran; no reading)", table="review thread on "
    "llama-2-70b-4096-4xg5_48xlarge.yaml",
    notes="batch 8 per device and context 4096 are the config's; a 70B full fine-tune fits 24GB cards only with the "
          "ZeRO-3 config's parameter and optimizer offload, which the thread does not show")

# ---- MaximeSongIdris/LLM-FT-IDRIS-Benchmark README: FSDP2 + selective activation checkpointing on H100 80GB ----
# FSDP_sAC.py: full fine-tuning, the model loaded in bf16 (torch_dtype="bfloat16"), fully_shard per decoder layer and
# on the whole model (FSDP2, MixedPrecisionPolicy bf16 params, fp32 reduce), torch AdamW over the bf16 parameters
# (so its states are bf16), --seq-length 4096 by default (the slurm scripts do not override it), SFT rows padded per
# batch to that cap. The README's tables give, per GPU count and per-GPU batch, the smallest activation-checkpointing
# ratio (AC: the share of decoder layers recomputed) that fit, or OOM when none did.
IB = "https://github.com/MaximeSongIdris/LLM-FT-IDRIS-Benchmark/blob/0e2c30a0562012281804042423afcf18139e6c8e/README.md"
IB_RUN = dict(source=IB, source_key="idris-fsdp2-sac-h100", method="full", quant="none (bf16 weights)", seq=4096,
              precision="bf16 (weights loaded bf16; FSDP2 MixedPrecisionPolicy bf16 params, fp32 reduce)",
              optimizer="adamw (torch AdamW over bf16 parameters: bf16 states)",
              attention="not stated (sdpa default)", loss="cross-entropy (SFT)", gpu="H100 80GB")
for model, gpus, bs, ac, ga, table, cell in (
        ("qwen2.5-7b", 1, 1, 0.4, 64, 1, "AC=0.4, GA=64"), ("qwen2.5-7b", 1, 2, 0.85, 32, 1, "AC=0.85, GA=32"),
        ("qwen2.5-7b", 1, 4, None, None, 1, "OOM"), ("qwen2.5-7b", 1, 8, None, None, 1, "OOM"),
        ("qwen2.5-7b", 4, 2, 0.0, 8, 1, "AC=0.0, GA=8"), ("qwen2.5-7b", 4, 4, 0.5, 4, 1, "AC=0.5, GA=4"),
        ("qwen2.5-7b", 4, 8, 0.95, 2, 1, "AC=0.95, GA=2"), ("qwen2.5-7b", 8, 8, 0.90, 1, 1, "AC=0.90, GA=1"),
        ("qwen2.5-72b", 8, 1, None, None, 2, "OOM"), ("qwen2.5-72b", 16, 1, 0.85, 32, 2, "AC=0.85 GA=32"),
        ("qwen2.5-72b", 16, 4, None, None, 2, "OOM"), ("qwen2.5-72b", 32, 4, 1.0, 4, 2, "AC=1.0, GA=4"),
        ("qwen2.5-72b", 32, 8, None, None, 2, "OOM"), ("qwen2.5-72b", 64, 8, None, None, 2, "OOM")):
    fit = ac is not None
    rec(id="idris-%s-full-fsdp2-%dxh100-bs%d-%s" % (model, gpus, bs, "ac%s" % ac if fit else "oom"),
        family="sharded" if gpus > 1 else "full", model=model, batch=bs, grad_accum=ga if fit else 1,
        checkpointing=("selective (AC=%s: that share of decoder layers recomputed)" % ac if ac else
                       "none (AC=0.0)") if fit else "full (the table's OOM: no AC ratio up to 1.0 fit)",
        gpus=gpus, sharding=("fsdp (FSDP2 fully_shard FULL_SHARD over %d GPUs)" % gpus) if gpus > 1 else
        "none (fully_shard on one GPU shards nothing)", card_as_published="H100 80 Go", outcome="oom" if not fit
        else "fit", measured_bytes=None,
        measured_as="'| GPUs=%d | ... bs=%d: %s |' (effective batch %d)" % (gpus, bs, cell, 64 if table == 1 else 512),
        measured_how="outcome (the table's smallest AC that fit, or OOM; no reading)",
        table="%d) FSDP2 + Selective Activation Checkpointing on H100 80 Go (%s): Required AC and GA" % (
            table, "Qwen2.5-7B-Instruct" if table == 1 else "Qwen2.5-72B-Instruct"),
        notes=("per-GPU batch %d at 4096 tokens; %s" % (bs, "the smallest recompute share that fit, so the run "
               "sits near the card's limit" if fit and ac else "no checkpointing needed at this size" if fit else
               "OOM whatever the AC ratio")), **IB_RUN)

# ---- chenxingqiang/llmir IEEE-conference/A800_GPU_TEST_RESULTS.md: the transformers baseline on one A800 ----
# The repository's real-model benchmark script (a bash file writing /tmp/benchmark.py) loads the model with
# torch_dtype=float16 and device_map="auto", pads a 512-token prompt to the batch, generates 128 new tokens greedily
# with the KV cache, and prints torch.cuda.max_memory_allocated() / 1024**3 as "Peak Memory ... GB" after
# reset_peak_memory_stats(). The stored script lists batches 1-16; the results page also has 32 and 64, run with a
# later version of the same script.
LM = ("https://github.com/chenxingqiang/llmir/blob/c64ef1d8206989e8f7d9865344f63cc7dd93115c/IEEE-conference/"
      "A800_GPU_TEST_RESULTS.md")
for bs, fig in ((1, 15.3), (4, 15.5), (8, 15.7), (16, 16.2), (32, 17.2), (64, 19.1)):
    rec(id="llmir-qwen2.5-7b-fp16-generate-batch%d-a800" % bs, source=LM, source_key="llmir-a800-results",
        model="qwen2.5-7b-base", quant="none (fp16 weights)", seq=640, batch=bs,
        precision="fp16 (torch_dtype=torch.float16)", attention="not stated (sdpa default)", gpus=1,
        sharding="none (device_map='auto' on one card)", gpu="A800 80GB", card_as_published="NVIDIA A800 80GB PCIe "
        "(85.1 GB)", outcome="fit", measured_bytes=int(fig * GIB),
        measured_as="'| %d | ... | %s GB |' (PyTorch (transformers) baseline, 显存占用)" % (bs, fig),
        measured_how="max_memory_allocated (the benchmark script's peak after reset_peak_memory_stats, divided by "
                     "1024**3 and printed as GB)",
        table="真实模型推理基准测试 / Qwen2.5-7B / PyTorch (transformers) 基线",
        notes="prompt padded to 512 tokens plus 128 generated (seq 640 is prompt plus generation); transformers "
              "generate with the dynamic KV cache, greedy", **INFER)

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(len(out), "records")
