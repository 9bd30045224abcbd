"""Fully-private clusters and VPC endpoints (eksup_moto_private): the endpoint service catalogue, VPC
endpoints as AWS makes and refuses them (a security group and subnets held while an endpoint exists),
nodes that join only with a way out, and a cluster API closed to callers outside the VPC. (These tests
took in those of the former eksup_moto_endpoints module.)"""

from __future__ import annotations

import base64
import socket
import ssl
import time
import urllib.error
from typing import Any

import botocore.exceptions
import pytest

from test_k8s_api import FAST, REGION, Env, ready, wait_for

pytestmark = pytest.mark.emulator_env(**FAST)
SVC = f"com.amazonaws.{REGION}."
DEFAULT_ZONES = [f"{REGION}{z}" for z in "abcd"]


def error_of(call: Any, *args: Any, **kwargs: Any) -> tuple[str, str]:
    with pytest.raises(botocore.exceptions.ClientError) as e:
        call(*args, **kwargs)
    return e.value.response["Error"]["Code"], e.value.response["Error"]["Message"]


def dns_vpc(ec2: Any, cidr: str = "10.9.0.0/16", zones: str = "aab", support: bool = True, hostnames: bool = True) -> tuple[str, list[str]]:
    vpc = ec2.create_vpc(CidrBlock=cidr)["Vpc"]["VpcId"]
    ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsSupport={"Value": support})
    ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsHostnames={"Value": hostnames})
    prefix = cidr.rsplit(".", 2)[0]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"{prefix}.{i}.0/24", AvailabilityZone=f"{REGION}{z}")["Subnet"]["SubnetId"]
               for i, z in enumerate(zones)]
    return vpc, subnets


def interface(ec2: Any, vpc: str, service: str, subnets: list[str], **kw: Any) -> dict[str, Any]:
    return ec2.create_vpc_endpoint(VpcId=vpc, ServiceName=SVC + service, VpcEndpointType="Interface", SubnetIds=subnets, **kw)["VpcEndpoint"]


def endpoint(ec2: Any, vpce: str) -> dict[str, Any]:
    return ec2.describe_vpc_endpoints(VpcEndpointIds=[vpce])["VpcEndpoints"][0]


def private_env(emulator: Any, endpoints: tuple[str, ...] = ("ec2", "ecr.api", "ecr.dkr", "sts"), s3: bool = True,
                public: bool = True, private: bool = True, **kw: Any) -> Env:
    """An Env without a way out of the VPC, its DNS attributes on, the endpoints eksctl makes for a private
    cluster (interface endpoints with the cluster security group, the S3 gateway on the main route table)."""
    env = Env(emulator, egress=False, vpc_config={"endpointPublicAccess": public, "endpointPrivateAccess": private}, **kw)
    env.ec2.modify_vpc_attribute(VpcId=env.vpc, EnableDnsHostnames={"Value": True})
    sg = env.cluster_sg
    made = [interface(env.ec2, env.vpc, s, env.subnets, SecurityGroupIds=[sg], PrivateDnsEnabled=True)["VpcEndpointId"] for s in endpoints]
    if s3:
        main = env.ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [env.vpc]}])["RouteTables"][0]["RouteTableId"]
        made.append(env.ec2.create_vpc_endpoint(VpcId=env.vpc, ServiceName=SVC + "s3", RouteTableIds=[main])["VpcEndpoint"]["VpcEndpointId"])
    env.endpoints = made  # type: ignore[attr-defined]
    return env


def refused(env: Env) -> bool:
    """Whether the cluster's API refuses the test machine's connection (reset, no HTTP answer)."""
    try:
        env.kube.call("GET", "/version", token=None)
    except (urllib.error.URLError, ConnectionError, ssl.SSLError, OSError):
        return True
    return False


# ---------------------------------------------------------------------------------------
# 1. The catalogue
# ---------------------------------------------------------------------------------------
def test_the_catalogue_lists_what_a_private_cluster_needs_as_aws_does(emulator):
    ec2 = emulator.client("ec2")
    names = [SVC + s for s in ("ec2", "ecr.api", "ecr.dkr", "s3", "sts", "logs", "autoscaling", "cloudformation", "eks", "eks-auth")]
    got = ec2.describe_vpc_endpoint_services(ServiceNames=names, Filters=[{"Name": "service-name", "Values": names}])
    assert sorted(got["ServiceNames"]) == sorted(names)
    details = got["ServiceDetails"]
    assert all(len(d["ServiceType"]) == 1 for d in details), "eksctl refuses services with several types"
    types = sorted((d["ServiceName"][len(SVC):], d["ServiceType"][0]["ServiceType"]) for d in details)
    assert types == sorted([(n[len(SVC):], "Interface") for n in names] + [("s3", "Gateway")])
    by = {(d["ServiceName"][len(SVC):], d["ServiceType"][0]["ServiceType"]): d for d in details}
    assert by[("ecr.dkr", "Interface")]["PrivateDnsName"] == f"*.dkr.ecr.{REGION}.amazonaws.com"
    assert by[("ecr.api", "Interface")]["BaseEndpointDnsNames"] == [f"api.ecr.{REGION}.vpce.amazonaws.com"]
    assert by[("eks-auth", "Interface")]["PrivateDnsName"] == f"eks-auth.{REGION}.api.aws"
    assert "PrivateDnsName" not in by[("s3", "Gateway")]
    assert by[("ec2", "Interface")]["AvailabilityZones"] == DEFAULT_ZONES, "no Local Zone for interface endpoints"
    assert f"{REGION}-lax-1a" in by[("s3", "Gateway")]["AvailabilityZones"]
    assert all(d["Owner"] == "amazon" and d["ServiceId"].startswith("vpce-svc-") for d in details)
    again = ec2.describe_vpc_endpoint_services(ServiceNames=[SVC + "sts"])["ServiceDetails"][0]
    assert again["ServiceId"] == by[("sts", "Interface")]["ServiceId"], "stable ids"
    gateways = ec2.describe_vpc_endpoint_services(Filters=[{"Name": "service-type", "Values": ["Gateway"]}])["ServiceNames"]
    assert gateways == [SVC + "dynamodb", SVC + "s3"]
    assert error_of(ec2.describe_vpc_endpoint_services, ServiceNames=[SVC + "nope"]) == (
        "InvalidServiceName", f"The Vpc Endpoint Service '{SVC}nope' does not exist")
    # Every call answers (moto's own catalogue failed once and answered nothing after), page by page.
    everything = ec2.describe_vpc_endpoint_services()["ServiceNames"]
    assert len(everything) > 100
    pages, token = [], None
    while True:
        page = ec2.describe_vpc_endpoint_services(MaxResults=40, **({"NextToken": token} if token else {}))
        pages += page["ServiceNames"]
        token = page.get("NextToken")
        if not token:
            break
    assert sorted(set(pages)) == sorted(everything)


def test_china_regions_name_some_services_cn_com_amazonaws(emulator):
    ec2 = emulator.session.client("ec2", endpoint_url=emulator.endpoint, region_name="cn-north-1")
    got = ec2.describe_vpc_endpoint_services(ServiceNames=["cn.com.amazonaws.cn-north-1.ecr.dkr", "com.amazonaws.cn-north-1.s3"])
    by = {(d["ServiceName"], d["ServiceType"][0]["ServiceType"]): d for d in got["ServiceDetails"]}
    assert by[("cn.com.amazonaws.cn-north-1.ecr.dkr", "Interface")]["PrivateDnsName"] == "*.dkr.ecr.cn-north-1.amazonaws.com.cn"
    assert ("com.amazonaws.cn-north-1.s3", "Gateway") in by
    assert error_of(ec2.describe_vpc_endpoint_services, ServiceNames=["com.amazonaws.cn-north-1.ec2"])[0] == "InvalidServiceName"


def test_the_test_route_narrows_the_zones_of_a_service(emulator):
    ec2 = emulator.client("ec2")
    emulator.control("POST", "/eksup-test/vpc-endpoint-services", {SVC + "sts": [f"{REGION}a", f"{REGION}b"]})
    assert ec2.describe_vpc_endpoint_services(ServiceNames=[SVC + "sts"])["ServiceDetails"][0]["AvailabilityZones"] == [f"{REGION}a", f"{REGION}b"]
    vpc, (a, _, b) = dns_vpc(ec2, zones="aab")
    c = ec2.create_subnet(VpcId=vpc, CidrBlock="10.9.9.0/24", AvailabilityZone=f"{REGION}c")["Subnet"]["SubnetId"]
    assert error_of(interface, ec2, vpc, "sts", [a, c]) == (
        "InvalidParameter", f"The VPC endpoint service {SVC}sts does not support the availability zone of the subnet: {c}.")
    assert interface(ec2, vpc, "sts", [a, b])["SubnetIds"] == [a, b]
    assert emulator.control("GET", "/eksup-test/vpc-endpoint-services") == {SVC + "sts": [f"{REGION}a", f"{REGION}b"]}
    emulator.control("DELETE", "/eksup-test/vpc-endpoint-services")
    assert ec2.describe_vpc_endpoint_services(ServiceNames=[SVC + "sts"])["ServiceDetails"][0]["AvailabilityZones"] == DEFAULT_ZONES


# ---------------------------------------------------------------------------------------
# 2. CreateVpcEndpoint
# ---------------------------------------------------------------------------------------
def test_create_vpc_endpoint_refuses_what_aws_refuses(emulator):
    ec2 = emulator.client("ec2")
    vpc, (a1, a2, b) = dns_vpc(ec2)
    main = ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["RouteTables"][0]["RouteTableId"]
    assert error_of(interface, ec2, vpc, "nope", [a1]) == ("InvalidServiceName", f"The Vpc Endpoint Service '{SVC}nope' does not exist")
    # The type: Gateway by default.
    assert error_of(ec2.create_vpc_endpoint, VpcId=vpc, ServiceName=SVC + "sts") == (
        "InvalidParameter", "Endpoint type (Gateway) does not match available service types ([Interface]).")
    assert error_of(ec2.create_vpc_endpoint, VpcId=vpc, ServiceName=SVC + "dynamodb", VpcEndpointType="Interface", SubnetIds=[a1]) == (
        "InvalidParameter", "Endpoint type (Interface) does not match available service types ([Gateway]).")
    assert error_of(ec2.create_vpc_endpoint, VpcId=vpc, ServiceName=SVC + "s3", SubnetIds=[a1]) == (
        "InvalidParameter", "Subnet IDs are only supported for Interface and GatewayLoadBalancer type VPC Endpoints.")
    assert error_of(interface, ec2, vpc, "sts", [a1], RouteTableIds=[main]) == (
        "InvalidParameter", "Route table IDs are only supported for Gateway type VPC Endpoint.")
    # Subnets: one per zone, in a zone the service offers, of the endpoint's VPC.
    assert error_of(interface, ec2, vpc, "ecr.api", [a1, a2]) == (
        "DuplicateSubnetsInSameZone", f"Found another VPC endpoint subnet in the availability zone of {a1}. VPC endpoint subnets "
        "should be in different availability zones supported by the VPC endpoint service.")
    lax = ec2.create_subnet(VpcId=vpc, CidrBlock="10.9.200.0/24", AvailabilityZone=f"{REGION}-lax-1a")["Subnet"]["SubnetId"]
    assert error_of(interface, ec2, vpc, "ecr.api", [a1, lax]) == (
        "InvalidParameter", f"The VPC endpoint service {SVC}ecr.api does not support the availability zone of the subnet: {lax}.")
    other, (o1, *_) = dns_vpc(ec2, cidr="10.8.0.0/16")
    assert error_of(interface, ec2, vpc, "ecr.api", [o1]) == ("InvalidParameter", f"The subnet ID '{o1}' does not belong to the VPC '{vpc}'")
    other_sg = ec2.create_security_group(GroupName="elsewhere", Description="x", VpcId=other)["GroupId"]
    assert error_of(interface, ec2, vpc, "ecr.api", [a1], SecurityGroupIds=[other_sg]) == (
        "InvalidParameter", f"Security group {other_sg} and subnet {a1} belong to different networks.")
    other_rt = ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [other]}])["RouteTables"][0]["RouteTableId"]
    assert error_of(ec2.create_vpc_endpoint, VpcId=vpc, ServiceName=SVC + "s3", RouteTableIds=[other_rt])[0] == "InvalidParameter"
    # Private DNS needs both DNS attributes of the VPC.
    plain, (p1, *_) = dns_vpc(ec2, cidr="10.7.0.0/16", hostnames=False)
    assert error_of(interface, ec2, plain, "ecr.api", [p1], PrivateDnsEnabled=True) == (
        "InvalidParameter", f"Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for {plain}")
    assert error_of(interface, ec2, plain, "ecr.api", [p1]) [0] == "InvalidParameter", "private DNS is the default"
    assert interface(ec2, plain, "ecr.api", [p1], PrivateDnsEnabled=False)["PrivateDnsEnabled"] is False
    # One private-DNS endpoint of a service per VPC (also while the first is pending).
    interface(ec2, vpc, "ecr.dkr", [a1, b], PrivateDnsEnabled=True)
    assert error_of(interface, ec2, vpc, "ecr.dkr", [a2], PrivateDnsEnabled=True) == (
        "InvalidParameter", f"private-dns-enabled cannot be set because there is already a conflicting DNS domain for "
        f"*.dkr.ecr.{REGION}.amazonaws.com in the VPC {vpc}")
    assert interface(ec2, vpc, "ecr.dkr", [a2], PrivateDnsEnabled=False)["VpcEndpointType"] == "Interface"
    # The S3 interface endpoint's private DNS needs the S3 gateway endpoint first.
    assert error_of(interface, ec2, vpc, "s3", [a1]) == (
        "InvalidParameter", f"To set PrivateDnsOnlyForInboundResolverEndpoint to true, the VPC {vpc} must have a Gateway endpoint for the service.")
    gateway = ec2.create_vpc_endpoint(VpcId=vpc, ServiceName=SVC + "s3", RouteTableIds=[main])["VpcEndpoint"]
    assert error_of(ec2.create_vpc_endpoint, VpcId=vpc, ServiceName=SVC + "s3", RouteTableIds=[main])[0] == "RouteAlreadyExists"
    assert interface(ec2, vpc, "s3", [a1])["PrivateDnsEnabled"] is True
    assert (gateway["VpcEndpointType"], gateway["PrivateDnsEnabled"]) == ("Gateway", False)
    assert error_of(interface, ec2, "vpc-0123456789abcdef0", "sts", [a1])[0] == "InvalidVpcID.NotFound"


@pytest.mark.emulator_env(**FAST, MOTO_VPC_ENDPOINT_CREATE_SECONDS="1", MOTO_VPC_ENDPOINT_DELETE_SECONDS="1")
def test_states_client_token_tags_and_filters(emulator):
    ec2 = emulator.client("ec2")
    vpc, (a, _, b) = dns_vpc(ec2)
    tags = [{"ResourceType": "vpc-endpoint", "Tags": [{"Key": "eksup.io/cluster", "Value": "priv"}]}]
    made = ec2.create_vpc_endpoint(VpcId=vpc, ServiceName=SVC + "ec2", VpcEndpointType="Interface", SubnetIds=[a, b],
                                   PrivateDnsEnabled=True, ClientToken="token-1", TagSpecifications=tags)
    vpce = made["VpcEndpoint"]
    assert (vpce["State"], made["ClientToken"]) == ("pending", "token-1")
    assert vpce["Tags"] == tags[0]["Tags"] and vpce["DnsEntries"][0]["DnsName"].endswith(f".ec2.{REGION}.vpce.amazonaws.com")
    # A retry with the token answers the same endpoint (no conflicting-DNS refusal); other parameters are refused.
    again = ec2.create_vpc_endpoint(VpcId=vpc, ServiceName=SVC + "ec2", VpcEndpointType="Interface", SubnetIds=[a, b],
                                    PrivateDnsEnabled=True, ClientToken="token-1", TagSpecifications=tags)["VpcEndpoint"]
    assert again["VpcEndpointId"] == vpce["VpcEndpointId"]
    assert error_of(ec2.create_vpc_endpoint, VpcId=vpc, ServiceName=SVC + "ec2", VpcEndpointType="Interface", SubnetIds=[a],
                    ClientToken="token-1")[0] == "IdempotentParameterMismatch"
    main = ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["RouteTables"][0]["RouteTableId"]
    s3 = ec2.create_vpc_endpoint(VpcId=vpc, ServiceName=SVC + "s3", RouteTableIds=[main])["VpcEndpoint"]
    assert s3["State"] == "available", "a gateway endpoint is available at once"
    flt = lambda name, *values: ec2.describe_vpc_endpoints(Filters=[{"Name": name, "Values": list(values)}])["VpcEndpoints"]  # noqa: E731
    assert [e["VpcEndpointId"] for e in flt("vpc-endpoint-state", "pending")] == [vpce["VpcEndpointId"]]
    assert [e["VpcEndpointId"] for e in flt("tag:eksup.io/cluster", "priv")] == [vpce["VpcEndpointId"]]
    assert [e["VpcEndpointId"] for e in flt("service-name", SVC + "s3")] == [s3["VpcEndpointId"]]
    assert [e["VpcEndpointId"] for e in flt("vpc-endpoint-type", "Gateway")] == [s3["VpcEndpointId"]]
    assert len(flt("vpc-id", vpc)) == 2
    assert wait_for(lambda: endpoint(ec2, vpce["VpcEndpointId"])["State"] == "available", timeout=5)
    # Delete: deleting, then gone.
    answer = ec2.delete_vpc_endpoints(VpcEndpointIds=[vpce["VpcEndpointId"], "vpce-0123456789abcdef0"])
    assert answer["Unsuccessful"] == [{"Error": {"Code": "InvalidVpcEndpoint.NotFound", "Message": "The VPC endpoint 'vpce-0123456789abcdef0' does not exist"},
                                       "ResourceId": "vpce-0123456789abcdef0"}]
    assert endpoint(ec2, vpce["VpcEndpointId"])["State"] == "deleting"
    assert ec2.delete_vpc_endpoints(VpcEndpointIds=[vpce["VpcEndpointId"]])["Unsuccessful"] == []
    time.sleep(1.1)
    assert error_of(ec2.describe_vpc_endpoints, VpcEndpointIds=[vpce["VpcEndpointId"]])[0] == "InvalidVpcEndpointId.NotFound"
    assert [e["VpcEndpointId"] for e in flt("vpc-id", vpc)] == [s3["VpcEndpointId"]]


@pytest.mark.emulator_env(**FAST, MOTO_VPC_ENDPOINT_DELETE_SECONDS="1")
def test_an_interface_endpoint_holds_its_subnets_groups_and_vpc_until_it_is_gone(emulator):
    ec2 = emulator.client("ec2")
    vpc, (a, _, b) = dns_vpc(ec2)
    sg = ec2.create_security_group(GroupName="endpoints", Description="x", VpcId=vpc)["GroupId"]
    vpce = interface(ec2, vpc, "sts", [a, b], SecurityGroupIds=[sg])
    enis = ec2.describe_network_interfaces(NetworkInterfaceIds=vpce["NetworkInterfaceIds"])["NetworkInterfaces"]
    assert sorted(e["SubnetId"] for e in enis) == sorted([a, b])
    for eni in enis:
        assert eni["Description"] == f"VPC Endpoint Interface {vpce['VpcEndpointId']}"
        assert (eni["InterfaceType"], eni["RequesterManaged"], eni["Status"]) == ("vpc_endpoint", True, "in-use")
        assert [g["GroupId"] for g in eni["Groups"]] == [sg]
        subnet = ec2.describe_subnets(SubnetIds=[eni["SubnetId"]])["Subnets"][0]
        assert eni["PrivateIpAddress"].startswith(subnet["CidrBlock"].rsplit(".", 1)[0] + ".")
    assert [g["GroupId"] for g in vpce["Groups"]] == [sg]
    found = ec2.describe_network_interfaces(Filters=[{"Name": "interface-type", "Values": ["vpc_endpoint"]}])["NetworkInterfaces"]
    assert len(found) == 2
    assert error_of(ec2.delete_network_interface, NetworkInterfaceId=enis[0]["NetworkInterfaceId"])[0] == "InvalidParameterValue"

    def blocked() -> list[str]:
        return [error_of(ec2.delete_security_group, GroupId=sg)[0], error_of(ec2.delete_subnet, SubnetId=a)[0],
                error_of(ec2.delete_vpc, VpcId=vpc)[0]]

    assert blocked() == ["DependencyViolation"] * 3
    ec2.delete_vpc_endpoints(VpcEndpointIds=[vpce["VpcEndpointId"]])
    assert blocked() == ["DependencyViolation"] * 3, "its network interfaces stay while it is deleting"
    time.sleep(1.1)
    ec2.delete_security_group(GroupId=sg)
    ec2.delete_subnet(SubnetId=a)
    # Without groups an interface endpoint gets the VPC's default group.
    default = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "group-name", "Values": ["default"]}])
    assert [g["GroupId"] for g in interface(ec2, vpc, "sts", [b])["Groups"]] == [default["SecurityGroups"][0]["GroupId"]]


@pytest.mark.emulator_env(**FAST, MOTO_VPC_ENDPOINT_DELETE_SECONDS="0")
def test_modify_vpc_endpoint_keeps_interfaces_in_step_with_subnets(emulator):
    ec2 = emulator.client("ec2")
    vpc, (a1, a2, b) = dns_vpc(ec2)
    vpce = interface(ec2, vpc, "logs", [a1])
    assert error_of(ec2.modify_vpc_endpoint, VpcEndpointId=vpce["VpcEndpointId"], AddSubnetIds=[a2])[0] == "DuplicateSubnetsInSameZone"
    ec2.modify_vpc_endpoint(VpcEndpointId=vpce["VpcEndpointId"], AddSubnetIds=[b])
    now = endpoint(ec2, vpce["VpcEndpointId"])
    enis = ec2.describe_network_interfaces(NetworkInterfaceIds=now["NetworkInterfaceIds"])["NetworkInterfaces"]
    assert sorted(e["SubnetId"] for e in enis) == sorted([a1, b]) == sorted(now["SubnetIds"])
    ec2.modify_vpc_endpoint(VpcEndpointId=vpce["VpcEndpointId"], RemoveSubnetIds=[a1])
    now = endpoint(ec2, vpce["VpcEndpointId"])
    assert now["SubnetIds"] == [b] and len(now["NetworkInterfaceIds"]) == 1
    ec2.delete_subnet(SubnetId=a1)


def test_a_gateway_endpoint_routes_its_prefix_list_and_its_tables_may_go_first(emulator):
    ec2 = emulator.client("ec2")
    vpc, (a, _, b) = dns_vpc(ec2)
    tables = [ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"] for _ in range(2)]
    ec2.associate_route_table(RouteTableId=tables[0], SubnetId=a)
    vpce = ec2.create_vpc_endpoint(VpcId=vpc, ServiceName=SVC + "s3", VpcEndpointType="Gateway", RouteTableIds=tables)["VpcEndpoint"]
    prefix = ec2.describe_prefix_lists(Filters=[{"Name": "prefix-list-name", "Values": [SVC + "s3"]}])["PrefixLists"][0]["PrefixListId"]
    assert prefix.startswith("pl-")
    for table in ec2.describe_route_tables(RouteTableIds=tables)["RouteTables"]:
        routes = [r for r in table["Routes"] if r.get("DestinationPrefixListId") == prefix]
        assert [(r["GatewayId"], r["State"]) for r in routes] == [(vpce["VpcEndpointId"], "active")], table
    # A route table the endpoint routes may be deleted (only subnet associations block it).
    ec2.delete_route_table(RouteTableId=tables[1])
    assert endpoint(ec2, vpce["VpcEndpointId"])["RouteTableIds"] == [tables[0]]
    ec2.modify_vpc_endpoint(VpcEndpointId=vpce["VpcEndpointId"], AddRouteTableIds=[ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]])
    ec2.delete_vpc_endpoints(VpcEndpointIds=[vpce["VpcEndpointId"]])
    for table in ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["RouteTables"]:
        assert not [r for r in table["Routes"] if r.get("DestinationPrefixListId")], table


# ---------------------------------------------------------------------------------------
# 3. Nodes need a way out
# ---------------------------------------------------------------------------------------
@pytest.mark.emulator_env(**FAST, MOTO_VPC_ENDPOINT_CREATE_SECONDS="0")
def test_nodes_without_a_way_out_never_join_and_the_node_group_fails(emulator):
    env = Env(emulator, egress=False)
    env.managed(desired=1)
    ng = wait_for(lambda: (n := env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"])["status"] != "CREATING" and n,
                  timeout=10)
    assert ng["status"] == "CREATE_FAILED"
    assert ng["health"]["issues"][0]["code"] == "NodeCreationFailure"
    assert ng["health"]["issues"][0]["message"] == "Instances failed to join the kubernetes cluster"
    (status,) = env.node_status()
    assert not status["joined"]
    assert "kubelet cannot reach the API server: the private endpoint is off and the public endpoint needs the internet" in status["reason"]
    assert "has no route 0.0.0.0/0 to an internet gateway or NAT gateway" in status["reason"], status
    assert env.kube.nodes() == []
    instance = env.ec2.describe_instances(InstanceIds=[status["instance"]])["Reservations"][0]["Instances"][0]
    assert instance["State"]["Name"] == "running", "the instance runs, it never registers"


@pytest.mark.emulator_env(**FAST, MOTO_VPC_ENDPOINT_CREATE_SECONDS="0")
def test_a_private_cluster_joins_through_its_endpoints_and_is_private_only_at_the_end(emulator):
    env = private_env(emulator)
    ng = env.managed(desired=2)
    ng = wait_for(lambda: (n := env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"])["status"] != "CREATING" and n)
    assert ng["status"] == "ACTIVE", (ng, env.node_status())
    assert [ready(n) for n in env.kube.nodes()] == ["True", "True"]
    update = env.eks.update_cluster_config(name=env.name, resourcesVpcConfig={"endpointPublicAccess": False, "endpointPrivateAccess": True})
    assert update["update"]["type"] == "EndpointAccessUpdate"
    assert refused(env), "outside the VPC the private-only endpoint answers nothing"
    status = env.node_status()
    assert all(s["joined"] and s["ready"] for s in status), status
    # The nodes keep working: their VPC reaches the private endpoint.
    log = emulator.control("GET", "/eksup-test/call-log")
    assert any(e["op"] == "k8s:REFUSED" and e["target"].startswith(f"{env.name}:the public endpoint is off") for e in log)


@pytest.mark.emulator_env(**FAST, MOTO_VPC_ENDPOINT_CREATE_SECONDS="0")
def test_without_the_ecr_and_ec2_endpoints_nodes_join_but_stay_not_ready(emulator):
    env = private_env(emulator, endpoints=("sts",), s3=False)
    env.managed(desired=1)
    wait_for(lambda: env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]["status"] != "CREATING")
    (node,) = env.kube.nodes()
    assert ready(node) == "False"
    message = next(c["message"] for c in node["status"]["conditions"] if c["type"] == "Ready")
    assert "cni plugin not initialized" in message
    assert f"the node cannot pull aws-node's image from 602401143452.dkr.ecr.{REGION}.amazonaws.com" in message
    assert "no ecr.api interface endpoint" in message and "no s3 gateway endpoint" in message
    assert "ipamd cannot call EC2" in message
    ng = env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]
    assert (ng["status"], ng["health"]["issues"][0]["code"]) == ("CREATE_FAILED", "NodeCreationFailure")


@pytest.mark.emulator_env(**FAST, MOTO_VPC_ENDPOINT_CREATE_SECONDS="0")
def test_an_endpoint_security_group_must_admit_https_from_the_nodes(emulator):
    env = private_env(emulator, endpoints=())
    lonely = env.ec2.create_security_group(GroupName="no-ingress", Description="x", VpcId=env.vpc)["GroupId"]
    for service in ("ec2", "ecr.api", "ecr.dkr"):
        interface(env.ec2, env.vpc, service, env.subnets, SecurityGroupIds=[lonely])
    env.managed(desired=1)
    wait_for(lambda: env.kube.nodes())
    message = next(c["message"] for c in env.kube.nodes()[0]["status"]["conditions"] if c["type"] == "Ready")
    assert f"admit no tcp/443 from the node" in message
    env.ec2.authorize_security_group_ingress(GroupId=lonely, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
                                                                            "IpRanges": [{"CidrIp": "10.0.0.0/16"}]}])
    assert wait_for(lambda: ready(env.kube.nodes()[0]) == "True")


@pytest.mark.emulator_env(**FAST, MOTO_VPC_ENDPOINT_CREATE_SECONDS="0")
def test_the_private_endpoint_needs_the_vpc_dns_attributes(emulator):
    env = private_env(emulator)
    env.ec2.modify_vpc_attribute(VpcId=env.vpc, EnableDnsHostnames={"Value": False})
    env.managed(desired=1)
    wait_for(lambda: env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]["status"] != "CREATING")
    (status,) = env.node_status()
    assert "the private endpoint needs" in status["reason"] and "enableDnsHostnames false" in status["reason"], status


@pytest.mark.emulator_env(**FAST, MOTO_NAT_CREATE_SECONDS="0")
def test_a_nat_gateway_is_a_way_out_if_public_access_cidrs_admit_its_address(emulator):
    env = Env(emulator, egress=False)
    ec2 = env.ec2
    public = ec2.create_subnet(VpcId=env.vpc, CidrBlock="10.0.100.0/24", AvailabilityZone=f"{REGION}a")["Subnet"]["SubnetId"]
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=env.vpc)
    public_rt = ec2.create_route_table(VpcId=env.vpc)["RouteTable"]["RouteTableId"]
    ec2.create_route(RouteTableId=public_rt, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
    ec2.associate_route_table(RouteTableId=public_rt, SubnetId=public)
    eip = ec2.allocate_address(Domain="vpc")
    nat = ec2.create_nat_gateway(SubnetId=public, AllocationId=eip["AllocationId"])["NatGateway"]["NatGatewayId"]
    main = ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [env.vpc]}, {"Name": "association.main", "Values": ["true"]}])
    ec2.create_route(RouteTableId=main["RouteTables"][0]["RouteTableId"], DestinationCidrBlock="0.0.0.0/0", NatGatewayId=nat)
    # The node's egress address (the NAT gateway's) must be in publicAccessCidrs while the private endpoint is off.
    env.eks.update_cluster_config(name=env.name, resourcesVpcConfig={"publicAccessCidrs": ["203.0.113.0/24"]})
    env.managed(desired=1)
    wait_for(lambda: env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]["status"] != "CREATING")
    (status,) = env.node_status()
    assert f"the node's public address {eip['PublicIp']} is not in publicAccessCidrs" in status["reason"], status
    env.eks.update_cluster_config(name=env.name, resourcesVpcConfig={"publicAccessCidrs": ["203.0.113.0/24", f"{eip['PublicIp']}/32"]})
    assert wait_for(lambda: [ready(n) for n in env.kube.nodes()] == ["True"]), env.node_status()


@pytest.mark.emulator_env(**FAST, MOTO_VPC_ENDPOINT_CREATE_SECONDS="0")
def test_a_self_managed_bootstrap_without_endpoint_and_ca_needs_the_eks_api(emulator):
    env = private_env(emulator)
    user_data = ("#!/bin/bash\nset -o errexit\n/etc/eks/bootstrap.sh demo --kubelet-extra-args '--node-labels=role=web'\n")
    ssm = emulator.client("ssm")
    al2 = ssm.get_parameter(Name="/aws/service/eks/optimized-ami/1.34/amazon-linux-2/recommended/image_id")["Parameter"]["Value"]
    env.ec2_linux_entry()
    env.self_managed(user_data=user_data, image=al2)
    status = wait_for(lambda: env.node_status())
    assert "calls eks:DescribeCluster, which it cannot reach" in status[0]["reason"] and "no eks interface endpoint" in status[0]["reason"]
    interface(env.ec2, env.vpc, "eks", env.subnets, SecurityGroupIds=[env.cluster_sg])
    assert wait_for(lambda: env.kube.nodes()), env.node_status()


# ---------------------------------------------------------------------------------------
# 4./5. The API from outside the VPC, UpdateClusterConfig
# ---------------------------------------------------------------------------------------
@pytest.mark.emulator_env(**FAST, MOTO_EKS_UPDATE_SECONDS="1")
def test_endpoint_access_changes_when_the_update_is_done(emulator):
    env = Env(emulator, addons=())
    assert not refused(env)
    update = env.eks.update_cluster_config(name=env.name, resourcesVpcConfig={"endpointPublicAccess": False, "endpointPrivateAccess": True})["update"]
    assert update["status"] == "InProgress"
    params = {p["type"]: p["value"] for p in update["params"]}
    assert params == {"EndpointPublicAccess": "false", "EndpointPrivateAccess": "true"}
    config = env.eks.describe_cluster(name=env.name)["cluster"]["resourcesVpcConfig"]
    assert (config["endpointPublicAccess"], config["endpointPrivateAccess"]) == (True, False), "the old access until it is done"
    assert not refused(env)
    time.sleep(1.1)
    assert refused(env), "refused as soon as the update is done, even before anyone reads it"
    assert env.eks.describe_update(name=env.name, updateId=update["id"])["update"]["status"] == "Successful"
    config = env.eks.describe_cluster(name=env.name)["cluster"]["resourcesVpcConfig"]
    assert (config["endpointPublicAccess"], config["endpointPrivateAccess"]) == (False, True)


def test_update_cluster_config_refusals(emulator):
    env = Env(emulator, addons=())
    eks = env.eks

    def refusal(**config: Any) -> tuple[str, str]:
        return error_of(eks.update_cluster_config, name=env.name, resourcesVpcConfig=config)

    assert refusal(endpointPublicAccess=False) == ("InvalidParameterException", "Both private and public endpoint access cannot be false")
    assert refusal(endpointPublicAccess=True) == (
        "InvalidParameterException", "Cluster is already at the desired configuration with endpointPrivateAccess: false , "
        "endpointPublicAccess: true, and Public Endpoint Restrictions: [0.0.0.0/0]")
    assert refusal(publicAccessCidrs=["10.0.0.0/8", "1.1.1.1/32", "nope"]) == (
        "InvalidParameterException", "The following CIDRs are invalid in publicAccessCidrs: [10.0.0.0/8,nope]")
    # Not validated by EKS: CIDRs while public access is off (they have no effect).
    eks.update_cluster_config(name=env.name, resourcesVpcConfig={"endpointPublicAccess": False, "endpointPrivateAccess": True,
                                                                 "publicAccessCidrs": ["1.1.1.1/32"]})
    assert refused(env)
    error = error_of(eks.create_cluster, name="both-off", roleArn=f"arn:aws:iam::123456789012:role/{env.name}-cluster",
                     resourcesVpcConfig={"subnetIds": env.subnets, "endpointPublicAccess": False, "endpointPrivateAccess": False})
    assert error == ("InvalidParameterException", "Both private and public endpoint access cannot be false")


def test_a_private_only_endpoint_refuses_callers_from_outside_the_vpc(emulator):
    """With the default caller address (203.0.113.10): open, closed while public access is off, closed while
    publicAccessCidrs leave the caller out, open again once they hold it (no update delay here)."""
    env = Env(emulator)
    assert env.kube.call("GET", "/api/v1/namespaces")[0] == 200
    env.eks.update_cluster_config(name=env.name, resourcesVpcConfig={"endpointPublicAccess": False, "endpointPrivateAccess": True})
    assert refused(env)
    env.eks.update_cluster_config(name=env.name, resourcesVpcConfig={"endpointPublicAccess": True, "publicAccessCidrs": ["198.51.100.0/24"]})
    assert refused(env)
    env.eks.update_cluster_config(name=env.name, resourcesVpcConfig={"publicAccessCidrs": ["203.0.113.0/24"]})
    assert env.kube.call("GET", "/api/v1/namespaces")[0] == 200


@pytest.mark.emulator_env(**FAST, EKSUP_MOTO_CALLER_IP="198.51.100.7")
def test_public_access_cidrs_admit_the_callers_address(emulator):
    env = Env(emulator, addons=(), vpc_config={"publicAccessCidrs": ["198.51.100.0/24"]})
    assert not refused(env)
    env.eks.update_cluster_config(name=env.name, resourcesVpcConfig={"publicAccessCidrs": ["203.0.113.0/24"]})
    assert refused(env)
    # A reset, not a hang: the connection fails at once.
    host, port = env.cluster["endpoint"].removeprefix("https://").split(":")
    context = ssl.create_default_context(cadata=base64.b64decode(env.cluster["certificateAuthority"]["data"]).decode())
    started = time.monotonic()
    with pytest.raises((ssl.SSLError, ConnectionError, OSError)):
        with socket.create_connection((host, int(port)), timeout=5) as raw:
            context.wrap_socket(raw, server_hostname=host).do_handshake()
    assert time.monotonic() - started < 2
