"""EC2 Capacity Reservations and Capacity Blocks for ML (eksup_moto_capacity): the actions with
AWS's rules, launches into a reservation refused where EC2 refuses them (by RunInstances, in Auto
Scaling's activities and in a managed node group's health), and EKS's CAPACITY_BLOCK rules."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from test_k8s_api import FAST, REGION, Env
from test_placement import AMI, error_of

pytestmark = pytest.mark.emulator_env(**FAST)


def reserve(ec2: Any, instance_type: str = "m5.large", zone: str = f"{REGION}a", count: int = 2, **kw: Any) -> str:
    return ec2.create_capacity_reservation(InstanceType=instance_type, InstancePlatform="Linux/UNIX", AvailabilityZone=zone,
                                           InstanceCount=count, **kw)["CapacityReservation"]["CapacityReservationId"]


def available(ec2: Any, cr: str) -> int:
    return ec2.describe_capacity_reservations(CapacityReservationIds=[cr])["CapacityReservations"][0]["AvailableInstanceCount"]


def targeting(cr: str, market: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"CapacityReservationSpecification": {"CapacityReservationTarget": {"CapacityReservationId": cr}}}
    if market:
        out["InstanceMarketOptions"] = {"MarketType": "capacity-block"}
    return out


def test_reservations_are_made_listed_and_cancelled(emulator):
    ec2 = emulator.client("ec2")
    cr = reserve(ec2, InstanceMatchCriteria="targeted",
                 TagSpecifications=[{"ResourceType": "capacity-reservation", "Tags": [{"Key": "team", "Value": "ml"}]}])
    made = ec2.describe_capacity_reservations(CapacityReservationIds=[cr])["CapacityReservations"][0]
    assert cr.startswith("cr-") and len(cr) == 20
    assert (made["State"], made["InstanceType"], made["AvailabilityZone"], made["TotalInstanceCount"], made["AvailableInstanceCount"],
            made["InstanceMatchCriteria"], made["ReservationType"]) == ("active", "m5.large", f"{REGION}a", 2, 2, "targeted", "default")
    reserve(ec2, "c5.large", f"{REGION}b", 1)
    assert [r["CapacityReservationId"] for r in ec2.describe_capacity_reservations(
        Filters=[{"Name": "tag:team", "Values": ["ml"]}])["CapacityReservations"]] == [cr]
    assert len(ec2.describe_capacity_reservations(Filters=[{"Name": "instance-type", "Values": ["c5.large"]}])["CapacityReservations"]) == 1
    assert error_of(ec2.describe_capacity_reservations, CapacityReservationIds=["cr-0123456789abcdef0"])[0] == "InvalidCapacityReservationId.NotFound"
    assert error_of(reserve, ec2, "m5.nope")[0] == "InvalidParameterValue"
    assert error_of(reserve, ec2, zone="us-east-1a")[0] == "InvalidParameterValue"
    ec2.cancel_capacity_reservation(CapacityReservationId=cr)
    assert ec2.describe_capacity_reservations(CapacityReservationIds=[cr])["CapacityReservations"][0]["State"] == "cancelled"
    assert error_of(ec2.cancel_capacity_reservation, CapacityReservationId="cr-0123456789abcdef0")[0] == "InvalidCapacityReservationId.NotFound"


def test_launches_into_a_reservation_follow_ec2s_rules(emulator):
    ec2 = emulator.client("ec2")
    subnet_a = ec2.describe_subnets(Filters=[{"Name": "availability-zone", "Values": [f"{REGION}a"]}])["Subnets"][0]["SubnetId"]
    subnet_b = ec2.describe_subnets(Filters=[{"Name": "availability-zone", "Values": [f"{REGION}b"]}])["Subnets"][0]["SubnetId"]
    cr = reserve(ec2, InstanceMatchCriteria="targeted")
    run = dict(ImageId=AMI, InstanceType="m5.large", SubnetId=subnet_a)
    first = ec2.run_instances(MinCount=1, MaxCount=1, **run, **targeting(cr))["Instances"][0]["InstanceId"]
    assert available(ec2, cr) == 1
    code, message = error_of(ec2.run_instances, MinCount=2, MaxCount=2, **run, **targeting(cr))
    assert code == "ReservationCapacityExceeded" and "does not have enough available instance capacity" in message
    assert error_of(ec2.run_instances, MinCount=1, MaxCount=1, ImageId=AMI, InstanceType="c5.large", SubnetId=subnet_a,
                    **targeting(cr))[0] == "InvalidCapacityReservationTarget"
    code, message = error_of(ec2.run_instances, MinCount=1, MaxCount=1, ImageId=AMI, InstanceType="m5.large", SubnetId=subnet_b,
                             **targeting(cr))
    assert code == "InvalidCapacityReservationTarget" and f"{REGION}b" in message
    assert error_of(ec2.run_instances, MinCount=1, MaxCount=1, **run,
                    **targeting("cr-0123456789abcdef0"))[0] == "InvalidCapacityReservationId.NotFound"
    assert error_of(ec2.run_instances, MinCount=1, MaxCount=1, **run, **targeting(cr, market=True))[0] == "InvalidParameterCombination"
    # A terminated instance gives its place back; a cancelled reservation takes no launch.
    ec2.terminate_instances(InstanceIds=[first])
    assert available(ec2, cr) == 2
    ec2.cancel_capacity_reservation(CapacityReservationId=cr)
    assert error_of(ec2.run_instances, MinCount=1, MaxCount=1, **run, **targeting(cr))[0] == "InvalidCapacityReservationTarget"


def test_open_reservations_take_matching_launches_unless_the_launch_says_none(emulator):
    ec2 = emulator.client("ec2")
    subnet_a = ec2.describe_subnets(Filters=[{"Name": "availability-zone", "Values": [f"{REGION}a"]}])["Subnets"][0]["SubnetId"]
    cr = reserve(ec2, "c5.xlarge", count=1)
    run = dict(ImageId=AMI, InstanceType="c5.xlarge", SubnetId=subnet_a, MinCount=1, MaxCount=1)
    ec2.run_instances(**run, CapacityReservationSpecification={"CapacityReservationPreference": "none"})
    assert available(ec2, cr) == 1
    ec2.run_instances(**run)
    assert available(ec2, cr) == 0
    ec2.run_instances(**run)  # full: the launch goes on demand
    assert available(ec2, cr) == 0


def test_capacity_blocks_are_bought_and_used_only_as_blocks_once_they_start(emulator):
    ec2 = emulator.client("ec2")
    subnet_a = ec2.describe_subnets(Filters=[{"Name": "availability-zone", "Values": [f"{REGION}a"]}])["Subnets"][0]["SubnetId"]
    offers = ec2.describe_capacity_block_offerings(InstanceType="p5.48xlarge", InstanceCount=1, CapacityDurationHours=24)["CapacityBlockOfferings"]
    offer = next(o for o in offers if o["AvailabilityZone"] == f"{REGION}a")
    block = ec2.purchase_capacity_block(CapacityBlockOfferingId=offer["CapacityBlockOfferingId"],
                                        InstancePlatform="Linux/UNIX")["CapacityReservation"]
    cr = block["CapacityReservationId"]
    assert (block["ReservationType"], block["State"], block["InstanceMatchCriteria"]) == ("capacity-block", "active", "targeted")
    assert error_of(ec2.purchase_capacity_block, CapacityBlockOfferingId=offer["CapacityBlockOfferingId"],
                    InstancePlatform="Linux/UNIX")[0] == "InvalidCapacityBlockOfferingIdNotFound"
    run = dict(ImageId=AMI, InstanceType="p5.48xlarge", SubnetId=subnet_a, MinCount=1, MaxCount=1)
    assert error_of(ec2.run_instances, **run, **targeting(cr))[0] == "InvalidParameterCombination"
    assert error_of(ec2.run_instances, **run, InstanceMarketOptions={"MarketType": "capacity-block"})[0] == "InvalidParameterCombination"
    ec2.run_instances(**run, **targeting(cr, market=True))
    assert available(ec2, cr) == 0
    assert error_of(ec2.cancel_capacity_reservation, CapacityReservationId=cr)[0] == "UnsupportedOperation"
    later = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=2)
    offer = ec2.describe_capacity_block_offerings(InstanceType="p5.48xlarge", InstanceCount=1, CapacityDurationHours=48,
                                                  StartDateRange=later)["CapacityBlockOfferings"][0]
    future = ec2.purchase_capacity_block(CapacityBlockOfferingId=offer["CapacityBlockOfferingId"], InstancePlatform="Linux/UNIX")
    assert future["CapacityReservation"]["State"] == "scheduled"
    subnet = ec2.describe_subnets(Filters=[{"Name": "availability-zone", "Values": [offer["AvailabilityZone"]]}])["Subnets"][0]["SubnetId"]
    code, message = error_of(ec2.run_instances, **{**run, "SubnetId": subnet},
                             **targeting(future["CapacityReservation"]["CapacityReservationId"], market=True))
    assert (code, message) == ("InvalidCapacityReservationState.PendingActivation", "Your Capacity Block is not active yet.")


def test_an_auto_scaling_group_into_a_missing_reservation_records_failed_launches(emulator):
    ec2, asg = emulator.client("ec2"), emulator.client("autoscaling")
    subnet = ec2.describe_subnets(Filters=[{"Name": "availability-zone", "Values": [f"{REGION}a"]}])["Subnets"][0]["SubnetId"]
    lt = ec2.create_launch_template(LaunchTemplateName="reserved", LaunchTemplateData={
        "ImageId": AMI, "InstanceType": "m5.large",
        **targeting("cr-0123456789abcdef0")})["LaunchTemplate"]["LaunchTemplateId"]
    asg.create_auto_scaling_group(AutoScalingGroupName="reserved", LaunchTemplate={"LaunchTemplateId": lt},
                                  MinSize=1, MaxSize=2, DesiredCapacity=1, VPCZoneIdentifier=subnet)
    group = asg.describe_auto_scaling_groups(AutoScalingGroupNames=["reserved"])["AutoScalingGroups"][0]
    assert group["Instances"] == []
    activity = asg.describe_scaling_activities(AutoScalingGroupName="reserved")["Activities"][0]
    assert activity["StatusCode"] == "Failed" and "cr-0123456789abcdef0" in activity["StatusMessage"], activity
    # A reservation the template names (made now) takes the next launch.
    cr = reserve(ec2, InstanceMatchCriteria="targeted")
    ec2.create_launch_template_version(LaunchTemplateId=lt, SourceVersion="1", LaunchTemplateData=targeting(cr))
    asg.update_auto_scaling_group(AutoScalingGroupName="reserved", LaunchTemplate={"LaunchTemplateId": lt, "Version": "$Latest"},
                                  DesiredCapacity=2)
    group = asg.describe_auto_scaling_groups(AutoScalingGroupNames=["reserved"])["AutoScalingGroups"][0]
    assert len(group["Instances"]) == 2, group
    assert available(ec2, cr) == 0


def test_eks_takes_capacity_blocks_only_through_a_launch_template_that_names_the_block(emulator):
    env = Env(emulator, "blocks")
    ec2 = env.ec2
    base = dict(clusterName=env.name, nodeRole=env.node_role["Arn"], subnets=env.subnets[:1],
                scalingConfig={"minSize": 0, "maxSize": 1, "desiredSize": 1}, amiType="AL2023_x86_64_NVIDIA")
    code, message = error_of(env.eks.create_nodegroup, nodegroupName="a", capacityType="CAPACITY_BLOCK", instanceTypes=["p5.48xlarge"], **base)
    assert code == "InvalidParameterException" and "launch template" in message
    offers = ec2.describe_capacity_block_offerings(InstanceType="p5.48xlarge", InstanceCount=1, CapacityDurationHours=24)["CapacityBlockOfferings"]
    offer = next(o for o in offers if o["AvailabilityZone"] == f"{REGION}a")
    cr = ec2.purchase_capacity_block(CapacityBlockOfferingId=offer["CapacityBlockOfferingId"],
                                     InstancePlatform="Linux/UNIX")["CapacityReservation"]["CapacityReservationId"]
    plain = ec2.create_launch_template(LaunchTemplateName="plain", LaunchTemplateData={"InstanceType": "p5.48xlarge"})["LaunchTemplate"]
    code, _ = error_of(env.eks.create_nodegroup, nodegroupName="b", capacityType="CAPACITY_BLOCK",
                       launchTemplate={"id": plain["LaunchTemplateId"]}, **base)
    assert code == "InvalidParameterException"
    lt = ec2.create_launch_template(LaunchTemplateName="block", LaunchTemplateData={
        "InstanceType": "p5.48xlarge", **targeting(cr, market=True)})["LaunchTemplate"]["LaunchTemplateId"]
    code, _ = error_of(env.eks.create_nodegroup, nodegroupName="c", launchTemplate={"id": lt}, **base)
    assert code == "InvalidParameterException"  # a block's template with the default capacity type
    env.eks.create_nodegroup(nodegroupName="d", capacityType="CAPACITY_BLOCK", launchTemplate={"id": lt}, **base)
    ng = env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="d")["nodegroup"]
    assert ng["capacityType"] == "CAPACITY_BLOCK" and ng["instanceTypes"] == ["p5.48xlarge"]
    assert available(ec2, cr) == 0  # EKS's copy of the template launched into the block
