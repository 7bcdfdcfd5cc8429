# Models: DAIRLab/dair_pll@523d372 dair_pll/experiment.py lines 332-363 and 597-598: one epoch function takes gradient
# steps only when an optimizer is given; before training it is called without one to measure the starting loss, so
# every batch of that pass runs the loss with autograd on and never backpropagates it.
# Written for oomdoc; the control flow is the original's, the code is ours.
import torch


class SystemExperiment:
    def epoch(self, loader, system, optimizer=None):
        seen = []
        for past, future in loader:
            if optimizer is not None:
                optimizer.zero_grad()
            loss = self.rollout_loss(past, future, system)
            seen.append(loss.detach())
            if optimizer is not None:
                loss.backward()
                optimizer.step()
        return sum(seen) / len(seen)

    def fit(self, loader, system, optimizer, epochs):
        system.eval()
        start = self.epoch(loader, system)
        for _ in range(epochs):
            system.train()
            self.epoch(loader, system, optimizer)
        return start
