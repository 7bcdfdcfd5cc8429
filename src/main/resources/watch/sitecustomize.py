# Written by `oomdoc run --snapshot` into a temporary folder put first on PYTHONPATH; deleted when the job ends.
# When the job imports torch, it starts PyTorch's allocator history (bounded by OOMDOC_SNAPSHOT_MAX_ENTRIES) and
# dumps a snapshot to OOMDOC_SNAPSHOT_FILE on the first CUDA out-of-memory. Nothing happens in a process that never
# imports torch. A sitecustomize the environment already had is run afterwards, as if this one were not here.
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
_OUT = os.environ.get("OOMDOC_SNAPSHOT_FILE")
_MAX = int(os.environ.get("OOMDOC_SNAPSHOT_MAX_ENTRIES", "100000"))


def _dump(torch):
    if not _OUT or os.path.exists(_OUT):
        return
    try:
        torch.cuda.memory._dump_snapshot(_OUT)
    except Exception as e:  # the snapshot is extra evidence: never let it change how the job fails
        sys.stderr.write("oomdoc: could not dump the memory snapshot: %s\n" % e)


def _arm(torch):
    try:
        if not torch.cuda.is_available():
            return
        torch.cuda.memory._record_memory_history(max_entries=_MAX)
    except Exception as e:
        sys.stderr.write("oomdoc: allocator history not recorded: %s\n" % e)
        return
    try:  # PyTorch >= 2.1 calls observers when an allocation fails, before the exception unwinds
        torch._C._cuda_attach_out_of_memory_observer(lambda *_: _dump(torch))
    except Exception:
        pass
    previous = sys.excepthook

    def hook(kind, value, tb):
        if "out of memory" in str(value):
            _dump(torch)
        previous(kind, value, tb)

    sys.excepthook = hook


class _TorchWatcher:
    """Finds torch like the normal import system, then arms the recorder once torch has finished loading."""

    def find_spec(self, name, path=None, target=None):
        if name != "torch":
            return None
        sys.meta_path.remove(self)
        import importlib.machinery
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            _arm(module)

        spec.loader.exec_module = exec_module
        return spec


def _chain():
    import importlib.util
    for entry in sys.path:
        folder = os.path.abspath(entry or ".")
        candidate = os.path.join(folder, "sitecustomize.py")
        if folder != _HERE and os.path.isfile(candidate):
            spec = importlib.util.spec_from_file_location("_oomdoc_next_sitecustomize", candidate)
            spec.loader.exec_module(importlib.util.module_from_spec(spec))
            return


if _OUT:
    sys.meta_path.insert(0, _TorchWatcher())
_chain()
