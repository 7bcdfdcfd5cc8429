# Models: chenxi116/DeepLabv3.pytorch issue #14 / PR #18, main.py: one function trains in one branch (where a loop
# over the modules calls m.eval() to freeze batch norm) and evaluates in the other after model.eval(); only the
# evaluation loop runs the model with autograd on. Written for oomdoc; the control flow is theirs, the code is ours.
import torch
import torch.nn as nn


def main(args, net, train_loader, val_loader, optimizer, criterion):
    if args.train:
        net.train()
        for m in net.modules():
            if isinstance(m, (nn.BatchNorm2d, nn.SyncBatchNorm)):
                m.eval()
        for epoch in range(args.epochs):
            for images, masks in train_loader:
                logits = net(images.cuda())
                loss = criterion(logits, masks.cuda())
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
    else:
        net.eval()
        hits = 0
        for images, masks in val_loader:
            logits = net(images.cuda())
            hits += (logits.argmax(1).cpu() == masks).sum().item()
        print(hits)
