# Models: namisan/mt-dnn@3228e7c mt_dnn/model.py:374 (scan_wild22's missed instance): the wrapper class keeps the
# network on the object; its extract() switches it to eval mode and runs the encoder with autograd on. Written for
# oomdoc; the control flow is the repository's, the code is ours.
import torch


class MultiTaskModel:
    def __init__(self, network):
        self.network = network
        self.optimizer = torch.optim.Adam(network.parameters(), lr=1e-4)

    def update(self, batch):
        self.network.train()
        loss = self.network(*batch).mean()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()

    def extract(self, batch):
        self.network.eval()
        layers, pooled = self.network.encoder(*batch[:3])
        return layers, pooled
