# Models: clovaai/deep-text-recognition-benchmark train.py and test.py (round 7 of the wild audit,
# bench/results.md): validation() in test.py has no no_grad of its own; train.py calls it inside one.
# Written for oomdoc; the control flow is the repository's, the code is ours.
import torch

from test import validation


def train(model, loader, valid_loader, opt, loss_fn, steps, every):
    for step, (images, labels) in zip(range(steps), loader):
        preds = model(images.cuda())
        loss = loss_fn(preds, labels.cuda())
        model.zero_grad()
        loss.backward()
        opt.step()
        if step % every == 0:
            model.eval()
            with torch.no_grad():
                valid_loss, accuracy = validation(model, loss_fn, valid_loader)
            model.train()
            print(step, valid_loss, accuracy)
