"""Third held-out split (round 7, issue 14): measured peaks from sources no earlier round used.

Written and committed before the engine was run on any of it; scored once, at the end of round 7. Never tuned on.
Model dimensions come from the catalog (src/main/resources/catalog/models.csv, each row from the model's config.json).
Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout3.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from catalog_arch import arch  # noqa: E402



out = []


def rec(**k):
    k["arch"] = arch(k["model"])
    out.append(k)


# ---- huggingface/optimum tests/benchmark/README.md, GPTQ benchmark: the fp16 (non-GPTQ) rows ----
# Llama-2-13b-chat in fp16 on one A100-SXM4-80GB, random prompts of 512 tokens; "generation" makes exactly 512 new
# tokens, "prefill" exactly 1. GPTQ rows are left out (the engine has no GPTQ model).
OPT = "https://github.com/huggingface/optimum/blob/main/tests/benchmark/README.md"
OPTHOW = ("allocated plus the CUDA context: torch.cuda.memory_stats() allocated_bytes.all.peak plus the non-PyTorch "
          "device memory (nvml peak minus torch reserved peak), in MB of 1e6 bytes (tests/benchmark/benchmark_gptq.py)")
OPTNOTE = ("AutoModelForCausalLM.from_pretrained(torch_dtype=float16) with no attn_implementation (transformers of "
           "Aug-Sep 2023: eager attention; LlamaForCausalLM then computed fp32 logits for every prompt position), "
           "model.generate under no_grad, greedy, use_cache=True")
for task, new, rows in (("generate", 512, [(1, 29152.98), (2, 30831.09), (4, 34187.22), (8, 40327.62),
                                           (16, 53986.51)]),
                        ("prefill", 1, [(1, 27999.54), (2, 28524.37), (4, 29574.01), (8, 31673.30),
                                        (16, 35871.88)])):
    for b, mb in rows:
        rec(id="optimum-gptq-bench-llama2-13b-fp16-%s-b%d" % (task, b), source=OPT, source_key="optimum-gptq-benchmark",
            split="heldout3", family="inference", model="llama-2-13b", method="inference", lora_rank=0,
            lora_targets=None, quant="none", seq=512 + new, batch=b, precision="fp16", optimizer=None,
            checkpointing="none", attention="eager (transformers default of 2023; the script sets none)", gpus=1,
            sharding="none", gpu="A100 80GB", outcome="fit", measured_bytes=round(mb * 1e6),
            measured_as="%.2f MB" % mb, measured_how=OPTHOW,
            notes=OPTNOTE + "; %s: prompt 512 + %d new tokens" % (task, new))

# ---- QwenLM/Qwen3 docs/source/getting_started/speed_benchmark.md: Transformers, BF16 rows ----
Q3 = "https://github.com/QwenLM/Qwen3/blob/main/docs/source/getting_started/speed_benchmark.md"
Q3HOW = ("torch.cuda.max_memory_allocated() summed over GPUs (examples/speed-benchmark/speed_benchmark_transformers.py "
         "computes GiB); the table's 'MB' read as MiB")
Q3NOTE = ("NVIDIA H20 96GB, PyTorch 2.6.0, transformers 4.51.3, flash attention 2.7.4, torch_dtype auto (bf16), "
          "batch 1, 2048 generated tokens after the input (seq = input + 2048), one GPU")
Q3ROWS = {"qwen3-0.6b": [1394, 2066, 2963, 4755], "qwen3-1.7b": [3412, 4213, 5109, 6902],
          "qwen3-4b": [7973, 8860, 10012, 12317], "qwen3-8b": [15947, 16811, 17963, 20267],
          "qwen3-14b": [28402, 29495, 30775, 33336], "qwen3-32b": [62751, 64583, 66632, 70728],
          "qwen3-30b-a3b": [58462, 59037, 59806, 61342]}
for model, mibs in Q3ROWS.items():
    for inp, mib in zip((1, 6144, 14336, 30720), mibs):
        rec(id="qwen3-speed-%s-bf16-in%d" % (model.replace("qwen3-", ""), inp), source=Q3,
            source_key="qwen3-speed-benchmark", split="heldout3", family="inference", model=model,
            method="inference", lora_rank=0, lora_targets=None, quant="none", seq=inp + 2048, batch=1,
            precision="bf16", optimizer=None, checkpointing="none", attention="flash2", gpus=1, sharding="none",
            gpu="H20 96GB", outcome="fit", measured_bytes=mib * 2**20, measured_as="%d MB (table)" % mib,
            measured_how=Q3HOW, notes=Q3NOTE + "; input %d tokens. Same harness as the Qwen2.5 benchmark in the dev "
                                                "set (other models, other card, newer transformers)" % inp)

# ---- huggingface/peft docs/source/accelerate/{deepspeed,fsdp}.md: Llama-2-70B SFT with examples/sft/train.py ----
PD = "https://github.com/huggingface/peft/blob/main/docs/source/accelerate/deepspeed.md"
PF = "https://github.com/huggingface/peft/blob/main/docs/source/accelerate/fsdp.md"
PHOW = "per-GPU memory in use as the page states it (read from an nvidia-smi style screenshot; includes the context)"
PNOTE = ("TRL SFTTrainer through examples/sft/train.py, ultrachat-10k packed to max_seq_len 2048 (packing True), "
         "gradient checkpointing, flash attention 2, LoRA r 8 alpha 16 dropout 0.1 on all-linear")
rec(id="peft-docs-ds-zero3-lora-llama2-70b-8xh100", source=PD, source_key="peft-docs-accelerate", split="heldout3",
    family="sharded", model="llama-2-70b", method="lora", lora_rank=8, lora_targets="all-linear", quant="none",
    seq=2048, batch=8, precision="mixed-bf16 (accelerate mixed_precision bf16, DeepSpeed bf16 engine)",
    optimizer="adamw", checkpointing="full (use_reentrant False)", attention="flash2", gpus=8, sharding="zero3",
    gpu="H100 80GB", outcome="fit", measured_bytes=64 * 10**9, measured_as="64 GB (80%)", measured_how=PHOW,
    grad_accum=4, lora_dropout=0.1, loss="fp32", notes=PNOTE + "; DeepSpeed ZeRO-3 on 8 GPUs, no offload, "
                                                               "micro-batch 8, accumulation 4")
rec(id="peft-docs-ds-zero3-qlora-llama2-70b-2gpu", source=PD, source_key="peft-docs-accelerate", split="heldout3",
    family="sharded", model="llama-2-70b", method="qlora", lora_rank=8, lora_targets="all-linear",
    quant="nf4 (double quant, bf16 compute and quant storage)", seq=2048, batch=2,
    precision="mixed-bf16 (accelerate mixed_precision bf16)", optimizer="adamw",
    checkpointing="full (use_reentrant True)", attention="flash2", gpus=2, sharding="zero3", gpu="",
    outcome="fit", measured_bytes=round(36.6 * 10**9), measured_as="36.6 GB", measured_how=PHOW, grad_accum=2,
    lora_dropout=0.1, loss="fp32", notes=PNOTE + "; DeepSpeed ZeRO-3 (zero3_init_flag) on 2 GPUs of 40GB (card not "
                                                 "named), micro-batch 2, accumulation 2")
rec(id="peft-docs-fsdp-qlora-llama2-70b-2gpu-no-offload", source=PF, source_key="peft-docs-accelerate",
    split="heldout3", family="sharded", model="llama-2-70b", method="qlora", lora_rank=8, lora_targets="all-linear",
    quant="nf4 (double quant, bf16 compute and quant storage)", seq=2048, batch=2,
    precision="mixed-bf16 (bf16-loaded model, Trainer --bf16; accelerate mixed_precision no)", optimizer="adamw",
    checkpointing="full", attention="flash2", gpus=2, sharding="fsdp_full", gpu="", outcome="fit",
    measured_bytes=round(35.6 * 10**9), measured_as="35.6 GB/GPU", measured_how=PHOW, grad_accum=2,
    lora_dropout=0.1, loss="fp32", notes=PNOTE + "; FSDP FULL_SHARD on 2 GPUs, the figure the page gives with CPU "
                                                 "offloading disabled (19.6 GB with it; offloaded parameters are "
                                                 "not modelled), micro-batch 2, accumulation 2")

# ---- QwenLM/Qwen3 docs/source/training/ms_swift.md: full fine-tune of Qwen3-8B, ZeRO-3 over 4 GPUs ----
QS = "https://github.com/QwenLM/Qwen3/blob/main/docs/source/training/ms_swift.md"
rec(id="qwen3-docs-swift-full-qwen3-8b-zero3-4gpu", source=QS, source_key="qwen3-docs-ms-swift", split="heldout3",
    family="sharded", model="qwen3-8b", method="full", lora_rank=0, lora_targets=None, quant="none", seq=8192,
    batch=1, precision="mixed-bf16 (torch_dtype bfloat16, DeepSpeed bf16)", optimizer="adamw",
    checkpointing="full (ms-swift default gradient_checkpointing true)", attention="flash2", gpus=4,
    sharding="zero3", gpu="", outcome="fit", measured_bytes=60 * 10**9, measured_as="4 * 60GB (comment above the "
                                                                                       "command)",
    measured_how="per-GPU figure as the page's comment gives it (how it was read is not said)", grad_accum=4,
    loss="fused-linear (use_liger_kernel true)",
    notes="swift sft --train_type full --packing true --max_length 8192 --per_device_train_batch_size 1 "
          "--gradient_accumulation_steps 4 --deepspeed zero3 --use_liger_kernel true --attn_impl flash_attn; a round "
          "figure")

json.dump(out, open("src/test/resources/budget/measured_heldout3.json", "w"), indent=1)
print(len(out), sum(1 for r in out if r["measured_bytes"]))
