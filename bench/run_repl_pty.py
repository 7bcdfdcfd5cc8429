#!/usr/bin/env python3
"""`/run` in the REPL, in a real pseudo-terminal: runs the recorded longest-batch scenario (stand-in nvidia-smi first
on PATH, default interval) and checks the diagnosis; then runs the signal scenario, presses Ctrl-C while it runs and
checks that the job ended (status 130, SIGINT from the terminal) and the session still answers /kb. Last, the same
Ctrl-C at `./oomdoc run -- ...` typed at the shell: oomdoc must exit with the job's 130.
Usage (from the repository root, after ./oomdoc has built itself): python3 bench/run_repl_pty.py
"""
import os, pty, shutil, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pty_reader import PtyReader  # noqa: E402

RES = "src/test/resources/run"

def main():
    bin_dir = tempfile.mkdtemp()
    shutil.copy(f"{RES}/nvidia-smi", bin_dir)
    shutil.copy(f"{RES}/spike/frames.txt", bin_dir)
    os.chmod(f"{bin_dir}/nvidia-smi", 0o755)
    env = dict(os.environ, PATH=bin_dir + ":" + os.environ["PATH"])
    pid, fd = pty.fork()
    if pid == 0:
        os.execve("./oomdoc", ["./oomdoc"], env)
    tty = PtyReader(fd)
    tty.wait_for(b"Ctrl-D leaves", 90)
    time.sleep(1)
    os.write(fd, f"/run -- sh {RES}/job.sh {bin_dir} {RES}/spike/plan.txt {RES}\r".encode())
    spike = tty.wait_for(b"Cause: longest batch", 120) and b"stayed flat" in tty.out
    tty.out = b""
    os.write(fd, f"/run -- sh {RES}/job.sh {bin_dir} {RES}/signal/plan.txt {RES}\r".encode())
    tty.wait_for(b"step 2", 60)
    os.write(fd, b"\x03")
    ended = tty.wait_for(b"status 130", 60)
    tty.out = b""
    os.write(fd, b"/kb M8\r")
    answered = tty.wait_for(b"M8", 60)
    os.write(fd, b"/exit\r")
    os.waitpid(pid, 0)
    pid, fd = pty.fork()
    if pid == 0:
        os.execve("./oomdoc", ["./oomdoc", "run", "--", "sh", f"{RES}/job.sh", bin_dir, f"{RES}/signal/plan.txt",
                               RES], env)
    tty = PtyReader(fd)
    tty.wait_for(b"step 2", 60)
    os.write(fd, b"\x03")
    tty.wait_for(b"status 130", 60)
    status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    shutil.rmtree(bin_dir)
    print(f"spike diagnosed in the REPL: {spike}  Ctrl-C ended the job with 130: {ended}  "
          f"session answered after: {answered}  oomdoc run at the shell exited with: {status}")
    sys.exit(0 if spike and ended and answered and status == 130 else 1)

if __name__ == "__main__":
    main()
