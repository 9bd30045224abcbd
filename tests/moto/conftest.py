"""pytest fixtures for the emulator's own tests (tests/moto/test_*.py).

``emulator`` starts one server of ``eksup_moto.py`` per test on a free 127.0.0.1 port (moto's
reset is global, so servers are never shared) and yields an ``Emulator`` with boto3 clients
bound to it. Server knobs go through ``@pytest.mark.emulator_env(NAME="value", ...)``.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import boto3
import pytest

HERE = Path(__file__).resolve().parent
REGION = "us-west-2"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Emulator:
    def __init__(self, port: int, log: Path) -> None:
        self.port = port
        self.endpoint = f"http://127.0.0.1:{port}"
        self.log = log
        self.region = REGION
        self.session = boto3.session.Session(
            aws_access_key_id="testing", aws_secret_access_key="testing", region_name=REGION
        )

    def client(self, service: str) -> Any:
        return self.session.client(service, endpoint_url=self.endpoint)

    def control(self, method: str, path: str, body: Any = None) -> Any:
        """Call a test-only route: control("POST", "/eksup-test/faults", {...})."""
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.endpoint + path, data=data, method=method)
        with urllib.request.urlopen(req, timeout=30) as resp:
            text = resp.read().decode()
        return json.loads(text) if text else None


def pytest_configure(config: Any) -> None:
    config.addinivalue_line("markers", "emulator_env(**env): environment of the emulator server")


@pytest.fixture
def emulator(request: Any, tmp_path: Path) -> Iterator[Emulator]:
    env = dict(os.environ)
    for key in [k for k in env if k.startswith(("AWS_", "MOTO_", "EKSUP_"))]:
        del env[key]
    marker = request.node.get_closest_marker("emulator_env")
    if marker:
        env.update({k: str(v) for k, v in marker.kwargs.items()})
    env["AWS_REGION"] = REGION
    port = _free_port()
    log = tmp_path / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, str(HERE / "eksup_moto.py"), "-H", "127.0.0.1", "-p", str(port)],
            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env,
        )
    emu = Emulator(port, log)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{emu.endpoint}/eksup-test/health", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"emulator did not start:\n{log.read_text()}")
                time.sleep(0.1)
        yield emu
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
