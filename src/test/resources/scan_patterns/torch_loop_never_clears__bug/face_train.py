# Models: ZhaoJ9014/face.evoLVe paddle/train.py@a9897bd lines 180-192, as a PyTorch loop written by us: the same
# loop with no call that clears the gradients, so they add up over steps.
# Written for oomdoc; the control flow is the file's, the code is ours.
import torch
import torch.nn as nn


def train_epochs(backbone, head, loader, epochs, lr):
    opt = torch.optim.SGD(list(backbone.parameters()) + list(head.parameters()), lr=lr, momentum=0.9)
    criterion = nn.CrossEntropyLoss()
    for _ in range(epochs):
        for images, labels in loader:
            feats = backbone(images)
            logits = head(feats, labels)
            loss = criterion(logits, labels)
            loss.backward()
            opt.step()
