# Models: codertimo/BERT-pytorch@d10dc4f bert_pytorch/trainer/pretrain.py lines 68-113, with the test call under
# torch.no_grad(): the shared method then builds no graph when it only evaluates.
# Written for oomdoc; the control flow is the original's, the code is ours.
import torch


class PretrainLoop:
    def __init__(self, model, optim, criterion, train_loader, test_loader):
        self.model = model
        self.optim = optim
        self.criterion = criterion
        self.train_loader = train_loader
        self.test_loader = test_loader

    def train(self, epoch):
        self.run_pass(epoch, self.train_loader)

    def test(self, epoch):
        with torch.no_grad():
            self.run_pass(epoch, self.test_loader, train=False)

    def run_pass(self, epoch, loader, train=True):
        total = 0.0
        for step, batch in enumerate(loader):
            pair_out, token_out = self.model.forward(batch["tokens"], batch["segments"])
            loss = self.criterion(pair_out, batch["is_next"]) + self.criterion(token_out, batch["labels"])
            if train:
                self.optim.zero_grad()
                loss.backward()
                self.optim.step()
            total += loss.item()
        print(epoch, total / len(loader))
