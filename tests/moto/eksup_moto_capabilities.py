"""EKS capabilities (ACK, kro, Argo CD) in eksup's moto emulator (installed by ``eksup_moto.install()``
right after ``eksup_moto_eks.install()``).

moto 5.2.5 has no capability operation (HTTP 404). This module adds CreateCapability,
DescribeCapability, ListCapabilities, UpdateCapability and DeleteCapability (paths and shapes from
botocore's EKS model: ``POST|GET /clusters/<c>/capabilities``, ``GET|POST|DELETE
/clusters/<c>/capabilities/<name>``), tags on capability ARNs, DescribeUpdate/ListUpdates with
``capabilityName``, the access entry EKS makes for a capability's role, and DeleteCluster's refusal
while capabilities exist. Like ``eksup_moto_eks`` (whose helpers, error wordings and access-entry
objects it reuses), everything lives on moto's ``Cluster`` objects, so it goes with the cluster and
with ``/moto-api/reset``; it does not edit ``eksup_moto_eks``: it adds routes and response methods,
wraps ``EKSResponse.call_action`` / ``EKSBackend.delete_cluster`` and rebinds two of that module's
helpers (``_taggable``, ``_update_target``) to versions that also know capabilities.

Sources (AWS's words unless marked *ours*):

* [API] the EKS API model in botocore (``CreateCapability`` ...), also published as the API reference
  (https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCapability.html ...).
* [ROLE] "Amazon EKS capability IAM role",
  https://docs.aws.amazon.com/eks/latest/userguide/capability-role.html
* [SEC] "Security considerations for EKS Capabilities",
  https://docs.aws.amazon.com/eks/latest/userguide/capabilities-security.html
* [WORK] "Working with capability resources",
  https://docs.aws.amazon.com/eks/latest/userguide/working-with-capabilities.html
* [ACK] "Create an ACK capability", https://docs.aws.amazon.com/eks/latest/userguide/create-ack-capability.html
* [ARGO] "Working with Argo CD", https://docs.aws.amazon.com/eks/latest/userguide/working-with-argocd.html
  and "Register target clusters", .../argocd-register-clusters.html, "Create an Argo CD capability
  using the AWS CLI", .../argocd-create-cli.html
* [CFN] "AWS::EKS::Capability" (CloudFormation template reference).

What AWS does, and what is emulated
-----------------------------------
* **CreateCapability** is checked in this order:

  1. unknown cluster -> ResourceNotFoundException "No cluster found for name: <c>." (the plugin's);
  2. InvalidParameterException for the request: a missing ``capabilityName``, ``type``, ``roleArn`` or
     ``deletePropagationPolicy`` (required by [API]; botocore checks them client-side, AWS again) ->
     "1 validation error detected: Value null at '<field>' failed to satisfy constraint: Member must
     not be null" (the plugin's wording for missing parameters); ``type`` not in ACK, KRO, ARGOCD and
     ``deletePropagationPolicy`` other than RETAIN ("Currently, the only supported value is RETAIN",
     [API]) -> "... Member must satisfy enum value set: [...]" (ours, modelled on AWS's validation
     errors); a ``capabilityName`` that is not 1 to 100 letters, digits, hyphens and underscores
     ("can contain alphanumeric characters, hyphens, and underscores", [API]; 1..100, [CFN]) (ours);
     a ``roleArn`` that is not an IAM role ARN of the partition (ours) or of another account ("The
     role must be in the same AWS account as the cluster", [ROLE]; wording ours);
     the configuration (below); tags as for the plugin's other resources (ours);
  3. InvalidRequestException "The cluster's authentication mode must be set to one of [API,
     API_AND_CONFIG_MAP] to perform this operation." (the plugin's access-entry wording) when the
     cluster's mode is CONFIG_MAP: capabilities reach the cluster through access entries [SEC], and
     AWS's EKS Blueprints for CDK say "EKS Capabilities require the cluster authentication mode to be
     set to API or API_AND_CONFIG_MAP. The legacy CONFIG_MAP mode is not supported."
     (https://awslabs.github.io/cdk-eks-blueprints/capabilities/; refused at once here, approximation);
  4. a cluster that is not ACTIVE or UPDATING -> InvalidRequestException "Cluster '<c>' is not in
     ACTIVE status" (the wording the plugin uses for create-addon and pod identity associations;
     terraform-provider-aws refuses capabilities on CREATING/DELETING/FAILED clusters only,
     internal/service/eks/capability.go);
  5. a capability of the same name on the cluster (in any status, DELETING included) ->
     ResourceInUseException "Capability <name> already exists in cluster <c>." (ours); one of the same
     type -> ResourceLimitExceededException (HTTP 400) "Cluster <c> already has a capability of type
     <T>: <name>. You can only create one Capability of each type on a given Amazon EKS cluster."
     ("You can only create one Capability of each type on a given Amazon EKS cluster", [API]; the
     error class is the one the model lists for CreateCapability, the first sentence is ours);
  6. the role in moto's IAM, gated as the plugin's other EKS role checks (``EKSUP_MOTO_EKS_ROLE_CHECKS``,
     ``EKSUP_MOTO_LENIENT``): its trust policy must Allow service ``capabilities.eks.amazonaws.com``
     both ``sts:AssumeRole`` and ``sts:TagSession`` ("All capability roles must include the following
     trust policy", [ROLE]; wildcards such as ``sts:*`` count, the actions may be in separate
     statements), else InvalidParameterException "The trust policy for the provided role is invalid.
     The policy must include sts:AssumeRole and sts:TagSession actions granting access to the AWS
     service capabilities.eks.amazonaws.com" (AWS's, quoted in public Terraform code that hit it).
     AWS answers that same message for a role IAM has not propagated yet (those Terraform users
     report it for roles created seconds earlier, and a sleep of ~20 s fixes it): a role younger
     (created, or its trust policy changed) than ``MOTO_IAM_ROLE_PROPAGATION_SECONDS`` gets it too,
     as in the plugin's other propagation checks. A role that does not exist gets it as well (ours:
     AWS's answer is not published; EKS evidently checks by assuming the role, which fails alike).

  Configuration ([API] shapes ``CapabilityConfigurationRequest``, ``ArgoCdConfigRequest``,
  ``AckConfigRequest``; InvalidParameterException, wordings ours): ``argoCd`` is "only used when
  creating or updating an Argo CD capability" and ``ack`` "only used when creating or updating an ACK
  capability" [API]: either on another type is refused. ARGOCD needs ``argoCd`` with ``awsIdc`` ("AWS
  Identity Center configured - Required for Argo CD authentication (local users are not supported)",
  [ARGO]) and ``awsIdc.idcInstanceArn`` (required by [API]) matching IAM Identity Center's own
  ``InstanceArn`` pattern ``arn:aws(-x){0,3}:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}`` (botocore's
  sso-admin model; a placeholder such as ``ssoins-<SSO Instance ID>`` is refused; the instance is not
  looked up), ``idcRegion`` a Region name; ``namespace`` a DNS-1123 label, default ``argocd`` ("the
  namespace specified in the capability configuration (defaults to argocd)", [SEC]);
  ``rbacRoleMappings`` roles in ADMIN, EDITOR, VIEWER, each role at most once (ours), each with at
  least one identity (ours) whose ``type`` is SSO_USER or SSO_GROUP and whose ``id`` matches Identity
  Store's id pattern (botocore's identitystore model, ``ResourceId``); ``networkAccess.vpceIds``
  ``vpce-`` ids (format only); ``endpointPrefix`` 1..50 of ``^[a-z0-9]([a-z0-9-]*[a-z0-9])?$`` [API].
  ACK: ``enableCrossNamespace`` a boolean, ``disabledServices`` at most 200 names of
  ``^[a-z][a-z0-9]*$`` (1..63) [API] ("An unrecognized service name is accepted and stored").

* **The capability** (``Capability`` shape): ``arn``
  ``arn:<partition>:eks:<region>:<account>:capability/<cluster>/<type in lowercase>/<name>/<uuid>``
  ([WORK]'s examples: ``capability/my-cluster/ack/my-ack/abc123``; the last part is a uuid here, as in
  the plugin's other EKS ARNs), ``health`` ``{"issues": []}``, ``tags`` (``{}`` when none),
  ``deletePropagationPolicy``, ``createdAt``/``modifiedAt`` (epoch seconds on the wire, as every EKS
  timestamp), ``version`` ``v0.6.3`` for KRO and ``3.1.8-eks-1`` for ARGOCD and none for ACK ([WORK]'s
  ListCapabilities example, taken as fixed values: approximation). ``configuration``: ACK
  ``{"ack": {"enableCrossNamespace": false}}`` ("false if you never specified a value", [API]) plus
  ``disabledServices`` as supplied when supplied; KRO ``{}``; ARGOCD ``argoCd`` with ``namespace``,
  ``awsIdc`` (``idcRegion`` the one given, else the cluster's Region (ours), and
  ``idcManagedApplicationArn`` ``arn:<partition>:sso::<account>:application/<instance id>/apl-<16
  hex>``, the sso-admin ``ApplicationArn`` pattern), ``rbacRoleMappings``, ``networkAccess`` when
  given, ``endpointPrefix`` when given, and ``serverUrl`` once ACTIVE ("The serverUrl field and the
  endpoint's DNS records are available after the capability status changes to ACTIVE", [ARGO])
  ``https://<name>-<hash>-<account>.eks-capabilities.<region>.amazonaws.com`` where <name> is the
  capability name in lowercase with ``_`` -> ``-``, cut to 41 characters, and <hash> the first 8 hex
  digits of SHA-256 of ``<capability name>/<cluster name>`` ([ARGO], "Endpoint format"; with an
  ``endpointPrefix`` the prefix takes the name's place: ours, AWS does not say how it is used).
* **Lifecycle**: the CreateCapability response says CREATING (the command "returns immediately, but
  the capability takes some time to become active", [ARGO]); the capability is CREATING for
  ``MOTO_EKS_CAPABILITY_CREATE_SECONDS`` after its creation, then ACTIVE (default 0: ACTIVE from the
  next request on). DeleteCapability answers the capability DELETING; it is listed and described as
  DELETING for ``MOTO_EKS_CAPABILITY_DELETE_SECONDS`` (default 0: until the next request), then it is
  gone (ResourceNotFoundException "No capability found for name: <name>." (ours), for describe,
  update and delete alike). Deleting one already DELETING -> ResourceInUseException "Capability <name>
  is already being deleted." (the plugin's wording). ``MOTO_EKS_CAPABILITY_SECONDS``, when set, is
  the default of both. Capabilities are swept before every EKS request. Not modelled: CREATE_FAILED,
  DEGRADED, health issues, the CRDs EKS installs.
* **The access entry EKS makes** ("Capabilities use this role ... to access Kubernetes resources in
  your cluster through automatically created access entries", [ROLE]; "When you create a capability
  with an IAM role, Amazon EKS automatically creates an access entry for that role on your cluster.
  ... The access entry includes: The IAM role ARN as the principal; Capability-specific access entry
  policies ...; Appropriate scope (cluster-wide or namespace-scoped)", [SEC]). When the capability
  becomes ACTIVE (the entry is made while CREATING, before ACTIVE, [ACK] steps 3 and 6; its exact
  moment is not published, so it exists here from ACTIVE on: a client waits for ACTIVE), the role
  gets an access entry of type STANDARD (the type that takes access policies; users associate more
  policies to it, [SEC] "Additional Kubernetes permissions", [ARGO]) made with the plugin's
  ``AccessEntry``: ``kubernetesGroups`` ``[]`` (reported empty by users), username
  ``arn:<partition>:sts::<account>:assumed-role/<role name>/{{SessionName}}`` (the STANDARD default;
  [SEC]: "The Kubernetes user name for kro follows the pattern:
  arn:aws:sts::ACCOUNT_ID:assumed-role/ROLE_NAME/KRO"), no tags (AWS documents no marking), and the
  access policies [SEC] lists ("Default access entry policies by capability"): KRO
  ``AmazonEKSKROPolicy`` (cluster), ACK ``AmazonEKSACKPolicy`` (cluster), ARGOCD
  ``AmazonEKSArgoCDClusterPolicy`` (cluster) and ``AmazonEKSArgoCDPolicy`` (namespace-scoped to the
  capability's namespace). ListAccessEntries / DescribeAccessEntry / ListAssociatedAccessPolicies show
  it; AssociateAccessPolicy adds more (the four policies above and AmazonEKSSecretReaderPolicy, which
  [SEC] tells users to associate for some ACK controllers, are added to the plugin's access-policy
  catalog: ListAccessPolicies shows them, AssociateAccessPolicy takes them); CreateAccessEntry for the
  role then fails with ResourceInUseException (users report exactly that). An access entry the user
  made for the role before (public Terraform code does this) is kept: EKS's policies are added to it.
  One role may serve several capabilities ("it can be reused for any number of capability
  resources", [ROLE]). When a capability is gone (and when UpdateCapability changes its role), the
  policies EKS associated for it and no other capability are disassociated, and the entry is deleted
  when EKS made it and no capability uses it any more (ours: AWS does not document what happens to
  the entry; a user-made entry gets back to what it was).
* **UpdateCapability** ([API]; "You can update the IAM role, configuration settings, and delete
  propagation policy"): unknown capability -> ResourceNotFoundException; a repeated request with the
  ``clientRequestToken`` of an update already made -> that update as it is now; the request checked
  as at create (roleArn, ``configuration.argoCd`` only for ARGOCD with ``rbacRoleMappings``
  ``addOrUpdateRoleMappings``/``removeRoleMappings`` and ``networkAccess``, ``configuration.ack``
  only for ACK); nothing to change -> InvalidParameterException (ours); a cluster not ACTIVE/UPDATING
  -> InvalidRequestException; a capability that is not ACTIVE (CREATING, DELETING, or UPDATING with
  an update in progress) -> ResourceInUseException "Capability <name> is currently <status> and
  cannot be updated." (ours, the plugin's add-on wording); then the new role as at create. Effect: an
  update of type ``CapabilityUpdate`` with params (UpdateParamType) ``RoleArn``,
  ``RoleMappingsToAddOrUpdate``, ``RoleMappingsToRemove``, ``NetworkAccess`` (compact JSON),
  ``EnableCrossNamespace`` (true/false), ``DisabledServices`` (JSON) for what was given (the mapping
  param names are the ones AWS's console shows, terraform-provider-aws issue 46085); it is InProgress
  and the capability UPDATING for ``MOTO_EKS_CAPABILITY_UPDATE_SECONDS`` (default 0: Successful in the
  response), the changes apply when it is Successful. Mappings: ``addOrUpdateRoleMappings`` adds the
  identities to the role's mapping (made when missing) and ``removeRoleMappings`` removes the listed
  identities (a mapping left without any goes): removing an identity needs ``removeRoleMappings``, an
  add does not replace (issue 46085). ``networkAccess`` and ``disabledServices`` replace, an omitted
  field is kept ([API]). DescribeUpdate finds a capability's update only with its ``capabilityName``
  (ResourceNotFoundException for an unknown capability), ListUpdates with ``capabilityName`` lists
  them, as for node groups and add-ons.
* **ListCapabilities**: ``CapabilitySummary`` (name, arn, type, status, version, createdAt,
  modifiedAt) in creation order, DELETING ones included; maxResults 1..100 / nextToken.
* **Tags**: TagResource / UntagResource / ListTagsForResource on capability ARNs (the plugin's
  ``_taggable`` extended).
* **Idempotency**: CreateCapability with a ``clientRequestToken`` ("If you retry a request with the
  same client request token and the same parameters after the original request has completed
  successfully, the result of the original request is returned", [API]) through the plugin's
  ``idempotent`` wrapper; UpdateCapability through its update-token memory.
* **DeleteCluster** while the cluster has capabilities (any status, DELETING ones too) ->
  ResourceInUseException (HTTP 409) "Cluster has capabilities attached" (AWS's: ekristen/aws-nuke
  issue 970; aws-samples/appmod-blueprints PR 881 retries DeleteCluster "until ACK capabilities finish
  deleting" for this error). Node groups and Fargate profiles are reported first (the plugin's checks).
* **Kubernetes side** (``eksup_moto_k8s``): when an ARGOCD capability becomes ACTIVE its namespace
  (``argocd`` by default) exists in the cluster's API, with its ``default`` service account (ours:
  the user guide applies cluster Secrets and Applications to it without creating it first, [ARGO]);
  it stays when the capability goes (RETAIN). Not modelled: CRDs, RBAC (the stand-in authorizes
  every caller).

Knobs (environment, read at install): ``MOTO_EKS_CAPABILITY_CREATE_SECONDS``,
``MOTO_EKS_CAPABILITY_DELETE_SECONDS`` (default: ``MOTO_EKS_CAPABILITY_SECONDS``, else 0),
``MOTO_EKS_CAPABILITY_UPDATE_SECONDS`` (default 0).
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import secrets
import threading
import uuid
from typing import Any, Callable

from moto.core.responses import ActionResult
from moto.core.utils import utcnow
from moto.eks import urls as eks_urls
from moto.eks.exceptions import EKSError, InvalidRequestException
from moto.eks.models import Cluster, EKSBackend
from moto.eks.responses import EKSResponse

import eksup_moto_eks as eks

TYPES = ("ACK", "KRO", "ARGOCD")
DELETE_POLICIES = ("RETAIN",)
ARGOCD_ROLES = ("ADMIN", "EDITOR", "VIEWER")
SSO_IDENTITY_TYPES = ("SSO_USER", "SSO_GROUP")
SERVICE = "capabilities.eks.amazonaws.com"
# AWS's message (see the docstring); also for roles IAM has not propagated yet.
TRUST_INVALID = ("The trust policy for the provided role is invalid. The policy must include sts:AssumeRole and sts:TagSession "
                 "actions granting access to the AWS service capabilities.eks.amazonaws.com")
# The access policies EKS associates with the capability role's access entry ([SEC]), and their scope:
# None = cluster, "namespace" = the Argo CD capability's namespace.
ACCESS_POLICIES: dict[str, list[tuple[str, str | None]]] = {
    "KRO": [("AmazonEKSKROPolicy", None)],
    "ACK": [("AmazonEKSACKPolicy", None)],
    "ARGOCD": [("AmazonEKSArgoCDClusterPolicy", None), ("AmazonEKSArgoCDPolicy", "namespace")],
}
# Access policies the capabilities documentation names, added to the plugin's catalog.
EXTRA_ACCESS_POLICIES = ("AmazonEKSACKPolicy", "AmazonEKSArgoCDClusterPolicy", "AmazonEKSArgoCDPolicy", "AmazonEKSKROPolicy",
                         "AmazonEKSSecretReaderPolicy")
VERSIONS = {"KRO": "v0.6.3", "ARGOCD": "3.1.8-eks-1"}  # [WORK]'s ListCapabilities example; ACK has none there
DEFAULT_ARGOCD_NAMESPACE = "argocd"

_NAME = re.compile(r"[A-Za-z0-9_-]{1,100}")
_IDC_INSTANCE_ARN = re.compile(r"arn:aws(-[a-z]{1,5}){0,3}:sso:::instance/((?:sso)?ins-[a-zA-Z0-9-.]{16})")
_IDENTITY_ID = re.compile(r"(arn:aws[a-z-]*:identitystore:::(user|group)/)?([0-9a-f]{10}-)?[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}"
                          r"-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}")
_REGION = re.compile(r"[a-z]{2}(-[a-z]+)+-\d{1,2}")
_VPCE = re.compile(r"vpce-[0-9a-f]{8,17}")
_ENDPOINT_PREFIX = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?")
_ACK_SERVICE = re.compile(r"[a-z][a-z0-9]{0,62}")
_DNS1123_LABEL = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?")

SECONDS = {"create": 0.0, "delete": 0.0, "update": 0.0}  # the knobs, read by install()
_LOCK = threading.RLock()


class ResourceLimitExceededException(EKSError):
    TYPE = "ResourceLimitExceededException"
    STATUS = 400


def _limit_exceeded(message: str) -> ResourceLimitExceededException:
    return ResourceLimitExceededException(clusterName=None, nodegroupName=None, message=message)


# ---------------------------------------------------------------------------------------
# The capability
# ---------------------------------------------------------------------------------------
class Capability:
    """A capability (`Capability` shape); `config` holds the type's configuration as stored."""

    def __init__(self, backend: EKSBackend, cluster: Cluster, name: str, capability_type: str, role_arn: str, policy: str,
                 config: dict[str, Any], tags: dict[str, str] | None) -> None:
        self.cluster = cluster
        self.cluster_name = cluster.name
        self.capability_name = name
        self.type = capability_type
        self.role_arn = role_arn
        self.delete_propagation_policy = policy
        self.config = config
        self.tags: dict[str, str] = dict(tags or {})
        self.created_at = self.modified_at = utcnow()
        self.deleting_since: Any = None
        self.activated = False  # the access entry (and namespace) made, once ACTIVE
        self.granted_role: str | None = None  # the role whose access entry holds our policies
        self.arn = (f"arn:{backend.partition}:eks:{backend.region_name}:{backend.account_id}:capability/"
                    f"{cluster.name}/{capability_type.lower()}/{name}/{uuid.uuid4()}")
        self.server_url: str | None = None
        if capability_type == "ARGOCD":
            argo = config["argoCd"]
            instance_id = _IDC_INSTANCE_ARN.fullmatch(argo["awsIdc"]["idcInstanceArn"]).group(2)
            argo["awsIdc"]["idcManagedApplicationArn"] = (f"arn:{backend.partition}:sso::{backend.account_id}:application/"
                                                          f"{instance_id}/apl-{secrets.token_hex(8)}")
            argo["awsIdc"].setdefault("idcRegion", backend.region_name)
            label = (argo.get("endpointPrefix") or name.lower().replace("_", "-"))[:41]
            digest = hashlib.sha256(f"{name}/{cluster.name}".encode()).hexdigest()[:8]
            self.server_url = f"https://{label}-{digest}-{backend.account_id}.eks-capabilities.{backend.region_name}.amazonaws.com"

    @property
    def target(self) -> str:
        """The target of its updates (DescribeUpdate / ListUpdates with capabilityName)."""
        return f"capability:{self.capability_name}"

    @property
    def namespace(self) -> str | None:
        return self.config["argoCd"]["namespace"] if self.type == "ARGOCD" else None

    @property
    def status(self) -> str:
        if self.deleting_since is not None:
            return "DELETING"
        if eks._age(self.created_at) < SECONDS["create"]:
            return "CREATING"
        if eks._target_in_progress(self.cluster, self.target) is not None:
            return "UPDATING"
        return "ACTIVE"

    def configuration(self, status: str) -> dict[str, Any]:
        if self.type == "ACK":
            return {"ack": copy.deepcopy(self.config.get("ack") or {"enableCrossNamespace": False})}
        if self.type == "ARGOCD":
            argo = copy.deepcopy(self.config["argoCd"])
            if status != "CREATING" and self.activated:
                argo["serverUrl"] = self.server_url
            return {"argoCd": argo}
        return {}

    def shape(self, status: str | None = None) -> dict[str, Any]:
        status = status or self.status
        out = {
            "capabilityName": self.capability_name,
            "arn": self.arn,
            "clusterName": self.cluster_name,
            "type": self.type,
            "roleArn": self.role_arn,
            "status": status,
            "configuration": self.configuration(status),
            "tags": self.tags,
            "health": {"issues": []},
            "createdAt": self.created_at,
            "modifiedAt": self.modified_at,
            "deletePropagationPolicy": self.delete_propagation_policy,
        }
        if self.type in VERSIONS:
            out["version"] = VERSIONS[self.type]
        return out

    def summary(self) -> dict[str, Any]:
        """The `CapabilitySummary` shape (ListCapabilities)."""
        out = {"capabilityName": self.capability_name, "arn": self.arn, "type": self.type, "status": self.status,
               "createdAt": self.created_at, "modifiedAt": self.modified_at}
        if self.type in VERSIONS:
            out["version"] = VERSIONS[self.type]
        return out


def _capabilities(cluster: Cluster) -> dict[str, Capability]:
    return cluster.__dict__.setdefault("_eksup_capabilities", {})


def _capability(cluster: Cluster, name: Any) -> Capability:
    try:
        return _capabilities(cluster)[name]
    except (KeyError, TypeError):
        raise eks._not_found(f"No capability found for name: {name}.")


# ---------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------
def _invalid(message: str) -> Exception:
    return eks._invalid_parameter(message)


def _check_name(name: Any) -> None:
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise eks._constraint("capabilityName", name, "Member must have length between 1 and 100 and contain only alphanumeric characters, "
                              "hyphens and underscores")


def _check_role_arn(backend: EKSBackend, arn: Any) -> None:
    parts = eks._role_arn_parts(arn)
    if parts is None or parts[0] != backend.partition:
        raise _invalid(f"The roleArn {arn} is not a valid IAM role ARN")
    if parts[1] != backend.account_id:
        raise _invalid(f"The capability role must be in the same AWS account as the cluster ({backend.account_id}): {arn}")


def _trusts_capabilities(document: Any) -> bool:
    """Whether a trust policy lets capabilities.eks.amazonaws.com call sts:AssumeRole and
    sts:TagSession (the plugin's rule for EKS Pod Identity, with this service)."""
    return eks.trusts_with_tag_session(document, SERVICE)


def _check_role(backend: EKSBackend, arn: str) -> None:
    """The role must exist, have propagated and trust capabilities.eks.amazonaws.com (see the docstring)."""
    import eksup_moto_strict as strict

    role = strict._role(arn, backend.partition)
    if strict.KNOBS.eks_role_checks and role is None:
        raise _invalid(TRUST_INVALID)
    if role is not None:
        changed = role.__dict__.get("_eksup_trust_changed_at") or role.create_date
        if strict._young(max(role.create_date, changed), "MOTO_IAM_ROLE_PROPAGATION_SECONDS"):
            raise _invalid(TRUST_INVALID)
    if strict.KNOBS.eks_role_checks and role is not None and not _trusts_capabilities(role.assume_role_policy_document):
        raise _invalid(TRUST_INVALID)


def _object(path: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _invalid(f"{path} must be an object")
    return value


def _list(path: str, value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _invalid(f"{path} must be a list")
    return value


def _bool(path: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise eks._constraint(path, value, "Member must be a boolean")
    return value


def _check_mappings(path: str, mappings: Any) -> list[dict[str, Any]]:
    """ArgoCdRoleMapping list: role in ADMIN/EDITOR/VIEWER (each once), identities (SsoIdentity) not empty."""
    out = []
    seen: set[str] = set()
    for i, mapping in enumerate(_list(path, mappings)):
        here = f"{path}.{i + 1}"
        mapping = _object(here, mapping)
        if mapping.get("role") is None:
            raise eks._null(f"{here}.role")
        eks._enum(f"{here}.role", mapping["role"], ARGOCD_ROLES)
        if mapping["role"] in seen:
            raise _invalid(f"Role {mapping['role']} is mapped more than once in {path}")
        seen.add(mapping["role"])
        if mapping.get("identities") is None:
            raise eks._null(f"{here}.identities")
        identities = _list(f"{here}.identities", mapping["identities"])
        if not identities:
            raise _invalid(f"{here}.identities must name at least one IAM Identity Center user or group")
        checked = []
        for j, identity in enumerate(identities):
            where = f"{here}.identities.{j + 1}"
            identity = _object(where, identity)
            for field in ("id", "type"):
                if identity.get(field) is None:
                    raise eks._null(f"{where}.{field}")
            eks._enum(f"{where}.type", identity["type"], SSO_IDENTITY_TYPES)
            if not isinstance(identity["id"], str) or not _IDENTITY_ID.fullmatch(identity["id"]):
                raise _invalid(f"Invalid {where}.id '{identity['id']}': not an IAM Identity Center user or group id")
            checked.append({"id": identity["id"], "type": identity["type"]})
        out.append({"role": mapping["role"], "identities": checked})
    return out


def _check_network_access(path: str, value: Any) -> dict[str, Any]:
    value = _object(path, value)
    ids = _list(f"{path}.vpceIds", value.get("vpceIds", []))
    for vpce in ids:
        if not isinstance(vpce, str) or not _VPCE.fullmatch(vpce):
            raise _invalid(f"Invalid VPC endpoint ID in {path}.vpceIds: {vpce}")
    return {"vpceIds": list(ids)}


def _check_ack(path: str, value: Any) -> dict[str, Any]:
    value = _object(path, value)
    out: dict[str, Any] = {}
    if value.get("enableCrossNamespace") is not None:
        out["enableCrossNamespace"] = _bool(f"{path}.enableCrossNamespace", value["enableCrossNamespace"])
    if value.get("disabledServices") is not None:
        services = _list(f"{path}.disabledServices", value["disabledServices"])
        if len(services) > 200:
            raise eks._constraint(f"{path}.disabledServices", services, "Member must have length less than or equal to 200")
        for service in services:
            if not isinstance(service, str) or not _ACK_SERVICE.fullmatch(service):
                raise eks._constraint(f"{path}.disabledServices", service, "Member must satisfy regular expression pattern: ^[a-z][a-z0-9]*$")
        out["disabledServices"] = list(services)
    return out


def _check_types(capability_type: str, config: dict[str, Any], path: str) -> None:
    if config.get("argoCd") is not None and capability_type != "ARGOCD":
        raise _invalid(f"{path}.argoCd can only be used with a capability of type ARGOCD (this one is {capability_type})")
    if config.get("ack") is not None and capability_type != "ACK":
        raise _invalid(f"{path}.ack can only be used with a capability of type ACK (this one is {capability_type})")


def _check_configuration(capability_type: str, config: Any) -> dict[str, Any]:
    """A CreateCapability configuration -> the one stored (see the docstring)."""
    config = {} if config is None else _object("configuration", config)
    _check_types(capability_type, config, "configuration")
    if capability_type == "ACK":
        ack = _check_ack("configuration.ack", config.get("ack") or {})
        ack.setdefault("enableCrossNamespace", False)
        return {"ack": ack}
    if capability_type != "ARGOCD":
        return {}
    if config.get("argoCd") is None:
        raise _invalid("A capability of type ARGOCD requires configuration.argoCd with awsIdc (IAM Identity Center): "
                       "Argo CD authenticates its users with IAM Identity Center")
    argo = _object("configuration.argoCd", config["argoCd"])
    if argo.get("awsIdc") is None:
        raise eks._null("configuration.argoCd.awsIdc")
    idc = _object("configuration.argoCd.awsIdc", argo["awsIdc"])
    arn = idc.get("idcInstanceArn")
    if arn is None:
        raise eks._null("configuration.argoCd.awsIdc.idcInstanceArn")
    if not isinstance(arn, str) or not _IDC_INSTANCE_ARN.fullmatch(arn):
        raise _invalid(f"Invalid idcInstanceArn '{arn}': expected the ARN of an IAM Identity Center instance, "
                       "arn:aws:sso:::instance/ssoins-<16 characters>")
    out_idc = {"idcInstanceArn": arn}
    if idc.get("idcRegion") is not None:
        if not isinstance(idc["idcRegion"], str) or not _REGION.fullmatch(idc["idcRegion"]):
            raise _invalid(f"Invalid idcRegion '{idc['idcRegion']}': not an AWS Region name")
        out_idc["idcRegion"] = idc["idcRegion"]
    namespace = argo.get("namespace")
    if namespace is None:
        namespace = DEFAULT_ARGOCD_NAMESPACE
    elif not isinstance(namespace, str) or len(namespace) > 63 or not _DNS1123_LABEL.fullmatch(namespace):
        raise _invalid(f"Invalid namespace '{namespace}': a lowercase RFC 1123 label must consist of lower case alphanumeric "
                       "characters or '-', start and end with an alphanumeric character and have at most 63 characters")
    out: dict[str, Any] = {"namespace": namespace, "awsIdc": out_idc,
                           "rbacRoleMappings": _check_mappings("configuration.argoCd.rbacRoleMappings", argo.get("rbacRoleMappings") or [])}
    if argo.get("networkAccess") is not None:
        out["networkAccess"] = _check_network_access("configuration.argoCd.networkAccess", argo["networkAccess"])
    prefix = argo.get("endpointPrefix")
    if prefix is not None:
        if not isinstance(prefix, str) or not 1 <= len(prefix) <= 50 or not _ENDPOINT_PREFIX.fullmatch(prefix):
            raise eks._constraint("configuration.argoCd.endpointPrefix", prefix, "Member must have length between 1 and 50 and satisfy "
                                  "regular expression pattern: ^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")
        out["endpointPrefix"] = prefix
    return {"argoCd": out}


def _check_cluster(cluster: Cluster) -> None:
    """Capabilities use access entries: the cluster's mode must include the API; and it must be up."""
    if cluster.access_config.get("authenticationMode") not in ("API", "API_AND_CONFIG_MAP"):
        raise InvalidRequestException(message="The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to "
                                              "perform this operation.")
    if cluster.status not in ("ACTIVE", "UPDATING"):
        raise InvalidRequestException(message=f"Cluster '{cluster.name}' is not in ACTIVE status")


# ---------------------------------------------------------------------------------------
# The access entry EKS makes for the capability role, and the Argo CD namespace
# ---------------------------------------------------------------------------------------
def _owned(entry: Any) -> dict[str, set[str]]:
    """policy ARN -> names of the capabilities for which EKS associated it with this entry."""
    return entry.__dict__.setdefault("_eksup_capability_policies", {})


def _grant(backend: EKSBackend, cluster: Cluster, capability: Capability) -> None:
    role = capability.role_arn
    entries = eks._access_entries(cluster)
    entry = entries.get(role)
    if entry is None:
        entry = eks.AccessEntry(backend, cluster, role, {"type": "STANDARD"})
        entry._eksup_made_for_capabilities = True
        entries[role] = entry
    owned = _owned(entry)
    now = utcnow()
    for name, scope in ACCESS_POLICIES[capability.type]:
        arn = eks._policy_arn(backend, name)
        if arn in owned:
            owned[arn].add(capability.capability_name)
        elif arn not in entry.policies:  # one the user associated stays theirs
            access_scope = {"type": "namespace", "namespaces": [capability.namespace]} if scope == "namespace" else {"type": "cluster"}
            entry.policies[arn] = {"policyArn": arn, "accessScope": access_scope, "associatedAt": now, "modifiedAt": now}
            owned[arn] = {capability.capability_name}
    capability.granted_role = role


def _revoke(cluster: Cluster, capability: Capability) -> None:
    role, capability.granted_role = capability.granted_role, None
    entries = eks._access_entries(cluster)
    entry = entries.get(role) if role else None
    if entry is None:
        return
    owned = _owned(entry)
    for arn, users in list(owned.items()):
        users.discard(capability.capability_name)
        if not users:
            del owned[arn]
            entry.policies.pop(arn, None)
    still_used = any(c.granted_role == role for c in _capabilities(cluster).values() if c is not capability)
    if entry.__dict__.get("_eksup_made_for_capabilities") and not still_used and entries.get(role) is entry:
        del entries[role]


def _ensure_namespace(cluster: Cluster, namespace: str) -> None:
    """The Argo CD capability's namespace in the cluster's Kubernetes API stand-in."""
    import eksup_moto_k8s as k8s

    ctx = k8s.context_of_arn(cluster.arn, cluster.name)
    if ctx is None:
        return
    store = ctx.store
    with store.lock:
        if store.get("namespaces", "", namespace) is not None:
            return
        store.create("namespaces", {"metadata": {"name": namespace, "labels": {"kubernetes.io/metadata.name": namespace}},
                                    "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}})
        store.create("serviceaccounts", {"metadata": {"name": "default", "namespace": namespace}})


def _activate(backend: EKSBackend, cluster: Cluster, capability: Capability) -> None:
    capability.activated = True
    _grant(backend, cluster, capability)
    if capability.type == "ARGOCD":
        try:
            _ensure_namespace(cluster, capability.namespace)
        except Exception:  # the Kubernetes side must never break the AWS call
            import traceback

            traceback.print_exc()


def sweep(backend: EKSBackend) -> None:
    """Before every EKS request: CREATING ones whose delay is over become ACTIVE (access entry,
    namespace), DELETING ones whose delay is over are gone (their access entry policies too)."""
    with _LOCK:
        for cluster in list(backend.clusters.values()):
            capabilities = _capabilities(cluster)
            for name, capability in list(capabilities.items()):
                if capability.deleting_since is not None:
                    if eks._age(capability.deleting_since) >= SECONDS["delete"]:
                        if capability.activated:
                            _revoke(cluster, capability)
                        del capabilities[name]
                elif not capability.activated and capability.status != "CREATING":
                    _activate(backend, cluster, capability)


# ---------------------------------------------------------------------------------------
# Operations
# ---------------------------------------------------------------------------------------
def _locked(method: Callable[[EKSResponse], Any]) -> Callable[[EKSResponse], Any]:
    def handler(self: EKSResponse) -> Any:
        with _LOCK:
            return method(self)

    handler.__name__ = method.__name__
    handler.__doc__ = method.__doc__
    return handler


@_locked
def create_capability(self: EKSResponse) -> ActionResult:
    """Checked in the order of the module docstring."""
    backend = self.eks_backend
    cluster = eks._cluster(backend, eks._cluster_name(self))
    name = eks._required(self, "capabilityName")
    _check_name(name)
    capability_type = eks._required(self, "type")
    eks._enum("type", capability_type, TYPES)
    role = eks._required(self, "roleArn")
    _check_role_arn(backend, role)
    policy = eks._required(self, "deletePropagationPolicy")
    eks._enum("deletePropagationPolicy", policy, DELETE_POLICIES)
    config = _check_configuration(capability_type, self._get_param("configuration"))
    tags = self._get_param("tags")
    eks._check_tags(tags)
    _check_cluster(cluster)
    capabilities = _capabilities(cluster)
    if name in capabilities:
        raise eks._in_use(f"Capability {name} already exists in cluster {cluster.name}.")
    same = [c.capability_name for c in capabilities.values() if c.type == capability_type]
    if same:
        raise _limit_exceeded(f"Cluster {cluster.name} already has a capability of type {capability_type}: {same[0]}. "
                              "You can only create one Capability of each type on a given Amazon EKS cluster.")
    _check_role(backend, role)
    capability = Capability(backend, cluster, name, capability_type, role, policy, config, tags)
    capabilities[name] = capability
    return ActionResult({"capability": capability.shape("CREATING")})


@_locked
def describe_capability(self: EKSResponse) -> ActionResult:
    cluster = eks._cluster(self.eks_backend, eks._cluster_name(self))
    return ActionResult({"capability": _capability(cluster, self._get_param("capabilityName")).shape()})


@_locked
def list_capabilities(self: EKSResponse) -> ActionResult:
    cluster = eks._cluster(self.eks_backend, eks._cluster_name(self))
    page, token = eks._page([c.summary() for c in _capabilities(cluster).values()], self)
    return ActionResult({"capabilities": page, "nextToken": token})


@_locked
def delete_capability(self: EKSResponse) -> ActionResult:
    """Answers the capability, DELETING."""
    cluster = eks._cluster(self.eks_backend, eks._cluster_name(self))
    capability = _capability(cluster, self._get_param("capabilityName"))
    if capability.deleting_since is not None:
        raise eks._in_use(f"Capability {capability.capability_name} is already being deleted.")
    capability.deleting_since = utcnow()
    return ActionResult({"capability": capability.shape()})


def _merge_mappings(current: list[dict[str, Any]], add: list[dict[str, Any]], remove: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """addOrUpdateRoleMappings adds identities to a role's mapping; removeRoleMappings takes the
    listed identities away (a mapping left empty goes)."""
    by_role = {m["role"]: [dict(i) for i in m["identities"]] for m in current}
    for mapping in add:
        identities = by_role.setdefault(mapping["role"], [])
        identities += [i for i in mapping["identities"] if i not in identities]
    for mapping in remove:
        if mapping["role"] in by_role:
            by_role[mapping["role"]] = [i for i in by_role[mapping["role"]] if i not in mapping["identities"]]
    return [{"role": role, "identities": ids} for role, ids in by_role.items() if ids]


@_locked
def update_capability(self: EKSResponse) -> ActionResult:
    """See the module docstring (UpdateCapability)."""
    backend = self.eks_backend
    cluster = eks._cluster(backend, eks._cluster_name(self))
    capability = _capability(cluster, self._get_param("capabilityName"))
    replayed = eks._replayed_update(self, cluster)
    if replayed is not None:
        return replayed
    params: list[dict[str, str]] = []
    changes: list[Callable[[], None]] = []
    role = self._get_param("roleArn")
    if role is not None:
        _check_role_arn(backend, role)
        params.append({"type": "RoleArn", "value": role})
    policy = self._get_param("deletePropagationPolicy")
    if policy is not None:
        eks._enum("deletePropagationPolicy", policy, DELETE_POLICIES)
    config = self._get_param("configuration")
    config = {} if config is None else _object("configuration", config)
    _check_types(capability.type, config, "configuration")
    argo = _object("configuration.argoCd", config["argoCd"]) if config.get("argoCd") is not None else {}
    if argo.get("rbacRoleMappings") is not None:
        mappings = _object("configuration.argoCd.rbacRoleMappings", argo["rbacRoleMappings"])
        add = _check_mappings("configuration.argoCd.rbacRoleMappings.addOrUpdateRoleMappings", mappings.get("addOrUpdateRoleMappings") or [])
        remove = _check_mappings("configuration.argoCd.rbacRoleMappings.removeRoleMappings", mappings.get("removeRoleMappings") or [])
        if add:
            params.append({"type": "RoleMappingsToAddOrUpdate", "value": eks._json(add)})
        if remove:
            params.append({"type": "RoleMappingsToRemove", "value": eks._json(remove)})
        if add or remove:
            stored = capability.config["argoCd"]
            changes.append(lambda: stored.__setitem__("rbacRoleMappings", _merge_mappings(stored["rbacRoleMappings"], add, remove)))
    if argo.get("networkAccess") is not None:
        network = _check_network_access("configuration.argoCd.networkAccess", argo["networkAccess"])
        params.append({"type": "NetworkAccess", "value": eks._json(network)})
        changes.append(lambda: capability.config["argoCd"].__setitem__("networkAccess", network))
    if config.get("ack") is not None:
        ack = _check_ack("configuration.ack", config["ack"])
        if "enableCrossNamespace" in ack:
            params.append({"type": "EnableCrossNamespace", "value": "true" if ack["enableCrossNamespace"] else "false"})
        if "disabledServices" in ack:
            params.append({"type": "DisabledServices", "value": eks._json(ack["disabledServices"])})
        changes.append(lambda: capability.config["ack"].update(ack))
    if not params and policy is None:
        raise _invalid(f"No change requested for capability {capability.capability_name}: give at least one of roleArn, configuration "
                       "and deletePropagationPolicy")
    if cluster.status not in ("ACTIVE", "UPDATING"):
        raise InvalidRequestException(message=f"Cluster '{cluster.name}' is not in ACTIVE status")
    status = capability.status
    if status != "ACTIVE":
        raise eks._in_use(f"Capability {capability.capability_name} is currently {status} and cannot be updated.")
    if role is not None:
        _check_role(backend, role)

    def apply() -> None:
        for change in changes:
            change()
        if role is not None and role != capability.role_arn:
            if capability.activated:
                _revoke(cluster, capability)
            capability.role_arn = role
            if capability.activated:
                _grant(backend, cluster, capability)
        capability.modified_at = utcnow()

    seconds = SECONDS["update"]
    if seconds <= 0:
        apply()
        update = eks._record_update(cluster, "CapabilityUpdate", params, target=capability.target, seconds=0.0)
    else:
        def finish(update: dict[str, Any]) -> str:
            with _LOCK:
                apply()
            return "Successful"

        update = eks._record_update(cluster, "CapabilityUpdate", params, target=capability.target, seconds=seconds, finish=finish)
    eks._remember_update(self, cluster, update)
    return ActionResult({"update": eks._public(update)})


# ---------------------------------------------------------------------------------------
# Wiring
# ---------------------------------------------------------------------------------------
ROUTES = [
    "{0}/clusters/(?P<name>[^/]+)/capabilities$",
    "{0}/clusters/(?P<name>[^/]+)/capabilities/(?P<capabilityName>[^/]+)$",
]
RESPONSE_METHODS = [create_capability, describe_capability, list_capabilities, update_capability, delete_capability]


def _lookup_capability(response: EKSResponse) -> Capability | None:
    """The capability a CreateCapability names (for the plugin's idempotency wrapper)."""
    cluster = eks._cluster_or_none(response)
    return None if cluster is None else _capabilities(cluster).get(response._get_param("capabilityName"))


def install() -> None:
    """Apply the capability patches (after eksup_moto_eks.install(); call once)."""
    fallback = os.environ.get("MOTO_EKS_CAPABILITY_SECONDS") or ""
    for kind in ("create", "delete"):
        SECONDS[kind] = float(os.environ.get(f"MOTO_EKS_CAPABILITY_{kind.upper()}_SECONDS") or fallback or 0)
    SECONDS["update"] = float(os.environ.get("MOTO_EKS_CAPABILITY_UPDATE_SECONDS") or 0)

    for route in ROUTES:
        eks_urls.url_paths[route] = eks_urls.response.dispatch
    for method in RESPONSE_METHODS:
        setattr(EKSResponse, method.__name__, method)
    EKSResponse.create_capability = eks.idempotent(create_capability, _lookup_capability)

    for name in EXTRA_ACCESS_POLICIES:
        if name not in eks.ACCESS_POLICIES:
            eks.ACCESS_POLICIES.append(name)
    eks.ACCESS_POLICIES.sort()

    previous_call_action = EKSResponse.call_action

    def call_action(self: EKSResponse) -> Any:
        sweep(self.eks_backend)
        return previous_call_action(self)

    EKSResponse.call_action = call_action

    previous_delete_cluster = EKSBackend.delete_cluster

    def delete_cluster(self: EKSBackend, name: str) -> Any:
        cluster = self.clusters.get(name)
        if cluster is not None and not cluster.nodegroups and not cluster.fargate_profiles and _capabilities(cluster):
            raise eks._in_use("Cluster has capabilities attached")
        return previous_delete_cluster(self, name)

    EKSBackend.delete_cluster = delete_cluster

    previous_taggable = eks._taggable

    def _taggable(backend: EKSBackend, arn: str) -> Any:
        for cluster in backend.clusters.values():
            for capability in _capabilities(cluster).values():
                if capability.arn == arn:
                    return capability
        return previous_taggable(backend, arn)

    eks._taggable = _taggable

    previous_update_target = eks._update_target

    def _update_target(response: EKSResponse, cluster: Cluster) -> str | None:
        name = response._get_param("capabilityName")
        if name and not response._get_param("nodegroupName") and not response._get_param("addonName"):
            return _capability(cluster, name).target
        return previous_update_target(response, cluster)

    eks._update_target = _update_target
