"""IAM policy simulation (``iam:SimulatePrincipalPolicy``) for eksup's moto emulator (installed by
``eksup_moto.install()``).

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


def install() -> None:
    """Apply the patches of this module (called once per process)."""
    _register("moto.iam.responses", _patch_iam_responses)
