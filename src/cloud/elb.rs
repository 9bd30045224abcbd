//! Load balancers that Kubernetes made for a cluster, found by the tags their makers put on them:
//! the AWS Load Balancer Controller tags ELBv2 load balancers, target groups and security groups
//! `elbv2.k8s.aws/cluster=<cluster>`; the in-tree cloud provider tags classic ELBs and their
//! security groups `kubernetes.io/cluster/<cluster>=owned`. eksctl deletes them before the VPC
//! (`pkg/elb/cleanup.go`): their network interfaces and security groups otherwise keep the
//! subnets, the internet gateway and the VPC from being deleted.

use super::AwsCloud;
use super::error::{ApiResult as _, CloudError};
use super::kubernetes_cluster_tag;

/// The tag the AWS Load Balancer Controller puts on what it makes.
pub const ELBV2_CLUSTER_TAG: &str = "elbv2.k8s.aws/cluster";

pub(crate) use crate::plan::teardown::LoadBalancer as KubeLoadBalancer;

fn belongs(tags: impl Iterator<Item = (String, String)>, cluster: &str) -> bool {
    let legacy = kubernetes_cluster_tag(cluster);
    tags.into_iter().any(|(k, v)| (k == ELBV2_CLUSTER_TAG && v == cluster) || (k == legacy && v == "owned"))
}

impl AwsCloud {
    /// The load balancers and target groups in `vpc` that Kubernetes made for `cluster`:
    /// load balancers first, target groups last (they are deleted in that order).
    pub(crate) async fn kubernetes_load_balancers(
        &self,
        cluster: &str,
        vpc: &str,
    ) -> Result<Vec<KubeLoadBalancer>, CloudError> {
        let mut found = Vec::new();
        // ELBv2: DescribeTags takes at most 20 ARNs.
        let lbs: Vec<_> = self
            .elbv2
            .describe_load_balancers()
            .into_paginator()
            .items()
            .send()
            .collect::<Result<_, _>>()
            .await
            .api("DescribeLoadBalancers")?;
        let in_vpc: Vec<(String, String)> = lbs
            .iter()
            .filter(|lb| lb.vpc_id() == Some(vpc))
            .filter_map(|lb| {
                Some((lb.load_balancer_arn()?.to_string(), lb.load_balancer_name()?.to_string()))
            })
            .collect();
        for (arn, name) in self.elbv2_owned(&in_vpc, cluster).await? {
            found.push(KubeLoadBalancer::V2 { arn, name });
        }
        // Classic ELBs.
        let classic: Vec<_> = self
            .elb
            .describe_load_balancers()
            .into_paginator()
            .items()
            .send()
            .collect::<Result<_, _>>()
            .await
            .api("DescribeLoadBalancers")?;
        let names: Vec<String> = classic
            .iter()
            .filter(|lb| lb.vpc_id() == Some(vpc))
            .filter_map(|lb| lb.load_balancer_name().map(str::to_string))
            .collect();
        for chunk in names.chunks(20) {
            let out = self
                .elb
                .describe_tags()
                .set_load_balancer_names(Some(chunk.to_vec()))
                .send()
                .await
                .api("DescribeTags")?;
            for d in out.tag_descriptions() {
                let tags =
                    d.tags().iter().map(|t| (t.key().to_string(), t.value().unwrap_or_default().to_string()));
                if belongs(tags, cluster)
                    && let Some(name) = d.load_balancer_name()
                {
                    found.push(KubeLoadBalancer::Classic { name: name.to_string() });
                }
            }
        }
        // ELBv2 target groups.
        let groups: Vec<_> = self
            .elbv2
            .describe_target_groups()
            .into_paginator()
            .items()
            .send()
            .collect::<Result<_, _>>()
            .await
            .api("DescribeTargetGroups")?;
        let in_vpc: Vec<(String, String)> = groups
            .iter()
            .filter(|g| g.vpc_id() == Some(vpc))
            .filter_map(|g| Some((g.target_group_arn()?.to_string(), g.target_group_name()?.to_string())))
            .collect();
        for (arn, name) in self.elbv2_owned(&in_vpc, cluster).await? {
            found.push(KubeLoadBalancer::TargetGroup { arn, name });
        }
        Ok(found)
    }

    /// Of `(arn, name)` pairs, those whose ELBv2 tags say they belong to `cluster`.
    async fn elbv2_owned(
        &self,
        resources: &[(String, String)],
        cluster: &str,
    ) -> Result<Vec<(String, String)>, CloudError> {
        let mut owned = Vec::new();
        for chunk in resources.chunks(20) {
            let arns: Vec<String> = chunk.iter().map(|(a, _)| a.clone()).collect();
            let out =
                self.elbv2.describe_tags().set_resource_arns(Some(arns)).send().await.api("DescribeTags")?;
            for d in out.tag_descriptions() {
                let tags = d.tags().iter().map(|t| {
                    (t.key().unwrap_or_default().to_string(), t.value().unwrap_or_default().to_string())
                });
                if belongs(tags, cluster)
                    && let Some(pair) = chunk.iter().find(|(a, _)| Some(a.as_str()) == d.resource_arn())
                {
                    owned.push(pair.clone());
                }
            }
        }
        Ok(owned)
    }

    pub(crate) async fn delete_kubernetes_load_balancer(
        &self,
        lb: &KubeLoadBalancer,
    ) -> Result<(), CloudError> {
        let result = match lb {
            KubeLoadBalancer::V2 { arn, .. } => self
                .elbv2
                .delete_load_balancer()
                .load_balancer_arn(arn)
                .send()
                .await
                .map(|_| ())
                .api("DeleteLoadBalancer"),
            KubeLoadBalancer::Classic { name } => self
                .elb
                .delete_load_balancer()
                .load_balancer_name(name)
                .send()
                .await
                .map(|_| ())
                .api("DeleteLoadBalancer"),
            KubeLoadBalancer::TargetGroup { arn, .. } => self
                .elbv2
                .delete_target_group()
                .target_group_arn(arn)
                .send()
                .await
                .map(|_| ())
                .api("DeleteTargetGroup"),
        };
        match result {
            Err(e) if e.is_not_found() => Ok(()),
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ownership_by_either_maker() {
        let t = |k: &str, v: &str| vec![(k.to_string(), v.to_string())].into_iter();
        assert!(belongs(t("elbv2.k8s.aws/cluster", "demo"), "demo"));
        assert!(belongs(t("kubernetes.io/cluster/demo", "owned"), "demo"));
        assert!(!belongs(t("kubernetes.io/cluster/demo", "shared"), "demo"));
        assert!(!belongs(t("elbv2.k8s.aws/cluster", "other"), "demo"));
    }
}
