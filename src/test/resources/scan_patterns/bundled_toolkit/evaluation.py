# Models: princeton-nlp/SimCSE@49fa580 evaluation.py (scan36, choose half): the repository's own script, which
# hands sentence embeddings to a toolkit it ships in a folder of its own (SentEval/, with its own setup and licence).
import sys

import torch
from probe.tools.regression import Regressor


def embed(model, sentences):
    with torch.inference_mode():
        return model(sentences).cpu().numpy()


def main(model, train, dev, test):
    reg = Regressor(dim=768)
    return reg.fit(embed(model, train[0]), train[1], embed(model, dev[0]), dev[1], embed(model, test[0]), test[1])


if __name__ == "__main__":
    sys.exit(0)
