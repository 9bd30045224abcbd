"""What the emulator's kubelet makes of a NodeConfig's ``kubelet.config`` (eksup_moto_k8s):
values of the wrong type stop it (the node never registers), maxPods and the reservations shape
the node's capacity and allocatable, and a cluster DNS address other than CoreDNS's is taken
only when something can answer there."""

from __future__ import annotations

import eksup_moto_k8s as k8s


def test_values_kubelet_cannot_load_are_problems():
    assert k8s.kubelet_config_problems({"maxPods": 30, "kubeReserved": {"cpu": "300m"}, "featureGates": {"A": True}}) == []
    problems = k8s.kubelet_config_problems({"kubeReserved": {"cpu": 1}, "featureGates": {"A": "yes"}, "maxPods": "30"})
    assert len(problems) == 3, problems
    assert all(p.startswith("kubelet cannot load its config") for p in problems)


def test_reservations_and_eviction_make_allocatable():
    assert k8s.allocatable_of(2, 8192, {}) == ("1930m", f"{8192 * 1024 - 600000}Ki")
    config = {"kubeReserved": {"cpu": "300m", "memory": "300Mi"}, "systemReserved": {"cpu": "0.3", "memory": "300Mi"},
              "evictionHard": {"memory.available": "200Mi"}}
    assert k8s.allocatable_of(2, 8192, config) == ("1400m", f"{(8192 - 800) * 1024}Ki")
    # Without a memory.available threshold kubelet keeps its default, 100Mi.
    assert k8s.allocatable_of(2, 8192, {"kubeReserved": {"memory": "1Gi"}}) == ("2000m", f"{(8192 - 1024 - 100) * 1024}Ki")


def test_a_node_config_carries_its_kubelet_config_and_dns():
    doc = """apiVersion: node.eks.aws/v1alpha1
kind: NodeConfig
spec:
  cluster: {name: demo, apiServerEndpoint: https://x, certificateAuthority: Q0E=, cidr: 10.100.0.0/16}
  kubelet:
    config:
      clusterDNS: [169.254.20.10]
      maxPods: 30
      kubeReserved: {cpu: 1}
"""
    b = k8s.parse_node_configs(doc, None)
    assert b.dns_ip == "169.254.20.10" and b.kubelet_config["maxPods"] == 30
    assert any("kubeReserved" in e for e in b.errors), b.errors


def test_only_dns_servers_that_can_answer_are_taken():
    class NoCluster:
        store = None

    assert k8s._dns_elsewhere(NoCluster(), "169.254.20.10")
    assert not k8s._dns_elsewhere(NoCluster(), "10.100.0.53")
