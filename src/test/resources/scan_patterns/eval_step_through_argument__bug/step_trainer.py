# Models: dvgodoy/PyTorchStepByStep@d837dec stepbystep/v2.py:378-416 (scan_wild20c's instances C6-C8): correct()
# switches the model to eval mode and runs it with autograd on; loader_apply(loader, func) calls the function it is
# given on every batch of a loader, and the book passes it `sbs.correct` (validation_accuracy here). Written for
# oomdoc; the control flow is the file's, the code is ours.
import numpy as np
import torch


class StepTrainer:
    def train_step(self, x, y):
        self.model.train()
        loss = self.loss_fn(self.model(x), y)
        loss.backward()
        self.optimizer.step()
        self.optimizer.zero_grad()
        return loss.item()

    def predict(self, x):
        self.model.eval()
        yhat = self.model(torch.as_tensor(x).to(self.device))
        self.model.train()
        return yhat.detach().cpu().numpy()

    def correct(self, x, y, threshold=0.5):
        self.model.eval()
        yhat = self.model(x.to(self.device))
        self.model.train()
        predicted = torch.argmax(yhat, 1)
        return [(predicted == y.to(self.device)).sum().item(), len(y)]

    @staticmethod
    def loader_apply(loader, func, reduce="sum"):
        results = [func(x, y) for i, (x, y) in enumerate(loader)]
        results = torch.tensor(results)
        return results.sum(axis=0) if reduce == "sum" else results.float().mean(axis=0)


def validation_accuracy(trainer, loader):
    correct, total = StepTrainer.loader_apply(loader, trainer.correct)
    return correct / total
