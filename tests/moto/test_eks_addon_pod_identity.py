"""EKS add-ons' own pod identity associations (eksup_moto_addon_identity): DescribeAddonConfiguration,
CreateAddon/UpdateAddon/DeleteAddon podIdentityAssociations, ownerArn, and aws-node's credentials."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from test_eks_pod_identity import ACCOUNT, ID, create, error, pod_role, trust
from test_k8s_api import FAST, REGION, Env, attach, ready, wait_for

# The module is wired in by eksup_moto.install(); until that hook is in, there is nothing to test.
WIRED = "eksup_moto_addon_identity" in (Path(__file__).resolve().parent / "eksup_moto.py").read_text()
pytestmark = [pytest.mark.emulator_env(**FAST),
              pytest.mark.skipif(not WIRED, reason="eksup_moto.install() does not install eksup_moto_addon_identity yet")]

CNI = "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"
NO_CNI = ("AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly")


def configuration(env: Env, name: str, version: str) -> list[dict[str, Any]]:
    return env.eks.describe_addon_configuration(addonName=name, addonVersion=version)["podIdentityConfiguration"]


def associations(env: Env, **kw: Any) -> list[dict[str, Any]]:
    return env.eks.list_pod_identity_associations(clusterName=env.name, **kw)["associations"]


def describe(env: Env, addon: str) -> dict[str, Any]:
    return env.eks.describe_addon(clusterName=env.name, addonName=addon)["addon"]


def cni_role(env: Env, name: str = "cni", document: str | None = None) -> str:
    arn = pod_role(env, name, document)
    attach(env.iam, name, "AmazonEKS_CNI_Policy")
    return arn


def test_describe_addon_configuration(emulator):
    env = Env(emulator, addons=())
    assert configuration(env, "vpc-cni", "v1.20.4-eksbuild.2") == [{"serviceAccount": "aws-node", "recommendedManagedPolicies": [CNI]}]
    assert configuration(env, "aws-ebs-csi-driver", "v1.48.0-eksbuild.2") == [
        {"serviceAccount": "ebs-csi-controller-sa", "recommendedManagedPolicies": ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"]}]
    assert configuration(env, "aws-efs-csi-driver", "v2.1.9-eksbuild.1") == [
        {"serviceAccount": "efs-csi-controller-sa", "recommendedManagedPolicies": ["arn:aws:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy"]}]
    assert configuration(env, "aws-efs-csi-driver", "v2.0.4-eksbuild.1") == []  # before v2.0.5 (the user guide's table)
    for name, version in (("aws-mountpoint-s3-csi-driver", "v2.1.0-eksbuild.1"), ("coredns", "v1.12.4-eksbuild.1"),
                          ("eks-pod-identity-agent", "v1.3.8-eksbuild.2"), ("metrics-server", "v0.8.0-eksbuild.2")):
        assert configuration(env, name, version) == [], name
    answer = env.eks.describe_addon_configuration(addonName="vpc-cni", addonVersion="v1.20.4-eksbuild.2")
    assert (answer["addonName"], answer["addonVersion"]) == ("vpc-cni", "v1.20.4-eksbuild.2") and json.loads(answer["configurationSchema"])["type"] == "object"
    assert error(env.eks.describe_addon_configuration, addonName="nope", addonVersion="v1")["Code"] == "ResourceNotFoundException"
    e = error(env.eks.describe_addon_configuration, addonName="vpc-cni", addonVersion="v0.1.0-eksbuild.1")
    assert e == {"Code": "InvalidParameterException", "Message": "Addon version specified is not supported"} | {k: v for k, v in e.items() if k not in ("Code", "Message")}
    versions = env.eks.describe_addon_versions(kubernetesVersion="1.34")["addons"]
    iam = {a["addonName"]: a["addonVersions"][0]["requiresIamPermissions"] for a in versions}
    assert iam["aws-efs-csi-driver"] and iam["aws-mountpoint-s3-csi-driver"] and iam["vpc-cni"] and not iam["coredns"]


def test_create_addon_makes_owned_associations(emulator):
    env = Env(emulator, addons=("kube-proxy",))
    role = cni_role(env)
    addon = env.eks.create_addon(clusterName=env.name, addonName="vpc-cni",
                                 podIdentityAssociations=[{"serviceAccount": "aws-node", "roleArn": role}])["addon"]
    [arn] = addon["podIdentityAssociations"]
    [summary] = associations(env)
    assert summary["associationArn"] == arn and ID.fullmatch(summary["associationId"])
    assert (summary["namespace"], summary["serviceAccount"], summary["ownerArn"]) == ("kube-system", "aws-node", addon["addonArn"])
    full = env.eks.describe_pod_identity_association(clusterName=env.name, associationId=summary["associationId"])["association"]
    assert full["roleArn"] == role and full["ownerArn"] == addon["addonArn"] and full["tags"] == {} and full["disableSessionTags"] is False
    assert describe(env, "vpc-cni")["podIdentityAssociations"] == [arn]
    assert describe(env, "kube-proxy")["podIdentityAssociations"] == []  # AWS lists [] when there are none
    # The add-on's service account is taken: a standalone association of it is refused.
    e = error(create, env, "kube-system", "aws-node", roleArn=role)
    assert e["Code"] == "ResourceInUseException" and e["Message"] == f"Association already exists: {summary['associationId']}"
    # Standalone associations have no ownerArn.
    other = create(env, roleArn=pod_role(env, "app"))
    assert "ownerArn" not in other and "ownerArn" not in next(a for a in associations(env) if a["associationId"] == other["associationId"])


def test_create_addon_refusals_make_nothing(emulator):
    env = Env(emulator, addons=())
    role = cni_role(env)

    def refused(addon: str, entries: list[dict[str, Any]], **kw: Any) -> dict[str, str]:
        e = error(env.eks.create_addon, clusterName=env.name, addonName=addon, podIdentityAssociations=entries, **kw)
        assert env.eks.list_addons(clusterName=env.name)["addons"] == [] and associations(env) == []
        return e

    e = refused("coredns", [{"serviceAccount": "coredns", "roleArn": role}])
    assert e["Code"] == "InvalidParameterException" and e["Message"] == "Pod Identity feature is not supported for addon version: v1.12.4-eksbuild.1"
    e = refused("eks-pod-identity-agent", [{"serviceAccount": "eks-pod-identity-agent", "roleArn": role}], addonVersion="v1.3.8-eksbuild.2")
    assert e["Message"] == "Pod Identity feature is not supported for addon version: v1.3.8-eksbuild.2"
    old = Env(emulator, name="old", addons=(), version="1.30")
    e = error(old.eks.create_addon, clusterName="old", addonName="aws-efs-csi-driver", addonVersion="v2.0.4-eksbuild.1",
              podIdentityAssociations=[{"serviceAccount": "efs-csi-controller-sa", "roleArn": role}])
    assert e["Message"] == "Pod Identity feature is not supported for addon version: v2.0.4-eksbuild.1"
    e = refused("vpc-cni", [{"serviceAccount": "cni", "roleArn": role}])
    assert e["Code"] == "InvalidParameterException" and e["Message"] == "Service account cni in pod identity configuration is not supported for addon vpc-cni"
    e = refused("vpc-cni", [{"serviceAccount": "aws-node", "roleArn": role}] * 2)
    assert e["Message"] == "Duplicate service account aws-node in podIdentityAssociations"
    e = refused("vpc-cni", [{"serviceAccount": "aws-node", "roleArn": "arn:aws:iam::210987654321:role/cni"}])
    assert e["Message"] == "Cross-account pass role is not allowed"
    e = refused("vpc-cni", [{"serviceAccount": "aws-node", "roleArn": f"arn:aws:iam::{ACCOUNT}:role/missing"}])
    assert e["Code"] == "InvalidParameterException" and e["Message"] == "Role provided in the request does not exist"
    only_assume = cni_role(env, "assume-only", trust(actions="sts:AssumeRole"))
    e = refused("vpc-cni", [{"serviceAccount": "aws-node", "roleArn": only_assume}])
    assert e["Message"] == "Trust policy of the role provided is invalid"
    # An existing standalone association of the service account: add-ons do not take it over.
    standalone = create(env, "kube-system", "aws-node", roleArn=role)
    e = error(env.eks.create_addon, clusterName=env.name, addonName="vpc-cni", podIdentityAssociations=[{"serviceAccount": "aws-node", "roleArn": role}])
    assert e["Code"] == "ResourceInUseException" and e["Message"] == f"Association already exists: {standalone['associationId']}"
    assert env.eks.list_addons(clusterName=env.name)["addons"] == []
    # Without associations (or with none) the add-on is made as before.
    assert env.eks.create_addon(clusterName=env.name, addonName="vpc-cni", podIdentityAssociations=[])["addon"]["podIdentityAssociations"] == []


def test_create_addon_retry_with_its_token_answers_the_same(emulator):
    env = Env(emulator, addons=())
    role = cni_role(env)
    kw = dict(clusterName=env.name, addonName="vpc-cni", podIdentityAssociations=[{"serviceAccount": "aws-node", "roleArn": role}],
              clientRequestToken="tok-1")
    first = env.eks.create_addon(**kw)["addon"]
    again = env.eks.create_addon(**kw)["addon"]
    assert again["addonArn"] == first["addonArn"] and again["podIdentityAssociations"] == first["podIdentityAssociations"]
    assert len(associations(env)) == 1
    assert error(env.eks.create_addon, **(kw | {"clientRequestToken": "tok-2"}))["Code"] == "ResourceInUseException"


def test_update_addon_replaces_the_set(emulator):
    env = Env(emulator, addons=("kube-proxy",))
    role, other = cni_role(env), cni_role(env, "cni-2")
    env.eks.create_addon(clusterName=env.name, addonName="vpc-cni")
    assert describe(env, "vpc-cni")["podIdentityAssociations"] == []

    def update(entries: Any = None, **kw: Any) -> dict[str, Any]:
        if entries is not None:
            kw["podIdentityAssociations"] = entries
        return env.eks.update_addon(clusterName=env.name, addonName="vpc-cni", **kw)["update"]

    u = update([{"serviceAccount": "aws-node", "roleArn": role}])
    assert {"type": "PodIdentityAssociations", "value": json.dumps([{"serviceAccount": "aws-node", "roleArn": role}], separators=(",", ":"))} in u["params"]
    stored = env.eks.describe_update(name=env.name, updateId=u["id"], addonName="vpc-cni")["update"]
    assert stored["params"] == u["params"]
    [a] = associations(env)
    assert describe(env, "vpc-cni")["podIdentityAssociations"] == [a["associationArn"]]
    # Absent: no change (a version update keeps them).
    update(addonVersion="v1.20.4-eksbuild.2")
    assert [x["associationId"] for x in associations(env)] == [a["associationId"]]
    # Another role for the same service account: the association is kept and changed.
    before = env.eks.describe_pod_identity_association(clusterName=env.name, associationId=a["associationId"])["association"]
    time.sleep(0.01)
    update([{"serviceAccount": "aws-node", "roleArn": other}])
    after = env.eks.describe_pod_identity_association(clusterName=env.name, associationId=a["associationId"])["association"]
    assert after["roleArn"] == other and after["modifiedAt"] > before["modifiedAt"] and after["ownerArn"] == before["ownerArn"]
    # The same checks as CreateAddon; the add-on's own association is no conflict, a refusal changes nothing.
    e = error(update, [{"serviceAccount": "aws-node", "roleArn": f"arn:aws:iam::{ACCOUNT}:role/missing"}])
    assert e["Message"] == "Role provided in the request does not exist"
    assert env.eks.describe_pod_identity_association(clusterName=env.name, associationId=a["associationId"])["association"]["roleArn"] == other
    e = error(update, [{"serviceAccount": "aws-node", "roleArn": role}], addonVersion="v9.9.9-eksbuild.1")
    assert e["Code"] == "InvalidParameterException"
    # []: the add-on's associations are deleted.
    update([])
    assert associations(env) == [] and describe(env, "vpc-cni")["podIdentityAssociations"] == []
    # An add-on without pod identity: AWS prints the requested version, "null" when none was asked for.
    e = error(env.eks.update_addon, clusterName=env.name, addonName="kube-proxy", podIdentityAssociations=[{"serviceAccount": "kube-proxy", "roleArn": role}])
    assert e["Message"] == "Pod Identity feature is not supported for addon version: null"
    # A standalone association of the service account blocks the update too.
    standalone = create(env, "kube-system", "aws-node", roleArn=role)
    e = error(update, [{"serviceAccount": "aws-node", "roleArn": role}])
    assert e["Code"] == "ResourceInUseException" and e["Message"] == f"Association already exists: {standalone['associationId']}"


def test_delete_addon_deletes_its_associations_unless_preserved(emulator):
    env = Env(emulator, addons=())
    role = cni_role(env)
    ebs = pod_role(env, "ebs")
    attach(env.iam, "ebs", "service-role/AmazonEBSCSIDriverPolicy")
    env.eks.create_addon(clusterName=env.name, addonName="vpc-cni", podIdentityAssociations=[{"serviceAccount": "aws-node", "roleArn": role}])
    env.eks.create_addon(clusterName=env.name, addonName="aws-ebs-csi-driver",
                         podIdentityAssociations=[{"serviceAccount": "ebs-csi-controller-sa", "roleArn": ebs}])
    standalone = create(env, roleArn=pod_role(env, "app"))
    assert len(associations(env)) == 3
    deleted = env.eks.delete_addon(clusterName=env.name, addonName="vpc-cni")["addon"]
    assert deleted["status"] == "DELETING"
    assert {a["serviceAccount"] for a in associations(env)} == {"ebs-csi-controller-sa", "app"}
    env.eks.delete_addon(clusterName=env.name, addonName="aws-ebs-csi-driver", preserve=True)
    kept = {a["serviceAccount"]: a for a in associations(env)}
    assert set(kept) == {"ebs-csi-controller-sa", "app"} and "ownerArn" not in kept["ebs-csi-controller-sa"]
    # No longer owned: it can be deleted like any association, and blocks a new add-on's association.
    e = error(env.eks.create_addon, clusterName=env.name, addonName="aws-ebs-csi-driver",
              podIdentityAssociations=[{"serviceAccount": "ebs-csi-controller-sa", "roleArn": ebs}])
    assert e["Code"] == "ResourceInUseException"
    env.eks.delete_pod_identity_association(clusterName=env.name, associationId=kept["ebs-csi-controller-sa"]["associationId"])
    assert [a["associationId"] for a in associations(env)] == [standalone["associationId"]]


def test_an_add_ons_association_can_be_updated_and_deleted_directly(emulator):
    env = Env(emulator, addons=())
    role, other = cni_role(env), cni_role(env, "cni-2")
    env.eks.create_addon(clusterName=env.name, addonName="vpc-cni", podIdentityAssociations=[{"serviceAccount": "aws-node", "roleArn": role}])
    [a] = associations(env)
    updated = env.eks.update_pod_identity_association(clusterName=env.name, associationId=a["associationId"], roleArn=other)["association"]
    assert updated["roleArn"] == other and updated["ownerArn"] == a["ownerArn"]
    gone = env.eks.delete_pod_identity_association(clusterName=env.name, associationId=a["associationId"])["association"]
    assert gone["ownerArn"] == a["ownerArn"]
    assert associations(env) == [] and describe(env, "vpc-cni")["podIdentityAssociations"] == []


# ---------------------------------------------------------------------------------------
# aws-node's credentials (eksup_moto_k8s.cni_problem)
# ---------------------------------------------------------------------------------------
def message(env: Env) -> str:
    return env.kube.nodes()[0]["status"]["conditions"][-1]["message"]


def test_aws_node_takes_the_vpc_cni_add_ons_pod_identity_with_the_agent(emulator):
    env = Env(emulator, addons=("kube-proxy",), node_policies=NO_CNI)
    role = pod_role(env, "cni")
    env.eks.create_addon(clusterName=env.name, addonName="vpc-cni", podIdentityAssociations=[{"serviceAccount": "aws-node", "roleArn": role}])
    [a] = associations(env)
    env.managed(desired=1)
    assert ready(env.kube.nodes()[0]) == "False"
    assert f"aws-node's pod identity association {a['associationId']} (role {role}) gives no credentials: the eks-pod-identity-agent add-on is not ACTIVE" in message(env)
    env.eks.create_addon(clusterName=env.name, addonName="eks-pod-identity-agent")
    assert wait_for(lambda: "aws-node's pod identity role cni lacks AmazonEKS_CNI_Policy" in message(env))
    assert ready(env.kube.nodes()[0]) == "False"
    attach(env.iam, "cni", "AmazonEKS_CNI_Policy")
    assert wait_for(lambda: ready(env.kube.nodes()[0]) == "True")
    # The role's trust changed afterwards: the agent cannot take it any more.
    env.iam.update_assume_role_policy(RoleName="cni", PolicyDocument=trust(actions="sts:AssumeRole"))
    assert wait_for(lambda: ready(env.kube.nodes()[0]) == "False")
    assert "its trust policy does not allow pods.eks.amazonaws.com sts:AssumeRole and sts:TagSession" in message(env)
    env.iam.update_assume_role_policy(RoleName="cni", PolicyDocument=trust())
    assert wait_for(lambda: ready(env.kube.nodes()[0]) == "True")
    # The role deleted.
    env.iam.detach_role_policy(RoleName="cni", PolicyArn=CNI)
    env.iam.delete_role(RoleName="cni")
    assert wait_for(lambda: "gives no credentials: the role does not exist" in message(env))


def test_aws_node_takes_a_standalone_pod_identity(emulator):
    env = Env(emulator, addons=("vpc-cni", "kube-proxy", "eks-pod-identity-agent"), node_policies=NO_CNI)
    env.managed(desired=1)
    assert "nor a pod identity association for kube-system/aws-node" in message(env)
    create(env, "kube-system", "aws-node", roleArn=cni_role(env))
    assert wait_for(lambda: ready(env.kube.nodes()[0]) == "True")


def irsa_role(env: Env, name: str = "cni-irsa") -> str:
    url = env.cluster["identity"]["oidc"]["issuer"]
    issuer = url.replace("https://", "")
    env.iam.create_open_id_connect_provider(Url=url, ClientIDList=["sts.amazonaws.com"], ThumbprintList=["0" * 40])
    document = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": f"arn:aws:iam::{ACCOUNT}:oidc-provider/{issuer}"},
                                                       "Action": "sts:AssumeRoleWithWebIdentity",
                                                       "Condition": {"StringEquals": {f"{issuer}:sub": "system:serviceaccount:kube-system:aws-node"}}}]}
    arn = env.iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(document))["Role"]["Arn"]
    attach(env.iam, name, "AmazonEKS_CNI_Policy")
    return arn


def test_irsa_comes_before_a_standalone_pod_identity(emulator):
    """The SDK's chain takes web identity (IRSA) before the container provider (Pod Identity)."""
    env = Env(emulator, addons=("kube-proxy", "eks-pod-identity-agent"), node_policies=NO_CNI)
    env.eks.create_addon(clusterName=env.name, addonName="vpc-cni", serviceAccountRoleArn=irsa_role(env))
    create(env, "kube-system", "aws-node", roleArn=pod_role(env, "no-permissions"))
    env.managed(desired=1)
    assert ready(env.kube.nodes()[0]) == "True"  # IRSA works; the association's role is never used


def test_the_add_ons_own_pod_identity_replaces_its_irsa_role_with_the_agent(emulator):
    """User guide: with the agent installed EKS ignores the add-on's serviceAccountRoleArn and uses its
    pod identity association; without it, serviceAccountRoleArn is used."""
    env = Env(emulator, addons=("kube-proxy",), node_policies=NO_CNI)
    irsa = irsa_role(env)
    weak = pod_role(env, "no-permissions")
    env.eks.create_addon(clusterName=env.name, addonName="vpc-cni", serviceAccountRoleArn=irsa,
                         podIdentityAssociations=[{"serviceAccount": "aws-node", "roleArn": weak}])
    env.managed(desired=1)
    assert ready(env.kube.nodes()[0]) == "True"  # no agent: IRSA
    env.eks.create_addon(clusterName=env.name, addonName="eks-pod-identity-agent")
    assert wait_for(lambda: ready(env.kube.nodes()[0]) == "False")
    assert "aws-node's pod identity role no-permissions lacks AmazonEKS_CNI_Policy" in message(env)
    env.eks.update_addon(clusterName=env.name, addonName="vpc-cni", podIdentityAssociations=[])
    assert wait_for(lambda: ready(env.kube.nodes()[0]) == "True")  # back to IRSA


def test_the_node_role_still_serves_aws_node(emulator):
    env = Env(emulator, addons=("vpc-cni", "kube-proxy"))
    create(env, "kube-system", "aws-node", roleArn=pod_role(env, "no-permissions"))
    env.managed(desired=1)
    assert ready(env.kube.nodes()[0]) == "True"
    assert REGION == env.emulator.region


def test_an_add_on_in_its_own_namespace(emulator):
    """CreateAddon's namespaceConfig: checked as the API reference has it, shown by DescribeAddon,
    the add-on's associations and Kubernetes objects in that namespace (made by EKS's add-on
    manager), and DescribeAddonVersions' defaultNamespace and owner/publisher/type filters."""
    env = Env(emulator, addons=("kube-proxy",))
    for bad in ("Storage", "-storage", "a" * 64, "st_orage"):
        e = error(env.eks.create_addon, clusterName=env.name, addonName="aws-ebs-csi-driver", namespaceConfig={"namespace": bad})
        assert e["Code"] == "InvalidParameterException" and "RFC 1123" in e["Message"], (bad, e)
    assert "aws-ebs-csi-driver" not in env.eks.list_addons(clusterName=env.name)["addons"]
    role = pod_role(env, "ebs")
    addon = env.eks.create_addon(clusterName=env.name, addonName="aws-ebs-csi-driver", namespaceConfig={"namespace": "storage"},
                                 podIdentityAssociations=[{"serviceAccount": "ebs-csi-controller-sa", "roleArn": role}])["addon"]
    assert addon["namespaceConfig"] == {"namespace": "storage"}
    assert describe(env, "aws-ebs-csi-driver")["namespaceConfig"] == {"namespace": "storage"}
    assert "namespaceConfig" not in describe(env, "kube-proxy")
    [summary] = associations(env)
    assert (summary["namespace"], summary["serviceAccount"]) == ("storage", "ebs-csi-controller-sa")
    assert env.kube.get("/api/v1/namespaces/storage")["status"]["phase"] == "Active"
    names = lambda path: {o["metadata"]["name"] for o in env.kube.get(path)["items"]}  # noqa: E731
    assert wait_for(lambda: "ebs-csi-controller" in names("/apis/apps/v1/namespaces/storage/deployments"))
    assert "ebs-csi-controller-sa" in names("/api/v1/namespaces/storage/serviceaccounts")
    assert "ebs-csi-controller" not in names("/apis/apps/v1/namespaces/kube-system/deployments")
    env.eks.delete_addon(clusterName=env.name, addonName="aws-ebs-csi-driver")
    assert wait_for(lambda: not names("/apis/apps/v1/namespaces/storage/deployments"), timeout=30)

    versions = env.eks.describe_addon_versions(kubernetesVersion="1.34")["addons"]
    assert {a["defaultNamespace"] for a in versions} == {"kube-system"}
    owners = {a["addonName"]: a["owner"] for a in versions}
    assert owners["metrics-server"] == "community" and owners["vpc-cni"] == "aws"
    community = env.eks.describe_addon_versions(kubernetesVersion="1.34", owners=["community"])["addons"]
    assert [a["addonName"] for a in community] == ["metrics-server"]
    assert env.eks.describe_addon_versions(kubernetesVersion="1.34", publishers=["someone"])["addons"] == []
    storage = env.eks.describe_addon_versions(kubernetesVersion="1.34", types=["storage"], owners=["aws"])["addons"]
    assert {a["addonName"] for a in storage} == {"aws-ebs-csi-driver", "aws-efs-csi-driver", "aws-mountpoint-s3-csi-driver"}
