# Models: salesforce/awd-lstm-lm main.py@1d466ec evaluate() (scan_wild28 set A, missed by the start jar): the model
# is switched to eval and run over the corpus in chunks of a range whose step is a name; a helper does the slicing,
# so the loop body holds no slice; autograd is on and each chunk builds a graph.
# Written for oomdoc (issue 17, scan28); the control flow is the file's, the code is ours.
import torch


def chunk(corpus, start, width):
    n = min(width, len(corpus) - 1 - start)
    return corpus[start:start + n], corpus[start + 1:start + 1 + n].view(-1)


def perplexity_sum(model, corpus, opts, state):
    model.eval()
    total = 0.0
    for start in range(0, corpus.size(0) - 1, opts.window):
        inputs, gold = chunk(corpus, start, opts.window)
        scores, state = model(inputs, state)
        total += len(inputs) * torch.nn.functional.cross_entropy(scores, gold).item()
        state = state.detach()
    return total / len(corpus)
