# Models: zoogzog/chexnet issue #12, ChexnetTrainer.py line 150: epochVal() sums each batch's loss tensor over
# the whole loader and returns the sum, so every batch's graph lives until the epoch ends; epochTrain() beside it
# trains.
# Written for oomdoc; the control flow is the thread's, the code is ours.
import torch


class XrayTrainer:
    @staticmethod
    def epoch_train(net, loader, optimizer, loss_fn):
        net.train()
        for images, labels in loader:
            scores = net(images.cuda())
            batch_loss = loss_fn(scores, labels.cuda())
            optimizer.zero_grad()
            batch_loss.backward()
            optimizer.step()

    @staticmethod
    def epoch_val(net, loader, loss_fn):
        net.eval()
        loss_sum = 0
        batches = 0
        for i, (images, labels) in enumerate(loader):
            labels = labels.cuda()
            scores = net(images.cuda())
            batch_loss = loss_fn(scores, labels)
            loss_sum += batch_loss
            batches += 1
        return loss_sum / batches
