"""Canonical's Ubuntu EKS images (eksup_moto seeds them, eksup_moto_k8s joins their nodes): the
SSM parameters eksctl's ssm_resolver.go reads, for the Kubernetes minors eksctl allows, and nodes
that join only through /etc/eks/bootstrap.sh, as eksctl's bootstrap.ubuntu.sh calls it."""

from __future__ import annotations

from typing import Any

import pytest

from test_k8s_api import FAST, Env

pytestmark = pytest.mark.emulator_env(**FAST)


def parameter(release: str, version: str, pro: bool = False, arch: str = "amd64") -> str:
    volume = "ebs-gp2" if release in ("20.04", "22.04") else "ebs-gp3"
    return f"/aws/service/canonical/ubuntu/{'eks-pro' if pro else 'eks'}/{release}/{version}/stable/current/{arch}/hvm/{volume}/ami-id"


def image(emulator: Any, name: str) -> dict[str, Any] | None:
    value = emulator.client("ssm").get_parameters(Names=[name])["Parameters"]
    if not value:
        return None
    return emulator.client("ec2").describe_images(ImageIds=[value[0]["Value"]])["Images"][0]


def test_canonicals_parameters_exist_for_the_versions_eksctl_allows(emulator):
    for release, pro, seeded, missing in [
        ("20.04", False, ["1.28", "1.29"], ["1.30", "1.35"]),
        ("20.04", True, ["1.28", "1.29"], ["1.30"]),
        ("22.04", False, ["1.29", "1.34", "1.35"], ["1.28"]),
        ("22.04", True, ["1.29", "1.35"], ["1.28"]),
        ("24.04", False, ["1.31", "1.35"], ["1.30"]),
        ("24.04", True, ["1.31", "1.35"], ["1.30"]),
        ("26.04", False, ["1.35"], ["1.34"]),
        ("26.04", True, ["1.35"], ["1.34"]),
    ]:
        for version in seeded:
            for arch, ec2_arch in (("amd64", "x86_64"), ("arm64", "arm64")):
                found = image(emulator, parameter(release, version, pro, arch))
                assert found is not None, (release, pro, version, arch)
                assert found["OwnerId"] == "099720109477" and found["Architecture"] == ec2_arch
                assert found["Name"].startswith(f"ubuntu-{'eks-pro' if pro else 'eks'}/k8s_{version}/images/")
                assert f"{release}-{arch}" in found["Name"] and found["RootDeviceName"] == "/dev/sda1"
        for version in missing:
            assert image(emulator, parameter(release, version, pro)) is None, (release, pro, version)
    # gp2 is 20.04's and 22.04's only
    assert image(emulator, parameter("22.04", "1.34").replace("ebs-gp2", "ebs-gp3")) is None


def ubuntu_user_data(env: Env, cluster: str | None = None) -> str:
    """eksup's templates/ubuntu.sh: bootstrap.sh with what eksctl's bootstrap.ubuntu.sh passes."""
    dns = env.cluster["kubernetesNetworkConfig"]["serviceIpv4Cidr"].rsplit(".", 2)[0] + ".0.10"
    return ("#!/bin/bash\nset -o errexit -o nounset -o xtrace\n\n"
            f"/etc/eks/bootstrap.sh '{cluster or env.name}' --dns-cluster-ip '{dns}' "
            "--kubelet-extra-args '--node-labels=role=web,tier=a --register-with-taints=dedicated=web:NoSchedule'\n")


def test_ubuntu_nodes_join_through_bootstrap_sh(emulator):
    env = Env(emulator)
    env.ec2_linux_entry()
    ami = image(emulator, parameter("22.04", "1.34"))["ImageId"]
    env.self_managed(user_data=ubuntu_user_data(env), image=ami)
    nodes = env.kube.nodes()
    assert len(nodes) == 1, env.node_status()
    node = nodes[0]
    assert node["metadata"]["labels"]["tier"] == "a"
    assert {"key": "dedicated", "value": "web", "effect": "NoSchedule"} in node["spec"]["taints"]
    assert node["status"]["nodeInfo"]["osImage"] == "Ubuntu 22.04 LTS"
    assert node["status"]["nodeInfo"]["kubeletVersion"].startswith("v1.34.")


@pytest.mark.parametrize("form", ["al2023", "bottlerocket"])
def test_ubuntu_images_read_no_nodeadm_or_bottlerocket_settings(emulator, form):
    env = Env(emulator)
    env.ec2_linux_entry()
    ami = image(emulator, parameter("24.04", "1.34"))["ImageId"]
    env.self_managed(user_data=env.user_data(form), image=ami)
    assert env.kube.nodes() == []
    assert "the AMI is ubuntu" in env.node_status()[0]["reason"], env.node_status()


def test_ubuntu_bootstrap_of_another_cluster_does_not_join(emulator):
    env = Env(emulator)
    env.ec2_linux_entry()
    ami = image(emulator, parameter("22.04", "1.34"))["ImageId"]
    env.self_managed(user_data=ubuntu_user_data(env, cluster="other"), image=ami)
    assert env.kube.nodes() == [] and "names cluster 'other'" in env.node_status()[0]["reason"]
