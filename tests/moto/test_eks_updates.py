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
