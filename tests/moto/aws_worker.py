"""A persistent awscli v1 process for the Rust test harness (``Emulator::aws``).

Starting ``aws`` costs ~0.5 s of CPU per call (Python + botocore imports) and a fresh CLI
driver ~0.25 s more; tests make hundreds of calls. This worker imports awscli once and runs
each command in-process with the driver the ``aws`` executable uses (so arguments, output
and errors are identical), reusing one driver: ~0.02 s per call. Commands with top-level
options that change the driver's session (``--region``, ``--profile``, ``--debug``) get a
fresh driver so nothing leaks into later commands.

Protocol (one JSON document per line):
  stdin:  ["ec2", "describe-vpcs", "--output", "json"]
  stdout: {"rc": 0, "stdout": "...", "stderr": "..."}
The environment (endpoint, credentials, region) is the worker process's own.
"""

import contextlib
import io
import json
import logging
import sys

from awscli.clidriver import create_clidriver


SESSION_OPTIONS = ("--region", "--profile", "--debug")
_shared_driver = None


def driver_for(args: list[str]):
    global _shared_driver
    if any(a.split("=", 1)[0] in SESSION_OPTIONS for a in args) or "modify-vpc-attribute" in args:
        # modify-vpc-attribute: awscli's handling of its boolean structures leaves state in the
        # driver that breaks the next ec2 command ("'Namespace' object has no attribute
        # 'enable_dns_hostnames'"), so it gets a driver of its own.
        return create_clidriver()
    if _shared_driver is None:
        _shared_driver = create_clidriver()
    return _shared_driver


def run(args: list[str]) -> dict:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = driver_for(args).main(args)
        except SystemExit as e:  # argparse usage errors
            rc = e.code if isinstance(e.code, int) else 252
        except BaseException as e:  # keep serving; report like the CLI would
            print(f"aws_worker: {type(e).__name__}: {e}", file=sys.stderr)
            rc = 255
        finally:
            # main() adds a stderr handler on every call; drop it (it holds this call's buffer).
            logging.getLogger("awscli").handlers.clear()
    return {"rc": rc or 0, "stdout": out.getvalue(), "stderr": err.getvalue()}


def prewarm() -> None:
    """Load the driver and the service models tests use most, before the first command."""
    driver = driver_for([])
    for service in ("ec2", "eks", "iam", "sts", "ssm", "autoscaling", "ecr"):
        driver.session.get_service_model(service)


def main() -> None:
    sys.argv[0] = "aws"  # usage messages name `aws`, as the real executable does
    prewarm()
    protocol = sys.stdout
    for line in sys.stdin:
        if line.strip():
            protocol.write(json.dumps(run(json.loads(line))) + "\n")
            protocol.flush()


if __name__ == "__main__":
    main()
