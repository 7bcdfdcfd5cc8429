# Models: ashawkey/torch-ngp@b6e0804 raymarching/ (scan36): code in the repository's own extension folder stays
# evidence; the split moved to the GPU up front is the pattern the toolkit's copy shows (relatedness.py:61).
import numpy as np
import torch


def fit(features):
    train_x = torch.from_numpy(np.asarray(features)).float().cuda()
    return train_x.mean()
