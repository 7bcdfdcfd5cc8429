# Models: THUDM/ChatGLM-6B ptuning/trainer.py@401bf3a (lines 2268, 2444, 2447; judged false in scan35's choose half):
# a trainer launched on several GPUs resumes from a checkpoint folder; the scheduler's, the grad scaler's and the
# random generators' saved states hold Python numbers and CPU byte tensors only, so loading them without map_location
# puts nothing on cuda:0. The model's weights, loaded the same way, do. Written for oomdoc; the code is ours.
import os
import random

import numpy as np
import torch

WEIGHTS = "model.pt"
SCHEDULER_FILE = "scheduler.pt"
SCALER_FILE = "scaler.pt"


class Resumer:
    def __init__(self, model, optimizer, lr_scheduler, scaler):
        self.local_rank = int(os.environ.get("LOCAL_RANK", -1))
        self.model = model
        self.optimizer = optimizer
        self.lr_scheduler = lr_scheduler
        self.scaler = scaler

    def load_weights(self, folder):
        self.model.load_state_dict(torch.load(os.path.join(folder, WEIGHTS)))

    def load_generators(self, folder):
        rng_path = os.path.join(folder, "rng_state_%d.pth" % max(self.local_rank, 0))
        saved = torch.load(rng_path)
        random.setstate(saved["python"])
        np.random.set_state(saved["numpy"])
        torch.random.set_rng_state(saved["cpu"])

    def load_training_state(self, folder):
        self.optimizer.load_state_dict(torch.load(os.path.join(folder, "optimizer.pt"), map_location="cpu"))
        self.lr_scheduler.load_state_dict(torch.load(os.path.join(folder, SCHEDULER_FILE)))
        self.scaler.load_state_dict(torch.load(os.path.join(folder, SCALER_FILE)))
