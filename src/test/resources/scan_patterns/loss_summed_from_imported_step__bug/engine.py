# Models: dmlc/dgl#5302 (total_loss += loss), the loop split in two as issue 17 names (the sum two calls away):
# train_step() runs the model through compute_loss() and returns the loss tensor.
# Written for oomdoc; the code is ours.
def compute_loss(model, batch, criterion):
    logits = model(batch["x"].cuda())
    return criterion(logits, batch["y"].cuda())


def train_step(model, batch, criterion, optimizer):
    optimizer.zero_grad()
    loss = compute_loss(model, batch, criterion)
    loss.backward()
    optimizer.step()
    return loss
