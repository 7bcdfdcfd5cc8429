# Models: microsoft/SpareNet issue #12 (runners/sparenet_runner.py@6462ba6840 line 55), the case of
# meter_on_the_object__bug with the batch already on the GPU (no loop that moves it): the file then holds no loop at
# all, since the loop over steps is the base runner's, yet the meter on the runner still keeps every step's graph.
# Written for oomdoc (issue 17, scan18); the control flow is the thread's, the code is ours.
import torch


class CompletionRunner:
    def __init__(self, net, optimizer, meter):
        self.net = net
        self.optimizer = optimizer
        self.meter = meter

    def complete(self, batch):
        coarse, fine = self.net(batch["partial"])
        coarse_loss = (coarse - batch["complete"]).abs().mean()
        fine_loss = (fine - batch["complete"]).abs().mean()
        return coarse_loss + fine_loss, coarse_loss, fine_loss

    def train_step(self, batch):
        total, coarse_loss, fine_loss = self.complete(batch)
        self.net.zero_grad()
        total.backward()
        self.optimizer.step()
        self.meter.update([coarse_loss * 1000, fine_loss * 1000])
