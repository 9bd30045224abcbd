"""Auto Scaling instance refreshes and termination lifecycle hooks (eksup_moto_asg.py)."""

from __future__ import annotations

import time

import pytest
from botocore.exceptions import ClientError

HOOK = "drain"
TERMINATING = "autoscaling:EC2_INSTANCE_TERMINATING"


def code_of(call, *args, **kwargs) -> tuple[str, str]:
    with pytest.raises(ClientError) as raised:
        call(*args, **kwargs)
    error = raised.value.response["Error"]
    return error["Code"], error["Message"]


def eks_ami(ssm, minor: str) -> str:
    name = f"/aws/service/eks/optimized-ami/{minor}/amazon-linux-2023/x86_64/standard/recommended/image_id"
    return ssm.get_parameter(Name=name)["Parameter"]["Value"]


def setup_group(emulator, name: str = "nodes", size: int = 2) -> dict:
    """A group of `size` instances on version 1 of a launch template (EKS 1.33 AMI); version 2
    has the 1.34 AMI."""
    ec2, asg, ssm = emulator.client("ec2"), emulator.client("autoscaling"), emulator.client("ssm")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24", AvailabilityZone="us-west-2a")["Subnet"]["SubnetId"]
    old_ami, new_ami = eks_ami(ssm, "1.33"), eks_ami(ssm, "1.34")
    lt = ec2.create_launch_template(LaunchTemplateName=f"{name}-lt", LaunchTemplateData={"ImageId": old_ami, "InstanceType": "m5.large"})
    lt_id = lt["LaunchTemplate"]["LaunchTemplateId"]
    ec2.create_launch_template_version(LaunchTemplateId=lt_id, SourceVersion="1", LaunchTemplateData={"ImageId": new_ami})
    asg.create_auto_scaling_group(AutoScalingGroupName=name, MinSize=0, MaxSize=6, DesiredCapacity=size, VPCZoneIdentifier=subnet,
                                  LaunchTemplate={"LaunchTemplateId": lt_id, "Version": "1"})
    return {"asg": asg, "ec2": ec2, "lt": lt_id, "old_ami": old_ami, "new_ami": new_ami, "old": instance_ids(asg, name), "name": name}


def group_of(asg, name: str) -> dict:
    return asg.describe_auto_scaling_groups(AutoScalingGroupNames=[name])["AutoScalingGroups"][0]


def instance_ids(asg, name: str) -> list[str]:
    return sorted(i["InstanceId"] for i in group_of(asg, name)["Instances"])


def states(asg, name: str) -> dict[str, str]:
    return {i["InstanceId"]: i["LifecycleState"] for i in group_of(asg, name)["Instances"]}


def refresh_of(asg, name: str, refresh_id: str) -> dict:
    return asg.describe_instance_refreshes(AutoScalingGroupName=name, InstanceRefreshIds=[refresh_id])["InstanceRefreshes"][0]


def wait_for(check, timeout: float = 4.0, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


def ec2_state(ec2, instance_id: str) -> str:
    return ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]["State"]["Name"]


def put_hook(asg, name: str, **kwargs) -> None:
    asg.put_lifecycle_hook(LifecycleHookName=HOOK, AutoScalingGroupName=name, LifecycleTransition=TERMINATING,
                           HeartbeatTimeout=kwargs.pop("HeartbeatTimeout", 300),
                           DefaultResult=kwargs.pop("DefaultResult", "CONTINUE"), **kwargs)


def test_refresh_launches_before_terminating_onto_the_new_version(emulator):
    g = setup_group(emulator)
    asg, ec2, name = g["asg"], g["ec2"], g["name"]
    # moto launched from the template's default version whatever the group said; now the version is passed on.
    for instance in group_of(asg, name)["Instances"]:
        assert instance["LaunchTemplate"]["Version"] == "1"

    refresh_id = asg.start_instance_refresh(
        AutoScalingGroupName=name,
        DesiredConfiguration={"LaunchTemplate": {"LaunchTemplateId": g["lt"], "Version": "2"}},
        Preferences={"MinHealthyPercentage": 100, "MaxHealthyPercentage": 200, "InstanceWarmup": 0},
    )["InstanceRefreshId"]

    refresh = wait_for(lambda: (r := refresh_of(asg, name, refresh_id))["Status"] == "Successful" and r)
    assert refresh["PercentageComplete"] == 100 and refresh["InstancesToUpdate"] == 0
    assert refresh["ProgressDetails"]["LivePoolProgress"] == {"PercentageComplete": 100, "InstancesToUpdate": 0}
    assert refresh["Preferences"]["MinHealthyPercentage"] == 100 and refresh["Preferences"]["MaxHealthyPercentage"] == 200
    assert refresh["Preferences"]["SkipMatching"] is False
    assert refresh["DesiredConfiguration"] == {"LaunchTemplate": {"LaunchTemplateId": g["lt"], "Version": "2"}}
    assert "EndTime" in refresh

    group = group_of(asg, name)
    new = sorted(i["InstanceId"] for i in group["Instances"])
    assert len(new) == 2 and not set(new) & set(g["old"])
    assert group["DesiredCapacity"] == 2
    assert group["LaunchTemplate"]["Version"] == "2"  # the group adopted the desired configuration
    for instance in group["Instances"]:
        assert instance["LifecycleState"] == "InService"
        assert instance["LaunchTemplate"] == {"LaunchTemplateId": g["lt"], "LaunchTemplateName": "nodes-lt", "Version": "2"}
    described = ec2.describe_instances(InstanceIds=new)["Reservations"]
    for inst in [i for r in described for i in r["Instances"]]:
        assert inst["ImageId"] == g["new_ami"]  # the version's AMI: the node's kubelet follows it
        tags = {t["Key"]: t["Value"] for t in inst["Tags"]}
        assert tags["aws:ec2launchtemplate:version"] == "2"
    for old in g["old"]:
        assert ec2_state(ec2, old) == "terminated"


def test_termination_hook_holds_the_old_instance_until_complete_lifecycle_action(emulator):
    g = setup_group(emulator)
    asg, ec2, name = g["asg"], g["ec2"], g["name"]
    put_hook(asg, name, HeartbeatTimeout=300)
    hook = asg.describe_lifecycle_hooks(AutoScalingGroupName=name)["LifecycleHooks"][0]
    assert hook["HeartbeatTimeout"] == 300 and hook["DefaultResult"] == "CONTINUE" and hook["GlobalTimeout"] == 30000
    assert "RoleARN" not in hook and "NotificationTargetARN" not in hook

    # Min 50 of 2: one instance at a time, terminated before its replacement is launched.
    refresh_id = asg.start_instance_refresh(AutoScalingGroupName=name, Preferences={"MinHealthyPercentage": 50})["InstanceRefreshId"]
    lifecycle = states(asg, name)
    waiting = [i for i, s in lifecycle.items() if s == "Terminating:Wait"]
    assert len(waiting) == 1 and len(lifecycle) == 2, lifecycle
    first = waiting[0]
    time.sleep(0.5)  # the timer runs: nothing moves while the action is open
    assert states(asg, name) == lifecycle
    assert ec2_state(ec2, first) == "running"
    described = asg.describe_auto_scaling_instances(InstanceIds=[first])["AutoScalingInstances"]
    assert described[0]["LifecycleState"] == "Terminating:Wait"
    refresh = refresh_of(asg, name, refresh_id)
    assert refresh["Status"] == "InProgress" and refresh["PercentageComplete"] == 0 and refresh["InstancesToUpdate"] == 2
    assert first in refresh["StatusReason"]
    actions = emulator.control("GET", "/eksup-test/autoscaling/lifecycle-actions")
    assert [(a["instanceId"], a["lifecycleHookName"]) for a in actions] == [(first, HOOK)]

    asg.complete_lifecycle_action(LifecycleHookName=HOOK, AutoScalingGroupName=name, InstanceId=first, LifecycleActionResult="CONTINUE")
    assert ec2_state(ec2, first) == "terminated"
    lifecycle = states(asg, name)
    assert first not in lifecycle and len(lifecycle) == 2  # its replacement was launched
    second = [i for i, s in lifecycle.items() if s == "Terminating:Wait"]
    assert second and second[0] in g["old"] and second[0] != first  # the next batch is held too
    refresh = refresh_of(asg, name, refresh_id)
    assert refresh["PercentageComplete"] == 50 and refresh["InstancesToUpdate"] == 1

    # By token this time (what a notification consumer would use).
    token = next(a["lifecycleActionToken"] for a in emulator.control("GET", "/eksup-test/autoscaling/lifecycle-actions"))
    asg.complete_lifecycle_action(LifecycleHookName=HOOK, AutoScalingGroupName=name, LifecycleActionToken=token,
                                  LifecycleActionResult="ABANDON")
    assert wait_for(lambda: refresh_of(asg, name, refresh_id)["Status"] == "Successful")
    assert not set(instance_ids(asg, name)) & set(g["old"]) and len(instance_ids(asg, name)) == 2


@pytest.mark.emulator_env(MOTO_ASG_HEARTBEAT_TIMEOUT_SECONDS="2")
def test_heartbeat_timeout_applies_the_default_result_and_heartbeats_restart_it(emulator):
    g = setup_group(emulator, size=1)
    asg, ec2, name = g["asg"], g["ec2"], g["name"]
    put_hook(asg, name, HeartbeatTimeout=30, DefaultResult="ABANDON")
    refresh_id = asg.start_instance_refresh(AutoScalingGroupName=name)["InstanceRefreshId"]
    started = time.monotonic()  # the action's first timeout ends by started + 2
    old = g["old"][0]
    assert states(asg, name) == {old: "Terminating:Wait"}

    time.sleep(max(0.0, started + 0.8 - time.monotonic()))
    sent = time.monotonic()
    asg.record_lifecycle_action_heartbeat(LifecycleHookName=HOOK, AutoScalingGroupName=name, InstanceId=old)
    time.sleep(max(0.0, started + 2.2 - time.monotonic()))  # past the first timeout, inside the restarted one
    assert states(asg, name) == {old: "Terminating:Wait"}
    assert ec2_state(ec2, old) == "running"

    # Nobody polls Auto Scaling: the timer applies the default result (ABANDON: terminate too).
    assert wait_for(lambda: ec2_state(ec2, old) == "terminated", timeout=3.0)
    assert time.monotonic() - sent >= 1.9
    assert wait_for(lambda: refresh_of(asg, name, refresh_id)["Status"] == "Successful")
    assert len(instance_ids(asg, name)) == 1 and instance_ids(asg, name) != [old]
    assert code_of(asg.record_lifecycle_action_heartbeat, LifecycleHookName=HOOK, AutoScalingGroupName=name, InstanceId=old) == (
        "ValidationError", f"No active Lifecycle Action found with instance ID {old}")


def test_a_second_refresh_is_refused_while_one_runs(emulator):
    g = setup_group(emulator)
    asg, name = g["asg"], g["name"]
    put_hook(asg, name)
    first = asg.start_instance_refresh(AutoScalingGroupName=name)["InstanceRefreshId"]
    assert code_of(asg.start_instance_refresh, AutoScalingGroupName=name) == (
        "InstanceRefreshInProgress", "An Instance Refresh is already in progress and blocks the execution of this Instance Refresh.")
    with pytest.raises(ClientError) as raised:
        asg.start_instance_refresh(AutoScalingGroupName=name)
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400

    assert code_of(asg.start_instance_refresh, AutoScalingGroupName="nope")[0] == "ValidationError"
    assert code_of(asg.describe_instance_refreshes, AutoScalingGroupName="nope")[0] == "ValidationError"
    code, message = code_of(asg.start_instance_refresh, AutoScalingGroupName=name,
                            Preferences={"MinHealthyPercentage": 150, "MaxHealthyPercentage": 250})
    assert code == "ValidationError"
    assert message == ("2 validation errors detected: Value '150' at 'preferences.minHealthyPercentage' failed to satisfy constraint: "
                       "Member must have value less than or equal to 100; Value '250' at 'preferences.maxHealthyPercentage' "
                       "failed to satisfy constraint: Member must have value less than or equal to 200")
    assert [r["InstanceRefreshId"] for r in asg.describe_instance_refreshes(AutoScalingGroupName=name)["InstanceRefreshes"]] == [first]


def test_refresh_preferences_are_validated(emulator):
    g = setup_group(emulator, size=1)
    asg, name = g["asg"], g["name"]
    for prefs in ({"MaxHealthyPercentage": 150},  # Max needs Min
                  {"MinHealthyPercentage": 50, "MaxHealthyPercentage": 200},  # more than 100 apart
                  {"CheckpointDelay": 60}):  # a delay needs checkpoints
        assert code_of(asg.start_instance_refresh, AutoScalingGroupName=name, Preferences=prefs)[0] == "ValidationError", prefs
    assert code_of(asg.start_instance_refresh, AutoScalingGroupName=name, Preferences={"AutoRollback": True}) == (
        "ValidationError", "The request isn't valid. The AutoRollback parameter cannot be set to true when the DesiredConfiguration "
        "parameter is empty. Set AutoRollback to false or specify a desired configuration and try again.")
    code, message = code_of(asg.start_instance_refresh, AutoScalingGroupName=name,
                            DesiredConfiguration={"LaunchTemplate": {"LaunchTemplateId": "lt-0123456789abcdef0", "Version": "1"}})
    assert (code, message) == ("ValidationError", "You must use a valid fully-formed launch template. The specified launch template, "
                               "with template ID lt-0123456789abcdef0, does not exist.")
    assert code_of(asg.start_instance_refresh, AutoScalingGroupName=name,
                   DesiredConfiguration={"LaunchTemplate": {"LaunchTemplateId": g["lt"], "Version": "7"}})[0] == "ValidationError"
    assert asg.describe_instance_refreshes(AutoScalingGroupName=name)["InstanceRefreshes"] == []


def test_cancel_keeps_what_was_replaced_and_waits_for_the_held_instance(emulator):
    g = setup_group(emulator)
    asg, ec2, name = g["asg"], g["ec2"], g["name"]
    assert code_of(asg.cancel_instance_refresh, AutoScalingGroupName=name) == (
        "ActiveInstanceRefreshNotFound", f"No in progress or pending Instance Refresh found for Auto Scaling group {name}")
    put_hook(asg, name)
    refresh_id = asg.start_instance_refresh(
        AutoScalingGroupName=name, Preferences={"MinHealthyPercentage": 50},
        DesiredConfiguration={"LaunchTemplate": {"LaunchTemplateName": "nodes-lt", "Version": "$Latest"}})["InstanceRefreshId"]
    held = [i for i, s in states(asg, name).items() if s == "Terminating:Wait"][0]
    untouched = [i for i in g["old"] if i != held][0]
    # While a refresh with a desired configuration runs, the group's launch template is locked.
    assert code_of(asg.update_auto_scaling_group, AutoScalingGroupName=name,
                   LaunchTemplate={"LaunchTemplateId": g["lt"], "Version": "1"})[0] == "ValidationError"

    assert asg.cancel_instance_refresh(AutoScalingGroupName=name)["InstanceRefreshId"] == refresh_id
    time.sleep(0.4)
    assert refresh_of(asg, name, refresh_id)["Status"] == "Cancelling"
    assert states(asg, name)[held] == "Terminating:Wait"  # stays until its action ends

    asg.complete_lifecycle_action(LifecycleHookName=HOOK, AutoScalingGroupName=name, InstanceId=held, LifecycleActionResult="CONTINUE")
    refresh = wait_for(lambda: (r := refresh_of(asg, name, refresh_id))["Status"] == "Cancelled" and r)
    assert refresh["PercentageComplete"] == 50 and refresh["InstancesToUpdate"] == 1 and "EndTime" in refresh
    lifecycle = states(asg, name)
    assert len(lifecycle) == 2 and untouched in lifecycle and held not in lifecycle
    assert set(lifecycle.values()) == {"InService"}
    assert ec2_state(ec2, held) == "terminated" and ec2_state(ec2, untouched) == "running"
    versions = {i["InstanceId"]: i["LaunchTemplate"]["Version"] for i in group_of(asg, name)["Instances"]}
    assert versions.pop(untouched) == "1" and list(versions.values()) == ["2"]  # $Latest, resolved
    assert group_of(asg, name)["LaunchTemplate"]["Version"] == "1"  # a cancelled refresh leaves the group alone
    assert code_of(asg.cancel_instance_refresh, AutoScalingGroupName=name)[0] == "ActiveInstanceRefreshNotFound"
    # A new refresh may start; newest first.
    second = asg.start_instance_refresh(AutoScalingGroupName=name, Preferences={"MinHealthyPercentage": 50})["InstanceRefreshId"]
    listed = asg.describe_instance_refreshes(AutoScalingGroupName=name)["InstanceRefreshes"]
    assert [r["InstanceRefreshId"] for r in listed] == [second, refresh_id]


def test_complete_lifecycle_action_without_a_wait_is_refused(emulator):
    g = setup_group(emulator, size=1)
    asg, name = g["asg"], g["name"]
    old = g["old"][0]
    message = f"No active Lifecycle Action found with instance ID {old}"
    assert code_of(asg.complete_lifecycle_action, LifecycleHookName=HOOK, AutoScalingGroupName=name, InstanceId=old,
                   LifecycleActionResult="CONTINUE") == ("ValidationError", message)  # no hook at all
    put_hook(asg, name)
    assert code_of(asg.complete_lifecycle_action, LifecycleHookName=HOOK, AutoScalingGroupName=name, InstanceId=old,
                   LifecycleActionResult="CONTINUE") == ("ValidationError", message)  # InService: nothing waits
    token = "0d1f4c9e-1d7c-4f3e-9b1e-7a2f8e6b5c4d"
    assert code_of(asg.complete_lifecycle_action, LifecycleHookName=HOOK, AutoScalingGroupName=name, LifecycleActionToken=token,
                   LifecycleActionResult="CONTINUE") == ("ValidationError", f"No active Lifecycle Action found with token {token}")
    asg.start_instance_refresh(AutoScalingGroupName=name)
    assert states(asg, name) == {old: "Terminating:Wait"}
    assert code_of(asg.complete_lifecycle_action, LifecycleHookName="other", AutoScalingGroupName=name, InstanceId=old,
                   LifecycleActionResult="CONTINUE") == ("ValidationError", message)  # unknown hook
    assert code_of(asg.complete_lifecycle_action, LifecycleHookName=HOOK, AutoScalingGroupName=name, InstanceId=old,
                   LifecycleActionResult="MAYBE")[0] == "ValidationError"
    asg.complete_lifecycle_action(LifecycleHookName=HOOK, AutoScalingGroupName=name, InstanceId=old, LifecycleActionResult="CONTINUE")
    assert code_of(asg.complete_lifecycle_action, LifecycleHookName=HOOK, AutoScalingGroupName=name, InstanceId=old,
                   LifecycleActionResult="CONTINUE") == ("ValidationError", message)  # already done


def test_skip_matching_replaces_only_mismatched_instances(emulator):
    g = setup_group(emulator, size=1)
    asg, ec2, name = g["asg"], g["ec2"], g["name"]
    v1 = g["old"][0]
    # The group moves to version 2 and grows: one instance on each version.
    asg.update_auto_scaling_group(AutoScalingGroupName=name, LaunchTemplate={"LaunchTemplateId": g["lt"], "Version": "2"},
                                  DesiredCapacity=2)
    v2 = [i for i in instance_ids(asg, name) if i != v1][0]
    assert {i["InstanceId"]: i["LaunchTemplate"]["Version"] for i in group_of(asg, name)["Instances"]} == {v1: "1", v2: "2"}

    refresh_id = asg.start_instance_refresh(AutoScalingGroupName=name,
                                            Preferences={"SkipMatching": True, "MinHealthyPercentage": 50})["InstanceRefreshId"]
    refresh = wait_for(lambda: (r := refresh_of(asg, name, refresh_id))["Status"] == "Successful" and r)
    assert refresh["PercentageComplete"] == 100 and refresh["Preferences"]["SkipMatching"] is True
    after = instance_ids(asg, name)
    assert v2 in after and v1 not in after and len(after) == 2
    assert ec2_state(ec2, v1) == "terminated" and ec2_state(ec2, v2) == "running"
    assert {i["LaunchTemplate"]["Version"] for i in group_of(asg, name)["Instances"]} == {"2"}

    # Everything matches now: nothing to replace, Successful at once.
    again = asg.start_instance_refresh(AutoScalingGroupName=name, Preferences={"SkipMatching": True})["InstanceRefreshId"]
    refresh = refresh_of(asg, name, again)
    assert (refresh["Status"], refresh["PercentageComplete"], refresh["InstancesToUpdate"]) == ("Successful", 100, 0)
    assert instance_ids(asg, name) == after


@pytest.mark.emulator_env(MOTO_ASG_WARMUP_SECONDS="1")
def test_warmup_holds_the_old_instances_until_replacements_are_warm(emulator):
    g = setup_group(emulator)
    asg, name = g["asg"], g["name"]
    refresh_id = asg.start_instance_refresh(AutoScalingGroupName=name,
                                            Preferences={"MinHealthyPercentage": 100, "MaxHealthyPercentage": 150})["InstanceRefreshId"]
    lifecycle = states(asg, name)
    assert len(lifecycle) == 3 and set(lifecycle.values()) == {"InService"}  # one launched above capacity, old ones kept
    refresh = refresh_of(asg, name, refresh_id)
    assert refresh["StatusReason"].startswith("Waiting for instances to warm up before continuing. For example: i-")
    assert group_of(asg, name)["DesiredCapacity"] == 2
    assert wait_for(lambda: refresh_of(asg, name, refresh_id)["Status"] == "Successful", timeout=5.0)
    assert not set(instance_ids(asg, name)) & set(g["old"]) and len(instance_ids(asg, name)) == 2


def test_lifecycle_hooks_are_validated_and_updated_in_place(emulator):
    g = setup_group(emulator, size=0)
    asg, name = g["asg"], g["name"]
    for bad in ({"AutoScalingGroupName": "nope", "LifecycleTransition": TERMINATING},
                {"AutoScalingGroupName": name},  # a new hook needs a transition
                {"AutoScalingGroupName": name, "LifecycleTransition": "autoscaling:EC2_INSTANCE_STOPPING"},
                {"AutoScalingGroupName": name, "LifecycleTransition": TERMINATING, "HeartbeatTimeout": 10},
                {"AutoScalingGroupName": name, "LifecycleTransition": TERMINATING, "DefaultResult": "RETRY"}):
        assert code_of(asg.put_lifecycle_hook, LifecycleHookName=HOOK, **bad)[0] == "ValidationError", bad
    asg.put_lifecycle_hook(LifecycleHookName=HOOK, AutoScalingGroupName=name, LifecycleTransition=TERMINATING, HeartbeatTimeout=600,
                           NotificationMetadata="eksup")
    asg.put_lifecycle_hook(LifecycleHookName=HOOK, AutoScalingGroupName=name, DefaultResult="CONTINUE")  # an update: the rest stays
    (hook,) = asg.describe_lifecycle_hooks(AutoScalingGroupName=name)["LifecycleHooks"]
    fields = ("LifecycleTransition", "HeartbeatTimeout", "DefaultResult", "GlobalTimeout", "NotificationMetadata")
    assert tuple(hook[f] for f in fields) == (TERMINATING, 600, "CONTINUE", 60000, "eksup")
    asg.delete_lifecycle_hook(LifecycleHookName=HOOK, AutoScalingGroupName=name)
    assert asg.describe_lifecycle_hooks(AutoScalingGroupName=name)["LifecycleHooks"] == []
    # A group's hooks go with it.
    asg.put_lifecycle_hook(LifecycleHookName=HOOK, AutoScalingGroupName=name, LifecycleTransition=TERMINATING)
    asg.delete_auto_scaling_group(AutoScalingGroupName=name, ForceDelete=True)
    asg.create_auto_scaling_group(AutoScalingGroupName=name, MinSize=0, MaxSize=1, DesiredCapacity=0,
                                  LaunchTemplate={"LaunchTemplateId": g["lt"], "Version": "1"}, AvailabilityZones=["us-west-2a"])
    assert asg.describe_lifecycle_hooks(AutoScalingGroupName=name)["LifecycleHooks"] == []
