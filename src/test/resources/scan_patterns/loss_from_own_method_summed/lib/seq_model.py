# Models: boschresearch/Continuous-Recurrent-Units lib/CRU.py (the commit in scan_wild/labels.json), lines 348 and
# 353: train_epoch() gets the loss and the imputation loss as a tuple from a method of the same class, chosen by an
# if/elif chain on the task; each method computes them from self.forward() under torch.set_grad_enabled(flag). Both
# are then summed over the epoch as tensors. Written for oomdoc; the control flow is the file's, the code is ours.
import torch
import torch.nn as nn


class SeqModel(nn.Module):
    def fill_gaps(self, batch, with_grad=True):
        obs, target, times = [t.to(self.dev) for t in batch]
        with torch.set_grad_enabled(with_grad):
            mean, var = self.forward(obs, times)
            loss = ((mean - target) ** 2 / var + torch.log(var)).mean()
            gap_loss = ((mean - target) ** 2 / var).mean()
        return loss, mean, gap_loss

    def forecast(self, batch, with_grad=True):
        obs, target, times = [t.to(self.dev) for t in batch]
        with torch.set_grad_enabled(with_grad):
            mean, var = self.forward(obs[:, :-1], times[:, :-1])
            loss = ((mean - target[:, 1:]) ** 2 / var + torch.log(var)).mean()
            gap_loss = ((mean - target[:, 1:]) ** 2).mean()
        return loss, mean, gap_loss

    def train_epoch(self, loader, optimizer):
        epoch_nll = 0
        epoch_gap = 0
        for i, batch in enumerate(loader):
            if self.task == "fill":
                loss, mean, gap_loss = self.fill_gaps(batch)
            elif self.task == "forecast":
                loss, mean, gap_loss = self.forecast(batch)
            else:
                raise ValueError(self.task)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            epoch_nll += loss
            epoch_gap += gap_loss
        return epoch_nll / (i + 1), epoch_gap / (i + 1)
