"""Measured grid 4 for issue 14 (eighteenth session): how modern fine-tunes keep activations and logits.

Written and committed before the run. The split by architecture is fixed here, before any figure exists:
    tune  = llama-2-7b, qwen3-4b, olmoe-1b-7b
    check = olmo-2-7b, granite-3.1-8b, qwen1.5-moe-a2.7b
None of the six was run by grid.py or grid3.py. New here, beside plain and full checkpointing:
  - offload: full checkpointing whose saved layer inputs go to pinned host RAM (reentrant checkpoint under
    torch.autograd.graph.save_on_cpu, which is what Unsloth's offloaded checkpointing does by hand);
  - offload_all: nothing recomputed, every saved tensor of the decoder body in host RAM (save_on_cpu alone);
  - selective_op: torchtitan's op-level selective checkpointing (per layer: keep attention outputs and every
    second matmul output, recompute the rest), passed to HF's checkpointing as its context_fn;
  - losses: hf (the model's own ForCausalLMLoss, fp32 upcast of the full logits), chunked (torchtune-style: lm_head
    and an fp32 cross-entropy per chunk of 8, not compiled), fused_linear (each chunk's lm_head + cross-entropy under
    a checkpoint, so no chunk's logits are kept: this project's stand-in for Liger's fused linear cross-entropy), and
    fused (the full bf16 logits, the upcast and cross-entropy in one torch.compile'd function, as nanochat does);
  - two mixtures of experts (OLMoE 1B-7B full bf16, Qwen1.5-MoE-A2.7B LoRA on attention).
Each row: torch.cuda.max_memory_allocated() over two optimizer steps.
Usage: python3 grid4.py OUT.jsonl DEADLINE_EPOCH_SECONDS
"""
import functools
import time

import torch
import torch.nn.functional as F
import transformers
from torch.utils.checkpoint import CheckpointPolicy, checkpoint, create_selective_checkpoint_contexts
from transformers import LlamaConfig

import grid  # noqa: E402  (opens OUT from sys.argv; shares emit, clean, build, arch_of and run)

G = grid
G.ARCH.update({
    "llama-2-7b": lambda: LlamaConfig(hidden_size=4096, intermediate_size=11008, num_hidden_layers=32,
                                      num_attention_heads=32, num_key_value_heads=32, vocab_size=32000,
                                      max_position_embeddings=4096, rms_norm_eps=1e-5, tie_word_embeddings=False),
    "qwen3-4b": lambda: transformers.Qwen3Config(hidden_size=2560, intermediate_size=9728, num_hidden_layers=36,
                                                 num_attention_heads=32, num_key_value_heads=8, head_dim=128,
                                                 vocab_size=151936, max_position_embeddings=40960,
                                                 rope_theta=1000000.0, tie_word_embeddings=True),
    "olmoe-1b-7b": lambda: transformers.OlmoeConfig(hidden_size=2048, intermediate_size=1024, num_hidden_layers=16,
                                                    num_attention_heads=16, num_key_value_heads=16, num_experts=64,
                                                    num_experts_per_tok=8, vocab_size=50304,
                                                    max_position_embeddings=4096, tie_word_embeddings=False),
    "olmo-2-7b": lambda: transformers.Olmo2Config(hidden_size=4096, intermediate_size=11008, num_hidden_layers=32,
                                                  num_attention_heads=32, num_key_value_heads=32, vocab_size=100352,
                                                  max_position_embeddings=4096, rope_theta=500000.0,
                                                  rms_norm_eps=1e-6, tie_word_embeddings=False),
    "granite-3.1-8b": lambda: transformers.GraniteConfig(
        hidden_size=4096, intermediate_size=12800, num_hidden_layers=40, num_attention_heads=32,
        num_key_value_heads=8, vocab_size=49155, max_position_embeddings=131072, rope_theta=10000000.0,
        embedding_multiplier=12.0, logits_scaling=16.0, residual_multiplier=0.22, attention_multiplier=0.0078125,
        tie_word_embeddings=True),
    "qwen1.5-moe-a2.7b": lambda: transformers.Qwen2MoeConfig(
        hidden_size=2048, intermediate_size=5632, moe_intermediate_size=1408, shared_expert_intermediate_size=5632,
        num_hidden_layers=24, num_attention_heads=16, num_key_value_heads=16, num_experts=60, num_experts_per_tok=4,
        vocab_size=151936, max_position_embeddings=8192, decoder_sparse_step=1, tie_word_embeddings=False),
})
TUNE = {"llama-2-7b", "qwen3-4b", "olmoe-1b-7b"}
CHECK = {"olmo-2-7b", "granite-3.1-8b", "qwen1.5-moe-a2.7b"}
ALL = "all-linear"
ATTN = ["q_proj", "k_proj", "v_proj", "o_proj"]
FEATURES_4B = [("none", 4, 2048, "hf"), ("full", 4, 2048, "hf"), ("offload", 4, 2048, "hf"),
               ("offload_all", 2, 2048, "hf"), ("selective_op", 4, 2048, "hf"), ("full", 4, 2048, "chunked"),
               ("full", 4, 2048, "fused_linear"), ("full", 4, 2048, "fused")]
FEATURES_7B = [("none", 2, 2048, "hf"), ("full", 4, 2048, "hf"), ("offload", 4, 2048, "hf"),
               ("offload_all", 2, 2048, "hf"), ("selective_op", 4, 2048, "hf"), ("full", 4, 2048, "chunked"),
               ("full", 4, 2048, "fused_linear"), ("full", 4, 2048, "fused")]
# (group, model, method, weights dtype, autocast, lora, [(checkpointing, batch, seq, loss)]), tune and check alternated
GROUPS = [
    ("t-full-bf16-qwen3-4b", "qwen3-4b", "full", torch.bfloat16, False, None, FEATURES_4B),
    ("c-full-bf16-olmo2-7b", "olmo-2-7b", "full", torch.bfloat16, False, None, FEATURES_7B),
    ("t-lora-llama2-7b", "llama-2-7b", "lora", torch.bfloat16, True, (16, 32, ALL, 0.0),
     [("none", 4, 2048, "hf"), ("full", 8, 2048, "hf"), ("offload", 8, 2048, "hf"), ("full", 8, 2048, "chunked"),
      ("full", 8, 2048, "fused_linear")]),
    ("c-lora-granite-8b", "granite-3.1-8b", "lora", torch.bfloat16, True, (16, 32, ALL, 0.0),
     [("none", 4, 2048, "hf"), ("full", 8, 4096, "hf"), ("offload", 8, 4096, "hf"), ("full", 8, 4096, "chunked"),
      ("full", 8, 4096, "fused_linear")]),
    ("t-full-bf16-olmoe", "olmoe-1b-7b", "full", torch.bfloat16, False, None,
     [("none", 4, 2048, "hf"), ("full", 8, 2048, "hf")]),
    ("c-lora-qwen-moe-attn", "qwen1.5-moe-a2.7b", "lora", torch.bfloat16, True, (16, 32, ATTN, 0.0),
     [("none", 4, 2048, "hf"), ("full", 8, 2048, "hf")]),
]
# Second part (run after the first came back, written before it ran): in the first part every full fine-tune with
# checkpointing peaked in the optimizer step, so the losses could not show; here the logits outweigh that step.
GROUPS_B = [
    ("t2-full-bf16-qwen3-4b-long", "qwen3-4b", "full", torch.bfloat16, False, None,
     [("full", 8, 4096, "hf"), ("full", 8, 4096, "chunked"), ("full", 8, 4096, "fused_linear"),
      ("full", 8, 4096, "fused"), ("offload", 8, 4096, "chunked"), ("selective_op", 4, 4096, "chunked")]),
    ("c2-full-bf16-olmo2-7b-long", "olmo-2-7b", "full", torch.bfloat16, False, None,
     [("full", 8, 4096, "hf"), ("full", 8, 4096, "chunked"), ("full", 8, 4096, "fused_linear"),
      ("full", 8, 4096, "fused"), ("offload", 8, 4096, "chunked"), ("selective_op", 4, 4096, "chunked")]),
    ("t2-lora-llama2-7b", "llama-2-7b", "lora", torch.bfloat16, True, (16, 32, ALL, 0.0),
     [("offload_all", 4, 2048, "hf")]),
    ("c2-lora-granite-8b", "granite-3.1-8b", "lora", torch.bfloat16, True, (16, 32, ALL, 0.0),
     [("offload_all", 4, 2048, "hf")]),
    ("c2-lora-qwen-moe-attn", "qwen1.5-moe-a2.7b", "lora", torch.bfloat16, True, (16, 32, ATTN, 0.0),
     [("full", 16, 4096, "chunked")]),
]
CHUNKS = 8
SAVE_OPS = {torch.ops.aten.mm.default, torch.ops.aten._scaled_dot_product_efficient_attention.default,
            torch.ops.aten._scaled_dot_product_flash_attention.default,
            torch.ops.aten._scaled_dot_product_cudnn_attention.default}
CKPT_TEXT = {"none": "none",
             "full": "full (HF gradient_checkpointing_enable, use_reentrant=False)",
             "offload": "offload (HF checkpointing, use_reentrant=True, under torch.autograd.graph.save_on_cpu"
                        "(pin_memory=True): the saved layer inputs in host RAM)",
             "offload_all": "offload_all (no checkpointing; every tensor the decoder body saves in host RAM through"
                            " save_on_cpu(pin_memory=True); lm_head and loss outside it)",
             "selective_op": "selective (op) (torchtitan's op-level SAC per layer: attention outputs and every second"
                             " mm output kept, the rest recomputed; HF checkpointing with context_fn)"}
LOSS_TEXT = {"hf": "fp32 (HF ForCausalLMLoss: logits.float() then cross_entropy)",
             "hf_outside": "fp32 (lm_head on the body's output, logits.float() then cross_entropy, as HF does)",
             "chunked": "chunked (8 chunks: lm_head then .float() and cross_entropy per chunk, not compiled)",
             "fused_linear": "fused-linear (8 chunks, each lm_head + fp32 cross_entropy under a checkpoint: no "
                             "chunk's logits kept)",
             "fused": "fused (full bf16 logits; .float() and cross_entropy in one torch.compile'd function)"}


def selective_policy():
    counts = {}

    def policy(ctx, func, *args, **kwargs):
        key = "recompute" if ctx.is_recompute else "forward"
        if func == torch.ops.aten.mm.default:
            counts[key] = counts.get(key, 0) + 1
            return CheckpointPolicy.MUST_SAVE if counts[key] % 2 == 1 else CheckpointPolicy.PREFER_RECOMPUTE
        return CheckpointPolicy.MUST_SAVE if func in SAVE_OPS else CheckpointPolicy.PREFER_RECOMPUTE
    return policy


def selective_context():
    return create_selective_checkpoint_contexts(selective_policy())


@functools.lru_cache(maxsize=None)
def compiled_ce(vocab):
    def ce(logits, labels):
        return F.cross_entropy(logits.float().view(-1, vocab), labels.view(-1), ignore_index=-100)
    return torch.compile(ce)


def head_and_body(model):
    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    return base.model, base.lm_head, base


def ce_sum(head, h, labels, vocab):
    logits = head(h).float()
    return F.cross_entropy(logits.view(-1, vocab), labels.reshape(-1), ignore_index=-100, reduction="sum")


def loss_of(model, ids, ckpt, how, vocab):
    if ckpt in ("none", "full", "selective_op") and how == "hf":
        return model(input_ids=ids, labels=ids, use_cache=False).loss, "hf"
    body, head, base = head_and_body(model)
    labels = torch.cat([ids[:, 1:], torch.full_like(ids[:, :1], -100)], dim=1)
    if ckpt in ("offload", "offload_all"):
        with torch.autograd.graph.save_on_cpu(pin_memory=True):
            h = body(input_ids=ids, use_cache=False).last_hidden_state
    else:
        h = body(input_ids=ids, use_cache=False).last_hidden_state
    scale = getattr(base.config, "logits_scaling", None)  # Granite divides its logits by it
    if scale:
        h = h / scale
    n = (labels != -100).sum()
    if how == "hf":
        return ce_sum(head, h, labels, vocab) / n, "hf_outside"
    if how == "chunked":
        total = sum(ce_sum(head, hc, lc, vocab) for hc, lc in zip(h.chunk(CHUNKS, 1), labels.chunk(CHUNKS, 1)))
        return total / n, how
    if how == "fused_linear":
        total = sum(checkpoint(ce_sum, head, hc, lc, vocab, use_reentrant=False)
                    for hc, lc in zip(h.chunk(CHUNKS, 1), labels.chunk(CHUNKS, 1)))
        return total / n, how
    return compiled_ce(vocab)(head(h), labels), how


def set_checkpointing(model, ckpt):
    if ckpt == "full":
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
    elif ckpt == "offload":
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": True})
        if hasattr(model, "enable_input_require_grads"):
            model.enable_input_require_grads()  # a reentrant checkpoint needs an input that requires grad
    elif ckpt == "selective_op":
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False,
                                                                           "context_fn": selective_context})
    else:
        model.gradient_checkpointing_disable()


def train_group(gid, name, method, dtype, autocast, lora, configs):
    model, cfg = G.build(name, dtype, "sdpa")
    arch = G.arch_of(model, cfg)
    d = cfg.to_dict()
    arch.update({k: d[k] for k in ("num_experts", "num_local_experts", "num_experts_per_tok", "moe_intermediate_size",
                                   "shared_expert_intermediate_size", "head_dim") if d.get(k)})
    if lora:
        from peft import LoraConfig, get_peft_model
        rank, alpha, targets, dropout = lora
        model = get_peft_model(model, LoraConfig(r=rank, lora_alpha=alpha, target_modules=targets,
                                                 lora_dropout=dropout, task_type="CAUSAL_LM"))
    model.train()
    params = [p for p in model.parameters() if p.requires_grad]
    trainable = sum(p.numel() for p in params)
    for ckpt, batch, seq, how in configs:
        if time.time() > G.DEADLINE:
            G.emit({"group": gid, "skipped": "deadline", "checkpointing": ckpt, "batch": batch, "seq": seq,
                    "loss_kind": how})
            continue
        set_checkpointing(model, ckpt)
        G.clean()
        row = {"group": gid, "split": "tune" if name in TUNE else "check", "model": name, "method": method,
               "weights_dtype": str(dtype), "autocast_bf16": autocast,
               "lora": None if not lora else {"rank": lora[0], "alpha": lora[1], "targets": lora[2],
                                              "dropout": lora[3]},
               "trainable_params": trainable, "trainable_dtypes": sorted({str(p.dtype) for p in params}),
               "checkpointing": CKPT_TEXT[ckpt], "checkpointing_kind": ckpt, "batch": batch, "seq": seq,
               "attention": "sdpa", "arch": arch, "optimizer": "torch.optim.AdamW (defaults: foreach on CUDA)",
               "allocated_before_bytes": torch.cuda.memory_allocated()}
        opt = loss = ids = None
        oom = err = None
        peaks = []
        t0 = time.time()
        try:
            opt = torch.optim.AdamW(params, lr=1e-5)
            ids = torch.randint(0, arch["vocab"], (batch, seq), device="cuda")
            for _ in range(2):
                torch.cuda.reset_peak_memory_stats()
                with torch.autocast("cuda", dtype=torch.bfloat16, enabled=autocast):
                    loss, used = loss_of(model, ids, ckpt, how, arch["vocab"])
                loss.backward()
                loss = None
                opt.step()
                opt.zero_grad(set_to_none=True)
                torch.cuda.synchronize()
                peaks.append(torch.cuda.max_memory_allocated())
            row["loss_kind"] = used
            row["loss"] = LOSS_TEXT[used]
            row["allocated_after_steps_bytes"] = torch.cuda.memory_allocated()
        except torch.cuda.OutOfMemoryError as e:
            oom = str(e)
        except Exception as e:  # one setup's failure (an op the policy or compile refuses) must not lose the rest
            err = "%s: %s" % (type(e).__name__, str(e)[:1500])
        row.setdefault("loss_kind", how)
        row.setdefault("loss", LOSS_TEXT["hf_outside" if how == "hf" and ckpt.startswith("offload") else how])
        row["seconds"] = round(time.time() - t0, 2)
        row["outcome"] = "error" if err else "oom" if oom else "fit"
        row["peak_step1_bytes"] = peaks[0] if peaks else None
        row["peak_step2_bytes"] = peaks[1] if len(peaks) > 1 else None
        row["max_memory_allocated_bytes"] = max(peaks) if peaks else torch.cuda.max_memory_allocated()
        row["max_memory_reserved_bytes"] = torch.cuda.max_memory_reserved()
        if oom:
            row["oom_message"] = oom
        if err:
            row["error"] = err
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
                    "total_memory_bytes": torch.cuda.get_device_properties(0).total_memory,
                    "grid": "grid4 (tune: %s; check: %s)" % (sorted(TUNE), sorted(CHECK))}})
    import sys
    for g in GROUPS_B if len(sys.argv) > 3 and sys.argv[3] == "b" else GROUPS:
        G.run(train_group, g)


if __name__ == "__main__":
    main()
