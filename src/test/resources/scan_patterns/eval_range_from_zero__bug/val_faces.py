# Models: Tencent/FaceDetection-DSFD@a941d08 widerface_val.py lines 40-70 and 276-290: a module-level detector in eval
# mode runs on each image of the validation set through a helper, in `for i in range(0, num_images)`; the helper wraps
# its input in Variable(volatile=True), which does nothing since torch 0.4.
# Written for oomdoc; the control flow is the original's, the code is ours.
import numpy as np
import torch
from torch.autograd import Variable

net = torch.load("detector.pt")
net.eval()


def detect_face(image, shrink):
    x = torch.from_numpy(np.ascontiguousarray(image)).permute(2, 0, 1).unsqueeze(0)
    x = Variable(x.cuda(), volatile=True)
    y = net(x)
    return y.data.cpu().numpy()


def test_faces(testset):
    num_images = len(testset)
    for i in range(0, num_images):
        image = testset.pull_image(i)
        boxes = detect_face(image, 1.0)
        print(i, boxes.shape)
