"""Round-12 fixtures, second call: failures whose cause is outside the failing process or spread over ranks.

hold:   holds N GiB on the GPU and sleeps (the "other process" of a shared card or a zombie).
small:  a small training step that needs ~30 GiB: on a card another process fills, it fails with a message whose
        own-process figures are small.
ranks:  run under torchrun with two ranks on one GPU: each rank grows its activations until the card is full, so the
        log interleaves two ranks' failures and torchrun's own summary.
jax:    a JAX allocation larger than the card (XLA's RESOURCE_EXHAUSTED as users see it).
"""
import os
import sys
import time


def hold():
    import torch
    x = torch.empty(int(sys.argv[2]) << 30, dtype=torch.uint8, device="cuda")
    print("holding", x.numel() >> 30, "GiB", flush=True)
    time.sleep(float(sys.argv[3]))


def small():
    import torch
    model = torch.nn.Sequential(*[torch.nn.Linear(8192, 8192) for _ in range(8)]).cuda()
    opt = torch.optim.AdamW(model.parameters())
    x = torch.randn(65536, 8192, device="cuda")
    loss = model(x).square().mean()
    loss.backward()
    opt.step()


def ranks():
    import torch
    rank = int(os.environ.get("RANK", 0))
    torch.cuda.set_device(0)
    held = []
    step = 0
    while True:
        step += 1
        held.append(torch.empty((4 + rank) << 30, dtype=torch.uint8, device="cuda"))
        print(f"rank {rank} step {step} allocated {torch.cuda.memory_allocated() / 2**30:.1f} GiB", flush=True)
        time.sleep(0.2)


def jax_oom():
    import jax.numpy as jnp
    x = jnp.zeros((200 << 30) // 4, dtype=jnp.float32)
    print(x.shape)


if __name__ == "__main__":
    {"hold": hold, "small": small, "ranks": ranks, "jax": jax_oom}[sys.argv[1]]()
