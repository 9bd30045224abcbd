"""OIDC identity provider configs (eksup_moto_eks: associate/describe/list/disassociate
_identity_provider_config, IdentityProviderConfig, _check_oidc)."""

from __future__ import annotations

import json
import re
import time
from typing import Any

import botocore.config
import botocore.exceptions
import pytest

from test_k8s_api import FAST, REGION, Env

pytestmark = pytest.mark.emulator_env(**FAST)

ACCOUNT = "123456789012"
ISSUER = "https://issuer.example.com/oauth2/default"


def error(call: Any, *args: Any, **kw: Any) -> dict[str, str]:
    with pytest.raises(botocore.exceptions.ClientError) as e:
        call(*args, **kw)
    return e.value.response["Error"]


def oidc(name: str = "okta", **kw: Any) -> dict[str, Any]:
    return {"identityProviderConfigName": name, "issuerUrl": ISSUER, "clientId": "kubernetes", **kw}


def associate(env: Env, name: str = "okta", client: Any = None, tags: dict[str, str] | None = None, token: str | None = None,
              **kw: Any) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    if tags is not None:
        extra["tags"] = tags
    if token is not None:
        extra["clientRequestToken"] = token
    return (client or env.eks).associate_identity_provider_config(clusterName=env.name, oidc=oidc(name, **kw), **extra)


def describe(env: Env, name: str = "okta") -> dict[str, Any]:
    return env.eks.describe_identity_provider_config(clusterName=env.name, identityProviderConfig={"type": "oidc", "name": name}
                                                     )["identityProviderConfig"]["oidc"]


def disassociate(env: Env, name: str = "okta", **kw: Any) -> dict[str, Any]:
    return env.eks.disassociate_identity_provider_config(clusterName=env.name, identityProviderConfig={"type": "oidc", "name": name},
                                                         **kw)["update"]


def listed(env: Env, **kw: Any) -> list[str]:
    return [c["name"] for c in env.eks.list_identity_provider_configs(clusterName=env.name, **kw)["identityProviderConfigs"]]


def poll(check: Any, timeout: float = 10) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def unchecked(emulator: Any) -> Any:
    """A client without botocore's own parameter checks (AWS checks again on the server)."""
    return emulator.session.client("eks", endpoint_url=emulator.endpoint, config=botocore.config.Config(parameter_validation=False))


def test_associate_describe_list_tags_and_disassociate_without_delay(emulator):
    env = Env(emulator, addons=())
    assert listed(env) == []
    answer = associate(env, tags={"team": "web"}, usernameClaim="email", usernamePrefix="okta:", groupsClaim="groups",
                       groupsPrefix="okta:", requiredClaims={"hd": "example.com"})
    update = answer["update"]
    # AWS's answer (the AWS CLI's documented example): InProgress, whatever the delay.
    assert (update["type"], update["status"], update["errors"]) == ("AssociateIdentityProviderConfig", "InProgress", [])
    assert update["params"] == [{"type": "IdentityProviderConfig", "value": '[{"type":"oidc","name":"okta"}]'}]
    assert answer["tags"] == {"team": "web"}
    # Without MOTO_EKS_IDENTITY_PROVIDER_CREATE_SECONDS it is done at the next read.
    config = describe(env)
    arn = config.pop("identityProviderConfigArn")
    assert re.fullmatch(rf"arn:aws:eks:{REGION}:{ACCOUNT}:identityproviderconfig/demo/oidc/okta/"
                        r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", arn)
    assert config == {"identityProviderConfigName": "okta", "clusterName": "demo", "issuerUrl": ISSUER, "clientId": "kubernetes",
                      "usernameClaim": "email", "usernamePrefix": "okta:", "groupsClaim": "groups", "groupsPrefix": "okta:",
                      "requiredClaims": {"hd": "example.com"}, "tags": {"team": "web"}, "status": "ACTIVE"}
    assert env.eks.describe_update(name=env.name, updateId=update["id"])["update"]["status"] == "Successful"
    assert update["id"] in env.eks.list_updates(name=env.name)["updateIds"]
    assert env.eks.describe_cluster(name=env.name)["cluster"]["status"] == "ACTIVE"
    assert env.eks.list_identity_provider_configs(clusterName=env.name)["identityProviderConfigs"] == [{"type": "oidc", "name": "okta"}]

    # Tags live on the config's ARN, and describe shows them.
    env.eks.tag_resource(resourceArn=arn, tags={"env": "prod"})
    env.eks.untag_resource(resourceArn=arn, tagKeys=["team"])
    assert env.eks.list_tags_for_resource(resourceArn=arn)["tags"] == {"env": "prod"}
    assert describe(env)["tags"] == {"env": "prod"}

    gone = disassociate(env)
    assert (gone["type"], gone["status"]) == ("DisassociateIdentityProviderConfig", "InProgress")
    assert gone["params"] == [{"type": "IdentityProviderConfig", "value": "[]"}]  # as AWS's
    assert listed(env) == []
    assert env.eks.describe_update(name=env.name, updateId=gone["id"])["update"]["status"] == "Successful"
    for call in (describe, disassociate):
        assert error(call, env) == {"Code": "ResourceNotFoundException",
                                    "Message": "No config found for cluster: demo, config type: oidc, config name: okta"}
    assert error(env.eks.list_tags_for_resource, resourceArn=arn)["Code"] == "ResourceNotFoundException"
    # Once gone, another provider can be associated.
    assert associate(env, "dex")["update"]["status"] == "InProgress"
    assert listed(env) == ["dex"]


@pytest.mark.parametrize("issuer", ["https://idp.example.invalid/oauth2", "https://unreachable.example.com"])
@pytest.mark.emulator_env(**FAST, EKSUP_MOTO_UNREACHABLE_ISSUERS="unreachable.example.com")
def test_an_association_whose_issuer_eks_cannot_reach_fails_and_the_config_goes(emulator, issuer):
    env = Env(emulator, addons=())
    update = associate(env, issuerUrl=issuer)["update"]
    assert update["status"] == "InProgress"  # AWS answers InProgress whatever happens next
    done = env.eks.describe_update(name=env.name, updateId=update["id"])["update"]
    assert done["status"] == "Failed"
    assert done["errors"] == [{"errorCode": "Unknown", "errorMessage": f"Unable to reach the OIDC issuer {issuer}",
                               "resourceIds": ["okta"]}]
    assert listed(env) == []
    assert error(describe, env)["Code"] == "ResourceNotFoundException"
    assert env.eks.describe_cluster(name=env.name)["cluster"]["status"] == "ACTIVE"
    # A reachable one can be associated afterwards.
    associate(env, "dex")
    assert describe(env, "dex")["status"] == "ACTIVE"


def test_defaults_and_optional_fields_are_answered_as_aws_does(emulator):
    env = Env(emulator, addons=())
    assert associate(env)["tags"] == {}
    config = describe(env)
    assert config["usernameClaim"] == "sub"  # AWS's default
    assert config["requiredClaims"] == {} and config["tags"] == {}
    assert not {"usernamePrefix", "groupsClaim", "groupsPrefix"} & set(config)


@pytest.mark.emulator_env(**FAST, MOTO_EKS_IDENTITY_PROVIDER_CREATE_SECONDS="1.5", MOTO_EKS_IDENTITY_PROVIDER_DELETE_SECONDS="1.5")
def test_association_and_disassociation_take_time_and_hold_the_cluster(emulator):
    env = Env(emulator, addons=())
    update = associate(env)["update"]
    assert update["status"] == "InProgress"
    assert describe(env)["status"] == "CREATING"
    assert listed(env) == ["okta"]
    assert env.eks.describe_update(name=env.name, updateId=update["id"])["update"]["status"] == "InProgress"
    assert env.eks.list_updates(name=env.name)["updateIds"] == [update["id"]]
    assert env.eks.describe_cluster(name=env.name)["cluster"]["status"] == "UPDATING"

    # The association is the cluster's update in progress: other cluster updates wait.
    e = error(env.eks.update_cluster_config, name=env.name, logging={"clusterLogging": [{"types": ["api"], "enabled": True}]})
    assert e == {"Code": "ResourceInUseException",
                 "Message": f"Cannot LoggingUpdate because cluster demo currently has update {update['id']} in progress"}
    e = error(env.eks.update_cluster_version, name=env.name, version="1.35")
    assert e == {"Code": "ResourceInUseException",
                 "Message": f"Cannot VersionUpdate because cluster demo currently has update {update['id']} in progress"}
    # A disassociation before the association ended: AWS's answer.
    assert error(disassociate, env) == {"Code": "InvalidRequestException",
                                        "Message": "Identity provider config is not associated with cluster demo"}

    assert poll(lambda: describe(env)["status"] == "ACTIVE")
    assert env.eks.describe_update(name=env.name, updateId=update["id"])["update"]["status"] == "Successful"
    assert env.eks.describe_cluster(name=env.name)["cluster"]["status"] == "ACTIVE"

    gone = disassociate(env)
    assert gone["status"] == "InProgress"
    assert describe(env)["status"] == "DELETING"
    assert listed(env) == ["okta"]
    assert env.eks.describe_cluster(name=env.name)["cluster"]["status"] == "UPDATING"
    # Another disassociation, or an association (of this name or another), waits for this one.
    e = error(disassociate, env)
    assert e == {"Code": "ResourceInUseException",
                 "Message": f"Cannot DisassociateIdentityProviderConfig because cluster demo currently has update {gone['id']} in progress"}
    for name in ("okta", "dex"):
        e = error(associate, env, name)
        assert e == {"Code": "ResourceInUseException",
                     "Message": f"Cannot AssociateIdentityProviderConfig because cluster demo currently has update {gone['id']} in progress"}
    assert poll(lambda: listed(env) == [])
    assert error(describe, env)["Code"] == "ResourceNotFoundException"
    assert env.eks.describe_update(name=env.name, updateId=gone["id"])["update"]["status"] == "Successful"
    assert env.eks.list_updates(name=env.name)["updateIds"] == [update["id"], gone["id"]]
    assert env.eks.describe_cluster(name=env.name)["cluster"]["status"] == "ACTIVE"


@pytest.mark.emulator_env(**FAST, MOTO_EKS_UPDATE_SECONDS="1.5")
def test_an_association_waits_for_another_cluster_update(emulator):
    env = Env(emulator, addons=())
    logging = env.eks.update_cluster_config(name=env.name, logging={"clusterLogging": [{"types": ["api"], "enabled": True}]})["update"]
    e = error(associate, env)
    # AWS's message (elastic/cloudbeat issue 3093).
    assert e == {"Code": "ResourceInUseException",
                 "Message": f"Cannot AssociateIdentityProviderConfig because cluster demo currently has update {logging['id']} in progress"}
    assert listed(env) == []
    time.sleep(1.6)
    assert associate(env)["update"]["status"] == "InProgress"
    # The association does not use MOTO_EKS_UPDATE_SECONDS: it is done at once here.
    assert describe(env)["status"] == "ACTIVE"
    assert env.eks.describe_cluster(name=env.name)["cluster"]["status"] == "ACTIVE"


def test_a_cluster_takes_one_provider_and_a_name_once_but_a_retry_is_answered(emulator):
    env = Env(emulator, addons=())
    first = associate(env, tags={"a": "b"}, token="token-1")["update"]
    # The SDK's retry after a lost answer (same token, same parameters): the original update.
    again = associate(env, tags={"a": "b"}, token="token-1")
    assert again["update"]["id"] == first["id"] and again["tags"] == {"a": "b"}
    assert again["update"]["status"] == "Successful"  # as it is now
    # Another token, no token, or the same token with other parameters: a new request.
    for token, tags in (("token-2", {"a": "b"}), (None, {"a": "b"}), ("token-1", {"a": "c"})):
        e = error(associate, env, tags=tags, token=token)
        assert e == {"Code": "ResourceInUseException", "Message": "Identity provider config okta already exists for cluster demo"}
    e = error(associate, env, "dex", token="token-3")
    assert e["Code"] == "InvalidRequestException"
    assert e["Message"] == ("An identity provider config already exists for cluster demo: okta. "
                            "A cluster can have one OIDC identity provider config.")
    assert listed(env) == ["okta"]
    assert [u for u in env.eks.list_updates(name=env.name)["updateIds"]] == [first["id"]]
    # A disassociation repeated with its token: the same update, not ResourceNotFoundException.
    gone = disassociate(env, clientRequestToken="bye")
    assert disassociate(env, clientRequestToken="bye")["id"] == gone["id"]
    assert error(disassociate, env, clientRequestToken="bye-2")["Code"] == "ResourceNotFoundException"
    # A new association of the same name may reuse nothing of the old one.
    assert associate(env, token="token-4")["update"]["id"] != first["id"]
    assert describe(env)["status"] == "ACTIVE"


@pytest.mark.parametrize("field, value, message", [
    ("issuerUrl", "http://issuer.example.com", "must begin with https://"),
    ("issuerUrl", "issuer.example.com", "must begin with https://"),
    ("issuerUrl", "https://", "must begin with https://"),
    ("issuerUrl", "https://issuer.example.com/?tenant=a", "query parameters"),
    ("usernamePrefix", "system:", "can't contain system:"),
    ("usernamePrefix", "oidc:system:", "can't contain system:"),
    ("groupsPrefix", "system:masters", "can't contain system:"),
    ("requiredClaims", {f"k{i}": "v" for i in range(11)}, "At most 10 required claims"),
    ("requiredClaims", {"k" * 64: "v"}, "1 to 63 characters"),
    ("requiredClaims", {"k": "v" * 254}, "1 to 253 characters"),
    ("requiredClaims", {"k": ""}, "1 to 253 characters"),
    ("requiredClaims", {"": "v"}, "1 to 63 characters"),
    ("identityProviderConfigName", "", "non-empty"),
    ("clientId", "", "non-empty"),
])
def test_oidc_settings_are_checked(emulator, field, value, message):
    env = Env(emulator, addons=())
    e = error(unchecked(emulator).associate_identity_provider_config, clusterName=env.name, oidc={**oidc(), field: value})
    assert e["Code"] == "InvalidParameterException" and message in e["Message"], e
    assert listed(env) == [] and env.eks.list_updates(name=env.name)["updateIds"] == []


def test_missing_settings_the_cluster_issuer_and_tags_are_refused(emulator):
    env = Env(emulator, addons=())
    client = unchecked(emulator)
    for field in ("identityProviderConfigName", "issuerUrl", "clientId"):
        settings = oidc()
        del settings[field]
        e = error(client.associate_identity_provider_config, clusterName=env.name, oidc=settings)
        assert e == {"Code": "InvalidParameterException",
                     "Message": f"1 validation error detected: Value null at 'oidc.{field}' failed to satisfy constraint: Member must not be null"}
    assert "Value null at 'oidc'" in error(client.associate_identity_provider_config, clusterName=env.name)["Message"]
    # The cluster's own issuer (IRSA's) is not an identity provider for users: AWS's message.
    own = env.cluster["identity"]["oidc"]["issuer"]
    e = error(associate, env, issuerUrl=own)
    assert e == {"Code": "InvalidParameterException", "Message": "Incorrect Identity Provider URL configuration. The Identity Provider URL "
                                                                 "cannot be same as OpenID Connect (OIDC) issuer URL"}
    for tags in ({f"k{i}": "v" for i in range(51)}, {"aws:owner": "me"}, {"k" * 129: "v"}):
        assert error(associate, env, tags=tags)["Code"] == "InvalidParameterException"
    # The limits themselves are accepted (and a path in the issuer URL).
    a = associate(env, issuerUrl="https://issuer.example.com/a/b", tags={f"k{i}": "v" for i in range(50)},
                  requiredClaims={f"{'k' * 62}{i}": "v" * 253 for i in range(10)})
    assert a["update"]["status"] == "InProgress" and len(describe(env)["requiredClaims"]) == 10


def test_describe_and_disassociate_check_the_type_and_name(emulator):
    env = Env(emulator, addons=())
    associate(env)
    client = unchecked(emulator)
    for call in (client.describe_identity_provider_config, client.disassociate_identity_provider_config):
        e = error(call, clusterName=env.name, identityProviderConfig={"type": "saml", "name": "okta"})
        assert e["Code"] == "InvalidParameterException" and "saml" in e["Message"]
        e = error(call, clusterName=env.name, identityProviderConfig={"type": "oidc"})
        assert e["Code"] == "InvalidParameterException" and "'identityProviderConfig.name'" in e["Message"]
        e = error(call, clusterName=env.name, identityProviderConfig={"type": "oidc", "name": "dex"})
        assert e == {"Code": "ResourceNotFoundException", "Message": "No config found for cluster: demo, config type: oidc, config name: dex"}
    assert describe(env)["status"] == "ACTIVE"


def test_unknown_cluster_and_pagination(emulator):
    env = Env(emulator, addons=())
    ref = {"type": "oidc", "name": "okta"}
    for call, kw in [(env.eks.associate_identity_provider_config, {"oidc": oidc()}),
                     (env.eks.describe_identity_provider_config, {"identityProviderConfig": ref}),
                     (env.eks.disassociate_identity_provider_config, {"identityProviderConfig": ref}),
                     (env.eks.list_identity_provider_configs, {})]:
        assert error(call, clusterName="nope", **kw) == {"Code": "ResourceNotFoundException", "Message": "No cluster found for name: nope."}
    associate(env)
    assert listed(env, maxResults=1) == ["okta"]
    assert "nextToken" not in env.eks.list_identity_provider_configs(clusterName=env.name, maxResults=1)
    for bad in (0, 101):
        e = error(unchecked(emulator).list_identity_provider_configs, clusterName=env.name, maxResults=bad)
        assert e["Code"] == "InvalidParameterException"


@pytest.mark.emulator_env(**FAST, MOTO_EKS_CLUSTER_CREATE_SECONDS="60")
def test_a_cluster_that_is_not_active_is_refused(emulator):
    env = Env(emulator, addons=())
    assert env.cluster["status"] == "CREATING"
    assert error(associate, env) == {"Code": "InvalidRequestException", "Message": "Cluster 'demo' is not in ACTIVE status"}
    assert listed(env) == []


def test_configs_go_with_their_cluster(emulator):
    env = Env(emulator, addons=())
    associate(env)
    arn = describe(env)["identityProviderConfigArn"]
    env.eks.delete_cluster(name=env.name)
    assert error(env.eks.list_tags_for_resource, resourceArn=arn)["Code"] == "ResourceNotFoundException"
    assert error(env.eks.list_identity_provider_configs, clusterName=env.name)["Code"] == "ResourceNotFoundException"
    # A new cluster of the same name has none, and takes one again.
    env.eks.create_cluster(name=env.name, roleArn=env.cluster["roleArn"], resourcesVpcConfig={"subnetIds": env.subnets})
    assert listed(env) == []
    assert error(describe, env)["Code"] == "ResourceNotFoundException"
    associate(env)
    assert describe(env)["identityProviderConfigArn"] != arn
    # /moto-api/reset drops everything too.
    emulator.control("POST", "/moto-api/reset")
    assert error(env.eks.list_identity_provider_configs, clusterName=env.name)["Code"] == "ResourceNotFoundException"


def test_params_value_is_json(emulator):
    env = Env(emulator, addons=())
    value = associate(env, "my-identity-provider")["update"]["params"][0]["value"]
    assert json.loads(value) == [{"type": "oidc", "name": "my-identity-provider"}]
