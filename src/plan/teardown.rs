//! The delete graph: what was found to exist for a cluster, ordered by each kind's
//! [`Kind::deleted_after`] (the create order reversed, terraform's destroy edges), walked by the
//! same executor as a create. Pure data; finding the resources is `crate::cloud`'s.

use serde::Serialize;

use super::{Kind, Plan, Step};

/// A resource found to exist, to delete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Doomed {
    pub kind: Kind,
    /// The AWS id or name (`vpc-0abc`, a role's name, a principal's ARN).
    pub name: String,
    /// What a delete needs besides the id.
    pub detail: Detail,
}

/// A load balancer or target group Kubernetes made for a Service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum LoadBalancer {
    /// ELBv2 (application or network): its ARN and name.
    V2 { arn: String, name: String },
    /// A classic ELB: its name.
    Classic { name: String },
    /// An ELBv2 target group.
    TargetGroup { arn: String, name: String },
}

impl LoadBalancer {
    /// `load-balancer`, `classic-load-balancer` or `target-group`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::V2 { .. } => "load-balancer",
            Self::Classic { .. } => "classic-load-balancer",
            Self::TargetGroup { .. } => "target-group",
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Self::V2 { name, .. } | Self::Classic { name } | Self::TargetGroup { name, .. } => name,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Detail {
    None,
    /// An internet gateway: the VPCs it is attached to (detached first).
    Attachments {
        vpcs: Vec<String>,
    },
    /// A route table: its subnet associations (removed first).
    Associations {
        ids: Vec<String>,
    },
    /// A network ACL: its subnet associations, moved back to the VPC's default ACL first.
    AclAssociations {
        vpc: String,
        ids: Vec<String>,
    },
    /// An instance profile: the roles it holds (removed first).
    Roles {
        names: Vec<String>,
    },
    /// The control plane: the VPCs whose CNI leftovers go first (they hold the cluster security
    /// group), and whether to wait until it is gone.
    ControlPlane {
        vpcs: Vec<String>,
        wait: bool,
    },
    /// Network interfaces the VPC CNI left in these VPCs, found when the step runs (they appear as
    /// nodes terminate).
    Leftovers {
        vpcs: Vec<String>,
    },
    /// Every rule of the `doomed` groups, and the rules of `others` that name one of them.
    Rules {
        doomed: Vec<String>,
        others: Vec<String>,
    },
    LoadBalancer(LoadBalancer),
    /// A security group's name, for people.
    GroupName {
        name: String,
    },
    /// A launch template's id (the name is what people know).
    TemplateId {
        id: String,
    },
    /// An ECR repository, deleted with its images.
    Repository,
    /// A pod identity association's id (people know it by `namespace/service account`).
    AssociationId {
        id: String,
    },
}

impl Detail {
    /// The list the detail holds (VPCs, associations, roles), empty for the others.
    pub fn names(&self) -> &[String] {
        match self {
            Self::Attachments { vpcs } | Self::Leftovers { vpcs } => vpcs,
            Self::Associations { ids } => ids,
            Self::Roles { names } => names,
            _ => &[],
        }
    }
}

impl Doomed {
    pub fn new(kind: Kind, name: impl Into<String>) -> Self {
        Self { kind, name: name.into(), detail: Detail::None }
    }

    #[must_use]
    pub fn with(mut self, detail: Detail) -> Self {
        self.detail = detail;
        self
    }

    /// How the removal is reported: `cluster`, `nodegroup`, `subnet`, `target-group`.
    pub fn label(&self) -> &'static str {
        match &self.detail {
            Detail::LoadBalancer(lb) => lb.kind(),
            _ => self.kind.removed_as(),
        }
    }

    /// The step id: `<label>/<name>`.
    pub fn id(&self) -> String {
        format!("{}/{}", self.label(), self.name)
    }

    /// What people read.
    pub fn description(&self) -> String {
        let name = &self.name;
        match (&self.kind, &self.detail) {
            (_, Detail::LoadBalancer(lb)) => {
                format!("{} `{}` made by Kubernetes", lb.kind().replace('-', " "), lb.name())
            }
            (Kind::ControlPlane, _) => format!("control plane `{name}`"),
            (Kind::ManagedNodegroup, _) => format!("managed nodegroup `{name}`"),
            (Kind::AutoScalingGroup, _) => format!("Auto Scaling group `{name}`"),
            (Kind::FargateProfile, _) => format!("Fargate profile `{name}`"),
            (Kind::AccessEntry, _) => format!("access entry `{name}`"),
            (Kind::PodIdentityAssociation, _) => format!("pod identity association `{name}`"),
            (Kind::Addon, _) => format!("add-on `{name}`"),
            (Kind::OidcProvider, _) => format!("OIDC provider `{name}`"),
            (Kind::LaunchTemplate, _) => format!("launch template `{name}`"),
            (Kind::NatGateway, _) => format!("NAT gateway `{name}`"),
            (Kind::ElasticIp, _) => format!("Elastic IP `{name}`"),
            (Kind::InternetGateway, _) => format!("internet gateway `{name}`"),
            (Kind::RouteTable, _) => format!("route table `{name}`"),
            (Kind::NetworkAcl, _) => format!("network ACL `{name}`"),
            (Kind::SecurityGroup, Detail::GroupName { name: group }) => {
                format!("security group `{group}` ({name})")
            }
            (Kind::SecurityGroupRules, _) => "rules that name the security groups to delete".to_string(),
            (Kind::NetworkInterface, _) => "network interfaces left by the VPC CNI".to_string(),
            (Kind::Subnet, _) => format!("subnet `{name}`"),
            (Kind::Vpc, _) => format!("VPC `{name}`"),
            (Kind::IamRole, _) => format!("IAM role `{name}`"),
            (Kind::InstanceProfile, _) => format!("instance profile `{name}`"),
            (Kind::EcrRepository, _) => format!("ECR repository `{name}`"),
            (kind, _) => format!("{} `{name}`", kind.as_str().replace('-', " ")),
        }
    }
}

/// The delete plan for `found`: each resource after every found resource of the kinds it is
/// [`Kind::deleted_after`], and Fargate profiles one at a time (EKS deletes one per cluster at a
/// time). Without `wait`, what must wait for the control plane to be gone is left out and
/// returned as pending.
pub fn plan(cluster: &str, region: &str, found: Vec<Doomed>, wait: bool) -> (Plan<Doomed>, Vec<Doomed>) {
    let mut found = found;
    let mut seen = std::collections::HashSet::new();
    found.retain(|d| seen.insert(d.id()));
    let has_plane = found.iter().any(|d| d.kind == Kind::ControlPlane);
    let (found, pending): (Vec<Doomed>, Vec<Doomed>) = if wait || !has_plane {
        (found, Vec::new())
    } else {
        found.into_iter().partition(|d| !after_plane(d.kind))
    };
    let mut previous_profile: Option<String> = None;
    let steps = found
        .iter()
        .map(|d| {
            let after = d.kind.deleted_after();
            let mut depends_on: Vec<String> =
                found.iter().filter(|o| after.contains(&o.kind)).map(Doomed::id).collect();
            if d.kind == Kind::FargateProfile {
                depends_on.extend(previous_profile.replace(d.id()));
            }
            Step { id: d.id(), description: d.description(), resource: d.clone(), depends_on }
        })
        .collect();
    let plan = Plan {
        cluster: cluster.to_string(),
        region: region.to_string(),
        tags: std::collections::BTreeMap::new(),
        steps,
    };
    (plan, pending)
}

/// Whether a kind must wait for the control plane to be gone, directly or not.
fn after_plane(kind: Kind) -> bool {
    let direct = kind.deleted_after();
    direct.contains(&Kind::ControlPlane) || direct.iter().any(|k| *k != kind && after_plane(*k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(plan: &Plan<Doomed>, id: &str) -> Vec<String> {
        plan.step(id).unwrap().depends_on.clone()
    }

    fn found() -> Vec<Doomed> {
        vec![
            Doomed::new(Kind::Vpc, "vpc-1"),
            Doomed::new(Kind::Subnet, "subnet-1"),
            Doomed::new(Kind::Subnet, "subnet-2"),
            Doomed::new(Kind::ControlPlane, "demo").with(Detail::ControlPlane { vpcs: vec![], wait: true }),
            Doomed::new(Kind::ManagedNodegroup, "ng-1"),
            Doomed::new(Kind::FargateProfile, "fp-1"),
            Doomed::new(Kind::FargateProfile, "fp-2"),
            Doomed::new(Kind::IamRole, "demo-cluster"),
            Doomed::new(Kind::EcrRepository, "demo/app"),
        ]
    }

    #[test]
    fn edges_follow_the_kinds() {
        let (plan, pending) = plan("demo", "us-west-2", found(), true);
        assert!(pending.is_empty());
        plan.check().unwrap();
        assert_eq!(
            ids(&plan, "subnet/subnet-1"),
            ["cluster/demo", "nodegroup/ng-1", "fargate-profile/fp-1", "fargate-profile/fp-2"]
        );
        assert!(ids(&plan, "vpc/vpc-1").contains(&"subnet/subnet-2".to_string()));
        assert_eq!(ids(&plan, "fargate-profile/fp-2"), ["fargate-profile/fp-1"]);
        assert!(ids(&plan, "ecr-repository/demo/app").is_empty());
        assert!(ids(&plan, "cluster/demo").contains(&"nodegroup/ng-1".to_string()));
        // IAM does not wait for the network.
        assert!(!ids(&plan, "iam-role/demo-cluster").iter().any(|d| d.starts_with("subnet/")));
    }

    #[test]
    fn without_wait_what_follows_the_control_plane_is_pending() {
        let (plan, pending) = plan("demo", "us-west-2", found(), false);
        plan.check().unwrap();
        let pending: Vec<String> = pending.iter().map(Doomed::id).collect();
        assert_eq!(pending, ["vpc/vpc-1", "subnet/subnet-1", "subnet/subnet-2", "iam-role/demo-cluster"]);
        assert!(plan.step("cluster/demo").is_some() && plan.step("ecr-repository/demo/app").is_some());
    }

    #[test]
    fn every_kind_has_an_acyclic_order() {
        use strum::IntoEnumIterator as _;
        let found = Kind::iter().map(|k| Doomed::new(k, "x")).collect();
        let (plan, _) = plan("demo", "r", found, true);
        plan.check().unwrap();
    }
}
