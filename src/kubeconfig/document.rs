//! One kubeconfig file as data: parse, merge entries by name, remove entries, render. No IO.
//!
//! The file is held as a `serde_json::Value` with `preserve_order`, so every key eksup does not
//! know (preferences, extensions, `proxy-url`, a user's `exec.installHint`, ...) is written back
//! unchanged and in its original order. Comments are not kept (kubectl drops them too).

use serde_json::{Map, Value};

use super::{ClusterEntry, EKSUP_EXTENSION};

/// Why a kubeconfig could not be read as one; the file is then never overwritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line, when known.
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub message: String,
}

/// A parsed kubeconfig file.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    root: Map<String, Value>,
}

/// The three lists of named entries in a kubeconfig.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Clusters,
    Users,
    Contexts,
}

impl Section {
    pub fn key(self) -> &'static str {
        match self {
            Self::Clusters => "clusters",
            Self::Users => "users",
            Self::Contexts => "contexts",
        }
    }

    /// The key of the inner object of an entry: `cluster`, `user` or `context`.
    fn inner(self) -> &'static str {
        match self {
            Self::Clusters => "cluster",
            Self::Users => "user",
            Self::Contexts => "context",
        }
    }

    pub const ALL: [Section; 3] = [Self::Clusters, Self::Users, Self::Contexts];
}

impl Default for Document {
    fn default() -> Self {
        Self::empty()
    }
}

impl Document {
    /// A new kubeconfig, as kubectl writes one.
    pub fn empty() -> Self {
        let mut root = Map::new();
        root.insert("apiVersion".into(), "v1".into());
        root.insert("kind".into(), "Config".into());
        root.insert("preferences".into(), Value::Object(Map::new()));
        root.insert("clusters".into(), Value::Array(Vec::new()));
        root.insert("users".into(), Value::Array(Vec::new()));
        root.insert("contexts".into(), Value::Array(Vec::new()));
        root.insert("current-context".into(), "".into());
        Self { root }
    }

    /// Parse the text of a kubeconfig. An empty file (or one with only comments) is an empty
    /// kubeconfig, as for kubectl. Anything eksup could not merge into without losing data is an
    /// error: YAML syntax, a root that is not a mapping, a section that is not a list of mappings.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        let is_blank = text.lines().all(|l| {
            let l = l.trim();
            l.is_empty() || l.starts_with('#') || l == "---"
        });
        if is_blank {
            return Ok(Self::empty());
        }
        let value: Value = serde_saphyr::from_str(text).map_err(|e| {
            let loc = e.location();
            let message = e.to_string();
            // The Display of serde-saphyr starts with its own `line N column M:`; keep only the
            // first line of the message, which is the most readable part.
            let first = message.lines().next().unwrap_or_default();
            let first = first.strip_prefix("error: ").unwrap_or(first);
            // Drop its own `line N column M: ` prefix: the caller formats the location.
            let message = match first.strip_prefix("line ").and_then(|r| r.split_once(": ")) {
                Some((_, rest)) if loc.is_some() => rest.to_string(),
                _ => first.to_string(),
            };
            ParseError { line: loc.map(|l| l.line()), column: loc.map(|l| l.column()), message }
        })?;
        let root = match value {
            Value::Object(map) => map,
            Value::Null => return Ok(Self::empty()),
            other => return Err(structure(format!("the top level is {}, not a mapping", kind_of(&other)))),
        };
        for section in Section::ALL {
            match root.get(section.key()) {
                None | Some(Value::Null) => {}
                Some(Value::Array(items)) => {
                    for (i, item) in items.iter().enumerate() {
                        let Value::Object(entry) = item else {
                            return Err(structure(format!(
                                "`{}[{i}]` is {}, not a mapping",
                                section.key(),
                                kind_of(item)
                            )));
                        };
                        match entry.get(section.inner()) {
                            None | Some(Value::Null | Value::Object(_)) => {}
                            Some(other) => {
                                return Err(structure(format!(
                                    "`{}[{i}].{}` is {}, not a mapping",
                                    section.key(),
                                    section.inner(),
                                    kind_of(other)
                                )));
                            }
                        }
                    }
                }
                Some(other) => {
                    return Err(structure(format!("`{}` is {}, not a list", section.key(), kind_of(other))));
                }
            }
        }
        match root.get("current-context") {
            None | Some(Value::Null | Value::String(_)) => {}
            Some(other) => {
                return Err(structure(format!("`current-context` is {}, not a string", kind_of(other))));
            }
        }
        Ok(Self { root })
    }

    /// The YAML text of this kubeconfig.
    pub fn render(&self) -> String {
        let options = serde_saphyr::ser_options! { prefer_block_scalars: false };
        // A map of JSON values always serializes; fall back to JSON (valid YAML) just in case.
        serde_saphyr::to_string_with_options(&self.root, options)
            .unwrap_or_else(|_| serde_json::to_string_pretty(&self.root).unwrap_or_default() + "\n")
    }

    pub fn current_context(&self) -> Option<&str> {
        self.root.get("current-context").and_then(Value::as_str).filter(|s| !s.is_empty())
    }

    pub fn set_current_context(&mut self, name: &str) {
        self.root.insert("current-context".into(), name.into());
    }

    /// The names in one section, in file order.
    pub fn names(&self, section: Section) -> Vec<&str> {
        self.entries(section).iter().filter_map(|e| e.get("name").and_then(Value::as_str)).collect()
    }

    pub fn contains(&self, section: Section, name: &str) -> bool {
        self.find(section, name).is_some()
    }

    /// The inner object of a named entry (`clusters[].cluster` and so on).
    pub fn get(&self, section: Section, name: &str) -> Option<&Map<String, Value>> {
        let i = self.find(section, name)?;
        self.entries(section)[i].get(section.inner()).and_then(Value::as_object)
    }

    /// Write the cluster, user and context of `entry`, each into this document. Fields eksup owns
    /// are set; the other fields of an existing entry are kept (see the module docs of
    /// [`super`] for the exact rules). `set_current` makes the context current.
    pub fn merge(&mut self, entry: &ClusterEntry, set_current: bool) {
        self.merge_cluster(entry);
        self.merge_user(entry);
        self.merge_context(entry);
        if set_current {
            self.set_current_context(&entry.names.context);
        }
    }

    /// The cluster entry: `server` and `certificate-authority-data` are replaced (a conflicting
    /// `certificate-authority` file path is dropped), eksup's extension records which EKS cluster
    /// it is; `proxy-url`, `tls-server-name` and any other field stay.
    pub fn merge_cluster(&mut self, entry: &ClusterEntry) {
        let inner = self.upsert(Section::Clusters, &entry.names.cluster);
        inner.insert("server".into(), entry.server.clone().into());
        match &entry.certificate_authority_data {
            Some(ca) => {
                inner.remove("certificate-authority");
                inner.insert("certificate-authority-data".into(), ca.clone().into());
            }
            None => {
                inner.remove("certificate-authority-data");
            }
        }
        let marker = serde_json::json!({
            "name": EKSUP_EXTENSION,
            "extension": { "cluster": entry.eks_cluster, "region": entry.region },
        });
        match inner.get_mut("extensions") {
            Some(Value::Array(exts)) => {
                exts.retain(|e| e.get("name").and_then(Value::as_str) != Some(EKSUP_EXTENSION));
                exts.push(marker);
            }
            _ => {
                inner.insert("extensions".into(), Value::Array(vec![marker]));
            }
        }
    }

    /// The user entry is replaced as a whole: any other credential (a token, a client
    /// certificate, an older exec plugin) would conflict with eksup's exec plugin.
    pub fn merge_user(&mut self, entry: &ClusterEntry) {
        let inner = self.upsert(Section::Users, &entry.names.user);
        inner.clear();
        inner.insert("exec".into(), entry.exec.to_value());
    }

    /// The context: `cluster` and `user` are set; `namespace` is set when given and otherwise kept,
    /// so refreshing the entries does not undo `kubectl config set-context --namespace`.
    pub fn merge_context(&mut self, entry: &ClusterEntry) {
        let cluster = entry.names.cluster.clone();
        let user = entry.names.user.clone();
        let inner = self.upsert(Section::Contexts, &entry.names.context);
        inner.insert("cluster".into(), cluster.into());
        inner.insert("user".into(), user.into());
        if let Some(ns) = &entry.namespace {
            inner.insert("namespace".into(), ns.clone().into());
        }
    }

    /// Whether the cluster entry `name` was written by eksup for this EKS cluster and region.
    pub fn is_eksup_cluster(&self, name: &str, eks_cluster: &str, region: &str) -> bool {
        let Some(inner) = self.get(Section::Clusters, name) else { return false };
        if name == super::cluster_entry_name(eks_cluster, region) {
            return true;
        }
        inner.get("extensions").and_then(Value::as_array).is_some_and(|exts| {
            exts.iter().any(|e| {
                e.get("name").and_then(Value::as_str) == Some(EKSUP_EXTENSION)
                    && e.pointer("/extension/cluster").and_then(Value::as_str) == Some(eks_cluster)
                    && e.pointer("/extension/region").and_then(Value::as_str) == Some(region)
            })
        })
    }

    /// Remove what eksup wrote for an EKS cluster: its cluster entries (by the standard name or
    /// eksup's extension, so aliases are found too), every context that points at them, and the
    /// users of those contexts that no remaining context uses and that run a `get-token` for
    /// this cluster. A current-context that pointed at a removed context is cleared. (For
    /// several files, [`super::remove_cluster_entries`] runs the same steps across all of them.)
    pub fn remove_cluster(&mut self, eks_cluster: &str, region: &str) -> Removed {
        let clusters = self.eksup_clusters(eks_cluster, region);
        let (contexts, users) = self.remove_contexts_of(&clusters);
        let mut removed = Removed { contexts, ..Removed::default() };
        for user in users {
            if !self.context_users().contains(&user.as_str())
                && !removed.users.contains(&user)
                && self.remove_user_if_get_token(&user, eks_cluster, region)
            {
                removed.users.push(user);
            }
        }
        removed.clusters = self.remove_clusters(&clusters);
        removed.current_context_cleared = self.clear_current_if(&removed.contexts);
        removed
    }

    /// The names of the cluster entries eksup wrote for this EKS cluster and region.
    pub fn eksup_clusters(&self, eks_cluster: &str, region: &str) -> Vec<String> {
        self.names(Section::Clusters)
            .into_iter()
            .filter(|n| self.is_eksup_cluster(n, eks_cluster, region))
            .map(str::to_string)
            .collect()
    }

    /// Remove the contexts that point at one of `clusters`; returns their names and users.
    pub fn remove_contexts_of(&mut self, clusters: &[String]) -> (Vec<String>, Vec<String>) {
        let mut names = Vec::new();
        let mut users = Vec::new();
        for e in self.entries(Section::Contexts) {
            let Some(name) = e.get("name").and_then(Value::as_str) else { continue };
            let Some(cluster) = e.pointer("/context/cluster").and_then(Value::as_str) else { continue };
            if clusters.iter().any(|c| c == cluster) {
                names.push(name.to_string());
                if let Some(user) = e.pointer("/context/user").and_then(Value::as_str) {
                    users.push(user.to_string());
                }
            }
        }
        for name in &names {
            self.remove(Section::Contexts, name);
        }
        (names, users)
    }

    /// The users that the contexts of this file use.
    pub fn context_users(&self) -> Vec<&str> {
        self.entries(Section::Contexts)
            .iter()
            .filter_map(|e| e.pointer("/context/user").and_then(Value::as_str))
            .collect()
    }

    /// Remove the user `name` if it runs `get-token` (eksup or `aws eks`) for this cluster.
    pub fn remove_user_if_get_token(&mut self, name: &str, eks_cluster: &str, region: &str) -> bool {
        let runs_get_token = self
            .get(Section::Users, name)
            .and_then(|u| u.get("exec"))
            .is_some_and(|exec| exec_targets(exec, eks_cluster, region));
        if runs_get_token {
            self.remove(Section::Users, name);
        }
        runs_get_token
    }

    /// Remove these cluster entries; returns the ones that were there.
    pub fn remove_clusters(&mut self, names: &[String]) -> Vec<String> {
        let present: Vec<String> =
            names.iter().filter(|n| self.contains(Section::Clusters, n)).cloned().collect();
        for name in &present {
            self.remove(Section::Clusters, name);
        }
        present
    }

    /// Clear the current-context if it is one of `contexts`; returns it.
    pub fn clear_current_if(&mut self, contexts: &[String]) -> Option<String> {
        let current = self.current_context()?.to_string();
        contexts.contains(&current).then(|| {
            self.set_current_context("");
            current
        })
    }

    fn entries(&self, section: Section) -> &[Value] {
        self.root.get(section.key()).and_then(Value::as_array).map_or(&[], Vec::as_slice)
    }

    fn find(&self, section: Section, name: &str) -> Option<usize> {
        self.entries(section).iter().position(|e| e.get("name").and_then(Value::as_str) == Some(name))
    }

    fn remove(&mut self, section: Section, name: &str) {
        if let Some(Value::Array(items)) = self.root.get_mut(section.key()) {
            items.retain(|e| e.get("name").and_then(Value::as_str) != Some(name));
        }
    }

    /// The inner object of the entry `name`, created (at the end of the list) if missing.
    fn upsert(&mut self, section: Section, name: &str) -> &mut Map<String, Value> {
        let list = self.root.entry(section.key()).or_insert_with(|| Value::Array(Vec::new()));
        if !list.is_array() {
            // `null` (kubectl writes `users: null`); parse() rejected everything else.
            *list = Value::Array(Vec::new());
        }
        let Value::Array(items) = list else { unreachable!("just made an array") };
        let i = match items.iter().position(|e| e.get("name").and_then(Value::as_str) == Some(name)) {
            Some(i) => i,
            None => {
                let mut entry = Map::new();
                entry.insert("name".into(), name.into());
                items.push(Value::Object(entry));
                items.len() - 1
            }
        };
        let Value::Object(entry) = &mut items[i] else {
            unreachable!("parse() checked entries are mappings")
        };
        let inner = entry.entry(section.inner()).or_insert_with(|| Value::Object(Map::new()));
        if !inner.is_object() {
            *inner = Value::Object(Map::new());
        }
        let Value::Object(inner) = inner else { unreachable!("just made an object") };
        inner
    }
}

/// What [`Document::remove_cluster`] took out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Removed {
    pub clusters: Vec<String>,
    pub users: Vec<String>,
    pub contexts: Vec<String>,
    /// The current-context that was cleared, if it pointed at a removed context.
    pub current_context_cleared: Option<String>,
}

impl Removed {
    pub fn is_empty(&self) -> bool {
        self.clusters.is_empty() && self.users.is_empty() && self.contexts.is_empty()
    }
}

/// Whether an exec section runs `get-token` (eksup or `aws eks`) for this cluster and region.
fn exec_targets(exec: &Value, eks_cluster: &str, region: &str) -> bool {
    let args: Vec<&str> = exec
        .get("args")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let flag = |name: &str| args.iter().position(|a| *a == name).and_then(|i| args.get(i + 1)).copied();
    args.contains(&"get-token")
        && (flag("--cluster-name") == Some(eks_cluster) || flag("--cluster-id") == Some(eks_cluster))
        && flag("--region").is_none_or(|r| r == region)
}

fn structure(message: String) -> ParseError {
    ParseError { line: None, column: None, message }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}
