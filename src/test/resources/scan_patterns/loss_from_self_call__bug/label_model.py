# Models: BatsResearch/labelmodels issue #4, labelmodels/label_model.py line 90: inside an nn.Module's own training
# method the loss comes from calling the module itself (self(*inputs)), and `running_loss += loss` keeps its graph
# for the whole epoch. Written for oomdoc; the control flow is the thread's, the code is ours.
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
                running_loss += loss
            print(epoch, running_loss / len(batches))
