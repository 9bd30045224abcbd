//! Nodes Ready in Kubernetes: the last step of a node group, as eksctl waits for it.

use std::time::SystemTime;

use super::{AwsCloud, Poll, auth, limits, wait_for};
use crate::executor::{Action, StepContext, StepResult};
use crate::kubernetes::{ClusterApi, readiness_summary};
use crate::plan::{Val, keys};

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
        let polls = std::cell::Cell::new(0_u32);
        let ready = wait_for(&ctx.progress, &what, limits::NODES_ARE_READY, || {
            polls.set(polls.get() + 1);
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
        // The nodes of a group this run made are new; those of a group it found, Ready at the
        // first look, were there before.
        let group_existed = ctx.step.depends_on.iter().any(|d| {
            ctx.outputs.get(d).and_then(|o| o.get(keys::ACTION)).is_some_and(|a| a == Action::Existed.label())
        });
        let action = if polls.get() == 1 && group_existed { Action::Existed } else { Action::Created };
        Ok(StepResult::new(action).with("ready", names.len().to_string()).with("nodes", names.join(",")))
    }
}
