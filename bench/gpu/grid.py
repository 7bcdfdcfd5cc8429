"""Measured peaks of real architectures (random weights from their configs) on one GPU, for issue 14.

Each row: torch.cuda.max_memory_allocated() over two optimizer steps (training) or over one generate call
(inference), with the exact setup. Writes one JSON line per configuration as soon as it is measured.
Usage: python3 grid.py OUT.jsonl DEADLINE_EPOCH_SECONDS
"""
import gc
import json
import sys
import time
import traceback

import torch
import transformers
from transformers import AutoModelForCausalLM, GPT2Config, LlamaConfig, MistralConfig, Qwen2Config

OUT = open(sys.argv[1], "a", buffering=1)
DEADLINE = float(sys.argv[2])
GIB = 1 << 30

# Architectures as published in each model's config.json (hidden, layers, heads, kv heads, ffn, vocab, tying).
ARCH = {
    "llama-3.1-8b": lambda: LlamaConfig(hidden_size=4096, intermediate_size=14336, num_hidden_layers=32,
                                        num_attention_heads=32, num_key_value_heads=8, vocab_size=128256,
                                        max_position_embeddings=131072, rope_theta=500000.0, rms_norm_eps=1e-5,
                                        tie_word_embeddings=False),
    "qwen2.5-7b": lambda: Qwen2Config(hidden_size=3584, intermediate_size=18944, num_hidden_layers=28,
                                      num_attention_heads=28, num_key_value_heads=4, vocab_size=152064,
                                      max_position_embeddings=32768, rope_theta=1000000.0, rms_norm_eps=1e-6,
                                      tie_word_embeddings=False),
    "mistral-7b-v0.3": lambda: MistralConfig(hidden_size=4096, intermediate_size=14336, num_hidden_layers=32,
                                             num_attention_heads=32, num_key_value_heads=8, vocab_size=32768,
                                             max_position_embeddings=32768, rope_theta=1000000.0,
                                             sliding_window=None, tie_word_embeddings=False),
    "llama-3.2-1b": lambda: LlamaConfig(hidden_size=2048, intermediate_size=8192, num_hidden_layers=16,
                                        num_attention_heads=32, num_key_value_heads=8, head_dim=64,
                                        vocab_size=128256, max_position_embeddings=131072, rope_theta=500000.0,
                                        rms_norm_eps=1e-5, tie_word_embeddings=True),
    "qwen2.5-0.5b": lambda: Qwen2Config(hidden_size=896, intermediate_size=4864, num_hidden_layers=24,
                                        num_attention_heads=14, num_key_value_heads=2, vocab_size=151936,
                                        max_position_embeddings=32768, rope_theta=1000000.0, rms_norm_eps=1e-6,
                                        tie_word_embeddings=True),
    "qwen2.5-1.5b": lambda: Qwen2Config(hidden_size=1536, intermediate_size=8960, num_hidden_layers=28,
                                        num_attention_heads=12, num_key_value_heads=2, vocab_size=151936,
                                        max_position_embeddings=32768, rope_theta=1000000.0, rms_norm_eps=1e-6,
                                        tie_word_embeddings=True),
    "gemma-2-2b": lambda: __import__("transformers").Gemma2Config(
        hidden_size=2304, intermediate_size=9216, num_hidden_layers=26, num_attention_heads=8, num_key_value_heads=4,
        head_dim=256, vocab_size=256000, final_logit_softcapping=30.0, attn_logit_softcapping=50.0,
        query_pre_attn_scalar=256, sliding_window=4096, tie_word_embeddings=True),
    "gpt2-xl": lambda: GPT2Config(n_embd=1600, n_layer=48, n_head=25, vocab_size=50257, n_positions=1024),
}

# (group id, model, method, weight dtype, autocast, lora, [(checkpointing, batch, seq)])
# lora = (rank, alpha, targets, dropout) or None. Most valuable first: the run may be cut at the deadline.
GROUPS = [
    ("lora-llama8b", "llama-3.1-8b", "lora", torch.bfloat16, True, (16, 32, "all-linear", 0.0),
     [("none", 1, 512), ("none", 4, 1024), ("full", 4, 1024), ("none", 2, 2048), ("full", 8, 2048),
      ("full", 8, 4096), ("none", 8, 2048)]),
    ("full-mixed-llama1b", "llama-3.2-1b", "full", torch.float32, True, None,
     [("none", 4, 512), ("none", 8, 1024), ("full", 8, 1024), ("full", 8, 2048)]),
    ("lora-qwen7b", "qwen2.5-7b", "lora", torch.bfloat16, True, (16, 32, "all-linear", 0.0),
     [("none", 4, 1024), ("full", 4, 1024), ("full", 8, 2048)]),
    ("full-bf16-llama1b", "llama-3.2-1b", "full", torch.bfloat16, False, None,
     [("none", 8, 1024), ("full", 8, 1024)]),
    ("lora-mistral7b", "mistral-7b-v0.3", "lora", torch.bfloat16, True, (16, 32, "all-linear", 0.0),
     [("none", 4, 1024), ("full", 4, 2048)]),
    ("full-mixed-qwen0.5b", "qwen2.5-0.5b", "full", torch.float32, True, None,
     [("none", 8, 1024), ("full", 8, 1024), ("none", 4, 2048)]),
    ("full-mixed-gpt2xl", "gpt2-xl", "full", torch.float32, True, None,
     [("none", 4, 512), ("none", 8, 1024), ("full", 8, 1024)]),
    ("lora-llama1b-r16", "llama-3.2-1b", "lora", torch.bfloat16, True, (16, 32, "all-linear", 0.0),
     [("none", 8, 1024), ("full", 8, 1024)]),
    ("lora-llama1b-r64-qv", "llama-3.2-1b", "lora", torch.bfloat16, True, (64, 128, ["q_proj", "v_proj"], 0.05),
     [("none", 8, 1024)]),
    ("full-mixed-qwen1.5b", "qwen2.5-1.5b", "full", torch.float32, True, None,
     [("none", 4, 1024), ("full", 8, 2048)]),
    ("full-bf16-qwen1.5b", "qwen2.5-1.5b", "full", torch.bfloat16, False, None,
     [("none", 4, 1024)]),
]
# Second set: what the first did not vary (dropout, targets, rank, eager attention, fused AdamW, Gemma 2).
GROUPS2 = [
    ("lora-llama8b-drop", "llama-3.1-8b", "lora", torch.bfloat16, True, (16, 32, "all-linear", 0.05),
     [("none", 2, 1024), ("full", 8, 2048)]),
    ("lora-llama8b-attn-r64", "llama-3.1-8b", "lora", torch.bfloat16, True,
     (64, 16, ["q_proj", "k_proj", "v_proj", "o_proj"], 0.0), [("none", 2, 1024), ("full", 8, 2048)]),
    ("lora-qwen7b-b2", "qwen2.5-7b", "lora", torch.bfloat16, True, (8, 16, "all-linear", 0.0),
     [("none", 2, 2048), ("full", 16, 2048), ("full", 4, 8192)]),
    ("full-mixed-gemma2b", "gemma-2-2b", "full", torch.float32, True, None,
     [("none", 2, 1024), ("full", 4, 2048)]),
    ("lora-gemma2b", "gemma-2-2b", "lora", torch.bfloat16, True, (16, 32, "all-linear", 0.0),
     [("none", 4, 1024), ("full", 8, 2048)]),
    ("full-mixed-qwen0.5b-eager", "qwen2.5-0.5b", "full", torch.float32, True, None,
     [("none", 4, 1024), ("full", 8, 2048)]),
    ("full-mixed-llama1b-b16", "llama-3.2-1b", "full", torch.float32, True, None,
     [("full", 16, 2048), ("none", 2, 4096)]),
    ("lora-mistral7b-long", "mistral-7b-v0.3", "lora", torch.bfloat16, True, (16, 32, "all-linear", 0.0),
     [("full", 8, 4096), ("none", 1, 4096)]),
]
EAGER = {"full-mixed-qwen0.5b-eager", "full-mixed-gemma2b", "lora-gemma2b"}
INFER2 = [("infer-llama8b-kv", "llama-3.1-8b", [(64, 2048, 256), (1, 32768, 32)]),
          ("infer-qwen7b", "qwen2.5-7b", [(32, 1024, 512)])]
INFER = [("infer-llama8b", "llama-3.1-8b", [(16, 1024, 64), (4, 4096, 64)])]


def emit(row):
    row["time_utc"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    OUT.write(json.dumps(row) + "\n")
    print(json.dumps(row), flush=True)


def clean():
    gc.collect()
    torch.cuda.synchronize()
    torch.cuda.empty_cache()


def build(name, dtype, attn="sdpa"):
    cfg = ARCH[name]()
    torch.set_default_dtype(dtype)
    try:
        with torch.device("cuda"):
            model = AutoModelForCausalLM.from_config(cfg, attn_implementation=attn)
    finally:
        torch.set_default_dtype(torch.float32)
    model.to(dtype)
    return model, cfg


def arch_of(model, cfg):
    d = cfg.to_dict()
    return {"params": sum(p.numel() for p in model.parameters()),
            "layers": d.get("num_hidden_layers", d.get("n_layer")),
            "hidden": d.get("hidden_size", d.get("n_embd")),
            "heads": d.get("num_attention_heads", d.get("n_head")),
            "kv_heads": d.get("num_key_value_heads", d.get("n_head")),
            "ffn": d.get("intermediate_size") or 4 * d.get("n_embd", 0),
            "vocab": d.get("vocab_size"), "tied": bool(d.get("tie_word_embeddings", True))}


def train_group(gid, name, method, dtype, autocast, lora, configs):
    attn = "eager" if gid in EAGER else "sdpa"
    model, cfg = build(name, dtype, attn)
    arch = arch_of(model, cfg)
    if lora:
        from peft import LoraConfig, get_peft_model
        rank, alpha, targets, dropout = lora
        model = get_peft_model(model, LoraConfig(r=rank, lora_alpha=alpha, target_modules=targets,
                                                 lora_dropout=dropout, task_type="CAUSAL_LM"))
    model.train()
    params = [p for p in model.parameters() if p.requires_grad]
    trainable = sum(p.numel() for p in params)
    adapter_dtypes = sorted({str(p.dtype) for p in params})
    for ckpt, batch, seq in configs:
        if time.time() > DEADLINE:
            emit({"group": gid, "skipped": "deadline", "checkpointing": ckpt, "batch": batch, "seq": seq})
            continue
        if ckpt == "full":
            model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
        else:
            model.gradient_checkpointing_disable()
        clean()
        static = torch.cuda.memory_allocated()
        row = {"group": gid, "model": name, "method": method, "weights_dtype": str(dtype),
               "autocast_bf16": autocast, "lora": None if not lora else
               {"rank": lora[0], "alpha": lora[1], "targets": lora[2], "dropout": lora[3]},
               "trainable_params": trainable, "trainable_dtypes": adapter_dtypes, "optimizer": "torch.optim.AdamW "
               "(defaults: foreach on CUDA)", "checkpointing": ckpt, "batch": batch, "seq": seq,
               "attention": attn, "loss": "model(input_ids, labels=input_ids).loss (HF ForCausalLMLoss, logits "
               "upcast to fp32); outputs dropped before backward", "arch": arch,
               "allocated_before_bytes": static}
        opt = None
        oom = None
        peaks = []
        t0 = time.time()
        try:
            opt = torch.optim.AdamW(params, lr=1e-5)
            ids = torch.randint(0, arch["vocab"], (batch, seq), device="cuda")
            for _ in range(2):
                torch.cuda.reset_peak_memory_stats()
                with torch.autocast("cuda", dtype=torch.bfloat16, enabled=autocast):
                    loss = model(input_ids=ids, labels=ids, use_cache=False).loss
                loss.backward()
                loss = None
                opt.step()
                opt.zero_grad(set_to_none=True)
                torch.cuda.synchronize()
                peaks.append(torch.cuda.max_memory_allocated())
            row["allocated_after_steps_bytes"] = torch.cuda.memory_allocated()
        except torch.cuda.OutOfMemoryError as e:
            oom = str(e)
        row["seconds"] = round(time.time() - t0, 2)
        row["outcome"] = "oom" if oom else "fit"
        row["peak_step1_bytes"] = peaks[0] if peaks else None
        row["peak_step2_bytes"] = peaks[1] if len(peaks) > 1 else None
        row["max_memory_allocated_bytes"] = max(peaks) if peaks else torch.cuda.max_memory_allocated()
        row["max_memory_reserved_bytes"] = torch.cuda.max_memory_reserved()
        if oom:
            row["oom_message"] = oom
        emit(row)
        loss = ids = opt = None
        model.zero_grad(set_to_none=True)
        clean()
    del model, params
    clean()


def infer_group(gid, name, configs):
    model, cfg = build(name, torch.bfloat16)
    arch = arch_of(model, cfg)
    model.eval()
    for batch, prompt, new in configs:
        if time.time() > DEADLINE:
            emit({"group": gid, "skipped": "deadline", "batch": batch, "seq": prompt})
            continue
        clean()
        static = torch.cuda.memory_allocated()
        torch.cuda.reset_peak_memory_stats()
        oom = None
        t0 = time.time()
        try:
            ids = torch.randint(0, arch["vocab"], (batch, prompt), device="cuda")
            with torch.inference_mode():
                model.generate(input_ids=ids, attention_mask=torch.ones_like(ids), max_new_tokens=new,
                               min_new_tokens=new, do_sample=False, pad_token_id=0)
            torch.cuda.synchronize()
        except torch.cuda.OutOfMemoryError as e:
            oom = str(e)
        emit({"group": gid, "model": name, "method": "inference", "weights_dtype": "torch.bfloat16",
              "batch": batch, "seq": prompt, "new_tokens": new, "generate": "greedy, DynamicCache (default)",
              "attention": "sdpa", "arch": arch, "allocated_before_bytes": static, "outcome": "oom" if oom else "fit",
              "max_memory_allocated_bytes": torch.cuda.max_memory_allocated(),
              "max_memory_reserved_bytes": torch.cuda.max_memory_reserved(), "seconds": round(time.time() - t0, 2),
              **({"oom_message": oom} if oom else {})})
        ids = None
        clean()
    del model
    clean()


def main():
    import peft
    emit({"env": {"torch": torch.__version__, "transformers": transformers.__version__, "peft": peft.__version__,
                  "cuda": torch.version.cuda, "gpu": torch.cuda.get_device_name(0),
                  "total_memory_bytes": torch.cuda.get_device_properties(0).total_memory}})
    second = len(sys.argv) > 3 and sys.argv[3] == "set2"
    groups, infer = (GROUPS2, INFER2) if second else (GROUPS, INFER)
    for g in groups[:1]:
        run(train_group, g)
    for g in infer:
        run(infer_group, g)
    for g in groups[1:]:
        run(train_group, g)


def run(fn, g):
    if time.time() > DEADLINE:
        emit({"group": g[0], "skipped": "deadline"})
        return
    try:
        fn(*g)
    except Exception:  # one architecture's failure must not lose the others' rows
        emit({"group": g[0], "error": traceback.format_exc()[-3000:]})
        clean()


if __name__ == "__main__":
    main()
