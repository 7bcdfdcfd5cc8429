# Models: facebookresearch/SlowFast@64abcc9 slowfast/utils/meters.py (issue #411: meters keep every batch's values)
# in lists): a helper module beside the training script; record() appends what it is given. Written for
# oomdoc; the code is ours.
def record(history, value):
    history.append(value)
