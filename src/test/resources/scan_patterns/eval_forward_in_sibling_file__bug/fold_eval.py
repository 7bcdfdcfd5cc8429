# Models: Tencent/FaceDetection-DSFD@a941d08 fddb_test.py:97 (scan_wild20's instance I6): the benchmark loop over the
# images of each fold calls detect_image, imported from the script beside it, which runs the network with autograd
# on. Written for oomdoc; the control flow is the repository's, the code is ours.
import cv2
import torch

from face_val import detect_image


def evaluate_folds(net, folds, out):
    net.eval()
    for fold in folds:
        for name in fold:
            image = cv2.imread(name)
            boxes = detect_image(net, image, 1.0)
            out.write(f"{name} {len(boxes)}\n")
