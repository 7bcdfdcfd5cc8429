# Models: IDEA-Research/DAB-DETR issue #58, engine.py@7989945 line 84: train_one_epoch() clears the optimizer only
# in its AMP branch, before scaler.scale(losses).backward(); the other branch runs losses.backward() and
# optimizer.step() with nothing cleared. Written for oomdoc; the control flow is the thread's, the code is ours.
import torch


def train_one_epoch(model, criterion, loader, optimizer, scaler, use_amp, max_norm):
    model.train()
    for samples, targets in loader:
        samples = samples.cuda()
        with torch.cuda.amp.autocast(enabled=use_amp):
            outputs = model(samples)
            loss_terms = criterion(outputs, targets)
            losses = sum(loss_terms.values())
        if use_amp:
            optimizer.zero_grad()
            scaler.scale(losses).backward()  # the AMP path clears first
            scaler.step(optimizer)
            scaler.update()
        else:
            losses.backward()
            if max_norm > 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=max_norm)
            optimizer.step()
