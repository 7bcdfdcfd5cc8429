"""A held-out measured grid for issue 14 (round 12): architectures and setups the first grid (grid.py) never ran.

Written and committed before the engine is run on any of its rows, so that its figures are a check, not a fit.
New here: Qwen2.5 14B, Mistral Nemo 12B, Gemma 2 9B, Qwen3 8B/1.7B, Llama 3.2 3B, Phi-3 mini, Qwen2.5 3B, SmolLM2 1.7B,
OPT 1.3B, Pythia 1.4B; optimizers other than foreach AdamW (fused AdamW, Adafactor, SGD with and without momentum);
a loss on the model's 16-bit logits; LoRA on the attention projections only; full fine-tunes that do not fit.
Each row: torch.cuda.max_memory_allocated() over two optimizer steps, or over one generate call.
Usage: python3 grid3.py OUT.jsonl DEADLINE_EPOCH_SECONDS
"""
import sys
import time
import traceback

import torch
import torch.nn.functional as F
import transformers
from transformers import (AutoModelForCausalLM, GPTNeoXConfig, LlamaConfig, MistralConfig, OPTConfig, Phi3Config,
                          Qwen2Config)

import grid  # noqa: E402  (opens OUT from sys.argv; shares emit, clean, build and arch_of)

G = grid
G.ARCH.update({
    "qwen2.5-14b": lambda: Qwen2Config(hidden_size=5120, intermediate_size=13824, num_hidden_layers=48,
                                       num_attention_heads=40, num_key_value_heads=8, vocab_size=152064,
                                       max_position_embeddings=32768, rope_theta=1000000.0, rms_norm_eps=1e-5,
                                       tie_word_embeddings=False),
    "mistral-nemo-12b": lambda: MistralConfig(hidden_size=5120, intermediate_size=14336, num_hidden_layers=40,
                                              num_attention_heads=32, num_key_value_heads=8, head_dim=128,
                                              vocab_size=131072, max_position_embeddings=131072,
                                              rope_theta=1000000.0, sliding_window=None, tie_word_embeddings=False),
    "gemma-2-9b": lambda: transformers.Gemma2Config(
        hidden_size=3584, intermediate_size=14336, num_hidden_layers=42, num_attention_heads=16, num_key_value_heads=8,
        head_dim=256, vocab_size=256000, final_logit_softcapping=30.0, attn_logit_softcapping=50.0,
        query_pre_attn_scalar=256, sliding_window=4096, tie_word_embeddings=True),
    "qwen3-8b": lambda: transformers.Qwen3Config(hidden_size=4096, intermediate_size=12288, num_hidden_layers=36,
                                                 num_attention_heads=32, num_key_value_heads=8, head_dim=128,
                                                 vocab_size=151936, max_position_embeddings=40960,
                                                 rope_theta=1000000.0, tie_word_embeddings=False),
    "qwen3-1.7b": lambda: transformers.Qwen3Config(hidden_size=2048, intermediate_size=6144, num_hidden_layers=28,
                                                   num_attention_heads=16, num_key_value_heads=8, head_dim=128,
                                                   vocab_size=151936, max_position_embeddings=40960,
                                                   rope_theta=1000000.0, tie_word_embeddings=True),
    "llama-3.2-3b": lambda: LlamaConfig(hidden_size=3072, intermediate_size=8192, num_hidden_layers=28,
                                        num_attention_heads=24, num_key_value_heads=8, head_dim=128,
                                        vocab_size=128256, max_position_embeddings=131072, rope_theta=500000.0,
                                        rms_norm_eps=1e-5, tie_word_embeddings=True),
    "phi-3-mini-4k": lambda: Phi3Config(hidden_size=3072, intermediate_size=8192, num_hidden_layers=32,
                                        num_attention_heads=32, num_key_value_heads=32, vocab_size=32064,
                                        max_position_embeddings=4096, tie_word_embeddings=False),
    "qwen2.5-3b": lambda: Qwen2Config(hidden_size=2048, intermediate_size=11008, num_hidden_layers=36,
                                      num_attention_heads=16, num_key_value_heads=2, vocab_size=151936,
                                      max_position_embeddings=32768, rope_theta=1000000.0, rms_norm_eps=1e-6,
                                      tie_word_embeddings=True),
    "smollm2-1.7b": lambda: LlamaConfig(hidden_size=2048, intermediate_size=8192, num_hidden_layers=24,
                                        num_attention_heads=32, num_key_value_heads=32, vocab_size=49152,
                                        max_position_embeddings=8192, rope_theta=130000.0, rms_norm_eps=1e-5,
                                        tie_word_embeddings=True),
    "opt-1.3b": lambda: OPTConfig(hidden_size=2048, ffn_dim=8192, num_hidden_layers=24, num_attention_heads=32,
                                  vocab_size=50272, max_position_embeddings=2048, word_embed_proj_dim=2048),
    "pythia-1.4b": lambda: GPTNeoXConfig(hidden_size=2048, intermediate_size=8192, num_hidden_layers=24,
                                         num_attention_heads=16, vocab_size=50304, max_position_embeddings=2048,
                                         rotary_pct=0.25, tie_word_embeddings=False),
})

ALL = "all-linear"
ATTN = ["q_proj", "k_proj", "v_proj", "o_proj"]
# (group, model, method, weights dtype, autocast, lora, optimizer, loss, attention, [(checkpointing, batch, seq)])
GROUPS = [
    ("c-lora-qwen14b", "qwen2.5-14b", "lora", torch.bfloat16, True, (16, 32, ALL, 0.0), "adamw", "hf", "sdpa",
     [("none", 2, 1024), ("full", 8, 2048), ("full", 4, 4096), ("none", 8, 4096)]),
    ("c-full-mixed-llama3b", "llama-3.2-3b", "full", torch.float32, True, None, "adamw", "hf", "sdpa",
     [("none", 2, 1024), ("full", 8, 2048), ("none", 8, 2048)]),
    ("c-lora-nemo12b", "mistral-nemo-12b", "lora", torch.bfloat16, True, (16, 32, ALL, 0.0), "adamw", "hf", "sdpa",
     [("none", 2, 2048), ("full", 8, 4096)]),
    ("c-opt-smollm", "smollm2-1.7b", "full", torch.float32, True, None, "adamw_fused", "hf", "sdpa",
     [("full", 8, 2048)]),
    ("c-opt-smollm-adafactor", "smollm2-1.7b", "full", torch.float32, True, None, "adafactor", "hf", "sdpa",
     [("full", 8, 2048)]),
    ("c-opt-smollm-sgd", "smollm2-1.7b", "full", torch.float32, True, None, "sgd", "hf", "sdpa",
     [("full", 8, 2048)]),
    ("c-opt-smollm-sgdm", "smollm2-1.7b", "full", torch.float32, True, None, "sgd_momentum", "hf", "sdpa",
     [("full", 8, 2048), ("none", 4, 2048)]),
    ("c-lora-qwen3-8b", "qwen3-8b", "lora", torch.bfloat16, True, (16, 32, ALL, 0.0), "adamw", "hf", "sdpa",
     [("none", 4, 1024), ("full", 8, 2048), ("full", 16, 4096)]),
    ("c-full-mixed-phi3", "phi-3-mini-4k", "full", torch.float32, True, None, "adamw", "hf", "sdpa",
     [("none", 2, 1024), ("full", 4, 2048)]),
    ("c-full-bf16-qwen3b", "qwen2.5-3b", "full", torch.bfloat16, False, None, "adamw", "hf", "sdpa",
     [("none", 4, 1024), ("full", 8, 4096)]),
    ("c-full-bf16-qwen3b-native", "qwen2.5-3b", "full", torch.bfloat16, False, None, "adamw", "native", "sdpa",
     [("full", 8, 4096)]),
    ("c-lora-gemma9b", "gemma-2-9b", "lora", torch.bfloat16, True, (16, 32, ALL, 0.0), "adamw", "hf", "eager",
     [("none", 2, 1024), ("full", 4, 2048)]),
    ("c-full-mixed-qwen3-1.7b", "qwen3-1.7b", "full", torch.float32, True, None, "adamw", "hf", "sdpa",
     [("none", 4, 2048), ("full", 16, 2048)]),
    ("c-lora-llama3b-attn", "llama-3.2-3b", "lora", torch.bfloat16, True, (8, 16, ATTN, 0.05), "adamw", "hf", "sdpa",
     [("none", 8, 1024), ("full", 16, 2048)]),
    ("c-lora-phi3-qv", "phi-3-mini-4k", "lora", torch.bfloat16, True, (64, 128, ["qkv_proj"], 0.0), "adamw", "hf",
     "sdpa", [("none", 4, 2048)]),
    ("c-full-mixed-opt", "opt-1.3b", "full", torch.float32, True, None, "adamw", "hf", "sdpa",
     [("none", 8, 2048), ("full", 16, 2048)]),
    ("c-full-mixed-pythia", "pythia-1.4b", "full", torch.float32, True, None, "adamw", "hf", "sdpa",
     [("none", 8, 2048)]),
    ("c-full-mixed-qwen3-8b-oom", "qwen3-8b", "full", torch.float32, True, None, "adamw", "hf", "sdpa",
     [("full", 1, 1024)]),
]
# Second part (run after the first came back): more setups on the same held-out architectures.
GROUPS_B = [
    ("d-lora-qwen14b-long", "qwen2.5-14b", "lora", torch.bfloat16, True, (16, 32, ALL, 0.05), "adamw", "hf", "sdpa",
     [("full", 1, 8192), ("none", 1, 2048)]),
    ("d-full-bf16-llama3b", "llama-3.2-3b", "full", torch.bfloat16, False, None, "adamw", "hf", "sdpa",
     [("none", 4, 2048), ("full", 16, 2048)]),
    ("d-lora-phi3-all", "phi-3-mini-4k", "lora", torch.bfloat16, True, (16, 32, ALL, 0.0), "adamw", "hf", "sdpa",
     [("full", 8, 4096), ("none", 4, 1024)]),
    ("d-full-mixed-phi3-big", "phi-3-mini-4k", "full", torch.float32, True, None, "adamw", "hf", "sdpa",
     [("none", 8, 2048)]),
    ("d-lora-nemo12b-fused", "mistral-nemo-12b", "lora", torch.bfloat16, True, (32, 64, ATTN, 0.0), "adamw_fused",
     "hf", "sdpa", [("full", 4, 2048)]),
    ("d-full-mixed-smollm-eager", "smollm2-1.7b", "full", torch.float32, True, None, "adamw", "hf", "eager",
     [("none", 4, 1024), ("full", 8, 2048)]),
    ("d-lora-pythia", "pythia-1.4b", "lora", torch.bfloat16, True, (16, 32, ["query_key_value"], 0.0), "adamw", "hf",
     "sdpa", [("none", 8, 2048)]),
    ("d-full-bf16-qwen3-1.7b-sgd", "qwen3-1.7b", "full", torch.bfloat16, False, None, "sgd_momentum", "hf", "sdpa",
     [("full", 8, 4096)]),
    ("d-lora-gemma9b-ckpt", "gemma-2-9b", "lora", torch.bfloat16, True, (8, 16, ATTN, 0.0), "adamw", "hf", "eager",
     [("full", 8, 1024)]),
    ("d-full-mixed-llama3b-adafactor", "llama-3.2-3b", "full", torch.float32, True, None, "adafactor", "hf", "sdpa",
     [("full", 8, 2048)]),
    ("d-lora-qwen3b", "qwen2.5-3b", "lora", torch.bfloat16, True, (16, 32, ALL, 0.0), "adamw", "hf", "sdpa",
     [("none", 8, 2048), ("full", 32, 2048)]),
]
INFER_B = [("d-infer-qwen3-8b-kv", "qwen3-8b", [(32, 4096, 64)]),
           ("d-infer-gemma9b", "gemma-2-9b", [(8, 2048, 64)]),
           ("d-infer-phi3", "phi-3-mini-4k", [(32, 2048, 128)])]
INFER = [("c-infer-qwen14b", "qwen2.5-14b", [(16, 2048, 128)]),
         ("c-infer-nemo12b", "mistral-nemo-12b", [(32, 1024, 256)]),
         ("c-infer-llama3b", "llama-3.2-3b", [(64, 2048, 128)])]


def optimizer(name, params):
    if name == "adamw":
        return torch.optim.AdamW(params, lr=1e-5), "torch.optim.AdamW (defaults: foreach on CUDA)"
    if name == "adamw_fused":
        return torch.optim.AdamW(params, lr=1e-5, fused=True), "torch.optim.AdamW(fused=True)"
    if name == "adafactor":
        from transformers.optimization import Adafactor
        return (Adafactor(params, lr=1e-5, relative_step=False, scale_parameter=False, warmup_init=False),
                "transformers.optimization.Adafactor(lr=1e-5, relative_step=False, scale_parameter=False)")
    if name == "sgd":
        return torch.optim.SGD(params, lr=1e-5), "torch.optim.SGD (no momentum)"
    return torch.optim.SGD(params, lr=1e-5, momentum=0.9), "torch.optim.SGD(momentum=0.9)"


def loss_of(model, ids, how):
    if how == "hf":
        return model(input_ids=ids, labels=ids, use_cache=False).loss
    logits = model(input_ids=ids, use_cache=False).logits  # 16-bit logits, cross-entropy on them as they are
    return F.cross_entropy(logits[:, :-1].reshape(-1, logits.size(-1)), ids[:, 1:].reshape(-1))


LOSS_TEXT = {"hf": "model(input_ids, labels=input_ids).loss (HF ForCausalLMLoss, logits upcast to fp32)",
             "native": "F.cross_entropy on model(input_ids).logits[:, :-1] in the model's bf16, no upcast"}


def train_group(gid, name, method, dtype, autocast, lora, opt_name, loss_how, attn, configs):
    model, cfg = G.build(name, dtype, attn)
    arch = G.arch_of(model, cfg)
    if lora:
        from peft import LoraConfig, get_peft_model
        rank, alpha, targets, dropout = lora
        model = get_peft_model(model, LoraConfig(r=rank, lora_alpha=alpha, target_modules=targets,
                                                 lora_dropout=dropout, task_type="CAUSAL_LM"))
    model.train()
    params = [p for p in model.parameters() if p.requires_grad]
    trainable = sum(p.numel() for p in params)
    for ckpt, batch, seq in configs:
        if time.time() > G.DEADLINE:
            G.emit({"group": gid, "skipped": "deadline", "checkpointing": ckpt, "batch": batch, "seq": seq})
            continue
        if ckpt == "full":
            model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
        else:
            model.gradient_checkpointing_disable()
        G.clean()
        row = {"group": gid, "model": name, "method": method, "weights_dtype": str(dtype), "autocast_bf16": autocast,
               "lora": None if not lora else {"rank": lora[0], "alpha": lora[1], "targets": lora[2],
                                              "dropout": lora[3]},
               "trainable_params": trainable, "trainable_dtypes": sorted({str(p.dtype) for p in params}),
               "checkpointing": ckpt, "batch": batch, "seq": seq, "attention": attn, "loss": LOSS_TEXT[loss_how],
               "arch": arch, "allocated_before_bytes": torch.cuda.memory_allocated()}
        opt = None
        oom = None
        peaks = []
        t0 = time.time()
        try:
            opt, row["optimizer"] = optimizer(opt_name, params)
            ids = torch.randint(0, arch["vocab"], (batch, seq), device="cuda")
            for _ in range(2):
                torch.cuda.reset_peak_memory_stats()
                with torch.autocast("cuda", dtype=torch.bfloat16, enabled=autocast):
                    loss = loss_of(model, ids, loss_how)
                loss.backward()
                loss = None
                opt.step()
                opt.zero_grad(set_to_none=True)
                torch.cuda.synchronize()
                peaks.append(torch.cuda.max_memory_allocated())
            row["allocated_after_steps_bytes"] = torch.cuda.memory_allocated()
        except torch.cuda.OutOfMemoryError as e:
            oom = str(e)
        row["optimizer"] = row.get("optimizer", opt_name)
        row["seconds"] = round(time.time() - t0, 2)
        row["outcome"] = "oom" if oom else "fit"
        row["peak_step1_bytes"] = peaks[0] if peaks else None
        row["peak_step2_bytes"] = peaks[1] if len(peaks) > 1 else None
        row["max_memory_allocated_bytes"] = max(peaks) if peaks else torch.cuda.max_memory_allocated()
        row["max_memory_reserved_bytes"] = torch.cuda.max_memory_reserved()
        if oom:
            row["oom_message"] = oom
        G.emit(row)
        loss = ids = opt = None
        model.zero_grad(set_to_none=True)
        G.clean()
    del model, params
    G.clean()


def main():
    import peft
    G.emit({"env": {"torch": torch.__version__, "transformers": transformers.__version__, "peft": peft.__version__,
                    "cuda": torch.version.cuda, "gpu": torch.cuda.get_device_name(0),
                    "total_memory_bytes": torch.cuda.get_device_properties(0).total_memory, "grid": "grid3 (check)"}})
    if len(sys.argv) > 3 and sys.argv[3] == "b":
        for g in INFER_B:
            G.run(G.infer_group, g)
        for g in GROUPS_B:
            G.run(train_group, g)
        return
    for g in GROUPS[:3]:
        G.run(train_group, g)
    for g in INFER:
        G.run(G.infer_group, g)
    for g in GROUPS[3:]:
        G.run(train_group, g)


if __name__ == "__main__":
    main()
