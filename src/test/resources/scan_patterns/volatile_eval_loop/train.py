# Models: facebookarchive/loop issue #57 (out of memory in the validation step), train.py@1129755 line 157 (scan_dev
# case03): evaluate() relies on the pre-0.4 Variable(volatile=True), which PyTorch 0.4 ignores, and runs the model
# with autograd on; the training loop clears gradients only at the start of each truncated-BPTT sequence (a choice,
# not a bug). The argparse default batch size is 64. Written for oomdoc; the control flow is the file's, the code
# is ours.
import argparse

import torch
from torch.autograd import Variable

parser = argparse.ArgumentParser(description="speech synthesis with truncated BPTT")
parser.add_argument("--batch-size", type=int, default=64, help="batch size")
parser.add_argument("--epochs", type=int, default=92, help="number of epochs")
parser.add_argument("--seq-len", type=int, default=100, help="tbptt chunk length")
args = parser.parse_args()


def as_var(x, volatile=False):
    return Variable(x.cuda(), volatile=volatile)


def train(model, criterion, optimizer, loader):
    model.train()
    for text, frames, speaker in loader:
        seq_total = 0
        for t, f, s, first in chunks(text, frames, speaker, args.seq_len):
            if first:
                optimizer.zero_grad()
            out, _ = model([as_var(t), as_var(s)], as_var(f), first)
            loss = criterion(out, as_var(f))
            loss.backward()
            optimizer.step()
            seq_total += loss.item()
        print(seq_total)


def evaluate(model, criterion, loader):
    total = 0
    for text, frames, speaker in loader:
        inp = as_var(text, volatile=True)
        target = as_var(frames, volatile=True)
        out, _ = model([inp, as_var(speaker, volatile=True)], target)
        total += criterion(out, target).item()
    return total / len(loader)


def main(model, criterion, optimizer, train_loader, valid_loader):
    for epoch in range(args.epochs):
        train(model, criterion, optimizer, train_loader)
        evaluate(model, criterion, valid_loader)
