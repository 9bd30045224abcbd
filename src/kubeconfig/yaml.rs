//! A kubeconfig as a YAML tree that keeps every scalar as written, and the writer of that tree.
//!
//! A scalar keeps its text, its style (plain, quoted, block) and its tag, so that what eksup does
//! not change is written back the same: `123456789012345678901234567890` stays that number (not
//! `1.2345678901234568e+29`), `1.0` stays `1.0`, `0x1F` stays `0x1F`, `'42'` stays a quoted
//! string, `~` stays `~`. What is not kept: comments, the flow style of `{...}` and `[...]`
//! (written in block style), anchors (aliases are written out in full), and the exact layout of
//! quoted and block scalars (a folded `>` scalar is written as a literal `|` one with the same
//! text). The reader is granit-parser, the YAML parser of serde-saphyr; serde-saphyr itself maps
//! YAML onto Rust types, and through a `serde_json::Value` numbers become `i64`/`f64` and `~`
//! becomes `null`.

use std::collections::{HashMap, HashSet};

use granit_parser::{Event, Parser, ScalarStyle, Span, Tag};

/// A YAML node.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Scalar(Scalar),
    Seq(Seq),
    Map(Map),
}

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// What a scalar is, by the YAML 1.2 core schema (and its tag, if any).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool,
    Number,
    Str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scalar {
    /// The value, after YAML's escapes and line folding.
    pub text: String,
    pub style: Style,
    /// The tag as written (`!!str`), if any.
    pub tag: Option<String>,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Seq {
    pub items: Vec<Node>,
    pub tag: Option<String>,
}

/// A mapping, in file order. Keys are scalars.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map {
    pub entries: Vec<(Scalar, Node)>,
    pub tag: Option<String>,
}

impl Scalar {
    /// A new string: plain when that reads back as the same string, else double-quoted.
    pub fn string(text: &str) -> Self {
        let style = if plain_string_ok(text) { Style::Plain } else { Style::DoubleQuoted };
        Self { text: text.to_string(), style, tag: None, kind: Kind::Str }
    }

    /// A new plain scalar of a known kind (`true`, `42`, `null`).
    fn plain(text: String, kind: Kind) -> Self {
        Self { text, style: Style::Plain, tag: None, kind }
    }

    /// Whether two scalars hold the same data: text, kind and tag (not how they are written).
    fn same_data(&self, other: &Self) -> bool {
        self.text == other.text && self.kind == other.kind && self.tag == other.tag
    }
}

impl Map {
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries.iter().find(|(k, _)| k.text == key).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        self.entries.iter_mut().find(|(k, _)| k.text == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Set `key`: an existing entry keeps its place (and its key as written), a new one goes last.
    pub fn insert(&mut self, key: &str, value: Node) {
        match self.get_mut(key) {
            Some(v) => *v = value,
            None => self.entries.push((Scalar::string(key), value)),
        }
    }

    /// The value of `key`, inserted with `default()` (last) if missing.
    pub fn entry_or_insert(&mut self, key: &str, default: impl FnOnce() -> Node) -> &mut Node {
        let i = match self.entries.iter().position(|(k, _)| k.text == key) {
            Some(i) => i,
            None => {
                self.entries.push((Scalar::string(key), default()));
                self.entries.len() - 1
            }
        };
        &mut self.entries[i].1
    }

    pub fn remove(&mut self, key: &str) {
        self.entries.retain(|(k, _)| k.text != key);
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Whether two mappings hold the same data, however their scalars are written.
    pub fn same_data(&self, other: &Self) -> bool {
        self.tag == other.tag
            && self.entries.len() == other.entries.len()
            && self
                .entries
                .iter()
                .zip(&other.entries)
                .all(|((ka, va), (kb, vb))| ka.same_data(kb) && va.same_data(vb))
    }
}

impl Node {
    pub fn string(text: &str) -> Self {
        Self::Scalar(Scalar::string(text))
    }

    pub fn empty_map() -> Self {
        Self::Map(Map::default())
    }

    pub fn empty_seq() -> Self {
        Self::Seq(Seq::default())
    }

    /// A node for a JSON value that eksup made (its own entries).
    pub fn from_json(value: &serde_json::Value) -> Self {
        use serde_json::Value as J;
        match value {
            J::Null => Self::Scalar(Scalar::plain("null".into(), Kind::Null)),
            J::Bool(b) => Self::Scalar(Scalar::plain(b.to_string(), Kind::Bool)),
            J::Number(n) => Self::Scalar(Scalar::plain(n.to_string(), Kind::Number)),
            J::String(s) => Self::string(s),
            J::Array(items) => {
                Self::Seq(Seq { items: items.iter().map(Self::from_json).collect(), tag: None })
            }
            J::Object(map) => Self::Map(Map {
                entries: map.iter().map(|(k, v)| (Scalar::string(k), Self::from_json(v))).collect(),
                tag: None,
            }),
        }
    }

    /// The text of a string scalar (not of a number, boolean or null).
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::Scalar(s) if s.kind == Kind::Str => Some(&s.text),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&Map> {
        match self {
            Self::Map(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[Node]> {
        match self {
            Self::Seq(s) => Some(&s.items),
            _ => None,
        }
    }

    /// The value of `key` when this is a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_map().and_then(|m| m.get(key))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Self::Scalar(Scalar { kind: Kind::Null, .. }))
    }

    /// `null`, `a string`, `a list`...: for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Scalar(s) => match s.kind {
                Kind::Null => "null",
                Kind::Bool => "a boolean",
                Kind::Number => "a number",
                Kind::Str => "a string",
            },
            Self::Seq(_) => "a list",
            Self::Map(_) => "a mapping",
        }
    }

    /// Whether two trees hold the same data, however their scalars are written.
    pub fn same_data(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Scalar(a), Self::Scalar(b)) => a.same_data(b),
            (Self::Seq(a), Self::Seq(b)) => {
                a.tag == b.tag
                    && a.items.len() == b.items.len()
                    && a.items.iter().zip(&b.items).all(|(x, y)| x.same_data(y))
            }
            (Self::Map(a), Self::Map(b)) => a.same_data(b),
            _ => false,
        }
    }
}

// ------------------------------------------------------------------------------------ reading

/// A YAML syntax error, 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: u64,
    pub column: u64,
    pub message: String,
}

/// Documents deeper than this are refused (no stack exhaustion on hostile input).
const MAX_DEPTH: usize = 128;
/// Nodes that aliases may expand to in one document (no "billion laughs").
const MAX_ALIAS_NODES: usize = 100_000;

fn error_at(span: &Span, message: impl Into<String>) -> SyntaxError {
    SyntaxError {
        line: span.start.line() as u64,
        column: span.start.col() as u64 + 1,
        message: message.into(),
    }
}

/// Parse the one YAML document of `text`; `None` when there is none (an empty text).
pub fn parse(text: &str) -> Result<Option<Node>, SyntaxError> {
    let options = granit_parser::options! { emit_comments: false };
    let mut parser = Parser::new_from_str_with_options(text, options);
    let mut builder = Builder::default();
    let mut documents = 0;
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| SyntaxError {
            line: e.marker().line() as u64,
            column: e.marker().col() as u64 + 1,
            message: e.info().to_string(),
        })?;
        match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return Err(error_at(&span, "more than one YAML document"));
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                // granit-parser reports an empty value (`key:`) as `~`, with an empty span.
                let value = if span.is_empty() && style == ScalarStyle::Plain {
                    String::new()
                } else {
                    value.into_owned()
                };
                let scalar = read_scalar(value, style, tag.as_deref());
                builder.node(Node::Scalar(scalar), anchor, &span)?;
            }
            Event::SequenceStart(_, anchor, tag) => {
                builder.open(
                    Open::Seq(Seq { items: Vec::new(), tag: tag.map(|t| t.original()) }),
                    anchor,
                    &span,
                )?;
            }
            Event::MappingStart(_, anchor, tag) => {
                let map = Map { entries: Vec::new(), tag: tag.map(|t| t.original()) };
                builder.open(Open::Map(map, HashSet::new(), None), anchor, &span)?;
            }
            Event::SequenceEnd | Event::MappingEnd => builder.close(&span)?,
            Event::Alias(id) => builder.alias(id, &span)?,
            _ => {}
        }
    }
    Ok(builder.root)
}

enum Open {
    Seq(Seq),
    /// The mapping, its keys so far (a duplicate is an error), and a key waiting for its value.
    Map(Map, HashSet<String>, Option<Scalar>),
}

#[derive(Default)]
struct Builder {
    stack: Vec<(Open, usize)>,
    root: Option<Node>,
    anchors: HashMap<usize, Node>,
    alias_nodes: usize,
}

fn count(node: &Node) -> usize {
    match node {
        Node::Scalar(_) => 1,
        Node::Seq(s) => 1 + s.items.iter().map(count).sum::<usize>(),
        Node::Map(m) => 1 + m.entries.iter().map(|(_, v)| 1 + count(v)).sum::<usize>(),
    }
}

impl Builder {
    fn open(&mut self, open: Open, anchor: usize, span: &Span) -> Result<(), SyntaxError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(error_at(span, format!("nested deeper than {MAX_DEPTH} levels")));
        }
        if matches!(self.stack.last(), Some((Open::Map(_, _, None), _))) {
            return Err(error_at(span, "a mapping key must be a scalar"));
        }
        self.stack.push((open, anchor));
        Ok(())
    }

    fn close(&mut self, span: &Span) -> Result<(), SyntaxError> {
        let (node, anchor) = match self.stack.pop() {
            Some((Open::Seq(seq), anchor)) => (Node::Seq(seq), anchor),
            Some((Open::Map(map, _, _), anchor)) => (Node::Map(map), anchor),
            None => return Err(error_at(span, "unbalanced YAML structure")),
        };
        self.node(node, anchor, span)
    }

    fn alias(&mut self, id: usize, span: &Span) -> Result<(), SyntaxError> {
        let Some(node) = self.anchors.get(&id).cloned() else {
            return Err(error_at(span, "unknown alias"));
        };
        self.alias_nodes += count(&node);
        if self.alias_nodes > MAX_ALIAS_NODES {
            return Err(error_at(span, "too many alias expansions"));
        }
        self.node(node, 0, span)
    }

    fn node(&mut self, node: Node, anchor: usize, span: &Span) -> Result<(), SyntaxError> {
        if anchor > 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some((Open::Seq(seq), _)) => seq.items.push(node),
            Some((Open::Map(map, keys, pending), _)) => match pending.take() {
                Some(key) => map.entries.push((key, node)),
                None => {
                    let Node::Scalar(key) = node else {
                        return Err(error_at(span, "a mapping key must be a scalar"));
                    };
                    if !keys.insert(key.text.clone()) {
                        return Err(error_at(span, format!("duplicate key `{}`", key.text)));
                    }
                    *pending = Some(key);
                }
            },
        }
        Ok(())
    }
}

fn read_scalar(text: String, style: ScalarStyle, tag: Option<&Tag>) -> Scalar {
    let style = match style {
        ScalarStyle::Plain => Style::Plain,
        ScalarStyle::SingleQuoted => Style::SingleQuoted,
        ScalarStyle::DoubleQuoted => Style::DoubleQuoted,
        ScalarStyle::Literal => Style::Literal,
        ScalarStyle::Folded => Style::Folded,
    };
    let kind = match tag.map(|t| (t, t.core_suffix())) {
        Some((_, Some("null"))) => Kind::Null,
        Some((_, Some("bool"))) => Kind::Bool,
        Some((_, Some("int" | "float"))) => Kind::Number,
        // `!!str`, the non-specific `!` and custom tags.
        Some(_) => Kind::Str,
        None if style == Style::Plain => resolve_plain(&text),
        None => Kind::Str,
    };
    Scalar { text, style, tag: tag.map(Tag::original), kind }
}

/// The YAML 1.2 core schema's reading of a plain scalar.
fn resolve_plain(text: &str) -> Kind {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => Kind::Null,
        "true" | "True" | "TRUE" | "false" | "False" | "FALSE" => Kind::Bool,
        _ if is_number(text) => Kind::Number,
        _ => Kind::Str,
    }
}

fn is_number(text: &str) -> bool {
    let digits = |s: &str, radix: u32| !s.is_empty() && s.chars().all(|c| c.is_digit(radix));
    if let Some(hex) = text.strip_prefix("0x") {
        return digits(hex, 16);
    }
    if let Some(oct) = text.strip_prefix("0o") {
        return digits(oct, 8);
    }
    if matches!(text, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") {
        return true;
    }
    // [0-9]+ | [0-9]+ . [0-9]* | . [0-9]+, then an optional exponent.
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        None => digits(mantissa, 10),
        Some((whole, fraction)) => {
            (digits(whole, 10) && (fraction.is_empty() || digits(fraction, 10)))
                || (whole.is_empty() && digits(fraction, 10))
        }
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e), 10));
    mantissa_ok && exponent_ok
}

// ------------------------------------------------------------------------------------ writing

/// The YAML text of a tree, in block style, lists at the indentation of their key (as kubectl
/// writes them).
pub fn write(root: &Node) -> String {
    match root {
        Node::Map(m) => write_root_map(m),
        other => write_other(other),
    }
}

/// [`write`] for a mapping at the top.
pub fn write_root_map(map: &Map) -> String {
    if map.tag.is_some() || map.entries.is_empty() {
        return write_other(&Node::Map(map.clone()));
    }
    let mut out = String::new();
    write_map(&mut out, &map.entries, 0, false);
    out
}

fn write_other(root: &Node) -> String {
    let mut out = String::new();
    match root {
        Node::Seq(s) if s.tag.is_none() && !s.items.is_empty() => write_seq(&mut out, &s.items, 0, false),
        other => {
            // A scalar, an empty or a tagged collection: as if it were a value at the top.
            let mut value = String::new();
            write_value(&mut value, other, 0, true);
            out.push_str(value.strip_prefix(' ').unwrap_or(&value));
        }
    }
    out
}

fn indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

/// The entries of a mapping, each at `at`; with `inline_first` the first line's indentation is
/// already written (after `- `).
fn write_map(out: &mut String, entries: &[(Scalar, Node)], at: usize, mut inline_first: bool) {
    for (key, value) in entries {
        if !inline_first {
            indent(out, at);
        }
        inline_first = false;
        let key_text = inline_scalar(key);
        if key_text.len() <= 1000 {
            out.push_str(&key_text);
        } else {
            // An implicit key is at most 1024 characters long: use an explicit one.
            out.push_str("? ");
            out.push_str(&key_text);
            out.push('\n');
            indent(out, at);
        }
        out.push(':');
        write_value(out, value, at, true);
    }
}

fn write_seq(out: &mut String, items: &[Node], at: usize, mut inline_first: bool) {
    for item in items {
        if !inline_first {
            indent(out, at);
        }
        inline_first = false;
        out.push('-');
        match item {
            Node::Map(m) if m.tag.is_none() && !m.entries.is_empty() => {
                out.push(' ');
                write_map(out, &m.entries, at + 2, true);
            }
            Node::Seq(s) if s.tag.is_none() && !s.items.is_empty() => {
                out.push(' ');
                write_seq(out, &s.items, at + 2, true);
            }
            other => write_value(out, other, at, false),
        }
    }
}

/// A value after `key:` or `-` (the parent is at column `at`), through its final newline.
fn write_value(out: &mut String, value: &Node, at: usize, in_map: bool) {
    let tag = |out: &mut String, tag: &Option<String>| {
        if let Some(t) = tag {
            out.push(' ');
            out.push_str(t);
        }
    };
    match value {
        Node::Scalar(s) => {
            if let Some(block) = literal_block(s, at + 2) {
                tag(out, &s.tag);
                out.push(' ');
                out.push_str(&block);
            } else {
                let text = inline_scalar(s);
                if !text.is_empty() {
                    out.push(' ');
                    out.push_str(&text);
                }
                out.push('\n');
            }
        }
        Node::Map(m) if m.entries.is_empty() => {
            tag(out, &m.tag);
            out.push_str(" {}\n");
        }
        Node::Seq(s) if s.items.is_empty() => {
            tag(out, &s.tag);
            out.push_str(" []\n");
        }
        Node::Map(m) => {
            tag(out, &m.tag);
            out.push('\n');
            write_map(out, &m.entries, at + 2, false);
        }
        Node::Seq(s) => {
            tag(out, &s.tag);
            out.push('\n');
            // Under a key, a list sits at the key's indentation (kubectl's layout), unless a
            // tag stands before it.
            let items_at = if in_map && s.tag.is_none() { at } else { at + 2 };
            write_seq(out, &s.items, items_at, false);
        }
    }
}

/// A scalar on one line, with its tag: plain as written when it can stay plain, single-quoted
/// as written when it can, else double-quoted with escapes.
fn inline_scalar(s: &Scalar) -> String {
    let body = match s.style {
        // A plain scalar read from the file is valid plain text on one line, unless line folding
        // put a line break in it (a blank line inside a multi-line plain scalar).
        Style::Plain if !s.text.contains('\n') => s.text.clone(),
        Style::SingleQuoted if s.text.chars().all(|c| c == '\t' || printable(c)) => {
            format!("'{}'", s.text.replace('\'', "''"))
        }
        _ => double_quoted(&s.text),
    };
    match &s.tag {
        Some(t) if body.is_empty() => t.clone(),
        Some(t) => format!("{t} {body}"),
        None => body,
    }
}

/// A literal block scalar (`|`, `|-` or `|+` and the lines, indented to `at`), for a scalar
/// written as a block in the file, when its text can be one.
fn literal_block(s: &Scalar, at: usize) -> Option<String> {
    if !matches!(s.style, Style::Literal | Style::Folded) {
        return None;
    }
    let text = &s.text;
    let fits = !text.is_empty()
        && !text.starts_with([' ', '\t', '\n'])
        && text.chars().all(|c| {
            c == '\n' || c == '\t' || (printable(c) && !matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}'))
        });
    if !fits {
        return None;
    }
    let (chomp, body) = match text.strip_suffix('\n') {
        None => ("-", text.as_str()),
        Some(body) if body.ends_with('\n') => ("+", body),
        Some(body) => ("", body),
    };
    let mut out = format!("|{chomp}\n");
    for line in body.split('\n') {
        if !line.is_empty() {
            indent(&mut out, at);
            out.push_str(line);
        }
        out.push('\n');
    }
    Some(out)
}

/// YAML's printable characters, less the byte order mark.
fn printable(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7e}' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        && c != '\u{feff}'
}

fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if printable(c) && c != '\u{85}' => out.push(c),
            c if u32::from(c) <= 0xff => out.push_str(&format!("\\x{:02X}", u32::from(c))),
            c if u32::from(c) <= 0xffff => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push_str(&format!("\\U{:08X}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

/// Whether a new string may be written plain and still read back as that string by YAML 1.2
/// and YAML 1.1 readers (kubectl's is 1.1: `yes`, `on`, `1_000` are not strings there).
fn plain_string_ok(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return false };
    let second = chars.next();
    let safe_chars = s.chars().all(|c| c.is_ascii_graphic() || c == ' ')
        && !s.contains(['{', '}', '[', ']', ',', '"', '\'', '`', '\\'])
        && !s.contains(": ")
        && !s.contains(" #");
    let safe_start = match first {
        '-' => second.is_some_and(|c| c == '-' || c.is_ascii_alphabetic()),
        c => c.is_ascii_alphabetic() || c == '_' || c == '/',
    };
    let word = s.to_ascii_lowercase();
    safe_chars
        && safe_start
        && !s.ends_with([' ', ':'])
        && !matches!(word.as_str(), "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false" | "null")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        write(&parse(text).unwrap().unwrap())
    }

    #[test]
    fn scalars_are_written_as_they_were() {
        let text = "\
big: 123456789012345678901234567890
float: 1.0
hex: 0x1F
octal: 0o17
quoted: '42'
double: \"42\"
tilde: ~
null-word: null
empty:
exp: 1e3
inf: -.inf
yes-word: yes
tagged: !!str 7
custom: !thing x
";
        assert_eq!(round_trip(text), text);
        let n = parse(text).unwrap().unwrap();
        assert_eq!(n.get("big").unwrap().kind(), "a number");
        assert_eq!(n.get("quoted").unwrap().as_str(), Some("42"));
        assert_eq!(n.get("tagged").unwrap().as_str(), Some("7"));
        assert!(n.get("tilde").unwrap().is_null() && n.get("empty").unwrap().is_null());
        assert_eq!(n.get("yes-word").unwrap().as_str(), Some("yes"), "YAML 1.2: a string");
    }

    #[test]
    fn structure_is_written_in_block_style_with_the_same_data() {
        let text = "a: {b: [1, 'two', {c: d}], e: []}\nf:\n- - x\n  - y\n- {}\ng: |\n  line one\n   indented\n\n  last\nh: >-\n  folded\n  text\n";
        let out = round_trip(text);
        assert_eq!(
            out,
            "a:\n  b:\n  - 1\n  - 'two'\n  - c: d\n  e: []\nf:\n- - x\n  - y\n- {}\ng: |\n  line one\n   indented\n\n  last\nh: |-\n  folded text\n"
        );
        assert!(parse(&out).unwrap().unwrap().same_data(&parse(text).unwrap().unwrap()));
    }

    #[test]
    fn awkward_strings_read_back_the_same() {
        for s in [
            "",
            " lead",
            "trail ",
            "a: b",
            "a #b",
            "- x",
            "--flag",
            "yes",
            "No",
            "1.30",
            "0x1F",
            "~",
            "null",
            "é",
            "tab\there",
            "line\nbreak",
            "quote\"s",
            "back\\slash",
            "\u{7}bell",
            "\u{feff}bom",
            "\u{1F600}",
            "[x]",
            "{x}",
            "*alias",
            "&anchor",
            "!tag",
            "%",
            "@at",
            "`tick`",
            "key:",
            ": x",
            "? x",
            "#c",
            "https://ABC.gr7.us-west-2.eks.amazonaws.com",
            "arn:aws:iam::1:role/r",
            "alice@demo.us-west-2.eksup.io",
        ] {
            let mut m = Map::default();
            m.insert(s, Node::string(s));
            let text = write(&Node::Map(m.clone()));
            let back = parse(&text).unwrap().unwrap();
            assert!(back.same_data(&Node::Map(m)), "{s:?} -> {text:?} -> {back:?}");
        }
        assert_eq!(
            write(&Node::from_json(
                &serde_json::json!({"k": ["get-token", "--region", "us-west-2", false, 1]})
            )),
            "k:\n- get-token\n- --region\n- us-west-2\n- false\n- 1\n"
        );
    }

    #[test]
    fn every_shape_reads_back_the_same() {
        let long_key = "k".repeat(1500);
        for text in [
            "t: !set {a: 1}\nu: !list [x]\nv: !e {}\nw: !e []\n",
            "- !m {a: 1}\n- !s [1, 2]\n- - - deep\n- {}\n- []\n-\n- ~\n",
            "keep: |+\n  a\n\n\nstrip: |-\n  a\n   b\nclip: |\n  a\nfolded: >\n  a\n  b\n\n  c\nlast: x\n",
            "- |\n  in a list\n- key: |-\n    in a map in a list\n",
            "plain: a\n  b\n\n  c\nsingle: 'it''s'\ndouble: \"tab\\there\\u0007\\x85\"\nuni: \"\u{1F600} é\"\n",
            &format!("? {long_key}\n: value\nshort: 1\n"),
            "--- !root\na: 1\n",
            "!!str top\n",
            "[a, {b: c}]\n",
            "a: {b: {c: {d: [e, [f, {g: h}]]}}}\n",
            "\"quoted key\": 1\n'single key': 2\n? |\n  block key\n: 3\n",
        ] {
            let first = parse(text).unwrap().unwrap();
            let out = write(&first);
            let back = parse(&out).unwrap_or_else(|e| panic!("{text:?} -> {out:?}: {e:?}")).unwrap();
            assert!(back.same_data(&first), "{text:?} -> {out:?}\n{first:?}\n{back:?}");
            assert_eq!(write(&back), out, "writing is stable");
        }
    }

    #[test]
    fn errors_and_limits() {
        let e = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (3, "duplicate key `a`"));
        assert!(parse("? [a]\n: b\n").unwrap_err().message.contains("scalar"));
        assert!(parse("a: 1\n---\nb: 2\n").unwrap_err().message.contains("more than one"));
        assert!(parse(&"[".repeat(200)).is_err());
        assert_eq!(parse("").unwrap(), None);
        let n = parse("a: &x {k: v}\nb: *x\n").unwrap().unwrap();
        assert_eq!(n.get("b").unwrap().get("k").unwrap().as_str(), Some("v"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Any string, as a key and as a value, new or read from a quoted scalar, reads back as
        /// the same string.
        #[test]
        fn any_string_reads_back(s in proptest::prelude::any::<String>()) {
            let mut m = Map::default();
            m.insert(&s, Node::string(&s));
            m.insert("list", Node::Seq(Seq { items: vec![Node::string(&s)], tag: None }));
            let text = write(&Node::Map(m.clone()));
            let back = parse(&text).map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{text:?}: {e:?}")))?;
            proptest::prop_assert!(back.is_some_and(|b| b.same_data(&Node::Map(m))), "{:?}", text);
        }
    }

    #[test]
    fn numbers_by_the_core_schema() {
        for n in
            ["0", "-1", "+1", "1.5", "1.", ".5", "1e3", "1.0E-3", "0x1F", "0o17", ".inf", "-.Inf", ".nan"]
        {
            assert!(is_number(n), "{n}");
        }
        for s in ["1_000", "0b101", "1:20", "1.2.3", "e3", ".", "-", "0x", "1e", "0xG"] {
            assert!(!is_number(s), "{s}");
        }
    }
}
