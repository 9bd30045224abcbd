//! The command line: clap types only. `commands/` maps them to options; behaviour lives in `ops/`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::output::{ColorChoice, OutputFormat, PlanFormat};

#[derive(Debug, Parser)]
#[command(
    name = "eksup",
    version,
    about = "Bring up production-ready Amazon EKS clusters from one declarative YAML file",
    long_about = None,
    after_help = "Examples:\n  eksup create cluster -f cluster.yaml --dry-run\n  eksup create cluster -f cluster.yaml\n  eksup get cluster\n  eksup delete cluster -f cluster.yaml --yes"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// AWS region (default: the config file, then AWS_REGION and the AWS profile)
    #[arg(long, short = 'r', global = true, value_name = "REGION", value_parser = parse_region)]
    pub region: Option<String>,
    /// AWS profile from the shared config files
    #[arg(long, short = 'p', global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// Say more (repeatable)
    #[arg(long, short = 'v', global = true, action = clap::ArgAction::Count, conflicts_with = "quiet")]
    pub verbose: u8,
    /// Say only errors
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// When to use colours (NO_COLOR is honoured with `auto`)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a cluster, node group or repository
    #[command(subcommand)]
    Create(CreateCommand),
    /// Show clusters, node groups or repositories
    #[command(subcommand)]
    Get(GetCommand),
    /// Delete a cluster, node group or repository
    #[command(subcommand)]
    Delete(DeleteCommand),
    /// Change the size of a node group
    #[command(subcommand)]
    Scale(ScaleCommand),
    /// Add or change labels of a managed node group's nodes
    #[command(subcommand)]
    Set(SetCommand),
    /// Remove labels of a managed node group's nodes
    #[command(subcommand)]
    Unset(UnsetCommand),
    /// Cordon a node group's nodes and evict their pods (or `--undo`)
    #[command(subcommand)]
    Drain(DrainCommand),
    /// Update an add-on in place
    #[command(subcommand)]
    Update(UpdateCommand),
    /// Move a control plane or a managed node group to a newer Kubernetes version
    #[command(subcommand)]
    Upgrade(UpgradeCommand),
    /// Utilities: kubeconfig, schema, cluster settings and what EKS offers
    #[command(subcommand)]
    Utils(UtilsCommand),
    /// Write a cluster's kubeconfig entries and make its context current
    #[command(
        after_help = "Examples:\n  eksup set-context demo --region us-west-2\n  eksup set-context demo --namespace kube-system --alias demo"
    )]
    SetContext(SetContextArgs),
    /// Print an ExecCredential with a bearer token for a cluster (kubectl exec plugin)
    #[command(after_help = "Examples:\n  eksup get-token --cluster-name demo --region us-west-2")]
    GetToken(GetTokenArgs),
    /// Amazon ECR helpers
    #[command(subcommand)]
    Ecr(EcrCommand),
    /// Write a commented cluster YAML, asking questions on a terminal
    #[command(
        after_help = "Examples:\n  eksup init\n  eksup init -f prod.yaml --name prod --node-kind mixed --nat HighlyAvailable --non-interactive\n  eksup --region eu-west-1 init --name demo --create"
    )]
    Init(InitArgs),
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  eksup completion bash > /etc/bash_completion.d/eksup\n  eksup completion zsh > \"${fpath[1]}/_eksup\""
    )]
    Completion(CompletionArgs),
    /// Print the version
    #[command(after_help = "Examples:\n  eksup version\n  eksup version -o json")]
    Version(VersionArgs),
}

// ---------------------------------------------------------------- create

#[derive(Debug, Subcommand)]
pub enum CreateCommand {
    /// Create a cluster from a config file or from flags
    #[command(
        after_help = "Examples:\n  eksup create cluster -f cluster.yaml --dry-run\n  eksup create cluster -f cluster.yaml\n  eksup create cluster --name demo --region us-west-2 --nodes 3 --node-type m5.large\n  cat cluster.yaml | eksup create cluster -f -"
    )]
    Cluster(Box<CreateClusterArgs>),
    /// Create node groups of an existing cluster from a config file
    #[command(
        alias = "ng",
        after_help = "Examples:\n  eksup create nodegroup -f cluster.yaml --include ng-2"
    )]
    Nodegroup(CreateNodegroupArgs),
    /// Create service accounts and their IAM roles on an existing cluster, from flags or a config file
    #[command(
        aliases = ["iamserviceaccounts"],
        after_help = "From flags: one service account, its IAM role trusted through the cluster's OIDC provider (made if missing), with `--attach-policy-arn` or a role of yours with `--attach-role-arn`. From a file: its `iam.serviceAccounts` (with `iam.withOIDC: true`). The Kubernetes ServiceAccount is made, or annotated when it exists, unless `--role-only`/`roleOnly`. eksup creates unless `--dry-run`: `--approve` is accepted for eksctl's command lines and changes nothing.\n\nExamples:\n  eksup create iamserviceaccount --cluster demo --name reader --namespace backend --attach-policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess\n  eksup create iamserviceaccount --cluster demo --name autoscaler --namespace kube-system --role-only --role-name demo-autoscaler --attach-policy-arn arn:aws:iam::111122223333:policy/autoscaling\n  eksup create iamserviceaccount -f cluster.yaml\n  eksup create iamserviceaccount -f cluster.yaml --include 'kube-system/*' --dry-run"
    )]
    Iamserviceaccount(CreateServiceAccountArgs),
    /// Create EKS Pod Identity associations and their IAM roles on an existing cluster, from flags or a config file
    #[command(
        aliases = ["podidentityassociations"],
        after_help = "From flags: one association, with a role of yours (`--role-arn`) or one eksup makes with `--permission-policy-arns` and `--well-known-policies`. From a file: its `iam.podIdentityAssociations` (`--include`/`--exclude` match `namespace/serviceAccountName`). The Kubernetes ServiceAccount with `--create-service-account`/`createServiceAccount`, and the `eks-pod-identity-agent` add-on if missing.\n\nExamples:\n  eksup create podidentityassociation --cluster demo --namespace dev --service-account-name app --permission-policy-arns arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess\n  eksup create podidentityassociation --cluster demo --namespace ops --service-account-name job --role-arn arn:aws:iam::111122223333:role/job --create-service-account\n  eksup create podidentityassociation -f cluster.yaml --include 'dev/*' --dry-run"
    )]
    Podidentityassociation(CreatePodIdentityArgs),
    /// Create add-ons on an existing cluster, from flags or a config file
    #[command(
        aliases = ["addons"],
        after_help = "From flags: one add-on, at `--version` (default: EKS's default for the cluster's Kubernetes version), with a role of yours (`--service-account-role-arn`) or one eksup makes with `--attach-policy-arn` (through the cluster's OIDC provider, made if missing). From a file: its `addons` (and, for a cluster eksup made, the default add-ons); `--include`/`--exclude` match add-on names.\n\nExamples:\n  eksup create addon --cluster demo --name aws-ebs-csi-driver --version latest --force\n  eksup create addon --cluster demo --name eks-pod-identity-agent\n  eksup create addon -f cluster.yaml --include aws-ebs-csi-driver --dry-run"
    )]
    Addon(CreateAddonArgs),
    /// Create Fargate profiles on an existing cluster, from flags or a config file
    #[command(
        aliases = ["fargateprofiles", "fargate"],
        after_help = "From flags: one profile for the pods of `--namespace` (with `--labels`), in the cluster's private subnets (EKS's choice, as eksctl), with the pod execution role eksup makes (`eksup-<cluster>-fargate`); without `--name` it is `fp-` and 8 hex digits of the selector, so a re-run finds it. From a file: its `fargateProfiles`; `--include`/`--exclude` match profile names.\n\nExamples:\n  eksup create fargateprofile --cluster demo --name fp-dev --namespace dev --labels app=web\n  eksup create fargateprofile -f cluster.yaml --include 'fp-*' --dry-run"
    )]
    Fargateprofile(CreateFargateProfileArgs),
    /// Create access entries on an existing cluster, from flags or a config file
    #[command(
        aliases = ["accessentries"],
        after_help = "From flags: one access entry for `--principal-arn`. From a file: its `accessConfig.accessEntries`, with their access policies; `--include`/`--exclude` match principal ARNs.\n\nExamples:\n  eksup create accessentry --cluster demo --principal-arn arn:aws:iam::111122223333:role/devs --kubernetes-groups devs --kubernetes-username dev\n  eksup create accessentry --cluster demo --principal-arn arn:aws:iam::111122223333:role/nodes --type EC2_LINUX\n  eksup create accessentry -f cluster.yaml --include 'arn:aws:iam::111122223333:role/*' --dry-run"
    )]
    Accessentry(CreateAccessEntryArgs),
    /// Create the config file's EKS capabilities (ACK, kro, Argo CD) on its existing cluster
    #[command(
        aliases = ["capabilities"],
        after_help = "From flags: one ACK or KRO capability (Argo CD needs its Identity Center settings, which only a file holds), with a role of yours (`--role-arn`) or one eksup makes, trusted by `capabilities.eks.amazonaws.com`, with `--attach-policy-arns` and `--attach-policy`. From a file: its `capabilities`, each with its `accessPolicies` on the access entry EKS makes for the role; `--include`/`--exclude` match capability names.\n\nExamples:\n  eksup create capability --cluster demo --name ack --type ACK --attach-policy-arns arn:aws:iam::aws:policy/AmazonS3FullAccess\n  eksup create capability -f cluster.yaml\n  eksup create capability -f cluster.yaml --include argocd --dry-run"
    )]
    Capability(CreateCapabilityArgs),
    /// Create IAM identity mappings on an existing cluster, from flags or a config file
    #[command(
        aliases = ["iamidentitymappings"],
        after_help = "An `--arn`/`arn` as an access entry (`--group system:masters` as the cluster admin access policy); `--service-name`/`serviceName` (with `--namespace`) as the service's RBAC in the namespace and its service-linked role in the aws-auth ConfigMap; `--account`/`account` in aws-auth's `mapAccounts`. From a file: its `iamIdentityMappings`; `--include`/`--exclude` match ARNs, `<service>/<namespace>` and accounts.\n\nExamples:\n  eksup create iamidentitymapping --cluster demo --arn arn:aws:iam::111122223333:role/ops --username ops --group ops\n  eksup create iamidentitymapping --cluster demo --account 111122223333\n  eksup create iamidentitymapping --cluster demo --service-name emr-containers --namespace emr\n  eksup create iamidentitymapping -f cluster.yaml --include 'emr-containers/*' --dry-run"
    )]
    Iamidentitymapping(CreateIdentityMappingArgs),
    /// Create an ECR repository
    #[command(after_help = "Examples:\n  eksup create repository team/app --image-tag-mutability IMMUTABLE")]
    Repository(CreateRepositoryArgs),
}

// ---------------------------------------------------------------- shared arguments

/// `--timeout`, for the commands that wait for AWS.
#[derive(Debug, Args, Clone)]
pub struct TimeoutArg {
    /// Give up after this long (e.g. `40m`, `1h`)
    #[arg(long, default_value = "40m", value_parser = parse_duration)]
    pub timeout: std::time::Duration,
}

/// `-o/--output` of the commands that show data (a table by default).
#[derive(Debug, Args, Clone)]
pub struct OutputArg {
    #[arg(long, short = 'o', value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
}

/// `--kubeconfig`, for the commands that write kubeconfig entries.
#[derive(Debug, Args, Clone, Default)]
pub struct KubeconfigPathArg {
    /// Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)
    #[arg(long, value_name = "PATH")]
    pub kubeconfig: Option<PathBuf>,
}

/// A NAT mode of the VPC (`vpc.nat.gateway`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum NatMode {
    #[default]
    #[value(name = "Single")]
    Single,
    #[value(name = "HighlyAvailable")]
    HighlyAvailable,
    #[value(name = "Disable")]
    Disable,
}

impl NatMode {
    /// The name in the config.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Single => "Single",
            Self::HighlyAvailable => "HighlyAvailable",
            Self::Disable => "Disable",
        }
    }
}

/// The nodes `init` declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum NodeKind {
    #[default]
    Managed,
    SelfManaged,
    Fargate,
    Mixed,
}

/// Whether an ECR repository's tags may be moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TagMutability {
    #[value(name = "MUTABLE")]
    Mutable,
    #[value(name = "IMMUTABLE")]
    Immutable,
}

impl TagMutability {
    /// The name in the config.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mutable => "MUTABLE",
            Self::Immutable => "IMMUTABLE",
        }
    }
}

/// How an ECR repository is encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Encryption {
    #[value(name = "AES256")]
    Aes256,
    #[value(name = "KMS")]
    Kms,
}

impl Encryption {
    /// The name in the config.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Aes256 => "AES256",
            Self::Kms => "KMS",
        }
    }
}

#[derive(Debug, Args, Clone, Default)]
pub struct ConfigFileArg {
    /// Cluster config file (`-` for standard input)
    #[arg(long = "config-file", short = 'f', value_name = "FILE")]
    pub config_file: Option<PathBuf>,
}

/// Which of a config file's entries a `delete <part> -f` removes.
#[derive(Debug, Args, Clone, Default)]
pub struct FileSelectArgs {
    /// Only the file's entries matching these names or globs (`namespace/name` for service
    /// accounts and pod identity associations, principal ARNs for access entries)
    #[arg(long, value_delimiter = ',')]
    pub include: Vec<String>,
    /// Skip the file's entries matching these names or globs
    #[arg(long, value_delimiter = ',')]
    pub exclude: Vec<String>,
}

/// Which cluster a part command acts on: `--cluster`, or the config file that names it (and its
/// region).
#[derive(Debug, Args, Clone, Default)]
pub struct ClusterArg {
    /// The cluster
    #[arg(long, short = 'c', conflicts_with = "config_file")]
    pub cluster: Option<String>,
    /// The cluster config file naming the cluster and its region (`-` for standard input)
    #[arg(long = "config-file", short = 'f', value_name = "FILE")]
    pub config_file: Option<PathBuf>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct QuickClusterArgs {
    /// Cluster name
    #[arg(long, short = 'n')]
    pub name: Option<String>,
    /// Kubernetes version
    #[arg(long)]
    pub version: Option<String>,
    /// Tags for every resource (`k1=v1,k2=v2`)
    #[arg(long, value_delimiter = ',', value_parser = parse_tag)]
    pub tags: Vec<String>,
    /// Availability zones (`us-west-2a,us-west-2b`)
    #[arg(long, value_delimiter = ',', value_parser = parse_non_empty)]
    pub zones: Vec<String>,
    /// Create an IAM OIDC provider for the cluster
    #[arg(long)]
    pub with_oidc: bool,
    /// Create the cluster without a node group
    #[arg(long)]
    pub without_nodegroup: bool,
    /// Managed node group (default) instead of self-managed
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub managed: bool,
    /// Node group name
    #[arg(long)]
    pub nodegroup_name: Option<String>,
    /// Node instance type
    #[arg(long, short = 't')]
    pub node_type: Option<String>,
    /// Desired node count
    #[arg(long, short = 'N')]
    pub nodes: Option<u32>,
    /// Minimum node count
    #[arg(long, short = 'm')]
    pub nodes_min: Option<u32>,
    /// Maximum node count
    #[arg(long, short = 'M')]
    pub nodes_max: Option<u32>,
    /// Node root volume size in GiB
    #[arg(long)]
    pub node_volume_size: Option<u32>,
    /// Node root volume type
    #[arg(long)]
    pub node_volume_type: Option<String>,
    /// Node AMI family
    #[arg(long)]
    pub node_ami_family: Option<String>,
    /// Put nodes in private subnets
    #[arg(long, short = 'P')]
    pub node_private_networking: bool,
    /// Spot instances for the managed node group
    #[arg(long)]
    pub spot: bool,
    /// Instance types of a managed node group (`m5.large,m5a.large`)
    #[arg(long, value_delimiter = ',', value_parser = parse_non_empty)]
    pub instance_types: Vec<String>,
    /// VPC CIDR
    #[arg(long)]
    pub vpc_cidr: Option<String>,
    /// NAT mode: HighlyAvailable, Single or Disable
    #[arg(long, value_enum)]
    pub vpc_nat_mode: Option<NatMode>,
    /// Add a Fargate profile `fp-default` for the `default` and `kube-system` namespaces
    #[arg(long)]
    pub fargate: bool,
    /// Labels of the node group's nodes (`k1=v1,k2=v2`)
    #[arg(long, value_delimiter = ',', value_parser = parse_tag)]
    pub node_labels: Vec<String>,
    /// Zones of the node group (among `--zones`; default: the cluster's)
    #[arg(long, value_delimiter = ',', value_parser = parse_non_empty, requires = "zones")]
    pub node_zones: Vec<String>,
    /// Most pods a node runs (default: what its instance type's network interfaces allow)
    #[arg(long)]
    pub max_pods_per_node: Option<u32>,
    /// Allow SSH to the nodes (with `~/.ssh/id_rsa.pub` unless `--ssh-public-key` says otherwise)
    #[arg(long)]
    pub ssh_access: bool,
    /// The nodes' SSH key: a public key file to import, or the name of an EC2 key pair (implies
    /// `--ssh-access`)
    #[arg(long, value_parser = parse_non_empty)]
    pub ssh_public_key: Option<String>,
    /// Subnets of an existing VPC for the cluster's private side (`subnet-1,subnet-2`)
    #[arg(long, value_delimiter = ',', value_parser = parse_non_empty, conflicts_with_all = ["zones", "vpc_cidr"])]
    pub vpc_private_subnets: Vec<String>,
    /// Subnets of an existing VPC for the cluster's public side (`subnet-1,subnet-2`)
    #[arg(long, value_delimiter = ',', value_parser = parse_non_empty, conflicts_with_all = ["zones", "vpc_cidr"])]
    pub vpc_public_subnets: Vec<String>,
    /// EKS Auto Mode: EKS runs the nodes (no node group is made)
    #[arg(long, conflicts_with_all = ["nodegroup_name", "node_type", "nodes", "nodes_min", "nodes_max", "managed", "spot", "fargate"])]
    pub enable_auto_mode: bool,
    /// The node group's instance types chosen by EC2: this many vCPUs (`instanceSelector.vCPUs`)
    #[arg(long, conflicts_with_all = ["node_type", "instance_types"])]
    pub instance_selector_vcpus: Option<u32>,
    /// ... this much memory: GiB (`4`) or with a unit (`4GiB`, `512MiB`)
    #[arg(long, value_parser = parse_non_empty, conflicts_with_all = ["node_type", "instance_types"])]
    pub instance_selector_memory: Option<String>,
    /// ... this CPU architecture: `x86_64` or `arm64`
    #[arg(long, value_parser = parse_non_empty, conflicts_with_all = ["node_type", "instance_types"])]
    pub instance_selector_cpu_architecture: Option<String>,
    /// ... this many GPUs (`0`: none)
    #[arg(long, conflicts_with_all = ["node_type", "instance_types"])]
    pub instance_selector_gpus: Option<u32>,
    /// ... this many AWS Neuron devices (`0`: none)
    #[arg(long, conflicts_with_all = ["node_type", "instance_types"])]
    pub instance_selector_neuron_devices: Option<u32>,
}

#[derive(Debug, Args, Clone)]
pub struct KubeconfigWriteArgs {
    /// Write the kubeconfig once the control plane is active
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub write_kubeconfig: bool,
    #[command(flatten)]
    pub kubeconfig: KubeconfigPathArg,
    /// Make the new context the current one
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub set_kubeconfig_context: bool,
}

#[derive(Debug, Args, Clone)]
pub struct CreateClusterArgs {
    #[command(flatten)]
    pub file: ConfigFileArg,
    #[command(flatten)]
    pub quick: QuickClusterArgs,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Create without the checks made before the first change (quotas, zones, permissions,
    /// names taken, CIDR overlaps)
    #[arg(long)]
    pub skip_preflight: bool,
    /// Output: the plan tree (table), the plan as JSON, the defaulted config as YAML, or the plan
    /// graph for Mermaid or Graphviz; with a real run, `json` writes one event per line on stdout
    #[arg(long, short = 'o', value_enum)]
    pub output: Option<PlanFormat>,
    /// Write an SVG timeline of the run to this file: every step from start to end, its waiting
    /// time and the critical path
    #[arg(long, value_name = "FILE")]
    pub timeline: Option<PathBuf>,
    #[command(flatten)]
    pub timeout: TimeoutArg,
    /// How many steps may work at once (a step that waits for AWS between polls does not count)
    #[arg(long, default_value_t = 8)]
    pub parallelism: usize,
    /// On failure, delete what this run created
    #[arg(long)]
    pub rollback: bool,
    /// On a cluster that exists, also delete its node groups, add-ons and Fargate profiles that
    /// are no longer in the config (the `-` of `--dry-run`)
    #[arg(long)]
    pub prune: bool,
    /// Wait until every node group's nodes are Ready in Kubernetes (`--wait-nodes=false` skips it)
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub wait_nodes: bool,
    #[command(flatten)]
    pub kubeconfig: KubeconfigWriteArgs,
}

impl CreateClusterArgs {
    /// `create cluster -f FILE` with every other flag at its default (`init --create` runs it):
    /// the defaults live in the attributes above only.
    pub fn for_file(file: &std::path::Path) -> Result<Self, clap::Error> {
        use clap::FromArgMatches as _;
        let command = <Self as Args>::augment_args(clap::Command::new("cluster"));
        let args = [std::ffi::OsStr::new("cluster"), std::ffi::OsStr::new("-f"), file.as_os_str()];
        Self::from_arg_matches(&command.try_get_matches_from(args)?)
    }
}

#[derive(Debug, Args, Clone)]
pub struct CreateNodegroupArgs {
    #[command(flatten)]
    pub file: ConfigFileArg,
    /// The cluster (when not given by the file)
    #[arg(long)]
    pub cluster: Option<String>,
    /// Only node groups matching these names or globs
    #[arg(long, value_delimiter = ',')]
    pub include: Vec<String>,
    /// Skip node groups matching these names or globs
    #[arg(long, value_delimiter = ',')]
    pub exclude: Vec<String>,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, short = 'o', value_enum)]
    pub output: Option<PlanFormat>,
    #[command(flatten)]
    pub timeout: TimeoutArg,
    /// Wait until the node groups' nodes are Ready in Kubernetes (`--wait-nodes=false` skips it)
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub wait_nodes: bool,
}

/// What every `create <part>` takes: the config file and which of its entries, or (for the parts
/// that take flags) the cluster named by `--cluster`; `--dry-run`, `-o`, `--timeout`.
#[derive(Debug, Args, Clone)]
pub struct CreatePartArgs {
    #[command(flatten)]
    pub file: ConfigFileArg,
    /// Only the file's entries matching these names or globs (`namespace/name` for service
    /// accounts and pod identity associations, principal ARNs for access entries)
    #[arg(long, value_delimiter = ',')]
    pub include: Vec<String>,
    /// Skip the file's entries matching these names or globs
    #[arg(long, value_delimiter = ',')]
    pub exclude: Vec<String>,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, short = 'o', value_enum)]
    pub output: Option<PlanFormat>,
    #[command(flatten)]
    pub timeout: TimeoutArg,
}

#[derive(Debug, Args, Clone)]
pub struct CreateCapabilityArgs {
    #[command(flatten)]
    pub part: CreatePartArgs,
    #[command(flatten)]
    pub flags: CapabilityFlags,
}

/// `create capability` without `-f`: eksctl's flags.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Capability from flags (without -f)")]
pub struct CapabilityFlags {
    /// The existing cluster
    #[arg(long, short = 'c', value_parser = parse_non_empty)]
    pub cluster: Option<String>,
    /// The capability's name, unique in the cluster
    #[arg(long, value_parser = parse_non_empty)]
    pub name: Option<String>,
    /// `ACK` or `KRO` (`ARGOCD` needs a config file)
    #[arg(long = "type", value_parser = ["ACK", "KRO", "ARGOCD"])]
    pub capability_type: Option<String>,
    /// A role of yours trusted by `capabilities.eks.amazonaws.com`, instead of one eksup makes
    #[arg(long, value_parser = parse_non_empty)]
    pub role_arn: Option<String>,
    /// What happens to the resources it manages when it is deleted (`RETAIN`, the default)
    #[arg(long, value_parser = ["RETAIN"])]
    pub delete_propagation_policy: Option<String>,
    /// Tags of the capability and of the role eksup makes (`k1=v1,k2=v2`)
    #[arg(long, value_delimiter = ',', value_parser = parse_tag)]
    pub tags: Vec<String>,
    /// Managed policies of the role eksup makes (`arn1,arn2`)
    #[arg(long, value_delimiter = ',', value_parser = parse_non_empty)]
    pub attach_policy_arns: Vec<String>,
    /// An inline policy document (JSON) of the role eksup makes
    #[arg(long, value_parser = parse_non_empty)]
    pub attach_policy: Option<String>,
}

#[derive(Debug, Args, Clone)]
pub struct CreateAddonArgs {
    #[command(flatten)]
    pub part: CreatePartArgs,
    /// Wait until every add-on made is ACTIVE, CoreDNS and metrics-server too (they turn ACTIVE
    /// once nodes run them; without `--wait` the run does not wait for those two), as eksctl's
    /// `--wait`
    #[arg(long)]
    pub wait: bool,
    #[command(flatten)]
    pub flags: AddonFlags,
}

/// `create addon` without `-f`: eksctl's flags.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Add-on from flags (without -f)")]
pub struct AddonFlags {
    /// The existing cluster
    #[arg(long, short = 'c', value_parser = parse_non_empty)]
    pub cluster: Option<String>,
    /// The add-on (`vpc-cni`, `aws-ebs-csi-driver`, ...)
    #[arg(long, value_parser = parse_non_empty)]
    pub name: Option<String>,
    /// A version, or `latest` (default: EKS's default for the cluster's Kubernetes version)
    #[arg(long, value_parser = parse_non_empty)]
    pub version: Option<String>,
    /// An IAM role of yours for the add-on's service account
    #[arg(long, value_parser = parse_non_empty)]
    pub service_account_role_arn: Option<String>,
    /// Managed policies of a role eksup makes for the add-on's service account (repeatable)
    #[arg(long, value_delimiter = ',', value_parser = parse_non_empty)]
    pub attach_policy_arn: Vec<String>,
    /// The namespace EKS installs the add-on in, as `namespace=<name>` (eksctl's form)
    #[arg(long, value_name = "namespace=NAME", value_parser = parse_namespace_config)]
    pub namespace_config: Option<String>,
    /// Pod identities with the policies AWS recommends for the add-on's service accounts, in
    /// roles eksup makes (the `eks-pod-identity-agent` add-on is made too if missing)
    #[arg(long)]
    pub auto_apply_pod_identity_associations: bool,
    /// Overwrite changes made in the cluster to what the add-on manages (conflicts resolved
    /// with `OVERWRITE`), as eksctl's `--force`
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args, Clone)]
pub struct CreateServiceAccountArgs {
    #[command(flatten)]
    pub part: CreatePartArgs,
    #[command(flatten)]
    pub flags: ServiceAccountFlags,
}

/// `create iamserviceaccount` without `-f`: eksctl's flags.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Service account from flags (without -f)")]
pub struct ServiceAccountFlags {
    /// The existing cluster
    #[arg(long, short = 'c', value_parser = parse_non_empty)]
    pub cluster: Option<String>,
    /// The service account
    #[arg(long, value_parser = parse_non_empty)]
    pub name: Option<String>,
    /// Its namespace (made if missing) [default: default]
    #[arg(long, value_parser = parse_non_empty)]
    pub namespace: Option<String>,
    /// Managed policies of the role eksup makes (repeatable)
    #[arg(long, value_delimiter = ',', value_parser = parse_non_empty)]
    pub attach_policy_arn: Vec<String>,
    /// A role of yours for the service account, instead of one eksup makes
    #[arg(long, value_parser = parse_non_empty)]
    pub attach_role_arn: Option<String>,
    /// The name of the role eksup makes (default: `eksup-<cluster>-sa-<namespace>-<name>`)
    #[arg(long, value_parser = parse_non_empty)]
    pub role_name: Option<String>,
    /// Make only the role, not the Kubernetes service account
    #[arg(long)]
    pub role_only: bool,
    /// Permissions boundary of the role eksup makes
    #[arg(long, value_parser = parse_non_empty)]
    pub permissions_boundary: Option<String>,
    /// Tags of the role (`k1=v1,k2=v2`)
    #[arg(long, value_delimiter = ',', value_parser = parse_tag)]
    pub tags: Vec<String>,
    /// A pattern (`*`, `?`) of service account names the role trusts, instead of `--name` alone
    #[arg(long, value_parser = parse_non_empty)]
    pub subject_pattern: Option<String>,
    /// Accepted for eksctl's command lines: eksup always adds the role to a service account
    /// that exists
    #[arg(long)]
    pub override_existing_serviceaccounts: bool,
    /// Accepted for eksctl's command lines: eksup creates unless `--dry-run`
    #[arg(long, conflicts_with = "dry_run")]
    pub approve: bool,
}

#[derive(Debug, Args, Clone)]
pub struct CreatePodIdentityArgs {
    #[command(flatten)]
    pub part: CreatePartArgs,
    #[command(flatten)]
    pub flags: PodIdentityFlags,
}

/// `create podidentityassociation` without `-f`: eksctl's flags.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Pod identity association from flags (without -f)")]
pub struct PodIdentityFlags {
    /// The existing cluster
    #[arg(long, short = 'c', value_parser = parse_non_empty)]
    pub cluster: Option<String>,
    /// The service account's namespace
    #[arg(long, value_parser = parse_non_empty)]
    pub namespace: Option<String>,
    /// The service account
    #[arg(long, value_parser = parse_non_empty)]
    pub service_account_name: Option<String>,
    /// A role of yours (trusted by `pods.eks.amazonaws.com`), instead of one eksup makes
    #[arg(long, value_parser = parse_non_empty)]
    pub role_arn: Option<String>,
    /// The name of the role eksup makes
    #[arg(long, value_parser = parse_non_empty)]
    pub role_name: Option<String>,
    /// Permissions boundary of the role eksup makes
    #[arg(long, alias = "permissions-boundary-arn", value_parser = parse_non_empty)]
    pub permission_boundary_arn: Option<String>,
    /// Managed policies of the role eksup makes (`arn1,arn2`)
    #[arg(long, value_delimiter = ',', value_parser = parse_non_empty)]
    pub permission_policy_arns: Vec<String>,
    /// eksctl's ready-made policies of the role eksup makes (`autoScaler,externalDNS`)
    #[arg(long, value_delimiter = ',', value_parser = WELL_KNOWN_POLICIES)]
    pub well_known_policies: Vec<String>,
    /// A role (in any account) the association's role assumes in turn
    #[arg(long, value_parser = parse_non_empty)]
    pub target_role_arn: Option<String>,
    /// Leave out the session tags EKS Pod Identity adds
    #[arg(long)]
    pub disable_session_tags: bool,
    /// A session policy (JSON) narrowing the role's permissions (needs `--disable-session-tags`)
    #[arg(long, value_parser = parse_non_empty)]
    pub policy: Option<String>,
    /// Make the Kubernetes service account too
    #[arg(long)]
    pub create_service_account: bool,
    /// Tags of the association and of the role eksup makes (`k1=v1,k2=v2`)
    #[arg(long, value_delimiter = ',', value_parser = parse_tag)]
    pub tags: Vec<String>,
}

/// The names of `wellKnownPolicies`, as eksctl's `--well-known-policies` takes them.
pub const WELL_KNOWN_POLICIES: [&str; 7] = [
    "imageBuilder",
    "autoScaler",
    "awsLoadBalancerController",
    "externalDNS",
    "certManager",
    "ebsCSIController",
    "efsCSIController",
];

#[derive(Debug, Args, Clone)]
pub struct CreateFargateProfileArgs {
    #[command(flatten)]
    pub part: CreatePartArgs,
    #[command(flatten)]
    pub flags: FargateProfileFlags,
}

/// `create fargateprofile` without `-f`: eksctl's flags.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Fargate profile from flags (without -f)")]
pub struct FargateProfileFlags {
    /// The existing cluster
    #[arg(long, short = 'c', value_parser = parse_non_empty)]
    pub cluster: Option<String>,
    /// The profile's name (default: `fp-` and 8 hex digits of the selector)
    #[arg(long, value_parser = parse_non_empty)]
    pub name: Option<String>,
    /// The namespace of the pods that run on Fargate
    #[arg(long, value_parser = parse_non_empty)]
    pub namespace: Option<String>,
    /// The labels those pods must have (`k1=v1,k2=v2`)
    #[arg(long, short = 'l', value_delimiter = ',', value_parser = parse_tag)]
    pub labels: Vec<String>,
    /// Tags of the profile (`k1=v1,k2=v2`)
    #[arg(long, short = 't', value_delimiter = ',', value_parser = parse_tag)]
    pub tags: Vec<String>,
}

#[derive(Debug, Args, Clone)]
pub struct CreateAccessEntryArgs {
    #[command(flatten)]
    pub part: CreatePartArgs,
    #[command(flatten)]
    pub flags: AccessEntryFlags,
}

/// `create accessentry` without `-f`: eksctl's flags.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Access entry from flags (without -f)")]
pub struct AccessEntryFlags {
    /// The existing cluster
    #[arg(long, short = 'c', value_parser = parse_non_empty)]
    pub cluster: Option<String>,
    /// The IAM role or user
    #[arg(long, value_parser = parse_non_empty)]
    pub principal_arn: Option<String>,
    /// `STANDARD` (default), `EC2_LINUX`, `EC2_WINDOWS`, ...
    #[arg(long = "type", value_parser = parse_non_empty)]
    pub entry_type: Option<String>,
    /// Kubernetes groups of the principal (`g1,g2`)
    #[arg(long, value_delimiter = ',', value_parser = parse_non_empty)]
    pub kubernetes_groups: Vec<String>,
    /// The principal's Kubernetes user name
    #[arg(long, value_parser = parse_non_empty)]
    pub kubernetes_username: Option<String>,
}

#[derive(Debug, Args, Clone)]
pub struct CreateIdentityMappingArgs {
    #[command(flatten)]
    pub part: CreatePartArgs,
    #[command(flatten)]
    pub flags: IdentityMappingFlags,
}

/// `create iamidentitymapping` without `-f`: eksctl's flags.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Identity mapping from flags (without -f)")]
pub struct IdentityMappingFlags {
    /// The existing cluster
    #[arg(long, short = 'c', value_parser = parse_non_empty)]
    pub cluster: Option<String>,
    /// The IAM role or user to map
    #[arg(long, alias = "role", value_parser = parse_non_empty)]
    pub arn: Option<String>,
    /// Its Kubernetes user name
    #[arg(long, value_parser = parse_non_empty)]
    pub username: Option<String>,
    /// Its Kubernetes groups (repeatable; `system:masters` is the cluster admin access policy)
    #[arg(long = "group", value_delimiter = ',', value_parser = parse_non_empty)]
    pub groups: Vec<String>,
    /// A whole account to map in aws-auth's `mapAccounts` (12 digits)
    #[arg(long, value_parser = parse_non_empty)]
    pub account: Option<String>,
    /// A service to give access to a namespace: `emr-containers`
    #[arg(long, value_parser = parse_non_empty)]
    pub service_name: Option<String>,
    /// The namespace of `--service-name`
    #[arg(long, value_parser = parse_non_empty)]
    pub namespace: Option<String>,
}

#[derive(Debug, Args, Clone)]
pub struct CreateRepositoryArgs {
    /// Repository name
    pub name: String,
    /// MUTABLE or IMMUTABLE
    #[arg(long, value_enum, default_value_t = TagMutability::Immutable)]
    pub image_tag_mutability: TagMutability,
    /// Scan images on push
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub scan_on_push: bool,
    /// Encryption: AES256 or KMS
    #[arg(long, value_enum, default_value_t = Encryption::Aes256)]
    pub encryption: Encryption,
    /// KMS key for `--encryption KMS`
    #[arg(long)]
    pub kms_key: Option<String>,
    /// Keep only the newest N images
    #[arg(long)]
    pub keep_last_images: Option<u32>,
    /// Expire untagged images after N days
    #[arg(long)]
    pub expire_untagged_after_days: Option<u32>,
    /// Account ids allowed to pull
    #[arg(long, value_delimiter = ',')]
    pub pull_accounts: Vec<String>,
    /// Tags (`k1=v1,k2=v2`)
    #[arg(long, value_delimiter = ',', value_parser = parse_tag)]
    pub tags: Vec<String>,
    #[arg(long, short = 'o', value_enum)]
    pub output: Option<OutputFormat>,
}

// ---------------------------------------------------------------- get

#[derive(Debug, Subcommand)]
pub enum GetCommand {
    /// Show clusters in a region, or one cluster
    #[command(
        alias = "clusters",
        after_help = "Examples:\n  eksup get cluster\n  eksup get cluster demo -o json"
    )]
    Cluster(GetClusterArgs),
    /// Show the node groups of a cluster
    #[command(aliases = ["ng", "nodegroups"], after_help = "Examples:\n  eksup get nodegroup --cluster demo")]
    Nodegroup(GetNodegroupArgs),
    /// Show the service accounts of a cluster that take an IAM role (IRSA)
    #[command(
        aliases = ["iamserviceaccounts"],
        after_help = "Every role whose trust names the cluster's OIDC provider and a service account, whoever made it.\n\nExamples:\n  eksup get iamserviceaccount --cluster demo\n  eksup get iamserviceaccount --cluster demo --namespace kube-system -o yaml"
    )]
    Iamserviceaccount(GetServiceAccountArgs),
    /// Show the labels of a managed node group's nodes
    #[command(after_help = "Examples:\n  eksup get labels --cluster demo --nodegroup ng-1 -o json")]
    Labels(LabelsArgs),
    /// Show the pod identity associations of a cluster (EKS Pod Identity)
    #[command(
        aliases = ["podidentityassociations"],
        after_help = "Every association of the cluster, whoever made it.\n\nExamples:\n  eksup get podidentityassociation --cluster demo\n  eksup get podidentityassociation --cluster demo --namespace dev --service-account-name app -o json"
    )]
    Podidentityassociation(GetPodIdentityArgs),
    /// Show the OIDC identity providers associated with a cluster
    #[command(
        aliases = ["identityproviders"],
        after_help = "Examples:\n  eksup get identityprovider --cluster demo\n  eksup get identityprovider --cluster demo --name cognito -o yaml"
    )]
    Identityprovider(GetPartArgs),
    /// Show a cluster's add-ons, whoever installed them
    #[command(
        aliases = ["addons"],
        after_help = "Examples:\n  eksup get addon --cluster demo\n  eksup get addon --cluster demo --name vpc-cni -o json"
    )]
    Addon(GetPartArgs),
    /// Show a cluster's Fargate profiles
    #[command(
        aliases = ["fargateprofiles", "fargate"],
        after_help = "Examples:\n  eksup get fargateprofile --cluster demo\n  eksup get fargateprofile --cluster demo --name fp-default -o yaml"
    )]
    Fargateprofile(GetPartArgs),
    /// Show a cluster's access entries and their access policies
    #[command(
        aliases = ["accessentries"],
        after_help = "Examples:\n  eksup get accessentry --cluster demo\n  eksup get accessentry --cluster demo --principal-arn arn:aws:iam::111122223333:role/admins -o json"
    )]
    Accessentry(GetAccessEntryArgs),
    /// Show a cluster's identity mappings: its access entries and the aws-auth ConfigMap's
    /// entries (roles, users, accounts)
    #[command(
        aliases = ["iamidentitymappings"],
        after_help = "Examples:\n  eksup get iamidentitymapping --cluster demo\n  eksup get iamidentitymapping --cluster demo --arn arn:aws:iam::111122223333:role/admins -o json"
    )]
    Iamidentitymapping(GetIdentityMappingArgs),
    /// Show a cluster's EKS capabilities, whoever made them
    #[command(
        aliases = ["capabilities"],
        after_help = "Examples:\n  eksup get capability --cluster demo\n  eksup get capability --cluster demo --name argocd -o json"
    )]
    Capability(GetPartArgs),
    /// Show ECR repositories
    #[command(
        alias = "repositories",
        after_help = "Examples:\n  eksup get repository\n  eksup get repository team/app -o yaml"
    )]
    Repository(GetRepositoryArgs),
    /// Show what eksup left behind: resources tagged for clusters that no longer exist
    #[command(after_help = "Examples:\n  eksup get orphans\n  eksup get orphans -o json --region eu-west-1")]
    Orphans(GetOrphansArgs),
}

#[derive(Debug, Args, Clone)]
pub struct GetOrphansArgs {
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args, Clone)]
pub struct GetClusterArgs {
    /// The cluster (default: all in the region)
    #[arg(value_name = "NAME")]
    pub name_pos: Option<String>,
    /// The cluster (default: all in the region)
    #[arg(long, short = 'n', conflicts_with = "name_pos")]
    pub name: Option<String>,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args, Clone)]
pub struct GetNodegroupArgs {
    #[command(flatten)]
    pub cluster: ClusterArg,
    /// One node group (default: all)
    #[arg(long, short = 'n')]
    pub name: Option<String>,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args, Clone)]
pub struct GetServiceAccountArgs {
    #[command(flatten)]
    pub cluster: ClusterArg,
    /// Only this namespace's (with `--name`: default `default`)
    #[arg(long)]
    pub namespace: Option<String>,
    /// One service account
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub output: OutputArg,
}

/// `get identityprovider`, `get addon`, `get fargateprofile`: a cluster's parts, or one by name.
#[derive(Debug, Args, Clone)]
pub struct GetPartArgs {
    #[command(flatten)]
    pub cluster: ClusterArg,
    /// Only the one of this name
    #[arg(long, short = 'n')]
    pub name: Option<String>,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args, Clone)]
pub struct GetAccessEntryArgs {
    #[command(flatten)]
    pub cluster: ClusterArg,
    /// Only the entry of this IAM principal
    #[arg(long)]
    pub principal_arn: Option<String>,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args, Clone)]
pub struct GetIdentityMappingArgs {
    #[command(flatten)]
    pub cluster: ClusterArg,
    /// Only the mappings of this IAM role or user ARN, or of this account id
    #[arg(long)]
    pub arn: Option<String>,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args, Clone)]
pub struct GetPodIdentityArgs {
    #[command(flatten)]
    pub cluster: ClusterArg,
    /// Only this namespace's
    #[arg(long)]
    pub namespace: Option<String>,
    /// One service account (with `--namespace`)
    #[arg(long, requires = "namespace")]
    pub service_account_name: Option<String>,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args, Clone)]
pub struct GetRepositoryArgs {
    /// One repository (default: all)
    pub name: Option<String>,
    #[command(flatten)]
    pub output: OutputArg,
}

// ---------------------------------------------------------------- delete

#[derive(Debug, Subcommand)]
pub enum DeleteCommand {
    /// Delete a cluster and everything eksup created for it
    #[command(
        after_help = "Examples:\n  eksup delete cluster -f cluster.yaml\n  eksup delete cluster --name demo --region us-west-2 --yes\n  eksup delete cluster --name demo --no-wait --yes"
    )]
    Cluster(DeleteClusterArgs),
    /// Delete a node group
    #[command(
        alias = "ng",
        after_help = "Examples:\n  eksup delete nodegroup --cluster demo --name ng-1 --yes"
    )]
    Nodegroup(DeleteNodegroupArgs),
    /// Delete a pod identity association, and its IAM role when eksup made it
    #[command(
        aliases = ["podidentityassociations"],
        after_help = "Examples:\n  eksup delete podidentityassociation --cluster demo --namespace dev --service-account-name app --yes"
    )]
    Podidentityassociation(DeletePodIdentityArgs),
    /// Delete an add-on of a cluster, whoever installed it, and wait until it is gone
    #[command(
        aliases = ["addons"],
        after_help = "Examples:\n  eksup delete addon --cluster demo --name aws-ebs-csi-driver --yes\n  eksup delete addon --cluster demo --name coredns --preserve"
    )]
    Addon(DeleteAddonArgs),
    /// Delete a Fargate profile of a cluster and wait until it is gone (its pods are stopped)
    #[command(
        aliases = ["fargateprofiles", "fargate"],
        after_help = "Examples:\n  eksup delete fargateprofile --cluster demo --name fp-dev --yes"
    )]
    Fargateprofile(DeleteByNameArgs),
    /// Delete a cluster's access entry for an IAM principal (and its access policies)
    #[command(
        aliases = ["accessentries"],
        after_help = "Examples:\n  eksup delete accessentry --cluster demo --principal-arn arn:aws:iam::111122223333:role/admins --yes"
    )]
    Accessentry(DeleteAccessEntryArgs),
    /// Delete a cluster's identity mapping: the access entry of an IAM role or user and its
    /// entries in the aws-auth ConfigMap, or an account's `mapAccounts` entry
    #[command(
        aliases = ["iamidentitymappings"],
        after_help = "Examples:\n  eksup delete iamidentitymapping --cluster demo --arn arn:aws:iam::111122223333:role/admins --yes\n  eksup delete iamidentitymapping --cluster demo --account 111122223333 --yes"
    )]
    Iamidentitymapping(DeleteIdentityMappingArgs),
    /// Delete an EKS capability, whoever made it, and wait until it is gone; its IAM role too when eksup made it
    #[command(
        aliases = ["capabilities"],
        after_help = "The Kubernetes resources the capability manages stay (`deletePropagationPolicy: RETAIN`).\n\nExamples:\n  eksup delete capability --cluster demo --name argocd --yes"
    )]
    Capability(DeleteByNameArgs),
    /// Delete a service account's IAM role and the Kubernetes ServiceAccount, each when eksup made it
    #[command(
        aliases = ["iamserviceaccounts"],
        after_help = "Examples:\n  eksup delete iamserviceaccount --cluster demo --namespace backend --name reader --yes"
    )]
    Iamserviceaccount(DeleteServiceAccountArgs),
    /// Delete an ECR repository
    #[command(after_help = "Examples:\n  eksup delete repository team/app --force --yes")]
    Repository(DeleteRepositoryArgs),
    /// Delete what eksup left behind for a cluster that no longer exists
    #[command(after_help = "Examples:\n  eksup get orphans\n  eksup delete orphans --cluster demo --yes")]
    Orphans(DeleteOrphansArgs),
}

#[derive(Debug, Args, Clone)]
pub struct DeleteServiceAccountArgs {
    #[command(flatten)]
    pub cluster: ClusterArg,
    /// The service account's namespace (with `--name`) [default: default]
    #[arg(long)]
    pub namespace: Option<String>,
    /// The service account (with `-f` and without it: the file's `iam.serviceAccounts`)
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub select: FileSelectArgs,
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[derive(Debug, Args, Clone)]
pub struct DeletePodIdentityArgs {
    #[command(flatten)]
    pub cluster: ClusterArg,
    /// The service account's namespace
    #[arg(long, requires = "service_account_name")]
    pub namespace: Option<String>,
    /// The service account (with `-f` and without it: the file's `iam.podIdentityAssociations`)
    #[arg(long, requires = "namespace")]
    pub service_account_name: Option<String>,
    #[command(flatten)]
    pub select: FileSelectArgs,
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[derive(Debug, Args, Clone)]
pub struct DeleteAddonArgs {
    #[command(flatten)]
    pub cluster: ClusterArg,
    /// The add-on (`vpc-cni`, `aws-ebs-csi-driver`, ...; with `-f` and without it: the file's
    /// `addons`)
    #[arg(long, short = 'n')]
    pub name: Option<String>,
    #[command(flatten)]
    pub select: FileSelectArgs,
    /// Leave the add-on's software running on the cluster: EKS only stops managing it
    #[arg(long)]
    pub preserve: bool,
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
    #[command(flatten)]
    pub timeout: TimeoutArg,
}

/// `delete fargateprofile`, `delete capability`: one part of a cluster, by name.
#[derive(Debug, Args, Clone)]
pub struct DeleteByNameArgs {
    #[command(flatten)]
    pub cluster: ClusterArg,
    /// The name of the one to delete (with `-f` and without it: the file's)
    #[arg(long, short = 'n')]
    pub name: Option<String>,
    #[command(flatten)]
    pub select: FileSelectArgs,
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
    #[command(flatten)]
    pub timeout: TimeoutArg,
}

#[derive(Debug, Args, Clone)]
pub struct DeleteAccessEntryArgs {
    #[command(flatten)]
    pub cluster: ClusterArg,
    /// The IAM principal of the entry (with `-f` and without it: the file's
    /// `accessConfig.accessEntries`)
    #[arg(long)]
    pub principal_arn: Option<String>,
    #[command(flatten)]
    pub select: FileSelectArgs,
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
    #[command(flatten)]
    pub timeout: TimeoutArg,
}

#[derive(Debug, Args, Clone)]
#[command(group(clap::ArgGroup::new("which").args(["arn", "account"])))]
pub struct DeleteIdentityMappingArgs {
    #[command(flatten)]
    pub cluster: ClusterArg,
    /// The IAM role or user of the mapping
    #[arg(long)]
    pub arn: Option<String>,
    /// The account of a `mapAccounts` entry (with `-f` and neither: the file's
    /// `iamIdentityMappings`)
    #[arg(long)]
    pub account: Option<String>,
    #[command(flatten)]
    pub select: FileSelectArgs,
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
    #[command(flatten)]
    pub timeout: TimeoutArg,
}

#[derive(Debug, Args, Clone)]
pub struct DeleteOrphansArgs {
    /// The cluster whose resources were left behind (as `get orphans` lists it)
    #[arg(long, short = 'c')]
    pub cluster: String,
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// `json` writes one event per line on stdout
    #[arg(long, short = 'o', value_enum)]
    pub output: Option<OutputFormat>,
    #[command(flatten)]
    pub timeout: TimeoutArg,
}

#[derive(Debug, Args, Clone)]
pub struct DeleteClusterArgs {
    #[command(flatten)]
    pub file: ConfigFileArg,
    /// The cluster (when no config file is given)
    #[arg(long, short = 'n')]
    pub name: Option<String>,
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Return once the deletions have started
    #[arg(long)]
    pub no_wait: bool,
    /// Also delete the cluster's ECR repositories and their images
    #[arg(long)]
    pub delete_repositories: bool,
    /// Show what would be deleted, in order, and delete nothing (`-o json` for scripts)
    #[arg(long)]
    pub dry_run: bool,
    /// Kubeconfig file to clean (default: $KUBECONFIG, then ~/.kube/config)
    #[arg(long, value_name = "PATH")]
    pub kubeconfig: Option<PathBuf>,
    /// `json` writes one event per line on stdout
    #[arg(long, short = 'o', value_enum)]
    pub output: Option<OutputFormat>,
    #[command(flatten)]
    pub timeout: TimeoutArg,
    /// Write an SVG timeline of the deletion to this file: every step from start to end and its
    /// waiting time
    #[arg(long, value_name = "FILE")]
    pub timeline: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub struct DeleteNodegroupArgs {
    #[arg(long, short = 'c')]
    pub cluster: String,
    #[arg(long, short = 'n')]
    pub name: String,
    #[arg(long, short = 'y')]
    pub yes: bool,
    #[arg(long)]
    pub no_wait: bool,
    #[command(flatten)]
    pub timeout: TimeoutArg,
}

#[derive(Debug, Args, Clone)]
pub struct DeleteRepositoryArgs {
    pub name: String,
    /// Delete the repository even if it holds images
    #[arg(long)]
    pub force: bool,
    #[arg(long, short = 'y')]
    pub yes: bool,
}

// ---------------------------------------------------------------- scale

#[derive(Debug, Subcommand)]
pub enum ScaleCommand {
    /// Change desired, min and max of a node group
    #[command(
        alias = "ng",
        after_help = "Examples:\n  eksup scale nodegroup --cluster demo --name ng-1 --nodes 4\n  eksup scale nodegroup --cluster demo --name ng-1 --nodes 0 --nodes-min 0"
    )]
    Nodegroup(ScaleNodegroupArgs),
}

#[derive(Debug, Subcommand)]
pub enum SetCommand {
    /// Add or change labels of a managed node group's nodes (UpdateNodegroupConfig)
    #[command(
        after_help = "Examples:\n  eksup set labels --cluster demo --nodegroup ng-1 --labels team=web,tier=1"
    )]
    Labels(SetLabelsArgs),
}

#[derive(Debug, Subcommand)]
pub enum UnsetCommand {
    /// Remove labels of a managed node group's nodes (UpdateNodegroupConfig)
    #[command(
        after_help = "Examples:\n  eksup unset labels --cluster demo --nodegroup ng-1 --labels team,tier"
    )]
    Labels(UnsetLabelsArgs),
}

#[derive(Debug, Args, Clone)]
pub struct LabelsArgs {
    #[command(flatten)]
    pub cluster: ClusterArg,
    /// The managed node group
    #[arg(long, short = 'n')]
    pub nodegroup: String,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args, Clone)]
pub struct SetLabelsArgs {
    #[command(flatten)]
    pub cluster: ClusterArg,
    /// The managed node group
    #[arg(long, short = 'n')]
    pub nodegroup: String,
    /// Labels to add or change (`k1=v1,k2=v2`)
    #[arg(long, short = 'l', value_delimiter = ',', value_parser = parse_tag, required = true)]
    pub labels: Vec<String>,
}

#[derive(Debug, Args, Clone)]
pub struct UnsetLabelsArgs {
    #[command(flatten)]
    pub cluster: ClusterArg,
    /// The managed node group
    #[arg(long, short = 'n')]
    pub nodegroup: String,
    /// Label keys to remove (`k1,k2`)
    #[arg(long, short = 'l', value_delimiter = ',', value_parser = parse_non_empty, required = true)]
    pub labels: Vec<String>,
}

#[derive(Debug, Args, Clone)]
pub struct ScaleNodegroupArgs {
    #[arg(long, short = 'c')]
    pub cluster: String,
    #[arg(long, short = 'n')]
    pub name: String,
    #[arg(long, short = 'N')]
    pub nodes: Option<u32>,
    #[arg(long, short = 'm')]
    pub nodes_min: Option<u32>,
    #[arg(long, short = 'M')]
    pub nodes_max: Option<u32>,
}

// ---------------------------------------------------------------- update

#[derive(Debug, Subcommand)]
pub enum UpdateCommand {
    /// Change an add-on's version, configuration values or service account role, and wait
    #[command(
        after_help = "Examples:\n  eksup update addon --cluster demo --name vpc-cni --version latest\n  eksup update addon --cluster demo --name coredns --configuration-values '{\"replicaCount\":3}' --force"
    )]
    Addon(UpdateAddonArgs),
}

#[derive(Debug, Args, Clone)]
pub struct UpdateAddonArgs {
    #[arg(long, short = 'c')]
    pub cluster: String,
    /// The add-on (`vpc-cni`, `coredns`, ...)
    #[arg(long, short = 'n')]
    pub name: String,
    /// A version, `latest` or `default` (EKS's default for the cluster's Kubernetes version)
    #[arg(long)]
    pub version: Option<String>,
    /// The add-on's configuration values (JSON or YAML, as EKS takes them)
    #[arg(long)]
    pub configuration_values: Option<String>,
    /// The IAM role of the add-on's service account
    #[arg(long)]
    pub service_account_role_arn: Option<String>,
    /// What EKS does with fields changed in the cluster: `overwrite`, `preserve` or `none`
    #[arg(long, value_parser = ["overwrite", "preserve", "none"], conflicts_with = "force")]
    pub resolve_conflicts: Option<String>,
    /// Overwrite fields changed in the cluster (`--resolve-conflicts overwrite`), as eksctl's `--force`
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub timeout: TimeoutArg,
    /// `json` writes what was changed as one object on stdout
    #[arg(long, short = 'o', value_enum)]
    pub output: Option<OutputFormat>,
}

// ---------------------------------------------------------------- upgrade

#[derive(Debug, Subcommand)]
pub enum UpgradeCommand {
    /// Upgrade the control plane one minor version, then the add-ons to versions that run on it
    #[command(
        after_help = "Without `--approve` only the plan is shown, as eksctl does; it exits 1 when something blocks the upgrade.\n\nExamples:\n  eksup upgrade cluster --name demo\n  eksup upgrade cluster --name demo --version 1.35 --approve\n  eksup upgrade cluster -f cluster.yaml --approve -o json"
    )]
    Cluster(UpgradeClusterArgs),
    /// Roll a node group onto a new Kubernetes version (managed: also an AMI release or launch template version)
    #[command(
        alias = "ng",
        after_help = "New nodes come first; the old ones are drained (PodDisruptionBudgets respected unless `--force-upgrade`) and terminated: by EKS for a managed group, by an instance refresh of its Auto Scaling group for a self-managed one. eksup waits until the group's nodes are Ready at the new version.\n\nExamples:\n  eksup upgrade nodegroup --cluster demo --name ng-1\n  eksup upgrade nodegroup --cluster demo --name ng-1 --kubernetes-version 1.35 --force-upgrade"
    )]
    Nodegroup(UpgradeNodegroupArgs),
}

#[derive(Debug, Args, Clone)]
pub struct UpgradeClusterArgs {
    #[command(flatten)]
    pub file: ConfigFileArg,
    /// The cluster (when no config file is given)
    #[arg(long, short = 'n', alias = "cluster")]
    pub name: Option<String>,
    /// The version to reach: the next minor one (the default) or the current one
    #[arg(long)]
    pub version: Option<String>,
    /// Go on although EKS's upgrade insights report errors
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub apply: ApproveArgs,
}

#[derive(Debug, Args, Clone)]
pub struct UpgradeNodegroupArgs {
    #[arg(long, short = 'c')]
    pub cluster: String,
    /// The node group
    #[arg(long, short = 'n')]
    pub name: String,
    /// The Kubernetes version (default: the control plane's)
    #[arg(long)]
    pub kubernetes_version: Option<String>,
    /// The AMI release version of a managed group (default: the newest for the Kubernetes version)
    #[arg(long)]
    pub release_version: Option<String>,
    /// A new version of a managed group's launch template
    #[arg(long)]
    pub launch_template_version: Option<String>,
    /// Replace nodes even where a PodDisruptionBudget refuses their pods' eviction
    #[arg(long)]
    pub force_upgrade: bool,
    /// Wait for the update and for the nodes to be Ready at the new version (`--wait=false` returns once it has started)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_value_t = true, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub wait: bool,
    #[command(flatten)]
    pub timeout: TimeoutArg,
    /// `json` writes what was done as one object on stdout
    #[arg(long, short = 'o', value_enum)]
    pub output: Option<OutputFormat>,
}

// ---------------------------------------------------------------- drain

#[derive(Debug, Subcommand)]
pub enum DrainCommand {
    /// Cordon the nodes of a node group and evict their pods, respecting PodDisruptionBudgets
    #[command(
        alias = "ng",
        after_help = "Without `--approve` only the plan is shown, as eksctl does.\n\nExamples:\n  eksup drain nodegroup --cluster demo --name ng-1 --approve\n  eksup drain nodegroup --cluster demo --name ng-1 --undo --approve"
    )]
    Nodegroup(DrainNodegroupArgs),
}

#[derive(Debug, Args, Clone)]
pub struct DrainNodegroupArgs {
    #[arg(long, short = 'c')]
    pub cluster: String,
    /// The node group to drain
    #[arg(long, short = 'n')]
    pub name: String,
    /// Drain (or uncordon); without it only the plan is shown
    #[arg(long)]
    pub approve: bool,
    /// Uncordon the node group: its nodes take pods again
    #[arg(long)]
    pub undo: bool,
    /// The longest termination grace period given to a pod (its own, when shorter)
    #[arg(long, default_value = "10m", value_parser = parse_duration)]
    pub max_grace_period: std::time::Duration,
    /// How long to wait before asking again for an eviction a PodDisruptionBudget refused
    #[arg(long, default_value = "10s", value_parser = parse_duration)]
    pub pod_eviction_wait_period: std::time::Duration,
    /// Delete pods instead of evicting them: PodDisruptionBudgets are not asked (use with care)
    #[arg(long)]
    pub disable_eviction: bool,
    /// How many nodes to drain at once (1 to 25)
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=25))]
    pub parallel: u8,
    #[command(flatten)]
    pub timeout: TimeoutArg,
    /// `json` writes what was done as one object on stdout
    #[arg(long, short = 'o', value_enum)]
    pub output: Option<OutputFormat>,
}

// ---------------------------------------------------------------- utils

#[derive(Debug, Subcommand)]
pub enum UtilsCommand {
    /// Write or refresh a cluster's kubeconfig entries
    #[command(
        after_help = "Examples:\n  eksup utils write-kubeconfig --cluster demo --region us-west-2\n  eksup utils write-kubeconfig --cluster demo --kubeconfig ./kubeconfig --no-set-context"
    )]
    WriteKubeconfig(WriteKubeconfigArgs),
    /// Print the JSON Schema of the cluster config, for editors
    #[command(after_help = "Examples:\n  eksup utils schema > eksup.schema.json")]
    Schema,
    /// Write a man page per command (roff) into a directory
    #[command(
        after_help = "Examples:\n  eksup utils man-pages --dir man && man ./man/eksup-create-cluster.1"
    )]
    ManPages(ManPagesArgs),
    /// Turn control-plane log types on or off (CloudWatch)
    #[command(
        after_help = "Without `--approve` only the change is shown, as eksctl does.\n\nExamples:\n  eksup utils update-cluster-logging --cluster demo --enable-types all --approve\n  eksup utils update-cluster-logging --cluster demo --enable-types api,audit --disable-types scheduler --approve"
    )]
    UpdateClusterLogging(UpdateClusterLoggingArgs),
    /// Change the API server's endpoint access: public, private, and the CIDRs allowed
    #[command(
        after_help = "Without `--approve` only the change is shown, as eksctl does.\n\nExamples:\n  eksup utils update-cluster-vpc-config --cluster demo --private-access=true --public-access=false --approve\n  eksup utils update-cluster-vpc-config --cluster demo --public-access-cidrs 203.0.113.0/24 --approve"
    )]
    UpdateClusterVpcConfig(UpdateClusterVpcConfigArgs),
    /// Move the cluster's authentication mode towards access entries (`API_AND_CONFIG_MAP`, `API`)
    #[command(
        after_help = "Without `--approve` only the change is shown, as eksctl does.\n\nExamples:\n  eksup utils update-authentication-mode --cluster demo --authentication-mode API --approve"
    )]
    UpdateAuthenticationMode(UpdateAuthenticationModeArgs),
    /// Create the IAM OIDC provider that lets the cluster's service accounts take IAM roles
    #[command(
        after_help = "Without `--approve` only the plan is shown, as eksctl does.\n\nExamples:\n  eksup utils associate-iam-oidc-provider --cluster demo --approve"
    )]
    AssociateIamOidcProvider(AssociateIamOidcProviderArgs),
    /// Show the health issues EKS reports for a managed node group
    #[command(after_help = "Examples:\n  eksup utils nodegroup-health --cluster demo --name ng-1 -o json")]
    NodegroupHealth(NodegroupHealthArgs),
    /// Show the add-on versions EKS offers for a Kubernetes version
    #[command(
        after_help = "Examples:\n  eksup utils describe-addon-versions --kubernetes-version 1.34\n  eksup utils describe-addon-versions --cluster demo --name vpc-cni -o json"
    )]
    DescribeAddonVersions(DescribeAddonVersionsArgs),
    /// Show the Kubernetes versions EKS offers, with their support dates
    #[command(
        after_help = "Examples:\n  eksup utils describe-cluster-versions\n  eksup utils describe-cluster-versions --default-only -o json"
    )]
    DescribeClusterVersions(DescribeClusterVersionsArgs),
}

#[derive(Debug, Args, Clone)]
pub struct DescribeClusterVersionsArgs {
    /// Only the version EKS creates when none is asked for
    #[arg(long)]
    pub default_only: bool,
    /// Only versions in this support status: `STANDARD_SUPPORT`, `EXTENDED_SUPPORT` or `UNSUPPORTED`
    #[arg(long, value_parser = ["STANDARD_SUPPORT", "EXTENDED_SUPPORT", "UNSUPPORTED"])]
    pub version_status: Option<String>,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args, Clone)]
pub struct UpdateAuthenticationModeArgs {
    #[arg(long, short = 'c', alias = "name")]
    pub cluster: String,
    /// `API_AND_CONFIG_MAP` or `API`
    #[arg(long)]
    pub authentication_mode: String,
    #[command(flatten)]
    pub apply: ApproveArgs,
}

#[derive(Debug, Args, Clone)]
pub struct AssociateIamOidcProviderArgs {
    #[arg(long, short = 'c', alias = "name")]
    pub cluster: String,
    /// Create it; without it only the plan is shown
    #[arg(long)]
    pub approve: bool,
    /// `json` writes what was (or would be) done as one object on stdout
    #[arg(long, short = 'o', value_enum)]
    pub output: Option<OutputFormat>,
}

#[derive(Debug, Args, Clone)]
pub struct NodegroupHealthArgs {
    #[arg(long, short = 'c')]
    pub cluster: String,
    /// The managed node group
    #[arg(long, short = 'n')]
    pub name: String,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args, Clone)]
pub struct DescribeAddonVersionsArgs {
    /// The Kubernetes version (default: the version of `--cluster`)
    #[arg(long)]
    pub kubernetes_version: Option<String>,
    /// Take the Kubernetes version of this cluster
    #[arg(long, short = 'c')]
    pub cluster: Option<String>,
    /// One add-on (default: all)
    #[arg(long, short = 'n')]
    pub name: Option<String>,
    /// Only add-ons of these types, e.g. `networking,storage` (repeatable)
    #[arg(long, value_delimiter = ',', value_parser = parse_non_empty)]
    pub types: Vec<String>,
    /// Only add-ons of these owners: `aws`, `aws-marketplace`, `community` (repeatable)
    #[arg(long, value_delimiter = ',', value_parser = parse_non_empty)]
    pub owners: Vec<String>,
    /// Only add-ons of these publishers, e.g. `eks` (repeatable)
    #[arg(long, value_delimiter = ',', value_parser = parse_non_empty)]
    pub publishers: Vec<String>,
    #[command(flatten)]
    pub output: OutputArg,
}

/// `--approve`, `--timeout` and `-o` of the commands that change a cluster in place.
#[derive(Debug, Args, Clone)]
pub struct ApproveArgs {
    /// Apply the change; without it only the change is shown
    #[arg(long)]
    pub approve: bool,
    #[command(flatten)]
    pub timeout: TimeoutArg,
    /// `json` writes what was (or would be) changed as one object on stdout
    #[arg(long, short = 'o', value_enum)]
    pub output: Option<OutputFormat>,
}

#[derive(Debug, Args, Clone)]
pub struct UpdateClusterLoggingArgs {
    #[arg(long, short = 'c', alias = "name")]
    pub cluster: String,
    /// Log types to turn on: `all`, or some of api, audit, authenticator, controllerManager, scheduler
    #[arg(long, value_delimiter = ',')]
    pub enable_types: Vec<String>,
    /// Log types to turn off (same names)
    #[arg(long, value_delimiter = ',')]
    pub disable_types: Vec<String>,
    #[command(flatten)]
    pub apply: ApproveArgs,
}

#[derive(Debug, Args, Clone)]
pub struct UpdateClusterVpcConfigArgs {
    #[arg(long, short = 'c', alias = "name")]
    pub cluster: String,
    /// The API server's private endpoint (reached from inside the VPC)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub private_access: Option<bool>,
    /// The API server's public endpoint
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub public_access: Option<bool>,
    /// The CIDRs that may reach the public endpoint
    #[arg(long, value_delimiter = ',', value_name = "CIDRS")]
    pub public_access_cidrs: Option<Vec<String>>,
    #[command(flatten)]
    pub apply: ApproveArgs,
}

#[derive(Debug, Args, Clone)]
pub struct ManPagesArgs {
    /// Directory to write the pages into (created if needed)
    #[arg(long, default_value = "man")]
    pub dir: PathBuf,
}

/// Which credential helper the kubeconfig user runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Authenticator {
    /// `eksup get-token`
    #[default]
    Eksup,
    /// `aws eks get-token`
    AwsCli,
}

#[derive(Debug, Args, Clone)]
pub struct WriteKubeconfigArgs {
    /// The cluster
    #[arg(long, short = 'c', alias = "name")]
    pub cluster: String,
    #[command(flatten)]
    pub kubeconfig: KubeconfigPathArg,
    /// Make the context current (default)
    #[arg(long, overrides_with = "no_set_context")]
    pub set_context: bool,
    /// Leave the current context as it is
    #[arg(long, overrides_with = "set_context")]
    pub no_set_context: bool,
    /// Name of the context (and of its cluster and user entries)
    #[arg(long)]
    pub alias: Option<String>,
    /// Role the token assumes
    #[arg(long)]
    pub role_arn: Option<String>,
    /// Credential helper the kubeconfig runs
    #[arg(long, value_enum, default_value_t = Authenticator::Eksup)]
    pub authenticator: Authenticator,
}

#[derive(Debug, Args, Clone)]
pub struct SetContextArgs {
    /// The cluster
    pub cluster: String,
    /// Namespace of the context
    #[arg(long)]
    pub namespace: Option<String>,
    /// Name of the context (and of its cluster and user entries)
    #[arg(long)]
    pub alias: Option<String>,
    #[command(flatten)]
    pub kubeconfig: KubeconfigPathArg,
    /// Role the token assumes
    #[arg(long)]
    pub role_arn: Option<String>,
    /// Credential helper the kubeconfig runs
    #[arg(long, value_enum, default_value_t = Authenticator::Eksup)]
    pub authenticator: Authenticator,
}

#[derive(Debug, Args, Clone)]
pub struct GetTokenArgs {
    /// The cluster the token is for
    #[arg(long, alias = "cluster-id", short = 'i', value_parser = parse_non_empty)]
    pub cluster_name: String,
    /// Role to assume before signing
    #[arg(long)]
    pub role_arn: Option<String>,
    /// Do not read or write the token cache
    #[arg(long)]
    pub no_cache: bool,
}

// ---------------------------------------------------------------- ecr

#[derive(Debug, Subcommand)]
pub enum EcrCommand {
    /// Log Docker in to the account's registry
    #[command(
        after_help = "Examples:\n  eksup ecr login\n  eksup ecr login --password-stdin | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-west-2.amazonaws.com"
    )]
    Login(EcrLoginArgs),
}

#[derive(Debug, Args, Clone)]
pub struct EcrLoginArgs {
    /// Print the password on stdout for `docker login --password-stdin` instead of writing
    /// Docker's config.json
    #[arg(long)]
    pub password_stdin: bool,
    /// Docker config file (default: $DOCKER_CONFIG/config.json, then ~/.docker/config.json)
    #[arg(long, value_name = "PATH")]
    pub docker_config: Option<PathBuf>,
}

// ---------------------------------------------------------------- misc

#[derive(Debug, Args, Clone, Default)]
pub struct InitArgs {
    /// File to write
    #[arg(long, short = 'f', default_value = "cluster.yaml")]
    pub file: PathBuf,
    /// Never ask: use flags and defaults
    #[arg(long)]
    pub non_interactive: bool,
    /// Overwrite the file if it exists
    #[arg(long)]
    pub force: bool,
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long = "k8s-version")]
    pub kubernetes_version: Option<String>,
    /// managed, self-managed, fargate or mixed
    #[arg(long, value_enum)]
    pub node_kind: Option<NodeKind>,
    #[arg(long)]
    pub instance_type: Option<String>,
    #[arg(long)]
    pub nodes_min: Option<u32>,
    #[arg(long)]
    pub nodes: Option<u32>,
    #[arg(long)]
    pub nodes_max: Option<u32>,
    #[arg(long, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub private_networking: Option<bool>,
    #[arg(long, value_enum)]
    pub nat: Option<NatMode>,
    /// ECR repositories to declare
    #[arg(long, value_delimiter = ',')]
    pub repositories: Vec<String>,
    /// Create the cluster after writing the file
    #[arg(long)]
    pub create: bool,
}

#[derive(Debug, Args, Clone)]
pub struct CompletionArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args, Clone)]
pub struct VersionArgs {
    #[command(flatten)]
    pub output: OutputArg,
}

/// `40m`, `1h30m`, `90s`, `2h`.
pub fn parse_duration(s: &str) -> Result<std::time::Duration, String> {
    let mut total = 0u64;
    let mut num = String::new();
    if s.is_empty() {
        return Err("empty duration".into());
    }
    for c in s.chars() {
        if c.is_ascii_digit() {
            num.push(c);
            continue;
        }
        let n: u64 = num.parse().map_err(|_| format!("invalid duration `{s}`: expected e.g. `40m`"))?;
        num.clear();
        total += match c {
            'h' => n * 3600,
            'm' => n * 60,
            's' => n,
            _ => return Err(format!("invalid duration `{s}`: units are h, m and s")),
        };
    }
    if !num.is_empty() {
        return Err(format!("invalid duration `{s}`: a number needs a unit (h, m or s)"));
    }
    Ok(std::time::Duration::from_secs(total))
}

/// `--region`: a region AWS has (see [`crate::config::regions`]).
fn parse_region(s: &str) -> Result<String, String> {
    match crate::config::regions::problem(s) {
        None => Ok(s.to_string()),
        Some((message, hint)) => Err(format!("{message}\n\nhint: {hint}")),
    }
}

/// A tag `key=value`: the key is not empty (the value may be).
fn parse_tag(s: &str) -> Result<String, String> {
    match s.split_once('=') {
        Some((k, _)) if !k.trim().is_empty() => Ok(s.to_string()),
        Some(_) => Err(format!("`{s}` has no key\n\nhint: write tags as `key=value`, e.g. `team=platform`")),
        None => {
            Err(format!("`{s}` is not `key=value`\n\nhint: write tags as `key=value`, e.g. `team=platform`"))
        }
    }
}

/// A value that may not be empty (`--instance-types ''`).
fn parse_non_empty(s: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        Err("the value is empty\n\nhint: give a value, or leave the flag out to take the default".to_string())
    } else {
        Ok(s.to_string())
    }
}

/// `--namespace-config namespace=<name>`, as eksctl takes it: the namespace.
fn parse_namespace_config(s: &str) -> Result<String, String> {
    match s.split_once('=') {
        Some((key, value)) if key.trim() == "namespace" && !value.trim().is_empty() => {
            Ok(value.trim().to_string())
        }
        Some((key, _)) if key.trim() != "namespace" => Err(format!(
            "unsupported key `{}`, only `namespace` is supported\n\nhint: write `--namespace-config namespace=<name>`",
            key.trim()
        )),
        _ => {
            Err("expected `namespace=<name>`\n\nhint: write `--namespace-config namespace=<name>`"
                .to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn create_cluster_for_a_file_takes_the_command_line_defaults() {
        let args = CreateClusterArgs::for_file(std::path::Path::new("c.yaml")).unwrap();
        assert_eq!(args.file.config_file.as_deref(), Some(std::path::Path::new("c.yaml")));
        assert_eq!(args.timeout.timeout.as_secs(), 40 * 60);
        assert_eq!(args.parallelism, 8);
        assert!(
            args.wait_nodes && args.kubeconfig.write_kubeconfig && args.kubeconfig.set_kubeconfig_context
        );
        assert!(!args.dry_run && !args.rollback && !args.skip_preflight);
    }

    fn parse(line: &str) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(line.split_whitespace())
    }

    fn create(line: &str) -> CreateCommand {
        match parse(line).unwrap_or_else(|e| panic!("{line}: {e}")).command {
            Command::Create(c) => c,
            other => panic!("{line}: {other:?}"),
        }
    }

    #[test]
    fn create_addon_takes_eksctls_flags() {
        let CreateCommand::Addon(a) = create(
            "eksup create addon --cluster demo --name aws-ebs-csi-driver --version latest --attach-policy-arn a,b --attach-policy-arn c --force",
        ) else {
            panic!("not create addon")
        };
        let f = a.flags;
        assert_eq!((f.cluster.as_deref(), f.name.as_deref()), (Some("demo"), Some("aws-ebs-csi-driver")));
        assert_eq!(f.version.as_deref(), Some("latest"));
        assert_eq!(f.attach_policy_arn, ["a", "b", "c"]);
        assert!(f.force && f.service_account_role_arn.is_none());
        assert!(a.part.file.config_file.is_none() && !a.part.dry_run);
        // `-c` as eksctl's, and the file's arguments beside.
        let CreateCommand::Addon(a) =
            create("eksup create addon -c demo --name vpc-cni --dry-run -o json --timeout 5m")
        else {
            panic!("not create addon")
        };
        assert_eq!(a.flags.cluster.as_deref(), Some("demo"));
        assert!(a.part.dry_run && a.part.output == Some(PlanFormat::Json));
        assert_eq!(a.part.timeout.timeout.as_secs(), 300);
        let empty = Cli::try_parse_from(["eksup", "create", "addon", "--cluster", "demo", "--name", ""]);
        assert_eq!(empty.unwrap_err().kind(), clap::error::ErrorKind::ValueValidation);
    }

    #[test]
    fn create_iamserviceaccount_takes_eksctls_flags() {
        let CreateCommand::Iamserviceaccount(a) = create(
            "eksup create iamserviceaccount --cluster demo --name reader --namespace backend --attach-policy-arn arn:a --role-name r --role-only --permissions-boundary arn:b --tags team=data,env=dev --subject-pattern read-* --override-existing-serviceaccounts --approve",
        ) else {
            panic!("not create iamserviceaccount")
        };
        let f = a.flags;
        assert_eq!((f.name.as_deref(), f.namespace.as_deref()), (Some("reader"), Some("backend")));
        assert_eq!((f.role_name.as_deref(), f.permissions_boundary.as_deref()), (Some("r"), Some("arn:b")));
        assert_eq!(f.tags, ["team=data", "env=dev"]);
        assert!(f.role_only && f.approve && f.override_existing_serviceaccounts);
        assert_eq!(f.subject_pattern.as_deref(), Some("read-*"));
        // Without `--namespace` the account is `default`'s (decided by the operation).
        let CreateCommand::Iamserviceaccount(a) =
            create("eksup create iamserviceaccount --cluster demo --name x")
        else {
            panic!("not create iamserviceaccount")
        };
        assert!(a.flags.namespace.is_none());
        let both =
            parse("eksup create iamserviceaccount --cluster demo --name x --approve --dry-run").unwrap_err();
        assert_eq!(both.kind(), clap::error::ErrorKind::ArgumentConflict);
        assert!(parse("eksup create iamserviceaccount --cluster demo --name x --tags team").is_err());
    }

    #[test]
    fn create_podidentityassociation_takes_eksctls_flags() {
        let CreateCommand::Podidentityassociation(a) = create(
            "eksup create podidentityassociation --cluster demo --namespace dev --service-account-name app --permission-policy-arns arn:a,arn:b --well-known-policies autoScaler,externalDNS --permission-boundary-arn arn:c --create-service-account --disable-session-tags --policy {} --target-role-arn arn:d --role-name r --tags a=b",
        ) else {
            panic!("not create podidentityassociation")
        };
        let f = a.flags;
        assert_eq!((f.namespace.as_deref(), f.service_account_name.as_deref()), (Some("dev"), Some("app")));
        assert_eq!(f.permission_policy_arns, ["arn:a", "arn:b"]);
        assert_eq!(f.well_known_policies, ["autoScaler", "externalDNS"]);
        assert_eq!(f.permission_boundary_arn.as_deref(), Some("arn:c"));
        assert!(f.create_service_account && f.disable_session_tags);
        assert_eq!((f.policy.as_deref(), f.target_role_arn.as_deref()), (Some("{}"), Some("arn:d")));
        // eksctl's documentation spells the boundary `--permissions-boundary-arn`.
        let CreateCommand::Podidentityassociation(a) = create(
            "eksup create podidentityassociation --cluster demo --namespace dev --service-account-name app --role-arn arn:r --permissions-boundary-arn arn:c",
        ) else {
            panic!("not create podidentityassociation")
        };
        assert_eq!(a.flags.permission_boundary_arn.as_deref(), Some("arn:c"));
        let bad =
            parse("eksup create podidentityassociation --cluster demo --well-known-policies autoscaler")
                .unwrap_err();
        assert_eq!(bad.kind(), clap::error::ErrorKind::InvalidValue);
    }

    #[test]
    fn create_fargateprofile_accessentry_and_iamidentitymapping_take_eksctls_flags() {
        let CreateCommand::Fargateprofile(a) = create(
            "eksup create fargateprofile --cluster demo --name fp-dev --namespace dev -l app=web,tier=1 -t team=dev",
        ) else {
            panic!("not create fargateprofile")
        };
        assert_eq!((a.flags.name.as_deref(), a.flags.namespace.as_deref()), (Some("fp-dev"), Some("dev")));
        assert_eq!(
            (a.flags.labels, a.flags.tags),
            (vec!["app=web".into(), "tier=1".into()], vec!["team=dev".into()])
        );
        assert!(parse("eksup create fargateprofile --cluster demo --namespace dev --labels app").is_err());
        let CreateCommand::Accessentry(a) = create(
            "eksup create accessentry --cluster demo --principal-arn arn:p --type EC2_LINUX --kubernetes-groups a,b --kubernetes-username u",
        ) else {
            panic!("not create accessentry")
        };
        let f = a.flags;
        assert_eq!((f.principal_arn.as_deref(), f.entry_type.as_deref()), (Some("arn:p"), Some("EC2_LINUX")));
        assert_eq!(
            (f.kubernetes_groups, f.kubernetes_username),
            (vec!["a".into(), "b".into()], Some("u".into()))
        );
        // `--role` is eksctl's former name of `--arn`; `--group` repeats.
        let CreateCommand::Iamidentitymapping(a) = create(
            "eksup create iamidentitymapping --cluster demo --role arn:r --username u --group a --group b,c",
        ) else {
            panic!("not create iamidentitymapping")
        };
        let f = a.flags;
        assert_eq!((f.arn.as_deref(), f.username.as_deref()), (Some("arn:r"), Some("u")));
        assert_eq!(f.groups, ["a", "b", "c"]);
        let CreateCommand::Iamidentitymapping(a) = create(
            "eksup create iamidentitymapping --cluster demo --service-name emr-containers --namespace emr",
        ) else {
            panic!("not create iamidentitymapping")
        };
        assert_eq!(
            (a.flags.service_name.as_deref(), a.flags.namespace.as_deref()),
            (Some("emr-containers"), Some("emr"))
        );
        let CreateCommand::Capability(a) = create(
            "eksup create capability --cluster demo --name ack --type ACK --attach-policy-arns arn:a,arn:b --tags team=ml",
        ) else {
            panic!("not create capability")
        };
        let f = a.flags;
        assert_eq!((f.name.as_deref(), f.capability_type.as_deref()), (Some("ack"), Some("ACK")));
        assert_eq!(
            (f.attach_policy_arns, f.tags),
            (vec!["arn:a".into(), "arn:b".into()], vec!["team=ml".into()])
        );
        assert!(parse("eksup create capability --cluster demo --name x --type FLUX").is_err());
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("40m").unwrap().as_secs(), 2400);
        assert_eq!(parse_duration("1h30m").unwrap().as_secs(), 5400);
        assert!(parse_duration("40").is_err());
        assert!(parse_duration("4x").is_err());
    }
}
