"""Windows worker nodes (eksup_moto_k8s, eksup_moto): the Windows EKS AMIs in SSM, PowerShell user
data calling Start-EKSBootstrap.ps1, EC2_WINDOWS access entries / eks:kube-proxy-windows, the
Windows Node, and Windows IPAM (the amazon-vpc-cni ConfigMap) for pods on Windows nodes."""

from __future__ import annotations

from typing import Any

import pytest

from test_k8s_api import FAST, Env, attach, ready, wait_for

pytestmark = pytest.mark.emulator_env(**FAST)

WINDOWS_PARAM = "/aws/service/ami-windows-latest/Windows_Server-{release}-English-{edition}-EKS_Optimized-{k8s}/image_id"
BUILDS = {"2019": "10.0.17763", "2022": "10.0.20348"}


def windows_image(emulator: Any, release: str = "2022", edition: str = "Core", k8s: str = "1.34") -> str:
    return emulator.client("ssm").get_parameter(Name=WINDOWS_PARAM.format(release=release, edition=edition, k8s=k8s))["Parameter"]["Value"]


def windows_user_data(env: Env, cluster: str | None = None, endpoint: str | None = None, ca: str | None = None,
                      labels: str = "role=web", taints: str = "dedicated=web:NoSchedule", extra: str = "") -> str:
    """User data as eksctl's pkg/nodebootstrap/windows.go writes it for a self-managed group."""
    cidr = env.cluster["kubernetesNetworkConfig"]["serviceIpv4Cidr"]
    dns = cidr.rsplit(".", 2)[0] + ".0.10"
    return ("<powershell>\n"
            '[string]$EKSBootstrapScriptFile = "$env:ProgramFiles\\Amazon\\EKS\\Start-EKSBootstrap.ps1"\n'
            f'& $EKSBootstrapScriptFile -EKSClusterName "{cluster or env.name}" -APIServerEndpoint "{endpoint or env.cluster["endpoint"]}" '
            f'-Base64ClusterCA "{ca or env.cluster["certificateAuthority"]["data"]}" -ServiceCIDR "{cidr}" -DNSClusterIP "{dns}" '
            f'-ContainerRuntime "containerd" -KubeletExtraArgs "--node-labels={labels} --register-with-taints={taints}"{extra} 3>&1 4>&1 5>&1 6>&1\n'
            "</powershell>")


def override_user_data(env: Env, command: str) -> str:
    """eksctl's overrideBootstrapCommand form: its variables, then the user's command."""
    return ("<powershell>\n"
            '[string]$EKSBootstrapScriptFile = "$env:ProgramFiles\\Amazon\\EKS\\Start-EKSBootstrap.ps1"\n'
            f"[string]$EKSClusterName = '{env.name}'\n"
            f"[string]$APIServerEndpoint = '{env.cluster['endpoint']}'\n"
            f"[string]$Base64ClusterCA = '{env.cluster['certificateAuthority']['data']}'\n"
            f"[string]$ServiceCIDR = '{env.cluster['kubernetesNetworkConfig']['serviceIpv4Cidr']}'\n"
            "[string]$KubeletExtraArgs = '--node-labels=role=custom --register-with-taints='\n"
            "$KubeletExtraArgsMap = @{ 'node-labels' = 'role=custom'; 'register-with-taints' = ''}\n"
            f"{command}\n"
            "</powershell>")


def windows_entry(env: Env) -> None:
    env.eks.create_access_entry(clusterName=env.name, principalArn=env.node_role["Arn"], type="EC2_WINDOWS")


def status(env: Env) -> list[dict[str, Any]]:
    return env.node_status()


def create_pod(env: Env, name: str, node_selector: dict[str, str] | None = None) -> None:
    body: dict[str, Any] = {"metadata": {"name": name}, "spec": {"containers": [{"name": "app", "image": "mcr.microsoft.com/windows/servercore:ltsc2022"}]}}
    if node_selector:
        body["spec"]["nodeSelector"] = node_selector
    code, answer = env.kube.call("POST", "/api/v1/namespaces/default/pods", body)
    assert code == 201, answer


def pod(env: Env, name: str) -> dict[str, Any]:
    return env.kube.get(f"/api/v1/namespaces/default/pods/{name}")


# ---------------------------------------------------------------------------------------
# AMIs
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("release,edition", [("2019", "Core"), ("2019", "Full"), ("2022", "Core"), ("2022", "Full")])
def test_windows_amis_are_in_ssm_and_ec2(emulator, release, edition):
    ec2 = emulator.client("ec2")
    for k8s in ("1.28", "1.34", "1.35"):
        image_id = windows_image(emulator, release, edition, k8s)
        [image] = ec2.describe_images(ImageIds=[image_id])["Images"]
        assert image["Name"] == f"Windows_Server-{release}-English-{edition}-EKS_Optimized-{k8s}-2025.11.12"
        assert image["Platform"] == "windows" and image["PlatformDetails"] == "Windows" and image["UsageOperation"] == "RunInstances:0002"
        assert image["Architecture"] == "x86_64" and image["OwnerId"] == "801119661308" and image["Public"]
    # The Linux images say what they are, too.
    linux = emulator.client("ssm").get_parameter(Name="/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard/recommended/image_id")
    [image] = ec2.describe_images(ImageIds=[linux["Parameter"]["Value"]])["Images"]
    assert "Platform" not in image and image["PlatformDetails"] == "Linux/UNIX"


# ---------------------------------------------------------------------------------------
# Self-managed Windows nodes
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("release", ["2019", "2022"])
def test_windows_node_joins_with_an_ec2_windows_entry(emulator, release):
    env = Env(emulator, mode="API")
    windows_entry(env)
    image = windows_image(emulator, release, "Full")
    env.self_managed(user_data=windows_user_data(env), image=image)
    [node] = env.kube.nodes()
    assert ready(node) == "True", status(env)  # without the Linux networking add-ons' say
    labels = node["metadata"]["labels"]
    assert labels["kubernetes.io/os"] == "windows" and labels["beta.kubernetes.io/os"] == "windows"
    assert labels["node.kubernetes.io/windows-build"] == BUILDS[release] and labels["kubernetes.io/arch"] == "amd64"
    assert labels["role"] == "web" and {"key": "dedicated", "value": "web", "effect": "NoSchedule"} in node["spec"]["taints"]
    info = node["status"]["nodeInfo"]
    assert info["operatingSystem"] == "windows" and info["osImage"] == f"Windows Server {release} Datacenter"
    assert info["containerRuntimeVersion"].startswith("containerd://") and info["kernelVersion"].startswith(BUILDS[release] + ".")
    assert info["kubeletVersion"].startswith("v1.34.")
    assert node["status"]["capacity"]["pods"] == "9"  # m5.large: 10 addresses per ENI - 1
    instance = env.ec2.describe_instances(InstanceIds=[status(env)[0]["instance"]])["Reservations"][0]["Instances"][0]
    assert instance["Platform"] == "windows" and instance["ImageId"] == image


def test_windows_node_with_only_an_ec2_linux_entry_does_not_join(emulator):
    env = Env(emulator, mode="API_AND_CONFIG_MAP")
    env.ec2_linux_entry()
    # aws-auth would do, but an access entry overrides the principal's aws-auth mapping.
    mapping = (f"- rolearn: {env.node_role['Arn']}\n  username: system:node:{{{{EC2PrivateDNSName}}}}\n  groups:\n"
               "  - system:bootstrappers\n  - system:nodes\n  - eks:kube-proxy-windows\n")
    env.kube.call("POST", "/api/v1/namespaces/kube-system/configmaps", {"metadata": {"name": "aws-auth"}, "data": {"mapRoles": mapping}})
    env.self_managed(user_data=windows_user_data(env), image=windows_image(emulator))
    assert env.kube.nodes() == []
    [s] = status(env)
    assert s["node"] is None and not s["joined"]
    assert "may not join as a Windows node" in s["reason"] and "has type EC2_LINUX, not EC2_WINDOWS" in s["reason"], s
    assert "eks:kube-proxy-windows" in s["reason"]


def test_an_ec2_windows_entry_lets_a_linux_node_join(emulator):
    env = Env(emulator, mode="API")
    windows_entry(env)
    env.self_managed()  # AL2023
    [node] = env.kube.nodes()
    assert node["metadata"]["labels"]["kubernetes.io/os"] == "linux" and ready(node) == "True"


def test_aws_auth_needs_the_kube_proxy_windows_group_for_windows_nodes(emulator):
    env = Env(emulator, mode="CONFIG_MAP")
    linux = (f"- rolearn: {env.node_role['Arn']}\n  username: system:node:{{{{EC2PrivateDNSName}}}}\n  groups:\n"
             "  - system:bootstrappers\n  - system:nodes\n")
    env.kube.call("POST", "/api/v1/namespaces/kube-system/configmaps", {"metadata": {"name": "aws-auth"}, "data": {"mapRoles": linux}})
    env.self_managed(user_data=windows_user_data(env), image=windows_image(emulator))
    assert env.kube.nodes() == []
    assert "without groups eks:kube-proxy-windows" in status(env)[0]["reason"]
    cm = env.kube.get("/api/v1/namespaces/kube-system/configmaps/aws-auth")
    cm["data"]["mapRoles"] = linux + "  - eks:kube-proxy-windows\n"
    code, _ = env.kube.call("PUT", "/api/v1/namespaces/kube-system/configmaps/aws-auth", cm)
    assert code == 200
    [node] = env.kube.nodes()
    assert node["metadata"]["labels"]["kubernetes.io/os"] == "windows"


def test_linux_user_data_on_a_windows_ami_does_not_join(emulator):
    env = Env(emulator)
    windows_entry(env)
    env.self_managed(user_data=env.user_data("al2023"), image=windows_image(emulator))
    assert env.kube.nodes() == []
    assert "the AMI is windows but the user data is a nodeconfig bootstrap, which it does not read" in status(env)[0]["reason"]


def test_powershell_user_data_on_a_linux_ami_does_not_join(emulator):
    env = Env(emulator)
    env.ec2_linux_entry()
    env.self_managed(user_data=windows_user_data(env))  # the AL2023 image
    assert env.kube.nodes() == []
    reason = status(env)[0]["reason"]
    assert "the AMI is al2023 but the user data is a powershell bootstrap" in reason


def test_wrong_cluster_name_does_not_join(emulator):
    env = Env(emulator)
    windows_entry(env)
    env.self_managed(user_data=windows_user_data(env, cluster="other"), image=windows_image(emulator))
    assert env.kube.nodes() == []  # the instance is the cluster's by its kubernetes.io/cluster/demo tag
    assert "the user data names cluster 'other', not 'demo'" in status(env)[0]["reason"]


@pytest.mark.parametrize("change,message", [
    ({"endpoint": "https://127.0.0.1:1"}, "endpoint"),
    ({"ca": "Q0FEQVRB"}, "certificate authority"),
    ({"extra": ' -ContainerRuntime "docker"'}, "given twice"),
    ({"extra": ' -EKSClusterNmae "demo"'}, "has no parameter -EKSClusterNmae"),
])
def test_wrong_bootstrap_parameters_do_not_join(emulator, change, message):
    env = Env(emulator)
    windows_entry(env)
    env.self_managed(user_data=windows_user_data(env, **change), image=windows_image(emulator))
    assert env.kube.nodes() == []
    assert message in status(env)[0]["reason"], status(env)


def test_override_bootstrap_command_with_variables_joins(emulator):
    env = Env(emulator)
    windows_entry(env)
    # eksctl's example 32: the variables eksctl defines before the user's command
    command = ('& $EKSBootstrapScriptFile -EKSClusterName "$EKSClusterName" -APIServerEndpoint "$APIServerEndpoint" '
               '-Base64ClusterCA "$Base64ClusterCA" -ContainerRuntime "containerd" -KubeletExtraArgs "$KubeletExtraArgs" 3>&1 4>&1 5>&1 6>&1')
    env.self_managed(user_data=override_user_data(env, command), image=windows_image(emulator, "2022", "Full"))
    [node] = env.kube.nodes()
    assert node["metadata"]["labels"]["role"] == "custom" and node["metadata"]["labels"]["kubernetes.io/os"] == "windows"


def test_override_bootstrap_command_with_an_unassigned_variable_does_not_join(emulator):
    env = Env(emulator)
    windows_entry(env)
    command = '& $EKSBootstrapScriptFile -EKSClusterName "$ClusterName" -APIServerEndpoint "$APIServerEndpoint" -Base64ClusterCA "$Base64ClusterCA"'
    env.self_managed(user_data=override_user_data(env, command), image=windows_image(emulator))
    assert env.kube.nodes() == []
    assert "-EKSClusterName is required" in status(env)[0]["reason"]


def test_script_path_in_single_quotes_is_not_expanded(emulator):
    env = Env(emulator)
    windows_entry(env)
    user_data = windows_user_data(env).replace('"$env:ProgramFiles\\Amazon\\EKS\\Start-EKSBootstrap.ps1"',
                                               "'$env:ProgramFiles\\Amazon\\EKS\\Start-EKSBootstrap.ps1'")
    env.self_managed(user_data=user_data, image=windows_image(emulator))
    assert env.kube.nodes() == []
    assert "not the AMI's C:\\Program Files\\Amazon\\EKS\\Start-EKSBootstrap.ps1" in status(env)[0]["reason"]


# ---------------------------------------------------------------------------------------
# Managed Windows node groups
# ---------------------------------------------------------------------------------------
def test_managed_windows_nodegroup_gets_an_ec2_windows_entry_and_windows_nodes(emulator):
    env = Env(emulator, mode="API")
    env.eks.create_nodegroup(clusterName="demo", nodegroupName="win", nodeRole=env.node_role["Arn"], subnets=env.subnets,
                             scalingConfig={"minSize": 1, "maxSize": 2, "desiredSize": 1}, instanceTypes=["m5.large"],
                             amiType="WINDOWS_CORE_2022_x86_64")
    ng = env.eks.describe_nodegroup(clusterName="demo", nodegroupName="win")["nodegroup"]
    assert ng["status"] == "ACTIVE", ng
    entry = env.eks.describe_access_entry(clusterName="demo", principalArn=env.node_role["Arn"])["accessEntry"]
    assert entry["type"] == "EC2_WINDOWS"
    [node] = env.kube.nodes()
    labels = node["metadata"]["labels"]
    assert labels["kubernetes.io/os"] == "windows" and labels["node.kubernetes.io/windows-build"] == "10.0.20348"
    assert labels["eks.amazonaws.com/nodegroup-image"] == windows_image(emulator, "2022", "Core")


def test_managed_windows_nodegroup_with_a_linux_groups_role_fails(emulator):
    env = Env(emulator, mode="API")
    env.managed(ng="linux", desired=1)  # EKS made an EC2_LINUX entry for the role
    env.eks.create_nodegroup(clusterName="demo", nodegroupName="win", nodeRole=env.node_role["Arn"], subnets=env.subnets,
                             scalingConfig={"minSize": 1, "maxSize": 2, "desiredSize": 1}, instanceTypes=["m5.large"],
                             amiType="WINDOWS_FULL_2019_x86_64")
    ng = env.eks.describe_nodegroup(clusterName="demo", nodegroupName="win")["nodegroup"]
    assert ng["status"] == "CREATE_FAILED" and ng["health"]["issues"][0]["code"] == "NodeCreationFailure"
    reasons = [s["reason"] for s in status(env) if s["nodegroup"] == "win"]
    assert reasons and "EC2_LINUX, not EC2_WINDOWS" in reasons[0]


def test_managed_windows_nodegroup_in_config_map_mode_maps_the_windows_group(emulator):
    env = Env(emulator, mode="CONFIG_MAP")
    env.eks.create_nodegroup(clusterName="demo", nodegroupName="win", nodeRole=env.node_role["Arn"], subnets=env.subnets,
                             scalingConfig={"minSize": 1, "maxSize": 2, "desiredSize": 1}, amiType="WINDOWS_FULL_2022_x86_64")
    assert env.eks.describe_nodegroup(clusterName="demo", nodegroupName="win")["nodegroup"]["status"] == "ACTIVE"
    roles = env.kube.get("/api/v1/namespaces/kube-system/configmaps/aws-auth")["data"]["mapRoles"]
    assert "eks:kube-proxy-windows" in roles


# ---------------------------------------------------------------------------------------
# Linux-only workloads and Windows IPAM
# ---------------------------------------------------------------------------------------
def test_coredns_needs_a_linux_node(emulator):
    env = Env(emulator, addons=("vpc-cni", "kube-proxy", "coredns"))
    windows_entry(env)
    env.self_managed(user_data=windows_user_data(env, taints=""), image=windows_image(emulator))
    assert len(env.kube.nodes()) == 1
    assert env.eks.describe_addon(clusterName="demo", addonName="coredns")["addon"]["status"] == "CREATING"
    pods = env.kube.get("/api/v1/namespaces/kube-system/pods")["items"]
    assert pods and all(p["status"]["phase"] == "Pending" and not p["spec"].get("nodeName") for p in pods if p["metadata"]["name"].startswith("coredns"))
    # The add-on DaemonSets do not run on Windows nodes.
    assert not [p for p in pods if p["metadata"]["name"].startswith(("aws-node", "kube-proxy"))]
    ds = env.kube.get("/apis/apps/v1/namespaces/kube-system/daemonsets/aws-node")
    assert ds["status"]["desiredNumberScheduled"] == 0
    env.managed(ng="linux", desired=1)
    assert wait_for(lambda: env.eks.describe_addon(clusterName="demo", addonName="coredns")["addon"]["status"] == "ACTIVE")
    coredns = [p for p in env.kube.get("/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-dns")["items"]]
    linux = {n["metadata"]["name"] for n in env.kube.nodes() if n["metadata"]["labels"]["kubernetes.io/os"] == "linux"}
    assert coredns and all(p["spec"]["nodeName"] in linux for p in coredns)


def test_vpc_cni_addon_creates_the_amazon_vpc_cni_configmap(emulator):
    env = Env(emulator, addons=("kube-proxy",))
    code, _ = env.kube.call("GET", "/api/v1/namespaces/kube-system/configmaps/amazon-vpc-cni")
    assert code == 404
    env.eks.create_addon(clusterName="demo", addonName="vpc-cni", configurationValues='{"enableNetworkPolicy": "true"}')
    cm = env.kube.get("/api/v1/namespaces/kube-system/configmaps/amazon-vpc-cni")
    assert cm["data"] == {"enable-windows-ipam": "false", "enable-network-policy-controller": "true", "enable-windows-prefix-delegation": "false",
                          "warm-prefix-target": "0", "warm-ip-target": "1", "minimum-ip-target": "3", "branch-eni-cooldown": "60"}
    env.eks.update_addon(clusterName="demo", addonName="vpc-cni", configurationValues='{"enableWindowsIpam": "true"}')
    cm = env.kube.get("/api/v1/namespaces/kube-system/configmaps/amazon-vpc-cni")
    assert cm["data"]["enable-windows-ipam"] == "true"
    env.eks.delete_addon(clusterName="demo", addonName="vpc-cni")
    assert wait_for(lambda: env.kube.call("GET", "/api/v1/namespaces/kube-system/configmaps/amazon-vpc-cni")[0] == 404)


def test_windows_pods_get_an_ip_only_with_windows_ipam(emulator):
    env = Env(emulator)
    windows_entry(env)
    env.self_managed(user_data=windows_user_data(env, taints=""), image=windows_image(emulator))
    [node] = env.kube.nodes()
    name = node["metadata"]["name"]
    assert "vpc.amazonaws.com/PrivateIPv4Address" not in node["status"]["allocatable"]
    assert "Windows IPAM is off" in status(env)[0]["reason"]
    # IPAM off: the webhook adds nothing, the pod lands on the Windows node and gets no IP.
    create_pod(env, "before", {"kubernetes.io/os": "windows"})
    p = pod(env, "before")
    assert p["spec"]["nodeName"] == name and p["status"]["phase"] == "Pending" and "podIP" not in p["status"]
    assert p["status"]["containerStatuses"][0]["state"]["waiting"]["reason"] == "ContainerCreating"
    assert "resources" not in p["spec"]["containers"][0]
    # eksctl's WindowsIPAMTask: patch enable-windows-ipam in; the cluster role still lacks the policy.
    code, _ = env.kube.call("PATCH", "/api/v1/namespaces/kube-system/configmaps/amazon-vpc-cni", {"data": {"enable-windows-ipam": "true"}},
                            content_type="application/strategic-merge-patch+json")
    assert code == 200
    assert "AmazonEKSVPCResourceController" in status(env)[0]["reason"]
    create_pod(env, "no-address", {"kubernetes.io/os": "windows"})
    p = pod(env, "no-address")
    assert p["spec"]["containers"][0]["resources"]["limits"] == {"vpc.amazonaws.com/PrivateIPv4Address": "1"}
    assert not p["spec"].get("nodeName") and "Insufficient vpc.amazonaws.com/PrivateIPv4Address" in p["status"]["conditions"][0]["message"]
    attach(env.iam, "demo-cluster", "AmazonEKSVPCResourceController")
    assert wait_for(lambda: env.kube.nodes()[0]["status"]["allocatable"].get("vpc.amazonaws.com/PrivateIPv4Address") == "9")
    assert status(env)[0]["reason"] == ""
    assert wait_for(lambda: pod(env, "no-address")["status"]["phase"] == "Running")
    p = pod(env, "no-address")
    assert p["spec"]["nodeName"] == name and p["status"]["podIP"]
    create_pod(env, "after", {"kubernetes.io/os": "windows"})
    assert pod(env, "after")["status"]["phase"] == "Running"
    # The pod made before IPAM was on was not mutated: still no IP.
    assert pod(env, "before")["status"]["phase"] == "Pending"


def test_windows_ip_addresses_run_out(emulator):
    env = Env(emulator)
    windows_entry(env)
    attach(env.iam, "demo-cluster", "AmazonEKSVPCResourceController")
    env.kube.call("PATCH", "/api/v1/namespaces/kube-system/configmaps/amazon-vpc-cni", {"data": {"enable-windows-ipam": "True"}},
                  content_type="application/merge-patch+json")
    env.self_managed(user_data=windows_user_data(env, taints=""), image=windows_image(emulator))
    for i in range(10):
        create_pod(env, f"p{i}", {"kubernetes.io/os": "windows"})
    phases = [pod(env, f"p{i}")["status"]["phase"] for i in range(10)]
    assert phases.count("Running") == 9 and phases[-1] == "Pending"
    assert "1 Insufficient vpc.amazonaws.com/PrivateIPv4Address" in pod(env, "p9")["status"]["conditions"][0]["message"]


# ---------------------------------------------------------------------------------------
# The PowerShell reader itself (in this process)
# ---------------------------------------------------------------------------------------
def test_powershell_forms():
    import eksup_moto_k8s as k8s

    terraform = ("<powershell>\n[string]$EKSBinDir = \"$env:ProgramFiles\\Amazon\\EKS\"\n[string]$EKSBootstrapScriptName = 'Start-EKSBootstrap.ps1'\n"
                 "[string]$EKSBootstrapScriptFile = \"$EKSBinDir\\$EKSBootstrapScriptName\"\n"
                 "& $EKSBootstrapScriptFile -EKSClusterName demo -APIServerEndpoint https://x `\n  -Base64ClusterCA 'a''b' -kubeletextraargs:'--node-labels=a=b' 3>&1\n"
                 "$LastError = if ($?) { 0 } else { $Error[0].Exception.HResult }\n</powershell>")
    b = k8s.parse_user_data(terraform)
    assert b.form == "powershell" and b.errors == [] and (b.cluster_name, b.endpoint, b.ca, b.labels) == ("demo", "https://x", "a'b", {"a": "b"})
    # # comments, <# #> blocks and ; separate; an abbreviated parameter
    commented = ("<powershell>\n<# set up #>\n$f = \"C:\\Program Files\\Amazon\\EKS\\Start-EKSBootstrap.ps1\"; # the script\n"
                 "& $f -EKSCluster `\"demo`\"\n</powershell>")
    b = k8s.parse_user_data(commented)
    assert b.cluster_name == '"demo"' and b.errors == []
    b = k8s.parse_user_data("<powershell>\n& \"$env:ProgramFiles\\Amazon\\EKS\\Start-EKSBootstrap.ps1\" demo -DNSClusterIP $(Get-Ip)\n</powershell>")
    assert "positional argument 'demo'" in b.errors[0] and "cannot be evaluated" in b.errors[1]
    assert k8s.parse_user_data("<powershell>\nWrite-Host hi\n</powershell>") is None
    assert "no closing </powershell>" in k8s.parse_user_data("<powershell>\n& x\n").errors[0]


def test_windows_server_2025_images_start_at_kubernetes_1_35(emulator):
    ec2 = emulator.client("ec2")
    for edition in ("Core", "Full"):
        image_id = windows_image(emulator, "2025", edition, "1.35")
        [image] = ec2.describe_images(ImageIds=[image_id])["Images"]
        assert image["Name"] == f"Windows_Server-2025-English-{edition}-EKS_Optimized-1.35-2025.11.12"
        assert image["Platform"] == "windows" and image["OwnerId"] == "801119661308"
        with pytest.raises(emulator.client("ssm").exceptions.ParameterNotFound):
            windows_image(emulator, "2025", edition, "1.34")
