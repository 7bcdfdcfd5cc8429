# Models: facebookresearch/fairseq examples/textless_nlp/pgslm/sample/sample.py with naive_decoder.py (round 11,
# scan_recall11/wild_negatives/README.md; line 428): main() switches the models to eval mode, samples through a
# function decorated with @torch.no_grad(), and then, in the batch loop, passes the sampled pitch through a frozen
# lookup decoder built in another file. Only the module switched to eval mode counts as the loop's forward.
# Written for oomdoc; the control flow is the file's, the code is ours.
import torch
from torch.utils.data import DataLoader

from lookup_decoder import LookupDecoder


@torch.no_grad()
def draw_samples(model, batch, steps):
    tokens, pitch = model.generate(batch["prefix"], steps)
    return tokens, pitch


def main(models, dataset, bounds, steps):
    for model in models:
        model.cuda().eval()
    model = models[0]
    loader = DataLoader(dataset, batch_size=1, shuffle=False)
    pitch_decoder = None
    if bounds is not None:
        pitch_decoder = LookupDecoder(bounds).cuda()
    results = []
    for batch in loader:
        batch = {k: v.cuda() for k, v in batch.items()}
        tokens, pitch = draw_samples(model, batch, steps)
        if pitch_decoder is not None:
            pitch = pitch_decoder(pitch)
        results.append((tokens.cpu().tolist(), pitch.cpu().tolist()))
    return results
