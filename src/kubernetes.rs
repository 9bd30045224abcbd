//! The seam to Kubernetes: the only module that names `kube` and `k8s-openapi`.
//!
//! eksup talks to a cluster's API server the way kubectl does with the kubeconfig it writes:
//! the endpoint and certificate authority from DescribeCluster, and a bearer token made by
//! [`crate::cloud::auth::eks_token`] (a presigned STS `GetCallerIdentity`, valid 15 minutes).

use anyhow::Context as _;
use k8s_openapi::api::core::v1::{Node, Pod};
use kube::api::{Api, DeleteParams, EvictParams, ListParams};
use kube::config::{KubeConfigOptions, Kubeconfig};

/// Whether the API server refused a request for good (a 4xx other than 401, 409 and 429:
/// invalid, forbidden), so that asking again cannot help.
pub fn refused(error: &anyhow::Error) -> bool {
    error.chain().any(|e| {
        e.downcast_ref::<Unusable>().is_some()
            || matches!(e.downcast_ref::<kube::Error>(), Some(kube::Error::Api(s))
            if (400..500).contains(&s.code) && ![401, 409, 429].contains(&s.code))
    })
}

/// Whether the API server gave no answer at all (the connection was refused, reset or timed
/// out, or the name did not resolve), as when its endpoint shuts the caller out: an HTTP error
/// is an answer.
pub fn unanswered(error: &anyhow::Error) -> bool {
    error
        .chain()
        .any(|e| matches!(e.downcast_ref::<kube::Error>(), Some(err) if !matches!(err, kube::Error::Api(_))))
}

/// What the cluster holds cannot be used as it is (an aws-auth that is not YAML), or eksup was
/// asked for what it cannot do: asking the API server again cannot help.
#[derive(Debug)]
pub struct Unusable(pub String);

impl std::fmt::Display for Unusable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unusable {}

/// What [`ClusterApi::ensure_service_account`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Made {
    Created,
    Updated,
    Unchanged,
}

/// The ConfigMap of `kube-system` that maps IAM roles, users and accounts to Kubernetes
/// identities (EKS reads it with the `CONFIG_MAP` authentication modes).
pub const AWS_AUTH: &str = "aws-auth";

/// A `mapRoles` entry of the aws-auth ConfigMap.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AwsAuthRole {
    /// The role's ARN, without its path (the form aws-auth takes).
    pub rolearn: String,
    pub username: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
}

/// The entries of the aws-auth ConfigMap, as its YAML lists hold them.
#[derive(Debug, Clone, Default)]
pub struct AwsAuth {
    pub map_roles: Vec<serde_json::Value>,
    pub map_users: Vec<serde_json::Value>,
    pub map_accounts: Vec<serde_json::Value>,
}

impl AwsAuth {
    /// A `mapAccounts` entry's account id: written as text, or as a number (which YAML reads
    /// without its leading zeros).
    pub fn account(entry: &serde_json::Value) -> Option<String> {
        entry.as_str().map(str::to_string).or_else(|| entry.as_u64().map(|n| format!("{n:012}")))
    }

    fn parse(data: &std::collections::BTreeMap<String, String>) -> anyhow::Result<Self> {
        let list = |key: &str| -> anyhow::Result<Vec<serde_json::Value>> {
            match data.get(key).map(String::as_str).map(str::trim) {
                None | Some("") => Ok(Vec::new()),
                Some(text) => serde_saphyr::from_str(text).map_err(|e| {
                    Unusable(format!("`kube-system/aws-auth` has a `{key}` that is not a YAML list: {e}"))
                        .into()
                }),
            }
        };
        Ok(Self {
            map_roles: list("mapRoles")?,
            map_users: list("mapUsers")?,
            map_accounts: list("mapAccounts")?,
        })
    }
}

/// A client of one cluster's Kubernetes API.
#[derive(Clone)]
pub struct ClusterApi {
    client: kube::Client,
}

/// What Kubernetes says of one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeState {
    pub name: String,
    pub ready: bool,
    /// The Ready condition's reason and message when the node is not Ready.
    pub reason: Option<String>,
    pub unschedulable: bool,
    /// The kubelet's version (`v1.31.7-eks-…`), as the node reports it.
    pub kubelet: String,
}

impl ClusterApi {
    /// Connect to `endpoint`, trusting only `certificate_authority` (base64 PEM, as EKS returns
    /// it), authenticated by `token`. Nothing is sent until the first request.
    pub async fn connect(endpoint: &str, certificate_authority: &str, token: &str) -> anyhow::Result<Self> {
        let doc = serde_json::json!({
            "apiVersion": "v1",
            "kind": "Config",
            "clusters": [{"name": "eks", "cluster": {
                "server": endpoint,
                "certificate-authority-data": certificate_authority,
            }}],
            "users": [{"name": "eksup", "user": {"token": token}}],
            "contexts": [{"name": "eksup", "context": {"cluster": "eks", "user": "eksup"}}],
            "current-context": "eksup",
        });
        let kubeconfig =
            Kubeconfig::from_yaml(&doc.to_string()).context("failed to describe the cluster's API")?;
        let mut config = kube::Config::from_custom_kubeconfig(kubeconfig, &KubeConfigOptions::default())
            .await
            .context("the cluster's endpoint or certificate authority cannot be used")?;
        config.connect_timeout = Some(std::time::Duration::from_secs(10));
        config.read_timeout = Some(std::time::Duration::from_secs(30));
        // kube retries 429 answers on its own, up to 15 times: an eviction a PodDisruptionBudget
        // refuses (429) would stall there for minutes. eksup retries where it means to.
        config.default_retry = false;
        let client = kube::Client::try_from(config).context("failed to set up a Kubernetes client")?;
        Ok(Self { client })
    }

    /// Make ServiceAccount `namespace/name` with `labels` and `annotations` (and its namespace
    /// if there is none), or add them to the one there: keys are added or overwritten, never
    /// removed, as eksctl merges them.
    pub async fn ensure_service_account(
        &self,
        namespace: &str,
        name: &str,
        labels: &std::collections::BTreeMap<String, String>,
        annotations: &std::collections::BTreeMap<String, String>,
    ) -> anyhow::Result<Made> {
        use k8s_openapi::api::core::v1::ServiceAccount;
        use kube::api::{ObjectMeta, Patch, PatchParams, PostParams};
        self.ensure_namespace(namespace).await?;
        let accounts: Api<ServiceAccount> = Api::namespaced(self.client.clone(), namespace);
        let what = format!("service account `{namespace}/{name}`");
        let Some(found) = accounts.get_opt(name).await.with_context(|| format!("failed to read {what}"))?
        else {
            let account = ServiceAccount {
                metadata: ObjectMeta {
                    name: Some(name.to_string()),
                    namespace: Some(namespace.to_string()),
                    labels: Some(labels.clone()),
                    annotations: Some(annotations.clone()),
                    ..ObjectMeta::default()
                },
                ..ServiceAccount::default()
            };
            accounts
                .create(&PostParams::default(), &account)
                .await
                .with_context(|| format!("failed to create {what}"))?;
            return Ok(Made::Created);
        };
        let missing = |want: &std::collections::BTreeMap<String, String>,
                       have: Option<&std::collections::BTreeMap<String, String>>| {
            want.iter().filter(|(k, v)| have.and_then(|h| h.get(*k)) != Some(*v)).count()
        };
        // An account someone else made is annotated, not claimed: without eksup's `managed-by`
        // label a delete of eksup's leaves it.
        let mut labels = labels.clone();
        let theirs = found.metadata.labels.as_ref().and_then(|l| l.get(crate::plan::tags::MANAGED_BY))
            != Some(&"eksup".to_string());
        if theirs {
            labels.remove(crate::plan::tags::MANAGED_BY);
        }
        let labels = &labels;
        if missing(labels, found.metadata.labels.as_ref())
            + missing(annotations, found.metadata.annotations.as_ref())
            == 0
        {
            return Ok(Made::Unchanged);
        }
        let patch = serde_json::json!({ "metadata": { "labels": labels, "annotations": annotations } });
        accounts
            .patch(name, &PatchParams::default(), &Patch::Merge(&patch))
            .await
            .with_context(|| format!("failed to annotate {what}"))?;
        Ok(Made::Updated)
    }

    /// Make `namespace` if there is none.
    async fn ensure_namespace(&self, namespace: &str) -> anyhow::Result<()> {
        use k8s_openapi::api::core::v1::Namespace;
        use kube::api::{ObjectMeta, PostParams};
        let namespaces: Api<Namespace> = Api::all(self.client.clone());
        if namespaces.get_opt(namespace).await.context("failed to read namespaces")?.is_some() {
            return Ok(());
        }
        let ns = Namespace {
            metadata: ObjectMeta { name: Some(namespace.to_string()), ..ObjectMeta::default() },
            ..Namespace::default()
        };
        match namespaces.create(&PostParams::default(), &ns).await {
            Ok(_) => Ok(()),
            Err(kube::Error::Api(e)) if e.code == 409 => Ok(()),
            Err(e) => Err(e).with_context(|| format!("failed to create namespace `{namespace}`")),
        }
    }

    /// Apply `objects` (RBAC Roles and RoleBindings, as YAML documents) in `namespace` (made
    /// if missing), by server-side apply as field manager `eksup`, forced: a Role's rules and a
    /// binding's subjects become the objects' (as eksctl's create-or-replace), labels others
    /// added stay.
    pub async fn apply_rbac(&self, namespace: &str, objects: &[serde_json::Value]) -> anyhow::Result<Made> {
        use k8s_openapi::api::rbac::v1::{Role, RoleBinding};
        self.ensure_namespace(namespace).await?;
        let (mut created, mut changed) = (false, false);
        for object in objects {
            let mut object = object.clone();
            object["metadata"]["namespace"] = serde_json::Value::from(namespace);
            object["metadata"]["labels"][crate::plan::tags::MANAGED_BY] = serde_json::Value::from("eksup");
            let name = object["metadata"]["name"].as_str().unwrap_or_default().to_string();
            let kind = object["kind"].as_str().unwrap_or_default().to_string();
            let what = format!("{kind} `{namespace}/{name}`");
            let before = match kind.as_str() {
                "Role" => self.apply_compared(namespace, &name, &what, &object, |r: Role| r.rules).await?,
                "RoleBinding" => {
                    self.apply_compared(namespace, &name, &what, &object, |b: RoleBinding| b.subjects).await?
                }
                other => anyhow::bail!("cannot apply a `{other}`: only Roles and RoleBindings"),
            };
            match before {
                None => created = true,
                Some((b, a)) => changed |= b != a,
            }
        }
        Ok(if created {
            Made::Created
        } else if changed {
            Made::Updated
        } else {
            Made::Unchanged
        })
    }

    /// Apply DaemonSet `object` (made or replaced: server-side apply as field manager `eksup`,
    /// forced), as eksctl's create-or-replace of its device plugins.
    pub async fn apply_daemon_set(&self, object: &serde_json::Value) -> anyhow::Result<Made> {
        use k8s_openapi::api::apps::v1::DaemonSet;
        let namespace = object["metadata"]["namespace"].as_str().unwrap_or("default").to_string();
        let name = object["metadata"]["name"].as_str().unwrap_or_default().to_string();
        let what = format!("DaemonSet `{namespace}/{name}`");
        let before = self
            .apply_compared(&namespace, &name, &what, object, |d: DaemonSet| d.spec.map(|s| s.template))
            .await?;
        Ok(match before {
            None => Made::Created,
            Some((b, a)) if b != a => Made::Updated,
            Some(_) => Made::Unchanged,
        })
    }

    /// Server-side apply `object` (a `K` named `name` in `namespace`), as field manager `eksup`;
    /// `part` of it before and after, when it existed before.
    async fn apply_compared<K, P>(
        &self,
        namespace: &str,
        name: &str,
        what: &str,
        object: &serde_json::Value,
        part: fn(K) -> P,
    ) -> anyhow::Result<Option<(serde_json::Value, serde_json::Value)>>
    where
        K: kube::Resource<Scope = kube::core::NamespaceResourceScope, DynamicType = ()>
            + Clone
            + std::fmt::Debug
            + serde::de::DeserializeOwned,
        P: serde::Serialize,
    {
        use kube::api::{Patch, PatchParams};
        let api: Api<K> = Api::namespaced(self.client.clone(), namespace);
        let before = api.get_opt(name).await.with_context(|| format!("failed to read {what}"))?;
        let after = api
            .patch(name, &PatchParams::apply("eksup").force(), &Patch::Apply(object))
            .await
            .with_context(|| format!("failed to apply {what}"))?;
        let value = |k: K| serde_json::to_value(part(k)).unwrap_or_default();
        Ok(before.map(|b| (value(b), value(after))))
    }

    /// Remove the entries of `key` (a role's or user's ARN, or an account id) from
    /// `kube-system/aws-auth`; how many there were.
    pub async fn remove_from_aws_auth(&self, key: &str) -> anyhow::Result<usize> {
        use kube::api::PostParams;
        let (api, found) = self.aws_auth_map().await?;
        let Some(mut cm) = found else { return Ok(0) };
        let mut data = cm.data.clone().unwrap_or_default();
        let mut auth = AwsAuth::parse(&data)?;
        let key_of = |v: &serde_json::Value, field: &str| v[field].as_str() == Some(key);
        let account_of = |a: &serde_json::Value| AwsAuth::account(a).as_deref() == Some(key);
        let mut removed = 0;
        // Only a list that loses entries is written again: the others stay as they are written.
        for (name, list) in [
            ("mapRoles", &mut auth.map_roles),
            ("mapUsers", &mut auth.map_users),
            ("mapAccounts", &mut auth.map_accounts),
        ] {
            let before = list.len();
            list.retain(|v| !(key_of(v, "rolearn") || key_of(v, "userarn") || account_of(v)));
            if list.len() == before {
                continue;
            }
            removed += before - list.len();
            if list.is_empty() {
                data.remove(name);
            } else {
                data.insert(name.to_string(), serde_saphyr::to_string(list)?);
            }
        }
        if removed == 0 {
            return Ok(0);
        }
        cm.data = Some(data);
        api.replace(AWS_AUTH, &PostParams::default(), &cm)
            .await
            .context("failed to update `kube-system/aws-auth`")?;
        Ok(removed)
    }

    /// `kube-system/aws-auth` as it is (none when it does not exist), and its API.
    async fn aws_auth_map(
        &self,
    ) -> anyhow::Result<(
        Api<k8s_openapi::api::core::v1::ConfigMap>,
        Option<k8s_openapi::api::core::v1::ConfigMap>,
    )> {
        let api = Api::namespaced(self.client.clone(), "kube-system");
        let found = api.get_opt(AWS_AUTH).await.context("failed to read `kube-system/aws-auth`")?;
        Ok((api, found))
    }

    /// The entries of `kube-system/aws-auth` (none when it does not exist).
    pub async fn aws_auth(&self) -> anyhow::Result<AwsAuth> {
        let (_, found) = self.aws_auth_map().await?;
        AwsAuth::parse(&found.and_then(|c| c.data).unwrap_or_default())
    }

    /// Add `roles` (`rolearn`, `username`, `groups`) to `mapRoles` and `accounts` to
    /// `mapAccounts` of `kube-system/aws-auth`, made when missing. What is there stays: an entry
    /// of the same role and username (or account) is left as it is, as eksctl's
    /// `AddIdentityIfNotPresent`; only a list that gains entries is written again (an account
    /// written as a number, which YAML reads without its leading zeros, is quoted).
    pub async fn ensure_aws_auth(&self, roles: &[AwsAuthRole], accounts: &[String]) -> anyhow::Result<Made> {
        use k8s_openapi::api::core::v1::ConfigMap;
        use kube::api::{ObjectMeta, PostParams};
        let (api, found) = self.aws_auth_map().await?;
        let data = found.as_ref().and_then(|c| c.data.clone()).unwrap_or_default();
        let AwsAuth { mut map_roles, mut map_accounts, .. } = AwsAuth::parse(&data)?;
        let (mut roles_changed, mut accounts_changed) = (false, false);
        for role in roles {
            let same = |r: &serde_json::Value| {
                r["rolearn"].as_str() == Some(role.rolearn.as_str())
                    && r["username"].as_str() == Some(role.username.as_str())
            };
            if !map_roles.iter().any(same) {
                map_roles.push(serde_json::to_value(role)?);
                roles_changed = true;
            }
        }
        for account in accounts {
            if map_accounts.iter().any(|a| a.as_str() == Some(account.as_str())) {
                continue;
            }
            let as_number = map_accounts.iter().position(|a| AwsAuth::account(a).as_ref() == Some(account));
            match as_number {
                Some(i) => map_accounts[i] = serde_json::Value::from(account.as_str()),
                None => map_accounts.push(serde_json::Value::from(account.as_str())),
            }
            accounts_changed = true;
        }
        if found.is_some() && !roles_changed && !accounts_changed {
            return Ok(Made::Unchanged);
        }
        let mut data = data;
        if roles_changed {
            data.insert("mapRoles".into(), serde_saphyr::to_string(&map_roles)?);
        }
        if accounts_changed {
            data.insert("mapAccounts".into(), serde_saphyr::to_string(&map_accounts)?);
        }
        match found {
            Some(mut cm) => {
                cm.data = Some(data);
                api.replace(AWS_AUTH, &PostParams::default(), &cm)
                    .await
                    .context("failed to update `kube-system/aws-auth`")?;
                Ok(Made::Updated)
            }
            None => {
                let cm = ConfigMap {
                    metadata: ObjectMeta {
                        name: Some(AWS_AUTH.into()),
                        namespace: Some("kube-system".into()),
                        ..ObjectMeta::default()
                    },
                    data: Some(data),
                    ..ConfigMap::default()
                };
                api.create(&PostParams::default(), &cm)
                    .await
                    .context("failed to create `kube-system/aws-auth`")?;
                Ok(Made::Created)
            }
        }
    }

    /// Delete ServiceAccount `namespace/name` if eksup made it (its `managed-by` label); whether
    /// it did. One of someone else's, or none, is left alone.
    pub async fn delete_service_account_of_eksup(&self, namespace: &str, name: &str) -> anyhow::Result<bool> {
        use k8s_openapi::api::core::v1::ServiceAccount;
        let accounts: Api<ServiceAccount> = Api::namespaced(self.client.clone(), namespace);
        let what = format!("service account `{namespace}/{name}`");
        let Some(found) = accounts.get_opt(name).await.with_context(|| format!("failed to read {what}"))?
        else {
            return Ok(false);
        };
        let ours = found
            .metadata
            .labels
            .as_ref()
            .and_then(|l| l.get(crate::plan::tags::MANAGED_BY))
            .is_some_and(|v| v == "eksup");
        if !ours {
            return Ok(false);
        }
        match accounts.delete(name, &kube::api::DeleteParams::default()).await {
            Ok(_) => Ok(true),
            Err(kube::Error::Api(e)) if e.code == 404 => Ok(true),
            Err(e) => Err(e).with_context(|| format!("failed to delete {what}")),
        }
    }

    /// The nodes that carry `selector` (`key=value`), with their readiness.
    pub async fn nodes(&self, selector: &str) -> anyhow::Result<Vec<NodeState>> {
        let nodes: Api<Node> = Api::all(self.client.clone());
        let list = nodes
            .list(&ListParams::default().labels(selector))
            .await
            .map_err(describe_error)
            .with_context(|| format!("failed to list the nodes `{selector}`"))?;
        Ok(list.items.iter().map(node_state).collect())
    }
}

/// How to drain (eksctl's `drain nodegroup` flags).
#[derive(Debug, Clone)]
pub struct DrainOptions {
    /// How long to go on asking for evictions a PodDisruptionBudget refuses.
    pub patience: std::time::Duration,
    /// The longest termination grace period a pod is given (its own, when shorter).
    pub max_grace_period: std::time::Duration,
    /// How long to wait before asking again for an eviction that was refused.
    pub eviction_retry: std::time::Duration,
    /// Delete pods instead of evicting them: PodDisruptionBudgets are not asked.
    pub disable_eviction: bool,
    /// How many nodes are drained at once.
    pub parallel: usize,
}

impl Default for DrainOptions {
    fn default() -> Self {
        Self {
            patience: std::time::Duration::from_secs(120),
            max_grace_period: std::time::Duration::from_secs(600),
            eviction_retry: std::time::Duration::from_secs(5),
            disable_eviction: false,
            parallel: 1,
        }
    }
}

/// What a drain did to one node.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeDrained {
    pub node: String,
    /// Pods evicted (or deleted, with `disable_eviction`).
    pub evicted: usize,
    /// Pods not evicted in time (a PodDisruptionBudget kept them), `namespace/name`.
    pub remaining: Vec<String>,
}

/// What a drain did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drained {
    pub nodes: usize,
    pub evicted: usize,
    /// Pods not evicted in time (a PodDisruptionBudget kept them), `namespace/name`.
    pub remaining: Vec<String>,
    /// Node by node.
    pub each: Vec<NodeDrained>,
}

impl ClusterApi {
    /// Cordon the nodes that carry `selector`, then evict their pods through the Eviction API
    /// (PodDisruptionBudgets are respected: a refused eviction is tried again until `patience`
    /// runs out), `parallel` nodes at a time. DaemonSet pods and mirror pods stay, as
    /// `kubectl drain --ignore-daemonsets`.
    pub async fn drain(&self, selector: &str, options: &DrainOptions) -> anyhow::Result<Drained> {
        use futures::StreamExt as _;
        let nodes: Api<Node> = Api::all(self.client.clone());
        let names: Vec<String> = self.nodes(selector).await?.into_iter().map(|n| n.name).collect();
        for name in &names {
            nodes
                .cordon(name)
                .await
                .map_err(describe_error)
                .with_context(|| format!("failed to cordon `{name}`"))?;
        }
        let deadline = tokio::time::Instant::now() + options.patience;
        let each: Vec<anyhow::Result<NodeDrained>> = futures::stream::iter(&names)
            .map(|name| self.drain_node(name, options, deadline))
            .buffer_unordered(options.parallel.max(1))
            .collect()
            .await;
        let mut done = Drained { nodes: names.len(), ..Drained::default() };
        for node in each {
            let node = node?;
            done.evicted += node.evicted;
            done.remaining.extend(node.remaining.iter().cloned());
            done.each.push(node);
        }
        done.each.sort_by(|a, b| a.node.cmp(&b.node));
        Ok(done)
    }

    /// Evict (or delete) the pods of one cordoned node.
    async fn drain_node(
        &self,
        name: &str,
        options: &DrainOptions,
        deadline: tokio::time::Instant,
    ) -> anyhow::Result<NodeDrained> {
        let pods: Api<Pod> = Api::all(self.client.clone());
        let list = pods
            .list(&ListParams::default().fields(&format!("spec.nodeName={name}")))
            .await
            .map_err(describe_error)
            .with_context(|| format!("failed to list the pods of `{name}`"))?;
        let max_grace = i64::try_from(options.max_grace_period.as_secs()).unwrap_or(i64::MAX);
        let mut evict: Vec<(String, String, i64)> = list
            .items
            .iter()
            .filter(|p| evictable(p))
            .filter_map(|p| {
                let own = p.spec.as_ref().and_then(|s| s.termination_grace_period_seconds).unwrap_or(30);
                Some((p.metadata.namespace.clone()?, p.metadata.name.clone()?, own.min(max_grace)))
            })
            .collect();
        let mut done = NodeDrained { node: name.to_string(), ..NodeDrained::default() };
        while !evict.is_empty() {
            let mut refused = Vec::new();
            for (ns, pod, grace) in evict {
                let api: Api<Pod> = Api::namespaced(self.client.clone(), &ns);
                let delete = DeleteParams {
                    grace_period_seconds: u32::try_from(grace).ok(),
                    ..DeleteParams::default()
                };
                let answer = if options.disable_eviction {
                    api.delete(&pod, &delete).await.map(|_| ())
                } else {
                    let params = EvictParams { delete_options: Some(delete), ..EvictParams::default() };
                    api.evict(&pod, &params).await.map(|_| ())
                };
                match answer {
                    Ok(()) => done.evicted += 1,
                    Err(kube::Error::Api(s)) if s.code == 404 => {}
                    // 429: a PodDisruptionBudget does not allow it now.
                    Err(kube::Error::Api(s)) if s.code == 429 => refused.push((ns, pod, grace)),
                    Err(e) => {
                        return Err(describe_error(e))
                            .with_context(|| format!("failed to evict `{ns}/{pod}`"));
                    }
                }
            }
            if refused.is_empty() || tokio::time::Instant::now() + options.eviction_retry > deadline {
                done.remaining = refused.iter().map(|(ns, n, _)| format!("{ns}/{n}")).collect();
                break;
            }
            tokio::time::sleep(options.eviction_retry).await;
            evict = refused;
        }
        Ok(done)
    }

    /// Cordon and drain the node of EC2 instance `instance` (its `spec.providerID` ends with the
    /// instance id); `None` when no node has joined for it.
    pub async fn drain_instance(
        &self,
        instance: &str,
        options: &DrainOptions,
    ) -> anyhow::Result<Option<NodeDrained>> {
        let nodes: Api<Node> = Api::all(self.client.clone());
        let list = nodes
            .list(&ListParams::default())
            .await
            .map_err(describe_error)
            .context("failed to list the nodes")?;
        let suffix = format!("/{instance}");
        let Some(name) = list
            .items
            .iter()
            .find(|n| {
                n.spec.as_ref().and_then(|s| s.provider_id.as_deref()).is_some_and(|p| p.ends_with(&suffix))
            })
            .and_then(|n| n.metadata.name.clone())
        else {
            return Ok(None);
        };
        nodes
            .cordon(&name)
            .await
            .map_err(describe_error)
            .with_context(|| format!("failed to cordon `{name}`"))?;
        let deadline = tokio::time::Instant::now() + options.patience;
        self.drain_node(&name, options, deadline).await.map(Some)
    }

    /// Make the nodes that carry `selector` schedulable again; returns their names.
    pub async fn uncordon(&self, selector: &str) -> anyhow::Result<Vec<String>> {
        let nodes: Api<Node> = Api::all(self.client.clone());
        let names: Vec<String> = self.nodes(selector).await?.into_iter().map(|n| n.name).collect();
        for name in &names {
            nodes
                .uncordon(name)
                .await
                .map_err(describe_error)
                .with_context(|| format!("failed to uncordon `{name}`"))?;
        }
        Ok(names)
    }
}

/// Pods a drain evicts: not those of a DaemonSet, not mirror (static) pods, not finished ones.
fn evictable(pod: &Pod) -> bool {
    let daemon = pod.metadata.owner_references.iter().flatten().any(|o| o.kind == "DaemonSet");
    let mirror =
        pod.metadata.annotations.as_ref().is_some_and(|a| a.contains_key("kubernetes.io/config.mirror"));
    let finished = pod
        .status
        .as_ref()
        .and_then(|s| s.phase.as_deref())
        .is_some_and(|p| p == "Succeeded" || p == "Failed");
    !daemon && !mirror && !finished
}

fn node_state(node: &Node) -> NodeState {
    let ready = node
        .status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .and_then(|c| c.iter().find(|c| c.type_ == "Ready"));
    let is_ready = ready.is_some_and(|c| c.status == "True");
    let reason = (!is_ready).then(|| match ready {
        Some(c) => {
            let why = [c.reason.as_deref(), c.message.as_deref()].into_iter().flatten().collect::<Vec<_>>();
            if why.is_empty() { format!("Ready is `{}`", c.status) } else { why.join(": ") }
        }
        None => "no Ready condition yet".to_string(),
    });
    NodeState {
        name: node.metadata.name.clone().unwrap_or_default(),
        ready: is_ready,
        reason,
        unschedulable: node.spec.as_ref().and_then(|s| s.unschedulable).unwrap_or(false),
        kubelet: node
            .status
            .as_ref()
            .and_then(|s| s.node_info.as_ref())
            .map(|i| i.kubelet_version.clone())
            .unwrap_or_default(),
    }
}

/// The API server's own words (its `Status` message and code) rather than the client's debug form.
fn describe_error(e: kube::Error) -> anyhow::Error {
    match e {
        kube::Error::Api(status) => {
            anyhow::anyhow!("the API server answered {}: {}", status.code, status.message)
        }
        // Kept as it is: [`unanswered`] tells a connection that failed by its type.
        other => anyhow::Error::new(other),
    }
}

/// A summary for people: `1/2 Ready; ip-10-0-1-5...: KubeletNotReady: ...`.
pub fn readiness_summary(nodes: &[NodeState], want: usize) -> String {
    let ready = nodes.iter().filter(|n| n.ready).count();
    let mut s = if nodes.len() < want {
        format!("{ready}/{want} Ready, {} of {want} registered", nodes.len())
    } else {
        format!("{ready}/{want} Ready")
    };
    if let Some(n) = nodes.iter().find(|n| !n.ready) {
        s.push_str(&format!("; `{}`: {}", n.name, n.reason.clone().unwrap_or_default()));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_connection_is_no_answer_and_an_http_error_is_one() {
        let reset = kube::Error::Service(Box::new(std::io::Error::other("connection reset by peer")));
        let failed = describe_error(reset).context("failed to list the nodes");
        assert!(unanswered(&failed), "{failed:#}");
        assert!(format!("{failed:#}").contains("connection reset by peer"), "{failed:#}");
        let status = kube::core::Status::failure("forbidden", "Forbidden").with_code(403);
        let answered = anyhow::Error::new(kube::Error::Api(status.boxed()));
        assert!(!unanswered(&answered));
        assert!(!unanswered(&anyhow::anyhow!("no credentials")));
    }

    fn n(name: &str, ready: bool, reason: Option<&str>) -> NodeState {
        NodeState {
            name: name.into(),
            ready,
            reason: reason.map(Into::into),
            unschedulable: false,
            kubelet: String::new(),
        }
    }

    #[test]
    fn summaries_say_what_is_missing() {
        assert_eq!(readiness_summary(&[], 2), "0/2 Ready, 0 of 2 registered");
        assert_eq!(
            readiness_summary(&[n("a", true, None), n("b", false, Some("KubeletNotReady: cni"))], 2),
            "1/2 Ready; `b`: KubeletNotReady: cni"
        );
    }

    #[test]
    fn drains_leave_daemonset_and_mirror_pods() {
        let pod = |v: serde_json::Value| -> Pod { serde_json::from_value(v).unwrap() };
        assert!(evictable(&pod(serde_json::json!({"metadata": {"name": "web"}}))));
        assert!(!evictable(&pod(serde_json::json!({"metadata": {"name": "aws-node-x", "ownerReferences": [
            {"apiVersion": "apps/v1", "kind": "DaemonSet", "name": "aws-node", "uid": "1"}]}}))));
        assert!(!evictable(&pod(
            serde_json::json!({"metadata": {"name": "s", "annotations": {"kubernetes.io/config.mirror": "x"}}})
        )));
        assert!(!evictable(&pod(
            serde_json::json!({"metadata": {"name": "done"}, "status": {"phase": "Succeeded"}})
        )));
    }

    #[test]
    fn node_conditions_are_read() {
        let node: Node = serde_json::from_value(serde_json::json!({
            "metadata": {"name": "ip-1"},
            "spec": {"unschedulable": true},
            "status": {"conditions": [{"type": "Ready", "status": "False", "reason": "KubeletNotReady", "message": "cni plugin not initialized"}]}
        }))
        .unwrap();
        let s = node_state(&node);
        assert!(!s.ready && s.unschedulable);
        assert_eq!(s.reason.as_deref(), Some("KubeletNotReady: cni plugin not initialized"));
    }
}
