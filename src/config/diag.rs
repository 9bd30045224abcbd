//! Config diagnostics: every problem at once, each with its YAML path, line and column.

use std::collections::HashMap;
use std::fmt::{self, Write as _};

use serde::Serialize;

use super::yaml::Loc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    Error,
    /// A field eksctl knows that eksup does not handle yet.
    NotSupported,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub severity: Severity,
    /// `managedNodeGroups[0].instanceType`; empty for the whole document.
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loc: Option<Loc>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// What eksup will not do for a field of eksctl's, and what to use instead.
fn why_not(path: &str) -> Option<(&'static str, &'static str)> {
    let key = path.rsplit('.').next().unwrap_or(path);
    match key {
        "outpost" | "outpostARN" => Some((
            "(EKS on AWS Outposts: eksup makes clusters in AWS Regions and Local Zones, and cannot test one on an Outpost)",
            "create clusters and node groups on Outposts with eksctl; for compute near your users without an Outpost, use `localZones`",
        )),
        "karpenter" => Some((
            "(eksup does not install Karpenter's Helm chart)",
            "turn on EKS Auto Mode (`autoModeConfig: {enabled: true}`), whose node pools are Karpenter run by EKS, or remove `karpenter` and install it once the cluster is up with its chart (`helm install karpenter oci://public.ecr.aws/karpenter/karpenter --namespace kube-system`, as karpenter.sh's getting started guide shows)",
        )),
        "gitops" => Some((
            "(eksup does not bootstrap Flux)",
            "remove `gitops` and run `flux bootstrap github` (the Flux CLI, with the same owner, repository and path) once the cluster is up",
        )),
        _ => None,
    }
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { severity: Severity::Error, path: path.into(), loc: None, message: message.into(), hint: None }
    }

    pub fn not_supported(path: impl Into<String>) -> Self {
        let path = path.into();
        let (message, hint) = why_not(&path).map_or_else(
            || {
                (
                    String::new(),
                    "remove the field, or use eksctl for this cluster until eksup supports it".into(),
                )
            },
            |(m, h)| (m.to_string(), h.to_string()),
        );
        Self { severity: Severity::NotSupported, path, loc: None, message, hint: Some(hint) }
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, ..Self::error(path, message) }
    }

    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    #[must_use]
    pub fn at(mut self, loc: Loc) -> Self {
        self.loc = Some(loc);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity != Severity::Warning
    }

    /// `file:line:col: path: message`, then an indented hint.
    pub fn render(&self, origin: &str) -> String {
        let mut out = format!("{}: {origin}", self.label());
        if let Some(loc) = self.loc {
            let _ = write!(out, ":{}:{}", loc.line, loc.column);
        }
        out.push_str(": ");
        self.render_rest(out)
    }

    /// A problem of a config built from flags: `--flag: message` when a flag set the field (or
    /// the entry it is in), as the user wrote no file and no YAML path; otherwise the path, as
    /// [`Self::render`] gives it for `origin`.
    pub fn render_flags(&self, flags: &FlagNames, origin: &str) -> String {
        match flags.find(&self.path) {
            Some(flag) if self.severity != Severity::NotSupported => {
                let mut out =
                    format!("{}: {flag}: {}", self.label(), flags.reword(&self.message, &self.path));
                if let Some(h) = flags.hints.get(&self.path).or(self.hint.as_ref()) {
                    let _ = write!(out, "\n  hint: {}", flags.reword(h, &self.path));
                }
                out
            }
            _ => self.render(origin),
        }
    }

    fn label(&self) -> &'static str {
        match self.severity {
            Severity::Warning => "warning",
            _ => "error",
        }
    }

    /// The path, the message and the hint, after `out`'s prefix.
    fn render_rest(&self, mut out: String) -> String {
        match self.severity {
            Severity::NotSupported if self.message.is_empty() => {
                let _ = write!(out, "not supported yet: {}", self.path);
            }
            Severity::NotSupported => {
                let _ = write!(out, "not supported yet: {} {}", self.path, self.message);
            }
            _ if self.path.is_empty() => out.push_str(&self.message),
            _ => {
                let _ = write!(out, "{}: {}", self.path, self.message);
            }
        }
        if let Some(h) = &self.hint {
            let _ = write!(out, "\n  hint: {h}");
        }
        out
    }
}

/// Which flag set each field of a config built from the command line (`addons[0].version` from
/// `--version`): its problems then name the flag the user gave, not a YAML path of a file the
/// user never wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FlagNames {
    map: HashMap<String, String>,
    /// Hints that replace the file's for a problem at a path (`metadata.region`: pass
    /// `--region`, not "add `region:` under metadata").
    hints: HashMap<String, String>,
}

impl FlagNames {
    /// `path` (and what lies under it) was set by `flag` (`--version`).
    pub fn insert(&mut self, path: impl Into<String>, flag: impl Into<String>) {
        self.map.insert(path.into(), flag.into());
    }

    /// A problem at `path` (exactly) gets `hint` instead of the file's.
    pub fn hint(&mut self, path: impl Into<String>, hint: impl Into<String>) {
        self.hints.insert(path.into(), hint.into());
    }

    /// `text`, about `path`, with the fields of its entry (`addons[0]`) that flags set named by
    /// their flags: "give one with `serviceAccountRoleARN`" reads "give one with
    /// `--service-account-role-arn`".
    pub fn reword(&self, text: &str, path: &str) -> String {
        let entry = path.find(']').map_or(path, |i| &path[..=i]);
        let mut out = text.to_string();
        for (p, flag) in self.map.iter().filter(|(p, _)| p.starts_with(entry) && *p != entry) {
            let field = p.rsplit(['.', ']']).next().unwrap_or_default();
            if !field.is_empty() {
                out = out.replace(&format!("`{field}`"), &format!("`{flag}`"));
            }
        }
        out
    }

    /// The flag of `path`, or of its nearest ancestor that a flag set.
    pub fn find(&self, path: &str) -> Option<&str> {
        let mut p = path;
        loop {
            if let Some(f) = self.map.get(p) {
                return Some(f);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}

/// Where each YAML path is in the source.
#[derive(Debug, Clone, Default)]
pub struct LocIndex {
    map: HashMap<String, Loc>,
}

impl LocIndex {
    pub fn insert(&mut self, path: String, loc: Loc) {
        self.map.entry(path).or_insert(loc);
    }

    /// The location of `path`, or of its nearest ancestor that is in the file.
    pub fn find(&self, path: &str) -> Option<Loc> {
        let mut p = path;
        loop {
            if let Some(l) = self.map.get(p) {
                return Some(*l);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
            if p.is_empty() {
                return self.map.get("").copied();
            }
        }
    }
}

/// All the problems of one config, errors first in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    pub origin: String,
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| !d.is_error())
    }

    /// Sort by position (problems without one last) and drop exact repeats.
    pub fn sort(&mut self) {
        self.items.sort_by_key(|d| d.loc.map_or((usize::MAX, usize::MAX), |l| (l.line, l.column)));
        self.items.dedup();
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.errors().count();
        write!(f, "`{}` has {n} problem{}", self.origin, if n == 1 { "" } else { "s" })
    }
}

impl std::error::Error for Diagnostics {}

/// The closest candidate to `input`, if any is close enough to be a likely typo.
pub fn did_you_mean<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = input.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            let score = if c.eq_ignore_ascii_case(input) {
                2.0
            } else {
                strsim::jaro_winkler(&lower, &c.to_ascii_lowercase())
            };
            (c, score)
        })
        .filter(|(_, s)| *s >= 0.85)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(
            did_you_mean("instanceTyp", ["instanceType", "instanceTypes", "name"]),
            Some("instanceType")
        );
        assert_eq!(did_you_mean("instancetype", ["instanceType", "name"]), Some("instanceType"));
        assert_eq!(did_you_mean("zzz", ["instanceType", "name"]), None);
    }

    #[test]
    fn nearest_ancestor_location() {
        let mut idx = LocIndex::default();
        idx.insert("managedNodeGroups[0]".into(), Loc { line: 7, column: 5 });
        assert_eq!(idx.find("managedNodeGroups[0].minSize"), Some(Loc { line: 7, column: 5 }));
        assert_eq!(idx.find("vpc.cidr"), None);
    }

    #[test]
    fn renders_path_line_and_hint() {
        let d = Diagnostic::error("vpc.cidr", "prefix must be /16 to /24")
            .at(Loc { line: 3, column: 9 })
            .with_hint("use e.g. `10.0.0.0/16`");
        assert_eq!(
            d.render("c.yaml"),
            "error: c.yaml:3:9: vpc.cidr: prefix must be /16 to /24\n  hint: use e.g. `10.0.0.0/16`"
        );
        let n = Diagnostic::not_supported("karpenter").at(Loc { line: 9, column: 1 });
        assert!(n.render("c.yaml").starts_with("error: c.yaml:9:1: not supported yet: karpenter"));
    }

    #[test]
    fn a_config_built_from_flags_names_the_flag() {
        let mut flags = FlagNames::default();
        flags.insert("addons[0].attachPolicyARNs", "--attach-policy-arn");
        flags.insert("metadata.name", "--cluster");
        let d =
            Diagnostic::error("addons[0].attachPolicyARNs[1]", "`x` is not an ARN").with_hint("give an ARN");
        assert_eq!(
            d.render_flags(&flags, "<flags>"),
            "error: --attach-policy-arn: `x` is not an ARN\n  hint: give an ARN"
        );
        let w = Diagnostic::warning("metadata.name", "is long");
        assert_eq!(w.render_flags(&flags, "<flags>"), "warning: --cluster: is long");
        // A field no flag set keeps its path.
        let other = Diagnostic::error("iam.withOIDC", "must be true");
        assert_eq!(other.render_flags(&flags, "<flags>"), "error: <flags>: iam.withOIDC: must be true");
        assert_eq!(flags.find("addons"), None);
        // The fields the flags set are named by their flags in messages and hints.
        flags.insert("addons[0].serviceAccountRoleARN", "--service-account-role-arn");
        let h = Diagnostic::warning("addons[0].attachPolicyARNs", "no role")
            .with_hint("give one with `serviceAccountRoleARN`, not `serviceAccountRoleARNs`");
        assert_eq!(
            h.render_flags(&flags, "<flags>"),
            "warning: --attach-policy-arn: no role\n  hint: give one with `--service-account-role-arn`, not `serviceAccountRoleARNs`"
        );
    }
}
