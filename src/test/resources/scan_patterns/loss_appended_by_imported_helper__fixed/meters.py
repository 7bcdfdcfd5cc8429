# The fix of loss_appended_by_imported_helper__bug: record() keeps a number. Written for oomdoc.
def record(history, value):
    history.append(value.detach().item())
