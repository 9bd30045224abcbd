"""The Kubernetes API stand-in of each EKS cluster (eksup_moto_k8s): TLS, tokens, resources.

Helpers here (cluster building, tokens, an HTTPS client) are shared with test_k8s_nodes.py.
"""

from __future__ import annotations

import base64
import datetime
import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

REGION = "us-west-2"
# The other strict rules' timing windows (eksup_moto_strict) are not what these tests are about.
FAST = {"MOTO_IAM_ROLE_PROPAGATION_SECONDS": "0", "MOTO_INSTANCE_PROFILE_PROPAGATION_SECONDS": "0", "MOTO_EC2_NOT_FOUND_SECONDS": "0"}
pytestmark = pytest.mark.emulator_env(**FAST)
EC2_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
EKS_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "eks.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
POLICY = "arn:aws:iam::aws:policy/"
NODE_POLICIES = ("AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly", "AmazonEKS_CNI_Policy")


# ---------------------------------------------------------------------------------------
# Helpers (also used by test_k8s_nodes.py)
# ---------------------------------------------------------------------------------------
def make_token(cluster: str, region: str = REGION, key: str = "testing", secret: str = "testing",
               when: datetime.datetime | None = None) -> str:
    """What `aws eks get-token` makes: a presigned STS GetCallerIdentity URL, base64url."""
    from botocore.auth import SigV4QueryAuth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    request = AWSRequest(method="GET", url=f"https://sts.{region}.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15",
                         headers={"x-k8s-aws-id": cluster})
    signer = SigV4QueryAuth(Credentials(key, secret), "sts", region, expires=60)
    if when is None:
        signer.add_auth(request)
    else:
        with mock.patch("botocore.auth.get_current_datetime", return_value=when):
            signer.add_auth(request)
    return "k8s-aws-v1." + base64.urlsafe_b64encode(request.url.encode()).decode().rstrip("=")


class Kube:
    """A tiny HTTPS client for one cluster's API, verifying the cluster CA."""

    def __init__(self, endpoint: str, ca_b64: str, cluster: str) -> None:
        self.endpoint, self.cluster = endpoint, cluster
        self.ca_pem = base64.b64decode(ca_b64).decode()
        self.ssl = ssl.create_default_context(cadata=self.ca_pem)
        self.token = make_token(cluster)

    def call(self, method: str, path: str, body: Any = None, token: str | None = "default", content_type: str = "application/json",
             accept: str = "application/json") -> tuple[int, Any]:
        data = None
        if body is not None:
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        req = urllib.request.Request(self.endpoint + path, data=data, method=method)
        req.add_header("Accept", accept)
        if data is not None:
            req.add_header("Content-Type", content_type)
        if token == "default":
            token = self.token
        if token is not None:
            req.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(req, context=self.ssl, timeout=30) as resp:
                text = resp.read().decode()
                return resp.status, json.loads(text) if text.startswith(("{", "[")) else text
        except urllib.error.HTTPError as e:
            text = e.read().decode()
            return e.code, json.loads(text) if text.startswith("{") else text

    def get(self, path: str, **kw: Any) -> Any:
        code, body = self.call("GET", path, **kw)
        assert code == 200, (code, body)
        return body

    def nodes(self) -> list[dict[str, Any]]:
        return self.get("/api/v1/nodes")["items"]

    def kubeconfig(self, directory: Path) -> Path:
        path = directory / "kubeconfig"
        path.write_text(json.dumps({
            "apiVersion": "v1", "kind": "Config", "current-context": "c",
            "clusters": [{"name": "c", "cluster": {"server": self.endpoint, "certificate-authority-data": base64.b64encode(self.ca_pem.encode()).decode()}}],
            "users": [{"name": "u", "user": {"token": make_token(self.cluster)}}],
            "contexts": [{"name": "c", "context": {"cluster": "c", "user": "u"}}],
        }))
        return path


def kubectl(config: Path, *args: str, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, KUBECONFIG=str(config), HOME=str(config.parent))
    proc = subprocess.run(["kubectl", *args], capture_output=True, text=True, env=env, timeout=timeout)
    if check:
        assert proc.returncode == 0, f"kubectl {' '.join(args)}: {proc.stdout}\n{proc.stderr}"
    return proc


def attach(iam: Any, role: str, *policies: str) -> None:
    for p in policies:
        iam.attach_role_policy(RoleName=role, PolicyArn=POLICY + p)


class Env:
    """A VPC with two subnets, a cluster and its roles (everything a node group needs). With `egress`
    (the default) the subnets are public: the main route table sends 0.0.0.0/0 to an attached internet
    gateway and instances get public addresses, so nodes reach the cluster's public endpoint and ECR
    (eksup_moto_private's rules); without it nothing leaves the VPC."""

    def __init__(self, emulator: Any, name: str = "demo", mode: str = "API_AND_CONFIG_MAP", addons: tuple[str, ...] = ("vpc-cni", "kube-proxy"),
                 node_policies: tuple[str, ...] = NODE_POLICIES, version: str = "1.34", egress: bool = True,
                 vpc_config: dict[str, Any] | None = None) -> None:
        self.emulator, self.name = emulator, name
        self.ec2, self.iam, self.eks = emulator.client("ec2"), emulator.client("iam"), emulator.client("eks")
        self.asg = emulator.client("autoscaling")
        self.vpc = self.ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        self.subnets = [self.ec2.create_subnet(VpcId=self.vpc, CidrBlock=f"10.0.{i + 1}.0/24", AvailabilityZone=f"{REGION}{az}")["Subnet"]["SubnetId"]
                        for i, az in enumerate("ab")]
        self.igw = None
        if egress:
            self.igw = self.ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
            self.ec2.attach_internet_gateway(InternetGatewayId=self.igw, VpcId=self.vpc)
            main = self.ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [self.vpc]},
                                                           {"Name": "association.main", "Values": ["true"]}])["RouteTables"][0]["RouteTableId"]
            self.ec2.create_route(RouteTableId=main, DestinationCidrBlock="0.0.0.0/0", GatewayId=self.igw)
            for subnet in self.subnets:
                self.ec2.modify_subnet_attribute(SubnetId=subnet, MapPublicIpOnLaunch={"Value": True})
        self.iam.create_role(RoleName=f"{name}-cluster", AssumeRolePolicyDocument=EKS_TRUST)
        attach(self.iam, f"{name}-cluster", "AmazonEKSClusterPolicy")
        self.node_role = self.iam.create_role(RoleName=f"{name}-node", AssumeRolePolicyDocument=EC2_TRUST)["Role"]
        attach(self.iam, f"{name}-node", *node_policies)
        self.profile = self.iam.create_instance_profile(InstanceProfileName=f"{name}-node")["InstanceProfile"]["Arn"]
        self.iam.add_role_to_instance_profile(InstanceProfileName=f"{name}-node", RoleName=f"{name}-node")
        self.eks.create_cluster(name=name, version=version, roleArn=f"arn:aws:iam::123456789012:role/{name}-cluster",
                                resourcesVpcConfig={"subnetIds": self.subnets, **(vpc_config or {})}, accessConfig={"authenticationMode": mode})
        self.cluster = self.eks.describe_cluster(name=name)["cluster"]
        self.cluster_sg = self.cluster["resourcesVpcConfig"]["clusterSecurityGroupId"]
        self.kube = Kube(self.cluster["endpoint"], self.cluster["certificateAuthority"]["data"], name)
        for addon in addons:
            self.eks.create_addon(clusterName=name, addonName=addon)

    def managed(self, ng: str = "ng", desired: int = 2, **kw: Any) -> dict[str, Any]:
        self.eks.create_nodegroup(clusterName=self.name, nodegroupName=ng, nodeRole=self.node_role["Arn"], subnets=self.subnets,
                                  scalingConfig={"minSize": 0, "maxSize": 4, "desiredSize": desired}, instanceTypes=["m5.large"],
                                  amiType="AL2023_x86_64_STANDARD", **kw)
        return self.eks.describe_nodegroup(clusterName=self.name, nodegroupName=ng)["nodegroup"]

    def node_status(self) -> list[dict[str, Any]]:
        return self.emulator.control("GET", f"/eksup-test/kubernetes/{self.name}/node-status")

    def user_data(self, template: str = "al2023", endpoint: str | None = None, ca: str | None = None, cidr: str | None = None,
                  cluster: str | None = None, labels: str = "role=web", taints: str = "dedicated=web:NoSchedule") -> str:
        """User data as eksup renders it (src/cloud/userdata.rs + templates/)."""
        endpoint = endpoint or self.cluster["endpoint"]
        ca = ca or self.cluster["certificateAuthority"]["data"]
        cidr = cidr or self.cluster["kubernetesNetworkConfig"]["serviceIpv4Cidr"]
        cluster = cluster or self.name
        dns = cidr.rsplit(".", 2)[0] + ".0.10"
        if template == "al2023":
            return ("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"//\"\n\n"
                    "--//\nContent-Type: text/x-shellscript; charset=\"us-ascii\"\n\n#!/bin/bash\nset -o errexit -o nounset -o xtrace\necho hi\n\n"
                    "--//\nContent-Type: application/node.eks.aws\n\n---\napiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\nspec:\n"
                    f"  cluster:\n    name: {cluster}\n    apiServerEndpoint: {endpoint}\n    certificateAuthority: {ca}\n    cidr: {cidr}\n"
                    f"  kubelet:\n    config:\n      clusterDNS:\n        - {dns}\n      maxPods: 29\n    flags:\n"
                    f"      - --node-labels={labels}\n      - --register-with-taints={taints}\n\n--//--\n")
        if template == "al2":
            return ("#!/bin/bash\nset -o errexit -o nounset -o xtrace\n\n"
                    f"/etc/eks/bootstrap.sh '{cluster}' --apiserver-endpoint '{endpoint}' --b64-cluster-ca '{ca}' --dns-cluster-ip '{dns}' "
                    f"--use-max-pods false --kubelet-extra-args '--node-labels={labels} --register-with-taints={taints} --max-pods=29'\n")
        key, rest = taints.split("=", 1)
        return (f'[settings.kubernetes]\ncluster-name = "{cluster}"\napi-server = "{endpoint}"\ncluster-certificate = "{ca}"\n'
                f'cluster-dns-ip = "{dns}"\nmax-pods = 29\n[settings.kubernetes.node-labels]\n'
                + "".join(f'"{k}" = "{v}"\n' for k, v in (p.split("=") for p in labels.split(",")))
                + f'[settings.kubernetes.node-taints]\n"{key}" = ["{rest}"]\n')

    def node_group_sg(self, allow_443: bool = True, allow_10250: bool = True) -> str:
        """A node security group like eksup's: nodes talk to each other; the control plane reaches kubelet."""
        sg = self.ec2.create_security_group(GroupName=f"nodes-{time.monotonic_ns()}", Description="nodes", VpcId=self.vpc)["GroupId"]
        self.ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[{"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": sg}]}])
        if allow_10250:
            self.ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[
                {"IpProtocol": "tcp", "FromPort": 1025, "ToPort": 65535, "UserIdGroupPairs": [{"GroupId": self.cluster_sg}]}])
        if allow_443:
            self.ec2.authorize_security_group_ingress(GroupId=self.cluster_sg, IpPermissions=[
                {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "UserIdGroupPairs": [{"GroupId": sg}]}])
        return sg

    def self_managed(self, name: str = "sm", count: int = 1, user_data: str | None = None, sg: str | None = None, profile: str | None = "default",
                     image: str | None = None) -> str:
        """A launch template + ASG like eksup's self-managed node groups; returns the ASG name."""
        sg = sg or self.node_group_sg()
        ssm = self.emulator.client("ssm")
        family = "amazon-linux-2023/x86_64/standard"
        image = image or ssm.get_parameter(Name=f"/aws/service/eks/optimized-ami/1.34/{family}/recommended/image_id")["Parameter"]["Value"]
        data: dict[str, Any] = {"ImageId": image, "InstanceType": "m5.large", "SecurityGroupIds": [sg],
                                "UserData": base64.b64encode((user_data if user_data is not None else self.user_data()).encode()).decode(),
                                "TagSpecifications": [{"ResourceType": "instance", "Tags": [{"Key": "eksup.io/cluster", "Value": self.name},
                                                                                            {"Key": f"kubernetes.io/cluster/{self.name}", "Value": "owned"}]}]}
        if profile:
            data["IamInstanceProfile"] = {"Arn": self.profile if profile == "default" else profile}
        lt = self.ec2.create_launch_template(LaunchTemplateName=f"lt-{name}", LaunchTemplateData=data)["LaunchTemplate"]["LaunchTemplateId"]
        self.asg.create_auto_scaling_group(AutoScalingGroupName=name, LaunchTemplate={"LaunchTemplateId": lt, "Version": "$Latest"},
                                           MinSize=count, MaxSize=count, DesiredCapacity=count, VPCZoneIdentifier=",".join(self.subnets))
        return name

    def ec2_linux_entry(self) -> None:
        self.eks.create_access_entry(clusterName=self.name, principalArn=self.node_role["Arn"], type="EC2_LINUX")


def wait_for(predicate: Any, timeout: float = 10, interval: float = 0.1) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


def ready(node: dict[str, Any]) -> str:
    return next(c["status"] for c in node["status"]["conditions"] if c["type"] == "Ready")


# ---------------------------------------------------------------------------------------
# TLS, endpoint, tokens
# ---------------------------------------------------------------------------------------
def test_endpoint_is_https_on_localhost_with_a_certificate_of_the_cluster_ca(emulator):
    env = Env(emulator, addons=())
    assert env.cluster["endpoint"].startswith("https://127.0.0.1:")
    assert env.kube.get("/version")["gitVersion"].startswith("v1.34.")
    # Another cluster's CA must not verify this server.
    other = Env(emulator, name="other", addons=())
    wrong = ssl.create_default_context(cadata=other.kube.ca_pem)
    with pytest.raises(urllib.error.URLError) as e:
        urllib.request.urlopen(env.cluster["endpoint"] + "/version", context=wrong, timeout=10)
    assert "CERTIFICATE_VERIFY_FAILED" in str(e.value)


def test_valid_token_lists_nodes(emulator):
    env = Env(emulator, addons=())
    body = env.kube.get("/api/v1/nodes")
    assert body["kind"] == "NodeList" and body["items"] == [] and body["metadata"]["resourceVersion"]


@pytest.mark.parametrize("token", [
    None,
    "garbage",
    "k8s-aws-v1.bm90IGEgdXJs",
    "expired",
    "other-region",
    "other-cluster",
    "future",
])
def test_bad_tokens_are_unauthorized(emulator, token):
    env = Env(emulator, addons=())
    tokens = {
        "expired": make_token("demo", when=datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=16)),
        "future": make_token("demo", when=datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=10)),
        "other-region": make_token("demo", region="us-east-1"),
        "other-cluster": make_token("not-demo"),
    }
    code, body = env.kube.call("GET", "/api/v1/nodes", token=tokens.get(token, token))
    assert code == 401
    assert body == {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure", "message": "Unauthorized",
                    "reason": "Unauthorized", "code": 401}


def test_token_of_unknown_key_is_accepted_without_signature_check_but_still_dated(emulator):
    env = Env(emulator, addons=())
    assert env.kube.call("GET", "/api/v1/nodes", token=make_token("demo", key="AKIAOTHER", secret="x"))[0] == 200
    old = make_token("demo", key="AKIAOTHER", secret="x", when=datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=20))
    assert env.kube.call("GET", "/api/v1/nodes", token=old)[0] == 401


def test_aws_eks_get_token_is_accepted(emulator):
    env = Env(emulator, addons=())
    aws = shutil.which("aws", path=os.path.dirname(sys.executable))
    out = subprocess.run([aws, "eks", "get-token", "--cluster-name", "demo", "--region", REGION], capture_output=True, text=True,
                         env=dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing"), check=True)
    token = json.loads(out.stdout)["status"]["token"]
    assert env.kube.call("GET", "/api/v1/namespaces", token=token)[0] == 200


def test_version_is_public_but_resources_are_not(emulator):
    env = Env(emulator, addons=())
    assert env.kube.call("GET", "/version", token=None)[0] == 200
    assert env.kube.call("GET", "/api/v1/pods", token=None)[0] == 401


# ---------------------------------------------------------------------------------------
# Discovery and resources
# ---------------------------------------------------------------------------------------
def test_discovery(emulator):
    env = Env(emulator, addons=())
    assert env.kube.get("/api")["versions"] == ["v1"]
    v1 = {r["name"]: r for r in env.kube.get("/api/v1")["resources"]}
    assert v1["pods/eviction"]["group"] == "policy" and v1["nodes"]["namespaced"] is False
    groups = {g["name"] for g in env.kube.get("/apis")["groups"]}
    assert {"apps", "policy"} <= groups
    assert "poddisruptionbudgets" in {r["name"] for r in env.kube.get("/apis/policy/v1")["resources"]}
    assert env.kube.call("GET", "/openapi/v2")[0] == 404


def test_namespaces_configmaps_serviceaccounts_crud(emulator):
    env = Env(emulator, addons=())
    k = env.kube
    assert {n["metadata"]["name"] for n in k.get("/api/v1/namespaces")["items"]} >= {"default", "kube-system", "kube-public", "kube-node-lease"}
    assert k.call("POST", "/api/v1/namespaces", {"metadata": {"name": "team"}})[0] == 201
    assert k.call("POST", "/api/v1/namespaces", {"metadata": {"name": "team"}})[1]["reason"] == "AlreadyExists"
    assert k.call("POST", "/api/v1/namespaces", {"metadata": {"name": "Bad_Name"}})[0] == 422
    code, cm = k.call("POST", "/api/v1/namespaces/team/configmaps", {"metadata": {"name": "c"}, "data": {"a": "1"}})
    assert code == 201 and cm["metadata"]["uid"] and cm["metadata"]["creationTimestamp"] and cm["kind"] == "ConfigMap"
    code, cm = k.call("PATCH", "/api/v1/namespaces/team/configmaps/c", {"data": {"b": "2", "a": None}}, content_type="application/merge-patch+json")
    assert code == 200 and cm["data"] == {"b": "2"}
    stale = dict(cm, metadata=dict(cm["metadata"], resourceVersion="1"))
    assert k.call("PUT", "/api/v1/namespaces/team/configmaps/c", stale)[0] == 409
    assert k.call("POST", "/api/v1/namespaces/nope/configmaps", {"metadata": {"name": "c"}})[0] == 404
    assert k.call("POST", "/api/v1/namespaces/team/serviceaccounts", {"metadata": {"name": "bot"}})[0] == 201
    assert {s["metadata"]["name"] for s in k.get("/api/v1/namespaces/team/serviceaccounts")["items"]} == {"default", "bot"}
    code, missing = k.call("GET", "/api/v1/namespaces/team/configmaps/nope")
    assert code == 404 and missing["reason"] == "NotFound" and missing["kind"] == "Status"
    assert k.call("DELETE", "/api/v1/namespaces/kube-system")[0] == 403
    assert k.call("DELETE", "/api/v1/namespaces/team")[0] == 200
    assert k.call("GET", "/api/v1/namespaces/team/configmaps/c")[0] == 404
    assert k.call("DELETE", "/api/v1/nodes")[0] == 405


def test_pods_selectors_and_eviction_with_a_pdb(emulator):
    env = Env(emulator, addons=())
    k = env.kube
    for i in range(2):
        pod = {"metadata": {"name": f"web-{i}", "labels": {"app": "web"}}, "spec": {"containers": [{"name": "c", "image": "nginx"}]}}
        assert k.call("POST", "/api/v1/namespaces/default/pods", pod)[0] == 201
    assert k.call("POST", "/api/v1/namespaces/default/pods", {"metadata": {"name": "x"}, "spec": {}})[0] == 422
    assert len(k.get("/api/v1/pods?labelSelector=app%3Dweb")["items"]) == 2
    assert len(k.get("/api/v1/pods?labelSelector=app%20in%20(db)")["items"]) == 0
    assert len(k.get("/api/v1/namespaces/default/pods?fieldSelector=status.phase%3DPending")["items"]) == 2
    assert len(k.get("/api/v1/namespaces/default/pods?fieldSelector=spec.nodeName%3Dn1")["items"]) == 0
    assert k.call("GET", "/api/v1/pods?fieldSelector=spec.foo%3D1")[0] == 400
    pdb = {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "web"},
           "spec": {"minAvailable": 2, "selector": {"matchLabels": {"app": "web"}}}}
    assert k.call("POST", "/apis/policy/v1/namespaces/default/poddisruptionbudgets", pdb)[0] == 201
    # Pending pods (no node) are not Ready: the budget does not protect them.
    eviction = {"apiVersion": "policy/v1", "kind": "Eviction", "metadata": {"name": "web-0", "namespace": "default"}}
    assert k.call("POST", "/api/v1/namespaces/default/pods/web-0/eviction", eviction)[0] == 201
    assert k.call("GET", "/api/v1/namespaces/default/pods/web-0")[0] == 404
    assert k.call("DELETE", "/apis/policy/v1/namespaces/default/poddisruptionbudgets/web")[0] == 200


def test_eviction_respects_pdb_on_ready_pods(emulator):
    from test_k8s_nodes import ready_cluster

    env = ready_cluster(emulator, desired=1)
    k = env.kube
    node = k.nodes()[0]["metadata"]["name"]
    for i in range(2):
        pod = {"metadata": {"name": f"web-{i}", "labels": {"app": "web"}}, "spec": {"containers": [{"name": "c", "image": "nginx"}]}}
        assert k.call("POST", "/api/v1/namespaces/default/pods", pod)[0] == 201
    pods = k.get("/api/v1/namespaces/default/pods?labelSelector=app%3Dweb")["items"]
    assert {p["spec"]["nodeName"] for p in pods} == {node} and all(p["status"]["phase"] == "Running" for p in pods)
    pdb = {"metadata": {"name": "web"}, "spec": {"minAvailable": 1, "selector": {"matchLabels": {"app": "web"}}}}
    k.call("POST", "/apis/policy/v1/namespaces/default/poddisruptionbudgets", pdb)
    assert k.get("/apis/policy/v1/namespaces/default/poddisruptionbudgets/web")["status"]["disruptionsAllowed"] == 1
    evict = lambda name: k.call("POST", f"/api/v1/namespaces/default/pods/{name}/eviction", {"apiVersion": "policy/v1", "kind": "Eviction",
                                                                                         "metadata": {"name": name, "namespace": "default"}})
    assert evict("web-0")[0] == 201
    code, body = evict("web-1")
    assert code == 429 and body["reason"] == "TooManyRequests" and body["details"]["causes"][0]["reason"] == "DisruptionBudget"
    assert k.call("GET", "/api/v1/namespaces/default/pods/web-1")[0] == 200


def test_watch_streams_a_modified_event_when_a_node_is_cordoned(emulator):
    from test_k8s_nodes import ready_cluster

    env = ready_cluster(emulator, desired=1)
    k = env.kube
    node = k.nodes()[0]["metadata"]["name"]
    events: list[dict[str, Any]] = []

    def watch() -> None:
        req = urllib.request.Request(env.cluster["endpoint"] + "/api/v1/nodes?watch=true&timeoutSeconds=5")
        req.add_header("Authorization", f"Bearer {k.token}")
        with urllib.request.urlopen(req, context=k.ssl, timeout=20) as resp:
            for line in resp:
                events.append(json.loads(line))
                if events[-1]["type"] == "MODIFIED":
                    return

    thread = threading.Thread(target=watch)
    thread.start()
    assert wait_for(lambda: events, timeout=5)
    assert events[0]["type"] == "ADDED" and events[0]["object"]["metadata"]["name"] == node
    code, _ = k.call("PATCH", f"/api/v1/nodes/{node}", {"spec": {"unschedulable": True}}, content_type="application/strategic-merge-patch+json")
    assert code == 200
    thread.join(10)
    assert events[-1]["type"] == "MODIFIED" and events[-1]["object"]["spec"]["unschedulable"] is True


def test_kubectl_get_nodes_pods_and_service_accounts(emulator, tmp_path):
    from test_k8s_nodes import ready_cluster

    env = ready_cluster(emulator, desired=1)
    config = env.kube.kubeconfig(tmp_path)
    out = kubectl(config, "get", "nodes").stdout
    assert out.split("\n")[0].split() == ["NAME", "STATUS", "ROLES", "AGE", "VERSION"]
    assert " Ready " in out and "v1.34." in out
    pods = kubectl(config, "get", "pods", "-A").stdout
    assert "aws-node-" in pods and "kube-proxy-" in pods and "Running" in pods
    assert "aws-node" in kubectl(config, "get", "sa", "-n", "kube-system").stdout
    assert kubectl(config, "get", "nodes", "-o", "json", check=True).stdout.count('"kind": "Node"') == 1


def test_kubectl_cordon_and_drain(emulator, tmp_path):
    from test_k8s_nodes import ready_cluster

    env = ready_cluster(emulator, desired=2, addons=("vpc-cni", "kube-proxy", "coredns"))
    k = env.kube
    config = k.kubeconfig(tmp_path)
    pods = k.get("/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-dns")["items"]
    assert len(pods) == 2 and all(p["status"]["phase"] == "Running" for p in pods)
    node = pods[0]["spec"]["nodeName"]
    kubectl(config, "cordon", node)
    assert k.get(f"/api/v1/nodes/{node}")["spec"]["unschedulable"] is True
    assert "SchedulingDisabled" in kubectl(config, "get", "nodes").stdout
    kubectl(config, "drain", node, "--ignore-daemonsets", "--timeout=30s")
    left = k.get(f"/api/v1/pods?fieldSelector=spec.nodeName%3D{node}")["items"]
    assert left and all(p["metadata"]["ownerReferences"][0]["kind"] == "DaemonSet" for p in left)
    dns = k.get("/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-dns")["items"]
    assert len(dns) == 2 and all(p["spec"]["nodeName"] != node for p in dns)


def test_reset_stops_the_servers(emulator):
    env = Env(emulator, addons=())
    port = int(env.cluster["endpoint"].rsplit(":", 1)[1])
    started = time.monotonic()
    urllib.request.urlopen(urllib.request.Request(emulator.endpoint + "/moto-api/reset", method="POST"), timeout=30).read()
    assert time.monotonic() - started < 5
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_delete_cluster_stops_its_server(emulator):
    env = Env(emulator, addons=())
    port = int(env.cluster["endpoint"].rsplit(":", 1)[1])
    env.eks.delete_cluster(name="demo")
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
