//! Loading configs: the checks, the defaults and the validation, end to end over text.

use super::*;

fn load(yaml: &str) -> Result<Loaded, Diagnostics> {
    let zones = vec!["us-west-2a".to_string(), "us-west-2b".into(), "us-west-2c".into()];
    finish(parse(yaml, "c.yaml")?, &zones, None)
}

fn errors(yaml: &str) -> Vec<String> {
    load(yaml).unwrap_err().items.iter().map(|d| d.render("c.yaml")).collect()
}

const HEAD: &str =
    "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-west-2\n";

#[test]
fn minimal_config_gets_eksctl_defaults() {
    let l = load(&format!("{HEAD}managedNodeGroups:\n  - name: ng-1\n")).unwrap();
    let c = &l.config;
    assert_eq!(c.metadata.version.as_deref(), Some(defaults::DEFAULT_KUBERNETES_VERSION));
    let vpc = c.vpc.as_ref().unwrap();
    assert_eq!(vpc.cidr.as_deref(), Some("192.168.0.0/16"));
    assert_eq!(vpc.nat.as_ref().unwrap().gateway.as_deref(), Some("Single"));
    let public = vpc.subnets.as_ref().unwrap().public.as_ref().unwrap();
    assert_eq!(public["us-west-2b"].cidr.as_deref(), Some("192.168.32.0/19"));
    let private = vpc.subnets.as_ref().unwrap().private.as_ref().unwrap();
    assert_eq!(private["us-west-2a"].cidr.as_deref(), Some("192.168.96.0/19"));
    let ng = &c.managed_node_groups.as_ref().unwrap()[0];
    assert_eq!(ng.instance_type.as_deref(), Some("m5.large"));
    assert_eq!(ng.ami_family.as_deref(), Some("AmazonLinux2023"));
    assert_eq!((ng.min_size, ng.max_size, ng.desired_capacity), (Some(2), Some(2), Some(2)));
    assert_eq!(
        (ng.volume_size, ng.volume_type.as_deref(), ng.volume_iops, ng.volume_throughput),
        (Some(80), Some("gp3"), Some(3000), Some(125))
    );
    assert_eq!(ng.disable_imdsv1, Some(true));
    assert_eq!(ng.labels.as_ref().unwrap()["alpha.eksctl.io/cluster-name"], "demo");
    assert_eq!(l.format, Format::Eksctl);
}

#[test]
fn every_problem_is_reported_with_path_and_line() {
    let errs = errors(&format!(
        "{HEAD}vpc:\n  cidr: 10.0.0.0/8\nmanagedNodeGroups:\n  - name: ng-1\n    instanceTyp: m5.large\n  - name: ng-1\n    minSize: 3\n    maxSize: 1\n"
    ));
    assert!(
        errs.iter().any(|e| e
            .contains("c.yaml:10:5: managedNodeGroups[0].instanceTyp: unknown field `instanceTyp`")
            && e.contains("did you mean `instanceType`?")),
        "{errs:#?}"
    );
    // unknown keys stop before defaults; fix it and the rest is reported together
    let errs = errors(&format!(
        "{HEAD}vpc:\n  cidr: 10.0.0.0/8\nmanagedNodeGroups:\n  - name: ng-1\n  - name: ng-1\n    minSize: 3\n    maxSize: 1\n"
    ));
    assert!(
        errs.iter().any(
            |e| e.starts_with("error: c.yaml:7:3: vpc.cidr: `10.0.0.0/8`: the prefix must be /16 to /24")
        ),
        "{errs:#?}"
    );
    assert!(
        errs.iter().any(|e| e.contains("c.yaml:10:5: managedNodeGroups[1].name: `ng-1` is not unique")),
        "{errs:#?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.contains("managedNodeGroups[1].minSize: minSize `3` is greater than maxSize `1`")),
        "{errs:#?}"
    );
}

#[test]
fn unsupported_eksctl_fields_are_refused_precisely() {
    let errs = errors(&format!(
        "{HEAD}karpenter:\n  version: v0.20.0\nmanagedNodeGroups:\n  - name: a\n    nodeRepairConfig:\n      enabled: true\n      maxParallelNodesRepairedCount: 0\n      maxParallelNodesRepairedPercentage: 20\n      nodeRepairConfigOverrides:\n        - repairAction: Restart\ncontrolPlaneScalingConfig:\n  tier: xl\n"
    ));
    assert!(errs.iter().any(|e| e.contains("c.yaml:6:1: not supported yet: karpenter")), "{errs:#?}");
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    let repair = "managedNodeGroups[0].nodeRepairConfig";
    assert!(
        has(&format!(
            "{repair}.maxParallelNodesRepairedPercentage: `maxParallelNodesRepairedCount` and `maxParallelNodesRepairedPercentage` cannot both be set"
        )),
        "{errs:#?}"
    );
    assert!(has(&format!("{repair}.maxParallelNodesRepairedCount: must be at least 1")), "{errs:#?}");
    assert!(
        has(&format!("{repair}.nodeRepairConfigOverrides[0].nodeUnhealthyReason: must be set")),
        "{errs:#?}"
    );
    assert!(has("hint: use `Reboot`: EKS's name for this action"), "{errs:#?}");
    assert!(has("controlPlaneScalingConfig.tier: `xl` is not one of `standard`, `tier-xl`"), "{errs:#?}");
}

#[test]
fn wrong_types_and_enums() {
    let errs = errors(&format!(
        "{HEAD}managedNodeGroups:\n  - name: a\n    desiredCapacity: two\nvpc:\n  nat:\n    gateway: Singel\n"
    ));
    assert!(
        errs.iter()
            .any(|e| e
                .contains("managedNodeGroups[0].desiredCapacity: expected a whole number, found a string")),
        "{errs:#?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.contains("vpc.nat.gateway: `Singel` is not one of")
                && e.contains("did you mean `Single`?")),
        "{errs:#?}"
    );
}

#[test]
fn version_written_as_a_number_stays_text() {
    let l = load(&format!("{HEAD}  version: 1.30\n")).unwrap();
    assert_eq!(l.config.metadata.version.as_deref(), Some("1.30"));
}

#[test]
fn api_version_and_kind() {
    let errs = errors("apiVersion: eksctl.io/v1alpha4\nkind: Cluster\nmetadata: {name: a, region: b}\n");
    assert!(
        errs.iter().any(
            |e| e.contains("c.yaml:1:13: apiVersion: `eksctl.io/v1alpha4` is not a supported apiVersion")
        ),
        "{errs:#?}"
    );
    assert!(errs.iter().any(|e| e.contains("kind: `Cluster` is not supported")), "{errs:#?}");
}

#[test]
fn ecr_is_an_eksup_extension() {
    let body = "metadata: {name: demo, region: us-west-2}\necr:\n  repositories:\n    - name: team/app\n";
    let errs = errors(&format!("apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n{body}"));
    assert!(
        errs.iter().any(|e| e.contains("ecr: is an eksup extension") && e.contains("eksup.io/v1alpha1")),
        "{errs:#?}"
    );
    let l = load(&format!("apiVersion: eksup.io/v1alpha1\nkind: ClusterConfig\n{body}")).unwrap();
    let repo = &l.config.ecr.unwrap().repositories.unwrap()[0];
    assert_eq!(repo.image_tag_mutability.as_deref(), Some("IMMUTABLE"));
    assert_eq!(repo.scan_on_push, Some(true));
}

#[test]
fn lone_desired_capacity_sets_all_three() {
    let l = load(&format!("{HEAD}nodeGroups:\n  - name: a\n    desiredCapacity: 1\n")).unwrap();
    let ng = &l.config.node_groups.unwrap()[0];
    assert_eq!((ng.min_size, ng.max_size, ng.desired_capacity), (Some(1), Some(1), Some(1)));
}

#[test]
fn garbage_never_panics() {
    for input in [
        "",
        "[]",
        "- a",
        "a: [",
        "{",
        "metadata: 3",
        "apiVersion: 5",
        "\t",
        "a: *x",
        "? [a]\n: b",
        "!!binary x",
    ] {
        let _ = load(input);
    }
}

fn tags(n: usize) -> String {
    let mut yaml = format!("{HEAD}  tags:\n");
    for i in 0..n {
        yaml.push_str(&format!("    team-{i}: value-{i}\n"));
    }
    yaml
}

#[test]
fn at_most_forty_two_tags() {
    assert_eq!(load(&tags(42)).unwrap().config.metadata.tags.unwrap().len(), 42);
    let errs = errors(&tags(43));
    assert_eq!(
        errs,
        ["error: c.yaml:6:3: metadata.tags: `43` tags, but at most `42` fit: AWS allows `50` on a resource \
             and eksup adds up to `8` of its own\n  hint: keep at most 42 tags: every resource eksup creates \
             gets all of them"]
    );
}

/// Big inputs, in a time that grows with their size, not its square (the key-comparison count
/// in `yaml.rs` asserts that part; a quadratic loader took over a minute for these).
#[test]
fn a_hundred_thousand_tags_are_read_and_refused_at_their_line() {
    let errs = errors(&tags(100_000));
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(errs[0].starts_with("error: c.yaml:6:3: metadata.tags: `100000` tags"), "{errs:#?}");
}

#[test]
fn thirty_two_thousand_unknown_keys_are_each_reported_at_their_line() {
    let mut yaml = HEAD.to_string();
    for i in 0..32_000 {
        yaml.push_str(&format!("unknown{i}: {i}\n"));
    }
    let d = load(&yaml).unwrap_err();
    assert_eq!(d.items.len(), 32_000);
    let first = d.items[0].render("c.yaml");
    assert!(first.starts_with("error: c.yaml:6:1: unknown0: unknown field `unknown0`"), "{first}");
    let last = d.items[31_999].render("c.yaml");
    assert!(last.starts_with("error: c.yaml:32005:1: unknown31999: unknown field `unknown31999`"), "{last}");
}

mod fuzz {
    use proptest::prelude::*;

    const SEED: &str = include_str!("../../examples/mixed.yaml");

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Arbitrary text never panics the loader.
        #[test]
        fn random_text(s in "\\PC{0,200}") {
            let _ = super::load(&s);
        }

        /// A real config with a slice cut out, a line duplicated or characters swapped in
        /// never panics the loader.
        #[test]
        fn mutated_config(cut in 0usize..2000, len in 0usize..40, dup in 0usize..60, ch in "[ :\\-\\[\\]{}#&*!|>'\"%@`a-z0-9\\n\\t]{0,4}") {
            let bytes = SEED.as_bytes();
            let start = cut.min(bytes.len());
            let end = (start + len).min(bytes.len());
            let mut text = String::from_utf8_lossy(&bytes[..start]).to_string();
            text.push_str(&ch);
            text.push_str(&String::from_utf8_lossy(&bytes[end..]));
            let lines: Vec<&str> = text.lines().collect();
            if !lines.is_empty() {
                let i = dup % lines.len();
                let mut with_dup = lines.clone();
                with_dup.insert(i, lines[i]);
                let _ = super::load(&with_dup.join("\n"));
            }
            let _ = super::load(&text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any list of tag keys, with or without repeats: the first repeat is reported at its
        /// line, and without repeats more than `MAX_TAGS` (42: AWS's 50 less eksup's own) are
        /// refused.
        #[test]
        fn tag_keys(keys in prop::collection::vec(0u16..300, 0..400)) {
            let mut yaml = format!("{}  tags:\n", super::HEAD);
            for k in &keys {
                yaml.push_str(&format!("    k{k}: v\n"));
            }
            let first_repeat = (0..keys.len()).find(|&i| keys[..i].contains(&keys[i]));
            match (first_repeat, super::load(&yaml)) {
                (Some(i), Err(d)) => {
                    let want = format!("c.yaml:{}:5: invalid YAML: duplicate key `k{}`", 7 + i, keys[i]);
                    prop_assert!(d.items[0].render("c.yaml").contains(&want), "{:?}", d.items);
                }
                (None, Ok(l)) => prop_assert!(keys.len() <= super::validate::MAX_TAGS && l.config.metadata.tags.unwrap_or_default().len() == keys.len()),
                (None, Err(d)) => prop_assert!(keys.len() > super::validate::MAX_TAGS && d.items[0].render("c.yaml").contains("metadata.tags: `")),
                (Some(_), Ok(_)) => prop_assert!(false, "a repeated key was accepted"),
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(8))]

        /// A text over 4 MiB is refused before it is parsed, whatever it holds.
        #[test]
        fn size_limit(extra in 1usize..100_000, fill in "[a-z: #\\-\\n]") {
            let text = fill.repeat(crate::config::source::MAX_BYTES + extra);
            let d = super::load(&text).unwrap_err();
            prop_assert_eq!(d.items.len(), 1);
            prop_assert_eq!(
                d.items[0].render("c.yaml"),
                "error: c.yaml: the config is larger than 4 MiB\n  hint: a ClusterConfig is a few kilobytes: check where this text comes from"
            );
        }
    }
}

#[test]
fn a_principal_mapped_twice_is_refused_as_eksctl_refuses_shadowing() {
    let arn = "arn:aws:iam::123456789012:role/r";
    let errs = errors(&format!(
        "{HEAD}accessConfig:\n  accessEntries:\n    - principalARN: {arn}\niamIdentityMappings:\n  - arn: {arn}\n    groups: [a]\n  - arn: arn:aws:iam::123456789012:user/u\n    groups: [b]\n  - arn: arn:aws:iam::123456789012:user/u\n    groups: [c]\n    noDuplicateARNs: true\n"
    ));
    let twice: Vec<&String> = errs.iter().filter(|e| e.contains("is mapped already")).collect();
    assert_eq!(twice.len(), 2, "{errs:#?}");
    assert!(
        twice[0].contains("iamIdentityMappings[0].arn")
            && twice[0].contains("`accessConfig.accessEntries[0]`")
    );
    assert!(twice[1].contains("iamIdentityMappings[2].arn") && twice[1].contains("`iamIdentityMappings[1]`"));
}

#[test]
fn system_groups_other_than_masters_are_refused_before_anything_exists() {
    let errs = errors(&format!(
        "{HEAD}iamIdentityMappings:\n  - arn: arn:aws:iam::123456789012:role/r\n    username: u\n    groups: [system:authenticated]\n"
    ));
    assert!(
        errs.iter()
            .any(|e| e.contains("iamIdentityMappings[0].groups[0]") && e.contains("cannot be granted")),
        "{errs:#?}"
    );
}

#[test]
fn kubernetes_versions_eks_no_longer_offers_are_refused() {
    let errs = errors(&format!("{HEAD}  version: \"1.21\"\n"));
    assert!(
        errs.iter().any(|e| e.contains("metadata.version") && e.contains("hint: use `1.28` to `1.35`")),
        "{errs:#?}"
    );
}

#[test]
fn sizes_beyond_what_aws_accepts_are_refused_at_their_line() {
    let e = errors(&format!(
        "{HEAD}managedNodeGroups:\n  - name: ng-1\n    volumeSize: 4294967376\n    maxSize: 4294967297\n    desiredCapacity: 4294967297\n"
    ));
    assert!(
        e.iter().any(|m| m.contains("c.yaml:8") && m.contains("`4294967376` GiB is more than EBS allows")),
        "{e:?}"
    );
    assert!(e.iter().any(|m| m.contains("c.yaml:9") && m.contains("at most `2147483647`")), "{e:?}");
    let io2 = format!(
        "{HEAD}managedNodeGroups:\n  - name: ng-1\n    volumeType: io2\n    volumeIOPS: 3000\n    volumeSize: 20000\n"
    );
    assert!(load(&io2).is_ok(), "io2 takes up to 64 TiB");
}

#[test]
fn ssh_source_security_groups_need_a_vpc_of_ones_own() {
    let ssh = "    ssh: {allow: true, publicKeyName: mine, sourceSecurityGroupIds: [sg-1]}\n";
    let errs = errors(&format!("{HEAD}managedNodeGroups:\n  - name: m\n{ssh}"));
    assert!(
        has_in(
            &errs,
            "managedNodeGroups[0].ssh.sourceSecurityGroupIds: names existing security groups, but eksup creates this cluster's VPC"
        ),
        "{errs:#?}"
    );
    let own = load(&format!(
        "{HEAD}vpc:\n  id: vpc-1\n  subnets:\n    public:\n      us-west-2a: {{id: subnet-1}}\n      us-west-2b: {{id: subnet-2}}\nnodeGroups:\n  - name: s\n{ssh}"
    ));
    assert!(
        own.is_ok(),
        "in your VPC: {:#?}",
        own.err().map(|e| e.items.iter().map(|d| d.render("c.yaml")).collect::<Vec<_>>())
    );
}

#[test]
fn node_addon_policies_and_metrics_are_checked() {
    let errs = errors(&format!(
        "{HEAD}nodeGroups:\n  - name: a\n    iam:\n      instanceRoleARN: arn:aws:iam::1:role/r\n      withAddonPolicies: {{autoScaler: true}}\n  - name: b\n    disablePodIMDS: true\n    iam:\n      withAddonPolicies: {{efs: true, albIngress: true, awsLoadBalancerController: true}}\n    asgMetricsCollection:\n      - granularity: 5Minute\n        metrics: [GroupSize]\n"
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    assert!(
        has("nodeGroups[0].iam.withAddonPolicies.autoScaler: would not apply: `instanceRoleARN`"),
        "{errs:#?}"
    );
    assert!(
        has("nodeGroups[1].iam.withAddonPolicies.efs: gives the node role permissions that no pod could use"),
        "{errs:#?}"
    );
    assert!(
        has(
            "nodeGroups[1].iam.withAddonPolicies.albIngress: `albIngress` and `awsLoadBalancerController` grant the same policy"
        ),
        "{errs:#?}"
    );
    assert!(
        has("nodeGroups[1].asgMetricsCollection[0].granularity: `5Minute` is not one of `1Minute`"),
        "{errs:#?}"
    );
    assert!(has("nodeGroups[1].asgMetricsCollection[0].metrics[0]: `GroupSize` is not one of"), "{errs:#?}");

    // Cluster Autoscaler's templates count against AWS's 50 tags on the Auto Scaling group.
    let labels: String = (0..40).map(|i| format!("l{i}: v\n      ")).collect();
    let errs = errors(&format!(
        "{HEAD}nodeGroups:\n  - name: a\n    labels:\n      {labels}\n    iam:\n      withAddonPolicies: {{autoScaler: true}}\n"
    ));
    assert!(
        errs.iter().any(|e| e
            .contains("nodeGroups[0].iam.withAddonPolicies.autoScaler: the Auto Scaling group would carry")),
        "{errs:#?}"
    );
}

#[test]
fn public_keys_are_read_at_load_and_checked_with_their_lines() {
    let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mL0f5tFWPpSUIdrpaGMXXR0OQrzbjdoKOoTTbs+z user@host";
    let yaml = format!(
        "{HEAD}nodeGroups:\n  - name: a\n    ssh:\n      publicKeyPath: ~/.ssh/a.pub\n  - name: b\n    ssh:\n      allow: true\n  - name: c\n    ssh:\n      publicKeyPath: /keys/private\n  - name: d\n    ssh:\n      publicKey: \"ecdsa-sha2-nistp256 AAAA\"\n      publicKeyName: mine\n"
    );
    let mut parsed = parse(&yaml, "c.yaml").unwrap();
    let home = std::path::Path::new("/home/me");
    read_public_keys(&mut parsed, Some(home), |p| match p.to_str() {
        Some("/home/me/.ssh/a.pub") => Ok(format!("{key}\n")),
        Some("/keys/private") => Ok("-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n".into()),
        _ => Err(std::io::Error::from(std::io::ErrorKind::NotFound)),
    });
    let zones = vec!["us-west-2a".to_string(), "us-west-2b".into()];
    let errs: Vec<String> =
        finish(parsed, &zones, None).unwrap_err().items.iter().map(|d| d.render("c.yaml")).collect();
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    assert!(!has("nodeGroups[0]"), "{errs:#?}");
    assert!(
        has(
            "c.yaml:12:7: nodeGroups[1].ssh.allow: `allow: true` without a key imports `~/.ssh/id_rsa.pub`, but there is no such file"
        ),
        "{errs:#?}"
    );
    assert!(has("nodeGroups[2].ssh.publicKeyPath: `/keys/private` is a private key"), "{errs:#?}");
    assert!(
        has("nodeGroups[3].ssh.publicKey: only one of `publicKeyName`, `publicKey` can be set"),
        "{errs:#?}"
    );
    assert!(
        has("nodeGroups[3].ssh.publicKey: `ecdsa-sha2-nistp256` keys cannot be imported into EC2"),
        "{errs:#?}"
    );

    // Read, the key is the group's to import.
    let mut parsed = parse(
        &format!("{HEAD}nodeGroups:\n  - name: a\n    ssh:\n      publicKeyPath: ~/.ssh/a.pub\n"),
        "c.yaml",
    )
    .unwrap();
    read_public_keys(&mut parsed, Some(home), |_| Ok(format!("{key}\n")));
    let loaded = finish(parsed, &zones, None).unwrap();
    let ssh = loaded.config.node_groups.as_ref().unwrap()[0].ssh.clone().unwrap();
    assert_eq!(ssh.key_read.as_deref(), Some(key));
    assert_eq!(ssh.allow, Some(true), "a key opens port 22 unless `allow: false`");
    assert!(!to_yaml(&loaded.config).contains("AAAAC3"), "the key read stays out of the printed config");
}

#[test]
fn control_plane_subnets_and_groups_belong_to_an_existing_vpc() {
    let errs = errors(&format!(
        "{HEAD}vpc:\n  securityGroup: sg-1\n  controlPlaneSubnetIDs: [subnet-1]\n  controlPlaneSecurityGroupIDs: [sg-2, web]\n  controlPlaneOnPrivateSubnets: true\n"
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    assert!(
        has(
            "c.yaml:8:3: vpc.controlPlaneSubnetIDs: names existing subnets, but eksup creates this cluster's VPC"
        ),
        "{errs:#?}"
    );
    assert!(has("vpc.controlPlaneSubnetIDs: needs at least two subnets"), "{errs:#?}");
    assert!(has("vpc.controlPlaneSecurityGroupIDs[1]: `web` is not a security group id"), "{errs:#?}");
    assert!(
        has("only one of `vpc.securityGroup` and `vpc.controlPlaneSecurityGroupIDs` can be set"),
        "{errs:#?}"
    );
    assert!(
        has("only one of `vpc.controlPlaneSubnetIDs` and `vpc.controlPlaneOnPrivateSubnets` can be set"),
        "{errs:#?}"
    );
    // eksup's VPC has private subnets in every zone.
    assert!(load(&format!("{HEAD}vpc:\n  controlPlaneOnPrivateSubnets: true\n")).is_ok());
}

#[test]
fn instances_distribution_follows_auto_scaling_rules() {
    let errs = errors(&format!(
        "{HEAD}nodeGroups:\n  - name: a\n    instanceType: m5.large\n    instancesDistribution:\n      instanceTypes: [m5.large, big]\n      onDemandPercentageAboveBaseCapacity: 120\n      spotInstancePools: 2\n      spotAllocationStrategy: capacity-optimized\n  - name: b\n    instancesDistribution: {{}}\n"
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    let d = "nodeGroups[0].instancesDistribution";
    assert!(has("nodeGroups[0].instanceType: should be `mixed` or unset"), "{errs:#?}");
    assert!(has(&format!("{d}.instanceTypes[1]: `big` is not an EC2 instance type")), "{errs:#?}");
    assert!(has(&format!("{d}.onDemandPercentageAboveBaseCapacity: must be 0 to 100")), "{errs:#?}");
    assert!(
        has(&format!(
            "{d}.spotInstancePools: cannot be set with `spotAllocationStrategy: capacity-optimized`"
        )),
        "{errs:#?}"
    );
    assert!(
        has("nodeGroups[1].instancesDistribution.instanceTypes: must list at least one instance type"),
        "{errs:#?}"
    );
    let l = load(&format!("{HEAD}nodeGroups:\n  - name: a\n    instancesDistribution:\n      instanceTypes: [t3.small, t3.medium]\n")).unwrap();
    assert_eq!(l.config.node_groups.unwrap()[0].instance_type.as_deref(), Some("mixed"), "eksctl's word");
}

#[test]
fn add_on_roles_need_oidc_a_known_service_account_and_no_role_of_your_own() {
    let errs = errors(&format!(
        "{HEAD}addons:\n  - name: aws-ebs-csi-driver\n    attachPolicyARNs: [arn:aws:iam::1:policy/p]\n"
    ));
    assert!(
        errs.iter().any(|e| e.contains("addons[0].attachPolicyARNs: needs `iam.withOIDC: true`")),
        "{errs:#?}"
    );
    let errs = errors(&format!(
        "{HEAD}iam:\n  withOIDC: true\naddons:\n  - name: adot\n    wellKnownPolicies: {{certManager: true}}\n  - name: aws-ebs-csi-driver\n    serviceAccountRoleARN: arn:aws:iam::1:role/r\n    attachPolicyARNs: [arn:aws:iam::1:policy/p]\n"
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    assert!(
        has("addons[0].wellKnownPolicies: eksup does not know which service account `adot` runs as"),
        "{errs:#?}"
    );
    assert!(
        has("addons[1].attachPolicyARNs: would not apply: `serviceAccountRoleARN` is a role of your own"),
        "{errs:#?}"
    );
    let l = load(&format!("{HEAD}addons:\n  - name: aws-ebs-csi-driver\n")).unwrap();
    assert!(
        l.warnings
            .iter()
            .any(|w| w.render("c.yaml").contains("`aws-ebs-csi-driver` gets no IAM permissions")),
        "{:?}",
        l.warnings
    );
}

#[test]
fn autoscaler_tags_count_the_cluster_tags_once() {
    // 20 cluster tags, 10 labels: about 44 tags on the group (8 of eksup's, the 20 and the
    // group's identity tags, Cluster Autoscaler's 2 and a template per label), within 50.
    let tags: String = (0..20).map(|i| format!("    t{i}: v\n")).collect();
    let labels: String = (0..10).map(|i| format!("      l{i}: v\n")).collect();
    let yaml = format!(
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-west-2\n  tags:\n{tags}nodeGroups:\n  - name: a\n    labels:\n{labels}    iam:\n      withAddonPolicies: {{autoScaler: true}}\n"
    );
    assert!(load(&yaml).is_ok(), "{:#?}", errors(&yaml));
}

#[test]
fn pod_identity_associations_are_checked_as_eksctl_and_eks_check_them() {
    let errs = errors(&format!(
        "{HEAD}iam:\n  podIdentityAssociations:\n    - namespace: Dev\n      serviceAccountName: app\n    - namespace: dev\n      serviceAccountName: x\n      roleARN: arn:aws:iam::1:role/r\n      wellKnownPolicies: {{autoScaler: true}}\n      policy: '{{\"Version\": \"2012-10-17\"}}'\n    - namespace: dev\n      serviceAccountName: x\n      permissionPolicyName: named\n      permissionPolicyARNs: [not-an-arn]\n"
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    for expected in [
        "iam.podIdentityAssociations: the `eks-pod-identity-agent` addon must be installed",
        "iam.podIdentityAssociations[0].namespace: `Dev` is not a Kubernetes namespace name",
        "iam.podIdentityAssociations[0]: the association's role has no permissions",
        "iam.podIdentityAssociations[1].roleARN: `wellKnownPolicies` cannot be set with `roleARN`",
        "iam.podIdentityAssociations[1].policy: a session policy needs the session tags off",
        "iam.podIdentityAssociations[2]: `dev/x` is listed more than once",
        "iam.podIdentityAssociations[2].permissionPolicyName: names the inline policy, but there is no `permissionPolicy`",
        "iam.podIdentityAssociations[2].permissionPolicyARNs[0]: `not-an-arn` is not an ARN",
    ] {
        assert!(has(expected), "{expected}: {errs:#?}");
    }
    assert!(has("c.yaml:8:7: iam.podIdentityAssociations[0].namespace"), "lines are named: {errs:#?}");
    load(&format!(
        "{HEAD}addons:\n  - name: eks-pod-identity-agent\niam:\n  podIdentityAssociations:\n    - namespace: dev\n      serviceAccountName: app.v1\n      wellKnownPolicies: {{externalDNS: true}}\n      disableSessionTags: true\n      policy: '{{\"Version\": \"2012-10-17\", \"Statement\": []}}'\n"
    ))
    .unwrap();
}

#[test]
fn auto_mode_is_checked_as_eksctl_and_eks_check_it() {
    let errs = errors(&format!(
        "{HEAD}  version: \"1.28\"\nautoModeConfig:\n  enabled: true\n  nodePools: [gpu, system, system]\n  nodeRoleARN: arn:aws:iam::1:role/r\n  permissionsBoundaryARN: arn:aws:iam::1:policy/b\naccessConfig:\n  authenticationMode: CONFIG_MAP\naddons:\n  - name: vpc-cni\n"
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    for expected in [
        "autoModeConfig.nodePools[0]: `gpu` is not one of `general-purpose`, `system`",
        "autoModeConfig.nodePools[2]: `system` is listed more than once",
        "autoModeConfig.permissionsBoundaryARN: is for the node role eksup makes",
        "metadata.version: EKS Auto Mode needs Kubernetes `1.29` or later",
        "accessConfig.authenticationMode: EKS Auto Mode needs the access entry API",
        "addons[0]: `vpc-cni` is not needed on a cluster using Auto Mode",
    ] {
        assert!(has(expected), "{expected}: {errs:#?}");
    }
    let errs = errors(&format!("{HEAD}autoModeConfig:\n  enabled: false\n  nodePools: [system]\n"));
    assert!(errs.iter().any(|e| e.contains("apply only with Auto Mode on")), "{errs:#?}");
    let errs = errors(&format!(
        "{HEAD}autoModeConfig:\n  enabled: true\n  nodePools: []\n  nodeRoleARN: arn:aws:iam::1:role/r\n"
    ));
    assert!(errs.iter().any(|e| e.contains("`nodePools` is empty")), "{errs:#?}");

    // On by itself: both pools by default; with node groups the default add-ons stay.
    let l = load(&format!("{HEAD}autoModeConfig:\n  enabled: true\n")).unwrap();
    let auto = resolved::Cluster::new(&l.config).auto_mode.expect("on");
    assert_eq!(auto.node_pools, ["general-purpose", "system"]);
    assert!(auto.node_role_arn.is_none());
}

#[test]
fn identity_providers_are_checked_as_eksctl_and_eks_check_them() {
    let errs = errors(&format!(
        "{HEAD}identityProviders:\n  - name: a\n    type: oidc\n    issuerURL: http://issuer\n    usernamePrefix: \"system:\"\n  - type: saml\n    name: b\n    issuerURL: https://b\n    clientID: b\n"
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    for expected in [
        "identityProviders[1]: EKS associates one OIDC identity provider with a cluster",
        "identityProviders[0].clientID: must be set",
        "identityProviders[0].issuerURL: `http://issuer` is not an `https` URL",
        "identityProviders[0].usernamePrefix: `system:` contains `system:`",
        "identityProviders[1].type: `saml` is not one of `oidc`",
    ] {
        assert!(has(expected), "{expected}: {errs:#?}");
    }
    load(&format!(
        "{HEAD}identityProviders:\n  - name: a\n    type: oidc\n    issuerURL: https://issuer\n    clientID: c\n    requiredClaims: {{team: x}}\n"
    ))
    .unwrap();
}

#[test]
fn remote_networks_are_checked_as_eksctl_and_eks_check_them() {
    let errs = errors(&format!(
        "{HEAD}kubernetesNetworkConfig:\n  serviceIPv4CIDR: 10.100.0.0/16\nremoteNetworkConfig:\n  iam: {{provider: SSM, caBundleCert: x}}\n  vpcGatewayID: tgw-1\n  remoteNodeNetworks:\n    - cidrs: [8.8.8.0/24, 192.168.10.0/24, 10.100.1.0/24]\n  remotePodNetworks:\n    - cidrs: [10.80.0.0/16]\n    - cidrs: [10.81.0.0/16]\n"
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    for expected in [
        "remoteNetworkConfig.iam.caBundleCert: is for IAM Roles Anywhere",
        "remoteNetworkConfig.remoteNodeNetworks[0].cidrs[0]: `8.8.8.0/24` is not a private range",
        "remoteNetworkConfig.remoteNodeNetworks[0].cidrs[1]: `192.168.10.0/24` overlaps the VPC's `192.168.0.0/16`",
        "remoteNetworkConfig.remoteNodeNetworks[0].cidrs[2]: `10.100.1.0/24` overlaps the Kubernetes service range",
        "remoteNetworkConfig.remotePodNetworks: EKS takes one entry",
    ] {
        assert!(has(expected), "{expected}: {errs:#?}");
    }
    // IAM Roles Anywhere: the machines' certificate authority, required, as a PEM certificate.
    let ira = |iam: &str| {
        format!(
            "{HEAD}remoteNetworkConfig:\n  iam:\n{iam}  remoteNodeNetworks:\n    - cidrs: [10.80.0.0/16]\n"
        )
    };
    let errs = errors(&ira("    provider: IRA\n"));
    assert!(
        errs.iter()
            .any(|e| e.contains("remoteNetworkConfig.iam.caBundleCert: is required with `provider: IRA`")),
        "{errs:#?}"
    );
    let errs = errors(&ira("    provider: IRA\n    caBundleCert: not a certificate\n"));
    assert!(errs.iter().any(|e| e.contains("caBundleCert: is not a PEM certificate")), "{errs:#?}");
    let pem = include_str!("../../tests/fixtures/hybrid-ca.pem");
    let block: String = pem.lines().map(|l| format!("      {l}\n")).collect();
    let cfg = load(&ira(&format!("    provider: ira\n    caBundleCert: |\n{block}"))).unwrap();
    let iam = cfg.config.remote_network_config.and_then(|r| r.iam).unwrap_or_default();
    assert_eq!(iam.ca_bundle_cert.as_deref(), Some(pem));
    load(&format!("{HEAD}remoteNetworkConfig:\n  remoteNodeNetworks:\n    - cidrs: [10.80.0.0/16]\n  remotePodNetworks:\n    - cidrs: [10.85.0.0/16]\n")).unwrap();
    // Empty lists (as eksctl takes them): hybrid nodes off, an existing cluster's networks removed;
    // what else the section says is not used, and a warning says so.
    let off = load(&format!(
        "{HEAD}remoteNetworkConfig:\n  iam: {{provider: SSM}}\n  remoteNodeNetworks: []\n  remotePodNetworks: []\n"
    ))
    .unwrap();
    assert!(off.config.removes_remote_networks() && off.config.hybrid_nodes().is_none());
    let warned = off.warnings.iter().map(|w| format!("{w:?}")).collect::<Vec<_>>();
    assert!(
        warned.iter().any(|w| w.contains("remoteNetworkConfig.iam") && w.contains("is not used")),
        "{warned:#?}"
    );
    let errs = errors(&format!(
        "{HEAD}remoteNetworkConfig:\n  remoteNodeNetworks: []\n  remotePodNetworks:\n    - cidrs: [10.85.0.0/16]\n"
    ));
    assert!(has_in(&errs, "remoteNetworkConfig.remoteNodeNetworks: must be set"), "{errs:#?}");
    // The gateway to the remote networks: a transit or virtual private gateway, for a VPC
    // eksup creates.
    let rnc =
        "remoteNetworkConfig:\n  vpcGatewayID: GW\n  remoteNodeNetworks:\n    - cidrs: [10.80.0.0/16]\n";
    load(&format!("{HEAD}{}", rnc.replace("GW", "tgw-0123456789abcdef0"))).unwrap();
    load(&format!("{HEAD}{}", rnc.replace("GW", "vgw-0123456789abcdef0"))).unwrap();
    let errs = errors(&format!("{HEAD}{}", rnc.replace("GW", "igw-1")));
    assert!(has_in(&errs, "remoteNetworkConfig.vpcGatewayID: `igw-1` is not a transit gateway"), "{errs:#?}");
    let errs = errors(&format!(
        "{HEAD}vpc:\n  id: vpc-1\n  subnets:\n    private:\n      us-west-2a: {{id: subnet-1}}\n      us-west-2b: {{id: subnet-2}}\n{}",
        rnc.replace("GW", "tgw-1")
    ));
    assert!(has_in(&errs, "remoteNetworkConfig.vpcGatewayID: is for a VPC eksup creates"), "{errs:#?}");
}

#[test]
fn auto_mode_brings_the_pod_identity_agent_and_hybrid_nodes_keep_the_networking_add_ons() {
    load(&format!(
        "{HEAD}autoModeConfig: {{enabled: true}}\niam:\n  podIdentityAssociations:\n    - {{namespace: dev, serviceAccountName: app, permissionPolicyARNs: [arn:aws:iam::1:policy/p]}}\n"
    ))
    .unwrap();
    load(&format!(
        "{HEAD}autoModeConfig: {{enabled: true}}\nremoteNetworkConfig:\n  remoteNodeNetworks:\n    - cidrs: [10.80.0.0/16]\naddons:\n  - name: vpc-cni\n"
    ))
    .unwrap();
}

/// `bottlerocket`: on Bottlerocket nodes only, and its settings hold nothing the node group or
/// the cluster says (eksctl's rules), nor a `null`; located at their lines.
#[test]
fn bottlerocket_settings_are_checked() {
    let ng = |extra: &str| {
        format!(
            "{HEAD}managedNodeGroups:\n  - name: br\n    amiFamily: Bottlerocket\n    bottlerocket:\n{extra}"
        )
    };
    let ok = load(&ng("      enableAdminContainer: true\n      settings:\n        motd: hi\n")).unwrap();
    let b = ok.config.managed_node_groups.as_ref().unwrap()[0].bottlerocket.as_ref().unwrap();
    assert_eq!(b.settings.as_ref().unwrap()["motd"], "hi");
    let errs = errors(&ng(
        "      enableAdminContainer: false\n      settings:\n        host-containers:\n          admin:\n            enabled: true\n        kubernetes:\n          node-labels:\n            a: b\n          cluster-dns-ip: 10.0.0.2\n        ntp:\n          time-servers: ~\n",
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    assert!(
        has(
            "c.yaml:10:7: managedNodeGroups[0].bottlerocket.enableAdminContainer: cannot be set with `settings.host-containers.admin.enabled`"
        ),
        "{errs:#?}"
    );
    assert!(
        has("managedNodeGroups[0].bottlerocket.settings.kubernetes.node-labels: is set from the node group")
            && has("use `managedNodeGroups[0].labels` instead"),
        "{errs:#?}"
    );
    assert!(
        has(
            "managedNodeGroups[0].bottlerocket.settings.kubernetes.cluster-dns-ip: is the cluster's: EKS writes it"
        ),
        "{errs:#?}"
    );
    assert!(has("managedNodeGroups[0].bottlerocket.settings.ntp.time-servers: is empty (null)"), "{errs:#?}");
    let errs = errors(&format!(
        "{HEAD}nodeGroups:\n  - name: al\n    bottlerocket:\n      settings:\n        motd: hi\n"
    ));
    assert!(
        errs.iter().any(|e| e.contains("c.yaml:8:5: nodeGroups[0].bottlerocket: is for Bottlerocket nodes, but `amiFamily` is `AmazonLinux2023`")),
        "{errs:#?}"
    );
    // A self-managed group may name its DNS address; the admin container follows SSH.
    let ok = load(&format!(
        "{HEAD}nodeGroups:\n  - name: br\n    amiFamily: Bottlerocket\n    ssh:\n      allow: true\n      publicKeyName: k\n    bottlerocket:\n      settings:\n        kubernetes:\n          cluster-dns-ip: 10.0.0.2\n"
    ))
    .unwrap();
    let ng = resolved::SelfManaged::new(&ok.config.node_groups.as_ref().unwrap()[0]);
    assert_eq!(ng.nodes.bottlerocket_settings["host-containers"]["admin"]["enabled"], true);
    assert_eq!(ng.nodes.bottlerocket_settings["kubernetes"]["cluster-dns-ip"], "10.0.0.2");
}

/// `instanceSelector`: its problems at their lines, and no other word on the group's types.
#[test]
fn instance_selectors_are_checked() {
    let errs = errors(&format!(
        "{HEAD}managedNodeGroups:\n  - name: a\n    instanceType: m5.large\n    instanceSelector:\n      vCPUs: 2\n  - name: b\n    instanceSelector: {{}}\nnodeGroups:\n  - name: c\n    instanceSelector:\n      memory: 4 GB RAM\n      cpuArchitecture: i386\n      deny: \"([\"\n    instancesDistribution:\n      instanceTypes: [m5.large]\n"
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    assert!(
        has("c.yaml:9:5: managedNodeGroups[0].instanceSelector: cannot be used with `instanceType`"),
        "{errs:#?}"
    );
    // eksctl's dry-run prints `instanceSelector: {}` on every group: no selector.
    assert!(!has("managedNodeGroups[1].instanceSelector"), "{errs:#?}");
    assert!(
        has("c.yaml:16:7: nodeGroups[0].instanceSelector.memory: `4 GB RAM` is not an amount of memory"),
        "{errs:#?}"
    );
    assert!(
        has("c.yaml:17:7: nodeGroups[0].instanceSelector.cpuArchitecture: `i386` is not one of"),
        "{errs:#?}"
    );
    assert!(
        has("c.yaml:18:7: nodeGroups[0].instanceSelector.deny: `([` is not a regular expression"),
        "{errs:#?}"
    );
    // Types beside a selector are checked against EC2's choice when EC2 is asked, not here.
    assert!(!has("instancesDistribution.instanceTypes"), "{errs:#?}");
    // Not yet chosen by EC2 (no AWS at hand): a managed group gets no default type.
    let l = load(&format!("{HEAD}managedNodeGroups:\n  - name: a\n    instanceSelector:\n      vCPUs: 2\n"))
        .unwrap();
    assert_eq!(l.config.managed_node_groups.as_ref().unwrap()[0].instance_type, None);
}

/// Bottlerocket settings go in eksup's launch template: with a launch template of the user's
/// there is none, so they are refused rather than dropped.
#[test]
fn bottlerocket_settings_need_eksups_launch_template() {
    let errs = errors(&format!(
        "{HEAD}managedNodeGroups:\n  - name: br\n    amiFamily: Bottlerocket\n    launchTemplate:\n      id: lt-0123456789abcdef0\n    bottlerocket:\n      settings:\n        motd: hi\n"
    ));
    assert!(
        errs.iter().any(|e| e.contains("managedNodeGroups[0].bottlerocket: cannot be set in a managed node group when a launch template is supplied")),
        "{errs:#?}"
    );
}

#[test]
fn part_tags_keep_off_aws_keys_and_fit_with_the_clusters() {
    let many: String = (0..45).map(|i| format!("    k{i}: v\n")).collect();
    let errs = errors(&format!(
        "{HEAD}  tags:\n    team: a\nfargateProfiles:\n  - name: fp\n    selectors: [{{namespace: default}}]\n    tags:\n      aws:owner: me\n{}capabilities:\n  - name: kro\n    type: KRO\n  - name: kro2\n    type: KRO\n",
        many.replace("    k", "      k")
    ));
    assert!(
        errs.iter().any(|e| e.contains("fargateProfiles[0].tags.aws:owner") && e.contains("reserved")),
        "{errs:#?}"
    );
    assert!(errs.iter().any(|e| e.contains("fargateProfiles[0].tags: `47` tags")), "{errs:#?}");
    assert!(
        errs.iter().any(|e| e.contains("capabilities[1].type") && e.contains("one capability of each type")),
        "{errs:#?}"
    );
}

#[test]
fn windows_nodes_need_linux_nodes_and_x86() {
    let errs = errors(&format!(
        "{HEAD}nodeGroups:\n  - name: win\n    amiFamily: WindowsServer2022CoreContainer\n    instanceType: m6g.large\n    containerRuntime: dockerd\n"
    ));
    assert!(
        errs.iter().any(|e| e.contains("nodeGroups[0].amiFamily") && e.contains("need Linux nodes")),
        "{errs:#?}"
    );
    assert!(errs.iter().any(|e| e.contains("`m6g.large` is an ARM instance type")), "{errs:#?}");
    assert!(errs.iter().any(|e| e.contains("nodeGroups[0].containerRuntime")), "{errs:#?}");
}

#[test]
fn local_zones_follow_eksctls_rules() {
    let lz = "localZones: [us-west-2-lax-1a, us-west-2-lax-1b]\n";
    let l =
        load(&format!("{HEAD}{lz}nodeGroups:\n  - name: ng\n    localZones: [us-west-2-lax-1b]\n")).unwrap();
    let local = l.config.vpc.as_ref().unwrap().local_zone_subnets.as_ref().unwrap();
    assert_eq!(local.public.as_ref().unwrap()["us-west-2-lax-1a"].cidr.as_deref(), Some("192.168.48.0/20"));
    assert_eq!(local.private.as_ref().unwrap()["us-west-2-lax-1b"].cidr.as_deref(), Some("192.168.144.0/20"));
    let errs = errors(&format!(
        "{HEAD}{lz}vpc:\n  nat:\n    gateway: HighlyAvailable\nnodeGroups:\n  - name: ng\n    localZones: [us-west-2-den-1a]\n    availabilityZones: [us-west-2a]\n"
    ));
    for want in [
        "vpc.nat.gateway: `HighlyAvailable` NAT gateway is not supported for localZones",
        "nodeGroups[0].localZones[0]: `us-west-2-den-1a` is not one of the cluster's `localZones`",
        "nodeGroups[0].localZones: cannot specify both localZones and availabilityZones",
    ] {
        assert!(errs.iter().any(|e| e.contains(want)), "{want}: {errs:#?}");
    }
    let errs = errors(&format!(
        "{HEAD}{lz}managedNodeGroups:\n  - name: m\n    availabilityZones: [us-west-2-lax-1a]\nnodeGroups:\n  - name: n\n    availabilityZones: [us-west-2-lax-1b]\nfargateProfiles:\n  - name: fp\n    selectors: [{{namespace: default}}]\n    subnets: [us-west-2-lax-1a]\n"
    ));
    for want in [
        "managedNodeGroups[0].availabilityZones[0]: `us-west-2-lax-1a` is a Local Zone: eksup, as eksctl, runs only self-managed groups there",
        "nodeGroups[0].availabilityZones[0]: `us-west-2-lax-1b` is a Local Zone",
        "fargateProfiles[0].subnets[0]: Fargate does not run in Local Zones (`us-west-2-lax-1a`)",
    ] {
        assert!(errs.iter().any(|e| e.contains(want)), "{want}: {errs:#?}");
    }
    // An empty list is no list, as in eksctl.
    assert!(load(&format!("{HEAD}localZones: []\nnodeGroups:\n  - name: n\n    localZones: []\n")).is_ok());
    let errs = errors(&format!(
        "{HEAD}localZones: [us-west-2a, us-east-1-bos-1a]\navailabilityZones: [us-west-2b, us-west-2-lax-1a]\n"
    ));
    for want in [
        "localZones[0]: `us-west-2a` is not a Local Zone of `us-west-2`",
        "localZones[1]: `us-east-1-bos-1a` is not a Local Zone of `us-west-2`",
        "availabilityZones[1]: `us-west-2-lax-1a` is a Local Zone: EKS runs no control plane there",
    ] {
        assert!(errs.iter().any(|e| e.contains(want)), "{want}: {errs:#?}");
    }
    let errs = errors(&format!(
        "{HEAD}{lz}vpc:\n  id: vpc-0123456789abcdef0\n  subnets:\n    private:\n      us-west-2a: {{id: subnet-0123456789abcdef0}}\n      us-west-2b: {{id: subnet-0123456789abcdef1}}\n"
    ));
    assert!(
        errs.iter().any(|e| e.contains("localZones are not supported with a pre-existing VPC")),
        "{errs:#?}"
    );
    // A printed config read again lays the Local Zones out as before.
    let again = load(&to_yaml(&l.config)).unwrap();
    assert_eq!(again.config.vpc.as_ref().unwrap().local_zone_subnets, Some(local.clone()));
    let errs = errors(&format!(
        "{HEAD}{lz}vpc:\n  cidr: 192.168.0.0/16\n  subnets:\n    public:\n      us-west-2a: {{cidr: 192.168.64.0/20}}\n      us-west-2b: {{cidr: 192.168.0.0/20}}\n"
    ));
    assert!(errs.iter().any(|e| e.contains("overlaps `vpc.subnets`")), "{errs:#?}");
}

#[test]
fn service_and_account_mappings_follow_eksctls_rules() {
    let ok = load(&format!(
        "{HEAD}iamIdentityMappings:\n  - serviceName: emr-containers\n    namespace: emr\n  - account: \"000000000000\"\n"
    ));
    assert!(ok.is_ok(), "{:?}", ok.err());
    let errs = errors(&format!(
        "{HEAD}iamIdentityMappings:\n  - serviceName: emr\n    username: u\n  - account: \"12\"\n    namespace: x\n  - arn: arn:aws:iam::123456789012:role/r\n    namespace: x\n"
    ));
    for want in [
        "iamIdentityMappings[0].serviceName: cannot use `username` with serviceName",
        "iamIdentityMappings[0].serviceName: `emr` is not one of `emr-containers`",
        "iamIdentityMappings[0].namespace: namespace is required when using serviceName",
        "iamIdentityMappings[1].account: account cannot be configured with any other options (`namespace`)",
        "iamIdentityMappings[1].account: `12` is not an AWS account id",
        "iamIdentityMappings[2].namespace: serviceName is required when using namespace",
    ] {
        assert!(errs.iter().any(|e| e.contains(want)), "{want}: {errs:#?}");
    }
    let errs = errors(&format!(
        "{HEAD}accessConfig:\n  authenticationMode: API\niamIdentityMappings:\n  - serviceName: emr-containers\n    namespace: emr\n  - account: \"000000000000\"\n"
    ));
    assert_eq!(
        errs.iter().filter(|e| e.contains("which EKS does not read with `authenticationMode: API`")).count(),
        2,
        "{errs:#?}"
    );
}

#[test]
fn addon_pod_identities_are_checked_as_eksctl_checks_them() {
    let errs = errors(&format!(
        "{HEAD}addonsConfig:\n  autoApplyPodIdentityAssociations: true\naddons:\n  - name: vpc-cni\n    serviceAccountRoleARN: arn:aws:iam::1:role/cni\n    podIdentityAssociations:\n      - namespace: kube-system\n        serviceAccountName: aws-node\n        roleARN: arn:aws:iam::1:role/r\n  - name: coredns\n    useDefaultPodIdentityAssociations: true\n  - name: aws-ebs-csi-driver\n    podIdentityAssociations:\n      - serviceAccountName: ebs-csi-controller-sa\n"
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    for expected in [
        "addonsConfig.autoApplyPodIdentityAssociations: the `eks-pod-identity-agent` addon must be installed",
        "addons[0].podIdentityAssociations: cannot set IRSA config",
        "addons[1].useDefaultPodIdentityAssociations: eksup knows no pod identity AWS recommends for `coredns`",
        "addons[2].podIdentityAssociations[0].namespace: must be set",
        "addons[2].podIdentityAssociations[0]: the association's role has no permissions",
    ] {
        assert!(has(expected), "{expected}: {errs:#?}");
    }
    let errs = errors(&format!(
        "{HEAD}addons:\n  - name: eks-pod-identity-agent\n    podIdentityAssociations:\n      - {{namespace: kube-system, serviceAccountName: x, roleARN: 'arn:aws:iam::1:role/r'}}\n"
    ));
    assert!(
        errs.iter().any(|e| e.contains("cannot set pod identity associations for `eks-pod-identity-agent`")),
        "{errs:#?}"
    );
    // With the agent (or Auto Mode, which runs it) they load.
    load(&format!(
        "{HEAD}addonsConfig:\n  autoApplyPodIdentityAssociations: true\naddons:\n  - name: eks-pod-identity-agent\n  - name: aws-ebs-csi-driver\n    useDefaultPodIdentityAssociations: true\n"
    ))
    .unwrap();
}

#[test]
fn ipv6_clusters_are_refused_where_eksctl_and_aws_refuse_them() {
    let errs = errors(&format!(
        "{HEAD}kubernetesNetworkConfig:\n  ipFamily: IPv6\n  serviceIPv4CIDR: 10.100.0.0/16\nvpc:\n  nat: {{gateway: Single}}\n  autoAllocateIPv6: true\n  extraIPv6CIDRs: [nope]\naddons:\n  - name: vpc-cni\n    version: v1.9.3-eksbuild.1\nnodeGroups:\n  - name: ng\n"
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    for expected in [
        "kubernetesNetworkConfig.serviceIPv4CIDR: service IPv4 CIDR is not supported with IPv6",
        "vpc.nat: setting NAT is not supported with IPv6",
        "vpc.autoAllocateIPv6: is for IPv4 clusters",
        "vpc.extraIPv6CIDRs[0]: `nope` is not an IPv6 CIDR",
        "addons[0].version: vpc-cni version must be at least version `v1.10.0` for IPv6",
        "nodeGroups[0]: self-managed node groups are not supported in `IPv6` clusters",
        "iam.withOIDC: an `IPv6` cluster's vpc-cni needs a role of its own",
    ] {
        assert!(has(expected), "{expected}: {errs:#?}");
    }
    let errs = errors(&format!(
        "{HEAD}kubernetesNetworkConfig:\n  ipFamily: IPv6\niam:\n  withOIDC: true\nvpc:\n  ipv6Cidr: '2001:db8:1200::/48'\n"
    ));
    for expected in [
        "vpc.ipv6Cidr: `2001:db8:1200::/48` is not a /56",
        "vpc.ipv6Cidr: Ipv6Cidr and Ipv6Pool must both be configured",
    ] {
        assert!(errs.iter().any(|e| e.contains(expected)), "{expected}: {errs:#?}");
    }
    let errs = errors(&format!("{HEAD}vpc:\n  ipv6Pool: ipv6pool-ec2-1\n  ipv6Cidr: '2001:db8:1200::/56'\n"));
    assert!(errs.iter().any(|e| e.contains("only supported when IPFamily is set to IPv6")), "{errs:#?}");
    let errs = errors(&format!("{HEAD}vpc:\n  extraIPv6CIDRs: ['2600:1f14::/56']\n"));
    assert!(
        errs.iter().any(|e| e.contains("cannot specify vpc.extraIPv6CIDRs with an IPv4 cluster")),
        "{errs:#?}"
    );
    // The vpc-cni's role through EKS Pod Identity serves as well as IRSA; no NAT is printed.
    let l = load(&format!(
        "{HEAD}kubernetesNetworkConfig:\n  ipFamily: IPv6\naddonsConfig:\n  autoApplyPodIdentityAssociations: true\naddons:\n  - name: eks-pod-identity-agent\nmanagedNodeGroups:\n  - name: ng\n"
    ))
    .unwrap();
    assert!(l.config.vpc.as_ref().unwrap().nat.is_none());
}

#[test]
fn windows_server_2025_needs_kubernetes_1_35() {
    let group =
        "nodeGroups:\n  - name: win\n    amiFamily: WindowsServer2025CoreContainer\n  - name: linux\n";
    let errs = errors(&format!("{HEAD}  version: \"1.34\"\n{group}"));
    assert!(
        errs.iter().any(|e| e.contains(
            "nodeGroups[0].amiFamily: Windows Server 2025 Core requires EKS version 1.35 and above"
        )),
        "{errs:#?}"
    );
    load(&format!("{HEAD}  version: \"1.35\"\n{group}")).unwrap();
}

#[test]
fn ubuntu_families_follow_canonicals_kubernetes_versions() {
    let group = |family: &str| {
        format!(
            "nodeGroups:\n  - name: u\n    amiFamily: {family}\nmanagedNodeGroups:\n  - name: m\n    amiFamily: {family}\n"
        )
    };
    for (version, family) in [
        ("1.29", "Ubuntu2004"),
        ("1.28", "UbuntuPro2004"),
        ("1.29", "Ubuntu2204"),
        ("1.35", "UbuntuPro2204"),
        ("1.31", "Ubuntu2404"),
        ("1.35", "Ubuntu2604"),
        ("1.35", "UbuntuPro2604"),
    ] {
        load(&format!("{HEAD}  version: \"{version}\"\n{}", group(family)))
            .unwrap_or_else(|e| panic!("{family} {version}: {e:?}"));
    }
    let errs = errors(&format!("{HEAD}  version: \"1.30\"\n{}", group("Ubuntu2004")));
    for at in ["nodeGroups[0]", "managedNodeGroups[0]"] {
        assert!(
            errs.iter().any(|e| e.contains(&format!(
                "{at}.amiFamily: `Ubuntu2004` requires Kubernetes 1.21 to 1.29, not 1.30"
            ))),
            "{errs:#?}"
        );
    }
    assert!(errs.iter().any(|e| e.contains("`Ubuntu2204`: 1.29 and later")), "{errs:#?}");
    let errs = errors(&format!("{HEAD}  version: \"1.30\"\n{}", group("UbuntuPro2404")));
    assert!(
        errs.iter().any(|e| e.contains("`UbuntuPro2404` requires Kubernetes 1.31 and later, not 1.30")),
        "{errs:#?}"
    );
    assert!(errs.iter().any(|e| e.contains("set `metadata.version` to 1.31 or later")), "{errs:#?}");
    let errs = errors(&format!("{HEAD}  version: \"1.34\"\n{}", group("Ubuntu2604")));
    assert!(
        errs.iter().any(|e| e.contains("`Ubuntu2604` requires Kubernetes 1.35 and later, not 1.34")),
        "{errs:#?}"
    );
    // eksup writes kubelet's extra config into AmazonLinux2023's NodeConfig only.
    let errs = errors(&format!(
        "{HEAD}  version: \"1.33\"\nnodeGroups:\n  - name: u\n    amiFamily: Ubuntu2404\n    kubeletExtraConfig:\n      maxPods: 20\n"
    ));
    assert!(errs.iter().any(|e| e.contains("nodeGroups[0].kubeletExtraConfig: eksup merges it into AmazonLinux2023's node configuration (nodeadm), which `Ubuntu2404` does not read")), "{errs:#?}");
    // BottlerocketFips takes Bottlerocket's settings.
    load(&format!(
        "{HEAD}nodeGroups:\n  - name: b\n    amiFamily: BottlerocketFips\n    bottlerocket:\n      settings:\n        motd: hi\n"
    ))
    .unwrap();
}

#[test]
fn fully_private_clusters_are_refused_where_eksctl_refuses_them() {
    let errs = errors(&format!(
        "{HEAD}privateCluster:\n  enabled: true\n  skipEndpointCreation: true\n  additionalEndpointServices: [autoscaling, ssm]\nvpc:\n  clusterEndpoints: {{publicAccess: true}}\n  nat: {{gateway: Single}}\n  subnets:\n    public:\n      us-west-2a: {{id: subnet-1}}\nlocalZones: [us-west-2-lax-1a]\nmanagedNodeGroups:\n  - name: m\nnodeGroups:\n  - name: s\n    privateNetworking: false\n"
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    for expected in [
        "vpc.clusterEndpoints: cannot be set for a fully-private cluster",
        "privateCluster.additionalEndpointServices: cannot be set when `privateCluster.skipEndpointCreation` is true",
        "privateCluster.additionalEndpointServices[1]: `ssm` is not one of `autoscaling`, `cloudformation`, `logs`",
        "vpc.subnets.public: a fully-private cluster has no public subnets",
        "privateCluster.skipEndpointCreation: needs your VPC (`vpc.id`) with its VPC endpoints made",
        "vpc.nat.gateway: `Single`: a fully-private cluster has no NAT gateway",
        "localZones: cannot be used in a fully-private cluster",
        "managedNodeGroups[0].privateNetworking: must be enabled for a fully-private cluster",
        "nodeGroups[0].privateNetworking: must be enabled for a fully-private cluster",
    ] {
        assert!(has(expected), "{expected}: {errs:#?}");
    }
    let errs = errors(&format!("{HEAD}privateCluster:\n  enabled: true\nvpc:\n  id: vpc-1\n"));
    assert!(has_in(&errs, "vpc.subnets.private: must be specified in a fully-private cluster"), "{errs:#?}");
    let own = load(&format!(
        "{HEAD}privateCluster:\n  enabled: true\n  skipEndpointCreation: true\nvpc:\n  id: vpc-1\n  subnets:\n    private:\n      us-west-2a: {{id: subnet-1}}\n      us-west-2b: {{id: subnet-2}}\n"
    ));
    assert!(own.is_ok(), "your VPC with its endpoints: {:#?}", own.err().map(|e| e.items.len()));
    let errs = errors(&format!("{HEAD}privateCluster:\n  skipEndpointCreation: true\n"));
    assert!(has_in(&errs, "privateCluster: endpoint settings without `enabled: true`"), "{errs:#?}");

    // Accepted: private subnets only, no NAT, no endpoint settings in the printed config, and
    // the config eksup prints loads again.
    let l = load(&format!(
        "{HEAD}privateCluster:\n  enabled: true\nmanagedNodeGroups:\n  - name: m\n    privateNetworking: true\n"
    ))
    .unwrap();
    let vpc = l.config.vpc.as_ref().unwrap();
    let subnets = vpc.subnets.as_ref().unwrap();
    assert!(subnets.public.is_none());
    assert_eq!(
        subnets.private.as_ref().unwrap()["us-west-2a"].cidr.as_deref(),
        Some("192.168.96.0/19"),
        "eksctl's private blocks"
    );
    assert!(vpc.nat.is_none() && vpc.cluster_endpoints.is_none());
    let printed = serde_saphyr::to_string(&l.config).unwrap();
    load(&printed).unwrap();
}

fn has_in(errs: &[String], s: &str) -> bool {
    errs.iter().any(|e| e.contains(s))
}

#[test]
fn narrowed_public_access_turns_the_private_endpoint_on_unless_the_file_says_otherwise() {
    let narrowed = format!("{HEAD}vpc:\n  publicAccessCIDRs: [198.51.100.0/24]\n");
    let cfg = load(&narrowed).unwrap();
    let endpoints = cfg.config.vpc.as_ref().and_then(|v| v.cluster_endpoints.clone()).unwrap_or_default();
    assert_eq!((endpoints.public_access, endpoints.private_access), (Some(true), Some(true)));
    // Open to all: eksctl's default, private access off.
    let open = load(&format!("{HEAD}vpc:\n  publicAccessCIDRs: [0.0.0.0/0]\n")).unwrap();
    let endpoints = open.config.vpc.as_ref().and_then(|v| v.cluster_endpoints.clone()).unwrap_or_default();
    assert_eq!(endpoints.private_access, Some(false));
    // Said off in the file: kept, with a warning that the nodes may never join.
    let off = load(&format!(
        "{HEAD}vpc:\n  publicAccessCIDRs: [198.51.100.0/24]\n  clusterEndpoints:\n    privateAccess: false\n"
    ))
    .unwrap();
    let endpoints = off.config.vpc.as_ref().and_then(|v| v.cluster_endpoints.clone()).unwrap_or_default();
    assert_eq!(endpoints.private_access, Some(false));
    let warned = off.warnings.iter().map(|w| format!("{w:?}")).collect::<Vec<_>>();
    assert!(
        warned.iter().any(|w| w.contains("vpc.clusterEndpoints.privateAccess") && w.contains("NAT")),
        "{warned:?}"
    );
}

#[test]
fn kubelet_extra_config_and_cluster_dns_follow_eksctl_and_kubelet() {
    let ng = |body: &str| format!("{HEAD}nodeGroups:\n  - name: ng\n    instanceType: m5.large\n{body}");
    let ok = load(&ng(
        "    clusterDNS: 169.254.20.10\n    kubeletExtraConfig:\n      kubeReserved: {cpu: 300m, memory: 300Mi}\n      featureGates: {A: true}\n      maxPods: 30\n",
    ))
    .unwrap();
    let group = &ok.config.node_groups.as_ref().unwrap()[0];
    assert_eq!(group.cluster_dns.as_deref(), Some("169.254.20.10"));
    assert_eq!(group.kubelet_extra_config.as_ref().unwrap()["kubeReserved"]["cpu"], "300m");
    let errs = errors(&ng(
        "    clusterDNS: nope\n    maxPodsPerNode: 20\n    kubeletExtraConfig:\n      authentication: {}\n      maxPods: 10\n      clusterDNS: [1.2.3.4]\n      kubeReserved: {cpu: 1}\n      featureGates: {A: yes-please}\n",
    ));
    for expected in [
        "nodeGroups[0].clusterDNS: `nope` is not an IP address",
        "nodeGroups[0].kubeletExtraConfig.authentication: cannot be overridden",
        "nodeGroups[0].kubeletExtraConfig.maxPods: is also set by `maxPodsPerNode`",
        "nodeGroups[0].kubeletExtraConfig.clusterDNS: is the group's own field",
        "nodeGroups[0].kubeletExtraConfig.kubeReserved: `cpu: 1` must be a string",
        "nodeGroups[0].kubeletExtraConfig.featureGates: `A: \"yes-please\"` must be `true` or `false`",
    ] {
        assert!(has_in(&errs, expected), "{expected}: {errs:#?}");
    }
    for (family, says) in [
        ("Bottlerocket", "bottlerocket.settings.kubernetes"),
        ("AmazonLinux2", "amiFamily: AmazonLinux2023"),
        ("WindowsServer2022FullContainer", "not supported for Windows nodes"),
    ] {
        let errs =
            errors(&ng(&format!("    amiFamily: {family}\n    kubeletExtraConfig: {{maxPods: 10}}\n")));
        assert!(
            errs.iter().any(|e| e.contains("kubeletExtraConfig") && e.contains(says)),
            "{family}: {errs:#?}"
        );
    }
}

#[test]
fn instance_options_follow_eksctl_and_ec2() {
    let ng = |body: &str| format!("{HEAD}nodeGroups:\n  - name: ng\n    instanceType: m5.large\n{body}");
    let ok = load(&ng(
        "    volumeName: /dev/xvda\n    additionalVolumes:\n      - {volumeName: /dev/xvdb, volumeSize: 100}\n    placement: {groupName: hpc}\n    ebsOptimized: true\n    enableDetailedMonitoring: true\n    enclaveEnabled: true\n",
    ))
    .unwrap();
    assert_eq!(
        ok.config.node_groups.as_ref().unwrap()[0].additional_volumes.as_ref().unwrap()[0].volume_size,
        Some(100)
    );
    let errs = errors(&ng(
        "    cpuCredits: unlimited\n    volumeName: xvda\n    additionalVolumes:\n      - {volumeName: /dev/xvdb, volumeType: gp2, volumeIOPS: 3000, volumeKmsKeyID: k}\n      - {volumeName: /dev/xvdb, volumeSize: 1, volumeType: io3}\n    placement: {spreadLevel: rack}\n",
    ));
    for expected in [
        "nodeGroups[0].cpuCredits: is for burstable (T) instance types",
        "nodeGroups[0].volumeName: `xvda` is not a device name EC2 takes",
        "nodeGroups[0].additionalVolumes[0].volumeSize: must be set",
        "nodeGroups[0].additionalVolumes[0].volumeIOPS: `gp2` volumes take no IOPS setting",
        "nodeGroups[0].additionalVolumes[0].volumeKmsKeyID: encrypts only an encrypted volume",
        "nodeGroups[0].additionalVolumes[1].volumeName: `/dev/xvdb` is already another volume's device",
        "nodeGroups[0].additionalVolumes[1].volumeType: `io3` is not one of",
        "nodeGroups[0].placement.groupName: must be set and non-empty",
        "nodeGroups[0].placement.spreadLevel: is for placement groups on AWS Outposts",
    ] {
        assert!(has_in(&errs, expected), "{expected}: {errs:#?}");
    }
    let errs = errors(&format!(
        "{HEAD}managedNodeGroups:\n  - name: m\n    launchTemplate: {{id: lt-0123456789abcdef0}}\n    placement: {{groupName: hpc}}\n"
    ));
    assert!(
        has_in(
            &errs,
            "managedNodeGroups[0].placement: cannot be set in a managed node group when a launch template is supplied"
        ),
        "{errs:#?}"
    );
}

#[test]
fn capacity_reservations_follow_eksctl_ec2_and_eks() {
    let cr = "cr-0123456789abcdef0";
    let ok = load(&format!(
        "{HEAD}nodeGroups:\n  - name: ng\n    instanceType: m5.large\n    capacityReservation:\n      capacityReservationTarget: {{capacityReservationID: {cr}}}\nmanagedNodeGroups:\n  - name: m\n    instanceType: p5.48xlarge\n    capacityReservation:\n      capacityReservationTarget: {{capacityReservationID: {cr}}}\n    instanceMarketOptions: {{marketType: capacity-block}}\n  - name: n\n    capacityReservation: {{capacityReservationPreference: open}}\n"
    ))
    .unwrap();
    let managed = &ok.config.managed_node_groups.as_ref().unwrap()[1];
    assert_eq!(
        managed.capacity_reservation.as_ref().unwrap().capacity_reservation_preference.as_deref(),
        Some("open")
    );
    let ng = |body: &str| format!("{HEAD}nodeGroups:\n  - name: ng\n    instanceType: m5.large\n{body}");
    let cases = [
        (
            "    capacityReservation:\n      capacityReservationPreference: open\n      capacityReservationTarget: {capacityReservationID: cr-0123456789abcdef0}\n",
            "nodeGroups[0].capacityReservation: takes `capacityReservationPreference` or `capacityReservationTarget`, not both",
        ),
        (
            "    capacityReservation: {capacityReservationPreference: sometimes}\n",
            "nodeGroups[0].capacityReservation.capacityReservationPreference: `sometimes` is not one of",
        ),
        (
            "    capacityReservation:\n      capacityReservationTarget: {capacityReservationID: cr-1, capacityReservationResourceGroupARN: x}\n",
            "nodeGroups[0].capacityReservation.capacityReservationTarget: takes `capacityReservationID` or `capacityReservationResourceGroupARN`, not both",
        ),
        (
            "    capacityReservation:\n      capacityReservationTarget: {capacityReservationID: cr-1}\n",
            "nodeGroups[0].capacityReservation.capacityReservationTarget.capacityReservationID: `cr-1` is not a Capacity Reservation id",
        ),
        (
            "    capacityReservation:\n      capacityReservationTarget: {capacityReservationResourceGroupARN: 'arn:aws:ec2:us-west-2:123456789012:group/x'}\n",
            "capacityReservationResourceGroupARN: `arn:aws:ec2:us-west-2:123456789012:group/x` is not a resource group ARN",
        ),
        (
            "    instanceMarketOptions: {marketType: capacity-block}\n",
            "nodeGroups[0].instanceMarketOptions: cannot be set without `capacityReservation`",
        ),
        (
            "    capacityReservation: {capacityReservationPreference: open}\n    instanceMarketOptions: {marketType: spot}\n",
            "nodeGroups[0].instanceMarketOptions.marketType: only `capacity-block` is accepted; got `spot`",
        ),
        (
            "    capacityReservation: {capacityReservationPreference: open}\n    instanceMarketOptions: {marketType: capacity-block}\n",
            "nodeGroups[0].capacityReservation: a Capacity Block is used only when targeted",
        ),
        (
            "    capacityReservation:\n      capacityReservationTarget: {capacityReservationID: cr-0123456789abcdef0}\n    instanceMarketOptions: {marketType: capacity-block}\n    instancesDistribution: {instanceTypes: [m5.large, m5a.large]}\n",
            "nodeGroups[0].instancesDistribution: cannot be used with a Capacity Block",
        ),
    ];
    for (body, expected) in cases {
        let errs = errors(&ng(body));
        assert!(has_in(&errs, expected), "{expected}: {errs:#?}");
    }
    let block = format!(
        "    capacityReservation:\n      capacityReservationTarget: {{capacityReservationID: {cr}}}\n    instanceMarketOptions: {{marketType: capacity-block}}\n"
    );
    let errs = errors(&format!(
        "{HEAD}managedNodeGroups:\n  - name: a\n    instanceTypes: [p5.48xlarge, p4d.24xlarge]\n{block}  - name: b\n    instanceType: p5.48xlarge\n    spot: true\n{block}  - name: c\n    launchTemplate: {{id: lt-0123456789abcdef0}}\n{block}"
    ));
    for expected in [
        "managedNodeGroups[0].instanceTypes: a Capacity Block's group takes one instance type",
        "managedNodeGroups[1].spot: cannot be used with a Capacity Block",
        "managedNodeGroups[2].capacityReservation: cannot be set in a managed node group when a launch template is supplied",
        "managedNodeGroups[2].instanceMarketOptions: cannot be set in a managed node group when a launch template is supplied",
    ] {
        assert!(has_in(&errs, expected), "{expected}: {errs:#?}");
    }
}

#[test]
fn control_plane_component_configs_are_checked() {
    let good = format!(
        "{HEAD}  version: \"1.34\"\ncontrolPlaneScalingConfig:\n  tier: tier-xl\nkubeAPIServerConfig:\n  eventTTL: 30m\n  serviceNodePortRange:\n    minPort: 30000\n    maxPort: 31000\nkubeSchedulerConfig:\n  nodeResourcesFit:\n    scoringStrategy:\n      type: MostAllocated\n      resources:\n        - name: cpu\n          weight: 2\n        - name: memory\n          weight: 1\nkubeControllerManagerConfig:\n  horizontalPodAutoscalerControllerConfig:\n    horizontalPodAutoscalerSyncPeriod: 10s\n"
    );
    let c = load(&good).unwrap().config;
    assert_eq!(c.kube_api_server_config.unwrap().event_ttl.as_deref(), Some("30m"));

    let errs = errors(&format!(
        "{HEAD}  version: \"1.34\"\nkubeAPIServerConfig:\n  eventTTL: 1h30m\n  serviceNodePortRange:\n    minPort: 32000\n    maxPort: 40000\nkubeSchedulerConfig:\n  nodeResourcesFit:\n    scoringStrategy:\n      type: MostAlocated\n      resources:\n        - name: cpu\n          weight: 0\n        - name: cpu\n          weight: 5\n        - weight: 5\nkubeControllerManagerConfig:\n  horizontalPodAutoscalerControllerConfig:\n    horizontalPodAutoscalerSyncPeriod: 30s\n"
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    assert!(has("kubeAPIServerConfig.eventTTL: `1h30m` is not a duration EKS takes"), "{errs:#?}");
    assert!(
        has("kubeAPIServerConfig.serviceNodePortRange.maxPort: `40000` is not a NodePort EKS allows"),
        "{errs:#?}"
    );
    assert!(has("hint: use `10260` to `32767`"), "{errs:#?}");
    let strategy = "kubeSchedulerConfig.nodeResourcesFit.scoringStrategy";
    assert!(
        has(&format!("{strategy}.type: `MostAlocated` is not one of `LeastAllocated`, `MostAllocated`")),
        "{errs:#?}"
    );
    assert!(has("hint: did you mean `MostAllocated`?"), "{errs:#?}");
    assert!(has(&format!("{strategy}.resources[0].weight: `0` is not a weight EKS takes")), "{errs:#?}");
    assert!(has(&format!("{strategy}.resources[1].name: `cpu` is weighted twice")), "{errs:#?}");
    assert!(has(&format!("{strategy}.resources[2].name: must be set")), "{errs:#?}");
    let hpa = "kubeControllerManagerConfig.horizontalPodAutoscalerControllerConfig.horizontalPodAutoscalerSyncPeriod";
    assert!(has(&format!("{hpa}: `30s` is out of EKS's range")), "{errs:#?}");
    assert!(has("hint: use `10s` to `15s`"), "{errs:#?}");
    assert!(
        has(&format!("{hpa}: EKS sets the autoscaler's sync period only on a provisioned control plane")),
        "{errs:#?}"
    );
    assert!(has("hint: set `controlPlaneScalingConfig.tier` to `tier-xl` or larger"), "{errs:#?}");

    let errs = errors(&format!(
        "{HEAD}  version: \"1.30\"\nkubeAPIServerConfig:\n  eventTTL: 5m\n  serviceNodePortRange:\n    minPort: 31000\n    maxPort: 30000\n"
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    assert!(
        has(
            "kubeAPIServerConfig: EKS configures the control plane's components from Kubernetes 1.31, not `1.30`"
        ),
        "{errs:#?}"
    );
    assert!(has("kubeAPIServerConfig.eventTTL: `5m` is out of EKS's range"), "{errs:#?}");
    assert!(
        has("kubeAPIServerConfig.serviceNodePortRange.minPort: `31000` is above maxPort `30000`"),
        "{errs:#?}"
    );
}

#[test]
fn asg_suspend_processes_instance_names_and_propagated_tags_are_checked() {
    let errs = errors(&format!(
        "{HEAD}nodeGroups:\n  - name: a\n    asgSuspendProcesses: [AZRebalance, Rebalance]\n    instancePrefix: {}\nmanagedNodeGroups:\n  - name: m\n    launchTemplate:\n      id: lt-0123456789abcdef0\n    instanceName: web\n    instancePrefix: team\n    asgSuspendProcesses: [Launch, Scale]\n",
        "p".repeat(250)
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    assert!(has("nodeGroups[0].asgSuspendProcesses[1]: `Rebalance` is not one of `Launch`"), "{errs:#?}");
    assert!(
        has(
            "nodeGroups[0].instancePrefix: makes the instances' `Name` tag `262` characters long, but EC2 takes at most `256`"
        ),
        "{errs:#?}"
    );
    assert!(
        has(
            "managedNodeGroups[0].instanceName: cannot be set in a managed node group when a launch template is supplied"
        ),
        "{errs:#?}"
    );
    assert!(has("managedNodeGroups[0].instancePrefix: cannot be set"), "{errs:#?}");
    assert!(has("managedNodeGroups[0].asgSuspendProcesses[1]: `Scale` is not one of"), "{errs:#?}");
    assert!(!has("nodeGroups[0].asgSuspendProcesses[0]"), "{errs:#?}");

    // The templates of propagateASGTags count against AWS's 50 tags, on either kind of group.
    let labels: String = (0..46).map(|i| format!("l{i}: v\n      ")).collect();
    let errs = errors(&format!(
        "{HEAD}nodeGroups:\n  - name: a\n    propagateASGTags: true\n    labels:\n      {labels}\nmanagedNodeGroups:\n  - name: m\n    propagateASGTags: true\n    labels:\n      {labels}\n  - name: fits\n    labels:\n      {labels}\n"
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    assert!(has("nodeGroups[0].propagateASGTags: the Auto Scaling group would carry"), "{errs:#?}");
    assert!(has("managedNodeGroups[0].propagateASGTags: the Auto Scaling group would carry"), "{errs:#?}");
    assert!(!has("managedNodeGroups[1]"), "{errs:#?}");
}

#[test]
fn enable_ssm_is_deprecated_and_refused_on_a_managed_custom_ami() {
    let on = load(&format!("{HEAD}nodeGroups:\n  - name: ng\n    ssh:\n      enableSsm: true\n")).unwrap();
    let warned = on.warnings.iter().map(|w| w.render("c.yaml")).collect::<Vec<_>>();
    assert!(
        has_in(&warned, "nodeGroups[0].ssh.enableSsm: is deprecated: SSM is enabled on every node"),
        "{warned:#?}"
    );
    let errs = errors(&format!(
        "{HEAD}managedNodeGroups:\n  - name: m\n    ami: ami-0123456789abcdef0\n    overrideBootstrapCommand: x\n    ssh:\n      enableSsm: true\n"
    ));
    assert!(
        has_in(&errs, "managedNodeGroups[0].ssh.enableSsm: is not supported when using a custom AMI"),
        "{errs:#?}"
    );
    let errs = errors(&format!("{HEAD}nodeGroups:\n  - name: ng\n    ssh:\n      enableSsm: false\n"));
    assert!(has_in(&errs, "SSM is always enabled on nodes and cannot be turned off"), "{errs:#?}");
}

#[test]
fn an_addons_namespace_and_the_ipv6_service_range_are_checked_at_their_lines() {
    let errs = errors(&format!(
        "{HEAD}kubernetesNetworkConfig:\n  ipFamily: IPv6\n  serviceIPv6CIDR: fd00:1234::/108\naddons:\n  - name: aws-ebs-csi-driver\n    namespaceConfig:\n      namespace: Storage_1\n    owners: [\"\"]\n"
    ));
    let has = |s: &str| errs.iter().any(|e| e.contains(s));
    assert!(
        has(
            "c.yaml:8:3: kubernetesNetworkConfig.serviceIPv6CIDR: cannot be set: EKS chooses an `IPv6` cluster's service range itself"
        ),
        "{errs:#?}"
    );
    assert!(
        has(
            "c.yaml:12:7: addons[0].namespaceConfig.namespace: `Storage_1` is not a valid Kubernetes namespace name"
        ),
        "{errs:#?}"
    );
    assert!(has("addons[0].owners: has an empty entry"), "{errs:#?}");
    let errs = errors(&format!(
        "{HEAD}addons:\n  - name: eks-pod-identity-agent\n  - name: aws-ebs-csi-driver\n    namespaceConfig:\n      namespace: storage\n    podIdentityAssociations:\n      - namespace: kube-system\n        serviceAccountName: ebs-csi-controller-sa\n        roleARN: arn:aws:iam::111122223333:role/ebs\n"
    ));
    assert!(
        errs.iter().any(|e| e.contains("addons[1].podIdentityAssociations[0].namespace: `kube-system` is not the add-on's namespace `storage`")
            && e.contains("hint: write `namespace: storage`")),
        "{errs:#?}"
    );
    assert!(!has("not supported yet"), "{errs:#?}");
}

#[test]
fn efa_groups_take_one_subnet_or_zone_and_no_launch_template_of_their_own() {
    let ok = load(&format!(
        "{HEAD}nodeGroups:\n  - name: ng\n    instanceType: c5n.18xlarge\n    efaEnabled: true\n    availabilityZones: [us-west-2a]\nmanagedNodeGroups:\n  - name: m\n    instanceType: p4d.24xlarge\n    efaEnabled: true\n"
    ))
    .unwrap();
    assert_eq!(ok.config.node_groups.as_ref().unwrap()[0].efa_enabled, Some(true));
    let errs = errors(&format!(
        "{HEAD}nodeGroups:\n  - name: ng\n    instanceType: c5n.18xlarge\n    efaEnabled: true\n    availabilityZones: [us-west-2a, us-west-2b]\nmanagedNodeGroups:\n  - name: m\n    efaEnabled: true\n    launchTemplate: {{id: lt-0123456789abcdef0}}\n  - name: n\n    instanceType: p4d.24xlarge\n    efaEnabled: true\n    availabilityZones: [us-west-2a]\n"
    ));
    for expected in [
        "nodeGroups[0].efaEnabled: a node group with EFA must have only one subnet or one availability zone",
        "managedNodeGroups[0].efaEnabled: cannot be set in a managed node group when a launch template is supplied",
    ] {
        assert!(has_in(&errs, expected), "{expected}: {errs:#?}");
    }
    assert!(!errs.iter().any(|e| e.contains("managedNodeGroups[1]")), "{errs:#?}");
    // `efaEnabled: false` is no EFA: two zones stay fine.
    load(&format!(
        "{HEAD}nodeGroups:\n  - name: ng\n    efaEnabled: false\n    availabilityZones: [us-west-2a, us-west-2b]\n"
    ))
    .unwrap();
}
