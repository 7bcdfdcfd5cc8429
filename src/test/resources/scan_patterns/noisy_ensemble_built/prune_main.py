# Models: MingSun-Tse/TPP@a46ae3c main.py lines 893-900: validate() builds an ensemble of weight-perturbed copies of
# the model with a helper imported from its utils (add_noise_to_model(model, std=...), a deepcopy plus noise) and
# appends each copy to a list: modules, not graphs, whatever the helper is called.
# Written for oomdoc; the control flow is the original's, the code is ours.
import torch

from toolbox import perturb_model


def validate(val_loader, model, criterion, copies=0, std=0.01):
    model.eval()
    ensemble = []
    if copies:
        for _ in range(copies):
            noisy = perturb_model(model, std=std)
            ensemble.append(noisy)
    else:
        ensemble.append(model)
    right = 0
    with torch.no_grad():
        for images, target in val_loader:
            votes = sum(member(images.cuda()).softmax(1) for member in ensemble)
            right += (votes.argmax(1) == target.cuda()).sum().item()
    return right
