# Models: namisan/mt-dnn@3228e7c extractor.py:302-306; the fix of the bug case: the dump runs under torch.no_grad().
import torch
from torch.utils.data import DataLoader

from mtl.model import MultiTaskModel


def main(network, dataset, out):
    loader = DataLoader(dataset, batch_size=8)
    model = MultiTaskModel(network)
    with torch.no_grad():
        for batch in loader:
            layers, _ = model.extract(batch)
            out.append(layers[-1].detach().cpu().numpy())
