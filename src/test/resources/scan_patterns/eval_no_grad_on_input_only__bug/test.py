# Models: xiaoyufenfei/Efficient-Segmentation-Networks@0f0c32e test.py lines 37-70 (PR #5, "make torch.no_grad
# effective"): the test loop opens a torch.no_grad() block for moving the input only; the model runs after the block.
# Written for oomdoc; the control flow is the original's, the code is ours.
import numpy as np
import torch


def score_split(loader, net):
    net.eval()
    pairs = []
    for step, (image, mask, shape, stem) in enumerate(loader):
        with torch.no_grad():
            image = image.cuda()
        logits = net(image)
        guess = logits.cpu().data[0].numpy().argmax(axis=0)
        pairs.append((np.asarray(mask[0]).ravel(), guess.ravel()))
    return pairs
