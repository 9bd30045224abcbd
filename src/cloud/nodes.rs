//! Nodes Ready in Kubernetes: the last step of a node group, as eksctl waits for it.

use std::time::SystemTime;

use super::{AwsCloud, Poll, auth, limits, wait_for};
use crate::executor::{Action, StepContext, StepResult};
use crate::kubernetes::{ClusterApi, readiness_summary};
use crate::plan::Val;

impl AwsCloud {
    /// Wait until `count` nodes labelled `selector` are Ready, asking the cluster's API with a
    /// fresh token each time. A node group whose nodes never join ends in a [`CloudError`]
    /// that says what Kubernetes last reported (no node registered, or why a node is NotReady).
    pub(super) async fn ensure_nodes_ready(
        &self,
        ctx: &StepContext<'_>,
        nodegroup: &str,
        selector: &str,
        count: i32,
        endpoint: &Val,
        certificate_authority: &Val,
    ) -> anyhow::Result<StepResult> {
        let endpoint = ctx.resolve(endpoint)?;
        let ca = ctx.resolve(certificate_authority)?;
        let want = usize::try_from(count).unwrap_or(0);
        let what = format!("the nodes of `{nodegroup}`");
        let cluster = ctx.plan.cluster.as_str();
        let ready = wait_for(&ctx.progress, &what, limits::NODES_READY, || {
            let (endpoint, ca) = (endpoint.clone(), ca.clone());
            async move {
                let credentials = auth::credentials(&self.sdk).await?;
                let token = auth::eks_token(&credentials, cluster, &self.region, SystemTime::now())?;
                let api = ClusterApi::connect(&endpoint, &ca, &token).await?;
                match api.nodes(selector).await {
                    Ok(nodes) if nodes.iter().filter(|n| n.ready).count() >= want => Ok(Poll::Ready(nodes)),
                    Ok(nodes) => Ok(Poll::Pending(readiness_summary(&nodes, want))),
                    // The API server may not answer for a moment (right after the control plane
                    // turns ACTIVE, or a network blip): a failed poll is retried, not fatal, and
                    // the last answer is what a timeout reports.
                    Err(e) => Ok(Poll::Pending(format!("the API server did not answer: {e:#}"))),
                }
            }
        })
        .await?;
        let names = ready.iter().filter(|n| n.ready).map(|n| n.name.clone()).collect::<Vec<_>>();
        Ok(StepResult::new(Action::Created)
            .with("ready", ready.len().to_string())
            .with("nodes", names.join(",")))
    }
}
