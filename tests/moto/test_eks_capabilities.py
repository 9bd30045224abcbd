"""EKS capabilities: ACK, kro, Argo CD (eksup_moto_capabilities)."""

from __future__ import annotations

import json
import re
import time
from typing import Any

import botocore.config
import botocore.exceptions
import pytest

from test_k8s_api import EKS_TRUST, FAST, REGION, Env

pytestmark = pytest.mark.emulator_env(**FAST)

ACCOUNT = "123456789012"
POLICY = "arn:aws:eks::aws:cluster-access-policy/"
IDC = "arn:aws:sso:::instance/ssoins-7223b6cc4a9f8e3d"
USER = "906794a1b2-c3d4e5f6-1234-5678-9abc-def012345678"
GROUP = "c3d4e5f6-1234-5678-9abc-def012345678"
TRUST_INVALID = {"Code": "InvalidParameterException",
                 "Message": "The trust policy for the provided role is invalid. The policy must include sts:AssumeRole and sts:TagSession "
                            "actions granting access to the AWS service capabilities.eks.amazonaws.com"}


def trust(service: str = "capabilities.eks.amazonaws.com", actions: Any = ("sts:AssumeRole", "sts:TagSession")) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": service},
                                                               "Action": actions if isinstance(actions, str) else list(actions)}]})


def capability_role(env: Env, name: str = "capability", document: str | None = None) -> str:
    return env.iam.create_role(RoleName=name, AssumeRolePolicyDocument=document or trust())["Role"]["Arn"]


def error(call: Any, *args: Any, **kw: Any) -> dict[str, str]:
    with pytest.raises(botocore.exceptions.ClientError) as e:
        call(*args, **kw)
    return e.value.response["Error"]


def argocd(namespace: str | None = None, **extra: Any) -> dict[str, Any]:
    argo: dict[str, Any] = {"awsIdc": {"idcInstanceArn": IDC, "idcRegion": "us-east-1"},
                            "rbacRoleMappings": [{"role": "ADMIN", "identities": [{"id": USER, "type": "SSO_USER"}]}], **extra}
    if namespace:
        argo["namespace"] = namespace
    return {"argoCd": argo}


def create(env: Env, name: str, kind: str, role: str, **kw: Any) -> dict[str, Any]:
    return env.eks.create_capability(clusterName=env.name, capabilityName=name, type=kind, roleArn=role, deletePropagationPolicy="RETAIN",
                                     **kw)["capability"]


def describe(env: Env, name: str) -> dict[str, Any]:
    return env.eks.describe_capability(clusterName=env.name, capabilityName=name)["capability"]


def policies(env: Env, role: str) -> dict[str, dict[str, Any]]:
    listed = env.eks.list_associated_access_policies(clusterName=env.name, principalArn=role)["associatedAccessPolicies"]
    return {p["policyArn"].rsplit("/", 1)[-1]: p["accessScope"] for p in listed}


def test_create_describe_list_delete(emulator):
    env = Env(emulator, addons=())
    role = capability_role(env)
    ack = create(env, "my-ack", "ACK", role, tags={"team": "platform"})
    assert re.fullmatch(rf"arn:aws:eks:{REGION}:{ACCOUNT}:capability/demo/ack/my-ack/[0-9a-f-]{{36}}", ack["arn"])
    # AWS answers CREATING; with no delay the capability is ACTIVE from the next request on.
    assert (ack["status"], ack["type"], ack["roleArn"], ack["clusterName"]) == ("CREATING", "ACK", role, "demo")
    assert (ack["tags"], ack["health"], ack["deletePropagationPolicy"]) == ({"team": "platform"}, {"issues": []}, "RETAIN")
    assert ack["configuration"] == {"ack": {"enableCrossNamespace": False}} and "version" not in ack
    assert ack["createdAt"] == ack["modifiedAt"]
    assert describe(env, "my-ack") == dict(ack, status="ACTIVE")

    kro = create(env, "my_kro", "KRO", role)
    assert kro["configuration"] == {} and kro["version"] == "v0.6.3"
    argo = create(env, "My_GitOps", "ARGOCD", role, configuration=argocd(endpointPrefix="gitops"))["configuration"]["argoCd"]
    assert "serverUrl" not in argo  # only once ACTIVE
    assert argo["namespace"] == "argocd" and argo["endpointPrefix"] == "gitops"
    assert argo["rbacRoleMappings"] == [{"role": "ADMIN", "identities": [{"id": USER, "type": "SSO_USER"}]}]
    assert argo["awsIdc"]["idcInstanceArn"] == IDC and argo["awsIdc"]["idcRegion"] == "us-east-1"
    assert re.fullmatch(rf"arn:aws:sso::{ACCOUNT}:application/ssoins-7223b6cc4a9f8e3d/apl-[0-9a-f]{{16}}",
                        argo["awsIdc"]["idcManagedApplicationArn"])
    active = describe(env, "My_GitOps")
    assert active["version"] == "3.1.8-eks-1"
    # The user guide's endpoint format: prefix (or normalized name), sha256("<name>/<cluster>")[:8], account.
    assert active["configuration"]["argoCd"]["serverUrl"] == f"https://gitops-a9a54a0d-{ACCOUNT}.eks-capabilities.{REGION}.amazonaws.com"

    summaries = env.eks.list_capabilities(clusterName="demo")["capabilities"]
    assert [s["capabilityName"] for s in summaries] == ["my-ack", "my_kro", "My_GitOps"]
    assert summaries[0] == {k: ack[k] for k in ("capabilityName", "arn", "type", "createdAt", "modifiedAt")} | {"status": "ACTIVE"}
    first = env.eks.list_capabilities(clusterName="demo", maxResults=2)
    rest = env.eks.list_capabilities(clusterName="demo", maxResults=2, nextToken=first["nextToken"])
    assert len(first["capabilities"]) == 2 and [s["capabilityName"] for s in rest["capabilities"]] == ["My_GitOps"] and "nextToken" not in rest

    deleted = env.eks.delete_capability(clusterName="demo", capabilityName="my-ack")["capability"]
    assert deleted["status"] == "DELETING" and deleted["arn"] == ack["arn"]
    for call in (env.eks.describe_capability, env.eks.delete_capability):
        assert error(call, clusterName="demo", capabilityName="my-ack") == \
            {"Code": "ResourceNotFoundException", "Message": "No capability found for name: my-ack."}
    assert [s["capabilityName"] for s in env.eks.list_capabilities(clusterName="demo")["capabilities"]] == ["my_kro", "My_GitOps"]
    # A new capability of the same name (and type) is a new one.
    assert create(env, "my-ack", "ACK", role)["arn"] != ack["arn"]


def test_the_access_entry_eks_makes_for_the_capability_role(emulator):
    env = Env(emulator, addons=())
    ack_role, argo_role = capability_role(env, "ack"), capability_role(env, "argo")
    create(env, "ack", "ACK", ack_role)
    create(env, "argo", "ARGOCD", argo_role, configuration=argocd("gitops"))
    entries = env.eks.list_access_entries(clusterName="demo")["accessEntries"]
    assert sorted(entries) == sorted([ack_role, argo_role])
    entry = env.eks.describe_access_entry(clusterName="demo", principalArn=ack_role)["accessEntry"]
    assert (entry["type"], entry["kubernetesGroups"], entry["tags"]) == ("STANDARD", [], {})
    assert entry["username"] == f"arn:aws:sts::{ACCOUNT}:assumed-role/ack/{{{{SessionName}}}}"
    assert policies(env, ack_role) == {"AmazonEKSACKPolicy": {"type": "cluster"}}
    assert policies(env, argo_role) == {"AmazonEKSArgoCDClusterPolicy": {"type": "cluster"},
                                        "AmazonEKSArgoCDPolicy": {"type": "namespace", "namespaces": ["gitops"]}}
    listed = env.eks.list_access_entries(clusterName="demo", associatedPolicyArn=POLICY + "AmazonEKSACKPolicy")["accessEntries"]
    assert listed == [ack_role]
    # The user adds policies to it (the documented way to give a capability more permissions) ...
    env.eks.associate_access_policy(clusterName="demo", principalArn=ack_role, policyArn=POLICY + "AmazonEKSSecretReaderPolicy",
                                    accessScope={"type": "namespace", "namespaces": ["apps"]})
    assert set(policies(env, ack_role)) == {"AmazonEKSACKPolicy", "AmazonEKSSecretReaderPolicy"}
    names = {p["name"] for p in env.eks.list_access_policies()["accessPolicies"]}
    assert {"AmazonEKSACKPolicy", "AmazonEKSKROPolicy", "AmazonEKSArgoCDPolicy", "AmazonEKSArgoCDClusterPolicy"} <= names
    # ... but cannot make it again.
    assert error(env.eks.create_access_entry, clusterName="demo", principalArn=ack_role)["Code"] == "ResourceInUseException"
    # The entry goes with the capability.
    env.eks.delete_capability(clusterName="demo", capabilityName="ack")
    assert env.eks.list_access_entries(clusterName="demo")["accessEntries"] == [argo_role]
    assert error(env.eks.describe_access_entry, clusterName="demo", principalArn=ack_role)["Code"] == "ResourceNotFoundException"


def test_a_role_shared_by_capabilities_and_an_entry_made_by_the_user(emulator):
    env = Env(emulator, addons=())
    role = capability_role(env)
    create(env, "ack", "ACK", role)
    create(env, "kro", "KRO", role)
    assert set(policies(env, role)) == {"AmazonEKSACKPolicy", "AmazonEKSKROPolicy"}
    env.eks.delete_capability(clusterName="demo", capabilityName="ack")
    assert set(policies(env, role)) == {"AmazonEKSKROPolicy"}  # the entry stays for kro
    env.eks.delete_capability(clusterName="demo", capabilityName="kro")
    assert env.eks.list_access_entries(clusterName="demo")["accessEntries"] == []

    # An entry the user made before (with a policy of theirs) is used and left as it was.
    mine = capability_role(env, "mine")
    env.eks.create_access_entry(clusterName="demo", principalArn=mine, tags={"owner": "me"})
    env.eks.associate_access_policy(clusterName="demo", principalArn=mine, policyArn=POLICY + "AmazonEKSClusterAdminPolicy",
                                    accessScope={"type": "cluster"})
    create(env, "kro", "KRO", mine)
    assert set(policies(env, mine)) == {"AmazonEKSClusterAdminPolicy", "AmazonEKSKROPolicy"}
    env.eks.delete_capability(clusterName="demo", capabilityName="kro")
    assert set(policies(env, mine)) == {"AmazonEKSClusterAdminPolicy"}
    assert env.eks.describe_access_entry(clusterName="demo", principalArn=mine)["accessEntry"]["tags"] == {"owner": "me"}


@pytest.mark.emulator_env(**FAST, MOTO_EKS_CAPABILITY_CREATE_SECONDS="1", MOTO_EKS_CAPABILITY_DELETE_SECONDS="1")
def test_lifecycle_states_and_delete_cluster(emulator):
    env = Env(emulator, addons=())
    role = capability_role(env)
    create(env, "argo", "ARGOCD", role, configuration=argocd())
    creating = describe(env, "argo")
    assert creating["status"] == "CREATING" and "serverUrl" not in creating["configuration"]["argoCd"]
    assert env.eks.list_capabilities(clusterName="demo")["capabilities"][0]["status"] == "CREATING"
    # The access entry comes with ACTIVE: a client waits for it.
    assert env.eks.list_access_entries(clusterName="demo")["accessEntries"] == []
    assert error(env.eks.update_capability, clusterName="demo", capabilityName="argo", roleArn=role) == \
        {"Code": "ResourceInUseException", "Message": "Capability argo is currently CREATING and cannot be updated."}
    time.sleep(1.1)
    assert describe(env, "argo")["status"] == "ACTIVE"
    assert env.eks.list_access_entries(clusterName="demo")["accessEntries"] == [role]

    in_use = {"Code": "ResourceInUseException", "Message": "Cluster has capabilities attached"}
    assert error(env.eks.delete_cluster, name="demo") == in_use
    assert env.eks.delete_capability(clusterName="demo", capabilityName="argo")["capability"]["status"] == "DELETING"
    assert describe(env, "argo")["status"] == "DELETING"
    assert env.eks.list_capabilities(clusterName="demo")["capabilities"][0]["status"] == "DELETING"
    assert error(env.eks.delete_capability, clusterName="demo", capabilityName="argo") == \
        {"Code": "ResourceInUseException", "Message": "Capability argo is already being deleted."}
    assert error(env.eks.delete_cluster, name="demo") == in_use  # DELETING ones count too
    assert error(create, env, "argo", "ARGOCD", role, configuration=argocd())["Code"] == "ResourceInUseException"
    time.sleep(1.1)
    assert error(env.eks.describe_capability, clusterName="demo", capabilityName="argo")["Code"] == "ResourceNotFoundException"
    assert env.eks.list_access_entries(clusterName="demo")["accessEntries"] == []
    assert env.eks.delete_cluster(name="demo")["cluster"]["status"] == "DELETING"


def test_one_capability_per_name_and_per_type_and_client_tokens(emulator):
    env = Env(emulator, addons=())
    role = capability_role(env)
    first = create(env, "ack", "ACK", role, clientRequestToken="token-1")
    # The SDK's retry after a lost answer: the same capability.
    assert create(env, "ack", "ACK", role, clientRequestToken="token-1")["arn"] == first["arn"]
    assert error(create, env, "ack", "ACK", role, clientRequestToken="token-2") == \
        {"Code": "ResourceInUseException", "Message": "Capability ack already exists in cluster demo."}
    assert error(create, env, "ack", "KRO", role)["Code"] == "ResourceInUseException"
    other = error(create, env, "ack-2", "ACK", role)
    assert other["Code"] == "ResourceLimitExceededException"
    assert "You can only create one Capability of each type on a given Amazon EKS cluster" in other["Message"]
    assert len(env.eks.list_capabilities(clusterName="demo")["capabilities"]) == 1


def test_unknown_cluster_and_cluster_states(emulator):
    env = Env(emulator, addons=())
    role = capability_role(env)
    missing = {"Code": "ResourceNotFoundException", "Message": "No cluster found for name: nope."}
    for call, kw in [(env.eks.create_capability, {"capabilityName": "a", "type": "ACK", "roleArn": role, "deletePropagationPolicy": "RETAIN"}),
                     (env.eks.describe_capability, {"capabilityName": "a"}), (env.eks.list_capabilities, {}),
                     (env.eks.update_capability, {"capabilityName": "a", "roleArn": role}),
                     (env.eks.delete_capability, {"capabilityName": "a"})]:
        assert error(call, clusterName="nope", **kw) == missing
    for call in (env.eks.describe_capability, env.eks.delete_capability):
        assert error(call, clusterName="demo", capabilityName="a")["Code"] == "ResourceNotFoundException"
    # Capabilities reach the cluster through access entries: CONFIG_MAP clusters cannot have them.
    env.eks.create_cluster(name="legacy", roleArn=env.cluster["roleArn"], resourcesVpcConfig={"subnetIds": env.subnets},
                           accessConfig={"authenticationMode": "CONFIG_MAP"})
    e = error(env.eks.create_capability, clusterName="legacy", capabilityName="a", type="KRO", roleArn=role, deletePropagationPolicy="RETAIN")
    assert e["Code"] == "InvalidRequestException" and "[API, API_AND_CONFIG_MAP]" in e["Message"]


@pytest.mark.emulator_env(**FAST, MOTO_EKS_CLUSTER_CREATE_SECONDS="60")
def test_a_cluster_that_is_not_active_is_refused(emulator):
    env = Env(emulator, addons=())
    assert env.cluster["status"] == "CREATING"
    assert error(create, env, "kro", "KRO", capability_role(env)) == \
        {"Code": "InvalidRequestException", "Message": "Cluster 'demo' is not in ACTIVE status"}


def test_parameters_are_checked(emulator):
    env = Env(emulator, addons=())
    role = capability_role(env)
    unchecked = emulator.session.client("eks", endpoint_url=emulator.endpoint, config=botocore.config.Config(parameter_validation=False))
    full = {"clusterName": "demo", "capabilityName": "a", "type": "ACK", "roleArn": role, "deletePropagationPolicy": "RETAIN"}
    for field in ("capabilityName", "type", "roleArn", "deletePropagationPolicy"):
        e = error(unchecked.create_capability, **{k: v for k, v in full.items() if k != field})
        assert e == {"Code": "InvalidParameterException",
                     "Message": f"1 validation error detected: Value null at '{field}' failed to satisfy constraint: Member must not be null"}
    e = error(create, env, "a", "FLUX", role)
    assert e["Code"] == "InvalidParameterException" and "Member must satisfy enum value set: [ACK, KRO, ARGOCD]" in e["Message"]
    e = error(env.eks.create_capability, **dict(full, deletePropagationPolicy="DELETE"))
    assert e["Code"] == "InvalidParameterException" and "[RETAIN]" in e["Message"]
    for name in ("has space", "a.b", "x" * 101, ""):
        assert error(unchecked.create_capability, **dict(full, capabilityName=name))["Code"] == "InvalidParameterException", name
    for bad in (f"arn:aws:iam::{ACCOUNT}:user/capability", "capability", f"arn:aws-cn:iam::{ACCOUNT}:role/capability",
                "arn:aws:iam::111122223333:role/capability"):
        assert error(create, env, "a", "ACK", bad)["Code"] == "InvalidParameterException", bad
    assert "same AWS account" in error(create, env, "a", "ACK", "arn:aws:iam::111122223333:role/capability")["Message"]
    assert error(create, env, "a", "ACK", role, tags={"aws:owner": "me"})["Code"] == "InvalidParameterException"

    # Type-specific configuration: argoCd only for ARGOCD, ack only for ACK.
    for kind, config in [("ACK", argocd()), ("KRO", argocd()), ("KRO", {"ack": {"enableCrossNamespace": True}}),
                         ("ARGOCD", {"ack": {}, **argocd()})]:
        e = error(create, env, "a", kind, role, configuration=config)
        assert e["Code"] == "InvalidParameterException" and "can only be used with a capability of type" in e["Message"], (kind, config)
    assert "IAM Identity Center" in error(create, env, "a", "ARGOCD", role)["Message"]
    assert error(unchecked.create_capability, **dict(full, type="ARGOCD", configuration={"argoCd": {"namespace": "argocd"}}))["Message"] == \
        "1 validation error detected: Value null at 'configuration.argoCd.awsIdc' failed to satisfy constraint: Member must not be null"
    for arn in ("arn:aws:sso:::instance/ssoins-<SSO Instance ID>", "ssoins-7223b6cc4a9f8e3d", "arn:aws:sso:::instance/ssoins-7223b6cc",
                f"arn:aws:sso::{ACCOUNT}:instance/ssoins-7223b6cc4a9f8e3d"):
        e = error(create, env, "a", "ARGOCD", role, configuration={"argoCd": {"awsIdc": {"idcInstanceArn": arn}}})
        assert e["Code"] == "InvalidParameterException" and "idcInstanceArn" in e["Message"], arn
    bad_argo = [
        {"awsIdc": {"idcInstanceArn": IDC, "idcRegion": "Oregon"}},
        {"awsIdc": {"idcInstanceArn": IDC}, "namespace": "Argo_CD"},
        {"awsIdc": {"idcInstanceArn": IDC}, "rbacRoleMappings": [{"role": "OWNER", "identities": [{"id": USER, "type": "SSO_USER"}]}]},
        {"awsIdc": {"idcInstanceArn": IDC}, "rbacRoleMappings": [{"role": "ADMIN", "identities": [{"id": USER, "type": "IAM_USER"}]}]},
        {"awsIdc": {"idcInstanceArn": IDC}, "rbacRoleMappings": [{"role": "ADMIN", "identities": [{"id": "<user id>", "type": "SSO_USER"}]}]},
        {"awsIdc": {"idcInstanceArn": IDC}, "rbacRoleMappings": [{"role": "ADMIN", "identities": []}]},
        {"awsIdc": {"idcInstanceArn": IDC}, "rbacRoleMappings": [{"role": "ADMIN", "identities": [{"id": USER, "type": "SSO_USER"}]},
                                                                 {"role": "ADMIN", "identities": [{"id": GROUP, "type": "SSO_GROUP"}]}]},
        {"awsIdc": {"idcInstanceArn": IDC}, "networkAccess": {"vpceIds": ["vpc-0123456789abcdef0"]}},
        {"awsIdc": {"idcInstanceArn": IDC}, "endpointPrefix": "Git_Ops"},
    ]
    for argo in bad_argo:
        assert error(create, env, "a", "ARGOCD", role, configuration={"argoCd": argo})["Code"] == "InvalidParameterException", argo
    for ack in ({"disabledServices": ["S3"]}, {"disabledServices": ["s3"] * 201}):
        assert error(create, env, "a", "ACK", role, configuration={"ack": ack})["Code"] == "InvalidParameterException", ack
    assert env.eks.list_capabilities(clusterName="demo")["capabilities"] == []
    # A valid ACK configuration is kept as given.
    ack = create(env, "a", "ACK", role, configuration={"ack": {"enableCrossNamespace": True, "disabledServices": ["iam", "s3"]}})
    assert ack["configuration"] == {"ack": {"enableCrossNamespace": True, "disabledServices": ["iam", "s3"]}}


def test_the_role_must_trust_capabilities_eks_with_assume_role_and_tag_session(emulator):
    env = Env(emulator, addons=())
    assert error(create, env, "a", "KRO", f"arn:aws:iam::{ACCOUNT}:role/missing") == TRUST_INVALID
    deny = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": {"Service": "capabilities.eks.amazonaws.com"},
                                                               "Action": ["sts:AssumeRole", "sts:TagSession"]}]})
    for i, document in enumerate([trust(actions="sts:AssumeRole"), trust(actions=["sts:TagSession"]), trust(service="eks.amazonaws.com"),
                                  trust(service="pods.eks.amazonaws.com"), EKS_TRUST, deny]):
        assert error(create, env, "a", "KRO", capability_role(env, f"bad-{i}", document)) == TRUST_INVALID
    split = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com", "capabilities.eks.amazonaws.com"]}, "Action": "sts:AssumeRole"},
        {"Effect": "Allow", "Principal": {"Service": "capabilities.eks.amazonaws.com"}, "Action": "sts:TagSession"}]})
    assert create(env, "a", "KRO", capability_role(env, "split", split))
    assert create(env, "b", "ACK", capability_role(env, "star", trust(actions="sts:*")))
    irsa = capability_role(env, "irsa", trust(actions="sts:AssumeRole"))
    assert error(env.eks.update_capability, clusterName="demo", capabilityName="b", roleArn=irsa) == TRUST_INVALID


@pytest.mark.emulator_env(**dict(FAST, MOTO_IAM_ROLE_PROPAGATION_SECONDS="1"))
def test_a_role_iam_has_not_propagated_yet_is_refused_like_aws(emulator):
    ec2, eks, iam = emulator.client("ec2"), emulator.client("eks"), emulator.client("iam")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i + 1}.0/24", AvailabilityZone=f"{REGION}{az}")["Subnet"]["SubnetId"]
               for i, az in enumerate("ab")]
    cluster_role = iam.create_role(RoleName="cluster", AssumeRolePolicyDocument=EKS_TRUST)["Role"]["Arn"]
    iam.attach_role_policy(RoleName="cluster", PolicyArn="arn:aws:iam::aws:policy/AmazonEKSClusterPolicy")
    time.sleep(1.1)
    eks.create_cluster(name="demo", roleArn=cluster_role, resourcesVpcConfig={"subnetIds": subnets}, accessConfig={"authenticationMode": "API"})
    role = iam.create_role(RoleName="capability", AssumeRolePolicyDocument=trust())["Role"]["Arn"]
    kw = {"clusterName": "demo", "capabilityName": "kro", "type": "KRO", "roleArn": role, "deletePropagationPolicy": "RETAIN"}
    # AWS's answer for a role created seconds before (Terraform users add a sleep).
    assert error(eks.create_capability, **kw) == TRUST_INVALID
    time.sleep(1.1)
    assert eks.create_capability(**kw)["capability"]["status"] == "CREATING"
    # A trust policy just changed is not seen yet either.
    other = iam.create_role(RoleName="other", AssumeRolePolicyDocument=trust())["Role"]["Arn"]
    time.sleep(1.1)
    iam.update_assume_role_policy(RoleName="other", PolicyDocument=trust(actions=["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"]))
    assert error(eks.update_capability, clusterName="demo", capabilityName="kro", roleArn=other) == TRUST_INVALID


@pytest.mark.emulator_env(**FAST, EKSUP_MOTO_EKS_ROLE_CHECKS="0")
def test_role_checks_off_accept_any_role_of_the_account(emulator):
    env = Env(emulator, addons=())
    assert create(env, "kro", "KRO", f"arn:aws:iam::{ACCOUNT}:role/missing")["roleArn"] == f"arn:aws:iam::{ACCOUNT}:role/missing"
    assert error(create, env, "ack", "ACK", "arn:aws:iam::111122223333:role/x")["Code"] == "InvalidParameterException"


def test_update_capability(emulator):
    env = Env(emulator, addons=())
    role, other = capability_role(env), capability_role(env, "other")
    create(env, "argo", "ARGOCD", role, configuration=argocd())
    create(env, "ack", "ACK", role)
    before = describe(env, "argo")
    time.sleep(0.01)

    add = [{"role": "ADMIN", "identities": [{"id": GROUP, "type": "SSO_GROUP"}]},
           {"role": "VIEWER", "identities": [{"id": GROUP, "type": "SSO_GROUP"}]}]
    update = env.eks.update_capability(clusterName="demo", capabilityName="argo", clientRequestToken="u-1", configuration={"argoCd": {
        "rbacRoleMappings": {"addOrUpdateRoleMappings": add}, "networkAccess": {"vpceIds": ["vpce-0123456789abcdef0"]}}})["update"]
    assert (update["type"], update["status"]) == ("CapabilityUpdate", "Successful")
    assert update["params"] == [{"type": "RoleMappingsToAddOrUpdate", "value": json.dumps(add, separators=(",", ":"))},
                                {"type": "NetworkAccess", "value": '{"vpceIds":["vpce-0123456789abcdef0"]}'}]
    argo = describe(env, "argo")
    # An add merges identities into the role's mapping (it does not replace them).
    assert argo["configuration"]["argoCd"]["rbacRoleMappings"] == [
        {"role": "ADMIN", "identities": [{"id": USER, "type": "SSO_USER"}, {"id": GROUP, "type": "SSO_GROUP"}]},
        {"role": "VIEWER", "identities": [{"id": GROUP, "type": "SSO_GROUP"}]}]
    assert argo["configuration"]["argoCd"]["networkAccess"] == {"vpceIds": ["vpce-0123456789abcdef0"]}
    assert argo["modifiedAt"] > before["modifiedAt"] and argo["createdAt"] == before["createdAt"]
    # The same request again (an SDK retry): the same update.
    again = env.eks.update_capability(clusterName="demo", capabilityName="argo", clientRequestToken="u-1", configuration={"argoCd": {
        "rbacRoleMappings": {"addOrUpdateRoleMappings": add}, "networkAccess": {"vpceIds": ["vpce-0123456789abcdef0"]}}})["update"]
    assert again["id"] == update["id"]
    # Removing takes identities away; a mapping left empty goes.
    env.eks.update_capability(clusterName="demo", capabilityName="argo", configuration={"argoCd": {"rbacRoleMappings": {
        "removeRoleMappings": [{"role": "VIEWER", "identities": [{"id": GROUP, "type": "SSO_GROUP"}]},
                               {"role": "ADMIN", "identities": [{"id": USER, "type": "SSO_USER"}]}]}}})
    assert describe(env, "argo")["configuration"]["argoCd"]["rbacRoleMappings"] == \
        [{"role": "ADMIN", "identities": [{"id": GROUP, "type": "SSO_GROUP"}]}]

    # A new role: the capability's access policies move to its entry.
    update = env.eks.update_capability(clusterName="demo", capabilityName="argo", roleArn=other)["update"]
    assert update["params"] == [{"type": "RoleArn", "value": other}]
    assert describe(env, "argo")["roleArn"] == other
    assert set(policies(env, other)) == {"AmazonEKSArgoCDClusterPolicy", "AmazonEKSArgoCDPolicy"}
    assert set(policies(env, role)) == {"AmazonEKSACKPolicy"}  # still ack's

    # The capability's updates are found with its name.
    ids = env.eks.list_updates(name="demo", capabilityName="argo")["updateIds"]
    assert len(ids) == 3 and update["id"] in ids
    assert env.eks.describe_update(name="demo", updateId=update["id"], capabilityName="argo")["update"]["type"] == "CapabilityUpdate"
    assert error(env.eks.describe_update, name="demo", updateId=update["id"])["Code"] == "ResourceNotFoundException"
    assert error(env.eks.list_updates, name="demo", capabilityName="nope")["Code"] == "ResourceNotFoundException"
    assert env.eks.list_updates(name="demo")["updateIds"] == []

    ack = env.eks.update_capability(clusterName="demo", capabilityName="ack", configuration={"ack": {"disabledServices": ["ec2"]}})["update"]
    assert ack["params"] == [{"type": "DisabledServices", "value": '["ec2"]'}]
    env.eks.update_capability(clusterName="demo", capabilityName="ack", configuration={"ack": {"enableCrossNamespace": True}})
    assert describe(env, "ack")["configuration"] == {"ack": {"enableCrossNamespace": True, "disabledServices": ["ec2"]}}

    # Refusals: nothing to change, another type's configuration, bad mappings.
    assert "No change requested" in error(env.eks.update_capability, clusterName="demo", capabilityName="ack")["Message"]
    for name, config in [("ack", {"argoCd": {"networkAccess": {"vpceIds": []}}}), ("argo", {"ack": {"enableCrossNamespace": True}}),
                         ("argo", {"argoCd": {"rbacRoleMappings": {"addOrUpdateRoleMappings": [{"role": "ROOT", "identities": []}]}}})]:
        assert error(env.eks.update_capability, clusterName="demo", capabilityName=name, configuration=config)["Code"] == \
            "InvalidParameterException", (name, config)
    assert error(env.eks.update_capability, clusterName="demo", capabilityName="nope", roleArn=role)["Code"] == "ResourceNotFoundException"


@pytest.mark.emulator_env(**FAST, MOTO_EKS_CAPABILITY_UPDATE_SECONDS="1")
def test_an_update_takes_time_and_blocks_another(emulator):
    env = Env(emulator, addons=())
    role, other = capability_role(env), capability_role(env, "other")
    create(env, "kro", "KRO", role)
    assert describe(env, "kro")["status"] == "ACTIVE"
    update = env.eks.update_capability(clusterName="demo", capabilityName="kro", roleArn=other)["update"]
    assert update["status"] == "InProgress"
    assert describe(env, "kro")["status"] == "UPDATING" and describe(env, "kro")["roleArn"] == role
    assert error(env.eks.update_capability, clusterName="demo", capabilityName="kro", roleArn=role)["Code"] == "ResourceInUseException"
    time.sleep(1.1)
    assert env.eks.describe_update(name="demo", updateId=update["id"], capabilityName="kro")["update"]["status"] == "Successful"
    assert describe(env, "kro")["status"] == "ACTIVE" and describe(env, "kro")["roleArn"] == other
    assert env.eks.list_access_entries(clusterName="demo")["accessEntries"] == [other]


def test_tags_on_capabilities(emulator):
    env = Env(emulator, addons=())
    arn = create(env, "kro", "KRO", capability_role(env), tags={"team": "platform"})["arn"]
    env.eks.tag_resource(resourceArn=arn, tags={"env": "prod"})
    env.eks.untag_resource(resourceArn=arn, tagKeys=["team"])
    assert env.eks.list_tags_for_resource(resourceArn=arn)["tags"] == {"env": "prod"}
    assert describe(env, "kro")["tags"] == {"env": "prod"}
    env.eks.delete_capability(clusterName="demo", capabilityName="kro")
    assert error(env.eks.list_tags_for_resource, resourceArn=arn)["Code"] == "ResourceNotFoundException"


def test_the_argo_cd_namespace_exists_in_the_cluster(emulator):
    env = Env(emulator, addons=())
    assert env.kube.call("GET", "/api/v1/namespaces/gitops")[0] == 404
    create(env, "argo", "ARGOCD", capability_role(env), configuration=argocd("gitops"))
    describe(env, "argo")
    status, namespace = env.kube.call("GET", "/api/v1/namespaces/gitops")
    assert status == 200 and namespace["status"]["phase"] == "Active"
    assert env.kube.call("GET", "/api/v1/namespaces/gitops/serviceaccounts/default")[0] == 200
    # RETAIN: it stays when the capability goes.
    env.eks.delete_capability(clusterName="demo", capabilityName="argo")
    env.eks.list_capabilities(clusterName="demo")
    assert env.kube.call("GET", "/api/v1/namespaces/gitops")[0] == 200
