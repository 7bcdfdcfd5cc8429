"""Round 12 (issue 14, item 2): the GPTQ rows of optimum's GPTQ benchmark, which make_measured_heldout3.py left out
("the engine has no GPTQ model"). Written and committed before the engine was run on them; scored at first contact
only, never tuned on. Same harness, card and model as heldout3's fp16 rows of this benchmark (their twins).
Source: https://github.com/huggingface/optimum/blob/main/tests/benchmark/README.md (read at 0963862).
Llama-2-13B-chat GPTQ (TheBloke, 4 bits, group 128, act_order False) on one A100-SXM4-80GB, prompt 512 tokens;
"generate" makes exactly 512 new tokens, "prefill" 1; kernels exllama and autogptq-cuda-old.
Run from the repository root:
    python3 src/test/resources/budget/make_measured_serving12.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from catalog_arch import arch  # noqa: E402

OPT = "https://github.com/huggingface/optimum/blob/main/tests/benchmark/README.md"
HOW = ("allocated plus the CUDA context: torch.cuda.memory_stats() allocated_bytes.all.peak plus the non-PyTorch "
       "device memory (nvml peak minus torch reserved peak), in MB of 1e6 bytes (tests/benchmark/benchmark_gptq.py)")
NOTE = ("AutoModelForCausalLM.from_pretrained with the GPTQ checkpoint (fp16 compute), no attn_implementation "
        "(transformers of Aug-Sep 2023: eager attention), model.generate under no_grad, greedy, use_cache=True")
ROWS = {  # task, new tokens, batch -> (exllama MB, autogptq-cuda-old MB)
    ("generate", 512): {1: (10484.34, 10344.62), 2: (12162.43, 12020.34), 4: (15518.55, 15374.67),
                        8: (21864.56, 20987.68), 16: (34777.04, 35497.62)},
    ("prefill", 1): {1: (9330.89, 9474.19), 2: (9855.71, 9928.23), 4: (10905.35, 10838.42),
                     8: (13004.64, 12862.18), 16: (17203.22, 17060.76)},
}
out = []
for (task, new), rows in ROWS.items():
    for b, mbs in rows.items():
        for kernel, mb in zip(("exllama", "cuda-old"), mbs):
            out.append(dict(
                id="optimum-gptq-bench-llama2-13b-gptq4-%s-%s-b%d" % (kernel, task, b), source=OPT,
                source_key="optimum-gptq-benchmark", split="serving12", family="inference", model="llama-2-13b",
                method="inference", lora_rank=0, lora_targets=None,
                quant="gptq-int4 (group 128, act_order False, kernel %s)" % kernel, seq=512 + new, batch=b,
                precision="fp16", optimizer=None, checkpointing="none",
                attention="eager (transformers default of 2023; the script sets none)", gpus=1, sharding="none",
                gpu="A100 80GB", outcome="fit", measured_bytes=round(mb * 1e6), measured_as="%.2f MB" % mb,
                measured_how=HOW, notes=NOTE + "; %s: prompt 512 + %d new tokens" % (task, new),
                arch=arch("llama-2-13b")))
# ---- QwenLM/Qwen3 docs/source/getting_started/speed_benchmark.md (read at 7a2f61f): the Transformers tables' quantized
# rows (FP8, GPTQ-Int8, AWQ-INT4), whose BF16 twins are heldout3's qwen3-speed rows. Same harness: one H20 96GB,
# transformers 4.51.3, flash attention 2.7.4, GPTQModel 2.2.0 / AutoAWQ 0.2.9, batch 1, 2048 generated tokens after
# the input; torch.cuda.max_memory_allocated() (the table's "MB" read as MiB, as heldout3 reads it). The GPTQ-INT4 rows
# of Qwen3-30B-A3B have no figure ("MoE Kernel Unsupported") and are left out.
Q3 = "https://github.com/QwenLM/Qwen3/blob/main/docs/source/getting_started/speed_benchmark.md"
Q3HOW = ("torch.cuda.max_memory_allocated() summed over GPUs (examples/speed-benchmark/speed_benchmark_transformers.py "
         "computes GiB); the table's 'MB' read as MiB")
Q3Q = {  # model -> quantization -> MiB at inputs 1, 6144, 14336, 30720
    "qwen3-0.6b": {"fp8": [1217, 1943, 2839, 4632], "gptq-int8": [986, 1658, 2554, 4347]},
    "qwen3-1.7b": {"fp8": [2726, 3462, 4359, 6151], "gptq-int8": [2229, 2901, 3798, 5590]},
    "qwen3-4b": {"fp8": [5281, 6144, 7297, 9611], "awq": [2915, 3881, 5151, 7742]},
    "qwen3-8b": {"fp8": [9323, 10187, 11340, 13644], "awq": [6177, 7113, 8409, 11001]},
    "qwen3-14b": {"fp8": [16012, 16972, 18253, 20813], "awq": [9962, 11020, 12438, 15323]},
    "qwen3-32b": {"fp8": [33379, 34915, 36963, 41060], "awq": [19109, 20795, 23105, 27718]},
    "qwen3-30b-a3b": {"fp8": [30296, 30872, 31641, 33177]},
}
QLABEL = {"fp8": "fp8 (Qwen's FP8 checkpoint, fine-grained 128x128 blocks)", "gptq-int8": "gptq-int8 (GPTQModel)",
          "awq": "awq (AWQ-INT4, AutoAWQ, group 128)"}
for model, quants in Q3Q.items():
    for qname, mibs in quants.items():
        for inp, mib in zip((1, 6144, 14336, 30720), mibs):
            out.append(dict(
                id="qwen3-speed-%s-%s-in%d" % (model.replace("qwen3-", ""), qname, inp), source=Q3,
                source_key="qwen3-speed-benchmark-quantized", split="serving12", family="inference", model=model,
                method="inference", lora_rank=0, lora_targets=None, quant=QLABEL[qname], seq=inp + 2048, batch=1,
                precision="bf16", optimizer=None, checkpointing="none", attention="flash2", gpus=1, sharding="none",
                gpu="H20 96GB", outcome="fit", measured_bytes=mib * 2**20, measured_as="%d MB (table)" % mib,
                measured_how=Q3HOW, notes="NVIDIA H20 96GB, PyTorch 2.6.0, transformers 4.51.3, batch 1, 2048 generated "
                                          "tokens after an input of %d tokens; BF16 twin in measured_heldout3.json" % inp,
                arch=arch(model)))
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "measured_serving12.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print(len(out), "records ->", path)
