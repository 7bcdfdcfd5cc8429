"""An evaluation loop without torch.no_grad() that sums the loss tensor (val_loss += loss, not loss.item()):
each batch's whole autograd graph, activations included, stays alive through the sum, so allocated memory climbs
batch after batch until the card is full. Prints what people print."""
import torch
from transformers import AutoModelForCausalLM, Qwen2Config

cfg = Qwen2Config(hidden_size=896, intermediate_size=4864, num_hidden_layers=24, num_attention_heads=14,
                  num_key_value_heads=2, vocab_size=151936, tie_word_embeddings=True)
with torch.device("cuda"):
    model = AutoModelForCausalLM.from_config(cfg, attn_implementation="sdpa")
model.eval()
val_loss = 0
for i in range(1, 200):
    ids = torch.randint(0, cfg.vocab_size, (4, 512), device="cuda")
    with torch.autocast("cuda", dtype=torch.bfloat16):
        loss = model(input_ids=ids, labels=ids).loss
    val_loss += loss
    print(f"eval batch {i} loss {loss.item():.4f} allocated {torch.cuda.memory_allocated() / 2**30:.2f} GiB "
          f"reserved {torch.cuda.memory_reserved() / 2**30:.2f} GiB", flush=True)
print(f"val loss {(val_loss / i).item():.4f}")
