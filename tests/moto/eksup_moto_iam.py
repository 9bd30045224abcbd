"""IAM policy simulation (``iam:SimulatePrincipalPolicy``) and service-linked roles
(``iam:CreateServiceLinkedRole``) for eksup's moto emulator (installed by ``eksup_moto.install()``).

Service-linked roles
--------------------
moto 5.2.5 names a service-linked role ``AWSServiceRoleFor`` + a word taken from the service
principal (``emr-containers.amazonaws.com`` -> ``AWSServiceRoleForemr-containers``), attaches no
policy, and answers a second call with ``EntityAlreadyExists``. AWS:

* ``emr-containers.amazonaws.com`` (Amazon EMR on EKS; AWS docs "Using service-linked roles for
  Amazon EMR on EKS"): the role is ``AWSServiceRoleForAmazonEMRContainers``, path
  ``/aws-service-role/emr-containers.amazonaws.com/`` (so its ARN is
  ``arn:aws:iam::<account>:role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers``;
  the ARN AWS reports, e.g. in terraform-provider-aws issue 36447 and the Step Functions docs'
  CreateVirtualCluster policy; EKS docs "Create access entries": service-linked role ARNs are
  ``arn:aws:iam::*:role/aws-service-role/*``),
  it trusts ``emr-containers.amazonaws.com`` (``sts:AssumeRole``) and has the AWS managed policy
  ``arn:aws:iam::aws:policy/aws-service-role/AmazonEMRContainersServiceRolePolicy`` attached
  (AWS managed policy reference: "This policy is attached to a service-linked role").
  ``CustomSuffix`` appends ``_<suffix>`` as moto does (not checked against AWS for this service).
* Any service: when the account already has a role of that name (names compare without case,
  as IAM role names do), the call fails with ``InvalidInput`` (HTTP 400) "Service role name
  <name> has been taken in this account, please try a different suffix." (the error AWS returns,
  quoted in terraform-provider-aws and module issues for ECS, AutoScaling, Elasticsearch,
  EC2Spot). Other services keep moto's naming (not verified against AWS).
* GetRole by name finds the role; moto's ``get_role_by_arn`` matches the full ARN only, so the
  ARN without the path (``arn:aws:iam::<account>:role/AWSServiceRoleForAmazonEMRContainers``,
  what eksctl writes in aws-auth ``mapRoles``, where paths are not allowed) does not name it
  for IAM or EKS APIs (AWS's EKS PM, aws/containers-roadmap issue 185: "enter the fully
  qualified IAM role ARN ... do not strip off the path"; eksctl's access entry migrator
  resolves the full ARN with GetRole for that reason).
* EKS does not take a service-linked role as an access entry principal: CreateAccessEntry with
  ``arn:aws:iam::<account>:role/aws-service-role/...`` fails with InvalidParameterException "The
  caller is not allowed to modify access entries with a principalArn value of a Service Linked
  Role" (EKS docs "Create access entries": "Access entries do not support service linked roles";
  terraform-provider-aws issue 36447, with this very role). Only EMR itself creates that entry
  (EMR docs "Enable cluster access using EKS Access Entry": when a virtual cluster is created in
  a cluster whose authenticationMode is API_AND_CONFIG_MAP). A client grants EMR access through
  kube-system/aws-auth ``mapRoles`` with the pathless ARN and username ``emr-containers``, as
  eksctl does. (That refusal belongs to ``eksup_moto_eks.create_access_entry``.)
* Not emulated: the protection of service-linked roles (AWS refuses DeleteRole,
  AttachRolePolicy, UpdateAssumeRolePolicy... on them and attaching their policies elsewhere),
  DeleteServiceLinkedRole's refusal while the service still uses the role.

Policy simulation
-----------------
moto 5.2.5 does not implement SimulatePrincipalPolicy (HTTP 500, "The simulate_principal_policy
action has not been implemented"). eksup's pre-flight calls ``sts:GetCallerIdentity`` and then
simulates the actions it is about to use on the caller's ARN, so this module implements a faithful
subset of AWS's evaluation of **identity-based** policies.

What AWS does, and what is implemented here:

* ``PolicySourceArn`` is a user, group or role ARN (``arn:aws:iam::<account>:user/<path/>name``,
  ``...:group/...``, ``...:role/...``). Its policies are evaluated: for a user, its inline and
  attached managed policies and the inline and attached policies of every group it is in; for a
  role or a group, its own inline and attached policies. ``PolicyInputList`` documents are added
  (``SourcePolicyId`` ``PolicyInputList.<n>``, type ``none``), as AWS does.
* An entity that does not exist: ``NoSuchEntity`` (HTTP 404, "The user with name <n> cannot be
  found." / role / group). A session ARN (``arn:aws:sts::<account>:assumed-role/<role>/<session>``,
  what GetCallerIdentity answers for assumed roles) is refused as on AWS: ``InvalidInput`` (400)
  "Invalid Entity Arn: <arn> does not clearly define entity type and name." (the caller must pass
  the role ARN ``arn:aws:iam::<account>:role/<role>``). Anything else that is not a user, group or
  role ARN: the same InvalidInput. Exception for moto: with credentials it does not know (the
  emulator's dummy ``testing`` keys) moto's GetCallerIdentity answers
  ``arn:aws:sts::123456789012:user/moto``, an ARN AWS never returns; it is read as the user
  ``moto`` (so, normally, ``NoSuchEntity``: "a caller that is not in IAM"). With the keys of an IAM
  user (``iam:CreateAccessKey``), GetCallerIdentity answers the user's real ARN
  (``arn:aws:iam::123456789012:user/<name>``), which can be simulated.
* For each action of ``ActionNames`` and each resource of ``ResourceArns`` (default ``*``), one
  ``EvaluationResult``: ``EvalActionName``, ``EvalResourceName``, ``EvalDecision`` and
  ``MatchedStatements`` (``SourcePolicyId`` = policy name, ``SourcePolicyType`` ``user`` /
  ``group`` / ``role`` for inline policies, ``aws-managed`` / ``user-managed`` for managed ones;
  no Start/EndPosition). Decision: any matching ``Deny`` statement -> ``explicitDeny`` (matched:
  the denies); else any matching ``Allow`` -> ``allowed`` (matched: the allows); else
  ``implicitDeny`` (no matched statements).
* Matching: ``Action`` / ``NotAction`` with ``*`` and ``?`` wildcards, case-insensitive
  (``iam:*``, ``ec2:Describe*``, ``*``); ``Resource`` / ``NotResource`` with the same wildcards,
  case-sensitive. Without ``ResourceArns`` the resource is the literal ``*``, which only a
  ``*`` pattern (or ``NotResource``) matches: a statement scoped to specific ARNs does not allow
  the action on ``*``, as in AWS's simulator.
* Permissions boundary: when the role has one (or ``PermissionsBoundaryPolicyInputList`` is
  given), an action the identity policies allow must also be allowed by the boundary, else
  ``implicitDeny`` (``explicitDeny`` when the boundary denies it);
  ``PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary`` reports it.
* Not implemented (subset): statements with a ``Condition`` are not applied (no context is
  evaluated; ``ContextEntries`` are ignored) and their condition keys are listed in
  ``MissingContextValues``, as AWS lists keys it had no value for; policy variables
  (``${aws:username}``) are not substituted; resource-based policies (``ResourcePolicy``),
  Organizations SCPs and session policies are not evaluated; ``MaxItems`` / ``Marker`` are
  ignored (everything in one page, ``IsTruncated`` false).
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable
from urllib.parse import unquote

from eksup_moto_strict import _register

AWS_MANAGED_PREFIX = ":iam::aws:policy/"


def _document(text: Any) -> dict[str, Any]:
    if isinstance(text, dict):
        return text
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return json.loads(unquote(text))


def _managed_document(policy: Any) -> dict[str, Any]:
    for version in policy.versions:
        if version.is_default:
            return _document(version.document)
    return _document(policy.document)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _pattern(glob: str, ignore_case: bool) -> re.Pattern[str]:
    regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in glob)
    return re.compile(f"^{regex}$", (re.IGNORECASE | re.DOTALL) if ignore_case else re.DOTALL)


def _any_match(globs: Iterable[Any], value: str, ignore_case: bool) -> bool:
    return any(_pattern(str(g), ignore_case).match(value) for g in globs)


def _statement_applies(statement: dict[str, Any], action: str, resource: str) -> bool:
    if "Action" in statement:
        if not _any_match(_as_list(statement["Action"]), action, True):
            return False
    elif "NotAction" in statement:
        if _any_match(_as_list(statement["NotAction"]), action, True):
            return False
    else:
        return False
    if "Resource" in statement:
        return _any_match(_as_list(statement["Resource"]), resource, False)
    if "NotResource" in statement:
        return not _any_match(_as_list(statement["NotResource"]), resource, False)
    return False


class Source:
    """One policy document taking part in the simulation."""

    def __init__(self, policy_id: str, policy_type: str, document: dict[str, Any]) -> None:
        self.policy_id, self.policy_type = policy_id, policy_type
        self.statements = [s for s in _as_list(document.get("Statement")) if isinstance(s, dict)]


def evaluate(sources: list[Source], action: str, resource: str) -> tuple[str, list[dict[str, str]], set[str]]:
    """(decision, matched statements, missing context keys) of `action` on `resource`."""
    denies: list[dict[str, str]] = []
    allows: list[dict[str, str]] = []
    missing: set[str] = set()
    for source in sources:
        for statement in source.statements:
            if not _statement_applies(statement, action, resource):
                continue
            condition = statement.get("Condition")
            if condition:
                for keys in condition.values():
                    if isinstance(keys, dict):
                        missing.update(keys)
                continue
            matched = {"SourcePolicyId": source.policy_id, "SourcePolicyType": source.policy_type}
            (denies if statement.get("Effect") == "Deny" else allows).append(matched)
    if denies:
        return "explicitDeny", denies, missing
    if allows:
        return "allowed", allows, missing
    return "implicitDeny", [], missing


def _invalid_entity(arn: str) -> Exception:
    from moto.iam.exceptions import InvalidInput

    return InvalidInput(f"Invalid Entity Arn: {arn} does not clearly define entity type and name.")


def _no_such_entity(kind: str, name: str) -> Exception:
    from moto.iam.exceptions import NoSuchEntity

    return NoSuchEntity(f"The {kind} with name {name} cannot be found.")


def _entity(backend: Any, arn: str) -> tuple[str, Any]:
    """("user" | "group" | "role", moto object) named by `arn`."""
    parts = arn.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn" or "/" not in parts[5]:
        raise _invalid_entity(arn)
    service, account, resource = parts[2], parts[4], parts[5]
    kind, path_name = resource.split("/", 1)
    name = path_name.rsplit("/", 1)[-1]
    if service == "sts" and kind == "user":  # moto's fallback caller, see the module docstring
        arn = f"{parts[0]}:{parts[1]}:iam::{account}:user/{path_name}"
    elif service != "iam" or kind not in ("user", "group", "role") or not name:
        raise _invalid_entity(arn)
    if account != backend.account_id:
        raise _no_such_entity(kind, name)
    if kind == "user":
        user = backend.users.get(name)
        if user is None or user.arn != arn:
            raise _no_such_entity(kind, name)
        return kind, user
    if kind == "group":
        group = backend.groups.get(name)
        if group is None or group.arn != arn:
            raise _no_such_entity(kind, name)
        return kind, group
    for role in backend.roles.values():
        if role.arn == arn:
            return kind, role
    raise _no_such_entity(kind, name)


def _policies_of(kind: str, entity: Any) -> list[Source]:
    sources = [Source(name, kind, _document(text)) for name, text in entity.policies.items()]
    for policy in entity.managed_policies.values():
        managed = "aws-managed" if AWS_MANAGED_PREFIX in policy.arn else "user-managed"
        sources.append(Source(policy.name, managed, _managed_document(policy)))
    return sources


def identity_sources(backend: Any, kind: str, entity: Any) -> list[Source]:
    """The identity-based policies of a user (with its groups'), group or role."""
    sources = _policies_of(kind, entity)
    if kind == "user":
        for group in backend.groups.values():
            if entity in group.users:
                sources += _policies_of("group", group)
    return sources


def _boundary(backend: Any, entity: Any, given: list[str]) -> list[Source] | None:
    if given:
        return [Source(f"PermissionsBoundaryPolicyInputList.{i}", "none", _document(doc)) for i, doc in enumerate(given, 1)]
    arn = getattr(entity, "permissions_boundary_arn", None)
    policy = backend.managed_policies.get(arn) if arn else None
    if policy is None:
        return None
    kind = "aws-managed" if AWS_MANAGED_PREFIX in policy.arn else "user-managed"
    return [Source(policy.name, kind, _managed_document(policy))]


def simulate(backend: Any, source_arn: str, actions: list[str], resources: list[str], inputs: list[str],
             boundary_inputs: list[str]) -> list[dict[str, Any]]:
    kind, entity = _entity(backend, source_arn)
    sources = identity_sources(backend, kind, entity)
    sources += [Source(f"PolicyInputList.{i}", "none", _document(doc)) for i, doc in enumerate(inputs, 1)]
    boundary = _boundary(backend, entity, boundary_inputs)
    results = []
    for action in actions:
        for resource in resources or ["*"]:
            decision, matched, missing = evaluate(sources, action, resource)
            result: dict[str, Any] = {"EvalActionName": action, "EvalResourceName": resource}
            if boundary is not None:
                bound_decision, bound_matched, bound_missing = evaluate(boundary, action, resource)
                missing |= bound_missing
                result["PermissionsBoundaryDecisionDetail"] = {"AllowedByPermissionsBoundary": bound_decision == "allowed"}
                if decision == "allowed" and bound_decision != "allowed":
                    decision, matched = bound_decision, bound_matched
            result.update({"EvalDecision": decision, "MatchedStatements": matched, "MissingContextValues": sorted(missing)})
            results.append(result)
    return results


def _patch_iam_responses(responses: Any) -> None:
    from moto.core.responses import ActionResult

    def simulate_principal_policy(self: Any) -> Any:
        results = simulate(
            self.backend,
            self._get_param("PolicySourceArn") or "",
            list(self._get_param("ActionNames", []) or []),
            list(self._get_param("ResourceArns", []) or []),
            list(self._get_param("PolicyInputList", []) or []),
            list(self._get_param("PermissionsBoundaryPolicyInputList", []) or []),
        )
        return ActionResult({"EvaluationResults": results, "IsTruncated": False})

    responses.IamResponse.simulate_principal_policy = simulate_principal_policy


# Service principal -> (role name, AWS managed policy attached to it, under /aws-service-role/).
SERVICE_LINKED_ROLES = {
    "emr-containers.amazonaws.com": ("AWSServiceRoleForAmazonEMRContainers", "AmazonEMRContainersServiceRolePolicy"),
}


def _moto_service_linked_role_name(service_name: str) -> str:
    """moto's own naming (IAMBackend.create_service_linked_role), for services not in the table."""
    from moto.iam.models import SERVICE_NAME_CONVERSION

    service = service_name.split(".")[-3]
    prefix = service_name.split(".")[0]
    if service != prefix:
        prefix = "".join(x.capitalize() for x in prefix.split("-"))
        return f"AWSServiceRoleFor{SERVICE_NAME_CONVERSION.get(service, service)}_{prefix}"
    return f"AWSServiceRoleFor{SERVICE_NAME_CONVERSION.get(service, service)}"


def _patch_iam_models(models: Any) -> None:
    from moto.iam.exceptions import InvalidInput

    backend_class = models.IAMBackend
    original = backend_class.create_service_linked_role

    def create_service_linked_role(self: Any, service_name: str, description: str, suffix: str) -> Any:
        known = SERVICE_LINKED_ROLES.get(service_name)
        name = known[0] if known else _moto_service_linked_role_name(service_name)
        if suffix:
            name = f"{name}_{suffix}"
        if any(role.name.lower() == name.lower() for role in self.get_roles()):
            raise InvalidInput(f"Service role name {name} has been taken in this account, please try a different suffix.")
        if known is None:
            return original(self, service_name, description, suffix)
        trust = {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": service_name}, "Action": "sts:AssumeRole"}]}
        role = self.create_role(name, json.dumps(trust), f"/aws-service-role/{service_name}/", permissions_boundary=None,
                                description=description, tags=[], max_session_duration="3600", linked_service=service_name)
        self.attach_role_policy(f"arn:{self.partition}:iam::aws:policy/aws-service-role/{known[1]}", name)
        return role

    backend_class.create_service_linked_role = create_service_linked_role


def install() -> None:
    """Apply the patches of this module (called once per process)."""
    _register("moto.iam.responses", _patch_iam_responses)
    _register("moto.iam.models", _patch_iam_models)
