"""The user's virtual private gateways and transit gateways, attached to a VPC as AWS attaches them.

EKS Hybrid Nodes' networking (eksctl's ``remoteNetworkConfig.vpcGatewayID``, ``addHybridNodesNetworking``
in ``pkg/cfn/builder/vpc_ipv4.go``): for the VPC it makes, eksup attaches the user's virtual private gateway
(``vgw-``, AttachVpnGateway) or creates a transit gateway VPC attachment (``tgw-``,
CreateTransitGatewayVpcAttachment, one private subnet per zone) and waits for it, then routes the remote node
and pod networks of each private route table to the gateway; the delete undoes it (DetachVpnGateway /
DeleteTransitGatewayVpcAttachment, waited for) after the route tables and before the subnets and the VPC.
moto 5.2.5 knows both gateways but leniently: attachments are ``attached``/``available`` at once and go at
once, a virtual private gateway may be attached to several VPCs in turn without a detach, attachment tags
are dropped (moto reads them under the ``transit-gateway-route-table`` resource type), tag filters are
ignored, unknown ids answer nothing or HTTP 500, routes to a transit gateway without an attachment (or to an
unknown one) are made, routes never turn ``blackhole``, subnets and VPCs go while attachments use them.

Installed by ``eksup_moto.install()`` after ``eksup_moto_strict`` (it uses its ``_register``) and
``eksup_moto_ipv6`` (it wraps its Route state and CreateRoute checks). Like the rest of the emulator every
patch is class-level (applied when moto imports the module, see ``eksup_moto._AfterImport``) and every piece of
state lives on moto's objects (attachments, ENIs), so ``POST /moto-api/reset`` clears it.

Sources
-------
[API]  EC2 API reference: AttachVpnGateway ("Attaches an available virtual private gateway to a VPC. You can
       attach one virtual private gateway to one VPC at a time"), DetachVpnGateway ("You must wait for the
       attachment's state to switch to detached before you can delete the VPC or attach a different VPC to
       the virtual private gateway"), CreateTransitGatewayVpcAttachment ("You can specify only one subnet per
       Availability Zone. You must specify at least one subnet ... The transit gateway uses one IP address
       from each specified subnet"), DescribeTransitGatewayVpcAttachments (its filters: ``state``,
       ``transit-gateway-attachment-id``, ``transit-gateway-id``, ``vpc-id``), DescribeVpnGateways,
       DeleteVpc ("You must detach or delete all gateways and resources that are associated with the VPC").
[ERR]  EC2 API reference, "Error codes": ``VpnGatewayAttachmentLimitExceeded`` "You've reached the limit on the
       number of VPCs that can be attached to the specified virtual private gateway"; ``InvalidVpcState`` "The
       specified VPC already has a virtual private gateway attached to it"; ``InvalidVpnGatewayAttachment.NotFound``
       "An attachment between the specified virtual private gateway and specified VPC does not exist. This
       error can also occur if you've specified an incorrect VPC ID"; ``InvalidVpnGatewayState`` "The virtual
       private gateway is not in an available state"; ``IncorrectState`` "If you are deleting a virtual private
       gateway, ensure that it's detached from the VPC"; ``InvalidGatewayID.NotFound``.
[TGW]  Transit Gateways guide, "Transit gateway attachments to a VPC": one subnet per Availability Zone; no
       Local Zone subnet ("You can't create an attachment for a VPC subnet that resides in a Local Zone").
[CFN]  CloudFormation ``AWS::EC2::Route``: "The route table cannot use the transit gateway until it has
       successfully attached to the VPC"; ``AWS::EC2::VPNGatewayRoutePropagation``: "cannot use the VPN gateway
       until it has successfully attached to the VPC".
[FLOCI] floci-io/floci PR 2347 ("Verified against a live AWS account") and its Ec2Service.java: a subnet of
       another VPC is reported like a missing one (``InvalidSubnetID.NotFound`` "Subnet <id> was deleted or does
       not exist."), ``DuplicateSubnetsInSameZone`` "Duplicate Subnets for same AZ", an unknown attachment id
       ``InvalidTransitGatewayAttachmentID.NotFound`` "Transit Gateway Attachment <id> was deleted or does not
       exist.", a malformed one ``InvalidTransitGatewayAttachmentID.Malformed`` "Invalid Transit Gateway
       Attachment id.", DeleteSubnet / DeleteVpc under an attachment ``DependencyViolation``, DeleteTransitGateway
       with attachments ``IncorrectState`` "<tgw> has non-deleted VPC Attachments: <ids>.".
Issues with AWS's own answers: terraform-provider-aws#26136 (raw XML: ``InvalidSubnetID.NotFound`` "Subnet
subnet-... was deleted or does not exist." from CreateTransitGatewayVpcAttachment); zoitech/terraform-aws-network#46
(``DuplicateSubnetsInSameZone: Duplicate Subnets for same AZ``); terraform-provider-aws#10852 and
aws-solutions-library-samples/network-orchestration-for-aws-transit-gateway#1 (``DuplicateTransitGatewayAttachment``
"<tgw> has non-deleted Transit Gateway Attachments with same VPC ID."); terraform-aws-modules/terraform-aws-transit-
gateway#144 (``InvalidTransitGatewayID.NotFound`` "Transit Gateway tgw-... was deleted or does not exist." from
CreateTransitGatewayVpcAttachment, and "The transitGateway ID 'tgw-...' does not exist." from CreateRoute);
terraform-provider-aws#9222 and #10025, aws-ia/terraform-aws-vpc#101 (CreateRoute to a transit gateway whose
attachment to the VPC is not complete: ``InvalidTransitGatewayID.NotFound`` "The transitGateway ID '<tgw>' does
not exist."); smoketurner/serverless-vpc-plugin#147, giantswarm/aws-operator#632/#634 (CreateRoute to an internet
gateway not yet attached to the table's VPC: ``InvalidParameterValue`` "route table <rtb> and network gateway
<igw> belong to different networks"); hashicorp/terraform#6987 (a detached VPC attachment "stays in place just
with state changed to detached"); terraform-provider-aws#8575 (detaching is usually near-immediate, minutes with
a Direct Connect gateway); the devopsacademyau/academy#906 transcript (CreateRoute to an unknown gateway:
``InvalidGatewayID.NotFound`` "The gateway ID 'nat-...' does not exist"); attachment ENIs as AWS lists them
(public inventories): description "Network Interface for Transit Gateway Attachment tgw-attach-...", no security
group, source/destination check off.

Knobs (environment of the server, read at install; float seconds)
-----------------------------------------------------------------
``MOTO_VGW_ATTACH_SECONDS`` (1)             ``attaching`` -> ``attached``
``MOTO_VGW_DETACH_SECONDS`` (1)             ``detaching`` -> ``detached``
``MOTO_TGW_ATTACHMENT_CREATE_SECONDS`` (2)  ``pending`` -> ``available``
``MOTO_TGW_ATTACHMENT_DELETE_SECONDS`` (2)  ``deleting`` -> ``deleted`` (the attachment's ENIs go then)
``EKSUP_MOTO_LENIENT=1`` sets all four to 0. AWS takes longer (a transit gateway attachment a minute or more,
UNVERIFIED how long exactly); the defaults are short so that a client's waits are exercised without slowing
tests. With 0 the transitional states are never seen after the call that starts them (whose answer still says
``attaching`` / ``pending`` / ``deleting`` when the delay is above 0).

1. Virtual private gateways (AttachVpnGateway, DetachVpnGateway, DescribeVpnGateways, DeleteVpnGateway)
-------------------------------------------------------------------------------------------------------
* **AttachVpnGateway** answers ``VpcAttachment.State`` ``attaching``; DescribeVpnGateways shows ``attaching``,
  then ``attached`` after ``MOTO_VGW_ATTACH_SECONDS``. Refused: an unknown gateway ->
  ``InvalidVpnGatewayID.NotFound`` "The virtual private gateway ID '<vgw>' does not exist" (moto's wording); a
  deleted one -> ``InvalidVpnGatewayState`` "The virtual private gateway '<vgw>' is not in an available state"
  ([ERR]'s code, our wording); an unknown VPC -> ``InvalidVpcID.NotFound`` "The vpc ID '<vpc>' does not exist";
  a gateway with an attachment to another VPC that is not ``detached`` (``attaching``, ``attached`` or still
  ``detaching``) -> ``VpnGatewayAttachmentLimitExceeded`` "You've reached the limit on the number of VPCs that
  can be attached to the specified virtual private gateway." ([ERR]'s description as the message: the exact
  message is UNVERIFIED); a VPC another gateway is attached to (not ``detached``) -> ``InvalidVpcState`` "VPC
  <vpc> is currently attached to the Virtual Private Gateway <other vgw>" ([ERR]'s code; the wording is
  OpenStack ec2-api's AWS-compatible one, UNVERIFIED); re-attaching to the same VPC while ``detaching`` ->
  ``VpnGatewayAttachmentLimitExceeded`` (UNVERIFIED). Attaching again to the VPC it is ``attaching``/``attached``
  to answers that attachment (UNVERIFIED; ec2-api does so). A new attachment replaces the gateway's
  ``detached`` ones (moto's behaviour; UNVERIFIED whether AWS keeps listing old detached VPCs).
* **DetachVpnGateway**: the attachment turns ``detaching``, then ``detached`` after ``MOTO_VGW_DETACH_SECONDS``,
  and stays listed as ``detached`` (terraform#6987). No attachment to that VPC, or one already ``detached``, or
  an unknown VPC -> ``InvalidVpnGatewayAttachment.NotFound`` "The attachment with vpn gateway ID '<vgw>' and vpc
  ID '<vpc>' does not exist" ([ERR]; moto's wording, UNVERIFIED); while ``detaching`` it answers success again
  (UNVERIFIED); while ``attaching`` the detach starts at once (UNVERIFIED).
* **DescribeVpnGateways** ``VpnGatewayIds`` naming an unknown gateway -> ``InvalidVpnGatewayID.NotFound`` (EC2's
  rule for Describe calls given ids, UNVERIFIED for this call; moto answered nothing). Filters as moto (``attachment.vpc-id`` matches
  every listed attachment, ``detached`` ones too; ``attachment.state`` the attachment's current state).
* **DeleteVpnGateway** while an attachment is not ``detached`` -> ``IncorrectState`` "The virtual private gateway
  '<vgw>' is attached to <vpc>: detach it before deleting it" ([ERR]'s code, our wording). eksup never deletes
  the user's gateway.

2. Transit gateway VPC attachments (Create/Delete/DescribeTransitGatewayVpcAttachment(s), DeleteTransitGateway)
--------------------------------------------------------------------------------------------------------------
* **CreateTransitGatewayVpcAttachment** answers ``State`` ``pending``; it turns ``available`` after
  ``MOTO_TGW_ATTACHMENT_CREATE_SECONDS``. ``TagSpecifications`` with ``ResourceType``
  ``transit-gateway-attachment`` tag the attachment (moto dropped them). Checked in this order ([FLOCI]):
  the transit gateway (unknown or deleted -> ``InvalidTransitGatewayID.NotFound`` "Transit Gateway <tgw> was
  deleted or does not exist."), the VPC (``InvalidVpcID.NotFound`` "The vpc ID '<vpc>' does not exist";
  UNVERIFIED wording for this call), ``SubnetIds`` (none -> ``MissingParameter`` "The request must contain the
  parameter SubnetIds."), each subnet (unknown or of another VPC -> ``InvalidSubnetID.NotFound`` "Subnet <subnet>
  was deleted or does not exist."; in a Local Zone [TGW] -> ``InvalidParameterValue`` "Subnet <subnet> is in
  Local Zone <zone>: transit gateway attachments cannot use Local Zone subnets" (code and wording ours); two in
  one zone -> ``DuplicateSubnetsInSameZone`` "Duplicate Subnets for same AZ"), then another attachment of the
  same gateway and VPC that is not ``deleted`` (``pending``, ``available``, ``deleting``) ->
  ``DuplicateTransitGatewayAttachment`` "<tgw> has non-deleted Transit Gateway Attachments with same VPC ID.".
  The attachment puts one network interface in each of its subnets ([API]: "uses one IP address from each
  specified subnet"): description "Network Interface for Transit Gateway Attachment <id>", interface type
  ``transit_gateway``, requester-managed (requester ``amazon-aws``: UNVERIFIED), ``in-use``, no security group,
  source/destination check off; DeleteNetworkInterface on it is refused (``eksup_moto_strict``: in use). They
  carry ``_eksup_release_at``, so ``eksup_moto_strict.sweep`` (DescribeNetworkInterfaces, DeleteSubnet, ...) and
  this module's ``sweep`` remove them when the attachment is ``deleted``.
* **DeleteTransitGatewayVpcAttachment** answers ``State`` ``deleting``; ``deleted`` after
  ``MOTO_TGW_ATTACHMENT_DELETE_SECONDS``, when its network interfaces go. The deleted attachment stays listed
  with ``State`` ``deleted`` (AWS lists deleted attachments for a while: how long is UNVERIFIED; here until a
  reset). Deleting a ``deleting`` one answers it again; a ``deleted`` or unknown one ->
  ``InvalidTransitGatewayAttachmentID.NotFound``; a ``pending`` one is allowed (UNVERIFIED: AWS may refuse with
  ``IncorrectState``). moto answered HTTP 500 for an unknown id.
* **DescribeTransitGatewayVpcAttachments**: only VPC attachments (moto listed VPN and peering ones too);
  ``TransitGatewayAttachmentIds`` with an unknown id -> ``InvalidTransitGatewayAttachmentID.NotFound`` "Transit
  Gateway Attachment <id> was deleted or does not exist."; a malformed id (not ``tgw-attach-`` + hex) ->
  ``InvalidTransitGatewayAttachmentID.Malformed`` "Invalid Transit Gateway Attachment id." ([FLOCI]). Filters
  ([API]): ``state``, ``transit-gateway-attachment-id``, ``transit-gateway-id``, ``vpc-id``, plus ``tag:<key>``
  and ``tag-key`` (values with ``*``/``?``; EC2's tag filters, which [API] does not list for this call:
  UNVERIFIED that AWS honours them here); another filter name -> ``InvalidParameterValue`` "The filter '<name>' is
  invalid" (EC2's answer elsewhere, UNVERIFIED here).
* **DeleteTransitGateway** while an attachment is not ``deleted`` -> ``IncorrectState`` "<tgw> has non-deleted
  VPC Attachments: <ids>." ([FLOCI]); an unknown gateway -> ``InvalidTransitGatewayID.NotFound`` (moto: HTTP 500).
  The gateway itself is made at once (moto; AWS takes minutes: not emulated, eksup never makes one).

3. Routes (CreateRoute, ReplaceRoute, DescribeRouteTables)
----------------------------------------------------------
* ``GatewayId`` ``vgw-...`` unknown or deleted -> ``InvalidGatewayID.NotFound`` "The gateway ID '<vgw>' does not
  exist" (moto answered ``InvalidVpnGatewayID.NotFound``); a gateway not ``attached`` to the route table's VPC
  (not attached, ``attaching``, ``detaching``, ``detached``, attached to another VPC) -> ``InvalidParameterValue``
  "route table <rtb> and network gateway <vgw> belong to different networks" (AWS's answer for an internet
  gateway not (yet) attached to the table's VPC, serverless-vpc-plugin#147; UNVERIFIED that AWS words it the same
  for a virtual private gateway, [CFN] says the gateway cannot be used before it is attached).
* ``TransitGatewayId`` unknown, or without an ``available`` attachment in the route table's VPC (none,
  ``pending``, ``deleting``, ``deleted``) -> ``InvalidTransitGatewayID.NotFound`` "The transitGateway ID '<tgw>'
  does not exist." ([CFN], terraform#10025, aws-ia#101; moto made a route with no target).
* A route to a virtual private gateway that is no longer ``attached`` to the table's VPC (``detaching``,
  ``detached``, deleted), or to a transit gateway with no ``available`` attachment in the table's VPC (the
  attachment ``deleting``/``deleted``, or the gateway gone), shows ``State: blackhole`` in DescribeRouteTables
  until replaced or deleted (AWS's state for a route whose target is gone, VPC user guide; UNVERIFIED that
  ``detaching``/``deleting`` already show it).

4. DependencyViolation (DeleteSubnet, DeleteVpc)
------------------------------------------------
* **DeleteSubnet** while a transit gateway attachment that is not ``deleted`` uses the subnet (also while
  ``deleting``: its network interface is still there) -> ``DependencyViolation`` "The subnet '<subnet>' has
  dependencies and cannot be deleted." ([FLOCI]; ``eksup_moto_strict``'s wording, which also refuses for the
  attachment's network interfaces).
* **DeleteVpc** while a transit gateway attachment of the VPC is not ``deleted``, or a virtual private gateway's
  attachment to it is not ``detached`` ([API] DetachVpnGateway: "wait for the attachment's state to switch to
  detached before you can delete the VPC") -> ``DependencyViolation`` "The vpc '<vpc>' has dependencies and cannot
  be deleted." (moto refused only ``attached``, without the quotes).

Not emulated: cross-account attachments (``pendingAcceptance``, RAM shares), ModifyTransitGatewayVpcAttachment
checks, IPv6-only subnets ([TGW] refuses them), appliance mode, route propagation (EnableVgwRoutePropagation),
the transit gateway's own ``pending`` state and route tables' contents, VPN connections.
"""

from __future__ import annotations

import datetime
import fnmatch
import os
import re
from typing import Any, Callable

from moto.core.utils import utcnow

# ---------------------------------------------------------------------------------------
# Knobs
# ---------------------------------------------------------------------------------------
DEFAULTS = {
    "MOTO_VGW_ATTACH_SECONDS": 1.0,
    "MOTO_VGW_DETACH_SECONDS": 1.0,
    "MOTO_TGW_ATTACHMENT_CREATE_SECONDS": 2.0,
    "MOTO_TGW_ATTACHMENT_DELETE_SECONDS": 2.0,
}


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() not in ("", "0", "false", "no", "off")


class Knobs:
    """The delays, read at install time (see the module docstring)."""

    def __init__(self) -> None:
        lenient = _truthy(os.environ.get("EKSUP_MOTO_LENIENT"))
        self.seconds: dict[str, float] = {}
        for name, default in DEFAULTS.items():
            raw = os.environ.get(name)
            self.seconds[name] = 0.0 if lenient else (float(raw) if raw not in (None, "") else default)

    def __getitem__(self, name: str) -> float:
        return self.seconds[name]


KNOBS = Knobs()

VPN_LIVE = ("attaching", "attached", "detaching")
ATTACHMENT_ID = re.compile(r"^tgw-attach-[0-9a-f]{8,17}$")
TGW_ENI_DESCRIPTION = "Network Interface for Transit Gateway Attachment {}"
FILTERS = ("state", "transit-gateway-attachment-id", "transit-gateway-id", "vpc-id")


def _age(since: datetime.datetime) -> float:
    now = utcnow()
    if since.tzinfo is None and now.tzinfo is not None:
        since = since.replace(tzinfo=datetime.timezone.utc)
    return (now - since).total_seconds()


def _ec2_error(code: str, message: str) -> Exception:
    from moto.ec2.exceptions import EC2ClientError

    return EC2ClientError(code, message)


def _dependency(message: str) -> Exception:
    from moto.ec2.exceptions import DependencyViolationError

    return DependencyViolationError(message)


def _vpc_not_found(vpc_id: str) -> Exception:
    return _ec2_error("InvalidVpcID.NotFound", f"The vpc ID '{vpc_id}' does not exist")


def _attachment_not_found(attachment_id: str) -> Exception:
    return _ec2_error("InvalidTransitGatewayAttachmentID.NotFound",
                      f"Transit Gateway Attachment {attachment_id} was deleted or does not exist.")


def _check_attachment_id(attachment_id: str) -> None:
    if not ATTACHMENT_ID.match(attachment_id or ""):
        raise _ec2_error("InvalidTransitGatewayAttachmentID.Malformed", "Invalid Transit Gateway Attachment id.")


def _tgw_gone(transit_gateway_id: str) -> Exception:
    return _ec2_error("InvalidTransitGatewayID.NotFound", f"Transit Gateway {transit_gateway_id} was deleted or does not exist.")


# ---------------------------------------------------------------------------------------
# Queries shared by the patches
# ---------------------------------------------------------------------------------------
def vpc_attachments(backend: Any) -> list[Any]:
    """The transit gateway VPC attachments of an EC2 backend (every state)."""
    from moto.ec2.models.transit_gateway_attachments import TransitGatewayVpcAttachment

    return [a for a in getattr(backend, "transit_gateway_attachments", {}).values() if isinstance(a, TransitGatewayVpcAttachment)]


def live_vpn_attachment(backend: Any, vpc_id: str) -> tuple[str, Any] | None:
    """(gateway id, attachment) of a virtual private gateway attachment to `vpc_id` that is not detached."""
    for gateway in getattr(backend, "vpn_gateways", {}).values():
        attachment = gateway.attachments.get(vpc_id)
        if attachment is not None and attachment.state in VPN_LIVE:
            return gateway.id, attachment
    return None


def tgw_reaches(backend: Any, transit_gateway_id: str, vpc_id: str) -> bool:
    """Whether `transit_gateway_id` exists and has an `available` attachment in `vpc_id`."""
    gateway = getattr(backend, "transit_gateways", {}).get(transit_gateway_id)
    if gateway is None or getattr(gateway, "state", "available") in ("deleting", "deleted"):
        return False
    return any(a.transit_gateway_id == transit_gateway_id and a.vpc_id == vpc_id and a.state == "available"
               for a in vpc_attachments(backend))


def sweep(backend: Any) -> None:
    """Network interfaces of `deleted` attachments go (``eksup_moto_strict.sweep`` releases them too)."""
    for eni in list(getattr(backend, "enis", {}).values()):
        if eni.__dict__.get("_eksup_tgw_attachment") is None:
            continue
        release_at = eni.__dict__.get("_eksup_release_at")
        if release_at is not None and _age(release_at) >= 0:
            backend.enis.pop(eni.id, None)


# ---------------------------------------------------------------------------------------
# 1. Virtual private gateways
# ---------------------------------------------------------------------------------------
def _patch_vpn_gateways(module: Any) -> None:
    from moto.ec2.exceptions import InvalidVpnGatewayAttachmentError, InvalidVpnGatewayIdError

    Base, Backend = module.VPCGatewayAttachment, module.VpnGatewayBackend

    class VpnAttachment(Base):  # type: ignore[misc, valid-type]
        """A VPC attachment of a virtual private gateway whose state follows the clock."""

        __module__ = "moto.ec2.eksup_gateways"  # moto's model registry keys classes by moto.<service>

        @property
        def state(self) -> str:  # type: ignore[override]
            d = self.__dict__
            detach_at = d.get("_eksup_detach_at")
            if detach_at is not None:
                return "detaching" if _age(detach_at) < KNOBS["MOTO_VGW_DETACH_SECONDS"] else "detached"
            attach_at = d.get("_eksup_attach_at")
            if attach_at is not None and _age(attach_at) < KNOBS["MOTO_VGW_ATTACH_SECONDS"]:
                return "attaching"
            return d.get("_eksup_state") or "attached"

        @state.setter
        def state(self, value: str | None) -> None:
            if value in ("detaching", "detached"):
                if self.__dict__.get("_eksup_detach_at") is None:
                    self.__dict__["_eksup_detach_at"] = utcnow()
                return
            self.__dict__["_eksup_state"] = value

    module.VpnAttachment = VpnAttachment

    def attach_vpn_gateway(self: Any, vpn_gateway_id: str, vpc_id: str) -> Any:
        gateway = self.get_vpn_gateway(vpn_gateway_id)  # InvalidVpnGatewayID.NotFound
        if gateway.state != "available":
            raise _ec2_error("InvalidVpnGatewayState", f"The virtual private gateway '{gateway.id}' is not in an available state")
        if vpc_id not in self.vpcs:
            raise _vpc_not_found(vpc_id)
        for other_vpc, attachment in gateway.attachments.items():
            if other_vpc != vpc_id and attachment.state in VPN_LIVE:
                raise _ec2_error("VpnGatewayAttachmentLimitExceeded", "You've reached the limit on the number of VPCs that can be "
                                                                      "attached to the specified virtual private gateway.")
        current = gateway.attachments.get(vpc_id)
        if current is not None and current.state in ("attaching", "attached"):
            return current
        if current is not None and current.state == "detaching":
            raise _ec2_error("VpnGatewayAttachmentLimitExceeded", "You've reached the limit on the number of VPCs that can be "
                                                                  "attached to the specified virtual private gateway.")
        found = live_vpn_attachment(self, vpc_id)
        if found is not None and found[0] != gateway.id:
            raise _ec2_error("InvalidVpcState", f"VPC {vpc_id} is currently attached to the Virtual Private Gateway {found[0]}")
        attachment = VpnAttachment(vpc_id, gateway_id=gateway.id, state="attached")
        attachment.__dict__["_eksup_attach_at"] = utcnow()
        gateway.attachments.clear()  # the gateway's detached attachments (moto kept only the newest)
        gateway.attachments[vpc_id] = attachment
        return attachment

    def detach_vpn_gateway(self: Any, vpn_gateway_id: str, vpc_id: str) -> Any:
        gateway = self.get_vpn_gateway(vpn_gateway_id)
        attachment = gateway.attachments.get(vpc_id)
        if attachment is None or attachment.state == "detached":
            raise InvalidVpnGatewayAttachmentError(gateway.id, vpc_id)
        attachment.state = "detaching"
        return attachment

    original_describe = Backend.describe_vpn_gateways

    def describe_vpn_gateways(self: Any, filters: Any = None, vpn_gw_ids: list[str] | None = None) -> list[Any]:
        for gateway_id in vpn_gw_ids or []:
            if gateway_id not in self.vpn_gateways:
                raise InvalidVpnGatewayIdError(gateway_id)
        return original_describe(self, filters, vpn_gw_ids)

    original_delete = Backend.delete_vpn_gateway

    def delete_vpn_gateway(self: Any, vpn_gateway_id: str) -> Any:
        gateway = self.get_vpn_gateway(vpn_gateway_id)
        for vpc_id, attachment in gateway.attachments.items():
            if attachment.state in VPN_LIVE:
                raise _ec2_error("IncorrectState", f"The virtual private gateway '{gateway.id}' is attached to {vpc_id}: "
                                                   "detach it before deleting it")
        return original_delete(self, vpn_gateway_id)

    Backend.attach_vpn_gateway = attach_vpn_gateway
    Backend.detach_vpn_gateway = detach_vpn_gateway
    Backend.describe_vpn_gateways = describe_vpn_gateways
    Backend.delete_vpn_gateway = delete_vpn_gateway


# ---------------------------------------------------------------------------------------
# 2. Transit gateway VPC attachments
# ---------------------------------------------------------------------------------------
def _tag_match(tags: list[dict[str, str]], name: str, values: list[str]) -> bool:
    if name == "tag-key":
        return any(fnmatch.fnmatchcase(t["key"], v) for t in tags for v in values)
    key = name[4:]
    return any(t["key"] == key and fnmatch.fnmatchcase(t["value"], v) for t in tags for v in values)


def _matches(attachment: Any, filters: dict[str, list[str]]) -> bool:
    for name, values in (filters or {}).items():
        values = [str(v) for v in (values if isinstance(values, list) else [values])]
        if name.startswith("tag:") or name == "tag-key":
            if not _tag_match(attachment.get_tags(), name, values):
                return False
            continue
        if name not in FILTERS:
            from moto.ec2.exceptions import InvalidFilter

            raise InvalidFilter(name, error_type="InvalidParameterValue")
        actual = {"state": attachment.state, "transit-gateway-attachment-id": attachment.id,
                  "transit-gateway-id": attachment.transit_gateway_id, "vpc-id": attachment.vpc_id}[name]
        if not any(fnmatch.fnmatchcase(actual, v) for v in values):
            return False
    return True


def _attachment_enis(backend: Any, attachment: Any) -> list[Any]:
    return [e for e in backend.enis.values() if e.__dict__.get("_eksup_tgw_attachment") == attachment.id]


def _make_enis(backend: Any, attachment: Any, subnets: list[Any]) -> None:
    for subnet in subnets:
        eni = backend.create_network_interface(subnet, None, description=TGW_ENI_DESCRIPTION.format(attachment.id))
        eni.interface_type = "transit_gateway"
        eni.requester_managed = True
        eni.requester_id = "amazon-aws"
        eni.status = "in-use"
        eni.source_dest_check = False
        eni._group_set = []
        eni.__dict__["_eksup_tgw_attachment"] = attachment.id


def _local_zone(region: str, zone: str | None) -> bool:
    try:
        import eksup_moto_zones
    except ImportError:
        return False
    return eksup_moto_zones.is_local_zone(region, zone)


def _patch_tgw_attachments(module: Any) -> None:
    from moto.ec2.exceptions import DuplicateTransitGatewayAttachmentError, InvalidSubnetIdError

    VpcAttachment, Backend = module.TransitGatewayVpcAttachment, module.TransitGatewayAttachmentBackend

    def get_state(self: Any) -> str:
        d = self.__dict__
        deleted_at = d.get("_eksup_deleted_at")
        if deleted_at is not None:
            return "deleting" if _age(deleted_at) < KNOBS["MOTO_TGW_ATTACHMENT_DELETE_SECONDS"] else "deleted"
        stored = d.get("_eksup_state") or "available"
        pending_since = d.get("_eksup_pending_since")
        if stored == "available" and pending_since is not None and _age(pending_since) < KNOBS["MOTO_TGW_ATTACHMENT_CREATE_SECONDS"]:
            return "pending"
        return stored

    def set_state(self: Any, value: str) -> None:
        if value in ("deleting", "deleted"):
            if self.__dict__.get("_eksup_deleted_at") is None:
                self.__dict__["_eksup_deleted_at"] = utcnow()
            return
        self.__dict__["_eksup_state"] = value

    VpcAttachment.state = property(get_state, set_state)
    VpcAttachment.tags = property(lambda self: self.get_tags())

    def create_transit_gateway_vpc_attachment(self: Any, transit_gateway_id: str, vpc_id: str, subnet_ids: list[str],
                                              tags: dict[str, str] | None = None, options: dict[str, str] | None = None) -> Any:
        gateway = self.transit_gateways.get(transit_gateway_id)
        if gateway is None or getattr(gateway, "state", "available") in ("deleting", "deleted"):
            raise _tgw_gone(transit_gateway_id)
        if vpc_id not in self.vpcs:
            raise _vpc_not_found(vpc_id)
        if not subnet_ids:
            raise _ec2_error("MissingParameter", "The request must contain the parameter SubnetIds.")
        subnets, zones = [], set()
        for subnet_id in subnet_ids:
            try:
                subnet = self.get_subnet(subnet_id)
            except InvalidSubnetIdError:
                subnet = None
            if subnet is None or subnet.vpc_id != vpc_id:
                raise _ec2_error("InvalidSubnetID.NotFound", f"Subnet {subnet_id} was deleted or does not exist.")
            if _local_zone(self.region_name, subnet.availability_zone):
                raise _ec2_error("InvalidParameterValue", f"Subnet {subnet_id} is in Local Zone {subnet.availability_zone}: "
                                                          "transit gateway attachments cannot use Local Zone subnets")
            if subnet.availability_zone in zones:
                raise _ec2_error("DuplicateSubnetsInSameZone", "Duplicate Subnets for same AZ")
            zones.add(subnet.availability_zone)
            subnets.append(subnet)
        if any(a.transit_gateway_id == transit_gateway_id and a.vpc_id == vpc_id and a.state != "deleted"
               for a in vpc_attachments(self)):
            raise DuplicateTransitGatewayAttachmentError(transit_gateway_id)
        attachment = VpcAttachment(self, transit_gateway=gateway, tags=tags, vpc_id=vpc_id, subnet_ids=list(subnet_ids),
                                   options=options)
        attachment.__dict__["_eksup_pending_since"] = utcnow()
        self.transit_gateway_attachments[attachment.id] = attachment
        table = attachment.transit_gateway_route_table
        if table is not None and table.id in getattr(self, "transit_gateways_route_tables", {}):
            self.set_route_table_association(transit_gateway_attachment_id=attachment.id, transit_gateway_route_table_id=table.id)
        _make_enis(self, attachment, subnets)
        return attachment

    def describe_transit_gateway_vpc_attachments(self: Any, transit_gateways_attachment_ids: list[str] | None = None,
                                                 filters: Any = None) -> list[Any]:
        sweep(self)
        ids = list(transit_gateways_attachment_ids or [])
        every = vpc_attachments(self)
        known = {a.id for a in every}
        for attachment_id in ids:
            _check_attachment_id(attachment_id)
            if attachment_id not in known:
                raise _attachment_not_found(attachment_id)
        return [a for a in every if (not ids or a.id in ids) and _matches(a, filters or {})]

    def delete_transit_gateway_vpc_attachment(self: Any, transit_gateway_attachment_id: str) -> Any:
        _check_attachment_id(transit_gateway_attachment_id)
        attachment = self.transit_gateway_attachments.get(transit_gateway_attachment_id)
        if not isinstance(attachment, VpcAttachment) or attachment.state == "deleted":
            raise _attachment_not_found(transit_gateway_attachment_id)
        if attachment.state == "deleting":
            return attachment
        attachment.state = "deleting"
        release_at = utcnow() + datetime.timedelta(seconds=KNOBS["MOTO_TGW_ATTACHMENT_DELETE_SECONDS"])
        for eni in _attachment_enis(self, attachment):
            eni.__dict__["_eksup_release_at"] = release_at
        for table in getattr(self, "transit_gateways_route_tables", {}).values():
            table.route_table_associations.pop(attachment.id, None)
            propagations = getattr(table, "route_table_propagation", None)
            if isinstance(propagations, list):
                table.route_table_propagation = [p for p in propagations
                                                 if getattr(p, "transitGatewayAttachmentId", None) != attachment.id]
        attachment.propagation = {}
        sweep(self)
        return attachment

    Backend.create_transit_gateway_vpc_attachment = create_transit_gateway_vpc_attachment
    Backend.describe_transit_gateway_vpc_attachments = describe_transit_gateway_vpc_attachments
    Backend.delete_transit_gateway_vpc_attachment = delete_transit_gateway_vpc_attachment


def _patch_tgw_responses(module: Any) -> None:
    from moto.core.responses import ActionResult

    Responses = module.TransitGatewayAttachment

    def create_transit_gateway_vpc_attachment(self: Any) -> Any:
        tags = self._parse_tag_specification().get("transit-gateway-attachment", {})
        attachment = self.ec2_backend.create_transit_gateway_vpc_attachment(
            transit_gateway_id=self._get_param("TransitGatewayId"),
            vpc_id=self._get_param("VpcId"),
            subnet_ids=self._get_param("SubnetIds", []),
            tags=tags,
            options=self._get_param("Options", {}),
        )
        return ActionResult({"TransitGatewayVpcAttachment": attachment})

    Responses.create_transit_gateway_vpc_attachment = create_transit_gateway_vpc_attachment


# ---------------------------------------------------------------------------------------
# 3. Routes
# ---------------------------------------------------------------------------------------
# moto 5.2.5's positional parameters after (route_table_id, destination_cidr_block).
CREATE_ROUTE_PARAMS = ("destination_ipv6_cidr_block", "destination_prefix_list_id", "local", "gateway_id", "instance_id",
                       "nat_gateway_id", "egress_only_igw_id", "transit_gateway_id")
REPLACE_ROUTE_PARAMS = ("destination_ipv6_cidr_block", "destination_prefix_list_id", "nat_gateway_id", "egress_only_igw_id",
                        "transit_gateway_id", "gateway_id")


def _route_target_check(backend: Any, route_table_id: str, gateway_id: str | None, transit_gateway_id: str | None) -> None:
    if not (gateway_id and gateway_id.startswith("vgw-")) and not transit_gateway_id:
        return
    table = backend.get_route_table(route_table_id)  # InvalidRouteTableID.NotFound
    if gateway_id and gateway_id.startswith("vgw-"):
        gateway = backend.vpn_gateways.get(gateway_id)
        if gateway is None or gateway.state == "deleted":
            raise _ec2_error("InvalidGatewayID.NotFound", f"The gateway ID '{gateway_id}' does not exist")
        attachment = gateway.attachments.get(table.vpc_id)
        if attachment is None or attachment.state != "attached":
            raise _ec2_error("InvalidParameterValue", f"route table {table.id} and network gateway {gateway_id} belong to different networks")
    if transit_gateway_id and not tgw_reaches(backend, transit_gateway_id, table.vpc_id):
        raise _ec2_error("InvalidTransitGatewayID.NotFound", f"The transitGateway ID '{transit_gateway_id}' does not exist.")


def blackholed(route: Any) -> bool:
    """Whether a route's virtual private gateway or transit gateway no longer reaches its table's VPC."""
    table = route.route_table
    backend = table.ec2_backend
    gateway = route.gateway
    if gateway is not None and str(getattr(gateway, "id", "")).startswith("vgw-"):
        attachment = gateway.attachments.get(table.vpc_id)
        if gateway.state == "deleted" or attachment is None or attachment.state != "attached":
            return True
    tgw = route.transit_gateway
    if tgw is not None and not tgw_reaches(backend, tgw.id, table.vpc_id):
        return True
    return False


def _patch_route_tables(module: Any) -> None:
    Backend, Route = module.RouteBackend, module.Route
    original_create, original_replace = Backend.create_route, Backend.replace_route

    def create_route(self: Any, route_table_id: str, destination_cidr_block: str | None, *args: Any, **kwargs: Any) -> Any:
        named = {**dict(zip(CREATE_ROUTE_PARAMS, args)), **kwargs}
        if not named.get("local"):
            _route_target_check(self, route_table_id, named.get("gateway_id"), named.get("transit_gateway_id"))
        return original_create(self, route_table_id, destination_cidr_block, *args, **kwargs)

    def replace_route(self: Any, route_table_id: str, destination_cidr_block: str, *args: Any, **kwargs: Any) -> Any:
        named = {**dict(zip(REPLACE_ROUTE_PARAMS, args)), **kwargs}
        _route_target_check(self, route_table_id, named.get("gateway_id"), named.get("transit_gateway_id"))
        return original_replace(self, route_table_id, destination_cidr_block, *args, **kwargs)

    Backend.create_route, Backend.replace_route = create_route, replace_route

    previous = Route.__dict__.get("state")
    previous_get: Callable[[Any], str] = previous.fget if isinstance(previous, property) else (lambda self: "active")

    def state(self: Any) -> str:
        if blackholed(self):
            return "blackhole"
        return previous_get(self)

    Route.state = property(state)


# ---------------------------------------------------------------------------------------
# 4. DeleteSubnet, DeleteVpc, DeleteTransitGateway
# ---------------------------------------------------------------------------------------
def _patch_ec2_models(models: Any) -> None:
    from moto.ec2.models.subnets import SubnetBackend
    from moto.ec2.models.transit_gateway import TransitGatewayBackend
    from moto.ec2.models.vpcs import VPCBackend

    original_delete_subnet = SubnetBackend.delete_subnet

    def delete_subnet(self: Any, subnet_id: str) -> Any:
        sweep(self)
        if any(a.state != "deleted" and subnet_id in (a.subnet_ids or []) for a in vpc_attachments(self)):
            raise _dependency(f"The subnet '{subnet_id}' has dependencies and cannot be deleted.")
        return original_delete_subnet(self, subnet_id)

    SubnetBackend.delete_subnet = delete_subnet

    original_delete_vpc = VPCBackend.delete_vpc

    def delete_vpc(self: Any, vpc_id: str) -> Any:
        sweep(self)
        if vpc_id in self.vpcs and (live_vpn_attachment(self, vpc_id) is not None
                                    or any(a.vpc_id == vpc_id and a.state != "deleted" for a in vpc_attachments(self))):
            raise _dependency(f"The vpc '{vpc_id}' has dependencies and cannot be deleted.")
        return original_delete_vpc(self, vpc_id)

    VPCBackend.delete_vpc = delete_vpc

    original_delete_tgw = TransitGatewayBackend.delete_transit_gateway

    def delete_transit_gateway(self: Any, transit_gateway_id: str) -> Any:
        if transit_gateway_id not in self.transit_gateways:
            raise _tgw_gone(transit_gateway_id)
        attached = [a.id for a in vpc_attachments(self) if a.transit_gateway_id == transit_gateway_id and a.state != "deleted"]
        if attached:
            raise _ec2_error("IncorrectState", f"{transit_gateway_id} has non-deleted VPC Attachments: {', '.join(attached)}.")
        return original_delete_tgw(self, transit_gateway_id)

    TransitGatewayBackend.delete_transit_gateway = delete_transit_gateway


# ---------------------------------------------------------------------------------------
# install
# ---------------------------------------------------------------------------------------
def _register(name: str, patch: Callable[[Any], None]) -> None:
    import eksup_moto_strict

    eksup_moto_strict._register(name, patch)


def install() -> None:
    """Apply the patches of this module (called once per process, after eksup_moto_strict and eksup_moto_ipv6)."""
    global KNOBS
    KNOBS = Knobs()
    _register("moto.ec2.models.vpn_gateway", _patch_vpn_gateways)
    _register("moto.ec2.models.transit_gateway_attachments", _patch_tgw_attachments)
    _register("moto.ec2.models.route_tables", _patch_route_tables)
    _register("moto.ec2.models", _patch_ec2_models)
    _register("moto.ec2.responses.transit_gateway_attachments", _patch_tgw_responses)


__all__ = ["install", "vpc_attachments", "live_vpn_attachment", "tgw_reaches", "blackholed", "sweep", "KNOBS", "DEFAULTS"]
