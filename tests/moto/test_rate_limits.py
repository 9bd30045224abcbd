"""API request throttling: AWS's token buckets per service (eksup_moto_rate.py)."""

from __future__ import annotations

import time

import pytest
from botocore.exceptions import ClientError

from test_limits import error_of, no_retries

ON_SMALL = {"EKSUP_MOTO_RATE_LIMITS": "aws", "EKSUP_MOTO_RATE_SCALE": "0.1"}


def burst(call, n: int, **kwargs) -> list[tuple[str, int] | None]:
    """n calls in a row: None for a success, (code, HTTP status) for a refusal."""
    out = []
    for _ in range(n):
        try:
            call(**kwargs)
            out.append(None)
        except ClientError as e:
            out.append((e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]))
    return out


def refilled(emulator, *warm_up) -> None:
    """Make the first (slow) call of each service, then start every bucket full again: so that
    no bucket refills during a lazy import in the middle of a burst."""
    for call in warm_up:
        call()
    emulator.control("POST", "/eksup-test/rate-limits", {})


def test_off_by_default(emulator):
    ec2 = no_retries(emulator, "ec2")
    assert burst(ec2.describe_vpcs, 200) == [None] * 200
    state = emulator.control("GET", "/eksup-test/rate-limits")
    assert state["enabled"] is False and state["throttled_total"] == 0
    assert state["buckets"]["ec2:non-mutating"]["size"] == 100  # AWS's numbers, waiting to be used
    assert state["buckets"]["ec2:mutating"] | {"source": ""} == {
        "size": 50, "refill": 5, "per_action": True, "aws_size": 50, "aws_refill": 5, "source": ""}


@pytest.mark.emulator_env(**ON_SMALL)
def test_ec2_burst_is_refused_with_request_limit_exceeded_then_refills(emulator):
    ec2 = no_retries(emulator, "ec2")
    state = emulator.control("GET", "/eksup-test/rate-limits")
    assert state["enabled"] is True and state["scale"] == 0.1  # from the knobs
    refilled(emulator, ec2.describe_vpcs)
    emulator.control("POST", "/eksup-test/calls/reset")
    # DescribeVpcs is non-mutating: 100 / 20 on AWS, 10 / 2 at scale 0.1.
    first = burst(ec2.describe_vpcs, 15)
    assert first[:10] == [None] * 10
    assert set(first[11:]) == {("RequestLimitExceeded", 503)}  # (the 11th may meet a refilled token)
    code, message, status = error_of(ec2.describe_vpcs)
    assert (code, message, status) == ("RequestLimitExceeded", "Request limit exceeded.", 503)
    # Per API action: another Describe has its own full bucket.
    assert burst(ec2.describe_subnets, 10) == [None] * 10
    time.sleep(1.2)  # at 2 tokens per second, two calls pass again, the fourth does not
    again = burst(ec2.describe_vpcs, 4)
    assert again[:2] == [None, None] and again[3] == ("RequestLimitExceeded", 503)

    refused = sum(r is not None for r in first + again) + 1
    state = emulator.control("GET", "/eksup-test/rate-limits")
    assert state["throttled"] == {"ec2:DescribeVpcs": refused}
    assert state["throttled_total"] == refused
    calls = emulator.control("GET", "/eksup-test/calls")
    assert calls["ec2:DescribeVpcs"] == 20  # throttled calls are calls too
    emulator.control("POST", "/eksup-test/calls/reset")
    assert emulator.control("GET", "/eksup-test/rate-limits")["throttled"] == {}


@pytest.mark.emulator_env(**ON_SMALL)
def test_ec2_categories(emulator):
    ec2 = no_retries(emulator, "ec2")
    refilled(emulator, ec2.describe_vpcs)
    limits = emulator.control("GET", "/eksup-test/rate-limits")["buckets"]
    assert (limits["ec2:unfiltered"]["size"], limits["ec2:mutating"]["size"]) == (5, 5)
    assert (limits["ec2:CreateNatGateway"]["aws_size"], limits["ec2:CreateNatGateway"]["aws_refill"]) == (10, 1)
    assert limits["ec2:RunInstances:resources"]["aws_size"] == 1000
    # Unfiltered, unpaginated DescribeSecurityGroups takes from the small bucket (50 / 10 -> 5 / 1) ...
    assert burst(ec2.describe_security_groups, 6)[5] == ("RequestLimitExceeded", 503)
    # ... a filtered one from the standard bucket (100 / 20 -> 10 / 2), as does a paginated one.
    vpc_filter = [{"Name": "vpc-id", "Values": ["vpc-12345678"]}]
    assert burst(ec2.describe_security_groups, 8, Filters=vpc_filter) == [None] * 8
    assert burst(ec2.describe_security_groups, 2, MaxResults=5) == [None] * 2
    # Mutating (50 / 5 -> 5 / 0.5), per action.
    assert burst(ec2.create_vpc, 6, CidrBlock="10.0.0.0/16")[5] == ("RequestLimitExceeded", 503)
    assert burst(ec2.create_internet_gateway, 5) == [None] * 5


@pytest.mark.emulator_env(**ON_SMALL)
def test_iam_and_eks_throttle_with_their_own_answers(emulator):
    iam, eks = no_retries(emulator, "iam"), no_retries(emulator, "eks")
    refilled(emulator, iam.list_roles, eks.list_clusters)
    emulator.control("POST", "/eksup-test/calls/reset")
    # iam:read 20 / 10 (assumed) -> 2 / 1.
    assert burst(iam.list_roles, 3)[:2] == [None, None]
    code, message, status = error_of(iam.list_roles)
    assert (code, message, status) == ("Throttling", "Rate exceeded", 400)
    # eks:read 20 / 10 (assumed) -> 2 / 1.
    assert burst(eks.list_clusters, 2) == [None, None]
    code, message, status = error_of(eks.list_clusters)
    assert (code, message, status) == ("ThrottlingException", "Rate exceeded", 429)
    throttled = emulator.control("GET", "/eksup-test/rate-limits")["throttled"]
    assert throttled == {"iam:ListRoles": 2, "eks:ListClusters": 1}


@pytest.mark.emulator_env(**ON_SMALL)
def test_ecr_and_autoscaling_answers(emulator):
    ecr, asg = no_retries(emulator, "ecr"), no_retries(emulator, "autoscaling")
    refilled(emulator, ecr.describe_repositories, asg.describe_auto_scaling_groups)
    assert set(burst(ecr.describe_repositories, 4)[2:]) == {("ThrottlingException", 400)}  # ecr:other 2 / 1
    assert set(burst(asg.describe_auto_scaling_groups, 4)[2:]) == {("Throttling", 400)}  # shared 2 / 0.5
    assert error_of(asg.describe_launch_configurations)[0] == "Throttling"  # the same, shared bucket


def test_route_reads_changes_and_turns_off(emulator):
    ec2, iam = no_retries(emulator, "ec2"), no_retries(emulator, "iam")
    ec2.describe_vpcs(), iam.list_roles()  # the first, slow calls
    state = emulator.control("POST", "/eksup-test/rate-limits",
                             {"buckets": {"ec2:non-mutating": {"size": 3, "refill": 0.5}}})
    assert state["enabled"] is True
    assert state["buckets"]["ec2:non-mutating"] | {"source": ""} == {
        "size": 3, "refill": 0.5, "per_action": True, "aws_size": 100, "aws_refill": 20, "source": ""}
    assert state["buckets"]["iam:read"]["size"] == 20  # the others keep AWS's numbers
    assert burst(ec2.describe_vpcs, 4) == [None, None, None, ("RequestLimitExceeded", 503)]
    assert burst(iam.list_roles, 20) == [None] * 20

    # A new setting refills every bucket.
    emulator.control("POST", "/eksup-test/rate-limits", {"buckets": {"ec2:non-mutating": {"size": 1}}})
    assert burst(ec2.describe_vpcs, 2) == [None, ("RequestLimitExceeded", 503)]

    # The scale applies to the buckets without a setting of their own.
    state = emulator.control("POST", "/eksup-test/rate-limits", {"scale": 0.5})
    assert (state["buckets"]["iam:read"]["size"], state["buckets"]["iam:read"]["refill"]) == (10, 5)
    assert state["buckets"]["ec2:non-mutating"]["size"] == 1

    # DELETE: off, and back to AWS's numbers; the count of throttled calls stays.
    state = emulator.control("DELETE", "/eksup-test/rate-limits")
    assert state["enabled"] is False and state["scale"] == 1
    assert state["buckets"]["ec2:non-mutating"]["size"] == 100
    assert state["throttled"] == {"ec2:DescribeVpcs": 2}
    assert burst(ec2.describe_vpcs, 50) == [None] * 50

    # "enabled": false keeps it off; bad bodies are refused.
    assert emulator.control("POST", "/eksup-test/rate-limits", {"enabled": False, "scale": 0.01})["enabled"] is False
    assert burst(ec2.describe_vpcs, 5) == [None] * 5
    for body in ({"buckets": {"ec2:nope": {"size": 1}}}, {"scale": 0}, {"buckets": {"iam:read": {"size": -1}}},
                 {"enabled": "yes"}, {"bucket": {}}):
        with pytest.raises(Exception):
            emulator.control("POST", "/eksup-test/rate-limits", body)


@pytest.mark.emulator_env(**ON_SMALL)
def test_throttling_comes_before_faults_and_moto(emulator):
    ec2 = no_retries(emulator, "ec2")
    ec2.describe_vpcs()
    emulator.control("POST", "/eksup-test/rate-limits", {"buckets": {"ec2:mutating": {"size": 1, "refill": 0}}})
    ec2.create_vpc(CidrBlock="10.0.0.0/16")
    emulator.control("POST", "/eksup-test/faults", {"operation": "ec2:CreateVpc", "after": True})
    assert error_of(ec2.create_vpc, CidrBlock="10.1.0.0/16")[0] == "RequestLimitExceeded"
    assert len(emulator.control("GET", "/eksup-test/faults")) == 1  # the fault is still queued
    vpcs = [v for v in ec2.describe_vpcs()["Vpcs"] if not v["IsDefault"]]
    assert [v["CidrBlock"] for v in vpcs] == ["10.0.0.0/16"]  # the refused request did nothing
