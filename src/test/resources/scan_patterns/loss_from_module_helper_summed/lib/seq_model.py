# Models: boschresearch/Continuous-Recurrent-Units lib/CRU.py (the commit in scan_wild/labels.json), lines 348 and
# 353, as loss_from_own_method_summed, with both losses computed by helpers at the module level instead of inline:
# train_epoch() still backpropagates the first and sums both over the epoch as tensors. Written for oomdoc (issue
# 17, scan18); the control flow is the file's, the helpers and names are ours.
import torch
import torch.nn as nn


def gauss_nll(mean, target, var):
    return ((mean - target) ** 2 / var + torch.log(var)).mean()


def squared_gap(mean, target):
    return ((mean - target) ** 2).mean()


class SeqModel(nn.Module):
    def fill_gaps(self, batch, with_grad=True):
        obs, target, times = [t.to(self.dev) for t in batch]
        with torch.set_grad_enabled(with_grad):
            mean, var = self.forward(obs, times)
            loss = gauss_nll(mean, target, var)
            gap_loss = squared_gap(mean, target)
        return loss, mean, gap_loss

    def forecast(self, batch, with_grad=True):
        obs, target, times = [t.to(self.dev) for t in batch]
        with torch.set_grad_enabled(with_grad):
            mean, var = self.forward(obs[:, :-1], times[:, :-1])
            loss = gauss_nll(mean, target[:, 1:], var)
            gap_loss = squared_gap(mean, target[:, 1:])
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
