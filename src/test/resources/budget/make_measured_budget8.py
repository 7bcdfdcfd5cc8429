"""Eighth session's measured split (issue 14, branch h8/budget8): published measured peaks of quantized and 16-bit
inference with a KV cache, split by source repository before the engine was run on any record.

tune  = repositories the engine was already tuned on: Lightning-AI/litgpt tutorials/quantize.md, and
        foundation-model-stack/fms-acceleration's A100-80GB reference table (its accelerated-peft-bnb rows, which
        measured_dev.json does not hold)
check = repositories the engine has never been run on: DerekLiu35/huggingface-quantization-benchmarking-code
        (optimum-benchmark runs) and meta-llama/llama-cookbook PR 41 (FSDP LoRA)
The first 9 records (litgpt, optimum-benchmark) were committed first; the fms and llama-cookbook records were added
before the engine had been run on any record.

Looked at and left out (no complete setup, or a setup the engine cannot express): litgpt tutorials/finetune_lora.md
(LoRA/QLoRA on Alpaca padded to the longest sample of the batch: the longest tokenized sample is not published),
litgpt tutorials/inference.md (tensor-parallel and layer-sequential generation), axolotl PR 1428 ("14GB VRAM/GPU"
for Llama-2-70B: the committed YAML offloads the parameters to the CPU, which the engine does not model), the
fms rows that duplicate measured_dev.json's baseline-peft-bnb figures byte for byte (2-GPU Mistral and Llama-2-70B)
and its foak/liger/GPTQ/padding-free runs (fused kernels and formats the engine has no term for), llama-cookbook
PR 165 (a prototype FSDP) and issue 100 (reserved memory in whole GiB),
the GPTQ/AWQ/AQLM/VPTQ/FP8 runs of the optimum-benchmark repository (no such weight format in the engine), Liger
Kernel's blog and examples (relative reductions and plots only), PEFT's MetaMathQA results (no QLoRA run).
Model dimensions come from the catalog (src/main/resources/catalog/models.csv). Run from the repository root:
    python3 src/test/resources/budget/make_measured_budget8.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from catalog_arch import arch  # noqa: E402

OUT = "src/test/resources/budget/measured_budget8.json"
out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = arch(k["model"])
    out.append(k)


# ---- tune: Lightning-AI/litgpt tutorials/quantize.md (stored version 03f81977) ----
# "All the examples below were run on an A100 40GB GPU": generate/base.py on falcon-7b, --precision bf16-true,
# --max_new_tokens 256, one sample, the script's default prompt (a sentence of a few tokens; its length is not
# printed, 8 tokens assumed). litgpt's generate allocates its KV cache for prompt + max_new_tokens and prints
# torch.cuda.max_memory_allocated() / 1e9 as "Memory used". Double quantization ("-dq") is not modelled by the
# engine (about 0.05 B/param less on the linears); fp4 and nf4 have the same storage.
LQ = "https://github.com/Lightning-AI/litgpt/blob/main/tutorials/quantize.md"
LQHOW = "torch.cuda.max_memory_allocated() / 1e9 printed by litgpt generate as 'Memory used: X GB'"
for tag, quant, gb in (("bf16", "none", 14.51), ("nf4", "nf4 (bitsandbytes, qlora.nf4)", 5.72),
                       ("nf4-dq", "nf4 with double quantization (qlora.nf4-dq)", 5.37),
                       ("fp4", "fp4 (bitsandbytes, qlora.fp4)", 5.72),
                       ("fp4-dq", "fp4 with double quantization (qlora.fp4-dq)", 5.37),
                       ("int8", "int8 (bitsandbytes LLM.int8, llm.int8)", 8.71)):
    rec(id="litgpt-quantize-falcon-7b-%s" % tag, source=LQ, source_key="litgpt-quantize-tutorial", split="tune",
        family="inference", model="falcon-7b", method="inference", lora_rank=0, lora_targets=None, quant=quant,
        seq=8 + 256, batch=1, precision="bf16-true", optimizer=None, checkpointing="none",
        attention="sdpa (litgpt CausalSelfAttention)", gpus=1, sharding="none", gpu="A100 40GB", outcome="fit",
        measured_bytes=round(gb * 1e9), measured_as="Memory used: %.2f GB" % gb, measured_how=LQHOW,
        notes="generate/base.py --checkpoint_dir checkpoints/tiiuae/falcon-7b --precision bf16-true "
              "--max_new_tokens 256" + ("" if quant == "none" else " --quantize " + tag))

# ---- check: DerekLiu35/huggingface-quantization-benchmarking-code (commit 7adbd49), optimum-benchmark runs ----
# benchmark_config.json of each run: batch 1, sequence_length 64, max_new_tokens = min_new_tokens = 64, greedy;
# benchmark_report.json gives max_allocated per phase in MB of 1e6 bytes (optimum-benchmark's unit); the decode
# phase's figure is taken (it is the largest). Llama-3.1-70B ran with device_map over two A100-80GB
# (device_ids "2,4", layers split, not sharded): optimum-benchmark sums the devices' allocations, so the record
# compares that sum with the one-device total.
DL = "https://github.com/DerekLiu35/huggingface-quantization-benchmarking-code/tree/7adbd49/runs"
DLHOW = ("torch.cuda.max_memory_allocated() as optimum-benchmark reports it (max_allocated, MB of 1e6 bytes), "
         "decode phase")
for run, model, quant, mb, gpus, extra in (
        ("cuda_pytorch_llama", "llama-3.1-8b", "none", 16089.67424, "1 (device 0)", "transformers 4.49.0"),
        ("llama_torchao_int4wo", "llama-3.1-8b", "int4 weight-only (torchao, group 128)", 5860.831744, "1 (device 1)",
         "transformers 4.47.1; the engine's nearest weight format is bitsandbytes NF4"),
        ("llama70b_compile", "llama-3.1-70b", "none", 141195.54816, "2 (devices 2,4, device_map split)",
         "transformers 4.50.0, cache_implementation static; allocations summed over the two GPUs")):
    rec(id="optimum-bench-dl35-%s" % run, source=DL + "/" + run, source_key="optimum-benchmark-dl35", split="check",
        family="inference", model=model, method="inference", lora_rank=0, lora_targets=None, quant=quant,
        seq=64 + 64, batch=1, precision="bf16 (torch_dtype bfloat16)", optimizer=None, checkpointing="none",
        attention="sdpa (transformers default)", gpus=1, sharding="none",
        gpu="A100 80GB" if model == "llama-3.1-8b" else "", outcome="fit", measured_bytes=round(mb * 1e6),
        measured_as="max_allocated %.2f MB (decode)" % mb, measured_how=DLHOW,
        notes="Llama-3.1-%s-Instruct, GPUs: %s; %s" % ("8B" if model == "llama-3.1-8b" else "70B", gpus, extra))


# ---- tune: foundation-model-stack/fms-acceleration scripts/benchmarks/refs/a100_80gb.csv at 24bdadb ----
# The accelerated-peft-bnb scenario (scenarios.yaml): QLoRA through the fms plugin, r 16, alpha 16, dropout 0.1 on
# q,k,v,o_proj (and c_attn, the only one GPTBigCode has), bf16 True, torch_dtype bfloat16; defaults.yaml: flash
# attention, gradient checkpointing, accumulation 1, AdamW; benchmark.py packs alpaca-cleaned to 4096 tokens
# (max_seq_len default, as measured_dev.json reads the same harness); accelerate FSDP FULL_SHARD on 2 GPUs. The
# plugin loads 4-bit weights with bnb_4bit_quant_storage bf16 and runs its own prepare step without the fp32 casting
# of PEFT's prepare_model_for_kbit_training ("extraneous casting", framework_plugin_bnb.py); requirements.txt pins
# bitsandbytes 0.43.3 (after PR 1270: the 4-bit matmul no longer saves its input). An empty peak is a failed run.
# fms-hf-tuning's sft_trainer.py packs to min(max_seq_length, tokenizer.model_max_length): santacoder's learned
# position table has 2048 rows (n_positions), so its rows ran at 2048 tokens (corrected after the first contact, from
# that code: it is the reason a 4096-token santacoder run could not have worked).
FMS = ("https://github.com/foundation-model-stack/fms-acceleration/blob/24bdadb228e2d55bc0c69deec034b86a73da6917/"
       "scripts/benchmarks/refs/a100_80gb.csv")
FMSHOW = ("mem_peak_torch_mem_alloc_in_bytes: HF Trainer memory metrics (torch.cuda.max_memory_allocated, model load "
          "included), rank 0")
SANTA = {"params": 1124886528, "layers": 24, "hidden": 2048, "heads": 16, "kv_heads": 1, "ffn": 8192, "vocab": 49280,
         "tied": True, "_provenance": "as measured_dev.json records bigcode/gpt_bigcode-santacoder (its config.json)"}
for model, gpus, batch, peak, smi in (
        ("santacoder-1.1b", 1, 4, 9147162112, 12816), ("santacoder-1.1b", 2, 2, 4788195328, 8468),
        ("santacoder-1.1b", 1, 8, 17486716416, 23092), ("santacoder-1.1b", 2, 4, 8957644800, 13636),
        ("mistral-7b", 1, 4, 16373838336, 19912), ("mistral-7b", 1, 8, 28412178944, 34016),
        ("mixtral-8x7b", 1, 4, 36731843072, 38064), ("mixtral-8x7b", 2, 2, 21126185472, 29896),
        ("mixtral-8x7b", 1, 8, 48770183680, 50630), ("mixtral-8x7b", 2, 4, 28154534912, 35448),
        ("llama-2-70b", 1, 4, 68126381056, 72950), ("llama-2-70b", 1, 8, None, 80526),
        ("llama-2-70b", 2, 4, None, 79313)):
    santa = model == "santacoder-1.1b"
    k = dict(id="fms-accel-peft-bnb-%s-%dgpu-b%d" % (model, gpus, batch), source=FMS,
             source_key="fms-acceleration-accelerated-peft-bnb", split="tune",
             family="sharded" if gpus > 1 else "qlora", model=model, method="qlora", lora_rank=16,
             lora_targets=("c_attn (GPTBigCode's fused q,k,v; the other target names do not exist there)" if santa
                           else "q_proj,k_proj,v_proj,o_proj"),
             quant="nf4 (bitsandbytes 4-bit, quant_storage bf16)", seq=2048 if santa else 4096, batch=batch,
             precision="bf16 mixed (--bf16 True, torch_dtype bfloat16)", optimizer="adamw",
             checkpointing="full (HF gradient_checkpointing True)", attention="flash2", gpus=gpus,
             sharding="fsdp_full_shard" if gpus > 1 else "none", gpu="A100 80GB", outcome="fit" if peak else "oom",
             measured_bytes=peak, measured_as=("%d bytes" % peak) if peak else "run failed (nvidia-smi %d MiB)" % smi,
             measured_how=FMSHOW, grad_accum=1, lora_dropout=0.1,
             loss=("native (GPTBigCodeForCausalLM: CrossEntropyLoss on 16-bit shift_logits)" if santa else "fp32"),
             notes="framework_config accelerated-peft-bnb; nvidia-smi %d MiB" % smi)
    if santa:
        k["arch"] = SANTA
    rec(**k)

# ---- check: meta-llama/llama-cookbook PR 41 (merged as e5970e2e, 2023-07-25): FSDP LoRA on Llama-2-7B ----
# torchrun --nproc_per_node 4 llama_finetuning.py --enable_fsdp --use_peft --peft_method lora --pure_bf16 on four
# A100 40GB; the PR's final figure (limit_all_gathers=True, loss = model(**batch).loss) is 15.22 GB peak active,
# 19.36 GB peak reserved. At that commit: batch_size_training 4 = micro_batch_size (no accumulation), samsum packed
# into 2048-token chunks (ft_datasets/utils.py Concatenator), lora_config r 8, alpha 32, q_proj and v_proj, dropout
# 0.05; pure_bf16 casts the model to bfloat16 and passes no FSDP mixed precision; FULL_SHARD with
# fsdp_activation_checkpointing (non-reentrant wrapper on every LlamaDecoderLayer); torch.optim.AdamW; transformers
# of July 2023 (eager attention, fp32 logits for the loss, use_cache left True: each layer's key/value states stay
# referenced through the forward, which llama-cookbook PR 165 put at about 4 GB for 7B; not modelled).
rec(id="llama-cookbook-pr41-fsdp-lora-llama2-7b-4xa100-40gb",
    source="https://github.com/meta-llama/llama-cookbook/pull/41", source_key="llama-cookbook-pr41", split="check", family="sharded", model="llama-2-7b", method="lora", lora_rank=8,
    lora_targets="q,v (q_proj, v_proj)", quant="none", seq=2048, batch=4,
    precision="bf16-true (pure_bf16: model.to(bfloat16), no FSDP mixed precision)", optimizer="adamw",
    checkpointing="full (FSDP checkpoint wrapper, non-reentrant)", attention="eager (transformers 4.31)", gpus=4,
    sharding="fsdp_full_shard", gpu="A100 40GB", outcome="fit", measured_bytes=round(15.22e9),
    measured_as="Peak active: 15.22 GB (peak reserved 19.36 GB)",
    measured_how=("peak active memory as the PR states it (torch.cuda.memory_stats active_bytes peak; compared as "
                  "max_memory_allocated; GB read as 1e9 bytes)"), grad_accum=1, lora_dropout=0.05, loss="fp32",
    notes="samsum packed to 2048; use_cache True during training (not modelled)")

json.dump(out, open(OUT, "w"), indent=1)
print(len(out), "records")
