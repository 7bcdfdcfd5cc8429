# Models: ZQPei/deep_sort_pytorch deep_sort/deep/multi_train_utils/train_eval_utils.py@4f910af train_one_epoch()
# (scan_wild28 set A, a false tensor_accumulated finding of the start jar): right answers are counted with torch.eq
# on the index half of max over the outputs; a bool or integer tensor never carries a graph, so the running count
# holds none. Written for oomdoc (issue 17, scan28); the control flow is the file's, the code is ours.
import torch


def one_epoch(net, opt, batches, device):
    net.train()
    lossf = torch.nn.CrossEntropyLoss()
    hits = torch.zeros(1, device=device)
    for step, (x, y) in enumerate(batches):
        x, y = x.to(device), y.to(device)
        logits = net(x)
        loss = lossf(logits, y)
        loss.backward()
        guess = torch.max(logits, dim=1)[1]
        hits += torch.eq(guess, y).sum()
        hits += logits.argmax(1).eq(y).sum()
        opt.step()
        opt.zero_grad()
    return hits.item()
