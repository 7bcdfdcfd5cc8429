# Models: Zhendong-Wang/Diffusion-GAN diffusion-projected-gan/metrics/perceptual_path_length.py@2ca5e7a compute_ppl()
# (scan_wild25's false finding): the sampler module is frozen where it is built, `.eval().requires_grad_(False)` in
# one chain, then run per batch of labels drawn with next(); a frozen module builds no graph.
# Written for oomdoc; the control flow is the file's, the code is ours.
import copy

import torch

from . import label_source


class PathSampler(torch.nn.Module):
    def __init__(self, gen, feats):
        super().__init__()
        self.gen = copy.deepcopy(gen)
        self.feats = copy.deepcopy(feats)

    def forward(self, labels):
        img = self.gen(labels)
        return self.feats(img).square().sum(1)


def path_length(opts, gen, feats, total, batch):
    sampler = PathSampler(gen, feats)
    sampler.eval().requires_grad_(False).to(opts.device)
    labels = label_source.random_labels(opts, batch)
    dist = []
    for first in range(0, total, batch):
        out = sampler(next(labels))
        dist.append(out.clone())
    return torch.cat(dist)[:total].cpu().numpy()
