# Models: princeton-nlp/SimCSE@49fa580 SentEval/senteval/tools/relatedness.py:59-67 (scan36, choose half): the
# toolkit fits a small head on precomputed features and puts every split on the GPU before the epochs.
import torch
from torch import nn


class Regressor:
    def __init__(self, dim):
        self.model = nn.Linear(dim, 5).cuda()

    def prepare_data(self, train_x, train_y, dev_x, dev_y, test_x, test_y):
        train_x = torch.from_numpy(train_x).float().cuda()
        train_y = torch.from_numpy(train_y).float().cuda()
        dev_x = torch.from_numpy(dev_x).float().cuda()
        test_x = torch.from_numpy(test_x).float().cuda()
        return train_x, train_y, dev_x, dev_y, test_x, test_y

    def fit(self, *splits):
        train_x, train_y, dev_x, dev_y, test_x, test_y = self.prepare_data(*splits)
        return self.model(test_x)
