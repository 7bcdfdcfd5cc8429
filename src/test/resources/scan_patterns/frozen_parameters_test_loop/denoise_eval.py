# Models: cszn/KAIR main_test_dncnn.py (scan_recall11/wild_negatives/README.md): the model is put in eval mode and
# every parameter's requires_grad is set to False before the test loop, so nothing in the loop builds a graph.
# Written for oomdoc; the control flow is the file's, the code is ours.
import torch


def main(net, images, noise_level):
    net.eval()
    for name, p in net.named_parameters():
        p.requires_grad = False
    net = net.cuda()
    results = []
    for clean in images:
        noisy = clean + torch.randn_like(clean) * noise_level / 255.0
        restored = net(noisy.cuda())
        results.append(((restored.cpu() - clean) ** 2).mean().item())
    return results
