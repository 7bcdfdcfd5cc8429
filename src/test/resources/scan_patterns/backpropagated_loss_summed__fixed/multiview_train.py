# Models: ajhamdi/MVTN issue #2, the fix commit of run_mvtn.py: both epoch totals take loss.item(), a number.
# Written for oomdoc; the control flow is the fix's, the code is ours.
import torch


def train_views(nets, loader, criterion, optimizer):
    total_loss = 0.0
    for shapes, targets in loader:
        optimizer.zero_grad()
        outputs = nets["views"](shapes.cuda())
        loss = criterion(outputs, targets.cuda())
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
    return total_loss / len(loader)


def train_rotation(nets, loader, criterion, optimizer):
    total_loss = 0.0
    for shapes, targets in loader:
        optimizer.zero_grad()
        outputs = nets["rotation"](shapes.cuda())
        loss = criterion(outputs, targets.cuda())
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
    return total_loss / len(loader)
