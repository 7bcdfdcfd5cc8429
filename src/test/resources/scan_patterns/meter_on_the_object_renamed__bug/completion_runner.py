# Models: microsoft/SpareNet issue #12 (runners/sparenet_runner.py@6462ba6840 line 55), the case of
# meter_on_the_object__bug with the two unpacked values named *_err instead of *_loss: what they hold (outputs of
# the network, reduced with autograd on) is the same, so the finding must be too. Written for oomdoc (issue 17,
# scan18); the control flow is the thread's, the names and code are ours.
import torch


class CompletionRunner:
    def __init__(self, net, optimizer, meter):
        self.net = net
        self.optimizer = optimizer
        self.meter = meter

    def complete(self, batch):
        coarse, fine = self.net(batch["partial"])
        coarse_err = (coarse - batch["complete"]).abs().mean()
        fine_err = (fine - batch["complete"]).abs().mean()
        return coarse_err + fine_err, coarse_err, fine_err

    def train_step(self, batch):
        for key, value in batch.items():
            batch[key] = value.float().cuda()
        total, coarse_err, fine_err = self.complete(batch)
        self.net.zero_grad()
        total.backward()
        self.optimizer.step()
        self.meter.update([coarse_err * 1000, fine_err * 1000])
