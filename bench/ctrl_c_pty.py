#!/usr/bin/env python3
"""Ctrl-C in a real pseudo-terminal: starts the REPL, asks it to diagnose a 144 MB log, presses Ctrl-C while it
works, then asks a question and checks the session still answers (no 'cannot read bundled knowledge').
Usage (from the repository root, after ./oomdoc has built itself): python3 bench/ctrl_c_pty.py
"""
import os, pty, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pty_reader import PtyReader  # noqa: E402

LINE = b"2026-11-23 10:00:00 | INFO | step 123456 | loss 2.3456 | lr 3.0e-4 | grad_norm 0.91 | tokens/s 81234\n"
TRACE = "src/test/resources/traces/segtoolbox-backward-1x-cached.txt"

def big_log(path):
    with open(path, "wb") as f:
        for _ in range(1_500_000):
            f.write(LINE)
        f.write(open(TRACE, "rb").read())

def main():
    big_log("target/big.log")
    pid, fd = pty.fork()
    if pid == 0:
        os.execv("./oomdoc", ["./oomdoc"])
    tty = PtyReader(fd)
    tty.wait_for(b"Ctrl-D leaves", 60)
    time.sleep(1)
    os.write(fd, b"/debug-oom target/big.log\r")
    time.sleep(0.8)
    os.write(fd, b"\x03")
    cancelled = tty.wait_for(b"(cancelled)", 20)
    tty.out = b""
    os.write(fd, b"how do I enable gradient checkpointing with HF Trainer?\r")
    answered = tty.wait_for(b"gradient_checkpointing=True", 30)
    intact = b"cannot read bundled" not in tty.out
    os.write(fd, b"/exit\r")
    os.remove("target/big.log")
    print(f"cancelled: {cancelled}  answered after: {answered}  bundled reads intact: {intact}")
    sys.exit(0 if cancelled and answered and intact else 1)

if __name__ == "__main__":
    main()
