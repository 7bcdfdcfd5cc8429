# Models: DAIRLab/dair_pll@523d372 dair_pll/experiment.py:757 (scan_wild20's instance I2): the evaluation loop over
# the validation batches calls a loss helper, which calls a prediction helper, which runs the model: the forward is
# two calls below the loop, with autograd on. Written for oomdoc; the control flow is the file's, the code is ours.
import torch


class DynamicsExperiment:
    def predict_batch(self, states):
        return self.model(states)

    def prediction_loss(self, states, targets):
        predicted = self.predict_batch(states)
        return self.criterion(predicted, targets)

    def train_epoch(self, loader):
        for states, targets in loader:
            self.optimizer.zero_grad()
            loss = self.criterion(self.model(states), targets)
            loss.backward()
            self.optimizer.step()

    def evaluate(self, loader):
        self.model.eval()
        losses = []
        for states, targets in loader:
            losses.append(self.prediction_loss(states, targets).item())
        self.model.train()
        return sum(losses) / len(losses)
