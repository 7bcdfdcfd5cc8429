# Models: microsoft/SpareNet issue #12, the fix of runners/sparenet_runner.py line 55: the meter gets numbers,
# .item() of each loss, so no graph outlives its step.
# Written for oomdoc; the control flow is the fix's, the code is ours.
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
        for key, value in batch.items():
            batch[key] = value.float().cuda()
        total, coarse_loss, fine_loss = self.complete(batch)
        self.net.zero_grad()
        total.backward()
        self.optimizer.step()
        self.meter.update([coarse_loss.item() * 1000, fine_loss.item() * 1000])
