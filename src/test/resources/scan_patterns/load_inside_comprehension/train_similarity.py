# Models: jerpelhan/DAVE@8aeeb9c train_similarity.py lines 84-86 (judged true in scan_wild19): each DDP rank builds
# a dict of backbone weights from torch.load(...) without map_location, the call inside a comprehension that spans
# lines; the suggested fix must still parse. Written for oomdoc; the control flow is the file's, the code is ours.
import os

import torch
from torch import distributed as dist
from torch.nn.parallel import DistributedDataParallel


def train(args, make_model, loader):
    rank = int(os.environ["RANK"])
    gpu = int(os.environ["LOCAL_RANK"])
    torch.cuda.set_device(gpu)
    dist.init_process_group(backend="nccl", init_method="env://")
    model = DistributedDataParallel(make_model(args).to(gpu), device_ids=[gpu])
    backbone = {k.split("backbone.")[1]: v for k, v in
                torch.load(os.path.join(args.model_path, args.name + ".pth"))[
                    "model"].items() if "backbone." in k}
    model.module.backbone.load_state_dict(backbone)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr)
    for images, boxes in loader:
        optimizer.zero_grad()
        loss = model(images.to(gpu), boxes.to(gpu))
        loss.backward()
        optimizer.step()
    if rank == 0:
        torch.save(model.state_dict(), os.path.join(args.model_path, "similarity.pth"))
