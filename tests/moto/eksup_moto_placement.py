"""EC2 placement groups for eksup's moto emulator (installed by ``eksup_moto.install()``).

moto 5.2.5 has no placement groups: CreatePlacementGroup and DescribePlacementGroups answered an
error, and an instance launched "in" any group name started anyway. On AWS a node group whose
launch template names a placement group (eksctl's ``placement.groupName``) launches only when the
group exists; otherwise EC2 refuses every launch and the Auto Scaling group records failed
activities while its nodes never come. This module adds the three actions with AWS's rules and
refuses launches into a group that does not exist.

Sources: the EC2 API reference (CreatePlacementGroup, DescribePlacementGroups,
DeletePlacementGroup, PlacementGroup, Common Error Codes: ``InvalidPlacementGroup.Duplicate``,
``InvalidPlacementGroup.Unknown``, ``InvalidPlacementGroup.InUse``) and the EC2 user guide
"Placement groups". Wordings marked UNVERIFIED are ours.

* **CreatePlacementGroup**: ``GroupName`` (required, up to 255 ASCII characters, unique in the
  region -> ``InvalidPlacementGroup.Duplicate`` "The placement group '<name>' already exists."),
  ``Strategy`` ``cluster`` | ``spread`` | ``partition`` (else ``InvalidParameterValue``;
  UNVERIFIED: AWS documents the enum, the wording is ours; no strategy is ``cluster``'s behaviour
  on AWS? the API reference lists it as optional: the emulator takes it as ``cluster``),
  ``PartitionCount`` 1..7 only with ``partition``, ``SpreadLevel`` ``host`` | ``rack`` only
  with ``spread``, ``TagSpecifications`` of ``placement-group``. Answer: the group, ``state``
  ``available``, ``groupId`` ``pg-`` + 17 hex digits, ``groupArn``
  ``arn:aws:ec2:<region>:<account>:placement-group/<name>``.
* **DescribePlacementGroups**: all, or ``GroupNames`` / ``GroupIds`` (an unknown one ->
  ``InvalidPlacementGroup.Unknown`` "The Placement Group '<name>' is unknown."), filters
  ``group-name``, ``strategy``, ``state``, ``tag:<key>``.
* **DeletePlacementGroup**: unknown -> ``InvalidPlacementGroup.Unknown``; while a running or
  pending instance is in it -> ``InvalidPlacementGroup.InUse`` "The placement group '<name>' is
  in use and may not be deleted." (wording UNVERIFIED).
* **RunInstances** (and so Auto Scaling launches, which record the refusal as a failed scaling
  activity): ``Placement.GroupName`` of the request or of its launch template must be a group of
  the region -> else ``InvalidPlacementGroup.Unknown``. The instance remembers its group
  (DeletePlacementGroup's in-use rule). Not emulated: a cluster group's single zone, a spread
  group's seven instances per zone, capacity errors.
"""

from __future__ import annotations

import contextvars
import secrets
from typing import Any

from eksup_moto_strict import _register

STRATEGIES = ("cluster", "spread", "partition")
# RunInstances' ``Placement.GroupName``: moto's response does not pass it to the backend.
_REQUEST_GROUP: contextvars.ContextVar[str | None] = contextvars.ContextVar("placement_group", default=None)
FAILURE = "InvalidPlacementGroup.Unknown"


def _error(code: str, message: str) -> Exception:
    from moto.ec2.exceptions import EC2ClientError

    return EC2ClientError(code, message)


def groups(backend: Any) -> dict[str, dict[str, Any]]:
    """The region's placement groups by name (on moto's EC2 backend: a reset clears them)."""
    store = getattr(backend, "_eksup_placement_groups", None)
    if store is None:
        store = {}
        backend._eksup_placement_groups = store
    return store


def _unknown(name: str) -> Exception:
    return _error(FAILURE, f"The Placement Group '{name}' is unknown.")


def _in_use(backend: Any, name: str) -> bool:
    for reservation in getattr(backend, "reservations", {}).values():
        for instance in reservation.instances:
            if getattr(instance, "_eksup_placement_group", None) == name and instance.state in ("pending", "running", "stopping", "stopped"):
                return True
    return False


def create(backend: Any, params: dict[str, Any], tags: dict[str, str]) -> dict[str, Any]:
    name = params.get("GroupName") or ""
    if not name or len(name) > 255 or not name.isascii():
        raise _error("InvalidParameterValue", f"Invalid value '{name}' for groupName")  # UNVERIFIED wording
    strategy = params.get("Strategy") or "cluster"
    if strategy not in STRATEGIES:
        raise _error("InvalidParameterValue", f"Value ({strategy}) for parameter strategy is invalid. Valid values: {', '.join(STRATEGIES)}")
    if params.get("PartitionCount") is not None and strategy != "partition":
        raise _error("InvalidParameterCombination", "PartitionCount is only valid with the partition strategy")  # UNVERIFIED
    if params.get("SpreadLevel") is not None and strategy != "spread":
        raise _error("InvalidParameterCombination", "SpreadLevel is only valid with the spread strategy")  # UNVERIFIED
    if strategy == "partition" and not 1 <= int(params.get("PartitionCount") or 2) <= 7:
        raise _error("InvalidParameterValue", "PartitionCount must be between 1 and 7")  # UNVERIFIED
    store = groups(backend)
    if name in store:
        raise _error("InvalidPlacementGroup.Duplicate", f"The placement group '{name}' already exists.")
    group: dict[str, Any] = {
        "GroupName": name, "State": "available", "Strategy": strategy,
        "GroupId": "pg-" + secrets.token_hex(9)[:17],
        "GroupArn": f"arn:aws:ec2:{backend.region_name}:{backend.account_id}:placement-group/{name}",
        "Tags": [{"Key": k, "Value": v} for k, v in tags.items()],
    }
    if strategy == "partition":
        group["PartitionCount"] = int(params.get("PartitionCount") or 2)
    if strategy == "spread":
        group["SpreadLevel"] = params.get("SpreadLevel") or "rack"
    store[name] = group
    return group


def describe(backend: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
    store = groups(backend)
    out = list(store.values())
    names = params.get("GroupNames") or []
    for name in names:
        if name not in store:
            raise _unknown(name)
    if names:
        out = [g for g in out if g["GroupName"] in names]
    ids = params.get("GroupIds") or []
    for gid in ids:
        if not any(g["GroupId"] == gid for g in store.values()):
            raise _error("InvalidPlacementGroupId.NotFound", f"The Placement Group ID '{gid}' does not exist")  # UNVERIFIED
    if ids:
        out = [g for g in out if g["GroupId"] in ids]
    for f in params.get("Filters") or []:
        key, values = f.get("Name"), f.get("Values") or []
        field = {"group-name": "GroupName", "strategy": "Strategy", "state": "State"}.get(key or "")
        if field:
            out = [g for g in out if g.get(field) in values]
        elif key and key.startswith("tag:"):
            out = [g for g in out if any(t["Key"] == key[4:] and t["Value"] in values for t in g["Tags"])]
    return out


def delete(backend: Any, name: str) -> None:
    store = groups(backend)
    if name not in store:
        raise _unknown(name)
    if _in_use(backend, name):
        raise _error("InvalidPlacementGroup.InUse", f"The placement group '{name}' is in use and may not be deleted.")
    del store[name]


def _launch_group(backend: Any, kwargs: dict[str, Any]) -> str | None:
    """The placement group a RunInstances request names, itself or through its launch template."""
    name = kwargs.get("placement_group") or _REQUEST_GROUP.get()
    if kwargs.get("launch_template") and not name:
        try:
            template = backend._get_template_from_args(kwargs["launch_template"]).data or {}
        except Exception:
            template = {}
        name = (template.get("Placement") or {}).get("GroupName")
    return name or None


def _patch_instances(module: Any) -> None:
    Backend = module.InstanceBackend
    original = Backend.run_instances

    def run_instances(self: Any, image_id: str, count: int, user_data: Any, security_group_names: list[str], **kwargs: Any) -> Any:
        name = _launch_group(self, kwargs)
        if name is not None and name not in groups(self):
            raise _unknown(name)
        reservation = original(self, image_id, count, user_data, security_group_names, **kwargs)
        for instance in reservation.instances:
            instance._eksup_placement_group = name
        return reservation

    Backend.run_instances = run_instances


def _patch_ec2_responses(responses: Any) -> None:
    from moto.core.responses import ActionResult
    from moto.ec2.responses.instances import InstanceResponse

    def create_placement_group(self: Any) -> Any:
        params = dict(getattr(self, "params", None) or {})
        tags = self._parse_tag_specification().get("placement-group", {})
        self.error_on_dryrun()
        return ActionResult({"PlacementGroup": create(self.ec2_backend, params, tags)})

    def describe_placement_groups(self: Any) -> Any:
        params = dict(getattr(self, "params", None) or {})
        return ActionResult({"PlacementGroups": describe(self.ec2_backend, params)})

    def delete_placement_group(self: Any) -> Any:
        params = dict(getattr(self, "params", None) or {})
        self.error_on_dryrun()
        delete(self.ec2_backend, params.get("GroupName") or "")
        return ActionResult({})

    original_run = InstanceResponse.run_instances

    def run_instances(self: Any) -> Any:
        token = _REQUEST_GROUP.set(self._get_param("Placement.GroupName") or None)
        try:
            return original_run(self)
        finally:
            _REQUEST_GROUP.reset(token)

    InstanceResponse.run_instances = run_instances
    # moto dispatches an action to the method of its snake_case name on EC2Response (whose bases
    # include InstanceResponse).
    InstanceResponse.create_placement_group = create_placement_group
    InstanceResponse.describe_placement_groups = describe_placement_groups
    InstanceResponse.delete_placement_group = delete_placement_group


def install() -> None:
    """Apply the patches of this module (called once per process)."""
    _register("moto.ec2.responses", _patch_ec2_responses)
    _register("moto.ec2.models.instances", _patch_instances)
