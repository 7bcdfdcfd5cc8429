# Models: facebookresearch/SlowFast@64abcc9 meters.py; the fix of the bug case: record() keeps a number. Ours.
def record(history, value):
    history.append(value.detach().item())
