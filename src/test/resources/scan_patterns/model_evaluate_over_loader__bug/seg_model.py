# Models: RollingPlain/SAGE_IVIF@HEAD xdecoder/modeling/architectures/xdecoder_model.py, changed into the counterpart
# of model_evaluate_over_batch_items: the model's own evaluate method walks a loader it is handed, so each iteration
# is a batch, and nothing turns autograd off.
# Written for oomdoc; the control flow is ours.
import torch
from torch import nn


class GroundingSegmenter(nn.Module):
    def __init__(self, encoder, head):
        super().__init__()
        self.encoder = encoder
        self.head = head

    def evaluate(self, loader):
        self.eval()
        right = 0
        for images, labels in loader:
            scores = self.head(self.encoder(images))
            right += (scores.argmax(1) == labels).sum().item()
        return right
