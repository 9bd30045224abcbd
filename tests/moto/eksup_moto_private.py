"""Fully-private EKS clusters (eksctl's ``privateCluster.enabled``): VPC endpoints as AWS makes and
refuses them, nodes that join only when their network lets them reach the control plane and the AWS
services they need, and a cluster API that refuses callers outside the VPC when its public endpoint is
off (or does not admit their address).

Installed by ``eksup_moto.install()`` after ``eksup_moto_eks``, ``eksup_moto_k8s``,
``eksup_moto_addon_identity``, ``eksup_moto_strict`` and ``eksup_moto_ipv6`` (it wraps their hooks) and
before ``eksup_moto_limits``. It is the emulator's one model of VPC endpoints and of the cluster API's
endpoint access: it took the place of an earlier, smaller module (``eksup_moto_endpoints``), whose rules all
live on here: the static catalogue and its ``service-name`` filter (moto's answered HTTP 500), the
``InvalidServiceName``/``DuplicateSubnetsInSameZone``/zone/VPC/private-DNS refusals of CreateVpcEndpoint,
``ClientToken``, a security group held by an endpoint (through its network interfaces: ``eksup_moto_strict``'s
DeleteSecurityGroup rule), and the API closed to callers outside the VPC (here at the TCP accept).
Like the rest of the emulator, every patch is class- or module-level (applied when moto imports the
module, see ``eksup_moto._AfterImport``) and the state it adds lives on moto's objects (endpoints, ENIs,
clusters), so ``POST /moto-api/reset`` clears it; the zone overrides of the test route below are the
exception (``DELETE`` clears them).

Sources
-------
[API]   EC2 API reference: CreateVpcEndpoint ("VpcEndpointType ... Default: Gateway"; "PrivateDnsEnabled
        ... To use a private hosted zone, you must set the following VPC attributes to true:
        enableDnsHostnames and enableDnsSupport"; SecurityGroupIds: "If this parameter is not specified, we
        use the default security group for the VPC"), DeleteVpcEndpoints (``Unsuccessful``),
        DescribeVpcEndpoints (filters ``service-name``, ``vpc-id``, ``vpc-endpoint-id``,
        ``vpc-endpoint-state``, ``vpc-endpoint-type``, ``ip-address-type``, ``tag:<key>``, ``tag-key``),
        DescribeVpcEndpointServices (filters ``owner``, ``service-name``, ``service-region``,
        ``service-type``, ``supported-ip-address-types``, ``tag:<key>``, ``tag-key``).
[CLI]   AWS CLI ``ec2 create-vpc-endpoint`` examples: a gateway endpoint is ``available`` in the answer
        ("State": "available", example 1); AWS's interface endpoints are ``pending`` for a minute or two
        (terraform-provider-aws waits for ``available`` after CreateVpcEndpoint; how long is UNVERIFIED).
[PL]    PrivateLink guide, "Access an AWS service using an interface VPC endpoint" (one subnet per
        Availability Zone; the endpoint's network interfaces use its security groups, which must allow
        HTTPS from the clients; private DNS) and "Gateway endpoints" (a route to the service's prefix list
        ``pl-...`` whose target is the endpoint, in each route table given; only S3 and DynamoDB).
[EKS-P] EKS user guide, "Deploy private clusters with limited internet access" (awsdocs
        amazon-eks-user-guide latest/ug/clusters/private-clusters.adoc): without outbound internet a
        cluster "must have endpoint private access enabled. This is required for nodes to register with the
        cluster endpoint"; self-managed nodes must get ``--apiserver-endpoint``/``--b64-cluster-ca``
        (Windows ``-APIServerEndpoint``/``-Base64ClusterCA``): "These arguments bypass Amazon EKS
        introspection and don't require access to the Amazon EKS API from within the VPC"; the endpoints:
        ``ec2``, ``ecr.api``, ``ecr.dkr`` and ``s3`` (images), ``sts`` ("required when using IAM roles for
        service accounts"), ``logs``, ``elasticloadbalancing``, ``xray``, ``autoscaling``; "the VPC interface
        endpoint security group must allow the CIDR for the subnets, or you must add the created node
        security group to the VPC interface endpoint security group".
[EKS-E] EKS user guide, "Control network access to cluster API server endpoint" (cluster-endpoint.adoc):
        private access needs the VPC's ``enableDnsHostnames`` and ``enableDnsSupport`` (EKS's private hosted
        zone); with public and private access "Kubernetes API requests within your cluster's VPC (such as
        node to control plane communication) use the private VPC endpoint"; with public access only, node
        traffic "leave[s] the VPC" and "your public access endpoint CIDR sources must include the egress
        sources from your VPC" (a NAT gateway's address); with public access off "There is no public access
        to your API server from the internet. Any kubectl commands must come from within the VPC" and "The
        cluster's API server endpoint is resolved by public DNS servers to a private IP address from the
        VPC"; a publicAccessCidrs block "cannot include reserved addresses"; "You must enable private access
        to disable public access".
[KC]    AWS re:Post Knowledge Center, "eks-cluster-networking-architecture": with the public endpoint only,
        "your nodes must have one of the following routes to connect to the Kubernetes control plane: A
        public IP route through an internet gateway; A private IP route through a NAT gateway"; EKS user
        guide "Troubleshoot problems with Amazon EKS clusters and nodes", "Nodes fail to join cluster"
        (the node group's ``NodeCreationFailure`` "Instances failed to join the kubernetes cluster").
[ECTL]  eksctl ``pkg/cfn/builder/vpc_endpoint.go`` (DescribeVpcEndpointServices with a service-name filter,
        "endpoint service ... with multiple service types isn't supported": AWS lists ``s3`` twice, once per
        type; interface endpoints in one subnet per zone the service lists, ``PrivateDnsEnabled``, the
        shared node security group; the gateway endpoint on the private route tables) and its recorded
        answers ``pkg/cfn/builder/testdata/service_details*.json`` (field values, zones; the older recording
        lists ``ec2``/``sts`` in us-west-2a-c only, the newer in a-d: zones change over time).
Issues with AWS's own answers: ``InvalidServiceName`` "The Vpc Endpoint Service 'com.amazonaws.us-east-1.s3'
does not exist" (terraform-aws-modules/terraform-aws-vpc, many reports); ``InvalidParameter`` "Endpoint type
(Gateway) does not match available service types ([Interface])." (several terraform logs);
``DuplicateSubnetsInSameZone`` "Found another VPC endpoint subnet in the availability zone of subnet-XXXX. VPC
endpoint subnets should be in different availability zones supported by the VPC endpoint service."
(terraform-aws-modules/terraform-aws-vpc#451, #583); ``InvalidParameter`` "The VPC endpoint service
com.amazonaws.us-east-1.email-smtp does not support the availability zone of the subnet: subnet-...."
(terraform-aws-modules/terraform-aws-vpc#785); ``InvalidParameter`` "Enabling private DNS requires both
enableDnsSupport and enableDnsHostnames VPC attributes set to true for vpc-059db27d08cb7279c" (public
repositories quoting it); ``InvalidParameter`` "private-dns-enabled cannot be set because there is already a
conflicting DNS domain for elasticloadbalancing.us-east-1.amazonaws.com in the VPC vpc-XXXXX"
(terraform-provider-aws#17535, fortinet/fortigate-autoscale-aws#43 for a ``*.`` name); ``InvalidParameter``
"To set PrivateDnsOnlyForInboundResolverEndpoint to true, the VPC vpc-... must have a Gateway endpoint for the
service." (terraform-aws-modules/terraform-aws-vpc#982, marcincuber/eks#15: an S3 interface endpoint with
private DNS); "Private DNS can't be enabled because the service com.amazonaws.vpce... does not provide a
private DNS name." (``InvalidParameter``, vespa-engine/vespa#33303); "Subnet IDs are only supported for
Interface and GatewayLoadBalancer type VPC Endpoints." (nanlabs/terraform-aws-starter#18); "Route table IDs are
only supported for Gateway type VPC Endpoint." (ansible-collections/amazon.aws#576); EKS
``InvalidParameterException`` "Both private and public endpoint access cannot be false" (rancher/rancher#28158),
"Cluster is already at the desired configuration with endpointPrivateAccess: true , endpointPublicAccess: true,
and Public Endpoint Restrictions: [0.0.0.0/0]" (eksctl#4043, cookpad/terraform-aws-eks#288,
aws-controllers-k8s/community#1855), "The following CIDRs are invalid in publicAccessCidrs: [...]"
(aws/aws-cdk#33176); publicAccessCidrs given while public access is off are accepted and ignored
(pulumi/pulumi-eks#1436/#1452: "the EKS service doesn't validate this case").

Knobs (environment of the server, read at install)
--------------------------------------------------
``MOTO_VPC_ENDPOINT_CREATE_SECONDS`` (2)  an interface endpoint is ``pending`` that long, then ``available``
                                         (gateway endpoints are ``available`` at once, [CLI]).
``MOTO_VPC_ENDPOINT_DELETE_SECONDS`` (2)  a deleted endpoint is ``deleting`` that long, then gone (its
                                         network interfaces go then).
``EKSUP_MOTO_CALLER_IP`` (``203.0.113.10``)  the public IPv4 address the test machine (kubectl, eksup, the
                                         tests) reaches clusters' public endpoints from: outside every VPC,
                                         inside 0.0.0.0/0, in no private range (RFC 5737's documentation
                                         block, which AWS's docs use as their publicAccessCidrs example).
``EKSUP_MOTO_LENIENT=1``                 both delays 0; the node network rules are reported ("lenient:") but do
                                         not stop nodes (``eksup_moto_k8s``). The API access rules stay.

1. Endpoint services (DescribeVpcEndpointServices)
--------------------------------------------------
moto builds its catalogue by importing every service's backend; its CloudFormation backend needs
``openapi_spec_validator``, which the emulator does not install, so the first call failed (HTTP 500) and every
later one answered ``InvalidServiceName`` for every name. Here the catalogue is static per Region: interface
services ``ec2``, ``ecr.api``, ``ecr.dkr``, ``sts``, ``logs``, ``autoscaling``, ``cloudformation``, ``eks``,
``eks-auth``, ``elasticloadbalancing``, ``ssm``, ``ssmmessages``, ``ec2messages``, ``secretsmanager``, ``kms``,
``xray``, ``monitoring``, ``s3``; gateway services ``s3`` and ``dynamodb`` (``s3`` is listed twice, once per
type, as AWS lists it [ECTL]; every entry has exactly one ``ServiceType``), plus moto's generic interface
entries for the other AWS service names it knows. In China Regions ``ec2``, ``ecr.api``, ``ecr.dkr``,
``sts`` and ``cloudformation`` are ``cn.com.amazonaws.<region>.<service>`` and AWS's names end in
``amazonaws.com.cn`` ([ECTL]'s China recording). Fields as AWS answers ([ECTL]'s recordings):
``ServiceName`` ``com.amazonaws.<region>.<service>``, ``ServiceId`` ``vpce-svc-`` + 17 hex (stable per Region,
name and type), ``ServiceType``, ``AvailabilityZones`` (interface: the Region's Availability Zones, no Local
Zone; the S3 gateway also the Local Zones the account has), ``Owner`` ``amazon``, ``BaseEndpointDnsNames``
(``<svc>.<region>.vpce.amazonaws.com``, ``api.ecr``/``dkr.ecr`` for ECR; the gateway ``s3.<region>.amazonaws.com``),
``PrivateDnsName`` (``ec2.<region>.amazonaws.com``, ``api.ecr.<region>.amazonaws.com``,
``*.dkr.ecr.<region>.amazonaws.com``, ``eks-auth.<region>.api.aws``, ``*.s3.<region>.amazonaws.com`` for the S3
interface service; none for gateway services), ``PrivateDnsNames``, ``PrivateDnsNameVerificationState``
``verified``, ``VpcEndpointPolicySupported``, ``AcceptanceRequired`` false, ``ManagesVpcEndpoints`` false,
``SupportedIpAddressTypes`` ``[ipv4]``, ``Tags`` ``[]``. Every zone of the Region is offered unless the test
route below removes some (UNVERIFIED per service: AWS offers some services in fewer zones, and [ECTL]'s two
recordings differ). ``ServiceNames`` with an unknown name -> ``InvalidServiceName`` "The Vpc Endpoint Service
'<name>' does not exist" (eksctl reads this code as "fully-private clusters are not supported in region").
Filters as [API]; another filter name -> moto's ``InvalidFilter``. ``MaxResults``/``NextToken`` as moto.

2. VPC endpoints (CreateVpcEndpoint, DescribeVpcEndpoints, ModifyVpcEndpoint, DeleteVpcEndpoints)
-------------------------------------------------------------------------------------------------
* **CreateVpcEndpoint**, checked before anything is made, in this order (AWS's order is UNVERIFIED): the VPC
  (``InvalidVpcID.NotFound``); the service name (``InvalidServiceName`` "The Vpc Endpoint Service '<name>'
  does not exist"); the type, default ``Gateway`` [API] (``InvalidParameter`` "Endpoint type (<type>) does not
  match available service types ([<types>])."); a gateway endpoint with ``SubnetIds`` (``InvalidParameter``
  "Subnet IDs are only supported for Interface and GatewayLoadBalancer type VPC Endpoints.") or
  ``SecurityGroupIds`` ("Security group IDs are only supported for Interface type VPC Endpoints.", wording
  UNVERIFIED); its route tables (``InvalidRouteTableID.NotFound``; one of another VPC -> ``InvalidParameter``
  "The route table <rtb> does not belong to the VPC <vpc>" (wording UNVERIFIED); a table that already routes
  the service's prefix list -> ``RouteAlreadyExists`` "route table <rtb> already has a route with
  destination-prefix-list-id <pl>" (wording UNVERIFIED)); an interface endpoint with ``RouteTableIds``
  (``InvalidParameter`` "Route table IDs are only supported for Gateway type VPC Endpoint."); its subnets
  (``InvalidSubnetID.NotFound``; of another VPC -> ``InvalidParameter`` "The subnet ID '<subnet>' does not
  belong to the VPC '<vpc>'" (wording UNVERIFIED); two in one zone -> ``DuplicateSubnetsInSameZone`` "Found
  another VPC endpoint subnet in the availability zone of <the first one>. VPC endpoint subnets should be in
  different availability zones supported by the VPC endpoint service."; a zone the service does not list ->
  ``InvalidParameter`` "The VPC endpoint service <name> does not support the availability zone of the subnet:
  <subnet>."); its security groups, default the VPC's ``default`` group [API] (``InvalidGroup.NotFound`` "The
  security group '<sg>' does not exist"; of another VPC -> ``InvalidParameter`` "Security group <sg> and
  subnet <subnet> belong to different networks." (RunInstances's wording; UNVERIFIED for endpoints)); then,
  when ``PrivateDnsEnabled`` (default true for an interface endpoint): a service without a private DNS name
  -> ``InvalidParameter`` "Private DNS can't be enabled because the service <name> does not provide a private
  DNS name."; a VPC without ``enableDnsSupport`` or ``enableDnsHostnames`` -> ``InvalidParameter`` "Enabling
  private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for <vpc>";
  another private-DNS interface endpoint of the service in the VPC that is not gone (also ``pending`` or
  ``deleting``) -> ``InvalidParameter`` "private-dns-enabled cannot be set because there is already a
  conflicting DNS domain for <PrivateDnsName> in the VPC <vpc>"; the S3 interface service without an S3
  gateway endpoint in the VPC -> ``InvalidParameter`` "To set PrivateDnsOnlyForInboundResolverEndpoint to
  true, the VPC <vpc> must have a Gateway endpoint for the service." (``DnsOptions`` are not read: AWS's
  default for S3 is taken).
* ``ClientToken``: the same token with the same parameters answers the endpoint it made, in its current
  state (an SDK retry after a lost answer; no conflicting-DNS refusal), with ``ClientToken`` echoed; the same
  token with other parameters -> ``IdempotentParameterMismatch`` "Arguments on this idempotent request are
  inconsistent with arguments used in previous request(s)." (EC2's idempotency rule, as ``eksup_moto_limits``).
  ``TagSpecifications`` tag the endpoint (moto). ``VpcEndpointType`` is answered as ``Gateway``/``Interface``
  (moto left it out when not given); a gateway endpoint's ``PrivateDnsEnabled`` is false.
* States: an interface endpoint is ``pending`` for ``MOTO_VPC_ENDPOINT_CREATE_SECONDS`` (the CreateVpcEndpoint
  answer says so), then ``available``; a gateway endpoint is ``available`` at once [CLI]. DeleteVpcEndpoints
  makes it ``deleting`` for ``MOTO_VPC_ENDPOINT_DELETE_SECONDS``, then it is gone (DescribeVpcEndpoints by id
  -> ``InvalidVpcEndPointId.NotFound``; AWS may list it as ``deleted`` for a while, UNVERIFIED; moto kept it
  ``deleted`` forever). Deleting a ``deleting`` endpoint answers success again (UNVERIFIED); an unknown or gone
  one is listed in ``Unsuccessful`` with ``InvalidVpcEndpoint.NotFound`` "The VPC endpoint '<id>' does not
  exist" (code and wording UNVERIFIED).
* Network interfaces [PL]: an interface endpoint has one requester-managed network interface per subnet
  (moto made them with addresses outside the subnet and without groups): description ``VPC Endpoint Interface
  <vpce>``, interface type ``vpc_endpoint``, requester ``amazon-aws`` (UNVERIFIED), status ``in-use``, an
  address of the subnet, the endpoint's security groups. So (``eksup_moto_strict``'s rules) DeleteSubnet ->
  ``DependencyViolation`` "The subnet '<subnet>' has dependencies and cannot be deleted.", DeleteSecurityGroup
  -> ``DependencyViolation`` "resource <sg> has a dependent object" and DeleteNetworkInterface ->
  ``InvalidParameterValue`` "... is currently in use." while the endpoint exists, also while ``deleting``; the
  interfaces go when the endpoint is gone. DeleteVpc with an endpoint that is not gone ->
  ``DependencyViolation`` "The vpc '<vpc>' has dependencies and cannot be deleted." (``eksup_moto_strict``).
* Gateway endpoints [PL]: each route table gets a route ``DestinationPrefixListId`` = the service's
  AWS-managed prefix list (``pl-...``, DescribePrefixLists), ``GatewayId`` = the endpoint, ``State`` active,
  shown by DescribeRouteTables; the routes go at DeleteVpcEndpoints. DeleteRouteTable of a table the endpoint
  routes is allowed (only subnet associations block it): the table leaves the endpoint's ``RouteTableIds``
  (terraform-provider-aws#26502 shows tables going before their endpoint; the exact answer afterwards is
  UNVERIFIED).
* **ModifyVpcEndpoint** keeps the interfaces and routes in step: added subnets get interfaces (the zone and
  VPC checks above apply), removed subnets lose theirs, added/removed route tables get/lose the route,
  security group changes apply to the interfaces.
* **DescribeVpcEndpoints** filters: ``vpc-id``, ``service-name``, ``vpc-endpoint-id``, ``vpc-endpoint-state``,
  ``vpc-endpoint-type``, ``ip-address-type``, ``tag:<key>``, ``tag-key``.

3. Nodes need a way out (join and Ready rules, through ``eksup_moto_k8s``'s hooks)
-----------------------------------------------------------------------------------
A node's network: its subnet's route table (the explicit association, else the VPC's main table) and VPC.
*Internet (IPv4)* [KC]: a route ``0.0.0.0/0`` that is not a blackhole to an internet gateway attached to the VPC
while the instance has a public IPv4 address (its egress address), or to a NAT gateway that is ``available``,
has public connectivity and an Elastic IP (its egress address), and sits in a subnet whose own route table
sends ``0.0.0.0/0`` to an internet gateway attached to the VPC. Reaching AWS's public names also needs the
VPC's ``enableDnsSupport`` (the Amazon DNS server; DHCP option sets are not read). *An AWS service through an
endpoint*: an interface endpoint of ``com.amazonaws.<region>.<service>`` in the node's VPC that is
``available``, has private DNS (and the VPC's DNS support and hostnames), and whose security groups admit
tcp/443 from the node (one of the node's groups, or a CIDR holding its address: [EKS-P]); for S3, a gateway
endpoint that is ``available`` and routes the node subnet's route table (ECR's image layers come from S3).

* **Joining** (``JOIN_CHECKS``: no Node is ever registered, the instance keeps running, a managed node group
  ends CREATE_FAILED with ``NodeCreationFailure`` "Instances failed to join the kubernetes cluster" when its
  creation ends, as for the other join rules of ``eksup_moto_k8s``): kubelet must reach the API server. With
  ``endpointPrivateAccess`` and the node in the cluster's VPC with ``enableDnsSupport`` and
  ``enableDnsHostnames`` it uses the private endpoint [EKS-E] (the security group rules of
  ``eksup_moto_k8s`` rule (c) still apply). Otherwise it resolves the public endpoint: that needs
  ``endpointPublicAccess``, internet (above) and the egress address inside ``publicAccessCidrs`` [EKS-E].
  A self-managed node (or a managed one on a custom AMI, whose user data bootstraps it) whose ``bootstrap.sh``
  or ``Start-EKSBootstrap.ps1`` call lacks the endpoint or the CA looks them up with eks:DescribeCluster
  [EKS-P]: it also needs the EKS API, through the internet or an ``eks`` interface endpoint.
* **Ready** (Linux nodes; ``node_cni_problem``: the Node exists but is NotReady with KubeletNotReady "...
  cni plugin not initialized (<why>)", and a managed node group fails the same way): aws-node and kube-proxy
  are images in ECR (``602401143452.dkr.ecr.<region>.amazonaws.com``): internet, or ``ecr.api`` and ``ecr.dkr``
  endpoints and the S3 gateway endpoint on the node's route table; ipamd calls EC2: internet or an ``ec2``
  endpoint; aws-node's credentials: with the vpc-cni add-on's ``serviceAccountRoleArn`` (IRSA) STS
  (``AssumeRoleWithWebIdentity``): internet or an ``sts`` endpoint [EKS-P]; with a pod identity association of
  kube-system/aws-node (and no IRSA) the agent calls EKS Auth: internet or an ``eks-auth`` endpoint (AWS docs
  "EKS Pod Identity"; UNVERIFIED wording); with the node role's own permissions (IMDS) nothing more.
  Windows nodes: only the join rules (their CNI plugin, kube-proxy and pause image come with the AMI, and the
  VPC resource controller, which gives their pods addresses, runs in the control plane).
* Fargate: not emulated (the emulator runs no Fargate pods; on AWS they need the same ECR and STS reach).
* Not modelled: IPv6-only egress (an egress-only internet gateway does not count as internet: AWS's ECR
  names are IPv4, UNVERIFIED for IPv6 clusters), egress through transit gateways, virtual private gateways,
  peering or proxies, routes other than ``0.0.0.0/0``, network ACLs, security group egress rules, endpoint
  policies, DHCP option sets.

4. The API server from outside the VPC
--------------------------------------
The test machine is outside every VPC and reaches clusters from ``EKSUP_MOTO_CALLER_IP``. While a cluster's
``endpointPublicAccess`` is false [EKS-E: the name resolves to private addresses of the VPC], or its
``publicAccessCidrs`` do not hold that address, its Kubernetes API stand-in accepts no connection from the
test machine: the TCP connection is reset at once, before TLS (on AWS the connection to a private address, or
to a public endpoint that does not admit the caller, fails or times out; a reset keeps tests quick: kubectl
says "connection reset by peer"/"EOF"). The call log records each refused connection as ``k8s:REFUSED`` with
target ``<cluster>:<why>``. The cluster's settings are read at every connection, so a change takes effect
when its UpdateClusterConfig update is ``Successful``.

5. EKS endpoint access (CreateCluster, UpdateClusterConfig)
-----------------------------------------------------------
* CreateCluster and UpdateClusterConfig ``resourcesVpcConfig`` that leave both ``endpointPublicAccess`` and
  ``endpointPrivateAccess`` false -> ``InvalidParameterException`` "Both private and public endpoint access
  cannot be false". ``publicAccessCidrs`` entries that are not CIDRs, or IPv4 blocks inside reserved ranges
  (0.0.0.0/8 other than 0.0.0.0/0, 10.0.0.0/8, 100.64.0.0/10, 169.254.0.0/16, 172.16.0.0/12, 192.168.0.0/16,
  224.0.0.0/4, 240.0.0.0/4; [EKS-E] "cannot include reserved addresses"; which ranges AWS checks is UNVERIFIED;
  the documentation blocks of RFC 5737 are accepted since AWS's docs use 203.0.113.5/32, and 127.0.0.0/8
  because moto draws Elastic IPs (a NAT gateway's egress address) from it)
  -> ``InvalidParameterException`` "The following CIDRs are invalid in publicAccessCidrs: [<a>,<b>]".
  ``publicAccessCidrs`` with public access off are accepted and have no effect (AWS does not validate it).
* UpdateClusterConfig that changes none of the three endpoint settings (and no subnets, groups or
  control plane egress mode) ->
  ``InvalidParameterException`` "Cluster is already at the desired configuration with endpointPrivateAccess:
  <bool> , endpointPublicAccess: <bool>, and Public Endpoint Restrictions: [<cidrs>]" (AWS's wording, with
  its space before the comma; several CIDRs joined with ", ", UNVERIFIED). These checks come after
  ``eksup_moto_eks``'s ("Only one type of update can be allowed.", an update in progress, a cluster not ACTIVE).
* ``eksup_moto_eks`` applied the new values at once; here the three endpoint settings keep their old values
  in DescribeCluster (and for the API stand-in) while the ``EndpointAccessUpdate`` is ``InProgress``
  (``MOTO_EKS_UPDATE_SECONDS``) and take the new ones when it is ``Successful`` (at the first read after the
  delay, or by a timer). With no delay the update is ``Successful`` in its answer and takes effect at once.

Test route
----------
``GET|POST|DELETE /eksup-test/vpc-endpoint-services``: the zones the catalogue lists per service, overriding
"every zone of the Region": ``POST {"com.amazonaws.us-west-2.sts": ["us-west-2a", "us-west-2b"]}`` (a list of
zones, or ``null`` to drop the override), ``GET`` the overrides, ``DELETE`` clears them. It changes the
``AvailabilityZones`` answered and the zones CreateVpcEndpoint accepts (existing endpoints stay).
"""

from __future__ import annotations

import datetime
import hashlib
import ipaddress
import json
import os
import socket
import struct
import threading
import traceback
from typing import Any

from moto.core.utils import utcnow

# ---------------------------------------------------------------------------------------
# Knobs
# ---------------------------------------------------------------------------------------
DEFAULTS = {"MOTO_VPC_ENDPOINT_CREATE_SECONDS": 2.0, "MOTO_VPC_ENDPOINT_DELETE_SECONDS": 2.0}
DEFAULT_CALLER_IP = "203.0.113.10"


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
        self.caller_ip = ipaddress.ip_address((os.environ.get("EKSUP_MOTO_CALLER_IP") or DEFAULT_CALLER_IP).strip())

    def __getitem__(self, name: str) -> float:
        return self.seconds[name]


KNOBS = Knobs()


def _age(since: datetime.datetime | None) -> float:
    if since is None:
        return float("inf")
    now = utcnow()
    if since.tzinfo is None and now.tzinfo is not None:
        since = since.replace(tzinfo=datetime.timezone.utc)
    return (now - since).total_seconds()


def _ec2_error(code: str, message: str) -> Exception:
    from moto.ec2.exceptions import EC2ClientError

    return EC2ClientError(code, message)


def _bool(value: Any) -> bool:
    return str(value).strip().lower() == "true"


# ---------------------------------------------------------------------------------------
# 1. The endpoint service catalogue
# ---------------------------------------------------------------------------------------
# service -> (private DNS name pattern or None, VpcEndpointPolicySupported) of its interface service.
INTERFACE_SERVICES: dict[str, tuple[str | None, bool]] = {
    "ec2": ("ec2.{r}.amazonaws.com", True),
    "ecr.api": ("api.ecr.{r}.amazonaws.com", True),
    "ecr.dkr": ("*.dkr.ecr.{r}.amazonaws.com", True),
    "sts": ("sts.{r}.amazonaws.com", True),
    "logs": ("logs.{r}.amazonaws.com", True),
    "autoscaling": ("autoscaling.{r}.amazonaws.com", True),
    "cloudformation": ("cloudformation.{r}.amazonaws.com", False),
    "eks": ("eks.{r}.amazonaws.com", True),
    "eks-auth": ("eks-auth.{r}.api.aws", True),
    "elasticloadbalancing": ("elasticloadbalancing.{r}.amazonaws.com", True),
    "ssm": ("ssm.{r}.amazonaws.com", True),
    "ssmmessages": ("ssmmessages.{r}.amazonaws.com", True),
    "ec2messages": ("ec2messages.{r}.amazonaws.com", True),
    "secretsmanager": ("secretsmanager.{r}.amazonaws.com", True),
    "kms": ("kms.{r}.amazonaws.com", True),
    "xray": ("xray.{r}.amazonaws.com", True),
    "monitoring": ("monitoring.{r}.amazonaws.com", True),
    "s3": ("*.s3.{r}.amazonaws.com", True),
}
GATEWAY_SERVICES = ("s3", "dynamodb")
# Zone overrides of the test route: service name -> zones.
ZONE_OVERRIDES: dict[str, list[str]] = {}
_OVERRIDES_LOCK = threading.Lock()


# China Regions name these services cn.com.amazonaws.<region>.<service> (eksctl's RequiresChinaPrefix,
# its recorded answer testdata/service_details_china.json) and end AWS's names in amazonaws.com.cn.
CHINA_PREFIXED = ("ec2", "ecr.api", "ecr.dkr", "sts", "cloudformation")


def service_name(region: str, service: str) -> str:
    """The endpoint service name of `service` in `region` (``com.amazonaws.<region>.<service>``)."""
    prefix = "cn.com.amazonaws" if region.startswith("cn-") and service in CHINA_PREFIXED else "com.amazonaws"
    return f"{prefix}.{region}.{service}"


def _service_id(region: str, name: str, kind: str) -> str:
    return "vpce-svc-" + hashlib.sha256(f"{region}/{name}/{kind}".encode()).hexdigest()[:17]


def _base_name(service: str) -> str:
    return {"ecr.api": "api.ecr", "ecr.dkr": "dkr.ecr"}.get(service, service)


def _zones(backend: Any) -> tuple[list[str], list[str]]:
    """(Availability Zones, Local Zones the account has opted in to) of the backend's Region, by name."""
    regular, local = [], []
    try:
        try:
            import eksup_moto_zones

            zones = eksup_moto_zones.zones_of(backend, all_zones=False)
        except (ImportError, AttributeError):
            zones = backend.describe_availability_zones()
        for zone in zones:
            kind = getattr(zone, "zone_type", None) or "availability-zone"
            (regular if kind == "availability-zone" else local).append(zone.name)
    except Exception:
        traceback.print_exc()
    return sorted(regular), sorted(local)


def _entry(region: str, service: str, kind: str, zones: list[str], private_dns: str | None, policy: bool) -> dict[str, Any]:
    name = service_name(region, service)
    with _OVERRIDES_LOCK:
        zones = list(ZONE_OVERRIDES.get(name, zones))
    china = ".cn" if region.startswith("cn-") else ""
    base = f"{service}.{region}.amazonaws.com" if kind == "Gateway" else f"{_base_name(service)}.{region}.vpce.amazonaws.com{china}"
    entry: dict[str, Any] = {
        "ServiceName": name,
        "ServiceId": _service_id(region, name, kind),
        "ServiceType": [{"ServiceType": kind}],
        "ServiceRegion": region,
        "AvailabilityZones": zones,
        "Owner": "amazon",
        "BaseEndpointDnsNames": [base],
        "VpcEndpointPolicySupported": policy,
        "AcceptanceRequired": False,
        "ManagesVpcEndpoints": False,
        "SupportedIpAddressTypes": ["ipv4"],
        "Tags": [],
    }
    if private_dns:
        dns = private_dns.format(r=region)
        if china and dns.endswith(".amazonaws.com"):
            dns += ".cn"
        entry.update({"PrivateDnsName": dns, "PrivateDnsNames": [{"PrivateDnsName": dns}], "PrivateDnsNameVerificationState": "verified"})
    return entry


def catalogue(backend: Any) -> list[dict[str, Any]]:
    """The AWS endpoint services of the backend's Region, as DescribeVpcEndpointServices lists them."""
    region = backend.region_name
    regular, local = _zones(backend)
    out = [_entry(region, s, "Interface", regular, dns, policy) for s, (dns, policy) in INTERFACE_SERVICES.items()]
    out += [_entry(region, s, "Gateway", regular + local if s == "s3" else regular, None, True) for s in GATEWAY_SERVICES]
    try:
        from moto.ec2.models.vpcs import AWS_ENDPOINT_SERVICES

        known = set(INTERFACE_SERVICES) | set(GATEWAY_SERVICES)
        out += [_entry(region, s, "Interface", regular, f"{s}.{{r}}.amazonaws.com", True) for s in AWS_ENDPOINT_SERVICES if s not in known]
    except Exception:
        traceback.print_exc()
    return sorted(out, key=lambda e: (e["ServiceName"], e["ServiceType"][0]["ServiceType"]))


def services_named(backend: Any, name: str) -> list[dict[str, Any]]:
    return [e for e in catalogue(backend) if e["ServiceName"] == name]


def _filter_values(item: dict[str, Any]) -> list[str]:
    values = item.get("Values", item.get("Value", []))
    return [values] if isinstance(values, str) else list(values or [])


def _service_matches(entry: dict[str, Any], name: str, values: list[str]) -> bool:
    if name == "service-name":
        return entry["ServiceName"] in values
    if name == "service-type":
        return entry["ServiceType"][0]["ServiceType"] in values
    if name == "owner":
        return entry["Owner"] in values
    if name == "service-region":
        return entry["ServiceRegion"] in values
    if name == "supported-ip-address-types":
        return bool(set(entry["SupportedIpAddressTypes"]) & set(values))
    tags = {t["Key"]: t["Value"] for t in entry.get("Tags", [])}
    if name == "tag-key":
        return bool(set(tags) & set(values))
    if name.startswith("tag:"):
        return tags.get(name[4:]) in values
    from moto.ec2.exceptions import InvalidFilter

    raise InvalidFilter(name)


def describe_vpc_endpoint_services(self: Any, service_names: list[str], filters: Any, max_results: int, next_token: str | None,
                                   region: str) -> dict[str, Any]:
    """VPCBackend.describe_vpc_endpoint_services from the static catalogue (plus moto's own services of
    CreateVpcEndpointServiceConfiguration)."""
    services = catalogue(self)
    try:
        services += [c.to_dict() for c in getattr(self, "configurations", {}).values()]
    except Exception:
        traceback.print_exc()
    names = {s["ServiceName"] for s in services}
    for name in service_names or []:
        if name not in names:
            raise _ec2_error("InvalidServiceName", f"The Vpc Endpoint Service '{name}' does not exist")
    picked = [s for s in services if not service_names or s["ServiceName"] in service_names]
    for item in filters or []:
        name = item.get("Name", "")
        values = _filter_values(item)
        picked = [s for s in picked if _service_matches(s, name, values)]
    start = 0
    ids = [s["ServiceId"] for s in picked]
    if next_token:
        if next_token not in ids:
            from moto.ec2.exceptions import InvalidNextToken

            raise InvalidNextToken(next_token)
        start = ids.index(next_token)
    size = max_results if max_results and max_results <= 1000 else 1000
    page = picked[start:start + size]
    following = picked[start + size]["ServiceId"] if len(picked) > start + size else None
    return {"servicesDetails": page, "serviceNames": sorted({s["ServiceName"] for s in page}), "nextToken": following}


# ---------------------------------------------------------------------------------------
# 2. VPC endpoints
# ---------------------------------------------------------------------------------------
TYPES = {"interface": "Interface", "gateway": "Gateway", "gatewayloadbalancer": "GatewayLoadBalancer"}
ENI_DESCRIPTION = "VPC Endpoint Interface {}"
_TOKEN_LOCK = threading.RLock()


def endpoint_type(vpce: Any) -> str:
    return TYPES.get(str(vpce.vpc_endpoint_type or "Gateway").lower(), str(vpce.vpc_endpoint_type))


def live_endpoints(backend: Any) -> list[Any]:
    """The endpoints of a backend that are not gone."""
    return [e for e in list(getattr(backend, "vpc_end_points", {}).values()) if e.state != "deleted"]


def sweep(backend: Any) -> None:
    """Endpoints whose deletion is over go, with their network interfaces."""
    import eksup_moto_strict as strict

    for vpce in list(getattr(backend, "vpc_end_points", {}).values()):
        if vpce.state == "deleted":
            backend.vpc_end_points.pop(vpce.id, None)
            for eni_id in vpce.network_interface_ids or []:
                eni = backend.enis.get(eni_id)
                if eni is not None:
                    strict._release_eni(backend, eni)
    strict.sweep(backend)


def _vpc_dns(vpc: Any) -> tuple[bool, bool]:
    return _bool(getattr(vpc, "enable_dns_support", True)), _bool(getattr(vpc, "enable_dns_hostnames", False))


def _check_subnets(backend: Any, vpc_id: str, name: str, entry: dict[str, Any], subnet_ids: list[str], existing: list[str]) -> list[Any]:
    """The subnets of an interface endpoint (CreateVpcEndpoint's and ModifyVpcEndpoint's checks)."""
    subnets = []
    by_zone: dict[str, str] = {}
    for subnet_id in existing:
        try:
            by_zone[backend.get_subnet(subnet_id).availability_zone] = subnet_id
        except Exception:
            pass
    for subnet_id in subnet_ids:
        subnet = backend.get_subnet(subnet_id)  # InvalidSubnetID.NotFound
        if subnet.vpc_id != vpc_id:
            raise _ec2_error("InvalidParameter", f"The subnet ID '{subnet_id}' does not belong to the VPC '{vpc_id}'")
        zone = subnet.availability_zone
        if zone in by_zone:
            raise _ec2_error("DuplicateSubnetsInSameZone", f"Found another VPC endpoint subnet in the availability zone of {by_zone[zone]}. "
                             "VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.")
        if zone not in entry["AvailabilityZones"]:
            raise _ec2_error("InvalidParameter", f"The VPC endpoint service {name} does not support the availability zone of the subnet: {subnet_id}.")
        by_zone[zone] = subnet_id
        subnets.append(subnet)
    return subnets


def _check_groups(backend: Any, vpc_id: str, group_ids: list[str], subnet_ids: list[str]) -> None:
    for group_id in group_ids:
        group = backend.get_security_group_from_id(group_id)
        if group is None:
            raise _ec2_error("InvalidGroup.NotFound", f"The security group '{group_id}' does not exist")
        if group.vpc_id != vpc_id:
            other = subnet_ids[0] if subnet_ids else vpc_id
            raise _ec2_error("InvalidParameter", f"Security group {group_id} and subnet {other} belong to different networks.")


def _prefix_list(backend: Any, name: str) -> Any:
    return next((p for p in getattr(backend, "managed_prefix_lists", {}).values() if p.prefix_list_name == name), None)


def _check_route_tables(backend: Any, vpc_id: str, name: str, route_table_ids: list[str]) -> None:
    prefix = _prefix_list(backend, name)
    for table_id in route_table_ids:
        table = backend.get_route_table(table_id)  # InvalidRouteTableID.NotFound
        if table.vpc_id != vpc_id:
            raise _ec2_error("InvalidParameter", f"The route table {table_id} does not belong to the VPC {vpc_id}")
        if prefix is not None and any(r.destination_prefix_list_id == prefix.id for r in table.routes):
            raise _ec2_error("RouteAlreadyExists", f"route table {table_id} already has a route with destination-prefix-list-id {prefix.id}")


def _make_enis(backend: Any, vpce: Any, subnets: list[Any]) -> None:
    for subnet in subnets:
        eni = backend.create_network_interface(subnet, None, group_ids=list(vpce.security_group_ids or []),
                                               description=ENI_DESCRIPTION.format(vpce.id))
        eni.interface_type = "vpc_endpoint"
        eni.requester_managed = True
        eni.requester_id = "amazon-aws"
        eni.status = "in-use"
        eni._eksup_vpce = vpce.id
        vpce.network_interface_ids.append(eni.id)


def _release_enis(backend: Any, vpce: Any, subnet_ids: list[str] | None = None, at: datetime.datetime | None = None) -> None:
    """Release the interfaces of `vpce` (in `subnet_ids`, default all) now or at `at`."""
    import eksup_moto_strict as strict

    kept = []
    for eni_id in list(vpce.network_interface_ids or []):
        eni = backend.enis.get(eni_id)
        if eni is None:
            continue
        if subnet_ids is not None and eni.subnet.id not in subnet_ids:
            kept.append(eni_id)
            continue
        if at is None:
            strict._release_eni(backend, eni)
        else:
            eni._eksup_release_at = at
            kept.append(eni_id)
    vpce.network_interface_ids = kept


def _add_routes(backend: Any, vpce: Any, table_ids: list[str]) -> None:
    prefix = _prefix_list(backend, vpce.service_name)
    if prefix is None:
        return
    vpce.destination_prefix_list_id = prefix.id
    for table_id in table_ids:
        backend.create_route(table_id, None, gateway_id=vpce.id, destination_prefix_list_id=prefix.id)


def _remove_routes(backend: Any, vpce: Any, table_ids: list[str] | None = None) -> None:
    for table in list(getattr(backend, "route_tables", {}).values()):
        if table_ids is not None and table.id not in table_ids:
            continue
        for route_id, route in list(table._routes.items()):
            if route.gateway_id == vpce.id:
                table._routes.pop(route_id, None)


def _dns_entries(vpce: Any, entry: dict[str, Any], subnets: list[Any]) -> list[dict[str, str]]:
    """The endpoint's own names: regional, then one per zone (as AWS lists them)."""
    suffix = hashlib.sha256(vpce.id.encode()).hexdigest()[:8]
    base = entry["BaseEndpointDnsNames"][0]
    zone_id = "Z" + hashlib.sha256(base.encode()).hexdigest()[:13].upper()
    names = [f"{vpce.id}-{suffix}.{base}"] + [f"{vpce.id}-{suffix}-{s.availability_zone}.{base}" for s in subnets]
    return [{"DnsName": n, "HostedZoneId": zone_id} for n in names]


def _fingerprint(**params: Any) -> str:
    return json.dumps(params, sort_keys=True, default=str)


def _patch_ec2_models(models: Any) -> None:
    from moto.ec2.models.route_tables import RouteBackend as RouteTableBackend
    from moto.ec2.models.vpcs import VPCBackend, VPCEndPoint

    VPCBackend.describe_vpc_endpoint_services = describe_vpc_endpoint_services

    # --- states -------------------------------------------------------------------------
    def get_state(self: Any) -> str:
        d = self.__dict__
        since = d.get("_eksup_deleting_since")
        if since is not None:
            return "deleting" if _age(since) < KNOBS["MOTO_VPC_ENDPOINT_DELETE_SECONDS"] else "deleted"
        stored = d.get("_eksup_state", "available")
        if stored == "available" and d.get("_eksup_pending") and _age(self.creation_timestamp) < KNOBS["MOTO_VPC_ENDPOINT_CREATE_SECONDS"]:
            return "pending"
        return stored

    def set_state(self: Any, value: str) -> None:
        self.__dict__["_eksup_state"] = value

    VPCEndPoint.state = property(get_state, set_state)

    original_filter = VPCEndPoint.get_filter_value

    def get_filter_value(self: Any, filter_name: str, method_name: str | None = None) -> Any:
        if filter_name == "vpc-id":
            return self.vpc_id
        if filter_name == "service-name":
            return self.service_name
        if filter_name == "vpc-endpoint-id":
            return self.id
        if filter_name == "vpc-endpoint-state":
            return self.state
        if filter_name == "vpc-endpoint-type":
            return endpoint_type(self)
        if filter_name == "ip-address-type":
            return "ipv4"
        return original_filter(self, filter_name, method_name)

    VPCEndPoint.get_filter_value = get_filter_value

    # --- CreateVpcEndpoint ------------------------------------------------------------------
    def create_vpc_endpoint(self: Any, vpc_id: str, service_name: str, endpoint_type_: str | None = None, policy_document: str | None = None,
                            route_table_ids: list[str] | None = None, subnet_ids: list[str] | None = None, network_interface_ids: Any = None,
                            dns_entries: Any = None, client_token: str | None = None, security_group_ids: list[str] | None = None,
                            tags: dict[str, str] | None = None, private_dns_enabled: bool | None = None, **kwargs: Any) -> Any:
        endpoint_type_ = kwargs.pop("endpoint_type", endpoint_type_)
        sweep(self)
        kind = TYPES.get(str(endpoint_type_ or "Gateway").lower(), str(endpoint_type_))
        route_table_ids, subnet_ids = list(route_table_ids or []), list(subnet_ids or [])
        groups_given = list(security_group_ids or [])
        fingerprint = _fingerprint(vpc=vpc_id, service=service_name, type=kind, tables=sorted(route_table_ids), subnets=sorted(subnet_ids),
                                   groups=sorted(groups_given), dns=private_dns_enabled, policy=policy_document, tags=tags or {})
        tokens = self.__dict__.setdefault("_eksup_vpce_tokens", {})
        with _TOKEN_LOCK:
            if client_token and client_token in tokens:
                seen, vpce_id = tokens[client_token]
                if seen != fingerprint:
                    raise _ec2_error("IdempotentParameterMismatch",
                                     "Arguments on this idempotent request are inconsistent with arguments used in previous request(s).")
                if vpce_id in self.vpc_end_points:
                    return self.vpc_end_points[vpce_id]
            vpce = _create(self, vpc_id, service_name, kind, policy_document, route_table_ids, subnet_ids, groups_given,
                           tags, private_dns_enabled, client_token)
            if client_token:
                tokens[client_token] = (fingerprint, vpce.id)
            return vpce

    def _create(self: Any, vpc_id: str, service_name: str, kind: str, policy_document: str | None, route_table_ids: list[str],
                subnet_ids: list[str], groups: list[str], tags: dict[str, str] | None, private_dns_enabled: bool | None,
                client_token: str | None) -> Any:
        vpc = self.get_vpc(vpc_id)  # InvalidVpcID.NotFound
        entries = services_named(self, service_name)
        if not entries:
            raise _ec2_error("InvalidServiceName", f"The Vpc Endpoint Service '{service_name}' does not exist")
        kinds = [e["ServiceType"][0]["ServiceType"] for e in entries]
        if kind not in kinds:
            raise _ec2_error("InvalidParameter", f"Endpoint type ({kind}) does not match available service types ([{', '.join(kinds)}]).")
        entry = entries[kinds.index(kind)]
        subnets: list[Any] = []
        if kind == "Gateway":
            if subnet_ids:
                raise _ec2_error("InvalidParameter", "Subnet IDs are only supported for Interface and GatewayLoadBalancer type VPC Endpoints.")
            if groups:
                raise _ec2_error("InvalidParameter", "Security group IDs are only supported for Interface type VPC Endpoints.")
            _check_route_tables(self, vpc_id, service_name, route_table_ids)
        else:
            if route_table_ids:
                raise _ec2_error("InvalidParameter", "Route table IDs are only supported for Gateway type VPC Endpoint.")
            subnets = _check_subnets(self, vpc_id, service_name, entry, subnet_ids, [])
            if not groups:
                default = self.get_security_group_from_name("default", vpc_id)
                groups = [default.id] if default is not None else []
            _check_groups(self, vpc_id, groups, subnet_ids)
            dns = private_dns_enabled is None or bool(private_dns_enabled)
            if dns:
                if not entry.get("PrivateDnsName"):
                    raise _ec2_error("InvalidParameter", f"Private DNS can't be enabled because the service {service_name} does not provide a private DNS name.")
                support, hostnames = _vpc_dns(vpc)
                if not (support and hostnames):
                    raise _ec2_error("InvalidParameter", "Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC "
                                     f"attributes set to true for {vpc_id}")
                for other in live_endpoints(self):
                    if (other.vpc_id == vpc_id and other.service_name == service_name and endpoint_type(other) == "Interface"
                            and other.private_dns_enabled):
                        raise _ec2_error("InvalidParameter", "private-dns-enabled cannot be set because there is already a conflicting DNS "
                                         f"domain for {entry['PrivateDnsName']} in the VPC {vpc_id}")
                if service_name == f"com.amazonaws.{self.region_name}.s3" and not any(o.vpc_id == vpc_id and o.service_name == service_name and endpoint_type(o) == "Gateway"
                                                            for o in live_endpoints(self)):
                    raise _ec2_error("InvalidParameter", f"To set PrivateDnsOnlyForInboundResolverEndpoint to true, the VPC {vpc_id} must have a "
                                     "Gateway endpoint for the service.")
            private_dns_enabled = dns
        # Made here rather than by moto's create_vpc_endpoint (interfaces outside the subnet, no groups), so
        # that no other wrapper of it runs its own checks again.
        from moto.ec2.utils import random_vpc_ep_id

        vpce = VPCEndPoint(self, random_vpc_ep_id(), vpc_id, service_name, kind, policy_document,
                           route_table_ids if kind == "Gateway" else [], [s.id for s in subnets], [], dns_entries=[],
                           client_token=client_token, security_group_ids=groups if kind != "Gateway" else [], tags=tags,
                           private_dns_enabled=bool(private_dns_enabled) if kind != "Gateway" else False)
        self.vpc_end_points[vpce.id] = vpce
        if kind == "Gateway":
            vpce.route_table_ids = []
            _add_routes(self, vpce, route_table_ids)
            vpce.route_table_ids = list(route_table_ids)
        else:
            _make_enis(self, vpce, subnets)
            vpce.dns_entries = _dns_entries(vpce, entry, subnets)
            vpce._eksup_pending = True
        return vpce

    VPCBackend.create_vpc_endpoint = create_vpc_endpoint

    # --- DeleteVpcEndpoints -----------------------------------------------------------------
    def delete_vpc_endpoints(self: Any, vpce_ids: list[str] | None = None) -> list[dict[str, Any]]:
        sweep(self)
        unsuccessful = []
        delay = KNOBS["MOTO_VPC_ENDPOINT_DELETE_SECONDS"]
        for vpce_id in vpce_ids or []:
            vpce = self.vpc_end_points.get(vpce_id)
            if vpce is None or vpce.state == "deleted":
                unsuccessful.append({"Error": {"Code": "InvalidVpcEndpoint.NotFound", "Message": f"The VPC endpoint '{vpce_id}' does not exist"},
                                     "ResourceId": vpce_id})
                continue
            if vpce.__dict__.get("_eksup_deleting_since") is not None:
                continue
            vpce._eksup_deleting_since = utcnow()
            _release_enis(self, vpce, at=utcnow() + datetime.timedelta(seconds=delay))
            if endpoint_type(vpce) == "Gateway":
                _remove_routes(self, vpce)
        sweep(self)
        return unsuccessful

    VPCBackend.delete_vpc_endpoints = delete_vpc_endpoints

    original_describe = VPCBackend.describe_vpc_endpoints

    def describe_vpc_endpoints(self: Any, vpc_end_point_ids: list[str] | None, filters: Any = None) -> list[Any]:
        sweep(self)
        return original_describe(self, vpc_end_point_ids, filters)

    VPCBackend.describe_vpc_endpoints = describe_vpc_endpoints

    # --- ModifyVpcEndpoint ------------------------------------------------------------------
    original_modify = VPCBackend.modify_vpc_endpoint

    def modify_vpc_endpoint(self: Any, vpc_id: str, policy_doc: str, add_subnets: list[str] | None, remove_subnets: list[str] | None,
                            remove_route_tables: list[str] | None, add_route_tables: list[str] | None,
                            add_security_groups: list[str] | None, remove_security_groups: list[str] | None) -> None:
        sweep(self)
        vpce = self.get_vpc_end_point(vpc_id)  # moto names the endpoint id vpc_id here
        entries = [e for e in services_named(self, vpce.service_name) if e["ServiceType"][0]["ServiceType"] == endpoint_type(vpce)]
        entry = entries[0] if entries else {"AvailabilityZones": [], "BaseEndpointDnsNames": [f"{vpce.service_name}.vpce.amazonaws.com"]}
        kept_subnets = [s for s in (vpce.subnet_ids or []) if s not in (remove_subnets or [])]
        new_subnets = [s for s in (add_subnets or []) if s not in kept_subnets]
        subnets = _check_subnets(self, vpce.vpc_id, vpce.service_name, entry, new_subnets, kept_subnets) if new_subnets else []
        if add_security_groups:
            _check_groups(self, vpce.vpc_id, add_security_groups, kept_subnets)
        new_tables = [t for t in (add_route_tables or []) if t not in (vpce.route_table_ids or [])]
        if new_tables:
            _check_route_tables(self, vpce.vpc_id, vpce.service_name, new_tables)
        original_modify(self, vpc_id, policy_doc, add_subnets, remove_subnets, remove_route_tables, add_route_tables,
                        add_security_groups, remove_security_groups)
        if remove_subnets:
            _release_enis(self, vpce, subnet_ids=list(remove_subnets))
        _make_enis(self, vpce, subnets)
        if add_security_groups or remove_security_groups:
            groups = [self.get_security_group_from_id(g) for g in vpce.security_group_ids]
            for eni_id in vpce.network_interface_ids:
                eni = self.enis.get(eni_id)
                if eni is not None:
                    eni._group_set = [g for g in groups if g is not None]
        if remove_route_tables:
            _remove_routes(self, vpce, list(remove_route_tables))
        if new_tables:
            _add_routes(self, vpce, new_tables)

    VPCBackend.modify_vpc_endpoint = modify_vpc_endpoint

    # --- DeleteRouteTable: the table leaves its gateway endpoints ---------------------------------
    original_delete_table = RouteTableBackend.delete_route_table

    def delete_route_table(self: Any, route_table_id: str) -> None:
        original_delete_table(self, route_table_id)
        for vpce in list(getattr(self, "vpc_end_points", {}).values()):
            if route_table_id in (vpce.route_table_ids or []):
                vpce.route_table_ids = [t for t in vpce.route_table_ids if t != route_table_id]

    RouteTableBackend.delete_route_table = delete_route_table


def _patch_ec2_responses(vpcs_responses: Any) -> None:
    from moto.core.responses import ActionResult

    VPCs = vpcs_responses.VPCs
    original_create = VPCs.create_vpc_endpoint

    def create_vpc_endpoint(self: Any) -> Any:
        result = original_create(self)
        token = self._get_param("ClientToken")
        if token and isinstance(getattr(result, "result", None), dict):
            result.result.setdefault("ClientToken", token)
        return result

    VPCs.create_vpc_endpoint = create_vpc_endpoint

    def delete_vpc_endpoints(self: Any) -> Any:
        unsuccessful = self.ec2_backend.delete_vpc_endpoints(vpce_ids=self._get_param("VpcEndpointIds", []))
        return ActionResult({"Unsuccessful": unsuccessful or []})

    VPCs.delete_vpc_endpoints = delete_vpc_endpoints


# ---------------------------------------------------------------------------------------
# 3. Node networks
# ---------------------------------------------------------------------------------------
INTERNET = ipaddress.ip_network("0.0.0.0/0")


def route_table_of(backend: Any, subnet: Any) -> Any:
    """The subnet's route table: its explicit association, else its VPC's main table."""
    tables = [t for t in getattr(backend, "route_tables", {}).values() if t.vpc_id == subnet.vpc_id]
    for table in tables:
        if subnet.id in table._associations.values():
            return table
    return next((t for t in tables if t.main_association_id is not None), None)


def _default_route(table: Any) -> Any:
    if table is None:
        return None
    for route in table.routes:
        if route.destination_cidr_block == "0.0.0.0/0" and getattr(route, "state", "active") != "blackhole":
            return route
    return None


def _attached_igw(route: Any, vpc_id: str) -> Any:
    gateway = getattr(route, "gateway", None) if route is not None else None
    if gateway is None or not str(getattr(gateway, "id", "")).startswith("igw-"):
        return None
    vpc = getattr(gateway, "vpc", None)
    return gateway if vpc is not None and vpc.id == vpc_id else None


def internet_egress(backend: Any, inst: Any) -> tuple[str | None, str]:
    """(public IPv4 address the instance reaches the internet from, or None; how / why not)."""
    subnet = backend.get_subnet(inst.subnet_id)
    vpc = backend.get_vpc(subnet.vpc_id)
    if not _vpc_dns(vpc)[0]:
        return None, f"{vpc.id} has enableDnsSupport false (no Amazon DNS to resolve AWS's public names)"
    table = route_table_of(backend, subnet)
    where = f"{subnet.id} (route table {table.id if table is not None else 'none'})"
    route = _default_route(table)
    if route is None:
        return None, f"{where} has no route 0.0.0.0/0 to an internet gateway or NAT gateway"
    if _attached_igw(route, vpc.id) is not None:
        public = inst.public_ip or next((e.public_ip for e in inst.nics.values() if getattr(e, "public_ip", None)), None)
        if public:
            return str(public), f"{where} routes to {route.gateway.id}, the instance has {public}"
        return None, f"{where} routes 0.0.0.0/0 to {route.gateway.id} but the instance has no public IPv4 address"
    nat = getattr(route, "nat_gateway", None)
    if nat is not None:
        if nat.state != "available":
            return None, f"{where} routes 0.0.0.0/0 to {nat.id}, which is {nat.state}"
        if getattr(nat, "connectivity_type", "public") == "private":
            return None, f"{where} routes 0.0.0.0/0 to {nat.id}, a private NAT gateway"
        eni = nat.__dict__.get("_eni")
        public = getattr(eni, "public_ip", None) if eni is not None else None
        nat_subnet = backend.get_subnet(nat.subnet_id)
        nat_route = _default_route(route_table_of(backend, nat_subnet))
        if not public or _attached_igw(nat_route, vpc.id) is None:
            return None, f"{where} routes 0.0.0.0/0 to {nat.id}, whose subnet {nat.subnet_id} has no route 0.0.0.0/0 to an attached internet gateway"
        return str(public), f"{where} routes 0.0.0.0/0 to {nat.id} ({public})"
    target = route.gateway_id or getattr(route, "transit_gateway_id", None) or getattr(route, "vpc_peering_connection_id", None) or "another target"
    return None, f"{where} routes 0.0.0.0/0 to {target}, which the emulator does not count as internet"


def _admits_443(backend: Any, group_ids: list[str], inst: Any) -> bool:
    import eksup_moto_k8s as k8s

    node_groups = {g.id for g in inst.security_groups}
    try:
        ip = ipaddress.ip_address(inst.private_ip)
    except ValueError:
        ip = None
    for group_id in group_ids:
        group = backend.get_security_group_from_id(group_id)
        for rule in list(group.ingress_rules) if group is not None else []:
            if k8s._rule_admits(rule, 443, node_groups, lambda n: ip is not None and ip in n):
                return True
    return False


def endpoint_reach(backend: Any, inst: Any, service: str) -> str | None:
    """None when the instance reaches `com.amazonaws.<region>.<service>` through a VPC endpoint, else why not."""
    subnet = backend.get_subnet(inst.subnet_id)
    name = service_name(backend.region_name, service)
    mine = [e for e in live_endpoints(backend) if e.vpc_id == subnet.vpc_id and e.service_name == name]
    if service == "s3":
        table = route_table_of(backend, subnet)
        gateways = [e for e in mine if endpoint_type(e) == "Gateway"]
        if any(e.state == "available" and table is not None and table.id in (e.route_table_ids or []) for e in gateways):
            return None
        if not gateways:
            return f"no s3 gateway endpoint in {subnet.vpc_id}"
        return f"no available s3 gateway endpoint routes {table.id if table is not None else 'the subnet'}'s route table"
    interfaces = [e for e in mine if endpoint_type(e) == "Interface"]
    if not interfaces:
        return f"no {service} interface endpoint in {subnet.vpc_id}"
    why = []
    for vpce in interfaces:
        if vpce.state != "available":
            why.append(f"{vpce.id} is {vpce.state}")
        elif not vpce.private_dns_enabled:
            why.append(f"{vpce.id} has no private DNS")
        elif not all(_vpc_dns(backend.get_vpc(subnet.vpc_id))):
            why.append(f"{subnet.vpc_id} lacks enableDnsSupport or enableDnsHostnames")
        elif not _admits_443(backend, list(vpce.security_group_ids or []), inst):
            why.append(f"the security groups of {vpce.id} {list(vpce.security_group_ids or [])} admit no tcp/443 from the node")
        else:
            return None
    return "; ".join(why)


def service_reach(backend: Any, inst: Any, services: tuple[str, ...], egress: tuple[str | None, str]) -> str | None:
    """None when the instance reaches every service (internet, or endpoints for all), else why not."""
    if egress[0] is not None:
        return None
    missing = [w for w in (endpoint_reach(backend, inst, s) for s in services) if w]
    if not missing:
        return None
    return f"no internet ({egress[1]}) and " + "; ".join(missing)


def _cidrs_hold(cidrs: list[str], address: Any) -> bool:
    for cidr in cidrs or ["0.0.0.0/0"]:
        try:
            network = ipaddress.ip_network(str(cidr), strict=False)
        except ValueError:
            continue
        if network.version == address.version and address in network:
            return True
    return False


def api_server_problem(ctx: Any, backend: Any, inst: Any, egress: tuple[str | None, str]) -> str | None:
    """Why kubelet cannot reach the cluster's API server from `inst`, or None."""
    config = ctx.cluster.resources_vpc_config or {}
    subnet = backend.get_subnet(inst.subnet_id)
    support, hostnames = _vpc_dns(backend.get_vpc(subnet.vpc_id))
    private_why = None
    if not config.get("endpointPrivateAccess"):
        private_why = "the private endpoint is off"
    elif subnet.vpc_id != config.get("vpcId"):
        private_why = f"the node is in {subnet.vpc_id}, not the cluster's VPC {config.get('vpcId')}"
    elif not (support and hostnames):
        private_why = (f"the private endpoint needs {subnet.vpc_id}'s enableDnsSupport and enableDnsHostnames "
                       f"(enableDnsSupport {str(support).lower()}, enableDnsHostnames {str(hostnames).lower()})")
    if private_why is None:
        return None
    if not config.get("endpointPublicAccess", True):
        return f"kubelet cannot reach the API server: the public endpoint is off and {private_why}"
    if egress[0] is None:
        return f"kubelet cannot reach the API server: {private_why} and the public endpoint needs the internet ({egress[1]})"
    cidrs = config.get("publicAccessCidrs") or ["0.0.0.0/0"]
    if not _cidrs_hold(cidrs, ipaddress.ip_address(egress[0])):
        return (f"kubelet cannot reach the API server: {private_why} and the node's public address {egress[0]} is not in "
                f"publicAccessCidrs {cidrs}")
    return None


def _bootstrap_looks_up_cluster(ctx: Any, backend: Any, inst: Any) -> bool:
    """Whether the instance's own user data bootstraps it with bootstrap.sh / Start-EKSBootstrap.ps1
    without the endpoint or the CA (they then call eks:DescribeCluster)."""
    import eksup_moto_k8s as k8s

    tags = k8s.instance_tags(inst)
    if tags.get("eks:nodegroup-name") and tags.get("eks:cluster-name") == ctx.cluster.name:
        nodegroup = ctx.cluster.nodegroups.get(tags["eks:nodegroup-name"])
        template = getattr(nodegroup, "launch_template", None) or {}
        try:
            source = backend.get_launch_template(template["id"]).get_version(template.get("version") or "$Default")
            custom = bool(source.data.get("ImageId"))
        except Exception:
            custom = False
        if not custom:
            return False  # EKS's own bootstrap passes the endpoint and the CA
    b = ctx.bootstrap(backend, inst)
    return b is not None and b.form in ("bootstrap.sh", "powershell") and not (b.endpoint and b.ca)


def join_check(ctx: Any, inst: Any, family: str | None) -> list[str]:
    """eksup_moto_k8s.JOIN_CHECKS: the node must reach the API server (and the EKS API when its
    bootstrap looks the cluster up)."""
    import eksup_moto_k8s as k8s

    backend = k8s._ec2(ctx)
    try:
        if not inst.subnet_id:
            return []
        egress = internet_egress(backend, inst)
        problems = []
        why = api_server_problem(ctx, backend, inst, egress)
        if why:
            problems.append(why)
        if _bootstrap_looks_up_cluster(ctx, backend, inst):
            eks_why = service_reach(backend, inst, ("eks",), egress)
            if eks_why:
                problems.append(f"the bootstrap has no API server endpoint or CA and calls eks:DescribeCluster, which it cannot reach: {eks_why}")
        return problems
    except Exception:
        traceback.print_exc()
        return []


def _aws_node_credentials(ctx: Any) -> str | None:
    """Which AWS service aws-node's credentials come from: "sts" (IRSA: the vpc-cni add-on's
    serviceAccountRoleArn, first in the SDK's chain), "eks-auth" (a pod identity association of
    kube-system/aws-node: the container credentials come before IMDS) or None (the node role, IMDS)."""
    import eksup_moto_eks as eks

    addon = eks._addons(ctx.cluster).get("vpc-cni")
    if addon is None:
        return None
    if getattr(addon, "service_account_role_arn", None):
        return "sts"
    try:
        associations = list(eks._pod_identities(ctx.cluster).values())
    except Exception:
        associations = []
    if any((a.namespace, a.service_account) == ("kube-system", "aws-node") for a in associations):
        return "eks-auth"
    return None


def wrap_node_cni_problem(k8s: Any) -> None:
    original = k8s.node_cni_problem

    def node_cni_problem(ctx: Any, inst: Any, ev: dict[str, Any]) -> str | None:
        why = original(ctx, inst, ev)
        if why is not None or not getattr(inst, "subnet_id", None):
            return why
        try:
            backend = k8s._ec2(ctx)
            egress = internet_egress(backend, inst)
            problems = []
            ecr = service_reach(backend, inst, ("ecr.api", "ecr.dkr", "s3"), egress)
            if ecr:
                problems.append(f"the node cannot pull aws-node's image from 602401143452.dkr.ecr.{ctx.region}.amazonaws.com: {ecr}")
            ec2 = service_reach(backend, inst, ("ec2",), egress)
            if ec2:
                problems.append(f"ipamd cannot call EC2: {ec2}")
            credentials = _aws_node_credentials(ctx)
            if credentials:
                reach = service_reach(backend, inst, (credentials,), egress)
                if reach:
                    how = "AssumeRoleWithWebIdentity (IRSA)" if credentials == "sts" else "eks-auth:AssumeRoleForPodIdentity (EKS Pod Identity)"
                    problems.append(f"aws-node gets no credentials: {how} needs {credentials}: {reach}")
            return "; ".join(problems) or None
        except Exception:
            traceback.print_exc()
            return None

    node_cni_problem.__wrapped__ = original  # type: ignore[attr-defined]
    k8s.node_cni_problem = node_cni_problem


# ---------------------------------------------------------------------------------------
# 4. The API server from outside the VPC
# ---------------------------------------------------------------------------------------
def refusal(cluster: Any, caller: Any = None) -> str | None:
    """Why the cluster's API refuses the test machine (at `caller`, default EKSUP_MOTO_CALLER_IP), or None."""
    import eksup_moto_eks as eks

    try:
        eks._update_in_progress(cluster)  # a finished EndpointAccessUpdate takes effect now
    except Exception:
        traceback.print_exc()
    caller = caller if caller is not None else KNOBS.caller_ip
    config = getattr(cluster, "resources_vpc_config", None) or {}
    if not config.get("endpointPublicAccess", True):
        return "the public endpoint is off (the name resolves to private addresses of the VPC)"
    cidrs = config.get("publicAccessCidrs") or ["0.0.0.0/0"]
    if not _cidrs_hold(cidrs, caller):
        return f"{caller} is not in publicAccessCidrs {cidrs}"
    return None


def _patch_k8s() -> None:
    import eksup_moto_k8s as k8s

    original_start = k8s.ClusterContext.start

    def start(self: Any) -> None:
        original_start(self)
        server = self.server
        if server is None:
            return
        ctx = self

        def verify_request(request: Any, client_address: Any) -> bool:
            why = refusal(ctx.cluster)
            if why is None:
                return True
            try:  # a reset, not an orderly close: the client fails at once
                request.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            except OSError:
                pass
            for hook in list(k8s.REQUEST_HOOKS):
                try:
                    hook(ctx.cluster.name, "REFUSED", why)
                except Exception:
                    traceback.print_exc()
            return False

        server.verify_request = verify_request

    k8s.ClusterContext.start = start
    k8s.JOIN_CHECKS.append(join_check)
    wrap_node_cni_problem(k8s)


# ---------------------------------------------------------------------------------------
# 5. EKS endpoint access
# ---------------------------------------------------------------------------------------
ENDPOINT_KEYS = ("endpointPublicAccess", "endpointPrivateAccess", "publicAccessCidrs")
# Not 127.0.0.0/8: moto draws Elastic IPs from it (they stand for public addresses).
RESERVED = [ipaddress.ip_network(n) for n in ("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "169.254.0.0/16", "172.16.0.0/12",
                                              "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4")]


def invalid_cidrs(cidrs: Any) -> list[str]:
    bad = []
    for cidr in cidrs or []:
        try:
            network = ipaddress.ip_network(str(cidr), strict=False)
        except ValueError:
            bad.append(str(cidr))
            continue
        if network.version == 4 and network.prefixlen > 0 and any(network.subnet_of(r) for r in RESERVED):
            bad.append(str(cidr))
    return bad


def _access(config: dict[str, Any]) -> tuple[bool, bool, list[str]]:
    """(public, private, public access CIDRs) of a resourcesVpcConfig, with EKS's defaults."""
    return (bool(config.get("endpointPublicAccess", True)), bool(config.get("endpointPrivateAccess", False)),
            list(config.get("publicAccessCidrs") or ["0.0.0.0/0"]))


def _check_access(config: dict[str, Any]) -> None:
    import eksup_moto_eks as eks

    if config.get("endpointPublicAccess", True) is False and config.get("endpointPrivateAccess", False) is False:
        raise eks._invalid_parameter("Both private and public endpoint access cannot be false")
    bad = invalid_cidrs(config.get("publicAccessCidrs"))
    if bad:
        raise eks._invalid_parameter(f"The following CIDRs are invalid in publicAccessCidrs: [{','.join(bad)}]")


def _patch_eks() -> None:
    import eksup_moto_eks as eks
    from moto.eks.models import EKSBackend
    from moto.eks.responses import EKSResponse

    original_create = EKSBackend.create_cluster

    def create_cluster(self: Any, name: str, role_arn: str, resources_vpc_config: dict[str, Any], **kwargs: Any) -> Any:
        if name not in self.clusters:
            _check_access(dict(resources_vpc_config or {}))
        return original_create(self, name, role_arn, resources_vpc_config, **kwargs)

    EKSBackend.create_cluster = create_cluster

    original_update = EKSResponse.update_cluster_config

    def update_cluster_config(self: Any) -> Any:
        asked = self._get_param("resourcesVpcConfig")
        cluster = self.eks_backend.clusters.get(self._get_param("name"))
        others = [m for m in eks.CLUSTER_UPDATE_TYPES if m != "resourcesVpcConfig" and self._get_param(m) is not None]
        if not isinstance(asked, dict) or cluster is None or others or eks._update_in_progress(cluster) is not None \
                or cluster.status != "ACTIVE":
            return original_update(self)  # eksup_moto_eks's refusals first (or not an endpoint change)
        current = cluster.resources_vpc_config
        merged = {**current, **asked}
        _check_access(merged)
        endpoint_change = {k: asked[k] for k in ENDPOINT_KEYS if k in asked}
        if asked and _access(merged) == _access(current) and \
                not any(k in asked and asked[k] != current.get(k)
                        for k in ("subnetIds", "securityGroupIds", "controlPlaneEgressMode")):
            public, private, cidrs = _access(current)
            raise eks._invalid_parameter(
                f"Cluster is already at the desired configuration with endpointPrivateAccess: {str(private).lower()} , "
                f"endpointPublicAccess: {str(public).lower()}, and Public Endpoint Restrictions: [{', '.join(cidrs)}]")
        before = {k: current.get(k) for k in endpoint_change}
        result = original_update(self)
        if not endpoint_change:
            return result
        update = (getattr(result, "result", None) or {}).get("update") or {}
        stored = eks._updates(cluster).get(update.get("id"))
        if stored is None or stored.get("status") != "InProgress":
            return result
        after = {k: cluster.resources_vpc_config.get(k) for k in endpoint_change}
        cluster.resources_vpc_config.update(before)  # the old access until the update is done

        def finish(done: dict[str, Any], _previous: Any = stored.get("_finish")) -> str:
            cluster.resources_vpc_config.update(after)
            return _previous(done) if _previous is not None else "Successful"

        stored["_finish"] = finish
        backend = self.eks_backend
        timer = threading.Timer(max(0.0, stored.get("_seconds", 0) - _age(stored["createdAt"])) + 0.01, eks._update_status, [stored])
        timer.daemon = True
        timer.start()
        backend.__dict__.setdefault("_eksup_timers", []).append(timer)
        return result

    EKSResponse.update_cluster_config = update_cluster_config


# ---------------------------------------------------------------------------------------
# Test route
# ---------------------------------------------------------------------------------------
def _zones_route(environ: dict[str, Any]) -> tuple[int, bytes] | None:
    import eksup_moto_strict as strict

    def read() -> dict[str, list[str]]:
        with _OVERRIDES_LOCK:
            return dict(ZONE_OVERRIDES)

    def reset() -> None:
        with _OVERRIDES_LOCK:
            ZONE_OVERRIDES.clear()

    def change(body: dict[str, Any]) -> None:
        for name, zones in body.items():
            if zones is not None and (not isinstance(zones, list) or not all(isinstance(z, str) for z in zones)):
                raise ValueError(f"{name}: a list of zone names, or null")
        with _OVERRIDES_LOCK:
            for name, zones in body.items():
                if zones is None:
                    ZONE_OVERRIDES.pop(name, None)
                else:
                    ZONE_OVERRIDES[name] = list(zones)

    return strict.json_table_route(environ, read, reset, change)


def _install_test_route() -> None:
    import eksup_moto_strict as strict

    host = strict._host()
    original = host.TestControl.control

    def control(self: Any, environ: dict[str, Any], route: str) -> tuple[int, bytes]:
        if route == "vpc-endpoint-services":
            answer = _zones_route(environ)
            if answer is not None:
                return answer
        return original(self, environ, route)

    host.TestControl.control = control


# ---------------------------------------------------------------------------------------
# Wiring
# ---------------------------------------------------------------------------------------
def install() -> None:
    """Apply the patches of this module (called once per process; see the module docstring for the order)."""
    import eksup_moto_strict as strict

    global KNOBS
    KNOBS = Knobs()
    strict._register("moto.ec2.models", _patch_ec2_models)
    strict._register("moto.ec2.responses.vpcs", _patch_ec2_responses)
    _patch_k8s()
    _patch_eks()
    _install_test_route()


__all__ = ["install", "catalogue", "internet_egress", "endpoint_reach", "refusal", "KNOBS", "DEFAULTS", "ZONE_OVERRIDES"]
