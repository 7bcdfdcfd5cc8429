"""Allocator history of three real training steps of a small GPT-2, dumped as torch.cuda.memory._dump_snapshot
writes it; then an allocation larger than the card, with the history still on, dumped again after the error."""
import sys
import torch
from transformers import AutoModelForCausalLM, GPT2Config

out = sys.argv[1]
torch.cuda.memory._record_memory_history(max_entries=20000)
cfg = GPT2Config(n_embd=768, n_layer=12, n_head=12, vocab_size=50257, n_positions=1024)
with torch.device("cuda"):
    model = AutoModelForCausalLM.from_config(cfg, attn_implementation="sdpa")
model.train()
opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
for step in range(3):
    ids = torch.randint(0, cfg.vocab_size, (8, 512), device="cuda")
    loss = model(input_ids=ids, labels=ids).loss
    loss.backward()
    opt.step()
    opt.zero_grad(set_to_none=True)
torch.cuda.synchronize()
torch.cuda.memory._dump_snapshot(f"{out}/gpt2_train_3_steps.pickle")
keep = [torch.empty(20 * 2**30, dtype=torch.uint8, device="cuda") for _ in range(5)]
try:
    big = torch.empty(200 * 2**30, dtype=torch.uint8, device="cuda")
except torch.cuda.OutOfMemoryError as e:
    with open(f"{out}/snap_oom_message.txt", "w") as f:
        f.write(str(e))
torch.cuda.memory._dump_snapshot(f"{out}/gpt2_then_oom.pickle")
torch.cuda.memory._record_memory_history(enabled=None)
print("ok", flush=True)
