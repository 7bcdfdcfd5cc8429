# Models: salesforce/ALBEF Retrieval.py@b9727e4 lines 299-348 (scan_wild33's false empty_cache_in_loop, choose half):
# the epoch loop calls a train() function that holds the batch loop, evaluates, steps the scheduler once, waits at a
# barrier and empties the cache once per epoch. No inner loop of the epoch loop does the steps, so only the loop's own
# name says it runs once per epoch.
# Written for oomdoc; the control flow is the file's, the code is ours.
import torch
import torch.distributed as dist


def train(model, loader, optimizer):
    for images, texts in loader:
        loss = model(images, texts)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def main(model, loader, optimizer, scheduler, max_epoch):
    for epoch in range(0, max_epoch):
        train(model, loader, optimizer)
        scheduler.step(epoch + 1)
        dist.barrier()
        torch.cuda.empty_cache()
