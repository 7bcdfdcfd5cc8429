# Models: hszhao/semseg tool/train.py@4f274c3 line 165 (judged true in scan_wild): main() starts one process per GPU
# with mp.spawn, and every process loads the weight file without map_location, so tensors saved from cuda:0 land on
# cuda:0 in every rank. Written for oomdoc; the control flow is the file's, the code is ours.
import os

import torch
import torch.multiprocessing as mp


def worker(gpu, n_gpus, cfg):
    torch.cuda.set_device(gpu)
    net = build_segmenter(cfg).cuda()
    net = torch.nn.parallel.DistributedDataParallel(net, device_ids=[gpu])
    if cfg.weight and os.path.isfile(cfg.weight):
        state = torch.load(cfg.weight)
        net.load_state_dict(state["state_dict"])
    opt = torch.optim.SGD(net.parameters(), lr=cfg.lr, momentum=0.9)
    for epoch in range(cfg.epochs):
        for images, masks in make_loader(cfg, gpu):
            loss = net(images.cuda(), masks.cuda())
            opt.zero_grad()
            loss.backward()
            opt.step()


def main(cfg):
    n_gpus = torch.cuda.device_count()
    mp.spawn(worker, nprocs=n_gpus, args=(n_gpus, cfg))
