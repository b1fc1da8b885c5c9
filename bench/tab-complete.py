#!/usr/bin/python3
"""Times Tab completion inside lioctl's interactive shell.

    tab-complete.py N LINE CMD [ARG...]

Starts CMD (lioctl) on a pseudo-terminal, types LINE, then presses Tab N times, each on a
fresh copy of LINE, and prints the median seconds from the Tab to the shell's first byte of
answer (the completion is computed before anything is written). The shell's start is not
timed. LINE should complete to one candidate, so each Tab gets an answer at once.
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time


def main() -> None:
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    count, line, cmd = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3:]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["NO_COLOR"] = "1"
        os.execvp(cmd[0], cmd)
    # Wide enough that the shell never wraps the typed line.
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 2000, 0, 0))

    def read_until(done, timeout=300.0) -> bytes:
        got = b""
        end = time.monotonic() + timeout
        while not done(got):
            left = end - time.monotonic()
            if left <= 0:
                sys.exit(f"tab-complete: no answer within {timeout} s; last output: {got[-200:]!r}")
            if select.select([fd], [], [], left)[0]:
                chunk = os.read(fd, 65536)
                if not chunk:
                    sys.exit(f"tab-complete: the shell ended; last output: {got[-200:]!r}")
                got += chunk
        return got

    def drain(quiet=0.3) -> None:
        try:
            while select.select([fd], [], [], quiet)[0]:
                if not os.read(fd, 65536):
                    return
        except OSError:  # EIO: the shell has ended and the terminal closed
            return

    read_until(lambda b: b"> " in b)
    drain()
    times = []
    for _ in range(count):
        os.write(fd, line)
        read_until(lambda b: line[-12:] in b)
        drain(0.1)
        start = time.monotonic()
        os.write(fd, b"\t")
        read_until(lambda b: len(b) > 0)
        times.append(time.monotonic() - start)
        drain()
        os.write(fd, b"\x15")  # Ctrl-U: the line is cleared for the next round
        drain()
    os.write(fd, b"\x04")  # Ctrl-D on an empty line leaves the shell
    drain()
    os.waitpid(pid, 0)
    print(f"{statistics.median(times):.4f} {len(times)}")


main()
