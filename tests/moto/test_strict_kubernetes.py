"""Load balancers and ENIs made by Kubernetes controllers (eksup_moto_strict.py, rule 2).

The routes play the AWS Load Balancer Controller / in-tree cloud provider / VPC CNI, so that a
delete must clean up after them the way eksctl does (find by tags, delete, wait for the ENIs).
"""

from __future__ import annotations

import json
import time
import urllib.error

import pytest
from botocore.exceptions import ClientError

FAST = {"MOTO_IAM_ROLE_PROPAGATION_SECONDS": "0", "MOTO_EC2_NOT_FOUND_SECONDS": "0"}
TRUST = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "eks.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:TagSession"]}]}


def code_of(call, *args, **kwargs) -> str:
    with pytest.raises(ClientError) as raised:
        call(*args, **kwargs)
    return raised.value.response["Error"]["Code"]


def cluster(emulator, name: str = "demo") -> dict:
    """A VPC (public subnets in 2 AZs tagged for ELBs, one private subnet), a role, a cluster."""
    ec2, iam, eks = emulator.client("ec2"), emulator.client("iam"), emulator.client("eks")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    public = []
    for i, az in enumerate(["us-west-2a", "us-west-2b"]):
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=az, TagSpecifications=[
            {"ResourceType": "subnet", "Tags": [{"Key": "kubernetes.io/role/elb", "Value": "1"}]}])["Subnet"]["SubnetId"]
        public.append(subnet)
    private = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.10.0/24", AvailabilityZone="us-west-2a", TagSpecifications=[
        {"ResourceType": "subnet", "Tags": [{"Key": "kubernetes.io/role/internal-elb", "Value": "1"}]}])["Subnet"]["SubnetId"]
    role = iam.create_role(RoleName=f"{name}-cluster", AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]["Arn"]
    iam.attach_role_policy(RoleName=f"{name}-cluster", PolicyArn="arn:aws:iam::aws:policy/AmazonEKSClusterPolicy")
    created = eks.create_cluster(name=name, roleArn=role, resourcesVpcConfig={"subnetIds": [*public, private]})["cluster"]
    return {"vpc": vpc, "igw": igw, "public": public, "private": private,
            "cluster_sg": created["resourcesVpcConfig"]["clusterSecurityGroupId"]}


def tags_of(pairs: list[dict]) -> dict[str, str]:
    return {t["Key"]: t["Value"] for t in pairs}


@pytest.mark.emulator_env(**FAST)
def test_nlb_of_a_service_blocks_subnet_vpc_and_gateway_deletes_until_cleaned_up(emulator):
    net = cluster(emulator)
    ec2, elbv2 = emulator.client("ec2"), emulator.client("elbv2")
    lb = emulator.control("POST", "/eksup-test/kubernetes/load-balancer", {"cluster": "demo", "service": "default/web", "kind": "nlb"})
    assert lb["type"] == "network" and ":loadbalancer/net/k8s-default-web-" in lb["loadBalancerArn"]
    assert sorted(lb["subnetIds"]) == sorted(net["public"]) and lb["vpcId"] == net["vpc"]
    assert lb["clusterSecurityGroupId"] == net["cluster_sg"] and lb["securityGroupName"] == lb["loadBalancerName"]
    assert emulator.control("POST", "/eksup-test/kubernetes/load-balancer", {"cluster": "demo", "service": "default/web", "kind": "nlb"}) == lb

    # Discovery as eksctl does it: every LB of the region, then its tags.
    described = elbv2.describe_load_balancers()["LoadBalancers"]
    assert [d["LoadBalancerArn"] for d in described] == [lb["loadBalancerArn"]]
    assert described[0]["Type"] == "network" and described[0]["VpcId"] == net["vpc"]
    tags = tags_of(elbv2.describe_tags(ResourceArns=[lb["loadBalancerArn"]])["TagDescriptions"][0]["Tags"])
    assert tags == {"elbv2.k8s.aws/cluster": "demo", "service.k8s.aws/stack": "default/web", "service.k8s.aws/resource": "LoadBalancer"}
    sg = ec2.describe_security_groups(GroupIds=[lb["securityGroupId"]])["SecurityGroups"][0]
    assert tags_of(sg["Tags"])["elbv2.k8s.aws/cluster"] == "demo"
    assert sg["IpPermissions"][0]["FromPort"] == 80
    cluster_sg = ec2.describe_security_groups(GroupIds=[net["cluster_sg"]])["SecurityGroups"][0]
    assert lb["securityGroupId"] in [p["GroupId"] for perm in cluster_sg["IpPermissions"] for p in perm["UserIdGroupPairs"]]

    enis = ec2.describe_network_interfaces(Filters=[{"Name": "description", "Values": ["ELB net/*"]}])["NetworkInterfaces"]
    assert sorted(e["NetworkInterfaceId"] for e in enis) == lb["networkInterfaceIds"] and len(enis) == 2
    lb_id = lb["loadBalancerArn"].rsplit("/", 1)[1]
    for eni in enis:
        assert eni["Description"] == f"ELB net/{lb['loadBalancerName']}/{lb_id}"
        assert (eni["InterfaceType"], eni["RequesterManaged"], eni["RequesterId"], eni["Status"]) == ("network_load_balancer", True, "amazon-elb", "in-use")
        assert eni["Attachment"]["InstanceOwnerId"] == "amazon-elb" and eni["Attachment"]["AttachmentId"].startswith("ela-attach-")
        assert [g["GroupId"] for g in eni["Groups"]] == [lb["securityGroupId"]]
        assert eni["Association"]["PublicIp"]  # internet-facing

    # Everything that depends on the LB refuses.
    assert code_of(ec2.delete_subnet, SubnetId=net["public"][0]) == "DependencyViolation"
    assert code_of(ec2.delete_security_group, GroupId=lb["securityGroupId"]) == "DependencyViolation"
    assert code_of(ec2.detach_internet_gateway, InternetGatewayId=net["igw"], VpcId=net["vpc"]) == "DependencyViolation"
    assert code_of(ec2.delete_vpc, VpcId=net["vpc"]) == "DependencyViolation"
    assert code_of(ec2.delete_network_interface, NetworkInterfaceId=enis[0]["NetworkInterfaceId"]) == "InvalidParameterValue"

    # Clean up like eksctl: delete the LB, wait for its ENIs to go, then the LB's security group
    # (after revoking the cluster security group's rule that refers to it).
    elbv2.delete_load_balancer(LoadBalancerArn=lb["loadBalancerArn"])
    assert code_of(ec2.delete_subnet, SubnetId=net["public"][0]) == "DependencyViolation"  # ENIs linger
    time.sleep(1.1)
    assert ec2.describe_network_interfaces(Filters=[{"Name": "description", "Values": ["ELB net/*"]}])["NetworkInterfaces"] == []
    assert code_of(ec2.delete_security_group, GroupId=lb["securityGroupId"]) == "DependencyViolation"  # cluster SG rule
    pair = [{"IpProtocol": "tcp", "FromPort": 0, "ToPort": 65535, "UserIdGroupPairs": [{"GroupId": lb["securityGroupId"]}]}]
    ec2.revoke_security_group_ingress(GroupId=net["cluster_sg"], IpPermissions=pair)
    ec2.delete_security_group(GroupId=lb["securityGroupId"])
    ec2.delete_subnet(SubnetId=net["public"][0])
    ec2.detach_internet_gateway(InternetGatewayId=net["igw"], VpcId=net["vpc"])


@pytest.mark.emulator_env(**FAST)
def test_alb_of_an_ingress(emulator):
    net = cluster(emulator)
    ec2, elbv2 = emulator.client("ec2"), emulator.client("elbv2")
    lb = emulator.control("POST", "/eksup-test/kubernetes/load-balancer", {"cluster": "demo", "service": "shop/frontend", "kind": "alb", "ports": [80, 443]})
    assert lb["type"] == "application" and ":loadbalancer/app/k8s-shop-frontend-" in lb["loadBalancerArn"]
    tags = tags_of(elbv2.describe_tags(ResourceArns=[lb["loadBalancerArn"]])["TagDescriptions"][0]["Tags"])
    assert tags["elbv2.k8s.aws/cluster"] == "demo" and tags["service.k8s.aws/stack"] == "shop/frontend"
    enis = ec2.describe_network_interfaces(Filters=[{"Name": "group-id", "Values": [lb["securityGroupId"]]}])["NetworkInterfaces"]
    assert len(enis) == 2 and all(e["InterfaceType"] == "interface" and e["Description"].startswith("ELB app/k8s-shop-frontend-") for e in enis)
    sg = ec2.describe_security_groups(GroupIds=[lb["securityGroupId"]])["SecurityGroups"][0]
    assert sorted(p["FromPort"] for p in sg["IpPermissions"]) == [80, 443]
    elbv2.delete_load_balancer(LoadBalancerArn=lb["loadBalancerArn"])
    time.sleep(1.1)
    ec2.delete_subnet(SubnetId=net["public"][1])


@pytest.mark.emulator_env(MOTO_ELB_ENI_RELEASE_SECONDS="0", **FAST)
def test_classic_elb_of_the_in_tree_cloud_provider(emulator):
    net = cluster(emulator)
    ec2, elb = emulator.client("ec2"), emulator.client("elb")
    lb = emulator.control("POST", "/eksup-test/kubernetes/load-balancer", {"cluster": "demo", "service": "default/legacy", "kind": "classic"})
    name = lb["loadBalancerName"]
    assert lb["type"] == "classic" and len(name) == 32 and name.startswith("a") and "loadBalancerArn" not in lb
    assert lb["securityGroupName"] == f"k8s-elb-{name}"
    assert [d["LoadBalancerName"] for d in elb.describe_load_balancers()["LoadBalancerDescriptions"]] == [name]
    tags = tags_of(elb.describe_tags(LoadBalancerNames=[name])["TagDescriptions"][0]["Tags"])
    assert tags == {"kubernetes.io/cluster/demo": "owned", "kubernetes.io/service-name": "default/legacy"}
    sg = ec2.describe_security_groups(Filters=[{"Name": "tag:kubernetes.io/cluster/demo", "Values": ["owned"]},
                                               {"Name": "group-name", "Values": [f"k8s-elb-{name}"]}])["SecurityGroups"]
    assert [g["GroupId"] for g in sg] == [lb["securityGroupId"]]
    enis = ec2.describe_network_interfaces(Filters=[{"Name": "description", "Values": [f"ELB {name}"]}])["NetworkInterfaces"]
    assert len(enis) == 2 and all(e["RequesterManaged"] and e["Status"] == "in-use" for e in enis)
    assert code_of(ec2.delete_security_group, GroupId=lb["securityGroupId"]) == "DependencyViolation"

    elb.delete_load_balancer(LoadBalancerName=name)  # MOTO_ELB_ENI_RELEASE_SECONDS=0: ENIs go at once
    assert ec2.describe_network_interfaces(Filters=[{"Name": "description", "Values": [f"ELB {name}"]}])["NetworkInterfaces"] == []
    pair = [{"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": lb["securityGroupId"]}]}]
    ec2.revoke_security_group_ingress(GroupId=net["cluster_sg"], IpPermissions=pair)
    ec2.delete_security_group(GroupId=lb["securityGroupId"])
    for subnet in net["public"]:
        ec2.delete_subnet(SubnetId=subnet)


@pytest.mark.emulator_env(**FAST)
def test_leftover_cni_enis_are_found_by_eksctl_filters_and_block_the_subnet(emulator):
    net = cluster(emulator)
    ec2 = emulator.client("ec2")
    made = emulator.control("POST", "/eksup-test/kubernetes/leftover-enis", {"cluster": "demo", "count": 2})["networkInterfaceIds"]
    assert len(made) == 2
    for filters in (
        [{"Name": "tag:cluster.k8s.amazonaws.com/name", "Values": ["demo"]}],
        [{"Name": "description", "Values": ["aws-K8S-*"]}, {"Name": "vpc-id", "Values": [net["vpc"]]}],
        [{"Name": "group-id", "Values": [net["cluster_sg"]]}, {"Name": "status", "Values": ["available"]}],
        [{"Name": "tag-key", "Values": ["node.k8s.amazonaws.com/instance_id"]}, {"Name": "requester-managed", "Values": ["false"]}],
    ):
        found = ec2.describe_network_interfaces(Filters=filters)["NetworkInterfaces"]
        assert sorted(e["NetworkInterfaceId"] for e in found) == sorted(made), filters
    eni = ec2.describe_network_interfaces(NetworkInterfaceIds=[made[0]])["NetworkInterfaces"][0]
    assert eni["SubnetId"] == net["private"] and eni["Description"].startswith("aws-K8S-i-")
    assert tags_of(eni["TagSet"])["node.k8s.amazonaws.com/instance_id"] == eni["Description"][len("aws-K8S-"):]
    assert ec2.describe_network_interfaces(Filters=[{"Name": "status", "Values": ["in-use"]}, {"Name": "vpc-id", "Values": [net["vpc"]]}])["NetworkInterfaces"] == []

    assert code_of(ec2.delete_subnet, SubnetId=net["private"]) == "DependencyViolation"
    for eni_id in made:
        ec2.delete_network_interface(NetworkInterfaceId=eni_id)
    ec2.delete_subnet(SubnetId=net["private"])


@pytest.mark.emulator_env(**FAST)
def test_load_balancer_route_errors(emulator):
    with pytest.raises(urllib.error.HTTPError) as raised:
        emulator.control("POST", "/eksup-test/kubernetes/load-balancer", {"cluster": "nope", "service": "a/b", "kind": "nlb"})
    assert raised.value.code == 404
    cluster(emulator)
    with pytest.raises(urllib.error.HTTPError) as raised:
        emulator.control("POST", "/eksup-test/kubernetes/load-balancer", {"cluster": "demo", "service": "a/b", "kind": "alb", "scheme": "internal"})
    assert raised.value.code == 400  # one internal subnet: an ALB needs two AZs
    internal = emulator.control("POST", "/eksup-test/kubernetes/load-balancer", {"cluster": "demo", "service": "a/b", "kind": "nlb", "scheme": "internal"})
    assert internal["scheme"] == "internal" and len(internal["subnetIds"]) == 1
    eni = emulator.client("ec2").describe_network_interfaces(NetworkInterfaceIds=internal["networkInterfaceIds"])["NetworkInterfaces"][0]
    assert "Association" not in eni  # no public address


@pytest.mark.emulator_env(**FAST)
def test_load_balancer_created_through_the_api_has_enis_too(emulator):
    net = cluster(emulator)
    ec2, elbv2 = emulator.client("ec2"), emulator.client("elbv2")
    sg = ec2.create_security_group(GroupName="alb", Description="alb", VpcId=net["vpc"])["GroupId"]
    arn = elbv2.create_load_balancer(Name="api-made", Subnets=net["public"], SecurityGroups=[sg], Type="application")["LoadBalancers"][0]["LoadBalancerArn"]
    enis = ec2.describe_network_interfaces(Filters=[{"Name": "interface-type", "Values": ["interface"]},
                                                    {"Name": "requester-id", "Values": ["amazon-elb"]}])["NetworkInterfaces"]
    assert len(enis) == 2
    assert code_of(ec2.delete_security_group, GroupId=sg) == "DependencyViolation"
    elbv2.delete_load_balancer(LoadBalancerArn=arn)
    deadline = time.monotonic() + 5
    while True:  # retry like a client must
        try:
            ec2.delete_security_group(GroupId=sg)
            break
        except ClientError as e:
            assert e.response["Error"]["Code"] == "DependencyViolation" and time.monotonic() < deadline
            time.sleep(0.2)


@pytest.mark.emulator_env(**FAST)
def test_eks_leaves_its_cluster_security_group_behind_while_another_group_refers_to_it(emulator):
    """As on AWS (terraform-provider-aws#11473, eksctl#5135): the cluster is deleted, its
    `eks-cluster-sg-*` group is not, and that group then keeps the VPC from being deleted."""
    net = cluster(emulator)
    ec2, eks = emulator.client("ec2"), emulator.client("eks")
    shared = ec2.create_security_group(GroupName="shared-nodes", Description="shared", VpcId=net["vpc"])["GroupId"]
    pair = [{"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": net["cluster_sg"]}]}]
    ec2.authorize_security_group_ingress(GroupId=shared, IpPermissions=pair)
    eks.delete_cluster(name="demo")
    deadline = time.monotonic() + 10
    while eks.list_clusters()["clusters"]:
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert ec2.describe_security_groups(GroupIds=[net["cluster_sg"]])["SecurityGroups"]  # orphaned
    ec2.revoke_security_group_ingress(GroupId=shared, IpPermissions=pair)
    ec2.delete_security_group(GroupId=shared)
    for subnet in [*net["public"], net["private"]]:
        ec2.delete_subnet(SubnetId=subnet)
    ec2.detach_internet_gateway(InternetGatewayId=net["igw"], VpcId=net["vpc"])
    assert code_of(ec2.delete_vpc, VpcId=net["vpc"]) == "DependencyViolation"  # the orphaned cluster group
    ec2.delete_security_group(GroupId=net["cluster_sg"])
    ec2.delete_vpc(VpcId=net["vpc"])
