"""Drive a command through a real pseudo-terminal, as a person would.

usage: drive.py SCRIPT.json -- COMMAND [ARGS...]

SCRIPT is a JSON list of steps: {"expect": "text"} waits (bounded) until the screen output
contains the text, {"send": "text"} types it ("\r" is Enter, "\x1b[B" is the down arrow).
Exits with the command's exit code; prints the whole transcript (ANSI sequences kept) on stdout.
A step that times out exits 124 after printing what was seen.
"""
import json
import os
import pty
import select
import sys
import time


def main():
    sep = sys.argv.index("--")
    steps = json.load(open(sys.argv[1]))
    cmd = sys.argv[sep + 1:]
    env = {k: v for k, v in os.environ.items() if k not in ("CI",)}
    env["TERM"] = "xterm"
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(cmd[0], cmd, env)
    seen = b""
    cursor = 0

    def read_some(timeout):
        nonlocal seen
        r, _, _ = select.select([fd], [], [], timeout)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                return False
            if not data:
                return False
            seen += data
        return True

    for step in steps:
        if "expect" in step:
            want = step["expect"].encode()
            deadline = time.time() + 10
            while want not in seen[cursor:]:
                if time.time() > deadline or not read_some(0.2):
                    if time.time() > deadline:
                        sys.stdout.write(seen.decode(errors="replace"))
                        sys.stdout.write(f"\n[timed out waiting for {step['expect']!r}]\n")
                        os.kill(pid, 9)
                        sys.exit(124)
            cursor = seen.index(want, cursor) + len(want)
        if "send" in step:
            time.sleep(0.05)
            os.write(fd, step["send"].encode())
    deadline = time.time() + 20
    while time.time() < deadline and read_some(0.2):
        pass
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(seen.decode(errors="replace"))
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
