# Models: as791/ZOO_Attack_PyTorch@d7204ee setup_cifar10_model.py:54 (scan_wild20c's instance C1): one loop over the
# phases ('train', 'val') runs the model on every batch of both loaders; the backward and the optimizer step run only
# under `if phase == 'train'`, so every validation batch builds a graph nobody frees by a backward.
# Written for oomdoc; the control flow is the file's, the code is ours.
# Fixed here: autograd on only in the training phase, as the torchvision tutorial writes it.
import torch


def fit(model, loaders, optimizer, criterion, epochs):
    history = []
    for epoch in range(epochs):
        totals = {"train": 0.0, "val": 0.0}
        for phase in ("train", "val"):
            for images, labels in loaders[phase]:
                with torch.set_grad_enabled(phase == "train"):
                    logits = model(images)
                    loss = criterion(logits, labels)
                if phase == "train":
                    optimizer.zero_grad()
                    loss.backward()
                    optimizer.step()
                totals[phase] += loss.item()
        history.append(totals)
    return history
