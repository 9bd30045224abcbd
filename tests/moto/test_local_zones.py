"""AWS Local Zones (eksup_moto_zones; eksup_moto_asg rule 10; the Local Zone rules of eksup_moto_eks)."""

from __future__ import annotations

import base64
import json
from typing import Any

import botocore.exceptions
import pytest

from test_k8s_api import FAST, Env, ready, wait_for

pytestmark = pytest.mark.emulator_env(**FAST)

AMI = "ami-12c6146b"  # one of moto's default AMIs
LAX = ["us-west-2-lax-1a", "us-west-2-lax-1b"]
AZS = ["us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d"]
FARGATE_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "eks-fargate-pods.amazonaws.com"}, "Action": "sts:AssumeRole"}]})


def error_of(call: Any, *args: Any, **kwargs: Any) -> tuple[str, str]:
    with pytest.raises(botocore.exceptions.ClientError) as raised:
        call(*args, **kwargs)
    error = raised.value.response["Error"]
    return error["Code"], error["Message"]


def names(response: dict[str, Any]) -> list[str]:
    return [z["ZoneName"] for z in response["AvailabilityZones"]]


def local_subnets(ec2: Any, vpc: str, base: int = 11) -> list[str]:
    """Subnets in the Local Zones; public (instances get public addresses) so that in `Env`'s VPC, whose main
    route table goes to an internet gateway, their nodes reach the cluster (eksup_moto_private's rules)."""
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{base + i}.0/24", AvailabilityZone=zone)["Subnet"]["SubnetId"]
               for i, zone in enumerate(LAX)]
    for subnet in subnets:
        ec2.modify_subnet_attribute(SubnetId=subnet, MapPublicIpOnLaunch={"Value": True})
    return subnets


# ---------------------------------------------------------------------------------------
# DescribeAvailabilityZones, ModifyAvailabilityZoneGroup
# ---------------------------------------------------------------------------------------
def test_listing_shows_opted_in_local_zones_and_all_zones_with_the_flag(emulator):
    ec2 = emulator.client("ec2")
    listed = ec2.describe_availability_zones()["AvailabilityZones"]
    assert [z["ZoneName"] for z in listed] == AZS + LAX  # Denver is not opted in
    by_name = {z["ZoneName"]: z for z in listed}
    assert by_name["us-west-2a"] == {"State": "available", "OptInStatus": "opt-in-not-required", "Messages": [], "RegionName": "us-west-2",
                                     "ZoneName": "us-west-2a", "ZoneId": "usw2-az2", "GroupName": "us-west-2-zg-1",
                                     "NetworkBorderGroup": "us-west-2", "ZoneType": "availability-zone", "GroupLongName": "US West (Oregon) 1"}
    lax = by_name["us-west-2-lax-1a"]
    assert (lax["ZoneId"], lax["ZoneType"], lax["OptInStatus"], lax["State"]) == ("usw2-lax1-az1", "local-zone", "opted-in", "available")
    assert (lax["GroupName"], lax["NetworkBorderGroup"], lax["GroupLongName"]) == ("us-west-2-lax-1", "us-west-2-lax-1", "US West (Los Angeles)")
    assert (lax["ParentZoneName"], lax["ParentZoneId"]) == ("us-west-2d", "usw2-az4")
    assert by_name["us-west-2-lax-1b"]["ZoneId"] == "usw2-lax1-az2"
    every = ec2.describe_availability_zones(AllAvailabilityZones=True)["AvailabilityZones"]
    den = next(z for z in every if z["ZoneName"] == "us-west-2-den-1a")
    assert (den["ZoneId"], den["GroupName"], den["OptInStatus"], den["ZoneType"]) == ("usw2-den1-az1", "us-west-2-den-1", "not-opted-in", "local-zone")


def test_zone_names_must_name_listed_zones(emulator):
    ec2 = emulator.client("ec2")
    # eksctl's check of its localZones (ZoneNames, no AllAvailabilityZones), and eksup's.
    assert names(ec2.describe_availability_zones(ZoneNames=LAX)) == LAX
    assert error_of(ec2.describe_availability_zones, ZoneNames=["us-west-2-den-1a"]) == (
        "InvalidParameterValue", "Invalid availability zone: [us-west-2-den-1a]")
    assert error_of(ec2.describe_availability_zones, ZoneNames=["us-west-2-lax-1a", "us-west-2-xyz-1a"]) == (
        "InvalidParameterValue", "Invalid availability zone: [us-west-2-xyz-1a]")
    den = ec2.describe_availability_zones(ZoneNames=["us-west-2-den-1a"], AllAvailabilityZones=True)["AvailabilityZones"]
    assert [(z["ZoneName"], z["OptInStatus"]) for z in den] == [("us-west-2-den-1a", "not-opted-in")]
    assert names(ec2.describe_availability_zones(ZoneIds=["usw2-lax1-az2"])) == ["us-west-2-lax-1b"]


def test_filters(emulator):
    ec2 = emulator.client("ec2")

    def listed(*filters: tuple[str, list[str]], all_zones: bool = False) -> list[str]:
        return names(ec2.describe_availability_zones(AllAvailabilityZones=all_zones, Filters=[{"Name": n, "Values": v} for n, v in filters]))

    # What eksup's regular listing asks: the Availability Zones, as before.
    assert listed(("state", ["available"]), ("zone-type", ["availability-zone"])) == AZS
    assert listed(("zone-type", ["local-zone"]), all_zones=True) == LAX + ["us-west-2-den-1a"]
    assert listed(("opt-in-status", ["not-opted-in"]), all_zones=True) == ["us-west-2-den-1a"]
    assert listed(("opt-in-status", ["opted-in"])) == LAX
    assert listed(("opt-in-status", ["opt-in-not-required"])) == AZS
    assert listed(("group-name", ["us-west-2-lax-1"])) == LAX
    assert listed(("zone-name", ["us-west-2*"]), ("region-name", ["us-west-2"])) == AZS + LAX
    assert listed(("zone-name", ["us-west-2-*"])) == LAX
    assert listed(("zone-name", ["us-west-2-lax-1?"])) == LAX
    assert listed(("zone-id", ["usw2-den1-az1"])) == []  # not opted in: listed with AllAvailabilityZones only
    assert listed(("parent-zone-id", ["usw2-az4"]), all_zones=True) == LAX + ["us-west-2-den-1a"]
    assert listed(("group-long-name", ["US West (Denver)"]), all_zones=True) == ["us-west-2-den-1a"]
    assert error_of(ec2.describe_availability_zones, Filters=[{"Name": "zone-colour", "Values": ["x"]}]) == (
        "InvalidParameterValue", "The filter 'zone-colour' is invalid")


def test_default_vpc_has_no_local_zone_subnet(emulator):
    ec2 = emulator.client("ec2")
    default = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"][0]["VpcId"]
    subnets = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [default]}])["Subnets"]
    assert sorted(s["AvailabilityZone"] for s in subnets) == AZS


@pytest.mark.emulator_env(**FAST, EKSUP_MOTO_LOCAL_ZONE_GROUPS="none")
def test_opting_in_to_a_zone_group(emulator):
    ec2 = emulator.client("ec2")
    assert names(ec2.describe_availability_zones()) == AZS
    assert error_of(ec2.describe_availability_zones, ZoneNames=LAX)[0] == "InvalidParameterValue"
    assert ec2.modify_availability_zone_group(GroupName="us-west-2-lax-1", OptInStatus="opted-in")["Return"] is True
    assert names(ec2.describe_availability_zones()) == AZS + LAX
    assert error_of(ec2.modify_availability_zone_group, GroupName="us-west-2-lax-1", OptInStatus="not-opted-in")[0] == "InvalidParameterValue"
    assert error_of(ec2.modify_availability_zone_group, GroupName="us-west-2-zg-1", OptInStatus="opted-in")[0] == "InvalidParameterValue"
    assert error_of(ec2.modify_availability_zone_group, GroupName="us-west-2-xyz-1", OptInStatus="opted-in")[0] == "InvalidParameterValue"
    # A reset forgets the opt-in.
    emulator.control("POST", "/moto-api/reset")
    assert names(emulator.client("ec2").describe_availability_zones()) == AZS


# ---------------------------------------------------------------------------------------
# Subnets, instance types, launches
# ---------------------------------------------------------------------------------------
def test_subnets_in_opted_in_local_zones_only(emulator):
    ec2 = emulator.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    a = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.11.0/24", AvailabilityZone="us-west-2-lax-1a")["Subnet"]
    assert (a["AvailabilityZone"], a["AvailabilityZoneId"], a["DefaultForAz"], a["MapPublicIpOnLaunch"]) == (
        "us-west-2-lax-1a", "usw2-lax1-az1", False, False)
    b = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.12.0/24", AvailabilityZoneId="usw2-lax1-az2")["Subnet"]
    assert (b["AvailabilityZone"], b["AvailabilityZoneId"]) == ("us-west-2-lax-1b", "usw2-lax1-az2")
    listed = ec2.describe_subnets(Filters=[{"Name": "availability-zone", "Values": ["us-west-2-lax-1b"]}])["Subnets"]
    assert [s["SubnetId"] for s in listed] == [b["SubnetId"]]
    assert error_of(ec2.create_subnet, VpcId=vpc, CidrBlock="10.0.13.0/24", AvailabilityZone="us-west-2-den-1a") == (
        "InvalidParameterValue", "Value (us-west-2-den-1a) for parameter availabilityZone is invalid. Subnets can currently only be "
        "created in the following availability zones: us-west-2a, us-west-2b, us-west-2c, us-west-2d, us-west-2-lax-1a, us-west-2-lax-1b.")
    assert error_of(ec2.create_subnet, VpcId=vpc, CidrBlock="10.0.13.0/24", AvailabilityZoneId="usw2-den1-az1")[0] == "InvalidParameterValue"
    ec2.modify_availability_zone_group(GroupName="us-west-2-den-1", OptInStatus="opted-in")
    assert ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.13.0/24", AvailabilityZone="us-west-2-den-1a")["Subnet"]["AvailabilityZoneId"] == "usw2-den1-az1"
    # Per-AZ things still work there: a route table association, a NAT gateway's subnet lookup.
    rt = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
    ec2.associate_route_table(RouteTableId=rt, SubnetId=a["SubnetId"])
    ec2.delete_subnet(SubnetId=b["SubnetId"])


def test_instance_type_offerings_of_the_local_zones(emulator):
    ec2 = emulator.client("ec2")

    def offered(location_type: str, location: str) -> set[str]:
        pages = ec2.get_paginator("describe_instance_type_offerings").paginate(
            LocationType=location_type, Filters=[{"Name": "location", "Values": [location]}])
        return {o["InstanceType"] for p in pages for o in p["InstanceTypeOfferings"]}

    lax_a = offered("availability-zone", "us-west-2-lax-1a")
    assert {t.split(".")[0] for t in lax_a} == {"t3", "c5", "c5d", "m5", "m5d", "r5", "r5d", "g4dn", "i3en"}
    assert {"t3.medium", "m5.large", "m5.xlarge", "c5.2xlarge", "g4dn.xlarge"} <= lax_a
    assert "m6i.large" not in lax_a and not any(t.endswith(".metal") for t in lax_a)
    assert offered("availability-zone", "us-west-2-lax-1b") == lax_a
    assert offered("availability-zone-id", "usw2-lax1-az1") == lax_a
    assert "m6i.large" in offered("availability-zone", "us-west-2a")  # the regular zones keep moto's data
    assert offered("availability-zone", "us-west-2-den-1a") == set()


def test_run_instances_of_a_type_the_local_zone_does_not_offer(emulator):
    ec2 = emulator.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    lax_a, _ = local_subnets(ec2, vpc)
    code, message = error_of(ec2.run_instances, ImageId=AMI, MinCount=1, MaxCount=1, InstanceType="m6i.large", SubnetId=lax_a)
    assert code == "Unsupported"
    assert message.startswith("Your requested instance type (m6i.large) is not supported in your requested Availability Zone "
                              "(us-west-2-lax-1a). Please retry your request by not specifying an Availability Zone or choosing us-west-2a")
    assert "us-west-2-lax-1b" not in message
    assert error_of(ec2.run_instances, ImageId=AMI, MinCount=1, MaxCount=1, InstanceType="m6i.large",
                    Placement={"AvailabilityZone": "us-west-2-lax-1b"})[0] == "Unsupported"
    template = ec2.create_launch_template(LaunchTemplateName="big", LaunchTemplateData={"InstanceType": "m6i.large"})["LaunchTemplate"]
    assert error_of(ec2.run_instances, ImageId=AMI, MinCount=1, MaxCount=1, SubnetId=lax_a,
                    LaunchTemplate={"LaunchTemplateId": template["LaunchTemplateId"]})[0] == "Unsupported"
    assert ec2.describe_instances()["Reservations"] == []
    instance = ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1, InstanceType="t3.medium", SubnetId=lax_a)["Instances"][0]
    assert instance["Placement"]["AvailabilityZone"] == "us-west-2-lax-1a"
    volumes = ec2.describe_volumes(Filters=[{"Name": "attachment.instance-id", "Values": [instance["InstanceId"]]}])["Volumes"]
    assert [v["AvailabilityZone"] for v in volumes] == ["us-west-2-lax-1a"]


def test_auto_scaling_launch_failures_are_scaling_activities(emulator):
    ec2, asg = emulator.client("ec2"), emulator.client("autoscaling")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    lax_a, lax_b = local_subnets(ec2, vpc)
    big = ec2.create_launch_template(LaunchTemplateName="big", LaunchTemplateData={"ImageId": AMI, "InstanceType": "m6i.large"})
    small = ec2.create_launch_template(LaunchTemplateName="small", LaunchTemplateData={"ImageId": AMI, "InstanceType": "t3.medium"})
    # AWS: the group is created; its launches fail in scaling activities.
    asg.create_auto_scaling_group(AutoScalingGroupName="big", LaunchTemplate={"LaunchTemplateId": big["LaunchTemplate"]["LaunchTemplateId"]},
                                  MinSize=1, MaxSize=2, DesiredCapacity=1, VPCZoneIdentifier=f"{lax_a},{lax_b}")
    group = asg.describe_auto_scaling_groups(AutoScalingGroupNames=["big"])["AutoScalingGroups"][0]
    assert group["Instances"] == [] and group["DesiredCapacity"] == 1
    activity = asg.describe_scaling_activities(AutoScalingGroupName="big")["Activities"][0]
    assert activity["StatusCode"] == "Failed" and activity["Progress"] == 100
    assert activity["StatusMessage"].startswith("Your requested instance type (m6i.large) is not supported in your requested "
                                                "Availability Zone (us-west-2-lax-1")
    assert activity["StatusMessage"].endswith(" Launching EC2 instance failed.")
    assert activity["Description"] == f"Launching a new EC2 instance.  Status Reason: {activity['StatusMessage']}"
    assert "in response to a difference between desired and actual capacity, increasing the capacity from 0 to 1." in activity["Cause"]
    details = json.loads(activity["Details"])
    assert details["Availability Zone"] in LAX and details["Subnet ID"] in (lax_a, lax_b)
    # A type the zones offer launches; each instance is an activity.
    asg.create_auto_scaling_group(AutoScalingGroupName="small", LaunchTemplate={"LaunchTemplateId": small["LaunchTemplate"]["LaunchTemplateId"]},
                                  MinSize=2, MaxSize=2, DesiredCapacity=2, VPCZoneIdentifier=f"{lax_a},{lax_b}")
    group = asg.describe_auto_scaling_groups(AutoScalingGroupNames=["small"])["AutoScalingGroups"][0]
    assert len(group["Instances"]) == 2 and {i["AvailabilityZone"] for i in group["Instances"]} <= set(LAX)
    done = asg.describe_scaling_activities(AutoScalingGroupName="small")["Activities"]
    assert len(done) == 2 and all(a["StatusCode"] == "Successful" and a["Description"].startswith("Launching a new EC2 instance: i-") for a in done)
    assert len(asg.describe_scaling_activities()["Activities"]) == 3
    assert len(asg.describe_scaling_activities(MaxRecords=2)["Activities"]) == 2
    asg.delete_auto_scaling_group(AutoScalingGroupName="big", ForceDelete=True)
    assert asg.describe_scaling_activities(AutoScalingGroupName="big")["Activities"] == []
    assert len(asg.describe_scaling_activities(AutoScalingGroupName="big", IncludeDeletedGroups=True)["Activities"]) == 1


# ---------------------------------------------------------------------------------------
# EKS
# ---------------------------------------------------------------------------------------
def test_control_plane_subnets_cannot_be_in_a_local_zone(emulator):
    env = Env(emulator)
    lax_a, _ = local_subnets(env.ec2, env.vpc)
    with pytest.raises(botocore.exceptions.ClientError) as raised:
        env.eks.create_cluster(name="lz", roleArn=env.cluster["roleArn"], resourcesVpcConfig={"subnetIds": [env.subnets[0], lax_a]})
    response = raised.value.response
    assert response["Error"]["Code"] == "UnsupportedAvailabilityZoneException"
    assert response["Error"]["Message"] == (
        "Cannot create cluster 'lz' because us-west-2-lax-1a, the targeted availability zone, does not currently have sufficient "
        "capacity to support the cluster. Retry and choose from these availability zones: us-west-2a, us-west-2b, us-west-2c, us-west-2d")
    assert response["validZones"] == AZS and response["clusterName"] == "lz"
    assert "lz" not in env.eks.list_clusters()["clusters"]
    code, message = error_of(env.eks.update_cluster_config, name="demo", resourcesVpcConfig={"subnetIds": [env.subnets[0], lax_a]})
    assert code == "InvalidParameterException" and "us-west-2-lax-1a, the targeted availability zone" in message
    assert env.eks.describe_cluster(name="demo")["cluster"]["resourcesVpcConfig"]["subnetIds"] == env.subnets


def test_fargate_profiles_cannot_use_local_zone_subnets(emulator):
    env = Env(emulator)
    lax_a, _ = local_subnets(env.ec2, env.vpc)
    role = env.iam.create_role(RoleName="pods", AssumeRolePolicyDocument=FARGATE_TRUST)["Role"]["Arn"]
    assert error_of(env.eks.create_fargate_profile, clusterName="demo", fargateProfileName="lz", podExecutionRoleArn=role,
                    subnets=[env.subnets[0], lax_a], selectors=[{"namespace": "edge"}]) == (
        "InvalidParameterException", f"Fargate Profile creation for the Availability Zone us-west-2-lax-1a for Subnet {lax_a} is not supported")
    assert env.eks.list_fargate_profiles(clusterName="demo")["fargateProfileNames"] == []


def test_managed_nodegroup_in_local_zones(emulator):
    env = Env(emulator)
    lax = local_subnets(env.ec2, env.vpc)
    env.eks.create_nodegroup(clusterName="demo", nodegroupName="edge", nodeRole=env.node_role["Arn"], subnets=lax,
                             scalingConfig={"minSize": 0, "maxSize": 2, "desiredSize": 2}, instanceTypes=["t3.medium"])
    ng = env.eks.describe_nodegroup(clusterName="demo", nodegroupName="edge")["nodegroup"]
    assert ng["status"] == "ACTIVE", ng
    nodes = env.kube.nodes()
    assert sorted(n["metadata"]["labels"]["topology.kubernetes.io/zone"] for n in nodes) == LAX
    assert all(ready(n) == "True" for n in nodes)
    # A type the Local Zones do not offer: the group's launches fail, the nodegroup with them.
    env.eks.create_nodegroup(clusterName="demo", nodegroupName="big", nodeRole=env.node_role["Arn"], subnets=lax,
                             scalingConfig={"minSize": 0, "maxSize": 1, "desiredSize": 1}, instanceTypes=["m6i.large"])
    big = env.eks.describe_nodegroup(clusterName="demo", nodegroupName="big")["nodegroup"]
    assert big["status"] == "CREATE_FAILED"
    issue = big["health"]["issues"][0]
    assert issue["code"] == "AsgInstanceLaunchFailures"
    assert issue["message"].startswith("Could not launch On-Demand Instances. Unsupported - Your requested instance type (m6i.large) "
                                       "is not supported in your requested Availability Zone (us-west-2-lax-1")
    assert issue["message"].endswith("Launching EC2 instance failed.")
    assert issue["resourceIds"] == [big["resources"]["autoScalingGroups"][0]["name"]]


def test_self_managed_nodes_in_local_zones_join_the_cluster(emulator):
    """Example 33: a self-managed node group in us-west-2-lax-1a and -1b (cluster in regular AZs)."""
    env = Env(emulator)
    env.ec2_linux_entry()
    regular = env.subnets
    env.subnets = local_subnets(env.ec2, env.vpc)
    env.self_managed(name="local-ng", count=2)
    env.subnets = regular
    assert wait_for(lambda: len(env.kube.nodes()) == 2)
    nodes = env.kube.nodes()
    assert all(ready(n) == "True" for n in nodes)
    assert sorted(n["metadata"]["labels"]["topology.kubernetes.io/zone"] for n in nodes) == LAX
    assert all(n["spec"]["providerID"].startswith("aws:///us-west-2-lax-1") for n in nodes)


def test_self_managed_group_of_a_type_not_offered_launches_nothing(emulator):
    env = Env(emulator)
    env.ec2_linux_entry()
    lax = local_subnets(env.ec2, env.vpc)
    data = {"ImageId": AMI, "InstanceType": "m6i.large", "SecurityGroupIds": [env.node_group_sg()],
            "UserData": base64.b64encode(env.user_data().encode()).decode(), "IamInstanceProfile": {"Arn": env.profile}}
    lt = env.ec2.create_launch_template(LaunchTemplateName="lt-big", LaunchTemplateData=data)["LaunchTemplate"]["LaunchTemplateId"]
    env.asg.create_auto_scaling_group(AutoScalingGroupName="big", LaunchTemplate={"LaunchTemplateId": lt, "Version": "$Latest"},
                                      MinSize=2, MaxSize=2, DesiredCapacity=2, VPCZoneIdentifier=",".join(lax))
    assert env.asg.describe_auto_scaling_groups(AutoScalingGroupNames=["big"])["AutoScalingGroups"][0]["Instances"] == []
    failed = env.asg.describe_scaling_activities(AutoScalingGroupName="big")["Activities"]
    assert failed and all(a["StatusCode"] == "Failed" for a in failed)
    assert env.kube.nodes() == []
