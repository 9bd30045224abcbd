"""SuspendProcesses, ResumeProcesses and CreateOrUpdateTags as AWS checks them (eksup_moto_asg.py,
items 11 and 12)."""

from __future__ import annotations

import re

import pytest
from botocore.exceptions import ClientError

import eksup_moto_asg
from test_asg_metrics import group


def suspended(asg, name: str = "nodes") -> list[dict]:
    return asg.describe_auto_scaling_groups(AutoScalingGroupNames=[name])["AutoScalingGroups"][0]["SuspendedProcesses"]


def refused(call, code: str = "ValidationError", **kwargs) -> str:
    with pytest.raises(ClientError) as raised:
        call(**kwargs)
    assert raised.value.response["Error"]["Code"] == code, raised.value.response
    return raised.value.response["Error"]["Message"]


def test_suspend_and_resume_named_processes(emulator) -> None:
    asg = group(emulator)
    assert suspended(asg) == []
    asg.suspend_processes(AutoScalingGroupName="nodes", ScalingProcesses=["AZRebalance", "HealthCheck"])
    first = suspended(asg)
    assert [p["ProcessName"] for p in first] == ["AZRebalance", "HealthCheck"]
    assert all(re.fullmatch(r"User suspended at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", p["SuspensionReason"]) for p in first), first
    # A second suspension adds, and keeps the first one's time.
    asg.suspend_processes(AutoScalingGroupName="nodes", ScalingProcesses=["AZRebalance", "Launch"])
    second = {p["ProcessName"]: p["SuspensionReason"] for p in suspended(asg)}
    assert sorted(second) == ["AZRebalance", "HealthCheck", "Launch"]
    assert second["AZRebalance"] == first[0]["SuspensionReason"]
    asg.resume_processes(AutoScalingGroupName="nodes", ScalingProcesses=["HealthCheck"])
    assert [p["ProcessName"] for p in suspended(asg)] == ["Launch", "AZRebalance"]


def test_none_named_is_all(emulator) -> None:
    asg = group(emulator)
    asg.suspend_processes(AutoScalingGroupName="nodes")
    assert [p["ProcessName"] for p in suspended(asg)] == list(eksup_moto_asg.PROCESSES)
    asg.resume_processes(AutoScalingGroupName="nodes")
    assert suspended(asg) == []


def test_refusals_change_nothing(emulator) -> None:
    asg = group(emulator)
    message = refused(asg.suspend_processes, AutoScalingGroupName="nodes", ScalingProcesses=["AZRebalance", "Rebalance"])
    assert "'Rebalance' is not a valid scaling process" == message
    assert suspended(asg) == []
    assert "Rebalance" in refused(asg.resume_processes, AutoScalingGroupName="nodes", ScalingProcesses=["Rebalance"])
    assert "missing" in refused(asg.suspend_processes, AutoScalingGroupName="missing", ScalingProcesses=["Launch"])
    assert "missing" in refused(asg.resume_processes, AutoScalingGroupName="missing")


def tag(key: str, value: str = "v", group_name: str = "nodes", propagate: bool = False) -> dict:
    return {"ResourceId": group_name, "ResourceType": "auto-scaling-group", "Key": key, "Value": value,
            "PropagateAtLaunch": propagate}


def tags(asg, name: str = "nodes") -> dict[str, tuple[str, bool]]:
    g = asg.describe_auto_scaling_groups(AutoScalingGroupNames=[name])["AutoScalingGroups"][0]
    return {t["Key"]: (t["Value"], t["PropagateAtLaunch"]) for t in g["Tags"]}


def test_tags_up_to_fifty_a_group(emulator) -> None:
    asg = group(emulator)
    asg.create_or_update_tags(Tags=[tag(f"k{i}") for i in range(25)])
    asg.create_or_update_tags(Tags=[tag(f"k{i}", "w", propagate=True) for i in range(20, 50)])
    have = tags(asg)
    assert len(have) == 50
    assert have["k0"] == ("v", False) and have["k20"] == ("w", True)
    message = refused(asg.create_or_update_tags, "LimitExceeded", Tags=[tag("k0", "x"), tag("one-more")])
    assert "50" in message
    assert tags(asg)["k0"] == ("v", False)
    # Updating tags the group has is no new tag.
    asg.create_or_update_tags(Tags=[tag("k1", "x")])
    assert "missing" in refused(asg.create_or_update_tags, Tags=[tag("a", group_name="missing")])
