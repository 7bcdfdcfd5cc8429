# Models: ajhamdi/MVTN issue #2, run_mvtn.py lines 219 and 319: in both training functions the loss of the
# multi-view network is backpropagated and then added to an epoch total as a tensor (the fix adds .item() to both).
# Written for oomdoc; the control flow is the thread's, the code is ours.
import torch


def train_views(nets, loader, criterion, optimizer):
    total_loss = 0.0
    for shapes, targets in loader:
        optimizer.zero_grad()
        outputs = nets["views"](shapes.cuda())
        loss = criterion(outputs, targets.cuda())
        loss.backward()
        optimizer.step()
        total_loss += loss
    return total_loss / len(loader)


def train_rotation(nets, loader, criterion, optimizer):
    total_loss = 0.0
    for shapes, targets in loader:
        optimizer.zero_grad()
        outputs = nets["rotation"](shapes.cuda())
        loss = criterion(outputs, targets.cuda())
        loss.backward()
        optimizer.step()
        total_loss += loss
    return total_loss / len(loader)
