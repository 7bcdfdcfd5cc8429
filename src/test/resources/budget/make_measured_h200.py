"""Measured items from this project's own H200 grid (issue 14 item 5): measured_h200_grid.jsonl -> measured_h200.json.

The grid was recorded on one NVIDIA H200 by bench/gpu/grid.py (see src/test/resources/h200/README.md): models built
from their published configs with random weights; torch 2.11, transformers 5.17, peft 0.21; the peak is
torch.cuda.max_memory_allocated() over two AdamW steps (or one greedy generate call). Each record keeps the setup
exactly as run and the shape from the row's own `arch` (the grid read it from the built model). Two pieces the row
does not carry come from the model's config.json: Gemma 2's head_dim (256) and the MLP kind (gated for the Llama,
Qwen2, Mistral and Gemma 2 MLPs, which have gate_proj; plain for GPT-2's c_fc/c_proj).

Split by architecture, fixed before any figure was computed (issue 14, round 9 brief):
    tune  = llama-3.1-8b, llama-3.2-1b, gpt2-xl, qwen2.5-0.5b
    check = qwen2.5-7b, qwen2.5-1.5b, mistral-7b-v0.3, gemma-2-2b
Run from the repository root:
    python3 src/test/resources/budget/make_measured_h200.py
"""
import json

GRID = "src/test/resources/budget/measured_h200_grid.jsonl"
OUT = "src/test/resources/budget/measured_h200.json"
SOURCE = "src/test/resources/h200/README.md (this project's H200 grid, bench/gpu/grid.py)"
TUNE = {"llama-3.1-8b", "llama-3.2-1b", "gpt2-xl", "qwen2.5-0.5b"}
CHECK = {"qwen2.5-7b", "qwen2.5-1.5b", "mistral-7b-v0.3", "gemma-2-2b"}
# from each model's config.json (the grid's arch field has neither)
HEAD_DIM = {"gemma-2-2b": 256}
# GPT-2 XL: a plain 4h MLP whose activation_function is "gelu_new" (transformers' Python NewGELUActivation)
MLP = {"gpt2-xl": "new_gelu"}
HOW = "torch.cuda.max_memory_allocated() bytes (peak over two AdamW steps, or over one generate call)"


def family(r):
    if r["method"] == "inference":
        return "inference"
    if r["method"] == "lora":
        return "lora"
    return "full-bf16" if r["weights_dtype"] == "torch.bfloat16" else "full-mixed"


def precision(r, states="AdamW states"):
    if r["method"] == "inference":
        return "bf16 (weights in bf16, no autocast)"
    if r["method"] == "lora":
        return "mixed-bf16 (bf16 frozen base, PEFT's fp32 adapters, bf16 autocast)"
    if r["weights_dtype"] == "torch.bfloat16":
        return "bf16-true (pure bf16 weights, gradients and %s; no autocast)" % states
    return "mixed-bf16 (fp32 weights, bf16 autocast)"


def targets(lora):
    t = lora["targets"]
    if t == "all-linear":
        return "all-linear (PEFT target_modules='all-linear')"
    if t == ["q_proj", "v_proj"]:
        return "q,v (q_proj, v_proj)"
    return ",".join(t)


def main():
    out = []
    counts = {}
    for line in open(GRID):
        r = json.loads(line)
        if "model" not in r:
            continue  # the environment header of each run
        model = r["model"]
        split = "tune" if model in TUNE else "check" if model in CHECK else None
        if split is None:
            raise SystemExit("architecture outside both parts: " + model)
        key = "%s-%s" % (r["group"], "b%d-s%d" % (r["batch"], r["seq"]))
        if r.get("checkpointing") == "full":
            key += "-ckpt"
        counts[key] = counts.get(key, 0) + 1
        if counts[key] > 1:
            key += "-%d" % counts[key]
        a = dict(r["arch"])
        if model in HEAD_DIM:
            a["head_dim"] = HEAD_DIM[model]
        a["mlp"] = MLP.get(model, "gated")
        a["_provenance"] = "the grid row's arch (from the built model); head_dim and mlp from the model's config.json"
        infer = r["method"] == "inference"
        oom = r["outcome"] == "oom"
        rec = dict(id="h200-" + key, source=SOURCE, source_key="h200-grid", split=split, family=family(r), model=model,
                   method=r["method"],
                   lora_rank=r["lora"]["rank"] if r["method"] == "lora" else 0,
                   lora_targets=targets(r["lora"]) if r["method"] == "lora" else None,
                   lora_dropout=r["lora"]["dropout"] if r["method"] == "lora" else 0,
                   quant="none",
                   # generate: the KV cache ends holding the prompt and every new token
                   seq=r["seq"] + r["new_tokens"] if infer else r["seq"], batch=r["batch"],
                   precision=precision(r),
                   optimizer=None if infer else "adamw (torch.optim.AdamW defaults: foreach on CUDA)",
                   checkpointing="none" if infer else r["checkpointing"],
                   attention=r["attention"], gpus=1, sharding="none", gpu="H200", outcome=r["outcome"],
                   measured_bytes=None if oom else r["max_memory_allocated_bytes"],
                   measured_as="OOM" if oom else "%d bytes" % r["max_memory_allocated_bytes"],
                   measured_how=HOW,
                   loss=None if infer else "fp32 (HF ForCausalLMLoss: logits.float() then cross_entropy)",
                   notes=("prompt %d + %d new tokens, greedy, %s" % (r["seq"], r["new_tokens"], r["generate"]) if infer
                          else "two steps, zero_grad(set_to_none=True), no accumulation; grid group " + r["group"])
                   + ("; the OOM message: " + r["oom_message"] if oom else ""),
                   arch=a)
        out.append(rec)

    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("%d items (%d tune, %d check) -> %s" % (len(out), sum(o["split"] == "tune" for o in out),
                                                  sum(o["split"] == "check" for o in out), OUT))


if __name__ == "__main__":
    main()
