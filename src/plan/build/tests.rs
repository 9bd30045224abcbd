//! The plan builder's unit tests.

use super::ami::{ami_type, ssm_parameter};
use super::*;

fn plan_of(body: &str) -> Plan {
    plan_with(body, true)
}

fn plan_with(body: &str, wait_nodes: bool) -> Plan {
    let yaml = format!(
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-west-2\n{body}"
    );
    let zones = vec!["us-west-2a".to_string(), "us-west-2b".into(), "us-west-2c".into()];
    let loaded = crate::config::finish(crate::config::parse(&yaml, "c.yaml").unwrap(), &zones, None).unwrap();
    build(
        &loaded,
        &PlanOptions { write_kubeconfig: false, wait_nodes, account_id: Some("123456789012".into()) },
    )
}

fn resource<'p>(plan: &'p Plan, id: &str) -> &'p Resource {
    &plan
        .step(id)
        .unwrap_or_else(|| {
            panic!("no step `{id}` in {:?}", plan.steps.iter().map(|s| &s.id).collect::<Vec<_>>())
        })
        .resource
}

#[test]
fn default_addons_come_before_the_nodes_and_can_be_overridden_or_turned_off() {
    let p = plan_of("managedNodeGroups:\n  - name: ng\n");
    // The group is asked for after the networking add-ons, not after they are ACTIVE (EKS installs
    // them while the instances boot): that wait is a step of its own, which the nodes' readiness
    // waits for.
    let ng = p.step("nodegroup-ng").unwrap();
    assert!(
        ng.depends_on.contains(&"addon-vpc-cni".to_string())
            && ng.depends_on.contains(&"addon-kube-proxy".to_string())
            && !ng.depends_on.iter().any(|d| d.starts_with("addon-ready-")),
        "{:?}",
        ng.depends_on
    );
    for name in ["vpc-cni", "kube-proxy"] {
        assert!(matches!(resource(&p, &format!("addon-{name}")), Resource::Addon { wait: false, .. }));
        let active = p.step(&format!("addon-ready-{name}")).unwrap();
        assert!(matches!(&active.resource, Resource::AddonReady { addon_name } if addon_name == name));
        assert_eq!(active.depends_on, [format!("addon-{name}")]);
    }
    let ready = p.step("nodes-ready-ng").unwrap();
    assert!(
        ready.depends_on.contains(&"nodegroup-ng".to_string())
            && ready.depends_on.contains(&"addon-ready-vpc-cni".to_string())
            && ready.depends_on.contains(&"addon-ready-kube-proxy".to_string())
    );
    // A run that does not wait for nodes waits for the add-ons themselves before the groups.
    let p2 = plan_with("managedNodeGroups:\n  - name: ng\n", false);
    assert!(p2.step("addon-ready-vpc-cni").is_none());
    assert!(matches!(resource(&p2, "addon-vpc-cni"), Resource::Addon { wait: true, .. }));
    assert!(p2.step("nodegroup-ng").unwrap().depends_on.contains(&"addon-vpc-cni".to_string()));
    assert!(!ready.depends_on.contains(&"addon-coredns".to_string()), "coredns needs nodes, not the reverse");
    assert!(p.step("addon-metrics-server").unwrap().depends_on.contains(&"nodegroup-ng".to_string()));
    assert!(matches!(resource(&p, "addon-coredns"), Resource::Addon { wait: false, .. }));
    assert!(matches!(resource(&p, "nodes-ready-ng"), Resource::NodesReady { count: 2, .. }));

    let p = plan_of(
        "addons:\n  - name: vpc-cni\n    version: v1.19.0-eksbuild.1\nmanagedNodeGroups:\n  - name: ng\n",
    );
    assert!(
        matches!(resource(&p, "addon-vpc-cni"), Resource::Addon { version: Some(v), .. } if v == "v1.19.0-eksbuild.1")
    );
    assert_eq!(p.steps.iter().filter(|s| s.id == "addon-vpc-cni").count(), 1);

    let p = plan_of("addonsConfig:\n  disableDefaultAddons: true\nmanagedNodeGroups:\n  - name: ng\n");
    assert!(!p.steps.iter().any(|s| s.id.starts_with("addon-")));
}

#[test]
fn with_oidc_vpc_cni_gets_a_service_account_role_and_nodes_lose_the_cni_policy() {
    let p = plan_of("iam:\n  withOIDC: true\nmanagedNodeGroups:\n  - name: ng\n");
    let Resource::IamRole { trust, managed_policies, .. } = resource(&p, "iam-role-vpc-cni") else {
        panic!()
    };
    assert!(
        matches!(trust, Trust::ServiceAccount { namespace, name, .. } if namespace == "kube-system" && name == "aws-node")
    );
    assert_eq!(managed_policies, &["arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy".to_string()]);
    assert!(
        matches!(resource(&p, "addon-vpc-cni"), Resource::Addon { service_account_role_arn: Some(Val::Out(r)), .. } if r.step == "iam-role-vpc-cni")
    );
    let Resource::IamRole { managed_policies, .. } = resource(&p, "iam-role-ng") else { panic!() };
    assert!(!managed_policies.iter().any(|m| m.ends_with("AmazonEKS_CNI_Policy")));
}

#[test]
fn launch_template_details_match_eksctl() {
    let p = plan_of(
        "nodeGroups:\n  - name: br\n    instanceType: m5.large\n    amiFamily: Bottlerocket\n    volumeSize: 50\n    disableIMDSv1: false\n    disablePodIMDS: true\n",
    );
    let Resource::LaunchTemplate(lt) = resource(&p, "launch-template-br") else { panic!() };
    assert_eq!((lt.device_name.as_str(), lt.volume_size), ("/dev/xvdb", 50), "Bottlerocket's data volume");
    assert!(lt.imds_v2_required && lt.hop_limit == 1, "disablePodIMDS forces IMDSv2 with hop limit 1");
    let Resource::SecurityGroup { kubernetes_owned, .. } = resource(&p, "security-group-br") else {
        panic!()
    };
    assert!(kubernetes_owned);
}

#[test]
fn fargate_trust_names_the_account() {
    let p = plan_of("fargateProfiles:\n  - name: fp\n    selectors:\n      - namespace: default\n");
    let Resource::IamRole { trust: Trust::Service { condition: Some(c), .. }, .. } =
        resource(&p, "iam-role-fargate")
    else {
        panic!()
    };
    assert_eq!(c["ArnLike"]["aws:SourceArn"], "arn:aws:eks:us-west-2:123456789012:fargateprofile/demo/*");
}

#[test]
fn identity_mappings_become_access_entries_as_eksctl_migrates_them() {
    let p = plan_of(
        "iamIdentityMappings:\n  - arn: arn:aws:iam::123456789012:role/admins\n    username: admin\n    groups: [system:masters]\n  - arn: arn:aws:iam::123456789012:role/nodes\n    username: system:node:{{EC2PrivateDNSName}}\n    groups: [system:bootstrappers, system:nodes]\n",
    );
    let Resource::AccessEntry { kubernetes_groups, policies, entry_type, .. } =
        resource(&p, "access-entry-admins")
    else {
        panic!()
    };
    assert!(kubernetes_groups.is_empty() && entry_type == "STANDARD");
    assert_eq!(policies[0].policy_arn, "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy");
    let Resource::AccessEntry { kubernetes_groups, entry_type, .. } = resource(&p, "access-entry-nodes")
    else {
        panic!()
    };
    assert!(kubernetes_groups.is_empty() && entry_type == "EC2_LINUX");
}

#[test]
fn coredns_runs_on_fargate_when_only_fargate_runs_kube_system() {
    let p = plan_of("fargateProfiles:\n  - name: fp\n    selectors:\n      - namespace: kube-system\n");
    assert!(
        matches!(resource(&p, "addon-coredns"), Resource::Addon { configuration_values: Some(v), .. } if v.contains("Fargate"))
    );
}

#[test]
fn names_stay_within_limits() {
    let long = "eksup-".to_string() + &"x".repeat(80) + "-node";
    let n = bounded_name(&long, 64);
    assert_eq!(n.len(), 64);
    assert_eq!(n, bounded_name(&long, 64));
    assert_eq!(bounded_name("short", 64), "short");
}

#[test]
fn ami_types_and_parameters() {
    assert_eq!(ami_type("AmazonLinux2023", "m5.large"), "AL2023_x86_64_STANDARD");
    assert_eq!(ami_type("WindowsServer2019FullContainer", "m5.large"), "WINDOWS_FULL_2019_x86_64");
    let mixed = ["m5.large".to_string(), "g5.xlarge".to_string()];
    assert_eq!(super::ami::ami_instance_type(&mixed, ""), "g5.xlarge", "a GPU type's AMI serves them all");
    assert_eq!(super::ami::ami_instance_type(&mixed[..1], ""), "m5.large");
    assert_eq!(super::ami::ami_instance_type(&[], "c5.large"), "c5.large");
    assert_eq!(ami_type("WindowsServer2022CoreContainer", "m5.large"), "WINDOWS_CORE_2022_x86_64");
    assert_eq!(
        ssm_parameter("WindowsServer2022CoreContainer", "1.34", "m5.large"),
        "/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-EKS_Optimized-1.34/image_id"
    );
    assert_eq!(ami_type("WindowsServer2025FullContainer", "m5.large"), "WINDOWS_FULL_2025_x86_64");
    assert_eq!(
        ssm_parameter("WindowsServer2025CoreContainer", "1.35", "m5.large"),
        "/aws/service/ami-windows-latest/Windows_Server-2025-English-Core-EKS_Optimized-1.35/image_id"
    );
    assert_eq!(ami_type("AmazonLinux2023", "m6g.large"), "AL2023_ARM_64_STANDARD");
    assert_eq!(ami_type("AmazonLinux2023", "g5.xlarge"), "AL2023_x86_64_NVIDIA");
    assert_eq!(ami_type("Bottlerocket", "c7g.large"), "BOTTLEROCKET_ARM_64");
    // eksctl's mapping: Neuron for Inferentia and Trainium, NVIDIA on ARM for g5g.
    assert_eq!(ami_type("AmazonLinux2023", "inf2.xlarge"), "AL2023_x86_64_NEURON");
    assert_eq!(ami_type("AmazonLinux2023", "trn1.32xlarge"), "AL2023_x86_64_NEURON");
    assert_eq!(ami_type("AmazonLinux2023", "g5g.xlarge"), "AL2023_ARM_64_NVIDIA");
    assert_eq!(ami_type("Bottlerocket", "g5g.xlarge"), "BOTTLEROCKET_ARM_64_NVIDIA");
    assert_eq!(ami_type("AmazonLinux2023", "g4ad.xlarge"), "AL2023_x86_64_STANDARD");
    assert_eq!(
        ssm_parameter("AmazonLinux2023", "1.34", "inf2.xlarge"),
        "/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/neuron/recommended/image_id"
    );
    assert_eq!(
        ssm_parameter("AmazonLinux2023", "1.34", "m5.large"),
        "/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard/recommended/image_id"
    );
    assert_eq!(
        ssm_parameter("AmazonLinux2", "1.30", "t4g.small"),
        "/aws/service/eks/optimized-ami/1.30/amazon-linux-2-arm64/recommended/image_id"
    );
    assert_eq!(
        ssm_parameter("Bottlerocket", "1.33", "m5.large"),
        "/aws/service/bottlerocket/aws-k8s-1.33/x86_64/latest/image_id"
    );
}

#[test]
fn partitions() {
    assert_eq!(partition("cn-north-1"), "aws-cn");
    assert_eq!(partition("us-gov-west-1"), "aws-us-gov");
    assert_eq!(partition("eu-west-1"), "aws");
}

#[test]
fn service_accounts_get_a_role_through_the_oidc_provider_and_well_known_policies() {
    let p = plan_of(
        "iam:\n  withOIDC: true\n  serviceAccounts:\n    - metadata: {name: app}\n      attachPolicyARNs: [arn:aws:iam::1:policy/p]\n      attachPolicy: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: [s3:GetObject], Resource: \"*\"}]}\n    - metadata: {name: all, namespace: kube-system}\n      roleOnly: true\n      wellKnownPolicies: {imageBuilder: true, autoScaler: true, awsLoadBalancerController: true, externalDNS: true, certManager: true, ebsCSIController: true, efsCSIController: true}\n    - metadata: {name: own}\n      attachRoleARN: arn:aws:iam::1:role/own\n",
    );
    let role = p.step("iam-role-sa-default-app").unwrap();
    assert_eq!(role.depends_on, ["oidc-provider"]);
    let Resource::IamRole { role_name, trust, managed_policies, inline_policies, .. } = &role.resource else {
        panic!("not a role")
    };
    assert_eq!(role_name, "eksup-demo-sa-default-app");
    assert!(
        matches!(trust, Trust::ServiceAccount { namespace, name, pattern: false, .. } if namespace == "default" && name == "app")
    );
    assert_eq!(managed_policies, &["arn:aws:iam::1:policy/p"]);
    assert!(inline_policies["attach-policy"].contains("s3:GetObject"));
    let sa = p.step("service-account-default-app").unwrap();
    assert!(sa.depends_on.contains(&"iam-role-sa-default-app".to_string()));
    assert!(
        matches!(&sa.resource, Resource::ServiceAccount { role: Some(Val::Out(r)), .. } if r.step == "iam-role-sa-default-app")
    );

    // Every well-known flag: eksctl's managed policies and inline statements, in the partition.
    let Resource::IamRole { managed_policies, inline_policies, .. } =
        resource(&p, "iam-role-sa-kube-system-all")
    else {
        panic!("not a role")
    };
    assert_eq!(
        managed_policies,
        &[
            "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser",
            "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"
        ]
    );
    let names: Vec<&str> = inline_policies.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "autoscaling",
            "aws-load-balancer-controller",
            "cert-manager-change-set",
            "cert-manager-get-change",
            "cert-manager-hosted-zones",
            "efs-csi-controller",
            "external-dns-change-set",
            "external-dns-hosted-zones"
        ]
    );
    for document in inline_policies.values() {
        let doc: serde_json::Value = serde_json::from_str(document).unwrap();
        assert!(doc["Statement"].as_array().is_some_and(|s| !s.is_empty()), "{document}");
        assert!(!document.contains("${"), "a placeholder left: {document}");
    }
    assert!(inline_policies["external-dns-change-set"].contains("arn:aws:route53:::hostedzone/*"));
    assert!(p.step("service-account-kube-system-all").is_none(), "roleOnly");

    // A role of the user's: no role step, the account annotated with it.
    assert!(p.step("iam-role-sa-default-own").is_none());
    assert!(
        matches!(resource(&p, "service-account-default-own"), Resource::ServiceAccount { role: Some(Val::Lit(r)), .. } if r == "arn:aws:iam::1:role/own")
    );
}

#[test]
fn pod_identity_associations_get_a_role_trusted_by_eks_pod_identity_or_use_the_files() {
    let p = plan_of(
        "addons:
  - name: eks-pod-identity-agent
iam:
  podIdentityAssociations:
    - namespace: dev
      serviceAccountName: app
      permissionPolicyARNs: [arn:aws:iam::1:policy/p]
      permissionPolicy: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: [s3:GetObject], Resource: \"*\"}]}
      wellKnownPolicies: {autoScaler: true}
      permissionsBoundaryARN: arn:aws:iam::1:policy/boundary
      tags: {team: a}
    - namespace: default
      serviceAccountName: own
      roleARN: arn:aws:iam::1:role/own
      targetRoleARN: arn:aws:iam::2:role/far
      createServiceAccount: true
      disableSessionTags: true
      policy: '{\"Version\": \"2012-10-17\", \"Statement\": []}'
",
    );
    let role = p.step("iam-role-pod-identity-dev-app").unwrap();
    assert!(role.depends_on.is_empty(), "no OIDC provider: {:?}", role.depends_on);
    let Resource::IamRole { role_name, trust, managed_policies, inline_policies, permissions_boundary, tags } =
        &role.resource
    else {
        panic!("not a role")
    };
    assert_eq!(role_name, "eksup-demo-pod-dev.app");
    assert_eq!(trust, &Trust::PodIdentity);
    assert!(trust.is_exclusive());
    assert_eq!(managed_policies, &["arn:aws:iam::1:policy/p"]);
    assert_eq!(inline_policies.keys().collect::<Vec<_>>(), ["attach-policy", "autoscaling"]);
    assert_eq!(permissions_boundary.as_deref(), Some("arn:aws:iam::1:policy/boundary"));
    assert_eq!(tags.get("team").map(String::as_str), Some("a"));
    let association = p.step("pod-identity-dev-app").unwrap();
    assert_eq!(association.depends_on, ["control-plane", "iam-role-pod-identity-dev-app"]);
    assert!(matches!(&association.resource,
        Resource::PodIdentityAssociation { namespace, service_account, role: Val::Out(r), target_role_arn: None, disable_session_tags: false, policy: None, .. }
            if namespace == "dev" && service_account == "app" && r.step == "iam-role-pod-identity-dev-app"));
    assert!(
        p.step("service-account-pod-identity-dev-app").is_none(),
        "createServiceAccount is off by default"
    );

    // The file's role: no role step; the target role, session tags and policy as given; the
    // service account made without an IRSA annotation.
    assert!(p.step("iam-role-pod-identity-default-own").is_none());
    assert!(matches!(resource(&p, "pod-identity-default-own"),
        Resource::PodIdentityAssociation { role: Val::Lit(r), target_role_arn: Some(t), disable_session_tags: true, policy: Some(_), .. }
            if r == "arn:aws:iam::1:role/own" && t == "arn:aws:iam::2:role/far"));
    assert!(matches!(
        resource(&p, "service-account-pod-identity-default-own"),
        Resource::ServiceAccount { role: None, .. }
    ));
}

#[test]
fn with_addon_policies_give_the_node_role_eksctls_grants_and_autoscaler_tags_the_group() {
    let p = plan_of(
        "nodeGroups:\n  - name: ng\n    labels: {tier: web}\n    taints: [{key: gpu, value: \"yes\", effect: NoSchedule}]\n    iam:\n      attachPolicy: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: [s3:ListBucket], Resource: \"*\"}]}\n      withAddonPolicies: {imageBuilder: true, cloudWatch: true, ebs: true, autoScaler: true, externalDNS: true, certManager: true, appMesh: true, appMeshPreview: true, albIngress: true, xRay: true, efs: true, fsx: true}\nmanagedNodeGroups:\n  - name: plain\n",
    );
    let Resource::IamRole { managed_policies, inline_policies, .. } = resource(&p, "iam-role-ng") else {
        panic!("not a role")
    };
    let managed: Vec<&str> = managed_policies.iter().map(|a| a.rsplit("policy/").next().unwrap()).collect();
    for name in [
        "AmazonEC2ContainerRegistryPowerUser",
        "CloudWatchAgentServerPolicy",
        "service-role/AmazonEBSCSIDriverPolicy",
    ] {
        assert!(managed.contains(&name), "{name} in {managed:?}");
    }
    let names: Vec<&str> = inline_policies.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "app-mesh",
            "app-mesh-preview",
            "attach-policy",
            "autoscaling",
            "aws-load-balancer-controller",
            "cert-manager-change-set",
            "cert-manager-get-change",
            "cert-manager-hosted-zones",
            "efs",
            "efs-ec2",
            "external-dns-change-set",
            "external-dns-hosted-zones",
            "fsx",
            "service-linked-role",
            "xray"
        ]
    );
    assert!(inline_policies["app-mesh-preview"].contains("appmesh-preview:*"));
    assert!(inline_policies["attach-policy"].contains("s3:ListBucket"));
    let Resource::AutoScalingGroup(group) = resource(&p, "auto-scaling-group-ng") else {
        panic!("not a group")
    };
    let prefix = "k8s.io/cluster-autoscaler";
    assert_eq!(group.tags[&format!("{prefix}/enabled")], "true");
    assert_eq!(group.tags[&format!("{prefix}/demo")], "owned");
    assert_eq!(group.tags[&format!("{prefix}/node-template/label/tier")], "web");
    assert_eq!(group.tags[&format!("{prefix}/node-template/taint/gpu")], "yes:NoSchedule");
    // A group without the flags keeps eksctl's node policies alone.
    let Resource::IamRole { managed_policies, inline_policies, .. } = resource(&p, "iam-role-plain") else {
        panic!("not a role")
    };
    assert_eq!(managed_policies.len(), 4, "{managed_policies:?}");
    assert!(inline_policies.is_empty());
}

#[test]
fn a_public_key_is_imported_once_per_group_and_named_after_its_digest() {
    let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mL0f5tFWPpSUIdrpaGMXXR0OQrzbjdoKOoTTbs+z user@host";
    let p = plan_of(&format!(
        "nodeGroups:\n  - name: a\n    ssh:\n      publicKey: \"{key}\"\n  - name: shut\n    ssh:\n      publicKey: \"{key}\"\n      allow: false\nmanagedNodeGroups:\n  - name: b\n    ssh:\n      publicKey: \"{key}\"\n  - name: c\n    ssh:\n      publicKeyName: mine\n"
    ));
    let Resource::KeyPair { key_name, public_key } = resource(&p, "key-pair-a") else {
        panic!("not a key pair")
    };
    assert!(
        key_name.starts_with("eksup-demo-a-") && key_name.len() == "eksup-demo-a-".len() + 16,
        "{key_name}"
    );
    assert_eq!(public_key, key);
    let lt = p.step("launch-template-a").unwrap();
    assert!(lt.depends_on.contains(&"key-pair-a".to_string()));
    let Resource::LaunchTemplate(spec) = &lt.resource else { panic!("not a template") };
    assert_eq!(spec.key_name.as_ref(), Some(key_name));
    // As eksctl: a key to import with `allow: false` is not imported.
    assert!(p.step("key-pair-shut").is_none());
    let Resource::LaunchTemplate(shut) = resource(&p, "launch-template-shut") else {
        panic!("not a template")
    };
    assert_eq!(shut.key_name, None);
    let Resource::KeyPair { key_name: b, .. } = resource(&p, "key-pair-b") else { panic!("not a key pair") };
    assert_eq!(b.trim_start_matches("eksup-demo-b-"), key_name.trim_start_matches("eksup-demo-a-"));
    assert!(p.step("launch-template-b").unwrap().depends_on.contains(&"key-pair-b".to_string()));
    assert!(p.step("key-pair-c").is_none());
    let Resource::LaunchTemplate(spec) = resource(&p, "launch-template-c") else { panic!("not a template") };
    assert_eq!(spec.key_name.as_deref(), Some("mine"));
}

#[test]
fn a_managed_group_on_a_custom_ami_is_bootstrapped_by_its_launch_template() {
    let p = plan_of(
        "managedNodeGroups:\n  - name: custom\n    amiFamily: AmazonLinux2\n    ami: ami-0123456789abcdef0\n    labels: {tier: web}\n",
    );
    let lt = p.step("launch-template-custom").unwrap();
    assert!(lt.depends_on.contains(&"control-plane".to_string()), "the user data needs the endpoint and CA");
    let Resource::LaunchTemplate(spec) = &lt.resource else { panic!("not a template") };
    assert_eq!(spec.image, Some(AmiSource::Id("ami-0123456789abcdef0".into())));
    assert!(spec.managed_user_data.is_none());
    let user_data = spec.user_data.as_ref().expect("a bootstrap");
    assert_eq!(user_data.template, "al2");
    assert_eq!(user_data.labels["eks.amazonaws.com/nodegroup"], "custom");
    assert_eq!(user_data.labels["eks.amazonaws.com/nodegroup-image"], "ami-0123456789abcdef0");
    assert_eq!(user_data.labels["tier"], "web");
    let Resource::ManagedNodegroup(ng) = resource(&p, "nodegroup-custom") else { panic!("not a group") };
    assert_eq!(ng.ami_type, "", "EKS's CUSTOM: the type is left out");
}

#[test]
fn ubuntu_groups_run_canonicals_image_and_bootstrap_sh() {
    let p = plan_of(
        "nodeGroups:\n  - name: self\n    amiFamily: Ubuntu2204\n    instanceType: m6g.large\nmanagedNodeGroups:\n  - name: managed\n    amiFamily: UbuntuPro2404\n    labels: {tier: web}\n",
    );
    let version = crate::config::defaults::DEFAULT_KUBERNETES_VERSION;
    let Resource::LaunchTemplate(own) = resource(&p, "launch-template-self") else {
        panic!("not a template")
    };
    assert_eq!(
        own.image,
        Some(AmiSource::SsmParameter(format!(
            "/aws/service/canonical/ubuntu/eks/22.04/{version}/stable/current/arm64/hvm/ebs-gp2/ami-id"
        )))
    );
    assert_eq!(own.user_data.as_ref().unwrap().template, "ubuntu");
    // EKS has no Ubuntu AMI type: Canonical's image is the managed group's custom AMI.
    let lt = p.step("launch-template-managed").unwrap();
    assert!(lt.depends_on.contains(&"control-plane".to_string()));
    let Resource::LaunchTemplate(spec) = &lt.resource else { panic!("not a template") };
    assert_eq!(
        spec.image,
        Some(AmiSource::SsmParameter(format!(
            "/aws/service/canonical/ubuntu/eks-pro/24.04/{version}/stable/current/amd64/hvm/ebs-gp3/ami-id"
        )))
    );
    assert!(spec.managed_user_data.is_none());
    let user_data = spec.user_data.as_ref().expect("a bootstrap");
    assert_eq!(user_data.template, "ubuntu");
    assert_eq!(user_data.labels["eks.amazonaws.com/nodegroup"], "managed");
    assert_eq!(user_data.labels["tier"], "web");
    let Resource::ManagedNodegroup(ng) = resource(&p, "nodegroup-managed") else { panic!("not a group") };
    assert_eq!(ng.ami_type, "", "EKS's CUSTOM: the type is left out");
}

#[test]
fn add_ons_get_roles_for_their_service_accounts() {
    let p = plan_of(
        "iam:\n  withOIDC: true\naddons:\n  - name: aws-ebs-csi-driver\n  - name: aws-efs-csi-driver\n    wellKnownPolicies: {efsCSIController: true}\n    permissionsBoundary: arn:aws:iam::1:policy/b\n  - name: aws-mountpoint-s3-csi-driver\n    attachPolicyARNs: [arn:aws:iam::1:policy/s3]\n  - name: vpc-cni\n    attachPolicy: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: [ec2:AssignIpv6Addresses], Resource: \"*\"}]}\n",
    );
    let role = |addon: &str| match resource(&p, &format!("iam-role-addon-{addon}")) {
        Resource::IamRole { trust, managed_policies, inline_policies, permissions_boundary, .. } => {
            (trust.clone(), managed_policies.clone(), inline_policies.clone(), permissions_boundary.clone())
        }
        _ => panic!("not a role"),
    };
    // Given nothing, the EBS CSI driver gets AWS's managed policy.
    let (trust, managed, inline, _) = role("aws-ebs-csi-driver");
    assert!(
        matches!(trust, Trust::ServiceAccount { ref namespace, ref name, pattern: false, .. } if namespace == "kube-system" && name == "ebs-csi-controller-sa")
    );
    assert_eq!(managed, ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"]);
    assert!(inline.is_empty());
    let (trust, managed, inline, boundary) = role("aws-efs-csi-driver");
    assert!(matches!(trust, Trust::ServiceAccount { ref name, pattern: true, .. } if name == "efs-csi-*"));
    assert!(managed.is_empty() && inline.contains_key("efs-csi-controller"), "{managed:?} {inline:?}");
    assert_eq!(boundary.as_deref(), Some("arn:aws:iam::1:policy/b"));
    assert_eq!(role("aws-mountpoint-s3-csi-driver").1, ["arn:aws:iam::1:policy/s3"]);
    // vpc-cni with a policy of the file's: that policy instead of the CNI policy.
    let (_, managed, inline, _) = role("vpc-cni");
    assert!(managed.is_empty() && inline["attach-policy"].contains("AssignIpv6Addresses"));
    assert!(p.step("iam-role-vpc-cni").is_none());
    let Resource::Addon { service_account_role_arn: Some(Val::Out(r)), .. } =
        resource(&p, "addon-aws-ebs-csi-driver")
    else {
        panic!("no role")
    };
    assert_eq!(r.step, "iam-role-addon-aws-ebs-csi-driver");
}

#[test]
fn auto_mode_gives_the_cluster_role_its_policies_and_keeps_default_addons_only_for_node_groups() {
    let p = plan_of("autoModeConfig:\n  enabled: true\n");
    let Resource::ControlPlane(cp) = resource(&p, "control-plane") else { panic!("not the control plane") };
    let auto = cp.auto_mode.as_ref().expect("on");
    assert_eq!(auto.node_pools, ["general-purpose", "system"]);
    assert!(matches!(&auto.node_role, Some(Val::Out(r)) if r.step == "iam-role-auto-mode-nodes"));
    assert!(p.step("control-plane").unwrap().depends_on.contains(&"iam-role-auto-mode-nodes".to_string()));
    let Resource::IamRole { managed_policies, .. } = resource(&p, "iam-role-cluster") else {
        panic!("not a role")
    };
    assert!(managed_policies.iter().any(|m| m.ends_with("/AmazonEKSComputePolicy")), "{managed_policies:?}");
    let addons: Vec<&str> =
        p.steps.iter().filter(|s| s.id.starts_with("addon-")).map(|s| s.id.as_str()).collect();
    assert_eq!(addons, ["addon-metrics-server"]);

    // The file's node role; no pools, no role; node groups keep the networking add-ons.
    let p = plan_of(
        "autoModeConfig:\n  enabled: true\n  nodeRoleARN: arn:aws:iam::1:role/n\nmanagedNodeGroups:\n  - name: ng\n",
    );
    assert!(p.step("iam-role-auto-mode-nodes").is_none() && p.step("addon-vpc-cni").is_some());
    let p = plan_of("autoModeConfig:\n  enabled: true\n  nodePools: []\n");
    let Resource::ControlPlane(cp) = resource(&p, "control-plane") else { panic!("not the control plane") };
    assert!(cp.auto_mode.as_ref().is_some_and(|a| a.node_pools.is_empty() && a.node_role.is_none()));
    let p = plan_of("");
    let Resource::ControlPlane(cp) = resource(&p, "control-plane") else { panic!("not the control plane") };
    assert!(cp.auto_mode.is_none());
}

#[test]
fn an_identity_provider_is_associated_after_everything_else_eks_makes() {
    let p = plan_of(
        "identityProviders:\n  - name: Cognito Pool\n    type: oidc\n    issuerURL: https://issuer\n    clientID: c\n    usernameClaim: email\nmanagedNodeGroups:\n  - name: ng\n",
    );
    let step = p.step("identity-provider-cognito-pool").unwrap();
    // After what else asks EKS for something: the association keeps the cluster UPDATING.
    for dep in ["control-plane", "nodegroup-ng", "addon-vpc-cni", "addon-metrics-server"] {
        assert!(step.depends_on.iter().any(|d| d == dep), "{dep}: {:?}", step.depends_on);
    }
    assert!(matches!(&step.resource, Resource::IdentityProvider(spec)
        if spec.name == "Cognito Pool" && spec.issuer_url == "https://issuer" && spec.username_claim.as_deref() == Some("email")));
}

#[test]
fn generated_pod_identity_role_names_cannot_collide() {
    let p = plan_of(
        "addons:\n  - name: eks-pod-identity-agent\niam:\n  podIdentityAssociations:\n    - {namespace: a-b, serviceAccountName: c, permissionPolicyARNs: [arn:aws:iam::1:policy/p]}\n    - {namespace: a, serviceAccountName: b-c, permissionPolicyARNs: [arn:aws:iam::1:policy/p]}\n",
    );
    let names: Vec<&str> = p
        .steps
        .iter()
        .filter_map(|s| match &s.resource {
            Resource::IamRole { role_name, trust: Trust::PodIdentity, .. } => Some(role_name.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(names, ["eksup-demo-pod-a-b.c", "eksup-demo-pod-a.b-c"]);
}

#[test]
fn auto_mode_puts_the_control_plane_and_so_its_nodes_on_private_subnets() {
    let p = plan_of("autoModeConfig:\n  enabled: true\n");
    let Resource::ControlPlane(cp) = resource(&p, "control-plane") else { panic!("not the control plane") };
    assert!(!cp.subnets.is_empty());
    assert!(
        cp.subnets.iter().all(|s| matches!(s, Val::Out(r) if r.step.starts_with("subnet-private-"))),
        "{:?}",
        cp.subnets
    );
    let p = plan_of("");
    let Resource::ControlPlane(cp) = resource(&p, "control-plane") else { panic!("not the control plane") };
    assert!(cp.subnets.iter().any(|s| matches!(s, Val::Out(r) if r.step.starts_with("subnet-public-"))));
}

#[test]
fn local_zones_get_subnets_for_their_groups_and_none_for_the_control_plane() {
    let p = plan_of(
        "localZones: [us-west-2-lax-1a, us-west-2-lax-1b]\nnodeGroups:\n  - name: lz\n    localZones: [us-west-2-lax-1a]\n  - name: az\n",
    );
    let subnet_ids = |vals: &[Val]| -> Vec<String> { vals.iter().filter_map(step_of).collect() };
    let Resource::ControlPlane(cp) = resource(&p, "control-plane") else { panic!() };
    let cp_subnets = subnet_ids(&cp.subnets);
    assert_eq!(cp_subnets.len(), 6, "{cp_subnets:?}");
    assert!(cp_subnets.iter().all(|s| !s.contains("lax")), "{cp_subnets:?}");
    let Resource::AutoScalingGroup(lz) = resource(&p, "auto-scaling-group-lz") else { panic!() };
    assert_eq!(subnet_ids(&lz.subnets), ["subnet-public-us-west-2-lax-1a"]);
    let Resource::AutoScalingGroup(az) = resource(&p, "auto-scaling-group-az") else { panic!() };
    assert!(subnet_ids(&az.subnets).iter().all(|s| !s.contains("lax")));
    // eksctl's layout: public blocks of the zones then the Local Zones, then the private ones.
    assert!(
        matches!(resource(&p, "subnet-public-us-west-2-lax-1a"), Resource::Subnet { cidr, .. } if cidr == "192.168.48.0/20")
    );
    assert!(
        matches!(resource(&p, "subnet-private-us-west-2-lax-1b"), Resource::Subnet { cidr, .. } if cidr == "192.168.144.0/20")
    );
    assert!(
        matches!(resource(&p, "subnet-private-us-west-2a"), Resource::Subnet { cidr, .. } if cidr == "192.168.80.0/20")
    );
    // The Local Zones' private subnets route through the NAT gateway of an availability zone.
    assert!(matches!(
        resource(&p, "route-table-private-us-west-2-lax-1a"),
        Resource::RouteTable { default_route: Some(_), .. }
    ));
    assert!(
        p.step("route-table-private-us-west-2-lax-1a")
            .unwrap()
            .depends_on
            .contains(&"nat-gateway".to_string())
    );
    assert!(!p.step("control-plane").unwrap().depends_on.iter().any(|d| d.contains("lax")));
    // The NAT gateway stays in an availability zone.
    assert!(matches!(resource(&p, "nat-gateway"), Resource::NatGateway { az, .. } if az == "us-west-2a"));
}

#[test]
fn local_zone_subnets_of_an_existing_vpc_are_only_for_the_groups_that_name_them() {
    let p = plan_of(
        "vpc:\n  id: vpc-0123456789abcdef0\n  subnets:\n    public:\n      a: {id: subnet-0a, az: us-west-2a}\n      b: {id: subnet-0b, az: us-west-2b}\n      lax: {id: subnet-0c, az: us-west-2-lax-1a}\nnodeGroups:\n  - name: lz\n    subnets: [lax]\n  - name: az\n",
    );
    let Resource::ControlPlane(cp) = resource(&p, "control-plane") else { panic!() };
    assert_eq!(cp.subnets.len(), 2, "{:?}", cp.subnets);
    let Resource::AutoScalingGroup(lz) = resource(&p, "auto-scaling-group-lz") else { panic!() };
    assert_eq!(lz.subnets.len(), 1);
    let Resource::AutoScalingGroup(az) = resource(&p, "auto-scaling-group-az") else { panic!() };
    assert_eq!(az.subnets.len(), 2);
}

#[test]
fn service_and_account_mappings_go_to_aws_auth_one_step_after_the_other() {
    let p = plan_of(
        "iamIdentityMappings:\n  - account: \"000000000000\"\n  - serviceName: emr-containers\n    namespace: emr\n  - serviceName: emr-containers\n    namespace: emr\n  - account: \"111111111111\"\n",
    );
    let Resource::ServiceAccess { user, service_linked_role, namespace, cluster_arn: Val::Out(arn), .. } =
        resource(&p, "service-access-emr-containers-emr")
    else {
        panic!()
    };
    assert_eq!((user.as_str(), namespace.as_str()), ("emr-containers", "emr"));
    // In the cluster's account, which its ARN says (a plan for a part has no account of its own).
    assert_eq!(service_linked_role, "AWSServiceRoleForAmazonEMRContainers");
    assert_eq!(arn.step, "control-plane");
    // A mapping listed twice is made once, as eksctl's.
    assert_eq!(p.steps.iter().filter(|s| matches!(s.resource, Resource::ServiceAccess { .. })).count(), 1);
    let Resource::AccountMappings { accounts, .. } = resource(&p, "aws-auth-accounts") else { panic!() };
    assert_eq!(accounts, &["000000000000", "111111111111"]);
    assert!(
        p.step("aws-auth-accounts")
            .unwrap()
            .depends_on
            .contains(&"service-access-emr-containers-emr".to_string())
    );
    assert!(!p.steps.iter().any(
        |s| matches!(&s.resource, Resource::AccessEntry { principal: Val::Lit(a), .. } if a.contains("EMR"))
    ));
}

#[test]
fn ipv6_clusters_are_dual_stack_with_an_egress_only_gateway_and_a_cni_role_that_assigns_ipv6() {
    let p = plan_of(
        "kubernetesNetworkConfig:\n  ipFamily: IPv6\niam:\n  withOIDC: true\nvpc:\n  extraIPv6CIDRs: [\"2600:1f14:abc:de00::/56\"]\nmanagedNodeGroups:\n  - name: ng\n",
    );
    assert!(matches!(resource(&p, "vpc"), Resource::Vpc { ipv6: true, .. }));
    // Every subnet: the /64 eksctl numbers it with, addresses assigned on launch.
    for (id, index) in
        [("subnet-public-us-west-2a", 0), ("subnet-public-us-west-2c", 2), ("subnet-private-us-west-2b", 4)]
    {
        let Resource::Subnet { ipv6: Some(v6), .. } = resource(&p, id) else {
            panic!("{id} has no IPv6 block")
        };
        assert_eq!((v6.index, v6.assign_on_create), (index, true), "{id}");
    }
    // One NAT gateway, an egress-only gateway, and each private table routes `::/0` through it.
    assert_eq!(p.steps.iter().filter(|s| matches!(s.resource, Resource::NatGateway { .. })).count(), 1);
    assert!(matches!(
        resource(&p, "egress-only-internet-gateway"),
        Resource::EgressOnlyInternetGateway { .. }
    ));
    for az in ["us-west-2a", "us-west-2b", "us-west-2c"] {
        let Resource::RouteTable {
            ipv6_route: Some(Val::Out(r)), default_route: Some(Val::Out(nat)), ..
        } = resource(&p, &format!("route-table-private-{az}"))
        else {
            panic!("private table of {az}")
        };
        assert_eq!((r.step.as_str(), nat.step.as_str()), ("egress-only-internet-gateway", "nat-gateway"));
    }
    let Resource::RouteTable { ipv6_route: Some(Val::Out(r)), .. } = resource(&p, "route-table-public")
    else {
        panic!()
    };
    assert_eq!(r.step, "internet-gateway");
    // The API is open to the extra IPv6 block.
    let Resource::SecurityGroup { rules, .. } = resource(&p, "security-group-control-plane") else {
        panic!()
    };
    assert!(
        rules
            .iter()
            .any(|r| r.peer == SgPeer::Ipv6Cidr("2600:1f14:abc:de00::/56".into()) && r.from_port == 443)
    );
    // The vpc-cni's role: eksctl's IPv6 policy inline, no AmazonEKS_CNI_Policy anywhere.
    let Resource::IamRole { managed_policies, inline_policies, .. } = resource(&p, "iam-role-vpc-cni") else {
        panic!()
    };
    assert!(managed_policies.is_empty());
    assert!(inline_policies["attach-policy"].contains("ec2:AssignIpv6Addresses"));
    assert!(inline_policies["attach-policy"].contains("arn:aws:ec2:*:*:network-interface/*"));
    let Resource::IamRole { managed_policies, .. } = resource(&p, "iam-role-ng") else { panic!() };
    assert!(!managed_policies.iter().any(|m| m.ends_with("AmazonEKS_CNI_Policy")));

    // An IPv4 cluster has none of it.
    let p = plan_of("managedNodeGroups:\n  - name: ng\n");
    assert!(p.step("egress-only-internet-gateway").is_none());
    assert!(matches!(resource(&p, "subnet-private-us-west-2a"), Resource::Subnet { ipv6: None, .. }));
}

#[test]
fn addon_pod_identities_get_roles_trusted_by_eks_pod_identity_in_eksctls_order() {
    // autoApply: every add-on AWS recommends a pod identity for and that sets no IAM of its own.
    let p = plan_of(
        "addonsConfig:\n  autoApplyPodIdentityAssociations: true\naddons:\n  - name: eks-pod-identity-agent\n  - name: aws-ebs-csi-driver\n  - name: aws-efs-csi-driver\n    podIdentityAssociations:\n      - namespace: kube-system\n        serviceAccountName: efs-csi-controller-sa\n        roleARN: arn:aws:iam::123456789012:role/mine\nmanagedNodeGroups:\n  - name: ng\n",
    );
    let Resource::Addon { pod_identities, service_account_role_arn: None, .. } =
        resource(&p, "addon-vpc-cni")
    else {
        panic!()
    };
    assert_eq!(pod_identities.len(), 1);
    assert_eq!(pod_identities[0].service_account, "aws-node");
    let Val::Out(r) = &pod_identities[0].role else { panic!("{:?}", pod_identities[0].role) };
    let Resource::IamRole { trust, managed_policies, role_name, .. } = resource(&p, &r.step) else {
        panic!()
    };
    assert_eq!(trust, &Trust::PodIdentity);
    assert_eq!(managed_policies, &["arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy".to_string()]);
    assert_eq!(role_name, "eksup-demo-addon-vpc-cni-aws-node");
    // The add-on waits for its role and the agent; the nodes for the agent; their role holds no
    // CNI policy.
    let cni = p.step("addon-vpc-cni").unwrap();
    assert!(
        cni.depends_on.contains(&r.step) && cni.depends_on.contains(&"addon-eks-pod-identity-agent".into())
    );
    assert!(p.step("nodegroup-ng").unwrap().depends_on.contains(&"addon-eks-pod-identity-agent".into()));
    let Resource::IamRole { managed_policies, .. } = resource(&p, "iam-role-ng") else { panic!() };
    assert!(!managed_policies.iter().any(|m| m.ends_with("AmazonEKS_CNI_Policy")));
    // The EBS driver: AWS's recommended policy; the EFS driver: the file's own role; the agent
    // and kube-proxy: none.
    let Resource::Addon { pod_identities, .. } = resource(&p, "addon-aws-ebs-csi-driver") else { panic!() };
    assert_eq!(pod_identities[0].service_account, "ebs-csi-controller-sa");
    let Resource::Addon { pod_identities, .. } = resource(&p, "addon-aws-efs-csi-driver") else { panic!() };
    assert_eq!(pod_identities[0].role, Val::lit("arn:aws:iam::123456789012:role/mine"));
    for id in ["addon-eks-pod-identity-agent", "addon-kube-proxy"] {
        assert!(
            matches!(resource(&p, id), Resource::Addon { pod_identities, .. } if pod_identities.is_empty()),
            "{id}"
        );
    }

    // IRSA of the file's comes before the defaults; the IPv6 vpc-cni gets eksctl's inline policy.
    let p = plan_of(
        "kubernetesNetworkConfig:\n  ipFamily: IPv6\naddonsConfig:\n  autoApplyPodIdentityAssociations: true\naddons:\n  - name: eks-pod-identity-agent\n  - name: aws-ebs-csi-driver\n    serviceAccountRoleARN: arn:aws:iam::123456789012:role/ebs\nmanagedNodeGroups:\n  - name: ng\n",
    );
    assert!(matches!(resource(&p, "addon-aws-ebs-csi-driver"),
        Resource::Addon { pod_identities, service_account_role_arn: Some(Val::Lit(_)), .. } if pod_identities.is_empty()));
    let Resource::Addon { pod_identities, .. } = resource(&p, "addon-vpc-cni") else { panic!() };
    let Val::Out(r) = &pod_identities[0].role else { panic!() };
    let Resource::IamRole { managed_policies, inline_policies, .. } = resource(&p, &r.step) else { panic!() };
    assert!(
        managed_policies.is_empty() && inline_policies["attach-policy"].contains("ec2:AssignIpv6Addresses")
    );
}

#[test]
fn fully_private_clusters_have_private_subnets_vpc_endpoints_and_end_private_only() {
    let p = plan_of(
        "privateCluster:\n  enabled: true\n  additionalEndpointServices: [autoscaling]\ncloudWatch:\n  clusterLogging:\n    enableTypes: [api]\nmanagedNodeGroups:\n  - name: ng\n    privateNetworking: true\nnodeGroups:\n  - name: sm\n    privateNetworking: true\n",
    );
    // No way out to the internet: no public subnet, internet or NAT gateway.
    for kind in ["subnet-public", "internet-gateway", "nat-gateway", "elastic-ip", "route-table-public"] {
        assert!(!p.steps.iter().any(|s| s.id.starts_with(kind)), "{kind}");
    }
    // eksctl's endpoints, the optional one asked for, and `logs` for the control plane's logs.
    let endpoints: Vec<&str> = p
        .steps
        .iter()
        .filter_map(|s| match &s.resource {
            Resource::VpcEndpoint { service, .. } => Some(service.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        endpoints,
        [
            "com.amazonaws.us-west-2.ec2",
            "com.amazonaws.us-west-2.ecr.api",
            "com.amazonaws.us-west-2.ecr.dkr",
            "com.amazonaws.us-west-2.s3",
            "com.amazonaws.us-west-2.sts",
            "com.amazonaws.us-west-2.autoscaling",
            "com.amazonaws.us-west-2.logs",
        ]
    );
    let Resource::VpcEndpoint { gateway: true, route_tables, security_groups, subnets, .. } =
        resource(&p, "vpc-endpoint-s3")
    else {
        panic!()
    };
    assert_eq!((route_tables.len(), security_groups.len(), subnets.len()), (3, 0, 3));
    let Resource::VpcEndpoint { gateway: false, security_groups, subnets, .. } =
        resource(&p, "vpc-endpoint-ecr-api")
    else {
        panic!()
    };
    assert!(matches!(&security_groups[..], [Val::Out(r)] if r.step == "security-group-shared-nodes"));
    assert!(subnets.iter().all(|s| s.kind == SubnetKind::Private));
    // Nodes wait for the endpoints; the endpoint turns private-only after everything else.
    for group in ["nodegroup-ng", "auto-scaling-group-sm"] {
        let deps = &p.step(group).unwrap_or_else(|| panic!("{group}")).depends_on;
        assert!(deps.contains(&"vpc-endpoint-ecr-dkr".to_string()), "{group}: {deps:?}");
    }
    let Resource::ControlPlane(cp) = resource(&p, "control-plane") else { panic!() };
    assert!(cp.endpoint_public_access && cp.endpoint_private_access, "open while eksup works");
    assert_eq!(resource(&p, "endpoint-access"), &Resource::EndpointAccess { public: false, private: true });
    let last = &p.step("endpoint-access").unwrap().depends_on;
    for step in ["nodes-ready-ng", "nodes-ready-sm"] {
        assert!(last.contains(&step.to_string()), "{last:?}");
    }
    assert_eq!(p.check(), Ok(()));

    // skipEndpointCreation (your VPC, which has them): no endpoints; the rest of clusters have none.
    let p = plan_of(
        "privateCluster:\n  enabled: true\n  skipEndpointCreation: true\nvpc:\n  id: vpc-0123456789abcdef0\n  subnets:\n    private:\n      a: {id: subnet-0a, az: us-west-2a}\n      b: {id: subnet-0b, az: us-west-2b}\nmanagedNodeGroups:\n  - name: ng\n    privateNetworking: true\n",
    );
    assert!(!p.steps.iter().any(|s| s.resource.kind() == Kind::VpcEndpoint));
    assert!(p.step("endpoint-access").is_some());
    let p = plan_of("managedNodeGroups:\n  - name: ng\n");
    assert!(!p.steps.iter().any(|s| matches!(s.resource.kind(), Kind::VpcEndpoint | Kind::EndpointAccess)));

    // A private-only endpoint of the file's: open while nodes are waited for, closed at the end;
    // made private-only at once when nothing needs the API.
    let p = plan_of(
        "vpc:\n  clusterEndpoints: {publicAccess: false, privateAccess: true}\nmanagedNodeGroups:\n  - name: ng\n",
    );
    let Resource::ControlPlane(cp) = resource(&p, "control-plane") else { panic!() };
    assert!(cp.endpoint_public_access);
    assert_eq!(resource(&p, "endpoint-access"), &Resource::EndpointAccess { public: false, private: true });
    let p = plan_of("vpc:\n  clusterEndpoints: {publicAccess: false, privateAccess: true}\n");
    let Resource::ControlPlane(cp) = resource(&p, "control-plane") else { panic!() };
    assert!(!cp.endpoint_public_access && p.step("endpoint-access").is_none());
}

#[test]
fn endpoint_services_take_chinas_prefix_where_eksctl_does() {
    assert_eq!(
        super::private::endpoint_service_name("aws-cn", "cn-north-1", "ecr.api"),
        "cn.com.amazonaws.cn-north-1.ecr.api"
    );
    assert_eq!(
        super::private::endpoint_service_name("aws-cn", "cn-north-1", "s3"),
        "com.amazonaws.cn-north-1.s3"
    );
    assert_eq!(
        super::private::endpoint_service_name("aws", "eu-west-1", "sts"),
        "com.amazonaws.eu-west-1.sts"
    );
}

#[test]
fn hybrid_nodes_networks_are_routed_through_the_users_gateway() {
    let rnc = "remoteNetworkConfig:\n  vpcGatewayID: GW\n  remoteNodeNetworks:\n    - cidrs: [10.80.0.0/16, 10.81.0.0/16]\n  remotePodNetworks:\n    - cidrs: [10.85.0.0/16]\n";
    let p = plan_of(&rnc.replace("GW", "tgw-0123456789abcdef0"));
    let Resource::GatewayAttachment { gateway_id, subnets, .. } = resource(&p, "gateway-attachment") else {
        panic!()
    };
    assert_eq!(gateway_id, "tgw-0123456789abcdef0");
    let zones: Vec<&str> = subnets.iter().map(|s| s.az.as_str()).collect();
    assert_eq!(zones, ["us-west-2a", "us-west-2b", "us-west-2c"], "the private subnets, one per zone");
    assert!(subnets.iter().all(|s| s.kind == SubnetKind::Private));
    for az in ["us-west-2a", "us-west-2b", "us-west-2c"] {
        let id = format!("route-table-private-{az}");
        let Resource::RouteTable { remote: Some(r), .. } = resource(&p, &id) else { panic!("{id}") };
        assert_eq!(r.cidrs, ["10.80.0.0/16", "10.81.0.0/16", "10.85.0.0/16"]);
        assert!(p.step(&id).unwrap().depends_on.contains(&"gateway-attachment".to_string()));
    }
    let Resource::RouteTable { remote: None, .. } = resource(&p, "route-table-public") else { panic!() };
    // A virtual private gateway is attached to the VPC, not to subnets.
    let p = plan_of(&rnc.replace("GW", "vgw-0123456789abcdef0"));
    assert!(
        matches!(resource(&p, "gateway-attachment"), Resource::GatewayAttachment { subnets, .. } if subnets.is_empty())
    );
    // No gateway: nothing of it.
    let p = plan_of("remoteNetworkConfig:\n  remoteNodeNetworks:\n    - cidrs: [10.80.0.0/16]\n");
    assert!(p.step("gateway-attachment").is_none());
}

#[test]
fn empty_remote_networks_turn_hybrid_nodes_off() {
    let p = plan_of("remoteNetworkConfig:\n  remoteNodeNetworks: []\n");
    let Resource::ControlPlane(cp) = resource(&p, "control-plane") else { panic!("not the control plane") };
    let remote = cp.remote_network.as_ref().expect("the removal is the control plane's");
    assert!(remote.node_cidrs.is_empty() && remote.pod_cidrs.is_empty());
    assert!(p.step("iam-role-hybrid-nodes").is_none(), "no role for hybrid nodes");
    assert!(p.steps.iter().all(|s| !s.id.contains("hybrid")), "nothing of hybrid nodes");
    let Resource::SecurityGroup { rules, .. } = resource(&p, "security-group-control-plane") else {
        panic!()
    };
    assert!(rules.iter().all(|r| !r.description.contains("remote network")), "{rules:?}");
}

#[test]
fn hybrid_nodes_with_iam_roles_anywhere_get_a_trust_anchor_a_role_only_it_may_give_and_a_profile() {
    let pem = include_str!("../../../tests/fixtures/hybrid-ca.pem");
    let block: String = pem.lines().map(|l| format!("      {l}\n")).collect();
    let p = plan_of(&format!(
        "remoteNetworkConfig:\n  iam:\n    provider: IRA\n    caBundleCert: |\n{block}  remoteNodeNetworks:\n    - cidrs: [10.80.0.0/16]\n"
    ));
    let Resource::TrustAnchor { name, certificate } = resource(&p, "trust-anchor-hybrid-nodes") else {
        panic!()
    };
    assert_eq!((name.as_str(), certificate.as_str()), ("eksup-demo-hybrid-ca", pem));
    let Resource::IamRole { trust, managed_policies, inline_policies, .. } =
        resource(&p, "iam-role-hybrid-nodes")
    else {
        panic!()
    };
    assert_eq!(
        trust,
        &Trust::RolesAnywhere { trust_anchor: Val::out("trust-anchor-hybrid-nodes", keys::ARN) }
    );
    assert!(
        p.step("iam-role-hybrid-nodes")
            .unwrap()
            .depends_on
            .contains(&"trust-anchor-hybrid-nodes".to_string())
    );
    // AWS's guide: no SSM policy without SSM.
    assert_eq!(managed_policies, &["arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly".to_string()]);
    assert_eq!(inline_policies.keys().collect::<Vec<_>>(), ["eks-describe-cluster"]);
    let Resource::AnywhereProfile { name, roles } = resource(&p, "anywhere-profile-hybrid-nodes") else {
        panic!()
    };
    assert_eq!(name, "eksup-demo-hybrid-nodes");
    assert_eq!(roles, &[Val::out("iam-role-hybrid-nodes", keys::ARN)]);
    let Resource::AccessEntry { principal, entry_type, .. } = resource(&p, "access-entry-hybrid-nodes")
    else {
        panic!()
    };
    assert_eq!(
        (principal, entry_type.as_str()),
        (&Val::out("iam-role-hybrid-nodes", keys::ARN), "HYBRID_LINUX")
    );
    // SSM (the default): no trust anchor or profile, SSM's policies.
    let p = plan_of("remoteNetworkConfig:\n  remoteNodeNetworks:\n    - cidrs: [10.80.0.0/16]\n");
    assert!(
        p.step("trust-anchor-hybrid-nodes").is_none() && p.step("anywhere-profile-hybrid-nodes").is_none()
    );
    let Resource::IamRole { managed_policies, .. } = resource(&p, "iam-role-hybrid-nodes") else { panic!() };
    assert_eq!(managed_policies.len(), 2, "{managed_policies:?}");
}

#[test]
fn the_control_plane_takes_its_components_settings_from_the_file() {
    let p = plan_of(
        "controlPlaneScalingConfig:\n  tier: tier-xl\nkubeAPIServerConfig:\n  eventTTL: 30m\n  serviceNodePortRange:\n    minPort: 30000\n    maxPort: 31000\nkubeSchedulerConfig:\n  nodeResourcesFit:\n    scoringStrategy:\n      type: MostAllocated\n      resources:\n        - name: cpu\n          weight: 2\nkubeControllerManagerConfig:\n  horizontalPodAutoscalerControllerConfig:\n    horizontalPodAutoscalerSyncPeriod: 10s\n",
    );
    let Resource::ControlPlane(cp) = resource(&p, "control-plane") else { panic!("not the control plane") };
    assert_eq!(
        cp.components,
        ComponentConfigSpec {
            event_ttl: Some("30m".into()),
            node_port_range: Some((30000, 31000)),
            scoring_type: Some("MostAllocated".into()),
            scoring_resources: Some(vec![("cpu".into(), 2)]),
            hpa_sync_period: Some("10s".into()),
        }
    );
    // Not in the file: nothing asked, EKS keeps what it has.
    let p = plan_of("kubeSchedulerConfig: {}\n");
    let Resource::ControlPlane(cp) = resource(&p, "control-plane") else { panic!("not the control plane") };
    assert!(cp.components.is_empty());
}

#[test]
fn instance_names_suspended_processes_and_propagated_asg_tags() {
    let p = plan_of(
        "nodeGroups:\n  - name: ng\n    instancePrefix: team\n    instanceName: web\n    asgSuspendProcesses: [AZRebalance]\n    propagateASGTags: true\n    labels: {tier: web}\n    taints:\n      - {key: gpu, value: 'yes', effect: NoSchedule}\n  - name: plain\nmanagedNodeGroups:\n  - name: mng\n    instancePrefix: team\n    propagateASGTags: true\n    labels: {tier: db}\n    tags: {owner: me}\n  - name: quiet\n",
    );
    let Resource::AutoScalingGroup(group) = resource(&p, "auto-scaling-group-ng") else {
        panic!("not a group")
    };
    assert_eq!(group.tags["Name"], "team-web");
    assert_eq!(group.suspend_processes, Some(vec!["AZRebalance".to_string()]));
    let prefix = "k8s.io/cluster-autoscaler";
    assert_eq!(group.tags[&format!("{prefix}/node-template/label/tier")], "web");
    assert_eq!(group.tags[&format!("{prefix}/node-template/taint/gpu")], "yes:NoSchedule");
    // propagateASGTags alone: the templates, not the discovery tags of `autoScaler`.
    assert!(!group.tags.contains_key(&format!("{prefix}/enabled")), "{:?}", group.tags);
    let Resource::LaunchTemplate(lt) = resource(&p, "launch-template-ng") else { panic!("not a template") };
    assert_eq!(lt.instance_tags["Name"], "team-web");
    let Resource::AutoScalingGroup(plain) = resource(&p, "auto-scaling-group-plain") else {
        panic!("not a group")
    };
    assert_eq!(plain.tags["Name"], "demo-plain-Node");
    assert_eq!(plain.suspend_processes, None);
    assert!(!plain.tags.keys().any(|k| k.starts_with(prefix)), "{:?}", plain.tags);
    // A managed group's instances are named in eksup's launch template, and EKS's group gets
    // the templates and the group's tags.
    let Resource::LaunchTemplate(lt) = resource(&p, "launch-template-mng") else { panic!("not a template") };
    assert_eq!(lt.instance_tags["Name"], "team-demo-mng-Node");
    let Resource::ManagedNodegroup(mng) = resource(&p, "nodegroup-mng") else { panic!("not a nodegroup") };
    assert_eq!(mng.asg_tags[&format!("{prefix}/node-template/label/tier")], "db");
    assert_eq!(mng.asg_tags["owner"], "me");
    let Resource::ManagedNodegroup(quiet) = resource(&p, "nodegroup-quiet") else {
        panic!("not a nodegroup")
    };
    assert!(quiet.asg_tags.is_empty());
    assert_eq!(quiet.suspend_processes, None);
}

#[test]
fn efa_groups_get_their_security_group_placement_group_one_subnet_and_the_device_plugin() {
    let p = plan_of(
        "  version: \"1.32\"\nnodeGroups:\n  - name: s\n    instanceType: c5n.18xlarge\n    efaEnabled: true\nmanagedNodeGroups:\n  - name: m\n    instanceType: p4d.24xlarge\n    efaEnabled: true\n    availabilityZones: [us-west-2b]\n  - name: plain\n",
    );
    // Self-managed: the EFA group among the group's own, the placement group in the template.
    let Resource::SecurityGroup { description, rules, kubernetes_owned, .. } =
        resource(&p, "security-group-efa-s")
    else {
        panic!()
    };
    assert_eq!(description, "EFA-enabled security group");
    assert!(!kubernetes_owned);
    let own = SgPeer::Group(Val::out("security-group-efa-s", keys::ID));
    for direction in ["ingress", "egress"] {
        assert!(
            rules.iter().any(|r| r.direction == direction && r.protocol == "-1" && r.peer == own),
            "{rules:?}"
        );
    }
    let Resource::LaunchTemplate(lt) = resource(&p, "launch-template-s") else { panic!() };
    assert_eq!(lt.efa_instance_types, ["c5n.18xlarge"]);
    assert!(lt.security_groups.contains(&Val::out("security-group-efa-s", keys::ID)));
    assert_eq!(lt.instance.placement_group.as_deref(), Some("eksup-demo-s"));
    assert!(p.step("launch-template-s").unwrap().depends_on.contains(&"placement-group-s".to_string()));
    assert!(matches!(
        resource(&p, "placement-group-s"),
        Resource::PlacementGroup { group_name, strategy } if group_name == "eksup-demo-s" && strategy == "cluster"
    ));
    let Resource::AutoScalingGroup(asg) = resource(&p, "auto-scaling-group-s") else { panic!() };
    assert_eq!(asg.subnets.len(), 1, "one subnet: {:?}", asg.subnets);
    // Managed, before 1.33: the cluster group named explicitly, then the EFA group.
    let Resource::LaunchTemplate(lt) = resource(&p, "launch-template-m") else { panic!() };
    assert_eq!(
        lt.security_groups,
        [Val::out("control-plane", keys::CLUSTER_SG), Val::out("security-group-efa-m", keys::ID)]
    );
    assert_eq!(lt.efa_instance_types, ["p4d.24xlarge"]);
    let Resource::ManagedNodegroup(ng) = resource(&p, "nodegroup-m") else { panic!() };
    assert_eq!(ng.subnets.len(), 1);
    // A group without EFA has none of it.
    let Resource::LaunchTemplate(lt) = resource(&p, "launch-template-plain") else { panic!() };
    assert!(lt.efa_instance_types.is_empty() && lt.instance.placement_group.is_none());
    assert!(p.step("security-group-efa-plain").is_none() && p.step("placement-group-plain").is_none());
    let Resource::EfaDevicePlugin { instance_types, .. } = resource(&p, "device-plugin-efa") else {
        panic!()
    };
    assert_eq!(instance_types, &["c5n.18xlarge", "p4d.24xlarge"]);

    // From 1.33 a managed group relies on the cluster group; a placement group or a reservation
    // of the file's means no placement group of eksup's.
    let p = plan_of(
        "  version: \"1.33\"\nmanagedNodeGroups:\n  - name: m\n    instanceType: p4d.24xlarge\n    efaEnabled: true\n    placement: {groupName: mine}\n  - name: r\n    instanceType: p4d.24xlarge\n    efaEnabled: true\n    capacityReservation: {capacityReservationPreference: open}\n",
    );
    assert!(p.step("security-group-efa-m").is_none() && p.step("placement-group-m").is_none());
    assert!(p.step("placement-group-r").is_none());
    let Resource::LaunchTemplate(lt) = resource(&p, "launch-template-m") else { panic!() };
    assert_eq!(lt.security_groups, [Val::out("control-plane", keys::CLUSTER_SG)]);
    assert_eq!(lt.instance.placement_group.as_deref(), Some("mine"));
    assert!(plan_of("managedNodeGroups:\n  - name: ng\n").step("device-plugin-efa").is_none());
}

#[test]
fn coredns_runs_on_fargate_where_a_profile_selects_its_namespace() {
    let fargate = |selected: &str, coredns: &str| {
        let p = plan_of(&format!(
            "fargateProfiles:\n  - name: fp\n    selectors:\n      - namespace: {selected}\n{coredns}"
        ));
        let Resource::Addon { configuration_values, .. } = resource(&p, "addon-coredns") else { panic!() };
        configuration_values.clone()
    };
    let on_fargate = Some(r#"{"computeType":"Fargate"}"#.to_string());
    assert_eq!(fargate("kube-system", ""), on_fargate);
    assert_eq!(fargate("default", ""), None);
    // In its own namespace, CoreDNS runs where a profile selects that one.
    let elsewhere = "addons:\n  - name: coredns\n    namespaceConfig:\n      namespace: dns\n";
    assert_eq!(fargate("dns", elsewhere), on_fargate);
    assert_eq!(fargate("kube-system", elsewhere), None);
}
