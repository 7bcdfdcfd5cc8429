# Models: benedekrozemberczki/SimGNN src/simgnn.py@be3ee61 score() lines 242-256, with our variant of the helper:
# each test pair's prediction goes through a loss-named helper of another file that keeps it a tensor, and
# the tensor is appended with its graph. The forward runs with autograd on (a true
# eval_without_no_grad).
# Written for oomdoc; the control flow is the file's, the code is ours.
import torch

from pair_metrics import squared_log_loss


class PairNet(torch.nn.Module):
    def __init__(self, width):
        super().__init__()
        self.head = torch.nn.Linear(width, 1)

    def forward(self, pair):
        return torch.sigmoid(self.head(pair["features"]))


class PairScorer:
    def __init__(self, width, pairs):
        self.model = PairNet(width)
        self.pairs = pairs

    def score(self):
        self.model.eval()
        self.errors = []
        for pair in self.pairs:
            target = torch.tensor(pair["target"])
            prediction = self.model(pair)
            self.errors.append(squared_log_loss(prediction, target))
        self.report()

    def report(self):
        print("mean error", sum(self.errors) / len(self.errors))
