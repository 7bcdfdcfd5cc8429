# Models: dvgodoy/PyTorchStepByStep@d837dec stepbystep/v2.py:95-166: the validation step (two arguments, eval mode,
# model run with autograd on) is kept in a variable and run per batch by the mini-batch loop, and train() calls that
# loop for validation under torch.no_grad(): no graph is built. A step with the arity of a per-batch helper's call that
# is never passed by name with autograd on is not reported. Written for oomdoc; the code is ours.
import numpy as np
import torch


class StepTrainer:
    def __init__(self, model, loss_fn, optimizer):
        self.model, self.loss_fn, self.optimizer = model, loss_fn, optimizer
        self.val_step_fn = self._make_val_step_fn()

    def _make_val_step_fn(self):
        def perform_val_step_fn(x, y):
            self.model.eval()
            yhat = self.model(x)
            return self.loss_fn(yhat, y).item()

        return perform_val_step_fn

    def _mini_batch(self, loader, step_fn):
        losses = [step_fn(x, y) for x, y in loader]
        return np.mean(losses)

    def train(self, train_loader, val_loader, train_step_fn, epochs):
        for epoch in range(epochs):
            self._mini_batch(train_loader, train_step_fn)
            with torch.no_grad():
                self._mini_batch(val_loader, self.val_step_fn)
