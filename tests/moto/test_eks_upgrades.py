"""Kubernetes upgrades on the emulator (eksup_moto_eks: UpdateClusterVersion, ListInsights /
DescribeInsight, DescribeClusterVersions, UpdateNodegroupVersion; eksup_moto_k8s: drain)."""

from __future__ import annotations

import base64
import datetime
import time
from typing import Any

import botocore.exceptions
import pytest

from test_k8s_api import FAST, Env, ready, wait_for

AL2023 = "/aws/service/eks/optimized-ami/{v}/amazon-linux-2023/x86_64/standard/recommended/image_id"


def error(call: Any, **kw: Any) -> dict[str, str]:
    with pytest.raises(botocore.exceptions.ClientError) as e:
        call(**kw)
    return e.value.response["Error"]


def image(env: Env, version: str) -> str:
    return env.emulator.client("ssm").get_parameter(Name=AL2023.format(v=version))["Parameter"]["Value"]


def kubelets(env: Env) -> dict[str, str]:
    return {n["metadata"]["name"]: n["status"]["nodeInfo"]["kubeletVersion"] for n in env.kube.nodes()}


def asg_of(env: Env, ng: str = "ng") -> dict[str, Any]:
    name = env.eks.describe_nodegroup(clusterName=env.name, nodegroupName=ng)["nodegroup"]["resources"]["autoScalingGroups"][0]["name"]
    return env.asg.describe_auto_scaling_groups(AutoScalingGroupNames=[name])["AutoScalingGroups"][0]


def states(env: Env, ids: list[str]) -> set[str]:
    return {i["State"]["Name"] for r in env.ec2.describe_instances(InstanceIds=ids)["Reservations"] for i in r["Instances"]}


def insights(env: Env, **filters: Any) -> dict[str, dict[str, Any]]:
    found = env.eks.list_insights(clusterName=env.name, **({"filter": filters} if filters else {}))["insights"]
    return {i["name"]: i for i in found}


def upgraded(env: Env, version: str, **kw: Any) -> dict[str, Any]:
    """Upgrade the control plane (no delay configured: Successful at once)."""
    update = env.eks.update_cluster_version(name=env.name, version=version, **kw)["update"]
    assert update["status"] == "Successful", update
    return update


# ---------------------------------------------------------------------------------------
# UpdateClusterVersion
# ---------------------------------------------------------------------------------------
@pytest.mark.emulator_env(**FAST)
def test_cluster_version_refusals(emulator):
    env = Env(emulator, version="1.30", addons=())
    e = error(env.eks.update_cluster_version, name="nope", version="1.31")
    assert e["Code"] == "ResourceNotFoundException" and e["Message"] == "No cluster found for name: nope."
    e = error(env.eks.update_cluster_version, name=env.name, version="1.99")
    assert e["Code"] == "InvalidParameterException" and e["Message"] == "unsupported Kubernetes version 1.99"
    for version in ("1.32", "1.30", "1.29"):  # a skip, the same version, a downgrade
        e = error(env.eks.update_cluster_version, name=env.name, version=version)
        assert e["Code"] == "InvalidParameterException"
        assert e["Message"] == f"Unsupported Kubernetes minor version update from 1.30 to {version}"
    assert env.eks.describe_cluster(name=env.name)["cluster"]["version"] == "1.30"
    assert env.eks.list_updates(name=env.name)["updateIds"] == []


@pytest.mark.emulator_env(**FAST, MOTO_EKS_CLUSTER_CREATE_SECONDS="1", MOTO_EKS_UPDATE_SECONDS="1")
def test_cluster_version_update_is_refused_while_creating_or_updating(emulator):
    env = Env(emulator, version="1.30", addons=())
    e = error(env.eks.update_cluster_version, name=env.name, version="1.31")
    assert e["Code"] == "ResourceInUseException" and e["Message"] == f"Cluster {env.name} is currently CREATING and cannot be updated."
    assert wait_for(lambda: env.eks.describe_cluster(name=env.name)["cluster"]["status"] == "ACTIVE", timeout=3)
    update = env.eks.update_cluster_version(name=env.name, version="1.31")["update"]
    e = error(env.eks.update_cluster_version, name=env.name, version="1.31")
    assert e["Code"] == "ResourceInUseException"
    assert e["Message"] == f"Cannot VersionUpdate because cluster {env.name} currently has update {update['id']} in progress"
    e = error(env.eks.update_cluster_config, name=env.name, logging={"clusterLogging": [{"types": ["api"], "enabled": True}]})
    assert e["Code"] == "ResourceInUseException" and update["id"] in e["Message"]


@pytest.mark.emulator_env(**FAST, MOTO_EKS_UPDATE_SECONDS="1")
def test_cluster_version_changes_only_when_the_update_succeeds(emulator):
    env = Env(emulator, version="1.33", addons=())
    before = env.eks.describe_cluster(name=env.name)["cluster"]
    assert before["platformVersion"] == "eks.20"
    update = env.eks.update_cluster_version(name=env.name, version="1.34", clientRequestToken="tok-1")["update"]
    assert update["status"] == "InProgress" and update["type"] == "VersionUpdate" and update["errors"] == []
    assert update["params"] == [{"type": "Version", "value": "1.34"}, {"type": "PlatformVersion", "value": "eks.1"}]
    cluster = env.eks.describe_cluster(name=env.name)["cluster"]
    assert cluster["status"] == "UPDATING" and cluster["version"] == "1.33"
    assert env.kube.get("/version")["gitVersion"].startswith("v1.33.")
    # An SDK retry after a lost answer (same token, same request) gets the same update back.
    again = env.eks.update_cluster_version(name=env.name, version="1.34", clientRequestToken="tok-1")["update"]
    assert again["id"] == update["id"] and again["status"] == "InProgress"
    assert error(env.eks.update_cluster_version, name=env.name, version="1.34", clientRequestToken="tok-2")["Code"] == "ResourceInUseException"
    assert env.eks.list_updates(name=env.name)["updateIds"] == [update["id"]]
    time.sleep(1.2)
    # The Kubernetes API moved on its own (a timer), before any EKS call.
    assert env.kube.get("/version")["gitVersion"].startswith("v1.34.")
    done = env.eks.describe_update(name=env.name, updateId=update["id"])["update"]
    assert done["status"] == "Successful"
    cluster = env.eks.describe_cluster(name=env.name)["cluster"]
    assert cluster["status"] == "ACTIVE" and cluster["version"] == "1.34" and cluster["platformVersion"] == "eks.12"
    again = env.eks.update_cluster_version(name=env.name, version="1.34", clientRequestToken="tok-1")["update"]
    assert again["id"] == update["id"] and again["status"] == "Successful"


@pytest.mark.emulator_env(**FAST)
def test_without_a_delay_the_version_update_is_done_at_once(emulator):
    env = Env(emulator, version="1.34", addons=())
    update = upgraded(env, "1.35")
    assert env.eks.describe_cluster(name=env.name)["cluster"]["version"] == "1.35"
    assert env.eks.describe_update(name=env.name, updateId=update["id"])["update"]["status"] == "Successful"
    e = error(env.eks.update_cluster_version, name=env.name, version="1.36")  # 1.35 is the newest
    assert e["Code"] == "InvalidParameterException" and e["Message"] == "unsupported Kubernetes version 1.36"


@pytest.mark.emulator_env(**FAST)
def test_managed_nodegroups_must_match_the_cluster_before_it_is_upgraded(emulator):
    env = Env(emulator, version="1.33")
    assert env.managed(desired=1)["status"] == "ACTIVE"
    upgraded(env, "1.34")
    e = error(env.eks.update_cluster_version, name=env.name, version="1.35", force=True)  # force does not override this
    assert e["Code"] == "InvalidParameterException"
    assert e["Message"] == "Nodegroups ng must be updated to match cluster version 1.34 before updating cluster version"


# ---------------------------------------------------------------------------------------
# Upgrade insights
# ---------------------------------------------------------------------------------------
@pytest.mark.emulator_env(**FAST)
def test_insights_are_computed_for_the_next_version_and_an_incompatible_addon_blocks_the_upgrade(emulator):
    env = Env(emulator, version="1.31", addons=())
    env.eks.create_addon(clusterName=env.name, addonName="vpc-cni", addonVersion="v1.18.6-eksbuild.1")  # 1.28-1.31 only
    found = insights(env)
    assert set(found) == {"Kubelet version skew", "EKS add-on version compatibility", "kube-proxy version skew"}
    assert {i["kubernetesVersion"] for i in found.values()} == {"1.32"} and {i["category"] for i in found.values()} == {"UPGRADE_READINESS"}
    assert found["EKS add-on version compatibility"]["insightStatus"]["status"] == "ERROR"
    assert found["Kubelet version skew"]["insightStatus"]["status"] == "PASSING"
    assert insights(env)["EKS add-on version compatibility"]["id"] == found["EKS add-on version compatibility"]["id"]  # deterministic
    assert set(insights(env, statuses=["ERROR"])) == {"EKS add-on version compatibility"}
    assert insights(env, kubernetesVersions=["1.33"]) == {}
    assert insights(env, categories=["MISCONFIGURATION"]) == {}
    assert len(env.eks.list_insights(clusterName=env.name, maxResults=2)["insights"]) == 2
    e = error(env.eks.list_insights, clusterName=env.name, filter={"statuses": ["BROKEN"]})
    assert e["Code"] == "InvalidParameterException"
    detail = env.eks.describe_insight(clusterName=env.name, id=found["EKS add-on version compatibility"]["id"])["insight"]
    addon_arn = env.eks.describe_addon(clusterName=env.name, addonName="vpc-cni")["addon"]["addonArn"]
    assert [r["arn"] for r in detail["resources"]] == [addon_arn] and detail["resources"][0]["insightStatus"]["status"] == "ERROR"
    assert detail["recommendation"] and detail["additionalInfo"]
    assert detail["categorySpecificSummary"]["deprecationDetails"] == []
    compat = detail["categorySpecificSummary"]["addonCompatibilityDetails"]
    assert compat == [{"name": "vpc-cni", "compatibleVersions": ["v1.20.4-eksbuild.2", "v1.19.6-eksbuild.1"]}]
    assert error(env.eks.describe_insight, clusterName=env.name, id="nope")["Code"] == "ResourceNotFoundException"

    e = error(env.eks.update_cluster_version, name=env.name, version="1.32")
    assert e["Code"] == "InvalidStateException"
    assert e["Message"].startswith("Upgrade readiness issues detected.") and "force" in e["Message"]
    assert "EKS add-on version compatibility" in e["Message"]
    assert env.eks.describe_cluster(name=env.name)["cluster"]["version"] == "1.31"
    # Fixed: the insight passes and the upgrade goes through.
    env.eks.update_addon(clusterName=env.name, addonName="vpc-cni", addonVersion="v1.19.6-eksbuild.1")
    fixed = insights(env)["EKS add-on version compatibility"]
    assert fixed["insightStatus"]["status"] == "PASSING" and fixed["lastTransitionTime"] > found["EKS add-on version compatibility"]["lastTransitionTime"]
    upgraded(env, "1.32")
    assert {i["kubernetesVersion"] for i in insights(env).values()} == {"1.33"}


@pytest.mark.emulator_env(**FAST)
def test_kube_proxy_skew_blocks_the_fourth_upgrade_unless_forced(emulator):
    env = Env(emulator, version="1.28", addons=())
    env.eks.create_addon(clusterName=env.name, addonName="kube-proxy")  # v1.28: versions are per minor
    for version in ("1.29", "1.30", "1.31"):  # one, two, three minors behind: allowed
        assert insights(env)["kube-proxy version skew"]["insightStatus"]["status"] == "PASSING"
        assert insights(env)["EKS add-on version compatibility"]["insightStatus"]["status"] == "PASSING"  # kube-proxy is not in there
        upgraded(env, version)
    skew = insights(env)["kube-proxy version skew"]
    assert skew["insightStatus"]["status"] == "ERROR" and skew["kubernetesVersion"] == "1.32"
    e = error(env.eks.update_cluster_version, name=env.name, version="1.32")
    assert e["Code"] == "InvalidStateException" and "kube-proxy version skew" in e["Message"]
    assert env.eks.describe_cluster(name=env.name)["cluster"]["version"] == "1.31"
    update = upgraded(env, "1.32", force=True)
    assert update["type"] == "VersionUpdate" and env.eks.describe_cluster(name=env.name)["cluster"]["version"] == "1.32"


@pytest.mark.emulator_env(**FAST)
def test_kubelet_skew_of_an_old_node_blocks_the_upgrade_unless_forced(emulator):
    env = Env(emulator, version="1.31")
    env.ec2_linux_entry()
    env.self_managed(image=image(env, "1.28"))
    assert wait_for(lambda: len(env.kube.nodes()) == 1)
    node, kubelet = next(iter(kubelets(env).items()))
    assert kubelet.startswith("v1.28.")  # the AMI's kubelet
    skew = insights(env)["Kubelet version skew"]
    assert skew["insightStatus"]["status"] == "ERROR" and skew["kubernetesVersion"] == "1.32"
    detail = env.eks.describe_insight(clusterName=env.name, id=skew["id"])["insight"]
    assert [r["kubernetesResourceUri"] for r in detail["resources"]] == [f"/api/v1/nodes/{node}"]
    assert insights(env)["EKS add-on version compatibility"]["insightStatus"]["status"] == "PASSING"
    e = error(env.eks.update_cluster_version, name=env.name, version="1.32")
    assert e["Code"] == "InvalidStateException" and "Kubelet version skew" in e["Message"]
    upgraded(env, "1.32", force=True)
    assert env.kube.get("/version")["gitVersion"].startswith("v1.32.")


# ---------------------------------------------------------------------------------------
# DescribeClusterVersions
# ---------------------------------------------------------------------------------------
@pytest.mark.emulator_env(**FAST)
def test_describe_cluster_versions_and_its_filters(emulator):
    eks = emulator.client("eks")
    versions = eks.describe_cluster_versions()["clusterVersions"]
    assert [v["clusterVersion"] for v in versions] == [f"1.{m}" for m in range(35, 27, -1)]
    by = {v["clusterVersion"]: v for v in versions}
    assert [v for v, info in by.items() if info["defaultVersion"]] == ["1.34"]
    assert {v for v, info in by.items() if info["versionStatus"] == "EXTENDED_SUPPORT"} == {"1.28", "1.29", "1.30", "1.31"}
    assert {v for v, info in by.items() if info["versionStatus"] == "STANDARD_SUPPORT"} == {"1.32", "1.33", "1.34", "1.35"}
    assert by["1.30"]["status"] == "extended-support" and by["1.33"]["status"] == "standard-support"
    assert by["1.34"]["kubernetesPatchVersion"] == "1.34.2" and by["1.34"]["clusterType"] == "eks"
    assert by["1.34"]["defaultPlatformVersion"] == "eks.12"
    as_of = datetime.datetime(2026, 11, 27, tzinfo=datetime.timezone.utc)
    for info in versions:
        assert info["releaseDate"] < info["endOfStandardSupportDate"] < info["endOfExtendedSupportDate"]
        assert as_of < info["endOfExtendedSupportDate"]
        assert (as_of < info["endOfStandardSupportDate"]) == (info["versionStatus"] == "STANDARD_SUPPORT")

    def names(**kw: Any) -> list[str]:
        return [v["clusterVersion"] for v in eks.describe_cluster_versions(**kw)["clusterVersions"]]

    assert names(defaultOnly=True) == ["1.34"]
    assert names(versionStatus="EXTENDED_SUPPORT") == ["1.31", "1.30", "1.29", "1.28"]
    assert names(status="standard-support") == ["1.35", "1.34", "1.33", "1.32"]
    assert names(clusterVersions=["1.30", "1.33"]) == ["1.33", "1.30"]
    assert names(clusterType="eks-local-outposts") == []
    everything = eks.describe_cluster_versions(includeAll=True)["clusterVersions"]
    assert [v["clusterVersion"] for v in everything][-5:] == ["1.27", "1.26", "1.25", "1.24", "1.23"]
    assert {v["versionStatus"] for v in everything[-5:]} == {"UNSUPPORTED"} and everything[-1]["status"] == "unsupported"
    assert names(versionStatus="UNSUPPORTED") == ["1.27", "1.26", "1.25", "1.24", "1.23"]
    page = eks.describe_cluster_versions(maxResults=3)
    assert [v["clusterVersion"] for v in page["clusterVersions"]] == ["1.35", "1.34", "1.33"]
    rest = eks.describe_cluster_versions(maxResults=10, nextToken=page["nextToken"])
    assert [v["clusterVersion"] for v in rest["clusterVersions"]][0] == "1.32" and "nextToken" not in rest
    assert error(eks.describe_cluster_versions, versionStatus="SOMETIMES")["Code"] == "InvalidParameterException"
    # A cluster created without a version gets the default one.
    env = Env(emulator, addons=())
    assert env.eks.describe_cluster(name=env.name)["cluster"]["version"] == "1.34"


# ---------------------------------------------------------------------------------------
# UpdateNodegroupVersion
# ---------------------------------------------------------------------------------------
@pytest.mark.emulator_env(**FAST, MOTO_EKS_NODEGROUP_UPDATE_SECONDS="1")
def test_nodegroup_version_refusals(emulator):
    env = Env(emulator, version="1.33")
    ng = env.managed(desired=1)
    assert ng["status"] == "ACTIVE" and ng["version"] == "1.33" and ng["releaseVersion"] == "1.33.5-20251120"
    update = env.eks.update_nodegroup_version
    e = error(update, clusterName=env.name, nodegroupName="nope")
    assert e["Code"] == "ResourceNotFoundException" and e["Message"] == "No node group found for name: nope."
    e = error(update, clusterName=env.name, nodegroupName="ng", version="1.34")
    assert e["Code"] == "InvalidParameterException" and "newer than the cluster's Kubernetes version 1.33" in e["Message"]
    e = error(update, clusterName=env.name, nodegroupName="ng", launchTemplate={"name": "lt"})
    assert e["Code"] == "InvalidParameterException" and "not created with one" in e["Message"]
    e = error(update, clusterName=env.name, nodegroupName="ng", releaseVersion="1.33.5-20200101")
    assert e["Code"] == "InvalidParameterException"
    assert e["Message"] == "Requested release version 1.33.5-20200101 is not valid for kubernetes version 1.33."
    upgraded(env, "1.34")
    e = error(update, clusterName=env.name, nodegroupName="ng", version="1.32")
    assert e["Code"] == "InvalidParameterException" and "older than the node group's Kubernetes version 1.33" in e["Message"]
    started = update(clusterName=env.name, nodegroupName="ng", version="1.34")["update"]
    assert started["status"] == "InProgress"
    e = error(update, clusterName=env.name, nodegroupName="ng", version="1.34")
    assert e["Code"] == "ResourceInUseException"
    assert e["Message"] == f"Cannot VersionUpdate because nodegroup ng currently has update {started['id']} in progress"
    e = error(env.eks.update_nodegroup_config, clusterName=env.name, nodegroupName="ng", scalingConfig={"desiredSize": 2})
    assert e["Code"] == "ResourceInUseException"
    assert wait_for(lambda: env.eks.describe_update(name=env.name, updateId=started["id"], nodegroupName="ng")["update"]["status"] != "InProgress",
                    timeout=3)
    assert env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]["version"] == "1.34"


@pytest.mark.emulator_env(**FAST, MOTO_EKS_NODEGROUP_UPDATE_SECONDS="1")
def test_rolling_update_replaces_every_node_with_one_of_the_new_version(emulator):
    env = Env(emulator, version="1.33", addons=("vpc-cni", "kube-proxy", "coredns"))
    assert env.managed(desired=2)["status"] == "ACTIVE"
    old = [i["InstanceId"] for i in asg_of(env)["Instances"]]
    assert set(kubelets(env).values()) == {"v1.33.5-eks-113cf36"}
    upgraded(env, "1.34")
    update = env.eks.update_nodegroup_version(clusterName=env.name, nodegroupName="ng", version="1.34", clientRequestToken="ng-1")["update"]
    assert update["status"] == "InProgress" and update["type"] == "VersionUpdate"
    assert update["params"] == [{"type": "Version", "value": "1.34"}, {"type": "ReleaseVersion", "value": "1.34.2-20251120"}]
    again = env.eks.update_nodegroup_version(clusterName=env.name, nodegroupName="ng", version="1.34", clientRequestToken="ng-1")["update"]
    assert again["id"] == update["id"]
    ng = env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]
    assert ng["status"] == "UPDATING" and ng["version"] == "1.33"
    # The update belongs to the node group: DescribeUpdate needs its name; ListUpdates lists it there.
    assert error(env.eks.describe_update, name=env.name, updateId=update["id"])["Code"] == "ResourceNotFoundException"
    assert env.eks.list_updates(name=env.name, nodegroupName="ng")["updateIds"] == [update["id"]]
    assert update["id"] not in env.eks.list_updates(name=env.name)["updateIds"]
    # Surge: new instances from a new version of the EKS launch template, with the 1.34 image.
    group = asg_of(env)
    assert len(group["Instances"]) == 4 and group["DesiredCapacity"] == 4
    template = group["LaunchTemplate"]["LaunchTemplateId"]
    latest = env.ec2.describe_launch_template_versions(LaunchTemplateId=template, Versions=["$Latest"])["LaunchTemplateVersions"][0]
    assert latest["VersionNumber"] == 2 and latest["LaunchTemplateData"]["ImageId"] == image(env, "1.34") and latest["DefaultVersion"]
    assert wait_for(lambda: sorted(kubelets(env).values()) == ["v1.33.5-eks-113cf36"] * 2 + ["v1.34.2-eks-113cf36"] * 2)
    time.sleep(1.1)
    done = env.eks.describe_update(name=env.name, updateId=update["id"], nodegroupName="ng")["update"]
    assert done["status"] == "Successful" and done["errors"] == []
    ng = env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]
    assert ng["status"] == "ACTIVE" and ng["version"] == "1.34" and ng["releaseVersion"] == "1.34.2-20251120"
    assert ng["scalingConfig"]["desiredSize"] == 2
    group = asg_of(env)
    assert group["DesiredCapacity"] == 2 and group["MaxSize"] == 4 and len(group["Instances"]) == 2
    assert not {i["InstanceId"] for i in group["Instances"]} & set(old)
    assert states(env, old) <= {"shutting-down", "terminated"}
    nodes = kubelets(env)
    assert len(nodes) == 2 and set(nodes.values()) == {"v1.34.2-eks-113cf36"}
    assert all(ready(n) == "True" and not n["spec"].get("unschedulable") for n in env.kube.nodes())
    # coredns (PDB maxUnavailable 1) was evicted one replica at a time onto the new nodes.
    coredns = env.kube.get("/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-dns")["items"]
    assert len(coredns) == 2 and {p["spec"]["nodeName"] for p in coredns} <= set(nodes)
    assert all(p["status"]["phase"] == "Running" for p in coredns)


@pytest.mark.emulator_env(**FAST, MOTO_EKS_NODEGROUP_UPDATE_SECONDS="1")
def test_a_pdb_that_allows_no_eviction_fails_the_update_and_force_overrides_it(emulator):
    env = Env(emulator, version="1.33")
    assert env.managed(desired=1)["status"] == "ACTIVE"
    old_node = next(iter(kubelets(env)))
    old = [i["InstanceId"] for i in asg_of(env)["Instances"]]
    k = env.kube
    for i in range(2):
        pod = {"metadata": {"name": f"web-{i}", "labels": {"app": "web"}}, "spec": {"containers": [{"name": "c", "image": "nginx"}]}}
        assert k.call("POST", "/api/v1/namespaces/default/pods", pod)[0] == 201
    pdb = {"metadata": {"name": "web"}, "spec": {"minAvailable": 2, "selector": {"matchLabels": {"app": "web"}}}}
    assert k.call("POST", "/apis/policy/v1/namespaces/default/poddisruptionbudgets", pdb)[0] == 201
    assert wait_for(lambda: all(p["status"]["phase"] == "Running" for p in k.get("/api/v1/namespaces/default/pods")["items"]))
    upgraded(env, "1.34")
    update = env.eks.update_nodegroup_version(clusterName=env.name, nodegroupName="ng")["update"]
    # Without a version: the latest AMI of the node group's own version.
    assert update["params"] == [{"type": "Version", "value": "1.33"}, {"type": "ReleaseVersion", "value": "1.33.5-20251120"}]
    assert wait_for(lambda: len(asg_of(env)["Instances"]) == 2)
    time.sleep(1.1)
    failed = env.eks.describe_update(name=env.name, updateId=update["id"], nodegroupName="ng")["update"]
    assert failed["status"] == "Failed"
    assert failed["errors"] == [{"errorCode": "PodEvictionFailure",
                                 "errorMessage": "Reached max retries while trying to evict pods from nodes in node group ng",
                                 "resourceIds": [old_node]}]
    ng = env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]
    assert ng["status"] == "ACTIVE" and ng["version"] == "1.33"
    group = asg_of(env)
    assert [i["InstanceId"] for i in group["Instances"]] == old and group["DesiredCapacity"] == 1
    assert list(kubelets(env)) == [old_node] and not k.nodes()[0]["spec"].get("unschedulable")  # uncordoned again
    assert {p["metadata"]["name"] for p in k.get("/api/v1/namespaces/default/pods")["items"]} == {"web-0", "web-1"}

    forced = env.eks.update_nodegroup_version(clusterName=env.name, nodegroupName="ng", version="1.34", force=True)["update"]
    assert forced["status"] == "InProgress"
    time.sleep(1.1)
    done = env.eks.describe_update(name=env.name, updateId=forced["id"], nodegroupName="ng")["update"]
    assert done["status"] == "Successful" and done["errors"] == []
    assert env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]["version"] == "1.34"
    assert set(kubelets(env).values()) == {"v1.34.2-eks-113cf36"} and old_node not in kubelets(env)
    assert k.get("/api/v1/namespaces/default/pods")["items"] == []  # force deleted them
    assert states(env, old) <= {"shutting-down", "terminated"}
    assert env.eks.list_updates(name=env.name, nodegroupName="ng")["updateIds"] == [update["id"], forced["id"]]


@pytest.mark.emulator_env(**FAST)
def test_custom_ami_nodegroup_updates_through_its_launch_template_only(emulator):
    env = Env(emulator, version="1.33")
    data = {"ImageId": image(env, "1.33"), "UserData": base64.b64encode(env.user_data().encode()).decode()}
    lt = env.ec2.create_launch_template(LaunchTemplateName="custom", LaunchTemplateData=data)["LaunchTemplate"]
    env.eks.create_nodegroup(clusterName=env.name, nodegroupName="ng", nodeRole=env.node_role["Arn"], subnets=env.subnets,
                             scalingConfig={"minSize": 1, "maxSize": 2, "desiredSize": 1}, instanceTypes=["m5.large"],
                             launchTemplate={"id": lt["LaunchTemplateId"], "version": "1"})
    ng = env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]
    assert ng["status"] == "ACTIVE" and ng["amiType"] == "CUSTOM" and ng["releaseVersion"] == image(env, "1.33")
    other = env.ec2.create_launch_template(LaunchTemplateName="other", LaunchTemplateData=data)["LaunchTemplate"]
    update = env.eks.update_nodegroup_version
    e = error(update, clusterName=env.name, nodegroupName="ng", version="1.33")
    assert e["Code"] == "InvalidParameterException" and e["Message"] == "You cannot specify the field kubernetesVersion when using custom AMIs"
    e = error(update, clusterName=env.name, nodegroupName="ng", releaseVersion="1.33.5-20251120")
    assert e["Code"] == "InvalidParameterException" and e["Message"] == "You cannot specify the field releaseVersion when using custom AMIs"
    e = error(update, clusterName=env.name, nodegroupName="ng", launchTemplate={"id": other["LaunchTemplateId"], "version": "1"})
    assert e["Code"] == "InvalidParameterException" and "the one the node group was created with" in e["Message"]
    e = error(update, clusterName=env.name, nodegroupName="ng", launchTemplate={"name": "custom", "version": "9"})
    assert e["Code"] == "InvalidParameterException" and e["Message"] == f"Launch template version 9 of {lt['LaunchTemplateId']} does not exist"
    # The way to update a custom AMI: a new template version with the new image. Without user
    # data that bootstraps the cluster the new node never joins: NodeCreationFailure, rolled back.
    upgraded(env, "1.34")
    old = [i["InstanceId"] for i in asg_of(env)["Instances"]]
    env.ec2.create_launch_template_version(LaunchTemplateId=lt["LaunchTemplateId"], LaunchTemplateData={"ImageId": image(env, "1.34")})
    started = update(clusterName=env.name, nodegroupName="ng", launchTemplate={"name": "custom", "version": "2"})["update"]
    assert started["params"] == [{"type": "LaunchTemplateName", "value": "custom"}, {"type": "LaunchTemplateVersion", "value": "2"}]
    failed = env.eks.describe_update(name=env.name, updateId=started["id"], nodegroupName="ng")["update"]
    assert failed["status"] == "Failed" and failed["errors"][0]["errorCode"] == "NodeCreationFailure"
    assert failed["errors"][0]["errorMessage"] == "Instances failed to join the kubernetes cluster"
    assert [i["InstanceId"] for i in asg_of(env)["Instances"]] == old
    ng = env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]
    assert ng["status"] == "ACTIVE" and ng["version"] == "1.33" and ng["launchTemplate"]["version"] == "1"
    env.ec2.create_launch_template_version(LaunchTemplateId=lt["LaunchTemplateId"], LaunchTemplateData={**data, "ImageId": image(env, "1.34")})
    started = update(clusterName=env.name, nodegroupName="ng", launchTemplate={"id": lt["LaunchTemplateId"], "version": "3"})["update"]
    assert env.eks.describe_update(name=env.name, updateId=started["id"], nodegroupName="ng")["update"]["status"] == "Successful"
    ng = env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]
    assert ng["version"] == "1.34" and ng["releaseVersion"] == image(env, "1.34") and ng["launchTemplate"]["version"] == "3"
    assert set(kubelets(env).values()) == {"v1.34.2-eks-113cf36"}
    assert states(env, old) <= {"shutting-down", "terminated"}
