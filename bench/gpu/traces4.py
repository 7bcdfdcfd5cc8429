"""Two real out-of-memory failures as users of the two most common trainers see them (round 12, issue 12 fixtures).

trainer:   transformers' Trainer, a Llama-3.2-1B shape in fp32 with bf16=True, per-device batch 64 x 2048 tokens.
lightning: Lightning's Trainer, GPT-2 XL's shape with precision="bf16-mixed", batch 96 x 1024 tokens.
Each lets the error end the process as it would in the user's terminal. Usage: python3 traces4.py CASE
"""
import sys

import torch
from transformers import AutoModelForCausalLM, GPT2Config, LlamaConfig


class Tokens(torch.utils.data.Dataset):
    def __init__(self, n, seq, vocab):
        self.n, self.seq, self.vocab = n, seq, vocab

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        ids = torch.randint(0, self.vocab, (self.seq,))
        return {"input_ids": ids, "labels": ids.clone()}


def trainer():
    from transformers import Trainer, TrainingArguments
    cfg = LlamaConfig(hidden_size=2048, intermediate_size=8192, num_hidden_layers=16, num_attention_heads=32,
                      num_key_value_heads=8, head_dim=64, vocab_size=128256, tie_word_embeddings=True)
    model = AutoModelForCausalLM.from_config(cfg, attn_implementation="sdpa")
    args = TrainingArguments(output_dir="/tmp/oomdoc_trainer", per_device_train_batch_size=64, bf16=True,
                             max_steps=2, logging_steps=1, save_strategy="no", report_to=[],
                             dataloader_num_workers=0)
    Trainer(model=model, args=args, train_dataset=Tokens(256, 2048, cfg.vocab_size)).train()


def lightning():
    import lightning as L

    class Lm(L.LightningModule):
        def __init__(self):
            super().__init__()
            self.model = AutoModelForCausalLM.from_config(
                GPT2Config(n_embd=1600, n_layer=48, n_head=25, vocab_size=50257, n_positions=1024))

        def training_step(self, batch, _):
            return self.model(input_ids=batch["input_ids"], labels=batch["labels"]).loss

        def configure_optimizers(self):
            return torch.optim.AdamW(self.parameters(), lr=1e-5)

    data = torch.utils.data.DataLoader(Tokens(384, 1024, 50257), batch_size=96)
    L.Trainer(accelerator="gpu", devices=1, precision="bf16-mixed", max_steps=2, logger=False,
              enable_checkpointing=False).fit(Lm(), data)


if __name__ == "__main__":
    {"trainer": trainer, "lightning": lightning}[sys.argv[1]]()
