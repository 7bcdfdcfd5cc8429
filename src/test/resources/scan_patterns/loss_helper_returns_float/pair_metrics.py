# Models: benedekrozemberczki/SimGNN src/utils.py@be3ee61 calculate_loss(): the helper turns both values into
# Python floats with math.log before it squares their gap.
# Written for oomdoc; the control flow is the file's, the code is ours.
import math


def squared_log_loss(prediction, target):
    prediction = -math.log(prediction)
    target = -math.log(target)
    gap = (prediction - target) ** 2
    return gap
