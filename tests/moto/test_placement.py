"""EC2 placement groups (eksup_moto_placement): the three actions with AWS's rules, and launches
into a group that does not exist refused, by RunInstances and in Auto Scaling's activities."""

from __future__ import annotations

from typing import Any

import botocore.exceptions
import pytest

from test_k8s_api import FAST

pytestmark = pytest.mark.emulator_env(**FAST)

AMI = "ami-12c6146b"  # one of moto's default AMIs


def error_of(call: Any, *args: Any, **kwargs: Any) -> tuple[str, str]:
    with pytest.raises(botocore.exceptions.ClientError) as raised:
        call(*args, **kwargs)
    error = raised.value.response["Error"]
    return error["Code"], error["Message"]


def test_groups_are_made_listed_and_deleted(emulator):
    ec2 = emulator.client("ec2")
    made = ec2.create_placement_group(GroupName="hpc", Strategy="cluster",
                                      TagSpecifications=[{"ResourceType": "placement-group", "Tags": [{"Key": "team", "Value": "ml"}]}])
    group = made["PlacementGroup"]
    assert group["GroupName"] == "hpc" and group["State"] == "available" and group["Strategy"] == "cluster"
    assert group["GroupId"].startswith("pg-") and group["GroupArn"].endswith(":placement-group/hpc")
    ec2.create_placement_group(GroupName="wide", Strategy="partition", PartitionCount=3)
    assert error_of(ec2.create_placement_group, GroupName="hpc", Strategy="cluster")[0] == "InvalidPlacementGroup.Duplicate"
    assert error_of(ec2.create_placement_group, GroupName="x", Strategy="cluster", PartitionCount=2)[0] == "InvalidParameterCombination"
    listed = ec2.describe_placement_groups()["PlacementGroups"]
    assert sorted(g["GroupName"] for g in listed) == ["hpc", "wide"]
    assert [g["PartitionCount"] for g in listed if g["GroupName"] == "wide"] == [3]
    assert [g["GroupName"] for g in ec2.describe_placement_groups(Filters=[{"Name": "tag:team", "Values": ["ml"]}])["PlacementGroups"]] == ["hpc"]
    code, message = error_of(ec2.describe_placement_groups, GroupNames=["nope"])
    assert code == "InvalidPlacementGroup.Unknown" and message == "The Placement Group 'nope' is unknown."
    # In use while an instance runs in it.
    instance = ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1, InstanceType="c5n.large",
                                 Placement={"GroupName": "hpc"})["Instances"][0]["InstanceId"]
    assert error_of(ec2.delete_placement_group, GroupName="hpc")[0] == "InvalidPlacementGroup.InUse"
    ec2.terminate_instances(InstanceIds=[instance])
    ec2.delete_placement_group(GroupName="hpc")
    assert error_of(ec2.delete_placement_group, GroupName="hpc")[0] == "InvalidPlacementGroup.Unknown"


def test_launches_into_a_group_that_does_not_exist_fail(emulator):
    ec2, asg = emulator.client("ec2"), emulator.client("autoscaling")
    code, _ = error_of(ec2.run_instances, ImageId=AMI, MinCount=1, MaxCount=1, Placement={"GroupName": "missing"})
    assert code == "InvalidPlacementGroup.Unknown"
    subnet = ec2.describe_subnets()["Subnets"][0]["SubnetId"]
    lt = ec2.create_launch_template(LaunchTemplateName="placed", LaunchTemplateData={
        "ImageId": AMI, "InstanceType": "c5n.large", "Placement": {"GroupName": "missing"}})["LaunchTemplate"]["LaunchTemplateId"]
    asg.create_auto_scaling_group(AutoScalingGroupName="placed", LaunchTemplate={"LaunchTemplateId": lt},
                                  MinSize=1, MaxSize=1, DesiredCapacity=1, VPCZoneIdentifier=subnet)
    group = asg.describe_auto_scaling_groups(AutoScalingGroupNames=["placed"])["AutoScalingGroups"][0]
    assert group["Instances"] == []
    activity = asg.describe_scaling_activities(AutoScalingGroupName="placed")["Activities"][0]
    assert activity["StatusCode"] == "Failed" and "The Placement Group 'missing' is unknown." in activity["StatusMessage"]
    # Once the group exists, the next launch goes in.
    ec2.create_placement_group(GroupName="missing", Strategy="cluster")
    asg.set_desired_capacity(AutoScalingGroupName="placed", DesiredCapacity=1)
    asg.update_auto_scaling_group(AutoScalingGroupName="placed", MaxSize=2, DesiredCapacity=2)
    group = asg.describe_auto_scaling_groups(AutoScalingGroupNames=["placed"])["AutoScalingGroups"][0]
    assert len(group["Instances"]) == 2, group
