# Models: yunyunfanfan/LZU_HPC_AI_2025_solution finetune.py (at d162b88): one script for LoRA and QLoRA of
# Llama-3.2-3B-Instruct, rows padded to 512, batch 4 under the Trainer with fp16 on; the 4-bit path calls PEFT's
# prepare_model_for_kbit_training with its defaults, and the Trainer's gradient_checkpointing comes from a flag that
# is off unless passed. The report (report.md at 6be9084) prints the same QLoRA peak with and without that flag.
# Written for oomdoc; the setup is the repository's, the code is ours.
import argparse

import torch
from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
from transformers import AutoModelForCausalLM, BitsAndBytesConfig, Trainer, TrainingArguments

model_name = "meta-llama/Llama-3.2-3B-Instruct"


def build(four_bit):
    quant = None
    if four_bit:
        quant = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
                                   bnb_4bit_compute_dtype=torch.float16)
    model = AutoModelForCausalLM.from_pretrained(model_name, torch_dtype=torch.float16, quantization_config=quant)
    if four_bit:
        model = prepare_model_for_kbit_training(model)
    adapters = LoraConfig(r=8, lora_alpha=16, lora_dropout=0.05, task_type="CAUSAL_LM",
                          target_modules=["q_proj", "k_proj", "v_proj", "o_proj"])
    return get_peft_model(model, adapters)


def main(rows):
    cli = argparse.ArgumentParser()
    cli.add_argument("--four_bit", action="store_true")
    cli.add_argument("--gc", action="store_true")
    args = cli.parse_args()
    settings = TrainingArguments(output_dir="out", per_device_train_batch_size=4, max_length=512, fp16=True,
                                 gradient_checkpointing=False)
    Trainer(model=build(args.four_bit), args=settings, train_dataset=rows).train()
