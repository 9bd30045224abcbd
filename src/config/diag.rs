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

impl Diagnostic {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { severity: Severity::Error, path: path.into(), loc: None, message: message.into(), hint: None }
    }

    pub fn not_supported(path: impl Into<String>) -> Self {
        Self {
            severity: Severity::NotSupported,
            path: path.into(),
            loc: None,
            message: String::new(),
            hint: Some("remove the field, or use eksctl for this cluster until eksup supports it".into()),
        }
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
        let mut out = String::new();
        let label = match self.severity {
            Severity::Warning => "warning",
            _ => "error",
        };
        let _ = write!(out, "{label}: {origin}");
        if let Some(loc) = self.loc {
            let _ = write!(out, ":{}:{}", loc.line, loc.column);
        }
        out.push_str(": ");
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
}
