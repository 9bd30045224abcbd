//! A fully-private cluster (`privateCluster.enabled`, eksctl's `vpc_endpoint.go` and
//! `eks-private-cluster.md`): the VPC endpoints its nodes reach AWS through, which the node
//! groups and Fargate profiles wait for; and an endpoint that ends private-only (a fully-private
//! cluster's, or the file's `clusterEndpoints`) turned so once everything that needs the
//! Kubernetes API is done.

use super::control_plane::ControlPlane;
use super::network::Net;
use super::{Builder, slug, step_of};
use crate::plan::*;

/// The services whose endpoint names take the `cn.` prefix in China (eksctl's
/// `RequiresChinaPrefix`).
const CHINA_PREFIXED: &[&str] = &["ec2", "ecr.api", "ecr.dkr", "sts", "cloudformation"];

/// AWS's name of `service`'s endpoint service in `region`: `com.amazonaws.us-west-2.ecr.api`.
pub(super) fn endpoint_service_name(partition: &str, region: &str, service: &str) -> String {
    let prefix = if partition == "aws-cn" && CHINA_PREFIXED.contains(&service) {
        "cn.com.amazonaws"
    } else {
        "com.amazonaws"
    };
    format!("{prefix}.{region}.{service}")
}

impl Builder<'_> {
    /// The VPC endpoints of a fully-private cluster, in its private subnets (none in Local
    /// Zones, which a private cluster has not), returning their steps.
    pub(super) fn vpc_endpoints(&mut self, net: &Net, cp: &ControlPlane) -> Vec<StepId> {
        let Some(private) = &self.res.private_cluster else { return Vec::new() };
        let subnets: Vec<_> =
            net.subnets.iter().filter(|s| s.kind == SubnetKind::Private && !s.local).collect();
        let refs: Vec<SubnetRef> =
            subnets.iter().map(|s| SubnetRef { az: s.az.clone(), kind: s.kind, id: s.id.clone() }).collect();
        let route_tables: Vec<Val> = {
            let mut ids: Vec<StepId> = subnets.iter().filter_map(|s| s.route_table.clone()).collect();
            ids.dedup();
            ids.iter().map(|rt| Val::out(rt, keys::ID)).collect()
        };
        let mut steps = Vec::new();
        for service in private.endpoint_services.clone() {
            let gateway = service == "s3";
            let name = endpoint_service_name(self.partition, &self.region, &service);
            let mut deps = net.deps(&subnets);
            deps.extend(net.vpc_deps.clone());
            let (what, route_tables, security_groups) = if gateway {
                let on = if route_tables.is_empty() {
                    "the subnets' route tables"
                } else {
                    "the private route tables"
                };
                (format!("gateway endpoint `{name}` on {on}"), route_tables.clone(), Vec::new())
            } else {
                deps.extend(cp.shared_nodes_deps.clone());
                (
                    format!("interface endpoint `{name}` with private DNS in the private subnets"),
                    Vec::new(),
                    vec![cp.shared_nodes.clone()],
                )
            };
            deps.extend(security_groups.iter().filter_map(step_of));
            steps.push(self.add(
                format!("vpc-endpoint-{}", slug(&service)),
                what,
                Resource::VpcEndpoint {
                    vpc: net.vpc.clone(),
                    service: name,
                    gateway,
                    subnets: refs.clone(),
                    route_tables,
                    security_groups,
                },
                deps,
            ));
        }
        steps
    }

    /// An endpoint that ends without public access (a fully-private cluster's, or
    /// `clusterEndpoints.publicAccess: false`) while the run needs the Kubernetes API (nodes to
    /// see Ready, service accounts, aws-auth): the control plane is made with public access too,
    /// so that eksup reaches the API from where it runs, and turned to the file's access once
    /// every other step but the kubeconfig's is done (eksctl does so for fully-private
    /// clusters). A fully-private cluster always takes this step, as eksctl's does.
    pub(super) fn endpoint_access(&mut self) {
        let (public, private) = (self.res.endpoint_public_access, self.res.endpoint_private_access);
        let needs_api = self.res.private_cluster.is_some()
            || self.steps.iter().any(|s| {
                matches!(s.resource.kind(), Kind::NodesReady | Kind::ServiceAccount | Kind::KubernetesAccess)
            });
        if public || !needs_api {
            return;
        }
        for step in &mut self.steps {
            if let Resource::ControlPlane(spec) = &mut step.resource {
                spec.endpoint_public_access = true;
                step.description.push_str(" (public endpoint open until the run ends)");
            }
        }
        // The steps nothing else waits for: the others are done before them.
        let waited: std::collections::HashSet<&StepId> =
            self.steps.iter().flat_map(|s| &s.depends_on).collect();
        let deps = self
            .steps
            .iter()
            .filter(|s| !waited.contains(&s.id) && !matches!(s.resource, Resource::Kubeconfig { .. }))
            .map(|s| s.id.clone())
            .collect();
        let why = if self.res.private_cluster.is_some() {
            "fully-private cluster"
        } else {
            "`vpc.clusterEndpoints`"
        };
        self.add(
            "endpoint-access",
            format!("cluster endpoint turned private-only ({why})"),
            Resource::EndpointAccess { public: false, private },
            deps,
        );
    }
}
