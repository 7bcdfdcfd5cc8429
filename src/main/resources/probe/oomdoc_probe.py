#!/usr/bin/env python3
"""oomdoc capture probe: records PyTorch's view of GPU memory for oomdoc to read.

Written by `oomdoc probe`. It only reads state, except when given an entry point (--entry), which it
runs with the memory history recorder on and then dumps a snapshot (knowledge entries M18 and M19).

  python oomdoc_probe.py                       # versions, device properties, allocator statistics
  python oomdoc_probe.py --entry train.py -- --max-steps 3
                                               # also a snapshot around the script's first steps
Outputs (in --out, default ./oomdoc_probe_out): probe.json and, with --entry, snapshot.pickle.
Then: oomdoc snapshot oomdoc_probe_out/snapshot.pickle
"""
import argparse
import json
import os
import platform
import runpy
import sys
import time
import traceback


def device_facts(torch):
    out = []
    for i in range(torch.cuda.device_count()):
        p = torch.cuda.get_device_properties(i)
        out.append({
            "index": i, "name": p.name, "total_bytes": p.total_memory,
            "capability": "%d.%d" % (p.major, p.minor), "multiprocessors": p.multi_processor_count,
            "allocated_bytes": torch.cuda.memory_allocated(i), "reserved_bytes": torch.cuda.memory_reserved(i),
            "max_allocated_bytes": torch.cuda.max_memory_allocated(i), "max_reserved_bytes": torch.cuda.max_memory_reserved(i),
        })
        try:
            free, total = torch.cuda.mem_get_info(i)
            out[-1]["driver_free_bytes"], out[-1]["driver_total_bytes"] = free, total
        except Exception as e:  # older PyTorch
            out[-1]["driver_free_error"] = str(e)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entry", help="a training script to run under the memory recorder")
    ap.add_argument("--out", default="oomdoc_probe_out")
    ap.add_argument("--max-entries", type=int, default=100000, help="bound on recorded allocation events")
    ap.add_argument("rest", nargs=argparse.REMAINDER, help="arguments for the entry script, after --")
    args = ap.parse_args()

    result = {"probe_version": 1, "time": time.strftime("%Y-%m-%dT%H:%M:%S"), "python": sys.version.split()[0],
              "platform": platform.platform(), "env": {k: os.environ.get(k) for k in (
                  "PYTORCH_CUDA_ALLOC_CONF", "PYTORCH_ALLOC_CONF", "CUDA_VISIBLE_DEVICES", "CUDA_LAUNCH_BLOCKING")}}
    try:
        import torch
    except ImportError as e:
        result["error"] = "torch is not importable: %s" % e
        print(json.dumps(result))
        return 2
    result["torch"] = torch.__version__
    result["cuda_available"] = torch.cuda.is_available()
    result["cuda_version"] = torch.version.cuda
    if not torch.cuda.is_available():
        result["error"] = "CUDA is not available to this PyTorch"
        os.makedirs(args.out, exist_ok=True)
        with open(os.path.join(args.out, "probe.json"), "w") as f:
            json.dump(result, f, indent=1)
        print(json.dumps(result))
        return 3

    os.makedirs(args.out, exist_ok=True)
    snapshot_path = None
    if args.entry:
        torch.cuda.memory._record_memory_history(max_entries=args.max_entries)
        sys.argv = [args.entry] + [a for a in args.rest if a != "--"]
        try:
            runpy.run_path(args.entry, run_name="__main__")
            result["entry_outcome"] = "finished"
        except torch.cuda.OutOfMemoryError as e:
            result["entry_outcome"] = "out of memory"
            result["oom_message"] = str(e)
        except SystemExit as e:
            result["entry_outcome"] = "exited %s" % e.code
        except BaseException as e:
            result["entry_outcome"] = "raised %s" % type(e).__name__
            result["entry_traceback"] = traceback.format_exc()[-4000:]
        finally:
            snapshot_path = os.path.join(args.out, "snapshot.pickle")
            torch.cuda.memory._dump_snapshot(snapshot_path)
            torch.cuda.memory._record_memory_history(enabled=None)
        result["snapshot"] = snapshot_path
    result["devices"] = device_facts(torch)
    result["memory_stats"] = {str(k): v for k, v in torch.cuda.memory_stats().items()}
    result["memory_summary"] = torch.cuda.memory_summary()
    with open(os.path.join(args.out, "probe.json"), "w") as f:
        json.dump(result, f, indent=1)
    print("oomdoc probe: wrote %s%s" % (os.path.join(args.out, "probe.json"), " and " + snapshot_path if snapshot_path else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
