# Models: ZhaoJ9014/face.evoLVe paddle/train.py@a9897bd lines 180-192 (scan_wild25b's false missing_zero_grad):
# a Paddle training loop clears its gradients with the optimizer's clear_grad(), not zero_grad(); a comment
# links the torchvision docs (https://pytorch.org/docs/stable/torchvision/transforms.html), as the real file does.
# Written for oomdoc; the control flow is the file's, the code is ours.
import paddle
import paddle.nn as nn


def train_epochs(backbone, head, loader, epochs, lr):
    opt = paddle.optimizer.Momentum(learning_rate=lr, parameters=backbone.parameters() + head.parameters())
    criterion = nn.CrossEntropyLoss()
    for _ in range(epochs):
        for images, labels in loader:
            feats = backbone(images)
            logits = head(feats, labels)
            loss = criterion(logits, labels)
            opt.clear_grad()
            loss.backward()
            opt.step()
