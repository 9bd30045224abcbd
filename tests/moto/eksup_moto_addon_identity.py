"""EKS add-ons' own EKS Pod Identity associations (installed by ``eksup_moto.install()``, after
``eksup_moto_eks`` and ``eksup_moto_k8s``, whose functions it wraps at install time).

Since 2024 an EKS add-on can own pod identity associations: CreateAddon and UpdateAddon take
``podIdentityAssociations: [{serviceAccount, roleArn}]``, EKS makes one association per entry in the
add-on's namespace and the add-on lists their ARNs. What AWS does, and what is modelled here (sources:
the EKS user guide "IAM roles for Amazon EKS add-ons" / "Retrieve IAM information about an Amazon EKS
add-on" / "Use Pod Identities to assign an IAM role to an Amazon EKS add-on" / "Remove Pod Identity
associations from an Amazon EKS add-on", awsdocs/amazon-eks-user-guide latest/ug/workloads/add-ons-iam.adoc;
the API reference as botocore's EKS model documents it; eksctl's pkg/actions/addon/{create,update,delete,
get}.go, pkg/actions/podidentityassociation/deleter.go and integration/tests/addons/addons_test.go, which
run against AWS):

* **DescribeAddonConfiguration** (``GET /addons/configuration-schemas?addonName=&addonVersion=``;
  moto: HTTP 404) answers ``addonName``, ``addonVersion``, ``configurationSchema`` (a JSON schema as a
  string; ours is a permissive object schema: the emulator does not validate configurationValues) and
  ``podIdentityConfiguration``: the service accounts the add-on's pods run as that EKS Pod Identity can
  serve, each with the AWS managed policies AWS recommends (``arn:<partition>:iam::aws:policy/...``),
  ``[]`` for an add-on (version) without pod identity support (``POD_IDENTITY_CONFIGURATION``):

  ====================== ===================== ================================================ ==============
  add-on                 serviceAccount        recommendedManagedPolicies                       from version
  ====================== ===================== ================================================ ==============
  vpc-cni                aws-node              AmazonEKS_CNI_Policy                             v1.15.5-eksbuild.1
  aws-ebs-csi-driver     ebs-csi-controller-sa service-role/AmazonEBSCSIDriverPolicy            v1.26.0-eksbuild.1
  aws-efs-csi-driver     efs-csi-controller-sa service-role/AmazonEFSCSIDriverPolicy            v2.0.5-eksbuild.1
  ====================== ===================== ================================================ ==============

  The EBS entry is the user guide's own example output; the minimum versions are the guide's "Pod
  Identity Support Reference" table, which also says Mountpoint for Amazon S3 and the CloudWatch
  Observability agent have no pod identity support (awslabs/mountpoint-s3-csi-driver issue 215: eksctl
  refused pod identity for aws-mountpoint-s3-csi-driver because EKS listed no configuration), so
  ``aws-mountpoint-s3-csi-driver``, ``coredns``, ``kube-proxy``, ``metrics-server`` and
  ``eks-pod-identity-agent`` answer ``[]``. vpc-cni's ``aws-node`` with AmazonEKS_CNI_Policy is what
  eksctl's integration test expects ``autoApplyPodIdentityAssociations`` to create. UNVERIFIED: the EFS
  add-on from v3.0.0 is said (re:Post) to also take ``efs-csi-node-sa`` (its recommended policy is not
  published; not modelled, the catalogue stops before v3), and whether Mountpoint v2 lists
  ``s3-csi-driver-sa`` (its driver supports pod identity from v2; not modelled).
  Unknown add-on -> ResourceNotFoundException "No addon found for name: <name>" (ours); a version not in
  the catalogue -> InvalidParameterException "Addon version specified is not supported" (AWS's CreateAddon
  wording, hashicorp/terraform-provider-aws issue 32238); a missing parameter -> InvalidParameterException
  (botocore refuses it before sending).
* **Add-on catalogue**: ``aws-efs-csi-driver`` and ``aws-mountpoint-s3-csi-driver`` (type storage) are
  added to ``eksup_moto_eks.ADDON_CATALOG`` (fictional builds, as the rest of it: EFS v2.0.4 without and
  v2.1.x with pod identity; Mountpoint v1.15 and v2.1). DescribeAddonVersions says
  ``requiresIamPermissions`` true for them (as for vpc-cni and the EBS driver; the user guide says all
  four need IAM permissions).
* **CreateAddon with podIdentityAssociations**, checked after moto's/eksup_moto_eks's own checks (cluster,
  existing add-on, cluster status, name, version) and before anything is made, in this order, each an
  error of the whole request (nothing is created):

  1. an entry without ``serviceAccount``/``roleArn`` -> InvalidParameterException "1 validation error
     detected: Value null at 'podIdentityAssociations.<n>.member.roleArn' failed to satisfy constraint:
     Member must not be null" (AWS's validation style; botocore refuses it first);
  2. a non-empty list for an add-on version whose podIdentityConfiguration is empty ->
     InvalidParameterException "Pod Identity feature is not supported for addon version: <version>"
     (AWS's: terraform-aws-modules/terraform-aws-eks issue 3520, aws/containers-roadmap issues 2712 and
     2827; on UpdateAddon without ``addonVersion`` AWS prints ``null`` there, issue 2827, and so do we);
     this is also AWS's answer for eks-pod-identity-agent, which has no configuration (eksctl refuses
     "cannot set pod identity associations for eks-pod-identity-agent addon" before calling EKS);
  3. a service account the configuration does not list -> InvalidParameterException "Service account
     <sa> in pod identity configuration is not supported for addon <name>" (AWS's, terraform-aws-eks
     issue 3520);
  4. the same service account twice -> InvalidParameterException "Duplicate service account <sa> in
     podIdentityAssociations" (ours: an association is unique per namespace and service account);
  5. ``roleArn`` of another account or empty -> "Cross-account pass role is not allowed", not an IAM role
     ARN -> "The roleArn <arn> is not a valid IAM role ARN" (as CreatePodIdentityAssociation);
  6. an association of that namespace and service account that the add-on does not own (a standalone
     one, or another add-on's) -> ResourceInUseException "Association already exists: <id>" (the user
     guide: "Add-ons can't assume ownership of existing pod identity associations. You must delete the
     existing association and re-create it using an add-on create or update operation"; eksctl's
     create.go reads a ResourceInUseException from CreateAddon as "one or more service accounts ... is
     already associated with a different IAM role; please delete all pre-existing pod identity
     associations"; the wording is CreatePodIdentityAssociation's, AWS's for CreateAddon is UNVERIFIED);
  7. the role in IAM, exactly as CreatePodIdentityAssociation checks it (``eksup_moto_eks._check_pod_role``,
     gated by EKSUP_MOTO_EKS_ROLE_CHECKS / EKSUP_MOTO_LENIENT, MOTO_IAM_ROLE_PROPAGATION_SECONDS): missing
     or not yet propagated -> InvalidParameterException "Role provided in the request does not exist"; a
     trust policy that does not let ``pods.eks.amazonaws.com`` call both sts:AssumeRole and
     sts:TagSession -> "Trust policy of the role provided is invalid" (AWS's; aws/aws-cdk issue 31522
     met it building an add-on's pod identity role).

  AWS does not require the eks-pod-identity-agent add-on for any of this (the agent may be self-managed;
  the user guide only says to confirm it is set up): the associations are made, they just give no
  credentials without an agent (the Kubernetes side below). Effect: one association per entry,
  ``namespace`` the add-on's (``namespaceConfig.namespace`` when given, else ``kube-system``, where
  these add-ons run), ``ownerArn`` the add-on's ARN, no tags, ``disableSessionTags`` false; the add-on's
  ``podIdentityAssociations`` lists their ARNs (``[]`` when none, as a real DescribeAddon shows) in every
  answer (Create/Describe/Update/DeleteAddon). An SDK retry with the ``clientRequestToken`` that created
  the add-on answers as before (``eksup_moto_eks.idempotent``), without these checks.
* **UpdateAddon**: ``podIdentityAssociations`` absent -> no change; ``[]`` -> the add-on's associations
  are deleted; a list -> it replaces the set ("all previous pod identity associations are overwritten",
  the user guide; botocore: "If an empty array is provided, existing associations owned by the add-on
  are deleted"): dropped service accounts' associations are deleted, kept ones keep their id and get
  the new role (``modifiedAt`` moves when it changes; keeping the id is our choice, AWS's is UNVERIFIED),
  new ones are made. Checked as CreateAddon (1-7, against the version the update asks for, else the
  installed one; the add-on's own associations are no conflict), after the add-on's existence and
  status. The update record gets a param ``{"type": "PodIdentityAssociations", "value": <the list given,
  compact JSON>}`` (the UpdateParamType enum has it; its value format is UNVERIFIED). The user guide: EKS
  then restarts the add-on's pods (not modelled).
* **DeleteAddon** deletes the add-on's associations ("If you delete the add-on, the pod identity
  association is also deleted"), at once (eksctl's integration test finds them gone right after
  ``delete addon``); with ``preserve=true`` they stay ("You can prevent this cascading delete by using
  the preserve option") and are no longer owned: ``ownerArn`` is gone (an inference: eksctl's
  integration test deletes the preserved association with ``eksctl delete podidentityassociation``,
  which refuses any association that has an ``ownerArn``).
* **DescribePodIdentityAssociation / ListPodIdentityAssociations** show ``ownerArn`` for an add-on's
  association (API reference: "If defined, the association is owned by an Amazon EKS add-on"; the user
  guide's list example shows it in the summary). **DeletePodIdentityAssociation / UpdatePodIdentity
  Association** of an add-on's association are allowed ("You also can directly update or delete the pod
  identity association if necessary", the user guide; eksctl refuses it on its side only); a deleted one
  leaves the add-on's list. **CreatePodIdentityAssociation** for a service account an add-on's association
  serves -> ResourceInUseException "Association already exists: <id>" (as for any association).
* **Kubernetes side** (``eksup_moto_k8s.cni_problem`` wrapped): aws-node (kube-system/aws-node) may get
  its EC2 permissions from a pod identity association of kube-system/aws-node, standalone or the
  vpc-cni add-on's, while the eks-pod-identity-agent add-on is ACTIVE (the agent serves the credentials,
  EKS user guide "pod-id-agent-setup"), through a role that exists, whose trust policy lets
  pods.eks.amazonaws.com call sts:AssumeRole and sts:TagSession, and that has what today's rule asks of
  aws-node's role (``eksup_moto_k8s.cni_permissions_problem``: AmazonEKS_CNI_Policy; in an IPv6 cluster
  the IPv6 mode's actions, ``eksup_moto_ipv6``). Which credentials aws-node uses when several are configured
  follows the SDK's credential provider chain (AWS SDKs and Tools reference guide "Understand the
  credential provider chain": web identity, i.e. IRSA, comes before the container provider that EKS Pod
  Identity uses; the EKS user guide: "If your workloads currently use credentials that are earlier in the
  chain of credentials, those credentials will continue to be used even if you configure an EKS Pod
  Identity association for the same workload"), except that for the add-on's own associations EKS
  itself drops IRSA: "You can specify both an IRSA serviceAccountRoleArn and a pod identity association
  for an add-on. If the EKS pod identity agent is installed on the cluster, the serviceAccountRoleArn will
  be ignored, and EKS will use the provided pod identity association. If Pod Identity is not enabled, the
  serviceAccountRoleArn will be used." So: the vpc-cni add-on's own association with the agent ACTIVE ->
  the association decides (even if serviceAccountRoleArn would work); a standalone association and a
  serviceAccountRoleArn -> IRSA decides (today's rule); an association without serviceAccountRoleArn ->
  the association decides, and without an ACTIVE agent it gives nothing. The node role with
  AmazonEKS_CNI_Policy still makes aws-node work whatever else is configured (today's rule, kept;
  approximation: a pod whose chain stops at a broken earlier provider would fail on AWS). NotReady
  messages say what is missing ("aws-node's pod identity association a-... (role arn:...) gives no
  credentials: the eks-pod-identity-agent add-on is not ACTIVE", "... the role does not exist", "... its
  trust policy does not allow pods.eks.amazonaws.com sts:AssumeRole and sts:TagSession", "aws-node's
  pod identity role <name> lacks AmazonEKS_CNI_Policy"). Not modelled: a ``targetRoleArn`` (the
  association's own role is checked), session policies, the pod restart.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable

from moto.core.responses import ActionResult
from moto.eks import urls as eks_urls
from moto.eks.models import Cluster
from moto.eks.responses import EKSResponse
from moto.core.utils import utcnow

import eksup_moto_eks as eks

DEFAULT_NAMESPACE = "kube-system"

# add-on -> (oldest version with pod identity support, [(service account, [AWS managed policies])]).
POD_IDENTITY_CONFIGURATION: dict[str, tuple[str, list[tuple[str, list[str]]]]] = {
    "vpc-cni": ("v1.15.5-eksbuild.1", [("aws-node", ["AmazonEKS_CNI_Policy"])]),
    "aws-ebs-csi-driver": ("v1.26.0-eksbuild.1", [("ebs-csi-controller-sa", ["service-role/AmazonEBSCSIDriverPolicy"])]),
    "aws-efs-csi-driver": ("v2.0.5-eksbuild.1", [("efs-csi-controller-sa", ["service-role/AmazonEFSCSIDriverPolicy"])]),
}

# Add-ons added to eksup_moto_eks.ADDON_CATALOG: name -> (type, [(version, oldest k8s, newest k8s)]).
EXTRA_CATALOG: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "aws-efs-csi-driver": ("storage", [("v2.0.4-eksbuild.1", "1.28", "1.30"), ("v2.1.9-eksbuild.1", "1.28", "1.35")]),
    "aws-mountpoint-s3-csi-driver": ("storage", [("v1.15.0-eksbuild.1", "1.28", "1.33"), ("v2.1.0-eksbuild.1", "1.28", "1.35")]),
}
REQUIRES_IAM = {"vpc-cni", "aws-ebs-csi-driver", "aws-efs-csi-driver", "aws-mountpoint-s3-csi-driver"}

CONFIGURATION_SCHEMA = json.dumps({"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "additionalProperties": True,
                                   "properties": {}})

AGENT = "eks-pod-identity-agent"
AWS_NODE = ("kube-system", "aws-node")


# ---------------------------------------------------------------------------------------
# The add-on versions' podIdentityConfiguration
# ---------------------------------------------------------------------------------------
def _version_key(version: str) -> tuple[int, ...]:
    """v1.15.5-eksbuild.1 -> (1, 15, 5, 1)."""
    return tuple(int(n) for n in re.findall(r"\d+", version or ""))


def pod_identity_configuration(addon: str, version: str | None, partition: str = "aws") -> list[dict[str, Any]]:
    """DescribeAddonConfiguration's podIdentityConfiguration for a version of an add-on ([] = none)."""
    spec = POD_IDENTITY_CONFIGURATION.get(addon)
    if spec is None or not version or _version_key(version) < _version_key(spec[0]):
        return []
    return [{"serviceAccount": sa, "recommendedManagedPolicies": [f"arn:{partition}:iam::aws:policy/{p}" for p in policies]}
            for sa, policies in spec[1]]


def describe_addon_configuration(self: EKSResponse) -> ActionResult:
    name, version = self._get_param("addonName"), self._get_param("addonVersion")
    for field, value in (("addonName", name), ("addonVersion", version)):
        if not value:
            raise eks._invalid_parameter(f"1 validation error detected: Value null at '{field}' failed to satisfy constraint: Member must not be null")
    if name not in eks.ADDON_CATALOG:
        raise eks._not_found(f"No addon found for name: {name}")
    if version not in {spec[0] for spec in eks.ADDON_CATALOG[name][1]}:
        raise eks._invalid_parameter("Addon version specified is not supported")
    return ActionResult({"addonName": name, "addonVersion": version, "configurationSchema": CONFIGURATION_SCHEMA,
                         "podIdentityConfiguration": pod_identity_configuration(name, version, self.eks_backend.partition)})


# ---------------------------------------------------------------------------------------
# Ownership
# ---------------------------------------------------------------------------------------
def owner_arn(association: Any) -> str | None:
    return association.__dict__.get("_eksup_owner_arn")


def owned(cluster: Cluster, addon: Any) -> list[Any]:
    """The cluster's associations the add-on owns, oldest first."""
    return sorted((a for a in eks._pod_identities(cluster).values() if owner_arn(a) == addon.addon_arn), key=lambda a: a.created_at)


def _addon_arns(addon: Any) -> list[str]:
    cluster = addon.__dict__.get("_eksup_cluster")
    return [] if cluster is None else [a.association_arn for a in owned(cluster, addon)]


def _namespace(addon: Any) -> str:
    return getattr(addon, "namespace", None) or DEFAULT_NAMESPACE


# ---------------------------------------------------------------------------------------
# Checks shared by CreateAddon and UpdateAddon
# ---------------------------------------------------------------------------------------
def _entries(raw: Any) -> list[tuple[str, str]]:
    """The (serviceAccount, roleArn) entries of a podIdentityAssociations parameter (check 1)."""
    if not isinstance(raw, list):
        raise eks._invalid_parameter("podIdentityAssociations must be a list of {serviceAccount, roleArn}")
    entries = []
    for n, entry in enumerate(raw, 1):
        entry = entry if isinstance(entry, dict) else {}
        for field in ("serviceAccount", "roleArn"):
            if entry.get(field) is None:
                raise eks._invalid_parameter(f"1 validation error detected: Value null at 'podIdentityAssociations.{n}.member.{field}' "
                                             "failed to satisfy constraint: Member must not be null")
        entries.append((entry["serviceAccount"], entry["roleArn"]))
    return entries


def check_associations(self: EKSResponse, cluster: Cluster, addon_name: str, version: str | None, asked_version: str | None,
                       namespace: str, raw: Any, addon: Any = None) -> list[tuple[str, str]]:
    """Checks 2-7 of the module docstring; returns the entries. `addon`: the add-on being updated
    (its own associations are no conflict)."""
    entries = _entries(raw)
    if not entries:
        return entries
    configuration = pod_identity_configuration(addon_name, version, self.eks_backend.partition)
    if not configuration:
        raise eks._invalid_parameter(f"Pod Identity feature is not supported for addon version: {asked_version or 'null'}")
    supported = {c["serviceAccount"] for c in configuration}
    seen: set[str] = set()
    for service_account, _ in entries:
        if service_account not in supported:
            raise eks._invalid_parameter(f"Service account {service_account} in pod identity configuration is not supported for addon {addon_name}")
        if service_account in seen:
            raise eks._invalid_parameter(f"Duplicate service account {service_account} in podIdentityAssociations")
        seen.add(service_account)
    for _, role_arn in entries:
        eks._check_pod_role_arn(self.eks_backend, role_arn)
    mine = None if addon is None else addon.addon_arn
    for existing in eks._pod_identities(cluster).values():
        if existing.namespace == namespace and existing.service_account in seen and (mine is None or owner_arn(existing) != mine):
            raise eks._in_use(f"Association already exists: {existing.association_id}")
    for _, role_arn in entries:
        eks._check_pod_role(self.eks_backend, role_arn)
    return entries


def _make(self: EKSResponse, cluster: Cluster, addon: Any, service_account: str, role_arn: str) -> Any:
    association = eks.PodIdentityAssociation(self.eks_backend, cluster, _namespace(addon), service_account,
                                             {"roleArn": role_arn, "disableSessionTags": False, "tags": {}})
    association._eksup_owner_arn = addon.addon_arn
    eks._pod_identities(cluster)[association.association_id] = association
    return association


def _with_arns(result: Any, addon: Any) -> Any:
    if isinstance(result, ActionResult) and isinstance(result.result, dict) and isinstance(result.result.get("addon"), dict):
        result.result["addon"]["podIdentityAssociations"] = _addon_arns(addon)
    return result


# ---------------------------------------------------------------------------------------
# CreateAddon / UpdateAddon / DeleteAddon / DeletePodIdentityAssociation
# ---------------------------------------------------------------------------------------
def _retry_of_create(self: EKSResponse, existing: Any) -> bool:
    """An SDK retry of the request that created the add-on (eksup_moto_eks.idempotent answers it)."""
    token = self._get_param("clientRequestToken")
    saved = None if existing is None else existing.__dict__.get("_eksup_create")
    return bool(token) and saved is not None and saved[0] == token and saved[1] == eks._request_fingerprint(self)


def wrap_create_addon(original: Callable[[EKSResponse], Any]) -> Callable[[EKSResponse], Any]:
    def create_addon(self: EKSResponse) -> Any:
        raw = self._get_param("podIdentityAssociations")
        name = self._get_param("addonName")
        cluster = self.eks_backend.clusters.get(eks._cluster_name(self))
        existing = None if cluster is None else eks._addons(cluster).get(name)
        namespace = ((self._get_param("namespaceConfig") or {}).get("namespace") or DEFAULT_NAMESPACE)
        entries: list[tuple[str, str]] = []
        if raw is not None and not _retry_of_create(self, existing):
            # The add-on's own checks first (moto's order): let the original raise them.
            version = self._get_param("addonVersion")
            if cluster is not None and existing is None and cluster.status == "ACTIVE" and name in eks.ADDON_CATALOG:
                version = version or eks._default_version(name, cluster.version)
                if version is not None:
                    eks._check_addon_version(name, version, cluster.version)
                    entries = check_associations(self, cluster, name, version, version, namespace, raw)
        result = original(self)
        addon = eks._addons(self.eks_backend.clusters[eks._cluster_name(self)]).get(name)
        if addon is None:
            return result
        if "_eksup_cluster" not in addon.__dict__:  # made by this request
            addon._eksup_cluster = cluster
            for service_account, role_arn in entries:
                _make(self, cluster, addon, service_account, role_arn)
        return _with_arns(result, addon)

    create_addon.__name__ = "create_addon"
    return create_addon


def wrap_update_addon(original: Callable[[EKSResponse], Any]) -> Callable[[EKSResponse], Any]:
    def update_addon(self: EKSResponse) -> Any:
        raw = self._get_param("podIdentityAssociations")
        if raw is None:
            return original(self)
        cluster = eks._cluster(self.eks_backend, eks._cluster_name(self))
        addon = eks._addon(cluster, self._get_param("addonName"))
        addon.__dict__.setdefault("_eksup_cluster", cluster)
        entries: list[tuple[str, str]] = []
        if addon.status == "ACTIVE":  # else the original refuses it
            asked = self._get_param("addonVersion")
            if asked:
                eks._check_addon_version(addon.addon_name, asked, cluster.version)
            entries = check_associations(self, cluster, addon.addon_name, asked or addon.addon_version, asked, _namespace(addon), raw, addon)
        result = original(self)
        wanted = dict(entries)
        for association in owned(cluster, addon):
            role = wanted.pop(association.service_account, None)
            if role is None:
                del eks._pod_identities(cluster)[association.association_id]
            elif role != association.role_arn:
                association.role_arn = role
                association.modified_at = utcnow()
        for service_account, role_arn in entries:
            if service_account in wanted:
                _make(self, cluster, addon, service_account, role_arn)
        update = result.result.get("update") if isinstance(result, ActionResult) and isinstance(result.result, dict) else None
        if isinstance(update, dict):
            value = json.dumps([{"serviceAccount": sa, "roleArn": role} for sa, role in entries], separators=(",", ":"))
            update["params"].append({"type": "PodIdentityAssociations", "value": value})  # the stored update's list too
        return result

    update_addon.__name__ = "update_addon"
    return update_addon


def _truthy(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


def wrap_delete_addon(original: Callable[[EKSResponse], Any]) -> Callable[[EKSResponse], Any]:
    def delete_addon(self: EKSResponse) -> Any:
        preserve = _truthy(self._get_param("preserve"))
        cluster = self.eks_backend.clusters.get(eks._cluster_name(self))
        addon = None if cluster is None else eks._addons(cluster).get(self._get_param("addonName"))
        result = original(self)  # with no delete delay the add-on is gone from the cluster on return
        if addon is None:
            return result
        addon.__dict__.setdefault("_eksup_cluster", cluster)
        for association in owned(cluster, addon):
            if preserve:
                association.__dict__.pop("_eksup_owner_arn", None)
            else:
                del eks._pod_identities(cluster)[association.association_id]
        return _with_arns(result, addon)

    delete_addon.__name__ = "delete_addon"
    return delete_addon


def wrap_describe_addon_versions(original: Callable[[EKSResponse], Any]) -> Callable[[EKSResponse], Any]:
    def describe_addon_versions(self: EKSResponse) -> Any:
        result = original(self)
        for addon in (result.result.get("addons") or []) if isinstance(result, ActionResult) else []:
            for version in addon.get("addonVersions") or []:
                version["requiresIamPermissions"] = addon["addonName"] in REQUIRES_IAM
        return result

    describe_addon_versions.__name__ = "describe_addon_versions"
    return describe_addon_versions


def _wrap_shapes() -> None:
    addon_shape = eks.Addon.shape

    def shape(self: Any) -> dict[str, Any]:
        out = addon_shape(self)
        out["podIdentityAssociations"] = _addon_arns(self)
        return out

    eks.Addon.shape = shape

    for method in ("shape", "summary"):
        original = getattr(eks.PodIdentityAssociation, method)

        def with_owner(self: Any, _original: Callable[[Any], dict[str, Any]] = original) -> dict[str, Any]:
            out = _original(self)
            if owner_arn(self):
                out["ownerArn"] = owner_arn(self)
            return out

        setattr(eks.PodIdentityAssociation, method, with_owner)


# ---------------------------------------------------------------------------------------
# Kubernetes side: aws-node's credentials
# ---------------------------------------------------------------------------------------
def _aws_node_association(cluster: Cluster) -> Any:
    return next((a for a in eks._pod_identities(cluster).values() if (a.namespace, a.service_account) == AWS_NODE), None)


def wrap_cni_problem(k8s: Any) -> None:
    original = k8s.cni_problem

    def lacks(ctx: Any, role: Any) -> str | None:
        """What the role lacks for aws-node ("lacks AmazonEKS_CNI_Policy"; IPv6 clusters: the IPv6
        mode's actions), as eksup_moto_k8s.cni_permissions_problem says, or None."""
        check = getattr(k8s, "cni_permissions_problem", None)
        if check is not None:
            return check(ctx, role)
        return None if k8s.CNI_POLICY in k8s.role_policies(role) else f"lacks {k8s.CNI_POLICY}"

    def cni_problem(ctx: Any, node_role: Any) -> str | None:
        why = original(ctx, node_role)
        addons = eks._addons(ctx.cluster)
        if any(n not in addons or eks.raw_status(addons[n]) != "ACTIVE" for n in eks.NETWORKING_ADDONS):
            return why
        association = _aws_node_association(ctx.cluster)
        vpc_cni = addons["vpc-cni"]
        if association is None:
            if why is not None and not vpc_cni.service_account_role_arn:
                return why + " nor a pod identity association for kube-system/aws-node"
            return why
        if node_role is not None and lacks(ctx, node_role) is None:
            return None  # today's first path (kept)
        agent = addons.get(AGENT)
        agent_active = agent is not None and eks.raw_status(agent) == "ACTIVE"
        addon_owned = owner_arn(association) == vpc_cni.addon_arn
        if vpc_cni.service_account_role_arn and not (addon_owned and agent_active):
            return why  # IRSA: earlier in the SDK's chain, or EKS uses serviceAccountRoleArn while pod identity is off
        what = f"aws-node's pod identity association {association.association_id} (role {association.role_arn})"
        if not agent_active:
            return f"{what} gives no credentials: the {AGENT} add-on is not ACTIVE"
        try:
            role = k8s._iam(ctx).get_role_by_arn(association.role_arn)
        except Exception:
            return f"{what} gives no credentials: the role does not exist"
        if not eks._trusts_pods(role.assume_role_policy_document):
            return (f"{what} gives no credentials: its trust policy does not allow {eks.POD_IDENTITY_SERVICE} "
                    "sts:AssumeRole and sts:TagSession")
        missing = lacks(ctx, role)
        if missing is not None:
            return f"aws-node's pod identity role {role.name} {missing}"
        return None

    cni_problem.__wrapped__ = original  # type: ignore[attr-defined]
    k8s.cni_problem = cni_problem


# ---------------------------------------------------------------------------------------
# Wiring
# ---------------------------------------------------------------------------------------
def install() -> None:
    """Apply the patches (after eksup_moto_eks.install() and eksup_moto_k8s.install())."""
    import eksup_moto_k8s

    for name, spec in EXTRA_CATALOG.items():
        eks.ADDON_CATALOG.setdefault(name, spec)
    eks_urls.url_paths["{0}/addons/configuration-schemas$"] = eks_urls.response.dispatch
    EKSResponse.describe_addon_configuration = describe_addon_configuration
    EKSResponse.create_addon = wrap_create_addon(EKSResponse.create_addon)
    EKSResponse.update_addon = wrap_update_addon(EKSResponse.update_addon)
    EKSResponse.delete_addon = wrap_delete_addon(EKSResponse.delete_addon)
    EKSResponse.describe_addon_versions = wrap_describe_addon_versions(EKSResponse.describe_addon_versions)
    _wrap_shapes()
    wrap_cni_problem(eksup_moto_k8s)
