"""VPC endpoints and private-only cluster endpoints (eksup_moto_endpoints): the endpoint service
catalogue, CreateVpcEndpoint's refusals, a security group held by an endpoint, and a cluster API
that refuses callers from outside the VPC once its public endpoint is off."""

from __future__ import annotations

import time
from typing import Any

import botocore.exceptions
import pytest

from test_k8s_api import FAST, Env

pytestmark = pytest.mark.emulator_env(**FAST)
REGION = "us-west-2"


def error_of(call: Any, *args: Any, **kwargs: Any) -> tuple[str, str]:
    with pytest.raises(botocore.exceptions.ClientError) as e:
        call(*args, **kwargs)
    return e.value.response["Error"]["Code"], e.value.response["Error"]["Message"]


def vpc_with_dns(ec2: Any) -> tuple[str, list[str]]:
    vpc = ec2.create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]
    for attribute in ("EnableDnsSupport", "EnableDnsHostnames"):
        ec2.modify_vpc_attribute(VpcId=vpc, **{attribute: {"Value": True}})
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.9.{i}.0/24", AvailabilityZone=f"{REGION}{z}")["Subnet"]["SubnetId"]
               for i, z in enumerate("aab")]
    return vpc, subnets


def test_the_catalogue_lists_the_services_a_private_cluster_needs(emulator):
    ec2 = emulator.client("ec2")
    names = [f"com.amazonaws.{REGION}.{s}" for s in ("ec2", "ecr.api", "ecr.dkr", "s3", "sts", "logs", "autoscaling")]
    got = ec2.describe_vpc_endpoint_services(ServiceNames=names, Filters=[{"Name": "service-name", "Values": names}])["ServiceDetails"]
    types = sorted((d["ServiceName"].rsplit(".", 1)[-1] if "ecr" not in d["ServiceName"] else d["ServiceName"].split(f"{REGION}.")[1],
                    d["ServiceType"][0]["ServiceType"]) for d in got)
    assert ("s3", "Gateway") in types and ("s3", "Interface") in types and ("ecr.dkr", "Interface") in types, types
    assert all(f"{REGION}a" in d["AvailabilityZones"] for d in got)
    code, message = error_of(ec2.describe_vpc_endpoint_services, ServiceNames=[f"com.amazonaws.{REGION}.nope"])
    assert code == "InvalidServiceName", message


def test_create_vpc_endpoint_refuses_what_aws_refuses(emulator):
    ec2 = emulator.client("ec2")
    vpc, (a1, a2, b) = vpc_with_dns(ec2)
    ecr = f"com.amazonaws.{REGION}.ecr.api"
    code, _ = error_of(ec2.create_vpc_endpoint, VpcId=vpc, ServiceName=f"com.amazonaws.{REGION}.nope", VpcEndpointType="Interface", SubnetIds=[a1])
    assert code == "InvalidServiceName"
    # sts has no gateway endpoint: AWS names the type (eksup_moto_private).
    assert error_of(ec2.create_vpc_endpoint, VpcId=vpc, ServiceName=f"com.amazonaws.{REGION}.sts", VpcEndpointType="Gateway") == (
        "InvalidParameter", "Endpoint type (Gateway) does not match available service types ([Interface]).")
    code, message = error_of(ec2.create_vpc_endpoint, VpcId=vpc, ServiceName=ecr, VpcEndpointType="Interface", SubnetIds=[a1, a2])
    assert code == "DuplicateSubnetsInSameZone", message
    other = ec2.create_vpc(CidrBlock="10.8.0.0/16")["Vpc"]["VpcId"]
    code, message = error_of(ec2.create_vpc_endpoint, VpcId=other, ServiceName=ecr, VpcEndpointType="Interface", SubnetIds=[a1])
    assert code == "InvalidParameter" and "does not belong to the VPC" in message, message
    # Private DNS needs both DNS attributes of the VPC.
    plain = ec2.create_vpc(CidrBlock="10.7.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=plain, CidrBlock="10.7.1.0/24", AvailabilityZone=f"{REGION}a")["Subnet"]["SubnetId"]
    code, message = error_of(ec2.create_vpc_endpoint, VpcId=plain, ServiceName=ecr, VpcEndpointType="Interface", SubnetIds=[subnet], PrivateDnsEnabled=True)
    assert code == "InvalidParameter" and "enableDnsSupport and enableDnsHostnames" in message, message
    # One private-DNS endpoint per service and VPC; the same client token makes one endpoint.
    made = ec2.create_vpc_endpoint(VpcId=vpc, ServiceName=ecr, VpcEndpointType="Interface", SubnetIds=[a1, b], PrivateDnsEnabled=True, ClientToken="t-1")
    again = ec2.create_vpc_endpoint(VpcId=vpc, ServiceName=ecr, VpcEndpointType="Interface", SubnetIds=[a1, b], PrivateDnsEnabled=True, ClientToken="t-1")
    assert made["VpcEndpoint"]["VpcEndpointId"] == again["VpcEndpoint"]["VpcEndpointId"]
    code, message = error_of(ec2.create_vpc_endpoint, VpcId=vpc, ServiceName=ecr, VpcEndpointType="Interface", SubnetIds=[a2], PrivateDnsEnabled=True)
    assert code == "InvalidParameter" and "conflicting DNS domain" in message, message


def test_an_endpoints_security_group_and_subnets_wait_for_it(emulator):
    ec2 = emulator.client("ec2")
    vpc, (a1, _, b) = vpc_with_dns(ec2)
    sg = ec2.create_security_group(GroupName="endpoints", Description="x", VpcId=vpc)["GroupId"]
    endpoint = ec2.create_vpc_endpoint(VpcId=vpc, ServiceName=f"com.amazonaws.{REGION}.sts", VpcEndpointType="Interface",
                                       SubnetIds=[a1, b], SecurityGroupIds=[sg], PrivateDnsEnabled=True)["VpcEndpoint"]["VpcEndpointId"]
    assert error_of(ec2.delete_security_group, GroupId=sg)[0] == "DependencyViolation"
    assert error_of(ec2.delete_subnet, SubnetId=a1)[0] == "DependencyViolation"
    assert error_of(ec2.delete_vpc, VpcId=vpc)[0] == "DependencyViolation"
    ec2.delete_vpc_endpoints(VpcEndpointIds=[endpoint])
    # The endpoint is `deleting` for a while (MOTO_VPC_ENDPOINT_DELETE_SECONDS, eksup_moto_private): its
    # network interfaces hold the group and the subnet until it is gone.
    assert error_of(ec2.delete_security_group, GroupId=sg)[0] == "DependencyViolation"
    deadline = time.monotonic() + 10
    while ec2.describe_vpc_endpoints(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["VpcEndpoints"] and time.monotonic() < deadline:
        time.sleep(0.2)
    ec2.delete_security_group(GroupId=sg)
    ec2.delete_subnet(SubnetId=a1)


def test_a_private_only_endpoint_refuses_callers_from_outside_the_vpc(emulator):
    env = Env(emulator)
    code, _ = env.kube.call("GET", "/api/v1/namespaces")
    assert code == 200
    env.eks.update_cluster_config(name=env.name, resourcesVpcConfig={"endpointPublicAccess": False, "endpointPrivateAccess": True})
    with pytest.raises(Exception):
        env.kube.call("GET", "/api/v1/namespaces")
    env.eks.update_cluster_config(name=env.name, resourcesVpcConfig={"endpointPublicAccess": True, "publicAccessCidrs": ["198.51.100.0/24"]})
    with pytest.raises(Exception):
        env.kube.call("GET", "/api/v1/namespaces")
    env.eks.update_cluster_config(name=env.name, resourcesVpcConfig={"publicAccessCidrs": ["203.0.113.0/24"]})
    code, _ = env.kube.call("GET", "/api/v1/namespaces")
    assert code == 200
