//! The seam to AWS: the only module that names `aws-sdk-*`.
//!
//! eksup reaches AWS (or a local emulator) through the standard settings only: region, profile,
//! credentials and `AWS_ENDPOINT_URL`, all resolved by `aws-config`.

pub mod auth;

use aws_config::{BehaviorVersion, Region, SdkConfig};

use crate::settings::Settings;

/// Attempts per AWS call, as eksctl makes them: AWS throttles in bursts when an account is busy,
/// and three attempts (the SDK's default) end a 20-minute create on one unlucky burst.
/// `AWS_MAX_ATTEMPTS` overrides it.
pub const MAX_ATTEMPTS: u32 = 13;

/// Load the AWS configuration: `region` (from the config file or `--region`) wins over the
/// environment and profile; `--profile` over `AWS_PROFILE`. Calls retry transient errors and
/// throttling up to [`MAX_ATTEMPTS`] times with exponential backoff (at most 20 s apart).
///
/// The SDK's adaptive mode is not used: after one throttled call its client-side rate limiter
/// falls to half a request per second for the whole client, and eksup shares one client per
/// service among all its concurrent steps and polls. Measured on the emulator with three bursts
/// of four `Throttling` answers, a create and delete took 250 s in adaptive mode and 40 s in
/// standard mode, and both succeeded.
///
/// # Errors
/// When the profile chosen (`--profile`, `AWS_PROFILE`) is in none of the shared files: the
/// SDK would silently use other credentials, where the AWS CLI refuses.
pub async fn load_sdk_config(settings: &Settings, region: Option<&str>) -> anyhow::Result<SdkConfig> {
    use aws_config::retry::RetryConfig;
    let profile = settings.effective_profile();
    let files = SharedFiles::read(profile.as_deref()).await?;
    let mut loader = aws_config::defaults(BehaviorVersion::latest());
    // Retries the user set (`AWS_MAX_ATTEMPTS`, `AWS_RETRY_MODE`, or `max_attempts` /
    // `retry_mode` in the profile) win, as in every AWS tool.
    if !files.sets_retries {
        loader = loader.retry_config(RetryConfig::standard().with_max_attempts(MAX_ATTEMPTS));
    }
    if let Some(profile) = &settings.profile {
        loader = loader.profile_name(profile);
    }
    if let Some(region) = region.map(str::to_string).or_else(|| settings.region.clone()) {
        loader = loader.region(Region::new(region));
    }
    // Every call waits for its service's budget: AWS's rate limits are kept on this side. That
    // wait happens before the request body is sent, which the SDK's upload stall protection would
    // take for a stalled upload after 5 s; eksup streams no uploads, so it is turned off (the
    // download side stays on).
    loader = loader.http_client(budget::client()).stalled_stream_protection(
        aws_config::stalled_stream_protection::StalledStreamProtectionConfig::enabled()
            .upload_enabled(false)
            .build(),
    );
    let sdk = loader.load().await;
    // `--region` and the config's region are checked where they are read; this catches
    // `AWS_REGION`, `AWS_DEFAULT_REGION` and the profile's.
    if let Some(region) = sdk.region()
        && let Some((message, hint)) = crate::config::regions::problem(region.as_ref())
    {
        return Err(crate::error::UserError::new(format!("{message} (from the AWS environment or profile)"))
            .hint(hint)
            .into());
    }
    Ok(sdk)
}

/// What eksup needs from the shared AWS config and credentials files, read once.
struct SharedFiles {
    /// The environment or the profile (`default` when none is chosen) sets retries.
    sets_retries: bool,
}

impl SharedFiles {
    /// Read the files; a chosen `profile` (`--profile`, `AWS_PROFILE`) must be in them.
    async fn read(profile: Option<&str>) -> anyhow::Result<Self> {
        use aws_runtime::env_config::file::EnvConfigFiles;
        use aws_types::os_shim_internal::{Env, Fs};
        let env_retries = ["AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE"]
            .iter()
            .any(|k| std::env::var_os(k).is_some_and(|v| !v.is_empty()));
        let set =
            aws_config::profile::load(&Fs::real(), &Env::real(), &EnvConfigFiles::default(), None).await;
        if let Some(p) = profile {
            let hint = format!(
                "profiles live in `~/.aws/config` and `~/.aws/credentials` (or the files `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE` name): check the name, or create it with `aws configure --profile {p}`"
            );
            match &set {
                Ok(s) if s.get_profile(p).is_some() => {}
                Ok(_) => {
                    return Err(crate::error::UserError::new(format!(
                        "the AWS profile `{p}` does not exist"
                    ))
                    .hint(hint)
                    .into());
                }
                Err(e) => {
                    return Err(crate::error::UserError::new(format!(
                        "the AWS config files cannot be read for profile `{p}`: {e}"
                    ))
                    .hint(hint)
                    .into());
                }
            }
        }
        let profile_retries = set.ok().and_then(|s| {
            s.get_profile(profile.unwrap_or("default"))
                .map(|p| p.get("max_attempts").is_some() || p.get("retry_mode").is_some())
        });
        Ok(Self { sets_retries: env_retries || profile_retries.unwrap_or(false) })
    }
}

/// Whether AWS credentials are visibly configured (environment, profile or shared files), so a
/// dry-run can decide to ask AWS without waiting on the instance-metadata fallback.
pub fn credentials_configured(settings: &Settings) -> bool {
    let env = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
    if env("AWS_ACCESS_KEY_ID")
        || env("AWS_WEB_IDENTITY_TOKEN_FILE")
        || settings.effective_profile().is_some()
    {
        return true;
    }
    let file = |var: &str, default: &str| {
        std::env::var_os(var)
            .map(std::path::PathBuf::from)
            .or_else(|| std::env::home_dir().map(|h| h.join(".aws").join(default)))
            .is_some_and(|p| p.is_file())
    };
    file("AWS_SHARED_CREDENTIALS_FILE", "credentials") || file("AWS_CONFIG_FILE", "config")
}

/// The region's availability zones as `(name, zone id)`, available and of type
/// `availability-zone` only.
pub async fn availability_zones(sdk: &SdkConfig) -> anyhow::Result<Vec<(String, String)>> {
    use anyhow::Context as _;
    use aws_sdk_ec2::types::Filter;
    let ec2 = aws_sdk_ec2::Client::new(sdk);
    let out = ec2
        .describe_availability_zones()
        .filters(Filter::builder().name("state").values("available").build())
        .send()
        .await
        .map_err(|e| anyhow::anyhow!(error::causes(&e)))
        .context("failed to list the region's availability zones")?;
    let zones: Vec<(String, String)> = out
        .availability_zones()
        .iter()
        .filter(|z| z.zone_type().is_none_or(|t| t == "availability-zone"))
        .filter_map(|z| Some((z.zone_name()?.to_string(), z.zone_id().unwrap_or_default().to_string())))
        .collect();
    if let Some(region) = sdk.region() {
        preflight::remember_zones(region.as_ref(), &zones);
    }
    Ok(zones)
}

/// The instance types EC2 names for a selector's criteria (GetInstanceTypesFromInstanceRequirements:
/// exactly the vCPUs, memory and accelerators asked, hardware virtualization, burstable types
/// included as eksctl's selector includes them), offered in every one of `zones`
/// (DescribeInstanceTypeOfferings), through the selector's name filters.
pub async fn instance_types_matching(
    sdk: &SdkConfig,
    criteria: &crate::config::instance_selector::Criteria,
    zones: &[String],
) -> anyhow::Result<Vec<String>> {
    use crate::config::instance_selector::Accelerators;
    use anyhow::Context as _;
    use aws_sdk_ec2::types::{
        AcceleratorCountRequest, AcceleratorType, ArchitectureType, BurstablePerformance, Filter,
        InstanceRequirementsRequest, LocationType, MemoryMiBRequest, VCpuCountRangeRequest,
        VirtualizationType,
    };
    let ec2 = aws_sdk_ec2::Client::new(sdk);
    let exactly = |n: Option<i32>| n.map_or((0, None), |n| (n, Some(n)));
    let (vmin, vmax) = exactly(criteria.vcpus);
    let (mmin, mmax) = exactly(criteria.memory_mib);
    let mut requirements = InstanceRequirementsRequest::builder()
        .v_cpu_count(VCpuCountRangeRequest::builder().min(vmin).set_max(vmax).build())
        .memory_mib(MemoryMiBRequest::builder().min(mmin).set_max(mmax).build())
        .burstable_performance(BurstablePerformance::Included);
    requirements = match criteria.accelerators {
        Accelerators::Any => requirements,
        Accelerators::Without => {
            requirements.accelerator_count(AcceleratorCountRequest::builder().max(0).build())
        }
        Accelerators::Gpus(n) => requirements
            .accelerator_types(AcceleratorType::Gpu)
            .accelerator_count(AcceleratorCountRequest::builder().min(n).max(n).build()),
        Accelerators::Neuron(n) => requirements
            .accelerator_types(AcceleratorType::Inference)
            .accelerator_count(AcceleratorCountRequest::builder().min(n).max(n).build()),
    };
    let pages = ec2
        .get_instance_types_from_instance_requirements()
        .architecture_types(ArchitectureType::from(criteria.architecture.as_str()))
        .virtualization_types(VirtualizationType::Hvm)
        .instance_requirements(requirements.build())
        .into_paginator()
        .send()
        .collect::<Result<Vec<_>, _>>()
        .await
        .map_err(|e| anyhow::anyhow!(error::causes(&e)))
        .context("EC2 could not list the instance types of the selector")?;
    let mut types: Vec<String> = pages
        .iter()
        .flat_map(|p| p.instance_types())
        .filter_map(|t| t.instance_type().map(str::to_string))
        .collect();
    types = criteria.choose(types);
    if types.is_empty() || zones.is_empty() {
        return Ok(types);
    }
    // Offered in each zone: at most 200 filter values a call (EC2's limit on values).
    let mut offered: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for chunk in types.chunks(200) {
        let pages = ec2
            .describe_instance_type_offerings()
            .location_type(LocationType::AvailabilityZone)
            .filters(Filter::builder().name("location").set_values(Some(zones.to_vec())).build())
            .filters(Filter::builder().name("instance-type").set_values(Some(chunk.to_vec())).build())
            .into_paginator()
            .send()
            .collect::<Result<Vec<_>, _>>()
            .await
            .map_err(|e| anyhow::anyhow!(error::causes(&e)))
            .context("EC2 could not list where the selector's instance types are offered")?;
        for offering in pages.iter().flat_map(|p| p.instance_type_offerings()) {
            if let Some(t) = offering.instance_type() {
                *offered.entry(t.as_str().to_string()).or_default() += 1;
            }
        }
    }
    types.retain(|t| offered.get(t).is_some_and(|n| *n >= zones.len()));
    Ok(types)
}

/// Fail fast (one attempt, short timeouts): for look-ups that have a fallback.
pub fn quick(sdk: &SdkConfig) -> SdkConfig {
    use aws_config::retry::RetryConfig;
    use aws_config::timeout::TimeoutConfig;
    sdk.to_builder()
        .retry_config(RetryConfig::standard().with_max_attempts(1))
        .timeout_config(
            TimeoutConfig::builder()
                .connect_timeout(std::time::Duration::from_secs(2))
                .operation_timeout(std::time::Duration::from_secs(5))
                .build(),
        )
        .build()
}

mod autoscaling;
mod budget;
mod capability;
mod component_config;
mod device_plugin;
mod discover;
mod ec2;
mod ecr;
mod eks;
mod elb;
pub mod error;
mod health;
mod hybrid_gateway;
mod iam;
mod inventory;
mod known;
mod live;
mod logs;
mod nodes;
mod orphans;
mod parts;
pub mod preflight;
mod preflight_capacity;
mod preflight_efa;
mod preflight_egress;
pub mod registry;
mod roles_anywhere;
mod roll;
mod ssm;
mod template_versions;
mod update;
pub mod userdata;
mod versions;
mod vpc_endpoint;
mod vpc_ipv6;

use std::collections::BTreeMap;
use std::future::Future;
use std::time::Duration;

use anyhow::Context as _;
use tokio::time::Instant;

pub use budget::{Calls, calls};
pub use capability::CapabilitySummary;
pub use discover::{DeleteOptions, DeletePlan, DeleteReport, Removed};
pub use eks::{IdentityProviderSummary, PartRef, PodIdentitySummary, RemovedPodIdentity};
pub use error::{CloudError, ErrorKind};
pub use health::{AddonVersion, HealthIssue, NodegroupHealth};
pub use iam::{CAPABILITIES_SERVICE, RemovedServiceAccount, ServiceAccountRole, trusted_service_accounts};
pub use inventory::{ClusterInfo, NodegroupDrain, NodegroupInfo, NodegroupKind};
pub use orphans::Orphan;
pub use parts::{AccessEntrySummary, AddonSummary, FargateSummary, IdentityMappingSummary};
pub use roll::{Rolled, SelfManagedGroup, ami_lineage};
pub use update::{
    AddonChange, AddonState, ClusterChange, ClusterConfig, LOG_TYPES, NodegroupConfigChange,
    NodegroupVersionChange,
};
pub use versions::{ClusterVersion, Insight, NodegroupVersion, minor};

use crate::executor::{Action, Apply, Progress, StepContext, StepResult};
use crate::plan::teardown::{Detail, Doomed};
use crate::plan::{Kind, Resource, keys, tags};

/// The thumbprint eksup registers for IAM OIDC providers: the SHA-1 of the root CA (Amazon Root CA 1
/// via Starfield) that signs every `oidc.eks.<region>.amazonaws.com` chain. IAM no longer checks
/// thumbprints for EKS issuers (it trusts its own CA library), but the API still requires one; using
/// this well-known constant avoids a TLS dial at create time.
pub const OIDC_ROOT_CA_THUMBPRINT: &str = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";

/// The client id (audience) of the OIDC provider: STS, for IRSA.
pub const OIDC_CLIENT_ID: &str = "sts.amazonaws.com";

/// The AWS clients eksup uses; implements [`Apply`] with "ensure" semantics: each step finds its
/// resource by ownership tags (`eksup.io/cluster`, `eksup.io/resource`) or deterministic name and
/// returns [`crate::executor::Action::Existed`], else creates it with all tags and waits until it is
/// usable.
#[derive(Debug, Clone)]
pub struct AwsCloud {
    pub(crate) ec2: aws_sdk_ec2::Client,
    pub(crate) iam: aws_sdk_iam::Client,
    pub(crate) eks: aws_sdk_eks::Client,
    pub(crate) asg: aws_sdk_autoscaling::Client,
    pub(crate) ecr: aws_sdk_ecr::Client,
    pub(crate) ssm: aws_sdk_ssm::Client,
    pub(crate) elbv2: aws_sdk_elasticloadbalancingv2::Client,
    pub(crate) elb: aws_sdk_elasticloadbalancing::Client,
    pub(crate) logs: aws_sdk_cloudwatchlogs::Client,
    pub(crate) roles_anywhere: aws_sdk_rolesanywhere::Client,
    pub(crate) region: String,
    /// Credentials for the tokens of the cluster's Kubernetes API.
    pub(crate) sdk: SdkConfig,
    /// This run's id: the seed of the idempotency tokens of its creates.
    run: String,
    /// Create calls made so far: each gets a token of its own.
    calls: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// The steps whose resource this run made (whatever became of the step): what a rollback
    /// may delete.
    made: std::sync::Arc<std::sync::Mutex<std::collections::BTreeSet<String>>>,
    /// What existed before the run ([`known`]), once looked at.
    known: std::sync::Arc<std::sync::OnceLock<known::Known>>,
    /// Steps whose create was refused as a duplicate: they look for themselves.
    rechecked: std::sync::Arc<std::sync::Mutex<std::collections::BTreeSet<String>>>,
    /// Held while a Fargate profile is replaced (deleted, created, ACTIVE again): one profile
    /// of the cluster is missing at a time. True once a replacement failed: no other starts.
    pub(crate) fargate_replacement: std::sync::Arc<tokio::sync::Mutex<bool>>,
}

impl AwsCloud {
    pub fn new(sdk: &SdkConfig) -> Self {
        Self {
            ec2: aws_sdk_ec2::Client::new(sdk),
            iam: aws_sdk_iam::Client::new(sdk),
            eks: aws_sdk_eks::Client::new(sdk),
            asg: aws_sdk_autoscaling::Client::new(sdk),
            ecr: aws_sdk_ecr::Client::new(sdk),
            ssm: aws_sdk_ssm::Client::new(sdk),
            elbv2: aws_sdk_elasticloadbalancingv2::Client::new(sdk),
            elb: aws_sdk_elasticloadbalancing::Client::new(sdk),
            logs: aws_sdk_cloudwatchlogs::Client::new(sdk),
            roles_anywhere: aws_sdk_rolesanywhere::Client::new(sdk),
            region: sdk.region().map(ToString::to_string).unwrap_or_default(),
            sdk: sdk.clone(),
            run: run_id(),
            calls: std::sync::Arc::default(),
            made: std::sync::Arc::default(),
            known: std::sync::Arc::default(),
            rechecked: std::sync::Arc::default(),
            fargate_replacement: std::sync::Arc::default(),
        }
    }

    /// Look once at what `plan` would create ([`known`]), so that its steps need not look one
    /// by one. Returns the calls the look took.
    pub async fn look_before_create(&self, plan: &crate::plan::Plan) -> usize {
        let known = self.take_stock(plan).await;
        let calls = known.calls;
        let _ = self.known.set(known);
        calls
    }

    /// Whether the resource of `ctx`'s step, keyed `key` (its step id, or its name, see
    /// [`known::Known`]), certainly does not exist, so the step may create it without looking:
    /// the look before the run did not find it, and this run neither made it nor was refused
    /// its create as a duplicate.
    pub(crate) fn absent(&self, ctx: &StepContext<'_>, key: &str) -> bool {
        let id = &ctx.step.id;
        let seen = |set: &std::sync::Mutex<std::collections::BTreeSet<String>>| {
            set.lock().map_or(true, |s| s.contains(id))
        };
        self.was_absent(ctx.step.resource.kind(), key) && !seen(&self.made) && !seen(&self.rechecked)
    }

    /// Whether the look before the run found no resource of `kind` keyed `key`.
    pub(crate) fn was_absent(&self, kind: crate::plan::Kind, key: &str) -> bool {
        self.known.get().is_some_and(|k| k.absent(kind, key))
    }

    /// Record that this run made the resource of `ctx`'s step.
    pub(crate) fn made(&self, ctx: &StepContext<'_>) {
        if let Ok(mut m) = self.made.lock() {
            m.insert(ctx.step.id.clone());
        }
    }

    /// The steps whose resource this run made, including steps that failed or timed out after
    /// their create.
    pub fn made_this_run(&self) -> std::collections::BTreeSet<String> {
        self.made.lock().map(|m| m.clone()).unwrap_or_default()
    }

    /// The idempotency token of one create call (EKS `clientRequestToken`, EC2 `ClientToken`):
    /// the SDK sends it with each of its retries, so that a create whose answer was lost and is
    /// sent again returns the resource the first attempt made instead of a second one. eksup's
    /// own retries of a refused create (a role IAM has not propagated yet) are new calls with a
    /// new token: AWS remembers tokens of requests that succeeded, and nothing promises that it
    /// forgets those of requests it refused.
    pub(crate) fn client_token(&self, ctx: &StepContext<'_>) -> String {
        self.token_for(&format!("{}/{}", ctx.plan.cluster, ctx.step.id))
    }

    /// An idempotency token for one call about `what` (made once, before the SDK's tries).
    pub(crate) fn token_for(&self, what: &str) -> String {
        use sha2::Digest as _;
        let call = self.calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let digest = sha2::Sha256::digest(format!("{}/{what}/{call}", self.run));
        digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
    }

    /// `aws`, `aws-cn` or `aws-us-gov`.
    pub fn partition(&self) -> &'static str {
        partition(&self.region)
    }

    /// `arn:<partition>:iam::aws:policy/<name>`, or `name` if it is already an ARN.
    pub fn managed_policy_arn(&self, name: &str) -> String {
        if name.starts_with("arn:") {
            name.to_string()
        } else {
            format!("arn:{}:iam::aws:policy/{name}", self.partition())
        }
    }
}

/// The AWS partition of a region (one definition, in the plan).
pub use crate::plan::partition;

impl Apply for AwsCloud {
    async fn apply(&self, ctx: &StepContext<'_>) -> anyhow::Result<StepResult> {
        match self.apply_once(ctx).await {
            // The step looked and found nothing, then its create was refused as a duplicate: an
            // attempt whose answer was lost may have made it, and the SDK's retry met it. Look
            // again; the look checks the ownership tags, and what it finds this run made.
            Err(e) if primary_create(&ctx.step.resource).is_some_and(|op| refused_as_duplicate(&e, op)) => {
                ctx.progress.warn(&format!(
                    "`{}` was refused as a duplicate: looking for what an attempt whose answer was lost made",
                    primary_create(&ctx.step.resource).unwrap_or_default()
                ));
                if let Ok(mut r) = self.rechecked.lock() {
                    r.insert(ctx.step.id.clone());
                }
                let r = self.apply_once(ctx).await?;
                self.made(ctx);
                Ok(StepResult { action: Action::Created, ..r })
            }
            other => other,
        }
    }
}

/// The create call that makes a resource whose name AWS keeps unique, so that a retry after a
/// lost answer is refused as a duplicate (the others take idempotency tokens, allow copies, or
/// are refused otherwise).
fn primary_create(resource: &Resource) -> Option<&'static str> {
    match resource {
        Resource::Subnet { .. } => Some("CreateSubnet"),
        Resource::SecurityGroup { .. } => Some("CreateSecurityGroup"),
        Resource::IamRole { .. } => Some("CreateRole"),
        Resource::InstanceProfile { .. } => Some("CreateInstanceProfile"),
        Resource::OidcProvider { .. } => Some("CreateOpenIDConnectProvider"),
        Resource::LaunchTemplate(_) => Some("CreateLaunchTemplate"),
        Resource::KeyPair { .. } => Some("ImportKeyPair"),
        Resource::PlacementGroup { .. } => Some("CreatePlacementGroup"),
        Resource::AutoScalingGroup(_) => Some("CreateAutoScalingGroup"),
        Resource::EcrRepository(_) => Some("CreateRepository"),
        Resource::TrustAnchor { .. } => Some("CreateTrustAnchor"),
        Resource::AnywhereProfile { .. } => Some("CreateProfile"),
        Resource::Vpc { .. }
        | Resource::ImportVpc { .. }
        | Resource::InternetGateway { .. }
        | Resource::EgressOnlyInternetGateway { .. }
        | Resource::ElasticIp { .. }
        | Resource::NatGateway { .. }
        | Resource::GatewayAttachment { .. }
        | Resource::RouteTable { .. }
        | Resource::NetworkAcl { .. }
        | Resource::VpcEndpoint { .. }
        | Resource::EndpointAccess { .. }
        | Resource::SecurityGroupRules { .. }
        | Resource::ControlPlane(_)
        | Resource::ManagedNodegroup(_)
        | Resource::FargateProfile(_)
        | Resource::Addon { .. }
        | Resource::AddonReady { .. }
        | Resource::AccessEntry { .. }
        | Resource::NodesReady { .. }
        | Resource::ServiceAccount { .. }
        | Resource::ServiceAccess { .. }
        | Resource::AccountMappings { .. }
        | Resource::EfaDevicePlugin { .. }
        | Resource::PodIdentityAssociation { .. }
        | Resource::IdentityProvider(_)
        | Resource::Capability(_)
        | Resource::Kubeconfig { .. } => None,
    }
}

/// Whether `e` is `operation` refused because the resource exists.
fn refused_as_duplicate(e: &anyhow::Error, operation: &str) -> bool {
    e.chain().filter_map(|c| c.downcast_ref::<CloudError>()).any(|c| {
        matches!(c, CloudError::Api { operation: op, .. } if *op == operation)
            && c.kind() == ErrorKind::AlreadyExists
    })
}

impl AwsCloud {
    async fn apply_once(&self, ctx: &StepContext<'_>) -> anyhow::Result<StepResult> {
        let result = match &ctx.step.resource {
            Resource::Vpc { cidr, ipv6, ipv6_pool } => {
                self.ensure_vpc(ctx, cidr, *ipv6, ipv6_pool.as_ref()).await
            }
            Resource::ImportVpc { vpc_id, subnets, ipv6 } => self.import_vpc(vpc_id, subnets, *ipv6).await,
            Resource::Subnet { vpc, az, cidr, kind, ipv6, hostname_type } => {
                let extra =
                    ec2::SubnetExtras { ipv6: ipv6.as_ref(), hostname_type: hostname_type.as_deref() };
                self.ensure_subnet(ctx, vpc, az, cidr, *kind, extra).await
            }
            Resource::InternetGateway { vpc } => self.ensure_internet_gateway(ctx, vpc).await,
            Resource::EgressOnlyInternetGateway { vpc } => self.ensure_egress_only_gateway(ctx, vpc).await,
            Resource::ElasticIp { .. } => self.ensure_elastic_ip(ctx).await,
            Resource::KeyPair { key_name, public_key } => {
                self.ensure_key_pair(ctx, key_name, public_key).await
            }
            pg @ Resource::PlacementGroup { .. } => self.ensure_placement_group(ctx, pg).await,
            Resource::NatGateway { subnet, allocation, .. } => {
                self.ensure_nat_gateway(ctx, subnet, allocation).await
            }
            table @ Resource::RouteTable { .. } => self.ensure_route_table_of(ctx, table).await,
            Resource::GatewayAttachment { vpc, gateway_id, subnets } => {
                self.ensure_gateway_attachment(ctx, vpc, gateway_id, subnets).await
            }
            Resource::NetworkAcl { vpc, subnets, rules, .. } => {
                self.ensure_network_acl(ctx, vpc, subnets, rules).await
            }
            Resource::SecurityGroup { vpc, group_name, description, rules, kubernetes_owned } => {
                self.ensure_security_group(ctx, vpc, group_name, description, rules, *kubernetes_owned).await
            }
            Resource::SecurityGroupRules { group, rules } => self.ensure_rules_step(ctx, group, rules).await,
            endpoint @ Resource::VpcEndpoint { .. } => {
                self.ensure_vpc_endpoint(ctx, &vpc_endpoint::EndpointSpec::of(endpoint)?).await
            }
            Resource::EndpointAccess { public, private } => {
                self.ensure_endpoint_access(ctx, *public, *private).await
            }
            role @ Resource::IamRole { .. } => self.ensure_role(ctx, &iam::RoleSpec::of(role)?).await,
            Resource::InstanceProfile { profile_name, role } => {
                self.ensure_instance_profile(ctx, profile_name, role).await
            }
            ira @ (Resource::TrustAnchor { .. } | Resource::AnywhereProfile { .. }) => {
                self.ensure_roles_anywhere(ctx, ira).await
            }
            Resource::ControlPlane(spec) => self.ensure_control_plane(ctx, spec).await,
            Resource::OidcProvider { issuer } => self.ensure_oidc_provider(ctx, issuer).await,
            Resource::LaunchTemplate(spec) => self.ensure_launch_template(ctx, spec).await,
            Resource::ManagedNodegroup(spec) => self.ensure_nodegroup(ctx, spec).await,
            Resource::AutoScalingGroup(spec) => self.ensure_auto_scaling_group(ctx, spec).await,
            Resource::FargateProfile(spec) => self.ensure_fargate_profile(ctx, spec).await,
            addon @ Resource::Addon { .. } => self.ensure_addon(ctx, &eks::AddonSpec::of(addon)?).await,
            Resource::AddonReady { addon_name } => self.addon_ready(ctx, addon_name).await,
            inside @ (Resource::NodesReady { .. }
            | Resource::ServiceAccount { .. }
            | Resource::ServiceAccess { .. }
            | Resource::AccountMappings { .. }
            | Resource::EfaDevicePlugin { .. }) => self.apply_in_cluster(ctx, inside).await,
            Resource::AccessEntry { principal, entry_type, kubernetes_groups, username, policies } => {
                self.ensure_access_entry(
                    ctx,
                    principal,
                    entry_type,
                    kubernetes_groups,
                    username.as_deref(),
                    policies,
                )
                .await
            }
            Resource::EcrRepository(spec) => self.ensure_repository(ctx, spec).await,
            Resource::IdentityProvider(spec) => self.ensure_identity_provider(ctx, spec).await,
            Resource::Capability(spec) => self.ensure_capability(ctx, spec).await,
            pia @ Resource::PodIdentityAssociation { .. } => {
                self.ensure_pod_identity(ctx, &eks::PodIdentitySpec::of(pia)?).await
            }
            // Local: the provider is wrapped in `executor::WithKubeconfig`.
            Resource::Kubeconfig { .. } => Err(anyhow::anyhow!("kubeconfig steps are local")),
        };
        // A node group (an add-on) says what it did, so its node wait (its wait) can tell a
        // fresh one from one a re-run found.
        let says = matches!(
            ctx.step.resource,
            Resource::ManagedNodegroup(_) | Resource::AutoScalingGroup(_) | Resource::Addon { .. }
        );
        result
            .map(|r| {
                let label = r.action.label();
                if says { r.with(keys::ACTION, label) } else { r }
            })
            .with_context(|| format!("failed to create {}", ctx.step.description))
    }
}

impl AwsCloud {
    /// The steps done through the cluster's Kubernetes API.
    async fn apply_in_cluster(
        &self,
        ctx: &StepContext<'_>,
        resource: &Resource,
    ) -> anyhow::Result<StepResult> {
        match resource {
            Resource::NodesReady { nodegroup, selector, count, endpoint, certificate_authority } => {
                self.ensure_nodes_ready(ctx, nodegroup, selector, *count, endpoint, certificate_authority)
                    .await
            }
            Resource::ServiceAccount {
                namespace,
                name,
                labels,
                annotations,
                role,
                endpoint,
                certificate_authority,
            } => {
                let role = role.as_ref();
                let account = nodes::ServiceAccountSpec { namespace, name, labels, annotations, role };
                self.ensure_service_account(ctx, &account, endpoint, certificate_authority).await
            }
            plugin @ Resource::EfaDevicePlugin { .. } => self.ensure_efa_device_plugin(ctx, plugin).await,
            access => self.ensure_kubernetes_access(ctx, access).await,
        }
    }
}

/// The delete of one resource found to exist ([`crate::plan::teardown`]): each kind's handler
/// lives beside its create.
impl Apply<Doomed> for AwsCloud {
    async fn apply(&self, ctx: &StepContext<'_, Doomed>) -> anyhow::Result<StepResult> {
        let d = &ctx.step.resource;
        let (p, cluster, name) = (&ctx.progress, ctx.plan.cluster.as_str(), d.name.as_str());
        let none = Vec::new();
        let list = Detail::names;
        let mut action = Action::Deleted;
        let result = match d.kind {
            Kind::KubernetesLoadBalancer => match &d.detail {
                // A target group stays in use for a moment after its load balancer is deleted.
                Detail::LoadBalancer(lb) => {
                    while_dependent(p, || self.delete_kubernetes_load_balancer(lb)).await
                }
                _ => Ok(()),
            },
            Kind::FargateProfile => self.delete_fargate_profile(p, cluster, name).await,
            Kind::ManagedNodegroup => self.delete_managed_nodegroup(p, cluster, name).await,
            // Node groups must be gone before the control plane goes: always wait here.
            Kind::AutoScalingGroup => self.delete_asg(p, name, false).await,
            Kind::AccessEntry => self.delete_access_entry(cluster, name).await,
            Kind::Capability => self.delete_capability(p, cluster, name).await,
            Kind::PodIdentityAssociation => match &d.detail {
                Detail::AssociationId { id } => self.delete_pod_identity(cluster, id).await,
                _ => Ok(()),
            },
            // Inside the cluster: it goes with the control plane.
            Kind::ServiceAccount | Kind::KubernetesAccess | Kind::DevicePlugin | Kind::IdentityProvider => {
                Ok(())
            }
            Kind::Addon => self.delete_addon(p, cluster, name, false).await,
            Kind::SecurityGroupRules => match &d.detail {
                Detail::Rules { doomed, others } => self.revoke_doomed_rules(doomed, others).await,
                _ => Ok(()),
            },
            Kind::ControlPlane => match &d.detail {
                Detail::ControlPlane { vpcs, wait } => {
                    self.delete_control_plane(p, cluster, vpcs, *wait).await
                }
                _ => self.delete_control_plane(p, cluster, &none, true).await,
            },
            Kind::NetworkInterface => match self.delete_cni_leftovers(p, cluster, list(&d.detail)).await {
                Ok(0) => {
                    action = Action::Absent;
                    Ok(())
                }
                other => other.map(|_| ()),
            },
            Kind::OidcProvider => self.delete_oidc_provider(name).await,
            Kind::LaunchTemplate => match &d.detail {
                Detail::TemplateId { id } => self.delete_launch_template(id).await,
                _ => Ok(()),
            },
            Kind::NatGateway => self.delete_nat_gateway(p, name).await,
            Kind::ElasticIp => self.release_elastic_ip(p, name).await,
            Kind::KeyPair => self.delete_key_pair(name).await,
            Kind::PlacementGroup => self.delete_placement_group(p, name).await,
            Kind::InternetGateway => self.delete_internet_gateway(p, name, list(&d.detail)).await,
            Kind::EgressOnlyInternetGateway => self.delete_egress_only_gateway(p, name).await,
            Kind::VpcEndpoint => self.delete_vpc_endpoint(p, name).await,
            Kind::GatewayAttachment => self.delete_gateway_attachment(p, name, list(&d.detail)).await,
            Kind::RouteTable => self.delete_route_table(name, list(&d.detail)).await,
            Kind::NetworkAcl => match &d.detail {
                Detail::AclAssociations { vpc, ids } => self.delete_network_acl(name, vpc, ids).await,
                _ => self.delete_network_acl(name, "", &none).await,
            },
            Kind::SecurityGroup => self.delete_security_group(p, name).await,
            Kind::Subnet => self.delete_subnet(p, name).await,
            Kind::Vpc => self.delete_vpc(p, name).await,
            Kind::InstanceProfile => self.delete_instance_profile(name, list(&d.detail)).await,
            Kind::IamRole => self.delete_role(name).await,
            Kind::AnywhereProfile => self.delete_anywhere_profile(name).await,
            Kind::TrustAnchor => self.delete_trust_anchor(name).await,
            Kind::EcrRepository => self.delete_repository(name, true).await.map(|_| ()),
            // Nothing of these exists in AWS to delete.
            Kind::ExistingVpc
            | Kind::NodesReady
            | Kind::AddonReady
            | Kind::EndpointAccess
            | Kind::Kubeconfig => Ok(()),
        };
        result.with_context(|| format!("failed to delete {}", ctx.step.description))?;
        Ok(StepResult::new(action))
    }
}

/// The tags of the resource a step makes: the plan's tags, the ownership tags and `Name`
/// (`<cluster>/<step id>`).
pub(crate) fn step_tags(ctx: &StepContext<'_>) -> BTreeMap<String, String> {
    ctx.plan.step_tags(&ctx.step.id)
}

/// A run id unique to this process: its pid and start time.
fn run_id() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    format!("{}-{}", std::process::id(), now.as_nanos())
}

/// `kubernetes.io/cluster/<cluster>`: the tag Kubernetes (cloud provider, load balancer controller,
/// cluster autoscaler) looks for on subnets, node security groups, groups and instances.
pub fn kubernetes_cluster_tag(cluster: &str) -> String {
    format!("kubernetes.io/cluster/{cluster}")
}

/// Whether `tags` say the resource belongs to `cluster`.
pub(crate) fn owned_by<'a>(mut tags: impl Iterator<Item = (&'a str, &'a str)>, cluster: &str) -> bool {
    tags.any(|(k, v)| k == tags::CLUSTER && v == cluster)
}

/// The answer of one poll.
pub(crate) enum Poll<T> {
    Ready(T),
    /// Not yet; the status AWS reports.
    Pending(String),
}

/// Delays between retries of a call AWS refuses for a passing reason (IAM propagation, a busy
/// cluster): a tenth of the time waited so far, at least 1 s and at most 30 s.
#[derive(Debug, Clone)]
pub(crate) struct Backoff {
    started: Instant,
}

impl Backoff {
    pub(crate) const FIRST: Duration = Duration::from_secs(1);
    pub(crate) const MAX: Duration = Duration::from_secs(30);

    pub(crate) fn new() -> Self {
        Self { started: Instant::now() }
    }

    /// The delay for a poll after `waited` so far.
    pub(crate) fn delay_after(waited: Duration) -> Duration {
        (waited / 10).clamp(Self::FIRST, Self::MAX)
    }

    pub(crate) fn next_delay(&mut self) -> Duration {
        Self::delay_after(self.started.elapsed())
    }
}

/// How long AWS usually takes to make (or remove) a resource, and how long eksup waits at most.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    pub expected: Duration,
    pub limit: Duration,
}

impl Span {
    pub(crate) const fn new(expected: Duration, limit: Duration) -> Self {
        Self { expected, limit }
    }

    /// A create of `kind`: expected to take its typical time.
    pub(crate) const fn making(kind: crate::plan::Kind, limit: Duration) -> Self {
        Self { expected: kind.typical(), limit }
    }
}

/// When to poll a resource that AWS is making. AWS offers no signal but the resource's status,
/// so a wait is as late as the gap between two polls; yet each poll costs a call against the
/// account's rate limits. So:
/// - at most one poll every 5 s ([`Self::DENSE`]): at most 12 a minute for each waiting
///   resource, and from the moment the resource could be ready (the first minute, and from 70 %
///   of its expected duration to twice that) exactly that, so no wait ends more than 5 s after
///   AWS is done;
/// - in between, sparse: a tenth of the time waited (at most 30 s), never past the point where
///   dense polling starts; long after the expected finish, sparse again.
///
/// A 9-minute control plane is polled 12 times in its first minute, about 20 times until 6.3
/// minutes, then every 5 s: 66 polls in all, where a fixed 5 s would make 108 and a fixed 30 s
/// would finish up to 30 s late.
#[derive(Debug, Clone)]
pub(crate) struct PollSchedule {
    started: Instant,
    expected: Duration,
}

impl PollSchedule {
    pub(crate) const DENSE: Duration = Duration::from_secs(5);
    pub(crate) const SPARSE: Duration = Duration::from_secs(30);
    const FIRST_MINUTE: Duration = Duration::from_secs(60);

    pub(crate) fn new(expected: Duration) -> Self {
        Self { started: Instant::now(), expected }
    }

    /// The delay before the next poll, after `waited` so far, for a resource expected to take
    /// `expected`.
    pub(crate) fn delay_after(waited: Duration, expected: Duration) -> Duration {
        let near = expected.mul_f64(0.7);
        let late = expected * 2;
        if waited < Self::FIRST_MINUTE || (waited + Self::DENSE >= near && waited < late) {
            return Self::DENSE;
        }
        let sparse = (waited / 10).clamp(Self::DENSE, Self::SPARSE);
        if waited < near { sparse.min(near - waited).max(Self::DENSE) } else { sparse }
    }

    pub(crate) fn next_delay(&self) -> Duration {
        Self::delay_after(self.started.elapsed(), self.expected)
    }
}

/// Poll `check` on a [`PollSchedule`] until it is ready, reporting each pending status, for at
/// most `span.limit`. Stops early when the run is cancelled.
pub(crate) async fn wait_for<T, F, Fut>(
    progress: &Progress<'_>,
    what: &str,
    span: Span,
    mut check: F,
) -> anyhow::Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<Poll<T>>>,
{
    let started = Instant::now();
    let schedule = PollSchedule::new(span.expected);
    loop {
        // A poll that fails for a passing reason (throttling, a 5xx, the network) is retried:
        // the resource is still being made.
        let answer = match budget::polling(check()).await {
            Err(e) if e.downcast_ref::<CloudError>().is_some_and(CloudError::is_retryable) => {
                Poll::Pending(format!("the last poll failed, retrying: {e:#}"))
            }
            other => other?,
        };
        match answer {
            Poll::Ready(v) => return Ok(v),
            Poll::Pending(status) => {
                if started.elapsed() >= span.limit {
                    return Err(CloudError::WaitTimeout {
                        what: what.to_string(),
                        status,
                        waited: started.elapsed(),
                    }
                    .into());
                }
                progress.waiting(&status);
                progress.sleep(schedule.next_delay()).await?;
            }
        }
    }
}

/// Retry `op` while `retry(err)` says so (IAM propagation, a busy cluster), with [`Backoff`], for at
/// most `limit`.
pub(crate) async fn retry_while<T, F, Fut>(
    progress: &Progress<'_>,
    limit: Duration,
    retry: impl Fn(&CloudError) -> Option<&'static str>,
    mut op: F,
) -> anyhow::Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, CloudError>>,
{
    let started = Instant::now();
    let mut backoff = Backoff::new();
    loop {
        match op().await {
            Ok(v) => return Ok(v),
            Err(e) => match retry(&e) {
                Some(status) if started.elapsed() < limit => {
                    progress.waiting(status);
                    progress.sleep(backoff.next_delay()).await?;
                }
                _ => return Err(e.into()),
            },
        }
    }
}

/// Delete with `op`, retried while AWS says something still holds the resource (a
/// `DependencyViolation`, a resource in use, an address still mapped) for up to
/// [`limits::DEPENDENCY`]. Gone already is done.
pub(crate) async fn while_dependent<F, Fut>(progress: &Progress<'_>, mut op: F) -> anyhow::Result<()>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<(), CloudError>>,
{
    let held = |e: &CloudError| match (e.kind(), e.code()) {
        (ErrorKind::DependencyViolation, _) => Some("DependencyViolation"),
        (ErrorKind::InUse, _) => Some("in use"),
        (_, Some("InvalidIPAddress.InUse")) => Some("InvalidIPAddress.InUse"),
        (_, Some("AuthFailure")) => Some("AuthFailure"),
        _ => None,
    };
    retry_while(progress, limits::DEPENDENCY, held, || {
        let attempt = op();
        async move {
            match attempt.await {
                Err(e) if e.is_not_found() => Ok(()),
                other => other,
            }
        }
    })
    .await
}

/// EC2 is eventually consistent: right after a create, the new resource can be NotFound to the
/// next call for a few seconds (AWS's EC2 eventual-consistency guide). Retry NotFound for up to
/// [`limits::EVENTUAL`], with short delays (0.5 s doubling to 4 s).
pub(crate) async fn after_create<T, F, Fut>(mut op: F) -> Result<T, CloudError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, CloudError>>,
{
    let started = Instant::now();
    let mut delay = Duration::from_millis(500);
    loop {
        match op().await {
            Err(e) if e.is_not_found() && started.elapsed() < limits::EVENTUAL => {
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(4));
            }
            other => return other,
        }
    }
}

/// A just-created IAM role or instance profile is not yet visible to the service.
pub(crate) fn iam_propagation(e: &CloudError) -> Option<&'static str> {
    let m = e.message().unwrap_or_default().to_ascii_lowercase();
    let code = e.code().unwrap_or_default();
    let invalid = matches!(
        code,
        "InvalidParameterException" | "InvalidParameterValue" | "InvalidRequestException" | "ValidationError"
    );
    // EKS refuses another account's role for good (`Cross-account pass role is not allowed`).
    let for_good = m.contains("cross-account");
    (invalid
        && !for_good
        && (m.contains("role") || m.contains("instance profile") || m.contains("principal")))
    .then_some("waiting for IAM to propagate")
}

/// Wait limits per resource.
pub(crate) mod limits {
    use std::time::Duration;

    pub const CLUSTER: Duration = Duration::from_secs(40 * 60);
    pub const NODEGROUP: Duration = Duration::from_secs(30 * 60);
    pub const FARGATE: Duration = Duration::from_secs(15 * 60);
    pub const ADDON: Duration = Duration::from_secs(15 * 60);
    pub const NODES_READY: Duration = Duration::from_secs(20 * 60);
    pub const NAT: Duration = Duration::from_secs(15 * 60);
    /// IAM is eventually consistent; terraform waits up to 2 minutes for a new role to be usable.
    /// AWS's user guide: associating an identity provider takes a while (15 to 30 minutes).
    pub const IDENTITY_PROVIDER: Duration = Duration::from_secs(60 * 60);
    pub const CAPABILITY: Duration = Duration::from_secs(30 * 60);
    pub const IAM_PROPAGATION: Duration = Duration::from_secs(120);
    pub const DEPENDENCY: Duration = Duration::from_secs(10 * 60);
    /// How long a new EC2 resource may stay invisible to the next call.
    pub const EVENTUAL: Duration = Duration::from_secs(60);

    use super::Span;
    use crate::plan::Kind;

    // What each wait expects (the kind's typical time on AWS) and its limit.
    pub const CLUSTER_ACTIVE: Span = Span::making(Kind::ControlPlane, CLUSTER);
    pub const NODEGROUP_ACTIVE: Span = Span::making(Kind::ManagedNodegroup, NODEGROUP);
    pub const FARGATE_ACTIVE: Span = Span::making(Kind::FargateProfile, FARGATE);
    pub const ADDON_ACTIVE: Span = Span::making(Kind::Addon, ADDON);
    pub const NODES_ARE_READY: Span = Span::making(Kind::NodesReady, NODES_READY);
    pub const NAT_AVAILABLE: Span = Span::making(Kind::NatGateway, NAT);
    pub const GATEWAY_ATTACHED: Span = Span::making(Kind::GatewayAttachment, Duration::from_secs(15 * 60));
    pub const GATEWAY_DETACHED: Span = Span::new(Duration::from_secs(60), Duration::from_secs(15 * 60));
    pub const VPC_ENDPOINT_AVAILABLE: Span = Span::making(Kind::VpcEndpoint, Duration::from_secs(10 * 60));
    /// The API server answering a service account's create (it does once the control plane is
    /// ACTIVE; a few minutes cover an endpoint still coming up).
    pub const SERVICE_ACCOUNT_MADE: Span = Span::making(Kind::ServiceAccount, Duration::from_secs(5 * 60));
    /// The same for a device plugin's DaemonSet.
    pub const DEVICE_PLUGIN_MADE: Span = Span::making(Kind::DevicePlugin, Duration::from_secs(5 * 60));
    // Deletes: a control plane goes in about 4 minutes, a node group or an Auto Scaling group
    // once its instances are terminated (about 3), a Fargate profile in about 2, a NAT gateway
    // in about 1.
    pub const CLUSTER_GONE: Span = Span::new(Duration::from_secs(240), CLUSTER);
    pub const NODEGROUP_GONE: Span = Span::new(Duration::from_secs(180), NODEGROUP);
    pub const FARGATE_GONE: Span = Span::new(Duration::from_secs(120), FARGATE);
    pub const ADDON_GONE: Span = Span::new(Duration::from_secs(60), ADDON);
    pub const NAT_GONE: Span = Span::new(Duration::from_secs(60), NAT);
    /// An interface endpoint's network interfaces go in about a minute.
    pub const VPC_ENDPOINT_GONE: Span = Span::new(Duration::from_secs(60), Duration::from_secs(10 * 60));
    pub const CAPABILITY_GONE: Span = Span::new(Duration::from_secs(120), CAPABILITY);
    /// The log group EKS makes once control plane logging starts: at once, or within a minute.
    pub const LOG_GROUP_MADE: Span = Span::new(Duration::from_secs(5), Duration::from_secs(120));
    /// A change of logging or endpoints: a few minutes.
    pub const CLUSTER_UPDATED: Span = Span::new(Duration::from_secs(180), CLUSTER);
    /// A new Kubernetes version of the control plane: AWS says up to about ten minutes.
    pub const CLUSTER_UPGRADED: Span = Span::new(Duration::from_secs(600), Duration::from_secs(60 * 60));
    /// A managed node group's rolling update: new nodes, then the old ones drained (each
    /// waiting on its pods' disruption budgets), a quarter of an hour for a small group.
    pub const NODEGROUP_UPGRADED: Span = Span::new(Duration::from_secs(900), Duration::from_secs(90 * 60));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_is_a_tenth_of_the_wait_between_one_and_thirty_seconds() {
        let d = |s: u64| Backoff::delay_after(Duration::from_secs(s)).as_secs();
        assert_eq!([d(0), d(5), d(20), d(60), d(200), d(600)], [1, 1, 2, 6, 20, 30]);
        assert_eq!(Backoff::new().next_delay(), Duration::from_secs(1));
    }

    /// The poll instants of a wait that lasts `total`, on the schedule for `expected`.
    fn polls(expected: u64, total: u64) -> Vec<Duration> {
        let (expected, total) = (Duration::from_secs(expected), Duration::from_secs(total));
        let mut at = vec![Duration::ZERO];
        while let Some(&t) = at.last().filter(|t| **t < total) {
            at.push(t + PollSchedule::delay_after(t, expected));
        }
        at
    }

    #[test]
    fn polls_are_at_most_twelve_in_any_minute() {
        for (expected, total) in [(540, 3000), (180, 1800), (30, 900), (100, 600), (2, 300)] {
            let at = polls(expected, total);
            for (i, t) in at.iter().enumerate() {
                let in_window = at[i..].iter().take_while(|u| **u < *t + Duration::from_secs(60)).count();
                assert!(in_window <= 12, "expected {expected}s: {in_window} polls in the minute from {t:?}");
            }
        }
    }

    #[test]
    fn polls_are_dense_where_the_resource_may_be_ready() {
        // Whenever AWS finishes, in the first minute and from 70 % to 200 % of the expected time,
        // the next poll comes within 5 s.
        for expected in [540_u64, 180, 100, 30] {
            let at = polls(expected, expected * 3);
            for done in (0..expected * 2).filter(|s| *s < 60 || *s * 10 >= expected * 7) {
                let done = Duration::from_secs(done);
                let seen = at.iter().find(|t| **t >= done).copied().unwrap_or(Duration::MAX);
                assert!(
                    seen - done <= PollSchedule::DENSE,
                    "expected {expected}s, done at {done:?}, seen at {seen:?}"
                );
            }
        }
    }

    #[test]
    fn a_control_plane_is_polled_sparsely_before_it_can_be_ready() {
        let at = polls(540, 540);
        assert!(at.len() <= 66, "{} polls for a 9-minute control plane", at.len());
        let gaps: Vec<u64> = at.windows(2).map(|w| (w[1] - w[0]).as_secs()).collect();
        assert!(gaps.iter().any(|g| *g >= 20), "no sparse gap: {gaps:?}");
        // Long after the expected time, sparse again (up to 30 s).
        assert_eq!(
            PollSchedule::delay_after(Duration::from_secs(1200), Duration::from_secs(540)).as_secs(),
            30
        );
    }

    #[test]
    fn partitions() {
        assert_eq!(partition("us-west-2"), "aws");
        assert_eq!(partition("cn-north-1"), "aws-cn");
        assert_eq!(partition("us-gov-west-1"), "aws-us-gov");
    }

    #[test]
    fn iam_propagation_errors_are_recognised() {
        let e = CloudError::Api {
            operation: "CreateCluster",
            code: Some("InvalidParameterException".into()),
            message: Some("Role with arn: x, could not be assumed because it does not exist".into()),
            status: Some(400),
        };
        assert!(iam_propagation(&e).is_some());
        let e = CloudError::Api {
            operation: "CreateCluster",
            code: Some("InvalidParameterException".into()),
            message: Some("unsupported Kubernetes version".into()),
            status: Some(400),
        };
        assert!(iam_propagation(&e).is_none());
        let e = CloudError::Api {
            operation: "CreateAutoScalingGroup",
            code: Some("ValidationError".into()),
            message: Some("You must use a valid fully-formed launch template. Value (eksup-demo-ng) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name".into()),
            status: Some(400),
        };
        assert!(iam_propagation(&e).is_some());
        let e = CloudError::Api {
            operation: "CreatePodIdentityAssociation",
            code: Some("InvalidParameterException".into()),
            message: Some("Cross-account pass role is not allowed".into()),
            status: Some(400),
        };
        assert!(iam_propagation(&e).is_none());
    }
}
