# Models: jeromerony/dml_cross_entropy@787e863 utils/training.py line 45: `train_losses.append(loss)` where
# train_losses is an AverageMeter of utils/metrics.py whose append stores `val.detach()` in a preallocated tensor.
# Written for oomdoc; the control flow is the original's, the code is ours.
import torch

from meters import SlotMeter


def run_epoch(net, loader, criterion, optimizer, schedule):
    net.train()
    device = next(net.parameters()).device
    seen = SlotMeter(device=device, slots=len(loader))
    for images, targets in loader:
        images, targets = images.to(device), targets.to(device)
        scores = net(images)
        loss = criterion(scores, targets).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        schedule.step()
        seen.append(loss)
    return seen.mean()
