"""Eighth session's measured split (issue 14, branch h8/budget8): published measured peaks of quantized and 16-bit
inference with a KV cache, split by source repository before the engine was run on any record.

tune  = Lightning-AI/litgpt tutorials/quantize.md (the repository is already a tune source of measured_dev.json)
check = DerekLiu35/huggingface-quantization-benchmarking-code runs/*/benchmark_report.json (optimum-benchmark)

Looked at and left out (no complete setup, or a setup the engine cannot express): litgpt tutorials/finetune_lora.md
(LoRA/QLoRA on Alpaca padded to the longest sample of the batch: the longest tokenized sample is not published),
litgpt tutorials/inference.md (tensor-parallel and layer-sequential generation), llama-cookbook PR 41 (FSDP LoRA:
the data pipeline of that commit was not read), axolotl PR 1428 ("14GB VRAM/GPU", the YAML of that commit not read),
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
    k.setdefault("arch", arch(k["model"]))
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

json.dump(out, open(OUT, "w"), indent=1)
print(len(out), "records")
