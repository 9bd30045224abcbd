"""A Kubernetes API stand-in per EKS cluster, and nodes that join only when real nodes would
(issue 9). Installed by ``eksup_moto.install()`` after ``eksup_moto_eks.install()``.

The goal: a cluster whose nodes would never join on real AWS fails on the emulator too.

Kubernetes API server per cluster
---------------------------------
AWS: every cluster has an HTTPS endpoint whose certificate is signed by the cluster CA that
DescribeCluster returns (``certificateAuthority.data``).
Emulated: CreateCluster starts an HTTPS server (``ThreadingHTTPServer`` + ``ssl``, a thread
of the moto process) on ``127.0.0.1:<free port>``; ``endpoint`` is ``https://127.0.0.1:<port>``.
Its certificate (SAN ``IP:127.0.0.1``, ``DNS:localhost``, ``DNS:kubernetes``) is signed by the
cluster CA, whose key ``eksup_moto_eks`` keeps on the cluster. The server stops when the
cluster starts deleting and on ``/moto-api/reset`` (watch streams end within 0.2 s).

Authentication (like aws-iam-authenticator): only ``Authorization: Bearer k8s-aws-v1.<unpadded
base64url of a presigned STS GetCallerIdentity URL>``. The URL must be
``https://sts.<cluster region>.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15``
with ``X-Amz-Algorithm=AWS4-HMAC-SHA256``, a credential scope ``<AK>/<date>/<cluster
region>/sts/aws4_request``, ``X-Amz-Expires=60``, ``x-k8s-aws-id`` among
``X-Amz-SignedHeaders``, a 64-hex ``X-Amz-Signature``, and ``X-Amz-Date`` at most 15 minutes
old (the authenticator's validity) and at most 5 minutes in the future. When the access
key is ``testing`` (the emulator's dummy credentials, secret ``testing``) the signature is
recomputed with ``host`` and ``x-k8s-aws-id: <this cluster's name>``: that proves the token
was made for this cluster. Other access keys: the secret is unknown, any 64-hex signature
passes. Anything else: 401 with a ``Status`` (reason Unauthorized). Without any
Authorization header, ``/version``, ``/healthz``, ``/livez`` and ``/readyz`` answer (EKS
lets anonymous users read them); everything else is 401. Authorization (RBAC, access
policies) is NOT enforced: every authenticated caller is a cluster admin.

API served (JSON only, HTTP/1.1): discovery ``/version`` (gitVersion ``v<cluster
version>.<patch>-eks-<hash>``), ``/api``, ``/api/v1``, ``/apis``, ``/apis/<group>``,
``/apis/<group>/<version>``; ``/openapi/*`` is 404 (kubectl copes). Resources, all in memory
per cluster: v1 nodes, namespaces, pods (+ ``eviction``), configmaps, serviceaccounts,
services, secrets; apps/v1 daemonsets, deployments, replicasets; policy/v1
poddisruptionbudgets; rbac.authorization.k8s.io/v1 roles, rolebindings (namespaced),
clusterroles, clusterrolebindings (below). Verbs: list (``labelSelector`` with =, ==, !=, in,
notin, exists, !exists; ``fieldSelector`` metadata.name, metadata.namespace, spec.nodeName,
status.phase, spec.unschedulable; ``limit``/``continue``), watch (``watch=1|true``: chunked JSON lines
``{"type": ADDED|MODIFIED|DELETED, "object": ...}``; from ``resourceVersion`` if given, else
initial ADDED events; ``timeoutSeconds``), get, create (409 AlreadyExists, 422 Invalid, 404
when the namespace is missing), update (PUT, 409 Conflict on a stale resourceVersion), patch
(merge, strategic-merge (as merge, lists replaced), json-patch, apply-patch+yaml), delete.
kubectl's ``as=Table`` requests get ``meta.k8s.io/v1`` Tables (nodes: NAME STATUS ROLES AGE
VERSION; pods: NAME READY STATUS RESTARTS AGE; others NAME AGE plus a few columns).
Eviction (``POST .../pods/<name>/eviction``): 201 and the pod is gone, or 429
TooManyRequests when a PodDisruptionBudget (minAvailable/maxUnavailable, int or percent)
would be violated. Namespaces default, kube-system, kube-public, kube-node-lease exist and
cannot be deleted (403); deleting another namespace deletes its objects.

RBAC objects (rbac.authorization.k8s.io/v1) are stored, defaulted and validated as the API
server does, but not enforced (below). Sources: kubernetes pkg/apis/rbac/v1/defaults.go,
pkg/apis/rbac/validation/validation.go, staging/src/k8s.io/api/rbac/v1/types.go, and the RBAC
docs ("You cannot modify which Role or ClusterRole a binding object refers to").
Defaulting: a binding's ``roleRef.apiGroup`` and the ``apiGroup`` of a ``User`` or ``Group``
subject default to ``rbac.authorization.k8s.io`` (a ServiceAccount's stays empty); a missing
``roleRef`` is the zero RoleRef; a Role/ClusterRole without rules has ``rules: null``.
Validation (422 Invalid, message ``<Kind>.rbac.authorization.k8s.io "<name>" is invalid: <error>``
or ``...: [<e1>, <e2>]``, each error ``<field>: <Required value|Unsupported value: "x":
supported values: ...|Invalid value: ...>``):
names (metadata.name and roleRef.name) only need to be path segments (not ``.``/``..``, no
``/`` or ``%``), so ``system:...`` names are valid; every rule of a Role/ClusterRole needs
``verbs`` ("verbs must contain at least one value"; verb values are not checked: eksctl's
``describe``, ``edit``... are accepted), and either ``nonResourceURLs`` (ClusterRole only,
without apiGroups/resources) or ``apiGroups`` and ``resources`` (``resourceNames`` with one
resource only); a RoleBinding's ``roleRef.kind`` is ``Role`` or ``ClusterRole``, a
ClusterRoleBinding's ``ClusterRole`` only; ``roleRef.apiGroup`` is ``rbac.authorization.k8s.io``;
``roleRef.name`` is required; a subject needs a ``name`` and a kind among ServiceAccount, User,
Group; a User/Group subject's apiGroup is ``rbac.authorization.k8s.io``, a ServiceAccount's is
empty and its name an RFC 1123 subdomain, and a ServiceAccount subject of a
ClusterRoleBinding needs a ``namespace`` (in a RoleBinding it may be omitted). An update (PUT,
any PATCH, server-side apply) that changes ``roleRef`` is refused: ``roleRef: Invalid value:
rbac.RoleRef{APIGroup:"...", Kind:"...", Name:"..."}: cannot change roleRef`` (delete and
create the binding instead). The referenced role need not exist (Kubernetes does not check).
RBAC objects have no ``metadata.generation`` and no status. Tables (kubectl): roles and
clusterroles NAME, CREATED AT (the API server's default table); bindings NAME, ROLE
(``<Kind>/<name>``), AGE, and with ``-o wide`` USERS, GROUPS, SERVICEACCOUNTS.
Other kinds' 422 messages are qualified the same way (``Deployment.apps "x" is invalid``).

Which instances are the cluster's, and when they become Nodes
------------------------------------------------------------
An instance (pending/running) belongs to the cluster when it is in a managed nodegroup's
Auto Scaling group (``eksup_moto_eks`` launches them), when its user data names the cluster,
or when it is tagged ``kubernetes.io/cluster/<name>`` or ``eks:cluster-name=<name>`` (then a
bad user data is reported as the reason it did not join). User data is read from the
instance, else from its launch template (moto's ASGs copy it; the LT version of an ASG is
the ASG's). Forms understood: AL2023 nodeadm ``NodeConfig`` (YAML, alone or in a MIME
multipart part ``application/node.eks.aws``), AL2 shell scripts calling
``/etc/eks/bootstrap.sh <cluster> --apiserver-endpoint --b64-cluster-ca --dns-cluster-ip
--service-ipv4-cidr --kubelet-extra-args '--node-labels=.. --register-with-taints=..'`` (also
inside MIME ``text/x-shellscript`` parts), Bottlerocket TOML ``[settings.kubernetes]``
(cluster-name, api-server, cluster-certificate, cluster-dns-ip, node-labels, node-taints), and
Windows PowerShell (form ``powershell``, below).

Windows user data (EC2Launch runs the ``<powershell>...</powershell>`` block; eksctl's
pkg/nodebootstrap/windows.go writes, and eksup must write, exactly this)::

    <powershell>
    [string]$EKSBootstrapScriptFile = "$env:ProgramFiles\\Amazon\\EKS\\Start-EKSBootstrap.ps1"
    & $EKSBootstrapScriptFile -EKSClusterName "<name>" -APIServerEndpoint "<endpoint>" -Base64ClusterCA "<ca>" [-ServiceCIDR "<cidr>"] [-DNSClusterIP "<ip>"] [-ContainerRuntime "containerd"] [-KubeletExtraArgs "--node-labels=k=v,... --register-with-taints=k=v:NoSchedule,..."] 3>&1 4>&1 5>&1 6>&1
    </powershell>

(with overrideBootstrapCommand eksctl first assigns ``[string]$EKSClusterName = '<name>'``,
``$APIServerEndpoint``, ``$Base64ClusterCA``, ``$ServiceCIDR``, ``$ContainerRuntime`` (self-managed,
when set), ``$KubeletExtraArgs`` and ``$KubeletExtraArgsMap = @{...}`` in single quotes, then
runs the user's command, e.g. ``-EKSClusterName "$EKSClusterName"``). The emulator reads the
first ``<powershell>`` block (no closing tag: nothing runs) statement by statement (newlines and
``;`` outside quotes/brackets; a backtick before a newline continues; ``#`` and ``<# #>``
comments), records the assignments ``[type]$Name = <one literal>`` (single-quoted literal;
double-quoted or bare with ``$var``, ``${var}``, ``$env:ProgramFiles`` (= ``C:\\Program Files``),
backtick escapes expanded as PowerShell does; an unassigned variable is ``""``; anything else,
e.g. ``@{...}``, ``$(...)``, is a value it cannot evaluate) and takes the first top-level
statement ``& <path>`` / ``. <path>`` / ``<path>`` whose path ends in ``Start-EKSBootstrap.ps1``
(calls inside ``if``/``try`` blocks are not seen). Parameter names are case-insensitive and may
be abbreviated (unambiguous prefix) or written ``-Name:value``; redirections (``3>&1``...) are
skipped. Recorded as problems (our wordings): a path other than the AMI's
``C:\\Program Files\\Amazon\\EKS\\Start-EKSBootstrap.ps1`` (e.g. single quotes around
``$env:ProgramFiles``); a parameter the script does not have (documented: EKSClusterName,
KubeletExtraArgs, KubeProxyExtraArgs, APIServerEndpoint, Base64ClusterCA, DNSClusterIP,
ServiceCIDR, ExcludedSnatCIDRs; plus ContainerRuntime, which eksctl passes); a parameter without
a value or given twice; a positional argument; a value the emulator cannot evaluate.

A Node is registered (kubelet joined) only when ALL of these hold; otherwise no Node exists
and the reasons are recorded (``GET /eksup-test/kubernetes/<cluster>/node-status``, and the
NodeCreationFailure of managed nodegroups):

(a) the node role may join. Managed nodegroups: always for Linux nodes (EKS maps the role
    itself: in an authentication mode with API it creates an EC2_LINUX access entry for the
    node role, EC2_WINDOWS for the WINDOWS_* AMI types; in CONFIG_MAP mode it adds the role to
    kube-system/aws-auth, with ``eks:kube-proxy-windows`` too for WINDOWS_*; a role that already
    has an entry or a mapping keeps it, AWS docs "Deploy Windows nodes": "If you use a different
    Node IAM Role for Windows instances, EKS will automatically create the required Windows
    Access Entry"). Self-managed: the instance profile's role has an access entry of type
    EC2_LINUX (modes API/API_AND_CONFIG_MAP), or the mode includes CONFIG_MAP and
    ``kube-system/aws-auth`` ``mapRoles`` maps the role with username
    ``system:node:{{EC2PrivateDNSName}}`` and groups ``system:bootstrappers`` and
    ``system:nodes``. An access entry of the role decides alone (AWS docs "Migrating existing
    aws-auth ConfigMap entries": the access entry overrides the ConfigMap entry), so an entry of
    another type is a refusal even when aws-auth maps the role. As with aws-iam-authenticator,
    a ``rolearn`` with an IAM path does not match (write ``arn:aws:iam::<acct>:role/<name>``
    without the path).
    Windows nodes (self-managed, and the nodes of a managed group whose image is Windows): the
    entry must be EC2_WINDOWS, or the mapping must have the groups ``system:bootstrappers``,
    ``system:nodes`` and ``eks:kube-proxy-windows`` (AWS docs "Deploy Windows nodes on EKS
    clusters", "Create access entries"; eksctl's authconfigmap.go adds that group for Windows
    node groups). On AWS a Windows node whose role lacks it (an EC2_LINUX entry, a mapping
    without the group) does register, but its kube-proxy, a Windows service running with the
    node's identity, cannot read Services ("This group is required for Windows DNS resolution to
    work", AWS docs): the emulator is stricter and registers no Node, with the reason. So a
    managed group with a custom Windows AMI (amiType CUSTOM: EKS creates EC2_LINUX, as
    terraform-aws-eks issue 2994 reports AWS confirmed) or sharing a Linux group's role fails
    with NodeCreationFailure. An EC2_WINDOWS entry lets a Linux node join: it maps the same
    username and groups as EC2_LINUX plus eks:kube-proxy-windows (the role shared by Linux and
    Windows node groups, awsdocs/amazon-eks-user-guide PR 1142; eksctl's access entry migrator
    turns such an aws-auth mapping into EC2_WINDOWS); EKS does not document it, this is our
    reading.
(b) the user data bootstraps this cluster (self-managed, and managed nodegroups whose launch
    template sets its own ImageId, since EKS then adds no bootstrap): AL2023 needs a
    NodeConfig with ``name``, ``apiServerEndpoint``, ``certificateAuthority`` (the base64 as
    DescribeCluster returns it) and ``cidr`` (= ``kubernetesNetworkConfig.serviceIpv4Cidr``, in an
    IPv6 cluster ``serviceIpv6Cidr``) all equal to the cluster's; AL2 needs bootstrap.sh with the
    cluster name, and endpoint, CA, ``--service-ipv4-cidr`` (``--service-ipv6-cidr``) and
    ``--dns-cluster-ip`` (service CIDR + 10, ``::a`` for IPv6) must match when
    given (bootstrap.sh looks the others up itself); Bottlerocket needs cluster-name,
    api-server and cluster-certificate, and cluster-dns-ip must match when given; Windows
    (Start-EKSBootstrap.ps1, AWS docs "Bootstrap script configuration parameters") needs
    -EKSClusterName = the cluster's name; -APIServerEndpoint and -Base64ClusterCA are optional
    but "only valid when used with" each other (one without the other is a problem, our
    reading) and must match when given; -ServiceCIDR must be the cluster's and -DNSClusterIP its
    + 10 when given; with neither, the script defaults to 172.20.0.0/16 (DNS 172.20.0.10) when
    the node's IP is in 10.0.0.0/8, else 10.100.0.0/16, which must then be the cluster's;
    -ContainerRuntime, when given, must be containerd (the Windows AMIs of Kubernetes 1.24+ have
    no Docker). The form must fit the AMI (AL2023 has no bootstrap.sh, AL2 and Canonical's Ubuntu EKS
    images (family ubuntu: eksctl's bootstrap.ubuntu.sh calls their /etc/eks/bootstrap.sh with the
    cluster's name, --dns-cluster-ip and --kubelet-extra-args) have no nodeadm,
    Bottlerocket only reads TOML) when the AMI is one of the seeded EKS images; a Windows image
    (any image whose Platform is windows, seeded or not) reads only the ``<powershell>`` form,
    and an image that is not Windows does not run PowerShell.
(c) network: node -> control plane tcp/443: an ingress rule of the cluster security group
    or of ``resourcesVpcConfig.securityGroupIds`` admitting one of the instance's groups
    (a self-referencing rule counts when the instance is in that group) or a CIDR holding
    the instance's private IP; control plane -> node tcp/10250: an ingress rule of one of
    the instance's groups admitting the cluster security group or a control-plane group, or
    a CIDR holding the VPC CIDR. Protocol -1 means all ports.
(d) the instance has an instance profile whose role (managed: the nodegroup's nodeRole)
    exists, trusts ec2.amazonaws.com and has AmazonEKSWorkerNodePolicy and
    AmazonEC2ContainerRegistryReadOnly (or ...PullOnly) attached.
The Node appears ``MOTO_K8S_NODE_JOIN_SECONDS`` after the instance's launch (default 0).
If a rule stops holding after registration the Node stays with Ready=Unknown
(NodeStatusUnknown, "Kubelet stopped posting node status."). Terminated instances lose
their Node (and its pods).

Node: name = the instance's private DNS name ``ip-a-b-c-d.<region>.compute.internal``
(``ec2.internal`` in us-east-1; moto's describe-instances is patched to say the same);
``spec.providerID`` ``aws:///<az>/<instance-id>``; labels kubernetes.io/hostname,
kubernetes.io/os=linux, kubernetes.io/arch, node.kubernetes.io/instance-type,
topology.kubernetes.io/region and zone (+ beta.kubernetes.io/* twins), and for managed groups
``eks.amazonaws.com/nodegroup``, ``eks.amazonaws.com/capacityType``,
``eks.amazonaws.com/nodegroup-image``, ``eks.amazonaws.com/sourceLaunchTemplateId`` when the
nodegroup has a launch template, plus the nodegroup's labels and taints (NO_SCHEDULE ->
NoSchedule...); self-managed: the labels and taints its user data passes to kubelet.
Windows nodes (AMI family windows): kubernetes.io/os and beta.kubernetes.io/os ``windows``,
``node.kubernetes.io/windows-build`` ``10.0.17763`` (2019) / ``10.0.20348`` (2022) (kubelet's
label, major.minor.build; the release comes from the image name), nodeInfo operatingSystem
``windows``, osImage ``Windows Server 2019 Datacenter`` / ``Windows Server 2022 Datacenter``,
kernelVersion ``<build>.<UBR>``, containerRuntimeVersion containerd, capacity pods = the
instance type's IPv4 addresses per network interface - 1 (AWS docs: one ENI per Windows node)
and no hugepages; amd64. The rest as Linux nodes.

Ready: only when the vpc-cni and kube-proxy add-ons are ACTIVE and aws-node can call EC2
(the node role has AmazonEKS_CNI_Policy, or the vpc-cni add-on's serviceAccountRoleArn is an
existing role with AmazonEKS_CNI_Policy whose trust policy names the cluster's OIDC issuer,
for which an IAM OIDC provider exists, or the add-on's pod identity for aws-node with the
eks-pod-identity-agent running: see ``eksup_moto_addon_identity``). Otherwise Ready=False, reason KubeletNotReady,
message "container runtime network not ready: NetworkReady=false
reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not
initialized" plus, in parentheses, what is missing; the node also gets the
``node.kubernetes.io/not-ready:NoSchedule`` taint. Evaluated on every API request, every
0.5 s during watches, and on EKS describes, so adding an add-on later turns nodes Ready.
Windows nodes are Ready without these (our reading: their CNI plugin and kube-proxy come with
the AMI, AWS docs "Create nodes with optimized Windows AMIs"; aws-node and the kube-proxy
DaemonSet run on Linux nodes only).

IPv6 clusters (``kubernetesNetworkConfig.ipFamily: ipv6``): ``eksup_moto_ipv6`` fills in the hooks of
this module (``JOIN_CHECKS``, ``node_ip``, ``pod_address``, ``cni_permissions_problem``,
``node_cni_problem``): an instance without an IPv6 address does not join, a node's InternalIP is its
IPv6 address, aws-node's principal needs ``ec2:AssignIpv6Addresses`` (instead of AmazonEKS_CNI_Policy),
ipamd needs a Nitro instance, pods get addresses of the node's /80 prefix; its docstring says why.

Windows IPAM (AWS docs "Deploy Windows nodes on EKS clusters"; aws/amazon-vpc-resource-controller-k8s):
pods on Windows nodes get their IP from the VPC resource controller (EKS control plane), only
while Windows IPAM is on: ``kube-system/amazon-vpc-cni`` has ``enable-windows-ipam`` true (Go's
ParseBool: 1, t, T, TRUE, true, True), the old ``kube-system/vpc-resource-controller``
Deployment does not exist, and the cluster role has ``AmazonEKSVPCResourceController``. Then the
controller advertises ``vpc.amazonaws.com/PrivateIPv4Address`` (= the pods capacity) in each
Windows node's capacity/allocatable (removed when IPAM goes off), and its pod webhook gives the
first container of a pod created with nodeSelector ``kubernetes.io/os`` (or
``beta.kubernetes.io/os``) ``windows`` and without hostNetwork a limit and request of 1 (webhook
only needs the ConfigMap and no old Deployment). Such pods are scheduled only on nodes with a
free address ("0/N nodes are available: K Insufficient vpc.amazonaws.com/PrivateIPv4Address.");
any other non-hostNetwork pod bound to a Windows node stays Pending with its containers waiting
``ContainerCreating`` (message ours). While IPAM is off, node-status gives each joined Windows
node the reason "Windows IPAM is off, pods on this node get no IP address: <why>" (ours).
The vpc-cni add-on (not DELETING) creates
``kube-system/amazon-vpc-cni`` with the chart's defaults (charts/aws-vpc-cni/templates/configmap.yaml:
enable-windows-ipam "false", enable-network-policy-controller "false",
enable-windows-prefix-delegation "false", warm-prefix-target "0", warm-ip-target "1",
minimum-ip-target "3", branch-eni-cooldown "60") overridden by its configurationValues
(enableWindowsIpam, enableNetworkPolicy, enableWindowsPrefixDelegation, warmWindowsPrefixTarget,
warmWindowsIPTarget, minimumWindowsIPTarget, branchENICooldown), unless the ConfigMap exists
already; an UpdateAddon that changes configurationValues sets the keys it names; deleting the
add-on deletes the ConfigMap it made. Clients create or patch it (eksctl's WindowsIPAMTask
patches ``enable-windows-ipam: "true"`` in, or creates the ConfigMap with only that key).

Add-on workloads: for each add-on that is not DELETING, its Kubernetes objects exist in its
namespace (``namespaceConfig.namespace``, created with a ``default`` service account the first
time, as EKS's ``eks:addon-manager`` may; else kube-system): DaemonSets aws-node (vpc-cni), kube-proxy, eks-pod-identity-agent,
ebs-csi-node with one pod per Linux Node (``<ds>-xxxxx``, ownerReferences DaemonSet; every
add-on pod template has the required node affinity ``kubernetes.io/os In [linux]``, as the EKS
add-ons' manifests); Deployments
coredns (2 replicas, label k8s-app=kube-dns, PDB ``coredns`` maxUnavailable 1),
metrics-server (2), ebs-csi-controller (2) with ReplicaSets and pods
``<deploy>-<hash>-xxxxx`` scheduled (spread) on Ready, schedulable Nodes whose taints they
tolerate, else Pending; evicted/deleted replicas come back. Service accounts aws-node
(annotated with the vpc-cni role), kube-proxy, coredns, ... The coredns add-on reports
CREATING while the cluster has no Ready Node (it is a Deployment that needs one), ACTIVE
after (a Ready Linux Node: Windows nodes do not count). Pods created through the API without
``spec.nodeName`` are scheduled the same way (nodeSelector, required node affinity with In,
NotIn, Exists, DoesNotExist, tolerations and the Windows IP resource honoured).

Managed nodegroups: when their creation delay ends (max of MOTO_EKS_NODEGROUP_CREATE_SECONDS
and MOTO_K8S_NODE_JOIN_SECONDS; with 0, at the first describe after the create call) the
nodegroup becomes ACTIVE only if every instance is a Ready Node, else CREATE_FAILED with
``health.issues`` ``[{code: NodeCreationFailure, message: "Instances failed to join the
kubernetes cluster", resourceIds: [...]}]`` (see ``eksup_moto_eks``).

Kubelet versions: a node's ``status.nodeInfo.kubeletVersion`` is ``v<minor>.<patch>-eks-<build>``
of its AMI when the AMI is a seeded EKS image (its name gives the minor), else the managed node
group's ``version`` (self-managed: the cluster's). So during a rolling update of a managed node
group (UpdateNodegroupVersion) the new nodes already run the new version while the node group
still says the old one. ``node_versions`` gives them to the "Kubelet version skew" upgrade
insight (``eksup_moto_eks.NODE_VERSIONS``).

Drain (``eksup_moto_eks.NODEGROUP_DRAIN``, the end of a managed node group's rolling update): the
old instances' nodes are cordoned (``spec.unschedulable`` and the taint
``node.kubernetes.io/unschedulable:NoSchedule``), then every pod on them except DaemonSet and
mirror pods is evicted with the eviction API's rule (refused while a PodDisruptionBudget allows
no disruption of a Ready pod; evicted add-on replicas come back on the new, schedulable nodes
before the next eviction is tried). With ``force`` the pods are deleted. If any eviction was
refused (without force) the nodes are uncordoned and the update fails (PodEvictionFailure).

Knobs: ``MOTO_K8S_NODE_JOIN_SECONDS`` (above); ``EKSUP_MOTO_LENIENT=1`` makes every instance
of a cluster join and be Ready regardless of the rules (the rules' verdicts are still
reported in node-status, prefixed "lenient:"), managed nodegroups never fail with
NodeCreationFailure, coredns is ACTIVE without Ready nodes, and Windows IPAM is always on.

Test routes (added to ``eksup_moto.TestControl``):
``GET /eksup-test/kubernetes/<cluster>`` -> ``{"endpoint", "port", "nodes", "ready"}``;
``GET /eksup-test/kubernetes/<cluster>/node-status`` -> ``[{"instance", "node", "ready",
"reason", "nodegroup", "joined"}]`` (``?region=`` picks the region when the name is used in
several).

Not emulated: authorization (RBAC objects are kept but not enforced; no default ClusterRoles
such as cluster-admin or view exist; ClusterRole aggregationRule is not evaluated),
deletecollection, admission (but the VPC resource controller's Windows pod webhook), API
aggregation, protobuf, HTTP/2, exec/logs/port-forward, Fargate pods, pod identity associations, kubelet version skew (a node of any
version joins; only the EKS upgrade insight reports the skew), egress rules,
NACLs/routes/NAT for node traffic, IMDS hop limits, and managed nodegroup label/taint
updates after creation. Windows: Windows Server 2025 images, EC2Launch v2 YAML user data and
``<script>`` blocks, Windows prefix delegation, gMSA, HostProcess specifics, the Windows pod
annotation ``vpc.amazonaws.com/PrivateIPv4Address``, EKS Windows add-on DaemonSets
(ebs-csi-node-windows...).
"""

from __future__ import annotations

import base64
import binascii
import copy
import datetime
import email
import hashlib
import hmac
import ipaddress
import json
import os
import random
import re
import shlex
import ssl
import string
import sys
import tempfile
import threading
import time
import tomllib
import traceback
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlsplit

import yaml

import eksup_moto_eks as eks

TOKEN_PREFIX = "k8s-aws-v1."
TOKEN_MAX_AGE = 15 * 60
TOKEN_MAX_SKEW = 5 * 60
DUMMY_ACCESS_KEY, DUMMY_SECRET_KEY = "testing", "testing"
JOIN_SECONDS = float(os.environ.get("MOTO_K8S_NODE_JOIN_SECONDS") or 0)
# Called with (cluster name, HTTP method, path with query) for every request to a cluster's API
# (eksup_moto's call log).
REQUEST_HOOKS: list[Any] = []
# Called with the cluster's context on every reconciliation, after the add-ons' workloads
# (eksup_moto_efa: the EFA device plugin's pods and the resource it advertises).
RECONCILE_HOOKS: list[Any] = []
LENIENT = (os.environ.get("EKSUP_MOTO_LENIENT") or "").lower() not in ("", "0", "false", "no")

CNI_NOT_READY = ("container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady "
                 "message:Network plugin returns error: cni plugin not initialized")
SYSTEM_NAMESPACES = ("default", "kube-system", "kube-public", "kube-node-lease")
WORKER_POLICY = "AmazonEKSWorkerNodePolicy"
ECR_POLICIES = ("AmazonEC2ContainerRegistryReadOnly", "AmazonEC2ContainerRegistryPullOnly")
CNI_POLICY = "AmazonEKS_CNI_Policy"

# Patch release of each Kubernetes minor (the /version and kubelet versions).
PATCH_RELEASES = eks.PATCH_RELEASES
EKS_BUILD = "113cf36"

# instance type -> (vCPU, memory MiB, max pods with the VPC CNI)
INSTANCE_TYPES = {
    "t3.micro": (2, 1024, 4), "t3.small": (2, 2048, 11), "t3.medium": (2, 4096, 17), "t3.large": (2, 8192, 35),
    "t3.xlarge": (4, 16384, 58), "m5.large": (2, 8192, 29), "m5.xlarge": (4, 16384, 58), "m5.2xlarge": (8, 32768, 58),
    "m6i.large": (2, 8192, 29), "m6i.xlarge": (4, 16384, 58), "m7i.large": (2, 8192, 29), "c5.large": (2, 4096, 29),
    "c5.xlarge": (4, 8192, 58), "r5.large": (2, 16384, 29), "m6g.large": (2, 8192, 29), "m7g.large": (2, 8192, 29),
    "c7g.large": (2, 4096, 29), "t4g.medium": (2, 4096, 17), "g5.xlarge": (4, 16384, 58),
}


# =======================================================================================
# Authentication: EKS bearer tokens
# =======================================================================================
def check_token(authorization: str, cluster_name: str, region: str, now: float | None = None) -> str | None:
    """None when `authorization` carries a valid EKS token for this cluster, else why not."""
    if not authorization.startswith("Bearer "):
        return "no bearer token"
    token = authorization[len("Bearer "):].strip()
    if not token.startswith(TOKEN_PREFIX):
        return "token does not start with k8s-aws-v1."
    b64 = token[len(TOKEN_PREFIX):]
    if "=" in b64 or not re.fullmatch(r"[A-Za-z0-9_-]+", b64):
        return "token is not unpadded base64url"
    try:
        url = base64.urlsafe_b64decode(b64 + "=" * (-len(b64) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError):
        return "token is not base64url"
    parsed = urlsplit(url)
    params = dict(parse_qsl(parsed.query, keep_blank_values=True))
    suffix = "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"
    credential = params.get("X-Amz-Credential", "").split("/")
    signed = params.get("X-Amz-SignedHeaders", "").split(";")
    checks = [
        (parsed.scheme == "https", "scheme is not https"),
        (parsed.netloc == f"sts.{region}.{suffix}", f"host {parsed.netloc} is not sts.{region}.{suffix}"),
        (parsed.path in ("/", ""), "path is not /"),
        (params.get("Action") == "GetCallerIdentity", "Action is not GetCallerIdentity"),
        (params.get("Version") == "2011-06-15", "Version is not 2011-06-15"),
        (params.get("X-Amz-Algorithm") == "AWS4-HMAC-SHA256", "X-Amz-Algorithm is not AWS4-HMAC-SHA256"),
        (params.get("X-Amz-Expires") == "60", "X-Amz-Expires is not 60"),
        (len(credential) == 5 and credential[3:] == ["sts", "aws4_request"], "X-Amz-Credential is not an STS scope"),
        (len(credential) == 5 and credential[2] == region, f"the token is for region {credential[2] if len(credential) == 5 else '?'}, not {region}"),
        ("x-k8s-aws-id" in signed, "x-k8s-aws-id is not a signed header"),
        (bool(re.fullmatch(r"[0-9a-f]{64}", params.get("X-Amz-Signature", ""))), "X-Amz-Signature is not 64 hex"),
    ]
    for ok, reason in checks:
        if not ok:
            return reason
    try:
        signed_at = datetime.datetime.strptime(params.get("X-Amz-Date", ""), "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
    except ValueError:
        return "X-Amz-Date is not a date"
    if credential[1] != params["X-Amz-Date"][:8]:
        return "X-Amz-Date does not match the credential date"
    age = (now if now is not None else time.time()) - signed_at.timestamp()
    if age > TOKEN_MAX_AGE:
        return "token expired"
    if age < -TOKEN_MAX_SKEW:
        return "token is from the future"
    if credential[0] == DUMMY_ACCESS_KEY:
        headers = {"host": parsed.netloc, "x-k8s-aws-id": cluster_name}
        if any(h not in headers for h in signed):
            return f"unexpected signed headers {signed}"
        pairs = sorted(tuple(p.split("=", 1)) if "=" in p else (p, "") for p in parsed.query.split("&") if p)
        canonical_query = "&".join(f"{k}={v}" for k, v in pairs if k != "X-Amz-Signature")
        canonical_request = "\n".join(["GET", "/", canonical_query, "".join(f"{h}:{headers[h]}\n" for h in signed),
                                       ";".join(signed), hashlib.sha256(b"").hexdigest()])
        scope = "/".join(credential[1:])
        to_sign = "\n".join(["AWS4-HMAC-SHA256", params["X-Amz-Date"], scope, hashlib.sha256(canonical_request.encode()).hexdigest()])
        key = ("AWS4" + DUMMY_SECRET_KEY).encode()
        for part in credential[1:]:
            key = hmac.new(key, part.encode(), hashlib.sha256).digest()
        if hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest() != params["X-Amz-Signature"]:
            return f"signature does not match (the token is not for cluster {cluster_name})"
    return None


# =======================================================================================
# TLS
# =======================================================================================
def server_certificate(ca_pem: bytes, ca_key_pem: bytes) -> tuple[bytes, bytes]:
    """A kube-apiserver serving certificate for 127.0.0.1/localhost signed by the cluster CA."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    ca = x509.load_pem_x509_certificate(ca_pem)
    ca_key = serialization.load_pem_private_key(ca_key_pem, None)
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.timezone.utc)
    san = [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost"), x509.DNSName("kubernetes"),
           x509.DNSName("kubernetes.default.svc")]
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "kube-apiserver")]))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=365))
        .add_extension(x509.SubjectAlternativeName(san), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    return (cert.public_bytes(serialization.Encoding.PEM),
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))


# =======================================================================================
# Object store
# =======================================================================================
# plural -> (group, version, kind, namespaced, short names, verbs)
ALL_VERBS = ["create", "delete", "get", "list", "patch", "update", "watch"]
RBAC_GROUP = "rbac.authorization.k8s.io"
RESOURCES: dict[str, tuple[str, str, str, bool, list[str]]] = {
    "nodes": ("", "v1", "Node", False, ["no"]),
    "namespaces": ("", "v1", "Namespace", False, ["ns"]),
    "pods": ("", "v1", "Pod", True, ["po"]),
    "configmaps": ("", "v1", "ConfigMap", True, ["cm"]),
    "serviceaccounts": ("", "v1", "ServiceAccount", True, ["sa"]),
    "services": ("", "v1", "Service", True, ["svc"]),
    "secrets": ("", "v1", "Secret", True, []),
    "daemonsets": ("apps", "v1", "DaemonSet", True, ["ds"]),
    "deployments": ("apps", "v1", "Deployment", True, ["deploy"]),
    "replicasets": ("apps", "v1", "ReplicaSet", True, ["rs"]),
    "poddisruptionbudgets": ("policy", "v1", "PodDisruptionBudget", True, ["pdb"]),
    "roles": (RBAC_GROUP, "v1", "Role", True, []),
    "rolebindings": (RBAC_GROUP, "v1", "RoleBinding", True, []),
    "clusterroles": (RBAC_GROUP, "v1", "ClusterRole", False, []),
    "clusterrolebindings": (RBAC_GROUP, "v1", "ClusterRoleBinding", False, []),
}
GROUPS = {"apps": ["v1"], "policy": ["v1"], RBAC_GROUP: ["v1"]}
RBAC_PLURALS = ("roles", "rolebindings", "clusterroles", "clusterrolebindings")


def api_version(plural: str) -> str:
    group, version = RESOURCES[plural][:2]
    return f"{group}/{version}" if group else version


def now_iso() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def rand_suffix(n: int = 5) -> str:
    return "".join(random.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(n))


class ApiError(Exception):
    def __init__(self, code: int, reason: str, message: str, details: dict[str, Any] | None = None):
        super().__init__(message)
        self.code, self.reason, self.message, self.details = code, reason, message, details

    def status(self) -> dict[str, Any]:
        out = {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure", "message": self.message,
               "reason": self.reason, "code": self.code}
        if self.details:
            out["details"] = self.details
        return out


def not_found(plural: str, name: str) -> ApiError:
    group = RESOURCES[plural][0] if plural in RESOURCES else ""
    qualified = f"{plural}.{group}" if group else plural
    return ApiError(404, "NotFound", f'{qualified} "{name}" not found', {"name": name, "group": group, "kind": plural})


class Store:
    """All Kubernetes objects of one cluster, with a resourceVersion counter and an event log."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.changed = threading.Condition(self.lock)
        self.rv = 0
        self.objects: dict[str, dict[tuple[str, str], dict[str, Any]]] = {p: {} for p in RESOURCES}
        self.events: list[tuple[int, str, str, dict[str, Any]]] = []

    def _bump(self) -> str:
        self.rv += 1
        return str(self.rv)

    def _record(self, plural: str, kind: str, obj: dict[str, Any]) -> None:
        with self.lock:
            self.events.append((self.rv, plural, kind, copy.deepcopy(obj)))
            if len(self.events) > 20000:
                del self.events[:5000]
            self.changed.notify_all()

    def get(self, plural: str, namespace: str, name: str) -> dict[str, Any] | None:
        return self.objects[plural].get((namespace, name))

    def list(self, plural: str, namespace: str | None = None) -> list[dict[str, Any]]:
        items = [o for (ns, _), o in self.objects[plural].items() if namespace is None or ns == namespace]
        return sorted(items, key=lambda o: (o["metadata"].get("namespace", ""), o["metadata"]["name"]))

    def create(self, plural: str, obj: dict[str, Any]) -> dict[str, Any]:
        meta = obj.setdefault("metadata", {})
        namespace = meta.get("namespace", "") if RESOURCES[plural][3] else ""
        key = (namespace, meta["name"])
        if key in self.objects[plural]:
            raise ApiError(409, "AlreadyExists", f'{plural} "{meta["name"]}" already exists',
                           {"name": meta["name"], "group": RESOURCES[plural][0], "kind": plural})
        obj["kind"], obj["apiVersion"] = RESOURCES[plural][2], api_version(plural)
        meta["uid"] = str(uuid.uuid4())
        meta["creationTimestamp"] = now_iso()
        meta.setdefault("generation", 1) if plural not in ("pods", "nodes", "configmaps", "secrets", "serviceaccounts", "namespaces",
                                                          *RBAC_PLURALS) else None
        meta["resourceVersion"] = self._bump()
        self.objects[plural][key] = obj
        self._record(plural, "ADDED", obj)
        return obj

    def update(self, plural: str, obj: dict[str, Any]) -> dict[str, Any]:
        meta = obj["metadata"]
        meta["resourceVersion"] = self._bump()
        self.objects[plural][(meta.get("namespace", "") if RESOURCES[plural][3] else "", meta["name"])] = obj
        self._record(plural, "MODIFIED", obj)
        return obj

    def delete(self, plural: str, namespace: str, name: str) -> dict[str, Any] | None:
        obj = self.objects[plural].pop((namespace, name), None)
        if obj is not None:
            obj["metadata"]["resourceVersion"] = self._bump()
            self._record(plural, "DELETED", obj)
        return obj


# =======================================================================================
# Selectors, patches, tables
# =======================================================================================
def parse_label_selector(text: str) -> list[tuple[str, str, list[str]]]:
    reqs: list[tuple[str, str, list[str]]] = []
    for part in re.findall(r"(?:[^,(]|\([^)]*\))+", text or ""):
        part = part.strip()
        if not part:
            continue
        m = re.fullmatch(r"([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)", part)
        if m:
            reqs.append((m.group(1), m.group(2), [v.strip() for v in m.group(3).split(",") if v.strip()]))
            continue
        m = re.fullmatch(r"([^\s!=]+)\s*(==|=|!=)\s*(\S*)", part)
        if m:
            reqs.append((m.group(1), "!=" if m.group(2) == "!=" else "=", [m.group(3)]))
            continue
        if re.fullmatch(r"![^\s!=]+", part):
            reqs.append((part[1:], "!", []))
            continue
        if re.fullmatch(r"[^\s!=]+", part):
            reqs.append((part, "exists", []))
            continue
        raise ApiError(400, "BadRequest", f"unable to parse requirement: {part}")
    return reqs


def labels_match(labels: dict[str, str], reqs: list[tuple[str, str, list[str]]]) -> bool:
    for key, op, values in reqs:
        have = labels.get(key)
        if op == "=" and have != values[0]:
            return False
        if op == "!=" and have == values[0]:
            return False
        if op == "in" and have not in values:
            return False
        if op == "notin" and have in values:
            return False
        if op == "exists" and key not in labels:
            return False
        if op == "!" and key in labels:
            return False
    return True


FIELDS = {
    "metadata.name": lambda o: o["metadata"]["name"],
    "metadata.namespace": lambda o: o["metadata"].get("namespace", ""),
    "spec.nodeName": lambda o: o.get("spec", {}).get("nodeName", ""),
    "status.phase": lambda o: o.get("status", {}).get("phase", ""),
    "spec.unschedulable": lambda o: str(bool(o.get("spec", {}).get("unschedulable"))).lower(),
}


def parse_field_selector(text: str) -> list[tuple[str, bool, str]]:
    out = []
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        m = re.fullmatch(r"([^!=]+)(==|=|!=)(.*)", part)
        if not m:
            raise ApiError(400, "BadRequest", f"invalid selector: '{part}'; can't understand '{part}'")
        if m.group(1) not in FIELDS:
            raise ApiError(400, "BadRequest", f'field label not supported: {m.group(1)}')
        out.append((m.group(1), m.group(2) != "!=", m.group(3)))
    return out


def fields_match(obj: dict[str, Any], reqs: list[tuple[str, bool, str]]) -> bool:
    return all((FIELDS[f](obj) == v) == eq for f, eq, v in reqs)


def selector_match(selector: dict[str, Any] | None, labels: dict[str, str]) -> bool:
    """A metav1.LabelSelector (matchLabels/matchExpressions); an empty one matches all."""
    if not selector:
        return True
    for k, v in (selector.get("matchLabels") or {}).items():
        if labels.get(k) != v:
            return False
    for expr in selector.get("matchExpressions") or []:
        op, key, values = expr.get("operator"), expr.get("key"), expr.get("values") or []
        if op == "In" and labels.get(key) not in values:
            return False
        if op == "NotIn" and labels.get(key) in values:
            return False
        if op == "Exists" and key not in labels:
            return False
        if op == "DoesNotExist" and key in labels:
            return False
    return True


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON merge patch (strategic-merge directives `$...` are dropped)."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    out = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if key.startswith("$"):
            continue
        if value is None:
            out.pop(key, None)
        else:
            out[key] = merge_patch(out.get(key), value)
    return out


def json_patch(target: Any, ops: list[dict[str, Any]]) -> Any:
    doc = copy.deepcopy(target)
    for op in ops:
        parts = [p.replace("~1", "/").replace("~0", "~") for p in op.get("path", "").split("/")[1:]]
        parent = doc
        for p in parts[:-1]:
            parent = parent[int(p)] if isinstance(parent, list) else parent.setdefault(p, {})
        last = parts[-1] if parts else ""
        kind = op.get("op")
        if kind in ("add", "replace"):
            if isinstance(parent, list):
                if last == "-":
                    parent.append(op.get("value"))
                elif kind == "add":
                    parent.insert(int(last), op.get("value"))
                else:
                    parent[int(last)] = op.get("value")
            else:
                if kind == "replace" and last not in parent:
                    raise ApiError(422, "Invalid", f"replace operation does not apply: doc is missing key: {op.get('path')}")
                parent[last] = op.get("value")
        elif kind == "remove":
            try:
                del parent[int(last) if isinstance(parent, list) else last]
            except (KeyError, IndexError):
                raise ApiError(422, "Invalid", f"remove operation does not apply: doc is missing path: {op.get('path')}")
        elif kind == "test":
            have = parent[int(last)] if isinstance(parent, list) else parent.get(last)
            if have != op.get("value"):
                raise ApiError(422, "Invalid", f"testing value {op.get('path')} failed")
        else:
            raise ApiError(422, "Invalid", f"Unexpected kind: {kind}")
    return doc


def age(obj: dict[str, Any]) -> str:
    try:
        created = datetime.datetime.strptime(obj["metadata"]["creationTimestamp"], "%Y-%m-%dT%H:%M:%SZ")
    except (KeyError, ValueError):
        return "<unknown>"
    seconds = int((datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) - created).total_seconds())
    seconds = max(seconds, 0)
    if seconds < 120:
        return f"{seconds}s"
    if seconds < 3600 * 3:
        return f"{seconds // 60}m"
    if seconds < 86400 * 2:
        return f"{seconds // 3600}h"
    return f"{seconds // 86400}d"


def condition(obj: dict[str, Any], kind: str) -> dict[str, Any] | None:
    return next((c for c in obj.get("status", {}).get("conditions") or [] if c.get("type") == kind), None)


def node_status_text(node: dict[str, Any]) -> str:
    ready = condition(node, "Ready")
    text = {"True": "Ready", "False": "NotReady"}.get((ready or {}).get("status"), "Unknown")
    if node.get("spec", {}).get("unschedulable"):
        text += ",SchedulingDisabled"
    return text


def addon_namespace(addon: Any) -> str:
    """Where EKS installs an add-on: its ``namespaceConfig.namespace``, else ``kube-system``."""
    return getattr(addon, "namespace", None) or "kube-system"


def pod_ready(pod: dict[str, Any]) -> bool:
    return pod.get("status", {}).get("phase") == "Running" and (condition(pod, "Ready") or {}).get("status") == "True"


def column(name: str, kind: str = "string", priority: int = 0, fmt: str = "") -> dict[str, Any]:
    return {"name": name, "type": kind, "format": fmt, "description": name, "priority": priority}


def table_columns(plural: str) -> list[dict[str, Any]]:
    name = column("Name", fmt="name")
    if plural == "nodes":
        return [name, column("Status"), column("Roles"), column("Age"), column("Version"), column("Internal-IP", priority=1),
                column("External-IP", priority=1), column("OS-Image", priority=1), column("Kernel-Version", priority=1),
                column("Container-Runtime", priority=1)]
    if plural == "pods":
        return [name, column("Ready"), column("Status"), column("Restarts", "string"), column("Age"), column("IP", priority=1),
                column("Node", priority=1), column("Nominated Node", priority=1), column("Readiness Gates", priority=1)]
    if plural == "namespaces":
        return [name, column("Status"), column("Age")]
    if plural == "serviceaccounts":
        return [name, column("Secrets", "integer"), column("Age")]
    if plural == "configmaps":
        return [name, column("Data", "integer"), column("Age")]
    if plural == "poddisruptionbudgets":
        return [name, column("Min Available"), column("Max Unavailable"), column("Allowed Disruptions", "integer"), column("Age")]
    if plural == "daemonsets":
        return [name, column("Desired", "integer"), column("Current", "integer"), column("Ready", "integer"),
                column("Up-to-date", "integer"), column("Available", "integer"), column("Node Selector"), column("Age")]
    if plural in ("deployments", "replicasets"):
        return [name, column("Ready"), column("Up-to-date", "integer"), column("Available", "integer"), column("Age")]
    if plural in ("roles", "clusterroles"):  # the API server's default table: Name, Created At
        return [name, column("Created At", "date")]
    if plural in ("rolebindings", "clusterrolebindings"):
        return [name, column("Role"), column("Age"), column("Users", priority=1), column("Groups", priority=1),
                column("ServiceAccounts", priority=1)]
    return [name, column("Age")]


def table_cells(plural: str, o: dict[str, Any]) -> list[Any]:
    name, st, spec = o["metadata"]["name"], o.get("status", {}), o.get("spec", {})
    if plural == "nodes":
        roles = sorted(k.split("/", 1)[1] for k in o["metadata"].get("labels", {}) if k.startswith("node-role.kubernetes.io/"))
        info = st.get("nodeInfo", {})
        ip = next((a["address"] for a in st.get("addresses", []) if a["type"] == "InternalIP"), "<none>")
        ext = next((a["address"] for a in st.get("addresses", []) if a["type"] == "ExternalIP"), "<none>")
        return [name, node_status_text(o), ",".join(roles) or "<none>", age(o), info.get("kubeletVersion", ""), ip, ext,
                info.get("osImage", ""), info.get("kernelVersion", ""), info.get("containerRuntimeVersion", "")]
    if plural == "pods":
        containers = spec.get("containers") or []
        ready = sum(1 for c in st.get("containerStatuses") or [] if c.get("ready"))
        status = st.get("phase", "Pending")
        if o["metadata"].get("deletionTimestamp"):
            status = "Terminating"
        return [name, f"{ready}/{len(containers)}", status, 0, age(o), st.get("podIP") or "<none>", spec.get("nodeName") or "<none>",
                "<none>", "<none>"]
    if plural == "namespaces":
        return [name, st.get("phase", "Active"), age(o)]
    if plural == "serviceaccounts":
        return [name, len(o.get("secrets") or []), age(o)]
    if plural == "configmaps":
        return [name, len(o.get("data") or {}) + len(o.get("binaryData") or {}), age(o)]
    if plural == "poddisruptionbudgets":
        return [name, str(spec.get("minAvailable", "N/A")), str(spec.get("maxUnavailable", "N/A")), st.get("disruptionsAllowed", 0), age(o)]
    if plural == "daemonsets":
        return [name, st.get("desiredNumberScheduled", 0), st.get("currentNumberScheduled", 0), st.get("numberReady", 0),
                st.get("updatedNumberScheduled", 0), st.get("numberAvailable", 0),
                ",".join(f"{k}={v}" for k, v in (spec.get("template", {}).get("spec", {}).get("nodeSelector") or {}).items()) or "<none>", age(o)]
    if plural in ("deployments", "replicasets"):
        return [name, f"{st.get('readyReplicas', 0)}/{spec.get('replicas', 0)}", st.get("updatedReplicas", 0), st.get("availableReplicas", 0), age(o)]
    if plural in ("roles", "clusterroles"):
        return [name, o["metadata"].get("creationTimestamp", "")]
    if plural in ("rolebindings", "clusterrolebindings"):
        ref = o.get("roleRef") or {}
        subjects = [x for x in o.get("subjects") or [] if isinstance(x, dict)]
        names = lambda kind: ", ".join(x.get("name", "") for x in subjects if x.get("kind") == kind)  # noqa: E731
        sas = ", ".join(f"{x['namespace']}/{x.get('name', '')}" if x.get("namespace") else x.get("name", "")
                        for x in subjects if x.get("kind") == "ServiceAccount")
        return [name, f"{ref.get('kind', '')}/{ref.get('name', '')}", age(o), names("User"), names("Group"), sas]
    return [name, age(o)]


def table(plural: str, objects: list[dict[str, Any]], rv: str, include: str, with_columns: bool = True) -> dict[str, Any]:
    rows = []
    for o in objects:
        if include == "Object":
            row_object: Any = o
        elif include == "None":
            row_object = None
        else:
            row_object = {"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": o["metadata"]}
        row = {"cells": table_cells(plural, o), "object": row_object}
        rows.append(row)
    out: dict[str, Any] = {"kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": {"resourceVersion": rv}, "rows": rows}
    out["columnDefinitions"] = table_columns(plural) if with_columns else []
    return out


# =======================================================================================
# RBAC objects: the API server's defaulting and validation (see the module docstring)
# =======================================================================================
SUBJECT_KINDS = ("ServiceAccount", "User", "Group")
RFC1123_SUBDOMAIN = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
RFC1123_SUBDOMAIN_MESSAGE = ("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
                             "and must start and end with an alphanumeric character")
Cause = tuple[str, str, str]  # (field, message, reason)


def _unsupported(field: str, value: Any, supported: tuple[str, ...] | list[str]) -> Cause:
    return (field, f"Unsupported value: {json.dumps(value)}: supported values: " + ", ".join(json.dumps(v) for v in supported),
            "FieldValueNotSupported")


def _required(field: str, detail: str = "") -> Cause:
    return (field, "Required value" + (f": {detail}" if detail else ""), "FieldValueRequired")


def path_segment_problems(name: str) -> list[str]:
    """apimachinery's path.IsValidPathSegmentName, the name rule of RBAC objects."""
    if name in (".", ".."):
        return [f"may not be '{name}'"]
    return [f"may not contain '{c}'" for c in ("/", "%") if c in name]


def rbac_defaults(plural: str, obj: dict[str, Any]) -> None:
    """pkg/apis/rbac/v1/defaults.go: a binding's roleRef.apiGroup and a User or Group subject's apiGroup
    default to rbac.authorization.k8s.io; a role's rules are serialised even when empty (null)."""
    if plural in ("roles", "clusterroles"):
        obj.setdefault("rules", None)
    if plural not in ("rolebindings", "clusterrolebindings"):
        return
    ref = obj.get("roleRef")
    if ref is None:  # decoded as the zero RoleRef (its fields have no omitempty)
        ref = obj["roleRef"] = {"apiGroup": "", "kind": "", "name": ""}
    if isinstance(ref, dict) and not ref.get("apiGroup"):
        ref["apiGroup"] = RBAC_GROUP
    for subject in obj.get("subjects") or []:
        if isinstance(subject, dict) and not subject.get("apiGroup") and subject.get("kind") in ("User", "Group"):
            subject["apiGroup"] = RBAC_GROUP


def _go_strings(values: list[Any]) -> str:
    return "[]string{" + ", ".join(json.dumps(str(v)) for v in values) + "}"


def _role_ref_repr(ref: dict[str, Any]) -> str:
    """How the API server prints the internal RoleRef struct (%#v) in "cannot change roleRef"."""
    return (f'rbac.RoleRef{{APIGroup:{json.dumps(ref.get("apiGroup", ""))}, Kind:{json.dumps(ref.get("kind", ""))}, '
            f'Name:{json.dumps(ref.get("name", ""))}}}')


def rbac_problems(plural: str, obj: dict[str, Any], old: dict[str, Any] | None) -> list[Cause]:
    """pkg/apis/rbac/validation/validation.go (ValidateRole, ValidateClusterRole, ValidateRoleBinding,
    ValidateClusterRoleBinding and their Update variants), after the object's name."""
    causes: list[Cause] = []
    namespaced = RESOURCES[plural][3]
    if plural in ("roles", "clusterroles"):
        for i, rule in enumerate(obj.get("rules") or []):
            rule = rule if isinstance(rule, dict) else {}
            at = f"rules[{i}]"
            if not rule.get("verbs"):
                causes.append(_required(f"{at}.verbs", "verbs must contain at least one value"))
            urls = rule.get("nonResourceURLs") or []
            if urls:
                if namespaced:
                    causes.append((f"{at}.nonResourceURLs", f"Invalid value: {_go_strings(urls)}: namespaced rules cannot apply to non-resource URLs",
                                   "FieldValueInvalid"))
                if rule.get("apiGroups") or rule.get("resources") or rule.get("resourceNames"):
                    causes.append((f"{at}.nonResourceURLs", f"Invalid value: {_go_strings(urls)}: rules cannot apply to both regular resources "
                                   "and non-resource URLs", "FieldValueInvalid"))
                continue
            if not rule.get("apiGroups"):
                causes.append(_required(f"{at}.apiGroups", "resource rules must supply at least one api group"))
            if not rule.get("resources"):
                causes.append(_required(f"{at}.resources", "resource rules must supply at least one resource"))
            if rule.get("resourceNames") and len(rule.get("resources") or []) > 1:
                causes.append(_required(f"{at}.resourceNames", "resource names cannot apply to multiple resources"))
        return causes
    ref = obj.get("roleRef") if isinstance(obj.get("roleRef"), dict) else {}
    if ref.get("apiGroup") != RBAC_GROUP:
        causes.append(_unsupported("roleRef.apiGroup", ref.get("apiGroup", ""), [RBAC_GROUP]))
    kinds = ("Role", "ClusterRole") if namespaced else ("ClusterRole",)
    if ref.get("kind") not in kinds:
        causes.append(_unsupported("roleRef.kind", ref.get("kind", ""), kinds))
    if not ref.get("name"):
        causes.append(_required("roleRef.name"))
    else:
        causes += [("roleRef.name", f"Invalid value: {json.dumps(ref['name'])}: {m}", "FieldValueInvalid") for m in path_segment_problems(ref["name"])]
    for i, subject in enumerate(obj.get("subjects") or []):
        subject = subject if isinstance(subject, dict) else {}
        at, name, group = f"subjects[{i}]", subject.get("name") or "", subject.get("apiGroup") or ""
        if not name:
            causes.append(_required(f"{at}.name"))
        kind = subject.get("kind") or ""
        if kind == "ServiceAccount":
            if name and (len(name) > 253 or not RFC1123_SUBDOMAIN.fullmatch(name)):
                causes.append((f"{at}.name", f"Invalid value: {json.dumps(name)}: {RFC1123_SUBDOMAIN_MESSAGE}", "FieldValueInvalid"))
            if group:
                causes.append(_unsupported(f"{at}.apiGroup", group, [""]))
            if not namespaced and not subject.get("namespace"):
                causes.append(_required(f"{at}.namespace"))
        elif kind in ("User", "Group"):
            if not name:
                causes.append((f"{at}.name", f'Invalid value: "": {kind.lower()} name cannot be empty', "FieldValueInvalid"))
            if group != RBAC_GROUP:
                causes.append(_unsupported(f"{at}.apiGroup", group, [RBAC_GROUP]))
        else:
            causes.append(_unsupported(f"{at}.kind", kind, SUBJECT_KINDS))
    if old is not None:
        before = old.get("roleRef") or {}
        if {k: before.get(k, "") for k in ("apiGroup", "kind", "name")} != {k: ref.get(k, "") for k in ("apiGroup", "kind", "name")}:
            causes.append(("roleRef", f"Invalid value: {_role_ref_repr(ref)}: cannot change roleRef", "FieldValueInvalid"))
    return causes


# =======================================================================================
# User data: what the node's bootstrap would tell kubelet
# =======================================================================================
class Bootstrap:
    """The cluster settings and kubelet labels/taints a user data passes to the node agent."""

    def __init__(self, form: str) -> None:
        self.form = form  # "nodeconfig" | "bootstrap.sh" | "bottlerocket" | "powershell"
        self.cluster_name: str | None = None
        self.endpoint: str | None = None
        self.ca: str | None = None
        self.service_cidr: str | None = None
        self.dns_ip: str | None = None
        self.container_runtime: str | None = None  # powershell: -ContainerRuntime
        self.labels: dict[str, str] = {}
        self.taints: list[dict[str, str]] = []
        self.errors: list[str] = []
        self.kubelet_config: dict[str, Any] = {}  # NodeConfig spec.kubelet.config


def parse_taint(text: str) -> dict[str, str] | None:
    m = re.fullmatch(r"([^=:\s]+)(?:=([^:\s]*))?:(NoSchedule|PreferNoSchedule|NoExecute)", text.strip())
    if not m:
        return None
    taint = {"key": m.group(1), "effect": m.group(3)}
    if m.group(2):
        taint["value"] = m.group(2)
    return taint


def apply_kubelet_flags(b: Bootstrap, flags: list[str]) -> None:
    for i, flag in enumerate(flags):
        name, _, value = flag.partition("=")
        if not _ and name in ("--node-labels", "--register-with-taints") and i + 1 < len(flags):
            value = flags[i + 1]
        if name == "--node-labels":
            for pair in filter(None, value.split(",")):
                key, eq, val = pair.partition("=")
                if not eq:
                    b.errors.append(f"invalid --node-labels entry {pair!r}")
                else:
                    b.labels[key.strip()] = val.strip()
        elif name == "--register-with-taints":
            for item in filter(None, value.split(",")):
                taint = parse_taint(item)
                if taint is None:
                    b.errors.append(f"invalid --register-with-taints entry {item!r}")
                else:
                    b.taints.append(taint)


# KubeletConfiguration fields (kubelet.config.k8s.io/v1beta1) whose values are maps of strings
# (quantities, thresholds) or of booleans: kubelet decodes its config file leniently (unknown
# fields are logged and ignored) but not a value of another type, and then does not start.
KUBELET_STRING_MAPS = ("kubeReserved", "systemReserved", "evictionHard", "evictionSoft", "evictionSoftGracePeriod", "evictionMinimumReclaim")


def kubelet_config_problems(config: dict[str, Any]) -> list[str]:
    """Why kubelet would fail to load this configuration (the node then never registers)."""
    problems = []
    for key in KUBELET_STRING_MAPS:
        value = config.get(key)
        if value is not None and (not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values())):
            problems.append(f"kubelet cannot load its config: {key} must map names to strings, not {value!r}")
    gates = config.get("featureGates")
    if gates is not None and (not isinstance(gates, dict) or not all(isinstance(v, bool) for v in gates.values())):
        problems.append(f"kubelet cannot load its config: featureGates must map names to booleans, not {gates!r}")
    for key in ("maxPods", "podsPerCore"):
        value = config.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            problems.append(f"kubelet cannot load its config: {key} must be a whole number, not {value!r}")
    return problems


def quantity(text: str, unit: str) -> float | None:
    """A Kubernetes quantity in millicores (``unit`` "m") or KiB ("Ki"); None if it does not parse."""
    m = re.fullmatch(r"([0-9.]+)(m|k|K|M|G|T|Ki|Mi|Gi|Ti)?", str(text).strip())
    if not m:
        return None
    number = float(m.group(1))
    factor = {None: 1, "m": 0.001, "k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12,
              "Ki": 1024, "Mi": 1024 ** 2, "Gi": 1024 ** 3, "Ti": 1024 ** 4}[m.group(2)]
    base = number * factor
    return base * 1000 if unit == "m" else base / 1024


def allocatable_of(cpu: int, memory_mib: int, config: dict[str, Any]) -> tuple[str, str]:
    """kubelet's allocatable CPU and memory: capacity less kubeReserved, systemReserved and the
    memory.available eviction threshold (100Mi by default) when the config sets them, else what
    AL2023's nodeadm reserves by default on these instance sizes (the emulator's figures)."""
    reserved = [config.get("kubeReserved") or {}, config.get("systemReserved") or {}]
    if not any(r for r in reserved) and "evictionHard" not in config:
        return f"{cpu * 1000 - 70}m", f"{memory_mib * 1024 - 600000}Ki"
    milli = sum(quantity(r.get("cpu", "0"), "m") or 0 for r in reserved)
    kib = sum(quantity(r.get("memory", "0"), "Ki") or 0 for r in reserved)
    eviction = (config.get("evictionHard") or {}).get("memory.available", "100Mi")
    kib += quantity(eviction, "Ki") or 0 if not str(eviction).endswith("%") else memory_mib * 1024 * float(str(eviction)[:-1]) / 100
    return f"{int(cpu * 1000 - milli)}m", f"{int(memory_mib * 1024 - kib)}Ki"


def parse_node_configs(text: str, b: Bootstrap | None) -> Bootstrap | None:
    try:
        docs = [d for d in yaml.safe_load_all(text) if isinstance(d, dict)]
    except yaml.YAMLError as e:
        out = b or Bootstrap("nodeconfig")
        out.errors.append(f"NodeConfig is not valid YAML: {e}")
        return out
    for doc in docs:
        if doc.get("kind") != "NodeConfig" or not str(doc.get("apiVersion", "")).startswith("node.eks.aws/"):
            continue
        b = b if b is not None and b.form == "nodeconfig" else Bootstrap("nodeconfig")
        spec = doc.get("spec") or {}
        cluster = spec.get("cluster") or {}
        b.cluster_name = cluster.get("name", b.cluster_name)
        b.endpoint = cluster.get("apiServerEndpoint", b.endpoint)
        b.ca = cluster.get("certificateAuthority", b.ca)
        b.service_cidr = cluster.get("cidr", b.service_cidr)
        kubelet = spec.get("kubelet") or {}
        config = kubelet.get("config") or {}
        if isinstance(config, dict):
            b.kubelet_config.update(config)
            b.errors += kubelet_config_problems(config)
        dns = config.get("clusterDNS") if isinstance(config, dict) else None
        if dns:
            b.dns_ip = dns[0]
        for taint in (kubelet.get("config") or {}).get("registerWithTaints") or []:
            b.taints.append({k: v for k, v in taint.items() if k in ("key", "value", "effect")})
        apply_kubelet_flags(b, [str(f) for f in kubelet.get("flags") or []])
    return b


def parse_bootstrap_sh(script: str) -> Bootstrap | None:
    for line in script.replace("\\\n", " ").splitlines():
        if "/etc/eks/bootstrap.sh" not in line or line.lstrip().startswith("#"):
            continue
        try:
            words = shlex.split(line[line.index("/etc/eks/bootstrap.sh"):])
        except ValueError as e:
            b = Bootstrap("bootstrap.sh")
            b.errors.append(f"bootstrap.sh line does not parse: {e}")
            return b
        b = Bootstrap("bootstrap.sh")
        options: dict[str, str] = {}
        i = 1
        while i < len(words):
            word = words[i]
            if word in (";", "&&", "||", "|"):
                break
            if word.startswith("--"):
                key, eq, value = word.partition("=")
                if not eq:
                    value = words[i + 1] if i + 1 < len(words) else ""
                    i += 1
                options[key] = value
            elif b.cluster_name is None:
                b.cluster_name = word
            i += 1
        b.endpoint = options.get("--apiserver-endpoint")
        b.ca = options.get("--b64-cluster-ca")
        b.dns_ip = options.get("--dns-cluster-ip")
        b.service_cidr = options.get("--service-ipv4-cidr") or options.get("--service-ipv6-cidr")
        if options.get("--kubelet-extra-args"):
            apply_kubelet_flags(b, shlex.split(options["--kubelet-extra-args"]))
        return b
    return None


def parse_bottlerocket(text: str) -> Bootstrap:
    b = Bootstrap("bottlerocket")
    try:
        settings = tomllib.loads(text).get("settings", {})
    except tomllib.TOMLDecodeError as e:
        b.errors.append(f"Bottlerocket settings are not valid TOML: {e}")
        return b
    k8s = settings.get("kubernetes", {})
    b.cluster_name, b.endpoint, b.ca = k8s.get("cluster-name"), k8s.get("api-server"), k8s.get("cluster-certificate")
    dns = k8s.get("cluster-dns-ip")
    b.dns_ip = dns[0] if isinstance(dns, list) and dns else dns
    b.labels = {str(k): str(v) for k, v in (k8s.get("node-labels") or {}).items()}
    for key, values in (k8s.get("node-taints") or {}).items():
        for value in values if isinstance(values, list) else [values]:
            taint = parse_taint(f"{key}={value}")
            if taint is None:
                b.errors.append(f"invalid node-taints entry {key} = {value!r}")
            else:
                b.taints.append(taint)
    return b


# --- Windows: PowerShell user data calling Start-EKSBootstrap.ps1 ------------------------
# The script on the EKS Windows AMIs (AWS docs "Bootstrap script configuration parameters").
EKS_BOOTSTRAP_PS1 = "C:\\Program Files\\Amazon\\EKS\\Start-EKSBootstrap.ps1"
# Its documented parameters, plus -ContainerRuntime (which eksctl's windows.go and example 32 pass).
PS_PARAMETERS = ("EKSClusterName", "KubeletExtraArgs", "KubeProxyExtraArgs", "APIServerEndpoint", "Base64ClusterCA",
                 "DNSClusterIP", "ServiceCIDR", "ExcludedSnatCIDRs", "ContainerRuntime")
# Machine environment variables of a Windows Server instance that user data may use.
PS_ENVIRONMENT = {"programfiles": "C:\\Program Files", "programfiles(x86)": "C:\\Program Files (x86)", "programdata": "C:\\ProgramData",
                  "systemroot": "C:\\Windows", "windir": "C:\\Windows", "systemdrive": "C:"}
PS_SCOPES = ("env", "script", "global", "local", "private", "using")
PS_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "0": "\0", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "e": "\x1b"}
PS_REDIRECTION = re.compile(r"(\d|\*)?>>?(&\d)?")


class _PsUnknown(Exception):
    """A value the emulator cannot evaluate ($(...) subexpressions, non-literal assignments)."""


def _ps_variable(name: str, variables: dict[str, str | None]) -> str:
    scope, _, rest = name.partition(":")
    if rest and scope.lower() == "env":
        return PS_ENVIRONMENT.get(rest.lower(), "")
    key = (rest if rest and scope.lower() in PS_SCOPES else name).lower()
    if key in variables and variables[key] is None:
        raise _PsUnknown(f"${name} is assigned a value the emulator cannot evaluate")
    return variables.get(key) or ""  # an unassigned variable is $null: ""


def _ps_expand(text: str, variables: dict[str, str | None]) -> str:
    """A double-quoted string's (or a bare argument's) text with backtick escapes and $variables
    expanded as PowerShell does; $(...) subexpressions raise _PsUnknown."""
    out, i = [], 0
    name_re = re.compile(r"(?:(?:%s):)?[A-Za-z_][A-Za-z0-9_]*" % "|".join(PS_SCOPES), re.IGNORECASE)
    while i < len(text):
        c = text[i]
        if c == "`" and i + 1 < len(text):
            out.append(PS_ESCAPES.get(text[i + 1], text[i + 1]))
            i += 2
        elif c == "$" and text.startswith("$(", i):
            raise _PsUnknown("a $(...) subexpression")
        elif c == "$" and text.startswith("${", i) and "}" in text[i:]:
            end = text.index("}", i)
            out.append(_ps_variable(text[i + 2:end], variables))
            i = end + 1
        elif c == "$" and (m := name_re.match(text, i + 1)):
            out.append(_ps_variable(m.group(0), variables))
            i = m.end()
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _ps_split(body: str) -> list[tuple[str, list[list[tuple[str, str]]]]]:
    """PowerShell statements of a script: (raw text, tokens), a token being its segments
    (kind, text) with kind sq (single-quoted), dq (double-quoted), word (bare), group ((...),
    {...}, @{...}, @(...)) or op (& . | at the start of a token). Statements end at newlines and
    ';' outside quotes and brackets; a backtick before a newline continues the line; # and <# #>
    comments are dropped."""
    statements: list[tuple[str, list[list[tuple[str, str]]]]] = []
    tokens: list[list[tuple[str, str]]] = []
    token: list[tuple[str, str]] | None = None
    raw: list[str] = []
    i, n = 0, len(body)

    def end_token() -> None:
        nonlocal token
        if token:
            tokens.append(token)
        token = None

    def end_statement() -> None:
        nonlocal tokens
        end_token()
        if tokens:
            statements.append(("".join(raw).strip(), tokens))
        tokens = []
        raw.clear()

    def add(kind: str, text: str) -> None:
        nonlocal token
        if token is None:
            token = []
        if kind == "word" and token and token[-1][0] == "word":
            token[-1] = ("word", token[-1][1] + text)
        else:
            token.append((kind, text))

    while i < n:
        c = body[i]
        if c == "`" and body.startswith("`\n", i):
            end_token()
            raw.append(" ")
            i += 2
        elif c == "`":  # an escaped character of a bare word
            add("word", body[i:i + 2])
            raw.append(body[i:i + 2])
            i += 2
        elif c in " \t":
            end_token()
            raw.append(c)
            i += 1
        elif c in "\n;":
            end_statement()
            i += 1
        elif c == "#" and token is None:
            i = body.find("\n", i) if "\n" in body[i:] else n
        elif body.startswith("<#", i) and token is None:
            i = body.find("#>", i) + 2 if "#>" in body[i:] else n
        elif c == "'":
            j, text = i + 1, []
            while j < n and not (body[j] == "'" and not body.startswith("''", j)):
                if body.startswith("''", j):
                    text.append("'")
                    j += 2
                else:
                    text.append(body[j])
                    j += 1
            add("sq", "".join(text))
            raw.append(body[i:j + 1])
            i = j + 1
        elif c == '"':
            j = i + 1
            while j < n and not (body[j] == '"' and not body.startswith('""', j)):
                j += 2 if body[j] == "`" or body.startswith('""', j) else 1
            add("dq", body[i + 1:j].replace('""', '`"'))
            raw.append(body[i:j + 1])
            i = j + 1
        elif c in "({" or (c == "@" and body[i + 1:i + 2] in ("(", "{")):
            j, depth, quote = i + (2 if c == "@" else 1), 1, None
            while j < n and depth:
                ch = body[j]
                if quote:
                    quote = None if ch == quote else quote
                elif ch in "'\"":
                    quote = ch
                elif ch in "({":
                    depth += 1
                elif ch in ")}":
                    depth -= 1
                j += 1
            add("group", body[i:j])
            raw.append(body[i:j])
            i = j
        elif c in "&|" and token is None:
            tokens.append([("op", c)])
            raw.append(c)
            i += 1
        else:
            add("word", c)
            raw.append(c)
            i += 1
    end_statement()
    return statements


def _ps_value(token: list[tuple[str, str]], variables: dict[str, str | None]) -> str:
    out = []
    for kind, text in token:
        if kind == "sq":
            out.append(text)
        elif kind in ("dq", "word"):
            out.append(_ps_expand(text, variables))
        else:
            raise _PsUnknown(f"the expression {text[:40]}")
    return "".join(out)


ASSIGNMENT_RE = re.compile(r"(?:\[[^\]]+\]\s*)*\$(?:\{([^}]+)\}|((?:[A-Za-z]+:)?[A-Za-z_][A-Za-z0-9_]*))\s*=(?!=)\s*(.*)", re.DOTALL)


def parse_powershell(text: str) -> Bootstrap | None:
    """The Start-EKSBootstrap.ps1 call of a Windows user data's <powershell> block, with the
    $variables assigned before it resolved (eksctl's windows.go writes
    ``[string]$EKSBootstrapScriptFile = "$env:ProgramFiles\\Amazon\\EKS\\Start-EKSBootstrap.ps1"``
    and, for overrideBootstrapCommand, ``[string]$EKSClusterName = '<name>'`` ... first)."""
    start = text.find("<powershell>")
    if start < 0:
        return None
    end = text.find("</powershell>", start)
    b = Bootstrap("powershell")
    if end < 0:
        b.errors.append("the <powershell> block has no closing </powershell> tag (EC2Launch runs nothing)")
        return b
    variables: dict[str, str | None] = {}
    for raw, tokens in _ps_split(text[start + len("<powershell>"):end]):
        m = ASSIGNMENT_RE.fullmatch(raw)
        if m and not raw.startswith(("&", ".")):
            name = (m.group(1) or m.group(2)).lower()
            name = name.split(":", 1)[1] if ":" in name and name.split(":", 1)[0] in PS_SCOPES else name
            value_tokens = [t for _, ts in _ps_split(m.group(3)) for t in ts]
            try:
                variables[name] = _ps_value(value_tokens[0], variables) if len(value_tokens) == 1 else None
            except _PsUnknown:
                variables[name] = None
            continue
        rest = tokens[1:] if tokens[0] in ([("op", "&")], [("word", ".")]) else tokens
        if not rest:
            continue
        try:
            command = _ps_value(rest[0], variables)
        except _PsUnknown:
            continue
        if command.replace("/", "\\").rsplit("\\", 1)[-1].lower() != "start-eksbootstrap.ps1":
            continue
        if command.lower() != EKS_BOOTSTRAP_PS1.lower():
            b.errors.append(f"the user data runs '{command}', not the AMI's {EKS_BOOTSTRAP_PS1}")
        _ps_bootstrap_arguments(b, rest[1:], variables)
        return b
    return None


def _ps_bootstrap_arguments(b: Bootstrap, args: list[list[tuple[str, str]]], variables: dict[str, str | None]) -> None:
    values: dict[str, str] = {}
    i = 0
    while i < len(args):
        token = args[i]
        i += 1
        first = token[0][1] if token[0][0] == "word" else ""
        if token[0][0] == "op" or (len(token) == 1 and PS_REDIRECTION.fullmatch(first)):
            if token[0][0] == "op" or first.endswith(">"):  # "| ..." or "> file": the rest is not Start-EKSBootstrap.ps1's
                if token[0][0] == "op":
                    break
                i += 1
            continue
        m = re.match(r"-([A-Za-z_][A-Za-z0-9_]*)(:?)", first)
        if not m:
            try:
                b.errors.append(f"Start-EKSBootstrap.ps1 got the positional argument {_ps_value(token, variables)!r}")
            except _PsUnknown as e:
                b.errors.append(f"Start-EKSBootstrap.ps1 got a positional argument the emulator cannot evaluate ({e})")
            continue
        given = m.group(1)
        matches = [p for p in PS_PARAMETERS if p.lower() == given.lower()] or [p for p in PS_PARAMETERS if p.lower().startswith(given.lower())]
        if len(matches) != 1:
            b.errors.append(f"Start-EKSBootstrap.ps1 has no parameter -{given} (" + ("ambiguous" if matches else "documented: -" + ", -".join(PS_PARAMETERS)) + ")")
        if m.group(2) and (first[m.end():] or len(token) > 1 or i >= len(args)):  # -Name:value
            value_token = ([("word", first[m.end():])] if first[m.end():] else []) + token[1:]
        elif m.group(2):  # -Name: value
            value_token = args[i]
            i += 1
        elif len(token) > 1:
            value_token = [("word", first[m.end():])] + token[1:]
        elif i < len(args) and not re.match(r"-[A-Za-z_]", args[i][0][1] if args[i][0][0] == "word" else ""):
            value_token = args[i]
            i += 1
        else:
            b.errors.append(f"-{given} of Start-EKSBootstrap.ps1 has no value")
            continue
        if len(matches) != 1:
            continue
        if matches[0] in values:
            b.errors.append(f"-{matches[0]} is given twice (PowerShell: cannot bind a parameter specified more than once)")
        try:
            values[matches[0]] = _ps_value(value_token, variables) if value_token else ""
        except _PsUnknown as e:
            b.errors.append(f"the value of -{matches[0]} cannot be evaluated by the emulator ({e})")
    b.cluster_name = values.get("EKSClusterName") or None
    b.endpoint = values.get("APIServerEndpoint") or None
    b.ca = values.get("Base64ClusterCA") or None
    b.service_cidr = values.get("ServiceCIDR") or None
    b.dns_ip = values.get("DNSClusterIP") or None
    b.container_runtime = values.get("ContainerRuntime") or None
    if values.get("KubeletExtraArgs"):
        try:
            flags = shlex.split(values["KubeletExtraArgs"])
        except ValueError:
            flags = values["KubeletExtraArgs"].split()
        apply_kubelet_flags(b, flags)


def parse_user_data(text: str) -> Bootstrap | None:
    """The Bootstrap a user data carries, or None when it has none."""
    text = (text or "").replace("\r\n", "\n")
    head = text.lstrip()[:300]
    if head.startswith("<powershell>") or ("<powershell>" in text and not head.startswith(("#!", "MIME-Version", "[settings"))
                                           and not head.lower().startswith("content-type: multipart")):
        return parse_powershell(text)
    if head.startswith("MIME-Version") or head.lower().startswith("content-type: multipart"):
        message = email.message_from_string(text.lstrip())
        found: Bootstrap | None = None
        for part in message.walk():
            if part.is_multipart():
                continue
            payload = part.get_payload(decode=True) or b""
            body = payload.decode("utf-8", "replace")
            ctype = part.get_content_type()
            if ctype == "application/node.eks.aws":
                found = parse_node_configs(body, found)
            elif ctype == "text/x-shellscript" and found is None:
                found = parse_bootstrap_sh(body)
            elif ctype in ("application/toml",):
                found = parse_bottlerocket(body)
        return found
    if head.startswith("#!"):
        return parse_bootstrap_sh(text)
    if head.startswith("[settings") or "\n[settings" in text:
        return parse_bottlerocket(text)
    if "NodeConfig" in text:
        return parse_node_configs(text, None)
    return None


# =======================================================================================
# The AWS side: instances, roles, networks
# =======================================================================================
def _ec2(ctx: "ClusterContext") -> Any:
    from moto.ec2.models import ec2_backends

    return ec2_backends[ctx.account][ctx.region]


def _iam(ctx: "ClusterContext") -> Any:
    from moto.iam.models import iam_backends

    return iam_backends[ctx.account][ctx.backend.partition]


def instance_tags(inst: Any) -> dict[str, str]:
    try:
        return {t["key"]: t["value"] for t in inst.get_tags()}
    except Exception:
        return {}


def node_name(inst: Any, region: str) -> str:
    ip = inst.private_ip or "0.0.0.0"
    domain = "ec2.internal" if region == "us-east-1" else f"{region}.compute.internal"
    return f"ip-{ip.replace('.', '-')}.{domain}"


def launch_template_version(ec2: Any, inst: Any) -> Any:
    group = getattr(inst, "autoscaling_group", None)
    try:
        if group is not None and group.ec2_launch_template is not None:
            return group.ec2_launch_template.get_version(group.launch_template_version)
        tags = instance_tags(inst)
        if "aws:ec2launchtemplate:id" in tags:
            return ec2.launch_templates[tags["aws:ec2launchtemplate:id"]].get_version(tags.get("aws:ec2launchtemplate:version", "$Default"))
    except Exception:
        return None
    return None


def user_data_text(ec2: Any, inst: Any) -> str:
    data = inst.user_data
    if isinstance(data, list):  # older moto kept a list
        data = data[0] if data else None
    if data is None:
        version = launch_template_version(ec2, inst)
        data = version.data.get("UserData") if version is not None else None
    if data is None:
        return ""
    try:
        return data.decode() if hasattr(data, "decode") and not isinstance(data, (bytes, str)) else base64.b64decode(data).decode()
    except Exception:
        return ""


WINDOWS_AMI_RE = re.compile(r"Windows_Server-(\d{4})-English-(Core|Full)-EKS_Optimized-(1\.\d+)-")
# Windows Server release -> the build kubelet reports (label node.kubernetes.io/windows-build,
# major.minor.build) and the product name (nodeInfo.osImage); the UBR is the kernelVersion's last part.
WINDOWS_BUILDS = {"2019": ("10.0.17763", "Windows Server 2019 Datacenter", "7009"),
                  "2022": ("10.0.20348", "Windows Server 2022 Datacenter", "3328"),
                  "2025": ("10.0.26100", "Windows Server 2025 Datacenter", "3476")}


def ami_info(ec2: Any, image_id: str) -> tuple[str | None, str | None]:
    """(family al2023|al2|bottlerocket|ubuntu|windows|None, Kubernetes minor "1.34"|None) of a seeded
    EKS AMI; any image whose Platform is windows is of the windows family; Canonical's EKS images
    (``ubuntu-eks/k8s_<v>/...``, ``ubuntu-eks-pro/...``) are ubuntu."""
    try:
        ami = ec2.amis[image_id]
        name = ami.name or ""
    except Exception:
        return None, None
    m = re.search(r"(?<![\d.])(1\.\d{2})(?![\d])", name)
    version = m.group(1) if m else None
    if (getattr(ami, "platform", None) or "").lower() == "windows" or WINDOWS_AMI_RE.search(name):
        return "windows", version
    if name.startswith(("ubuntu-eks/", "ubuntu-eks-pro/")):
        return "ubuntu", version
    if "al2023" in name:
        return "al2023", version
    if "bottlerocket" in name:
        return "bottlerocket", version
    if re.match(r"amazon-eks-(gpu-|arm64-)?node-1\.", name):
        return "al2", version
    return None, version


def ubuntu_os_image(ec2: Any, image_id: str) -> str:
    """nodeInfo.osImage of an Ubuntu node, from its image's release (``Ubuntu 22.04 LTS``; the
    point release is not in the image name)."""
    try:
        name = ec2.amis[image_id].name or ""
    except Exception:
        name = ""
    m = re.search(r"-(\d{2}\.04)-", name)
    return f"Ubuntu {m.group(1)} LTS" if m else "Ubuntu"


def windows_release(ec2: Any, image_id: str) -> str | None:
    """2019|2022|2025 of a Windows image (from its name), None when the name does not say."""
    try:
        name = ec2.amis[image_id].name or ""
    except Exception:
        return None
    m = WINDOWS_AMI_RE.search(name) or re.search(r"Windows[_ ]Server[-_ ](2019|2022|2025)", name, re.IGNORECASE)
    return m.group(1) if m else None


def instance_profile_role(ctx: "ClusterContext", inst: Any) -> tuple[Any, str | None]:
    """(the IAM role of the instance's profile, why there is none)."""
    ec2, iam = _ec2(ctx), _iam(ctx)
    profile = None
    association = ec2.iam_instance_profile_associations.get(inst.id)
    if association is not None:
        profile = association.iam_instance_profile
    else:
        version = launch_template_version(ec2, inst)
        spec = (version.data.get("IamInstanceProfile") if version is not None else None) or {}
        try:
            if spec.get("Arn"):
                profile = iam.get_instance_profile_by_arn(spec["Arn"])
            elif spec.get("Name"):
                profile = iam.get_instance_profile(spec["Name"])
            elif not spec:
                return None, "the instance has no IAM instance profile"
        except Exception:
            return None, f"the instance profile {spec.get('Arn') or spec.get('Name')} does not exist"
    if profile is None:
        return None, "the instance has no IAM instance profile"
    roles = list(profile.roles)
    if not roles:
        return None, f"the instance profile {profile.name} has no role"
    return roles[0], None


def role_policies(role: Any) -> set[str]:
    return {arn.rsplit("/", 1)[-1] for arn in role.managed_policies}


def trust_document(role: Any) -> str:
    from urllib.parse import unquote

    doc = role.assume_role_policy_document or ""
    return unquote(doc) if "%7B" in doc or "%22" in doc else doc


def role_problems(role: Any) -> list[str]:
    problems = []
    policies = role_policies(role)
    if WORKER_POLICY not in policies:
        problems.append(f"the node role {role.name} lacks {WORKER_POLICY} (kubelet cannot call DescribeCluster/authenticate)")
    if not policies.intersection(ECR_POLICIES):
        problems.append(f"the node role {role.name} lacks AmazonEC2ContainerRegistryReadOnly/PullOnly (the pause and CNI images cannot be pulled)")
    if "ec2.amazonaws.com" not in trust_document(role):
        problems.append(f"the node role {role.name} does not trust ec2.amazonaws.com")
    return problems


def role_arn_without_path(role: Any) -> str:
    account = role.arn.split(":")[4]
    return f"{role.arn.split(':role/')[0]}:role/{role.name}" if ":role/" in role.arn else f"arn:aws:iam::{account}:role/{role.name}"


NODE_GROUPS = ("system:bootstrappers", "system:nodes")
WINDOWS_NODE_GROUP = "eks:kube-proxy-windows"


def may_join(ctx: "ClusterContext", role: Any, windows: bool = False) -> str | None:
    """Rule (a) for self-managed nodes (and Windows nodes of managed groups): an access entry of
    type EC2_LINUX/EC2_WINDOWS, or an aws-auth mapping; None when the role may join."""
    mode = ctx.cluster.access_config.get("authenticationMode", "CONFIG_MAP")
    wanted = "EC2_WINDOWS" if windows else "EC2_LINUX"
    api_reason = cm_reason = None
    if "API" in mode:
        entry = eks._access_entries(ctx.cluster).get(role.arn)
        if entry is not None:
            # An EC2_WINDOWS entry maps the same username and groups as EC2_LINUX plus
            # eks:kube-proxy-windows, so a Linux node joins with it too; the reverse is not so.
            if entry.type == wanted or (not windows and entry.type == "EC2_WINDOWS"):
                return None
            why = (f"the access entry of {role.arn} has type {entry.type}, not {wanted}"
                   + (" (a Windows node's kube-proxy needs the eks:kube-proxy-windows group that only EC2_WINDOWS grants)"
                      if windows and entry.type == "EC2_LINUX" else ""))
            # AWS: an access entry overrides the principal's aws-auth mapping.
            return why + (" (an access entry overrides kube-system/aws-auth)" if "CONFIG_MAP" in mode else "") + f" (authenticationMode {mode})"
        api_reason = f"no {wanted} access entry for {role.arn}"
    if "CONFIG_MAP" in mode:
        groups_needed = NODE_GROUPS + ((WINDOWS_NODE_GROUP,) if windows else ())
        cm = ctx.store.get("configmaps", "kube-system", "aws-auth")
        if cm is None:
            cm_reason = "kube-system/aws-auth does not exist"
        else:
            cm_reason = f"kube-system/aws-auth does not map {role_arn_without_path(role)}"
            try:
                mappings = yaml.safe_load((cm.get("data") or {}).get("mapRoles") or "[]") or []
            except yaml.YAMLError:
                mappings = []
                cm_reason = "kube-system/aws-auth mapRoles is not valid YAML"
            for m in mappings if isinstance(mappings, list) else []:
                if not isinstance(m, dict) or m.get("rolearn") != role_arn_without_path(role):
                    continue
                groups = set(m.get("groups") or [])
                if not set(groups_needed) <= groups:
                    cm_reason = (f"aws-auth maps {m.get('rolearn')} without groups " + " and ".join(g for g in groups_needed if g not in groups)
                                 + (" (a Windows node needs system:bootstrappers, system:nodes and eks:kube-proxy-windows)" if windows else ""))
                elif m.get("username") != "system:node:{{EC2PrivateDNSName}}":
                    cm_reason = f"aws-auth maps {m.get('rolearn')} with username {m.get('username')!r}, not system:node:{{{{EC2PrivateDNSName}}}}"
                else:
                    return None
    return "; ".join(r for r in (api_reason, cm_reason) if r) + f" (authenticationMode {mode})"


def service_cidr(cluster: Any) -> str | None:
    """The cluster's service CIDR: ``serviceIpv6Cidr`` in an IPv6 cluster (DescribeCluster has no
    ``serviceIpv4Cidr`` then, see ``eksup_moto_ipv6``), else ``serviceIpv4Cidr``."""
    network = cluster.kubernetes_network_config or {}
    return network.get("serviceIpv6Cidr") if network.get("ipFamily") == "ipv6" else network.get("serviceIpv4Cidr")


def _dns_elsewhere(api: Any, ip: str) -> bool:
    """A DNS server for pods other than CoreDNS's Service (a node group's ``clusterDNS``): a
    link-local address (NodeLocal DNSCache listens on 169.254.20.10 on every node) or the
    ClusterIP of a Service of the cluster. Kubelet registers the node with any address; the
    emulator takes only these so that a wrong one is still caught."""
    try:
        if ipaddress.ip_address(ip).is_link_local:
            return True
    except ValueError:
        return False
    store = getattr(api, "store", None)
    return store is not None and any((svc.get("spec") or {}).get("clusterIP") == ip for svc in store.list("services"))


def _cidr_dns(cidr: str) -> str | None:
    try:
        return str(ipaddress.ip_network(cidr, strict=False).network_address + 10)
    except ValueError:
        return None


def _windows_default_service_cidr(node_ip: str | None) -> str:
    """Start-EKSBootstrap.ps1's -ServiceCIDR default (AWS docs): 172.20.0.0/16 or 10.100.0.0/16
    "based on the IP address of the primary interface" (as bootstrap.sh: 172.20 for a 10.x IP)."""
    try:
        in_ten = ipaddress.ip_address(node_ip or "") in ipaddress.ip_network("10.0.0.0/8")
    except ValueError:
        in_ten = False
    return "172.20.0.0/16" if in_ten else "10.100.0.0/16"


def bootstrap_problems(ctx: "ClusterContext", b: Bootstrap | None, family: str | None, node_ip: str | None = None) -> list[str]:
    """Rule (b): the user data bootstraps this cluster with its endpoint, CA and service CIDR."""
    if b is None:
        if family == "windows":
            return ["the user data does not bootstrap a node (no <powershell> block calling Start-EKSBootstrap.ps1, "
                    "the only user data a Windows AMI's EC2Launch runs)"]
        return ["the user data does not bootstrap a node (no NodeConfig, bootstrap.sh call, Bottlerocket settings "
                "or <powershell> Start-EKSBootstrap.ps1 call)"]
    cluster = ctx.cluster
    problems = list(b.errors)
    expected_form = {"al2023": "nodeconfig", "al2": "bootstrap.sh", "ubuntu": "bootstrap.sh", "bottlerocket": "bottlerocket",
                     "windows": "powershell"}.get(family or "")
    if expected_form and expected_form != b.form:
        problems.append(f"the AMI is {family} but the user data is a {b.form} bootstrap, which it does not read")
    elif b.form == "powershell" and family != "windows":
        problems.append("the user data is a <powershell> Start-EKSBootstrap.ps1 call but the AMI is not Windows "
                        "(no Platform windows): Linux does not run PowerShell user data")
    cidr = service_cidr(cluster)
    required = b.form in ("nodeconfig", "bottlerocket")
    if b.cluster_name != cluster.name:
        problems.append(f"the user data names cluster {b.cluster_name!r}, not {cluster.name!r}"
                        + (" (-EKSClusterName is required)" if b.form == "powershell" and not b.cluster_name else ""))
    if b.form == "powershell" and (b.endpoint is None) != (b.ca is None):
        given, missing = ("-APIServerEndpoint", "-Base64ClusterCA") if b.endpoint is not None else ("-Base64ClusterCA", "-APIServerEndpoint")
        problems.append(f"Start-EKSBootstrap.ps1 got {given} without {missing} (AWS docs: each is only valid with the other)")
    if b.endpoint is None:
        if required:
            problems.append("the user data has no API server endpoint")
    elif b.endpoint.rstrip("/") != cluster.endpoint.rstrip("/"):
        problems.append(f"the user data's API server endpoint {b.endpoint} is not the cluster's {cluster.endpoint}")
    if b.ca is None:
        if required:
            problems.append("the user data has no certificate authority")
    elif b.ca.strip() != cluster.certificate_authority["data"]:
        problems.append("the user data's certificate authority is not the cluster's")
    if b.form == "nodeconfig" and b.service_cidr is None:
        problems.append("the NodeConfig has no service CIDR (spec.cluster.cidr)")
    if b.service_cidr is not None and b.service_cidr != cidr:
        problems.append(f"the user data's service CIDR {b.service_cidr} is not the cluster's {cidr}")
    if b.dns_ip is not None and cidr and b.dns_ip != _cidr_dns(cidr) and not _dns_elsewhere(ctx, b.dns_ip):
        problems.append(f"the user data's cluster DNS IP {b.dns_ip} is not {_cidr_dns(cidr)} (service CIDR {cidr} + 10)")
    if b.form == "powershell" and b.service_cidr is None and b.dns_ip is None and cidr:
        default = _windows_default_service_cidr(node_ip)
        if default != cidr:
            problems.append(f"Start-EKSBootstrap.ps1 gets neither -ServiceCIDR nor -DNSClusterIP, so it defaults to {default} "
                            f"(DNS {_cidr_dns(default)}) from the node's IP {node_ip}, but the cluster's service CIDR is {cidr}")
    if b.form == "powershell" and b.container_runtime is not None and b.container_runtime != "containerd":
        problems.append(f"-ContainerRuntime {b.container_runtime!r}: the EKS Windows AMIs of Kubernetes 1.24+ have only containerd")
    return problems


def _rule_admits(rule: Any, port: int, groups: set[str], cidr_ok: Any) -> bool:
    proto = rule.ip_protocol
    if proto not in ("-1", "tcp"):
        return False
    if proto == "tcp" and not (rule.from_port is not None and rule.from_port <= port <= rule.to_port):
        return False
    if (rule.source_group or {}).get("GroupId") in groups:
        return True
    cidr = (rule.ip_range or {}).get("CidrIp")
    if cidr:
        try:
            return bool(cidr_ok(ipaddress.ip_network(cidr, strict=False)))
        except ValueError:
            return False
    return False


def network_problems(ctx: "ClusterContext", inst: Any) -> list[str]:
    """Rule (c): node -> control plane tcp/443 and control plane -> node tcp/10250."""
    ec2 = _ec2(ctx)
    vpc_config = ctx.cluster.resources_vpc_config or {}
    control_plane = [g for g in [vpc_config.get("clusterSecurityGroupId"), *(vpc_config.get("securityGroupIds") or [])] if g]
    node_groups = {g.id for g in inst.security_groups}
    problems = []
    ip = ipaddress.ip_address(inst.private_ip) if inst.private_ip else None

    def rules(group_id: str) -> list[Any]:
        group = ec2.get_security_group_from_id(group_id)
        return list(group.ingress_rules) if group is not None else []

    if not any(_rule_admits(r, 443, node_groups, lambda n: ip is not None and ip in n) for g in control_plane for r in rules(g)):
        problems.append(f"no ingress rule on the control plane security groups {control_plane} admits tcp/443 from the node "
                        f"(groups {sorted(node_groups)}, {inst.private_ip})")
    try:
        vpc = ec2.get_vpc(vpc_config.get("vpcId"))
        vpc_net = ipaddress.ip_network(vpc.cidr_block)
    except Exception:
        vpc_net = None
    if not any(_rule_admits(r, 10250, set(control_plane), lambda n: vpc_net is not None and vpc_net.subnet_of(n))
               for g in node_groups for r in rules(g)):
        problems.append(f"no ingress rule on the node's security groups {sorted(node_groups)} admits tcp/10250 from the control plane "
                        f"({control_plane} or the VPC CIDR)")
    return problems


# --- Per-family hooks (eksup_moto_ipv6 replaces or extends them for IPv6 clusters) ---------
# JOIN_CHECKS(ctx, inst, family) -> [why the instance's kubelet never registers], after rules (a)-(d).
JOIN_CHECKS: list[Any] = []


def node_ip(ctx: "ClusterContext", inst: Any) -> str:
    """The node's InternalIP (kubelet's --node-ip): the instance's private IPv4 address."""
    return inst.private_ip


def pod_address(ctx: "ClusterContext", node: dict[str, Any], pod_name: str, host_ip: str) -> str:
    """The IP of a (non-hostNetwork) pod on `node`: an address of the node's /24, fixed per pod name."""
    return ".".join(host_ip.split(".")[:3] + [str(10 + int(hashlib.md5(pod_name.encode()).hexdigest(), 16) % 240)])


def cni_permissions_problem(ctx: "ClusterContext", role: Any) -> str | None:
    """What `role` lacks for aws-node's EC2 calls, as a predicate ("lacks AmazonEKS_CNI_Policy"),
    or None. ``eksup_moto_ipv6`` replaces it for IPv6 clusters (the IPv6 mode's permissions)."""
    return None if CNI_POLICY in role_policies(role) else f"lacks {CNI_POLICY}"


def node_cni_problem(ctx: "ClusterContext", inst: Any, ev: dict[str, Any]) -> str | None:
    """Why ipamd fails on this instance although aws-node has its add-ons and permissions (None:
    it starts). Nothing here; ``eksup_moto_ipv6`` adds the IPv6 cluster's rule."""
    return None


def cni_problem(ctx: "ClusterContext", node_role: Any) -> str | None:
    """Why aws-node cannot run (None: the network plugin initializes)."""
    addons = eks._addons(ctx.cluster)
    missing = [n for n in eks.NETWORKING_ADDONS if n not in addons or eks.raw_status(addons[n]) != "ACTIVE"]
    if missing:
        return " and ".join(f"the {n} add-on is not ACTIVE" for n in missing)
    node_lacks = cni_permissions_problem(ctx, node_role) if node_role is not None else f"lacks {CNI_POLICY}"
    if node_role is not None and node_lacks is None:
        return None
    arn = addons["vpc-cni"].service_account_role_arn
    if not arn:
        return f"aws-node cannot call EC2: the node role {node_lacks} and the vpc-cni add-on has no serviceAccountRoleArn"
    try:
        role = _iam(ctx).get_role_by_arn(arn)
    except Exception:
        return f"aws-node cannot assume {arn}: the role does not exist"
    role_lacks = cni_permissions_problem(ctx, role)
    if role_lacks is not None:
        return f"aws-node's role {role.name} {role_lacks}"
    issuer = ctx.cluster.identity["oidc"]["issuer"].replace("https://", "")
    trust = trust_document(role)
    if issuer not in trust or "AssumeRoleWithWebIdentity" not in trust:
        return f"aws-node cannot assume {role.name}: its trust policy does not allow sts:AssumeRoleWithWebIdentity from {issuer}"
    providers = getattr(_iam(ctx), "open_id_providers", {}) or {}
    if not any(str(a).endswith(f"oidc-provider/{issuer}") for a in providers):
        return f"aws-node cannot assume {role.name}: no IAM OIDC provider exists for {issuer}"
    return None


# --- Windows IPAM ------------------------------------------------------------------------
WINDOWS_IP_RESOURCE = "vpc.amazonaws.com/PrivateIPv4Address"
VPC_CNI_CONFIGMAP = "amazon-vpc-cni"
VPC_RESOURCE_CONTROLLER_POLICY = "AmazonEKSVPCResourceController"
GO_TRUE = ("1", "t", "T", "TRUE", "true", "True")  # Go's strconv.ParseBool, which the controller uses
LINUX_ONLY = {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [
    {"matchExpressions": [{"key": "kubernetes.io/os", "operator": "In", "values": ["linux"]}]}]}}}
# The amazon-vpc-cni ConfigMap of the vpc-cni add-on (aws/amazon-vpc-cni-k8s
# charts/aws-vpc-cni/templates/configmap.yaml): its keys, their add-on configuration
# value (configurationValues) and default.
VPC_CNI_CONFIG = {"enable-windows-ipam": ("enableWindowsIpam", "false"),
                  "enable-network-policy-controller": ("enableNetworkPolicy", "false"),
                  "enable-windows-prefix-delegation": ("enableWindowsPrefixDelegation", "false"),
                  "warm-prefix-target": ("warmWindowsPrefixTarget", "0"),
                  "warm-ip-target": ("warmWindowsIPTarget", "1"),
                  "minimum-ip-target": ("minimumWindowsIPTarget", "3"),
                  "branch-eni-cooldown": ("branchENICooldown", "60")}


def windows_pod_ips(instance_type: str) -> int:
    """IPv4 addresses per network interface - 1 (AWS docs: the pods a Windows node can run)."""
    try:
        from moto.ec2.models.instance_types import INSTANCE_TYPES as MOTO_TYPES

        return int(MOTO_TYPES[instance_type]["NetworkInfo"]["Ipv4AddressesPerInterface"]) - 1
    except Exception:
        return 9


def windows_ipam_problem(ctx: "ClusterContext", check_role: bool = True) -> str | None:
    """Why the VPC resource controller gives Windows pods no IP address (None: it does): Windows
    IPAM is on when kube-system/amazon-vpc-cni says enable-windows-ipam true (Go's ParseBool)
    and the old kube-system/vpc-resource-controller Deployment is gone (pkg/condition of
    amazon-vpc-resource-controller-k8s; with check_role=False only these, as its pod webhook);
    the cluster role must have AmazonEKSVPCResourceController (AWS docs "Enable Windows support").
    EKSUP_MOTO_LENIENT: always on."""
    if LENIENT:
        return None
    if ctx.store.get("deployments", "kube-system", "vpc-resource-controller") is not None:
        return "the old kube-system/vpc-resource-controller Deployment is present (the controller waits until it is deleted)"
    cm = ctx.store.get("configmaps", "kube-system", VPC_CNI_CONFIGMAP)
    value = None if cm is None else (cm.get("data") or {}).get("enable-windows-ipam")
    if value not in GO_TRUE:
        return (f"kube-system/{VPC_CNI_CONFIGMAP} does not exist" if cm is None else
                f"kube-system/{VPC_CNI_CONFIGMAP} has enable-windows-ipam {value!r}, not \"true\"")
    if not check_role:
        return None
    try:
        role = _iam(ctx).get_role_by_arn(ctx.cluster.role_arn)
    except Exception:
        return f"the cluster role {ctx.cluster.role_arn} does not exist"
    if VPC_RESOURCE_CONTROLLER_POLICY not in role_policies(role):
        return f"the cluster role {role.name} lacks {VPC_RESOURCE_CONTROLLER_POLICY} (the VPC resource controller cannot assign IP addresses)"
    return None


def vpc_cni_config(addon: Any) -> dict[str, str]:
    """The amazon-vpc-cni ConfigMap data the vpc-cni add-on writes: defaults, overridden by its
    configurationValues (JSON or YAML)."""
    data = {key: default for key, (_, default) in VPC_CNI_CONFIG.items()}
    try:
        values = yaml.safe_load(addon.configuration_values or "") or {}
    except yaml.YAMLError:
        values = {}
    for key, (name, _) in VPC_CNI_CONFIG.items():
        if isinstance(values, dict) and name in values:
            value = values[name]
            data[key] = str(value).lower() if isinstance(value, bool) else str(value)
    return data


def has_windows_node_selector(spec: dict[str, Any]) -> bool:
    """The VPC resource controller's pod webhook (webhooks/core/pod_webhook.go): a pod is a
    Windows pod when its nodeSelector says kubernetes.io/os (or beta.kubernetes.io/os) windows."""
    selector = spec.get("nodeSelector") or {}
    return "windows" in (selector.get("kubernetes.io/os"), selector.get("beta.kubernetes.io/os"))


def pod_requests(pod: dict[str, Any], resource: str) -> int:
    """The pod's request of an extended resource (a limit alone counts as the request)."""
    total = 0
    for c in (pod.get("spec") or {}).get("containers") or []:
        res = c.get("resources") or {}
        value = (res.get("requests") or {}).get(resource, (res.get("limits") or {}).get(resource))
        try:
            total += int(str(value)) if value is not None else 0
        except ValueError:
            pass
    return total


def _expression_matches(expr: dict[str, Any], labels: dict[str, str]) -> bool:
    key, op, values = expr.get("key"), expr.get("operator"), expr.get("values") or []
    if op == "In":
        return labels.get(key) in values
    if op == "NotIn":
        return key not in labels or labels[key] not in values
    if op == "Exists":
        return key in labels
    if op == "DoesNotExist":
        return key not in labels
    return False


def node_selected(spec: dict[str, Any], node: dict[str, Any]) -> bool:
    """A pod spec's nodeSelector and required node affinity (nodeSelectorTerms ORed, their
    matchExpressions ANDed; operators In, NotIn, Exists, DoesNotExist) admit the node."""
    labels = node["metadata"].get("labels") or {}
    if any(labels.get(k) != v for k, v in (spec.get("nodeSelector") or {}).items()):
        return False
    required = (((spec.get("affinity") or {}).get("nodeAffinity") or {}).get("requiredDuringSchedulingIgnoredDuringExecution") or {})
    terms = required.get("nodeSelectorTerms") or []
    return not terms or any(all(_expression_matches(e, labels) for e in t.get("matchExpressions") or []) for t in terms)


def node_is_windows(node: dict[str, Any]) -> bool:
    return (node["metadata"].get("labels") or {}).get("kubernetes.io/os") == "windows"


# =======================================================================================
# Per-cluster context: store, server, reconciliation
# =======================================================================================
CONTEXTS: dict[tuple[str, str, str], "ClusterContext"] = {}
CONTEXTS_LOCK = threading.Lock()

ADDON_WORKLOADS: dict[str, list[dict[str, Any]]] = {
    "vpc-cni": [{"kind": "ds", "name": "aws-node", "labels": {"k8s-app": "aws-node"}, "containers": ["aws-node", "aws-eks-nodeagent"],
                 "sa": "aws-node", "image": "602401143452.dkr.ecr.{region}.amazonaws.com/amazon-k8s-cni", "host_network": True}],
    "kube-proxy": [{"kind": "ds", "name": "kube-proxy", "labels": {"k8s-app": "kube-proxy"}, "containers": ["kube-proxy"], "sa": "kube-proxy",
                    "image": "602401143452.dkr.ecr.{region}.amazonaws.com/eks/kube-proxy", "host_network": True}],
    "eks-pod-identity-agent": [{"kind": "ds", "name": "eks-pod-identity-agent", "labels": {"app.kubernetes.io/name": "eks-pod-identity-agent"},
                                "containers": ["eks-pod-identity-agent"], "sa": None, "host_network": True,
                                "image": "602401143452.dkr.ecr.{region}.amazonaws.com/eks/eks-pod-identity-agent"}],
    "coredns": [{"kind": "deploy", "name": "coredns", "labels": {"k8s-app": "kube-dns"}, "containers": ["coredns"], "sa": "coredns",
                 "replicas": 2, "pdb": {"maxUnavailable": 1}, "image": "602401143452.dkr.ecr.{region}.amazonaws.com/eks/coredns"}],
    "metrics-server": [{"kind": "deploy", "name": "metrics-server", "labels": {"app.kubernetes.io/name": "metrics-server"},
                        "containers": ["metrics-server"], "sa": "metrics-server", "replicas": 2,
                        "image": "602401143452.dkr.ecr.{region}.amazonaws.com/eks/metrics-server"}],
    "aws-ebs-csi-driver": [
        {"kind": "deploy", "name": "ebs-csi-controller", "labels": {"app": "ebs-csi-controller"}, "containers": ["ebs-plugin", "csi-provisioner"],
         "sa": "ebs-csi-controller-sa", "replicas": 2, "image": "602401143452.dkr.ecr.{region}.amazonaws.com/eks/aws-ebs-csi-driver"},
        {"kind": "ds", "name": "ebs-csi-node", "labels": {"app": "ebs-csi-node"}, "containers": ["ebs-plugin"], "sa": "ebs-csi-node-sa",
         "image": "602401143452.dkr.ecr.{region}.amazonaws.com/eks/aws-ebs-csi-driver"}],
}
ADDON_ANNOTATION = "eksup.emulator/addon"
CRITICAL_TOLERATIONS = [{"key": "CriticalAddonsOnly", "operator": "Exists"},
                        {"key": "node-role.kubernetes.io/control-plane", "effect": "NoSchedule"},
                        {"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300},
                        {"key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300}]


class ClusterContext:
    def __init__(self, backend: Any, cluster: Any) -> None:
        self.backend, self.cluster = backend, cluster
        self.account, self.region = backend.account_id, backend.region_name
        self.store = Store()
        self.stopped = threading.Event()
        self.server: ThreadingHTTPServer | None = None
        self.thread: threading.Thread | None = None
        self.port = 0
        self.node_status: dict[str, dict[str, Any]] = {}
        self.bootstrap_cache: dict[str, tuple[str, Bootstrap | None]] = {}
        self.last_reconcile = 0.0
        self._seed()

    # --- lifecycle -------------------------------------------------------------------
    def _seed(self) -> None:
        s = self.store
        for ns in SYSTEM_NAMESPACES:
            s.create("namespaces", {"metadata": {"name": ns, "labels": {"kubernetes.io/metadata.name": ns}},
                                    "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}})
            s.create("serviceaccounts", {"metadata": {"name": "default", "namespace": ns}})
        s.create("services", {"metadata": {"name": "kubernetes", "namespace": "default", "labels": {"component": "apiserver", "provider": "kubernetes"}},
                              "spec": {"type": "ClusterIP", "clusterIP": self._service_ip(1), "ports": [{"name": "https", "port": 443, "protocol": "TCP", "targetPort": 443}]}})
        s.create("configmaps", {"metadata": {"name": "kube-root-ca.crt", "namespace": "kube-system"},
                                "data": {"ca.crt": base64.b64decode(self.cluster.certificate_authority["data"]).decode()}})

    def _service_ip(self, offset: int) -> str:
        cidr = service_cidr(self.cluster) or "10.100.0.0/16"
        return str(ipaddress.ip_network(cidr, strict=False).network_address + offset)

    def start(self) -> None:
        ca_pem, ca_key = self.cluster._eksup_ca
        cert, key = server_certificate(ca_pem, ca_key)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        with tempfile.TemporaryDirectory() as tmp:
            cert_path, key_path = os.path.join(tmp, "tls.crt"), os.path.join(tmp, "tls.key")
            with open(cert_path, "wb") as f:
                f.write(cert)
            with open(key_path, "wb") as f:
                f.write(key)
            context.load_cert_chain(cert_path, key_path)
        context.set_alpn_protocols(["http/1.1"])
        ctx = self

        class Handler(ApiHandler):
            cluster_context = ctx

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
        self.server, self.port = server, server.server_address[1]
        self.thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                                       name=f"k8s-api-{self.cluster.name}", daemon=True)
        self.thread.start()
        self.cluster.endpoint = f"https://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.stopped.is_set():
            return
        self.stopped.set()  # watches notice within 0.5 s; no lock here (reset holds moto's)
        if self.server is not None:
            self.server.shutdown()  # returns within poll_interval; handler threads are daemons
            self.server.server_close()

    # --- reconciliation --------------------------------------------------------------
    def reconcile(self, force: bool = True) -> None:
        """Bring Nodes, add-on workloads and pods in line with the AWS side (`force=False`:
        skip when done in the last 0.2 s, for the idle loop of watches)."""
        if self.stopped.is_set():
            return
        with self.store.lock:
            if not force and time.monotonic() - self.last_reconcile < 0.2:
                return
            try:
                self._reconcile_nodes()
                self._reconcile_addons()
                for hook in RECONCILE_HOOKS:
                    hook(self)
                self._schedule()
                self._refresh_pods()
            except Exception:
                traceback.print_exc()
            self.last_reconcile = time.monotonic()

    def instances(self) -> list[tuple[Any, Any]]:
        """(instance, managed nodegroup or None) of every pending/running instance of this cluster."""
        ec2 = _ec2(self)
        managed = {ng.__dict__.get("_eksup_asg"): ng for ng in list(self.cluster.nodegroups.values()) if ng.__dict__.get("_eksup_asg")}
        out = []
        for reservation in list(ec2.reservations.values()):
            for inst in list(reservation.instances):
                if inst.state not in ("pending", "running"):
                    continue
                tags = instance_tags(inst)
                asg = tags.get("aws:autoscaling:groupName")
                if asg in managed:
                    out.append((inst, managed[asg]))
                    continue
                if tags.get("eks:nodegroup-name") and tags.get("eks:cluster-name") == self.cluster.name:
                    continue  # a managed instance whose nodegroup is gone
                b = self.bootstrap(ec2, inst)
                if (b is not None and b.cluster_name == self.cluster.name) or tags.get(f"kubernetes.io/cluster/{self.cluster.name}") \
                        or tags.get("eks:cluster-name") == self.cluster.name:
                    out.append((inst, None))
        return out

    def bootstrap(self, ec2: Any, inst: Any) -> Bootstrap | None:
        cached = self.bootstrap_cache.get(inst.id)
        if cached is None:
            text = user_data_text(ec2, inst)
            cached = (text, parse_user_data(text))
            self.bootstrap_cache[inst.id] = cached
        return cached[1]

    def evaluate(self, inst: Any, nodegroup: Any) -> dict[str, Any]:
        """Rules (a)-(d) for one instance: {"problems", "role", "labels", "taints", "version"}."""
        ec2, cluster = _ec2(self), self.cluster
        problems: list[str] = []
        family, ami_version = ami_info(ec2, inst.image_id)
        windows = family == "windows"
        labels: dict[str, str] = {}
        taints: list[dict[str, str]] = []
        kubelet_config: dict[str, Any] = {}
        role = None
        if nodegroup is not None:
            try:
                role = _iam(self).get_role_by_arn(nodegroup.node_role)
            except Exception:
                problems.append(f"the node role {nodegroup.node_role} does not exist")
            labels.update({"eks.amazonaws.com/nodegroup": nodegroup.nodegroup_name, "eks.amazonaws.com/capacityType": nodegroup.capacity_type,
                           "eks.amazonaws.com/nodegroup-image": inst.image_id})
            if nodegroup.launch_template and nodegroup.launch_template.get("id"):
                labels["eks.amazonaws.com/sourceLaunchTemplateId"] = nodegroup.launch_template["id"]
                labels["eks.amazonaws.com/sourceLaunchTemplateVersion"] = str(nodegroup.launch_template.get("version") or "1")
                try:
                    source = ec2.get_launch_template(nodegroup.launch_template["id"]).get_version(nodegroup.launch_template.get("version") or "$Default")
                    custom_ami = bool(source.data.get("ImageId"))
                except Exception:
                    custom_ami = False
                if custom_ami:  # EKS adds no bootstrap to a custom AMI: the user data must join
                    b = self.bootstrap(ec2, inst)
                    problems += bootstrap_problems(self, b, family, inst.private_ip)
                    if b is not None:
                        labels.update(b.labels)
                        taints += b.taints
                        kubelet_config = b.kubelet_config
            labels.update(nodegroup.labels or {})
            effects = {"NO_SCHEDULE": "NoSchedule", "NO_EXECUTE": "NoExecute", "PREFER_NO_SCHEDULE": "PreferNoSchedule"}
            for t in nodegroup.taints or []:
                taint = {"key": t["key"], "effect": effects.get(t.get("effect", ""), t.get("effect", ""))}
                if t.get("value"):
                    taint["value"] = t["value"]
                taints.append(taint)
            # EKS maps a managed group's role itself (map_managed_role), as EC2_WINDOWS only for
            # the WINDOWS_* AMI types: a Windows node whose role's entry or mapping is Linux's (a
            # role shared with Linux groups, or a custom Windows AMI: amiType CUSTOM) lacks
            # eks:kube-proxy-windows.
            if windows and role is not None:
                why = may_join(self, role, windows=True)
                if why:
                    problems.append(f"the node role may not join as a Windows node: {why}")
            # The kubelet of the node's AMI (a rolling update's new nodes run the new version
            # before the node group says so), else the node group's version.
            version = ami_version or nodegroup.version
        else:
            role, why = instance_profile_role(self, inst)
            if why:
                problems.append(why)
            b = self.bootstrap(ec2, inst)
            problems += bootstrap_problems(self, b, family, inst.private_ip)
            if b is not None:
                labels.update(b.labels)
                taints += b.taints
                kubelet_config = b.kubelet_config
            if role is not None:
                why = may_join(self, role, windows=windows)
                if why:
                    problems.append(f"the node role may not join{' as a Windows node' if windows else ''}: {why}")
            version = ami_version or cluster.version
        if role is not None:
            problems += role_problems(role)
        problems += network_problems(self, inst)
        for check in JOIN_CHECKS:
            problems += check(self, inst, family)
        return {"problems": problems, "role": role, "labels": labels, "taints": taints, "version": version, "kubelet_config": kubelet_config,
                "windows": windows, "windows_release": windows_release(ec2, inst.image_id) if windows else None}

    def _reconcile_nodes(self) -> None:
        store, statuses, seen = self.store, {}, set()
        for inst, nodegroup in self.instances():
            ev = self.evaluate(inst, nodegroup)
            name = node_name(inst, self.region)
            existing = store.get("nodes", "", name)
            problems = ev["problems"]
            waited = (eks.utcnow() - inst.launch_time).total_seconds()
            joinable = not problems or LENIENT
            if joinable and existing is None and waited < JOIN_SECONDS:
                statuses[inst.id] = {"instance": inst.id, "node": None, "ready": False, "joined": False,
                                     "nodegroup": getattr(nodegroup, "nodegroup_name", None),
                                     "reason": f"kubelet has not registered yet ({JOIN_SECONDS - waited:.1f} s to go)"}
                continue
            if not joinable and existing is None:
                statuses[inst.id] = {"instance": inst.id, "node": None, "ready": False, "joined": False,
                                     "nodegroup": getattr(nodegroup, "nodegroup_name", None), "reason": "; ".join(problems)}
                continue
            if not joinable:
                ready, reason, message = "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status."
            else:
                # Windows: the CNI plugin (vpc-bridge) and kube-proxy come with the AMI; aws-node
                # and the kube-proxy DaemonSet run on Linux nodes only.
                why = None if LENIENT or ev["windows"] else (cni_problem(self, ev["role"]) or node_cni_problem(self, inst, ev))
                ready, reason, message = ("True", "KubeletReady", "kubelet is posting ready status") if why is None else \
                    ("False", "KubeletNotReady", f"{CNI_NOT_READY} ({why})")
            self._upsert_node(inst, nodegroup, ev, name, ready, reason, message)
            seen.add(name)
            summary = "; ".join(problems) if not LENIENT else ("lenient: " + "; ".join(problems) if problems else "")
            if ev["windows"] and joinable and not summary:
                ipam = windows_ipam_problem(self)
                summary = f"Windows IPAM is off, pods on this node get no IP address: {ipam}" if ipam else ""
            statuses[inst.id] = {"instance": inst.id, "node": name, "ready": ready == "True", "joined": True,
                                 "nodegroup": getattr(nodegroup, "nodegroup_name", None),
                                 "reason": message if ready == "False" else summary}
        for node in store.list("nodes"):
            if node["metadata"]["name"] not in seen and node.get("spec", {}).get("providerID", "").startswith("aws:///"):
                self._delete_node(node["metadata"]["name"])
        self.node_status = statuses

    def _upsert_node(self, inst: Any, nodegroup: Any, ev: dict[str, Any], name: str, ready: str, reason: str, message: str) -> None:
        store = self.store
        existing = store.get("nodes", "", name)
        now = now_iso()
        ready_condition = {"type": "Ready", "status": ready, "reason": reason, "message": message,
                           "lastHeartbeatTime": now, "lastTransitionTime": now}
        not_ready_taint = {"key": "node.kubernetes.io/not-ready", "effect": "NoSchedule"}
        windows = bool(ev.get("windows"))
        # Windows: the VPC resource controller advertises the node's pod IPs (one ENI's
        # addresses - 1) as an extended resource, only while Windows IPAM is on.
        ipam = str(windows_pod_ips(inst.instance_type)) if windows and windows_ipam_problem(self) is None else None
        if existing is None:
            cpu, memory, pods = INSTANCE_TYPES.get(inst.instance_type, (2, 8192, 29))
            if windows:  # AWS docs: a Windows node runs (IPv4 addresses per ENI - 1) pods
                pods = windows_pod_ips(inst.instance_type)
            kubelet_config = ev.get("kubelet_config") or {}
            pods = kubelet_config.get("maxPods", pods)  # kubelet's maxPods is the node's pod capacity
            arch = "arm64" if inst.architecture == "arm64" else "amd64"
            os_name = "windows" if windows else "linux"
            minor = int(str(ev["version"]).split(".")[1]) if "." in str(ev["version"]) else 34
            kubelet = f"v{ev['version']}.{PATCH_RELEASES.get(minor, 0)}-eks-{EKS_BUILD}"
            labels = {"beta.kubernetes.io/arch": arch, "beta.kubernetes.io/os": os_name, "beta.kubernetes.io/instance-type": inst.instance_type,
                      "failure-domain.beta.kubernetes.io/region": self.region, "failure-domain.beta.kubernetes.io/zone": inst.availability_zone,
                      "kubernetes.io/arch": arch, "kubernetes.io/hostname": name, "kubernetes.io/os": os_name,
                      "node.kubernetes.io/instance-type": inst.instance_type, "topology.kubernetes.io/region": self.region,
                      "topology.kubernetes.io/zone": inst.availability_zone, "k8s.io/cloud-provider-aws": hashlib.md5(self.cluster.name.encode()).hexdigest()}
            build, windows_image, ubr = WINDOWS_BUILDS.get(ev.get("windows_release") or "", (None, "Windows Server Datacenter", "0"))
            if windows and build:
                labels["node.kubernetes.io/windows-build"] = build
            labels.update(ev["labels"])
            family, _ = ami_info(_ec2(self), inst.image_id)
            os_image = windows_image if windows else \
                {"bottlerocket": "Bottlerocket OS 1.50.0 (aws-k8s)", "al2": "Amazon Linux 2", "ubuntu": ubuntu_os_image(_ec2(self), inst.image_id)
                 }.get(family or "", "Amazon Linux 2023.9.20251117")
            kernel = f"{build or '10.0.17763'}.{ubr}" if windows else \
                ("6.1.158-178.288.amzn2023.x86_64" if arch == "amd64" else "6.1.158-178.288.amzn2023.aarch64")
            taints = [dict(t) for t in ev["taints"]]
            if ready != "True":
                taints.append(not_ready_taint)
            capacity = {"cpu": str(cpu), "memory": f"{memory * 1024}Ki", "pods": str(pods), "ephemeral-storage": "83873772Ki"}
            if not windows:
                capacity.update({"hugepages-1Gi": "0", "hugepages-2Mi": "0"})
            if ipam is not None:
                capacity[WINDOWS_IP_RESOURCE] = ipam
            cpu_left, memory_left = allocatable_of(cpu, memory, kubelet_config)
            allocatable = dict(capacity, cpu=cpu_left, memory=memory_left, **{"ephemeral-storage": "76224326324"})
            node = {
                "metadata": {"name": name, "labels": labels,
                             "annotations": {"alpha.kubernetes.io/provided-node-ip": node_ip(self, inst), "node.alpha.kubernetes.io/ttl": "0",
                                             "volumes.kubernetes.io/controller-managed-attach-detach": "true"}},
                "spec": {"providerID": f"aws:///{inst.availability_zone}/{inst.id}", **({"taints": taints} if taints else {})},
                "status": {
                    "capacity": capacity, "allocatable": allocatable,
                    "conditions": [{"type": t, "status": "False", "reason": f"KubeletHas{r}", "message": m, "lastHeartbeatTime": now, "lastTransitionTime": now}
                                   for t, r, m in (("MemoryPressure", "SufficientMemory", "kubelet has sufficient memory available"),
                                                   ("DiskPressure", "NoDiskPressure", "kubelet has no disk pressure"),
                                                   ("PIDPressure", "SufficientPID", "kubelet has sufficient PID available"))] + [ready_condition],
                    "addresses": [{"type": "InternalIP", "address": node_ip(self, inst)}, {"type": "InternalDNS", "address": name},
                                  {"type": "Hostname", "address": name}],
                    "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
                    "nodeInfo": {"architecture": arch, "bootID": str(uuid.uuid4()), "containerRuntimeVersion": "containerd://1.7.27",
                                 "kernelVersion": kernel, "kubeProxyVersion": "", "kubeletVersion": kubelet, "machineID": uuid.uuid4().hex,
                                 "operatingSystem": os_name, "osImage": os_image, "systemUUID": str(uuid.uuid4())},
                },
            }
            store.create("nodes", node)
            return
        current = condition(existing, "Ready") or {}
        has_taint = any(t.get("key") == not_ready_taint["key"] for t in existing.get("spec", {}).get("taints") or [])
        ipam_now = (existing.get("status", {}).get("capacity") or {}).get(WINDOWS_IP_RESOURCE)
        if current.get("status") == ready and current.get("message") == message and has_taint == (ready != "True") and ipam_now == ipam:
            return
        node = copy.deepcopy(existing)
        for key in ("capacity", "allocatable"):
            resources = node["status"].setdefault(key, {})
            resources.pop(WINDOWS_IP_RESOURCE, None)
            if ipam is not None:
                resources[WINDOWS_IP_RESOURCE] = ipam
        conditions = [c for c in node["status"]["conditions"] if c["type"] != "Ready"]
        if current.get("status") == ready:
            ready_condition["lastTransitionTime"] = current.get("lastTransitionTime", now)
        node["status"]["conditions"] = conditions + [ready_condition]
        taints = [t for t in node["spec"].get("taints") or [] if t.get("key") != not_ready_taint["key"]]
        if ready != "True":
            taints.append(not_ready_taint)
        if taints:
            node["spec"]["taints"] = taints
        else:
            node["spec"].pop("taints", None)
        store.update("nodes", node)

    def _delete_node(self, name: str) -> None:
        self.store.delete("nodes", "", name)
        for pod in self.store.list("pods"):
            if pod.get("spec", {}).get("nodeName") == name:
                self.store.delete("pods", pod["metadata"]["namespace"], pod["metadata"]["name"])

    def ready_nodes(self) -> list[dict[str, Any]]:
        return [n for n in self.store.list("nodes") if (condition(n, "Ready") or {}).get("status") == "True"]

    # --- add-on workloads ------------------------------------------------------------
    def _reconcile_addons(self) -> None:
        store = self.store
        addons = {name: a for name, a in list(eks._addons(self.cluster).items()) if eks.raw_status(a) != "DELETING"}
        if "vpc-cni" in addons:
            self._reconcile_vpc_cni_config(addons["vpc-cni"])
        for addon_name, addon in addons.items():
            namespace = addon_namespace(addon)
            if ADDON_WORKLOADS.get(addon_name) and store.get("namespaces", "", namespace) is None:
                # EKS's add-on manager (eks:addon-manager) creates the namespace it installs into.
                store.create("namespaces", {"metadata": {"name": namespace, "labels": {"kubernetes.io/metadata.name": namespace}},
                                            "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}})
                store.create("serviceaccounts", {"metadata": {"name": "default", "namespace": namespace}})
            for spec in ADDON_WORKLOADS.get(addon_name, []):
                if spec.get("sa"):
                    self._ensure_service_account(addon_name, namespace, spec["sa"], addon.service_account_role_arn if addon_name == "vpc-cni" else None)
                if spec["kind"] == "ds":
                    self._reconcile_daemonset(addon_name, addon, spec)
                else:
                    self._reconcile_deployment(addon_name, addon, spec)
        for plural in ("daemonsets", "deployments", "serviceaccounts", "poddisruptionbudgets", "replicasets", "configmaps", "pods"):
            for obj in store.list(plural):
                addon_name = obj["metadata"].get("annotations", {}).get(ADDON_ANNOTATION)
                if addon_name and addon_name not in addons:
                    store.delete(plural, obj["metadata"]["namespace"], obj["metadata"]["name"])

    def _reconcile_vpc_cni_config(self, addon: Any) -> None:
        """kube-system/amazon-vpc-cni, as the vpc-cni add-on writes it: created with the add-on
        (defaults + configurationValues) unless it exists already; a later change of the add-on's
        configurationValues sets the keys it names. Clients may create, patch or delete it."""
        store = self.store
        applied = self.__dict__.get("_vpc_cni_applied")
        key = (addon.addon_arn, addon.configuration_values)
        if applied == key:
            return
        self._vpc_cni_applied = key
        cm = store.get("configmaps", "kube-system", VPC_CNI_CONFIGMAP)
        data = vpc_cni_config(addon)
        if applied is None or applied[0] != addon.addon_arn:  # the add-on was (re)created
            if cm is None:
                store.create("configmaps", {"metadata": {"name": VPC_CNI_CONFIGMAP, "namespace": "kube-system",
                                                         "annotations": {ADDON_ANNOTATION: "vpc-cni"},
                                                         "labels": {"app.kubernetes.io/name": "aws-node", "app.kubernetes.io/instance": "aws-vpc-cni",
                                                                    "k8s-app": "aws-node", "app.kubernetes.io/managed-by": "EKS"}},
                                            "data": data})
            return
        if cm is None:
            return
        try:
            values = yaml.safe_load(addon.configuration_values or "") or {}
        except yaml.YAMLError:
            values = {}
        named = {k: v for k, v in data.items() if isinstance(values, dict) and VPC_CNI_CONFIG[k][0] in values}
        if named and any((cm.get("data") or {}).get(k) != v for k, v in named.items()):
            cm = copy.deepcopy(cm)
            cm.setdefault("data", {}).update(named)
            store.update("configmaps", cm)

    def _ensure_service_account(self, addon_name: str, namespace: str, name: str, role_arn: str | None) -> None:
        store = self.store
        annotations = {ADDON_ANNOTATION: addon_name}
        if role_arn:
            annotations["eks.amazonaws.com/role-arn"] = role_arn
        existing = store.get("serviceaccounts", namespace, name)
        if existing is None:
            store.create("serviceaccounts", {"metadata": {"name": name, "namespace": namespace, "annotations": annotations,
                                                          "labels": {"app.kubernetes.io/managed-by": "EKS"}}})
        elif role_arn and existing["metadata"].get("annotations", {}).get("eks.amazonaws.com/role-arn") != role_arn:
            updated = copy.deepcopy(existing)
            updated["metadata"].setdefault("annotations", {}).update(annotations)
            store.update("serviceaccounts", updated)

    def _pod_template(self, addon_name: str, addon: Any, spec: dict[str, Any]) -> dict[str, Any]:
        image = spec["image"].format(region=self.region) + ":" + addon.addon_version
        pod_spec: dict[str, Any] = {"containers": [{"name": c, "image": image} for c in spec["containers"]],
                                    "priorityClassName": "system-node-critical" if spec["kind"] == "ds" else "system-cluster-critical"}
        if spec.get("sa"):
            pod_spec["serviceAccountName"] = spec["sa"]
        if spec.get("host_network"):
            pod_spec["hostNetwork"] = True
        pod_spec["tolerations"] = [{"operator": "Exists"}] if spec["kind"] == "ds" else CRITICAL_TOLERATIONS
        pod_spec["affinity"] = copy.deepcopy(LINUX_ONLY)  # the EKS add-ons run on Linux nodes only
        return {"metadata": {"labels": dict(spec["labels"])}, "spec": pod_spec}

    def _owned_pods(self, uid: str) -> list[dict[str, Any]]:
        return [p for p in self.store.list("pods")
                if any(r.get("uid") == uid for r in p["metadata"].get("ownerReferences") or [])]

    def _new_pod(self, name: str, owner: dict[str, Any], template: dict[str, Any], addon_name: str, node: str | None) -> None:
        pod = {"metadata": {"name": name, "namespace": owner["metadata"]["namespace"], "labels": dict(template["metadata"]["labels"]),
                            "annotations": {ADDON_ANNOTATION: addon_name},
                            "ownerReferences": [{"apiVersion": owner["apiVersion"], "kind": owner["kind"], "name": owner["metadata"]["name"],
                                                 "uid": owner["metadata"]["uid"], "controller": True, "blockOwnerDeletion": True}]},
               "spec": copy.deepcopy(template["spec"]), "status": {"phase": "Pending", "qosClass": "Burstable"}}
        if node:
            pod["spec"]["nodeName"] = node
        self.store.create("pods", pod)

    def _reconcile_daemonset(self, addon_name: str, addon: Any, spec: dict[str, Any]) -> None:
        store = self.store
        template = self._pod_template(addon_name, addon, spec)
        namespace = addon_namespace(addon)
        ds = store.get("daemonsets", namespace, spec["name"])
        if ds is None:
            ds = store.create("daemonsets", {"metadata": {"name": spec["name"], "namespace": namespace, "labels": dict(spec["labels"]),
                                                          "annotations": {ADDON_ANNOTATION: addon_name}},
                                             "spec": {"selector": {"matchLabels": dict(spec["labels"])}, "template": template,
                                                      "updateStrategy": {"type": "RollingUpdate"}}, "status": {}})
        nodes = {n["metadata"]["name"]: n for n in store.list("nodes") if node_selected(ds["spec"]["template"]["spec"], n)}
        pods = self._owned_pods(ds["metadata"]["uid"])
        have = set()
        for pod in pods:
            node = pod["spec"].get("nodeName")
            if node not in nodes or node in have:
                store.delete("pods", namespace, pod["metadata"]["name"])
            else:
                have.add(node)
        for node in nodes:
            if node not in have:
                self._new_pod(f"{spec['name']}-{rand_suffix()}", ds, template, addon_name, node)
        ready = sum(1 for p in self._owned_pods(ds["metadata"]["uid"]) if pod_ready(p))
        status = {"currentNumberScheduled": len(nodes), "desiredNumberScheduled": len(nodes), "numberMisscheduled": 0,
                  "numberReady": ready, "numberAvailable": ready, "updatedNumberScheduled": len(nodes), "observedGeneration": 1}
        if len(nodes) - ready:
            status["numberUnavailable"] = len(nodes) - ready
        if ds.get("status") != status:
            ds = copy.deepcopy(ds)
            ds["status"] = status
            store.update("daemonsets", ds)

    def _reconcile_deployment(self, addon_name: str, addon: Any, spec: dict[str, Any]) -> None:
        store = self.store
        template = self._pod_template(addon_name, addon, spec)
        annotations = {ADDON_ANNOTATION: addon_name}
        namespace = addon_namespace(addon)
        deploy = store.get("deployments", namespace, spec["name"])
        if deploy is None:
            deploy = store.create("deployments", {"metadata": {"name": spec["name"], "namespace": namespace, "labels": dict(spec["labels"]),
                                                               "annotations": dict(annotations)},
                                                  "spec": {"replicas": spec["replicas"], "selector": {"matchLabels": dict(spec["labels"])},
                                                           "template": template, "strategy": {"type": "RollingUpdate"}}, "status": {}})
        if spec.get("pdb") and store.get("poddisruptionbudgets", namespace, spec["name"]) is None:
            store.create("poddisruptionbudgets", {"metadata": {"name": spec["name"], "namespace": namespace, "labels": dict(spec["labels"]),
                                                               "annotations": dict(annotations)},
                                                  "spec": {"selector": {"matchLabels": dict(spec["labels"])}, **spec["pdb"]}})
        digest = hashlib.sha256(f"{spec['name']}/{addon.addon_version}".encode()).hexdigest()
        rs_name = f"{spec['name']}-{''.join('bcdfghjklmnpqrstvwxz2456789'[int(c, 16) % 27] for c in digest[:10])}"
        rs = store.get("replicasets", namespace, rs_name)
        if rs is None:
            rs = store.create("replicasets", {"metadata": {"name": rs_name, "namespace": namespace,
                                                           "labels": dict(spec["labels"], **{"pod-template-hash": rs_name.rsplit("-", 1)[1]}),
                                                           "annotations": dict(annotations),
                                                           "ownerReferences": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": spec["name"],
                                                                                "uid": deploy["metadata"]["uid"], "controller": True, "blockOwnerDeletion": True}]},
                                              "spec": {"replicas": spec["replicas"], "selector": {"matchLabels": dict(spec["labels"])}, "template": template},
                                              "status": {}})
        replicas = deploy["spec"].get("replicas", spec["replicas"])
        nodes = {n["metadata"]["name"] for n in store.list("nodes")}
        pods = self._owned_pods(rs["metadata"]["uid"])
        for pod in pods:
            if pod["spec"].get("nodeName") and pod["spec"]["nodeName"] not in nodes:
                store.delete("pods", namespace, pod["metadata"]["name"])
        pods = self._owned_pods(rs["metadata"]["uid"])
        for pod in pods[replicas:]:
            store.delete("pods", namespace, pod["metadata"]["name"])
        for _ in range(replicas - len(pods)):
            self._new_pod(f"{rs_name}-{rand_suffix()}", rs, template, addon_name, None)
        ready = sum(1 for p in self._owned_pods(rs["metadata"]["uid"]) if pod_ready(p))
        for plural, obj in (("replicasets", rs), ("deployments", deploy)):
            status = {"replicas": replicas, "readyReplicas": ready, "availableReplicas": ready, "observedGeneration": 1,
                      "fullyLabeledReplicas" if plural == "replicasets" else "updatedReplicas": replicas}
            if plural == "deployments":
                status["conditions"] = [{"type": "Available", "status": "True" if ready >= max(replicas - 1, 1) else "False",
                                         "reason": "MinimumReplicasAvailable" if ready >= max(replicas - 1, 1) else "MinimumReplicasUnavailable"}]
                if replicas - ready:
                    status["unavailableReplicas"] = replicas - ready
            if obj.get("status") != status:
                obj = copy.deepcopy(obj)
                obj["status"] = status
                store.update(plural, obj)

    # --- scheduling and pod status ---------------------------------------------------
    @staticmethod
    def tolerates(pod: dict[str, Any], taint: dict[str, Any]) -> bool:
        if taint.get("effect") == "PreferNoSchedule":
            return True
        for t in pod.get("spec", {}).get("tolerations") or []:
            if t.get("effect") and t["effect"] != taint.get("effect"):
                continue
            if t.get("operator") == "Exists" and (not t.get("key") or t["key"] == taint.get("key")):
                return True
            if t.get("key") == taint.get("key") and t.get("value", "") == taint.get("value", ""):
                return True
        return False

    def _schedule(self) -> None:
        store = self.store
        nodes = [n for n in self.ready_nodes() if not n.get("spec", {}).get("unschedulable")]
        all_pods = store.list("pods")
        for pod in all_pods:
            if pod["spec"].get("nodeName") or pod["metadata"].get("deletionTimestamp"):
                continue
            fits = [n for n in nodes if node_selected(pod["spec"], n)
                    and all(self.tolerates(pod, t) for t in n.get("spec", {}).get("taints") or [])]
            need = pod_requests(pod, WINDOWS_IP_RESOURCE)
            short = []
            if need:
                short = [n for n in fits if self.free_windows_ips(n) < need]
                fits = [n for n in fits if n not in short]
            pod = copy.deepcopy(pod)
            if not fits:
                message = (f"0/{len(store.list('nodes'))} nodes are available: {len(short)} Insufficient {WINDOWS_IP_RESOURCE}." if short else
                           f"0/{len(store.list('nodes'))} nodes are available: no Ready, schedulable node that fits.")
                if (condition(pod, "PodScheduled") or {}).get("message") != message:
                    pod["status"] = {"phase": "Pending", "qosClass": "Burstable",
                                     "conditions": [{"type": "PodScheduled", "status": "False", "reason": "Unschedulable", "message": message,
                                                     "lastTransitionTime": now_iso()}]}
                    store.update("pods", pod)
                continue
            owner = (pod["metadata"].get("ownerReferences") or [{}])[0].get("uid")

            def load(node: dict[str, Any]) -> tuple[int, int, str]:
                here = [p for p in store.list("pods") if p["spec"].get("nodeName") == node["metadata"]["name"]]
                same = sum(1 for p in here if owner and any(r.get("uid") == owner for r in p["metadata"].get("ownerReferences") or []))
                return same, len(here), node["metadata"]["name"]

            target = min(fits, key=load)
            pod["spec"]["nodeName"] = target["metadata"]["name"]
            pod["status"] = {"phase": "Pending"}
            store.update("pods", pod)

    def free_windows_ips(self, node: dict[str, Any]) -> int:
        try:
            total = int((node.get("status", {}).get("allocatable") or {}).get(WINDOWS_IP_RESOURCE, 0))
        except ValueError:
            total = 0
        used = sum(pod_requests(p, WINDOWS_IP_RESOURCE) for p in self.store.list("pods")
                   if p["spec"].get("nodeName") == node["metadata"]["name"])
        return total - used

    def _refresh_pods(self) -> None:
        store = self.store
        nodes = {n["metadata"]["name"]: n for n in store.list("nodes")}
        for pod in store.list("pods"):
            node = nodes.get(pod["spec"].get("nodeName") or "")
            if node is None:
                if pod["spec"].get("nodeName"):  # bound to a node that is gone: pod GC
                    store.delete("pods", pod["metadata"]["namespace"], pod["metadata"]["name"])
                continue
            node_ready = (condition(node, "Ready") or {}).get("status") == "True"
            host_network = pod["spec"].get("hostNetwork")
            name = pod["metadata"]["name"]
            ready = node_ready or (host_network and name.startswith("kube-proxy"))
            node_ip = next((a["address"] for a in node["status"].get("addresses", []) if a["type"] == "InternalIP"), "")
            old = pod.get("status", {})
            if node_is_windows(node) and not host_network and old.get("phase") != "Running" \
                    and not (pod_requests(pod, WINDOWS_IP_RESOURCE) and windows_ipam_problem(self) is None):
                # No IP from the VPC resource controller: the Windows CNI plugin (vpc-bridge) cannot
                # set the sandbox up, the pod stays ContainerCreating.
                self._container_creating(pod, node_ip)
                continue
            pod_ip = old.get("podIP") or (node_ip if host_network else pod_address(self, node, name, node_ip))
            flag = "True" if ready else "False"
            started = old.get("startTime") or now_iso()
            status = {"phase": "Running", "hostIP": node_ip, "podIP": pod_ip, "podIPs": [{"ip": pod_ip}], "startTime": started,
                      "qosClass": old.get("qosClass", "BestEffort"),
                      "conditions": [{"type": t, "status": s, "lastTransitionTime": started} for t, s in
                                     (("PodReadyToStartContainers", "True"), ("Initialized", "True"), ("Ready", flag),
                                      ("ContainersReady", flag), ("PodScheduled", "True"))],
                      "containerStatuses": [{"name": c["name"], "image": c.get("image", ""), "ready": ready, "restartCount": 0, "started": True,
                                             "state": {"running": {"startedAt": started}}} for c in pod["spec"].get("containers") or []]}
            if [c["status"] for c in old.get("conditions") or []] == [c["status"] for c in status["conditions"]] and old.get("phase") == "Running":
                continue
            pod = copy.deepcopy(pod)
            pod["status"] = status
            store.update("pods", pod)

    def _container_creating(self, pod: dict[str, Any], node_ip: str) -> None:
        old = pod.get("status", {})
        started = old.get("startTime") or now_iso()
        message = ("failed to set up the pod sandbox network: the VPC resource controller assigned no IPv4 address "
                   f"(the pod does not request {WINDOWS_IP_RESOURCE}: Windows IPAM off, or no nodeSelector kubernetes.io/os: windows)")
        status = {"phase": "Pending", "hostIP": node_ip, "startTime": started, "qosClass": old.get("qosClass", "BestEffort"),
                  "conditions": [{"type": t, "status": s, "lastTransitionTime": started} for t, s in
                                 (("PodReadyToStartContainers", "False"), ("Initialized", "True"), ("Ready", "False"),
                                  ("ContainersReady", "False"), ("PodScheduled", "True"))],
                  "containerStatuses": [{"name": c["name"], "image": c.get("image", ""), "ready": False, "restartCount": 0, "started": False,
                                         "state": {"waiting": {"reason": "ContainerCreating", "message": message}}}
                                        for c in pod["spec"].get("containers") or []]}
        if old.get("phase") == "Pending" and old.get("containerStatuses") == status["containerStatuses"]:
            return
        pod = copy.deepcopy(pod)
        pod["status"] = status
        self.store.update("pods", pod)

    # --- PodDisruptionBudgets, eviction and drain ------------------------------------
    def eviction_refusal(self, pod: dict[str, Any]) -> ApiError | None:
        """Why evicting `pod` is refused (None: allowed): a Ready pod whose PodDisruptionBudget
        allows no disruption (429), or several budgets (500), as the eviction subresource."""
        namespace = pod["metadata"].get("namespace", "")
        budgets = [b for b in self.store.list("poddisruptionbudgets", namespace)
                   if (b.get("spec") or {}).get("selector") is not None
                   and selector_match((b.get("spec") or {}).get("selector"), pod["metadata"].get("labels") or {})]
        if len(budgets) > 1:
            return ApiError(500, "InternalError", "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.")
        if budgets and pod_ready(pod):
            status = self.pdb_status(budgets[0])
            if status["disruptionsAllowed"] < 1:
                budget = budgets[0]["metadata"]["name"]
                return ApiError(429, "TooManyRequests", "Cannot evict pod as it would violate the pod's disruption budget.",
                                {"causes": [{"reason": "DisruptionBudget",
                                             "message": f"The disruption budget {budget} needs {status['desiredHealthy']} healthy pods "
                                                        f"and has {status['currentHealthy']} currently"}]})
        return None

    def cordon(self, name: str, on: bool) -> bool:
        """kubectl cordon/uncordon: spec.unschedulable and the node.kubernetes.io/unschedulable
        taint. Returns whether the node changed."""
        node = self.store.get("nodes", "", name)
        if node is None or bool(node.get("spec", {}).get("unschedulable")) == on:
            return False
        node = copy.deepcopy(node)
        taints = [t for t in node["spec"].get("taints") or [] if t.get("key") != "node.kubernetes.io/unschedulable"]
        if on:
            node["spec"]["unschedulable"] = True
            taints.append({"key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule", "timeAdded": now_iso()})
        else:
            node["spec"].pop("unschedulable", None)
        if taints:
            node["spec"]["taints"] = taints
        else:
            node["spec"].pop("taints", None)
        self.store.update("nodes", node)
        return True

    def drain(self, nodes: list[str], force: bool) -> list[str]:
        """Cordon `nodes` and evict their pods except DaemonSet and mirror pods (kubectl drain
        --ignore-daemonsets, as EKS's managed node group updates do). PodDisruptionBudgets are
        respected unless `force` (the pods are deleted). Returns the nodes whose pods could not
        be evicted; then (unless force) the nodes it cordoned are uncordoned again."""
        store = self.store
        with store.lock:
            self.reconcile(force=True)
            names = [n for n in nodes if store.get("nodes", "", n) is not None]
            cordoned = [n for n in names if self.cordon(n, True)]
            refused: set[str] = set()
            for pod in store.list("pods"):
                node = pod["spec"].get("nodeName")
                if node not in names or store.get("pods", pod["metadata"]["namespace"], pod["metadata"]["name"]) is None:
                    continue
                owners = pod["metadata"].get("ownerReferences") or []
                if any(r.get("kind") == "DaemonSet" for r in owners) or "kubernetes.io/config.mirror" in (pod["metadata"].get("annotations") or {}):
                    continue
                current = store.get("pods", pod["metadata"]["namespace"], pod["metadata"]["name"])
                if not force and self.eviction_refusal(current) is not None:
                    refused.add(node)
                    continue
                store.delete("pods", pod["metadata"]["namespace"], pod["metadata"]["name"])
                self.reconcile(force=True)  # replicas come back on the schedulable nodes
            if refused and not force:
                for name in cordoned:
                    self.cordon(name, False)
            return sorted(refused)

    def pdb_status(self, pdb: dict[str, Any]) -> dict[str, Any]:
        namespace = pdb["metadata"]["namespace"]
        selector = pdb.get("spec", {}).get("selector")
        pods = [p for p in self.store.list("pods", namespace) if selector is not None and selector_match(selector, p["metadata"].get("labels", {}))]
        healthy = sum(1 for p in pods if pod_ready(p))
        # Like the disruption controller: pods of a ReplicaSet count as its replicas (so an
        # evicted replica that has not come back still counts), bare pods as one each.
        owners: dict[str, int] = {}
        bare = 0
        for p in pods:
            ref = next((r for r in p["metadata"].get("ownerReferences") or [] if r.get("controller")), None)
            rs = self.store.get("replicasets", namespace, ref["name"]) if ref and ref.get("kind") == "ReplicaSet" else None
            if rs is not None:
                owners[rs["metadata"]["uid"]] = int(rs.get("spec", {}).get("replicas", 1))
            else:
                bare += 1
        expected = bare + sum(owners.values())
        spec = pdb.get("spec", {})

        def amount(value: Any, total: int) -> int:
            if isinstance(value, str) and value.endswith("%"):
                return -(-int(value[:-1]) * total // 100)
            return int(value)

        if "minAvailable" in spec:
            desired = amount(spec["minAvailable"], expected)
        elif "maxUnavailable" in spec:
            desired = expected - amount(spec["maxUnavailable"], expected)
        else:
            desired = expected
        return {"currentHealthy": healthy, "desiredHealthy": max(desired, 0), "expectedPods": expected,
                "disruptionsAllowed": max(healthy - desired, 0), "observedGeneration": 1,
                "conditions": [{"type": "DisruptionAllowed", "status": "True" if healthy - desired > 0 else "False",
                                "reason": "SufficientPods" if healthy - desired > 0 else "InsufficientPods", "message": "",
                                "lastTransitionTime": now_iso(), "observedGeneration": 1}]}


# =======================================================================================
# HTTP: the API server
# =======================================================================================
PUBLIC_PATHS = ("/version", "/healthz", "/livez", "/readyz")
NAME_RE = re.compile(r"[a-z0-9]([-a-z0-9.]*[a-z0-9])?")


def kubernetes_version(cluster: Any) -> dict[str, Any]:
    minor = int(str(cluster.version).split(".")[1]) if "." in str(cluster.version) else 34
    git = f"v1.{minor}.{PATCH_RELEASES.get(minor, 0)}-eks-{EKS_BUILD}"
    return {"major": "1", "minor": f"{minor}+", "gitVersion": git, "gitCommit": hashlib.sha1(git.encode()).hexdigest(),
            "gitTreeState": "clean", "buildDate": "2025-11-14T17:23:44Z", "goVersion": "go1.24.9", "compiler": "gc",
            "platform": "linux/amd64"}


def resource_list(group: str, version: str) -> dict[str, Any]:
    resources = []
    for plural, (g, v, kind, namespaced, short) in RESOURCES.items():
        if (g, v) != (group, version):
            continue
        entry = {"name": plural, "singularName": kind.lower(), "namespaced": namespaced, "kind": kind, "verbs": ALL_VERBS}
        if short:
            entry["shortNames"] = short
        if plural in ("pods", "deployments", "daemonsets"):
            entry["categories"] = ["all"]
        resources.append(entry)
        if plural in ("nodes", "pods", "daemonsets", "deployments", "replicasets", "poddisruptionbudgets", "namespaces"):
            resources.append({"name": f"{plural}/status", "singularName": "", "namespaced": namespaced, "kind": kind,
                              "verbs": ["get", "patch", "update"]})
    if (group, version) == ("", "v1"):
        resources.append({"name": "pods/eviction", "singularName": "", "namespaced": True, "group": "policy", "version": "v1",
                          "kind": "Eviction", "verbs": ["create"]})
    return {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": f"{group}/{version}" if group else version,
            "resources": resources}


def api_group(name: str) -> dict[str, Any]:
    versions = [{"groupVersion": f"{name}/{v}", "version": v} for v in GROUPS[name]]
    return {"kind": "APIGroup", "apiVersion": "v1", "name": name, "versions": versions, "preferredVersion": versions[0]}


class ApiHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "eksup-emulator-kube-apiserver"
    cluster_context: ClusterContext

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def setup(self) -> None:
        super().setup()
        self.request.settimeout(60)
        try:
            self.request.do_handshake()
        except (ssl.SSLError, OSError):
            self.close_connection = True
            raise

    def handle(self) -> None:
        try:
            super().handle()
        except (ssl.SSLError, ConnectionError, TimeoutError, OSError):
            pass

    # --- plumbing ----------------------------------------------------------------------
    def send_json(self, code: int, body: Any, content_type: str = "application/json") -> None:
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Audit-Id", str(uuid.uuid4()))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def send_error_status(self, error: ApiError) -> None:
        self.send_json(error.code, error.status())

    def read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            return self.rfile.read(length)
        if (self.headers.get("Transfer-Encoding") or "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().strip().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        return b""

    def parse_body(self) -> Any:
        raw = self.read_body()
        ctype = (self.headers.get("Content-Type") or "application/json").split(";")[0].strip()
        if "protobuf" in ctype:
            raise ApiError(415, "UnsupportedMediaType", f"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (got {ctype})")
        try:
            if ctype.endswith("yaml"):
                return yaml.safe_load(raw.decode() or "{}")
            return json.loads(raw.decode() or "null")
        except (ValueError, yaml.YAMLError) as e:
            raise ApiError(400, "BadRequest", f"error decoding the request body: {e}")

    def do_GET(self) -> None:  # noqa: N802
        self.dispatch()

    def do_POST(self) -> None:  # noqa: N802
        self.dispatch()

    def do_PUT(self) -> None:  # noqa: N802
        self.dispatch()

    def do_PATCH(self) -> None:  # noqa: N802
        self.dispatch()

    def do_DELETE(self) -> None:  # noqa: N802
        self.dispatch()

    def do_HEAD(self) -> None:  # noqa: N802
        self.dispatch()

    def do_OPTIONS(self) -> None:  # noqa: N802
        self.read_body()
        self.send_error_status(ApiError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource"))

    # --- dispatch ----------------------------------------------------------------------
    def dispatch(self) -> None:
        ctx = self.cluster_context
        for hook in REQUEST_HOOKS:
            hook(ctx.cluster.name, self.command, self.path)
        url = urlsplit(self.path)
        path = url.path.rstrip("/") or "/"
        self.query = {k: v[-1] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        try:
            auth = self.headers.get("Authorization")
            if auth is None and path in PUBLIC_PATHS and self.command in ("GET", "HEAD"):
                pass
            else:
                why = check_token(auth or "", ctx.cluster.name, ctx.region)
                if why is not None:
                    self.read_body()
                    self.send_json(401, {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                                         "message": "Unauthorized", "reason": "Unauthorized", "code": 401})
                    return
            if ctx.stopped.is_set():
                raise ApiError(503, "ServiceUnavailable", "the cluster is being deleted")
            ctx.reconcile()
            self.route(path)
        except ApiError as e:
            self.send_error_status(e)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as e:  # noqa: BLE001
            traceback.print_exc()
            self.send_error_status(ApiError(500, "InternalError", f"Internal error occurred: {e}"))

    def route(self, path: str) -> None:
        ctx = self.cluster_context
        if path in ("/healthz", "/livez", "/readyz"):
            data = b"ok"
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if self.command not in ("GET", "HEAD") and path in ("/version", "/api", "/apis", "/api/v1") or path.startswith("/openapi"):
            raise ApiError(404 if path.startswith("/openapi") else 405, "NotFound" if path.startswith("/openapi") else "MethodNotAllowed",
                           "the server could not find the requested resource" if path.startswith("/openapi") else "method not allowed")
        if path == "/version":
            return self.send_json(200, kubernetes_version(ctx.cluster))
        if path == "/api":
            return self.send_json(200, {"kind": "APIVersions", "versions": ["v1"],
                                        "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": f"127.0.0.1:{ctx.port}"}]})
        if path == "/api/v1":
            return self.send_json(200, resource_list("", "v1"))
        if path == "/apis":
            return self.send_json(200, {"kind": "APIGroupList", "apiVersion": "v1", "groups": [api_group(g) for g in GROUPS]})
        parts = path.strip("/").split("/")
        if parts[0] == "apis" and len(parts) == 2 and parts[1] in GROUPS:
            return self.send_json(200, api_group(parts[1]))
        if parts[0] == "apis" and len(parts) == 3 and parts[1] in GROUPS and parts[2] in GROUPS[parts[1]]:
            return self.send_json(200, resource_list(parts[1], parts[2]))
        if parts[0] == "api" and len(parts) >= 3 and parts[1] == "v1":
            group, version, rest = "", "v1", parts[2:]
        elif parts[0] == "apis" and len(parts) >= 4 and parts[1] in GROUPS and parts[2] in GROUPS[parts[1]]:
            group, version, rest = parts[1], parts[2], parts[3:]
        else:
            raise ApiError(404, "NotFound", "the server could not find the requested resource")
        namespace = None
        if rest[0] == "namespaces" and len(rest) >= 3 and group == "":
            namespace, rest = rest[1], rest[2:]
        elif rest[0] == "namespaces" and len(rest) >= 3:
            namespace, rest = rest[1], rest[2:]
        plural = rest[0]
        if plural not in RESOURCES or RESOURCES[plural][:2] != (group, version) or (namespace is not None and not RESOURCES[plural][3]):
            raise ApiError(404, "NotFound", "the server could not find the requested resource")
        name = rest[1] if len(rest) > 1 else None
        sub = rest[2] if len(rest) > 2 else None
        if len(rest) > 3 or (sub is not None and sub not in ("status", "eviction")):
            raise ApiError(404, "NotFound", "the server could not find the requested resource")
        if sub == "eviction" and plural != "pods":
            raise ApiError(404, "NotFound", "the server could not find the requested resource")
        if RESOURCES[plural][3] and name is not None and namespace is None:
            raise ApiError(404, "NotFound", "the server could not find the requested resource")
        with ctx.store.lock:
            if namespace is not None and name is None and self.command == "POST" and ctx.store.get("namespaces", "", namespace) is None:
                self.read_body()
                raise ApiError(404, "NotFound", f'namespaces "{namespace}" not found', {"name": namespace, "kind": "namespaces"})
        self.resource(plural, namespace, name, sub)

    # --- resources ---------------------------------------------------------------------
    def wants_table(self) -> bool:
        return "as=Table" in (self.headers.get("Accept") or "")

    def present(self, plural: str, obj: dict[str, Any]) -> dict[str, Any]:
        out = copy.deepcopy(obj)
        if plural == "poddisruptionbudgets":
            out["status"] = self.cluster_context.pdb_status(obj)
        return out

    def resource(self, plural: str, namespace: str | None, name: str | None, sub: str | None) -> None:
        store, method = self.cluster_context.store, self.command
        if name is None:
            if method in ("GET", "HEAD"):
                if self.query.get("watch") in ("1", "true", "True"):
                    return self.watch(plural, namespace)
                return self.list(plural, namespace)
            if method == "POST":
                return self.create(plural, namespace, self.parse_body())
            self.read_body()
            raise ApiError(405, "MethodNotAllowed", f"the server does not allow this method on the requested resource ({plural})")
        ns = namespace or ""
        if sub == "eviction":
            if method != "POST":
                raise ApiError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource")
            return self.evict(ns, name, self.parse_body())
        if method in ("GET", "HEAD"):
            with store.lock:
                obj = store.get(plural, ns, name)
                if obj is None:
                    raise not_found(plural, name)
                obj = self.present(plural, obj)
            if self.wants_table():
                return self.send_json(200, table(plural, [obj], obj["metadata"]["resourceVersion"], self.query.get("includeObject", "Metadata")))
            return self.send_json(200, obj)
        if method == "DELETE":
            self.read_body()
            with store.lock:
                if plural == "namespaces" and name in SYSTEM_NAMESPACES:
                    raise ApiError(403, "Forbidden", f'namespaces "{name}" is forbidden: this namespace may not be deleted')
                obj = store.delete(plural, ns, name)
                if obj is None:
                    raise not_found(plural, name)
                if plural == "namespaces":
                    for p, (_, _, _, namespaced, _) in RESOURCES.items():
                        if namespaced:
                            for child in store.list(p, name):
                                store.delete(p, name, child["metadata"]["name"])
                    obj = copy.deepcopy(obj)
                    obj["status"] = {"phase": "Terminating"}
                self.cluster_context.reconcile(force=True)
            return self.send_json(200, obj)
        if method == "PUT":
            body = self.parse_body()
            with store.lock:
                current = store.get(plural, ns, name)
                if current is None:
                    raise not_found(plural, name)
                if not isinstance(body, dict) or (body.get("metadata") or {}).get("name") != name:
                    raise ApiError(400, "BadRequest", "the name of the object does not match the name on the URL")
                sent_rv = body["metadata"].get("resourceVersion")
                if sent_rv and sent_rv != current["metadata"]["resourceVersion"]:
                    raise self.conflict(plural, name)
                new = self.merge_update(plural, current, body, sub)
            return self.send_json(200, new)
        if method == "PATCH":
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            body = self.parse_body()
            with store.lock:
                current = store.get(plural, ns, name)
                if current is None:
                    if ctype == "application/apply-patch+yaml":
                        body.setdefault("metadata", {})["name"] = name
                        return self.create(plural, namespace, body)
                    raise not_found(plural, name)
                if ctype == "application/json-patch+json":
                    patched = json_patch(current, body if isinstance(body, list) else [])
                elif ctype in ("application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml"):
                    if not isinstance(body, dict):
                        raise ApiError(400, "BadRequest", "the patch is not a JSON object")
                    sent_rv = (body.get("metadata") or {}).get("resourceVersion")
                    if sent_rv and sent_rv != current["metadata"]["resourceVersion"]:
                        raise self.conflict(plural, name)
                    patched = merge_patch(current, body)
                else:
                    raise ApiError(415, "UnsupportedMediaType", f"the body of the request was in an unknown format - accepted media types include: "
                                   "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, "
                                   f"application/strategic-merge-patch+json (got {ctype})")
                if (patched.get("metadata") or {}).get("name") != name:
                    raise ApiError(422, "Invalid", f'{RESOURCES[plural][2]} "{name}" is invalid: metadata.name: Invalid value: field is immutable')
                new = self.merge_update(plural, current, patched, sub)
            return self.send_json(200, new)
        self.read_body()
        raise ApiError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource")

    def conflict(self, plural: str, name: str) -> ApiError:
        group = RESOURCES[plural][0]
        return ApiError(409, "Conflict", f'Operation cannot be fulfilled on {plural}{"." + group if group else ""} "{name}": the object has been modified; '
                        "please apply your changes to the latest version and try again", {"name": name, "group": group, "kind": plural})

    def merge_update(self, plural: str, current: dict[str, Any], body: dict[str, Any], sub: str | None) -> dict[str, Any]:
        new = copy.deepcopy(body)
        meta = new.setdefault("metadata", {})
        for key in ("uid", "creationTimestamp", "namespace", "name"):
            if key in current["metadata"]:
                meta[key] = current["metadata"][key]
        new["kind"], new["apiVersion"] = current["kind"], current["apiVersion"]
        if sub == "status":  # the status subresource changes only .status
            new = dict(copy.deepcopy(current), status=new.get("status", current.get("status")))
        elif "status" in current and plural not in ("configmaps", "serviceaccounts", "secrets"):
            new["status"] = copy.deepcopy(current["status"])
        self.validate(plural, new, current)
        if new == current:
            return current
        store = self.cluster_context.store
        obj = store.update(plural, new)
        self.cluster_context.reconcile(force=True)
        return self.present(plural, obj)

    def validate(self, plural: str, obj: dict[str, Any], old: dict[str, Any] | None = None) -> None:
        """The API server's validation of `obj` (an update of `old` when given); 422 Invalid."""
        kind = RESOURCES[plural][2]
        if plural in RBAC_PLURALS:
            rbac_defaults(plural, obj)
        name = (obj.get("metadata") or {}).get("name") or ""
        causes: list[Any] = []
        if not name:
            causes.append(("metadata.name", "Required value: name or generateName is required", "FieldValueRequired"))
        elif plural in RBAC_PLURALS:
            causes += [("metadata.name", f"Invalid value: {json.dumps(name)}: {m}") for m in path_segment_problems(name)]
        elif len(name) > 253 or not NAME_RE.fullmatch(name) or (plural == "namespaces" and (len(name) > 63 or "." in name)):
            causes.append(("metadata.name", f'Invalid value: "{name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric '
                                            "characters, '-' or '.', and must start and end with an alphanumeric character"))
        for key, value in ((obj.get("metadata") or {}).get("labels") or {}).items():
            if not isinstance(value, str) or len(value) > 63 or (value and not re.fullmatch(r"[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?", value)):
                causes.append((f"metadata.labels", f'Invalid value: "{value}": a valid label must be an empty string or consist of alphanumeric characters'))
        if plural == "pods" and not (obj.get("spec") or {}).get("containers"):
            causes.append(("spec.containers", "Required value"))
        if plural == "poddisruptionbudgets":
            spec = obj.get("spec") or {}
            if "minAvailable" in spec and "maxUnavailable" in spec:
                causes.append(("spec", "Invalid value: minAvailable and maxUnavailable cannot be both set"))
        if plural == "configmaps":
            for key, value in (obj.get("data") or {}).items():
                if not isinstance(value, str):
                    causes.append((f"data[{key}]", "Invalid value: must be a string"))
        if plural in RBAC_PLURALS:
            causes += rbac_problems(plural, obj, old)
        if causes:
            # apimachinery's NewInvalid: "<Kind>.<group> "<name>" is invalid: <one error>" or "...: [<e1>, <e2>]"
            group = RESOURCES[plural][0]
            errors = [f"{c[0]}: {c[1]}" for c in causes]
            message = f'{kind}{"." + group if group else ""} "{name}" is invalid: ' + (errors[0] if len(errors) == 1 else f"[{', '.join(errors)}]")
            raise ApiError(422, "Invalid", message, {"name": name, "group": group, "kind": kind,
                                                      "causes": [{"reason": c[2] if len(c) > 2 else "FieldValueInvalid", "message": c[1], "field": c[0]}
                                                                 for c in causes]})

    def create(self, plural: str, namespace: str | None, body: Any) -> None:
        store = self.cluster_context.store
        if not isinstance(body, dict):
            raise ApiError(400, "BadRequest", "the body is not a JSON object")
        if body.get("kind") and body["kind"] != RESOURCES[plural][2]:
            raise ApiError(400, "BadRequest", f"the object provided is unrecognized (must be of type {RESOURCES[plural][2]})")
        meta = body.setdefault("metadata", {})
        if not meta.get("name") and meta.get("generateName"):
            meta["name"] = meta["generateName"] + rand_suffix()
        if RESOURCES[plural][3]:
            if meta.get("namespace") and namespace and meta["namespace"] != namespace:
                raise ApiError(400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request")
            meta["namespace"] = namespace or meta.get("namespace") or "default"
        else:
            meta.pop("namespace", None)
        for key in ("uid", "resourceVersion", "creationTimestamp", "deletionTimestamp"):
            meta.pop(key, None)
        self.validate(plural, body)
        with store.lock:
            if RESOURCES[plural][3] and store.get("namespaces", "", meta["namespace"]) is None:
                raise ApiError(404, "NotFound", f'namespaces "{meta["namespace"]}" not found', {"name": meta["namespace"], "kind": "namespaces"})
            if plural == "pods":
                body.setdefault("status", {"phase": "Pending"})
                spec = body["spec"]
                if not spec.get("hostNetwork") and has_windows_node_selector(spec) and windows_ipam_problem(self.cluster_context, check_role=False) is None:
                    # The VPC resource controller's pod webhook: a Windows pod's first container
                    # gets one vpc.amazonaws.com/PrivateIPv4Address (limit and request).
                    res = spec["containers"][0].setdefault("resources", {})
                    res.setdefault("limits", {})[WINDOWS_IP_RESOURCE] = "1"
                    res.setdefault("requests", {})[WINDOWS_IP_RESOURCE] = "1"
                body["spec"].setdefault("tolerations", [
                    {"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300},
                    {"key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300}])
                node = body["spec"].get("nodeName")
                if node and store.get("nodes", "", node) is None:
                    body["status"] = {"phase": "Pending"}
            if plural == "namespaces":
                body["status"] = {"phase": "Active"}
                body["spec"] = {"finalizers": ["kubernetes"]}
                meta.setdefault("labels", {})["kubernetes.io/metadata.name"] = meta["name"]
            obj = store.create(plural, body)
            if plural == "namespaces":
                store.create("serviceaccounts", {"metadata": {"name": "default", "namespace": meta["name"]}})
            self.cluster_context.reconcile(force=True)
            obj = self.present(plural, store.get(plural, meta.get("namespace", "") if RESOURCES[plural][3] else "", meta["name"]) or obj)
        self.send_json(201, obj)

    def matching(self, plural: str, namespace: str | None) -> tuple[list[dict[str, Any]], Any, Any]:
        labels = parse_label_selector(self.query.get("labelSelector", ""))
        fields = parse_field_selector(self.query.get("fieldSelector", ""))
        items = [self.present(plural, o) for o in self.cluster_context.store.list(plural, namespace)
                 if labels_match(o["metadata"].get("labels") or {}, labels) and fields_match(o, fields)]
        return items, labels, fields

    def list(self, plural: str, namespace: str | None) -> None:
        store = self.cluster_context.store
        with store.lock:
            items, _, _ = self.matching(plural, namespace)
            rv = str(store.rv)
        meta: dict[str, Any] = {"resourceVersion": rv}
        limit = int(self.query.get("limit") or 0)
        start = 0
        if self.query.get("continue"):
            try:
                start = int(base64.urlsafe_b64decode(self.query["continue"].encode()).decode())
            except (ValueError, binascii.Error):
                raise ApiError(400, "BadRequest", "continue key is not valid")
        items = items[start:]
        if limit and len(items) > limit:
            items = items[:limit]
            meta["continue"] = base64.urlsafe_b64encode(str(start + limit).encode()).decode()
            meta["remainingItemCount"] = len(self.matching(plural, namespace)[0]) - start - limit
        if self.wants_table():
            out = table(plural, items, rv, self.query.get("includeObject", "Metadata"))
            out["metadata"].update(meta)
            return self.send_json(200, out)
        kind = RESOURCES[plural][2]
        self.send_json(200, {"kind": f"{kind}List", "apiVersion": api_version(plural), "metadata": meta,
                             "items": [dict(o) for o in items]})

    def watch(self, plural: str, namespace: str | None) -> None:
        ctx = self.cluster_context
        store = ctx.store
        labels = parse_label_selector(self.query.get("labelSelector", ""))
        fields = parse_field_selector(self.query.get("fieldSelector", ""))
        timeout = float(self.query.get("timeoutSeconds") or 1800)
        deadline = time.monotonic() + timeout
        as_table = self.wants_table()

        def matches(obj: dict[str, Any]) -> bool:
            return (namespace is None or obj["metadata"].get("namespace", "") == namespace) and \
                labels_match(obj["metadata"].get("labels") or {}, labels) and fields_match(obj, fields)

        def shape(obj: dict[str, Any], first: bool) -> dict[str, Any]:
            obj = self.present(plural, obj)
            if as_table:
                return table(plural, [obj], obj["metadata"]["resourceVersion"], self.query.get("includeObject", "Metadata"), with_columns=first)
            return obj

        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Cache-Control", "no-cache, private")
        self.end_headers()
        self.close_connection = True

        def emit(kind: str, obj: dict[str, Any], first: bool) -> None:
            line = json.dumps({"type": kind, "object": shape(obj, first)}).encode() + b"\n"
            self.wfile.write(f"{len(line):x}\r\n".encode() + line + b"\r\n")
            self.wfile.flush()

        first = True
        with store.lock:
            rv = self.query.get("resourceVersion")
            if rv and rv != "0":
                cursor = int(rv)
                pending: list[tuple[str, dict[str, Any]]] = []
            else:
                cursor = store.rv
                pending = [("ADDED", o) for o in store.list(plural) if matches(o)]
        try:
            for kind, obj in pending:
                emit(kind, obj, first)
                first = False
            while not ctx.stopped.is_set() and time.monotonic() < deadline:
                with store.lock:
                    events = [e for e in store.events if e[0] > cursor and e[1] == plural]
                    if not events:
                        store.changed.wait(timeout=min(0.5, max(deadline - time.monotonic(), 0.01)))
                        events = [e for e in store.events if e[0] > cursor and e[1] == plural]
                    cursor = max([cursor] + [e[0] for e in store.events])
                for _, _, kind, obj in events:
                    if matches(obj):
                        emit(kind, obj, first)
                        first = False
                if not events:
                    ctx.reconcile(force=False)
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError, OSError):
            pass

    def evict(self, namespace: str, name: str, body: Any) -> None:
        ctx = self.cluster_context
        store = ctx.store
        if not isinstance(body, dict) or body.get("kind") not in (None, "Eviction"):
            raise ApiError(400, "BadRequest", "the body is not an Eviction")
        with store.lock:
            pod = store.get("pods", namespace, name)
            if pod is None:
                raise not_found("pods", name)
            refusal = ctx.eviction_refusal(pod)
            if refusal is not None:
                raise refusal
            store.delete("pods", namespace, name)
            ctx.reconcile(force=True)
        self.send_json(201, {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Success", "code": 201})


# =======================================================================================
# Wiring: hooks from eksup_moto_eks, moto patches, test routes
# =======================================================================================
def context_for(account: str, region: str, name: str) -> ClusterContext | None:
    with CONTEXTS_LOCK:
        return CONTEXTS.get((account, region, name))


def context_of_arn(arn: str, cluster_name: str) -> ClusterContext | None:
    parts = arn.split(":")
    return context_for(parts[4], parts[3], cluster_name) if len(parts) > 5 else None


def on_cluster_created(backend: Any, cluster: Any) -> None:
    _patch_moto()
    ctx = ClusterContext(backend, cluster)
    ctx.start()
    with CONTEXTS_LOCK:
        old = CONTEXTS.pop((ctx.account, ctx.region, cluster.name), None)
        CONTEXTS[(ctx.account, ctx.region, cluster.name)] = ctx
    if old is not None:
        old.stop()


def on_cluster_gone(backend: Any, cluster: Any) -> None:
    with CONTEXTS_LOCK:
        key = (backend.account_id, backend.region_name, cluster.name)
        ctx = CONTEXTS.get(key)
        if ctx is None or ctx.cluster is not cluster:
            return
        del CONTEXTS[key]
    ctx.stop()


def on_backend_reset(backend: Any) -> None:
    with CONTEXTS_LOCK:
        doomed = [k for k in CONTEXTS if k[:2] == (backend.account_id, backend.region_name)]
        contexts = [CONTEXTS.pop(k) for k in doomed]
    for ctx in contexts:
        ctx.stop()


def addon_status(addon: Any, status: str) -> str:
    """coredns is a Deployment: its add-on stays CREATING until some node is Ready."""
    if addon.addon_name != "coredns" or status != "ACTIVE" or LENIENT:
        return status
    ctx = context_of_arn(addon.addon_arn, addon.cluster_name)
    if ctx is None:
        return status
    ctx.reconcile()
    # CoreDNS runs on Linux nodes only (AWS docs: a cluster with Windows nodes needs a Linux node).
    return status if [n for n in ctx.ready_nodes() if not node_is_windows(n)] else "CREATING"


def nodegroup_join_check(nodegroup: Any) -> list[str]:
    """The instances of a managed nodegroup that are not Ready nodes (for NodeCreationFailure)."""
    ctx = context_of_arn(nodegroup.arn, nodegroup.cluster_name)
    if ctx is None or LENIENT:
        return []
    ctx.reconcile(force=True)
    from moto.autoscaling.models import autoscaling_backends

    group = autoscaling_backends[ctx.account][ctx.region].autoscaling_groups.get(nodegroup.__dict__.get("_eksup_asg"))
    if group is None:
        return []
    ids = [s.instance.id for s in group.instance_states if s.instance.state in ("pending", "running")]
    return [i for i in ids if not ctx.node_status.get(i, {}).get("ready")]


def node_versions(cluster: Any) -> list[tuple[str, str]]:
    """(name, kubelet version) of the cluster's nodes (for the Kubelet version skew insight)."""
    ctx = context_of_arn(cluster.arn, cluster.name)
    if ctx is None:
        return []
    ctx.reconcile(force=True)
    with ctx.store.lock:
        return [(n["metadata"]["name"], n.get("status", {}).get("nodeInfo", {}).get("kubeletVersion", "")) for n in ctx.store.list("nodes")]


def nodegroup_drain(nodegroup: Any, instance_ids: list[str], force: bool) -> list[str]:
    """Drain the nodes of a managed node group's instances (its rolling update); returns the
    nodes whose pods could not be evicted."""
    ctx = context_of_arn(nodegroup.arn, nodegroup.cluster_name)
    if ctx is None:
        return []
    ec2 = _ec2(ctx)
    names = []
    for instance_id in instance_ids:
        try:
            names.append(node_name(ec2.get_instance(instance_id), ctx.region))
        except Exception:
            continue
    return ctx.drain(names, force)


def map_managed_role(backend: Any, cluster: Any, nodegroup: Any) -> None:
    """EKS lets a managed nodegroup's role join: an EC2_LINUX access entry (API modes) or an
    aws-auth mapping (CONFIG_MAP); for the WINDOWS_* AMI types an EC2_WINDOWS entry, or a mapping
    with eks:kube-proxy-windows too. A role that already has an entry or mapping keeps it."""
    mode = cluster.access_config.get("authenticationMode", "CONFIG_MAP")
    windows = str(getattr(nodegroup, "ami_type", "") or "").startswith("WINDOWS_")
    if "API" in mode:
        entries = eks._access_entries(cluster)
        if nodegroup.node_role not in entries:
            try:
                entries[nodegroup.node_role] = eks.AccessEntry(backend, cluster, nodegroup.node_role,
                                                               {"type": "EC2_WINDOWS" if windows else "EC2_LINUX"})
            except Exception:
                traceback.print_exc()
        return
    ctx = context_for(backend.account_id, backend.region_name, cluster.name)
    if ctx is None:
        return
    with ctx.store.lock:
        name = nodegroup.node_role.rsplit("/", 1)[-1]
        rolearn = f"{nodegroup.node_role.split(':role/')[0]}:role/{name}"
        groups = ["system:bootstrappers", "system:nodes"] + ([WINDOWS_NODE_GROUP] if windows else [])
        entry = {"groups": groups, "rolearn": rolearn, "username": "system:node:{{EC2PrivateDNSName}}"}
        cm = ctx.store.get("configmaps", "kube-system", "aws-auth")
        if cm is None:
            ctx.store.create("configmaps", {"metadata": {"name": "aws-auth", "namespace": "kube-system"},
                                            "data": {"mapRoles": yaml.safe_dump([entry], sort_keys=True)}})
            return
        try:
            roles = yaml.safe_load((cm.get("data") or {}).get("mapRoles") or "[]") or []
        except yaml.YAMLError:
            return
        if any(isinstance(r, dict) and r.get("rolearn") == rolearn for r in roles):
            return
        cm = copy.deepcopy(cm)
        cm.setdefault("data", {})["mapRoles"] = yaml.safe_dump(roles + [entry], sort_keys=True)
        ctx.store.update("configmaps", cm)


_PATCHED = False


def _patch_moto() -> None:
    """EC2/ASG fidelity the node rules rely on (applied when the first cluster is created,
    i.e. after moto imported EC2; class-level, so they apply to existing objects too):
    * Instance.private_dns_name: ip-a-b-c-d.<region>.compute.internal (moto said ec2.internal
      for instances its Auto Scaling launched: their region_name defaulted to us-east-1).
    * Auto Scaling groups spread instances over their subnets (moto: all in the first one).
    * run_instances with a launch template associates the template's instance profile (moto
      ignores it), so describe-instances shows IamInstanceProfile as on AWS."""
    global _PATCHED
    if _PATCHED:
        return
    _PATCHED = True
    from moto.autoscaling.models import FakeAutoScalingGroup
    from moto.ec2.models.instances import Instance, InstanceBackend

    def private_dns_name(self: Any) -> str:
        return node_name(self, self.ec2_backend.region_name)

    Instance.private_dns_name = property(private_dns_name)

    original_replace = FakeAutoScalingGroup.replace_autoscaling_group_instances

    def replace_autoscaling_group_instances(self: Any, count_needed: int, propagated_tags: dict[str, str]) -> None:
        subnets = [s for s in (self.vpc_zone_identifier or "").split(",") if s]
        if len(subnets) < 2 or count_needed <= 1 and not self.instance_states:
            return original_replace(self, count_needed, propagated_tags)
        counts = {s: 0 for s in subnets}
        for state in self.instance_states:
            if state.instance.subnet_id in counts:
                counts[state.instance.subnet_id] += 1
        saved = self.vpc_zone_identifier
        try:
            for _ in range(count_needed):
                subnet = min(subnets, key=lambda s: counts[s])
                self.vpc_zone_identifier = subnet
                original_replace(self, 1, dict(propagated_tags))
                counts[subnet] += 1
        finally:
            self.vpc_zone_identifier = saved

    FakeAutoScalingGroup.replace_autoscaling_group_instances = replace_autoscaling_group_instances

    original_run = InstanceBackend.run_instances

    def run_instances(self: Any, image_id: str, count: int, user_data: Any, security_group_names: list[str], **kwargs: Any) -> Any:
        reservation = original_run(self, image_id, count, user_data, security_group_names, **kwargs)
        if kwargs.get("launch_template"):
            try:
                data = self._get_template_from_args(kwargs["launch_template"]).data
                spec = data.get("IamInstanceProfile") or {}
                for inst in reservation.instances:
                    if (spec.get("Arn") or spec.get("Name")) and inst.id not in self.iam_instance_profile_associations:
                        self.associate_iam_instance_profile(instance_id=inst.id, iam_instance_profile_name=spec.get("Name"),
                                                            iam_instance_profile_arn=spec.get("Arn"))
            except Exception:
                pass  # an unknown profile: the node rules report it
        return reservation

    InstanceBackend.run_instances = run_instances


def _node_status_route(route: str, query: dict[str, str]) -> tuple[int, bytes] | None:
    parts = route.split("/")
    if len(parts) not in (2, 3) or parts[0] != "kubernetes" or (len(parts) == 3 and parts[2] != "node-status"):
        return None
    with CONTEXTS_LOCK:
        found = [c for (a, r, n), c in CONTEXTS.items() if n == parts[1] and (not query.get("region") or r == query["region"])]
    if not found:
        return 404, json.dumps({"error": f"no cluster {parts[1]} with a Kubernetes API"}).encode()
    ctx = found[0]
    ctx.reconcile(force=True)
    if len(parts) == 3:
        return 200, json.dumps(sorted(ctx.node_status.values(), key=lambda s: s["instance"])).encode()
    nodes = ctx.store.list("nodes")
    return 200, json.dumps({"endpoint": ctx.cluster.endpoint, "port": ctx.port, "nodes": len(nodes), "ready": len(ctx.ready_nodes())}).encode()


def _install_test_routes() -> None:
    """Adds /eksup-test/kubernetes/... to eksup_moto.TestControl (run as __main__ or imported)."""
    for module in list(sys.modules.values()):
        control = getattr(module, "TestControl", None)
        if not isinstance(control, type) or getattr(control, "PREFIX", None) != "/eksup-test/" or getattr(control, "_eksup_k8s", False):
            continue
        original = control.control

        def patched(self: Any, environ: dict[str, Any], route: str, _original: Any = original) -> tuple[int, bytes]:
            if route.startswith("kubernetes/") and environ.get("REQUEST_METHOD", "GET") == "GET":
                query = {k: v[-1] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
                answer = _node_status_route(route, query)
                if answer is not None:
                    return answer
            return _original(self, environ, route)

        control.control = patched
        control._eksup_k8s = True


ADDON_PLURALS = ("daemonsets", "deployments", "serviceaccounts", "poddisruptionbudgets", "replicasets", "configmaps", "pods")


def _install_preserve() -> None:
    """DeleteAddon with ``preserve``: AWS's API reference, "Specifying this option preserves the
    add-on software on your cluster but Amazon EKS stops managing any settings for the add-on".
    The add-on's objects in ``kube-system`` lose the emulator's add-on annotation before the delete,
    so that the reconcile neither removes nor manages them again (they stay, and their pods keep
    running); a refused delete gives the annotation back. Without ``preserve`` they go, as before."""
    from moto.eks.responses import EKSResponse

    original = EKSResponse.delete_addon

    def delete_addon(self: Any) -> Any:
        if str(self._get_param("preserve")).lower() != "true":
            return original(self)
        backend, name = self.eks_backend, self._get_param("addonName")
        cluster = backend.clusters.get(eks._cluster_name(self))
        ctx = None if cluster is None else context_for(backend.account_id, backend.region_name, cluster.name)
        detached: list[tuple[str, dict[str, Any]]] = []
        if ctx is not None and name in eks._addons(cluster):
            with ctx.store.lock:
                for plural in ADDON_PLURALS:
                    for obj in ctx.store.list(plural, "kube-system"):
                        annotations = obj["metadata"].get("annotations") or {}
                        if annotations.get(ADDON_ANNOTATION) == name:
                            del annotations[ADDON_ANNOTATION]
                            detached.append((plural, obj))
                            ctx.store.update(plural, obj)
        try:
            return original(self)
        except Exception:
            with ctx.store.lock if ctx is not None else threading.Lock():
                for plural, obj in detached:
                    obj["metadata"].setdefault("annotations", {})[ADDON_ANNOTATION] = name
                    if ctx is not None:
                        ctx.store.update(plural, obj)
            raise

    delete_addon.__name__ = "delete_addon"
    EKSResponse.delete_addon = delete_addon


def install() -> None:
    """Apply the patches of this module (called once per process)."""
    from moto.eks.models import EKSBackend

    eks.HOOKS["cluster_created"].append(on_cluster_created)
    eks.HOOKS["cluster_deleting"].append(on_cluster_gone)
    eks.HOOKS["cluster_gone"].append(on_cluster_gone)
    eks.HOOKS["backend_reset"].append(on_backend_reset)
    eks.STATUS_HOOKS["addon"] = addon_status
    eks.NODEGROUP_JOIN_CHECK.append(nodegroup_join_check)
    eks.NODE_VERSIONS.append(node_versions)
    eks.NODEGROUP_DRAIN.append(nodegroup_drain)

    original_create_nodegroup = EKSBackend.create_nodegroup

    def create_nodegroup(self: Any, cluster_name: str, **kwargs: Any) -> Any:
        nodegroup = original_create_nodegroup(self, cluster_name=cluster_name, **kwargs)
        try:
            map_managed_role(self, self.clusters[cluster_name], nodegroup)
        except Exception:
            traceback.print_exc()
        return nodegroup

    EKSBackend.create_nodegroup = create_nodegroup
    _install_preserve()
    _install_test_routes()
