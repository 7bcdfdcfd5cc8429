# Models: zphang/minimal-llama@22a6bd9 minimal_llama/hyper/generate_qlora_hf.py:168-196 (scan36, choose half)
# inference() answers prompts one at a time: the tokenizer turns text into ids and generate() switches autograd
# off by itself, so nothing in the loop keeps a graph.
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
    answers = []
    for row in load_rows(rows_path):
        ids = tokenizer(row["prompt"], return_tensors="pt").input_ids
        out = model.generate(input_ids=ids.cuda(), max_new_tokens=64)
        answers.append(tokenizer.decode(out[0]))
    return answers


if __name__ == "__main__":
    print(inference(sys.argv[1], sys.argv[2]))
