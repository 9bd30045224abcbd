//! `create addon|iamserviceaccount|podidentityassociation|fargateprofile|accessentry|
//! iamidentitymapping|capability` from flags alone, as eksctl takes them: the flags become the config entry
//! a file would hold (`metadata.name` from `--cluster`, the region from `--region` or the
//! environment), which is loaded, defaulted, validated and planned like a file's, each problem
//! naming its flag ([`FlagNames`]). The part is then made on the cluster as EKS has it
//! ([`detach`]): the flags say nothing of the cluster's network or control plane, which stay as
//! they are.

use std::collections::BTreeSet;

use anyhow::Result;

use super::load::ConfigSource;
use super::service_account::CreateServiceAccountOptions;
use crate::cli::{
    AccessEntryFlags, AddonFlags, CapabilityFlags, CreatePartArgs, FargateProfileFlags, IdentityMappingFlags,
    PodIdentityFlags, ServiceAccountFlags,
};
use crate::config::{
    AccessConfig, AccessEntry, Addon, Capability, ClusterConfig, ClusterIAM, ClusterIAMMeta,
    ClusterIAMServiceAccount, ClusterMeta, FargateProfile, FargateProfileSelector, FlagNames,
    IAMIdentityMapping, Map, PodIdentityAssociation, WellKnownPolicies,
};
use crate::error::UserError;
use crate::plan::{Kind, PHASES, Plan, Resource, StepId};
use crate::settings::Settings;

/// A config built from flags, and which flag set each of its fields.
#[derive(Debug, Clone)]
pub struct FlagConfig {
    pub config: ClusterConfig,
    pub flags: FlagNames,
}

impl FlagConfig {
    /// The config as the text the loader reads (JSON, which is YAML), without the fields no flag
    /// set.
    pub fn text(&self) -> Result<String> {
        let mut value = serde_json::to_value(&self.config)?;
        drop_nulls(&mut value);
        Ok(serde_json::to_string_pretty(&value)?)
    }
}

fn drop_nulls(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}

/// The flags of one `create <part>`: which were given, and the config entry they describe.
pub trait PartFlags {
    /// A command line that makes one, for hints.
    const EXAMPLE: &'static str;
    fn cluster(&self) -> Option<&str>;
    /// The part's flags that were given (`--name`): none may go with `-f`.
    fn given(&self) -> Vec<&'static str>;
    /// eksctl's checks of the flags together, each naming its flags.
    fn check(&self) -> Result<()>;
    /// Put the entry in `b`; the names `--include` would choose it by, when the plan holds
    /// others of its kind (the default add-ons).
    fn build(&self, b: &mut Builder) -> Vec<String>;
}

/// The options of `create <part>`: from the file, or from the flags. eksctl's rules: the part's
/// flags and `--cluster` cannot go with `-f`, `--include` and `--exclude` only go with it.
pub fn options<F: PartFlags>(
    part: CreatePartArgs,
    flags: &F,
    settings: &Settings,
) -> Result<CreateServiceAccountOptions> {
    let CreatePartArgs { file, include, exclude, dry_run, output, timeout } = part;
    let (source, include) = match file.config_file {
        Some(path) => {
            if let Some(flag) = flags.given().first() {
                return Err(UserError::usage(format!("cannot use `{flag}` when `--config-file/-f` is set"))
                    .hint(format!(
                        "put it in the config file, or drop `-f` to create one from flags, e.g. `{}`",
                        F::EXAMPLE
                    ))
                    .into());
            }
            (ConfigSource::from_args(Some(path), None)?, include)
        }
        None => {
            let file_only = [("--include", !include.is_empty()), ("--exclude", !exclude.is_empty())];
            if let Some((flag, _)) = file_only.iter().find(|(_, given)| *given) {
                return Err(UserError::usage(format!(
                    "cannot use `{flag}` unless a config file is given with `--config-file/-f`"
                ))
                .hint("`--include` and `--exclude` choose among the file's entries; from flags, the flags describe the one to create")
                .into());
            }
            let Some(cluster) = flags.cluster() else {
                return Err(UserError::usage("`--cluster` must be set")
                    .hint(format!(
                        "name the existing cluster, e.g. `{}`, or give its config file with `-f`",
                        F::EXAMPLE
                    ))
                    .into());
            };
            flags.check()?;
            let mut b = Builder::new(cluster, settings.region());
            let include = flags.build(&mut b);
            (ConfigSource::PartFlags(Box::new(b.finish())), include)
        }
    };
    Ok(CreateServiceAccountOptions { source, include, exclude, dry_run, output, timeout: timeout.timeout })
}

/// The flags given among `flags` (name, given).
fn given<const N: usize>(flags: [(&'static str, bool); N]) -> Vec<&'static str> {
    flags.into_iter().filter(|(_, set)| *set).map(|(f, _)| f).collect()
}

/// A usage error: `flag` must be set.
fn must_be_set<F: PartFlags>(flag: &str) -> anyhow::Error {
    UserError::usage(format!("`{flag}` must be set")).hint(format!("e.g. `{}`", F::EXAMPLE)).into()
}

/// A usage error: `a` cannot go with `b`.
fn cannot_go_with(a: &str, b: &str, hint: &str) -> anyhow::Error {
    UserError::usage(format!("cannot use `{a}` with `{b}`")).hint(hint).into()
}

/// The config a part's flags build, with the flag of each field.
pub struct Builder {
    config: ClusterConfig,
    flags: FlagNames,
}

impl Builder {
    fn new(cluster: &str, region: Option<String>) -> Self {
        let mut flags = FlagNames::default();
        flags.insert("metadata.name", "--cluster");
        flags.insert("metadata.region", "--region");
        flags.hint("metadata.region", "pass `--region`, or set `AWS_REGION`");
        let config = ClusterConfig {
            api_version: crate::config::EKSCTL_API_VERSION.into(),
            kind: "ClusterConfig".into(),
            metadata: ClusterMeta { name: Some(cluster.to_string()), region, ..ClusterMeta::default() },
            ..ClusterConfig::default()
        };
        Self { config, flags }
    }

    /// The fields under `prefix` were set by these flags (`(".version", "--version")`).
    fn flags(&mut self, prefix: &str, fields: &[(&str, &str)]) {
        for (field, flag) in fields {
            self.flags.insert(format!("{prefix}{field}"), *flag);
        }
    }

    fn iam(&mut self) -> &mut ClusterIAM {
        self.config.iam.get_or_insert_with(ClusterIAM::default)
    }

    fn finish(self) -> FlagConfig {
        FlagConfig { config: self.config, flags: self.flags }
    }
}

/// `k=v` pairs (checked by the argument parser) as a map; none as nothing.
fn pairs(list: &[String]) -> Option<Map> {
    let map: Map =
        list.iter().filter_map(|t| t.split_once('=')).map(|(k, v)| (k.to_string(), v.to_string())).collect();
    (!map.is_empty()).then_some(map)
}

/// A list flag's values (eksctl's are `a, b` as often as `a,b`); none as nothing.
fn list(values: &[String]) -> Option<Vec<String>> {
    let out: Vec<String> = values.iter().map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect();
    (!out.is_empty()).then_some(out)
}

impl PartFlags for AddonFlags {
    const EXAMPLE: &'static str = "eksup create addon --cluster demo --name aws-ebs-csi-driver";

    fn cluster(&self) -> Option<&str> {
        self.cluster.as_deref()
    }

    fn given(&self) -> Vec<&'static str> {
        given([
            ("--cluster", self.cluster.is_some()),
            ("--name", self.name.is_some()),
            ("--version", self.version.is_some()),
            ("--service-account-role-arn", self.service_account_role_arn.is_some()),
            ("--attach-policy-arn", !self.attach_policy_arn.is_empty()),
            ("--namespace-config", self.namespace_config.is_some()),
            ("--auto-apply-pod-identity-associations", self.auto_apply_pod_identity_associations),
            ("--force", self.force),
        ])
    }

    fn check(&self) -> Result<()> {
        if self.name.is_none() {
            return Err(must_be_set::<Self>("--name"));
        }
        if self.service_account_role_arn.is_some() && !self.attach_policy_arn.is_empty() {
            return Err(cannot_go_with(
                "--attach-policy-arn",
                "--service-account-role-arn",
                "keep one: a role of yours, or the policies of one eksup makes",
            ));
        }
        Ok(())
    }

    fn build(&self, b: &mut Builder) -> Vec<String> {
        let attach = list(&self.attach_policy_arn);
        if attach.is_some() {
            // The add-on's role is trusted through the cluster's OIDC provider.
            b.iam().with_oidc = Some(true);
        }
        let mut addons = Vec::new();
        if self.auto_apply_pod_identity_associations {
            // Pods take pod identities through the agent: made if the cluster has none.
            b.config.addons_config = Some(crate::config::AddonsConfig {
                auto_apply_pod_identity_associations: Some(true),
                ..Default::default()
            });
            b.flags(
                "addonsConfig",
                &[(".autoApplyPodIdentityAssociations", "--auto-apply-pod-identity-associations")],
            );
            if self.name.as_deref() != Some("eks-pod-identity-agent") {
                addons.push(Addon { name: Some("eks-pod-identity-agent".into()), ..Addon::default() });
            }
        }
        addons.insert(
            0,
            Addon {
                name: self.name.clone(),
                version: self.version.clone(),
                service_account_role_arn: self.service_account_role_arn.clone(),
                attach_policy_arns: attach,
                resolve_conflicts: self.force.then(|| "overwrite".to_string()),
                namespace_config: self
                    .namespace_config
                    .clone()
                    .map(|n| crate::config::AddonNamespaceConfig { namespace: Some(n) }),
                ..Addon::default()
            },
        );
        b.config.addons = Some(addons);
        b.flags(
            "addons[0]",
            &[
                ("", "--name"),
                (".version", "--version"),
                (".serviceAccountRoleARN", "--service-account-role-arn"),
                (".attachPolicyARNs", "--attach-policy-arn"),
                (".namespaceConfig.namespace", "--namespace-config"),
                (".resolveConflicts", "--force"),
            ],
        );
        self.name.iter().cloned().collect()
    }
}

impl PartFlags for ServiceAccountFlags {
    const EXAMPLE: &'static str = "eksup create iamserviceaccount --cluster demo --name reader --namespace backend --attach-policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

    fn cluster(&self) -> Option<&str> {
        self.cluster.as_deref()
    }

    /// `--approve` and `--override-existing-serviceaccounts` go with `-f` too, as in eksctl.
    fn given(&self) -> Vec<&'static str> {
        given([
            ("--cluster", self.cluster.is_some()),
            ("--name", self.name.is_some()),
            ("--namespace", self.namespace.is_some()),
            ("--attach-policy-arn", !self.attach_policy_arn.is_empty()),
            ("--attach-role-arn", self.attach_role_arn.is_some()),
            ("--role-name", self.role_name.is_some()),
            ("--role-only", self.role_only),
            ("--permissions-boundary", self.permissions_boundary.is_some()),
            ("--tags", !self.tags.is_empty()),
            ("--subject-pattern", self.subject_pattern.is_some()),
        ])
    }

    /// eksctl's: a name, and policies for the role or a role of the user's, not both.
    fn check(&self) -> Result<()> {
        if self.name.is_none() {
            return Err(must_be_set::<Self>("--name"));
        }
        if self.attach_policy_arn.is_empty() && self.attach_role_arn.is_none() {
            return Err(UserError::usage("`--attach-policy-arn` or `--attach-role-arn` must be set")
                .hint("give the managed policies of the role eksup makes, or a role of yours")
                .into());
        }
        if self.attach_role_arn.is_some() {
            let hint = "`--attach-role-arn` is a role of yours, which eksup does not change: drop it to have eksup make the role";
            for (flag, set) in [
                ("--attach-policy-arn", !self.attach_policy_arn.is_empty()),
                ("--role-name", self.role_name.is_some()),
                ("--role-only", self.role_only),
                ("--permissions-boundary", self.permissions_boundary.is_some()),
                ("--tags", !self.tags.is_empty()),
            ] {
                if set {
                    return Err(cannot_go_with(flag, "--attach-role-arn", hint));
                }
            }
        }
        Ok(())
    }

    fn build(&self, b: &mut Builder) -> Vec<String> {
        let iam = b.iam();
        iam.with_oidc = Some(true);
        iam.service_accounts = Some(vec![ClusterIAMServiceAccount {
            metadata: ClusterIAMMeta {
                name: self.name.clone(),
                namespace: Some(self.namespace.clone().unwrap_or_else(|| "default".into())),
                ..ClusterIAMMeta::default()
            },
            attach_policy_arns: list(&self.attach_policy_arn),
            attach_role_arn: self.attach_role_arn.clone(),
            role_name: self.role_name.clone(),
            role_only: self.role_only.then_some(true),
            permissions_boundary: self.permissions_boundary.clone(),
            tags: pairs(&self.tags),
            subject_pattern: self.subject_pattern.clone(),
            ..ClusterIAMServiceAccount::default()
        }]);
        b.flags(
            "iam.serviceAccounts[0]",
            &[
                ("", "--name"),
                (".metadata.namespace", "--namespace"),
                (".attachPolicyARNs", "--attach-policy-arn"),
                (".attachRoleARN", "--attach-role-arn"),
                (".roleName", "--role-name"),
                (".roleOnly", "--role-only"),
                (".permissionsBoundary", "--permissions-boundary"),
                (".tags", "--tags"),
                (".subjectPattern", "--subject-pattern"),
            ],
        );
        Vec::new()
    }
}

impl PartFlags for PodIdentityFlags {
    const EXAMPLE: &'static str = "eksup create podidentityassociation --cluster demo --namespace dev --service-account-name app --permission-policy-arns arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

    fn cluster(&self) -> Option<&str> {
        self.cluster.as_deref()
    }

    fn given(&self) -> Vec<&'static str> {
        given([
            ("--cluster", self.cluster.is_some()),
            ("--namespace", self.namespace.is_some()),
            ("--service-account-name", self.service_account_name.is_some()),
            ("--role-arn", self.role_arn.is_some()),
            ("--role-name", self.role_name.is_some()),
            ("--permission-boundary-arn", self.permission_boundary_arn.is_some()),
            ("--permission-policy-arns", !self.permission_policy_arns.is_empty()),
            ("--well-known-policies", !self.well_known_policies.is_empty()),
            ("--target-role-arn", self.target_role_arn.is_some()),
            ("--disable-session-tags", self.disable_session_tags),
            ("--policy", self.policy.is_some()),
            ("--create-service-account", self.create_service_account),
            ("--tags", !self.tags.is_empty()),
        ])
    }

    /// eksctl's: the service account, and a role of the user's or the policies of one eksup
    /// makes, not both; a session policy with the session tags off.
    fn check(&self) -> Result<()> {
        for (flag, set) in [
            ("--namespace", self.namespace.is_some()),
            ("--service-account-name", self.service_account_name.is_some()),
        ] {
            if !set {
                return Err(must_be_set::<Self>(flag));
            }
        }
        let policies = !self.permission_policy_arns.is_empty() || !self.well_known_policies.is_empty();
        if self.role_arn.is_none() && !policies {
            return Err(UserError::usage(
                "at least one of `--role-arn`, `--permission-policy-arns` and `--well-known-policies` must be set",
            )
            .hint("give a role of yours, or the policies of the role eksup makes")
            .into());
        }
        if self.role_arn.is_some() {
            let hint = "`--role-arn` is a role of yours, which eksup does not change: drop it to have eksup make the role";
            for (flag, set) in [
                ("--permission-policy-arns", !self.permission_policy_arns.is_empty()),
                ("--well-known-policies", !self.well_known_policies.is_empty()),
                ("--role-name", self.role_name.is_some()),
                ("--permission-boundary-arn", self.permission_boundary_arn.is_some()),
            ] {
                if set {
                    return Err(cannot_go_with(flag, "--role-arn", hint));
                }
            }
        }
        if self.policy.is_some() && !self.disable_session_tags {
            return Err(UserError::usage("`--disable-session-tags` must be set when using `--policy`")
                .hint("EKS refuses a session policy with the session tags on")
                .into());
        }
        Ok(())
    }

    fn build(&self, b: &mut Builder) -> Vec<String> {
        // Pods take pod identities through the agent: made if the cluster has none, as `-f` does.
        b.config.addons =
            Some(vec![Addon { name: Some("eks-pod-identity-agent".into()), ..Addon::default() }]);
        b.iam().pod_identity_associations = Some(vec![PodIdentityAssociation {
            namespace: self.namespace.clone(),
            service_account_name: self.service_account_name.clone(),
            role_arn: self.role_arn.clone(),
            create_service_account: self.create_service_account.then_some(true),
            role_name: self.role_name.clone(),
            permissions_boundary_arn: self.permission_boundary_arn.clone(),
            permission_policy_arns: list(&self.permission_policy_arns),
            well_known_policies: well_known(&self.well_known_policies),
            tags: pairs(&self.tags),
            target_role_arn: self.target_role_arn.clone(),
            disable_session_tags: self.disable_session_tags.then_some(true),
            policy: self.policy.clone(),
            ..PodIdentityAssociation::default()
        }]);
        b.flags(
            "iam.podIdentityAssociations[0]",
            &[
                ("", "--service-account-name"),
                (".namespace", "--namespace"),
                (".serviceAccountName", "--service-account-name"),
                (".roleARN", "--role-arn"),
                (".roleName", "--role-name"),
                (".permissionsBoundaryARN", "--permission-boundary-arn"),
                (".permissionPolicyARNs", "--permission-policy-arns"),
                (".wellKnownPolicies", "--well-known-policies"),
                (".tags", "--tags"),
                (".targetRoleARN", "--target-role-arn"),
                (".disableSessionTags", "--disable-session-tags"),
                (".policy", "--policy"),
                (".createServiceAccount", "--create-service-account"),
            ],
        );
        Vec::new()
    }
}

/// `--well-known-policies` names (checked by the argument parser) as `wellKnownPolicies`.
fn well_known(names: &[String]) -> Option<WellKnownPolicies> {
    if names.is_empty() {
        return None;
    }
    let on = |name: &str| names.iter().any(|n| n == name).then_some(true);
    Some(WellKnownPolicies {
        image_builder: on("imageBuilder"),
        auto_scaler: on("autoScaler"),
        aws_load_balancer_controller: on("awsLoadBalancerController"),
        external_dns: on("externalDNS"),
        cert_manager: on("certManager"),
        ebs_csi_controller: on("ebsCSIController"),
        efs_csi_controller: on("efsCSIController"),
    })
}

impl PartFlags for FargateProfileFlags {
    const EXAMPLE: &'static str = "eksup create fargateprofile --cluster demo --name fp-dev --namespace dev";

    fn cluster(&self) -> Option<&str> {
        self.cluster.as_deref()
    }

    fn given(&self) -> Vec<&'static str> {
        given([
            ("--cluster", self.cluster.is_some()),
            ("--name", self.name.is_some()),
            ("--namespace", self.namespace.is_some()),
            ("--labels", !self.labels.is_empty()),
            ("--tags", !self.tags.is_empty()),
        ])
    }

    fn check(&self) -> Result<()> {
        if self.namespace.is_none() {
            return Err(must_be_set::<Self>("--namespace"));
        }
        Ok(())
    }

    fn build(&self, b: &mut Builder) -> Vec<String> {
        let namespace = self.namespace.clone().unwrap_or_default();
        let labels = pairs(&self.labels);
        let name = self.name.clone().unwrap_or_else(|| profile_name(&namespace, labels.as_ref()));
        b.config.fargate_profiles = Some(vec![FargateProfile {
            name: Some(name),
            selectors: Some(vec![FargateProfileSelector { namespace: Some(namespace), labels }]),
            tags: pairs(&self.tags),
            ..FargateProfile::default()
        }]);
        b.flags(
            "fargateProfiles[0]",
            &[
                ("", "--name"),
                (".selectors[0]", "--namespace"),
                (".selectors[0].labels", "--labels"),
                (".tags", "--tags"),
            ],
        );
        Vec::new()
    }
}

/// A profile without `--name`: eksctl's `fp-` and 8 hex digits, here of the selector (eksctl's
/// are random), so that the same command run again finds the profile it made.
fn profile_name(namespace: &str, labels: Option<&Map>) -> String {
    use sha2::Digest as _;
    let labels: Vec<String> = labels.into_iter().flatten().map(|(k, v)| format!("{k}={v}")).collect();
    let digest = sha2::Sha256::digest(format!("{namespace}\n{}", labels.join(",")));
    format!("fp-{}", digest.iter().take(4).map(|b| format!("{b:02x}")).collect::<String>())
}

impl PartFlags for AccessEntryFlags {
    const EXAMPLE: &'static str =
        "eksup create accessentry --cluster demo --principal-arn arn:aws:iam::111122223333:role/devs";

    fn cluster(&self) -> Option<&str> {
        self.cluster.as_deref()
    }

    fn given(&self) -> Vec<&'static str> {
        given([
            ("--cluster", self.cluster.is_some()),
            ("--principal-arn", self.principal_arn.is_some()),
            ("--type", self.entry_type.is_some()),
            ("--kubernetes-groups", !self.kubernetes_groups.is_empty()),
            ("--kubernetes-username", self.kubernetes_username.is_some()),
        ])
    }

    fn check(&self) -> Result<()> {
        if self.principal_arn.is_none() {
            return Err(must_be_set::<Self>("--principal-arn"));
        }
        Ok(())
    }

    fn build(&self, b: &mut Builder) -> Vec<String> {
        b.config.access_config = Some(AccessConfig {
            access_entries: Some(vec![AccessEntry {
                principal_arn: self.principal_arn.clone(),
                entry_type: self.entry_type.clone(),
                kubernetes_groups: list(&self.kubernetes_groups),
                kubernetes_username: self.kubernetes_username.clone(),
                ..AccessEntry::default()
            }]),
            ..AccessConfig::default()
        });
        b.flags(
            "accessConfig.accessEntries[0]",
            &[
                ("", "--principal-arn"),
                (".type", "--type"),
                (".kubernetesGroups", "--kubernetes-groups"),
                (".kubernetesUsername", "--kubernetes-username"),
            ],
        );
        Vec::new()
    }
}

impl PartFlags for IdentityMappingFlags {
    const EXAMPLE: &'static str = "eksup create iamidentitymapping --cluster demo --arn arn:aws:iam::111122223333:role/ops --username ops --group ops";

    fn cluster(&self) -> Option<&str> {
        self.cluster.as_deref()
    }

    fn given(&self) -> Vec<&'static str> {
        given([
            ("--cluster", self.cluster.is_some()),
            ("--arn", self.arn.is_some()),
            ("--username", self.username.is_some()),
            ("--group", !self.groups.is_empty()),
            ("--account", self.account.is_some()),
            ("--service-name", self.service_name.is_some()),
            ("--namespace", self.namespace.is_some()),
        ])
    }

    fn check(&self) -> Result<()> {
        if self.arn.is_none() && self.account.is_none() && self.service_name.is_none() {
            return Err(UserError::usage("one of `--arn`, `--account` and `--service-name` must be set")
                .hint(format!(
                    "map an IAM role or user (`{}`), a whole account (`--account 111122223333`), or a service's access to a namespace (`--service-name emr-containers --namespace emr`)",
                    Self::EXAMPLE
                ))
                .into());
        }
        // eksctl's `IAMIdentityMapping.Validate`, in flags.
        let arn_flags = [
            ("--arn", self.arn.is_some()),
            ("--username", self.username.is_some()),
            ("--group", !self.groups.is_empty()),
        ];
        if self.account.is_some() {
            let service =
                [("--service-name", self.service_name.is_some()), ("--namespace", self.namespace.is_some())];
            if let Some((flag, _)) = arn_flags.iter().chain(&service).find(|(_, set)| *set) {
                return Err(cannot_go_with(flag, "--account", "map the account on its own"));
            }
        } else if self.service_name.is_some() {
            if let Some((flag, _)) = arn_flags.iter().find(|(_, set)| *set) {
                return Err(cannot_go_with(
                    flag,
                    "--service-name",
                    "the service's user and role are known: give `--service-name` and `--namespace` alone",
                ));
            }
            if self.namespace.is_none() {
                return Err(UserError::usage("`--namespace` must be set with `--service-name`")
                    .hint("name the namespace the service runs its work in, e.g. `--service-name emr-containers --namespace emr`")
                    .into());
            }
        } else if self.namespace.is_some() {
            return Err(UserError::usage("cannot use `--namespace` without `--service-name`")
                .hint("`--namespace` is where a service (`--service-name emr-containers`) gets its access")
                .into());
        }
        Ok(())
    }

    fn build(&self, b: &mut Builder) -> Vec<String> {
        b.config.iam_identity_mappings = Some(vec![IAMIdentityMapping {
            arn: self.arn.clone(),
            username: self.username.clone(),
            groups: list(&self.groups),
            account: self.account.clone(),
            service_name: self.service_name.clone(),
            namespace: self.namespace.clone(),
            ..IAMIdentityMapping::default()
        }]);
        b.flags(
            "iamIdentityMappings[0]",
            &[
                (".arn", "--arn"),
                (".username", "--username"),
                (".groups", "--group"),
                (".account", "--account"),
                (".serviceName", "--service-name"),
                (".namespace", "--namespace"),
            ],
        );
        Vec::new()
    }
}

impl PartFlags for CapabilityFlags {
    const EXAMPLE: &'static str = "eksup create capability --cluster demo --name ack --type ACK --attach-policy-arns arn:aws:iam::aws:policy/AmazonS3FullAccess";

    fn cluster(&self) -> Option<&str> {
        self.cluster.as_deref()
    }

    fn given(&self) -> Vec<&'static str> {
        given([
            ("--cluster", self.cluster.is_some()),
            ("--name", self.name.is_some()),
            ("--type", self.capability_type.is_some()),
            ("--role-arn", self.role_arn.is_some()),
            ("--delete-propagation-policy", self.delete_propagation_policy.is_some()),
            ("--tags", !self.tags.is_empty()),
            ("--attach-policy-arns", !self.attach_policy_arns.is_empty()),
            ("--attach-policy", self.attach_policy.is_some()),
        ])
    }

    /// A name and a type; Argo CD's required Identity Center settings have no flags (as in
    /// eksctl); a role of the user's goes without the policies of one eksup makes.
    fn check(&self) -> Result<()> {
        for (flag, set) in [("--name", self.name.is_some()), ("--type", self.capability_type.is_some())] {
            if !set {
                return Err(must_be_set::<Self>(flag));
            }
        }
        if self.capability_type.as_deref() == Some("ARGOCD") {
            return Err(UserError::usage("an `ARGOCD` capability cannot be made from flags")
                .hint("Argo CD needs its IAM Identity Center instance (`configuration.argocd.awsIdc`): put the capability in a config file and run `eksup create capability -f cluster.yaml`")
                .into());
        }
        if self.role_arn.is_some() {
            let hint = "`--role-arn` is a role of yours, which eksup does not change: drop it to have eksup make the role";
            for (flag, set) in [
                ("--attach-policy-arns", !self.attach_policy_arns.is_empty()),
                ("--attach-policy", self.attach_policy.is_some()),
            ] {
                if set {
                    return Err(cannot_go_with(flag, "--role-arn", hint));
                }
            }
        }
        if let Some(doc) = &self.attach_policy {
            let parsed: Result<serde_json::Value, _> = serde_json::from_str(doc);
            if !parsed.as_ref().is_ok_and(serde_json::Value::is_object) {
                return Err(UserError::usage("`--attach-policy` is not a JSON policy document")
                    .hint(r#"give the document as JSON, e.g. `--attach-policy '{"Version":"2012-10-17","Statement":[...]}'`"#)
                    .into());
            }
        }
        Ok(())
    }

    fn build(&self, b: &mut Builder) -> Vec<String> {
        b.config.capabilities = Some(vec![Capability {
            name: self.name.clone(),
            capability_type: self.capability_type.clone(),
            role_arn: self.role_arn.clone(),
            delete_propagation_policy: self.delete_propagation_policy.clone(),
            tags: pairs(&self.tags),
            attach_policy_arns: list(&self.attach_policy_arns),
            attach_policy: self.attach_policy.as_deref().and_then(|d| serde_json::from_str(d).ok()),
            ..Capability::default()
        }]);
        b.flags(
            "capabilities[0]",
            &[
                (".name", "--name"),
                (".type", "--type"),
                (".roleArn", "--role-arn"),
                (".deletePropagationPolicy", "--delete-propagation-policy"),
                (".tags", "--tags"),
                (".attachPolicyARNs", "--attach-policy-arns"),
                (".attachPolicy", "--attach-policy"),
            ],
        );
        Vec::new()
    }
}

/// The part's plan without the cluster's own steps (its network, its IAM role, its control
/// plane): a part made from flags names a cluster that exists, whose config eksup does not have,
/// and those steps built from the flags' config (its defaults) would change the cluster to them
/// (logging, endpoint access) or make a network it does not use. What the part reads of the
/// control plane (endpoint, certificate authority, OIDC issuer, version) is EKS's answer when
/// the run starts, as the output of [`crate::plan::CONTROL_PLANE`]; a Fargate profile goes
/// without subnets, and EKS gives it the cluster's private ones, as eksctl's does.
pub fn detach(mut plan: Plan) -> Result<Plan> {
    let cluster_kinds = [Kind::ControlPlane, Kind::EndpointAccess, Kind::Kubeconfig];
    let mut removed: BTreeSet<StepId> = plan
        .steps
        .iter()
        .filter(|s| {
            let kind = s.resource.kind();
            cluster_kinds.contains(&kind) || kind.phase() == PHASES[0]
        })
        .map(|s| s.id.clone())
        .collect();
    // What only those need (the cluster's IAM role): each step's dependencies, to a fixed point.
    loop {
        let more: Vec<StepId> = plan
            .steps
            .iter()
            .filter(|s| removed.contains(&s.id))
            .flat_map(|s| s.depends_on.iter().cloned())
            .filter(|d| !removed.contains(d))
            .collect();
        if more.is_empty() {
            break;
        }
        removed.extend(more);
    }
    plan.steps.retain(|s| !removed.contains(&s.id));
    for step in &mut plan.steps {
        step.depends_on.retain(|d| !removed.contains(d));
        if let Resource::FargateProfile(spec) = &mut step.resource {
            spec.subnets.clear();
        }
    }
    for step in &plan.steps {
        let refs = references(&serde_json::to_value(&step.resource)?);
        if let Some(other) = refs.iter().find(|r| removed.contains(*r) && *r != crate::plan::CONTROL_PLANE) {
            return Err(UserError::bug(format!(
                "step `{}` of a part needs `{other}`, a step of the cluster's own that a part made from flags leaves out",
                step.id
            ))
            .into());
        }
    }
    Ok(plan)
}

/// The steps whose outputs a resource refers to (`Val::Out`, serialized as `{step, key}`).
fn references(value: &serde_json::Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    match value {
        serde_json::Value::Object(map) => {
            if map.len() == 2
                && let (Some(step), Some(_)) = (map.get("step").and_then(|s| s.as_str()), map.get("key"))
            {
                out.insert(step.to_string());
            }
            map.values().for_each(|v| out.extend(references(v)));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| out.extend(references(v))),
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser as _;

    use crate::cli::{Cli, Command, CreateCommand};
    use crate::error::{ExitStatus, status_of};

    fn settings() -> Settings {
        Settings { region: Some("us-west-2".into()), profile: None }
    }

    /// The options of a `create addon` command line, or its error's text.
    fn addon_options(line: &str) -> Result<CreateServiceAccountOptions, (ExitStatus, String)> {
        let cli = Cli::try_parse_from(line.split_whitespace()).unwrap();
        let Command::Create(CreateCommand::Addon(a)) = cli.command else { panic!("not create addon") };
        options(a.part, &a.flags, &settings()).map_err(|e| (status_of(&e), format!("{e}")))
    }

    #[test]
    fn flags_and_the_file_go_apart_as_in_eksctl() {
        let e = addon_options("eksup create addon -f c.yaml --name vpc-cni").unwrap_err();
        assert_eq!(e, (ExitStatus::Usage, "cannot use `--name` when `--config-file/-f` is set".into()));
        let e = addon_options("eksup create addon -f c.yaml --cluster demo").unwrap_err();
        assert_eq!(e.1, "cannot use `--cluster` when `--config-file/-f` is set");
        let e = addon_options("eksup create addon --cluster demo --name x --exclude y").unwrap_err();
        assert_eq!(
            e,
            (
                ExitStatus::Usage,
                "cannot use `--exclude` unless a config file is given with `--config-file/-f`".into()
            )
        );
        let e = addon_options("eksup create addon --name x").unwrap_err();
        assert_eq!(e, (ExitStatus::Usage, "`--cluster` must be set".into()));
        let file = addon_options("eksup create addon -f c.yaml --include vpc-cni").unwrap();
        assert!(matches!(file.source, ConfigSource::File(_)) && file.include == ["vpc-cni"]);
        // From flags: the add-on alone among the defaults the plan also holds.
        let flags = addon_options("eksup create addon --cluster demo --name vpc-cni --force").unwrap();
        assert!(flags.source.is_part_flags() && flags.include == ["vpc-cni"]);
    }

    /// The plan a part's flags make, loaded and built as a file's is (offline), then detached.
    fn detached(line: &str) -> Plan {
        let cli = Cli::try_parse_from(line.split_whitespace()).unwrap();
        let options = match cli.command {
            Command::Create(CreateCommand::Fargateprofile(a)) => options(a.part, &a.flags, &settings()),
            Command::Create(CreateCommand::Iamserviceaccount(a)) => options(a.part, &a.flags, &settings()),
            Command::Create(CreateCommand::Podidentityassociation(a)) => {
                options(a.part, &a.flags, &settings())
            }
            other => panic!("{other:?}"),
        }
        .unwrap();
        let ConfigSource::PartFlags(f) = &options.source else { panic!("not from flags") };
        let parsed = crate::config::parse(&f.text().unwrap(), "<flags>").unwrap();
        let loaded =
            crate::config::finish(parsed, &crate::config::zones::assumed("us-west-2"), Some("us-west-2"))
                .unwrap();
        let opts = crate::plan::PlanOptions { write_kubeconfig: false, wait_nodes: false, account_id: None };
        detach(crate::plan::build(&loaded, &opts)).unwrap()
    }

    #[test]
    fn a_part_from_flags_leaves_the_cluster_to_eks() {
        for line in [
            "eksup create fargateprofile --cluster demo --namespace dev",
            "eksup create iamserviceaccount --cluster demo --name r --attach-policy-arn arn:aws:iam::aws:policy/P",
            "eksup create podidentityassociation --cluster demo --namespace dev --service-account-name app --role-arn arn:aws:iam::1:role/r",
        ] {
            let plan = detached(line);
            assert!(plan.check().is_ok(), "{line}");
            for step in &plan.steps {
                let kind = step.resource.kind();
                assert!(kind != Kind::ControlPlane && kind.phase() != PHASES[0], "{line}: {}", step.id);
                assert!(kind != Kind::IamRole || step.id != "iam-role-cluster", "{line}: the cluster's role");
                let refs = references(&serde_json::to_value(&step.resource).unwrap());
                assert!(
                    refs.iter().all(|r| r == crate::plan::CONTROL_PLANE || plan.step(r).is_some()),
                    "{line}: {} reads {refs:?}",
                    step.id
                );
                if let Resource::FargateProfile(spec) = &step.resource {
                    assert!(spec.subnets.is_empty(), "EKS chooses the private subnets");
                    assert_eq!(step.depends_on, ["iam-role-fargate"]);
                }
            }
        }
    }

    #[test]
    fn a_profile_without_a_name_is_named_after_its_selector() {
        let a = profile_name("dev", None);
        assert!(a.starts_with("fp-") && a.len() == 11, "{a}");
        assert_eq!(a, profile_name("dev", None), "the same selector, the same name");
        let labels = Map::from([("app".to_string(), "web".to_string())]);
        assert_ne!(a, profile_name("dev", Some(&labels)));
        assert_ne!(a, profile_name("prod", None));
    }

    #[test]
    fn the_text_leaves_out_what_no_flag_set() {
        let b = Builder::new("demo", None);
        let text = b.finish().text().unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["metadata"], serde_json::json!({ "name": "demo" }), "{text}");
        assert_eq!(value["apiVersion"], crate::config::EKSCTL_API_VERSION);
    }
}
