# Models: weihua916/powerful-gnns main.py@9a2ce8a pass_data_iteratively(), fixed: the same slices of a range with a
# step, run under no_grad.
# Written for oomdoc; the control flow is the file's, the code is ours.
import torch


def score_in_chunks(net, items, chunk=32):
    net.eval()
    scores = []
    order = list(range(len(items)))
    with torch.no_grad():
        for start in range(0, len(items), chunk):
            picked = order[start:start + chunk]
            scores.append(net([items[k] for k in picked]))
    return torch.cat(scores, 0)


def report(net, train_items, test_items):
    train_acc = score_in_chunks(net, train_items).argmax(1)
    test_acc = score_in_chunks(net, test_items).argmax(1)
    return train_acc, test_acc
