"""The eighteenth session's measured grid: measured_h200_grid4.jsonl -> measured_h200_tune4.json and
measured_h200_check4.json (issue 14).

Recorded on one NVIDIA H200 by bench/gpu/grid4.py (parts a and b; see src/test/resources/h200/README.md), the script
committed before each part ran. The split by architecture was fixed in grid4.py before any figure existed:
    tune4  = llama-2-7b, qwen3-4b, olmoe-1b-7b           (the engine may be fitted on these)
    check4 = olmo-2-7b, granite-3.1-8b, qwen1.5-moe-a2.7b (scored once, at the end, never tuned on)
What is measured: how modern fine-tunes keep activations and logits (plain, full, offloaded, op-selective and no
checkpointing with host offload; HF's fp32 loss, chunked, fused-linear and compiled losses) and two mixtures of
experts. The peak is torch.cuda.max_memory_allocated() over two AdamW steps.
Pieces a row does not carry come from each model's config.json: the MLP kind (gated for all six) and, for the
mixtures of experts, the routed experts' width (OLMoE's intermediate_size 1024 is already the expert's; Qwen1.5-MoE's
moe_intermediate_size 1408, with a shared expert of 5632 beside the 60 routed ones).
Run from the repository root:
    python3 src/test/resources/budget/make_measured_h200_grid4.py
"""
import json

GRID = "src/test/resources/budget/measured_h200_grid4.jsonl"
OUT = {"tune": "src/test/resources/budget/measured_h200_tune4.json",
       "check": "src/test/resources/budget/measured_h200_check4.json"}
SOURCE = "src/test/resources/h200/README.md (this project's H200 grid, eighteenth session: bench/gpu/grid4.py)"
HOW = "torch.cuda.max_memory_allocated() bytes (peak over two AdamW steps)"
CHECKPOINTING = {"none": "none", "full": "full", "offload": "offload (saved layer inputs in pinned host RAM)",
                 "offload_all": "offload_all (no recompute, every saved tensor in pinned host RAM)",
                 "selective_op": "selective (op) (torchtitan's op-level policy)"}
LOSS = {"hf": "fp32 (HF ForCausalLMLoss: logits.float() then cross_entropy)",
        "hf_outside": "fp32 (logits.float() then cross_entropy, as HF does)",
        "chunked": "chunked (8 chunks, fp32 cross_entropy per chunk, not compiled)",
        "fused_linear": "fused-linear (8 chunks of lm_head + cross_entropy, each under a checkpoint)",
        "fused": "fused (torch.compile'd upcast and cross_entropy over the bf16 logits)"}


def arch(r):
    a = dict(r["arch"])
    experts = a.pop("num_experts", 0)
    if experts:
        a["experts_total"] = experts
        a["experts_active"] = a.pop("num_experts_per_tok")
        a["ffn"] = a.pop("moe_intermediate_size", a["ffn"])
        a.pop("shared_expert_intermediate_size", None)
    a["mlp"] = "gated"
    a["_provenance"] = ("the grid row's arch (from the built model and its config); mlp from the model's "
                        "config.json" + ("; ffn is the routed expert's width" if experts else ""))
    return a


def main():
    out = {"tune": [], "check": []}
    for line in open(GRID):
        r = json.loads(line)
        if "model" not in r:
            continue  # the environment header of each part
        lora = r["method"] == "lora"
        oom = r["outcome"] != "fit"
        key = "%s-%s-b%d-s%d-%s" % (r["group"], r["checkpointing_kind"], r["batch"], r["seq"], r["loss_kind"])
        out[r["split"]].append(dict(
            id="h200g4-" + key, source=SOURCE, source_key="h200-grid4", split=r["split"] + "4",
            family="lora" if lora else "full-bf16", model=r["model"], method=r["method"],
            lora_rank=r["lora"]["rank"] if lora else 0,
            lora_targets=(("all-linear (PEFT target_modules='all-linear')" if r["lora"]["targets"] == "all-linear"
                           else ",".join(r["lora"]["targets"])) if lora else None),
            lora_dropout=r["lora"]["dropout"] if lora else 0, quant="none", seq=r["seq"], batch=r["batch"],
            precision=("mixed-bf16 (bf16 frozen base, PEFT's fp32 adapters, bf16 autocast)" if lora
                       else "bf16-true (pure bf16 weights, gradients and AdamW states; no autocast)"),
            optimizer="adamw (torch.optim.AdamW defaults: foreach on CUDA)",
            checkpointing=CHECKPOINTING[r["checkpointing_kind"]], attention="sdpa", gpus=1, sharding="none",
            gpu="H200", outcome=r["outcome"], measured_bytes=None if oom else r["max_memory_allocated_bytes"],
            measured_as="OOM" if oom else "%d bytes" % r["max_memory_allocated_bytes"], measured_how=HOW,
            loss=LOSS[r["loss_kind"]],
            notes="two steps, zero_grad(set_to_none=True), no accumulation; grid group %s; step peaks %d / %d"
                  % (r["group"], r["peak_step1_bytes"] or 0, r["peak_step2_bytes"] or 0),
            arch=arch(r)))
    for split, path in OUT.items():
        with open(path, "w") as f:
            json.dump(out[split], f, indent=1)
            f.write("\n")
        print("%d items -> %s" % (len(out[split]), path))


if __name__ == "__main__":
    main()
