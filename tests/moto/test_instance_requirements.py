"""EC2 GetInstanceTypesFromInstanceRequirements (eksup_moto_instance_requirements.py)."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

X86 = {"ArchitectureTypes": ["x86_64"], "VirtualizationTypes": ["hvm"]}
ARM = {"ArchitectureTypes": ["arm64"], "VirtualizationTypes": ["hvm"]}


def names(ec2, **kwargs) -> list[str]:
    """Every matching type, following nextToken."""
    out: list[str] = []
    for page in ec2.get_paginator("get_instance_types_from_instance_requirements").paginate(**kwargs):
        out += [t["InstanceType"] for t in page["InstanceTypes"]]
    return out


def infos(ec2, types: list[str]) -> dict[str, dict[str, Any]]:
    """DescribeInstanceTypes of `types` (100 per call, AWS's limit), by name."""
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(types), 100):
        for info in ec2.describe_instance_types(InstanceTypes=types[i : i + 100])["InstanceTypes"]:
            out[info["InstanceType"]] = info
    return out


def code_of(call, *args, **kwargs) -> tuple[str, str]:
    with pytest.raises(ClientError) as raised:
        call(*args, **kwargs)
    error = raised.value.response["Error"]
    return error["Code"], error["Message"]


def unvalidated(emulator) -> Any:
    """A client that sends what botocore would refuse locally (missing required members), as
    another SDK or a hand-made request could."""
    return emulator.session.client("ec2", endpoint_url=emulator.endpoint, config=Config(parameter_validation=False))


def test_vcpus_and_memory_select_non_burstable_types_of_that_size(emulator):
    ec2 = emulator.client("ec2")
    two_by_four = {"VCpuCount": {"Min": 2, "Max": 2}, "MemoryMiB": {"Min": 4096, "Max": 4096}}
    found = names(ec2, **X86, InstanceRequirements=two_by_four)
    assert "c5.large" in found
    assert "t3.medium" not in found  # burstable: BurstablePerformance defaults to excluded
    assert "m5.large" not in found  # 8 GiB
    assert len(found) == len(set(found)) and found == sorted(found)
    for name, info in infos(ec2, found).items():
        assert info["VCpuInfo"]["DefaultVCpus"] == 2 and info["MemoryInfo"]["SizeInMiB"] == 4096, name
        assert "x86_64" in info["ProcessorInfo"]["SupportedArchitectures"], name
        assert not info["BurstablePerformanceSupported"] and not info["BareMetal"], name

    with_burstable = names(ec2, **X86, InstanceRequirements={**two_by_four, "BurstablePerformance": "included"})
    assert "t3.medium" in with_burstable and set(found) < set(with_burstable)
    only_burstable = names(ec2, **X86, InstanceRequirements={**two_by_four, "BurstablePerformance": "required"})
    assert "t3.medium" in only_burstable and "c5.large" not in only_burstable

    # An open Max: 4 GiB and up.
    at_least = names(ec2, **X86, InstanceRequirements={"VCpuCount": {"Min": 2, "Max": 2}, "MemoryMiB": {"Min": 4096}})
    assert {"c5.large", "m5.large"} <= set(at_least)


def test_arm64_gives_graviton_types_only(emulator):
    ec2 = emulator.client("ec2")
    found = names(ec2, **ARM, InstanceRequirements={"VCpuCount": {"Min": 2, "Max": 2}, "MemoryMiB": {"Min": 0}})
    assert "m6g.large" in found and "c6g.large" in found
    assert "c5.large" not in found and "m5.large" not in found
    for name, info in infos(ec2, found).items():
        assert info["ProcessorInfo"]["SupportedArchitectures"] == ["arm64"], name
        assert info["ProcessorInfo"]["Manufacturer"] == "AWS", name
    # Bare metal defaults to excluded; required gives only .metal types.
    big = {"VCpuCount": {"Min": 64, "Max": 64}, "MemoryMiB": {"Min": 0}}
    assert found and not any(n.endswith(".metal") for n in names(ec2, **ARM, InstanceRequirements=big))
    metal = names(ec2, **ARM, InstanceRequirements={**big, "BareMetal": "required"})
    assert "c6g.metal" in metal and all(info["BareMetal"] for info in infos(ec2, metal).values())


def test_accelerator_count_max_zero_excludes_accelerated_types(emulator):
    ec2 = emulator.client("ec2")
    four_by_sixteen = {"VCpuCount": {"Min": 4, "Max": 4}, "MemoryMiB": {"Min": 16384, "Max": 16384}}
    default = names(ec2, **X86, InstanceRequirements=four_by_sixteen)
    assert "g4dn.xlarge" in default and "m5.xlarge" in default  # accelerators are included by default

    none = names(ec2, **X86, InstanceRequirements={**four_by_sixteen, "AcceleratorCount": {"Max": 0}})
    assert "g4dn.xlarge" not in none and "m5.xlarge" in none
    accelerated = ("GpuInfo", "FpgaInfo", "InferenceAcceleratorInfo", "NeuronInfo", "MediaAcceleratorInfo")
    assert not [n for n, info in infos(ec2, none).items() if any(k in info for k in accelerated)]

    gpus = names(ec2, **X86, InstanceRequirements={"VCpuCount": {"Min": 0}, "MemoryMiB": {"Min": 0},
                                                    "AcceleratorCount": {"Min": 1}, "AcceleratorTypes": ["gpu"]})
    assert "g4dn.xlarge" in gpus and "inf1.xlarge" not in gpus and "m5.xlarge" not in gpus
    assert all("GpuInfo" in info for info in infos(ec2, gpus).values())
    nvidia_t4 = names(ec2, **X86, InstanceRequirements={"VCpuCount": {"Min": 0}, "MemoryMiB": {"Min": 0},
                                                         "AcceleratorManufacturers": ["nvidia"], "AcceleratorNames": ["t4"]})
    assert nvidia_t4 and all(n.startswith("g4dn.") for n in nvidia_t4)
    any_inference = {"VCpuCount": {"Min": 0}, "MemoryMiB": {"Min": 0}, "AcceleratorTypes": ["inference"]}
    inference = names(ec2, **X86, InstanceRequirements=any_inference)
    assert "inf1.xlarge" in inference and "g4dn.xlarge" not in inference


def test_allowed_and_excluded_instance_types_take_wildcards(emulator):
    ec2 = emulator.client("ec2")
    any_size = {"VCpuCount": {"Min": 0}, "MemoryMiB": {"Min": 0}}
    c5 = names(ec2, **X86, InstanceRequirements={**any_size, "AllowedInstanceTypes": ["c5*"]})
    assert {"c5.large", "c5a.large", "c5n.large"} <= set(c5) and all(n.startswith("c5") for n in c5)
    c5a = names(ec2, **X86, InstanceRequirements={**any_size, "AllowedInstanceTypes": ["c5a.*", "m5.large"]})
    assert "c5a.large" in c5a and "m5.large" in c5a and "c5.large" not in c5a and "m5.xlarge" not in c5a
    without = names(ec2, **X86, InstanceRequirements={**any_size, "ExcludedInstanceTypes": ["c5*", "*3*"]})
    assert "c6i.large" in without and not [n for n in without if n.startswith("c5") or "3" in n]
    current = names(ec2, **X86, InstanceRequirements={**any_size, "InstanceGenerations": ["current"]})
    assert current and all(info["CurrentGeneration"] for info in infos(ec2, current).values())


def test_only_types_offered_in_the_region(emulator):
    request = {**X86, "InstanceRequirements": {"VCpuCount": {"Min": 2, "Max": 2}, "MemoryMiB": {"Min": 4096, "Max": 4096}}}
    oregon = names(emulator.client("ec2"), **request)
    cape_town_client = emulator.session.client("ec2", endpoint_url=emulator.endpoint, region_name="af-south-1")
    cape_town = names(cape_town_client, **request)
    offered = {o["InstanceType"] for page in cape_town_client.get_paginator("describe_instance_type_offerings").paginate()
               for o in page["InstanceTypeOfferings"]}
    assert "c6a.large" in oregon and "c6a.large" not in offered and "c6a.large" not in cape_town
    assert "c5.large" in cape_town and set(cape_town) <= offered and set(cape_town) < set(oregon)


def test_pagination_returns_every_type_exactly_once(emulator):
    ec2 = emulator.client("ec2")
    request = {**X86, "InstanceRequirements": {"VCpuCount": {"Min": 2, "Max": 8}, "MemoryMiB": {"Min": 0}}}
    whole = ec2.get_instance_types_from_instance_requirements(**request)
    assert "NextToken" not in whole
    every = [t["InstanceType"] for t in whole["InstanceTypes"]]
    assert len(every) > 20

    pages, token = [], None
    while True:
        page = ec2.get_instance_types_from_instance_requirements(**request, MaxResults=7, **({"NextToken": token} if token else {}))
        pages.append([t["InstanceType"] for t in page["InstanceTypes"]])
        token = page.get("NextToken")
        if not token:
            break
    assert all(len(p) == 7 for p in pages[:-1]) and 1 <= len(pages[-1]) <= 7
    assert [n for p in pages for n in p] == every
    assert names(ec2, **request, PaginationConfig={"PageSize": 5}) == every

    assert code_of(ec2.get_instance_types_from_instance_requirements, **request, NextToken="not-a-token")[0] == "InvalidNextToken"


def test_refusals(emulator):
    ec2 = emulator.client("ec2")
    call = ec2.get_instance_types_from_instance_requirements
    memory = {"MemoryMiB": {"Min": 0}}
    requirements = {"VCpuCount": {"Min": 2}, **memory}
    # A Max below its Min, in any range.
    assert code_of(call, **X86, InstanceRequirements={"VCpuCount": {"Min": 4, "Max": 2}, **memory})[0] == "InvalidParameterValue"
    assert code_of(call, **X86, InstanceRequirements={"VCpuCount": {"Min": 2}, "MemoryMiB": {"Min": 8192, "Max": 4096}})[0] == \
        "InvalidParameterValue"
    assert code_of(call, **X86, InstanceRequirements={**requirements, "AcceleratorCount": {"Min": 2, "Max": 1}})[0] == \
        "InvalidParameterValue"
    both = {**requirements, "AllowedInstanceTypes": ["c5*"], "ExcludedInstanceTypes": ["c5.large"]}
    assert code_of(call, **X86, InstanceRequirements=both)[0] == "InvalidParameterCombination"
    assert code_of(call, **X86, InstanceRequirements=requirements, MaxResults=0)[0] == "InvalidParameterValue"
    assert code_of(call, **X86, InstanceRequirements=requirements, DryRun=True)[0] == "DryRunOperation"

    raw = unvalidated(emulator).get_instance_types_from_instance_requirements
    assert code_of(raw, **X86) == ("MissingParameter", "The request must contain the parameter InstanceRequirements")
    assert code_of(raw, VirtualizationTypes=["hvm"], InstanceRequirements=requirements) == \
        ("MissingParameter", "The request must contain the parameter ArchitectureType")
    assert code_of(raw, ArchitectureTypes=["x86_64"], InstanceRequirements=requirements)[0] == "MissingParameter"
    assert code_of(raw, **X86, InstanceRequirements={"VCpuCount": {"Max": 2}, **memory}) == \
        ("MissingParameter", "The request must contain the parameter InstanceRequirements.VCpuCount.Min")
    assert code_of(raw, **X86, InstanceRequirements={"VCpuCount": {"Min": 2}}) == \
        ("MissingParameter", "The request must contain the parameter InstanceRequirements.MemoryMiB")
    sparc = {"ArchitectureTypes": ["sparc"], "VirtualizationTypes": ["hvm"]}
    assert code_of(raw, **sparc, InstanceRequirements=requirements)[0] == "InvalidParameterValue"
