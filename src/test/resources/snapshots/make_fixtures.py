"""Builds snapshot fixtures in the layout torch.cuda.memory._snapshot() returns (PyTorch 2.1+:
segments with blocks and frames, device_traces with alloc / free_requested / free_completed / oom
events), written with pickle.dump exactly as torch.cuda.memory._dump_snapshot does.

No GPU was available when these were made: they follow the documented format, with the allocation
sizes of a small transformer (4 layers, hidden 512, batch 8, seq 256). Replace them with real dumps
from `oomdoc probe --run --entry train.py` on a GPU machine; the tests read every *.pickle here.
Run: python3 make_fixtures.py
"""
import pickle

MiB = 1 << 20
TORCH = "/usr/lib/python3.11/site-packages/torch/"


def frames(*user, lib=()):
    out = [{"filename": TORCH + f, "line": 1, "name": n} for f, n in lib]
    out += [{"filename": f, "line": l, "name": n} for f, l, n in user]
    return out


PARAM = frames(("train.py", 41, "main"), lib=[("nn/modules/module.py", "_apply"), ("nn/modules/module.py", "to")])
ACT = frames(("model.py", 88, "forward"), ("train.py", 62, "train_step"), lib=[("nn/modules/module.py", "_call_impl")])
GRAD = frames(("train.py", 64, "train_step"), lib=[("autograd/__init__.py", "backward"), ("_tensor.py", "backward")])
OPT = frames(("train.py", 65, "train_step"), lib=[("optim/adamw.py", "_init_group"), ("optim/optimizer.py", "step")])
LEAK = frames(("train.py", 70, "train_step"), lib=[("nn/modules/module.py", "_call_impl")])


def snapshot(blocks, trace, segment_size):
    segs, addr = [], 0x7F0000000000
    for i in range(0, len(blocks), 4):
        group = blocks[i:i + 4]
        total = max(segment_size, sum(b[1] for b in group))
        bl, used = [], 0
        for state, size, fr in group:
            bl.append({"address": addr + used, "size": size, "requested_size": size, "state": state, "frames": fr})
            used += size
        if used < total:
            bl.append({"address": addr + used, "size": total - used, "requested_size": 0, "state": "inactive", "frames": []})
        segs.append({"device": 0, "address": addr, "total_size": total, "allocated_size": sum(b["size"] for b in bl if b["state"] == "active_allocated"),
                     "active_size": sum(b["size"] for b in bl if b["state"].startswith("active")), "stream": 0,
                     "segment_type": "large", "segment_pool_id": (0, 0), "is_expandable": False, "blocks": bl})
        addr += total
    return {"segments": segs, "device_traces": [trace], "allocator_settings": {"expandable_segments": False}, "external_annotations": []}


def ev(action, size, fr, t):
    return {"action": action, "addr": 0, "size": size, "stream": 0, "frames": fr, "time_us": t}


def train_steps():
    trace, t = [], 0
    for p in range(8):
        trace.append(ev("alloc", 12 * MiB, PARAM, t)); t += 10
    for step in range(3):
        for a in range(8):
            trace.append(ev("alloc", 16 * MiB, ACT, t)); t += 10
        for g in range(8):
            trace.append(ev("alloc", 12 * MiB, GRAD, t)); t += 10
        for a in range(8):
            trace.append(ev("free_requested", 16 * MiB, ACT, t)); trace.append(ev("free_completed", 16 * MiB, ACT, t)); t += 10
        if step == 0:
            for o in range(16):
                trace.append(ev("alloc", 12 * MiB, OPT, t)); t += 10
    blocks = [("active_allocated", 12 * MiB, PARAM)] * 8 + [("active_allocated", 12 * MiB, GRAD)] * 8 + [("active_allocated", 12 * MiB, OPT)] * 16
    return snapshot(blocks, trace, 64 * MiB)


def leak():
    snap = train_steps()
    trace, t = snap["device_traces"][0], 100000
    for step in range(40):
        trace.append(ev("alloc", 4 * MiB, LEAK, t)); t += 10
    blocks = [("active_allocated", 12 * MiB, PARAM)] * 8 + [("active_allocated", 12 * MiB, GRAD)] * 8 + [("active_allocated", 12 * MiB, OPT)] * 16 + [("active_allocated", 4 * MiB, LEAK)] * 40
    out = snapshot(blocks, trace, 64 * MiB)
    return out


def oom_fragmented():
    trace, t, blocks = [], 0, []
    for i in range(24):  # variable-length batches leave holes between surviving blocks
        size = (6 + (i * 7) % 11) * MiB
        trace.append(ev("alloc", size, ACT, t)); t += 10
        if i % 2:
            trace.append(ev("free_requested", size, ACT, t)); trace.append(ev("free_completed", size, ACT, t))
            blocks.append(("inactive", size, []))
        else:
            blocks.append(("active_allocated", size, ACT))
    trace.append(ev("oom", 96 * MiB, ACT, t))
    return snapshot(blocks, trace, 32 * MiB)


for name, snap in [("train_steps", train_steps()), ("leak", leak()), ("oom_fragmented", oom_fragmented())]:
    with open(name + ".pickle", "wb") as f:
        pickle.dump(snap, f)
print("written")
