"""IPv6 EKS clusters in the emulator: ``kubernetesNetworkConfig.ipFamily: ipv6``, egress-only internet
gateways, IPv6 addresses of instances, and IPv6 nodes and pods on the Kubernetes side.

Installed by ``eksup_moto.install()`` (after ``eksup_moto_eks``, ``eksup_moto_k8s``, ``eksup_moto_strict``
and ``eksup_moto_zones``; before ``eksup_moto_limits``, whose ``IDEMPOTENT_EC2`` table it extends). Like
the rest of the emulator, the EC2 patches are class-level (applied when moto imports the module, see
``eksup_moto._AfterImport``) and every piece of state lives on moto's objects (network interfaces,
clusters), so ``POST /moto-api/reset`` clears it. What moto 5.2.5 already did is said in each rule.

Sources (named in the rules by their letter):

[UG]   EKS user guide "Learn about IPv6 addresses to clusters, Pods, and services" (cni-ipv6.adoc) and
       "Deploying an Amazon EKS IPv6 cluster and managed Amazon Linux nodes" (deploy-ipv6-cluster.adoc),
       awsdocs/amazon-eks-user-guide latest/ug/networking.
[API]  EKS API reference: KubernetesNetworkConfigRequest / KubernetesNetworkConfigResponse (as the SDKs'
       models document them: "You can't specify ipv6 for clusters in China Regions", "You can only specify
       ipv6 for 1.21 and later clusters", "Don't specify a value [serviceIpv4Cidr] if you select ipv6",
       "Kubernetes assigns services IPv6 addresses from the unique local address range (fc00::/7). You
       can't specify a custom IPv6 CIDR block", "The response contains a value for serviceIpv6Cidr or
       serviceIpv4Cidr, but not both").
[EC2]  EC2 API reference (botocore's ec2 model): CreateEgressOnlyInternetGateway, DescribeEgressOnly-
       InternetGateways (filters ``tag:<key>`` and ``tag-key`` only; MaxResults 5..255), RunInstances
       ``Ipv6AddressCount`` ("the number of IPv6 addresses to associate with the primary network
       interface"), ModifySubnetAttribute ``AssignIpv6AddressOnCreation`` ("network interfaces created in
       the specified subnet should be assigned an IPv6 address. This includes a network interface that's
       created when launching an instance into the subnet").
[VPC]  VPC user guide (awsdocs/amazon-vpc-user-guide): egress-only-internet-gateway.md ("for use with
       IPv6 traffic only"; "Any route in a route table that points to the deleted egress-only Internet
       gateway remains in a blackhole status until you manually delete or update the route"),
       delete-vpc.md ("Before you can delete a VPC using the command line, you must ... delete or detach
       ... egress-only internet gateways").
[CNI]  aws/amazon-vpc-cni-k8s: docs/iam-policy.md "IPv6 mode" (AssignIpv6Addresses, DescribeInstances,
       DescribeSecurityGroups, DescribeSubnets, DescribeTags, DescribeNetworkInterfaces,
       DescribeInstanceTypes, ModifyNetworkInterfaceAttribute; CreateTags on network-interface/*);
       pkg/ipamd/ipamd.go ``assignIPv6Prefix`` (DescribeNetworkInterfaces of the primary ENI, then
       AssignIpv6Addresses with Ipv6PrefixCount 1: one /80 per node, pods get addresses of it) and
       pkg/awsutils/awsutils.go ``initWithEC2Metadata`` (ipamd fails without the primary IPv6 address).
[AMI]  awslabs/amazon-eks-ami: nodeadm internal/kubelet/config.go ``getNodeIp`` (an IPv6 ``cidr`` in the
       NodeConfig makes kubelet's --node-ip the IMDS ``network/interfaces/macs/<mac>/ipv6s``) and
       templates/al2/runtime/bootstrap.sh (``--ip-family ipv6`` / ``--service-ipv6-cidr``, same IMDS read,
       DNS IP = the service CIDR's ``::a``).
[K8S]  kubernetes/cloud-provider node/helpers/address.go ``GetNodeAddressesFromNodeIP``: the node IP
       given to kubelet is "the enforced node address for that address Type", other InternalIPs go.

1. CreateCluster with ``kubernetesNetworkConfig.ipFamily`` (EKS, HTTP 400 ``InvalidParameterException``)
-------------------------------------------------------------------------------------------------------
moto 5.2.5 stores whatever it is given: ``{"ipFamily": "ipv6"}`` and no service CIDR at all. Checked here
after the cluster name, version and subnets (``eksup_moto_eks`` refuses those first), in this order:

* ``ipFamily`` other than ``ipv4`` / ``ipv6`` (the API's IpFamily enum, case-sensitive: ``IPv6`` is
  refused) -> "1 validation error detected: Value 'IPv6' at 'kubernetesNetworkConfig.ipFamily' failed to
  satisfy constraint: Member must satisfy enum value set: [ipv4, ipv6]" (AWS's validation style, as
  ``eksup_moto_eks._enum`` words it; the exact text for this field is not verified).
* ``ipv6`` in a China Region (``cn-*``) -> "ipFamily ipv6 is not supported in the China Regions" ([API];
  wording ours).
* ``ipv6`` with ``serviceIpv4Cidr`` -> "serviceIpv4Cidr can't be specified when ipFamily is ipv6" ([API]
  "Don't specify a value if you select ipv6"; wording ours).
* ``ipv6`` with a subnet that has no associated IPv6 CIDR block -> "Subnet(s) [subnet-a, subnet-b] do not
  have an IPv6 CIDR block; an ipv6 cluster's subnets must have both IPv4 and IPv6 CIDR blocks" ([API]
  "the VPC and subnets that you specify for cluster creation must have both IPv4 and IPv6 CIDR blocks";
  wording ours: AWS's could not be found).
* Kubernetes versions before 1.21 ([API]) cannot be asked for at all: the emulator supports 1.28+ only.

An IPv6 cluster then has ``kubernetesNetworkConfig`` ``{"ipFamily": "ipv6", "serviceIpv6Cidr":
"fdXX:XXXX:XXXX::/108"}`` and no ``serviceIpv4Cidr`` ([API]: one or the other, not both): a /108 of a random
RFC 4193 /48 (``fd`` + 40 random bits) per cluster, the shape AWS hands out (``fd30:3087:b6c2::/108``: the
kube-dns ClusterIP ``fd30:3087:b6c2::a`` in [UG]'s tutorial; ``fd40:6404:f93b::/108`` in eksctl's
nodebootstrap tests). ``ipv4`` (or no ``ipFamily``) keeps ``eksup_moto_eks``'s behaviour.

2. Egress-only internet gateways (EC2)
--------------------------------------
moto 5.2.5 creates, describes and deletes them, but ignores ``Filters``, ``MaxResults``, ``ClientToken``,
accepts any route destination to them, keeps routes to a deleted one ``active`` and deletes VPCs that
still have one. Added:

* **CreateEgressOnlyInternetGateway** honours ``ClientToken`` like eksup's other creates
  (``eksup_moto_limits`` rule 1: the same token and parameters answer the first gateway again, echoing
  ``ClientToken``; other parameters -> ``IdempotentParameterMismatch``). ``TagSpecifications`` were
  already stored (moto). The gateway is ``attached`` to its VPC (``Attachments[].State``).
* **DescribeEgressOnlyInternetGateways**: ``Filters`` ``tag:<key>`` (values with ``*``/``?``), ``tag-key``
  ([EC2] lists no others; any other filter name -> ``InvalidParameterValue`` "The filter '<name>' is
  invalid", EC2's answer to unknown filters, not verified for this call); ``MaxResults`` 5..255 (else
  ``InvalidParameterValue``, wording ours) with ``NextToken``; ``EgressOnlyInternetGatewayIds`` as moto
  (unknown ids match nothing).
* **CreateRoute / ReplaceRoute** with ``EgressOnlyInternetGatewayId``: only an IPv6 destination
  (``DestinationIpv6CidrBlock``, [VPC] "for use with IPv6 traffic only") -> an IPv4
  ``DestinationCidrBlock`` is refused with ``InvalidParameterValue`` "An egress-only internet gateway
  cannot be the target of an IPv4 destination CIDR block: route table <rtb> destination <cidr>" (code and
  wording ours; AWS's refusal exists, its text could not be found); a gateway of another VPC ->
  ``InvalidParameterValue`` "route table <rtb> and network gateway <eigw> belong to different networks"
  (AWS's wording for an internet gateway of another VPC, taken for this case).
* **DeleteEgressOnlyInternetGateway** while routes point to it: allowed, and those routes show
  ``State: blackhole`` ([VPC]) until deleted or replaced.
* **DeleteVpc** while an egress-only internet gateway of the VPC exists -> ``DependencyViolation`` "The vpc
  '<vpc>' has dependencies and cannot be deleted." ([VPC] delete-vpc.md; the wording is
  ``eksup_moto_strict``'s for the other dependencies).

3. IPv6 addresses of subnets, network interfaces and instances (EC2)
--------------------------------------------------------------------
* **ModifySubnetAttribute** ``AssignIpv6AddressOnCreation=true`` on a subnet without an associated IPv6
  block -> ``InvalidParameterValue`` "Invalid value 'true' for assign-ipv6-address-on-creation. Cannot set
  assign-ipv6-address-on-creation to true unless the subnet (<subnet>) has an IPv6 CIDR block associated
  with it." (AWS's answer, terraform-aws-modules/terraform-aws-vpc issue 735; moto accepted it). The flag
  is shown by DescribeSubnets (moto already did).
* **A network interface created in a subnet** gets IPv6 addresses from the subnet's associated /64 (moto:
  from its first association, even a disassociated one): the count asked for that interface, else one
  when the subnet assigns IPv6 addresses on creation ([EC2]), else none. That covers RunInstances,
  instances launched by Auto Scaling groups (and so by EKS managed node groups) and CreateNetworkInterface.
  Per interface (moto gave RunInstances' ``Ipv6AddressCount`` to every interface and ignored the
  others): RunInstances ``Ipv6AddressCount`` -> the primary interface; ``NetworkInterfaces[n].Ipv6AddressCount``
  -> that device; a launch template's ``NetworkInterfaces[n].Ipv6AddressCount`` -> that device when the
  request does not say. An explicit 0 keeps an instance's interface without IPv6 in such a subnet (our
  reading); CreateNetworkInterface cannot say 0 here (moto reads an absent count as 0).
  ``Ipv6AddressCount`` > 0 for a subnet without an IPv6 block -> ``InvalidParameterValue`` "The subnet
  '<subnet>' has no IPv6 CIDR block: it cannot assign <n> IPv6 address(es)" (refused before anything is
  launched; AWS refuses it, the wording is ours). Addresses are random in the /64 and unique in it.
* **DescribeInstances** ``Ipv6Address``: the first IPv6 address of the primary interface ([EC2] "The IPv6
  address assigned to the instance"; that AWS fills it for a non-primary IPv6 address is our reading);
  ``NetworkInterfaces[].Ipv6Addresses`` lists them with ``IsPrimaryIpv6`` false (moto), and so does
  DescribeNetworkInterfaces (moto left ``IsPrimaryIpv6`` out; AWS CLI reference examples show it).
* ``Ipv6Prefixes`` of a network interface: the /80 aws-node assigns (rule 5), as DescribeInstances and
  DescribeNetworkInterfaces show prefixes.

4. EKS managed node groups in IPv6 clusters
-------------------------------------------
A node group of an IPv6 cluster with a subnet that does not assign IPv6 addresses on creation goes
``CREATE_FAILED`` when its creation ends with the health issue ``Ec2SubnetMissingIpv6Assignment`` "One or
more Amazon EC2 Subnets of [<subnets>] for node group <ng> does not automatically assign IPv6 addresses to
instances launched into it. See IP addressing in VPC guide:
https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html#subnet-public-ip", resourceIds the
subnets (AWS's answer, eksctl issue 4701; the code is in the API's NodegroupIssueCode enum; [UG]: "you must
specify subnets that are configured to auto-assign IPv6 addresses. Otherwise, you can't deploy your
nodes"). Whether EKS launches the instances before failing is not verified (here the Auto Scaling group
launches them, without IPv6 addresses). Otherwise NodeCreationFailure follows from rule 5 as for IPv4.

5. Nodes and pods of an IPv6 cluster (``eksup_moto_k8s``'s hooks)
-----------------------------------------------------------------
* **Join**: a Linux instance without an IPv6 address on its primary interface never registers: nodeadm
  and bootstrap.sh read kubelet's node IP from IMDS ``ipv6s`` and stop without one ([AMI]); node-status
  says "the instance has no IPv6 address on its primary network interface ...". Bottlerocket (not
  verified how it fails) registers and stays NotReady for the ipamd reason below. Windows nodes are not
  modelled ([UG]: no Windows support in IPv6 clusters).
* **Bootstrap**: the cluster's service CIDR is ``serviceIpv6Cidr`` (NodeConfig ``cidr``, bootstrap.sh
  ``--service-ipv6-cidr``) and the cluster DNS its ``::a`` (``eksup_moto_k8s`` rule (b)).
* **Node**: ``status.addresses`` InternalIP and the ``alpha.kubernetes.io/provided-node-ip`` annotation are
  the instance's IPv6 address only ([AMI] --node-ip, [K8S]); InternalDNS/Hostname stay the IPv4-based
  private DNS name (the node names of [UG]'s tutorial).
* **Ready** (in addition to ``eksup_moto_k8s``'s rules): aws-node's principal, picked as there (the node
  role when it has the permissions, else the vpc-cni add-on's serviceAccountRoleArn role with its trust
  and OIDC provider checks), must be allowed ``ec2:DescribeNetworkInterfaces`` (on ``*``) and
  ``ec2:AssignIpv6Addresses`` (on the primary interface's ARN) by its identity policies: attached managed
  (AWS or customer) and inline, evaluated by ``eksup_moto_iam.evaluate`` (Allow/Deny, ``*``/``?``
  wildcards in actions and resources, NotAction/NotResource, the role's permissions boundary; statements
  with a Condition do not count). This replaces the IPv4 rule's AmazonEKS_CNI_Policy, which grants no
  ``ec2:AssignIpv6Addresses`` (the managed policy document moto loads: v6) and is not needed ([UG]'s
  tutorial gives the node role only its own IPv6 policy). Message: "aws-node's role <r> does not allow
  ec2:AssignIpv6Addresses (an IPv6 cluster's vpc-cni needs the IPv6 policy of amazon-vpc-cni-k8s
  docs/iam-policy.md; AmazonEKS_CNI_Policy does not grant it)". Then ipamd must start on the instance:
  an IPv6 address on the primary interface ([CNI] initWithEC2Metadata) and a Nitro instance type ([UG]
  "Nitro-based EC2 nodes required": prefix delegation), else NotReady with "ipamd cannot start in IPv6
  mode: ...". EKS Pod Identity (``eksup_moto_addon_identity``, when installed) is judged by its own rule.
* When ipamd starts, the node's primary interface gets one /80 IPv6 prefix of the subnet (what
  AssignIpv6Addresses with Ipv6PrefixCount 1 does, [CNI]); pods (not hostNetwork) get addresses of it,
  fixed per pod name (``podIP``/``podIPs``, IPv6 only: EKS pods are single-stack, [UG]); hostNetwork pods
  (aws-node, kube-proxy) get the node's IPv6 address, as in [UG]'s tutorial output.
* The ``kubernetes`` Service's clusterIP is the service CIDR's ``::1``. kube-dns is not served (nor for
  IPv4 clusters); its ClusterIP would be ``::a``.

6. BYOIP IPv6 pools (EC2)
-------------------------
See ``BYOIP_POOL`` / ``EKSUP_MOTO_IPV6_POOL`` below: CreateVpc and AssociateVpcCidrBlock with ``Ipv6Pool``
(and ``Ipv6CidrBlock``) take a /56 of a pool the account brought; DescribeIpv6Pools lists the pools.

Not emulated: IPv6 security group and NACL rules for node traffic, the kube-dns Service, DNS64/NAT64,
IPv6-only subnets for nodes, the EC2 instance metadata IPv6 endpoint, Fargate pods' IPv6 addresses,
custom networking, security groups for pods, Windows nodes in IPv6 clusters.
"""

from __future__ import annotations

import contextvars
import fnmatch
import hashlib
import ipaddress
import os
import random
import secrets
import threading
from typing import Any, Callable

import eksup_moto_eks as eks

# ---------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------
IP_FAMILIES = ("ipv4", "ipv6")
SUBNET_IPV6_DOC = "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html#subnet-public-ip"
CNI_IPV6_ACTIONS = ("ec2:DescribeNetworkInterfaces", "ec2:AssignIpv6Addresses")
_LOCK = threading.RLock()


def _ec2_error(code: str, message: str) -> Exception:
    from moto.ec2.exceptions import EC2ClientError

    return EC2ClientError(code, message)


def _truthy(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


def subnet_ipv6_block(subnet: Any) -> str | None:
    """The subnet's associated IPv6 CIDR block, if any."""
    for association in getattr(subnet, "ipv6_cidr_block_associations", {}).values():
        state = association.get("ipv6CidrBlockState") or {}
        if (state.get("State") if isinstance(state, dict) else state) == "associated":
            return association.get("ipv6CidrBlock")
    return None


def is_ipv6_cluster(cluster: Any) -> bool:
    return (cluster.kubernetes_network_config or {}).get("ipFamily") == "ipv6"


def new_service_cidr() -> str:
    """A /108 of a random RFC 4193 /48 (fd00::/8 + 40 random bits), canonical."""
    h = secrets.token_hex(5)
    return str(ipaddress.IPv6Network(f"fd{h[:2]}:{h[2:6]}:{h[6:10]}::/108"))


def _register(name: str, patch: Callable[[Any], None]) -> None:
    import eksup_moto_strict

    eksup_moto_strict._register(name, patch)


# ---------------------------------------------------------------------------------------
# 1. CreateCluster
# ---------------------------------------------------------------------------------------
def _arg(args: tuple[Any, ...], kwargs: dict[str, Any], name: str, position: int) -> Any:
    return kwargs[name] if name in kwargs else (args[position] if len(args) > position else None)


def check_create_cluster(backend: Any, name: str, vpc_config: dict[str, Any], kwargs: dict[str, Any]) -> dict[str, Any] | None:
    """Rule 1: the network config to create the cluster with (None: leave it to eksup_moto_eks)."""
    network = kwargs.get("kubernetes_network_config")
    if not isinstance(network, dict) or "ipFamily" not in network:
        return None
    if name in backend.clusters:
        return None  # ResourceInUseException, from moto
    version = kwargs.get("version")
    if version and version not in eks.SUPPORTED_VERSIONS:
        return None  # refused by eksup_moto_eks
    ec2 = eks._ec2(backend)
    subnets = []
    for subnet_id in (vpc_config or {}).get("subnetIds") or []:
        try:
            subnets.append(ec2.get_subnet(subnet_id))
        except Exception:
            return None  # refused by eksup_moto_eks
    if not subnets:
        return None
    eks._enum("kubernetesNetworkConfig.ipFamily", network.get("ipFamily"), IP_FAMILIES)
    if network["ipFamily"] != "ipv6":
        return None
    if backend.region_name.startswith("cn-"):
        raise eks._invalid_parameter("ipFamily ipv6 is not supported in the China Regions")
    if network.get("serviceIpv4Cidr"):
        raise eks._invalid_parameter("serviceIpv4Cidr can't be specified when ipFamily is ipv6")
    missing = [s.id for s in subnets if subnet_ipv6_block(s) is None]
    if missing:
        raise eks._invalid_parameter(f"Subnet(s) [{', '.join(missing)}] do not have an IPv6 CIDR block; an ipv6 cluster's "
                                     "subnets must have both IPv4 and IPv6 CIDR blocks")
    out = {k: v for k, v in network.items() if k not in ("serviceIpv4Cidr", "serviceIpv6Cidr")}
    out["serviceIpv6Cidr"] = new_service_cidr()
    return out


def _patch_eks() -> None:
    from moto.eks.models import EKSBackend

    original = EKSBackend.create_cluster

    def create_cluster(self: Any, *args: Any, **kwargs: Any) -> Any:
        name = _arg(args, kwargs, "name", 0)
        vpc_config = _arg(args, kwargs, "resources_vpc_config", 2)
        network = check_create_cluster(self, name, vpc_config, kwargs)
        if network is not None:
            kwargs["kubernetes_network_config"] = network
        return original(self, *args, **kwargs)

    EKSBackend.create_cluster = create_cluster
    eks.NODEGROUP_ISSUES.append(subnet_assignment_issue)


# ---------------------------------------------------------------------------------------
# 2. Egress-only internet gateways
# ---------------------------------------------------------------------------------------
EIGW_FILTERS = ("tag-key",)  # and tag:<key>


def _eigw_matches(gateway: Any, filters: dict[str, list[str]]) -> bool:
    tags = {t["key"]: t["value"] for t in gateway.get_tags()}
    for name, values in filters.items():
        if name.startswith("tag:"):
            key = name[4:]
            if key not in tags or not any(fnmatch.fnmatchcase(tags[key], v) for v in values):
                return False
        elif name == "tag-key":
            if not any(fnmatch.fnmatchcase(k, v) for k in tags for v in values):
                return False
        else:
            raise _ec2_error("InvalidParameterValue", f"The filter '{name}' is invalid")
    return True


def _patch_eigw_responses(module: Any) -> None:
    from moto.core.responses import ActionResult

    Responses = module.EgressOnlyInternetGateway

    def describe_egress_only_internet_gateways(self: Any) -> Any:
        self.error_on_dryrun()
        ids = self._get_param("EgressOnlyInternetGatewayIds", []) or []
        filters = self._filters_from_querystring() or {}
        max_results = self._get_param("MaxResults")
        if max_results is not None and not 5 <= int(max_results) <= 255:
            raise _ec2_error("InvalidParameterValue", f"Value ( {max_results} ) for parameter maxResults is invalid. "
                                                      "Expecting a value between 5 and 255.")
        gateways = [g for g in self.ec2_backend.describe_egress_only_internet_gateways(ids) if _eigw_matches(g, filters)]
        gateways.sort(key=lambda g: g.id)
        token = self._get_param("NextToken") or "0"
        if not str(token).isdigit():
            raise _ec2_error("InvalidParameterValue", f"Invalid value '{token}' for NextToken")  # wording ours
        start = int(token)
        result: dict[str, Any] = {"EgressOnlyInternetGateways": gateways[start:]}
        if max_results is not None:
            end = start + int(max_results)
            result["EgressOnlyInternetGateways"] = gateways[start:end]
            if end < len(gateways):
                result["NextToken"] = str(end)
        return ActionResult(result)

    Responses.describe_egress_only_internet_gateways = describe_egress_only_internet_gateways


def _route_target_check(backend: Any, route_table_id: str, cidr: str | None, eigw_id: str | None) -> None:
    if not eigw_id:
        return
    gateway = backend.get_egress_only_igw(eigw_id)  # InvalidGatewayID.NotFound, from moto
    if cidr:
        raise _ec2_error("InvalidParameterValue", "An egress-only internet gateway cannot be the target of an IPv4 destination "
                                                  f"CIDR block: route table {route_table_id} destination {cidr}")
    table = backend.get_route_table(route_table_id)
    if gateway.vpc_id != table.vpc_id:
        raise _ec2_error("InvalidParameterValue", f"route table {route_table_id} and network gateway {eigw_id} belong to different networks")


def _patch_route_tables(module: Any) -> None:
    Backend, Route = module.RouteBackend, module.Route
    original_create, original_replace = Backend.create_route, Backend.replace_route

    def create_route(self: Any, route_table_id: str, destination_cidr_block: str | None, *args: Any, **kwargs: Any) -> Any:
        _route_target_check(self, route_table_id, destination_cidr_block, kwargs.get("egress_only_igw_id"))
        return original_create(self, route_table_id, destination_cidr_block, *args, **kwargs)

    def replace_route(self: Any, route_table_id: str, destination_cidr_block: str, *args: Any, **kwargs: Any) -> Any:
        # moto's handler passes (ipv6 cidr, prefix list, nat gateway, egress-only gateway, ...) by position.
        ipv6 = kwargs.get("destination_ipv6_cidr_block", args[0] if args else None)
        eigw = kwargs.get("egress_only_igw_id", args[3] if len(args) > 3 else None)
        _route_target_check(self, route_table_id, None if ipv6 else destination_cidr_block, eigw)
        return original_replace(self, route_table_id, destination_cidr_block, *args, **kwargs)

    Backend.create_route, Backend.replace_route = create_route, replace_route

    def state(self: Any) -> str:
        gateway = self.egress_only_igw
        if gateway is not None and gateway.id not in gateway.ec2_backend.egress_only_internet_gateways:
            return "blackhole"
        return "active"

    Route.state = property(state)


def _patch_ec2_models(models: Any) -> None:
    from moto.ec2.models.vpcs import VPCBackend

    original_delete_vpc = VPCBackend.delete_vpc

    def delete_vpc(self: Any, vpc_id: str) -> Any:
        if vpc_id in self.vpcs and any(g.vpc_id == vpc_id for g in self.egress_only_internet_gateways.values()):
            from moto.ec2.exceptions import DependencyViolationError

            raise DependencyViolationError(f"The vpc '{vpc_id}' has dependencies and cannot be deleted.")
        return original_delete_vpc(self, vpc_id)

    VPCBackend.delete_vpc = delete_vpc


# ---------------------------------------------------------------------------------------
# 3. Subnets, network interfaces, instances
# ---------------------------------------------------------------------------------------
def _patch_subnet_responses(module: Any) -> None:
    Subnets = module.Subnets
    original = Subnets.modify_subnet_attribute

    def modify_subnet_attribute(self: Any) -> Any:
        value = self._get_param("AssignIpv6AddressOnCreation.Value")
        if value is not None and _truthy(value):
            subnet_id = self._get_param("SubnetId")
            subnet = self.ec2_backend.get_subnet(subnet_id)
            if subnet_ipv6_block(subnet) is None:
                raise _ec2_error("InvalidParameterValue", "Invalid value 'true' for assign-ipv6-address-on-creation. Cannot set "
                                                          f"assign-ipv6-address-on-creation to true unless the subnet ({subnet_id}) "
                                                          "has an IPv6 CIDR block associated with it.")
        return original(self)

    Subnets.modify_subnet_attribute = modify_subnet_attribute


# device index -> IPv6 address count asked for, while an instance's interfaces are made.
_NIC_COUNTS: contextvars.ContextVar[dict[int, int] | None] = contextvars.ContextVar("eksup_ipv6_nic_counts", default=None)
_LAUNCH: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar("eksup_ipv6_launch", default=None)


def _count(value: Any) -> int | None:
    try:
        return None if value is None or value == "" else int(value)
    except (TypeError, ValueError):
        return None


def _template_nics(backend: Any, launch_template: Any) -> list[dict[str, Any]]:
    if not launch_template:
        return []
    try:
        return list(backend._get_template_from_args(launch_template).data.get("NetworkInterfaces") or [])
    except Exception:
        return []


def launch_counts(backend: Any, kwargs: dict[str, Any]) -> dict[int, int]:
    """Rule 3: the IPv6 address count asked for each device of a launch (absent: the subnet decides)."""
    counts: dict[int, int] = {}
    for source in (_template_nics(backend, kwargs.get("launch_template")), kwargs.get("nics") or []):
        for nic in source:
            count = _count(nic.get("Ipv6AddressCount"))
            if count is None and nic.get("Ipv6Addresses"):
                count = len(nic["Ipv6Addresses"])
            if count is not None:
                counts[int(nic.get("DeviceIndex") or 0)] = count
    top = _count(kwargs.get("ipv6_address_count"))
    if top is not None:
        counts[0] = top
    return counts


def _primary_subnet(backend: Any, kwargs: dict[str, Any]) -> str | None:
    if kwargs.get("subnet_id"):
        return kwargs["subnet_id"]
    for source in (kwargs.get("nics") or [], _template_nics(backend, kwargs.get("launch_template"))):
        for nic in source:
            if int(nic.get("DeviceIndex") or 0) == 0 and nic.get("SubnetId"):
                return nic["SubnetId"]
    return None


def _no_block(subnet_id: str, count: int) -> Exception:
    return _ec2_error("InvalidParameterValue", f"The subnet '{subnet_id}' has no IPv6 CIDR block: it cannot assign {count} IPv6 address(es)")


def _new_address(subnet: Any, block: str, taken: set[str]) -> str:
    net = ipaddress.IPv6Network(block)
    while True:
        address = str(net.network_address + random.getrandbits(128 - net.prefixlen))
        if address not in taken and address != str(net.network_address):
            return address


def _subnet_taken(backend: Any, subnet: Any) -> set[str]:
    taken: set[str] = set()
    for eni in backend.enis.values():
        if eni.subnet is not None and eni.subnet.id == subnet.id:
            taken.update(eni.ipv6_addresses or [])
    return taken


def _patch_enis(module: Any) -> None:
    Backend, NetworkInterface = module.NetworkInterfaceBackend, module.NetworkInterface
    original_create = Backend.create_network_interface

    def create_network_interface(self: Any, subnet: Any, private_ip_address: Any, *args: Any, **kwargs: Any) -> Any:
        subnet_obj = self.get_subnet(subnet) if isinstance(subnet, str) else subnet
        counts = _NIC_COUNTS.get()
        device = int(kwargs.get("device_index") or 0)
        given = kwargs.get("ipv6_addresses") or []
        if counts is not None:  # an instance's interface: the launch said, or the subnet decides
            count = counts.get(device)
        else:
            count = _count(kwargs.get("ipv6_address_count")) or None  # CreateNetworkInterface: 0 = not given
        block = subnet_ipv6_block(subnet_obj) if subnet_obj is not None else None
        if count is None and not given:
            count = 1 if block and _truthy(getattr(subnet_obj, "assign_ipv6_address_on_creation", False)) else 0
        if count and block is None:
            raise _no_block(subnet_obj.id, count)
        kwargs["ipv6_address_count"] = None  # moto's own choice is replaced by this one
        eni = original_create(self, subnet, private_ip_address, *args, **kwargs)
        if count and block:
            with _LOCK:
                taken = _subnet_taken(self, subnet_obj)
                for _ in range(count - len(eni.ipv6_addresses)):
                    address = _new_address(subnet_obj, block, taken)
                    taken.add(address)
                    eni.ipv6_addresses.append(address)
        return eni

    Backend.create_network_interface = create_network_interface

    def addresses(self: Any) -> list[dict[str, Any]]:
        return [{"Ipv6Address": ip, "IsPrimaryIpv6": False} for ip in self.ipv6_addresses if ip]

    NetworkInterface.network_interface_ipv6_addresses_list = property(addresses)

    def prefixes(self: Any) -> list[dict[str, str]] | None:
        found = self.__dict__.get("_eksup_ipv6_prefixes")
        return [{"Ipv6Prefix": p} for p in found] if found else None  # None: left out, as before

    NetworkInterface.ipv6_prefixes = property(prefixes)


def _patch_instances(module: Any) -> None:
    Instance, InstanceBackend = module.Instance, module.InstanceBackend
    original_init, original_prep = Instance.__init__, Instance.prep_nics

    def __init__(self: Any, ec2_backend: Any, image_id: str, user_data: Any, security_groups: Any, **kwargs: Any) -> None:
        token = _LAUNCH.set(kwargs)
        try:
            original_init(self, ec2_backend, image_id, user_data, security_groups, **kwargs)
        finally:
            _LAUNCH.reset(token)

    def prep_nics(self: Any, nic_spec: Any, private_ip: Any = None, associate_public_ip: Any = None, security_groups: Any = None,
                  ipv6_address_count: Any = None) -> None:
        launch = dict(_LAUNCH.get() or {})
        launch.setdefault("nics", nic_spec)
        launch["ipv6_address_count"] = ipv6_address_count
        token = _NIC_COUNTS.set(launch_counts(self.ec2_backend, launch))
        try:
            original_prep(self, nic_spec, private_ip, associate_public_ip, security_groups, None)
        finally:
            _NIC_COUNTS.reset(token)

    Instance.__init__, Instance.prep_nics = __init__, prep_nics

    def ipv6_address(self: Any) -> str | None:
        nic = self.nics.get(0) if getattr(self, "nics", None) else None
        return nic.ipv6_addresses[0] if nic is not None and nic.ipv6_addresses else None

    Instance.ipv6_address = property(ipv6_address)

    original_run = InstanceBackend.run_instances

    def run_instances(self: Any, image_id: str, count: int, user_data: Any, security_group_names: list[str], **kwargs: Any) -> Any:
        # An address count the primary subnet cannot serve is refused before anything is launched.
        asked = launch_counts(self, kwargs).get(0)
        subnet_id = _primary_subnet(self, kwargs)
        if asked and subnet_id:
            try:
                subnet = self.get_subnet(subnet_id)
            except Exception:
                subnet = None
            if subnet is not None and subnet_ipv6_block(subnet) is None:
                raise _no_block(subnet_id, asked)
        return original_run(self, image_id, count, user_data, security_group_names, **kwargs)

    InstanceBackend.run_instances = run_instances


def instance_ipv6(inst: Any) -> str | None:
    """The first IPv6 address of the instance's primary network interface."""
    nics = getattr(inst, "nics", None) or {}
    nic = nics.get(0)
    return nic.ipv6_addresses[0] if nic is not None and nic.ipv6_addresses else None


# ---------------------------------------------------------------------------------------
# 4. Managed node groups: subnets that do not assign IPv6 addresses
# ---------------------------------------------------------------------------------------
def subnet_assignment_issue(nodegroup: Any) -> dict[str, Any] | None:
    from moto.eks.models import eks_backends

    arn = str(getattr(nodegroup, "arn", "") or "")
    parts = arn.split(":")
    if len(parts) < 6:
        return None
    backend = eks_backends[parts[4]][parts[3]]
    cluster = backend.clusters.get(nodegroup.cluster_name)
    if cluster is None or not is_ipv6_cluster(cluster):
        return None
    ec2 = eks._ec2(backend)
    bad = []
    for subnet_id in nodegroup.subnets or []:
        try:
            subnet = ec2.get_subnet(subnet_id)
        except Exception:
            continue
        if not (subnet_ipv6_block(subnet) and _truthy(getattr(subnet, "assign_ipv6_address_on_creation", False))):
            bad.append(subnet_id)
    if not bad:
        return None
    return {"code": "Ec2SubnetMissingIpv6Assignment",
            "message": f"One or more Amazon EC2 Subnets of [{', '.join(bad)}] for node group {nodegroup.nodegroup_name} does not "
                       f"automatically assign IPv6 addresses to instances launched into it. See IP addressing in VPC guide: {SUBNET_IPV6_DOC}",
            "resourceIds": bad}


# ---------------------------------------------------------------------------------------
# 5. Kubernetes: nodes and pods of IPv6 clusters
# ---------------------------------------------------------------------------------------
NO_IPV6 = "the instance has no IPv6 address on its primary network interface"


def _nitro(instance_type: str) -> bool:
    from moto.ec2.models.instance_types import INSTANCE_TYPES

    info = INSTANCE_TYPES.get(instance_type) or {}
    return info.get("Hypervisor") == "nitro" or bool(info.get("BareMetal")) or not info


def _eni_arn(ctx: Any, eni_id: str) -> str:
    partition = "aws-cn" if ctx.region.startswith("cn-") else "aws-us-gov" if ctx.region.startswith("us-gov-") else "aws"
    return f"arn:{partition}:ec2:{ctx.region}:{ctx.account}:network-interface/{eni_id}"


def role_denies(ctx: Any, role: Any, eni_id: str = "eni-00000000000000000") -> list[str]:
    """The actions of CNI_IPV6_ACTIONS that `role`'s identity policies (and boundary) do not allow."""
    import eksup_moto_iam as iam
    import eksup_moto_k8s as k8s

    backend = k8s._iam(ctx)
    sources = iam.identity_sources(backend, "role", role)
    boundary = iam._boundary(backend, role, [])
    out = []
    for action in CNI_IPV6_ACTIONS:
        resource = _eni_arn(ctx, eni_id) if action == "ec2:AssignIpv6Addresses" else "*"
        decision, _, _ = iam.evaluate(sources, action, resource)
        if decision == "allowed" and boundary is not None:
            decision, _, _ = iam.evaluate(boundary, action, resource)
        if decision != "allowed":
            out.append(action)
    return out


def install_kubernetes_hooks() -> None:
    import eksup_moto_k8s as k8s

    original_permissions = k8s.cni_permissions_problem
    original_node_ip = k8s.node_ip
    original_pod_address = k8s.pod_address
    original_node_cni = k8s.node_cni_problem

    def cni_permissions_problem(ctx: Any, role: Any) -> str | None:
        if not is_ipv6_cluster(ctx.cluster):
            return original_permissions(ctx, role)
        denied = role_denies(ctx, role)
        if not denied:
            return None
        return (f"does not allow {' and '.join(denied)}, which aws-node needs in an IPv6 cluster (the IPv6 policy of "
                "amazon-vpc-cni-k8s docs/iam-policy.md grants them; AmazonEKS_CNI_Policy does not grant ec2:AssignIpv6Addresses)")

    def join_check(ctx: Any, inst: Any, family: str | None) -> list[str]:
        if not is_ipv6_cluster(ctx.cluster) or family in ("windows", "bottlerocket") or instance_ipv6(inst):
            return []
        return [f"{NO_IPV6} ({inst.nics[0].id if getattr(inst, 'nics', None) else 'none'}): in an IPv6 cluster nodeadm and bootstrap.sh "
                "take kubelet's --node-ip from IMDS network/interfaces/macs/<mac>/ipv6s and stop without one (launch it in a subnet "
                "with AssignIpv6AddressOnCreation, or give it an Ipv6AddressCount)"]

    def node_ip(ctx: Any, inst: Any) -> str:
        if is_ipv6_cluster(ctx.cluster) and instance_ipv6(inst):
            return instance_ipv6(inst)
        return original_node_ip(ctx, inst)

    def node_cni_problem(ctx: Any, inst: Any, ev: dict[str, Any]) -> str | None:
        if not is_ipv6_cluster(ctx.cluster):
            return original_node_cni(ctx, inst, ev)
        why = None
        if not instance_ipv6(inst):
            why = f"{NO_IPV6} (ipamd reads the primary IPv6 address from IMDS)"
        elif not _nitro(inst.instance_type):
            why = f"{inst.instance_type} is not a Nitro instance type (IPv6 prefix delegation needs Nitro)"
        if why:
            return f"ipamd cannot start in IPv6 mode: {why}"
        node_prefix(inst)  # ipamd started: the /80 of the node's pods
        return None

    def pod_address(ctx: Any, node: dict[str, Any], pod_name: str, host_ip: str) -> str:
        if not is_ipv6_cluster(ctx.cluster):
            return original_pod_address(ctx, node, pod_name, host_ip)
        inst = _node_instance(ctx, node)
        prefix = node_prefix(inst) if inst is not None else None
        if prefix is None:
            return host_ip
        net = ipaddress.IPv6Network(prefix)
        return str(net.network_address + int(hashlib.md5(pod_name.encode()).hexdigest(), 16) % 65536)

    k8s.cni_permissions_problem = cni_permissions_problem
    k8s.node_ip = node_ip
    k8s.node_cni_problem = node_cni_problem
    k8s.pod_address = pod_address
    k8s.JOIN_CHECKS.append(join_check)


def _node_instance(ctx: Any, node: dict[str, Any]) -> Any:
    instance_id = str(node.get("spec", {}).get("providerID", "")).rsplit("/", 1)[-1]
    try:
        import eksup_moto_k8s as k8s

        return k8s._ec2(ctx).get_instance(instance_id)
    except Exception:
        return None


def node_prefix(inst: Any) -> str | None:
    """The /80 IPv6 prefix of the instance's primary interface (assigned at the first call, as ipamd's
    AssignIpv6Addresses with Ipv6PrefixCount 1 does), or None without an IPv6 subnet."""
    nic = (getattr(inst, "nics", None) or {}).get(0)
    if nic is None or nic.subnet is None:
        return None
    with _LOCK:
        prefixes = nic.__dict__.setdefault("_eksup_ipv6_prefixes", [])
        if prefixes:
            return prefixes[0]
        block = subnet_ipv6_block(nic.subnet)
        if block is None:
            return None
        net = ipaddress.IPv6Network(block)
        taken = {p for eni in nic.ec2_backend.enis.values() for p in eni.__dict__.get("_eksup_ipv6_prefixes", [])}
        used = {ipaddress.IPv6Address(a) for a in _subnet_taken(nic.ec2_backend, nic.subnet)}
        for _ in range(1000):
            candidate = ipaddress.IPv6Network((int(net.network_address) | (random.getrandbits(max(0, 80 - net.prefixlen)) << 48), 80))
            if str(candidate) not in taken and not any(a in candidate for a in used):
                prefixes.append(str(candidate))
                return prefixes[0]
        return None


# ---------------------------------------------------------------------------------------
# 6. BYOIP IPv6 pools
# ---------------------------------------------------------------------------------------
def _pool_knob() -> dict[str, str]:
    """EKSUP_MOTO_IPV6_POOL: ``<pool id>=<cidr>`` or ``<cidr>`` (the id is then derived from it)."""
    raw = (os.environ.get("EKSUP_MOTO_IPV6_POOL") or "").strip()
    if not raw:
        return {}
    pool_id, _, cidr = raw.rpartition("=") if "=" in raw else ("", "", raw)
    cidr = str(ipaddress.IPv6Network(cidr.strip()))
    pool_id = pool_id.strip() or "ipv6pool-ec2-" + hashlib.sha256(cidr.encode()).hexdigest()[:17]
    return {pool_id: cidr}


BYOIP_POOL = _pool_knob()


def pools(backend: Any) -> dict[str, str]:
    """The account's BYOIP IPv6 pools in this Region: pool id -> CIDR."""
    return backend.__dict__.setdefault("_eksup_ipv6_pools", dict(BYOIP_POOL))


def _pool_blocks_in_use(backend: Any, pool_id: str) -> list[Any]:
    return [ipaddress.IPv6Network(a["cidr_block"]) for vpc in backend.vpcs.values()
            for a in vpc.get_cidr_block_association_set(ipv6=True)
            if a.get("ipv6_pool") == pool_id and (a.get("cidr_block_state") or {}).get("state") != "disassociated"]


def pool_block(backend: Any, pool_id: str, cidr: str | None) -> str:
    """Rule 6: the /56 of `pool_id` a VPC gets (`cidr`, checked, or the first free one)."""
    pool = pools(backend).get(pool_id)
    if pool is None:
        raise _ec2_error("InvalidParameterValue", f"The IPv6 pool '{pool_id}' does not exist")
    net = ipaddress.IPv6Network(pool)
    used = _pool_blocks_in_use(backend, pool_id)
    if cidr is None:
        for candidate in net.subnets(new_prefix=56) if net.prefixlen <= 56 else []:
            if not any(candidate.overlaps(u) for u in used):
                return str(candidate)
        raise _ec2_error("InvalidParameterValue", f"The IPv6 pool '{pool_id}' has no free /56 CIDR block")
    try:
        block = ipaddress.IPv6Network(cidr)
    except ValueError:
        raise _ec2_error("InvalidParameterValue", f"Invalid value '{cidr}' for ipv6CidrBlock") from None
    if block.prefixlen != 56:
        raise _ec2_error("InvalidParameterValue", f"Invalid value '{cidr}' for ipv6CidrBlock: the prefix length must be /56")
    if not block.subnet_of(net):
        raise _ec2_error("InvalidParameterValue", f"The IPv6 CIDR block '{cidr}' is not in the IPv6 pool '{pool_id}' ({pool})")
    if any(block.overlaps(u) for u in used):
        raise _ec2_error("InvalidParameterValue", f"The IPv6 CIDR block '{cidr}' is already in use")
    return str(block)


def _associate_pool_block(backend: Any, vpc: Any, pool_id: str, block: str) -> dict[str, Any]:
    from moto.ec2.exceptions import CidrLimitExceeded
    from moto.ec2.utils import random_vpc_cidr_association_id

    if vpc.get_cidr_block_association_set(ipv6=True):
        raise CidrLimitExceeded(vpc.id, 1)
    association = {"association_id": random_vpc_cidr_association_id(), "cidr_block": block,
                   "cidr_block_state": {"state": "associated", "StatusMessage": None},
                   "ipv6_pool": pool_id, "ipv6_cidr_block_network_border_group": backend.region_name,
                   "network_border_group": backend.region_name}
    vpc._cidr_block_association_set[association["association_id"]] = association
    return association


def _pool_params(response: Any) -> tuple[str | None, str | None]:
    pool_id, cidr = response._get_param("Ipv6Pool"), response._get_param("Ipv6CidrBlock")
    if cidr and not pool_id:
        raise _ec2_error("MissingParameter", "The request must contain the parameter Ipv6Pool")
    if pool_id and _truthy(response._get_param("AmazonProvidedIpv6CidrBlock")):
        raise _ec2_error("InvalidParameterCombination", "Ipv6Pool and AmazonProvidedIpv6CidrBlock cannot be used together")
    return pool_id, cidr


def _patch_vpc_responses(module: Any) -> None:
    from moto.core.responses import ActionResult

    VPCs = module.VPCs
    original_create, original_associate = VPCs.create_vpc, VPCs.associate_vpc_cidr_block

    def create_vpc(self: Any) -> Any:
        pool_id, cidr = _pool_params(self)
        if not pool_id:
            return original_create(self)
        with _LOCK:
            block = pool_block(self.ec2_backend, pool_id, cidr)
            result = original_create(self)
            _associate_pool_block(self.ec2_backend, result.result["Vpc"], pool_id, block)
        return result

    def associate_vpc_cidr_block(self: Any) -> Any:
        pool_id, cidr = _pool_params(self)
        if not pool_id:
            return original_associate(self)
        vpc_id = self._get_param("VpcId")
        vpc = self.ec2_backend.get_vpc(vpc_id)
        with _LOCK:
            association = _associate_pool_block(self.ec2_backend, vpc, pool_id, pool_block(self.ec2_backend, pool_id, cidr))
        return ActionResult({"VpcId": vpc_id, "Ipv6CidrBlockAssociation": {
            "AssociationId": association["association_id"], "Ipv6CidrBlock": association["cidr_block"],
            "Ipv6CidrBlockState": {"State": "associating"}, "NetworkBorderGroup": association["ipv6_cidr_block_network_border_group"],
            "Ipv6Pool": pool_id}})

    def describe_ipv6_pools(self: Any) -> Any:
        self.error_on_dryrun()
        ids = self._get_param("PoolIds", []) or []
        filters = self._filters_from_querystring() or {}
        for name in filters:
            if not (name.startswith("tag:") or name == "tag-key"):
                raise _ec2_error("InvalidParameterValue", f"The filter '{name}' is invalid")
        found = [{"PoolId": pool_id, "Description": "", "PoolCidrBlocks": [{"Cidr": cidr}], "Tags": []}
                 for pool_id, cidr in sorted(pools(self.ec2_backend).items())
                 if (not ids or pool_id in ids) and not filters]  # the pools have no tags: a tag filter matches none
        return ActionResult({"Ipv6Pools": found})

    VPCs.create_vpc, VPCs.associate_vpc_cidr_block = create_vpc, associate_vpc_cidr_block
    VPCs.describe_ipv6_pools = describe_ipv6_pools


# ---------------------------------------------------------------------------------------
# install
# ---------------------------------------------------------------------------------------
def install() -> None:
    import eksup_moto_limits

    eksup_moto_limits.IDEMPOTENT_EC2[("EgressOnlyInternetGateway", "create_egress_only_internet_gateway")] = True
    _register("moto.ec2.models.elastic_network_interfaces", _patch_enis)
    _register("moto.ec2.models.instances", _patch_instances)
    _register("moto.ec2.models.route_tables", _patch_route_tables)
    _register("moto.ec2.models", _patch_ec2_models)
    _register("moto.ec2.responses.subnets", _patch_subnet_responses)
    _register("moto.ec2.responses.egress_only_internet_gateways", _patch_eigw_responses)
    _register("moto.ec2.responses.vpcs", _patch_vpc_responses)
    _patch_eks()
    install_kubernetes_hooks()


__all__ = ["install", "check_create_cluster", "subnet_ipv6_block", "instance_ipv6", "is_ipv6_cluster", "launch_counts",
           "node_prefix", "role_denies", "subnet_assignment_issue", "new_service_cidr", "pools", "pool_block", "BYOIP_POOL"]
