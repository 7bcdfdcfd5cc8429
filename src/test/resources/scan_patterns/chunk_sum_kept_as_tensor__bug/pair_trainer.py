# Models: chrischoy/FCGF lib/trainer.py (round 7 of the wild audit, bench/results.md), as item_numbers_stay_numbers
# but with each sub-batch's loss added to the batch total as a tensor (no .item()): the batch total then holds every
# chunk's graph, and adding it to the epoch total keeps the graphs of all steps. The negative pairs with this file.
# Written for oomdoc (issue 17, scan18); the control flow is the file's, the code is ours.
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
                batch_loss += loss
            opt.step()
            total_loss += batch_loss
        return total_loss / len(loader)
