# Models: skorch-dev/skorch issue #218 (OOM in validation; PR #219 wraps the step in no_grad), skorch/net.py:
# validation_step() has no loop of its own; it puts the module in eval mode and calls self.infer(), whose
# self.module_(x) is the forward, and fit() calls the step once per validation batch.
# Written for oomdoc; the control flow is the thread's, the code is ours.
import torch


class Wrapper:
    def infer(self, x):
        x = x.to(self.device)
        return self.module_(x)

    def train_step(self, xb, yb):
        self.module_.train()
        self.optimizer_.zero_grad()
        loss = self.criterion_(self.infer(xb), yb.to(self.device))
        loss.backward()
        self.optimizer_.step()
        return loss.item()

    def validation_step(self, xb, yb):
        self.module_.eval()
        pred = self.infer(xb)
        return self.criterion_(pred, yb.to(self.device))

    def fit(self, train_batches, valid_batches, epochs):
        for epoch in range(epochs):
            for xb, yb in train_batches:
                self.train_step(xb, yb)
            for xb, yb in valid_batches:
                self.history.append(float(self.validation_step(xb, yb)))
