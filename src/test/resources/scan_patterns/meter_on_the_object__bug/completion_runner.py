# Models: microsoft/SpareNet issue #12, runners/sparenet_runner.py@6462ba6840 line 55: train_step() moves the batch
# to the GPU, backpropagates the total returned by a method of the same runner, and hands the un-detached coarse and
# refine losses to a meter kept on the runner; the base runner's loop calls train_step() once per step, so every
# step's graph stays alive. Written for oomdoc; the control flow is the thread's, the code is ours.
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
        self.meter.update([coarse_loss * 1000, fine_loss * 1000])
