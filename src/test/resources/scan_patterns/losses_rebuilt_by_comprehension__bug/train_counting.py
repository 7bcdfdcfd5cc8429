# Models: jerpelhan/DAVE@8aeeb9c train_det.py lines 185-235 (issue #11, training memory leak): the per-term epoch
# totals are a dict rebuilt by a comprehension every step from the loss terms, which still hold their graphs.
# Written for oomdoc; the control flow is the original's, the code is ours.
import torch


def run_epoch(model, criterion, optimizer, loader, device):
    totals = {name: torch.tensor(0.0, device=device) for name in criterion.terms}
    model.train()
    for image, boxes, density in loader:
        optimizer.zero_grad()
        pred = model(image.to(device), boxes.to(device))
        terms = criterion(pred, density.to(device))
        loss = sum(terms.values())
        loss.backward()
        optimizer.step()
        totals = {name: totals[name] + terms[name] * image.size(0) for name in totals}
    return {name: value / len(loader.dataset) for name, value in totals.items()}
