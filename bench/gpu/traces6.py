"""Eighteenth-session fixtures: out-of-memory messages of paths the earlier recordings never took.

fraction:   torch.cuda.set_per_process_memory_fraction(0.05) and a 20 GiB request (the capped-process variant).
expandable: PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True (set by the caller) and a request past the card.
cupy:       cupy.empty of 200 GiB (CuPy's own OutOfMemoryError).
numba:      numba.cuda.device_array of 200 GiB (the driver's CUDA_ERROR_OUT_OF_MEMORY through numba).
compiled:   a torch.compile'd function whose output cannot fit (the failure inside an inductor graph).
"""
import sys


def fraction():
    import torch
    torch.cuda.set_per_process_memory_fraction(0.05)
    keep = torch.empty(4 << 30, dtype=torch.uint8, device="cuda")
    more = torch.empty(20 << 30, dtype=torch.uint8, device="cuda")
    print(keep.numel(), more.numel())


def expandable():
    import torch
    held = [torch.empty(40 << 30, dtype=torch.uint8, device="cuda") for _ in range(3)]
    more = torch.empty(30 << 30, dtype=torch.uint8, device="cuda")
    print(len(held), more.numel())


def cupy():
    import cupy as cp
    a = cp.empty(200 << 30, dtype=cp.uint8)
    print(a.nbytes)


def numba():
    from numba import cuda
    a = cuda.device_array(200 << 30, dtype="uint8")
    print(a.size)


def compiled():
    import torch

    @torch.compile
    def scores(q, k):
        return torch.softmax(q @ k.transpose(-1, -2) / 8.0, dim=-1)

    q = torch.randn(64, 32, 8192, 128, device="cuda", dtype=torch.bfloat16)
    print(scores(q, q).shape)


if __name__ == "__main__":
    globals()[sys.argv[1]]()
