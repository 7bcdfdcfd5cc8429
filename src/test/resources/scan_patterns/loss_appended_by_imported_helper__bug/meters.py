# A helper module beside the training script (the shape of facebookresearch/SlowFast@64abcc9 slowfast/utils/meters.py,
# whose meters keep every batch's values in lists, issue #411): record() appends what it is given. Written for
# oomdoc; the code is ours.
def record(history, value):
    history.append(value)
