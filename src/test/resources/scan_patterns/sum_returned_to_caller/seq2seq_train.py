# Models: ShusenTang/Dive-into-DL-PyTorch chapter10 10.12_machine-translation (the commit in scan_wild/labels.json):
# batch_loss() sums the loss over the decoder's time steps and returns it; train() backpropagates that one
# step's sum. Written for oomdoc; the control flow is the notebook's, the code is ours.
import torch


def batch_loss(enc, dec, src, tgt, loss_fn):
    state = enc(src)
    token = torch.zeros(src.shape[0], dtype=torch.long)
    total = torch.tensor([0.0])
    for t in range(tgt.shape[1]):
        out, state = dec(token, state)
        total = total + loss_fn(out, tgt[:, t]).sum()
        token = tgt[:, t]
    return total / tgt.shape[1]


def train(enc, dec, loader, enc_opt, dec_opt, loss_fn, epochs):
    for epoch in range(epochs):
        running = 0.0
        for src, tgt in loader:
            enc_opt.zero_grad()
            dec_opt.zero_grad()
            loss = batch_loss(enc, dec, src, tgt, loss_fn)
            loss.backward()
            enc_opt.step()
            dec_opt.step()
            running += loss.item()
        print(epoch, running)
