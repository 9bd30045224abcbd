"""eksup's local AWS emulator: moto's server (``moto.server.main``) plus patches.

Run it with the venv created by ``scripts/emulator install`` and the same arguments as
``moto_server``::

    .emulator/venv/bin/python tests/moto/eksup_moto.py -H 127.0.0.1 -p 5055

moto answers most EC2/IAM/ECR/ASG/SSM/STS/EKS calls eksup makes, but it diverges from AWS
where eksup needs fidelity (see /work/shared/docs/moto.md). This module closes those gaps.
Every patch below is documented with what AWS does and why eksup needs it. All of them
are class- or module-level, and all state they add lives on moto's backends, so everything
survives (and is cleared by) ``POST /moto-api/reset``. They use moto's private APIs:
``tests/moto/requirements.txt`` pins ``moto==5.2.5``; re-check this file when bumping it.

The EKS patches live in ``eksup_moto_eks.py`` (next to this file); its docstring lists them.
Next to it: ``eksup_moto_k8s.py`` (a Kubernetes API per cluster), ``eksup_moto_strict.py``
(DependencyViolation, eventual consistency, load balancers), ``eksup_moto_limits.py`` (EC2
``ClientToken`` idempotency on CreateNatGateway/CreateLaunchTemplate/CreateRouteTable/
CreateNetworkAcl, the quota table and its enforcement, the Service Quotas API),
``eksup_moto_iam.py`` (``iam:SimulatePrincipalPolicy``), ``eksup_moto_logs.py`` (CloudWatch Logs:
the retention periods PutRetentionPolicy accepts), ``eksup_moto_instance_requirements.py`` (EC2
``GetInstanceTypesFromInstanceRequirements``, which moto lacks: instance types by vCPUs, memory,
architecture, accelerators..., from moto's catalog and the region's offerings),
``eksup_moto_placement.py`` (EC2 placement groups, which moto lacks, and launches refused into
one that does not exist), ``eksup_moto_capacity.py`` (EC2 Capacity Reservations and Capacity Blocks
for ML, which moto lacks, and launches into them with AWS's rules), ``eksup_moto_efa.py`` (EFA
launches: a template's network interfaces, refused on types, cards and combinations EC2 refuses), ``eksup_moto_rate.py`` (API request throttling: AWS's token buckets per
service, off by default),
``eksup_moto_zones.py`` (AWS Local Zones: DescribeAvailabilityZones' opt-in rules,
ModifyAvailabilityZoneGroup, subnets and instance type offerings in us-west-2's Local Zones) and
``eksup_moto_ipv6.py`` (IPv6 clusters: CreateCluster's ``ipFamily: ipv6`` and its service CIDR,
egress-only internet gateways, IPv6 addresses of subnets' instances, IPv6 nodes and pods, BYOIP pools)
``eksup_moto_gateways.py`` (the user's virtual private gateways and transit gateways attached to a
VPC: attachment states and delays, AWS's refusals, routes to them and their black holes,
DependencyViolation), ``eksup_moto_private.py`` (fully-private clusters: the VPC endpoint service
catalogue, VPC endpoints' states, refusals, interfaces and routes as AWS has them, nodes that join and
turn Ready only with a way out to the API server, ECR, EC2 and STS (an internet gateway with a public
address, a NAT gateway, or VPC endpoints), a cluster API closed to callers outside the VPC when its
public endpoint is off or its publicAccessCidrs leave them out, endpoint access that changes when its
update is done) and ``eksup_moto_addon_identity.py``
(add-ons' own EKS Pod Identity associations: CreateAddon and
UpdateAddon ``podIdentityAssociations``, DescribeAddonConfiguration's ``podIdentityConfiguration``).
Each docstring says what AWS does.

Environment knobs (read once at start):

``MOTO_IAM_LOAD_MANAGED_POLICIES``
    moto's own switch: ``true`` loads AWS managed IAM policies (``scripts/emulator`` and
    the Rust harness set it by default).
``EKSUP_MOTO_MANAGED_POLICY_GLOBS``
    comma-separated globs of the managed policy names to keep (default: the ones eksup
    attaches, see ``MANAGED_POLICY_GLOBS``); ``*`` keeps all 1,500+ (slow resets). Any other
    AWS managed policy is loaded the first time it is attached or read, so every one exists.
``MOTO_SSM_SEED``
    optional JSON file ``{"/aws/service/...": "value"}`` of extra public SSM parameters.
``MOTO_EKS_CLUSTER_CREATE_SECONDS`` / ``MOTO_EKS_CLUSTER_DELETE_SECONDS``
``MOTO_EKS_NODEGROUP_CREATE_SECONDS`` / ``MOTO_EKS_NODEGROUP_DELETE_SECONDS``
``MOTO_EKS_FARGATE_CREATE_SECONDS`` / ``MOTO_EKS_FARGATE_DELETE_SECONDS``
``MOTO_EKS_ADDON_CREATE_SECONDS`` / ``MOTO_EKS_ADDON_DELETE_SECONDS``
``MOTO_EKS_IDENTITY_PROVIDER_CREATE_SECONDS`` / ``MOTO_EKS_IDENTITY_PROVIDER_DELETE_SECONDS``
``MOTO_EKS_CAPABILITY_CREATE_SECONDS`` / ``MOTO_EKS_CAPABILITY_DELETE_SECONDS`` (both default to
``MOTO_EKS_CAPABILITY_SECONDS``; see ``eksup_moto_capabilities.py``)
``MOTO_NAT_CREATE_SECONDS`` / ``MOTO_NAT_DELETE_SECONDS``
    float seconds a resource stays CREATING/pending (or DELETING/deleting) before it is
    ACTIVE/available (or gone/deleted). Default 0: instant, like plain moto. A managed
    nodegroup is decided (ACTIVE, or CREATE_FAILED with NodeCreationFailure when its instances
    did not become Ready nodes) when its creation delay ends.
``MOTO_K8S_NODE_JOIN_SECONDS``
    float seconds after an instance's launch before its kubelet registers the Node (when the
    join rules allow it). Default 0. Managed nodegroups stay CREATING at least that long.
``EKSUP_MOTO_QUOTA_EIPS`` / ``EKSUP_MOTO_QUOTA_VPCS`` / ``EKSUP_MOTO_QUOTA_NAT_GATEWAYS_PER_AZ``
``EKSUP_MOTO_QUOTA_INTERNET_GATEWAYS`` / ``EKSUP_MOTO_QUOTA_FARGATE_PROFILES``
    quota values (``eksup_moto_limits``): a number sets the value reported by Service Quotas'
    GetServiceQuota and enforces it; ``off`` does not enforce it. Default: AWS's defaults (5, 5,
    5, 5, 10), enforced for Elastic IPs, NAT gateways per AZ and Fargate profiles per cluster,
    not for VPCs and internet gateways.
``EKSUP_MOTO_RATE_LIMITS`` / ``EKSUP_MOTO_RATE_SCALE``
    ``aws`` turns API request throttling on with AWS's bucket sizes and refill rates
    (``eksup_moto_rate``; default off); the scale (default 1) multiplies every size and refill.
``EKSUP_MOTO_LOCAL_ZONE_GROUPS``
    comma-separated Local Zone groups the account is opted in to at start (default
    ``us-west-2-lax-1``; ``none``): see ``eksup_moto_zones``.
``EKSUP_MOTO_IPV6_POOL``
    one BYOIP IPv6 address pool every account has in every Region, ``<pool id>=<cidr>``
    (``ipv6pool-ec2-0123456789abcdef0=2001:db8:1200::/48``) or just ``<cidr>`` (the id derived from
    it); default none: see ``eksup_moto_ipv6`` (DescribeIpv6Pools, CreateVpc/AssociateVpcCidrBlock
    ``Ipv6Pool``).
``EKSUP_MOTO_LENIENT``
    ``1`` turns the strictness added for issue 9 off, for focused tests: every instance of a
    cluster joins and is Ready regardless of the join rules (``eksup_moto_k8s``), and the timing
    windows and EKS role checks of ``eksup_moto_strict`` are off. Default: strict.

Each EKS cluster has its own Kubernetes API stand-in (``eksup_moto_k8s.py``): DescribeCluster's
``endpoint`` is ``https://127.0.0.1:<port>``, served with a certificate signed by the cluster's
CA and EKS token authentication; nodes register only when real nodes would join.

Test-only HTTP endpoints (a WSGI middleware in front of moto, see ``TestControl``):

``GET  /eksup-test/health``       200 ``ok`` (readiness probe)
``GET  /eksup-test/calls``        ``{"ec2:CreateVpc": 2, "eks:CreateCluster": 1, ...}``
``POST /eksup-test/calls/reset``  clear the counts and the call log
``GET  /eksup-test/call-log``     ``[{"t": 12.034, "op": "eks:DescribeNodegroup", "target":
                                  "/clusters/demo/node-groups/ng-1", "throttled": false}, ...]``:
                                  every AWS call since the last reset (or the start), in order
                                  of arrival (the last ``CALL_LOG_LIMIT`` = 200,000): ``t`` in
                                  seconds since the reset, ``op`` as in ``/calls``, ``target``
                                  what it was called on (``call_target``): for REST APIs (EKS)
                                  the request path; for query APIs (EC2, IAM, STS, Auto Scaling,
                                  ELB) and JSON APIs (SSM, ECR) the sorted ``name=value`` pairs of
                                  the id, name and ARN parameters and of the filters, joined by
                                  ``&`` (``NatGatewayId.1=nat-0abc``,
                                  ``AutoScalingGroupNames.member.1=eks-ng-1-...``, ``RoleName=x``;
                                  empty when there are none). ``throttled`` says whether the
                                  rate limits (``eksup_moto_rate``) refused it. Requests to the
                                  clusters' Kubernetes APIs are logged too (``/calls`` does not
                                  count them): ``op`` ``k8s:<METHOD>``, ``target``
                                  ``<cluster>:<path>[?<query>]`` (``demo:/api/v1/nodes?labelSelector=...``).
``POST /eksup-test/faults``       ``{"operation": "eks:CreateNodegroup", "times": 1,
                                  "code": "InternalFailure", "message": "...", "status": 400,
                                  "after": false}``
                                  queue a fault: the next ``times`` matching requests fail
                                  (``operation`` may be a glob like ``ec2:*``). With
                                  ``"after": true`` the request is first handled by moto (the
                                  work is committed), then its answer is dropped and the fault
                                  is returned instead (defaults then: status 500, code
                                  ``InternalError``): a lost answer. On AWS this is how a retried
                                  CreateVpc (no idempotency token) makes a second VPC, while a
                                  retried CreateNatGateway (same ``ClientToken``) gets the first
                                  one back.
``GET  /eksup-test/faults``       the pending faults; ``DELETE`` clears them
``GET|POST|DELETE /eksup-test/quotas``  read / change / reset the quota table
                                  (``{"L-0263D0A3": 10}``), see ``eksup_moto_limits``
``GET|POST|DELETE /eksup-test/rate-limits``  read (with the count of throttled calls per
                                  operation) / change (``{"enabled": true, "scale": 0.1, "buckets":
                                  {"ec2:mutating": {"size": 5, "refill": 1}}}``) / turn off and
                                  reset the throttling, see ``eksup_moto_rate``
``GET  /eksup-test/kubernetes/<cluster>``              ``{"endpoint", "port", "nodes", "ready"}``
``GET  /eksup-test/kubernetes/<cluster>/node-status``  ``[{"instance", "node", "ready", "joined",
                                  "nodegroup", "reason"}]``: why each instance of the cluster
                                  is (not) a (Ready) node (``?region=`` to pick a region)
"""

from __future__ import annotations

import fnmatch
import hashlib
import importlib.abc
import importlib.util
import io
import json
import os
import sys
import threading
import time
import uuid
from collections import deque
from typing import Any, Callable, Iterable
from urllib.parse import parse_qs, parse_qsl

import moto.server
from moto.core.utils import utcnow

import eksup_moto_capabilities  # EKS capabilities (ACK, kro, Argo CD)
import eksup_moto_eks  # EKS extensions; this file's directory is on sys.path
import eksup_moto_iam  # iam:SimulatePrincipalPolicy
import eksup_moto_instance_requirements  # ec2:GetInstanceTypesFromInstanceRequirements
import eksup_moto_placement  # ec2 placement groups, launches into them
import eksup_moto_capacity  # ec2 capacity reservations and blocks, launches into them
import eksup_moto_ipv6  # IPv6 clusters, egress-only internet gateways, IPv6 addresses
import eksup_moto_k8s  # Kubernetes API per cluster, node join rules
import eksup_moto_limits  # EC2 client tokens, quotas, Service Quotas API
import eksup_moto_logs  # CloudWatch Logs: PutRetentionPolicy's allowed retention periods
import eksup_moto_rate  # API request throttling (token buckets), off by default
import eksup_moto_strict  # DependencyViolation, eventual consistency, Kubernetes-made load balancers
import eksup_moto_zones  # AWS Local Zones (us-west-2-lax-1a/b, us-west-2-den-1a)


def _env_seconds(name: str) -> float:
    """A float-seconds knob; 0 (instant) when unset or empty."""
    return float(os.environ.get(name) or 0)


class _AfterImport(importlib.abc.MetaPathFinder):
    """Runs `patch(module)` right after `name` is first imported.

    moto imports service modules lazily (EC2's alone takes ~2 s), so patching them eagerly
    would slow the server start from ~0.7 s to ~3 s. Patching at import time keeps the start
    fast and still applies every patch before the first use of the class.
    """

    def __init__(self) -> None:
        self.hooks: dict[str, Callable[[Any], None]] = {}

    def register(self, name: str, patch: Callable[[Any], None]) -> None:
        if name in sys.modules:
            patch(sys.modules[name])
            return
        self.hooks[name] = patch
        if self not in sys.meta_path:
            sys.meta_path.insert(0, self)

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        patch = self.hooks.pop(name, None)
        if patch is None:
            return None
        spec = importlib.util.find_spec(name)  # the regular finders (this hook is gone)
        loader_exec = spec.loader.exec_module

        def exec_module(module: Any) -> None:
            loader_exec(module)
            patch(module)

        spec.loader.exec_module = exec_module
        return spec


_after_import = _AfterImport()


# ---------------------------------------------------------------------------------------
# 1. AWS managed IAM policies, trimmed to the ones eksup uses.
#
# AWS: managed policies such as AmazonEKSClusterPolicy exist in every account and
# attach-role-policy accepts their ARNs. moto loads them only with
# MOTO_IAM_LOAD_MANAGED_POLICIES=true, and then all 1,500+ of them, which makes every
# /moto-api/reset take ~1 s. We keep the few eksup attaches (reset ~0.07 s); any other is
# loaded the first time it is asked for (_load_managed_policies_on_demand).
# ---------------------------------------------------------------------------------------
MANAGED_POLICY_GLOBS = [
    "AmazonEKS*",  # cluster, worker node, CNI, Fargate, VPC resource controller, auto mode
    "AmazonEC2ContainerRegistry*",
    "AmazonSSMManagedInstanceCore",
    "AmazonEBSCSIDriverPolicy",
    "AmazonEFSCSIDriverPolicy",
    "CloudWatchAgentServerPolicy",
    "ElasticLoadBalancingFullAccess",
    "AutoScalingFullAccess",
]


def _filter_managed_policies(iam_models: Any) -> None:
    globs = [g.strip() for g in os.environ.get("EKSUP_MOTO_MANAGED_POLICY_GLOBS", "").split(",") if g.strip()]
    globs = globs or MANAGED_POLICY_GLOBS
    if "*" in globs:
        return
    every = json.loads(iam_models.aws_managed_policies_data)
    kept = {name: doc for name, doc in every.items() if any(fnmatch.fnmatchcase(name, g) for g in globs)}
    # IAMBackend._init_aws_policies parses this module global on every (re)initialisation.
    iam_models.aws_managed_policies_data = json.dumps(kept)
    _load_managed_policies_on_demand(iam_models, every)


def _load_managed_policies_on_demand(iam_models: Any, every: dict[str, Any]) -> None:
    """Every AWS managed policy exists, as on AWS: one outside the kept set is loaded the first
    time an account asks for it (attach to a role, user or group, GetPolicy), so that a config
    may attach any of them (AmazonS3ReadOnlyAccess, ...) while resets stay fast."""
    backend_class = iam_models.IAMBackend
    by_arn_tail = {f"{doc.get('Path', '/')}{name}": (name, doc) for name, doc in every.items()}

    def ensure(backend: Any, arn: str) -> None:
        if not isinstance(arn, str) or arn in backend.managed_policies or ":iam::aws:policy/" not in arn:
            return
        found = by_arn_tail.get(arn.split(":iam::aws:policy", 1)[1])
        if found is None:
            return
        policy = iam_models.AWSManagedPolicy.from_data(found[0], backend.account_id, backend.region_name, found[1])
        if policy.arn == arn:
            backend.managed_policies[arn] = policy
            backend.aws_managed_policies.append(policy)

    def wrap(method_name: str, arn_position: int) -> None:
        original = getattr(backend_class, method_name)

        def method(self: Any, *args: Any, **kwargs: Any) -> Any:
            arn = kwargs.get("policy_arn", args[arn_position] if len(args) > arn_position else None)
            ensure(self, arn)
            return original(self, *args, **kwargs)

        method.__name__ = method_name
        setattr(backend_class, method_name, method)

    for name in ("attach_role_policy", "attach_user_policy", "attach_group_policy", "get_policy", "get_policy_version",
                 "list_entities_for_policy", "list_policy_versions"):
        if hasattr(backend_class, name):
            wrap(name, 0)


# ---------------------------------------------------------------------------------------
# 2. EKS-optimized AMIs: public SSM parameters + matching EC2 images.
#
# AWS: /aws/service/eks/optimized-ami/... and /aws/service/bottlerocket/... hold the
# recommended AMI id per Kubernetes version/architecture/variant, and that AMI exists in
# EC2. eksup resolves node AMIs this way. moto ships none of these parameters and refuses
# to put names under /aws/ (as AWS does), so we seed them into every SSM backend and add
# the AMIs to every EC2 backend. Ids are deterministic (hash of region + family).
#
# Windows (AWS docs "Retrieve recommended Microsoft Windows AMI IDs", eksctl
# pkg/ami/ssm_resolver.go): /aws/service/ami-windows-latest/Windows_Server-<2019|2022|2025>-English-
# <Core|Full>-EKS_Optimized-<k8s>/image_id, seeded for every version above. The images are
# named like AWS's (``Windows_Server-2022-English-Core-EKS_Optimized-1.34-2025.11.12``, the
# pattern eksctl's auto resolver looks up), owned by the Windows AMI account 801119661308
# (eksctl's ``ownerIDWindowsFamily``), x86_64 only, with ``Platform: windows``,
# ``PlatformDetails: Windows`` and ``UsageOperation: RunInstances:0002`` as EC2 reports
# Windows images (instances launched from them say ``Platform: windows`` too). Windows
# Server 2025 images are seeded from Kubernetes 1.35 (eksctl's ssm_resolver.go: the first
# EKS-optimized 2025 images are 1.35's; UNVERIFIED whether AWS publishes them for older
# minors). ``eksup_moto_k8s`` reads the family (``windows``), the release (2019/2022/2025) and
# the Kubernetes minor from the name.
#
# Ubuntu (Canonical's EKS images; eksctl pkg/ami/ssm_resolver.go and auto_resolver.go):
# /aws/service/canonical/ubuntu/<eks|eks-pro>/<20.04|22.04|24.04|26.04>/<k8s>/stable/current/
# <amd64|arm64>/hvm/<ebs-gp2 (20.04, 22.04)|ebs-gp3 (24.04, 26.04)>/ami-id, seeded for the
# Kubernetes minors eksctl's validateVersionForUbuntu allows within 1.28..1.35: 20.04 1.28-1.29
# (Pro too), 22.04 1.29-1.35, 24.04 1.31-1.35, 26.04 1.35. Whether Canonical publishes every one
# of these (and for both architectures) is UNVERIFIED. Images owned by Canonical's account
# 099720109477 (eksctl's ``ownerIDUbuntuFamily``), named like ``ubuntu-eks/k8s_1.34/images/
# hvm-ssd/ubuntu-jammy-22.04-amd64-server-20251120`` (the ``ubuntu-eks[-pro]/k8s_<v>/images/
# *<release>-<arch>*`` pattern eksctl's auto resolver looks up; the ``hvm-ssd``/``hvm-ssd-gp3``
# part, the codenames' place and Pro's ``-pro-server`` are our reading of Canonical's naming,
# UNVERIFIED), root device ``/dev/sda1`` as Ubuntu's images have. ``eksup_moto_k8s`` reads the
# family ``ubuntu`` (``ubuntu-eks`` in the name): these images bootstrap with
# ``/etc/eks/bootstrap.sh`` only (no nodeadm, no Bottlerocket settings).
# ---------------------------------------------------------------------------------------
KUBERNETES_VERSIONS = [f"1.{minor}" for minor in range(28, 36)]  # 1.28 .. 1.35
EKS_AMI_OWNER = "602401143452"  # the account that publishes EKS-optimized AMIs
AMI_RELEASE = "v20251120"
WINDOWS_AMI_OWNER = "801119661308"  # the account that publishes Windows AMIs (eksctl's auto resolver)
WINDOWS_AMI_RELEASE = "2025.11.12"
WINDOWS_RELEASES = ("2019", "2022", "2025")
WINDOWS_2025_FROM = 35  # the first Kubernetes minor with Windows Server 2025 images
WINDOWS_EDITIONS = ("Core", "Full")
UBUNTU_AMI_OWNER = "099720109477"  # Canonical (eksctl's ownerIDUbuntuFamily)
UBUNTU_AMI_SERIAL = "20251120"
# release -> (codename, first and last Kubernetes minor: eksctl's validateVersionForUbuntu)
UBUNTU_RELEASES = {"20.04": ("focal", 21, 29), "22.04": ("jammy", 29, 99), "24.04": ("noble", 31, 99), "26.04": ("resolute", 35, 99)}
UBUNTU_PRO_2004_FROM = 27  # UbuntuPro2004: 1.27 .. 1.29


def _ami_id(region: str, family: str) -> str:
    return "ami-" + hashlib.sha256(f"{region}/{family}".encode()).hexdigest()[:17]


def eks_ami_catalog(region: str) -> list[dict[str, str]]:
    """Every seeded AMI: SSM parameter name, AMI id, image name and architecture."""
    out = []

    def add(param: str, name: str, arch: str, platform: str | None = None) -> None:
        out.append({"param": param, "ami_id": _ami_id(region, name), "name": name, "arch": arch, "platform": platform})

    for k8s in KUBERNETES_VERSIONS:
        base = f"/aws/service/eks/optimized-ami/{k8s}"
        for arch in ("x86_64", "arm64"):
            for variant in ("standard", "nvidia", "neuron"):
                add(
                    f"{base}/amazon-linux-2023/{arch}/{variant}/recommended/image_id",
                    f"amazon-eks-node-al2023-{arch}-{variant}-{k8s}-{AMI_RELEASE}",
                    arch,
                )
        add(f"{base}/amazon-linux-2/recommended/image_id", f"amazon-eks-node-{k8s}-{AMI_RELEASE}", "x86_64")
        add(f"{base}/amazon-linux-2-gpu/recommended/image_id", f"amazon-eks-gpu-node-{k8s}-{AMI_RELEASE}", "x86_64")
        add(f"{base}/amazon-linux-2-arm64/recommended/image_id", f"amazon-eks-arm64-node-{k8s}-{AMI_RELEASE}", "arm64")
        # Bottlerocket's images and its FIPS ones (``aws-k8s-<v>[-nvidia]-fips``, eksctl's
        # ssm_resolver.go).
        for flavour in ("", "-nvidia", "-fips", "-nvidia-fips"):
            for arch in ("x86_64", "arm64"):
                add(
                    f"/aws/service/bottlerocket/aws-k8s-{k8s}{flavour}/{arch}/latest/image_id",
                    f"bottlerocket-aws-k8s-{k8s}{flavour}-{arch}-v1.50.0-00000000",
                    arch,
                )
        minor = int(k8s.split(".")[1])
        for release, (codename, first, last) in UBUNTU_RELEASES.items():
            for product in ("eks", "eks-pro"):
                if not first <= minor <= last or (product == "eks-pro" and release == "20.04" and minor < UBUNTU_PRO_2004_FROM):
                    continue
                volume, disk = ("ebs-gp2", "hvm-ssd") if release in ("20.04", "22.04") else ("ebs-gp3", "hvm-ssd-gp3")
                server = "pro-server" if product == "eks-pro" else "server"
                for arch, ec2_arch in (("amd64", "x86_64"), ("arm64", "arm64")):
                    add(
                        f"/aws/service/canonical/ubuntu/{product}/{release}/{k8s}/stable/current/{arch}/hvm/{volume}/ami-id",
                        f"ubuntu-{product}/k8s_{k8s}/images/{disk}/ubuntu-{codename}-{release}-{arch}-{server}-{UBUNTU_AMI_SERIAL}",
                        ec2_arch,
                    )
        for release in WINDOWS_RELEASES:
            if release == "2025" and int(k8s.split(".")[1]) < WINDOWS_2025_FROM:
                continue
            for edition in WINDOWS_EDITIONS:
                family = f"Windows_Server-{release}-English-{edition}-EKS_Optimized-{k8s}"
                add(f"/aws/service/ami-windows-latest/{family}/image_id", f"{family}-{WINDOWS_AMI_RELEASE}", "x86_64", "windows")
    return out


def _seed_ssm(ssm_models: Any) -> None:
    Parameter, ParameterDict = ssm_models.Parameter, ssm_models.ParameterDict
    extra: dict[str, str] = {}
    if os.environ.get("MOTO_SSM_SEED"):
        with open(os.environ["MOTO_SSM_SEED"], encoding="utf-8") as f:
            extra = json.load(f)

    original_check = ParameterDict._check_loading_status
    # moto's server answers on several threads: two first reads of a region's parameters at
    # once must not see a half-seeded dict (the second found nothing while the first seeded).
    seeding = threading.RLock()

    def _check_loading_status(self: ParameterDict, key: str) -> None:
        original_check(self, key)
        if self.__dict__.get("_eksup_seeded"):
            return
        with seeding:
            # Re-entered by the seeding thread itself: let it go on.
            if self.__dict__.get("_eksup_seeded") or self.__dict__.get("_eksup_seeding"):
                return
            self._eksup_seeding = True
            _seed_parameters(self)
            self._eksup_seeded = True

    def _seed_parameters(self: ParameterDict) -> None:
        seed = {entry["param"]: entry["ami_id"] for entry in eks_ami_catalog(self.region_name)}
        seed.update(extra)
        for name, value in seed.items():
            # Bypass __getitem__ (which would recurse here) and the reserved-name check.
            dict.setdefault(self, name, []).append(
                Parameter(
                    account_id=self.account_id,
                    name=name,
                    value=value,
                    parameter_type="String",
                    description=None,
                    allowed_pattern=None,
                    keyid=None,
                    last_modified_date=utcnow(),
                    version=1,
                    data_type="aws:ec2:image" if str(value).startswith("ami-") else "text",
                )
            )

    ParameterDict._check_loading_status = _check_loading_status


def _seed_amis(amis: Any) -> None:
    Ami, AmiBackend = amis.Ami, amis.AmiBackend
    original_load = AmiBackend._load_amis

    def _load_amis(self: Any) -> None:
        original_load(self)
        for entry in eks_ami_catalog(self.region_name):
            windows = entry.get("platform") == "windows"
            ubuntu = entry["name"].startswith("ubuntu-eks")
            ami = Ami(
                self,
                ami_id=entry["ami_id"],
                name=entry["name"],
                description=f"EKS-optimized image {entry['name']} (eksup emulator)",
                owner_id=WINDOWS_AMI_OWNER if windows else UBUNTU_AMI_OWNER if ubuntu else EKS_AMI_OWNER,
                owner_alias=None if ubuntu else "amazon",
                public=True,
                virtualization_type="hvm",
                architecture=entry["arch"],
                platform=entry.get("platform"),
                root_device_type="ebs",
                root_device_name="/dev/sda1" if windows or ubuntu else "/dev/xvda",
                hypervisor="xen",
                region_name=self.region_name,
                boot_mode="uefi-preferred",
            )
            # DescribeImages: moto serializes these attributes when present.
            ami.platform_details = "Windows" if windows else "Linux/UNIX"
            ami.usage_operation = "RunInstances:0002" if windows else "RunInstances"
            self.amis[entry["ami_id"]] = ami

    AmiBackend._load_amis = _load_amis


# ---------------------------------------------------------------------------------------
# 3. NAT gateway states.
#
# AWS: create-nat-gateway returns `pending` and the gateway becomes `available` after a
# minute or two; delete-nat-gateway moves it to `deleting`, then `deleted`. eksup waits for
# these transitions. moto is `available` at once and jumps straight to `deleted`. With
# MOTO_NAT_CREATE_SECONDS / MOTO_NAT_DELETE_SECONDS > 0, `state` becomes a property that
# derives the intermediate states from the creation/deletion time.
# ---------------------------------------------------------------------------------------
def _nat_gateway_delays(nat_gateways: Any) -> None:
    NatGateway = nat_gateways.NatGateway
    create, delete = _env_seconds("MOTO_NAT_CREATE_SECONDS"), _env_seconds("MOTO_NAT_DELETE_SECONDS")
    if create <= 0 and delete <= 0:
        return

    def get(self: Any) -> str:
        stored = self.__dict__.get("_eksup_state")
        deleted_at = self.__dict__.get("_eksup_deleted_at")
        if deleted_at is not None:
            return "deleting" if (utcnow() - deleted_at).total_seconds() < delete else "deleted"
        if stored == "available" and (utcnow() - self._created_at).total_seconds() < create:
            return "pending"
        return stored

    def set_(self: Any, value: str) -> None:
        if value == "deleted" and self.__dict__.get("_eksup_deleted_at") is None:
            self.__dict__["_eksup_deleted_at"] = utcnow()
        self.__dict__["_eksup_state"] = value

    NatGateway.state = property(get, set_)


# ---------------------------------------------------------------------------------------
# 4. Test control: call recorder + fault injection (WSGI middleware in front of moto).
# ---------------------------------------------------------------------------------------
# Service signing name (from the SigV4 credential scope) -> wire protocol.
PROTOCOLS = {
    "ec2": "ec2",
    "iam": "query",
    "sts": "query",
    "autoscaling": "query",
    "cloudformation": "query",
    "elasticloadbalancing": "query",
    "eks": "rest-json",
    "ecr": "json",
    "ssm": "json",
    "logs": "json",
    "kms": "json",
    "servicequotas": "json",
}
QUERY_NAMESPACES = {
    "iam": "https://iam.amazonaws.com/doc/2010-05-08/",
    "sts": "https://sts.amazonaws.com/doc/2011-06-15/",
    "autoscaling": "http://autoscaling.amazonaws.com/doc/2011-01-01/",
    "elasticloadbalancing": "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/",
}


def _service_of(environ: dict[str, Any]) -> str:
    """The signing name in `Authorization: AWS4-HMAC-SHA256 Credential=AK/date/region/svc/...`."""
    auth = environ.get("HTTP_AUTHORIZATION", "")
    try:
        return auth.split("Credential=", 1)[1].split(",", 1)[0].split("/")[3].lower()
    except IndexError:
        return "unknown"


def _rest_operation(service: str, environ: dict[str, Any]) -> str | None:
    """Operation name of a REST request (EKS), via moto's botocore-model router."""
    from moto.core.request import Request
    from moto.core.routing import get_service_router

    try:
        operation, _ = get_service_router(service).match(Request(environ))
        return operation.name
    except Exception:  # not modelled, or unknown service: fall back to method + path
        return None


def operation_of(environ: dict[str, Any]) -> tuple[str, str]:
    """(service, Operation) of an AWS request, reading (and restoring) the body if needed.

    Query protocols (EC2, IAM, STS, ASG) carry `Action=` in the form body or query string,
    JSON protocols (ECR, SSM) an `X-Amz-Target: Prefix.Operation` header, and REST-JSON
    (EKS) only method + path.
    """
    service = _service_of(environ)
    target = environ.get("HTTP_X_AMZ_TARGET")
    if target:
        return service, target.rsplit(".", 1)[-1]
    action = parse_qs(environ.get("QUERY_STRING", "")).get("Action")
    if not action and environ.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded"):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)  # let moto read it again
        action = parse_qs(body.decode("utf-8", "replace")).get("Action")
    if action:
        return service, action[0]
    operation = _rest_operation(service, environ)
    if operation:
        return service, operation
    return service, f"{environ.get('REQUEST_METHOD', 'GET')} {environ.get('PATH_INFO', '/')}"


def error_response(service: str, code: str, message: str, status: int) -> tuple[int, list[tuple[str, str]], bytes]:
    """An AWS-shaped error in the wire format of `service`."""
    request_id = str(uuid.uuid4())
    protocol = PROTOCOLS.get(service, "rest-json")
    if protocol == "ec2":
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<Response><Errors><Error><Code>{code}</Code><Message>{_xml(message)}</Message></Error></Errors>"
            f"<RequestID>{request_id}</RequestID></Response>"
        )
        headers = [("Content-Type", "text/xml;charset=UTF-8")]
    elif protocol == "query":
        namespace = QUERY_NAMESPACES.get(service, f"https://{service}.amazonaws.com/doc/")
        body = (
            f'<ErrorResponse xmlns="{namespace}"><Error><Type>{"Receiver" if status >= 500 else "Sender"}</Type><Code>{code}</Code>'
            f"<Message>{_xml(message)}</Message></Error><RequestId>{request_id}</RequestId></ErrorResponse>"
        )
        headers = [("Content-Type", "text/xml")]
    elif protocol == "json":
        body = json.dumps({"__type": code, "message": message})
        headers = [("Content-Type", "application/x-amz-json-1.1")]
    else:  # rest-json
        body = json.dumps({"message": message})
        headers = [("Content-Type", "application/json"), ("x-amzn-ErrorType", code)]
    headers.append(("x-amzn-RequestId", request_id))
    return status, headers, body.encode()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Parameter names that say what a call is about (``NatGatewayId.1``, ``RoleName``, ``PolicyArn``,
# ``AutoScalingGroupNames.member.1``): a part of the dotted name ends with one of these.
_TARGET_SUFFIXES = ("Id", "Ids", "ID", "Name", "Names", "Arn", "Arns", "ARN")


def _target_key(key: str) -> bool:
    parts = key.split(".")
    return parts[0] in ("Filter", "Filters") or any(p.endswith(_TARGET_SUFFIXES) for p in parts if not p.isdigit())


def _body(environ: dict[str, Any]) -> bytes:
    """The request body, put back for moto."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length) if length else b""
    environ["wsgi.input"] = io.BytesIO(body)
    return body


def call_target(service: str, environ: dict[str, Any]) -> str:
    """What a call is about, for the call log: see ``GET /eksup-test/call-log``."""
    protocol = PROTOCOLS.get(service, "rest-json")
    pairs: list[tuple[str, str]] = []
    if protocol in ("ec2", "query"):
        pairs = parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if environ.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded"):
            pairs += parse_qsl(_body(environ).decode("utf-8", "replace"), keep_blank_values=True)
    elif protocol == "json" and environ.get("HTTP_X_AMZ_TARGET"):
        try:
            document = json.loads(_body(environ) or b"{}")
        except ValueError:
            document = {}
        for key, value in document.items() if isinstance(document, dict) else ():
            if _target_key(key) or key.endswith("Filters"):
                values = value if isinstance(value, list) else [value]
                pairs += [(key, v if isinstance(v, str) else json.dumps(v, sort_keys=True)) for v in values]
    else:
        return environ.get("PATH_INFO", "/")
    return "&".join(f"{k}={v}" for k, v in sorted(pairs) if _target_key(k) or k.endswith("Filters"))


class CallLog:
    """The calls since the last reset, with their time and target (``GET /eksup-test/call-log``).
    Shared by ``TestControl`` (AWS calls) and the clusters' Kubernetes APIs (``eksup_moto_k8s``)."""

    LIMIT = 200_000

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.start = time.monotonic()
        self.entries: deque[dict[str, Any]] = deque(maxlen=self.LIMIT)

    def add(self, op: str, target: str) -> dict[str, Any]:
        entry = {"t": 0.0, "op": op, "target": target, "throttled": False}
        with self.lock:
            entry["t"] = round(time.monotonic() - self.start, 6)
            self.entries.append(entry)
        return entry

    def kubernetes(self, cluster: str, method: str, path: str) -> None:
        """A request to a cluster's Kubernetes API (``eksup_moto_k8s.REQUEST_HOOKS``)."""
        self.add(f"k8s:{method}", f"{cluster}:{path}")

    def reset(self) -> None:
        with self.lock:
            self.entries.clear()
            self.start = time.monotonic()

    def dump(self) -> bytes:
        with self.lock:
            return json.dumps(list(self.entries)).encode()


CALL_LOG = CallLog()
CALL_LOG_LIMIT = CallLog.LIMIT


class TestControl:
    """WSGI middleware: serves /eksup-test/*, counts and logs calls, throttles
    (``eksup_moto_rate``), injects faults, then calls moto."""

    PREFIX = "/eksup-test/"

    def __init__(self, app: Any) -> None:
        self.app = app
        self.lock = threading.Lock()
        self.calls: dict[str, int] = {}
        self.call_log = CALL_LOG
        self.faults: list[dict[str, Any]] = []

    def __getattr__(self, name: str) -> Any:  # moto.server.main sets .debug on the app
        return getattr(self.app, name)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path.startswith(self.PREFIX):
            status, body = self.control(environ, path[len(self.PREFIX) :].strip("/"))
            return self._reply(start_response, status, [("Content-Type", "application/json")], body)
        # No AWS call runs beside the prewarm: a first request that builds or imports what the
        # prewarm is building can deadlock on moto's backend lock against an import lock (a CI
        # run saw a first `ssm get-parameter` never answered); waiting costs it nothing, it
        # would have waited for the same imports.
        PREWARMED.wait(PREWARM_WAIT_SECONDS)
        if path.startswith("/moto-api") or path == "/favicon.ico":
            return self.app(environ, start_response)

        service, operation = operation_of(environ)
        name = f"{service}:{operation}"
        with self.lock:
            self.calls[name] = self.calls.get(name, 0) + 1
        logged = self.call_log.add(name, call_target(service, environ))
        # A throttled request does nothing and takes no fault: AWS refuses it before any work.
        throttled = eksup_moto_rate.throttle(environ, service, operation)
        if throttled:
            logged["throttled"] = True
            status, headers, body = error_response(service, throttled[0], throttled[1], throttled[2])
            return self._reply(start_response, status, headers, body)
        with self.lock:
            fault = self._take_fault(name)
        if fault:
            if fault.get("after"):
                # The lost answer: AWS did the work (moto commits it here), then the response never
                # reached the client, which sees only the error below.
                self._discard(self.app(environ, lambda *args, **kwargs: (lambda data: None)))
            default_code, default_status = ("InternalError", 500) if fault.get("after") else ("InternalFailure", 400)
            message = fault.get("message") or f"Injected fault for {name} (eksup-test)"
            status, headers, body = error_response(service, fault.get("code") or default_code, message, int(fault.get("status") or default_status))
            return self._reply(start_response, status, headers, body)
        return self.app(environ, start_response)

    @staticmethod
    def _discard(response: Iterable[bytes]) -> None:
        """Run a WSGI response to its end (the work is done while it is produced) and drop it."""
        try:
            for _ in response:
                pass
        finally:
            close = getattr(response, "close", None)
            if close is not None:
                close()

    def _take_fault(self, name: str) -> dict[str, Any] | None:
        for fault in self.faults:
            if fnmatch.fnmatchcase(name, fault["operation"]):
                fault["times"] -= 1
                if fault["times"] <= 0:
                    self.faults.remove(fault)
                return fault
        return None

    def control(self, environ: dict[str, Any], route: str) -> tuple[int, bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        with self.lock:
            if route == "health":
                return 200, b'"ok"'
            if route == "calls" and method == "GET":
                return 200, json.dumps(dict(sorted(self.calls.items()))).encode()
            if route == "calls/reset" and method == "POST":
                self.calls.clear()
                self.call_log.reset()
                return 200, b"{}"
            if route == "call-log" and method == "GET":
                return 200, self.call_log.dump()
            if route == "faults" and method == "GET":
                return 200, json.dumps(self.faults).encode()
            if route == "faults" and method == "DELETE":
                self.faults.clear()
                return 200, b"{}"
            if route == "faults" and method == "POST":
                length = int(environ.get("CONTENT_LENGTH") or 0)
                try:
                    fault = json.loads(environ["wsgi.input"].read(length) or b"{}")
                    if not isinstance(fault.get("operation"), str) or ":" not in fault["operation"]:
                        raise ValueError('"operation" must look like "service:Operation"')
                    fault["times"] = int(fault.get("times", 1))
                    if fault["times"] < 1:
                        raise ValueError('"times" must be >= 1')
                    if not isinstance(fault.get("after", False), bool):
                        raise ValueError('"after" must be true or false')
                except (ValueError, TypeError) as e:
                    return 400, json.dumps({"error": str(e)}).encode()
                self.faults.append(fault)
                return 200, json.dumps(fault).encode()
        return 404, json.dumps({"error": f"no test route {method} {self.PREFIX}{route}"}).encode()

    @staticmethod
    def _reply(start_response: Callable[..., Any], status: int, headers: list[tuple[str, str]], body: bytes) -> list[bytes]:
        reasons = {200: "OK", 400: "Bad Request", 404: "Not Found", 409: "Conflict", 429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"}
        start_response(f"{status} {reasons.get(status, 'Error')}", headers + [("Content-Length", str(len(body)))])
        return [body]


def _install_test_control() -> None:
    """moto.server.main builds `DomainDispatcherApplication(create_backend_app)`; wrap it."""
    dispatcher = moto.server.DomainDispatcherApplication
    moto.server.DomainDispatcherApplication = lambda create_app: TestControl(dispatcher(create_app))


PREWARMED = threading.Event()
PREWARM_WAIT_SECONDS = 120


def _prewarm() -> None:
    """Import the services eksup uses and build their backends for the default account and
    region (us-west-2, or $AWS_REGION) in the background, while the server starts listening:
    EC2 alone takes ~2 s. AWS calls wait for it (``PREWARMED``); the health check does not.
    The import hooks above still apply."""
    import importlib

    from moto.core import DEFAULT_ACCOUNT_ID

    try:
        region = os.environ.get("AWS_REGION") or "us-west-2"
        for service in ("ec2", "iam", "sts", "ssm", "autoscaling", "ecr", "eks"):
            backends = importlib.import_module(f"moto.{service}.models").__dict__[f"{service}_backends"]
            backends[DEFAULT_ACCOUNT_ID]["global" if service in ("iam", "sts") else region]
    finally:
        PREWARMED.set()


def install() -> None:
    """Apply every patch (idempotent only per process: call once)."""
    os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
    _after_import.register("moto.iam.models", _filter_managed_policies)
    _after_import.register("moto.ssm.models", _seed_ssm)
    _after_import.register("moto.ec2.models.amis", _seed_amis)
    _after_import.register("moto.ec2.models.nat_gateways", _nat_gateway_delays)
    eksup_moto_eks.install()  # cheap: moto.eks does not pull in EC2
    eksup_moto_capabilities.install()  # after eksup_moto_eks (wraps and extends it)
    importlib.import_module("eksup_moto_component_config").install()  # after eksup_moto_eks (wraps its create/update responses)
    eksup_moto_k8s.install()
    importlib.import_module("eksup_moto_addon_identity").install()  # after eksup_moto_eks/_k8s (wraps both)
    eksup_moto_strict.install()
    eksup_moto_zones.install()  # after eksup_moto_strict (uses its _register)
    eksup_moto_ipv6.install()  # after eksup_moto_eks/_k8s/_strict, before eksup_moto_limits reads IDEMPOTENT_EC2
    importlib.import_module("eksup_moto_gateways").install()  # VPN and transit gateway attachments (after _strict, _ipv6)
    importlib.import_module("eksup_moto_private").install()  # VPC endpoints, node egress, private-only API (after _strict, _k8s, _ipv6; before _limits)
    importlib.import_module("eksup_moto_asg").install()  # instance refreshes, lifecycle hooks (after strict)
    eksup_moto_limits.install()  # after eksup_moto_eks (wraps its create_fargate_profile)
    eksup_moto_iam.install()
    eksup_moto_logs.install()
    eksup_moto_instance_requirements.install()
    eksup_moto_placement.install()  # after eksup_moto_strict (uses its _register)
    eksup_moto_capacity.install()  # after eksup_moto_strict (uses its _register)
    importlib.import_module("eksup_moto_efa").install()  # EFA launches (after _strict; uses _capacity's refusals)
    eksup_moto_rate.install()
    importlib.import_module("eksup_moto_rolesanywhere").install()  # IAM Roles Anywhere, a service moto lacks
    eksup_moto_k8s.REQUEST_HOOKS.append(CALL_LOG.kubernetes)
    _install_test_control()
    threading.Thread(target=_prewarm, name="eksup-prewarm", daemon=True).start()


if __name__ == "__main__":
    install()
    moto.server.main(sys.argv[1:])
