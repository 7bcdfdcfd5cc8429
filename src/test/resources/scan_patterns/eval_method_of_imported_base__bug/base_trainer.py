# Models the shape issue 17 names (a Trainer subclass whose per-batch evaluation method lives in the base class's
# file), as in delira-dev/delira@cd3ad27 delira/training/predictor.py: the base class runs the wrapped network in
# eval mode for one batch with autograd on. Written for oomdoc; the code is ours.
class BaseTrainer:
    def __init__(self, model, loader):
        self.model = model
        self.loader = loader

    def eval_batch(self, batch):
        self.model.eval()
        return self.model(batch["x"].cuda())
