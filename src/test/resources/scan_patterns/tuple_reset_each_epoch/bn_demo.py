# Models: MorvanZhou/PyTorch-Tutorial tutorial-contents/504_batch_normalization.py (the commit in
# scan_wild/labels.json): the lists that collect a layer's inputs are reset together by one tuple assignment
# (`a, b = [], []`) at the top of every epoch. Written for oomdoc; the control flow is the file's, the code is ours.
import torch


def run(nets, loader, opts, loss_fn, epochs):
    for epoch in range(epochs):
        layer_ins, pre_acts = [], []
        for net in nets:
            net.eval()
            pred, layers, acts = net(loader.test_x)
            layer_ins.append(layers)
            pre_acts.append(acts)
            net.train()
        for x, y in loader:
            for net, opt in zip(nets, opts):
                pred, _, _ = net(x)
                loss = loss_fn(pred, y)
                opt.zero_grad()
                loss.backward()
                opt.step()
