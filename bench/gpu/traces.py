"""Real out-of-memory failures of each kind on one GPU, one per process, left uncaught so the log holds exactly
what the user would see. Usage: python3 traces.py CASE  (first_backward, optimizer_step, load_70b, generate_kv,
fragmentation, device_assert). jax_step is in jax_step.py."""
import sys

import torch
from transformers import AutoModelForCausalLM, LlamaConfig

GIB = 1 << 30


def llama(dtype, **kw):
    cfg = LlamaConfig(**kw)
    torch.set_default_dtype(dtype)
    with torch.device("cuda"):
        m = AutoModelForCausalLM.from_config(cfg, attn_implementation="sdpa")
    torch.set_default_dtype(torch.float32)
    return m, cfg


def first_backward():
    # Llama-3.2-1B shape, fp32 weights, bf16 autocast: the batch is sized from one sample's forward so that the
    # forward fits and the backward (fp32 gradients, 4.9 GB, plus activation gradients) does not.
    m, cfg = llama(torch.float32, hidden_size=2048, intermediate_size=8192, num_hidden_layers=16,
                   num_attention_heads=32, num_key_value_heads=8, head_dim=64, vocab_size=128256,
                   tie_word_embeddings=True)
    m.train()
    base = torch.cuda.memory_allocated()
    ids = torch.randint(0, cfg.vocab_size, (1, 2048), device="cuda")
    torch.cuda.reset_peak_memory_stats()
    with torch.autocast("cuda", dtype=torch.bfloat16):
        loss = m(input_ids=ids, labels=ids).loss
    per_sample = torch.cuda.memory_allocated() - base
    del loss
    free, total = torch.cuda.mem_get_info()
    batch = int(0.9 * (free - 2 * GIB) // per_sample)
    print(f"per-sample forward {per_sample / GIB:.2f} GiB, free {free / GIB:.1f} GiB -> batch {batch}", flush=True)
    opt = torch.optim.AdamW(m.parameters(), lr=1e-5)
    ids = torch.randint(0, cfg.vocab_size, (batch, 2048), device="cuda")
    with torch.autocast("cuda", dtype=torch.bfloat16):
        loss = m(input_ids=ids, labels=ids).loss
    print(f"step 1 forward done, loss {loss.item():.4f}", flush=True)
    loss.backward()
    opt.step()


def optimizer_step():
    # A 13B Llama-2 shape trained in fp32 with AdamW: weights (52 GB) and gradients (52 GB) fit the card, the two
    # Adam moments (104 GB) that the first optimizer.step() allocates do not.
    m, cfg = llama(torch.float32, hidden_size=5120, intermediate_size=13824, num_hidden_layers=40,
                   num_attention_heads=40, num_key_value_heads=40, vocab_size=32000, tie_word_embeddings=False)
    m.train()
    opt = torch.optim.AdamW(m.parameters(), lr=1e-5)
    for step in range(1, 3):
        ids = torch.randint(0, cfg.vocab_size, (1, 256), device="cuda")
        loss = m(input_ids=ids, labels=ids).loss
        loss.backward()
        print(f"step {step} backward done, loss {loss.item():.4f}, allocated "
              f"{torch.cuda.memory_allocated() / GIB:.2f} GiB", flush=True)
        opt.step()
        opt.zero_grad(set_to_none=True)


def load_70b():
    # Llama-3.1-70B's shape built without a dtype, so in fp32 (282 GB of weights), on one 141 GB card.
    m, _ = llama(torch.float32, hidden_size=8192, intermediate_size=28672, num_hidden_layers=80,
                 num_attention_heads=64, num_key_value_heads=8, vocab_size=128256, tie_word_embeddings=False)
    print("loaded", flush=True)


def generate_kv():
    # Llama-2-7B's shape (full multi-head attention: 512 KB of KV cache per token in bf16), batch 192 x 1024-token
    # prompts, asked for 2048 new tokens: the cache outgrows the card while generating.
    m, cfg = llama(torch.bfloat16, hidden_size=4096, intermediate_size=11008, num_hidden_layers=32,
                   num_attention_heads=32, num_key_value_heads=32, vocab_size=32000, tie_word_embeddings=False)
    m.eval()
    ids = torch.randint(0, cfg.vocab_size, (192, 1024), device="cuda")
    print("generating: batch 192, prompt 1024, max_new_tokens 2048", flush=True)
    out = m.generate(input_ids=ids, attention_mask=torch.ones_like(ids), max_new_tokens=2048, min_new_tokens=2048,
                     do_sample=False, pad_token_id=0)
    print(out.shape)


def fragmentation():
    # Many 6 MB tensors share 20 MB segments; freeing two of every three leaves most of the cache free but no segment
    # empty, so nothing can be released and a 2 GiB request fails with most of the card "reserved but unallocated".
    keep, drop = [], []
    try:
        while True:
            for i in range(3):
                t = torch.empty(6 * (1 << 20), dtype=torch.uint8, device="cuda")
                (keep if i == 0 else drop).append(t)
    except torch.cuda.OutOfMemoryError:
        pass
    drop.clear()
    print(f"held {torch.cuda.memory_allocated() / GIB:.2f} GiB in {len(keep)} tensors, reserved "
          f"{torch.cuda.memory_reserved() / GIB:.2f} GiB", flush=True)
    big = torch.empty(2 * GIB, dtype=torch.uint8, device="cuda")


def device_assert():
    # Not an out-of-memory failure: a token id past the embedding table, on the GPU.
    emb = torch.nn.Embedding(32000, 512).cuda()
    ids = torch.tensor([[1, 5, 32000 + 17]], device="cuda")
    print(emb(ids).sum().item())


if __name__ == "__main__":
    globals()[sys.argv[1]]()
