"""Second held-out fine-tune split (round 6): measured peaks from two repositories the engine was never run on.

Written before the engine was run on them and scored with the engine as it stood at the start of round 6 and once at
the end; never tuned on. Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout2.py
"""
import json

# dimensions from each model's config.json (layers, hidden, heads, kv heads, intermediate, vocab, tie, head_dim)
A = {
 "llama-3.1-8b": dict(params=8030261248, layers=32, hidden=4096, heads=32, kv_heads=8, ffn=14336, vocab=128256,
                      tied=False),
 "llama-2-13b": dict(params=13015864320, layers=40, hidden=5120, heads=40, kv_heads=40, ffn=13824, vocab=32000,
                     tied=False),
 "gemma-7b": dict(params=8537680896, layers=28, hidden=3072, heads=16, kv_heads=16, ffn=24576, vocab=256000, tied=True,
                  head_dim=256),
 "gemma-2-9b": dict(params=9241705984, layers=42, hidden=3584, heads=16, kv_heads=8, ffn=14336, vocab=256000, tied=True,
                    head_dim=256, mlp="gated"),
 "phi-3-mini": dict(params=3821079552, layers=32, hidden=3072, heads=32, kv_heads=32, ffn=8192, vocab=32064,
                    tied=False),
 # OpenLLaMA 7B has Llama 1/2 7B's shape (config.json)
 "open-llama-7b": dict(params=6738415616, layers=32, hidden=4096, heads=32, kv_heads=32, ffn=11008, vocab=32000,
                       tied=False),
}
out = []


def rec(**k):
    a = dict(A[k["model"]])
    a["_provenance"] = "from the model's config.json / parameter count, not stated by the source"
    k["arch"] = a
    out.append(k)


# ---- ljm565/universal-llm-trainer docs/gpu_test.md: one GPU, batch 2 x 8192 tokens (fully packed) ----
UT = "https://github.com/ljm565/universal-llm-trainer/blob/main/docs/gpu_test.md"
UTHOW = ("torch.cuda.memory_reserved()/1e9 shown in the trainer's progress bar (src/trainer/trainer.py) after each "
         "step; the table labels it GiB but its model-memory column equals parameters x 2 bytes in decimal GB, so it "
         "is read as GB")
UTNOTE = ("torch 2.5.1, transformers 4.49.0, bf16 model (bit: bfloat16, amp_training False), torch.optim.AdamW over "
          "model.parameters(), HF gradient checkpointing, attn_implementation default (sdpa), loss nn.CrossEntropyLoss "
          "on output.logits[:, :-1] (the model's dtype); LoRA r 8, alpha 16, dropout 0.05 on q,k,v (phi-3: qkv, o, "
          "gate_up, down), gradient accumulation 32 for LoRA/QLoRA, 1 for full; QLoRA: bnb nf4, double quant, bf16 "
          "compute, peft prepare_model_for_kbit_training (trainer/build.py). FSDP + CPU-offload rows left out")
UTROWS = [  # model, method, H100 GB, A100 GB
    ("llama-3.1-8b", "full", 78, 78), ("llama-3.1-8b", "lora", 36, 36), ("llama-3.1-8b", "qlora", 48, 48),
    ("llama-2-13b", "lora", 43, 43), ("llama-2-13b", "qlora", 38, 38),
    ("gemma-2-9b", "lora", 60, 60), ("gemma-2-9b", "qlora", None, None),
    ("gemma-7b", "lora", 51, 51), ("gemma-7b", "qlora", 70, 70),
    ("phi-3-mini", "full", 40, 40), ("phi-3-mini", "lora", 17, 17), ("phi-3-mini", "qlora", 21, 21)]
for model, method, h100, a100 in UTROWS:
    for gpu, gb in (("H100", h100), ("A100 80GB", a100)):
        full = method == "full"
        rec(id="ult-%s-%s-%s" % (model, method, gpu.split()[0].lower()), source=UT,
            source_key="universal-llm-trainer", split="heldout2", family=method, model=model, method=method,
            lora_rank=0 if full else 8,
            lora_targets=None if full else ("all linear (qkv_proj, o_proj, gate_up_proj, down_proj)"
                                            if model == "phi-3-mini" else "q_proj,k_proj,v_proj (config_lora)"),
            quant="nf4" if method == "qlora" else "none", seq=8192, batch=2,
            precision="bf16-true (bf16 model, no autocast)", optimizer="adamw",
            checkpointing="full (HF gradient_checkpointing_enable)", attention="sdpa", gpus=1, sharding="none",
            gpu=gpu, outcome="fit" if gb is not None else "oom",
            measured_bytes=gb * 10**9 if gb is not None else None,
            measured_as=("%d GB (labelled GiB)" % gb) if gb is not None else "OOM",
            measured_how=UTHOW, grad_accum=1 if full else 32, loss="native (CrossEntropyLoss on model-dtype logits)",
            lora_dropout=0 if full else 0.05, kbit="peft-fp32 (prepare_model_for_kbit_training)"
            if method == "qlora" else None, notes=UTNOTE)

# ---- GoogleCloudPlatform/vertex-ai-samples: OpenLLaMA 7B fine-tuning benchmark report (one A100 40GB) ----
VX = ("https://github.com/GoogleCloudPlatform/vertex-ai-samples/blob/main/community-content/vertex_model_garden/"
      "benchmarking_reports/openllama_7b_fine_tune_benchmark_report.md")
VXHOW = "'peak GPU memory' in GB as the report states it (how it was measured is not said)"
VXNOTE = ("pytorch-peft-train docker, dataset timdettmers/openassistant-guanaco; defaults batch 2, lora_rank 16, "
          "max_seq_length 512, precision_mode float16 for LoRA and 4bit for QLoRA; target modules, checkpointing, "
          "attention and the optimizer are not stated (read as the PEFT/Trainer defaults of 2023: q,v, none, eager, "
          "adamw); bitsandbytes of 2023 (< 0.43.2)")
for method, seq, rank, gb in [("lora", 256, 16, 20.5), ("lora", 512, 16, 28.2), ("lora", 512, 4, 28.0),
                              ("lora", 512, 64, 29.09), ("lora", 1024, 16, None), ("qlora", 256, 16, 6.94),
                              ("qlora", 512, 16, 7.57), ("qlora", 2048, 16, 16.3)]:
    q = method == "qlora"
    rec(id="vertex-openllama7b-%s-s%d-r%d" % (method, seq, rank), source=VX, source_key="vertex-openllama-report",
        split="heldout2", family=method, model="open-llama-7b", method=method, lora_rank=rank,
        lora_targets="q,v (PEFT default for llama; not stated)", quant="nf4" if q else "none", seq=seq, batch=2,
        precision="fp16 (precision_mode float16)", optimizer="adamw", checkpointing="none (not stated)",
        attention="eager (transformers 2023 default; not stated)", gpus=1, sharding="none", gpu="A100 40GB",
        outcome="fit" if gb is not None else "oom", measured_bytes=round(gb * 1e9) if gb is not None else None,
        measured_as=("%.2f GB" % gb) if gb is not None else "OOM", measured_how=VXHOW,
        kbit="saves-input (bitsandbytes < 0.43.2)" if q else None, notes=VXNOTE)

json.dump(out, open("src/test/resources/budget/measured_heldout2.json", "w"), indent=1)
print(len(out), sum(1 for r in out if r["measured_bytes"]))
