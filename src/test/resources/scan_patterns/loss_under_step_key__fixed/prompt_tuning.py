# Models: caikit/caikit-nlp PR #258, the fix: the per-step dict stores loss.detach().float().item(), a number.
# Written for oomdoc; the control flow is the PR's, the code is ours.
import torch


def tune_prompts(model, accelerator, loader, optimizer, scheduler, epochs):
    step_no = 0
    for epoch in range(epochs):
        log_by_step = {}
        model.train()
        for batch in loader:
            batch = {k: v.to(model.device) for k, v in batch.items()}
            out = model(**batch)
            loss = out.loss
            accelerator.backward(loss)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            log_by_step[step_no] = loss.detach().float().item()
            step_no += 1
        print(epoch, sorted(log_by_step.items()))
