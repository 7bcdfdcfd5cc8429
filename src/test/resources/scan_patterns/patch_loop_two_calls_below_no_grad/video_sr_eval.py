# Models: cszn/KAIR@fc1732f4 main_test_rvrt.py (lines 74 and 297; scan_wild10/labels.json): main() calls
# test_sequence() inside `with torch.no_grad():`; test_sequence() calls test_tiles(), whose patch loop runs the
# model. Every path to the model runs with autograd off. Written for oomdoc; the control flow is the file's, the
# code is ours.
import torch


def test_tiles(frames, net, tile, overlap, scale):
    b, d, c, h, w = frames.size()
    stride = tile - overlap
    rows = list(range(0, h - tile, stride)) + [max(0, h - tile)]
    cols = list(range(0, w - tile, stride)) + [max(0, w - tile)]
    acc = torch.zeros(b, d, c, h * scale, w * scale)
    hits = torch.zeros_like(acc)
    for r in rows:
        for q in cols:
            patch = frames[..., r:r + tile, q:q + tile]
            out = net(patch).detach().cpu()
            acc[..., r * scale:(r + tile) * scale, q * scale:(q + tile) * scale].add_(out)
            hits[..., r * scale:(r + tile) * scale, q * scale:(q + tile) * scale].add_(torch.ones_like(out))
    return acc.div_(hits)


def test_sequence(frames, net, opts):
    clips = []
    for start in range(0, frames.size(1), opts.clip_len):
        clips.append(test_tiles(frames[:, start:start + opts.clip_len], net, opts.tile, opts.overlap, opts.scale))
    return torch.cat(clips, dim=1)


def main(opts, net, loader):
    net.eval()
    scores = []
    for batch in loader:
        frames = batch["lq"].cuda()
        with torch.no_grad():
            restored = test_sequence(frames, net, opts)
        scores.append(psnr(restored, batch["gt"]))
    return sum(scores) / len(scores)
