# Models: gentaiscool/end2end-asr-pytorch PR #41 (OOM in validation), trainer.py: Trainer.train() runs the
# training loop and then, in the same method, switches to model.eval() and runs the validation forward with
# autograd on. Written for oomdoc; the control flow is the thread's, the code is ours.
import torch


class SpeechTrainer:
    def train(self, model, train_loader, valid_loader, opt, loss_fn, epochs):
        for epoch in range(epochs):
            model.train()
            for feats, labels in train_loader:
                opt.zero_grad()
                scores = model(feats.cuda())
                loss = loss_fn(scores, labels.cuda())
                loss.backward()
                opt.step()

            model.eval()
            total_err = 0.0
            for feats, labels in valid_loader:
                scores = model(feats.cuda())
                total_err += loss_fn(scores, labels.cuda()).item()
            print(epoch, total_err)
