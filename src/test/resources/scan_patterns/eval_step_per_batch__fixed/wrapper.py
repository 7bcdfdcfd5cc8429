# Models: skorch-dev/skorch PR #219, the fix of issue #218: validation_step() runs its forward under no_grad.
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
        with torch.no_grad():
            pred = self.infer(xb)
            return self.criterion_(pred, yb.to(self.device))

    def fit(self, train_batches, valid_batches, epochs):
        for epoch in range(epochs):
            for xb, yb in train_batches:
                self.train_step(xb, yb)
            for xb, yb in valid_batches:
                self.history.append(float(self.validation_step(xb, yb)))
