# Models: BatsResearch/labelmodels issue #4, the fix of labelmodels/label_model.py line 90: the running sum takes
# loss.item(), a Python number, so no graph outlives its step.
# Written for oomdoc; the control flow is the fix's, the code is ours.
import torch
import torch.nn as nn


class VoteModel(nn.Module):
    def __init__(self, n_sources, n_classes):
        super().__init__()
        self.accuracy = nn.Parameter(torch.zeros(n_sources, n_classes))

    def forward(self, votes):
        return -torch.logsumexp(votes @ self.accuracy, dim=1).mean()

    def fit(self, batches, epochs, lr):
        opt = torch.optim.SGD(self.parameters(), lr=lr)
        for epoch in range(epochs):
            running_loss = 0.0
            for votes in batches:
                opt.zero_grad()
                loss = self(votes)
                loss.backward()
                opt.step()
                running_loss += loss.item()
            print(epoch, running_loss / len(batches))
