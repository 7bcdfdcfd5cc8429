# Models: HaoMood/bilinear-cnn@bcc2883 src/bilinear_cnn_all.py lines 185-207 with the change a comment on issue #13
# points to: the accuracy pass runs the test loader under torch.no_grad() after `.train(False)`.
# Written for oomdoc; the control flow is the original's, the code is ours.
import torch


class BilinearManager:
    def __init__(self, net, solver, criterion, train_loader, test_loader):
        self._net = net
        self._solver = solver
        self._criterion = criterion
        self._train_loader = train_loader
        self._test_loader = test_loader

    def train(self, epochs):
        for epoch in range(epochs):
            for images, labels in self._train_loader:
                self._solver.zero_grad()
                loss = self._criterion(self._net(images.cuda()), labels.cuda())
                loss.backward()
                self._solver.step()
            print(epoch, self._share_right(self._test_loader))

    def _share_right(self, loader):
        self._net.train(False)
        right, total = 0, 0
        with torch.no_grad():
            for images, labels in loader:
                scores = self._net(images.cuda())
                right += (scores.argmax(1) == labels.cuda()).sum().item()
                total += labels.size(0)
        self._net.train(True)
        return right / total
