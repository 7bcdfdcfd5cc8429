"""What a program in a pseudo-terminal has printed, read until a pattern appears: shared by the pty benches."""
import os, select, time


class PtyReader:
    def __init__(self, fd):
        self.fd = fd
        self.out = b""

    def wait_for(self, pattern, timeout):
        """Reads until the pattern has been printed or the timeout passes; whether it was printed."""
        end = time.time() + timeout
        while time.time() < end and pattern not in self.out:
            if select.select([self.fd], [], [], 0.2)[0]:
                try:
                    self.out += os.read(self.fd, 65536)
                except OSError:
                    break
        return pattern in self.out
