# Models: zphang/minimal-llama@22a6bd9 minimal_llama/hyper/generate_qlora_hf.py:168-196 (scan36), with the model
# itself run on each prompt: the same loop, now scoring every prompt by a forward pass that keeps autograd on.
import json
import sys

import torch
from transformers import AutoTokenizer, LlamaForCausalLM


def load_rows(path):
    with open(path) as f:
        return [json.loads(line) for line in f]


def inference(model_path, rows_path):
    model = LlamaForCausalLM.from_pretrained(model_path, torch_dtype=torch.float16).cuda()
    tokenizer = AutoTokenizer.from_pretrained(model_path, use_fast=False)
    scores = []
    for row in load_rows(rows_path):
        ids = tokenizer(row["prompt"], return_tensors="pt").input_ids.cuda()
        logits = model(input_ids=ids).logits
        scores.append(logits[0, -1].float().log_softmax(-1).max().item())
    return scores


if __name__ == "__main__":
    print(inference(sys.argv[1], sys.argv[2]))
