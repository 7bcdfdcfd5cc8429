# The fix of eval_method_of_imported_base__bug: the base class evaluates under @torch.no_grad(). Written for oomdoc.
import torch


class BaseTrainer:
    def __init__(self, model, loader):
        self.model = model
        self.loader = loader

    @torch.no_grad()
    def eval_batch(self, batch):
        self.model.eval()
        return self.model(batch["x"].cuda())
