# Models: knazeri/edge-connect@3142579 src/edge_connect.py:237-261 (scan_wild20c's instance C4): eval() switches the
# models to eval mode and loops over the validation loader with autograd on, and the training loop calls eval() every
# few iterations. The loop check and the per-step check used to report the same line twice: one loop, one finding.
# Written for oomdoc; the control flow is the file's, the code is ours.
import torch


class InpaintRunner:
    def train(self):
        for epoch in range(self.epochs):
            for items in self.train_loader:
                images, masks = self.cuda(*items)
                outputs, loss = self.model.process(images, masks)
                self.model.backward(loss)
                if self.iteration % self.eval_interval == 0:
                    self.eval()
                self.iteration += 1

    def eval(self):
        self.model.eval()
        for items in self.val_loader:
            images, masks = self.cuda(*items)
            outputs = self.model(images, masks)
            self.metrics.update(outputs, images)
        self.model.train()
