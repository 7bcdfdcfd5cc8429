# Models: SeanNaren/deepspeech.pytorch deepspeech_pytorch/model.py (scan_dev2/labels.json): a file of module
# definitions only, with no loop, no backward and no evaluation; the default rules' prefilter skips it.
# Written for oomdoc; the shape is the file's, the code is ours.
import torch.nn as nn


class PerStep(nn.Module):
    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def forward(self, x):
        t, n = x.size(0), x.size(1)
        y = self.inner(x.view(t * n, -1))
        return y.view(t, n, -1)


class ConvFrontEnd(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(1, channels, 3, padding=1), nn.BatchNorm2d(channels), nn.Hardtanh(0, 20))

    def forward(self, spec, lens):
        return self.conv(spec), lens
