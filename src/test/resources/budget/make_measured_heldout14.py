"""Fourteenth held-out split (session 22, issue 14): published measured peaks and fit/OOM outcomes from pages no earlier
measured set cites, weighted toward fine-tuning (LoRA, QLoRA, full, FSDP/ZeRO over N GPUs) as issue 14 asks.

This set is BLIND: written by a helper who never read the engine (src/main), the knowledge or prompts, never ran
oomdoc or BudgetBench on these records except one parse check with its output discarded, and never looked at a score
or at bench/results.md. Nothing here was tuned on, and nothing may be: score it, never fit to it.

How the pages were chosen: a page was dropped when its repository, or a repository of the same short name (renamed
copies and forks: lit-gpt the old name of litgpt, Efficient-Tuning-LLMs the old name of LLamaTuner, llama-recipes the
old name of llama-cookbook, modelscope/swift of ms-swift), is cited anywhere under src/test/resources or bench/
(/tmp/h22/repos.txt), when the page or thread is cited (/tmp/h22/threads.txt, /tmp/h22/urls.txt), when an earlier
measured_*.json cites it, or when a parallel blind writer holds it (/tmp/h22/b27r-threads.txt,
/tmp/h22/b29c-threads.txt). The writer's own list is /tmp/h22/bb14-sources.txt. The big trackers and model READMEs are
all cited by now, so this set leans on run logs and course write-ups kept in small repositories, two model READMEs
(DeepSeek-MoE, XVERSE-65B) and one benchmark note of vLLM's memory profile. A page was kept only where it prints a GPU
memory figure for a setup it states, or says that a named setup ran, or ran out of memory, on a named card.
Calculator and rule-of-thumb tables were left out; torchtune's tables are issue 14's external check and are not here.

Counts: 42 records from 10 pages (source keys) in 10 repositories; families sharded 8, qlora 8, lora 6, full 4,
inference 16 (26 of 42 fine-tuning, 62%); outcomes 32 fit and 10 oom; 19 records with a figure, 23 fits or OOMs on a
named card without one (three of the figures come without a named card).

Pages: bobcchen/finetuning-exploration's run log (Llama-2-7B through the llama-recipes finetuning.py on one V100-32GB
and over four with FSDP: which of LoRA, QLoRA and full fine-tuning ran or ran out of memory, and the FSDP runs' GPU
peaks from the script's memory trace); DeepSeek-MoE's README (16B inference on one 40GB card, full fine-tuning with
ZeRO-3 on eight A100-40G, 4/8-bit QLoRA on one A100-80G); XVERSE-65B's README (LoRA with ZeRO-3 on 8 x A800-80G,
bf16 inference on 2 x A800-80G); llm-d-benchmark's empirical vLLM memory note (weights, activation, CUDA graph and
KV cache of nine models on H100s, with the runs that failed); two ID2223 lab reports (Llama-3.2 1B and 3B QLoRA under
unsloth with max_memory_reserved); a BDML course report (Llama-3.2-3B QLoRA at batch 19 on an A100-80GB); a
Chinese course note (Llama-3.2-1B LoRA in bf16 with and without checkpointing); qyqbird/trajectory's notes (Qwen2-7B
AWQ inference, vLLM failing on a 3090 without a length cap, LoRA on an L20); and a Mistral-7B full/LoRA/QLoRA
comparison on an A100-80GB. Each record's notes say what its page leaves unsaid and what the writer wrote in (a
sequence length, a batch) where the page gives none.

Every figure is typed from its page; each record keeps the page's URL pinned to a commit of the file, the row or
sentence it comes from and what the page says about how memory was read. Model shapes are each model's config.json
values as known to the writer (no network here to reopen them); the parameter count is computed from them unless the
page or model card prints it.
Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout14.py
"""
import json

from measured_shapes import llama  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout14.json"
GB = 10 ** 9
GIB = 2 ** 30
KNOWN = "config.json values as known to the writer, not reopened this session"


A = {
    "llama2-7b": llama("meta-llama/Llama-2-7b (%s)" % KNOWN, 32, 4096, 32, 32, 11008, 32000),
    "llama3.2-1b": llama("meta-llama/Llama-3.2-1B (%s)" % KNOWN, 16, 2048, 32, 8, 8192, 128256, tied=True),
    "llama3.2-3b": llama("meta-llama/Llama-3.2-3B (%s)" % KNOWN, 28, 3072, 24, 8, 8192, 128256, tied=True),
    "llama3.1-8b": llama("meta-llama/Llama-3.1-8B-Instruct (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 128256),
    "llama3.3-70b": llama("RedHatAI/Llama-3.3-70B-Instruct-FP8-dynamic (%s; Llama-3.3-70B's shape)" % KNOWN,
                          80, 8192, 64, 8, 28672, 128256),
    "qwen3-0.6b": llama("Qwen/Qwen3-0.6B (%s)" % KNOWN, 28, 1024, 16, 8, 3072, 151936, tied=True, head_dim=128),
    "qwen3-32b": llama("Qwen/Qwen3-32B (%s)" % KNOWN, 64, 5120, 64, 8, 25600, 151936, head_dim=128),
    "qwen2-7b": llama("Qwen/Qwen2-7B-Instruct (%s; q/k/v biases left out of the count)" % KNOWN,
                      28, 3584, 28, 4, 18944, 152064),
    "mistral-7b": llama("mistralai/Mistral-7B-v0.1 (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 32000),
    # the page prints 40 layers, 32 heads, 8 KV heads, head_dim 128, hidden 5120, vocab 131,072; the intermediate
    # size 32768 is the writer's; the vision encoder (~0.4B) is left out of the count
    "mistral-small-3.2-24b": llama("mistralai/Mistral-Small-3.2-24B-Instruct-2506 (the page's Model Architecture "
                                   "list; intermediate 32768 %s)" % KNOWN, 40, 5120, 32, 8, 32768, 131072,
                                   head_dim=128),
    # the README: 80 layers, d_model 8192, 64 heads, d_ff 22016, vocab 100,534, 65B; the 8 KV heads are the writer's
    "xverse-65b": llama("xverse/XVERSE-65B (the README's size table and tokenizer line; 8 KV heads %s)" % KNOWN,
                        80, 8192, 64, 8, 22016, 100534, params=65 * 10 ** 9, extra="; the README's 65B"),
    # DeepSeekMoE 16B: 28 layers, hidden 2048, 16 heads (MHA), 64 routed experts of intermediate 1408 plus 2 shared,
    # 6 routed active; the first layer is a dense MLP of 10944; 16.4B as the README prints it
    "deepseek-moe-16b": llama("deepseek-ai/deepseek-moe-16b-base (%s; per-expert intermediate 1408, 64 routed + 2 "
                              "shared experts counted as 66, 6 routed + 2 shared active counted as 8, first layer "
                              "dense)" % KNOWN, 28, 2048, 16, 16, 1408, 102400, params=16400000000,
                              extra="; the README's 16.4B", experts_total=66, experts_active=8),
    # gpt-oss: per-expert intermediate 2880, top-4; head_dim 64; totals as OpenAI's model cards print them
    "gpt-oss-20b": llama("openai/gpt-oss-20b (%s; 32 experts, 4 active, MXFP4 expert weights)" % KNOWN,
                         24, 2880, 64, 8, 2880, 201088, params=20900000000, head_dim=64, experts_total=32,
                         experts_active=4, extra="; the model card's 21B (20.9B)"),
    "gpt-oss-120b": llama("openai/gpt-oss-120b (%s; 128 experts, 4 active, MXFP4 expert weights)" % KNOWN,
                          36, 2880, 64, 8, 2880, 201088, params=116800000000, head_dim=64, experts_total=128,
                          experts_active=4, extra="; the model card's 117B (116.8B)"),
    # DeepSeek-R1 (V3 shape): 61 layers, hidden 7168, 128 heads with MLA, 256 routed experts of 2048 + 1 shared,
    # 8 routed active; 671B as published
    "deepseek-r1": llama("deepseek-ai/DeepSeek-R1 (%s; MLA attention written as 128 KV heads, 256 routed + 1 shared "
                         "experts of intermediate 2048, 8 routed + 1 shared active)" % KNOWN, 61, 7168, 128, 128,
                         2048, 129280, params=671 * 10 ** 9, extra="; the model card's 671B", experts_total=257,
                         experts_active=9),
}

out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = A[k["model"]]
    k.setdefault("lora_rank", 0)
    k.setdefault("lora_targets", None)
    k["split"] = "heldout14"
    out.append(k)


INFER = dict(family="inference", method="inference", optimizer="none (inference)", checkpointing="none",
             grad_accum=1, loss="none (inference)")

# ---- bobcchen/finetuning-exploration README: the llama-recipes run log ----
# finetuning.py of llama-recipes at 4377160 (1 Dec 2023) on samsum (split_slice 1%), the repo's train_config: batch
# 1, accumulation 4, AdamW lr 1e-4 (SGD when --fsdp_config.optimizer SGD), padding batching, no packing; LoRA is
# peft_config's default of the time (r 8, alpha 32, dropout 0.05, q_proj and v_proj); --quantization loads 4-bit
# (the README: load_in_4bit=True); --use_fp16 turns on autocast with a GradScaler over fp32 weights (single GPU) or
# FSDP's fp16 mixed-precision policy. samsum rows are prompt plus summary, unpadded at batch 1: seq 512 is written in
# as a long row. "GPU total peak memory" is the script's MemoryTrace: max_memory_allocated in GB (2^30).
BC = "https://github.com/bobcchen/finetuning-exploration/blob/9737be5ec13b84945250b1c67eff4c79a1b822c8/README.md"
BC_KEY = "bobcchen-llama-recipes-runs"
BC_TRAIN = dict(model="llama2-7b", seq=512, batch=1, grad_accum=4, attention="eager (HF Llama of Dec 2023)",
                loss="cross-entropy (causal LM on the summary)", source=BC, source_key=BC_KEY)
LORA_T = dict(lora_rank=8, lora_targets="q_proj,v_proj", lora_dropout=0.05)
V100 = dict(gpu="V100 32GB")
for rid, fam, meth, quant, prec, outcome, said, extra in (
        ("qlora-4bit-fp16-1xv100-fit", "qlora", "qlora", "nf4 (--quantization True: load_in_4bit)",
         "fp16 mixed (--use_fp16 True)", "fit",
         "LoRA PEFT of quantized 7b (`load_in_4bit=True`) in half precision works as per local", LORA_T),
        ("lora-fp32-1xv100-oom", "lora", "lora", "none (fp32 weights)", "fp32 (--use_fp16 False)", "oom",
         "LoRA PEFT of 7b in full/half precision results in CUDA OOM", LORA_T),
        ("lora-fp16-1xv100-oom", "lora", "lora", "none (fp32 weights, fp16 autocast)", "fp16 mixed (--use_fp16 True)",
         "oom", "LoRA PEFT of 7b in full/half precision results in CUDA OOM", LORA_T),
        ("full-fp32-1xv100-oom", "full", "full", "none (fp32)", "fp32 (--use_fp16 False)", "oom",
         "Full finetuning of 7b in full/half precision results in CUDA OOM", {}),
        ("full-fp16-1xv100-oom", "full", "full", "none (fp32 weights, fp16 autocast)", "fp16 mixed (--use_fp16 True)",
         "oom", "Full finetuning of 7b in full/half precision results in CUDA OOM", {}),
        ("full-of-4bit-model-fp32-1xv100-fit", "full", "full (no PEFT on a 4-bit-loaded model: the 4-bit linear "
         "weights stay frozen, the embeddings, norms and head train)", "nf4 (--quantization True: load_in_4bit)",
         "fp32 (--use_fp16 False)", "fit",
         "Full finetuning of quantized 7b (`load_in_4bit=True`) in full precision works, but training loss does not "
         "decrease", {})):
    rec(id="bobcchen-llama2-7b-" + rid, family=fam, method=meth, quant=quant, precision=prec,
        optimizer="adamw (torch AdamW, the script's default)", checkpointing="none (not enabled by the script)",
        gpus=1, sharding="none", card_as_published="Single V100 (32GB) GPU", outcome=outcome, measured_bytes=None,
        measured_as="'%s'" % said, measured_how="outcome (the log says the run %s; no reading)"
        % ("ran" if outcome == "fit" else "hit CUDA OOM"), table="Runs logging / Single V100 (32GB) GPU",
        notes="python3 finetuning.py --split_slice 1%%%s; %s" % (
            " --use_peft" if extra else "",
            "the page puts fp32 and fp16 in one sentence: both ran out of memory" if "oom" in rid else
            "the run completed" + ("; the loss did not fall, as the page says" if "full-of" in rid else "")),
        **BC_TRAIN, **V100, **extra)
FSDP = "FSDP FULL_SHARD over 4 GPUs (--enable_fsdp)"
for rid, meth, prec, opt, outcome, fig, said, how, extra in (
        ("fsdp-full-fp16-adamw-4xv100-oom", "full", "fp16 mixed (FSDP fp16 policy, --use_fp16 True)", "adamw",
         "oom", None, "Full finetuning of 7b in half precision results in CUDA OOM", None, {}),
        ("fsdp-lora-fp16-4xv100-fit", "lora", "fp16 mixed (FSDP fp16 policy, --use_fp16 True)", "adamw", "fit",
         None, "LoRA PEFT of 7b in half precision works!", None, LORA_T),
        ("fsdp-full-fp32-adamw-4xv100-oom", "full", "fp32 (--use_fp16 False)", "adamw", "oom", None,
         "Full finetuning of 7b in full precision results in CUDA OOM, even decreasing samples to 10 "
         "`split_slice=10` results in CUDA OOM", None, {}),
        ("fsdp-full-fp32-adamw-cpu-offload-4xv100", "full", "fp32 (--use_fp16 False)", "adamw", "fit", 17,
         "Full finetuning of 7b in full precision with FSDP CPU_OFFLOAD works ... GPU Utilization: From logs, GPU "
         "total peak memory is 17GB/18GB. From `nvidia-smi`, ~20GB used per GPU", "offload", {}),
        ("fsdp-full-fp32-sgd-4xv100", "full", "fp32 (--use_fp16 False)", "sgd", "fit", 29,
         "Full finetuning of 7b in full precision works, but there are CUDA Malloc retries ... From logs, GPU total "
         "peak memory is 29GB. From `nvidia-smi`, ~30GB used per GPU", None, {}),
        ("fsdp-full-fp16-sgd-4xv100", "full", "fp16 mixed (FSDP fp16 policy, --use_fp16 True)", "sgd", "fit", 25,
         "Full finetuning of 7b in half precision works with no issues! ... From logs, GPU total peak memory is 25GB. "
         "From `nvidia-smi`, ~28GB used per GPU", None, {})):
    sharding = FSDP + ("; parameters offloaded to CPU (--fsdp_config.fsdp_cpu_offload True)" if how else "")
    rec(id="bobcchen-llama2-7b-" + rid, family="sharded", method=meth, quant="none (fp32 weights)",
        precision=prec, optimizer="%s (torch %s%s)" % (opt, "AdamW" if opt == "adamw" else "SGD, momentum 0.9",
                                                       "" if opt == "adamw" else ", --fsdp_config.optimizer SGD"),
        checkpointing="none (not enabled by the script)", gpus=4, sharding=sharding,
        card_as_published="Single node multi V100 (32GB) GPU (--nproc_per_node 4)", outcome=outcome,
        measured_bytes=fig * GIB if fig else None, measured_as="'%s'" % said,
        measured_how=("max_memory_allocated (the script's 'GPU total peak memory' per rank in GB, read as 2^30; "
                      "nvidia-smi showed more)") if fig else "outcome (the log says the run %s; no reading)"
        % ("ran" if outcome == "fit" else "hit CUDA OOM"), table="Runs logging / Single node multi V100 (32GB) GPU",
        notes=("torchrun --nproc_per_node 4 finetuning.py --split_slice 1%% --enable_fsdp%s; " % (
            " --use_peft" if extra else "")) + (
            "with 1% of samples the host killed the job (CPU peak 40GB of 63GB) while the GPUs held; it trained with "
            "10 samples, so the GPU side is a fit" if how else
            "SGD keeps one momentum buffer where AdamW keeps two" if opt == "sgd" else
            "the run stopped when training started (the model itself loaded at ~10GB a GPU)" if outcome == "oom"
            else "quantization is off under FSDP"),
        **BC_TRAIN, **V100, **extra)

# ---- deepseek-ai/DeepSeek-MoE README ----
DS = "https://github.com/deepseek-ai/DeepSeek-MoE/blob/80af6ea9ac7756984defd4b615cd2f8039f6a6f1/README.md"
DS_KEY = "deepseek-moe-readme"
DS_FT = dict(model="deepseek-moe-16b", seq=1024, batch=16, grad_accum=4, precision="bf16 (--bf16 True)",
             checkpointing="full (--gradient_checkpointing True)", attention="flash attention 2 (the README: used "
             "by default)", loss="not stated (cross-entropy)", source=DS, source_key=DS_KEY, outcome="fit",
             measured_bytes=None, table="How to Fine-tune DeepSeekMoE")
rec(id="deepseek-moe-16b-full-zero3-8xa100-40gb", family="sharded", method="full", quant="none (bf16)",
    optimizer="not stated (the HF Trainer's AdamW)", gpus=8,
    sharding="zero3 (DeepSpeed ZeRO-3, configs/ds_config_zero3.json, over 8 GPUs; offload not shown)",
    gpu="A100 40GB", card_as_published="eight A100 40 GPUs",
    measured_as="'For this configuration, zero_stage needs to be set to 3, and we run it on eight A100 40 GPUs.'",
    measured_how="outcome (the README's cards for its full fine-tuning command; no reading)",
    notes="--model_max_length 1024 (a ceiling: rows are padded per batch), --per_device_train_batch_size 16, "
          "accumulation 4, --use_lora False", **DS_FT)
for bits in (4, 8):
    rec(id="deepseek-moe-16b-qlora-%dbit-r64-1xa100-80gb" % bits, family="qlora", method="qlora",
        lora_rank=64, lora_targets="not stated (finetune.py's default)",
        quant=("nf4 (--bits 4 --quant_type nf4 --double_quant)" if bits == 4 else
               "int8 (bitsandbytes 8-bit; the README's '4/8-bits qlora')"),
        optimizer="not stated (the HF Trainer's AdamW)", gpus=1,
        sharding="none (ds_config_zero2_no_offload.json on one card)", gpu="A100 80GB",
        card_as_published="a single A100 80G GPU",
        measured_as="'You can also finetune the model with 4/8-bits qlora, feel free to try it. For this "
                    "configuration, it is possible to run on a single A100 80G GPU'",
        measured_how="outcome (the README says it runs on one such card; no reading)",
        notes="the command shown is the 4-bit one (--bits 4, lora_r 64, alpha 16, max_grad_norm 0.3); "
              + ("the 8-bit run is the README's '4/8-bits', the rest of the command kept" if bits == 8 else
                 "batch 16 and length 1024 as in the command"), **DS_FT)
rec(id="deepseek-moe-16b-bf16-inference-1x40gb", source=DS, source_key=DS_KEY, model="deepseek-moe-16b",
    quant="none (bf16 weights)", seq=2048, batch=1, precision="bf16", attention="not stated (eager)", gpus=1,
    sharding="none", gpu="A100 40GB", card_as_published="a single GPU with 40GB of memory", outcome="fit",
    measured_bytes=None,
    measured_as="'which can be deployed on a single GPU with 40GB of memory without the need for quantization'",
    measured_how="outcome (the README's deployment claim; no reading)", table="1. Introduction",
    notes="the card is not named beyond 40GB: an A100-40GB is written in; seq 2048 (prompt plus generation) is "
          "written in, the model's context is 4096", **INFER)

# ---- xverse-ai/XVERSE-65B README: 硬件需求 ----
XV = "https://github.com/xverse-ai/XVERSE-65B/blob/1e6a95970476e6bdcdbc909829ab7038e7d0290f/README.md"
rec(id="xverse-65b-lora-zero3-8xa800-80gb", source=XV, source_key="xverse-65b-readme", family="sharded",
    method="lora", model="xverse-65b", lora_rank=8, lora_targets="q_proj,v_proj", quant="none (bf16)", seq=1024,
    batch=4, grad_accum=4, precision="bf16 (--bf16)", optimizer="not stated (the HF Trainer's AdamW)",
    checkpointing="not stated", attention="not stated", loss="not stated (cross-entropy)", gpus=8,
    sharding="zero3 (DeepSpeed ZeRO-3 over 8 GPUs, the README's deep_speed.json; no offload)", gpu="A800 80GB",
    card_as_published="8*A800 80G", outcome="fit", measured_bytes=None,
    measured_as="'| XVERSE-65B | 训练 | LoRA with ZeRO-3 | 1500GB | 8*A800 80G |'",
    measured_how="outcome (the hardware table's cards for LoRA with ZeRO-3, tested with LLaMA-Factory; no reading)",
    table="硬件需求; 模型微调",
    notes="the command: --finetuning_type lora --lora_target q_proj,v_proj, batch 4, accumulation 4, bf16; rank is "
          "LLaMA-Factory's default of the time (8); the cutoff length is not shown, 1024 (the tool's default) is "
          "written in; 1500GB is host memory")
rec(id="xverse-65b-bf16-inference-2xa800-80gb", source=XV, source_key="xverse-65b-readme", model="xverse-65b",
    quant="none (bf16 weights)", seq=2048, batch=1, precision="bf16", attention="not stated", gpus=2,
    sharding="none (device_map='auto' spreads the layers over the two cards)", gpu="A800 80GB",
    card_as_published="2*A800 80G", outcome="fit", measured_bytes=None,
    measured_as="'| XVERSE-65B | 推理 | BF16/FP16 | 500GB | 2*A800 80G |'",
    measured_how="outcome (the hardware table's cards for inference; no reading)", table="硬件需求",
    notes="transformers generate with max_new_tokens 64 in the example; seq 2048 is written in as a ceiling; 500GB is "
          "host memory", **INFER)

# ---- llm-d/llm-d-benchmark config_explorer/empirical-vllm-memory-results.md ----
# vLLM on H100 (79.18 GiB), --enable-prefix-caching --block-size=128, gpu-memory-utilization 0.9 unless noted, one
# request stream (no load). The figure kept is the sum of the page's five parts per device: weights + peak activation
# + non-torch + CUDA graph + KV cache, i.e. what vLLM holds once the KV cache fills its share of the card.
LD = ("https://github.com/llm-d/llm-d-benchmark/blob/4f4d44943c39b76b28e30dfa1fb0dfaf1ee894b5/"
      "config_explorer/empirical-vllm-memory-results.md")
LD_KEY = "llm-d-empirical-vllm-memory"
for model, row, tp, mml, parts, quant, util in (
        ("gpt-oss-20b", "gpt-oss-20b", 1, 16000, (13.47, 7.38, 0.13, 0.39, 50.28), "mxfp4 (the checkpoint's MoE "
         "weights)", 0.9),
        ("gpt-oss-120b", "gpt-oss-120b", 1, 16000, (64.38, 7.38, 0.13, 1.03, 3.33), "mxfp4 (the checkpoint's MoE "
         "weights)", 0.9),
        ("llama3.3-70b", "Llama-3.3-70B-FP8 (TP=2)", 2, 16000, (33.88, 4.84, 0.55, -0.42, 32.0),
         "fp8 (FP8-dynamic checkpoint, compressed-tensors)", 0.9),
        ("llama3.1-8b", "Llama-3.1-8B", 1, 16000, (14.99, 4.76, 0.13, -0.45, 51.38), "none (bf16 weights)", 0.9),
        ("qwen3-0.6b", "Qwen3-0.6B", 1, 16000, (1.12, 5.56, 0.13, 0.10, 64.45), "none (bf16 weights)", 0.9),
        ("qwen3-0.6b", "Qwen3-0.6B", 1, 32000, (1.12, 5.56, 0.13, 0.10, 64.45), "none (bf16 weights)", 0.9),
        ("qwen3-32b", "Qwen3-32B", 1, 16000, (61.03, 5.64, 0.14, -0.88, 4.45), "none (bf16 weights)", 0.9),
        ("qwen3-32b", "Qwen3-32B", 2, 16000, (30.59, 5.64, 0.54, -0.33, 34.49), "none (bf16 weights)", 0.9),
        ("mistral-small-3.2-24b", "Mistral-Small-3.2-24B", 1, 16000, (44.76, 2.12, 0.14, -0.76, 28.20),
         "none (bf16 weights)", 0.95)):
    total = round(sum(parts), 2)
    rec(id="llm-d-vllm-%s-tp%d-len%d-1xh100" % (model, tp, mml) if tp == 1 else
        "llm-d-vllm-%s-tp%d-len%d-%dxh100" % (model, tp, mml, tp), source=LD, source_key=LD_KEY, model=model,
        quant=quant, seq=mml, batch=1, precision="bf16 (activations; weights as quantized)",
        attention="not stated (vLLM's default backend, FlashAttention on H100)", gpus=tp,
        sharding="none" if tp == 1 else "tensor parallel %d (vLLM --tensor-parallel-size %d)" % (tp, tp),
        gpu="H100 80GB", card_as_published="H100 GPUs (79.18 GiB total memory)", outcome="fit",
        measured_bytes=int(total * GIB),
        measured_as="| %s | SUCCESS | %s | %s | %s | %s | %s | %d | %d |" % ((row,) + parts + (tp, mml)),
        measured_how="reading: vLLM's startup memory profile per device (weights + peak activation + non-torch + "
                     "CUDA graph + KV cache, GiB, summed by the writer to %.2f)" % total,
        table="Summary Table", serving_engine="vLLM (vllm/vllm-openai:latest of late 2025)",
        gpu_memory_utilization=util,
        notes="the KV cache fills what gpu-memory-utilization %.2f leaves, so the figure is vLLM's reservation, not "
              "the model's need; the non-KV part is %.2f GiB; max-model-len %d; prefix caching on"
              % (util, round(sum(parts[:4]), 2), mml), **INFER)
for model, row, mml, quant, said in (
        ("deepseek-r1", "Deepseek-R1", 16000, "fp8 (the checkpoint's FP8 weights)",
         "Failure point: Tried to allocate 3.50 GiB but only 3.33 GiB was free; Memory in use at failure: 75.84 GiB "
         "total, 75.16 GiB by PyTorch"),
        ("llama3.3-70b", "Llama-3.3-70B-FP8 (TP=1)", 16000, "fp8 (FP8-dynamic checkpoint, compressed-tensors)",
         "Model loading took: 67.72 GiB ... Available KV cache memory: -1.44 GiB ... ValueError: No available memory "
         "for the cache blocks"),
        ("qwen3-32b", "Qwen3-32B", 32000, "none (bf16 weights)",
         "| Qwen3-32B | FAILED | 61.03 | 5.64 | 0.14 | N/A | N/A | 1 | 32000 |")):
    rec(id="llm-d-vllm-%s-tp1-len%d-1xh100-oom" % (model, mml), source=LD, source_key=LD_KEY, model=model,
        quant=quant, seq=mml, batch=1, precision="bf16 (activations; weights as quantized)",
        attention="not stated (vLLM's default backend)", gpus=1, sharding="none", gpu="H100 80GB",
        card_as_published="a single H100 GPU", outcome="oom", measured_bytes=None, measured_as="'%s'" % said,
        measured_how="outcome (the engine failed at startup: out of memory or no room left for the KV cache)",
        table="Summary Table / Detailed Results", serving_engine="vLLM (vllm/vllm-openai:latest of late 2025)",
        gpu_memory_utilization=0.9,
        notes=("failed while loading the MoE layers: the weights alone exceed the card" if model == "deepseek-r1"
               else "the weights loaded but left no KV cache for one max-model-len sequence within 0.9 of the card"
               if model == "llama3.3-70b" else
               "at 32000 tokens the run failed; the same model fits at 16000 (4.45 GiB of KV cache left)"),
        **INFER)

# ---- ID2223 lab 2 reports (unsloth's notebook: max_memory_reserved printed as 'Peak reserved memory') ----
# bupttaxi: 1B and 3B, one epoch each on a Colab Pro A100 (max 39.56 GB from 2.408 GB = 6.087%: the 40GB card).
# The lab's notebook (unsloth's Llama-3.2 conversational one): the bnb-4bit checkpoints, r 16 on all seven
# projections, max_seq_length 2048, batch 2, accumulation 4, adamw_8bit, unsloth checkpointing; these settings are the
# writer's reading of that notebook, the README prints none of them.
BT = "https://github.com/bupttaxi/PERT_LAB2_ID2223/blob/a07d2b62de2aa24552af5b7a80057211dfc9c0e2/README.md"
UNSLOTH = dict(family="qlora", method="qlora", lora_rank=16,
               lora_targets="q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj",
               quant="nf4 (unsloth's bnb-4bit checkpoint)", seq=2048, batch=2, grad_accum=4,
               precision="bf16 (unsloth picks bf16 where supported)", optimizer="adamw_8bit",
               checkpointing="full (use_gradient_checkpointing='unsloth')", attention="not stated (unsloth's kernels)",
               loss="not stated (cross-entropy)", gpus=1, sharding="none", outcome="fit")
for model, fig, pct in (("llama3.2-1b", "2.408", "6.087"), ("llama3.2-3b", "3.736", "9.445")):
    rec(id="bupttaxi-id2223-%s-unsloth-qlora-1xa100-40gb" % model, source=BT, source_key="bupttaxi-id2223-lab2",
        model=model, gpu="A100 40GB", card_as_published="a Colab Pro A100 GPU",
        measured_bytes=int(float(fig) * GIB),
        measured_as="| **Peak Reserved Memory** | ... %s GB | ; | **Peak Reserved Memory %% of Max** | ... %s %% |"
                    % (fig, pct),
        measured_how="reading of max_memory_reserved (unsloth's 'Peak reserved memory', GB read as 2^30)",
        table="1, Model Resource Comparison (1B vs 3B)",
        notes="the README prints only the figures: model, rank, length and batch are the lab notebook's as known to "
              "the writer; the percentage puts the card at about 39.6 GB, the 40GB A100", **UNSLOTH)
RC = "https://github.com/Rick-cmy/ID2223-lab2/blob/995fac431cda860a3da51119a9a233d0b4a18cfc/README.md"
rec(id="rick-cmy-id2223-llama3.2-1b-unsloth-qlora-r8-1xt4", source=RC, source_key="rick-cmy-id2223-lab2",
    model="llama3.2-1b", gpu="T4 16GB", card_as_published="Google Colab Tesla T4 (15GB)",
    measured_bytes=int(2.203 * GIB), measured_as="'Peak reserved GPU memory: ~2.203 GB'",
    measured_how="reading of max_memory_reserved (unsloth's peak reserved memory, GB read as 2^30)",
    table="Results (runtime / memory)",
    notes="the README: batch 2, accumulation 4, adamw_8bit, unsloth/Llama-3.2-1B-Instruct-bnb-4bit; r 8 (alpha 16) "
          "on all seven projections from the repository's adapter_config.json; max_seq_length 2048 from its "
          "notebook; precision is the T4's fp16", **dict(UNSLOTH, lora_rank=8, precision="fp16 (the T4 has no bf16)"))

# ---- ellisbrown/BDML25SP assignment1.md: Llama-3.2-3B QLoRA on an A100-80GB at the largest batch that fit ----
EB = "https://github.com/ellisbrown/BDML25SP/blob/7f4cb5f9d0dd29aed8397ddd7577d4089406e24b/assignment1.md"
rec(id="bdml25sp-llama3.2-3b-qlora-r8-batch19-1xa100-80gb", source=EB, source_key="bdml25sp-assignment1",
    family="qlora", method="qlora", model="llama3.2-3b", lora_rank=8, lora_targets="q_proj,k_proj,v_proj,o_proj",
    lora_dropout=0.1, quant="nf4 (BitsAndBytesConfig load_in_4bit, double quant, fp16 compute)", seq=512,
    batch=19, grad_accum=1, precision="fp16/bf16 mixed (the page sets both)", optimizer="paged_adamw_8bit",
    checkpointing="full (model.gradient_checkpointing_enable())", attention="sdpa or flash attention 2 (the page "
    "names both)", loss="not stated (cross-entropy)", gpus=1, sharding="none", gpu="A100 80GB",
    card_as_published="NVIDIA A100-SXM4-80GB", outcome="fit", measured_bytes=int(22.9 * GB),
    measured_as="'GPU Memory Usage: 22.9GB/81.9GB (28.0%)'",
    measured_how="reading not said beyond 'GPU Memory Usage' against the card's 81.9GB (a card-level, nvidia-smi-like "
                 "reading; GB read as 10^9)", table="Training Performance / Hardware Utilization",
    notes="batch 19 is the largest the page's binary search kept; sequence length 512 as the page prints it; the "
          "model is the original Llama 3.2 3B converted to HF format")

# ---- hquzhuguofeng/LLM-RoadMap 04-Kbit_Training README: Llama-3.2-1B LoRA in bf16 ----
RM = ("https://github.com/hquzhuguofeng/LLM-RoadMap/blob/00c4408c8fadedac9cf7ccce655c6a9be366df05/"
      "04-Kbit_Training/README.md")
for ckpt, fig, said in ((False, "6.8", "显存占用6.8G左右"),
                        (True, "6", "打开gradient_checkpointing=True ... 显存占用到了6G左右")):
    rec(id="llm-roadmap-llama3.2-1b-lora-bf16-batch2%s" % ("-ckpt" if ckpt else ""), source=RM,
        source_key="llm-roadmap-kbit-training", family="lora", method="lora", model="llama3.2-1b", lora_rank=8,
        lora_targets="not stated (PEFT's default for Llama: q_proj,v_proj)", quant="none (bf16 weights)", seq=1024,
        batch=2, grad_accum=1, precision="bf16 (model loaded in bfloat16)",
        optimizer="not stated (the HF Trainer's AdamW)",
        checkpointing="full (gradient_checkpointing=True)" if ckpt else "none",
        attention="not stated (sdpa)", loss="not stated (cross-entropy)", gpus=1, sharding="none", gpu="",
        card_as_published="not named", outcome="fit", measured_bytes=int(float(fig) * GB),
        measured_as="'%s'" % said, measured_how="reading not said (about %sG, read as 10^9)" % fig,
        table="02-llama2_lora_16bit",
        notes="MAX_LENGTH 1024 is the truncation length (rows are shorter, padded per batch); trainable 851,968 of "
              "1,236,666,368 parameters as printed; the card is not named")

# ---- qyqbird/trajectory README: Qwen2-7B notes ----
QY = "https://github.com/qyqbird/trajectory/blob/1d4a2c6cfb4ec1c0b7486de527d29c4ccb20aa06/README.md"
rec(id="qyqbird-qwen2-7b-instruct-awq-inference", source=QY, source_key="qyqbird-trajectory", model="qwen2-7b",
    quant="awq 4-bit (Qwen2-7B-Instruct-AWQ)", seq=2048, batch=1, precision="fp16", attention="not stated", gpus=1,
    sharding="none", gpu="", card_as_published="not named", outcome="fit", measured_bytes=int(5.2 * GB),
    measured_as="'Instruct-AWQ:5.2G'", measured_how="reading not said (5.2G, read as 10^9)", table="Qwen2-7B",
    notes="the note gives no length; seq 2048 is written in; loading through from_pretrained adds about 2G by the "
          "note", **INFER)
rec(id="qyqbird-qwen2-7b-vllm-no-length-cap-1xrtx3090-oom", source=QY, source_key="qyqbird-trajectory",
    model="qwen2-7b", quant="none (bf16 weights)", seq=32768, batch=1, precision="bf16", attention="not stated",
    gpus=1, sharding="none", gpu="RTX 3090 24GB", card_as_published="3090", outcome="oom", measured_bytes=None,
    measured_as="'但是用vllm加载，有多少内存都不够用 OOM。"
                "3090、V100（且不支持BF16）  需要设置max_len_seq'",
    measured_how="outcome (vLLM ran out of memory until max-model-len was set; no reading)", table="Qwen2-7B",
    serving_engine="vLLM (openai api_server of mid 2024)", gpu_memory_utilization=0.9,
    notes="without --max-model-len vLLM sizes for the model's full context (32768 written in); the note's fix is "
          "--max-model-len 8096", **INFER)
rec(id="qyqbird-qwen2-7b-lora-1xl20-48gb", source=QY, source_key="qyqbird-trajectory", family="lora", method="lora",
    model="qwen2-7b", lora_rank=8, lora_targets="not stated", quant="none (bf16 weights)", seq=1024, batch=1,
    grad_accum=1, precision="bf16", optimizer="not stated (AdamW)", checkpointing="not stated",
    attention="not stated", loss="not stated (cross-entropy)", gpus=1, sharding="none", gpu="L20 48GB",
    card_as_published="L20 48G显卡", outcome="fit", measured_bytes=None,
    measured_as="'lora微调的确是可以的，很节约显存 L20 48G显卡，模型约17G'",
    measured_how="outcome (the note says LoRA ran on this card; its 'about 17G' is not said to be the peak)",
    table="全参数微调 / lora",
    notes="rank, length and batch are not given: rank 8, seq 1024 and batch 1 are written in as a small run, so the "
          "record only checks that such a run fits")

# ---- Birla2006/llm-finetuning-research README: Mistral-7B on one A100-SXM4-80GB ----
BI = "https://github.com/Birla2006/llm-finetuning-research/blob/856486327b2ca5dd8ea1150e29d43697362f43d2/README.md"
for meth, fam, quant, row in (
        ("full", "full", "none (not stated)", "| **Full FT** | ... | 12 min | ~60 GB (75%) | 7.11B (100%) |"),
        ("lora", "lora", "none (not stated)", "| **LoRA** | ... | 3.7 min | ~80 GB (98%) ⚡ | 3.5M (0.05%) |"),
        ("qlora", "qlora", "nf4 (not stated beyond 'Quantized LoRA')",
         "| **QLoRA** | ... | 6 min | **~15 GB (17%)** 🎯 | 3.5M (0.05%) |")):
    rec(id="birla-mistral-7b-%s-1xa100-80gb" % meth, source=BI, source_key="birla-llm-finetuning-showdown",
        family=fam, method=meth, model="mistral-7b", lora_rank=0 if meth == "full" else 8,
        lora_targets=None if meth == "full" else "not stated (3.5M trainable)", quant=quant, seq=512, batch=1,
        grad_accum=1, precision="not stated (bf16 on the A100)", optimizer="not stated",
        checkpointing="not stated", attention="not stated", loss="not stated (resume classification into 25 "
        "categories)", gpus=1, sharding="none", gpu="A100 80GB", card_as_published="NVIDIA A100-SXM4-80GB",
        outcome="fit", measured_bytes=None, measured_as=row.replace("⚡", "").replace("🎯", "").replace("  ", " "),
        measured_how="outcome (the run finished on this card; its 'GPU Memory' is a rounded card-level share of a "
                     "run whose batch and length are not printed, so no figure is kept)",
        table="Key Results",
        notes="the README gives neither batch, length, precision nor optimizer: seq 512 and batch 1 are written in as "
              "the smallest run, which fits when the published one did; 3.5M trainable parameters put the LoRA "
              "rank near 8 on two projections")

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(len(out), "records")
