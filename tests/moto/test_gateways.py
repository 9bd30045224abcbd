"""The user's virtual private gateways and transit gateways attached to a VPC (eksup_moto_gateways): states and
their delays, AWS's refusals, routes to the gateways and their black holes, DependencyViolation, and the
sequence of calls and waits eksup makes for EKS Hybrid Nodes' networking (eksctl's addHybridNodesNetworking)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable

import botocore.exceptions
import pytest

# The module is wired in by eksup_moto.install(); until that hook is in, there is nothing to test.
WIRED = "eksup_moto_gateways" in (Path(__file__).resolve().parent / "eksup_moto.py").read_text()
DELAY = 2.0  # every transition of these tests (attach, detach, create, delete): long enough for the checks made
# during a transition (a few calls each) to stay inside it on a loaded machine
KNOBS = {"MOTO_EC2_NOT_FOUND_SECONDS": "0", "MOTO_VGW_ATTACH_SECONDS": str(DELAY), "MOTO_VGW_DETACH_SECONDS": str(DELAY),
         "MOTO_TGW_ATTACHMENT_CREATE_SECONDS": str(DELAY), "MOTO_TGW_ATTACHMENT_DELETE_SECONDS": str(DELAY)}
pytestmark = [pytest.mark.emulator_env(**KNOBS),
              pytest.mark.skipif(not WIRED, reason="eksup_moto.install() does not install eksup_moto_gateways yet")]

REMOTE = ["10.80.146.0/24", "10.86.0.0/16"]  # remote node and pod networks
DIFFERENT = "route table {} and network gateway {} belong to different networks"
DV_VPC = "The vpc '{}' has dependencies and cannot be deleted."
DV_SUBNET = "The subnet '{}' has dependencies and cannot be deleted."


def error_of(call: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[str, str]:
    with pytest.raises(botocore.exceptions.ClientError) as raised:
        call(*args, **kwargs)
    error = raised.value.response["Error"]
    return error["Code"], error["Message"]


def wait_until(predicate: Callable[[], Any], timeout: float = 10, interval: float = 0.1) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


class Net:
    """A VPC with a private subnet and route table per zone, as eksup makes them."""

    def __init__(self, ec2: Any, second: int = 0, zones: str = "abc") -> None:
        self.ec2 = ec2
        self.vpc = ec2.create_vpc(CidrBlock=f"10.{second}.0.0/16")["Vpc"]["VpcId"]
        self.subnets, self.tables, self.associations = [], [], []
        for i, zone in enumerate(zones):
            subnet = ec2.create_subnet(VpcId=self.vpc, CidrBlock=f"10.{second}.{i + 1}.0/24",
                                       AvailabilityZone=f"us-west-2{zone}")["Subnet"]["SubnetId"]
            table = ec2.create_route_table(VpcId=self.vpc)["RouteTable"]["RouteTableId"]
            self.associations.append(ec2.associate_route_table(RouteTableId=table, SubnetId=subnet)["AssociationId"])
            self.subnets.append(subnet)
            self.tables.append(table)

    def routes(self, table: str) -> dict[str, dict[str, Any]]:
        found = self.ec2.describe_route_tables(RouteTableIds=[table])["RouteTables"][0]["Routes"]
        return {r["DestinationCidrBlock"]: r for r in found if "DestinationCidrBlock" in r}

    def delete_tables(self) -> None:
        for association, table in zip(self.associations, self.tables):
            self.ec2.disassociate_route_table(AssociationId=association)
            self.ec2.delete_route_table(RouteTableId=table)

    def delete_subnets_and_vpc(self) -> None:
        for subnet in self.subnets:
            self.ec2.delete_subnet(SubnetId=subnet)
        self.ec2.delete_vpc(VpcId=self.vpc)


def vgw_states(ec2: Any, vgw: str) -> dict[str, str]:
    gateway = ec2.describe_vpn_gateways(VpnGatewayIds=[vgw])["VpnGateways"][0]
    return {a["VpcId"]: a["State"] for a in gateway["VpcAttachments"]}


def attachment(ec2: Any, attachment_id: str) -> dict[str, Any]:
    return ec2.describe_transit_gateway_vpc_attachments(TransitGatewayAttachmentIds=[attachment_id])["TransitGatewayVpcAttachments"][0]


def tgw_enis(ec2: Any, attachment_id: str) -> list[dict[str, Any]]:
    description = f"Network Interface for Transit Gateway Attachment {attachment_id}"
    return ec2.describe_network_interfaces(Filters=[{"Name": "description", "Values": [description]}])["NetworkInterfaces"]


@pytest.fixture
def ec2(emulator: Any) -> Any:
    client = emulator.client("ec2")
    # The hook may be named in eksup_moto.py and still not run (a failed import): check the behaviour.
    try:
        client.describe_transit_gateway_vpc_attachments(TransitGatewayAttachmentIds=["tgw-attach-0123456789abcdef0"])
    except botocore.exceptions.ClientError:
        return client
    pytest.skip("the emulator does not run eksup_moto_gateways (an unknown attachment id was not refused)")


# ---------------------------------------------------------------------------------------
# 1. Virtual private gateways
# ---------------------------------------------------------------------------------------
def test_attach_vpn_gateway_attaching_then_attached_and_one_vpc_per_gateway(ec2):
    net, other = Net(ec2), Net(ec2, second=1)
    vgw = ec2.create_vpn_gateway(Type="ipsec.1")["VpnGateway"]["VpnGatewayId"]
    vgw2 = ec2.create_vpn_gateway(Type="ipsec.1")["VpnGateway"]["VpnGatewayId"]
    assert error_of(ec2.attach_vpn_gateway, VpnGatewayId="vgw-0123456789abcdef0", VpcId=net.vpc) == (
        "InvalidVpnGatewayID.NotFound", "The virtual private gateway ID 'vgw-0123456789abcdef0' does not exist")
    assert error_of(ec2.attach_vpn_gateway, VpnGatewayId=vgw, VpcId="vpc-0123456789abcdef0") == (
        "InvalidVpcID.NotFound", "The vpc ID 'vpc-0123456789abcdef0' does not exist")

    answer = ec2.attach_vpn_gateway(VpnGatewayId=vgw, VpcId=net.vpc)["VpcAttachment"]
    assert answer == {"VpcId": net.vpc, "State": "attaching"}
    assert vgw_states(ec2, vgw) == {net.vpc: "attaching"}
    # Not usable as a route target before it is attached.
    assert error_of(ec2.create_route, RouteTableId=net.tables[0], DestinationCidrBlock=REMOTE[0], GatewayId=vgw) == (
        "InvalidParameterValue", DIFFERENT.format(net.tables[0], vgw))
    # Attaching the same pair again answers the attachment.
    assert ec2.attach_vpn_gateway(VpnGatewayId=vgw, VpcId=net.vpc)["VpcAttachment"]["VpcId"] == net.vpc
    # One VPC per gateway, one gateway per VPC (also while attaching).
    limit = ("VpnGatewayAttachmentLimitExceeded",
             "You've reached the limit on the number of VPCs that can be attached to the specified virtual private gateway.")
    assert error_of(ec2.attach_vpn_gateway, VpnGatewayId=vgw, VpcId=other.vpc) == limit
    assert error_of(ec2.attach_vpn_gateway, VpnGatewayId=vgw2, VpcId=net.vpc) == (
        "InvalidVpcState", f"VPC {net.vpc} is currently attached to the Virtual Private Gateway {vgw}")

    assert wait_until(lambda: vgw_states(ec2, vgw) == {net.vpc: "attached"}, timeout=DELAY + 5)
    filtered = ec2.describe_vpn_gateways(Filters=[{"Name": "attachment.vpc-id", "Values": [net.vpc]},
                                                  {"Name": "attachment.state", "Values": ["attached"]}])["VpnGateways"]
    assert [g["VpnGatewayId"] for g in filtered] == [vgw]
    assert error_of(ec2.attach_vpn_gateway, VpnGatewayId=vgw, VpcId=other.vpc) == limit
    assert error_of(ec2.describe_vpn_gateways, VpnGatewayIds=["vgw-0123456789abcdef0"])[0] == "InvalidVpnGatewayID.NotFound"

    # Routes: an attached gateway of the table's VPC only.
    for table in net.tables:
        for cidr in REMOTE:
            ec2.create_route(RouteTableId=table, DestinationCidrBlock=cidr, GatewayId=vgw)
    route = net.routes(net.tables[0])[REMOTE[0]]
    assert (route["GatewayId"], route["State"], route["Origin"]) == (vgw, "active", "CreateRoute")
    assert error_of(ec2.create_route, RouteTableId=other.tables[0], DestinationCidrBlock=REMOTE[0], GatewayId=vgw) == (
        "InvalidParameterValue", DIFFERENT.format(other.tables[0], vgw))
    assert error_of(ec2.create_route, RouteTableId=net.tables[0], DestinationCidrBlock="10.99.0.0/16",
                    GatewayId="vgw-0123456789abcdef0") == ("InvalidGatewayID.NotFound", "The gateway ID 'vgw-0123456789abcdef0' does not exist")
    assert error_of(ec2.replace_route, RouteTableId=other.tables[0], DestinationCidrBlock="0.0.0.0/0", GatewayId=vgw)[0] == "InvalidParameterValue"
    # The user's gateway cannot be deleted while attached.
    assert error_of(ec2.delete_vpn_gateway, VpnGatewayId=vgw)[0] == "IncorrectState"


def test_detach_vpn_gateway_detaching_then_detached_blackholes_routes_and_holds_the_vpc(ec2):
    net, other = Net(ec2, zones="a"), Net(ec2, second=1, zones="a")
    vgw = ec2.create_vpn_gateway(Type="ipsec.1")["VpnGateway"]["VpnGatewayId"]
    ec2.attach_vpn_gateway(VpnGatewayId=vgw, VpcId=net.vpc)
    # Not attached to that VPC, or an unknown VPC.
    missing = ("InvalidVpnGatewayAttachment.NotFound", f"The attachment with vpn gateway ID '{vgw}' and vpc ID '{other.vpc}' does not exist")
    assert error_of(ec2.detach_vpn_gateway, VpnGatewayId=vgw, VpcId=other.vpc) == missing
    assert error_of(ec2.detach_vpn_gateway, VpnGatewayId=vgw, VpcId="vpc-0123456789abcdef0")[0] == "InvalidVpnGatewayAttachment.NotFound"
    assert wait_until(lambda: vgw_states(ec2, vgw) == {net.vpc: "attached"}, timeout=DELAY + 5)
    ec2.create_route(RouteTableId=net.tables[0], DestinationCidrBlock=REMOTE[0], GatewayId=vgw)

    net.delete_tables()
    for subnet in net.subnets:
        ec2.delete_subnet(SubnetId=subnet)
    assert error_of(ec2.delete_vpc, VpcId=net.vpc) == ("DependencyViolation", DV_VPC.format(net.vpc))

    ec2.detach_vpn_gateway(VpnGatewayId=vgw, VpcId=net.vpc)
    assert vgw_states(ec2, vgw) == {net.vpc: "detaching"}
    ec2.detach_vpn_gateway(VpnGatewayId=vgw, VpcId=net.vpc)  # again while detaching: accepted
    # While detaching: the VPC cannot go and no other VPC can be attached.
    assert error_of(ec2.delete_vpc, VpcId=net.vpc) == ("DependencyViolation", DV_VPC.format(net.vpc))
    assert error_of(ec2.attach_vpn_gateway, VpnGatewayId=vgw, VpcId=other.vpc)[0] == "VpnGatewayAttachmentLimitExceeded"
    assert wait_until(lambda: vgw_states(ec2, vgw) == {net.vpc: "detached"}, timeout=DELAY + 5)
    # The detached attachment stays listed; detaching it again is refused.
    assert error_of(ec2.detach_vpn_gateway, VpnGatewayId=vgw, VpcId=net.vpc)[0] == "InvalidVpnGatewayAttachment.NotFound"
    ec2.delete_vpc(VpcId=net.vpc)

    # A route to a gateway that is no longer attached is a black hole.
    ec2.attach_vpn_gateway(VpnGatewayId=vgw, VpcId=other.vpc)
    assert wait_until(lambda: vgw_states(ec2, vgw) == {other.vpc: "attached"}, timeout=DELAY + 5)
    ec2.create_route(RouteTableId=other.tables[0], DestinationCidrBlock=REMOTE[0], GatewayId=vgw)
    assert other.routes(other.tables[0])[REMOTE[0]]["State"] == "active"
    ec2.detach_vpn_gateway(VpnGatewayId=vgw, VpcId=other.vpc)
    assert other.routes(other.tables[0])[REMOTE[0]]["State"] == "blackhole"
    assert wait_until(lambda: vgw_states(ec2, vgw) == {other.vpc: "detached"}, timeout=DELAY + 5)
    assert other.routes(other.tables[0])[REMOTE[0]]["State"] == "blackhole"
    ec2.delete_vpn_gateway(VpnGatewayId=vgw)  # detached: it may go (eksup never deletes it)


# ---------------------------------------------------------------------------------------
# 2. Transit gateway VPC attachments
# ---------------------------------------------------------------------------------------
def test_create_transit_gateway_vpc_attachment_refusals(ec2):
    net, other = Net(ec2, zones="ab"), Net(ec2, second=1, zones="a")
    tgw = ec2.create_transit_gateway()["TransitGateway"]["TransitGatewayId"]
    extra_a = ec2.create_subnet(VpcId=net.vpc, CidrBlock="10.0.9.0/24", AvailabilityZone="us-west-2a")["Subnet"]["SubnetId"]
    lax = ec2.create_subnet(VpcId=net.vpc, CidrBlock="10.0.10.0/24", AvailabilityZone="us-west-2-lax-1a")["Subnet"]["SubnetId"]

    def create(subnets: list[str], gateway: str = tgw, vpc: str = net.vpc) -> Any:
        return ec2.create_transit_gateway_vpc_attachment(TransitGatewayId=gateway, VpcId=vpc, SubnetIds=subnets)

    assert error_of(create, net.subnets, gateway="tgw-0123456789abcdef0") == (
        "InvalidTransitGatewayID.NotFound", "Transit Gateway tgw-0123456789abcdef0 was deleted or does not exist.")
    assert error_of(create, net.subnets, vpc="vpc-0123456789abcdef0") == (
        "InvalidVpcID.NotFound", "The vpc ID 'vpc-0123456789abcdef0' does not exist")
    assert error_of(create, []) == ("MissingParameter", "The request must contain the parameter SubnetIds.")
    assert error_of(create, [net.subnets[0], "subnet-0123456789abcdef0"]) == (
        "InvalidSubnetID.NotFound", "Subnet subnet-0123456789abcdef0 was deleted or does not exist.")
    assert error_of(create, [net.subnets[0], other.subnets[0]]) == (  # another VPC's subnet: as a missing one
        "InvalidSubnetID.NotFound", f"Subnet {other.subnets[0]} was deleted or does not exist.")
    assert error_of(create, [net.subnets[0], extra_a]) == ("DuplicateSubnetsInSameZone", "Duplicate Subnets for same AZ")
    assert error_of(create, [net.subnets[0], lax])[0] == "InvalidParameterValue"
    assert ec2.describe_transit_gateway_vpc_attachments()["TransitGatewayVpcAttachments"] == []

    first = create(net.subnets)["TransitGatewayVpcAttachment"]
    duplicate = ("DuplicateTransitGatewayAttachment", f"{tgw} has non-deleted Transit Gateway Attachments with same VPC ID.")
    assert error_of(create, [net.subnets[1]]) == duplicate  # while pending
    assert wait_until(lambda: attachment(ec2, first["TransitGatewayAttachmentId"])["State"] == "available", timeout=DELAY + 5)
    assert error_of(create, [net.subnets[1]]) == duplicate
    ec2.delete_transit_gateway_vpc_attachment(TransitGatewayAttachmentId=first["TransitGatewayAttachmentId"])
    assert error_of(create, [net.subnets[1]]) == duplicate  # while deleting
    assert wait_until(lambda: attachment(ec2, first["TransitGatewayAttachmentId"])["State"] == "deleted", timeout=DELAY + 5)
    second = create([net.subnets[1]])["TransitGatewayVpcAttachment"]  # a deleted one does not count
    assert second["TransitGatewayAttachmentId"] != first["TransitGatewayAttachmentId"]


def test_transit_gateway_attachment_pending_available_deleting_deleted(ec2):
    net, other = Net(ec2), Net(ec2, second=1, zones="a")
    tgw = ec2.create_transit_gateway()["TransitGateway"]["TransitGatewayId"]
    tags = [{"Key": "eksup.io/cluster", "Value": "demo"}, {"Key": "eksup.io/resource", "Value": "gateway-attachment"}]
    created = ec2.create_transit_gateway_vpc_attachment(
        TransitGatewayId=tgw, VpcId=net.vpc, SubnetIds=net.subnets,
        TagSpecifications=[{"ResourceType": "transit-gateway-attachment", "Tags": tags}])["TransitGatewayVpcAttachment"]
    attachment_id = created["TransitGatewayAttachmentId"]
    assert (created["State"], created["VpcId"], created["TransitGatewayId"], created["SubnetIds"]) == ("pending", net.vpc, tgw, net.subnets)
    assert sorted(created["Tags"], key=lambda t: t["Key"]) == tags
    assert attachment(ec2, attachment_id)["State"] == "pending"
    # One requester-managed network interface in each subnet.
    enis = tgw_enis(ec2, attachment_id)
    assert sorted(e["SubnetId"] for e in enis) == sorted(net.subnets)
    assert {(e["InterfaceType"], e["Status"], e["RequesterManaged"], e["SourceDestCheck"], len(e["Groups"])) for e in enis} == {
        ("transit_gateway", "in-use", True, False, 0)}
    assert error_of(ec2.delete_network_interface, NetworkInterfaceId=enis[0]["NetworkInterfaceId"])[0] == "InvalidParameterValue"
    # A route to the transit gateway needs an available attachment in the table's VPC.
    gone = ("InvalidTransitGatewayID.NotFound", f"The transitGateway ID '{tgw}' does not exist.")
    assert error_of(ec2.create_route, RouteTableId=net.tables[0], DestinationCidrBlock=REMOTE[0], TransitGatewayId=tgw) == gone

    assert wait_until(lambda: attachment(ec2, attachment_id)["State"] == "available", timeout=DELAY + 5)
    for table in net.tables:
        for cidr in REMOTE:
            ec2.create_route(RouteTableId=table, DestinationCidrBlock=cidr, TransitGatewayId=tgw)
    route = net.routes(net.tables[0])[REMOTE[1]]
    assert (route["TransitGatewayId"], route["State"]) == (tgw, "active")
    assert error_of(ec2.create_route, RouteTableId=other.tables[0], DestinationCidrBlock=REMOTE[0], TransitGatewayId=tgw) == gone
    assert error_of(ec2.create_route, RouteTableId=net.tables[0], DestinationCidrBlock="10.99.0.0/16",
                    TransitGatewayId="tgw-0123456789abcdef0") == (
        "InvalidTransitGatewayID.NotFound", "The transitGateway ID 'tgw-0123456789abcdef0' does not exist.")
    assert error_of(ec2.replace_route, RouteTableId=other.tables[0], DestinationCidrBlock="0.0.0.0/0", TransitGatewayId=tgw) == gone

    # Filters, ids.
    def found(*filters: tuple[str, list[str]]) -> list[str]:
        out = ec2.describe_transit_gateway_vpc_attachments(Filters=[{"Name": n, "Values": v} for n, v in filters])
        return [a["TransitGatewayAttachmentId"] for a in out["TransitGatewayVpcAttachments"]]

    assert found(("vpc-id", [net.vpc]), ("transit-gateway-id", [tgw]), ("state", ["pending", "available"])) == [attachment_id]
    assert found(("tag:eksup.io/cluster", ["demo"])) == [attachment_id]
    assert found(("tag:eksup.io/cluster", ["other"])) == []
    assert found(("tag-key", ["eksup.io/*"])) == [attachment_id]
    assert found(("vpc-id", [other.vpc])) == []
    assert found(("state", ["deleting"])) == []
    assert error_of(ec2.describe_transit_gateway_vpc_attachments, Filters=[{"Name": "subnet-id", "Values": ["x"]}]) == (
        "InvalidParameterValue", "The filter 'subnet-id' is invalid")
    assert error_of(ec2.describe_transit_gateway_vpc_attachments, TransitGatewayAttachmentIds=["tgw-attach-0123456789abcdef0"]) == (
        "InvalidTransitGatewayAttachmentID.NotFound", "Transit Gateway Attachment tgw-attach-0123456789abcdef0 was deleted or does not exist.")
    assert error_of(ec2.describe_transit_gateway_vpc_attachments, TransitGatewayAttachmentIds=["attach-1"]) == (
        "InvalidTransitGatewayAttachmentID.Malformed", "Invalid Transit Gateway Attachment id.")

    # What holds what: the subnets, the VPC, the user's transit gateway.
    assert error_of(ec2.delete_subnet, SubnetId=net.subnets[0]) == ("DependencyViolation", DV_SUBNET.format(net.subnets[0]))
    assert error_of(ec2.delete_transit_gateway, TransitGatewayId=tgw) == (
        "IncorrectState", f"{tgw} has non-deleted VPC Attachments: {attachment_id}.")

    deleting = ec2.delete_transit_gateway_vpc_attachment(TransitGatewayAttachmentId=attachment_id)["TransitGatewayVpcAttachment"]
    assert deleting["State"] == "deleting"
    assert ec2.delete_transit_gateway_vpc_attachment(TransitGatewayAttachmentId=attachment_id)["TransitGatewayVpcAttachment"]["State"] == "deleting"
    assert net.routes(net.tables[0])[REMOTE[0]]["State"] == "blackhole"
    assert error_of(ec2.delete_subnet, SubnetId=net.subnets[0]) == ("DependencyViolation", DV_SUBNET.format(net.subnets[0]))
    assert len(tgw_enis(ec2, attachment_id)) == 3
    net.delete_tables()
    assert wait_until(lambda: attachment(ec2, attachment_id)["State"] == "deleted", timeout=DELAY + 5)
    assert tgw_enis(ec2, attachment_id) == []
    assert found(("state", ["deleted"])) == [attachment_id]  # still listed
    assert error_of(ec2.delete_transit_gateway_vpc_attachment, TransitGatewayAttachmentId=attachment_id)[0] == (
        "InvalidTransitGatewayAttachmentID.NotFound")
    net.delete_subnets_and_vpc()
    ec2.delete_transit_gateway(TransitGatewayId=tgw)


def test_delete_vpc_is_refused_while_an_attachment_lives_in_it(ec2):
    net = Net(ec2, zones="a")
    tgw = ec2.create_transit_gateway()["TransitGateway"]["TransitGatewayId"]
    net.delete_tables()
    attachment_id = ec2.create_transit_gateway_vpc_attachment(TransitGatewayId=tgw, VpcId=net.vpc, SubnetIds=net.subnets)[
        "TransitGatewayVpcAttachment"]["TransitGatewayAttachmentId"]
    assert error_of(ec2.delete_vpc, VpcId=net.vpc) == ("DependencyViolation", DV_VPC.format(net.vpc))  # pending
    deleting = ec2.delete_transit_gateway_vpc_attachment(TransitGatewayAttachmentId=attachment_id)  # while pending: allowed
    assert deleting["TransitGatewayVpcAttachment"]["State"] == "deleting"
    assert error_of(ec2.delete_subnet, SubnetId=net.subnets[0])[0] == "DependencyViolation"
    assert error_of(ec2.delete_vpc, VpcId=net.vpc) == ("DependencyViolation", DV_VPC.format(net.vpc))
    assert wait_until(lambda: attachment(ec2, attachment_id)["State"] == "deleted", timeout=DELAY + 5)
    net.delete_subnets_and_vpc()


def test_a_transit_gateway_route_is_a_black_hole_once_its_gateway_is_gone(ec2):
    net = Net(ec2, zones="a")
    tgw = ec2.create_transit_gateway()["TransitGateway"]["TransitGatewayId"]
    attachment_id = ec2.create_transit_gateway_vpc_attachment(TransitGatewayId=tgw, VpcId=net.vpc, SubnetIds=net.subnets)[
        "TransitGatewayVpcAttachment"]["TransitGatewayAttachmentId"]
    assert wait_until(lambda: attachment(ec2, attachment_id)["State"] == "available", timeout=DELAY + 5)
    ec2.create_route(RouteTableId=net.tables[0], DestinationCidrBlock=REMOTE[0], TransitGatewayId=tgw)
    ec2.delete_transit_gateway_vpc_attachment(TransitGatewayAttachmentId=attachment_id)
    assert wait_until(lambda: attachment(ec2, attachment_id)["State"] == "deleted", timeout=DELAY + 5)
    ec2.delete_transit_gateway(TransitGatewayId=tgw)
    assert net.routes(net.tables[0])[REMOTE[0]]["State"] == "blackhole"
    assert error_of(ec2.delete_transit_gateway, TransitGatewayId=tgw)[0] == "InvalidTransitGatewayID.NotFound"


# ---------------------------------------------------------------------------------------
# 3. eksup's sequence (eksctl's addHybridNodesNetworking, then the delete)
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["vgw", "tgw"])
def test_eksup_create_and_delete_sequence(ec2, kind):
    net = Net(ec2)  # the VPC, its private subnets (one per zone) and private route tables eksup makes
    if kind == "vgw":
        gateway = ec2.create_vpn_gateway(Type="ipsec.1")["VpnGateway"]["VpnGatewayId"]  # the user's
        assert ec2.attach_vpn_gateway(VpnGatewayId=gateway, VpcId=net.vpc)["VpcAttachment"]["State"] == "attaching"
        assert wait_until(lambda: vgw_states(ec2, gateway) == {net.vpc: "attached"}, timeout=DELAY + 5)
        target = {"GatewayId": gateway}
    else:
        gateway = ec2.create_transit_gateway()["TransitGateway"]["TransitGatewayId"]  # the user's
        attachment_id = ec2.create_transit_gateway_vpc_attachment(
            TransitGatewayId=gateway, VpcId=net.vpc, SubnetIds=net.subnets,
            TagSpecifications=[{"ResourceType": "transit-gateway-attachment", "Tags": [{"Key": "eksup.io/cluster", "Value": "demo"}]}],
        )["TransitGatewayVpcAttachment"]["TransitGatewayAttachmentId"]
        assert wait_until(lambda: attachment(ec2, attachment_id)["State"] == "available", timeout=DELAY + 5)
        target = {"TransitGatewayId": gateway}
    for table in net.tables:
        for cidr in REMOTE:
            ec2.create_route(RouteTableId=table, DestinationCidrBlock=cidr, **target)
    assert {r["State"] for t in net.tables for c, r in net.routes(t).items() if c in REMOTE} == {"active"}

    # The delete: route tables, then the gateway's attachment (waited for), then the subnets and the VPC.
    net.delete_tables()
    if kind == "vgw":
        ec2.detach_vpn_gateway(VpnGatewayId=gateway, VpcId=net.vpc)
        assert error_of(ec2.delete_vpc, VpcId=net.vpc)[0] == "DependencyViolation"
        assert wait_until(lambda: vgw_states(ec2, gateway) == {net.vpc: "detached"}, timeout=DELAY + 5)
    else:
        ec2.delete_transit_gateway_vpc_attachment(TransitGatewayAttachmentId=attachment_id)
        assert error_of(ec2.delete_subnet, SubnetId=net.subnets[0])[0] == "DependencyViolation"
        assert wait_until(lambda: attachment(ec2, attachment_id)["State"] == "deleted", timeout=DELAY + 5)
    net.delete_subnets_and_vpc()
    if kind == "vgw":
        assert ec2.describe_vpn_gateways(VpnGatewayIds=[gateway])["VpnGateways"][0]["State"] == "available"
    else:
        assert ec2.describe_transit_gateways(TransitGatewayIds=[gateway])["TransitGateways"][0]["State"] == "available"


@pytest.mark.emulator_env(EKSUP_MOTO_LENIENT="1", MOTO_TGW_ATTACHMENT_CREATE_SECONDS="30", MOTO_VGW_ATTACH_SECONDS="30")
def test_lenient_mode_has_no_delays(ec2):
    net = Net(ec2, zones="a")
    vgw = ec2.create_vpn_gateway(Type="ipsec.1")["VpnGateway"]["VpnGatewayId"]
    assert ec2.attach_vpn_gateway(VpnGatewayId=vgw, VpcId=net.vpc)["VpcAttachment"]["State"] == "attached"
    tgw = ec2.create_transit_gateway()["TransitGateway"]["TransitGatewayId"]
    created = ec2.create_transit_gateway_vpc_attachment(TransitGatewayId=tgw, VpcId=net.vpc, SubnetIds=net.subnets)
    assert created["TransitGatewayVpcAttachment"]["State"] == "available"
    deleted = ec2.delete_transit_gateway_vpc_attachment(TransitGatewayAttachmentId=created["TransitGatewayVpcAttachment"]["TransitGatewayAttachmentId"])
    assert deleted["TransitGatewayVpcAttachment"]["State"] == "deleted"
    ec2.delete_subnet(SubnetId=net.subnets[0])  # its network interface went with it
