# Models: facebookresearch/SlowFast#411 (lists kept per batch); the training loop of loss_appended_by_imported_helper,
# where each step's loss goes to record(), imported from meters.py, which appends it to a run-long list. Ours.
import torch

from meters import record


def train(model, loader, criterion, epochs):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    history = []
    for epoch in range(epochs):
        for images, masks in loader:
            optimizer.zero_grad()
            loss = criterion(model(images.cuda()), masks.cuda())
            loss.backward()
            optimizer.step()
            record(history, loss)
    print("mean loss", sum(float(h) for h in history) / len(history))
