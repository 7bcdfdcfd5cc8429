# Models: TRI-ML/packnet-sfm issue #47, packnet_sfm/trainers/horovod_trainer.py line 90: the epoch loop appends
# every dict that module.training_step(batch, i) returns, and its 'loss' still carries the step's graph.
# Written for oomdoc; the control flow is the thread's, the code is ours.
import torch


class EpochRunner:
    def train_epoch(self, loader, module, optimizer):
        module.train()
        collected = []
        for i, batch in enumerate(loader):
            optimizer.zero_grad()
            batch = {k: v.cuda() for k, v in batch.items()}
            output = module.training_step(batch, i)
            output["loss"].backward()
            optimizer.step()
            collected.append(output)
        return module.training_epoch_end(collected)
