# Models: facebookresearch/SlowFast#411 (lists kept per batch); loss_appended_by_imported_helper with record() in
# the training script itself: each step's loss goes to a helper of the same file that appends it to a run-long list.
# Written for oomdoc; the code is ours.
import torch


def record(history, value):
    history.append(value)


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
