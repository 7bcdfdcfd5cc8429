# The fix of eval_method_of_imported_class__bug: the feature dump runs under torch.no_grad(). Written for oomdoc.
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
