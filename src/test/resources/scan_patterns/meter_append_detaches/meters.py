# Models: jeromerony/dml_cross_entropy@787e863 utils/metrics.py: a meter whose append detaches what it is given.
# Written for oomdoc; the code is ours.
import torch


class SlotMeter:
    def __init__(self, device, slots):
        self.values = torch.zeros(slots, device=device)
        self.count = 0

    def append(self, value):
        self.values[self.count] = value.detach()
        self.count += 1

    def mean(self):
        return self.values[:self.count].mean()
