# Models: harvardnlp/annotated-transformer@debc9fd the_annotated_transformer.py:1458-1466, 1625-1760 (scan37, choose
# half: two false torch_load_no_map_location). Each spawned worker joins the process group; the vocabulary and the
# finished model are read by the one process that runs the notebook, not by the workers. The worker's own resume
# (ours, added) is read by every rank and is still reported.
import os

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from torch.nn.parallel import DistributedDataParallel as DDP


def build_net(size):
    return torch.nn.Linear(size, size)


def read_vocab(path="vocab.pt"):
    if not os.path.exists(path):
        torch.save(({"a": 0}, {"b": 0}), path)
    return torch.load(path)


def worker(gpu, ngpus, vocab, cfg):
    torch.cuda.set_device(gpu)
    dist.init_process_group("nccl", init_method="env://", rank=gpu, world_size=ngpus)
    net = build_net(len(vocab[0])).cuda(gpu)
    if cfg.get("resume"):
        net.load_state_dict(torch.load(cfg["resume"]))
    net = DDP(net, device_ids=[gpu])
    if gpu == 0:
        torch.save(net.module.state_dict(), "final.pt")


def launch(vocab, cfg):
    ngpus = torch.cuda.device_count()
    mp.spawn(worker, nprocs=ngpus, args=(ngpus, vocab, cfg))


def trained_net(vocab, cfg):
    if not os.path.exists("final.pt"):
        launch(vocab, cfg)
    net = build_net(len(vocab[0]))
    net.load_state_dict(torch.load("final.pt"))
    return net


if os.environ.get("RUN_NOTEBOOK"):
    vocabs = read_vocab()
    model = trained_net(vocabs, {"resume": None})
