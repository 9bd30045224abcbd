"""EC2 ``GetInstanceTypesFromInstanceRequirements`` for eksup's moto emulator (installed by
``eksup_moto.install()``).

eksup resolves eksctl's ``instanceSelector`` (vCPUs, memory, GPUs, CPU architecture) into instance
types with this call, then keeps the ones offered in the nodegroup's zones with
DescribeInstanceTypeOfferings (which moto has). moto 5.2.5 does not implement the action (the call
answered an error); this module adds it to moto's EC2 response class when ``moto.ec2.responses`` is
first imported, as an EC2 query-protocol action: moto parses the request and serializes the answer
with the botocore model, so the XML is AWS's (``instanceTypeSet`` of ``item``/``instanceType``, and
``nextToken``). No state: nothing to reset.

Sources: the AWS EC2 API reference (GetInstanceTypesFromInstanceRequirements,
InstanceRequirementsRequest, Common Error Types) and the botocore model ``ec2/2016-11-15``
(``GetInstanceTypesFromInstanceRequirementsRequest``: required members, list sizes, enums, and the
"Default:" line of each member's documentation). Each rule below names its source in the code.

Data: moto's catalog, ``moto/ec2/resources/instance_types.json`` (what DescribeInstanceTypes
answers), restricted to the types in ``moto/ec2/resources/instance_type_offerings/region/<region>``
(what DescribeInstanceTypeOfferings answers for the request's region). Answers are sorted by name.

Request -> what is matched (``InstanceTypeInfo`` field of the catalog)
-----------------------------------------------------------------------
* ``ArchitectureType.N`` (required): any of ``ProcessorInfo.SupportedArchitectures``.
* ``VirtualizationType.N`` (required): any of ``SupportedVirtualizationTypes``.
* ``InstanceRequirements`` (required), ``VCpuCount`` and ``MemoryMiB`` (required, each with a
  required ``Min``; no ``Max`` = no limit): ``VCpuInfo.DefaultVCpus``, ``MemoryInfo.SizeInMiB``.
* ``MemoryGiBPerVCpu``: memory / vCPUs in GiB. ``CpuManufacturers`` (``intel``, ``amd``,
  ``amazon-web-services``, ``apple``): ``ProcessorInfo.Manufacturer``.
* ``InstanceGenerations`` (default both): ``CurrentGeneration``.
* ``BareMetal`` (default ``excluded``): ``BareMetal``. ``BurstablePerformance`` (default
  ``excluded``): ``BurstablePerformanceSupported``. ``LocalStorage`` (default ``included``):
  ``InstanceStorageSupported``. ``included`` = either, ``required`` = only, ``excluded`` = none.
* ``LocalStorageTypes`` (default both; only constrains types that have instance storage, our
  reading): ``InstanceStorageInfo.Disks[].Type``. ``TotalLocalStorageGB``:
  ``InstanceStorageInfo.TotalSizeInGB`` (0 without instance storage).
* ``RequireHibernateSupport`` (default false): ``HibernationSupported``. ``RequireEncryptionInTransit``
  (default false): ``NetworkInfo.EncryptionInTransitSupported``.
* ``NetworkInterfaceCount``: ``NetworkInfo.MaximumNetworkInterfaces``. ``NetworkBandwidthGbps``: the
  sum of ``NetworkInfo.NetworkCards[].BaselineBandwidthInGbps``. ``BaselineEbsBandwidthMbps``:
  ``EbsInfo.EbsOptimizedInfo.BaselineBandwidthInMbps`` (0 when not EBS-optimized).
* Accelerators: ``GpuInfo.Gpus`` (type ``gpu``), ``FpgaInfo.Fpgas`` (``fpga``),
  ``InferenceAcceleratorInfo.Accelerators`` or ``NeuronInfo.NeuronDevices`` (``inference``; an
  Inferentia listed in both is counted once; Trainium, which has only ``NeuronInfo``, is counted as
  ``inference``, our reading), ``MediaAcceleratorInfo.Accelerators`` (``media``).
  ``AcceleratorCount`` (default no limits, so accelerated types are included; ``Max`` 0 excludes
  every type with any accelerator) compares the sum of their ``Count`` (a fractional GPU, g6f's
  ``Count`` 0, counts as its ``LogicalGpuCount``: our reading, so that Max 0 excludes it too). ``AcceleratorTypes``,
  ``AcceleratorManufacturers`` (catalog ``NVIDIA``/``AMD``/``AWS``/``Xilinx``/``Habana``; Neuron
  devices are ``amazon-web-services``) and ``AcceleratorNames`` (catalog name lower-cased, spaces as
  ``-``: ``T4g`` -> ``t4g``) each require at least one accelerator that matches.
  ``AcceleratorTotalMemoryMiB``: the sum of the ``Total*MemoryInMiB`` of those infos.
* ``AllowedInstanceTypes`` / ``ExcludedInstanceTypes``: names with ``*`` wildcards, matched against
  the whole type name (``c5*`` = c5, c5a, c5n...; ``m5a.*`` = every m5a size).
* ``MaxResults`` / ``NextToken``: pages of ``MaxResults`` types and an opaque ``nextToken`` while
  more remain. The model gives MaxResults no range and AWS documents no default page size: without
  MaxResults every match is answered in one page (ours).
* ``DryRun``: ``DryRunOperation`` as moto answers it for every EC2 action.

Not applied (accepted and ignored):

* ``SpotMaxPricePercentageOverLowestPrice``, ``OnDemandMaxPricePercentageOverLowestPrice``: the API
  reference says "This parameter is not supported for ... GetInstanceTypesFromInstanceRequirements".
  ``MaxSpotPriceAsPercentageOfOptimalOnDemandPrice``: price protection, which needs prices that the
  emulator does not have (moto has no price data).
* ``BaselinePerformanceFactors``: needs CPU performance data the catalog does not have.
* ``Context``: "Reserved." (model).

Refusals (HTTP 400)
-------------------
* ``MissingParameter`` "The request must contain the parameter <name>" when ``ArchitectureType``,
  ``VirtualizationType``, ``InstanceRequirements``, ``InstanceRequirements.VCpuCount(.Min)`` or
  ``InstanceRequirements.MemoryMiB(.Min)`` is missing (required in the model; the wording is EC2's
  MissingParameter sentence as moto's ``MissingParameterError`` writes it). An empty list is a
  missing one: the EC2 protocol sends nothing for it (botocore's ``EC2Serializer``).
* ``InvalidParameterValue`` when a ``Max`` is below its ``Min`` (any range of the request), when a
  value is not in its model enum, when ``AllowedInstanceTypes``/``ExcludedInstanceTypes`` has more
  than 400 entries or an entry outside 1-30 characters of ``[a-zA-Z0-9.*-]`` (model), or when
  ``MaxResults`` is below 1. The messages are ours: AWS's are not published.
* ``InvalidParameterCombination`` (Common Error Types: "Parameters that must not be used together
  were used together") when both ``AllowedInstanceTypes`` and ``ExcludedInstanceTypes`` are given
  (InstanceRequirementsRequest: "If you specify ExcludedInstanceTypes, you can't specify
  AllowedInstanceTypes"). The message is ours.
* ``InvalidNextToken`` for a token this emulator did not hand out (moto's wording).
"""

from __future__ import annotations

import base64
import json
import re
from typing import Any

from eksup_moto_strict import _register

ACTION = "GetInstanceTypesFromInstanceRequirements"

# botocore model ec2/2016-11-15, the enums of the request's shapes.
ARCHITECTURES = ("i386", "x86_64", "arm64", "x86_64_mac", "arm64_mac")  # ArchitectureType
VIRTUALIZATIONS = ("hvm", "paravirtual")  # VirtualizationType
TRI_STATE = ("included", "required", "excluded")  # BareMetal, BurstablePerformance, LocalStorage
GENERATIONS = ("current", "previous")  # InstanceGeneration
LOCAL_STORAGE_TYPES = ("hdd", "ssd")  # LocalStorageType
ACCELERATOR_TYPES = ("gpu", "fpga", "inference", "media")  # AcceleratorType
# CpuManufacturer enum -> ProcessorInfo.Manufacturer of moto's catalog.
CPU_MANUFACTURERS = {"intel": "Intel", "amd": "AMD", "amazon-web-services": "AWS", "apple": "Apple"}
# AcceleratorManufacturer enum -> the catalog's accelerator Manufacturer.
ACCELERATOR_MANUFACTURERS = {"amazon-web-services": "AWS", "amd": "AMD", "nvidia": "NVIDIA", "xilinx": "Xilinx", "habana": "Habana"}
ACCELERATOR_NAMES = (  # AcceleratorName
    "a100", "inferentia", "k520", "k80", "m60", "radeon-pro-v520", "t4", "vu9p", "v100", "a10g", "h100", "t4g", "l40s", "l4",
    "gaudi-hl-205", "inferentia2", "trainium", "trainium2", "u30",
)
# AllowedInstanceTypeSet / ExcludedInstanceTypeSet: max 400 items; AllowedInstanceType /
# ExcludedInstanceType: 1-30 characters matching [a-zA-Z0-9\.\*\-]+.
TYPE_PATTERN_LIMIT = 400
TYPE_PATTERN = re.compile(r"[a-zA-Z0-9.*\-]{1,30}")
# The Min/Max ranges of InstanceRequirementsRequest (VCpuCountRangeRequest, MemoryMiBRequest, ...).
RANGES = ("VCpuCount", "MemoryMiB", "MemoryGiBPerVCpu", "NetworkInterfaceCount", "TotalLocalStorageGB",
          "BaselineEbsBandwidthMbps", "AcceleratorCount", "AcceleratorTotalMemoryMiB", "NetworkBandwidthGbps")


def _error(code: str, message: str) -> Exception:
    from moto.ec2.exceptions import EC2ClientError

    return EC2ClientError(code, message)


def _missing(name: str) -> Exception:
    from moto.ec2.exceptions import MissingParameterError

    return MissingParameterError(name)


def _invalid(message: str) -> Exception:
    return _error("InvalidParameterValue", message)


# ---------------------------------------------------------------------------------------
# Request validation
# ---------------------------------------------------------------------------------------
def _enum_list(values: Any, allowed: tuple[str, ...] | Any, name: str) -> list[str]:
    values = list(values or [])
    for value in values:
        if value not in allowed:
            raise _invalid(f"Value ({value}) for parameter {name} is invalid. Valid values: {', '.join(allowed)}.")
    return values


def _enum(value: Any, allowed: tuple[str, ...], name: str, default: str) -> str:
    if value is None:
        return default
    return _enum_list([value], allowed, name)[0]


def _type_patterns(values: Any, name: str) -> list[re.Pattern[str]]:
    values = list(values or [])
    if len(values) > TYPE_PATTERN_LIMIT:
        raise _invalid(f"The parameter {name} accepts at most {TYPE_PATTERN_LIMIT} instance types; "
                       f"{len(values)} were given.")
    for value in values:
        if not isinstance(value, str) or not TYPE_PATTERN.fullmatch(value):
            raise _invalid(f"Value ({value}) for parameter {name} is invalid: "
                           "1-30 characters of letters, digits, '.', '-' and '*'.")
    return [re.compile(".*".join(re.escape(part) for part in value.split("*"))) for value in values]


def validate(params: dict[str, Any]) -> dict[str, Any]:
    """The request, checked and with the documented defaults filled in (or an EC2 error)."""
    # Required members of GetInstanceTypesFromInstanceRequirementsRequest (botocore model).
    architectures = params.get("ArchitectureTypes")
    if not architectures:
        raise _missing("ArchitectureType")
    virtualizations = params.get("VirtualizationTypes")
    if not virtualizations:
        raise _missing("VirtualizationType")
    req = params.get("InstanceRequirements")
    if not req:
        raise _missing("InstanceRequirements")
    # InstanceRequirementsRequest requires VCpuCount and MemoryMiB; VCpuCountRangeRequest and
    # MemoryMiBRequest require Min (botocore model).
    for name in ("VCpuCount", "MemoryMiB"):
        if not isinstance(req.get(name), dict):
            raise _missing(f"InstanceRequirements.{name}")
        if req[name].get("Min") is None:
            raise _missing(f"InstanceRequirements.{name}.Min")
    ranges: dict[str, tuple[float, float]] = {}
    for name in RANGES:
        given = req.get(name) or {}
        low, high = given.get("Min"), given.get("Max")
        if low is not None and high is not None and high < low:
            raise _invalid(f"The maximum ({high}) of InstanceRequirements.{name} is less than its minimum ({low}).")
        ranges[name] = (float("-inf") if low is None else low, float("inf") if high is None else high)
    allowed, excluded = req.get("AllowedInstanceTypes"), req.get("ExcludedInstanceTypes")
    if allowed and excluded:
        # InstanceRequirementsRequest: "If you specify ExcludedInstanceTypes, you can't specify
        # AllowedInstanceTypes." Code: Common Error Types, InvalidParameterCombination.
        raise _error("InvalidParameterCombination", "InstanceRequirements.AllowedInstanceTypes and "
                     "InstanceRequirements.ExcludedInstanceTypes cannot be specified together.")
    max_results = params.get("MaxResults")
    if max_results is not None and max_results < 1:
        raise _invalid(f"Value ({max_results}) for parameter MaxResults is invalid. It must be at least 1.")
    return {
        "architectures": set(_enum_list(architectures, ARCHITECTURES, "ArchitectureType")),
        "virtualizations": set(_enum_list(virtualizations, VIRTUALIZATIONS, "VirtualizationType")),
        "ranges": ranges,
        # InstanceRequirementsRequest defaults ("Default:" in the botocore documentation):
        # CpuManufacturers "Any manufacturer"; InstanceGenerations "Current and previous";
        # BareMetal "excluded"; BurstablePerformance "excluded"; LocalStorage "included";
        # LocalStorageTypes "hdd and ssd"; RequireHibernateSupport and RequireEncryptionInTransit
        # "false"; AcceleratorTypes/Manufacturers/Names "Any"; AllowedInstanceTypes "All";
        # ExcludedInstanceTypes "No excluded"; every range "No minimum or maximum limits".
        "cpu_manufacturers": {
            CPU_MANUFACTURERS[m] for m in _enum_list(req.get("CpuManufacturers"), tuple(CPU_MANUFACTURERS), "CpuManufacturer")
        },
        "generations": set(_enum_list(req.get("InstanceGenerations"), GENERATIONS, "InstanceGeneration")) or set(GENERATIONS),
        "bare_metal": _enum(req.get("BareMetal"), TRI_STATE, "BareMetal", "excluded"),
        "burstable": _enum(req.get("BurstablePerformance"), TRI_STATE, "BurstablePerformance", "excluded"),
        "local_storage": _enum(req.get("LocalStorage"), TRI_STATE, "LocalStorage", "included"),
        "local_storage_types": (
            set(_enum_list(req.get("LocalStorageTypes"), LOCAL_STORAGE_TYPES, "LocalStorageType")) or set(LOCAL_STORAGE_TYPES)
        ),
        "hibernate": bool(req.get("RequireHibernateSupport")),
        "encryption_in_transit": bool(req.get("RequireEncryptionInTransit")),
        "accelerator_types": set(_enum_list(req.get("AcceleratorTypes"), ACCELERATOR_TYPES, "AcceleratorType")),
        "accelerator_manufacturers": {
            ACCELERATOR_MANUFACTURERS[m]
            for m in _enum_list(req.get("AcceleratorManufacturers"), tuple(ACCELERATOR_MANUFACTURERS), "AcceleratorManufacturer")
        },
        "accelerator_names": set(_enum_list(req.get("AcceleratorNames"), ACCELERATOR_NAMES, "AcceleratorName")),
        "allowed": _type_patterns(allowed, "InstanceRequirements.AllowedInstanceTypes"),
        "excluded": _type_patterns(excluded, "InstanceRequirements.ExcludedInstanceTypes"),
        "max_results": max_results,
    }


# ---------------------------------------------------------------------------------------
# Matching against moto's catalog
# ---------------------------------------------------------------------------------------
def accelerators(info: dict[str, Any]) -> list[dict[str, Any]]:
    """The accelerators of a catalog entry: ``{"type", "count", "manufacturer", "name"}``."""
    out = []

    def add(kind: str, items: list[dict[str, Any]], default_manufacturer: str | None = None) -> None:
        for item in items:
            out.append({
                "type": kind,
                # A fractional GPU (g6f: Count 0, GpuPartitionSize 0.125) counts as its
                # LogicalGpuCount, so that AcceleratorCount.Max 0 excludes it ("To exclude
                # accelerator-enabled instance types, set Max to 0", InstanceRequirementsRequest);
                # how AWS counts a fraction is not documented (ours).
                "count": int(item.get("Count") or item.get("LogicalGpuCount") or 0),
                "manufacturer": item.get("Manufacturer") or default_manufacturer,
                "name": str(item.get("Name") or "").lower().replace(" ", "-"),
            })

    add("gpu", (info.get("GpuInfo") or {}).get("Gpus") or [])
    add("fpga", (info.get("FpgaInfo") or {}).get("Fpgas") or [])
    # Inferentia appears both as an inference accelerator and as a Neuron device: count it once.
    neuron = (info.get("NeuronInfo") or {}).get("NeuronDevices") or []
    add("inference", neuron if neuron else (info.get("InferenceAcceleratorInfo") or {}).get("Accelerators") or [], "AWS")
    add("media", (info.get("MediaAcceleratorInfo") or {}).get("Accelerators") or [])
    return out


def _accelerator_memory(info: dict[str, Any]) -> int:
    neuron = (info.get("NeuronInfo") or {}).get("TotalNeuronDeviceMemoryInMiB")
    inference = neuron if neuron is not None else (info.get("InferenceAcceleratorInfo") or {}).get("TotalInferenceMemoryInMiB")
    return sum(int(v or 0) for v in (
        (info.get("GpuInfo") or {}).get("TotalGpuMemoryInMiB"),
        (info.get("FpgaInfo") or {}).get("TotalFpgaMemoryInMiB"),
        inference,
        (info.get("MediaAcceleratorInfo") or {}).get("TotalMediaMemoryInMiB"),
    ))


def _tri_state(setting: str, has: bool) -> bool:
    return setting == "included" or (setting == "required") == has


def matches(info: dict[str, Any], q: dict[str, Any]) -> bool:
    """Whether a catalog entry (``InstanceTypeInfo``) satisfies every requirement of `q`."""
    name = info["InstanceType"]

    def within(range_name: str, value: float) -> bool:
        low, high = q["ranges"][range_name]
        return low <= value <= high

    processor = info.get("ProcessorInfo") or {}
    if not q["architectures"] & set(processor.get("SupportedArchitectures") or []):
        return False
    if not q["virtualizations"] & set(info.get("SupportedVirtualizationTypes") or []):
        return False
    vcpus = int((info.get("VCpuInfo") or {}).get("DefaultVCpus") or 0)
    memory = int((info.get("MemoryInfo") or {}).get("SizeInMiB") or 0)
    if not within("VCpuCount", vcpus) or not within("MemoryMiB", memory):
        return False
    if vcpus and not within("MemoryGiBPerVCpu", memory / 1024 / vcpus):
        return False
    if q["cpu_manufacturers"] and processor.get("Manufacturer") not in q["cpu_manufacturers"]:
        return False
    if ("current" if info.get("CurrentGeneration") else "previous") not in q["generations"]:
        return False
    if not _tri_state(q["bare_metal"], bool(info.get("BareMetal"))):
        return False
    if not _tri_state(q["burstable"], bool(info.get("BurstablePerformanceSupported"))):
        return False
    storage = info.get("InstanceStorageInfo") or {}
    has_storage = bool(info.get("InstanceStorageSupported"))
    if not _tri_state(q["local_storage"], has_storage):
        return False
    if has_storage and not q["local_storage_types"] & {d.get("Type") for d in storage.get("Disks") or []}:
        return False
    if not within("TotalLocalStorageGB", float(storage.get("TotalSizeInGB") or 0)):
        return False
    network = info.get("NetworkInfo") or {}
    if q["hibernate"] and not info.get("HibernationSupported"):
        return False
    if q["encryption_in_transit"] and not network.get("EncryptionInTransitSupported"):
        return False
    if not within("NetworkInterfaceCount", int(network.get("MaximumNetworkInterfaces") or 0)):
        return False
    bandwidth = sum(float(card.get("BaselineBandwidthInGbps") or 0) for card in network.get("NetworkCards") or [])
    if not within("NetworkBandwidthGbps", bandwidth):
        return False
    ebs = ((info.get("EbsInfo") or {}).get("EbsOptimizedInfo") or {}).get("BaselineBandwidthInMbps") or 0
    if not within("BaselineEbsBandwidthMbps", int(ebs)):
        return False
    devices = accelerators(info)
    if not within("AcceleratorCount", sum(d["count"] for d in devices)):
        return False
    if not within("AcceleratorTotalMemoryMiB", _accelerator_memory(info)):
        return False
    if q["accelerator_types"] and not any(d["type"] in q["accelerator_types"] for d in devices):
        return False
    if q["accelerator_manufacturers"] and not any(d["manufacturer"] in q["accelerator_manufacturers"] for d in devices):
        return False
    if q["accelerator_names"] and not any(d["name"] in q["accelerator_names"] for d in devices):
        return False
    if q["allowed"] and not any(p.fullmatch(name) for p in q["allowed"]):
        return False
    if any(p.fullmatch(name) for p in q["excluded"]):
        return False
    return True


def instance_types_for(region: str, q: dict[str, Any]) -> list[str]:
    """The names of the types offered in `region` that satisfy `q`, sorted."""
    from moto.ec2.models.instance_types import INSTANCE_TYPE_OFFERINGS, INSTANCE_TYPES

    offered = {o["InstanceType"] for o in INSTANCE_TYPE_OFFERINGS["region"].get(region, [])}
    return sorted(name for name in offered if name in INSTANCE_TYPES and matches(INSTANCE_TYPES[name], q))


# ---------------------------------------------------------------------------------------
# Pagination
# ---------------------------------------------------------------------------------------
def _token(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"eksup": ACTION, "offset": offset}).encode()).decode()


def _offset(token: str) -> int:
    from moto.ec2.exceptions import InvalidNextToken

    try:
        decoded = json.loads(base64.urlsafe_b64decode(token.encode()))
        if decoded.get("eksup") != ACTION or not isinstance(decoded.get("offset"), int) or decoded["offset"] < 0:
            raise ValueError(token)
        return decoded["offset"]
    except (ValueError, TypeError, AttributeError):
        raise InvalidNextToken(token) from None


# ---------------------------------------------------------------------------------------
# The action
# ---------------------------------------------------------------------------------------
def _patch_ec2_responses(responses: Any) -> None:
    from moto.core.responses import ActionResult
    from moto.ec2.responses.instances import InstanceResponse

    def get_instance_types_from_instance_requirements(self: Any) -> Any:
        params = dict(getattr(self, "params", None) or {})
        q = validate(params)
        self.error_on_dryrun()
        names = instance_types_for(self.ec2_backend.region_name, q)
        start = _offset(params["NextToken"]) if params.get("NextToken") else 0
        end = len(names) if q["max_results"] is None else start + q["max_results"]
        result: dict[str, Any] = {"InstanceTypes": [{"InstanceType": n} for n in names[start:end]]}
        if end < len(names):
            result["NextToken"] = _token(end)
        return ActionResult(result)

    # moto dispatches an action to the method of its snake_case name on EC2Response (whose bases
    # include InstanceResponse), found by `method_names_from_class` at each request.
    InstanceResponse.get_instance_types_from_instance_requirements = get_instance_types_from_instance_requirements


def install() -> None:
    """Apply the patch of this module (called once per process)."""
    _register("moto.ec2.responses", _patch_ec2_responses)
