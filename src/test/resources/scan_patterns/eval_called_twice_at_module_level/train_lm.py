# Models: LiyuanLucasLiu/RAdam@d9fd30a language-model/train_1bw.py (scan_dev2/labels.json): evaluate() puts the
# language model in eval mode and runs it per batch with autograd on; module-level code calls it twice, once after
# every epoch and once more when training is interrupted. Written for oomdoc; the control flow is the file's, the
# code is ours.
import math

import torch


def evaluate(loader, lang_model, crit, limit=76800):
    lang_model.eval()
    total_loss = 0.0
    total_len = 0
    for words, labels in loader:
        labels = labels.view(-1)
        scores = lang_model.log_prob(words)
        total_loss += labels.size(0) * crit(scores, labels).item()
        total_len += labels.size(0)
        if 0 <= limit < total_len:
            break
    lang_model.train()
    return math.exp(total_loss / total_len)


lang_model = build_lm().cuda()
opt = torch.optim.Adam(lang_model.parameters())
crit = torch.nn.NLLLoss()
try:
    for epoch in range(10):
        for words, labels in train_loader:
            lang_model.zero_grad()
            loss = lang_model(words, labels.view(-1))
            loss.backward()
            opt.step()
        test_ppl = evaluate(test_loader, lang_model, crit, -1)
        print(epoch, test_ppl)
except KeyboardInterrupt:
    print("stopped early")
    test_ppl = evaluate(test_loader, lang_model, crit, -1)
    print(test_ppl)
