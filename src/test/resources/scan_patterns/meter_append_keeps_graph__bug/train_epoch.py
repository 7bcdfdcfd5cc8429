# Models: jeromerony/dml_cross_entropy@787e863 utils/training.py line 45, with a meter that does not detach: the
# same loop keeps every step's graph when the meter's append stores the tensor as it comes (defined in this file).
# Written for oomdoc; the control flow is the original's, the meter is ours.
import torch


class ListMeter:
    def __init__(self):
        self.values = []

    def append(self, value):
        self.values.append(value)

    def mean(self):
        return sum(self.values) / len(self.values)


def run_epoch(net, loader, criterion, optimizer):
    net.train()
    seen = ListMeter()
    for images, targets in loader:
        scores = net(images.cuda())
        loss = criterion(scores, targets.cuda()).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        seen.append(loss)
    return seen.mean()
