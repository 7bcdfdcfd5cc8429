# Models: as791/ZOO_Attack_PyTorch@d7204ee setup_cifar10_model.py:45-70, with the autograd context chosen per phase
# and kept in a variable (a form of the fix the torchvision tutorial writes as set_grad_enabled): the validation phase
# runs under no_grad, so nothing is reported. Written for oomdoc after a dev check of the phase-loop rule; the code is
# ours.
import torch


def fit(model, loaders, optimizer, criterion, epochs):
    for epoch in range(epochs):
        for phase in ("train", "val"):
            grad_context = torch.enable_grad() if phase == "train" else torch.no_grad()
            for images, labels in loaders[phase]:
                with grad_context:
                    logits = model(images)
                    loss = criterion(logits, labels)
                if phase == "train":
                    optimizer.zero_grad()
                    loss.backward()
                    optimizer.step()
