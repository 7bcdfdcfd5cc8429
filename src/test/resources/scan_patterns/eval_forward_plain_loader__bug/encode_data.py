# Models: yalesong/pvse issue #30 (GPU memory grows during evaluation), eval.py@874aa16d6b line 34, as
# eval_forward_by_name__bug with the loader named `loader`: model.eval() before the batch loop, not the loader's name,
# says this is evaluation. Written for oomdoc (issue 17, scan18); the control flow is the thread's, the code is ours.
import numpy as np
import torch


def embed_pairs(net, loader, dim):
    net.eval()
    img_rows, txt_rows = [], []
    for pixels, tokens, lengths in loader:
        pixels, tokens = pixels.cuda(), tokens.cuda()
        img_vec, txt_vec = net.forward(pixels, tokens, lengths)
        img_rows.append(img_vec.data.cpu().numpy().copy())
        txt_rows.append(txt_vec.data.cpu().numpy().copy())
    return np.concatenate(img_rows), np.concatenate(txt_rows)
