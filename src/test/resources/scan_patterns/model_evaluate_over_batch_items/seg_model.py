# Models: RollingPlain/SAGE_IVIF@HEAD xdecoder/modeling/architectures/xdecoder_model.py lines 623-690 (scan_wild20b):
# a segmentation model's own evaluate method walks the images of the one batch it is handed, runs its encoder per
# image and collects the masks it returns. Its caller decides about autograd (an evaluator under no_grad, or a
# training loop that trains through the frozen model), and the list lives one call.
# Written for oomdoc; the control flow is the original's, the code is ours.
import torch
from torch import nn


class GroundingSegmenter(nn.Module):
    def __init__(self, encoder, head):
        super().__init__()
        self.encoder = encoder
        self.head = head

    def evaluate_grounding(self, batched_inputs, images):
        masks = []
        for idx, item in enumerate(batched_inputs):
            for phrase in item["phrases"]:
                features = self.encoder(images)
                out = self.head(features, phrase)
                masks += [out["masks"][idx]]
        return masks

    def forward_levels(self, feats):
        levels = []
        for i in range(len(feats)):
            levels.append(self.head.proj(feats[i]))
        return levels
