"""EC2 Capacity Reservations and Capacity Blocks for ML for eksup's moto emulator (installed by
``eksup_moto.install()``).

moto 5.2.5 has neither: CreateCapacityReservation answered an error, and an instance launched
"into" any reservation id started anyway. On AWS a node group whose launch template targets a
reservation (eksctl's ``capacityReservation.capacityReservationTarget``) launches only into a
reservation that exists, is active, matches the instance's type and zone and has room; a Capacity
Block is used only when the launch says ``MarketType: capacity-block``, and not before the block
starts. Otherwise EC2 refuses the launch, the Auto Scaling group records failed activities and the
nodes never come. This module adds the actions with AWS's rules and refuses such launches.

Sources: the EC2 API reference (CreateCapacityReservation, DescribeCapacityReservations,
CancelCapacityReservation, DescribeCapacityBlockOfferings, PurchaseCapacityBlock,
CapacityReservation, CapacityReservationSpecification, InstanceMarketOptionsRequest), its error
codes (``ReservationCapacityExceeded`` "The targeted Capacity Reservation does not [have] enough
available instance capacity to fulfill your request.", ``InvalidCapacityReservationState.
PendingActivation`` "Your Capacity Block is not active yet.", ``InvalidCapacityBlockOfferingId
NotFound``), the EC2 user guide "Launch instances into an existing Capacity Reservation" (only a
reservation with matching instance type, platform, zone and tenancy, enough available capacity,
in the ``active`` state) and "Capacity Blocks for ML", and EKS's guides "Create a managed node
group with Capacity Blocks for ML" (a launch template with ``InstanceMarketOptions.MarketType``
``capacity-block``, the block as ``CapacityReservationTarget`` and the block's ``InstanceType``;
capacity type ``CAPACITY_BLOCK``). Wordings marked UNVERIFIED are ours.

* **CreateCapacityReservation**: ``InstanceType`` (one moto knows), ``InstancePlatform``,
  ``AvailabilityZone`` of the region and ``InstanceCount`` >= 1 are required
  (``MissingParameter`` / ``InvalidParameterValue``, UNVERIFIED wording);
  ``InstanceMatchCriteria`` ``open`` (default) | ``targeted``; ``Tenancy`` ``default`` |
  ``dedicated``; ``EndDateType`` ``unlimited`` (default) | ``limited`` (with ``EndDate``).
  Answer: ``cr-`` + 17 hex digits, ``State`` ``active``, ``ReservationType`` ``default``.
* **DescribeCapacityReservations**: all, or ``CapacityReservationIds`` (an unknown one ->
  ``InvalidCapacityReservationId.NotFound``, UNVERIFIED wording); filters ``instance-type``,
  ``availability-zone``, ``state``, ``instance-match-criteria``, ``reservation-type``,
  ``tag:<key>``. ``AvailableInstanceCount`` is the total less the pending and running instances
  in it.
* **CancelCapacityReservation**: unknown -> ``InvalidCapacityReservationId.NotFound``; a Capacity
  Block cannot be cancelled (``UnsupportedOperation``, UNVERIFIED wording); else ``cancelled``.
* **DescribeCapacityBlockOfferings** / **PurchaseCapacityBlock**: one offering per zone of the
  region for ``InstanceType``, ``InstanceCount`` and ``CapacityDurationHours`` (a multiple of 24,
  UNVERIFIED bounds 24..4368), starting at ``StartDateRange`` (default now); buying one makes a
  ``capacity-block`` reservation, ``targeted``, ``scheduled`` until its start, then ``active``.
* **RunInstances** (and so Auto Scaling and EKS launches, which record refusals as failed scaling
  activities): the request's or its launch template's ``CapacityReservationSpecification`` and
  ``InstanceMarketOptions``. A target id must be a reservation of the region
  (``InvalidCapacityReservationId.NotFound``), active (a scheduled block ->
  ``InvalidCapacityReservationState.PendingActivation``), of the launch's instance type and zone
  (``InvalidParameterValue``, UNVERIFIED wording), with room for the whole launch
  (``ReservationCapacityExceeded``); ``capacity-block`` goes only with a target that is a block,
  and a block only with ``capacity-block`` (``InvalidParameterCombination``, UNVERIFIED). With no
  target and preference ``open`` (the default) an ``open`` reservation that matches and has room
  takes the instances, as EC2 does; ``none`` never. A resource group target must name an existing
  resource group (not emulated: choosing a reservation in it and its capacity).
"""

from __future__ import annotations

import contextvars
import datetime
import secrets
from typing import Any

from eksup_moto_strict import _register

# RunInstances' own capacity settings (moto's response does not pass them to the backend).
_REQUEST: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar("capacity_request", default=None)
PLATFORMS = ("Linux/UNIX", "Red Hat Enterprise Linux", "SUSE Linux", "Windows", "Windows with SQL Server",
             "Windows with SQL Server Enterprise", "Windows with SQL Server Standard", "Windows with SQL Server Web",
             "Linux with SQL Server Standard", "Linux with SQL Server Web", "Linux with SQL Server Enterprise",
             "RHEL with SQL Server Standard", "RHEL with SQL Server Enterprise", "RHEL with SQL Server Web",
             "RHEL with HA", "RHEL with HA and SQL Server Standard", "RHEL with HA and SQL Server Enterprise",
             "Ubuntu Pro")
# Codes a launch refused here gives; Auto Scaling records them as failed activities.
LAUNCH_FAILURES = ("InvalidCapacityReservationId.NotFound", "InvalidCapacityReservationState.PendingActivation",
                   "ReservationCapacityExceeded", "InvalidCapacityReservationTarget")


class LaunchRefused(Exception):
    """Marker mixed into launch refusals (eksup_moto_asg records them as failed activities)."""


def _error(code: str, message: str, launch: bool = False) -> Exception:
    from moto.ec2.exceptions import EC2ClientError

    if launch:
        cls = type("EC2LaunchRefused", (EC2ClientError, LaunchRefused), {})
        return cls(code, message)
    return EC2ClientError(code, message)


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def _iso(t: datetime.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _parse_time(value: Any) -> datetime.datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo else value.replace(tzinfo=datetime.timezone.utc)
    text = str(value).replace("Z", "+00:00")
    try:
        t = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise _error("InvalidParameterValue", f"Invalid date '{value}'")  # UNVERIFIED wording
    return t if t.tzinfo else t.replace(tzinfo=datetime.timezone.utc)


def reservations(backend: Any) -> dict[str, dict[str, Any]]:
    """The region's reservations by id (on moto's EC2 backend: a reset clears them)."""
    store = getattr(backend, "_eksup_capacity_reservations", None)
    if store is None:
        store = {}
        backend._eksup_capacity_reservations = store
    return store


def _offerings(backend: Any) -> dict[str, dict[str, Any]]:
    store = getattr(backend, "_eksup_capacity_offerings", None)
    if store is None:
        store = {}
        backend._eksup_capacity_offerings = store
    return store


def _zones(backend: Any) -> list[str]:
    try:
        return [z.name for z in backend.describe_availability_zones()]
    except Exception:
        return [f"{backend.region_name}{s}" for s in "abc"]


def _known_type(instance_type: str) -> bool:
    from moto.ec2.models.instance_types import INSTANCE_TYPES

    return instance_type in INSTANCE_TYPES


def _in_use(backend: Any, cr_id: str) -> int:
    n = 0
    for reservation in getattr(backend, "reservations", {}).values():
        for instance in reservation.instances:
            if getattr(instance, "_eksup_capacity_reservation", None) == cr_id and instance.state in ("pending", "running"):
                n += 1
    return n


def _current(backend: Any, r: dict[str, Any]) -> dict[str, Any]:
    """The reservation as DescribeCapacityReservations shows it now: its state by its dates, and
    what is left of it."""
    now = _now()
    if r["State"] == "scheduled" and now >= r["_start"]:
        r["State"] = "active"
    if r["State"] == "active" and r.get("_end") is not None and now >= r["_end"]:
        r["State"] = "expired"
    out = {k: v for k, v in r.items() if not k.startswith("_")}
    used = _in_use(backend, r["CapacityReservationId"]) if r["State"] == "active" else 0
    out["AvailableInstanceCount"] = max(0, r["TotalInstanceCount"] - used) if r["State"] == "active" else 0
    return out


def _new_reservation(backend: Any, instance_type: str, zone: str, count: int, platform: str, tags: dict[str, str],
                     **fields: Any) -> dict[str, Any]:
    cr_id = "cr-" + secrets.token_hex(9)[:17]
    start = fields.pop("_start", None) or _now()
    r: dict[str, Any] = {
        "CapacityReservationId": cr_id,
        "OwnerId": backend.account_id,
        "CapacityReservationArn": f"arn:aws:ec2:{backend.region_name}:{backend.account_id}:capacity-reservation/{cr_id}",
        "InstanceType": instance_type,
        "InstancePlatform": platform,
        "AvailabilityZone": zone,
        "Tenancy": "default",
        "TotalInstanceCount": count,
        "EbsOptimized": False,
        "EphemeralStorage": False,
        "State": "active",
        "StartDate": _iso(start),
        "EndDateType": "unlimited",
        "InstanceMatchCriteria": "open",
        "CreateDate": _iso(_now()),
        "Tags": [{"Key": k, "Value": v} for k, v in tags.items()],
        "ReservationType": "default",
        "_start": start,
        "_end": None,
    }
    r.update(fields)
    reservations(backend)[cr_id] = r
    return r


def create(backend: Any, params: dict[str, Any], tags: dict[str, str]) -> dict[str, Any]:
    for required in ("InstanceType", "InstancePlatform", "InstanceCount"):
        if params.get(required) in (None, ""):
            raise _error("MissingParameter", f"The request must contain the parameter {required}")
    instance_type = params["InstanceType"]
    if not _known_type(instance_type):
        raise _error("InvalidParameterValue", f"Invalid value '{instance_type}' for InstanceType.")  # UNVERIFIED
    platform = params["InstancePlatform"]
    if platform not in PLATFORMS:
        raise _error("InvalidParameterValue", f"Invalid value '{platform}' for InstancePlatform.")  # UNVERIFIED
    zone = params.get("AvailabilityZone")
    if not zone:
        raise _error("MissingParameter", "The request must contain the parameter AvailabilityZone or AvailabilityZoneId")
    if zone not in _zones(backend):
        raise _error("InvalidParameterValue", f"Invalid availability zone: [{zone}]")  # UNVERIFIED
    count = int(params["InstanceCount"])
    if count < 1:
        raise _error("InvalidParameterValue", "InstanceCount must be at least 1")  # UNVERIFIED
    criteria = params.get("InstanceMatchCriteria") or "open"
    if criteria not in ("open", "targeted"):
        raise _error("InvalidParameterValue", f"Invalid value '{criteria}' for InstanceMatchCriteria.")  # UNVERIFIED
    tenancy = params.get("Tenancy") or "default"
    if tenancy not in ("default", "dedicated"):
        raise _error("InvalidParameterValue", f"Invalid value '{tenancy}' for Tenancy.")  # UNVERIFIED
    end_type = params.get("EndDateType") or "unlimited"
    end = _parse_time(params.get("EndDate"))
    if end_type not in ("unlimited", "limited"):
        raise _error("InvalidParameterValue", f"Invalid value '{end_type}' for EndDateType.")  # UNVERIFIED
    if (end_type == "limited") != (end is not None):
        raise _error("InvalidParameterCombination", "EndDate is required with EndDateType limited, and only with it")  # UNVERIFIED
    fields: dict[str, Any] = {"InstanceMatchCriteria": criteria, "Tenancy": tenancy, "EndDateType": end_type,
                              "EbsOptimized": bool(params.get("EbsOptimized")), "_end": end}
    if end is not None:
        fields["EndDate"] = _iso(end)
    return _current(backend, _new_reservation(backend, instance_type, zone, count, platform, tags, **fields))


def _not_found(cr_id: str) -> Exception:
    return _error("InvalidCapacityReservationId.NotFound", f"The capacity reservation ID '{cr_id}' does not exist", launch=True)  # UNVERIFIED wording


def describe(backend: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
    store = reservations(backend)
    ids = params.get("CapacityReservationIds") or []
    for cr_id in ids:
        if cr_id not in store:
            raise _not_found(cr_id)
    out = [_current(backend, r) for r in store.values() if not ids or r["CapacityReservationId"] in ids]
    fields = {"instance-type": "InstanceType", "availability-zone": "AvailabilityZone", "state": "State",
              "instance-match-criteria": "InstanceMatchCriteria", "reservation-type": "ReservationType",
              "instance-platform": "InstancePlatform", "tenancy": "Tenancy"}
    for f in params.get("Filters") or []:
        key, values = f.get("Name") or "", f.get("Values") or []
        if key in fields:
            out = [r for r in out if r.get(fields[key]) in values]
        elif key.startswith("tag:"):
            out = [r for r in out if any(t["Key"] == key[4:] and t["Value"] in values for t in r["Tags"])]
    return out


def cancel(backend: Any, cr_id: str) -> None:
    r = reservations(backend).get(cr_id)
    if r is None:
        raise _not_found(cr_id)
    if r["ReservationType"] == "capacity-block":
        raise _error("UnsupportedOperation", "Capacity Blocks cannot be cancelled.")  # UNVERIFIED wording
    if r["State"] not in ("active", "scheduled", "pending"):
        raise _error("InvalidCapacityReservationId.Malformed", f"Capacity reservation {cr_id} is {r['State']}")  # UNVERIFIED
    r["State"] = "cancelled"


def offerings(backend: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
    for required in ("InstanceType", "InstanceCount", "CapacityDurationHours"):
        if params.get(required) in (None, ""):
            raise _error("MissingParameter", f"The request must contain the parameter {required}")
    instance_type, count, hours = params["InstanceType"], int(params["InstanceCount"]), int(params["CapacityDurationHours"])
    if not _known_type(instance_type):
        raise _error("InvalidParameterValue", f"Invalid value '{instance_type}' for InstanceType.")  # UNVERIFIED
    if hours % 24 or not 24 <= hours <= 4368 or count < 1:
        raise _error("InvalidParameterValue", "CapacityDurationHours must be a multiple of 24 from 24 to 4368")  # UNVERIFIED
    start = _parse_time(params.get("StartDateRange")) or _now()
    out = []
    for zone in _zones(backend):
        offering = {
            "CapacityBlockOfferingId": "cb-" + secrets.token_hex(9)[:17],
            "InstanceType": instance_type,
            "AvailabilityZone": zone,
            "InstanceCount": count,
            "StartDate": _iso(start),
            "EndDate": _iso(start + datetime.timedelta(hours=hours)),
            "CapacityBlockDurationHours": hours,
            "UpfrontFee": f"{31.464 * count * hours:.2f}",
            "CurrencyCode": "USD",
            "Tenancy": "default",
            "_start": start,
            "_end": start + datetime.timedelta(hours=hours),
        }
        _offerings(backend)[offering["CapacityBlockOfferingId"]] = offering
        out.append({k: v for k, v in offering.items() if not k.startswith("_")})
    return out


def purchase(backend: Any, params: dict[str, Any], tags: dict[str, str]) -> dict[str, Any]:
    offering_id, platform = params.get("CapacityBlockOfferingId"), params.get("InstancePlatform")
    if not offering_id or not platform:
        raise _error("MissingParameter", "The request must contain the parameters CapacityBlockOfferingId and InstancePlatform")
    offering = _offerings(backend).pop(offering_id, None)
    if offering is None:
        raise _error("InvalidCapacityBlockOfferingIdNotFound", "The Capacity Block offering ID cannot be found for this account.")
    start = offering["_start"]
    r = _new_reservation(
        backend, offering["InstanceType"], offering["AvailabilityZone"], offering["InstanceCount"], platform, tags,
        ReservationType="capacity-block", InstanceMatchCriteria="targeted", EndDateType="limited",
        EndDate=offering["EndDate"], State="scheduled" if start > _now() else "active", _start=start, _end=offering["_end"])
    return _current(backend, r)


def _launch_settings(backend: Any, kwargs: dict[str, Any]) -> tuple[dict[str, Any], str | None, str | None]:
    """The capacity specification, market type and instance type of a launch: the request's
    own, else its launch template's."""
    request = _REQUEST.get() or {}
    template: dict[str, Any] = {}
    if kwargs.get("launch_template"):
        try:
            template = backend._get_template_from_args(kwargs["launch_template"]).data or {}
        except Exception:
            template = {}
    spec = request.get("CapacityReservationSpecification") or template.get("CapacityReservationSpecification") or {}
    market = (request.get("InstanceMarketOptions") or template.get("InstanceMarketOptions") or {}).get("MarketType")
    instance_type = kwargs.get("instance_type") if not kwargs.get("is_instance_type_default") else None
    instance_type = instance_type or template.get("InstanceType") or kwargs.get("instance_type")
    return spec, market, instance_type


def _launch_zone(backend: Any, kwargs: dict[str, Any]) -> str | None:
    if kwargs.get("subnet_id"):
        try:
            return backend.get_subnet(kwargs["subnet_id"]).availability_zone
        except Exception:
            return None
    return kwargs.get("placement") or None


def check_launch(backend: Any, count: int, kwargs: dict[str, Any]) -> str | None:
    """The reservation a launch of `count` instances goes into (None: none), or AWS's refusal."""
    spec, market, instance_type = _launch_settings(backend, kwargs)
    target = spec.get("CapacityReservationTarget") or {}
    cr_id = target.get("CapacityReservationId")
    group_arn = target.get("CapacityReservationResourceGroupArn")
    zone = _launch_zone(backend, kwargs)
    if cr_id:
        r = reservations(backend).get(cr_id)
        if r is None:
            raise _not_found(cr_id)
        current = _current(backend, r)
        if current["State"] == "scheduled":
            raise _error("InvalidCapacityReservationState.PendingActivation", "Your Capacity Block is not active yet.", launch=True)
        if current["State"] != "active":
            raise _error("InvalidCapacityReservationTarget", f"The Capacity Reservation {cr_id} is {current['State']}.", launch=True)  # UNVERIFIED
        block = r["ReservationType"] == "capacity-block"
        if market == "capacity-block" and not block:
            raise _error("InvalidParameterCombination",
                         f"The Capacity Reservation {cr_id} is not a Capacity Block; MarketType capacity-block targets Capacity Blocks only.")  # UNVERIFIED
        if block and market != "capacity-block":
            raise _error("InvalidParameterCombination",
                         f"To launch into the Capacity Block {cr_id}, specify MarketType capacity-block.")  # UNVERIFIED
        if instance_type and instance_type != r["InstanceType"]:
            raise _error("InvalidCapacityReservationTarget",
                         f"The instance type {instance_type} does not match the instance type {r['InstanceType']} of the Capacity Reservation {cr_id}.", launch=True)  # UNVERIFIED
        if zone and zone != r["AvailabilityZone"]:
            raise _error("InvalidCapacityReservationTarget",
                         f"The Availability Zone {zone} does not match the Availability Zone {r['AvailabilityZone']} of the Capacity Reservation {cr_id}.", launch=True)  # UNVERIFIED
        if current["AvailableInstanceCount"] < count:
            raise _error("ReservationCapacityExceeded",
                         "The targeted Capacity Reservation does not have enough available instance capacity to fulfill your request.", launch=True)
        return cr_id
    if market == "capacity-block":
        raise _error("InvalidParameterCombination",
                     "MarketType capacity-block requires a CapacityReservationTarget that names the Capacity Block.")  # UNVERIFIED
    if group_arn:
        _check_group(backend, group_arn)
        return None
    if spec.get("CapacityReservationPreference") == "none":
        return None
    for r in reservations(backend).values():
        current = _current(backend, r)
        if (current["State"] == "active" and r["InstanceMatchCriteria"] == "open" and r["InstanceType"] == instance_type
                and (zone is None or r["AvailabilityZone"] == zone) and current["AvailableInstanceCount"] >= count):
            return r["CapacityReservationId"]
    return None


def _check_group(backend: Any, arn: str) -> None:
    name = arn.rsplit("/", 1)[-1]
    try:
        from moto.resourcegroups.models import resourcegroups_backends

        groups = resourcegroups_backends[backend.account_id][backend.region_name].groups
        known = any(getattr(g, "name", None) == name for g in getattr(groups, "by_name", {}).values()) or name in getattr(groups, "by_name", {})
    except Exception:
        known = False
    if not known:
        raise _error("InvalidCapacityReservationTarget", f"The resource group {arn} does not exist.", launch=True)  # UNVERIFIED


def _patch_instances(module: Any) -> None:
    Backend = module.InstanceBackend
    original = Backend.run_instances

    def run_instances(self: Any, image_id: str, count: int, user_data: Any, security_group_names: list[str], **kwargs: Any) -> Any:
        cr_id = check_launch(self, int(count or 1), kwargs)
        reservation = original(self, image_id, count, user_data, security_group_names, **kwargs)
        for instance in reservation.instances:
            instance._eksup_capacity_reservation = cr_id
        return reservation

    Backend.run_instances = run_instances


def _patch_ec2_responses(responses: Any) -> None:
    from moto.core.responses import ActionResult
    from moto.ec2.responses.instances import InstanceResponse

    def params_of(self: Any) -> dict[str, Any]:
        return dict(getattr(self, "params", None) or {})

    def create_capacity_reservation(self: Any) -> Any:
        tags = self._parse_tag_specification().get("capacity-reservation", {})
        self.error_on_dryrun()
        return ActionResult({"CapacityReservation": create(self.ec2_backend, params_of(self), tags)})

    def describe_capacity_reservations(self: Any) -> Any:
        return ActionResult({"CapacityReservations": describe(self.ec2_backend, params_of(self))})

    def cancel_capacity_reservation(self: Any) -> Any:
        self.error_on_dryrun()
        cancel(self.ec2_backend, params_of(self).get("CapacityReservationId") or "")
        return ActionResult({"Return": True})

    def describe_capacity_block_offerings(self: Any) -> Any:
        return ActionResult({"CapacityBlockOfferings": offerings(self.ec2_backend, params_of(self))})

    def purchase_capacity_block(self: Any) -> Any:
        tags = self._parse_tag_specification().get("capacity-reservation", {})
        self.error_on_dryrun()
        return ActionResult({"CapacityReservation": purchase(self.ec2_backend, params_of(self), tags)})

    original_run = InstanceResponse.run_instances

    def run_instances(self: Any) -> Any:
        p = params_of(self)
        token = _REQUEST.set({k: p[k] for k in ("CapacityReservationSpecification", "InstanceMarketOptions") if k in p})
        try:
            return original_run(self)
        finally:
            _REQUEST.reset(token)

    InstanceResponse.run_instances = run_instances
    InstanceResponse.create_capacity_reservation = create_capacity_reservation
    InstanceResponse.describe_capacity_reservations = describe_capacity_reservations
    InstanceResponse.cancel_capacity_reservation = cancel_capacity_reservation
    InstanceResponse.describe_capacity_block_offerings = describe_capacity_block_offerings
    InstanceResponse.purchase_capacity_block = purchase_capacity_block


def install() -> None:
    """Apply the patches of this module (called once per process)."""
    _register("moto.ec2.responses", _patch_ec2_responses)
    _register("moto.ec2.models.instances", _patch_instances)
