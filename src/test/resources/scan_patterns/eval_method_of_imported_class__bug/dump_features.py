# Models: namisan/mt-dnn@3228e7c experiments/dump_embedding/extractor.py:302-306 (scan_wild22's missed instance): a
# feature dump loops over a loader and calls extract() of a model class imported from the package; the class's file
# switches to eval and runs the encoder with autograd on. Written for oomdoc; the control flow is the repository's,
# the code is ours.
import torch
from torch.utils.data import DataLoader

from mtl.model import MultiTaskModel


def main(network, dataset, out):
    loader = DataLoader(dataset, batch_size=8)
    model = MultiTaskModel(network)
    for batch in loader:
        layers, _ = model.extract(batch)
        out.append(layers[-1].detach().cpu().numpy())
