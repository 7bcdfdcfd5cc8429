# Models: clovaai/deep-text-recognition-benchmark test.py (see train.py beside it): the evaluation loop, whose
# only caller runs it under torch.no_grad(). Written for oomdoc; the control flow is the repository's, the code is ours.
import torch


def validation(model, loss_fn, loader):
    seen = 0
    right = 0
    loss_sum = 0.0
    for images, labels in loader:
        preds = model(images.cuda())
        loss_sum += loss_fn(preds, labels.cuda()).item()
        right += (preds.argmax(-1).cpu() == labels).sum().item()
        seen += labels.numel()
    return loss_sum / max(seen, 1), right / max(seen, 1)
