"""A training loop that keeps every step's graph alive (total_loss += loss, the loss tensor itself, not
loss.item()), so allocated memory climbs each step until the card is full. Prints what people print."""
import subprocess
import sys
import torch
from transformers import AutoModelForCausalLM, Qwen2Config

cfg = Qwen2Config(hidden_size=896, intermediate_size=4864, num_hidden_layers=24, num_attention_heads=14,
                  num_key_value_heads=2, vocab_size=151936, tie_word_embeddings=True)
with torch.device("cuda"):
    model = AutoModelForCausalLM.from_config(cfg, attn_implementation="sdpa")
model.train()
opt = torch.optim.AdamW(model.parameters(), lr=1e-5)
total_loss = 0
for step in range(1, 400):
    ids = torch.randint(0, cfg.vocab_size, (8, 1024), device="cuda")
    with torch.autocast("cuda", dtype=torch.bfloat16):
        loss = model(input_ids=ids, labels=ids).loss
    loss.backward()
    opt.step()
    opt.zero_grad(set_to_none=True)
    total_loss += loss
    print(f"step {step} loss {loss.item():.4f} avg {(total_loss / step).item():.4f} "
          f"allocated {torch.cuda.memory_allocated() / 2**30:.2f} GiB "
          f"reserved {torch.cuda.memory_reserved() / 2**30:.2f} GiB", flush=True)
    if step == 6 and len(sys.argv) > 1:
        for args, name in ((["nvidia-smi"], "smi_plain.txt"),
                           (["nvidia-smi", "--query-gpu=index,name,memory.total,memory.used,memory.free,"
                             "utilization.gpu,driver_version", "--format=csv"], "smi_query_gpu.csv"),
                           (["nvidia-smi", "--query-compute-apps=pid,process_name,used_memory",
                             "--format=csv"], "smi_apps.csv"),
                           (["nvidia-smi", "-q", "-d", "MEMORY"], "smi_q_memory.txt")):
            with open(f"{sys.argv[1]}/{name}", "w") as f:
                subprocess.run(args, stdout=f, stderr=subprocess.STDOUT, timeout=20)
