"""EnableMetricsCollection as AWS checks it (eksup_moto_asg.py, item 8)."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

import eksup_moto_asg


def group(emulator, name: str = "nodes"):
    ec2, asg = emulator.client("ec2"), emulator.client("autoscaling")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24", AvailabilityZone="us-west-2a")["Subnet"]["SubnetId"]
    lt = ec2.create_launch_template(LaunchTemplateName=f"{name}-lt", LaunchTemplateData={"ImageId": "ami-12c6146b", "InstanceType": "m5.large"})
    asg.create_auto_scaling_group(AutoScalingGroupName=name, MinSize=0, MaxSize=2, DesiredCapacity=0, VPCZoneIdentifier=subnet,
                                  LaunchTemplate={"LaunchTemplateId": lt["LaunchTemplate"]["LaunchTemplateId"]})
    return asg


def enabled(asg, name: str = "nodes") -> list[str]:
    g = asg.describe_auto_scaling_groups(AutoScalingGroupNames=[name])["AutoScalingGroups"][0]
    assert all(m["Granularity"] == "1Minute" for m in g["EnabledMetrics"])
    return sorted(m["Metric"] for m in g["EnabledMetrics"])


def refused(call, **kwargs) -> str:
    with pytest.raises(ClientError) as raised:
        call(**kwargs)
    assert raised.value.response["Error"]["Code"] == "ValidationError"
    return raised.value.response["Error"]["Message"]


def test_named_metrics_add_to_those_enabled(emulator) -> None:
    asg = group(emulator)
    assert enabled(asg) == []
    asg.enable_metrics_collection(AutoScalingGroupName="nodes", Granularity="1Minute", Metrics=["GroupMinSize"])
    asg.enable_metrics_collection(AutoScalingGroupName="nodes", Granularity="1Minute", Metrics=["GroupMaxSize", "GroupMinSize"])
    assert enabled(asg) == ["GroupMaxSize", "GroupMinSize"]


def test_no_metric_named_enables_all(emulator) -> None:
    asg = group(emulator)
    asg.enable_metrics_collection(AutoScalingGroupName="nodes", Granularity="1Minute")
    assert enabled(asg) == sorted(eksup_moto_asg.METRICS)
    assert len(enabled(asg)) == 20


def test_refusals(emulator) -> None:
    asg = group(emulator)
    assert "1Minute" in refused(asg.enable_metrics_collection, AutoScalingGroupName="nodes", Granularity="5Minute")
    assert "GroupSize" in refused(asg.enable_metrics_collection, AutoScalingGroupName="nodes", Granularity="1Minute", Metrics=["GroupSize"])
    assert "missing" in refused(asg.enable_metrics_collection, AutoScalingGroupName="missing", Granularity="1Minute")
    assert enabled(asg) == []


def mixed(lt: str, **distribution) -> dict:
    return {"LaunchTemplate": {"LaunchTemplateSpecification": {"LaunchTemplateId": lt, "Version": "$Latest"},
                               "Overrides": [{"InstanceType": "t3.small"}, {"InstanceType": "t3.medium"}]},
            "InstancesDistribution": distribution}


def test_mixed_instances_policies_are_checked(emulator) -> None:
    """eksup_moto_asg.py, item 9."""
    ec2, asg = emulator.client("ec2"), emulator.client("autoscaling")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24", AvailabilityZone="us-west-2a")["Subnet"]["SubnetId"]
    lt = ec2.create_launch_template(LaunchTemplateName="lt", LaunchTemplateData={"ImageId": "ami-12c6146b", "InstanceType": "t3.small"})
    lt = lt["LaunchTemplate"]["LaunchTemplateId"]

    def create(name: str, policy: dict):
        return asg.create_auto_scaling_group(AutoScalingGroupName=name, MinSize=0, MaxSize=2, DesiredCapacity=1,
                                             VPCZoneIdentifier=subnet, MixedInstancesPolicy=policy)

    assert "less than or equal to 100" in refused(create, name="a", policy=mixed(lt, OnDemandPercentageAboveBaseCapacity=150))
    assert "lowest-price" in refused(create, name="b", policy=mixed(lt, SpotInstancePools=2, SpotAllocationStrategy="capacity-optimized"))
    bad = mixed(lt)
    bad["LaunchTemplate"]["Overrides"].append({"InstanceType": "t3.huge"})
    assert "t3.huge" in refused(create, name="c", policy=bad)
    # lowest-price is the default strategy.
    create("d", mixed(lt, SpotInstancePools=2, OnDemandPercentageAboveBaseCapacity=50))
    g = asg.describe_auto_scaling_groups(AutoScalingGroupNames=["d"])["AutoScalingGroups"][0]
    assert g["MixedInstancesPolicy"]["InstancesDistribution"]["OnDemandPercentageAboveBaseCapacity"] == 50
    assert len(g["Instances"]) == 1
    assert "less than or equal to 100" in refused(asg.update_auto_scaling_group, AutoScalingGroupName="d",
                                                  MixedInstancesPolicy=mixed(lt, OnDemandPercentageAboveBaseCapacity=101))
