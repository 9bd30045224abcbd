"""The EKS AMI parameters are there for the first reads of a region, however many come at once
(eksup_moto._seed_ssm: moto's server answers on several threads, and a thread that found the
region "seeded" while another was still seeding it once read nothing)."""

from __future__ import annotations

import sys
import threading

PARAM = "/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/{arch}/standard/recommended/image_id"


def test_concurrent_first_reads_of_a_region_all_find_the_parameters():
    # In this process, with moto's SSM models patched as the server patches them, and threads
    # switched as often as the interpreter allows.
    import eksup_moto
    from moto.ssm import models

    eksup_moto._seed_ssm(models)

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for attempt in range(5):
            params = models.ParameterDict("123456789012", "eu-north-1")
            barrier = threading.Barrier(8)
            found: list[bool] = []

            def read(i: int) -> None:
                barrier.wait()
                found.append(PARAM.format(arch="x86_64" if i % 2 else "arm64") in params)

            threads = [threading.Thread(target=read, args=(i,)) for i in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert all(found), f"attempt {attempt}: {found.count(False)} of 8 first reads found nothing"
    finally:
        sys.setswitchinterval(old)
