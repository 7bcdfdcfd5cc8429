# Models: delira-dev/delira@cd3ad27 delira/training/predictor.py lines 120-160 and 217-320, with predict() decorated
# by torch.no_grad().
# Written for oomdoc; the control flow is the original's, the code is ours.
import torch


class BatchPredictor:
    def __init__(self, module, to_numpy):
        self.module = module
        self.to_numpy = to_numpy

    @torch.no_grad()
    def predict(self, batch):
        out = self.module(batch["data"])
        return self.to_numpy(out)

    def predict_loader(self, loader):
        self.module.eval()
        results = []
        for step, batch in enumerate(loader):
            results.append(self.predict(batch))
        return results
