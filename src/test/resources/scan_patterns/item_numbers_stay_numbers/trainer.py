# Models: chrischoy/FCGF lib/trainer.py (round 7 of the wild audit, bench/results.md): each sub-batch adds
# loss.item() to a batch total, and the batch total is then added to the epoch total: Python floats all the way.
# Written for oomdoc; the control flow is the file's, the code is ours.
import torch


class PairTrainer:
    def train_epoch(self, loader, opt, chunks):
        total_loss = 0
        for batch in loader:
            opt.zero_grad()
            batch_loss = 0
            for part in torch.chunk(batch.cuda(), chunks):
                feats = self.model(part)
                loss = self.criterion(feats) / chunks
                loss.backward()
                batch_loss += loss.item()
            opt.step()
            total_loss += batch_loss
        return total_loss / len(loader)
