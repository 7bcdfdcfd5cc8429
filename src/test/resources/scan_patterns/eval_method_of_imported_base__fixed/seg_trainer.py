# The subclass of eval_method_of_imported_base__bug: its validation loop calls the base class's eval_batch once per
# batch of the validation loader. Written for oomdoc; the code is ours.
import torch

from base_trainer import BaseTrainer


class SegTrainer(BaseTrainer):
    def validate(self, val_loader):
        scores = []
        for batch in val_loader:
            logits = self.eval_batch(batch)
            scores.append(torch.argmax(logits, 1).eq(batch["y"].cuda()).float().mean().item())
        return sum(scores) / len(scores)
