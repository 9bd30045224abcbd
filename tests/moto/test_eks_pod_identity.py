"""EKS Pod Identity associations (eksup_moto_eks: create/describe/list/update/delete
_pod_identity_association, _check_pod_role, _trusts_pods)."""

from __future__ import annotations

import json
import re
import time
import uuid
from typing import Any

import botocore.config
import botocore.exceptions
import pytest

from test_k8s_api import EKS_TRUST, FAST, REGION, Env, attach

pytestmark = pytest.mark.emulator_env(**FAST)

ACCOUNT = "123456789012"
ID = re.compile(r"a-[a-z0-9]{17}")
POLICY = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})


def trust(service: str = "pods.eks.amazonaws.com", actions: Any = ("sts:AssumeRole", "sts:TagSession")) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": list(actions)
                                                                if not isinstance(actions, str) else actions}]})


def pod_role(env: Env, name: str, document: str | None = None) -> str:
    return env.iam.create_role(RoleName=name, AssumeRolePolicyDocument=document or trust())["Role"]["Arn"]


def error(call: Any, *args: Any, **kw: Any) -> dict[str, str]:
    with pytest.raises(botocore.exceptions.ClientError) as e:
        call(*args, **kw)
    return e.value.response["Error"]


def create(env: Env, namespace: str = "dev", service_account: str = "app", **kw: Any) -> dict[str, Any]:
    return env.eks.create_pod_identity_association(clusterName=env.name, namespace=namespace, serviceAccount=service_account, **kw)["association"]


def test_create_describe_list_update_delete(emulator):
    env = Env(emulator, addons=())
    role, other = pod_role(env, "app"), pod_role(env, "app-2")
    a = create(env, roleArn=role, tags={"team": "web"})
    assert ID.fullmatch(a["associationId"])
    assert a["associationArn"] == f"arn:aws:eks:{REGION}:{ACCOUNT}:podidentityassociation/{env.name}/{a['associationId']}"
    assert (a["clusterName"], a["namespace"], a["serviceAccount"], a["roleArn"]) == (env.name, "dev", "app", role)
    assert a["tags"] == {"team": "web"} and a["disableSessionTags"] is False and a["createdAt"] == a["modifiedAt"]
    assert not {"ownerArn", "targetRoleArn", "externalId", "policy"} & set(a)
    assert env.eks.describe_pod_identity_association(clusterName=env.name, associationId=a["associationId"])["association"] == a

    b = create(env, "kube-system", "app", roleArn=role)
    c = create(env, "kube-system", "external-dns.v1", roleArn=role)

    def listed(**kw: Any) -> list[str]:
        return [s["associationId"] for s in env.eks.list_pod_identity_associations(clusterName=env.name, **kw)["associations"]]

    assert sorted(listed()) == sorted(x["associationId"] for x in (a, b, c))
    assert sorted(listed(namespace="kube-system")) == sorted([b["associationId"], c["associationId"]])
    assert listed(serviceAccount="app", namespace="kube-system") == [b["associationId"]]
    assert sorted(listed(serviceAccount="app")) == sorted([a["associationId"], b["associationId"]])
    assert listed(namespace="nope") == []
    summary = env.eks.list_pod_identity_associations(clusterName=env.name, namespace="dev")["associations"][0]
    assert summary == {k: a[k] for k in ("clusterName", "namespace", "serviceAccount", "associationArn", "associationId")}
    first = env.eks.list_pod_identity_associations(clusterName=env.name, maxResults=2)
    rest = env.eks.list_pod_identity_associations(clusterName=env.name, maxResults=2, nextToken=first["nextToken"])
    assert len(first["associations"]) == 2 and len(rest["associations"]) == 1 and "nextToken" not in rest

    # Tags live on the association's ARN.
    env.eks.tag_resource(resourceArn=a["associationArn"], tags={"env": "prod"})
    env.eks.untag_resource(resourceArn=a["associationArn"], tagKeys=["team"])
    assert env.eks.list_tags_for_resource(resourceArn=a["associationArn"])["tags"] == {"env": "prod"}

    # Update: the role, then a target role (with its external id), then a session policy.
    time.sleep(0.01)
    updated = env.eks.update_pod_identity_association(clusterName=env.name, associationId=a["associationId"], roleArn=other)["association"]
    assert updated["roleArn"] == other and updated["modifiedAt"] > a["modifiedAt"] and updated["createdAt"] == a["createdAt"]
    target = "arn:aws:iam::444455556666:role/account-b-role"
    updated = env.eks.update_pod_identity_association(clusterName=env.name, associationId=a["associationId"], targetRoleArn=target)["association"]
    assert updated["targetRoleArn"] == target and str(uuid.UUID(updated["externalId"])) == updated["externalId"]
    assert error(env.eks.update_pod_identity_association, clusterName=env.name, associationId=a["associationId"], policy=POLICY) == \
        {"Code": "InvalidParameterException", "Message": "When using this policy, disableSessionTags must be set to true"}
    updated = env.eks.update_pod_identity_association(clusterName=env.name, associationId=a["associationId"], policy=POLICY,
                                                      disableSessionTags=True)["association"]
    assert (updated["policy"], updated["disableSessionTags"], updated["roleArn"]) == (POLICY, True, other)
    # Turning the session tags back on while the policy stays is refused too.
    assert "disableSessionTags must be set to true" in error(env.eks.update_pod_identity_association, clusterName=env.name,
                                                             associationId=a["associationId"], disableSessionTags=False)["Message"]
    # Nothing changes: refused (AWS: "You must change at least one of these in an update").
    nothing = error(env.eks.update_pod_identity_association, clusterName=env.name, associationId=a["associationId"], roleArn=other,
                    disableSessionTags=True)
    assert nothing["Code"] == "InvalidParameterException" and "No change" in nothing["Message"]
    # An empty target role or policy takes it away (what eksup sends).
    updated = env.eks.update_pod_identity_association(clusterName=env.name, associationId=a["associationId"], targetRoleArn="",
                                                      policy="")["association"]
    assert not {"targetRoleArn", "externalId", "policy"} & set(updated) and updated["disableSessionTags"] is True

    deleted = env.eks.delete_pod_identity_association(clusterName=env.name, associationId=a["associationId"])["association"]
    assert deleted["associationId"] == a["associationId"] and deleted["roleArn"] == other
    for call in (env.eks.describe_pod_identity_association, env.eks.delete_pod_identity_association):
        gone = error(call, clusterName=env.name, associationId=a["associationId"])
        assert gone["Code"] == "ResourceNotFoundException" and a["associationId"] in gone["Message"]
    assert error(env.eks.list_tags_for_resource, resourceArn=a["associationArn"])["Code"] == "ResourceNotFoundException"
    assert sorted(listed()) == sorted([b["associationId"], c["associationId"]])
    # AWS checks the id's length first.
    assert error(env.eks.describe_pod_identity_association, clusterName=env.name, associationId="a-short") == \
        {"Code": "InvalidParameterException", "Message": "The parameter associationId should be 19 characters long."}


def test_a_second_association_of_a_service_account_is_refused_but_a_retry_is_not(emulator):
    env = Env(emulator, addons=())
    role = pod_role(env, "app")
    a = create(env, roleArn=role, clientRequestToken="token-1")
    # The SDK's retry after a lost answer (same token, same parameters): the same association.
    assert create(env, roleArn=role, clientRequestToken="token-1")["associationId"] == a["associationId"]
    for token in ("token-2", "token-1"):
        tags = {"x": "y"} if token == "token-1" else None  # same token, other parameters: a new request
        e = error(create, env, roleArn=role, clientRequestToken=token, **({"tags": tags} if tags else {}))
        assert e == {"Code": "ResourceInUseException", "Message": f"Association already exists: {a['associationId']}"}
    assert len(env.eks.list_pod_identity_associations(clusterName=env.name)["associations"]) == 1
    # Another service account of the namespace, or the same name in another namespace, is fine.
    create(env, "dev", "other", roleArn=role)
    create(env, "prod", "app", roleArn=role)
    # An update repeated with its token answers the association instead of "no change".
    other = pod_role(env, "app-2")
    kw = {"clusterName": env.name, "associationId": a["associationId"], "roleArn": other, "clientRequestToken": "update-1"}
    first = env.eks.update_pod_identity_association(**kw)["association"]
    assert env.eks.update_pod_identity_association(**kw)["association"] == first


def test_a_role_that_does_not_exist_is_refused_with_aws_message(emulator):
    env = Env(emulator, addons=())
    e = error(create, env, roleArn=f"arn:aws:iam::{ACCOUNT}:role/missing")
    assert e == {"Code": "InvalidParameterException", "Message": "Role provided in the request does not exist"}
    a = create(env, roleArn=pod_role(env, "app"))
    e = error(env.eks.update_pod_identity_association, clusterName=env.name, associationId=a["associationId"],
              roleArn=f"arn:aws:iam::{ACCOUNT}:role/missing")
    assert e["Message"] == "Role provided in the request does not exist"


def test_the_role_must_trust_pods_eks_with_assume_role_and_tag_session(emulator):
    env = Env(emulator, addons=())
    invalid = {"Code": "InvalidParameterException", "Message": "Trust policy of the role provided is invalid"}
    for i, document in enumerate([
        trust(actions="sts:AssumeRole"),  # no TagSession (IRSA-era roles)
        trust(actions=["sts:TagSession"]),
        trust(service="eks.amazonaws.com"),
        EKS_TRUST,
        json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": {"Service": "pods.eks.amazonaws.com"},
                                                            "Action": ["sts:AssumeRole", "sts:TagSession"]}]}),
    ]):
        assert error(create, env, f"ns{i}", roleArn=pod_role(env, f"bad-{i}", document)) == invalid
    # Wildcards count, and the two actions may be in separate statements.
    assert create(env, "a", roleArn=pod_role(env, "star", trust(actions="sts:*")))
    assert create(env, "b", roleArn=pod_role(env, "all", trust(actions=["*"])))
    split = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com", "pods.eks.amazonaws.com"]}, "Action": "sts:AssumeRole"},
        {"Effect": "Allow", "Principal": {"Service": "pods.eks.amazonaws.com"}, "Action": "sts:TagSession"}]})
    a = create(env, "c", roleArn=pod_role(env, "split", split))
    e = error(env.eks.update_pod_identity_association, clusterName=env.name, associationId=a["associationId"],
              roleArn=pod_role(env, "irsa", trust(actions="sts:AssumeRole")))
    assert e == invalid


def test_a_session_policy_needs_session_tags_off_and_must_be_json(emulator):
    env = Env(emulator, addons=())
    role = pod_role(env, "app")
    assert error(create, env, roleArn=role, policy=POLICY) == \
        {"Code": "InvalidParameterException", "Message": "When using this policy, disableSessionTags must be set to true"}
    for bad in ("not json", "[]", '"text"'):
        assert error(create, env, roleArn=role, policy=bad, disableSessionTags=True)["Code"] == "InvalidParameterException"
    a = create(env, roleArn=role, policy=POLICY, disableSessionTags=True)
    assert (a["policy"], a["disableSessionTags"]) == (POLICY, True)


def test_names_must_be_kubernetes_names(emulator):
    env = Env(emulator, addons=())
    role = pod_role(env, "app")
    for namespace, account in [("Dev", "app"), ("a_b", "app"), ("a" * 64, "app"), ("-dev", "app"), ("dev.x", "app"),
                               ("dev", "App"), ("dev", "app_1"), ("dev", "-app"), ("dev", "app."), ("dev", "a" * 254)]:
        e = error(create, env, namespace, account, roleArn=role)
        assert e["Code"] == "InvalidParameterException", (namespace, account)
        assert ("namespace" if namespace != "dev" else "serviceAccount") in e["Message"]
    assert create(env, "a" * 63, "app.v1-2", roleArn=role)
    # Missing parameters (botocore checks them client-side; AWS again on the server).
    unchecked = emulator.session.client("eks", endpoint_url=emulator.endpoint, config=botocore.config.Config(parameter_validation=False))
    e = error(unchecked.create_pod_identity_association, clusterName=env.name, serviceAccount="x", roleArn=role)
    assert e["Code"] == "InvalidParameterException" and "'namespace'" in e["Message"]


def test_the_role_must_be_of_the_cluster_account_the_target_role_of_any(emulator):
    env = Env(emulator, addons=())
    role = pod_role(env, "app")
    cross = {"Code": "InvalidParameterException", "Message": "Cross-account pass role is not allowed"}
    assert error(create, env, roleArn="arn:aws:iam::111122223333:role/app") == cross
    assert error(create, env, roleArn="") == cross
    for bad in (f"arn:aws:iam::{ACCOUNT}:user/app", "app", f"arn:aws:iam::{ACCOUNT}:policy/app", f"arn:aws-cn:iam::{ACCOUNT}:role/app"):
        assert error(create, env, roleArn=bad)["Code"] == "InvalidParameterException", bad
    for bad in ("not-an-arn", "arn:aws:iam::444455556666:user/b", "arn:aws:s3:::bucket"):
        assert error(create, env, roleArn=role, targetRoleArn=bad)["Code"] == "InvalidParameterException", bad
    # The target role is not looked up (other accounts' roles are not visible).
    a = create(env, roleArn=role, targetRoleArn="arn:aws:iam::444455556666:role/path/account-b-role")
    assert a["targetRoleArn"] == "arn:aws:iam::444455556666:role/path/account-b-role" and uuid.UUID(a["externalId"])
    assert env.eks.describe_pod_identity_association(clusterName=env.name, associationId=a["associationId"])["association"]["externalId"] == \
        a["externalId"]
    e = error(env.eks.update_pod_identity_association, clusterName=env.name, associationId=a["associationId"],
              roleArn="arn:aws:iam::111122223333:role/app")
    assert e == cross


def test_tags_are_limited_as_on_aws(emulator):
    env = Env(emulator, addons=())
    role = pod_role(env, "app")
    assert error(create, env, roleArn=role, tags={f"k{i}": "v" for i in range(51)})["Code"] == "InvalidParameterException"
    assert error(create, env, roleArn=role, tags={"AWS:owner": "me"})["Code"] == "InvalidParameterException"
    assert error(create, env, roleArn=role, tags={"k" * 129: "v"})["Code"] == "InvalidParameterException"
    assert create(env, roleArn=role, tags={f"k{i}": "v" for i in range(50)})["tags"]["k49"] == "v"


def test_unknown_cluster_and_cluster_deletion(emulator):
    env = Env(emulator, addons=())
    role = pod_role(env, "app")
    for call, kw in [(env.eks.create_pod_identity_association, {"namespace": "dev", "serviceAccount": "app", "roleArn": role}),
                     (env.eks.list_pod_identity_associations, {}),
                     (env.eks.describe_pod_identity_association, {"associationId": "a-0123456789abcdefg"})]:
        assert error(call, clusterName="nope", **kw) == {"Code": "ResourceNotFoundException", "Message": "No cluster found for name: nope."}
    a = create(env, roleArn=role)
    env.eks.delete_cluster(name=env.name)
    assert error(env.eks.list_tags_for_resource, resourceArn=a["associationArn"])["Code"] == "ResourceNotFoundException"
    # A new cluster of the same name starts without associations.
    env.eks.create_cluster(name=env.name, roleArn=env.cluster["roleArn"], resourcesVpcConfig={"subnetIds": env.subnets})
    assert env.eks.list_pod_identity_associations(clusterName=env.name)["associations"] == []
    assert error(env.eks.describe_pod_identity_association, clusterName=env.name, associationId=a["associationId"])["Code"] == \
        "ResourceNotFoundException"
    assert create(env, roleArn=role)["associationId"] != a["associationId"]


@pytest.mark.emulator_env(**FAST, MOTO_EKS_CLUSTER_CREATE_SECONDS="60")
def test_a_cluster_that_is_not_active_is_refused(emulator):
    env = Env(emulator, addons=())
    assert env.cluster["status"] == "CREATING"
    e = error(create, env, roleArn=pod_role(env, "app"))
    assert e["Code"] == "InvalidRequestException"


@pytest.mark.emulator_env(**dict(FAST, MOTO_IAM_ROLE_PROPAGATION_SECONDS="1"))
def test_a_role_iam_has_not_propagated_yet_does_not_exist_for_eks(emulator):
    ec2, eks, iam = emulator.client("ec2"), emulator.client("eks"), emulator.client("iam")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i + 1}.0/24", AvailabilityZone=f"{REGION}{az}")["Subnet"]["SubnetId"]
               for i, az in enumerate("ab")]
    cluster_role = iam.create_role(RoleName="cluster", AssumeRolePolicyDocument=EKS_TRUST)["Role"]["Arn"]
    attach(iam, "cluster", "AmazonEKSClusterPolicy")
    time.sleep(1.1)
    eks.create_cluster(name="demo", roleArn=cluster_role, resourcesVpcConfig={"subnetIds": subnets})
    role = iam.create_role(RoleName="app", AssumeRolePolicyDocument=trust())["Role"]["Arn"]
    kw = {"clusterName": "demo", "namespace": "dev", "serviceAccount": "app", "roleArn": role}
    assert error(eks.create_pod_identity_association, **kw) == \
        {"Code": "InvalidParameterException", "Message": "Role provided in the request does not exist"}
    time.sleep(1.1)
    a = eks.create_pod_identity_association(**kw)["association"]
    # A trust policy just changed is not seen yet either.
    iam.update_assume_role_policy(RoleName="app", PolicyDocument=trust(actions=["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"]))
    e = error(eks.update_pod_identity_association, clusterName="demo", associationId=a["associationId"], roleArn=role, disableSessionTags=True)
    assert e["Message"] == "Role provided in the request does not exist"


@pytest.mark.emulator_env(**FAST, EKSUP_MOTO_EKS_ROLE_CHECKS="0")
def test_role_checks_off_accept_any_role_of_the_account(emulator):
    env = Env(emulator, addons=())
    assert create(env, roleArn=f"arn:aws:iam::{ACCOUNT}:role/missing")["roleArn"] == f"arn:aws:iam::{ACCOUNT}:role/missing"
    assert create(env, "ops", roleArn=pod_role(env, "irsa", trust(actions="sts:AssumeRole")))
    # The account and the format are still checked.
    assert error(create, env, "x", roleArn="arn:aws:iam::111122223333:role/app")["Message"] == "Cross-account pass role is not allowed"
