# Models: isl-org/DeepLagrangianFluids@d651c6f scripts/evaluate_network.py (eval_checkpoint, lines 253-297): the
# evaluation loops run without torch.no_grad(), but the caller restores a Keras model for the TensorFlow one and
# freezes the torch model with requires_grad_(False) before the torch one, so neither builds a torch graph.
# Written for oomdoc; the control flow is the original's, the code is ours.
import numpy as np


def evaluate_tf(model, frames, skip):
    errors = []
    for frame in frames[::skip]:
        predicted = model(frame["inputs"])
        errors.append(np.abs(predicted.numpy() - frame["target"]).mean())
    return float(np.mean(errors))


def evaluate_torch(model, frames, skip, device):
    errors = []
    for frame in frames[::skip]:
        predicted = model(frame["inputs"].to(device))
        errors.append((predicted.cpu() - frame["target"]).abs().mean().item())
    return float(np.mean(errors))


def score_checkpoint(path, frames, options, build):
    if path.endswith(".h5"):
        import tensorflow as tf

        model = build()
        model.load_weights(path, by_name=True)
        return evaluate_tf(model, frames, options.skip)
    import torch

    model = build()
    model.load_state_dict(torch.load(path, map_location="cpu"))
    model.to(options.device)
    model.requires_grad_(False)
    return evaluate_torch(model, frames, options.skip, options.device)
