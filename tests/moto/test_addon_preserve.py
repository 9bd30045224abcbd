"""DeleteAddon with ``preserve`` (eksup_moto_k8s._install_preserve): the add-on goes from EKS, its
software stays on the cluster and is no longer managed; without it, the software goes too."""

from __future__ import annotations

import time
from typing import Any

import pytest

from test_k8s_api import FAST, Env

pytestmark = pytest.mark.emulator_env(**FAST)


def kube_proxy(env: Env) -> tuple[list[str], list[str]]:
    """The kube-proxy DaemonSets and pods of kube-system."""
    sets = [d["metadata"]["name"] for d in env.kube.get("/apis/apps/v1/namespaces/kube-system/daemonsets")["items"]]
    pods = [p["metadata"]["name"] for p in env.kube.get("/api/v1/namespaces/kube-system/pods")["items"]]
    return [s for s in sets if s == "kube-proxy"], [p for p in pods if p.startswith("kube-proxy-")]


def settle(env: Env, check: Any, timeout: float = 20) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.2)


def test_preserve_keeps_the_software_and_a_plain_delete_removes_it(emulator):
    env = Env(emulator, addons=("vpc-cni", "kube-proxy"))
    env.managed(desired=1)
    assert settle(env, lambda: kube_proxy(env)[1]), "kube-proxy runs on the node"

    env.eks.delete_addon(clusterName=env.name, addonName="kube-proxy", preserve=True)
    settle(env, lambda: "kube-proxy" not in env.eks.list_addons(clusterName=env.name)["addons"])
    assert "kube-proxy" not in env.eks.list_addons(clusterName=env.name)["addons"]
    time.sleep(1)  # a reconcile would have removed it by now
    sets, pods = kube_proxy(env)
    assert sets == ["kube-proxy"] and pods, "preserved"
    ds = env.kube.get("/apis/apps/v1/namespaces/kube-system/daemonsets/kube-proxy")
    assert "eksup.emulator/addon" not in (ds["metadata"].get("annotations") or {}), "no longer EKS's"

    # Without preserve, the add-on's software goes with it.
    env.eks.delete_addon(clusterName=env.name, addonName="vpc-cni")
    assert settle(env, lambda: not [d for d in env.kube.get("/apis/apps/v1/namespaces/kube-system/daemonsets")["items"]
                                    if d["metadata"]["name"] == "aws-node"])

