"""Cluster updates take time, and EKS refuses a second one meanwhile (eksup_moto_eks:
update_cluster_config_response, _update_in_progress)."""

from __future__ import annotations

import time

import botocore.exceptions
import pytest

from test_k8s_api import FAST, Env


@pytest.mark.emulator_env(**FAST, MOTO_EKS_UPDATE_SECONDS="2")
def test_an_update_in_progress_refuses_another_until_it_is_done(emulator):
    env = Env(emulator)
    logging = {"clusterLogging": [{"types": ["api", "audit"], "enabled": True}]}
    update = env.eks.update_cluster_config(name=env.name, logging=logging)["update"]
    assert update["status"] == "InProgress" and update["type"] == "LoggingUpdate"
    assert env.eks.describe_cluster(name=env.name)["cluster"]["status"] == "UPDATING"
    with pytest.raises(botocore.exceptions.ClientError) as e:
        env.eks.update_cluster_config(name=env.name, resourcesVpcConfig={"endpointPrivateAccess": True})
    error = e.value.response["Error"]
    assert error["Code"] == "ResourceInUseException"
    assert error["Message"] == (f"Cannot EndpointAccessUpdate because cluster {env.name} currently has update "
                                f"{update['id']} in progress")
    time.sleep(2.2)
    done = env.eks.describe_update(name=env.name, updateId=update["id"])["update"]
    assert done["status"] == "Successful"
    cluster = env.eks.describe_cluster(name=env.name)["cluster"]
    assert cluster["status"] == "ACTIVE"
    assert cluster["logging"] == logging
    second = env.eks.update_cluster_config(name=env.name, resourcesVpcConfig={"endpointPrivateAccess": True})["update"]
    assert second["type"] == "EndpointAccessUpdate"


@pytest.mark.emulator_env(**FAST)
def test_without_a_delay_an_update_is_done_at_once(emulator):
    env = Env(emulator)
    update = env.eks.update_cluster_config(name=env.name, logging={"clusterLogging": [{"types": ["api"], "enabled": True}]})
    assert update["update"]["status"] == "Successful"
    assert env.eks.describe_cluster(name=env.name)["cluster"]["status"] == "ACTIVE"


@pytest.mark.emulator_env(**FAST, MOTO_EKS_UPDATE_SECONDS="1")
def test_secrets_encryption_is_turned_on_once_with_a_symmetric_key_of_the_region(emulator):
    env = Env(emulator)
    kms = emulator.client("kms")
    key = kms.create_key()["KeyMetadata"]["Arn"]
    config = [{"resources": ["secrets"], "provider": {"keyArn": key}}]

    def refused(code: str, **kw) -> str:
        with pytest.raises(botocore.exceptions.ClientError) as e:
            env.eks.associate_encryption_config(clusterName=env.name, **kw)
        assert e.value.response["Error"]["Code"] == code, e.value.response
        return e.value.response["Error"]["Message"]

    missing = key.rsplit("/", 1)[0] + "/00000000-0000-0000-0000-000000000000"
    refused("InvalidParameterException", encryptionConfig=[{"resources": ["secrets"], "provider": {"keyArn": missing}}])
    refused("InvalidParameterException", encryptionConfig=[{"resources": ["configmaps"], "provider": {"keyArn": key}}])
    signing = kms.create_key(KeySpec="RSA_2048", KeyUsage="SIGN_VERIFY")["KeyMetadata"]["Arn"]
    refused("InvalidParameterException", encryptionConfig=[{"resources": ["secrets"], "provider": {"keyArn": signing}}])

    update = env.eks.associate_encryption_config(clusterName=env.name, encryptionConfig=config)["update"]
    assert (update["type"], update["status"]) == ("AssociateEncryptionConfig", "InProgress")
    assert "encryptionConfig" not in env.eks.describe_cluster(name=env.name)["cluster"] or \
        not env.eks.describe_cluster(name=env.name)["cluster"]["encryptionConfig"]
    assert "currently has update" in refused("ResourceInUseException", encryptionConfig=config)
    time.sleep(1.2)
    assert env.eks.describe_update(name=env.name, updateId=update["id"])["update"]["status"] == "Successful"
    cluster = env.eks.describe_cluster(name=env.name)["cluster"]
    assert cluster["encryptionConfig"] == config
    assert "already has encryption" in refused("InvalidRequestException", encryptionConfig=config)


@pytest.mark.emulator_env(**FAST)
def test_a_node_group_keeps_its_update_config_one_node_at_a_time_by_default(emulator):
    env = Env(emulator)
    ng = env.managed(desired=1)
    assert ng["updateConfig"] == {"maxUnavailable": 1}
    assert env.managed("two", desired=1, updateConfig={"maxUnavailable": 2})["updateConfig"] == {"maxUnavailable": 2}
    env.eks.update_nodegroup_config(clusterName=env.name, nodegroupName="ng", updateConfig={"maxUnavailablePercentage": 50})
    ng = env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]
    assert ng["updateConfig"] == {"maxUnavailablePercentage": 50}
