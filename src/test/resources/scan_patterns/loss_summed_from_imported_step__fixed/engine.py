# Models: dmlc/dgl#5302; the fix of loss_summed_from_imported_step__bug: train_step() returns a number. Ours.
def compute_loss(model, batch, criterion):
    logits = model(batch["x"].cuda())
    return criterion(logits, batch["y"].cuda())


def train_step(model, batch, criterion, optimizer):
    optimizer.zero_grad()
    loss = compute_loss(model, batch, criterion)
    loss.backward()
    optimizer.step()
    return loss.item()
