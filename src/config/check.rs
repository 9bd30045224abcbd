//! Walk the located YAML tree against eksup's JSON Schema (generated from [`super::types`]):
//! every unknown key, every field eksup does not support yet and every wrong type is reported at
//! once with its path and position; values are coerced as the schema asks (a plain `1.30` where a
//! string is expected stays the text `1.30`). The result is plain JSON for serde.

use serde_json::{Map as JsonMap, Value as Json};

use super::diag::{Diagnostic, LocIndex, did_you_mean};
use super::known::EKSCTL_FIELDS;
use super::yaml::{Node, Value};

pub struct Checked {
    pub json: Json,
    pub index: LocIndex,
    pub diagnostics: Vec<Diagnostic>,
}

/// Keys (by path) that only `eksup.io/v1alpha1` accepts.
pub const EKSUP_EXTENSIONS: &[&str] = &["ecr", "vpc.networkAcls"];

pub fn check(root: &Node, schema: &Json, eksctl_format: bool) -> Checked {
    let mut walker = Walker {
        defs: schema.get("$defs"),
        index: LocIndex::default(),
        diagnostics: Vec::new(),
        eksctl_format,
    };
    walker.index.insert(String::new(), root.loc);
    let json = walker.walk(root, schema, "", Some("ClusterConfig")).unwrap_or(Json::Null);
    Checked { json, index: walker.index, diagnostics: walker.diagnostics }
}

struct Walker<'s> {
    defs: Option<&'s Json>,
    index: LocIndex,
    diagnostics: Vec<Diagnostic>,
    eksctl_format: bool,
}

fn join(path: &str, key: &str) -> String {
    let plain = key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') && !key.is_empty();
    match (path.is_empty(), plain) {
        (true, true) => key.to_string(),
        (false, true) => format!("{path}.{key}"),
        (_, false) => format!("{path}[{key:?}]"),
    }
}

fn types_of(schema: &Json) -> Vec<&str> {
    match schema.get("type") {
        Some(Json::String(s)) => vec![s.as_str()],
        Some(Json::Array(a)) => a.iter().filter_map(Json::as_str).collect(),
        _ => Vec::new(),
    }
}

fn node_type(node: &Node) -> &'static str {
    match node.value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Int(_) => "integer",
        Value::Float(_) => "number",
        Value::Str { .. } => "string",
        Value::Seq(_) => "array",
        Value::Map(_) => "object",
    }
}

impl<'s> Walker<'s> {
    /// Follow `$ref` and pick the `anyOf`/`oneOf` branch that fits `node`. Returns the schema and
    /// the definition name it came from.
    fn resolve(
        &self,
        mut schema: &'s Json,
        node: &Node,
        mut def: Option<&'s str>,
    ) -> (&'s Json, Option<&'s str>) {
        for _ in 0..16 {
            if let Some(r) = schema.get("$ref").and_then(Json::as_str) {
                let name = r.rsplit('/').next().unwrap_or(r);
                match self.defs.and_then(|d| d.get(name)) {
                    Some(s) => {
                        schema = s;
                        def = Some(name);
                        continue;
                    }
                    None => return (schema, def),
                }
            }
            let branches = schema.get("anyOf").or_else(|| schema.get("oneOf")).and_then(Json::as_array);
            if let Some(branches) = branches {
                let non_null: Vec<&Json> = branches.iter().filter(|b| types_of(b) != ["null"]).collect();
                let want = node_type(node);
                let fits = |b: &&Json| {
                    let (r, _) = self.resolve(b, node, None);
                    let t = types_of(r);
                    t.contains(&want) || (want == "integer" && t.contains(&"number"))
                };
                let pick = non_null.iter().find(|b| fits(b)).or_else(|| non_null.first());
                match pick {
                    Some(b) => {
                        schema = b;
                        continue;
                    }
                    None => return (schema, def),
                }
            }
            break;
        }
        (schema, def)
    }

    fn type_error(&mut self, path: &str, node: &Node, expected: &str) {
        self.diagnostics.push(
            Diagnostic::error(path, format!("expected {expected}, found {}", node.kind())).at(node.loc),
        );
    }

    fn walk(&mut self, node: &Node, schema: &'s Json, path: &str, def: Option<&'s str>) -> Option<Json> {
        self.index.insert(path.to_string(), node.loc);
        let nullable_outer = schema
            .get("anyOf")
            .and_then(Json::as_array)
            .is_some_and(|bs| bs.iter().any(|b| types_of(b) == ["null"]));
        let (schema, def) = self.resolve(schema, node, def);
        let types = types_of(schema);
        if matches!(node.value, Value::Null) {
            // An empty value (`key:`) is the same as leaving the key out.
            let _ = nullable_outer;
            return Some(Json::Null);
        }
        let value = if types.contains(&"object") {
            self.walk_object(node, schema, path, def)?
        } else if types.contains(&"array") {
            let Value::Seq(items) = &node.value else {
                self.type_error(path, node, "a list");
                return None;
            };
            let item_schema = schema.get("items").unwrap_or(&Json::Null);
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let p = format!("{path}[{i}]");
                if matches!(item.value, Value::Null) {
                    self.diagnostics.push(Diagnostic::error(&p, "is empty").at(item.loc));
                    continue;
                }
                if let Some(v) = self.walk(item, item_schema, &p, None) {
                    out.push(v);
                }
            }
            Json::Array(out)
        } else if types.contains(&"string") {
            match (&node.value, &node.raw) {
                (Value::Str { text, .. }, _) => Json::String(text.clone()),
                (Value::Int(_) | Value::Float(_) | Value::Bool(_), Some(raw)) => Json::String(raw.clone()),
                _ => {
                    self.type_error(path, node, "a string");
                    return None;
                }
            }
        } else if types.contains(&"integer") {
            match node.value {
                Value::Int(i) => Json::from(i),
                _ => {
                    self.type_error(path, node, "a whole number");
                    return None;
                }
            }
        } else if types.contains(&"number") {
            match node.value {
                Value::Int(i) => Json::from(i),
                Value::Float(f) => Json::from(f),
                _ => {
                    self.type_error(path, node, "a number");
                    return None;
                }
            }
        } else if types.contains(&"boolean") {
            match node.value {
                Value::Bool(b) => Json::Bool(b),
                _ => {
                    let hint = match node.as_str() {
                        Some("yes" | "on" | "no" | "off") => Some("write `true` or `false`"),
                        _ => None,
                    };
                    let mut d =
                        Diagnostic::error(path, format!("expected `true` or `false`, found {}", node.kind()))
                            .at(node.loc);
                    if let Some(h) = hint {
                        d = d.with_hint(h);
                    }
                    self.diagnostics.push(d);
                    return None;
                }
            }
        } else {
            to_json(node)
        };
        if let (Some(allowed), Json::String(s)) = (schema.get("enum").and_then(Json::as_array), &value) {
            let names: Vec<&str> = allowed.iter().filter_map(Json::as_str).collect();
            if !names.contains(&s.as_str()) {
                let mut d = Diagnostic::error(
                    path,
                    format!(
                        "`{s}` is not one of {}",
                        names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
                    ),
                )
                .at(node.loc);
                if let Some(m) = did_you_mean(s, names.iter().copied()) {
                    d = d.with_hint(format!("did you mean `{m}`?"));
                }
                self.diagnostics.push(d);
                return None;
            }
        }
        Some(value)
    }

    fn walk_object(
        &mut self,
        node: &Node,
        schema: &'s Json,
        path: &str,
        def: Option<&'s str>,
    ) -> Option<Json> {
        let Value::Map(entries) = &node.value else {
            self.type_error(path, node, "a mapping");
            return None;
        };
        let mut out = JsonMap::new();
        if let Some(props) = schema.get("properties").and_then(Json::as_object) {
            let eksctl_keys: &[&str] =
                def.and_then(|d| EKSCTL_FIELDS.iter().find(|(n, _)| *n == d)).map_or(&[], |(_, k)| k);
            for (key, key_loc, child) in entries {
                let p = join(path, key);
                let is_extension = EKSUP_EXTENSIONS.contains(&p.as_str());
                if is_extension && self.eksctl_format {
                    self.diagnostics.push(
                        Diagnostic::error(&p, "is an eksup extension, not part of eksctl's format")
                            .at(*key_loc)
                            .with_hint("use `apiVersion: eksup.io/v1alpha1` to use eksup's extensions"),
                    );
                    continue;
                }
                if let Some(prop) = props.get(key) {
                    self.index.insert(p.clone(), *key_loc);
                    if let Some(v) = self.walk(child, prop, &p, None) {
                        out.insert(key.clone(), v);
                    }
                } else if key == "status" && eksctl_keys.contains(&"status") {
                    self.diagnostics.push(
                        Diagnostic::error(&p, "status fields are read-only")
                            .at(*key_loc)
                            .with_hint("remove `status`"),
                    );
                } else if eksctl_keys.contains(&key.as_str()) {
                    self.diagnostics.push(Diagnostic::not_supported(&p).at(*key_loc));
                } else {
                    let mut d = Diagnostic::error(&p, format!("unknown field `{key}`")).at(*key_loc);
                    let candidates = props.keys().map(String::as_str).chain(eksctl_keys.iter().copied());
                    if let Some(m) = did_you_mean(key, candidates) {
                        d = d.with_hint(format!("did you mean `{m}`?"));
                    } else {
                        let mut names: Vec<&str> = props.keys().map(String::as_str).collect();
                        names.sort_unstable();
                        d = d.with_hint(format!("known fields here: {}", names.join(", ")));
                    }
                    self.diagnostics.push(d);
                }
            }
        } else {
            let value_schema = schema.get("additionalProperties").unwrap_or(&Json::Null);
            for (key, key_loc, child) in entries {
                let p = join(path, key);
                self.index.insert(p.clone(), *key_loc);
                if value_schema.is_object() {
                    if let Some(v) = self.walk(child, value_schema, &p, None) {
                        out.insert(key.clone(), v);
                    }
                } else {
                    out.insert(key.clone(), to_json(child));
                }
            }
        }
        Some(Json::Object(out))
    }
}

/// Plain conversion, for values with no schema.
pub fn to_json(node: &Node) -> Json {
    match &node.value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::from(*i),
        Value::Float(f) => Json::from(*f),
        Value::Str { text, .. } => Json::String(text.clone()),
        Value::Seq(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => {
            Json::Object(entries.iter().map(|(k, _, v)| (k.clone(), to_json(v))).collect())
        }
    }
}
