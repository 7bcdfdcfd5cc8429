# Models: yxli2123/LoftQ@ae33fd4 glue/run_glue.py:247-381 (scan37, choose half: two false torch_load_no_map_location)
# A one-process fine-tune: its multi-process launcher was commented out and the model moved to one device by hand,
# so the checkpoint read without a target device is read by one process only.
import argparse

import torch
from transformers import AutoModelForSequenceClassification


def parse():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--adapters", required=True)
    return p.parse_args()


def main():
    args = parse()
    # launcher = Accelerator(log_with="tensorboard") if args.track else Accelerator()
    # launcher.wait_for_everyone()
    device = torch.device("cuda")
    net = AutoModelForSequenceClassification.from_pretrained(args.base)
    weights = torch.load(args.adapters)
    net.load_state_dict(weights, strict=False)
    net = net.to(device)
    return net


if __name__ == "__main__":
    main()
