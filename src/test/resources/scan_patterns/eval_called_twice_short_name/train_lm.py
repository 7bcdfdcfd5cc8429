# Models: LiyuanLucasLiu/RAdam@d9fd30a language-model/train_1bw.py (scan_dev2/labels.json), as
# eval_called_twice_at_module_level with the model named `lm`: evaluate() still switches it to eval mode and runs it
# per batch with autograd on, so the finding must not depend on the name. Written for oomdoc (issue 17, scan18); the
# control flow is the file's, the code is ours.
import math

import torch


def evaluate(loader, lm, crit, limit=76800):
    lm.eval()
    total_loss = 0.0
    total_len = 0
    for words, labels in loader:
        labels = labels.view(-1)
        scores = lm.log_prob(words)
        total_loss += labels.size(0) * crit(scores, labels).item()
        total_len += labels.size(0)
        if 0 <= limit < total_len:
            break
    lm.train()
    return math.exp(total_loss / total_len)


lm = build_lm().cuda()
opt = torch.optim.Adam(lm.parameters())
crit = torch.nn.NLLLoss()
try:
    for epoch in range(10):
        for words, labels in train_loader:
            lm.zero_grad()
            loss = lm(words, labels.view(-1))
            loss.backward()
            opt.step()
        test_ppl = evaluate(test_loader, lm, crit, -1)
        print(epoch, test_ppl)
except KeyboardInterrupt:
    print("stopped early")
    test_ppl = evaluate(test_loader, lm, crit, -1)
    print(test_ppl)
