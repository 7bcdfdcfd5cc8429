"""Round 12's held-out measured items: measured_h200_grid3.jsonl -> measured_h200_check3.json (issue 14).

Recorded on one NVIDIA H200 by bench/gpu/grid3.py (both parts; see src/test/resources/h200/README.md), committed with
the script before the engine was run on any row: eleven architectures the first grid never ran (Qwen2.5 14B/3B,
Mistral Nemo 12B, Gemma 2 9B, Qwen3 8B/1.7B, Llama 3.2 3B, Phi-3 mini, SmolLM2 1.7B, OPT 1.3B, Pythia 1.4B), fused
AdamW, Adafactor and SGD with and without momentum, a loss on 16-bit logits, LoRA on attention projections only.
Every item is in the split "check3": scored on the engine as found at first contact and once at the end, never tuned.
The peak is torch.cuda.max_memory_allocated() over two optimizer steps (or one greedy generate call).
Pieces a row does not carry come from each model's config.json: head_dim where it is not hidden/heads (Gemma 2 9B
256, Mistral Nemo 128) and the MLP kind (gated for Llama, Qwen2/3, Mistral, Gemma 2 and Phi-3's fused gate_up_proj;
plain for OPT's ReLU fc1/fc2 and Pythia's GELU dense_h_to_4h).
Run from the repository root:
    python3 src/test/resources/budget/make_measured_h200_check3.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_measured_h200 as h200  # noqa: E402  (family and precision as the first grid reads them)

GRID = "src/test/resources/budget/measured_h200_grid3.jsonl"
OUT = "src/test/resources/budget/measured_h200_check3.json"
SOURCE = "src/test/resources/h200/README.md (this project's H200 grid, round 12: bench/gpu/grid3.py)"
HEAD_DIM = {"gemma-2-9b": 256, "mistral-nemo-12b": 128}
MLP = {"opt-1.3b": "plain", "pythia-1.4b": "plain"}
HOW = "torch.cuda.max_memory_allocated() bytes (peak over two optimizer steps, or over one generate call)"
OPTIMIZER = {"torch.optim.AdamW (defaults: foreach on CUDA)": "adamw (torch.optim.AdamW defaults: foreach on CUDA)",
             "torch.optim.AdamW(fused=True)": "adamw-fused (torch.optim.AdamW(fused=True))",
             "torch.optim.SGD (no momentum)": "sgd (torch.optim.SGD, no momentum)",
             "torch.optim.SGD(momentum=0.9)": "sgd-momentum (torch.optim.SGD(momentum=0.9))"}


def precision(r):
    return h200.precision(r, "optimizer states")


def targets(t):
    if t == "all-linear":
        return "all-linear (PEFT target_modules='all-linear')"
    if t in (["qkv_proj"], ["query_key_value"]):
        return "q_proj,k_proj,v_proj (one fused projection: %s)" % t[0]
    return ",".join(t)


def optimizer(name):
    if name.startswith("transformers.optimization.Adafactor"):
        return "adafactor (" + name + ")"
    return OPTIMIZER[name]


out = []
for line in open(GRID):
    r = json.loads(line)
    if "model" not in r:
        continue  # the environment header of each run
    model = r["model"]
    key = "%s-b%d-s%d" % (r["group"], r["batch"], r["seq"]) + ("-ckpt" if r.get("checkpointing") == "full" else "")
    a = dict(r["arch"])
    if model in HEAD_DIM:
        a["head_dim"] = HEAD_DIM[model]
    a["mlp"] = MLP.get(model, "gated")
    a["_provenance"] = "the grid row's arch (from the built model); head_dim and mlp from the model's config.json"
    infer = r["method"] == "inference"
    lora = r["method"] == "lora"
    oom = r["outcome"] == "oom"
    native = r.get("loss", "").startswith("F.cross_entropy")
    out.append(dict(
        id="h200c3-" + key, source=SOURCE, source_key="h200-grid3", split="check3", family=h200.family(r), model=model,
        method=r["method"], lora_rank=r["lora"]["rank"] if lora else 0,
        lora_targets=targets(r["lora"]["targets"]) if lora else None,
        lora_dropout=r["lora"]["dropout"] if lora else 0, quant="none",
        # generate: the KV cache ends holding the prompt and every new token
        seq=r["seq"] + r["new_tokens"] if infer else r["seq"], batch=r["batch"], precision=precision(r),
        optimizer=None if infer else optimizer(r["optimizer"]),
        checkpointing="none" if infer else r["checkpointing"], attention=r["attention"], gpus=1, sharding="none",
        gpu="H200", outcome=r["outcome"], measured_bytes=None if oom else r["max_memory_allocated_bytes"],
        measured_as="OOM" if oom else "%d bytes" % r["max_memory_allocated_bytes"], measured_how=HOW,
        loss=None if infer else ("native (cross_entropy on the bf16 logits, no upcast)" if native
                                 else "fp32 (HF ForCausalLMLoss: logits.float() then cross_entropy)"),
        notes=("prompt %d + %d new tokens, greedy, %s" % (r["seq"], r["new_tokens"], r["generate"]) if infer
               else "two steps, zero_grad(set_to_none=True), no accumulation; grid group " + r["group"])
        + ("; the OOM message: " + r["oom_message"] if oom else ""),
        arch=a))

with open(OUT, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print("%d items (%d OOM) -> %s" % (len(out), sum(o["outcome"] == "oom" for o in out), OUT))
