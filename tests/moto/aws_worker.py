"""A persistent awscli v1 process for the Rust test harness (``Emulator::aws``).

Starting ``aws`` costs ~0.5 s of CPU per call (Python + botocore imports); tests make
hundreds of calls. This worker imports awscli once and runs each command in-process with
the same driver the ``aws`` executable uses, so arguments, output and errors are identical.

Protocol (one JSON document per line):
  stdin:  ["ec2", "describe-vpcs", "--output", "json"]
  stdout: {"rc": 0, "stdout": "...", "stderr": "..."}
The environment (endpoint, credentials, region) is the worker process's own.
"""

import contextlib
import io
import json
import sys

from awscli.clidriver import create_clidriver


def run(args: list[str]) -> dict:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = create_clidriver().main(args)
        except SystemExit as e:  # argparse usage errors
            rc = e.code if isinstance(e.code, int) else 252
        except BaseException as e:  # keep serving; report like the CLI would
            print(f"aws_worker: {type(e).__name__}: {e}", file=sys.stderr)
            rc = 255
    return {"rc": rc or 0, "stdout": out.getvalue(), "stderr": err.getvalue()}


def main() -> None:
    sys.argv[0] = "aws"  # usage messages name `aws`, as the real executable does
    protocol = sys.stdout
    for line in sys.stdin:
        if line.strip():
            protocol.write(json.dumps(run(json.loads(line))) + "\n")
            protocol.flush()


if __name__ == "__main__":
    main()
