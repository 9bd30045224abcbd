"""AWS Local Zones in the emulator: us-west-2's Los Angeles and Denver zones (eksctl example 33).

Installed by ``eksup_moto.install()`` (after ``eksup_moto_strict``; ``eksup_moto_k8s`` wraps RunInstances
after it, so the check below runs inside its wrapper). moto 5.2.5 knows Availability Zones only:
no Local Zone, no ``OptInStatus``/``GroupName``/``NetworkBorderGroup`` in DescribeAvailabilityZones,
no ``AllAvailabilityZones``, no ModifyAvailabilityZoneGroup. Like the rest of the emulator the
patches are class-level (applied when moto imports the module, see ``eksup_moto._AfterImport``)
and the only state, each account's opt-ins, lives on moto's EC2 backend, so ``POST /moto-api/reset``
clears it.

The zones (``LOCAL_ZONES``)
---------------------------
=================  ===============  ===============  =========================  ==============
ZoneName           ZoneId           GroupName (=     GroupLongName              OptInStatus
                                    NetworkBorder-                              (default)
                                    Group)
=================  ===============  ===============  =========================  ==============
us-west-2-lax-1a   usw2-lax1-az1    us-west-2-lax-1  US West (Los Angeles)      opted-in
us-west-2-lax-1b   usw2-lax1-az2    us-west-2-lax-1  US West (Los Angeles)      opted-in
us-west-2-den-1a   usw2-den1-az1    us-west-2-den-1  US West (Denver)           not-opted-in
=================  ===============  ===============  =========================  ==============

Sources: the names, ids and groups are AWS's (AWS CLI reference, describe-availability-zones example
output ``us-west-2-lax-1a``/``usw2-lax1-az1``/``us-west-2-lax-1``; the ``zone-id`` filter doc of the
EC2 API model, ``usw2-lax1-az1``; ``usw2-lax1-az2`` and ``usw2-den1-az1`` as excluded zone ids in
public Terraform code; the Local Zones user guide: "the group name is the zone name without the
letter"); ``GroupLongName`` from the ``group-long-name`` filter doc of the EC2 API model ("for Zone
group us-west-2-lax-1, it is US West (Los Angeles)") and AWS's region names ("US West (Denver)").
``ParentZoneId`` ``usw2-az4`` (``ParentZoneName`` is the account's name of that zone, here
``us-west-2d``) is NOT verified: the us-west-2 rows of AWS's "Available Local Zones" table could not be
read here; replace it when they can. ZoneType ``local-zone``, State ``available``, RegionName
``us-west-2``. Every Availability Zone now also says what AWS says for it (a real us-west-2 listing):
``OptInStatus`` ``opt-in-not-required``, ``GroupName`` ``<region>-zg-1``, ``NetworkBorderGroup``
``<region>`` and, where known (``REGION_LONG_NAMES``), ``GroupLongName`` ``US West (Oregon) 1``.
Opted in at start: the groups in ``EKSUP_MOTO_LOCAL_ZONE_GROUPS`` (comma-separated; default
``us-west-2-lax-1``; ``none`` for none), so that example 33 creates and Denver tests the refusals.

Rules
-----
1. **DescribeAvailabilityZones** (EC2 API reference): without ``AllAvailabilityZones`` only the zones
   the account can use are listed: Availability Zones (``opt-in-not-required``) and opted-in Local
   Zones ("If you do not use this parameter, the results include only the zones for the Regions where
   you have chosen the option to opt in"; a real us-west-2 listing of an account without Local Zones
   shows the four AZs only); ``AllAvailabilityZones=true`` lists every zone "regardless of your opt-in
   status". Filters (the API model's list): ``zone-name``, ``zone-id``, ``zone-type``,
   ``opt-in-status``, ``state``, ``region-name``, ``group-name``, ``group-long-name``,
   ``parent-zone-name``, ``parent-zone-id``, ``message``; values may use ``*`` and ``?`` (EC2 filter
   wildcards); another filter name -> ``InvalidParameterValue`` "The filter '<name>' is invalid".
   ``ZoneNames`` naming a zone that is not listed (unknown, or a Local Zone not opted in without
   ``AllAvailabilityZones``) -> ``InvalidParameterValue`` "Invalid availability zone: [<name>]" (AWS's
   answer to eksctl's ``ZoneNames=[us-west-2-lax-1a]`` check, eksctl#8174; several names are listed
   comma-separated inside the brackets, our reading). ``ZoneIds`` keep moto's leniency (an unknown id
   matches nothing). moto's own callers (the default VPC's subnets, reserved-instance offerings, a
   subnet created without a zone) still see Availability Zones only: AWS makes no default subnet in
   a Local Zone (a default subnet per Availability Zone); the VPC endpoint services list
   Availability Zones only, as before.
2. **ModifyAvailabilityZoneGroup** (EC2 API reference): ``OptInStatus`` ``opted-in`` opts the account
   in to the group's zones at once (AWS takes a few minutes); "The only valid value is opted-in. You
   must contact AWS Support to opt out" -> ``not-opted-in`` is refused, and so is a group that is not
   a Local Zone group of the region (``InvalidParameterValue``, wordings ours). Answers ``Return: true``.
3. **CreateSubnet** in a Local Zone (by ``AvailabilityZone`` or ``AvailabilityZoneId``): allowed when
   the zone is opted in (the subnet shows the zone's name and id, ``DefaultForAz`` false and
   ``MapPublicIpOnLaunch`` false: it is not a default subnet -- moto made the first subnet of a zone
   its default one); refused when not: ``InvalidParameterValue`` "Value (<zone>) for parameter
   availabilityZone is invalid. Subnets can currently only be created in the following availability
   zones: <the zones listed by rule 1>." (AWS's refusal of a zone the account cannot create subnets
   in, terraform#3434 / openshift/installer#1789; that AWS answers the same for a Local Zone not opted
   in is our reading). Volumes (root devices) are created in the instance's Local Zone.
4. **Instance types** (``LOCAL_ZONE_FAMILIES``): a Local Zone offers only some types. Los Angeles
   (both zones): t3, c5, c5d, m5, m5d, r5, r5d, g4dn, i3en -- every size moto's catalog offers in
   us-west-2 except ``.metal`` (the families AWS announced for the Los Angeles Local Zones, see
   aws/containers-roadmap#1095 "Support for Local Zone us-west-2-lax"; t3/c5/c5d/m5 are the ones
   OpenShift tests there, installer docs/user/aws/tested_instance_types_local_zone_x86_64.md, and
   eksctl's Local Zones test prefers t3.small/medium/large and m5.xlarge in both zones; the current
   list on aws.amazon.com/about-aws/global-infrastructure/localzones/features could not be read here,
   so newer families such as c6i/m6i/r6i are not offered). Denver: none (its list is not emulated, so
   nothing launches there even after opting in). DescribeInstanceTypeOfferings with LocationType
   ``availability-zone`` / ``availability-zone-id`` lists them (``location`` filter by zone name /
   id) for the zones the account has opted in to (our reading of "offered ... in your Availability
   Zones"). RunInstances of a type not offered in the Local Zone of its subnet (or of
   ``Placement.AvailabilityZone``) -> ``Unsupported`` "Your requested instance type (<type>) is not
   supported in your requested Availability Zone (<zone>). Please retry your request by not
   specifying an Availability Zone or choosing <the account's zones offering it, sorted, comma-
   separated>." (AWS's message, e.g. fedora-copr/copr#2840; HTTP 400). The instances of an Auto
   Scaling group are launched the same way: the launch fails and the group's scaling activity says so
   (``eksup_moto_asg``, rule 10); a managed node group whose launches failed goes CREATE_FAILED with
   ``AsgInstanceLaunchFailures`` (``eksup_moto_eks``). Availability Zones keep moto's behaviour (no
   per-zone check).
5. **EBS volume types**: not checked. gp3 "is only available in some AWS Local Zones"
   (awslabs/amazon-eks-ami#1295) and the EKS user guide tells eksctl users to give Local Zone node
   groups ``volumeType: gp2``, but no source here says which volume types us-west-2-lax-1 refuses.
6. **EKS** (``eksup_moto_eks``): CreateCluster / UpdateClusterConfig with a Local Zone subnet are
   refused (the control plane "can't run in the Local Zone" and "you must not specify Local Zone
   subnets when you create your cluster", EKS user guide "Launch low-latency EKS clusters with AWS
   Local Zones"); managed node groups and self-managed nodes may use Local Zone subnets (same page);
   Fargate profiles may not ("You can't create Fargate nodes in Local Zones").

Not emulated: Wavelength Zones; zone messages; Local Zone limits on NAT gateways, load balancers,
IPv6 or EBS types; AWS's ``opting-in`` delay; per-account zone-name mapping.
"""

from __future__ import annotations

import copy
import fnmatch
import os
from typing import Any, Callable

# ---------------------------------------------------------------------------------------
# The zones
# ---------------------------------------------------------------------------------------
LOCAL_ZONES: dict[str, list[dict[str, str]]] = {
    "us-west-2": [
        {"name": "us-west-2-lax-1a", "zone_id": "usw2-lax1-az1", "group": "us-west-2-lax-1",
         "group_long_name": "US West (Los Angeles)", "parent_zone_id": "usw2-az4"},
        {"name": "us-west-2-lax-1b", "zone_id": "usw2-lax1-az2", "group": "us-west-2-lax-1",
         "group_long_name": "US West (Los Angeles)", "parent_zone_id": "usw2-az4"},
        {"name": "us-west-2-den-1a", "zone_id": "usw2-den1-az1", "group": "us-west-2-den-1",
         "group_long_name": "US West (Denver)", "parent_zone_id": "usw2-az4"},
    ],
}
# GroupLongName of the Availability Zones' group, where AWS's value is known (real listings).
REGION_LONG_NAMES = {"us-west-2": "US West (Oregon) 1", "us-east-1": "US East (N. Virginia) 1", "eu-west-2": "Europe (London) 1"}
# Instance families each Local Zone offers (every size moto's catalog offers in the region, but .metal).
_LAX = ("t3", "c5", "c5d", "m5", "m5d", "r5", "r5d", "g4dn", "i3en")
LOCAL_ZONE_FAMILIES: dict[str, tuple[str, ...]] = {"us-west-2-lax-1a": _LAX, "us-west-2-lax-1b": _LAX, "us-west-2-den-1a": ()}
DEFAULT_OPTED_IN = "us-west-2-lax-1"


def _default_groups() -> set[str]:
    raw = os.environ.get("EKSUP_MOTO_LOCAL_ZONE_GROUPS", DEFAULT_OPTED_IN)
    return {g.strip() for g in raw.split(",") if g.strip() and g.strip().lower() != "none"}


DEFAULT_GROUPS = _default_groups()


def _ec2_error(code: str, message: str) -> Exception:
    from moto.ec2.exceptions import EC2ClientError

    return EC2ClientError(code, message)


def _local_zones(region: str) -> list[Any]:
    from moto.ec2.models.availability_zones_and_regions import RegionsAndZonesBackend

    return [z for z in RegionsAndZonesBackend.zones.get(region, []) if z.zone_type == "local-zone"]


def _regular_zones(region: str) -> list[Any]:
    from moto.ec2.models.availability_zones_and_regions import RegionsAndZonesBackend

    return [z for z in RegionsAndZonesBackend.zones.get(region, []) if z.zone_type != "local-zone"]


def opted_in_groups(backend: Any) -> set[str]:
    """The Local Zone groups this account (EC2 backend) has opted in to."""
    groups = backend.__dict__.get("_eksup_zone_groups")
    if groups is None:
        groups = backend.__dict__["_eksup_zone_groups"] = set(DEFAULT_GROUPS)
    return groups


def _view(backend: Any, zone: Any) -> Any:
    """The zone as this account sees it (its opt-in status)."""
    if zone.zone_type != "local-zone":
        return zone
    view = copy.copy(zone)
    view.opt_in_status = "opted-in" if zone.group_name in opted_in_groups(backend) else "not-opted-in"
    return view


def zones_of(backend: Any, all_zones: bool) -> list[Any]:
    """The region's zones as DescribeAvailabilityZones lists them (rule 1)."""
    region = backend.region_name
    views = [_view(backend, z) for z in [*_regular_zones(region), *_local_zones(region)]]
    return views if all_zones else [z for z in views if z.opt_in_status != "not-opted-in"]


def find_zone(region: str, name: str | None = None, zone_id: str | None = None) -> Any:
    for zone in [*_regular_zones(region), *_local_zones(region)]:
        if (name is not None and zone.name == name) or (zone_id is not None and zone.zone_id == zone_id):
            return zone
    return None


def is_local_zone(region: str, name: str | None) -> bool:
    zone = find_zone(region, name=name) if name else None
    return zone is not None and zone.zone_type == "local-zone"


# ---------------------------------------------------------------------------------------
# moto.ec2.models.availability_zones_and_regions
# ---------------------------------------------------------------------------------------
def _patch_zone_models(module: Any) -> None:
    Zone, Backend = module.Zone, module.RegionsAndZonesBackend

    for region, zones in Backend.zones.items():
        for zone in zones:
            zone.opt_in_status = "opt-in-not-required"
            zone.group_name = f"{region}-zg-1"
            zone.network_border_group = region
            zone.group_long_name = REGION_LONG_NAMES.get(region)
            zone.parent_zone_name = None
            zone.parent_zone_id = None
    for region, specs in LOCAL_ZONES.items():
        regular = {z.zone_id: z.name for z in Backend.zones.get(region, [])}
        for spec in specs:
            if any(z.name == spec["name"] for z in Backend.zones.get(region, [])):
                continue
            zone = Zone(region_name=region, name=spec["name"], zone_id=spec["zone_id"], zone_type="local-zone")
            zone.opt_in_status = "not-opted-in"  # per account: see _view
            zone.group_name = spec["group"]
            zone.network_border_group = spec["group"]
            zone.group_long_name = spec["group_long_name"]
            zone.parent_zone_id = spec["parent_zone_id"]
            zone.parent_zone_name = regular.get(spec["parent_zone_id"])
            Backend.zones.setdefault(region, []).append(zone)

    original_describe = Backend.describe_availability_zones

    def describe_availability_zones(self: Any, filters: Any = None, zone_names: Any = None, zone_ids: Any = None) -> list[Any]:
        """moto's own callers: Availability Zones only (no default subnet in a Local Zone)."""
        return [z for z in original_describe(self, filters, zone_names, zone_ids) if z.zone_type != "local-zone"]

    Backend.describe_availability_zones = describe_availability_zones

    def get_zone_by_name(self: Any, name: str) -> Any:
        return find_zone(self.region_name, name=name)

    Backend.get_zone_by_name = get_zone_by_name


# ---------------------------------------------------------------------------------------
# DescribeAvailabilityZones / ModifyAvailabilityZoneGroup
# ---------------------------------------------------------------------------------------
_FILTER_ATTRIBUTES = {
    "zone-name": "name", "zone-id": "zone_id", "zone-type": "zone_type", "opt-in-status": "opt_in_status",
    "state": "state", "region-name": "region_name", "group-name": "group_name", "group-long-name": "group_long_name",
    "parent-zone-name": "parent_zone_name", "parent-zone-id": "parent_zone_id", "message": None,
}


def _matches(zone: Any, filters: dict[str, list[str]]) -> bool:
    for name, values in filters.items():
        if name not in _FILTER_ATTRIBUTES:
            from moto.ec2.exceptions import InvalidFilter

            raise InvalidFilter(name, error_type="InvalidParameterValue")
        attribute = _FILTER_ATTRIBUTES[name]
        if attribute is None:  # zone messages: the emulator's zones have none
            candidates = [m.get("Message") or m.get("message") for m in zone.messages]
        else:
            candidates = [getattr(zone, attribute, None)]
        if not any(c is not None and fnmatch.fnmatchcase(str(c), v) for c in candidates for v in values):
            return False
    return True


def _patch_zone_responses(module: Any) -> None:
    from moto.core.responses import ActionResult

    Responses = module.AvailabilityZonesAndRegions

    def describe_availability_zones(self: Any) -> Any:
        self.error_on_dryrun()
        filters = self._filters_from_querystring() or {}
        zone_names = self._get_param("ZoneNames", []) or []
        zone_ids = self._get_param("ZoneIds", []) or []
        all_zones = bool(self._get_bool_param("AllAvailabilityZones", False))
        listed = zones_of(self.ec2_backend, all_zones)
        unknown = [n for n in zone_names if n not in {z.name for z in listed}]
        if unknown:
            raise _ec2_error("InvalidParameterValue", f"Invalid availability zone: [{', '.join(unknown)}]")
        zones = [z for z in listed if (not zone_names or z.name in zone_names) and (not zone_ids or z.zone_id in zone_ids)]
        zones = [z for z in zones if _matches(z, filters)]
        return ActionResult({"AvailabilityZones": zones})

    def modify_availability_zone_group(self: Any) -> Any:
        self.error_on_dryrun()
        group = self._get_param("GroupName")
        status = self._get_param("OptInStatus")
        groups = {z.group_name for z in _local_zones(self.ec2_backend.region_name)}
        if status not in ("opted-in", "not-opted-in"):
            raise _ec2_error("InvalidParameterValue", f"Invalid value '{status}' for optInStatus. Valid values: opted-in | not-opted-in")
        if group not in groups:
            raise _ec2_error("InvalidParameterValue", f"The zone group '{group}' is not a Local Zone or Wavelength Zone group of "
                                                      f"{self.ec2_backend.region_name}")
        if status == "not-opted-in":
            raise _ec2_error("InvalidParameterValue", f"You cannot opt out of the zone group '{group}' with this request: "
                                                      "contact AWS Support to opt out of a Local Zone group")
        opted_in_groups(self.ec2_backend).add(group)
        return ActionResult({"Return": True})

    Responses.describe_availability_zones = describe_availability_zones
    Responses.modify_availability_zone_group = modify_availability_zone_group


# ---------------------------------------------------------------------------------------
# CreateSubnet
# ---------------------------------------------------------------------------------------
def _patch_subnets(module: Any) -> None:
    Backend = module.SubnetBackend
    original = Backend.create_subnet

    def create_subnet(self: Any, vpc_id: str, cidr_block: str, ipv6_cidr_block: str | None = None,
                      availability_zone: str | None = None, availability_zone_id: str | None = None, *args: Any, **kwargs: Any) -> Any:
        region = self.region_name
        zone = find_zone(region, name=availability_zone) if availability_zone else (
            find_zone(region, zone_id=availability_zone_id) if availability_zone_id else None)
        if zone is not None and zone.zone_type == "local-zone":
            if zone.group_name not in opted_in_groups(self):
                usable = ", ".join(z.name for z in zones_of(self, all_zones=False))
                raise _ec2_error("InvalidParameterValue", f"Value ({zone.name}) for parameter availabilityZone is invalid. "
                                                          f"Subnets can currently only be created in the following availability zones: {usable}.")
            availability_zone, availability_zone_id = zone.name, None
            subnet = original(self, vpc_id, cidr_block, ipv6_cidr_block, availability_zone, availability_zone_id, *args, **kwargs)
            subnet.default_for_az = False  # AWS: only a default VPC's subnets are default subnets
            subnet.map_public_ip_on_launch = False
            return subnet
        return original(self, vpc_id, cidr_block, ipv6_cidr_block, availability_zone, availability_zone_id, *args, **kwargs)

    Backend.create_subnet = create_subnet


# ---------------------------------------------------------------------------------------
# Instance type offerings, RunInstances
# ---------------------------------------------------------------------------------------
def local_zone_types(region: str, zone_name: str) -> set[str]:
    """The instance types `zone_name` (a Local Zone of `region`) offers."""
    from moto.ec2.models.instance_types import INSTANCE_TYPE_OFFERINGS

    families = LOCAL_ZONE_FAMILIES.get(zone_name, ())
    regional = {o["InstanceType"] for o in INSTANCE_TYPE_OFFERINGS["region"].get(region, [])}
    return {t for t in regional if t.split(".")[0] in families and not t.endswith(".metal")}


def _patch_instance_types(module: Any) -> None:
    offerings = module.INSTANCE_TYPE_OFFERINGS
    for region, specs in LOCAL_ZONES.items():
        for spec in specs:
            types = sorted(local_zone_types(region, spec["name"]))
            by_name = offerings["availability-zone"].setdefault(region, [])
            by_id = offerings["availability-zone-id"].setdefault(region, [])
            if any(o["Location"] == spec["name"] for o in by_name):
                continue
            by_name += [{"InstanceType": t, "Location": spec["name"], "LocationType": "availability-zone"} for t in types]
            by_id += [{"InstanceType": t, "Location": spec["zone_id"], "LocationType": "availability-zone-id"} for t in types]

    Backend = module.InstanceTypeOfferingBackend
    original = Backend.describe_instance_type_offerings

    def describe_instance_type_offerings(self: Any, location_type: str | None = None, filters: Any = None) -> list[Any]:
        result = original(self, location_type, filters)
        if location_type not in ("availability-zone", "availability-zone-id"):
            return result
        hidden = set()
        for zone in _local_zones(self.region_name):
            if zone.group_name not in opted_in_groups(self):
                hidden |= {zone.name, zone.zone_id}
        return [o for o in result if o.get("Location") not in hidden]

    Backend.describe_instance_type_offerings = describe_instance_type_offerings


def offered_in(backend: Any, instance_type: str) -> list[str]:
    """The account's zones (rule 1) that offer `instance_type`, sorted."""
    from moto.ec2.models.instance_types import INSTANCE_TYPE_OFFERINGS

    rows = INSTANCE_TYPE_OFFERINGS["availability-zone"].get(backend.region_name, [])
    offering = {o["Location"] for o in rows if o["InstanceType"] == instance_type}
    return sorted(z.name for z in zones_of(backend, all_zones=False) if z.name in offering)


def unsupported_error(backend: Any, instance_type: str, zone_name: str) -> Exception:
    message = f"Your requested instance type ({instance_type}) is not supported in your requested Availability Zone ({zone_name})."
    zones = offered_in(backend, instance_type)
    if zones:  # a type offered nowhere in the region: the first sentence alone (ours)
        message += f" Please retry your request by not specifying an Availability Zone or choosing {', '.join(zones)}."
    return _ec2_error("Unsupported", message)


def _launch_target(backend: Any, kwargs: dict[str, Any]) -> tuple[str | None, str | None]:
    """(instance type, zone name) a RunInstances request launches into."""
    template: dict[str, Any] = {}
    if kwargs.get("launch_template"):
        try:
            template = backend._get_template_from_args(kwargs["launch_template"]).data or {}
        except Exception:
            template = {}
    instance_type = kwargs.get("instance_type")
    if kwargs.get("is_instance_type_default") and template.get("InstanceType"):
        instance_type = template["InstanceType"]
    subnet_id = kwargs.get("subnet_id")
    for nic in kwargs.get("nics") or template.get("NetworkInterfaces") or []:
        if str(nic.get("DeviceIndex", 0)) == "0" and nic.get("SubnetId"):
            subnet_id = subnet_id or nic["SubnetId"]
    zone = None
    if subnet_id:
        try:
            zone = backend.get_subnet(subnet_id).availability_zone
        except Exception:
            zone = None
    if zone is None:
        zone = kwargs.get("placement") or (template.get("Placement") or {}).get("AvailabilityZone")
    return instance_type, zone


def _patch_instances(module: Any) -> None:
    Backend = module.InstanceBackend
    original = Backend.run_instances

    def run_instances(self: Any, image_id: str, count: int, user_data: Any, security_group_names: list[str], **kwargs: Any) -> Any:
        instance_type, zone = _launch_target(self, kwargs)
        if zone and instance_type and is_local_zone(self.region_name, zone):
            if instance_type not in local_zone_types(self.region_name, zone):
                raise unsupported_error(self, instance_type, zone)
        return original(self, image_id, count, user_data, security_group_names, **kwargs)

    Backend.run_instances = run_instances


# ---------------------------------------------------------------------------------------
# install
# ---------------------------------------------------------------------------------------
def _register(name: str, patch: Callable[[Any], None]) -> None:
    import eksup_moto_strict

    eksup_moto_strict._register(name, patch)


def _patch_vpcs(module: Any) -> None:
    """VPC endpoint services list Availability Zones only (moto listed every zone of the region)."""
    Backend = module.VPCBackend
    original = Backend._collect_default_endpoint_services

    def collect(account_id: str, region: str) -> list[dict[str, str]]:
        services = original(account_id, region)
        local = {z.name for z in _local_zones(region)}
        for service in services:
            zones = service.get("AvailabilityZones") if isinstance(service, dict) else None
            if isinstance(zones, list) and local.intersection(zones):
                service["AvailabilityZones"] = [z for z in zones if z not in local]
        return services

    Backend._collect_default_endpoint_services = staticmethod(collect)


def install() -> None:
    _register("moto.ec2.models.availability_zones_and_regions", _patch_zone_models)
    _register("moto.ec2.models.vpcs", _patch_vpcs)
    _register("moto.ec2.responses.availability_zones_and_regions", _patch_zone_responses)
    _register("moto.ec2.models.subnets", _patch_subnets)
    _register("moto.ec2.models.instance_types", _patch_instance_types)
    _register("moto.ec2.models.instances", _patch_instances)


__all__ = ["install", "LOCAL_ZONES", "LOCAL_ZONE_FAMILIES", "find_zone", "is_local_zone", "zones_of", "opted_in_groups",
           "local_zone_types", "unsupported_error"]

