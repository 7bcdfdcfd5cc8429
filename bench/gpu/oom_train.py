"""A full fine-tune whose batch is far too large for the card: out of memory in the first step. On the error it
writes torch.cuda.memory_summary() to the file named by argv[1], then lets the error end the job as usual."""
import sys
import torch
from transformers import AutoModelForCausalLM, LlamaConfig

cfg = LlamaConfig(hidden_size=2048, intermediate_size=8192, num_hidden_layers=16, num_attention_heads=32,
                  num_key_value_heads=8, head_dim=64, vocab_size=128256, tie_word_embeddings=True)
with torch.device("cuda"):
    model = AutoModelForCausalLM.from_config(cfg, attn_implementation="sdpa")
model.train()
opt = torch.optim.AdamW(model.parameters(), lr=2e-5)
print(f"params {sum(p.numel() for p in model.parameters()) / 1e9:.2f}B, batch 32, seq 4096, bf16 autocast",
      flush=True)
for step in range(1, 3):
    ids = torch.randint(0, cfg.vocab_size, (32, 4096), device="cuda")
    try:
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = model(input_ids=ids, labels=ids).loss
        loss.backward()
    except torch.cuda.OutOfMemoryError:
        with open(sys.argv[1], "w") as f:
            f.write(torch.cuda.memory_summary())
        raise
    opt.step()
    opt.zero_grad(set_to_none=True)
    print(f"step {step} loss {loss.item():.4f}", flush=True)
