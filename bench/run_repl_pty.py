#!/usr/bin/env python3
"""`/run` in the REPL, in a real pseudo-terminal: runs the recorded longest-batch scenario (stand-in nvidia-smi first
on PATH, default interval) and checks the diagnosis; then runs the signal scenario, presses Ctrl-C while it runs and
checks that the job ended (status 130, SIGINT from the terminal) and the session still answers /kb. Last, the same
Ctrl-C at `./oomdoc run -- ...` typed at the shell: oomdoc must exit with the job's 130.
Usage (from the repository root, after ./oomdoc has built itself): python3 bench/run_repl_pty.py
"""
import os, pty, select, shutil, sys, tempfile, time

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
    out = b""
    def wait_for(pattern, timeout):
        nonlocal out
        end = time.time() + timeout
        while time.time() < end and pattern not in out:
            if select.select([fd], [], [], 0.2)[0]:
                try:
                    out += os.read(fd, 65536)
                except OSError:
                    break
        return pattern in out
    wait_for(b"Ctrl-D leaves", 90)
    time.sleep(1)
    os.write(fd, f"/run -- sh {RES}/job.sh {bin_dir} {RES}/spike/plan.txt {RES}\r".encode())
    spike = wait_for(b"Cause: longest batch", 120) and b"stayed flat" in out
    out = b""
    os.write(fd, f"/run -- sh {RES}/job.sh {bin_dir} {RES}/signal/plan.txt {RES}\r".encode())
    wait_for(b"step 2", 60)
    os.write(fd, b"\x03")
    ended = wait_for(b"status 130", 60)
    out = b""
    os.write(fd, b"/kb M8\r")
    answered = wait_for(b"M8", 60)
    os.write(fd, b"/exit\r")
    os.waitpid(pid, 0)
    pid, fd = pty.fork()
    if pid == 0:
        os.execve("./oomdoc", ["./oomdoc", "run", "--", "sh", f"{RES}/job.sh", bin_dir, f"{RES}/signal/plan.txt",
                               RES], env)
    out = b""
    wait_for(b"step 2", 60)
    os.write(fd, b"\x03")
    wait_for(b"status 130", 60)
    status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    shutil.rmtree(bin_dir)
    print(f"spike diagnosed in the REPL: {spike}  Ctrl-C ended the job with 130: {ended}  "
          f"session answered after: {answered}  oomdoc run at the shell exited with: {status}")
    sys.exit(0 if spike and ended and answered and status == 130 else 1)

if __name__ == "__main__":
    main()
