# Models: isl-org/DeepLagrangianFluids@d651c6f scripts/evaluate_network.py (eval_checkpoint, lines 253-297) with the
# torch model left trainable (no requires_grad_(False) before the call): the torch evaluation then builds a graph per
# frame; the Keras one still builds none.
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
    return evaluate_torch(model, frames, options.skip, options.device)
