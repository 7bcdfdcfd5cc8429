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
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "measured_serving12.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print(len(out), "records ->", path)
