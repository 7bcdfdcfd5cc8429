# Models: bubbliiiing/yolo3-pytorch utils/utils_fit.py (the commit in scan_wild/labels.json), lines 29-71: the
# optimizer is cleared at the top of each step, the fp16 branch steps it through scaler.step(optimizer), and the
# per-scale losses are summed inside the step, reset every step and backpropagated through an alias.
# Written for oomdoc; the control flow is the file's, the code is ours. The Chinese comments, in our words, stand
# for the Chinese comments of the modelled repository (the scanner reads such files as UTF-8).
import torch


def run_epoch(net, head_loss, optimizer, scaler, loader, use_fp16):
    seen = 0
    running = 0
    for step, (images, boxes) in enumerate(loader):
        images = images.cuda()
        # 清零梯度
        optimizer.zero_grad()
        if not use_fp16:
            preds = net(images)
            total = 0
            for level in range(len(preds)):
                total += head_loss(level, preds[level], boxes)
            to_backprop = total
            to_backprop.backward()
            optimizer.step()
        else:
            with torch.cuda.amp.autocast():
                preds = net(images)
                total = 0
                for level in range(len(preds)):
                    total += head_loss(level, preds[level], boxes)
                to_backprop = total
            # 混合精度：先缩放损失再反向传播
            scaler.scale(to_backprop).backward()
            scaler.step(optimizer)
            scaler.update()
        running += to_backprop.item()
        seen += 1
    return running / max(seen, 1)
