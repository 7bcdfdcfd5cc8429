# Models: Tencent/FaceDetection-DSFD@a941d08 widerface_val.py (scan_wild20's instance I6, with fddb_test.py): the
# detection helper runs the network with autograd on; another script of the package imports it and calls it for
# every image of a benchmark. Written for oomdoc; the control flow is the repository's, the code is ours.
import numpy as np
import torch


def detect_image(net, image, scale):
    x = torch.from_numpy(image.astype(np.float32)).permute(2, 0, 1).unsqueeze(0).cuda()
    boxes = net(x)
    return boxes[0].cpu().numpy() * scale
