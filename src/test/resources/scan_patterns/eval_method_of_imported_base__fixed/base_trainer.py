# Models: delira-dev/delira@cd3ad27; the fix of eval_method_of_imported_base__bug: evaluates under @torch.no_grad().
import torch


class BaseTrainer:
    def __init__(self, model, loader):
        self.model = model
        self.loader = loader

    @torch.no_grad()
    def eval_batch(self, batch):
        self.model.eval()
        return self.model(batch["x"].cuda())
