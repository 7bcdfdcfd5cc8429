# Models: yalesong/pvse issue #30 (GPU memory grows during evaluation), eval.py@874aa16d6b line 34: after
# model.eval() the batch loop calls the network's forward by name with autograd on.
# Written for oomdoc; the control flow is the thread's, the code is ours.
import numpy as np
import torch


def embed_pairs(net, val_loader, dim):
    net.eval()
    img_rows, txt_rows = [], []
    for pixels, tokens, lengths in val_loader:
        pixels, tokens = pixels.cuda(), tokens.cuda()
        img_vec, txt_vec = net.forward(pixels, tokens, lengths)
        img_rows.append(img_vec.data.cpu().numpy().copy())
        txt_rows.append(txt_vec.data.cpu().numpy().copy())
    return np.concatenate(img_rows), np.concatenate(txt_rows)
