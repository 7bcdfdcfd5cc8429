# Models: Tencent/FaceDetection-DSFD@a941d08 fddb_test.py (scan_wild20's instance I6): a benchmark script named like a
# test, which no test runner collects; it loads the detector, switches it to eval mode and runs every image of a fold
# with autograd on. Written for oomdoc; the control flow is the repository's, the code is ours.
import cv2
import torch


def test_fold(net, names, out):
    net.eval()
    for name in names:
        x = torch.from_numpy(cv2.imread(name)).permute(2, 0, 1).unsqueeze(0).float().cuda()
        boxes = net(x)
        out.write(f"{name} {boxes.shape[0]}\n")


if __name__ == "__main__":
    test_fold(torch.load("detector.pth"), open("fold.txt").read().split(), open("out.txt", "w"))
