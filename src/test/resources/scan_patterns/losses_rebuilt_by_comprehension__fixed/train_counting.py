# Models: jerpelhan/DAVE@8aeeb9c train_det.py lines 185-235 (issue #11), fixed: each term is detached before it is
# added to the rebuilt totals.
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
        totals = {name: totals[name] + terms[name].detach() * image.size(0) for name in totals}
    return {name: value / len(loader.dataset) for name, value in totals.items()}
