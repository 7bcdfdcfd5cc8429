# Models: dmlc/dgl#5302 (total_loss += loss); the epoch loop of loss_summed_from_imported_step__bug: it sums what
# train_step() (engine.py) returns, a loss tensor with its graph: every step's graph stays reachable from total_loss.
from engine import train_step


def run_epoch(model, loader, criterion, optimizer):
    total_loss = 0
    for batch in loader:
        loss = train_step(model, batch, criterion, optimizer)
        total_loss += loss
    return total_loss / len(loader)
