"""AWS's refusals that moto lacks: DependencyViolation, eventual consistency, load balancers
made by Kubernetes (see issue 9).

Installed by ``eksup_moto.install()`` (after ``eksup_moto_eks.install()``). The goal is that the
emulator refuses where AWS refuses, so that a delete order that works here also works on AWS.
Like the rest of the emulator, every patch is class- or module-level (applied when moto imports
the module, see ``eksup_moto._AfterImport``) and every piece of state lives on moto's own objects
(security groups, ENIs, roles, load balancers), so ``POST /moto-api/reset`` clears it.

Knobs (environment of the server, read once at start; seconds, strict defaults)
--------------------------------------------------------------------------------
``EKSUP_MOTO_LENIENT=1``
    (shared with ``eksup_moto_k8s``) turns every timing window below to 0 **and** the EKS role
    checks off: the emulator then behaves like plain moto there. The DependencyViolation rules
    stay on (they only refuse what AWS refuses, and moto already refused some of them).
``MOTO_IAM_ROLE_PROPAGATION_SECONDS`` (3)
``MOTO_INSTANCE_PROFILE_PROPAGATION_SECONDS`` (3)
``MOTO_EC2_NOT_FOUND_SECONDS`` (1)
``MOTO_ELB_ENI_RELEASE_SECONDS`` (1)
``EKSUP_MOTO_EKS_ROLE_CHECKS`` (1; ``0`` turns off the trust/policy/existence checks of rule 4)

0. Subnet IPv6 blocks and hostname types (EC2), always on
---------------------------------------------------------
moto 5.2.5 associates any IPv6 CIDR with a subnet, and answers ModifySubnetAttribute's
``PrivateDnsHostnameTypeOnLaunch`` with success while changing nothing. AWS (EC2 user guide
"IPv6 CIDR blocks for subnets", API reference AssociateSubnetCidrBlock / ModifySubnetAttribute):

* **AssociateSubnetCidrBlock** takes a /64 of the VPC's associated IPv6 block that no other subnet
  of the VPC has, one per subnet: not a /64 -> ``InvalidParameterValue`` "Invalid value '<cidr>'
  for ipv6CidrBlock: the prefix length must be /64" (wording ours); a VPC without an IPv6 block,
  or a block outside it -> ``InvalidSubnet.Range`` "The CIDR '<cidr>' is invalid." (AWS's code
  and wording for an IPv4 range outside the VPC); another subnet's block ->
  ``InvalidSubnet.Conflict`` "The CIDR '<cidr>' conflicts with another subnet" (AWS's IPv4
  wording); a subnet that has one already -> ``InvalidParameterValue`` (wording ours). DescribeSubnets
  shows each association's ``ipv6CidrBlockState.state`` (moto nested a dict there, which clients
  read as no state). Amazon-provided VPC blocks are written in canonical form, as AWS writes them
  (moto kept leading zeros).
* **ModifySubnetAttribute** ``PrivateDnsHostnameTypeOnLaunch``: ``ip-name`` or ``resource-name``
  (else ``InvalidParameterValue``), stored and shown by DescribeSubnets
  (``PrivateDnsNameOptionsOnLaunch.HostnameType``). Not emulated: instances launched in a
  ``resource-name`` subnet keep moto's IP-based private DNS name (the nodes' names).

1. DependencyViolation (EC2, HTTP 400), all always on
-----------------------------------------------------
AWS refuses to delete a resource that something still uses; moto 5.2.5 deletes it and leaves
dangling references (see /work/shared/docs/moto.md, EC2 table).

* **DeleteSecurityGroup** -> ``DependencyViolation`` "resource sg-... has a dependent object"
  while another security group has an ingress or egress rule whose peer (UserIdGroupPairs) is the
  group (a group's rule referencing itself does not count), or while a network interface uses it
  (instances' ENIs, load balancer ENIs, leftover CNI ENIs), or a load balancer lists it.
* **DeleteSubnet** -> ``DependencyViolation`` "The subnet 'subnet-...' has dependencies and cannot
  be deleted." while any network interface is in it: instances (until terminated), NAT gateways
  (until ``deleted``: a ``deleting`` NAT gateway still holds its ENI), load balancers (until their
  ENIs are released, see rule 2), leftover CNI ENIs.
* **DeleteVpc** -> ``DependencyViolation`` "The vpc 'vpc-...' has dependencies and cannot be
  deleted." moto already refuses with subnets or non-main route tables (and attached VPN
  gateways); added: non-default security groups, attached internet gateways, network interfaces,
  load balancers (ELBv2 and classic), VPC endpoints, NAT gateways that are not ``deleted``.
* **DetachInternetGateway** -> ``DependencyViolation`` "Network vpc-... has some mapped public
  address(es). Please unmap those public address(es) before detaching the gateway." while any
  network interface in the VPC has a public address: Elastic IPs associated with ENIs/instances,
  NAT gateways that are not ``deleted`` (their ENI holds the EIP), running instances with a
  public IP, internet-facing load balancers (their ENIs have public IPs until released).
* **ReleaseAddress** -> ``InvalidIPAddress.InUse`` "Address <ip> is in use." while the Elastic IP
  is associated (AWS documents this for non-default VPCs: disassociate first), in particular
  while a NAT gateway that is not ``deleted`` holds it. (AWS sometimes answers ``AuthFailure``
  for an EIP held by a NAT gateway; eksup retries both.)
* **DeleteNetworkInterface** -> ``InvalidParameterValue`` "Network interface 'eni-...' is
  currently in use." while the ENI is attached (``in-use``: instances, NAT gateways, ELBs).
* Interplay with ``eksup_moto_eks``: when a cluster is gone, EKS deletes its
  ``eks-cluster-sg-*`` group once; if a rule of another group refers to it or an ENI uses it,
  that delete now fails and the group stays behind (as on AWS: terraform-provider-aws#11473,
  eksctl#5135), which then blocks DeleteVpc until the client deletes it.
* Supporting fixes so that the rules can be satisfied: an instance's ENIs created at launch are
  deleted when it terminates (moto kept the primary ENI because DeleteOnTermination defaulted to
  false), other ENIs are detached, and its Elastic IPs are disassociated, as on AWS (the private
  addresses of deleted ENIs are not handed out again at once, as on AWS); once a NAT
  gateway is ``deleted`` (after ``MOTO_NAT_DELETE_SECONDS``) its ENI is deleted and its Elastic IP
  disassociated (moto kept both forever). NAT ENIs look like AWS's (``nat_gateway``,
  requester-managed, ``in-use``, "Interface for NAT Gateway nat-...").

2. Load balancers (ELBv2 and classic ELB)
-----------------------------------------
On AWS every load balancer has requester-managed ENIs (one per subnet/AZ) that use its security
groups; they outlive the load balancer for a while after DeleteLoadBalancer. moto creates none.
Here ``CreateLoadBalancer`` (both APIs) creates them: description ``ELB app/<name>/<id>``,
``ELB net/<name>/<id>`` or ``ELB <name>``; interface type ``interface`` (ALB, classic) or
``network_load_balancer`` (NLB); requester-managed, requester ``amazon-elb``, status ``in-use``
with an ``ela-attach-...`` attachment owned by ``amazon-elb``; a public IP when the scheme is
internet-facing. ``DeleteLoadBalancer`` leaves them for ``MOTO_ELB_ENI_RELEASE_SECONDS`` (then
they go), so a DeleteSecurityGroup/DeleteSubnet/DetachInternetGateway right after an LB delete
gets DependencyViolation and must be retried. NLB ARNs are ``loadbalancer/net/...`` (moto: app).
``DescribeNetworkInterfaces`` filters added (moto ignores or rejects them): ``status``,
``interface-type``, ``requester-managed``, ``requester-id``, ``attachment.status``,
``owner-id``, ``group-name``, ``association.public-ip``; ``group-id`` also matches an
instance's groups. (``description``, ``tag:*``, ``tag-key``, ``vpc-id``, ``subnet-id`` already
worked.)

Test routes (see ``control``), playing Kubernetes controllers:

``POST /eksup-test/kubernetes/load-balancer``
    ``{"cluster": "demo", "service": "default/web", "kind": "nlb"|"alb"|"classic",
    "region": optional, "scheme": "internet-facing" (default) | "internal", "ports": [80]}``.
    Plays the AWS Load Balancer Controller (nlb/alb) or the in-tree cloud provider (classic) for
    a Service/Ingress of the EKS cluster: picks one subnet per AZ of the cluster's VPC tagged
    ``kubernetes.io/role/elb`` (``.../internal-elb`` for internal), creates the LB's security
    group (``k8s-<ns>-<name>-<hash>`` / ``k8s-elb-<lbname>``) with an ingress rule per port,
    adds an ingress rule to the cluster security group from that group (backend traffic), creates
    the load balancer (ELBv2 application/network, or classic) with its ENIs, and tags like the
    controllers: ALB/NLB ``elbv2.k8s.aws/cluster``, ``service.k8s.aws/stack``,
    ``service.k8s.aws/resource=LoadBalancer`` (the SG ``elbv2.k8s.aws/cluster``,
    ``elbv2.k8s.aws/resource=ManagedLBSecurityGroup``, ``service.k8s.aws/stack``); classic
    ``kubernetes.io/cluster/<cluster>=owned``, ``kubernetes.io/service-name`` (the SG
    ``kubernetes.io/cluster/<cluster>=owned``). Idempotent per (cluster, service, kind). Answers
    ``{"kind", "type", "loadBalancerName", "loadBalancerArn" (ELBv2 only), "dnsName",
    "scheme", "vpcId", "subnetIds", "securityGroupId", "securityGroupName",
    "clusterSecurityGroupId", "networkInterfaceIds"}``.
``POST /eksup-test/kubernetes/leftover-enis``
    ``{"cluster": "demo", "count": 2, "region": optional}``: ENIs the VPC CNI leaves behind
    after its nodes are gone: ``available``, description ``aws-K8S-i-<id>``, tags
    ``node.k8s.amazonaws.com/instance_id``, ``node.k8s.amazonaws.com/createdAt``,
    ``cluster.k8s.amazonaws.com/name=<cluster>``, in the cluster's private subnets (else any of
    its subnets), with the cluster security group. Answers ``{"networkInterfaceIds": [...]}``.

3. Eventual consistency (each window is a knob; 0 turns it off)
---------------------------------------------------------------
* ``MOTO_IAM_ROLE_PROPAGATION_SECONDS``: for that long after CreateRole or
  UpdateAssumeRolePolicy, EKS CreateCluster / CreateNodegroup / CreateFargateProfile naming the
  role answer ``InvalidParameterException`` "Role with arn: <arn>, could not be assumed because
  it does not exist or the trusted entity is not correct" (AWS's CreateCluster wording; used for
  all three).
* ``MOTO_INSTANCE_PROFILE_PROPAGATION_SECONDS``: for that long after CreateInstanceProfile or
  AddRoleToInstanceProfile, CreateAutoScalingGroup with a launch template (or mixed instances
  policy) whose ``IamInstanceProfile`` names the profile answers ``ValidationError`` "You must use
  a valid fully-formed launch template. Value (<name>) for parameter iamInstanceProfile.name is
  invalid. Invalid IAM Instance Profile name" (``...iamInstanceProfile.arn is invalid. Invalid
  IAM Instance Profile ARN`` when the template gives the ARN, as eksup's does); the same answer
  when the profile does not exist at all (API calls only: the ASGs EKS makes for managed
  nodegroups are not checked). RunInstances with that profile (parameter or launch template) answers ``InvalidParameterValue`` with the same text without the first sentence.
* ``MOTO_EC2_NOT_FOUND_SECONDS``: AWS documents that a command using an id right after the
  create may answer NotFound (EC2 API guide, "Eventual consistency", InvalidGroup.NotFound after
  CreateSecurityGroup; the general rule covers other ids). For that long after CreateSecurityGroup,
  AuthorizeSecurityGroupIngress/Egress on the new group answer ``InvalidGroup.NotFound`` "The
  security group '<id>' does not exist"; after CreateVpc, DescribeVpcAttribute and
  ModifyVpcAttribute answer ``InvalidVpcID.NotFound`` "The vpc ID '<id>' does not exist".
  Conservative: Describe* calls and CreateTags are never refused; groups made inside other
  services (the EKS cluster security group) are never affected.
* ``MOTO_ELB_ENI_RELEASE_SECONDS``: see rule 2.

4. EKS role checks (always, unless ``EKSUP_MOTO_EKS_ROLE_CHECKS=0`` or lenient)
-------------------------------------------------------------------------------
AWS checks the role at create time (``InvalidParameterException``):

* CreateCluster: the role must exist and trust ``eks.amazonaws.com`` with ``sts:AssumeRole``,
  else "Role with arn: <arn>, could not be assumed because it does not exist or the trusted
  entity is not correct"; it must have ``AmazonEKSClusterPolicy`` attached, else "The provided
  role doesn't have the Amazon EKS Managed Policies associated with it. Please ensure the
  following policy is attached: arn:aws:iam::aws:policy/AmazonEKSClusterPolicy" (approximate
  wording).
* CreateNodegroup: the node role must exist (same "could not be assumed" message), trust
  ``ec2.amazonaws.com`` ("Following required service principals [ec2.amazonaws.com] were not
  found in the trust relationships of nodeRole <arn>") and have ``AmazonEKSWorkerNodePolicy``
  and ``AmazonEC2ContainerRegistryReadOnly`` (or ``...PullOnly``) attached ("The provided role
  doesn't have the Amazon EKS Managed Policies associated with it. Please ensure the following
  policies [arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy,
  arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly] are attached").
* CreateFargateProfile: the pod execution role must exist and trust
  ``eks-fargate-pods.amazonaws.com`` ("Misconfigured PodExecutionRole Trust Policy; Please add
  the eks-fargate-pods.amazonaws.com Service Principal").

5. Launch template versions
---------------------------
* **CreateLaunchTemplateVersion** with ``SourceVersion`` starts from that version's data and
  replaces it key by key with the request's ``LaunchTemplateData``, as AWS does (moto ignored
  ``SourceVersion``: a new image alone lost the user data, profile and security groups); an
  unknown source version -> ``InvalidLaunchTemplateId.VersionNotFound``.

6. IAM documents
----------------
* **CreateRole / UpdateAssumeRolePolicy** with a trust policy whose ``Principal.Federated`` names
  an OIDC provider (``arn:...:oidc-provider/...``) that does not exist -> ``MalformedPolicyDocument``
  "Invalid principal in policy: "Federated":"<arn>"" (AWS checks principals when the policy is
  saved; an IRSA role made before its cluster's OIDC provider is refused).
* **PutRolePolicy** that takes a role's inline policies over 10,240 characters together
  (whitespace not counted, AWS's "Role policy size" quota) -> ``LimitExceeded`` "Maximum policy
  size of 10240 bytes exceeded for role <name>".

7. Security group rules across VPCs (EC2), always on
---------------------------------------------------
* **AuthorizeSecurityGroupIngress / AuthorizeSecurityGroupEgress** with a peer group
  (``UserIdGroupPairs[].GroupId``) of this account in another VPC than the rule's group, the two VPCs
  not joined by an ``active`` VPC peering connection -> ``InvalidGroup.NotFound`` "You have
  specified two resources that belong to different networks." (AWS's answer, quoted in
  hashicorp/terraform#2857 for a group id of another VPC; moto added the rule). A group of another
  account (``UserId``) is not checked.

Not enforced: IAM permission evaluation (which actions a policy allows), DeleteRole/DeleteRolePolicy
races, ENIs of VPC endpoints/Lambda/EFS, security groups referenced from VPC peering, route
targets (DeleteNatGateway with routes to it is allowed, as on AWS), the ELB's own
``deletion_protection``, DeleteInternetGateway while attached (moto already refuses).
"""

from __future__ import annotations

import contextvars
import copy
import datetime
import hashlib
import json
import os
import sys
import types
import uuid
from typing import Any, Callable
from urllib.parse import unquote

from moto.core import DEFAULT_ACCOUNT_ID
from moto.core.responses import ActionResult
from moto.core.utils import utcnow

# ---------------------------------------------------------------------------------------
# Knobs
# ---------------------------------------------------------------------------------------
DEFAULTS = {
    "MOTO_IAM_ROLE_PROPAGATION_SECONDS": 3.0,
    "MOTO_INSTANCE_PROFILE_PROPAGATION_SECONDS": 3.0,
    "MOTO_EC2_NOT_FOUND_SECONDS": 1.0,
    "MOTO_ELB_ENI_RELEASE_SECONDS": 1.0,
}


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() not in ("", "0", "false", "no", "off")


class Knobs:
    """The knobs, read at install time (see the module docstring)."""

    def __init__(self) -> None:
        self.lenient = _truthy(os.environ.get("EKSUP_MOTO_LENIENT"))
        self.seconds: dict[str, float] = {}
        for name, default in DEFAULTS.items():
            raw = os.environ.get(name)
            self.seconds[name] = 0.0 if self.lenient else (float(raw) if raw not in (None, "") else default)
        raw_checks = os.environ.get("EKSUP_MOTO_EKS_ROLE_CHECKS")
        self.eks_role_checks = not self.lenient and (raw_checks is None or _truthy(raw_checks))

    def __getitem__(self, name: str) -> float:
        return self.seconds[name]


KNOBS = Knobs()


def _age(since: datetime.datetime | None) -> float:
    if since is None:
        return float("inf")
    if since.tzinfo is None and utcnow().tzinfo is not None:
        since = since.replace(tzinfo=datetime.timezone.utc)
    return (utcnow() - since).total_seconds()


def _young(since: datetime.datetime | None, knob: str) -> bool:
    window = KNOBS[knob]
    return window > 0 and _age(since) < window


# ---------------------------------------------------------------------------------------
# Host module (eksup_moto runs as __main__ under `python eksup_moto.py`)
# ---------------------------------------------------------------------------------------
def _host() -> Any:
    for name in ("__main__", "eksup_moto"):
        module = sys.modules.get(name)
        if module is not None and hasattr(module, "_after_import") and hasattr(module, "TestControl"):
            return module
    import eksup_moto

    return eksup_moto


def json_table_route(
    environ: dict[str, Any],
    read: Callable[[], Any],
    reset: Callable[[], None],
    change: Callable[[dict[str, Any]], None],
) -> tuple[int, bytes] | None:
    """A test route over a table of settings: ``GET`` reads it, ``DELETE`` resets it, ``POST``
    changes it with a JSON object (a ``ValueError`` is a 400); each answers the table. ``None``
    for other methods."""
    method = environ.get("REQUEST_METHOD", "GET")
    if method == "DELETE":
        reset()
    elif method == "POST":
        length = int(environ.get("CONTENT_LENGTH") or 0)
        try:
            body = json.loads(environ["wsgi.input"].read(length) or b"{}") if length else {}
            if not isinstance(body, dict):
                raise ValueError("the body must be a JSON object")
            change(body)
        except ValueError as e:
            return 400, json.dumps({"error": str(e)}).encode()
    elif method != "GET":
        return None
    return 200, json.dumps(read()).encode()


def _register(name: str, patch: Callable[[Any], None]) -> None:
    """`_after_import.register`, composed with a hook another module registered for `name`."""
    hooks = _host()._after_import
    previous = hooks.hooks.get(name)
    if previous is None:
        hooks.register(name, patch)
        return

    def both(module: Any) -> None:
        previous(module)
        patch(module)

    hooks.register(name, both)


def _ec2_backend(account: str, region: str) -> Any:
    from moto.ec2.models import ec2_backends

    return ec2_backends[account][region]


def _ec2_error(code: str, message: str) -> Exception:
    from moto.ec2.exceptions import EC2ClientError

    return EC2ClientError(code, message)


def _dependency(message: str) -> Exception:
    from moto.ec2.exceptions import DependencyViolationError

    return DependencyViolationError(message)


# ---------------------------------------------------------------------------------------
# EC2 state helpers
# ---------------------------------------------------------------------------------------
def _release_eni(backend: Any, eni: Any) -> None:
    """Delete `eni` the way AWS does when its owner goes: its Elastic IPs are disassociated."""
    for eip in backend.addresses:
        if eip.eni is eni:
            eip.eni = None
            eip.instance = None
            eip.association_id = None
    eni.public_ip = None
    # Its private address is not handed out again at once (moto would give it to the next ENI).
    backend.enis.pop(eni.id, None)


def sweep(backend: Any) -> None:
    """Apply time-driven changes: ENIs of `deleted` NAT gateways and of released load balancers."""
    for nat in list(getattr(backend, "nat_gateways", {}).values()):
        eni = nat.__dict__.get("_eni")
        if eni is not None and eni.id in backend.enis and nat.state == "deleted":
            _release_eni(backend, eni)
    for eni in list(backend.enis.values()):
        release_at = eni.__dict__.get("_eksup_release_at")
        if release_at is not None and utcnow() >= release_at:
            _release_eni(backend, eni)


def _all_groups(backend: Any) -> list[Any]:
    return [g for groups in backend.groups.values() for g in groups.values()]


def _rule_peer(rule: Any) -> str | None:
    source = getattr(rule, "source_group", None) or {}
    return source.get("GroupId") or source.get("group_id")


def _elbv2_load_balancers(backend: Any) -> list[Any]:
    if "moto.elbv2.models" not in sys.modules:
        return []
    from moto.elbv2.models import elbv2_backends

    return list(elbv2_backends[backend.account_id][backend.region_name].load_balancers.values())


def _elb_load_balancers(backend: Any) -> list[Any]:
    if "moto.elb.models" not in sys.modules:
        return []
    from moto.elb.models import elb_backends

    return list(elb_backends[backend.account_id][backend.region_name].load_balancers.values())


def security_group_dependents(backend: Any, group_id: str) -> list[str]:
    """What keeps `group_id` from being deleted (empty: nothing)."""
    sweep(backend)
    found = []
    for group in _all_groups(backend):
        if group.id == group_id:
            continue
        for rule in [*group.ingress_rules, *group.egress_rules]:
            if _rule_peer(rule) == group_id:
                found.append(f"rule of {group.id}")
    for eni in backend.enis.values():
        if group_id in {g.id for g in eni.group_set}:
            found.append(eni.id)
    for lb in [*_elbv2_load_balancers(backend), *_elb_load_balancers(backend)]:
        if group_id in (lb.security_groups or []):
            found.append(getattr(lb, "arn", None) or lb.name)
    return found


def subnet_dependents(backend: Any, subnet_id: str) -> list[str]:
    sweep(backend)
    found = [eni.id for eni in backend.enis.values() if eni.subnet is not None and eni.subnet.id == subnet_id]
    found += [n.id for n in backend.nat_gateways.values() if n.subnet_id == subnet_id and n.state != "deleted"]
    return found


def vpc_dependents(backend: Any, vpc_id: str) -> list[str]:
    sweep(backend)
    found = [g.id for g in backend.groups.get(vpc_id, {}).values() if g.name != "default"]
    found += [i.id for i in backend.internet_gateways.values() if i.vpc is not None and i.vpc.id == vpc_id]
    found += [e.id for e in backend.enis.values() if e.subnet is not None and e.subnet.vpc_id == vpc_id]
    found += [n.id for n in backend.nat_gateways.values() if n.vpc_id == vpc_id and n.state != "deleted"]
    found += [v.id for v in backend.vpc_end_points.values() if v.vpc_id == vpc_id and getattr(v, "state", "available") != "deleted"]
    found += [lb.name for lb in [*_elbv2_load_balancers(backend), *_elb_load_balancers(backend)] if lb.vpc_id == vpc_id]
    return found


def mapped_public_addresses(backend: Any, vpc_id: str) -> list[str]:
    """Public addresses mapped in `vpc_id`: EIPs associated there, ENIs with a public IP."""
    sweep(backend)
    found = []
    for eip in backend.addresses:
        eni = eip.eni or (eip.instance.nics.get(0) if eip.instance is not None else None)
        if eni is not None and eni.subnet is not None and eni.subnet.vpc_id == vpc_id:
            found.append(eip.public_ip)
    for eni in backend.enis.values():
        if eni.public_ip and eni.subnet is not None and eni.subnet.vpc_id == vpc_id:
            instance = eni.instance
            if instance is not None and instance._state.name in ("stopped", "terminated"):
                continue
            found.append(eni.public_ip)
    return sorted(set(found))


# ---------------------------------------------------------------------------------------
# EC2 model patches
# ---------------------------------------------------------------------------------------
_api_create = contextvars.ContextVar("eksup_api_create", default=False)


def _patch_ec2_models(models: Any) -> None:
    from moto.ec2.models.elastic_ip_addresses import ElasticAddressBackend
    from moto.ec2.models.elastic_network_interfaces import NetworkInterface, NetworkInterfaceBackend
    from moto.ec2.models.instances import Instance
    from moto.ec2.models.internet_gateways import InternetGatewayBackend
    from moto.ec2.models.nat_gateways import NatGatewayBackend
    from moto.ec2.models.security_groups import SecurityGroupBackend
    from moto.ec2.models.subnets import SubnetBackend
    from moto.ec2.models.vpcs import VPCBackend

    # --- DeleteSecurityGroup -----------------------------------------------------------
    original_delete_sg = SecurityGroupBackend.delete_security_group

    def delete_security_group(self: Any, name: str | None = None, group_id: str | None = None) -> None:
        group = self.get_security_group_from_id(group_id) if group_id else (self.get_security_group_by_name_or_id(name) if name else None)
        if group is not None and security_group_dependents(self, group.id):
            raise _dependency(f"resource {group.id} has a dependent object")
        return original_delete_sg(self, name=name, group_id=group_id)

    SecurityGroupBackend.delete_security_group = delete_security_group

    original_create_sg = SecurityGroupBackend.create_security_group

    def create_security_group(self: Any, *args: Any, **kwargs: Any) -> Any:
        group = original_create_sg(self, *args, **kwargs)
        if _api_create.get():
            group._eksup_api_created_at = utcnow()
        return group

    SecurityGroupBackend.create_security_group = create_security_group

    # --- Rules whose peer group is in another VPC ---------------------------------------
    def peered(backend: Any, a: str, b: str) -> bool:
        for pcx in getattr(backend, "vpc_pcxs", {}).values():
            ends = {getattr(pcx.vpc, "id", None), getattr(pcx.peer_vpc, "id", None)}
            if ends == {a, b} and getattr(pcx._status, "code", None) == "active":
                return True
        return False

    def same_network(authorize: Callable[..., Any]) -> Callable[..., Any]:
        def handler(self: Any, group_name_or_id: str, *args: Any, **kwargs: Any) -> Any:
            group = self.get_security_group_by_name_or_id(group_name_or_id, kwargs.get("vpc_id"))
            for pair in kwargs.get("source_groups") or []:
                if group is None or not group.vpc_id or pair.get("UserId", self.account_id) != self.account_id:
                    continue
                peer = self.get_security_group_from_id(pair.get("GroupId")) if pair.get("GroupId") else None
                if peer is not None and peer.vpc_id and peer.vpc_id != group.vpc_id and not peered(self, group.vpc_id, peer.vpc_id):
                    raise _ec2_error("InvalidGroup.NotFound", "You have specified two resources that belong to different networks.")
            return authorize(self, group_name_or_id, *args, **kwargs)

        return handler

    SecurityGroupBackend.authorize_security_group_ingress = same_network(SecurityGroupBackend.authorize_security_group_ingress)
    SecurityGroupBackend.authorize_security_group_egress = same_network(SecurityGroupBackend.authorize_security_group_egress)

    # --- DeleteSubnet --------------------------------------------------------------------
    original_delete_subnet = SubnetBackend.delete_subnet

    def delete_subnet(self: Any, subnet_id: str) -> Any:
        if any(subnet_id in subnets for subnets in self.subnets.values()) and subnet_dependents(self, subnet_id):
            raise _dependency(f"The subnet '{subnet_id}' has dependencies and cannot be deleted.")
        return original_delete_subnet(self, subnet_id)

    SubnetBackend.delete_subnet = delete_subnet

    # --- DeleteVpc / CreateVpc -------------------------------------------------------------
    original_delete_vpc = VPCBackend.delete_vpc

    def delete_vpc(self: Any, vpc_id: str) -> Any:
        if vpc_id in self.vpcs and (vpc_dependents(self, vpc_id) or self.describe_subnets(filters={"vpc-id": vpc_id})):
            raise _dependency(f"The vpc '{vpc_id}' has dependencies and cannot be deleted.")
        return original_delete_vpc(self, vpc_id)

    VPCBackend.delete_vpc = delete_vpc

    original_create_vpc = VPCBackend.create_vpc

    def create_vpc(self: Any, *args: Any, **kwargs: Any) -> Any:
        vpc = original_create_vpc(self, *args, **kwargs)
        if _api_create.get():
            vpc._eksup_api_created_at = utcnow()
        return vpc

    VPCBackend.create_vpc = create_vpc

    # --- DetachInternetGateway ----------------------------------------------------------
    original_detach = InternetGatewayBackend.detach_internet_gateway

    def detach_internet_gateway(self: Any, internet_gateway_id: str, vpc_id: str) -> None:
        igw = self.get_internet_gateway(internet_gateway_id)
        if igw.vpc is not None and igw.vpc.id == vpc_id and mapped_public_addresses(self, vpc_id):
            raise _dependency(
                f"Network {vpc_id} has some mapped public address(es). "
                "Please unmap those public address(es) before detaching the gateway."
            )
        return original_detach(self, internet_gateway_id, vpc_id)

    InternetGatewayBackend.detach_internet_gateway = detach_internet_gateway

    # --- ReleaseAddress --------------------------------------------------------------------
    original_release = ElasticAddressBackend.release_address

    def release_address(self: Any, address: str | None = None, allocation_id: str | None = None) -> None:
        sweep(self)
        eips = self.address_by_ip([address]) if address else self.address_by_allocation([allocation_id])
        eip = eips[0]
        eni = eip.eni or (eip.instance.nics.get(0) if eip.instance is not None else None)
        in_default_vpc = eni is not None and eni.subnet is not None and getattr(self.get_vpc(eni.subnet.vpc_id), "is_default", False)
        if (eip.eni is not None or eip.instance is not None or eip.association_id) and not in_default_vpc:
            raise _ec2_error("InvalidIPAddress.InUse", f"Address {eip.public_ip} is in use.")
        return original_release(self, address=address, allocation_id=allocation_id)

    ElasticAddressBackend.release_address = release_address

    # --- NAT gateway ENIs look like AWS's ----------------------------------------------------
    original_create_nat = NatGatewayBackend.create_nat_gateway

    def create_nat_gateway(self: Any, *args: Any, **kwargs: Any) -> Any:
        nat = original_create_nat(self, *args, **kwargs)
        eni = nat._eni
        eni.description = f"Interface for NAT Gateway {nat.id}"
        eni.interface_type = "nat_gateway"
        eni.requester_managed = True
        eni.requester_id = "amazon-nat-gateway"  # not an account: AWS shows a service principal id
        eni.status = "in-use"
        eni._group_set = []  # NAT gateway ENIs have no security groups
        return nat

    NatGatewayBackend.create_nat_gateway = create_nat_gateway

    # --- Instances: ENIs and EIPs at termination --------------------------------------------
    original_prep_nics = Instance.prep_nics

    def prep_nics(self: Any, nic_spec: list[dict[str, Any]], *args: Any, **kwargs: Any) -> None:
        given = {int(n.get("DeviceIndex", 0)): n for n in nic_spec or []}
        original_prep_nics(self, nic_spec, *args, **kwargs)
        for index, eni in self.nics.items():
            spec = given.get(index, {})
            if spec.get("NetworkInterfaceId"):
                continue
            explicit = spec.get("DeleteOnTermination")
            # AWS: an ENI created at launch is deleted with the instance unless told otherwise.
            eni.delete_on_termination = explicit is None or str(explicit).lower() == "true"

    Instance.prep_nics = prep_nics

    original_terminate = Instance.terminate

    def terminate(self: Any) -> Any:
        backend = self.ec2_backend
        for eip in backend.addresses:
            if eip.instance is self or (eip.eni is not None and eip.eni in self.nics.values()):
                backend.disassociate_address(address=eip.public_ip)
        # Delete the ENIs ourselves: moto's ENI delete frees the private IP, and moto's next
        # instance would get it at once (AWS does not reuse it right away; the Kubernetes
        # stand-in names nodes after it).
        doomed = [eni for eni in self.nics.values() if eni.delete_on_termination]
        for eni in doomed:
            eni.delete_on_termination = False
        previous = original_terminate(self)
        for eni in self.nics.values():
            if any(eni is d for d in doomed):
                backend.enis.pop(eni.id, None)
            elif eni.id in backend.enis and eni.instance is self:
                eni.instance = None
                eni.attachment_id = None
                eni.attach_time = None
                eni.status = "available"
        return previous

    Instance.terminate = terminate

    # --- DescribeNetworkInterfaces filters ----------------------------------------------------
    original_filter_value = NetworkInterface.get_filter_value

    def get_filter_value(self: Any, filter_name: str, method_name: str | None = None) -> Any:
        if filter_name == "status":
            return self.status
        if filter_name == "interface-type":
            return self.interface_type
        if filter_name == "requester-managed":
            return str(bool(self.requester_managed)).lower()
        if filter_name == "requester-id":
            return self.requester_id
        if filter_name == "attachment.status":
            attachment = self.attachment
            return getattr(attachment, "status", None) if attachment is not None else None
        if filter_name == "owner-id":
            return self.owner_id
        if filter_name == "group-id":
            return [g.id for g in self.group_set]
        if filter_name == "group-name":
            return [g.name for g in self.group_set]
        if filter_name == "association.public-ip":
            return self.public_ip
        return original_filter_value(self, filter_name, method_name)

    NetworkInterface.get_filter_value = get_filter_value

    original_get_all = NetworkInterfaceBackend.get_all_network_interfaces

    def get_all_network_interfaces(self: Any, *args: Any, **kwargs: Any) -> Any:
        sweep(self)
        return original_get_all(self, *args, **kwargs)

    NetworkInterfaceBackend.get_all_network_interfaces = get_all_network_interfaces

    global ElbNetworkInterface

    class ElbNetworkInterface(NetworkInterface):
        """A requester-managed ENI of a load balancer (attached, owned by amazon-elb)."""

        __module__ = "moto.ec2.eksup_strict"  # moto's model registry keys classes by moto.<service>

        @property
        def attachment(self) -> Any:  # type: ignore[override]
            return types.SimpleNamespace(
                attachment_id=self.__dict__.get("_eksup_attachment_id"),
                attach_time=self.__dict__.get("_eksup_attach_time"),
                delete_on_termination=False,
                device_index=1,
                network_card_index=0,
                instance_id=None,
                instance_owner_id="amazon-elb",
                status="attached",
            )


ElbNetworkInterface: Any = None


# ---------------------------------------------------------------------------------------
# EC2 response patches: eventual consistency, in-use ENIs, RunInstances profiles
# ---------------------------------------------------------------------------------------
def _patch_subnet_ipv6(subnets_responses: Any) -> None:
    """Rule 0: IPv6 blocks of subnets and their hostname type."""
    import ipaddress

    import moto.ec2.models.vpcs as vpcs
    from moto.ec2.models.subnets import Subnet
    from moto.ec2.responses.subnets import Subnets

    # AWS writes IPv6 blocks in their canonical form (`2600:1f14:abc:de00::/56`); moto kept
    # leading zeros (`2600:1f14:0abc:de00::/56`).
    random_block = vpcs.random_ipv6_cidr
    vpcs.random_ipv6_cidr = lambda: str(ipaddress.IPv6Network(random_block()))

    # moto nests the state's dict inside `state` (`<state><State>associated</State></state>`),
    # which clients read as no state: AWS answers `ipv6CidrBlockState.state = associated`.
    def association_set(self: Any) -> list[dict[str, Any]]:
        return [
            {
                "ipv6CidrBlock": a["ipv6CidrBlock"],
                "associationId": a["associationId"],
                "ipv6CidrBlockState": {"state": a["ipv6CidrBlockState"]["State"]},
            }
            for a in self.ipv6_cidr_block_associations.values()
            if a["ipv6CidrBlockState"]["State"] == "associated"
        ]

    Subnet.ipv6_cidr_block_association_set = property(association_set)  # type: ignore[method-assign]

    original_associate = Subnets.associate_subnet_cidr_block

    def associate_subnet_cidr_block(self: Any) -> Any:
        cidr = self._get_param("Ipv6CidrBlock") or ""
        subnet = self.ec2_backend.get_subnet(self._get_param("SubnetId"))
        try:
            net = ipaddress.IPv6Network(cidr)
        except ValueError:
            raise _ec2_error("InvalidParameterValue", f"Invalid value '{cidr}' for ipv6CidrBlock") from None
        if net.prefixlen != 64:
            raise _ec2_error("InvalidParameterValue", f"Invalid value '{cidr}' for ipv6CidrBlock: the prefix length must be /64")
        if any(a.get("ipv6CidrBlockState", {}).get("State") == "associated" for a in subnet.ipv6_cidr_block_associations.values()):
            raise _ec2_error("InvalidParameterValue", f"The subnet '{subnet.id}' already has an IPv6 CIDR block")
        vpc = self.ec2_backend.vpcs.get(subnet.vpc_id)
        blocks = [ipaddress.IPv6Network(a["cidr_block"]) for a in (vpc.get_cidr_block_association_set(ipv6=True) if vpc else [])]
        if not any(net.subnet_of(b) for b in blocks):
            raise _ec2_error("InvalidSubnet.Range", f"The CIDR '{cidr}' is invalid.")
        for other in self.ec2_backend.describe_subnets(filters={"vpc-id": subnet.vpc_id}):
            for a in other.ipv6_cidr_block_associations.values():
                associated = a.get("ipv6CidrBlockState", {}).get("State") == "associated"
                if other.id != subnet.id and associated and ipaddress.IPv6Network(a["ipv6CidrBlock"]).overlaps(net):
                    raise _ec2_error("InvalidSubnet.Conflict", f"The CIDR '{cidr}' conflicts with another subnet")
        return original_associate(self)

    Subnets.associate_subnet_cidr_block = associate_subnet_cidr_block

    original_modify = Subnets.modify_subnet_attribute

    def modify_subnet_attribute(self: Any) -> Any:
        hostname = self._get_param("PrivateDnsHostnameTypeOnLaunch")
        if hostname is not None:
            if hostname not in ("ip-name", "resource-name"):
                raise _ec2_error("InvalidParameterValue", f"Invalid value '{hostname}' for PrivateDnsHostnameTypeOnLaunch")
            subnet = self.ec2_backend.get_subnet(self._get_param("SubnetId"))
            subnet.private_dns_name_options_on_launch["HostnameType"] = hostname
        return original_modify(self)

    Subnets.modify_subnet_attribute = modify_subnet_attribute


def _patch_ec2_responses(responses: Any) -> None:
    from moto.ec2.responses.elastic_network_interfaces import ElasticNetworkInterfaces
    from moto.ec2.responses.instances import InstanceResponse
    from moto.ec2.responses.security_groups import SecurityGroups
    from moto.ec2.responses.vpcs import VPCs

    def api_create(cls: type, name: str) -> None:
        original = getattr(cls, name)

        def handler(self: Any) -> Any:
            token = _api_create.set(True)
            try:
                return original(self)
            finally:
                _api_create.reset(token)

        setattr(cls, name, handler)

    api_create(SecurityGroups, "create_security_group")
    api_create(VPCs, "create_vpc")

    def group_visible(cls: type, name: str) -> None:
        original = getattr(cls, name)

        def handler(self: Any) -> Any:
            group_id = self._get_param("GroupId")
            group = self.ec2_backend.get_security_group_from_id(group_id) if group_id else None
            if group is not None and _young(group.__dict__.get("_eksup_api_created_at"), "MOTO_EC2_NOT_FOUND_SECONDS"):
                raise _ec2_error("InvalidGroup.NotFound", f"The security group '{group_id}' does not exist")
            return original(self)

        setattr(cls, name, handler)

    group_visible(SecurityGroups, "authorize_security_group_ingress")
    group_visible(SecurityGroups, "authorize_security_group_egress")

    def vpc_visible(cls: type, name: str) -> None:
        original = getattr(cls, name)

        def handler(self: Any) -> Any:
            vpc_id = self._get_param("VpcId")
            vpc = self.ec2_backend.vpcs.get(vpc_id) if vpc_id else None
            if vpc is not None and _young(vpc.__dict__.get("_eksup_api_created_at"), "MOTO_EC2_NOT_FOUND_SECONDS"):
                raise _ec2_error("InvalidVpcID.NotFound", f"The vpc ID '{vpc_id}' does not exist")
            return original(self)

        setattr(cls, name, handler)

    vpc_visible(VPCs, "describe_vpc_attribute")
    vpc_visible(VPCs, "modify_vpc_attribute")

    original_delete_eni = ElasticNetworkInterfaces.delete_network_interface

    def delete_network_interface(self: Any) -> Any:
        eni_id = self._get_param("NetworkInterfaceId")
        sweep(self.ec2_backend)
        eni = self.ec2_backend.enis.get(eni_id)
        if eni is not None and (eni.status == "in-use" or eni.attachment is not None):
            raise _ec2_error("InvalidParameterValue", f"Network interface '{eni_id}' is currently in use.")
        return original_delete_eni(self)

    ElasticNetworkInterfaces.delete_network_interface = delete_network_interface

    original_run_instances = InstanceResponse.run_instances

    def run_instances(self: Any) -> Any:
        name, arn = self._get_param("IamInstanceProfile.Name"), self._get_param("IamInstanceProfile.Arn")
        spec = None
        if name or arn:
            spec = {"Name": name} if name else {"Arn": arn}
        else:
            lt = self._get_param("LaunchTemplate") or {}
            spec = _launch_template_profile(self.ec2_backend, lt.get("LaunchTemplateId"), lt.get("LaunchTemplateName"), lt.get("Version"))
        if spec:
            problem = _profile_problem(self.current_account, self.partition, spec)
            if problem:
                raise _ec2_error("InvalidParameterValue", problem)
        return original_run_instances(self)

    InstanceResponse.run_instances = run_instances

    from moto.ec2.responses.launch_templates import LaunchTemplates

    original_create_version = LaunchTemplates.create_launch_template_version

    def create_launch_template_version(self: Any) -> Any:
        """AWS: with ``SourceVersion`` the new version starts from that version's data, and what
        the request gives replaces it key by key (moto ignored SourceVersion: the new version had
        only the keys of the request, e.g. an image without its user data or profile)."""
        source = self._get_param("SourceVersion")
        if not source:
            return original_create_version(self)
        name, template_id = self._get_param("LaunchTemplateName"), self._get_param("LaunchTemplateId")
        try:
            template = self.ec2_backend.get_launch_template(template_id) if template_id else \
                self.ec2_backend.get_launch_template_by_name(name)
        except Exception:
            raise _ec2_error("InvalidLaunchTemplateId.NotFound", f"The specified launch template, with template ID {template_id or name}, does not exist.")
        try:
            base = template.get_version(source)
        except Exception:
            base = None
        if base is None:
            raise _ec2_error("InvalidLaunchTemplateId.VersionNotFound", f"Could not find launch template version {source} for launch template {template.id}.")
        merged = copy.deepcopy(base.data)
        merged.update(self._get_param("LaunchTemplateData", {}) or {})
        version = template.create_version(merged, self._get_param("VersionDescription"))
        return ActionResult({"LaunchTemplateVersion": {
            "CreateTime": version.create_time, "CreatedBy": f"arn:{self.partition}:iam::{self.current_account}:root",
            "DefaultVersion": template.is_default(version), "LaunchTemplateData": version.data,
            "LaunchTemplateId": template.id, "LaunchTemplateName": template.name,
            "VersionDescription": version.description, "VersionNumber": version.number}})

    LaunchTemplates.create_launch_template_version = create_launch_template_version


# ---------------------------------------------------------------------------------------
# IAM: propagation timestamps
# ---------------------------------------------------------------------------------------
def _patch_iam(iam_models: Any) -> None:
    Role, IAMBackend = iam_models.Role, iam_models.IAMBackend

    def get(self: Any) -> Any:
        return self.__dict__.get("_eksup_trust_document")

    def set_(self: Any, value: Any) -> None:
        if self.__dict__.get("_eksup_trust_document") != value:
            self.__dict__["_eksup_trust_changed_at"] = utcnow()
        self.__dict__["_eksup_trust_document"] = value

    Role.assume_role_policy_document = property(get, set_)

    original_add_role = IAMBackend.add_role_to_instance_profile

    def add_role_to_instance_profile(self: Any, profile_name: str, role_name: str) -> None:
        original_add_role(self, profile_name, role_name)
        self.get_instance_profile(profile_name)._eksup_role_added_at = utcnow()

    IAMBackend.add_role_to_instance_profile = add_role_to_instance_profile

    # Trust in an OIDC provider that does not exist, and inline policies over the size limit.
    from moto.iam.exceptions import LimitExceededException, MalformedPolicyDocument

    def check_federated(backend: Any, document: str) -> None:
        try:
            doc = json.loads(unquote(document)) if isinstance(document, str) else document
        except ValueError:
            return  # moto's validator answers malformed JSON itself
        statements = doc.get("Statement", []) if isinstance(doc, dict) else []
        for statement in statements if isinstance(statements, list) else [statements]:
            principal = statement.get("Principal") if isinstance(statement, dict) else None
            federated = principal.get("Federated") if isinstance(principal, dict) else None
            for arn in [federated] if isinstance(federated, str) else federated or []:
                if ":oidc-provider/" in arn and arn not in backend.open_id_providers:
                    raise MalformedPolicyDocument(f'Invalid principal in policy: "Federated":"{arn}"')

    original_create_role = IAMBackend.create_role

    def create_role(self: Any, role_name: str, assume_role_policy_document: str, *args: Any, **kwargs: Any) -> Any:
        check_federated(self, assume_role_policy_document)
        return original_create_role(self, role_name, assume_role_policy_document, *args, **kwargs)

    IAMBackend.create_role = create_role
    original_update_trust = IAMBackend.update_assume_role_policy

    def update_assume_role_policy(self: Any, role_name: str, policy_document: str) -> None:
        check_federated(self, policy_document)
        original_update_trust(self, role_name, policy_document)

    IAMBackend.update_assume_role_policy = update_assume_role_policy
    original_put_role_policy = IAMBackend.put_role_policy

    def put_role_policy(self: Any, role_name: str, policy_name: str, policy_json: str) -> None:
        role = self.get_role(role_name)
        others = {n: d for n, d in role.policies.items() if n != policy_name}
        size = sum(len("".join(str(d).split())) for d in [*others.values(), policy_json])
        if size > ROLE_INLINE_POLICY_LIMIT:
            raise LimitExceededException(f"Maximum policy size of {ROLE_INLINE_POLICY_LIMIT} bytes exceeded for role {role_name}")
        original_put_role_policy(self, role_name, policy_name, policy_json)

    IAMBackend.put_role_policy = put_role_policy


# AWS: a role's inline policies together hold at most 10,240 characters, whitespace not counted
# (IAM and AWS STS quotas, "Role policy size").
ROLE_INLINE_POLICY_LIMIT = 10240


def _iam(account: str, partition: str) -> Any:
    from moto.iam.models import iam_backends

    return iam_backends[account][partition]


def _profile_problem(account: str, partition: str, spec: dict[str, str]) -> str | None:
    """Why `spec` ({"Arn": ...} or {"Name": ...}) cannot be used yet, or None."""
    by_arn = bool(spec.get("Arn"))
    value = spec.get("Arn") or spec.get("Name") or ""
    if by_arn:
        parts = value.split(":")
        account = parts[4] if len(parts) > 5 and parts[4] else account
    iam = _iam(account, partition)
    try:
        profile = iam.get_instance_profile_by_arn(value) if by_arn else iam.get_instance_profile(value)
    except Exception:
        profile = None
    stamp = None
    if profile is not None:
        stamp = max(profile.create_date, profile.__dict__.get("_eksup_role_added_at") or profile.create_date)
    if profile is None or _young(stamp, "MOTO_INSTANCE_PROFILE_PROPAGATION_SECONDS"):
        if by_arn:
            return f"Value ({value}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN"
        return f"Value ({value}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name"
    return None


def _launch_template_profile(ec2: Any, template_id: str | None, template_name: str | None, version: Any) -> dict[str, str] | None:
    try:
        template = ec2.get_launch_template(template_id) if template_id else ec2.get_launch_template_by_name(template_name)
        data = template.get_version(version or "$Default").data
    except Exception:  # unknown template or version: moto answers that itself
        return None
    profile = data.get("IamInstanceProfile") or {}
    return profile if (profile.get("Arn") or profile.get("Name")) else None


# ---------------------------------------------------------------------------------------
# Auto Scaling: instance profile propagation
# ---------------------------------------------------------------------------------------
def _patch_autoscaling(asg_responses: Any) -> None:
    """Checked on the API call only (EKS's own managed-nodegroup ASGs are not affected)."""
    from moto.autoscaling.exceptions import AutoscalingClientError, ValidationError
    from moto.utilities.utils import get_partition

    Response = asg_responses.AutoScalingResponse
    original = Response.create_auto_scaling_group

    class AlreadyExists(AutoscalingClientError):
        code = "AlreadyExists"

    def create_auto_scaling_group(self: Any) -> Any:
        # AWS refuses a second group of the same name; moto replaced the group and orphaned the
        # first one's instances (a create retried after a lost answer left a running node).
        name = self._get_param("AutoScalingGroupName")
        if name in self.autoscaling_backend.autoscaling_groups:
            raise AlreadyExists(f"AutoScalingGroup by this name already exists - A group with the name {name} already exists")
        template = self._get_param("LaunchTemplate") or {}
        mixed = self._get_param("MixedInstancesPolicy") or {}
        if not template and mixed:
            template = (mixed.get("LaunchTemplate") or {}).get("LaunchTemplateSpecification") or {}
        if template:
            backend = self.autoscaling_backend
            spec = _launch_template_profile(backend.ec2_backend, template.get("LaunchTemplateId"),
                                            template.get("LaunchTemplateName"), template.get("Version"))
            if spec:
                problem = _profile_problem(backend.account_id, get_partition(backend.region_name), spec)
                if problem:
                    raise ValidationError(f"You must use a valid fully-formed launch template. {problem}")
        return original(self)

    Response.create_auto_scaling_group = create_auto_scaling_group


# ---------------------------------------------------------------------------------------
# EKS: role checks and propagation
# ---------------------------------------------------------------------------------------
REQUIRED_NODE_POLICIES = ("AmazonEKSWorkerNodePolicy", ("AmazonEC2ContainerRegistryReadOnly", "AmazonEC2ContainerRegistryPullOnly"))


def _trusts(document: Any, service: str) -> bool:
    """Whether a trust policy lets `service` call sts:AssumeRole."""
    from urllib.parse import unquote

    if isinstance(document, str):
        try:
            document = json.loads(document)
        except ValueError:
            try:
                document = json.loads(unquote(document))
            except ValueError:
                return False
    if not isinstance(document, dict):
        return False
    statements = document.get("Statement") or []
    if isinstance(statements, dict):
        statements = [statements]
    for statement in statements:
        if not isinstance(statement, dict) or statement.get("Effect") != "Allow":
            continue
        principal = statement.get("Principal") or {}
        services = principal.get("Service") if isinstance(principal, dict) else None
        services = [services] if isinstance(services, str) else (services or [])
        actions = statement.get("Action") or []
        actions = [actions] if isinstance(actions, str) else actions
        if service in services and any(a in ("sts:AssumeRole", "sts:*", "*") for a in actions):
            return True
    return False


def _attached(role: Any, name: str) -> bool:
    return any(arn.endswith(f":policy/{name}") for arn in role.managed_policies)


def _role(arn: str, partition: str) -> Any:
    parts = arn.split(":")
    account = parts[4] if len(parts) > 5 else DEFAULT_ACCOUNT_ID
    try:
        return _iam(account, partition).get_role_by_arn(arn)
    except Exception:
        return None


def _check_eks_role(backend: Any, arn: str, kind: str, cluster: str) -> None:
    from moto.eks.exceptions import InvalidParameterException

    def invalid(message: str) -> Exception:
        return InvalidParameterException(clusterName=cluster, nodegroupName=None, fargateProfileName=None, addonName=None, message=message)

    assume = f"Role with arn: {arn}, could not be assumed because it does not exist or the trusted entity is not correct"
    role = _role(arn, backend.partition)
    if KNOBS.eks_role_checks:
        if role is None:
            raise invalid(assume)
        if kind == "cluster" and not _trusts(role.assume_role_policy_document, "eks.amazonaws.com"):
            raise invalid(assume)
        if kind == "nodegroup" and not _trusts(role.assume_role_policy_document, "ec2.amazonaws.com"):
            raise invalid(f"Following required service principals [ec2.amazonaws.com] were not found in the trust relationships of nodeRole {arn}")
        if kind == "fargate" and not _trusts(role.assume_role_policy_document, "eks-fargate-pods.amazonaws.com"):
            raise invalid("Misconfigured PodExecutionRole Trust Policy; Please add the eks-fargate-pods.amazonaws.com Service Principal")
    if role is not None:
        changed = role.__dict__.get("_eksup_trust_changed_at") or role.create_date
        if _young(max(role.create_date, changed), "MOTO_IAM_ROLE_PROPAGATION_SECONDS"):
            raise invalid(assume)
    if KNOBS.eks_role_checks and role is not None:
        prefix = f"arn:{backend.partition}:iam::aws:policy/"
        if kind == "cluster" and not _attached(role, "AmazonEKSClusterPolicy"):
            raise invalid("The provided role doesn't have the Amazon EKS Managed Policies associated with it. "
                          f"Please ensure the following policy is attached: {prefix}AmazonEKSClusterPolicy")
        if kind == "nodegroup":
            worker, registry = REQUIRED_NODE_POLICIES
            if not _attached(role, worker) or not any(_attached(role, p) for p in registry):
                raise invalid("The provided role doesn't have the Amazon EKS Managed Policies associated with it. "
                              f"Please ensure the following policies [{prefix}{worker}, {prefix}{registry[0]}] are attached")


def _patch_eks() -> None:
    from moto.eks import models as eks_models
    from moto.eks.models import EKSBackend

    original_cluster = EKSBackend.create_cluster

    def create_cluster(self: Any, *args: Any, **kwargs: Any) -> Any:
        name = kwargs.get("name", args[0] if args else None)
        role_arn = kwargs.get("role_arn", args[1] if len(args) > 1 else None)
        if name not in self.clusters and role_arn:
            eks_models.validate_role_arn(role_arn)
            _check_eks_role(self, role_arn, "cluster", name)
        return original_cluster(self, *args, **kwargs)

    EKSBackend.create_cluster = create_cluster

    original_nodegroup = EKSBackend.create_nodegroup

    def create_nodegroup(self: Any, *args: Any, **kwargs: Any) -> Any:
        cluster_name = kwargs.get("cluster_name", args[0] if args else None)
        cluster = self.clusters.get(cluster_name)
        role = kwargs.get("node_role")
        if cluster is not None and role and kwargs.get("nodegroup_name") not in cluster.nodegroups:
            _check_eks_role(self, role, "nodegroup", cluster_name)
        return original_nodegroup(self, *args, **kwargs)

    EKSBackend.create_nodegroup = create_nodegroup

    original_fargate = EKSBackend.create_fargate_profile

    def create_fargate_profile(self: Any, *args: Any, **kwargs: Any) -> Any:
        cluster_name = kwargs.get("cluster_name")
        cluster = self.clusters.get(cluster_name)
        role = kwargs.get("pod_execution_role_arn")
        if cluster is not None and role and kwargs.get("fargate_profile_name") not in cluster.fargate_profiles:
            _check_eks_role(self, role, "fargate", cluster_name)
        return original_fargate(self, *args, **kwargs)

    EKSBackend.create_fargate_profile = create_fargate_profile


# ---------------------------------------------------------------------------------------
# Load balancers: ENIs
# ---------------------------------------------------------------------------------------
def _lb_enis(ec2: Any, subnets: list[Any], groups: list[str], description: str, interface_type: str,
             public: bool, owner: str) -> list[Any]:
    from moto.ec2.utils import random_eni_attach_id, random_public_ip

    enis = []
    for subnet in subnets:
        eni = ElbNetworkInterface(ec2, subnet, None, group_ids=list(groups) or None, description=description)
        if not groups:
            eni._group_set = []
        eni.interface_type = interface_type
        eni.requester_managed = True
        eni.requester_id = "amazon-elb"
        eni.status = "in-use"
        eni._eksup_attachment_id = random_eni_attach_id().replace("eni-attach-", "ela-attach-")
        eni._eksup_attach_time = utcnow()
        eni._eksup_lb = owner
        if public:
            eni.public_ip = random_public_ip()
        ec2.enis[eni.id] = eni
        enis.append(eni)
    return enis


def _release_lb_enis(ec2: Any, owner: str) -> None:
    delay = KNOBS["MOTO_ELB_ENI_RELEASE_SECONDS"]
    release_at = utcnow() + datetime.timedelta(seconds=delay)
    for eni in list(ec2.enis.values()):
        if eni.__dict__.get("_eksup_lb") == owner and eni.__dict__.get("_eksup_release_at") is None:
            eni._eksup_release_at = release_at
    sweep(ec2)


def _patch_elbv2(elbv2_models: Any) -> None:
    Backend = elbv2_models.ELBv2Backend
    original_create = Backend.create_load_balancer

    def create_load_balancer(self: Any, *args: Any, **kwargs: Any) -> Any:
        lb = original_create(self, *args, **kwargs)
        if lb.type == "network" and "/app/" in lb.arn:  # AWS: loadbalancer/net/<name>/<id>
            old = lb.arn
            lb.arn = old.replace(":loadbalancer/app/", ":loadbalancer/net/")
            self.load_balancers = type(self.load_balancers)((lb.arn if k == old else k, v) for k, v in self.load_balancers.items())
            self.tagging_service.copy_tags(old, lb.arn)
            self.tagging_service.delete_all_tags_for_resource(old)
        kind = "net" if lb.type == "network" else ("gwy" if lb.type == "gateway" else "app")
        lb_id = lb.arn.rsplit("/", 1)[-1]
        interface_type = {"network": "network_load_balancer", "gateway": "gateway_load_balancer"}.get(lb.type, "interface")
        _lb_enis(self.ec2_backend, lb.subnets, lb.security_groups or [], f"ELB {kind}/{lb.name}/{lb_id}",
                 interface_type, lb.scheme != "internal", lb.arn)
        return lb

    Backend.create_load_balancer = create_load_balancer

    original_delete = Backend.delete_load_balancer

    def delete_load_balancer(self: Any, arn: str) -> None:
        existed = arn in self.load_balancers
        original_delete(self, arn)
        if existed:
            _release_lb_enis(self.ec2_backend, arn)

    Backend.delete_load_balancer = delete_load_balancer


def _patch_elb(elb_models: Any) -> None:
    Backend = elb_models.ELBBackend
    original_create = Backend.create_load_balancer

    def create_load_balancer(self: Any, *args: Any, **kwargs: Any) -> Any:
        lb = original_create(self, *args, **kwargs)
        ec2 = _ec2_backend(self.account_id, self.region_name)
        subnets = [ec2.get_subnet(s) for s in lb.subnets]
        _lb_enis(ec2, subnets, lb.security_groups or [], f"ELB {lb.name}", "interface",
                 lb.scheme != "internal", f"elb:{lb.name}")
        return lb

    Backend.create_load_balancer = create_load_balancer

    original_delete = Backend.delete_load_balancer

    def delete_load_balancer(self: Any, load_balancer_name: str) -> None:
        existed = load_balancer_name in self.load_balancers
        original_delete(self, load_balancer_name)
        if existed:
            _release_lb_enis(_ec2_backend(self.account_id, self.region_name), f"elb:{load_balancer_name}")

    Backend.delete_load_balancer = delete_load_balancer


# ---------------------------------------------------------------------------------------
# Test routes: Kubernetes controllers
# ---------------------------------------------------------------------------------------
class RouteError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _cluster_network(body: dict[str, Any]) -> tuple[Any, Any, str, str, str]:
    """(ec2 backend, cluster, vpc id, cluster SG id, region) of body["cluster"]."""
    from moto.eks.models import eks_backends

    name = body.get("cluster")
    if not isinstance(name, str) or not name:
        raise RouteError(400, '"cluster" is required')
    region = body.get("region") or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
    account = body.get("account") or DEFAULT_ACCOUNT_ID
    cluster = eks_backends[account][region].clusters.get(name)
    if cluster is None:
        raise RouteError(404, f"no EKS cluster {name} in {region}")
    ec2 = _ec2_backend(account, region)
    vpc_config = cluster.resources_vpc_config or {}
    vpc_id = vpc_config.get("vpcId")
    if not vpc_id:
        subnet_ids = vpc_config.get("subnetIds") or []
        if not subnet_ids:
            raise RouteError(400, f"cluster {name} has no subnets")
        vpc_id = ec2.get_subnet(subnet_ids[0]).vpc_id
    return ec2, cluster, vpc_id, vpc_config.get("clusterSecurityGroupId") or "", region


def _tags(resource: Any) -> dict[str, str]:
    return dict(resource.ec2_backend.tags.get(resource.id, {}))


def _elb_subnets(ec2: Any, vpc_id: str, cluster: str, internal: bool) -> list[Any]:
    role = "kubernetes.io/role/internal-elb" if internal else "kubernetes.io/role/elb"
    candidates = [s for s in ec2.describe_subnets(filters={"vpc-id": [vpc_id]}) if _tags(s).get(role) in ("1", "")]
    # Prefer subnets tagged for this cluster, then by id; one per AZ.
    own = f"kubernetes.io/cluster/{cluster}"
    candidates.sort(key=lambda s: (own not in _tags(s), s.id))
    chosen: dict[str, Any] = {}
    for subnet in candidates:
        chosen.setdefault(subnet.availability_zone, subnet)
    return [chosen[az] for az in sorted(chosen)]


def kubernetes_load_balancer(body: dict[str, Any]) -> dict[str, Any]:
    ec2, cluster, vpc_id, cluster_sg, region = _cluster_network(body)
    kind = body.get("kind") or "nlb"
    if kind not in ("nlb", "alb", "classic"):
        raise RouteError(400, '"kind" must be one of nlb, alb, classic')
    service = body.get("service") or ""
    if service.count("/") != 1 or not all(service.split("/")):
        raise RouteError(400, '"service" must look like "<namespace>/<name>"')
    namespace, svc = service.split("/")
    scheme = body.get("scheme") or "internet-facing"
    if scheme not in ("internet-facing", "internal"):
        raise RouteError(400, '"scheme" must be internet-facing or internal')
    ports = [int(p) for p in (body.get("ports") or [80])]
    subnets = _elb_subnets(ec2, vpc_id, cluster.name, scheme == "internal")
    if not subnets or (kind == "alb" and len(subnets) < 2):
        role = "internal-elb" if scheme == "internal" else "elb"
        raise RouteError(400, f"no subnets tagged kubernetes.io/role/{role} in {vpc_id} (an ALB needs two AZs)")
    digest = hashlib.sha256(f"{cluster.name}/{service}/{kind}".encode()).hexdigest()
    if kind == "classic":
        lb_name = "a" + digest[:31]
        sg_name = f"k8s-elb-{lb_name}"
        sg_description = f"Security group for Kubernetes ELB {lb_name} ({service})"
        sg_tags = {f"kubernetes.io/cluster/{cluster.name}": "owned"}
    else:
        lb_name = f"k8s-{namespace[:8]}-{svc[:8]}-{digest[:10]}"
        sg_name = lb_name
        sg_description = "[k8s] Managed SecurityGroup for LoadBalancer"
        sg_tags = {"elbv2.k8s.aws/cluster": cluster.name, "elbv2.k8s.aws/resource": "ManagedLBSecurityGroup",
                   "service.k8s.aws/stack": service}

    existing = _existing_kubernetes_lb(ec2, kind, lb_name)
    if existing is not None:
        return existing

    group = ec2.get_security_group_from_name(sg_name, vpc_id) or ec2.create_security_group(
        name=sg_name, description=sg_description, vpc_id=vpc_id, tags=sg_tags)
    for port in ports:
        try:
            ec2.authorize_security_group_ingress(group_name_or_id=group.id, ip_protocol="tcp", from_port=str(port),
                                                 to_port=str(port), ip_ranges=[{"CidrIp": "0.0.0.0/0"}], vpc_id=vpc_id)
        except Exception:  # the rule exists (a re-run)
            pass
    if cluster_sg:
        protocol, low, high = ("-1", None, None) if kind == "classic" else ("tcp", "0", "65535")
        try:
            ec2.authorize_security_group_ingress(group_name_or_id=cluster_sg, ip_protocol=protocol, from_port=low, to_port=high,
                                                 ip_ranges=[], source_groups=[{"GroupId": group.id, "UserId": ec2.account_id}],
                                                 vpc_id=vpc_id)
        except Exception:
            pass

    if kind == "classic":
        from moto.elb.models import elb_backends

        elb = elb_backends[ec2.account_id][region]
        listeners = [{"Protocol": "TCP", "LoadBalancerPort": p, "InstancePort": 30000 + p % 2768} for p in ports]
        lb = elb.create_load_balancer(name=lb_name, zones=[], ports=listeners, scheme=scheme,
                                      subnets=[s.id for s in subnets], security_groups=[group.id])
        lb.tags.update({f"kubernetes.io/cluster/{cluster.name}": "owned", "kubernetes.io/service-name": service})
    else:
        from moto.elbv2.models import elbv2_backends

        elbv2 = elbv2_backends[ec2.account_id][region]
        tags = {"elbv2.k8s.aws/cluster": cluster.name, "service.k8s.aws/stack": service, "service.k8s.aws/resource": "LoadBalancer"}
        if kind == "alb":
            tags = {"elbv2.k8s.aws/cluster": cluster.name, "ingress.k8s.aws/stack": service, "ingress.k8s.aws/resource": "LoadBalancer"} | tags
        elbv2.create_load_balancer(name=lb_name, security_groups=[group.id], subnet_ids=[s.id for s in subnets], scheme=scheme,
                                   loadbalancer_type="application" if kind == "alb" else "network",
                                   tags=[{"Key": k, "Value": v} for k, v in tags.items()])
    result = _existing_kubernetes_lb(ec2, kind, lb_name)
    assert result is not None
    return result


def _existing_kubernetes_lb(ec2: Any, kind: str, lb_name: str) -> dict[str, Any] | None:
    if kind == "classic":
        if "moto.elb.models" not in sys.modules:
            return None
        lb = next((b for b in _elb_load_balancers(ec2) if b.name == lb_name), None)
        if lb is None:
            return None
        owner, arn, lb_type = f"elb:{lb.name}", None, "classic"
    else:
        lb = next((b for b in _elbv2_load_balancers(ec2) if b.name == lb_name), None)
        if lb is None:
            return None
        owner, arn, lb_type = lb.arn, lb.arn, lb.type
    group_id = (lb.security_groups or [""])[0]
    group = ec2.get_security_group_from_id(group_id) if group_id else None
    cluster_sgs = [g.id for g in _all_groups(ec2) if g.id != group_id and any(_rule_peer(r) == group_id for r in g.ingress_rules)]
    subnet_ids = [s if isinstance(s, str) else s.id for s in lb.subnets]
    result = {
        "kind": kind,
        "type": lb_type,
        "loadBalancerName": lb.name,
        "dnsName": lb.dns_name,
        "scheme": lb.scheme,
        "vpcId": lb.vpc_id,
        "subnetIds": subnet_ids,
        "securityGroupId": group_id,
        "securityGroupName": group.name if group is not None else None,
        "clusterSecurityGroupId": cluster_sgs[0] if cluster_sgs else None,
        "networkInterfaceIds": sorted(e.id for e in ec2.enis.values() if e.__dict__.get("_eksup_lb") == owner),
    }
    if arn:
        result["loadBalancerArn"] = arn
    return result


def kubernetes_leftover_enis(body: dict[str, Any]) -> dict[str, Any]:
    ec2, cluster, vpc_id, cluster_sg, _ = _cluster_network(body)
    count = int(body.get("count", 1))
    if count < 1 or count > 100:
        raise RouteError(400, '"count" must be between 1 and 100')
    subnet_ids = (cluster.resources_vpc_config or {}).get("subnetIds") or []
    subnets = [ec2.get_subnet(s) for s in subnet_ids] or ec2.describe_subnets(filters={"vpc-id": [vpc_id]})
    private = [s for s in subnets if not s.map_public_ip_on_launch and "kubernetes.io/role/elb" not in _tags(s)]
    subnets = private or subnets
    created = []
    for i in range(count):
        instance_id = "i-" + uuid.uuid4().hex[:17]
        eni = ec2.create_network_interface(
            subnets[i % len(subnets)], None, group_ids=[cluster_sg] if cluster_sg else None,
            description=f"aws-K8S-{instance_id}",
            tags={"node.k8s.amazonaws.com/instance_id": instance_id, "cluster.k8s.amazonaws.com/name": cluster.name,
                  "node.k8s.amazonaws.com/createdAt": utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")},
        )
        created.append(eni.id)
    return {"networkInterfaceIds": created}


ROUTES: dict[tuple[str, str], Callable[[dict[str, Any]], dict[str, Any]]] = {
    ("POST", "kubernetes/load-balancer"): kubernetes_load_balancer,
    ("POST", "kubernetes/leftover-enis"): kubernetes_leftover_enis,
}


def _patch_test_control() -> None:
    host = _host()
    original = host.TestControl.control

    def control(self: Any, environ: dict[str, Any], route: str) -> tuple[int, bytes]:
        handler = ROUTES.get((environ.get("REQUEST_METHOD", "GET"), route))
        if handler is None:
            return original(self, environ, route)
        length = int(environ.get("CONTENT_LENGTH") or 0)
        try:
            body = json.loads(environ["wsgi.input"].read(length) or b"{}") if length else {}
            if not isinstance(body, dict):
                raise RouteError(400, "the body must be a JSON object")
            with self.lock:
                return 200, json.dumps(handler(body)).encode()
        except RouteError as e:
            return e.status, json.dumps({"error": str(e)}).encode()
        except (ValueError, TypeError, KeyError) as e:
            return 400, json.dumps({"error": f"{type(e).__name__}: {e}"}).encode()
        except Exception as e:  # a moto error from the backends (e.g. a duplicate name)
            return 400, json.dumps({"error": f"{type(e).__name__}: {getattr(e, 'message', None) or e}"}).encode()

    host.TestControl.control = control


# ---------------------------------------------------------------------------------------
# Wiring
# ---------------------------------------------------------------------------------------
def install() -> None:
    """Apply the patches of this module (called once per process)."""
    global KNOBS
    KNOBS = Knobs()
    _register("moto.ec2.models", _patch_ec2_models)
    _register("moto.ec2.responses", _patch_ec2_responses)
    _register("moto.ec2.responses.subnets", _patch_subnet_ipv6)
    _register("moto.iam.models", _patch_iam)
    _register("moto.autoscaling.responses", _patch_autoscaling)
    _register("moto.elbv2.models", _patch_elbv2)
    _register("moto.elb.models", _patch_elb)
    _patch_eks()
    _patch_test_control()
