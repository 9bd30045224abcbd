"""IPv6 clusters (eksup_moto_ipv6): CreateCluster's ipFamily, egress-only internet gateways, IPv6
addresses of instances, managed node groups and the nodes and pods of IPv6 clusters."""

from __future__ import annotations

import ipaddress
import json
from typing import Any

import botocore.exceptions
import pytest

from test_k8s_api import EC2_TRUST, EKS_TRUST, FAST, Kube, attach, ready, wait_for

pytestmark = pytest.mark.emulator_env(**FAST)

ACCOUNT = "123456789012"
AMI = "ami-12c6146b"  # one of moto's default AMIs
# amazon-vpc-cni-k8s docs/iam-policy.md, "IPv6 mode" (what eksup and eksctl give the vpc-cni's role).
IPV6_CNI_POLICY = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": ["ec2:AssignIpv6Addresses", "ec2:DescribeInstances", "ec2:DescribeTags", "ec2:DescribeNetworkInterfaces",
                                   "ec2:DescribeInstanceTypes", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"], "Resource": "*"},
    {"Effect": "Allow", "Action": ["ec2:CreateTags"], "Resource": "arn:aws:ec2:*:*:network-interface/*"}]})


def error_of(call: Any, *args: Any, **kwargs: Any) -> tuple[str, str]:
    with pytest.raises(botocore.exceptions.ClientError) as raised:
        call(*args, **kwargs)
    error = raised.value.response["Error"]
    return error["Code"], error["Message"]


def eni_of(ec2: Any, instance_id: str) -> dict[str, Any]:
    inst = ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]
    return inst


class V6:
    """A dual-stack VPC (an Amazon-provided /56, a /64 per subnet) and, on demand, an IPv6 cluster. With
    `egress` (the default) the subnets are public: 0.0.0.0/0 and ::/0 go to an attached internet gateway
    and instances get public IPv4 addresses, so nodes reach the public endpoint and ECR
    (eksup_moto_private's rules)."""

    def __init__(self, emulator: Any, auto_assign: bool = True, egress: bool = True) -> None:
        self.emulator = emulator
        self.ec2, self.iam, self.eks = emulator.client("ec2"), emulator.client("iam"), emulator.client("eks")
        self.asg = emulator.client("autoscaling")
        self.vpc = self.ec2.create_vpc(CidrBlock="10.0.0.0/16", AmazonProvidedIpv6CidrBlock=True)["Vpc"]["VpcId"]
        block = self.ec2.describe_vpcs(VpcIds=[self.vpc])["Vpcs"][0]["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"]
        self.nets = [str(n) for n in ipaddress.IPv6Network(block).subnets(new_prefix=64)][:4]
        self.subnets = []
        for i, az in enumerate("ab"):
            subnet = self.ec2.create_subnet(VpcId=self.vpc, CidrBlock=f"10.0.{i + 1}.0/24", Ipv6CidrBlock=self.nets[i],
                                            AvailabilityZone=f"us-west-2{az}")["Subnet"]["SubnetId"]
            if auto_assign:
                self.ec2.modify_subnet_attribute(SubnetId=subnet, AssignIpv6AddressOnCreation={"Value": True})
            self.subnets.append(subnet)
        if egress:
            igw = self.ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
            self.ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=self.vpc)
            main = self.ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [self.vpc]},
                                                           {"Name": "association.main", "Values": ["true"]}])["RouteTables"][0]["RouteTableId"]
            self.ec2.create_route(RouteTableId=main, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
            self.ec2.create_route(RouteTableId=main, DestinationIpv6CidrBlock="::/0", GatewayId=igw)
            for subnet in self.subnets:
                self.ec2.modify_subnet_attribute(SubnetId=subnet, MapPublicIpOnLaunch={"Value": True})
        self.cluster: dict[str, Any] = {}

    def create_cluster(self, name: str = "v6", addons: tuple[str, ...] = ("vpc-cni", "kube-proxy")) -> dict[str, Any]:
        self.name = name
        self.iam.create_role(RoleName=f"{name}-cluster", AssumeRolePolicyDocument=EKS_TRUST)
        attach(self.iam, f"{name}-cluster", "AmazonEKSClusterPolicy")
        self.eks.create_cluster(name=name, version="1.34", roleArn=f"arn:aws:iam::{ACCOUNT}:role/{name}-cluster",
                                resourcesVpcConfig={"subnetIds": self.subnets}, kubernetesNetworkConfig={"ipFamily": "ipv6"},
                                accessConfig={"authenticationMode": "API_AND_CONFIG_MAP"})
        self.cluster = self.eks.describe_cluster(name=name)["cluster"]
        self.kube = Kube(self.cluster["endpoint"], self.cluster["certificateAuthority"]["data"], name)
        for addon in addons:
            self.eks.create_addon(clusterName=name, addonName=addon)
        return self.cluster

    def node_role(self, role: str = "node", cni: str | None = "inline", *extra: str) -> str:
        """A node role; `cni`: "inline" (the IPv6 policy inline), "managed" (AmazonEKS_CNI_Policy only) or None."""
        arn = self.iam.create_role(RoleName=role, AssumeRolePolicyDocument=EC2_TRUST)["Role"]["Arn"]
        attach(self.iam, role, "AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly", *extra)
        if cni == "inline":
            self.iam.put_role_policy(RoleName=role, PolicyName="ipv6-cni", PolicyDocument=IPV6_CNI_POLICY)
        elif cni == "managed":
            attach(self.iam, role, "AmazonEKS_CNI_Policy")
        return arn

    def managed(self, role_arn: str, ng: str = "ng", desired: int = 1, subnets: list[str] | None = None,
                instance_type: str = "m5.large") -> dict[str, Any]:
        self.eks.create_nodegroup(clusterName=self.name, nodegroupName=ng, nodeRole=role_arn, subnets=subnets or self.subnets,
                                  scalingConfig={"minSize": 0, "maxSize": 3, "desiredSize": desired}, instanceTypes=[instance_type],
                                  amiType="AL2023_x86_64_STANDARD")
        return self.eks.describe_nodegroup(clusterName=self.name, nodegroupName=ng)["nodegroup"]

    def node_status(self) -> list[dict[str, Any]]:
        return self.emulator.control("GET", f"/eksup-test/kubernetes/{self.name}/node-status")

    def instances(self, nodegroup: dict[str, Any]) -> list[dict[str, Any]]:
        name = nodegroup["resources"]["autoScalingGroups"][0]["name"]
        group = self.asg.describe_auto_scaling_groups(AutoScalingGroupNames=[name])["AutoScalingGroups"][0]
        ids = [i["InstanceId"] for i in group["Instances"]]
        return [i for r in self.ec2.describe_instances(InstanceIds=ids)["Reservations"] for i in r["Instances"]]


# ---------------------------------------------------------------------------------------
# 1. CreateCluster
# ---------------------------------------------------------------------------------------
def test_create_cluster_ipv6_is_checked_and_gets_an_ipv6_service_cidr(emulator):
    env = V6(emulator)
    eks = env.eks
    env.iam.create_role(RoleName="c", AssumeRolePolicyDocument=EKS_TRUST)
    attach(env.iam, "c", "AmazonEKSClusterPolicy")
    role = f"arn:aws:iam::{ACCOUNT}:role/c"

    def create(name: str, subnets: list[str] | None = None, **network: Any) -> None:
        eks.create_cluster(name=name, roleArn=role, resourcesVpcConfig={"subnetIds": subnets or env.subnets},
                           kubernetesNetworkConfig=network)

    assert error_of(create, "a", ipFamily="IPv6") == (
        "InvalidParameterException", "1 validation error detected: Value 'IPv6' at 'kubernetesNetworkConfig.ipFamily' failed to satisfy "
                                     "constraint: Member must satisfy enum value set: [ipv4, ipv6]")
    assert error_of(create, "a", ipFamily="ipv6", serviceIpv4Cidr="10.100.0.0/16") == (
        "InvalidParameterException", "serviceIpv4Cidr can't be specified when ipFamily is ipv6")
    plain = [env.ec2.create_subnet(VpcId=env.vpc, CidrBlock=f"10.0.{i + 11}.0/24", AvailabilityZone=f"us-west-2{az}")["Subnet"]["SubnetId"]
             for i, az in enumerate("ab")]
    code, message = error_of(create, "a", [env.subnets[0], plain[1]], ipFamily="ipv6")
    assert code == "InvalidParameterException" and message.startswith(f"Subnet(s) [{plain[1]}] do not have an IPv6 CIDR block")
    # eksup_moto_eks's own checks come first (unknown subnet, version).
    assert "does not exist" in error_of(create, "a", ["subnet-00000000000000000", env.subnets[1]], ipFamily="ipv6")[1]
    assert eks.list_clusters()["clusters"] == []

    create("one", ipFamily="ipv6")
    create("two", ipFamily="ipv6")
    networks = [eks.describe_cluster(name=n)["cluster"]["kubernetesNetworkConfig"] for n in ("one", "two")]
    for network in networks:
        assert network["ipFamily"] == "ipv6" and "serviceIpv4Cidr" not in network, network
        cidr = ipaddress.IPv6Network(network["serviceIpv6Cidr"])
        assert cidr.prefixlen == 108 and cidr.subnet_of(ipaddress.IPv6Network("fd00::/8")) and str(cidr) == network["serviceIpv6Cidr"]
    assert networks[0]["serviceIpv6Cidr"] != networks[1]["serviceIpv6Cidr"]
    # IPv4 as before: an IPv4 service CIDR chosen by the VPC's range.
    create("four", ipFamily="ipv4")
    assert eks.describe_cluster(name="four")["cluster"]["kubernetesNetworkConfig"] == {"serviceIpv4Cidr": "172.20.0.0/16", "ipFamily": "ipv4"}


def test_create_cluster_ipv6_is_refused_in_china_regions(emulator):
    ec2 = emulator.session.client("ec2", region_name="cn-north-1", endpoint_url=emulator.endpoint)
    eks = emulator.session.client("eks", region_name="cn-north-1", endpoint_url=emulator.endpoint)
    iam = emulator.client("iam")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16", AmazonProvidedIpv6CidrBlock=True)["Vpc"]["VpcId"]
    block = ec2.describe_vpcs(VpcIds=[vpc])["Vpcs"][0]["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"]
    nets = list(ipaddress.IPv6Network(block).subnets(new_prefix=64))
    zones = [z["ZoneName"] for z in ec2.describe_availability_zones()["AvailabilityZones"]][:2]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", Ipv6CidrBlock=str(nets[i]), AvailabilityZone=z)["Subnet"]["SubnetId"]
               for i, z in enumerate(zones)]
    iam.create_role(RoleName="c", AssumeRolePolicyDocument=EKS_TRUST)
    attach(iam, "c", "AmazonEKSClusterPolicy")
    assert error_of(eks.create_cluster, name="cn", roleArn=f"arn:aws:iam::{ACCOUNT}:role/c", resourcesVpcConfig={"subnetIds": subnets},
                    kubernetesNetworkConfig={"ipFamily": "ipv6"}) == (
        "InvalidParameterException", "ipFamily ipv6 is not supported in the China Regions")


# ---------------------------------------------------------------------------------------
# 2. Egress-only internet gateways
# ---------------------------------------------------------------------------------------
def test_egress_only_gateways_tags_filters_tokens_and_pages(emulator):
    env = V6(emulator)
    ec2 = env.ec2

    def create(name: str, token: str | None = None, vpc: str | None = None) -> dict[str, Any]:
        extra = {"ClientToken": token} if token else {}
        return ec2.create_egress_only_internet_gateway(
            VpcId=vpc or env.vpc, TagSpecifications=[{"ResourceType": "egress-only-internet-gateway",
                                                      "Tags": [{"Key": "eksup.io/cluster", "Value": name}, {"Key": "Name", "Value": name}]}], **extra)

    first = create("a", token="tok-a")
    gateway = first["EgressOnlyInternetGateway"]
    assert first["ClientToken"] == "tok-a"
    assert gateway["Attachments"] == [{"State": "attached", "VpcId": env.vpc}]
    assert {"Key": "eksup.io/cluster", "Value": "a"} in gateway["Tags"]
    # An SDK retry with the same token answers the same gateway; the token with other parameters is refused.
    again = create("a", token="tok-a")["EgressOnlyInternetGateway"]
    assert again["EgressOnlyInternetGatewayId"] == gateway["EgressOnlyInternetGatewayId"]
    assert error_of(create, "b", token="tok-a")[0] == "IdempotentParameterMismatch"
    others = [create(n)["EgressOnlyInternetGateway"]["EgressOnlyInternetGatewayId"] for n in ("b", "c", "d", "e", "f")]

    def listed(**kwargs: Any) -> list[str]:
        return sorted(g["EgressOnlyInternetGatewayId"] for g in ec2.describe_egress_only_internet_gateways(**kwargs)["EgressOnlyInternetGateways"])

    assert listed(Filters=[{"Name": "tag:eksup.io/cluster", "Values": ["a"]}]) == [gateway["EgressOnlyInternetGatewayId"]]
    assert listed(Filters=[{"Name": "tag:eksup.io/cluster", "Values": ["b", "c*"]}]) == sorted(others[:2])
    assert listed(Filters=[{"Name": "tag-key", "Values": ["eksup.io/cluster"]}]) == sorted([gateway["EgressOnlyInternetGatewayId"], *others])
    assert listed(Filters=[{"Name": "tag-key", "Values": ["nope"]}]) == []
    assert listed(EgressOnlyInternetGatewayIds=[others[0]]) == [others[0]]
    assert error_of(ec2.describe_egress_only_internet_gateways, Filters=[{"Name": "vpc-id", "Values": [env.vpc]}]) == (
        "InvalidParameterValue", "The filter 'vpc-id' is invalid")
    page = ec2.describe_egress_only_internet_gateways(MaxResults=5)
    assert len(page["EgressOnlyInternetGateways"]) == 5 and page["NextToken"]
    rest = ec2.describe_egress_only_internet_gateways(MaxResults=5, NextToken=page["NextToken"])
    assert len(rest["EgressOnlyInternetGateways"]) == 1 and "NextToken" not in rest


def test_egress_only_gateway_routes_vpc_deletion_and_blackholes(emulator):
    env = V6(emulator, egress=False)
    ec2 = env.ec2
    eigw = ec2.create_egress_only_internet_gateway(VpcId=env.vpc)["EgressOnlyInternetGateway"]["EgressOnlyInternetGatewayId"]
    table = ec2.create_route_table(VpcId=env.vpc)["RouteTable"]["RouteTableId"]
    code, message = error_of(ec2.create_route, RouteTableId=table, DestinationCidrBlock="0.0.0.0/0", EgressOnlyInternetGatewayId=eigw)
    assert code == "InvalidParameterValue" and "cannot be the target of an IPv4 destination" in message
    other_vpc = ec2.create_vpc(CidrBlock="10.1.0.0/16")["Vpc"]["VpcId"]
    other_table = ec2.create_route_table(VpcId=other_vpc)["RouteTable"]["RouteTableId"]
    assert error_of(ec2.create_route, RouteTableId=other_table, DestinationIpv6CidrBlock="::/0", EgressOnlyInternetGatewayId=eigw) == (
        "InvalidParameterValue", f"route table {other_table} and network gateway {eigw} belong to different networks")
    ec2.create_route(RouteTableId=table, DestinationIpv6CidrBlock="::/0", EgressOnlyInternetGatewayId=eigw)
    ec2.replace_route(RouteTableId=table, DestinationIpv6CidrBlock="::/0", EgressOnlyInternetGatewayId=eigw)
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=env.vpc)
    ec2.create_route(RouteTableId=table, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
    assert error_of(ec2.replace_route, RouteTableId=table, DestinationCidrBlock="0.0.0.0/0", EgressOnlyInternetGatewayId=eigw)[0] == (
        "InvalidParameterValue")
    ec2.delete_route(RouteTableId=table, DestinationCidrBlock="0.0.0.0/0")
    ec2.detach_internet_gateway(InternetGatewayId=igw, VpcId=env.vpc)
    ec2.delete_internet_gateway(InternetGatewayId=igw)

    def route() -> dict[str, Any]:
        routes = ec2.describe_route_tables(RouteTableIds=[table])["RouteTables"][0]["Routes"]
        return next(r for r in routes if r.get("DestinationIpv6CidrBlock") == "::/0")

    assert route()["EgressOnlyInternetGatewayId"] == eigw and route()["State"] == "active"
    # The VPC cannot go while the gateway is there (subnets and the table gone first).
    for subnet in env.subnets:
        ec2.delete_subnet(SubnetId=subnet)
    ec2.delete_route(RouteTableId=table, DestinationIpv6CidrBlock="::/0")
    ec2.create_route(RouteTableId=table, DestinationIpv6CidrBlock="::/0", EgressOnlyInternetGatewayId=eigw)
    # The gateway can go while a route targets it: the route is a black hole until replaced or deleted.
    ec2.delete_egress_only_internet_gateway(EgressOnlyInternetGatewayId=eigw)
    assert route()["State"] == "blackhole" and route()["EgressOnlyInternetGatewayId"] == eigw
    assert error_of(ec2.delete_egress_only_internet_gateway, EgressOnlyInternetGatewayId=eigw)[0] == "InvalidGatewayID.NotFound"
    ec2.delete_route(RouteTableId=table, DestinationIpv6CidrBlock="::/0")
    ec2.delete_route_table(RouteTableId=table)
    eigw2 = ec2.create_egress_only_internet_gateway(VpcId=env.vpc)["EgressOnlyInternetGateway"]["EgressOnlyInternetGatewayId"]
    assert error_of(ec2.delete_vpc, VpcId=env.vpc) == ("DependencyViolation", f"The vpc '{env.vpc}' has dependencies and cannot be deleted.")
    ec2.delete_egress_only_internet_gateway(EgressOnlyInternetGatewayId=eigw2)
    ec2.delete_vpc(VpcId=env.vpc)


# ---------------------------------------------------------------------------------------
# 3. Subnets, interfaces, instances
# ---------------------------------------------------------------------------------------
def test_subnets_assign_ipv6_addresses_only_with_a_block(emulator):
    env = V6(emulator, auto_assign=False)
    ec2 = env.ec2
    plain = ec2.create_subnet(VpcId=env.vpc, CidrBlock="10.0.11.0/24", AvailabilityZone="us-west-2a")["Subnet"]["SubnetId"]
    assert error_of(ec2.modify_subnet_attribute, SubnetId=plain, AssignIpv6AddressOnCreation={"Value": True}) == (
        "InvalidParameterValue", "Invalid value 'true' for assign-ipv6-address-on-creation. Cannot set assign-ipv6-address-on-creation to "
                                 f"true unless the subnet ({plain}) has an IPv6 CIDR block associated with it.")
    ec2.modify_subnet_attribute(SubnetId=plain, AssignIpv6AddressOnCreation={"Value": False})
    auto = env.subnets[0]
    ec2.modify_subnet_attribute(SubnetId=auto, AssignIpv6AddressOnCreation={"Value": True})
    shown = {s["SubnetId"]: s["AssignIpv6AddressOnCreation"] for s in ec2.describe_subnets(SubnetIds=[plain, auto, env.subnets[1]])["Subnets"]}
    assert shown == {plain: False, auto: True, env.subnets[1]: False}

    def launch(subnet: str, **kwargs: Any) -> dict[str, Any]:
        instance_id = ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1, InstanceType="m5.large", SubnetId=subnet, **kwargs)["Instances"][0]["InstanceId"]
        return eni_of(ec2, instance_id)

    net = ipaddress.IPv6Network(env.nets[0])
    one = launch(auto)
    addresses = [a["Ipv6Address"] for a in one["NetworkInterfaces"][0]["Ipv6Addresses"]]
    assert len(addresses) == 1 and ipaddress.IPv6Address(addresses[0]) in net and one["Ipv6Address"] == addresses[0]
    assert one["NetworkInterfaces"][0]["Ipv6Addresses"][0]["IsPrimaryIpv6"] is False
    assert launch(auto, Ipv6AddressCount=0)["NetworkInterfaces"][0]["Ipv6Addresses"] == []
    two = launch(auto, Ipv6AddressCount=2)["NetworkInterfaces"][0]["Ipv6Addresses"]
    assert len({a["Ipv6Address"] for a in two}) == 2
    none = launch(env.subnets[1])
    assert none["NetworkInterfaces"][0]["Ipv6Addresses"] == [] and "Ipv6Address" not in none
    assert len(launch(env.subnets[1], Ipv6AddressCount=1)["NetworkInterfaces"][0]["Ipv6Addresses"]) == 1
    assert error_of(launch, plain, Ipv6AddressCount=1) == (
        "InvalidParameterValue", f"The subnet '{plain}' has no IPv6 CIDR block: it cannot assign 1 IPv6 address(es)")
    # An interface made in the subnet gets its address too; DescribeNetworkInterfaces shows it.
    eni = ec2.create_network_interface(SubnetId=auto)["NetworkInterface"]
    described = ec2.describe_network_interfaces(NetworkInterfaceIds=[eni["NetworkInterfaceId"]])["NetworkInterfaces"][0]
    assert len(described["Ipv6Addresses"]) == 1 and described["Ipv6Addresses"][0]["IsPrimaryIpv6"] is False
    assert ipaddress.IPv6Address(described["Ipv6Addresses"][0]["Ipv6Address"]) in net


def test_auto_scaling_instances_get_addresses_from_the_subnet_or_the_launch_template(emulator):
    env = V6(emulator, auto_assign=False)
    ec2, asg = env.ec2, env.asg
    ec2.modify_subnet_attribute(SubnetId=env.subnets[0], AssignIpv6AddressOnCreation={"Value": True})
    plain_lt = ec2.create_launch_template(LaunchTemplateName="plain", LaunchTemplateData={"ImageId": AMI, "InstanceType": "m5.large"})
    counted_lt = ec2.create_launch_template(LaunchTemplateName="counted", LaunchTemplateData={
        "ImageId": AMI, "InstanceType": "m5.large", "NetworkInterfaces": [{"DeviceIndex": 0, "Ipv6AddressCount": 1}]})

    def group(name: str, template: dict[str, Any], subnet: str) -> dict[str, Any]:
        asg.create_auto_scaling_group(AutoScalingGroupName=name, MinSize=1, MaxSize=1, DesiredCapacity=1, VPCZoneIdentifier=subnet,
                                      LaunchTemplate={"LaunchTemplateId": template["LaunchTemplate"]["LaunchTemplateId"], "Version": "$Latest"})
        instance_id = asg.describe_auto_scaling_groups(AutoScalingGroupNames=[name])["AutoScalingGroups"][0]["Instances"][0]["InstanceId"]
        return eni_of(ec2, instance_id)

    assert len(group("auto", plain_lt, env.subnets[0])["NetworkInterfaces"][0]["Ipv6Addresses"]) == 1
    assert group("off", plain_lt, env.subnets[1])["NetworkInterfaces"][0]["Ipv6Addresses"] == []
    assert ipaddress.IPv6Address(group("lt", counted_lt, env.subnets[1])["Ipv6Address"]) in ipaddress.IPv6Network(env.nets[1])


# ---------------------------------------------------------------------------------------
# 4./5. Managed node groups, nodes and pods
# ---------------------------------------------------------------------------------------
def test_ipv6_nodes_are_ready_with_ipv6_addresses_and_pods_from_a_prefix(emulator):
    env = V6(emulator)
    env.create_cluster(addons=("vpc-cni", "kube-proxy", "coredns"))
    ng = env.managed(env.node_role(), desired=1)
    assert ng["status"] == "ACTIVE", ng
    inst = env.instances(ng)[0]
    nodes = env.kube.nodes()
    assert len(nodes) == 1 and ready(nodes[0]) == "True"
    node = nodes[0]
    assert node["metadata"]["name"] == inst["PrivateDnsName"]
    assert node["status"]["addresses"][0] == {"type": "InternalIP", "address": inst["Ipv6Address"]}
    assert [a["type"] for a in node["status"]["addresses"]] == ["InternalIP", "InternalDNS", "Hostname"]
    assert node["metadata"]["annotations"]["alpha.kubernetes.io/provided-node-ip"] == inst["Ipv6Address"]
    # aws-node's /80 on the primary interface; pods get addresses of it, hostNetwork pods the node's.
    eni = env.ec2.describe_network_interfaces(NetworkInterfaceIds=[inst["NetworkInterfaces"][0]["NetworkInterfaceId"]])["NetworkInterfaces"][0]
    prefix = ipaddress.IPv6Network(eni["Ipv6Prefixes"][0]["Ipv6Prefix"])
    assert prefix.prefixlen == 80 and prefix.subnet_of(ipaddress.IPv6Network(env.nets[0] if inst["SubnetId"] == env.subnets[0] else env.nets[1]))
    assert eni_of(env.ec2, inst["InstanceId"])["NetworkInterfaces"][0]["Ipv6Prefixes"] == eni["Ipv6Prefixes"]
    pods = env.kube.get("/api/v1/namespaces/kube-system/pods")["items"]
    coredns = [p for p in pods if p["metadata"]["name"].startswith("coredns")]
    assert len(coredns) == 2 and all(p["status"]["phase"] == "Running" for p in coredns)
    for pod in coredns:
        assert ipaddress.IPv6Address(pod["status"]["podIP"]) in prefix and pod["status"]["podIPs"] == [{"ip": pod["status"]["podIP"]}]
    aws_node = next(p for p in pods if p["metadata"]["name"].startswith("aws-node"))
    assert aws_node["status"]["podIP"] == inst["Ipv6Address"] == aws_node["status"]["hostIP"]
    service_cidr = ipaddress.IPv6Network(env.cluster["kubernetesNetworkConfig"]["serviceIpv6Cidr"])
    kubernetes = env.kube.get("/api/v1/namespaces/default/services/kubernetes")
    assert kubernetes["spec"]["clusterIP"] == str(service_cidr.network_address + 1)
    assert env.eks.describe_addon(clusterName="v6", addonName="coredns")["addon"]["status"] == "ACTIVE"


def test_node_role_with_only_amazon_eks_cni_policy_fails_in_an_ipv6_cluster(emulator):
    env = V6(emulator)
    env.create_cluster()
    ng = env.managed(env.node_role("cni-v4", cni="managed"), desired=1)
    assert ng["status"] == "CREATE_FAILED"
    assert ng["health"]["issues"][0]["code"] == "NodeCreationFailure"
    node = env.kube.nodes()[0]
    message = next(c for c in node["status"]["conditions"] if c["type"] == "Ready")["message"]
    assert ready(node) == "False" and "cni plugin not initialized" in message
    assert "the node role does not allow ec2:AssignIpv6Addresses" in message and "no serviceAccountRoleArn" in message
    # The IPv6 permissions added to the node role (here a customer managed policy, wildcards): Ready.
    policy = env.iam.create_policy(PolicyName="v6", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["ec2:*Ipv6*", "ec2:Describe*"], "Resource": "*"}]}))["Policy"]["Arn"]
    env.iam.attach_role_policy(RoleName="cni-v4", PolicyArn=policy)
    assert wait_for(lambda: ready(env.kube.nodes()[0]) == "True")
    # A Deny wins; a permissions boundary without the action takes it away.
    env.iam.put_role_policy(RoleName="cni-v4", PolicyName="deny", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Deny", "Action": "ec2:AssignIpv6Addresses", "Resource": "arn:aws:ec2:*:*:network-interface/*"}]}))
    assert wait_for(lambda: ready(env.kube.nodes()[0]) == "False")
    env.iam.delete_role_policy(RoleName="cni-v4", PolicyName="deny")
    assert wait_for(lambda: ready(env.kube.nodes()[0]) == "True")
    boundary = env.iam.create_policy(PolicyName="boundary", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"}]}))["Policy"]["Arn"]
    env.iam.put_role_permissions_boundary(RoleName="cni-v4", PermissionsBoundary=boundary)
    assert wait_for(lambda: ready(env.kube.nodes()[0]) == "False")


def test_vpc_cni_irsa_role_with_the_ipv6_policy_makes_nodes_ready(emulator):
    env = V6(emulator)
    env.create_cluster(addons=("kube-proxy",))
    issuer = env.cluster["identity"]["oidc"]["issuer"]
    host = issuer.replace("https://", "")
    env.iam.create_open_id_connect_provider(Url=issuer, ClientIDList=["sts.amazonaws.com"], ThumbprintList=["0" * 40])
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": f"arn:aws:iam::{ACCOUNT}:oidc-provider/{host}"},
                                                    "Action": "sts:AssumeRoleWithWebIdentity",
                                                    "Condition": {"StringEquals": {f"{host}:sub": "system:serviceaccount:kube-system:aws-node"}}}]}
    role = env.iam.create_role(RoleName="vpc-cni", AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    attach(env.iam, "vpc-cni", "AmazonEKS_CNI_Policy")  # IPv4's policy: not enough
    env.eks.create_addon(clusterName="v6", addonName="vpc-cni", serviceAccountRoleArn=role)
    env.managed(env.node_role(cni=None), desired=1)
    node = env.kube.nodes()[0]
    message = next(c for c in node["status"]["conditions"] if c["type"] == "Ready")["message"]
    assert ready(node) == "False" and "aws-node's role vpc-cni does not allow ec2:AssignIpv6Addresses" in message
    env.iam.put_role_policy(RoleName="vpc-cni", PolicyName="attach-policy", PolicyDocument=IPV6_CNI_POLICY)
    env.iam.detach_role_policy(RoleName="vpc-cni", PolicyArn="arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy")
    assert wait_for(lambda: ready(env.kube.nodes()[0]) == "True")


def test_nodegroup_subnets_must_assign_ipv6_addresses(emulator):
    env = V6(emulator)
    env.create_cluster()
    env.ec2.modify_subnet_attribute(SubnetId=env.subnets[1], AssignIpv6AddressOnCreation={"Value": False})
    ng = env.managed(env.node_role(), desired=2)
    assert ng["status"] == "CREATE_FAILED"
    assert ng["health"]["issues"] == [{
        "code": "Ec2SubnetMissingIpv6Assignment",
        "message": f"One or more Amazon EC2 Subnets of [{env.subnets[1]}] for node group ng does not automatically assign IPv6 addresses "
                   "to instances launched into it. See IP addressing in VPC guide: "
                   "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html#subnet-public-ip",
        "resourceIds": [env.subnets[1]]}]
    # The instance launched there has no IPv6 address: its kubelet never starts.
    status = {s["instance"]: s for s in env.node_status()}
    without = [i for i in env.instances(ng) if i["SubnetId"] == env.subnets[1]][0]
    assert status[without["InstanceId"]]["joined"] is False
    assert "the instance has no IPv6 address on its primary network interface" in status[without["InstanceId"]]["reason"]


def test_non_nitro_instances_cannot_start_ipamd(emulator):
    env = V6(emulator)
    env.create_cluster()
    ng = env.managed(env.node_role(), desired=1, instance_type="t2.large")
    assert ng["status"] == "CREATE_FAILED"
    node = env.kube.nodes()[0]
    message = next(c for c in node["status"]["conditions"] if c["type"] == "Ready")["message"]
    assert "ipamd cannot start in IPv6 mode: t2.large is not a Nitro instance type" in message


def test_self_managed_nodes_bootstrap_with_the_ipv6_service_cidr(emulator):
    env = V6(emulator)
    env.create_cluster()
    role = env.node_role("sm")
    env.iam.create_instance_profile(InstanceProfileName="sm")
    env.iam.add_role_to_instance_profile(InstanceProfileName="sm", RoleName="sm")
    env.eks.create_access_entry(clusterName="v6", principalArn=role, type="EC2_LINUX")
    sg = env.cluster["resourcesVpcConfig"]["clusterSecurityGroupId"]
    cidr = env.cluster["kubernetesNetworkConfig"]["serviceIpv6Cidr"]
    dns = str(ipaddress.IPv6Network(cidr).network_address + 10)
    image = emulator.client("ssm").get_parameter(
        Name="/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard/recommended/image_id")["Parameter"]["Value"]

    def user_data(service_cidr: str) -> str:
        return ("---\napiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\nspec:\n  cluster:\n    name: v6\n"
                f"    apiServerEndpoint: {env.cluster['endpoint']}\n    certificateAuthority: {env.cluster['certificateAuthority']['data']}\n"
                f"    cidr: {service_cidr}\n  kubelet:\n    config:\n      clusterDNS:\n        - {dns}\n")

    def launch(service_cidr: str, subnet: str, **kwargs: Any) -> str:
        return env.ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, InstanceType="m5.large", SubnetId=subnet, SecurityGroupIds=[sg],
                                     IamInstanceProfile={"Name": "sm"}, UserData=user_data(service_cidr),  # boto3 base64-encodes it
                                     **kwargs)["Instances"][0]["InstanceId"]

    good = launch(cidr, env.subnets[0])
    wrong = launch("172.20.0.0/16", env.subnets[0])
    bare = launch(cidr, env.subnets[1], Ipv6AddressCount=0)
    status = {s["instance"]: s for s in env.node_status()}
    assert status[good]["ready"] is True, status[good]
    assert "service CIDR 172.20.0.0/16 is not the cluster's" in status[wrong]["reason"]
    assert status[bare]["joined"] is False and "no IPv6 address on its primary network interface" in status[bare]["reason"]


# ---------------------------------------------------------------------------------------
# 6. BYOIP IPv6 pools
# ---------------------------------------------------------------------------------------
POOL = "ipv6pool-ec2-0123456789abcdef0"


def test_no_byoip_pool_without_the_knob(emulator):
    ec2 = emulator.client("ec2")
    assert ec2.describe_ipv6_pools()["Ipv6Pools"] == []
    assert error_of(ec2.create_vpc, CidrBlock="10.0.0.0/16", Ipv6Pool=POOL) == ("InvalidParameterValue", f"The IPv6 pool '{POOL}' does not exist")


@pytest.mark.emulator_env(**FAST, EKSUP_MOTO_IPV6_POOL=f"{POOL}=2001:db8:1200::/48")
def test_byoip_pool_gives_vpcs_their_56(emulator):
    ec2 = emulator.client("ec2")
    assert ec2.describe_ipv6_pools()["Ipv6Pools"] == [{"PoolId": POOL, "Description": "", "PoolCidrBlocks": [{"Cidr": "2001:db8:1200::/48"}], "Tags": []}]
    assert ec2.describe_ipv6_pools(PoolIds=["ipv6pool-ec2-00000000000000000"])["Ipv6Pools"] == []

    def association(vpc_id: str) -> dict[str, Any]:
        return ec2.describe_vpcs(VpcIds=[vpc_id])["Vpcs"][0]["Ipv6CidrBlockAssociationSet"][0]

    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16", Ipv6Pool=POOL, Ipv6CidrBlock="2001:db8:1200:100::/56")["Vpc"]["VpcId"]
    got = association(vpc)
    assert (got["Ipv6CidrBlock"], got["Ipv6Pool"], got["Ipv6CidrBlockState"]["State"], got["NetworkBorderGroup"]) == (
        "2001:db8:1200:100::/56", POOL, "associated", "us-west-2")
    assert error_of(ec2.create_vpc, CidrBlock="10.1.0.0/16", Ipv6Pool=POOL, Ipv6CidrBlock="2001:db8:1200:100::/56") == (
        "InvalidParameterValue", "The IPv6 CIDR block '2001:db8:1200:100::/56' is already in use")
    assert error_of(ec2.create_vpc, CidrBlock="10.1.0.0/16", Ipv6Pool=POOL, Ipv6CidrBlock="2001:db8:1200:100::/64")[0] == "InvalidParameterValue"
    assert error_of(ec2.create_vpc, CidrBlock="10.1.0.0/16", Ipv6Pool=POOL, Ipv6CidrBlock="2001:db8:9900::/56")[0] == "InvalidParameterValue"
    assert error_of(ec2.create_vpc, CidrBlock="10.1.0.0/16", Ipv6CidrBlock="2001:db8:1200:200::/56") == (
        "MissingParameter", "The request must contain the parameter Ipv6Pool")
    # Without a block: the first free /56 of the pool; AssociateVpcCidrBlock likewise.
    second = ec2.create_vpc(CidrBlock="10.1.0.0/16", Ipv6Pool=POOL)["Vpc"]["VpcId"]
    assert association(second)["Ipv6CidrBlock"] == "2001:db8:1200::/56"
    third = ec2.create_vpc(CidrBlock="10.2.0.0/16")["Vpc"]["VpcId"]
    answer = ec2.associate_vpc_cidr_block(VpcId=third, Ipv6Pool=POOL, Ipv6CidrBlock="2001:db8:1200:300::/56")["Ipv6CidrBlockAssociation"]
    assert (answer["Ipv6CidrBlock"], answer["Ipv6Pool"]) == ("2001:db8:1200:300::/56", POOL)
    assert association(third)["Ipv6CidrBlock"] == "2001:db8:1200:300::/56"
    # Subnets take /64s of it, as of an Amazon-provided block.
    ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24", Ipv6CidrBlock="2001:db8:1200:101::/64", AvailabilityZone="us-west-2a")
