# Models: benedekrozemberczki/SimGNN src/utils.py@be3ee61 calculate_loss(), our variant: the helper keeps the values
# as tensors, so its result carries the prediction's graph.
# Written for oomdoc; the control flow is the file's, the code is ours.
import torch


def squared_log_loss(prediction, target):
    prediction = -torch.log(prediction)
    target = -torch.log(target)
    gap = (prediction - target) ** 2
    return gap
