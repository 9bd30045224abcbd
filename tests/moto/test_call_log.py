"""The call log (``GET /eksup-test/call-log``): when each call was made and on what."""

from __future__ import annotations

import json
import time

import pytest
from botocore.exceptions import ClientError

from test_k8s_api import FAST, Env
from test_limits import no_retries
from test_rate_limits import ON_SMALL, burst, refilled

TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})


def log(emulator) -> list[dict]:
    return emulator.control("GET", "/eksup-test/call-log")


def test_each_call_has_its_time_operation_and_target(emulator):
    ec2, iam, eks, ssm = (emulator.client(s) for s in ("ec2", "iam", "eks", "ssm"))
    asg = emulator.client("autoscaling")
    ec2.describe_vpcs()  # the first EC2 call loads moto's backend (slow): before the reset
    emulator.control("POST", "/eksup-test/calls/reset")
    started = time.monotonic()
    vpc = ec2.create_vpc(CidrBlock="10.7.0.0/16")["Vpc"]["VpcId"]
    ec2.describe_vpcs(VpcIds=[vpc])
    ec2.describe_vpcs(Filters=[{"Name": "tag:team", "Values": ["b", "a"]}], MaxResults=5)
    iam.create_role(RoleName="r1", AssumeRolePolicyDocument=TRUST)
    iam.attach_role_policy(RoleName="r1", PolicyArn="arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy")
    with pytest.raises(ClientError):
        eks.describe_nodegroup(clusterName="demo", nodegroupName="ng-1")
    asg.describe_auto_scaling_groups(AutoScalingGroupNames=["g2", "g1"])
    ssm.get_parameter(Name="/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard/recommended/image_id")
    elapsed = time.monotonic() - started

    entries = log(emulator)
    assert [(e["op"], e["target"]) for e in entries] == [
        ("ec2:CreateVpc", ""),
        ("ec2:DescribeVpcs", f"VpcId.1={vpc}"),
        ("ec2:DescribeVpcs", "Filter.1.Name=tag:team&Filter.1.Value.1=b&Filter.1.Value.2=a"),
        ("iam:CreateRole", "RoleName=r1"),
        ("iam:AttachRolePolicy", "PolicyArn=arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy&RoleName=r1"),
        ("eks:DescribeNodegroup", "/clusters/demo/node-groups/ng-1"),
        ("autoscaling:DescribeAutoScalingGroups",
         "AutoScalingGroupNames.member.1=g2&AutoScalingGroupNames.member.2=g1"),
        ("ssm:GetParameter", "Name=/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard/recommended/image_id"),
    ]
    times = [e["t"] for e in entries]
    assert times == sorted(times) and 0 <= times[0] and times[-1] <= elapsed + 0.5
    assert not any(e["throttled"] for e in entries)
    # The log and the counts are the same calls.
    counts = emulator.control("GET", "/eksup-test/calls")
    assert sum(counts.values()) == len(entries) and counts["ec2:DescribeVpcs"] == 2


def test_reset_clears_the_log_and_restarts_the_clock(emulator):
    ec2 = emulator.client("ec2")
    ec2.describe_vpcs()
    time.sleep(0.3)
    emulator.control("POST", "/eksup-test/calls/reset")
    assert log(emulator) == []
    ec2.describe_vpcs()
    (entry,) = log(emulator)
    assert entry["op"] == "ec2:DescribeVpcs" and entry["t"] < 0.3


@pytest.mark.emulator_env(**ON_SMALL)
def test_throttled_calls_are_logged_and_marked(emulator):
    ec2 = no_retries(emulator, "ec2")
    refilled(emulator, ec2.describe_vpcs)
    emulator.control("POST", "/eksup-test/calls/reset")
    answers = burst(ec2.describe_vpcs, 15)
    entries = log(emulator)
    assert len(entries) == 15
    assert [e["throttled"] for e in entries] == [a is not None for a in answers]
    assert any(e["throttled"] for e in entries)


@pytest.mark.emulator_env(**FAST)
def test_kubernetes_requests_are_logged_with_their_cluster(emulator):
    env = Env(emulator, addons=())
    emulator.control("POST", "/eksup-test/calls/reset")
    env.kube.get("/api/v1/nodes?labelSelector=eks.amazonaws.com%2Fnodegroup%3Dng-1")
    assert [(e["op"], e["target"]) for e in log(emulator)] == [
        ("k8s:GET", "demo:/api/v1/nodes?labelSelector=eks.amazonaws.com%2Fnodegroup%3Dng-1")]
    # The Kubernetes API is not AWS: /calls does not count it.
    assert emulator.control("GET", "/eksup-test/calls") == {}
