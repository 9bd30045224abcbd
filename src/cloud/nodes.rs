//! Nodes Ready in Kubernetes: the last step of a node group, as eksctl waits for it.

use std::time::{Duration, Instant, SystemTime};

use super::{AwsCloud, Poll, auth, limits, wait_for};
use crate::executor::{Action, Cancel, Progress, Reporter, StepContext, StepResult, Subject};
use crate::kubernetes::{ClusterApi, Made, readiness_summary};
use crate::plan::{Resource, Val, keys};

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
        let connection = Connection::default();
        let ready = wait_for(&ctx.progress, &what, limits::NODES_ARE_READY, || {
            polls.set(polls.get() + 1);
            let (endpoint, ca, connection) = (endpoint.clone(), ca.clone(), &connection);
            async move {
                let nodes = match connection.api(self, cluster, &endpoint, &ca).await {
                    Ok(api) => api.nodes(selector).await,
                    Err(e) => Err(e),
                };
                match nodes {
                    Ok(nodes) => {
                        connection.answered();
                        if nodes.iter().filter(|n| n.ready).count() >= want {
                            Ok(Poll::Ready(nodes))
                        } else {
                            Ok(Poll::Pending(readiness_summary(&nodes, want)))
                        }
                    }
                    // The API server may not answer for a moment (right after the control plane
                    // turns ACTIVE, or a network blip): a failed poll is retried, not fatal, and
                    // the last answer is what a timeout reports; unless its endpoint shuts eksup out.
                    Err(e) => {
                        connection.failed(self, cluster, &e).await?;
                        Ok(Poll::Pending(format!("the API server did not answer: {e:#}")))
                    }
                }
            }
        })
        .await?;
        let names = ready.iter().filter(|n| n.ready).map(|n| n.name.clone()).collect::<Vec<_>>();
        // The nodes of a group this run made are new; those of a group it found, Ready at the
        // first look, were there before.
        let group_existed = ctx
            .step
            .depends_on
            .iter()
            .any(|d| ctx.output(d, keys::ACTION).is_some_and(|a| a == Action::Existed.label()));
        let action = if polls.get() == 1 && group_existed { Action::Existed } else { Action::Created };
        Ok(StepResult::new(action).with("ready", names.len().to_string()).with("nodes", names.join(",")))
    }
}

impl AwsCloud {
    /// `upgrade nodegroup`: wait until `want` Ready nodes carry `selector` (`key=value`), every
    /// one of them with a kubelet of Kubernetes `version` (the old nodes gone). Returns their
    /// names.
    pub async fn nodes_at_version(
        &self,
        cluster: &str,
        selector: &str,
        want: usize,
        version: &str,
        reporter: &dyn Reporter,
        cancel: &Cancel,
    ) -> anyhow::Result<Vec<String>> {
        let group = selector.rsplit('=').next().unwrap_or(selector);
        let id = format!("nodes/{group}");
        let description = format!("the nodes of `{group}`");
        let progress = Progress::of(Subject { id: &id, description: &description }, reporter, cancel);
        let prefix = format!("v{version}.");
        let connection = Connection::default();
        let eks = self
            .describe_eks_cluster(cluster)
            .await?
            .ok_or_else(|| anyhow::anyhow!("cluster `{cluster}` is gone"))?;
        let (Some(endpoint), Some(ca)) = (eks.endpoint(), eks.certificate_authority().and_then(|c| c.data()))
        else {
            anyhow::bail!("cluster `{cluster}` has no endpoint");
        };
        wait_for(&progress, &description, limits::NODES_ARE_READY, || async {
            let nodes = match connection.api(self, cluster, endpoint, ca).await {
                Ok(api) => api.nodes(selector).await,
                Err(e) => Err(e),
            };
            let nodes = match nodes {
                Ok(nodes) => {
                    connection.answered();
                    nodes
                }
                Err(e) => {
                    connection.failed(self, cluster, &e).await?;
                    return Ok(Poll::Pending(format!("the API server did not answer: {e:#}")));
                }
            };
            let old = nodes.iter().filter(|n| !n.kubelet.starts_with(&prefix)).count();
            let ready = nodes.iter().filter(|n| n.ready && n.kubelet.starts_with(&prefix)).count();
            if old == 0 && ready >= want {
                return Ok(Poll::Ready(nodes.into_iter().map(|n| n.name).collect()));
            }
            Ok(Poll::Pending(if old > 0 {
                format!("{old} node(s) still at an older version, {ready}/{want} Ready at `{version}`")
            } else {
                readiness_summary(&nodes, want)
            }))
        })
        .await
    }
}

/// A service-account step's settings (see [`crate::plan::Resource::ServiceAccount`]).
pub(crate) struct ServiceAccountSpec<'a> {
    pub namespace: &'a str,
    pub name: &'a str,
    pub labels: &'a std::collections::BTreeMap<String, String>,
    pub annotations: &'a std::collections::BTreeMap<String, String>,
    /// The IRSA role (none: a pod identity association's account, not annotated).
    pub role: Option<&'a Val>,
}

/// The annotation that gives a service account's pods the IAM role (IRSA).
pub const ROLE_ANNOTATION: &str = "eks.amazonaws.com/role-arn";

impl AwsCloud {
    /// Make or annotate a Kubernetes ServiceAccount with the IAM role it takes (its labels and
    /// annotations merged in, eksup's `app.kubernetes.io/managed-by` label added), through the
    /// cluster's API; retried while the API server does not answer yet.
    pub(super) async fn ensure_service_account(
        &self,
        ctx: &StepContext<'_>,
        account: &ServiceAccountSpec<'_>,
        endpoint: &Val,
        certificate_authority: &Val,
    ) -> anyhow::Result<StepResult> {
        let endpoint = ctx.resolve(endpoint)?;
        let ca = ctx.resolve(certificate_authority)?;
        let role = account.role.map(|r| ctx.resolve(r)).transpose()?;
        let mut labels = account.labels.clone();
        labels.insert(crate::plan::tags::MANAGED_BY.to_string(), "eksup".to_string());
        let mut annotations = account.annotations.clone();
        if let Some(role) = &role {
            annotations.insert(ROLE_ANNOTATION.to_string(), role.clone());
        }
        let cluster = ctx.plan.cluster.as_str();
        let what = format!("service account `{}/{}`", account.namespace, account.name);
        let connection = Connection::default();
        let made = wait_for(&ctx.progress, &what, limits::SERVICE_ACCOUNT_MADE, || {
            let (endpoint, ca, connection, labels, annotations) =
                (endpoint.clone(), ca.clone(), &connection, &labels, &annotations);
            async move {
                connection
                    .attempt(self, cluster, &endpoint, &ca, |api| async move {
                        api.ensure_service_account(account.namespace, account.name, labels, annotations).await
                    })
                    .await
            }
        })
        .await?;
        let result = StepResult::new(action_of(made))
            .with(keys::NAME, format!("{}/{}", account.namespace, account.name));
        Ok(match role {
            Some(role) => result.with("role", role),
            None => result,
        })
    }
}

impl AwsCloud {
    /// Write what an identity mapping eksctl keeps in aws-auth asks for (a
    /// [`Resource::ServiceAccess`] or [`Resource::AccountMappings`]) through the cluster's API:
    /// aws-auth entries added, never removed; RBAC applied. Retried while the API server does
    /// not answer yet.
    pub(super) async fn ensure_kubernetes_access(
        &self,
        ctx: &StepContext<'_>,
        access: &Resource,
    ) -> anyhow::Result<StepResult> {
        use crate::kubernetes::AwsAuthRole;
        let (endpoint, ca, what, name, role) = match access {
            Resource::ServiceAccess {
                service,
                user,
                namespace,
                service_linked_role,
                cluster_arn,
                endpoint,
                certificate_authority,
            } => {
                // aws-auth takes role ARNs without their path, in the cluster's account.
                let cluster_arn = ctx.resolve(cluster_arn)?;
                let parts: Vec<&str> = cluster_arn.split(':').collect();
                let [_, partition, _, _, account, ..] = parts.as_slice() else {
                    anyhow::bail!("`{cluster_arn}` is not a cluster ARN");
                };
                let role = AwsAuthRole {
                    rolearn: format!("arn:{partition}:iam::{account}:role/{service_linked_role}"),
                    username: user.clone(),
                    groups: vec![],
                };
                let what = format!("`{service}`'s access to namespace `{namespace}`");
                (endpoint, certificate_authority, what, format!("{service}/{namespace}"), Some(role))
            }
            Resource::AccountMappings { accounts, endpoint, certificate_authority } => {
                let what = format!("accounts {} in aws-auth", accounts.join(", "));
                (endpoint, certificate_authority, what, accounts.join(","), None)
            }
            other => anyhow::bail!("not an identity mapping kept in aws-auth: {other:?}"),
        };
        let endpoint = ctx.resolve(endpoint)?;
        let ca = ctx.resolve(ca)?;
        let cluster = ctx.plan.cluster.as_str();
        let connection = Connection::default();
        let role = role.as_ref();
        let made = wait_for(&ctx.progress, &what, limits::SERVICE_ACCOUNT_MADE, || {
            let (endpoint, ca, connection) = (endpoint.clone(), ca.clone(), &connection);
            async move {
                connection
                    .attempt(self, cluster, &endpoint, &ca, |api| async move {
                        match (access, role) {
                            (Resource::ServiceAccess { service, namespace, .. }, Some(role)) => {
                                let Some(def) = crate::config::services::service(service) else {
                                    let unknown = format!("eksup does not know service `{service}`");
                                    return Err(crate::kubernetes::Unusable(unknown).into());
                                };
                                let rbac = api.apply_rbac(namespace, &def.rbac()).await?;
                                let auth = api.ensure_aws_auth(std::slice::from_ref(role), &[]).await?;
                                Ok(if rbac == Made::Created || auth == Made::Created {
                                    Made::Created
                                } else if rbac == Made::Unchanged && auth == Made::Unchanged {
                                    Made::Unchanged
                                } else {
                                    Made::Updated
                                })
                            }
                            (Resource::AccountMappings { accounts, .. }, _) => {
                                api.ensure_aws_auth(&[], accounts).await
                            }
                            _ => Err(crate::kubernetes::Unusable(
                                "not an identity mapping kept in aws-auth".into(),
                            )
                            .into()),
                        }
                    })
                    .await
            }
        })
        .await?;
        Ok(StepResult::new(action_of(made)).with(keys::NAME, name))
    }
}

/// One Kubernetes client for all the polls of a wait: a new client (TLS set-up, a signed token)
/// only when there is none, its token is ten minutes old (EKS's tokens last fifteen), or the
/// last poll failed. It also tells a wait when the cluster's endpoint shuts eksup out.
#[derive(Default)]
pub(super) struct Connection {
    api: tokio::sync::Mutex<Option<(ClusterApi, Instant)>>,
    /// Since when the API server has given no answer at all (none: it answered last time).
    unanswered_since: std::sync::Mutex<Option<Instant>>,
    /// The cluster's endpoint access was read once for this wait.
    access_read: std::sync::atomic::AtomicBool,
}

impl Connection {
    const RENEW_AFTER: Duration = Duration::from_secs(10 * 60);
    /// How long the API server may give no answer before eksup reads whether the cluster's
    /// endpoint access leaves it out: right after the control plane turns ACTIVE it answers
    /// within a minute, while a caller outside `publicAccessCidrs` would wait for nothing.
    const SHUT_OUT_AFTER: Duration = Duration::from_secs(3 * 60);

    fn answered(&self) {
        if let Ok(mut since) = self.unanswered_since.lock() {
            *since = None;
        }
    }

    /// After a failed poll: a fresh client next time, and, once the API server has given no
    /// answer for [`Self::SHUT_OUT_AFTER`] while the cluster's public endpoint is off or admits
    /// only some networks, the error that says so (waiting on would only time out).
    async fn failed(&self, aws: &AwsCloud, cluster: &str, error: &anyhow::Error) -> anyhow::Result<()> {
        use std::sync::atomic::Ordering;
        self.forget().await;
        if !crate::kubernetes::unanswered(error) {
            self.answered();
            return Ok(());
        }
        let since = {
            let Ok(mut since) = self.unanswered_since.lock() else { return Ok(()) };
            *since.get_or_insert_with(Instant::now)
        };
        if since.elapsed() < Self::SHUT_OUT_AFTER || self.access_read.swap(true, Ordering::Relaxed) {
            return Ok(());
        }
        let Some(described) = aws.describe_eks_cluster(cluster).await? else { return Ok(()) };
        let Some(why) = described.resources_vpc_config().and_then(endpoint_shuts_out) else { return Ok(()) };
        let waited = crate::plan::estimate::human(since.elapsed());
        Err(shut_out_error(cluster, &waited, &why).into())
    }

    async fn api(
        &self,
        aws: &AwsCloud,
        cluster: &str,
        endpoint: &str,
        ca: &str,
    ) -> anyhow::Result<ClusterApi> {
        let mut slot = self.api.lock().await;
        if let Some((api, at)) = slot.as_ref()
            && at.elapsed() < Self::RENEW_AFTER
        {
            return Ok(api.clone());
        }
        let credentials = auth::credentials(&aws.sdk).await?;
        let token = auth::eks_token(&credentials, cluster, &aws.region, SystemTime::now())?;
        let api = ClusterApi::connect(endpoint, ca, &token).await?;
        *slot = Some((api.clone(), Instant::now()));
        Ok(api)
    }

    async fn forget(&self) {
        *self.api.lock().await = None;
    }

    /// One try of `write` through the cluster's API, for a wait: ready with what it returned;
    /// pending (with a fresh client next time) while the API server does not answer or fails
    /// in passing; the error when it refused for good.
    pub(super) async fn attempt<T, F, Fut>(
        &self,
        aws: &AwsCloud,
        cluster: &str,
        endpoint: &str,
        ca: &str,
        write: F,
    ) -> anyhow::Result<Poll<T>>
    where
        F: FnOnce(ClusterApi) -> Fut,
        Fut: std::future::Future<Output = anyhow::Result<T>>,
    {
        let api = match self.api(aws, cluster, endpoint, ca).await {
            Ok(api) => api,
            Err(e) => return Ok(Poll::Pending(format!("the API server did not answer: {e:#}"))),
        };
        match write(api).await {
            Ok(done) => {
                self.answered();
                Ok(Poll::Ready(done))
            }
            Err(e) if crate::kubernetes::refused(&e) => Err(e),
            Err(e) => {
                self.failed(aws, cluster, &e).await?;
                Ok(Poll::Pending(format!("{e:#}")))
            }
        }
    }
}

/// Why a caller outside the cluster's VPC may not reach its API: the public endpoint is off, or
/// it admits only some networks (none: it admits every address).
fn endpoint_shuts_out(access: &aws_sdk_eks::types::VpcConfigResponse) -> Option<String> {
    if !access.endpoint_public_access() {
        return Some("its public endpoint is off, so it answers only inside its VPC".to_string());
    }
    let cidrs = access.public_access_cidrs();
    if cidrs.is_empty() || cidrs.iter().any(|c| c == "0.0.0.0/0" || c == "::/0") {
        return None;
    }
    let list = cidrs.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
    Some(format!("its public endpoint admits only {list}, and this machine may not be in them"))
}

/// The failure of a wait the cluster's endpoint shuts eksup out of, with what to do.
fn shut_out_error(cluster: &str, waited: &str, why: &str) -> crate::error::UserError {
    let fix = if why.contains("is off") {
        "run eksup from inside the cluster's VPC or a network joined to it, or set `vpc.clusterEndpoints.publicAccess: true`"
    } else {
        "add this machine's public address to `vpc.publicAccessCIDRs`, or run eksup from a network they admit"
    };
    crate::error::UserError::new(format!(
        "the API server of `{cluster}` has not answered for {waited}: {why}"
    ))
    .hint(fix)
    .hint("then run the same command again: it goes on where it stopped")
}

/// The step's action for what a write through the cluster's API did.
pub(super) fn action_of(made: Made) -> Action {
    match made {
        Made::Created => Action::Created,
        Made::Updated => Action::Updated,
        Made::Unchanged => Action::Existed,
    }
}

#[cfg(test)]
mod tests {
    use aws_sdk_eks::types::VpcConfigResponse;

    use super::{endpoint_shuts_out, shut_out_error};

    fn access(public: bool, cidrs: &[&str]) -> VpcConfigResponse {
        VpcConfigResponse::builder()
            .endpoint_public_access(public)
            .endpoint_private_access(true)
            .set_public_access_cidrs(Some(cidrs.iter().map(ToString::to_string).collect()))
            .build()
    }

    #[test]
    fn an_open_public_endpoint_shuts_no_one_out() {
        assert_eq!(endpoint_shuts_out(&access(true, &["0.0.0.0/0"])), None);
        assert_eq!(endpoint_shuts_out(&access(true, &["10.0.0.0/8", "::/0"])), None);
        assert_eq!(endpoint_shuts_out(&access(true, &[])), None);
    }

    #[test]
    fn a_closed_or_narrowed_endpoint_says_why_and_what_to_do() {
        let off = endpoint_shuts_out(&access(false, &["0.0.0.0/0"])).expect("off");
        assert!(off.contains("public endpoint is off"), "{off}");
        let narrow = endpoint_shuts_out(&access(true, &["198.51.100.0/24", "1.1.1.1/32"])).expect("narrow");
        assert!(narrow.contains("admits only `198.51.100.0/24`, `1.1.1.1/32`"), "{narrow}");
        let err = shut_out_error("demo", "3m", &narrow);
        assert!(err.to_string().starts_with("the API server of `demo` has not answered for 3m"), "{err}");
        assert!(err.hints[0].contains("`vpc.publicAccessCIDRs`"), "{:?}", err.hints);
        let err = shut_out_error("demo", "3m", &off);
        assert!(err.hints[0].contains("`vpc.clusterEndpoints.publicAccess: true`"), "{:?}", err.hints);
    }
}
