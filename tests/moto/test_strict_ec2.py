"""EC2 refusals AWS makes and moto did not (eksup_moto_strict.py, rules 0, 1 and 3)."""

from __future__ import annotations

import time

import pytest
from botocore.exceptions import ClientError

AMI = "ami-12c6146b"  # one of moto's default AMIs


def code_of(call, *args, **kwargs) -> tuple[str, str]:
    with pytest.raises(ClientError) as raised:
        call(*args, **kwargs)
    error = raised.value.response["Error"]
    return error["Code"], error["Message"]


def network(ec2, cidr: str = "10.0.0.0/16") -> tuple[str, str, str]:
    """A VPC with two subnets (us-west-2a, us-west-2b)."""
    vpc = ec2.create_vpc(CidrBlock=cidr)["Vpc"]["VpcId"]
    base = cidr.split(".")[0] + "." + cidr.split(".")[1]
    a = ec2.create_subnet(VpcId=vpc, CidrBlock=f"{base}.1.0/24", AvailabilityZone="us-west-2a")["Subnet"]["SubnetId"]
    b = ec2.create_subnet(VpcId=vpc, CidrBlock=f"{base}.2.0/24", AvailabilityZone="us-west-2b")["Subnet"]["SubnetId"]
    return vpc, a, b


def group(ec2, vpc: str, name: str) -> str:
    return ec2.create_security_group(GroupName=name, Description=name, VpcId=vpc)["GroupId"]


@pytest.mark.emulator_env(MOTO_EC2_NOT_FOUND_SECONDS="0")
def test_security_group_referenced_by_another_groups_rule_cannot_be_deleted(emulator):
    ec2 = emulator.client("ec2")
    vpc, _, _ = network(ec2)
    nodes, lb = group(ec2, vpc, "nodes"), group(ec2, vpc, "lb")
    # A self-reference does not block; a reference from another group (ingress or egress) does.
    ec2.authorize_security_group_ingress(GroupId=lb, IpPermissions=[{"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": lb}]}])
    ec2.authorize_security_group_ingress(GroupId=nodes, IpPermissions=[{"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": lb}]}])
    ec2.authorize_security_group_egress(GroupId=nodes, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "UserIdGroupPairs": [{"GroupId": lb}]}])
    assert code_of(ec2.delete_security_group, GroupId=lb) == ("DependencyViolation", f"resource {lb} has a dependent object")

    ec2.revoke_security_group_ingress(GroupId=nodes, IpPermissions=[{"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": lb}]}])
    assert code_of(ec2.delete_security_group, GroupId=lb)[0] == "DependencyViolation"  # the egress rule still refers to it
    ec2.revoke_security_group_egress(GroupId=nodes, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "UserIdGroupPairs": [{"GroupId": lb}]}])
    ec2.delete_security_group(GroupId=lb)
    ec2.delete_security_group(GroupId=nodes)


@pytest.mark.emulator_env(MOTO_EC2_NOT_FOUND_SECONDS="0")
def test_a_rule_takes_a_peer_group_of_its_own_vpc_or_a_peered_one(emulator):
    ec2 = emulator.client("ec2")
    vpc, _, _ = network(ec2)
    other, _, _ = network(ec2, "10.1.0.0/16")
    nodes, bastions, elsewhere = group(ec2, vpc, "nodes"), group(ec2, vpc, "bastions"), group(ec2, other, "elsewhere")
    ssh = lambda peer: [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "UserIdGroupPairs": [{"GroupId": peer}]}]
    ec2.authorize_security_group_ingress(GroupId=nodes, IpPermissions=ssh(bastions))
    different = ("InvalidGroup.NotFound", "You have specified two resources that belong to different networks.")
    assert code_of(ec2.authorize_security_group_ingress, GroupId=nodes, IpPermissions=ssh(elsewhere)) == different
    assert code_of(ec2.authorize_security_group_egress, GroupId=nodes, IpPermissions=ssh(elsewhere)) == different
    rules = ec2.describe_security_groups(GroupIds=[nodes])["SecurityGroups"][0]["IpPermissions"]
    assert [p["GroupId"] for r in rules for p in r["UserIdGroupPairs"]] == [bastions], "nothing was added"
    # A peering connection still pending does not join the networks; an active one does.
    pcx = ec2.create_vpc_peering_connection(VpcId=vpc, PeerVpcId=other)["VpcPeeringConnection"]["VpcPeeringConnectionId"]
    if ec2.describe_vpc_peering_connections(VpcPeeringConnectionIds=[pcx])["VpcPeeringConnections"][0]["Status"]["Code"] != "active":
        assert code_of(ec2.authorize_security_group_ingress, GroupId=nodes, IpPermissions=ssh(elsewhere)) == different
        ec2.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx)
    ec2.authorize_security_group_ingress(GroupId=nodes, IpPermissions=ssh(elsewhere))


@pytest.mark.emulator_env(MOTO_EC2_NOT_FOUND_SECONDS="0")
def test_security_group_used_by_an_instance_or_eni_cannot_be_deleted(emulator):
    ec2 = emulator.client("ec2")
    vpc, a, _ = network(ec2)
    sg_instance, sg_eni = group(ec2, vpc, "instance"), group(ec2, vpc, "eni")
    instance = ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1, SubnetId=a, SecurityGroupIds=[sg_instance])["Instances"][0]["InstanceId"]
    eni = ec2.create_network_interface(SubnetId=a, Groups=[sg_eni])["NetworkInterface"]["NetworkInterfaceId"]
    assert code_of(ec2.delete_security_group, GroupId=sg_instance)[0] == "DependencyViolation"
    assert code_of(ec2.delete_security_group, GroupId=sg_eni)[0] == "DependencyViolation"

    ec2.terminate_instances(InstanceIds=[instance])
    ec2.delete_network_interface(NetworkInterfaceId=eni)
    ec2.delete_security_group(GroupId=sg_instance)
    ec2.delete_security_group(GroupId=sg_eni)


def test_subnet_with_an_instance_or_eni_cannot_be_deleted(emulator):
    ec2 = emulator.client("ec2")
    _, a, b = network(ec2)
    instance = ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1, SubnetId=a)["Instances"][0]["InstanceId"]
    eni = ec2.create_network_interface(SubnetId=b, Description="aws-K8S-i-0123456789abcdef0")["NetworkInterface"]["NetworkInterfaceId"]
    assert code_of(ec2.delete_subnet, SubnetId=a) == ("DependencyViolation", f"The subnet '{a}' has dependencies and cannot be deleted.")
    assert code_of(ec2.delete_subnet, SubnetId=b)[0] == "DependencyViolation"

    # Terminating deletes the ENIs created at launch (moto kept the primary one).
    ec2.terminate_instances(InstanceIds=[instance])
    assert ec2.describe_network_interfaces(Filters=[{"Name": "subnet-id", "Values": [a]}])["NetworkInterfaces"] == []
    ec2.delete_subnet(SubnetId=a)
    ec2.delete_network_interface(NetworkInterfaceId=eni)
    ec2.delete_subnet(SubnetId=b)


def test_attached_eni_cannot_be_deleted(emulator):
    ec2 = emulator.client("ec2")
    _, a, _ = network(ec2)
    ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1, SubnetId=a)
    eni = ec2.describe_network_interfaces(Filters=[{"Name": "subnet-id", "Values": [a]}])["NetworkInterfaces"][0]
    assert eni["Status"] == "in-use"
    assert code_of(ec2.delete_network_interface, NetworkInterfaceId=eni["NetworkInterfaceId"]) == (
        "InvalidParameterValue", f"Network interface '{eni['NetworkInterfaceId']}' is currently in use.")
    ec2.terminate_instances(InstanceIds=[eni["Attachment"]["InstanceId"]])
    assert ec2.describe_network_interfaces(Filters=[{"Name": "subnet-id", "Values": [a]}])["NetworkInterfaces"] == []


@pytest.mark.emulator_env(MOTO_NAT_DELETE_SECONDS="1")
def test_nat_gateway_holds_its_subnet_and_elastic_ip_until_deleted(emulator):
    ec2 = emulator.client("ec2")
    vpc, a, _ = network(ec2)
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    alloc = ec2.allocate_address(Domain="vpc")
    nat = ec2.create_nat_gateway(SubnetId=a, AllocationId=alloc["AllocationId"])["NatGateway"]["NatGatewayId"]
    eni = ec2.describe_network_interfaces(Filters=[{"Name": "subnet-id", "Values": [a]}])["NetworkInterfaces"][0]
    assert (eni["InterfaceType"], eni["RequesterManaged"], eni["Status"]) == ("nat_gateway", True, "in-use")
    assert eni["Description"] == f"Interface for NAT Gateway {nat}"

    assert code_of(ec2.release_address, AllocationId=alloc["AllocationId"]) == ("InvalidIPAddress.InUse", f"Address {alloc['PublicIp']} is in use.")
    assert code_of(ec2.detach_internet_gateway, InternetGatewayId=igw, VpcId=vpc) == (
        "DependencyViolation",
        f"Network {vpc} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.")

    ec2.delete_nat_gateway(NatGatewayId=nat)
    assert ec2.describe_nat_gateways(NatGatewayIds=[nat])["NatGateways"][0]["State"] == "deleting"
    # While `deleting`, the NAT gateway still holds its ENI and its Elastic IP.
    assert code_of(ec2.delete_subnet, SubnetId=a)[0] == "DependencyViolation"
    assert code_of(ec2.release_address, AllocationId=alloc["AllocationId"])[0] == "InvalidIPAddress.InUse"
    assert code_of(ec2.detach_internet_gateway, InternetGatewayId=igw, VpcId=vpc)[0] == "DependencyViolation"

    time.sleep(1.1)
    assert ec2.describe_nat_gateways(NatGatewayIds=[nat])["NatGateways"][0]["State"] == "deleted"
    ec2.release_address(AllocationId=alloc["AllocationId"])
    ec2.detach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    ec2.delete_internet_gateway(InternetGatewayId=igw)
    ec2.delete_subnet(SubnetId=a)


def test_elastic_ip_associated_with_an_eni_must_be_disassociated_before_release_and_detach(emulator):
    ec2 = emulator.client("ec2")
    vpc, a, _ = network(ec2)
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    eni = ec2.create_network_interface(SubnetId=a)["NetworkInterface"]["NetworkInterfaceId"]
    alloc = ec2.allocate_address(Domain="vpc")["AllocationId"]
    association = ec2.associate_address(AllocationId=alloc, NetworkInterfaceId=eni)["AssociationId"]
    assert code_of(ec2.release_address, AllocationId=alloc)[0] == "InvalidIPAddress.InUse"
    assert code_of(ec2.detach_internet_gateway, InternetGatewayId=igw, VpcId=vpc)[0] == "DependencyViolation"
    ec2.disassociate_address(AssociationId=association)
    ec2.release_address(AllocationId=alloc)
    ec2.detach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)


def test_internet_gateway_cannot_be_detached_while_an_instance_has_a_public_ip(emulator):
    ec2 = emulator.client("ec2")
    vpc, a, _ = network(ec2)
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    ec2.modify_subnet_attribute(SubnetId=a, MapPublicIpOnLaunch={"Value": True})
    instance = ec2.run_instances(
        ImageId=AMI, MinCount=1, MaxCount=1,
        NetworkInterfaces=[{"DeviceIndex": 0, "SubnetId": a, "AssociatePublicIpAddress": True}],
    )["Instances"][0]["InstanceId"]
    assert code_of(ec2.detach_internet_gateway, InternetGatewayId=igw, VpcId=vpc)[0] == "DependencyViolation"
    ec2.terminate_instances(InstanceIds=[instance])
    ec2.detach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)


@pytest.mark.emulator_env(MOTO_EC2_NOT_FOUND_SECONDS="0")
def test_vpc_with_an_attached_gateway_a_security_group_or_an_eni_cannot_be_deleted(emulator):
    ec2 = emulator.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    sg = group(ec2, vpc, "leftover")
    message = f"The vpc '{vpc}' has dependencies and cannot be deleted."
    assert code_of(ec2.delete_vpc, VpcId=vpc) == ("DependencyViolation", message)
    ec2.detach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    assert code_of(ec2.delete_vpc, VpcId=vpc) == ("DependencyViolation", message)  # the security group
    ec2.delete_security_group(GroupId=sg)

    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.9.1.0/24")["Subnet"]["SubnetId"]
    eni = ec2.create_network_interface(SubnetId=subnet)["NetworkInterface"]["NetworkInterfaceId"]
    assert code_of(ec2.delete_subnet, SubnetId=subnet)[0] == "DependencyViolation"
    ec2.delete_network_interface(NetworkInterfaceId=eni)
    ec2.delete_subnet(SubnetId=subnet)
    ec2.delete_vpc(VpcId=vpc)
    assert ec2.describe_internet_gateways(InternetGatewayIds=[igw])["InternetGateways"][0]["Attachments"] == []


def test_new_security_group_is_not_found_by_authorize_for_a_moment(emulator):
    ec2 = emulator.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    sg = group(ec2, vpc, "fresh")
    rule = [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/16"}]}]
    assert code_of(ec2.authorize_security_group_ingress, GroupId=sg, IpPermissions=rule) == (
        "InvalidGroup.NotFound", f"The security group '{sg}' does not exist")
    assert code_of(ec2.authorize_security_group_egress, GroupId=sg, IpPermissions=rule)[0] == "InvalidGroup.NotFound"
    # Describe and CreateTags are not refused.
    assert ec2.describe_security_groups(GroupIds=[sg])["SecurityGroups"][0]["GroupId"] == sg
    ec2.create_tags(Resources=[sg], Tags=[{"Key": "k", "Value": "v"}])
    time.sleep(1.05)
    ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=rule)
    ec2.authorize_security_group_egress(GroupId=sg, IpPermissions=rule)


def test_new_vpc_attributes_are_not_found_for_a_moment(emulator):
    ec2 = emulator.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    assert code_of(ec2.describe_vpc_attribute, VpcId=vpc, Attribute="enableDnsSupport") == (
        "InvalidVpcID.NotFound", f"The vpc ID '{vpc}' does not exist")
    assert code_of(ec2.modify_vpc_attribute, VpcId=vpc, EnableDnsHostnames={"Value": True})[0] == "InvalidVpcID.NotFound"
    ec2.create_tags(Resources=[vpc], Tags=[{"Key": "k", "Value": "v"}])
    time.sleep(1.05)
    ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsHostnames={"Value": True})
    assert ec2.describe_vpc_attribute(VpcId=vpc, Attribute="enableDnsHostnames")["EnableDnsHostnames"]["Value"] is True


@pytest.mark.emulator_env(EKSUP_MOTO_LENIENT="1")
def test_lenient_turns_the_windows_off_but_not_the_dependency_rules(emulator):
    ec2 = emulator.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    ec2.describe_vpc_attribute(VpcId=vpc, Attribute="enableDnsSupport")
    a, b = group(ec2, vpc, "a"), group(ec2, vpc, "b")
    ec2.authorize_security_group_ingress(GroupId=a, IpPermissions=[{"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": b}]}])
    assert code_of(ec2.delete_security_group, GroupId=b)[0] == "DependencyViolation"


def test_a_second_auto_scaling_group_of_the_same_name_is_refused_and_launches_nothing(emulator):
    """AWS: `AlreadyExists`. moto replaced the group and left the first one's instances running,
    so a create retried after a lost answer leaked a node."""
    ec2, asg = emulator.client("ec2"), emulator.client("autoscaling")
    _, a, _ = network(ec2)
    template = ec2.create_launch_template(
        LaunchTemplateName="t", LaunchTemplateData={"ImageId": AMI, "InstanceType": "t3.micro"}
    )["LaunchTemplate"]["LaunchTemplateId"]
    create = dict(AutoScalingGroupName="g", MinSize=1, MaxSize=1, DesiredCapacity=1, VPCZoneIdentifier=a,
                  LaunchTemplate={"LaunchTemplateId": template, "Version": "$Latest"})
    asg.create_auto_scaling_group(**create)
    code, message = code_of(asg.create_auto_scaling_group, **create)
    assert code == "AlreadyExists"
    assert "already exists" in message
    running = [i for r in ec2.describe_instances()["Reservations"] for i in r["Instances"]
               if i["State"]["Name"] in ("pending", "running")]
    assert len(running) == 1


def test_a_launch_template_version_from_a_source_version_keeps_what_it_does_not_replace(emulator):
    ec2 = emulator.client("ec2")
    data = {"ImageId": AMI, "InstanceType": "t3.medium", "UserData": "IyEvYmluL2Jhc2gK", "KeyName": "ops"}
    template = ec2.create_launch_template(LaunchTemplateName="nodes", LaunchTemplateData=data)["LaunchTemplate"]
    version = ec2.create_launch_template_version(
        LaunchTemplateId=template["LaunchTemplateId"], SourceVersion="1", LaunchTemplateData={"ImageId": "ami-0new"}
    )["LaunchTemplateVersion"]
    assert version["VersionNumber"] == 2
    got = ec2.describe_launch_template_versions(LaunchTemplateId=template["LaunchTemplateId"], Versions=["2"])
    new = got["LaunchTemplateVersions"][0]["LaunchTemplateData"]
    assert new["ImageId"] == "ami-0new"
    assert (new["InstanceType"], new["UserData"], new["KeyName"]) == ("t3.medium", "IyEvYmluL2Jhc2gK", "ops")
    code, _ = code_of(ec2.create_launch_template_version, LaunchTemplateId=template["LaunchTemplateId"],
                      SourceVersion="9", LaunchTemplateData={"ImageId": "ami-0new"})
    assert code == "InvalidLaunchTemplateId.VersionNotFound"


@pytest.mark.emulator_env(MOTO_EC2_NOT_FOUND_SECONDS="0")
def test_subnet_ipv6_blocks_are_64s_of_the_vpc_block_once_each(emulator):
    ec2 = emulator.client("ec2")
    vpc, a, b = network(ec2)
    # No IPv6 block on the VPC yet: nothing of it to give.
    assert code_of(ec2.associate_subnet_cidr_block, SubnetId=a, Ipv6CidrBlock="2600:1f14::/64")[0] == "InvalidSubnet.Range"
    ec2.associate_vpc_cidr_block(VpcId=vpc, AmazonProvidedIpv6CidrBlock=True)
    block = ec2.describe_vpcs(VpcIds=[vpc])["Vpcs"][0]["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"]
    first = block.replace("/56", "/64")
    assert code_of(ec2.associate_subnet_cidr_block, SubnetId=a, Ipv6CidrBlock=block)[0] == "InvalidParameterValue"
    assert code_of(ec2.associate_subnet_cidr_block, SubnetId=a, Ipv6CidrBlock="2001:db8::/64")[0] == "InvalidSubnet.Range"
    ec2.associate_subnet_cidr_block(SubnetId=a, Ipv6CidrBlock=first)
    assert code_of(ec2.associate_subnet_cidr_block, SubnetId=b, Ipv6CidrBlock=first)[0] == "InvalidSubnet.Conflict"
    assert code_of(ec2.associate_subnet_cidr_block, SubnetId=a, Ipv6CidrBlock=first)[0] == "InvalidParameterValue"
    got = ec2.describe_subnets(SubnetIds=[a])["Subnets"][0]["Ipv6CidrBlockAssociationSet"]
    assert [(x["Ipv6CidrBlock"], x["Ipv6CidrBlockState"]["State"]) for x in got] == [(first, "associated")]
    # Once disassociated, the /64 is free for another subnet.
    ec2.disassociate_subnet_cidr_block(AssociationId=got[0]["AssociationId"])
    ec2.associate_subnet_cidr_block(SubnetId=b, Ipv6CidrBlock=first)


@pytest.mark.emulator_env(MOTO_EC2_NOT_FOUND_SECONDS="0")
def test_subnet_hostname_type_is_stored(emulator):
    ec2 = emulator.client("ec2")
    _, a, _ = network(ec2)
    options = lambda: ec2.describe_subnets(SubnetIds=[a])["Subnets"][0]["PrivateDnsNameOptionsOnLaunch"]  # noqa: E731
    assert options()["HostnameType"] == "ip-name"
    ec2.modify_subnet_attribute(SubnetId=a, PrivateDnsHostnameTypeOnLaunch="resource-name")
    assert options()["HostnameType"] == "resource-name"
    assert code_of(ec2.modify_subnet_attribute, SubnetId=a, PrivateDnsHostnameTypeOnLaunch="dns-name")[0] == "InvalidParameterValue"
