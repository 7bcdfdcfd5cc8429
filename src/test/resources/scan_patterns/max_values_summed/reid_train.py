# Models: ZQPei/deep_sort_pytorch deep_sort/deep/multi_train_utils/train_eval_utils.py@4f910af train_one_epoch(), as
# hits_counted_by_eq (scan28) but keeping the values half of max over the outputs, which carries the graph of every
# step, in a running tensor. Written for oomdoc (issue 17, scan28); the control flow is the file's, the code is ours.
import torch


def one_epoch(net, opt, batches, device):
    net.train()
    lossf = torch.nn.CrossEntropyLoss()
    confidence = torch.zeros(1, device=device)
    for step, (x, y) in enumerate(batches):
        x, y = x.to(device), y.to(device)
        logits = net(x)
        loss = lossf(logits, y)
        loss.backward()
        top = torch.max(logits, dim=1)[0]
        confidence += top.sum()
        opt.step()
        opt.zero_grad()
    return confidence.item()
