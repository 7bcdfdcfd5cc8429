# Models: kan-bayashi/ParallelWaveGAN PR #26 (https://github.com/kan-bayashi/ParallelWaveGAN/pull/26), train.py
# at the fix commit 8c03abb: the call of self._eval_step(batch) in _eval_epoch()'s loop is wrapped in
# torch.no_grad(), so the generator's forward one call below runs with autograd off.
# Written for oomdoc; the control flow is the PR's, the code is ours.
import torch


class VocoderTrainer:
    def _train_step(self, batch):
        noise, cond, wave = [t.to(self.device) for t in batch]
        fake = self.nets["gen"](noise, cond)
        loss = self.crit(fake, wave)
        self.opts["gen"].zero_grad()
        loss.backward()
        self.opts["gen"].step()

    def _eval_step(self, batch):
        noise, cond, wave = [t.to(self.device) for t in batch]
        fake = self.nets["gen"](noise, cond)
        self.totals["eval/loss"] += self.crit(fake, wave).item()

    def _eval_epoch(self):
        for key in self.nets.keys():
            self.nets[key].eval()
        for step, batch in enumerate(self.loaders["dev"], 1):
            with torch.no_grad():
                self._eval_step(batch)
        for key in self.nets.keys():
            self.nets[key].train()

    def run(self):
        for batch in self.loaders["train"]:
            self._train_step(batch)
            if self.steps % self.eval_every == 0:
                self._eval_epoch()
            self.steps += 1
