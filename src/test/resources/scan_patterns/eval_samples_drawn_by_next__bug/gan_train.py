# Models: znxlwm/UGATIT-pytorch@b8c4251 UGATIT.py lines 245-290 (issue #23, OOM at the 1000th epoch): every print
# step switches the networks to eval in one statement, then draws a few batches with next() in a range loop and runs
# the generators on them without torch.no_grad().
# Written for oomdoc; the control flow is the original's, the code is ours.
import torch


class PairTrainer:
    def train(self, steps):
        a_iter = iter(self.loader_a)
        for step in range(steps):
            real_a = next(a_iter).to(self.device)
            self.opt_g.zero_grad()
            loss = self.critic(self.gen_ab(real_a)).mean()
            loss.backward()
            self.opt_g.step()
            if step % self.print_every == 0:
                self.gen_ab.eval(), self.gen_ba.eval(), self.critic.eval()
                for _ in range(self.shown):
                    try:
                        shown_a = next(a_iter)
                    except StopIteration:
                        a_iter = iter(self.loader_a)
                        shown_a = next(a_iter)
                    fake_b = self.gen_ab(shown_a.to(self.device))
                    self.save_grid(fake_b.cpu().numpy())
                self.gen_ab.train(), self.gen_ba.train(), self.critic.train()
