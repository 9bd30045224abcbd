//! Every kind of resource eksup makes or removes, declared once: its name, phase, typical
//! duration and the kinds that must be gone before it is deleted. Adding a kind is one variant
//! here; the compiler then lists every `match` that must handle it (see `CONTRIBUTING.md`).

use std::time::Duration;

use serde::Serialize;

/// How long EKS takes to make a capability ACTIVE: AWS publishes no figure; a few minutes, as
/// for an add-on with its own controllers.
const CAPABILITY_SECONDS: u64 = 180;

/// The phases of a run, in the order they usually start.
pub const PHASES: &[&str] = &["network", "IAM", "control plane", "nodes", "add-ons, access and registries"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, strum::EnumIter)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Vpc,
    ExistingVpc,
    Subnet,
    InternetGateway,
    EgressOnlyInternetGateway,
    ElasticIp,
    NatGateway,
    /// The hybrid nodes' gateway of the user's (`remoteNetworkConfig.vpcGatewayID`) attached to
    /// the VPC eksup makes: a virtual private gateway attachment or a transit gateway VPC
    /// attachment (the gateway itself is never made or deleted).
    GatewayAttachment,
    RouteTable,
    NetworkAcl,
    /// A VPC endpoint of a fully-private cluster: an interface endpoint (ENIs in the private
    /// subnets with private DNS) or the S3 gateway endpoint (routes in the private tables).
    VpcEndpoint,
    SecurityGroup,
    /// Rules between groups: on create, those added to the EKS-made cluster group; on delete,
    /// every rule that names a group about to go.
    SecurityGroupRules,
    IamRole,
    InstanceProfile,
    /// An IAM Roles Anywhere trust anchor: the hybrid nodes' certificate authority.
    TrustAnchor,
    /// An IAM Roles Anywhere profile: the roles the hybrid nodes take with their certificates.
    AnywhereProfile,
    ControlPlane,
    OidcProvider,
    /// An EC2 key pair imported from the file's SSH public key (`ssh.publicKeyPath`, `publicKey`).
    KeyPair,
    /// An EC2 placement group eksup makes for an EFA node group.
    PlacementGroup,
    LaunchTemplate,
    ManagedNodegroup,
    AutoScalingGroup,
    FargateProfile,
    Addon,
    /// An add-on ACTIVE: the wait for a networking add-on the nodes need (vpc-cni, kube-proxy),
    /// apart from its creation, so that node groups start as soon as it is asked for and only
    /// their nodes' readiness waits for it (nothing to delete).
    AddonReady,
    AccessEntry,
    NodesReady,
    /// A fully-private cluster's endpoint turned private-only once everything else is done
    /// (nothing to delete).
    EndpointAccess,
    /// A Kubernetes ServiceAccount with the IAM role it takes (IRSA).
    ServiceAccount,
    /// What eksctl's `serviceName` and `account` identity mappings write in the cluster (EKS
    /// takes no access entry for a service-linked role or a whole account): entries of the
    /// aws-auth ConfigMap, and the service's RBAC.
    KubernetesAccess,
    /// A Kubernetes device plugin DaemonSet (EFA's), gone with the cluster.
    DevicePlugin,
    /// An EKS Pod Identity association: the IAM role a service account's pods get.
    PodIdentityAssociation,
    /// An OIDC identity provider associated with the cluster (its users sign in to Kubernetes).
    IdentityProvider,
    /// An EKS capability (ACK, kro, Argo CD) with the access policies of the entry EKS makes
    /// for its role.
    Capability,
    EcrRepository,
    Kubeconfig,
    /// A load balancer or target group Kubernetes made for a Service (deleted, never created).
    KubernetesLoadBalancer,
    /// Network interfaces the VPC CNI left behind (deleted, never created).
    NetworkInterface,
}

impl Kind {
    /// A short name, used in step ids, estimates and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Vpc => "vpc",
            Self::ExistingVpc => "existing-vpc",
            Self::Subnet => "subnet",
            Self::InternetGateway => "internet-gateway",
            Self::EgressOnlyInternetGateway => "egress-only-internet-gateway",
            Self::ElasticIp => "elastic-ip",
            Self::NatGateway => "nat-gateway",
            Self::GatewayAttachment => "gateway-attachment",
            Self::RouteTable => "route-table",
            Self::NetworkAcl => "network-acl",
            Self::VpcEndpoint => "vpc-endpoint",
            Self::SecurityGroup => "security-group",
            Self::SecurityGroupRules => "security-group-rules",
            Self::IamRole => "iam-role",
            Self::InstanceProfile => "instance-profile",
            Self::TrustAnchor => "trust-anchor",
            Self::AnywhereProfile => "anywhere-profile",
            Self::ControlPlane => "control-plane",
            Self::OidcProvider => "oidc-provider",
            Self::KeyPair => "key-pair",
            Self::PlacementGroup => "placement-group",
            Self::DevicePlugin => "device-plugin",
            Self::LaunchTemplate => "launch-template",
            Self::ManagedNodegroup => "managed-nodegroup",
            Self::AutoScalingGroup => "auto-scaling-group",
            Self::FargateProfile => "fargate-profile",
            Self::Addon => "addon",
            Self::AddonReady => "addon-ready",
            Self::AccessEntry => "access-entry",
            Self::NodesReady => "nodes-ready",
            Self::EndpointAccess => "endpoint-access",
            Self::ServiceAccount => "service-account",
            Self::KubernetesAccess => "kubernetes-access",
            Self::PodIdentityAssociation => "pod-identity-association",
            Self::IdentityProvider => "identity-provider",
            Self::Capability => "capability",
            Self::EcrRepository => "ecr-repository",
            Self::Kubeconfig => "kubeconfig",
            Self::KubernetesLoadBalancer => "load-balancer",
            Self::NetworkInterface => "network-interface",
        }
    }

    /// How a removed resource of this kind is reported (`delete cluster -o json`): as eksctl's
    /// nouns where they differ from the kind (`cluster`, `nodegroup`).
    pub fn removed_as(self) -> &'static str {
        match self {
            Self::ControlPlane => "cluster",
            Self::ManagedNodegroup => "nodegroup",
            other => other.as_str(),
        }
    }

    /// The phase the kind belongs to: the groups of `--dry-run -o mermaid|dot` and of the
    /// per-phase times after a create.
    pub fn phase(self) -> &'static str {
        match self {
            Self::Vpc
            | Self::ExistingVpc
            | Self::Subnet
            | Self::InternetGateway
            | Self::EgressOnlyInternetGateway
            | Self::ElasticIp
            | Self::NatGateway
            | Self::GatewayAttachment
            | Self::RouteTable
            | Self::NetworkAcl
            | Self::VpcEndpoint
            | Self::SecurityGroup
            | Self::SecurityGroupRules
            | Self::NetworkInterface => PHASES[0],
            Self::IamRole
            | Self::InstanceProfile
            | Self::OidcProvider
            | Self::TrustAnchor
            | Self::AnywhereProfile => PHASES[1],
            Self::ControlPlane | Self::EndpointAccess | Self::Kubeconfig => PHASES[2],
            Self::KeyPair
            | Self::PlacementGroup
            | Self::LaunchTemplate
            | Self::ManagedNodegroup
            | Self::AutoScalingGroup
            | Self::FargateProfile
            | Self::NodesReady => PHASES[3],
            Self::Addon
            | Self::AddonReady
            | Self::AccessEntry
            | Self::ServiceAccount
            | Self::KubernetesAccess
            | Self::DevicePlugin
            | Self::PodIdentityAssociation
            | Self::IdentityProvider
            | Self::Capability
            | Self::EcrRepository
            | Self::KubernetesLoadBalancer => PHASES[4],
        }
    }

    /// How long making a resource of this kind typically takes on AWS, waiting included.
    pub const fn typical(self) -> Duration {
        let secs = match self {
            Self::Vpc | Self::InternetGateway | Self::RouteTable | Self::NetworkAcl => 3,
            Self::EgressOnlyInternetGateway => 2,
            Self::SecurityGroup | Self::IamRole => 3,
            Self::ExistingVpc | Self::ElasticIp | Self::LaunchTemplate | Self::EcrRepository => 1,
            Self::KeyPair | Self::PlacementGroup | Self::TrustAnchor | Self::AnywhereProfile => 1,
            Self::Subnet | Self::SecurityGroupRules | Self::OidcProvider | Self::AccessEntry => 2,
            Self::PodIdentityAssociation => 2,
            // AWS's user guide: associating a provider can take a while; 15 to 30 minutes is usual.
            Self::IdentityProvider => 1200,
            Self::Capability => CAPABILITY_SECONDS,
            Self::NatGateway => 100,
            // A transit gateway attachment takes about a minute; a VPN gateway's, seconds.
            Self::GatewayAttachment => 60,
            // An interface endpoint's network interfaces and DNS names: about a minute or two.
            Self::VpcEndpoint => 90,
            // An endpoint access update of EKS: several minutes.
            Self::EndpointAccess => 480,
            Self::InstanceProfile => 10,
            Self::ControlPlane => 540,
            Self::ManagedNodegroup => 180,
            Self::AutoScalingGroup => 60,
            Self::FargateProfile => 120,
            Self::Addon => 30,
            // The add-on was asked for by its own step, which took next to nothing.
            Self::AddonReady => 30,
            // After a managed group is ACTIVE its nodes have joined; self-managed ones boot first.
            Self::NodesReady => 30,
            Self::Kubeconfig => 0,
            Self::ServiceAccount | Self::KubernetesAccess | Self::DevicePlugin => 1,
            Self::KubernetesLoadBalancer | Self::NetworkInterface => 2,
        };
        Duration::from_secs(secs)
    }

    /// The kinds whose resources must all be gone before one of this kind is deleted: the
    /// create order reversed, with AWS's own refusals (a subnet with a NAT gateway in it, a
    /// control plane with node groups) as the edges.
    pub fn deleted_after(self) -> &'static [Kind] {
        use Kind::{
            AccessEntry as AE, Addon as AD, AnywhereProfile as RAP, AutoScalingGroup as ASG,
            Capability as CAP, ControlPlane as CP, EgressOnlyInternetGateway as EIGW, ElasticIp as EIP,
            FargateProfile as FP, GatewayAttachment as GWA, InstanceProfile as IP, InternetGateway as IGW,
            KubernetesLoadBalancer as LB, LaunchTemplate as LT, ManagedNodegroup as MNG, NatGateway as NAT,
            NetworkAcl as ACL, NetworkInterface as ENI, PodIdentityAssociation as PIA, RouteTable as RT,
            SecurityGroup as SG, SecurityGroupRules as RULES, Subnet as SUB, TrustAnchor as TA,
            VpcEndpoint as VPCE,
        };
        match self {
            // Nothing depends on these: they go first.
            Self::KubernetesLoadBalancer
            | Self::ManagedNodegroup
            | Self::AutoScalingGroup
            | Self::FargateProfile
            | Self::EcrRepository
            | Self::ExistingVpc
            | Self::NodesReady
            | Self::AddonReady
            | Self::EndpointAccess
            | Self::ServiceAccount
            | Self::KubernetesAccess
            | Self::DevicePlugin
            | Self::IdentityProvider
            | Self::Capability
            | Self::AnywhereProfile
            | Self::Kubeconfig => &[],
            // EC2 refuses to delete a group while an instance (even a stopping one) is in it.
            Self::PlacementGroup => &[MNG, ASG],
            Self::AccessEntry | Self::Addon | Self::PodIdentityAssociation => &[MNG, ASG, FP, LB],
            // The rules that name a group about to go, once nothing runs in those groups.
            Self::SecurityGroupRules => &[MNG, ASG, FP, LB, AE, AD, PIA],
            Self::ControlPlane => &[MNG, ASG, FP, LB, AE, AD, PIA, RULES, CAP],
            // Instances launched with a key keep it after it is deleted; the groups go first so
            // that none is launched without it.
            Self::LaunchTemplate | Self::InstanceProfile | Self::KeyPair => &[MNG, ASG],
            Self::OidcProvider
            | Self::NetworkInterface
            | Self::NatGateway
            | Self::NetworkAcl
            | Self::VpcEndpoint => &[CP, MNG, ASG, FP, LB],
            // The profile that names the role first, the role last: while anything of IAM Roles
            // Anywhere is left, the hybrid nodes' role tells a delete to look for it.
            Self::IamRole => &[CP, MNG, ASG, FP, LB, AD, IP, PIA, CAP, RAP, TA],
            Self::TrustAnchor => &[RAP],
            Self::ElasticIp => &[CP, MNG, ASG, FP, LB, NAT],
            Self::InternetGateway => &[CP, MNG, ASG, FP, LB, NAT, EIP],
            // A gateway endpoint's routes are in the tables: the endpoint goes first.
            Self::RouteTable => &[CP, MNG, ASG, FP, LB, NAT, EIP, VPCE],
            // A route to a deleted egress-only gateway (or a detached one) is a black hole: the
            // tables go first.
            Self::EgressOnlyInternetGateway | Self::GatewayAttachment => &[CP, MNG, ASG, FP, LB, RT],
            // An interface endpoint's network interfaces use the group and sit in the subnets.
            Self::SecurityGroup => &[CP, MNG, ASG, FP, LB, ENI, RULES, LT, VPCE],
            // A transit gateway attachment has a network interface in each of its subnets.
            Self::Subnet => &[CP, MNG, ASG, FP, LB, ENI, NAT, RT, ACL, VPCE, GWA],
            Self::Vpc => &[CP, MNG, ASG, FP, LB, ENI, NAT, EIP, IGW, EIGW, RT, ACL, SG, SUB, VPCE, GWA],
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
