//! One kubeconfig file as data: parse, merge entries by name, remove entries, render. No IO.
//!
//! The file is held as a YAML tree ([`super::yaml`]) that keeps every key eksup does not know
//! (preferences, extensions, `proxy-url`, a user's `exec.installHint`, ...) in its original
//! order, and every scalar as written: numbers, `~`, quoted strings and tags come back exactly.
//! Comments are not kept (kubectl drops them too), nor flow style and anchors (see
//! [`super::yaml`]).

use super::yaml::{self, Map, Node};
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
    root: Map,
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
        let mut root = Map::default();
        root.insert("apiVersion", Node::string("v1"));
        root.insert("kind", Node::string("Config"));
        root.insert("preferences", Node::empty_map());
        root.insert("clusters", Node::empty_seq());
        root.insert("users", Node::empty_seq());
        root.insert("contexts", Node::empty_seq());
        root.insert("current-context", Node::string(""));
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
        let value = yaml::parse(text).map_err(|e| ParseError {
            line: Some(e.line),
            column: Some(e.column),
            message: e.message,
        })?;
        let root = match value {
            Some(Node::Map(map)) => map,
            None => return Ok(Self::empty()),
            Some(n) if n.is_null() => return Ok(Self::empty()),
            Some(other) => {
                return Err(structure(format!("the top level is {}, not a mapping", other.kind())));
            }
        };
        for section in Section::ALL {
            match root.get(section.key()) {
                None => {}
                Some(n) if n.is_null() => {}
                Some(Node::Seq(seq)) => {
                    for (i, item) in seq.items.iter().enumerate() {
                        let Node::Map(entry) = item else {
                            return Err(structure(format!(
                                "`{}[{i}]` is {}, not a mapping",
                                section.key(),
                                item.kind()
                            )));
                        };
                        match entry.get(section.inner()) {
                            None | Some(Node::Map(_)) => {}
                            Some(n) if n.is_null() => {}
                            Some(other) => {
                                return Err(structure(format!(
                                    "`{}[{i}].{}` is {}, not a mapping",
                                    section.key(),
                                    section.inner(),
                                    other.kind()
                                )));
                            }
                        }
                    }
                }
                Some(other) => {
                    return Err(structure(format!("`{}` is {}, not a list", section.key(), other.kind())));
                }
            }
        }
        match root.get("current-context") {
            None => {}
            Some(n) if n.is_null() || n.as_str().is_some() => {}
            Some(other) => {
                return Err(structure(format!("`current-context` is {}, not a string", other.kind())));
            }
        }
        Ok(Self { root })
    }

    /// The YAML text of this kubeconfig.
    pub fn render(&self) -> String {
        yaml::write_root_map(&self.root)
    }

    /// Whether `other` holds the same data (however its scalars are written): what a write
    /// checks by reading back the text it is about to write.
    pub fn same_data(&self, other: &Self) -> bool {
        self.root.same_data(&other.root)
    }

    pub fn current_context(&self) -> Option<&str> {
        self.root.get("current-context").and_then(Node::as_str).filter(|s| !s.is_empty())
    }

    pub fn set_current_context(&mut self, name: &str) {
        self.root.insert("current-context", Node::string(name));
    }

    /// The names in one section, in file order.
    pub fn names(&self, section: Section) -> Vec<&str> {
        self.entries(section).iter().filter_map(|e| e.get("name").and_then(Node::as_str)).collect()
    }

    pub fn contains(&self, section: Section, name: &str) -> bool {
        self.find(section, name).is_some()
    }

    /// The inner mapping of a named entry (`clusters[].cluster` and so on).
    pub fn get(&self, section: Section, name: &str) -> Option<&Map> {
        let i = self.find(section, name)?;
        self.entries(section)[i].get(section.inner()).and_then(Node::as_map)
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
        inner.insert("server", Node::string(&entry.server));
        match &entry.certificate_authority_data {
            Some(ca) => {
                inner.remove("certificate-authority");
                inner.insert("certificate-authority-data", Node::string(ca));
            }
            None => {
                inner.remove("certificate-authority-data");
            }
        }
        let marker = Node::from_json(&serde_json::json!({
            "name": EKSUP_EXTENSION,
            "extension": { "cluster": entry.eks_cluster, "region": entry.region },
        }));
        match inner.get_mut("extensions") {
            Some(Node::Seq(exts)) => {
                exts.items.retain(|e| e.get("name").and_then(Node::as_str) != Some(EKSUP_EXTENSION));
                exts.items.push(marker);
            }
            _ => inner.insert("extensions", Node::Seq(yaml::Seq { items: vec![marker], tag: None })),
        }
    }

    /// The user entry is replaced as a whole: any other credential (a token, a client
    /// certificate, an older exec plugin) would conflict with eksup's exec plugin.
    pub fn merge_user(&mut self, entry: &ClusterEntry) {
        let inner = self.upsert(Section::Users, &entry.names.user);
        inner.clear();
        inner.insert("exec", Node::from_json(&entry.exec.to_value()));
    }

    /// The context: `cluster` and `user` are set; `namespace` is set when given and otherwise kept,
    /// so refreshing the entries does not undo `kubectl config set-context --namespace`.
    pub fn merge_context(&mut self, entry: &ClusterEntry) {
        let cluster = entry.names.cluster.clone();
        let user = entry.names.user.clone();
        let inner = self.upsert(Section::Contexts, &entry.names.context);
        inner.insert("cluster", Node::string(&cluster));
        inner.insert("user", Node::string(&user));
        if let Some(ns) = &entry.namespace {
            inner.insert("namespace", Node::string(ns));
        }
    }

    /// Whether the cluster entry `name` was written by eksup for this EKS cluster and region.
    pub fn is_eksup_cluster(&self, name: &str, eks_cluster: &str, region: &str) -> bool {
        let Some(inner) = self.get(Section::Clusters, name) else { return false };
        if name == super::cluster_entry_name(eks_cluster, region) {
            return true;
        }
        inner.get("extensions").and_then(Node::as_seq).is_some_and(|exts| {
            exts.iter().any(|e| {
                let ext = e.get("extension");
                e.get("name").and_then(Node::as_str) == Some(EKSUP_EXTENSION)
                    && ext.and_then(|x| x.get("cluster")).and_then(Node::as_str) == Some(eks_cluster)
                    && ext.and_then(|x| x.get("region")).and_then(Node::as_str) == Some(region)
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
            let Some(name) = e.get("name").and_then(Node::as_str) else { continue };
            let context = e.get("context");
            let Some(cluster) = context.and_then(|c| c.get("cluster")).and_then(Node::as_str) else {
                continue;
            };
            if clusters.iter().any(|c| c == cluster) {
                names.push(name.to_string());
                if let Some(user) = context.and_then(|c| c.get("user")).and_then(Node::as_str) {
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
            .filter_map(|e| e.get("context").and_then(|c| c.get("user")).and_then(Node::as_str))
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

    fn entries(&self, section: Section) -> &[Node] {
        self.root.get(section.key()).and_then(Node::as_seq).unwrap_or(&[])
    }

    fn find(&self, section: Section, name: &str) -> Option<usize> {
        self.entries(section).iter().position(|e| e.get("name").and_then(Node::as_str) == Some(name))
    }

    fn remove(&mut self, section: Section, name: &str) {
        if let Some(Node::Seq(seq)) = self.root.get_mut(section.key()) {
            seq.items.retain(|e| e.get("name").and_then(Node::as_str) != Some(name));
        }
    }

    /// The inner mapping of the entry `name`, created (at the end of the list) if missing.
    fn upsert(&mut self, section: Section, name: &str) -> &mut Map {
        let list = self.root.entry_or_insert(section.key(), Node::empty_seq);
        if !matches!(list, Node::Seq(_)) {
            // `null` (kubectl writes `users: null`); parse() rejected everything else.
            *list = Node::empty_seq();
        }
        let Node::Seq(seq) = list else { unreachable!("just made a list") };
        let i = match seq.items.iter().position(|e| e.get("name").and_then(Node::as_str) == Some(name)) {
            Some(i) => i,
            None => {
                let mut entry = Map::default();
                entry.insert("name", Node::string(name));
                seq.items.push(Node::Map(entry));
                seq.items.len() - 1
            }
        };
        let Node::Map(entry) = &mut seq.items[i] else {
            unreachable!("parse() checked entries are mappings")
        };
        let inner = entry.entry_or_insert(section.inner(), Node::empty_map);
        if !matches!(inner, Node::Map(_)) {
            *inner = Node::empty_map();
        }
        let Node::Map(inner) = inner else { unreachable!("just made a mapping") };
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
fn exec_targets(exec: &Node, eks_cluster: &str, region: &str) -> bool {
    let args: Vec<&str> = exec
        .get("args")
        .and_then(Node::as_seq)
        .map(|a| a.iter().filter_map(Node::as_str).collect())
        .unwrap_or_default();
    let flag = |name: &str| args.iter().position(|a| *a == name).and_then(|i| args.get(i + 1)).copied();
    args.contains(&"get-token")
        && (flag("--cluster-name") == Some(eks_cluster) || flag("--cluster-id") == Some(eks_cluster))
        && flag("--region").is_none_or(|r| r == region)
}

fn structure(message: String) -> ParseError {
    ParseError { line: None, column: None, message }
}
