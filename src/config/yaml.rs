//! YAML to a tree that remembers where every node came from (line and column), so that every
//! problem found later can point at the user's file.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use granit_parser::{Event, Parser, ScalarStyle, Span};

/// A position in the source, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Loc {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// A string; `plain` is whether it was written without quotes (so `1.30` can be read back as
    /// text where a string is expected).
    Str {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    /// Keys keep their own location.
    Map(Vec<(String, Loc, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub loc: Loc,
    /// The source text of a plain scalar (`1.30`, `yes`), to read it as a string when the schema
    /// wants one.
    pub raw: Option<String>,
}

impl Node {
    pub fn kind(&self) -> &'static str {
        match &self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Str { .. } => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|(k, _, _)| k == key).map(|(_, _, n)| n),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str { text, .. } => Some(text),
            _ => None,
        }
    }
}

/// A YAML syntax error with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub loc: Loc,
}

/// Documents deeper than this are refused (no stack exhaustion on hostile input).
const MAX_DEPTH: usize = 128;
/// Alias expansions allowed in one document (no "billion laughs").
const MAX_ALIAS_NODES: usize = 10_000;

fn loc(span: &Span) -> Loc {
    Loc { line: span.start.line(), column: span.start.col() + 1 }
}

/// Parse the first YAML document of `source`. An empty document is `Null`.
pub fn parse(source: &str) -> Result<Node, SyntaxError> {
    // The tree has no use for comments; emitting them would also make granit-parser buffer them
    // while it looks ahead, and refuse more than 96 in a row.
    let mut parser =
        Parser::new_from_str_with_options(source, granit_parser::options! { emit_comments: false });
    let mut builder = Builder::default();
    let mut docs = 0;
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| SyntaxError {
            message: e.info().to_string(),
            loc: Loc { line: e.marker().line(), column: e.marker().col() + 1 },
        })?;
        match event {
            Event::StreamStart | Event::StreamEnd => {}
            Event::DocumentStart(..) => {
                docs += 1;
                if docs > 1 {
                    return Err(SyntaxError {
                        message: "more than one YAML document: give one ClusterConfig per file".into(),
                        loc: loc(&span),
                    });
                }
            }
            Event::DocumentEnd => {}
            other => builder.event(other, &span)?,
        }
    }
    Ok(builder.root.unwrap_or(Node { value: Value::Null, loc: Loc { line: 1, column: 1 }, raw: None }))
}

enum Frame {
    Seq(Vec<Node>, Loc, usize),
    /// Entries, their keys (for the duplicate check), a pending key, the mapping's location and
    /// anchor.
    Map(Vec<(String, Loc, Node)>, HashSet<Key>, Option<(String, Loc)>, Loc, usize),
}

/// A mapping key in the duplicate check: hashed, so that a mapping of n keys costs O(n) key
/// comparisons, not O(n²) (32k keys took 8 s when each key was compared with every earlier one).
struct Key(String);

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        #[cfg(test)]
        tests::count_key_comparison();
        self.0 == other.0
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    root: Option<Node>,
    anchors: HashMap<usize, Node>,
    alias_nodes: usize,
}

fn count(node: &Node) -> usize {
    match &node.value {
        Value::Seq(items) => 1 + items.iter().map(count).sum::<usize>(),
        Value::Map(entries) => 1 + entries.iter().map(|(_, _, n)| count(n)).sum::<usize>(),
        _ => 1,
    }
}

impl Builder {
    fn event(&mut self, event: Event<'_>, span: &Span) -> Result<(), SyntaxError> {
        let here = loc(span);
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                let node = scalar(&text, style, tag.is_some(), here);
                if anchor > 0 {
                    self.anchors.insert(anchor, node.clone());
                }
                self.push(node)
            }
            Event::SequenceStart(_, anchor, _) => self.open(Frame::Seq(Vec::new(), here, anchor), here),
            Event::MappingStart(_, anchor, _) => {
                self.open(Frame::Map(Vec::new(), HashSet::new(), None, here, anchor), here)
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor) = match self.stack.pop() {
                    Some(Frame::Seq(items, l, a)) => {
                        (Node { value: Value::Seq(items), loc: l, raw: None }, a)
                    }
                    Some(Frame::Map(entries, _, _, l, a)) => {
                        (Node { value: Value::Map(entries), loc: l, raw: None }, a)
                    }
                    None => {
                        return Err(SyntaxError { message: "unbalanced YAML structure".into(), loc: here });
                    }
                };
                if anchor > 0 {
                    self.anchors.insert(anchor, node.clone());
                }
                self.push(node)
            }
            Event::Alias(id) => {
                let Some(mut node) = self.anchors.get(&id).cloned() else {
                    return Err(SyntaxError { message: "unknown alias".into(), loc: here });
                };
                self.alias_nodes += count(&node);
                if self.alias_nodes > MAX_ALIAS_NODES {
                    return Err(SyntaxError { message: "too many alias expansions".into(), loc: here });
                }
                node.loc = here;
                self.push(node)
            }
            _ => Ok(()),
        }
    }

    fn open(&mut self, frame: Frame, here: Loc) -> Result<(), SyntaxError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(SyntaxError { message: format!("nested deeper than {MAX_DEPTH} levels"), loc: here });
        }
        self.stack.push(frame);
        Ok(())
    }

    fn push(&mut self, node: Node) -> Result<(), SyntaxError> {
        match self.stack.last_mut() {
            None => {
                self.root = Some(node);
                Ok(())
            }
            Some(Frame::Seq(items, _, _)) => {
                items.push(node);
                Ok(())
            }
            Some(Frame::Map(entries, keys, pending, _, _)) => match pending.take() {
                None => {
                    let key = match &node.value {
                        Value::Str { text, .. } => text.clone(),
                        Value::Null => String::new(),
                        _ => match &node.raw {
                            Some(raw) => raw.clone(),
                            None => {
                                return Err(SyntaxError {
                                    message: "a mapping key must be a plain value".into(),
                                    loc: node.loc,
                                });
                            }
                        },
                    };
                    if key == "<<" {
                        return Err(SyntaxError {
                            message: "merge keys (`<<`) are not supported".into(),
                            loc: node.loc,
                        });
                    }
                    if !keys.insert(Key(key.clone())) {
                        return Err(SyntaxError { message: format!("duplicate key `{key}`"), loc: node.loc });
                    }
                    *pending = Some((key, node.loc));
                    Ok(())
                }
                Some((key, key_loc)) => {
                    entries.push((key, key_loc, node));
                    Ok(())
                }
            },
        }
    }
}

/// Resolve a scalar with the YAML 1.2 core schema.
fn scalar(text: &str, style: ScalarStyle, tagged: bool, loc: Loc) -> Node {
    if style != ScalarStyle::Plain || tagged {
        return Node { value: Value::Str { text: text.to_string(), plain: false }, loc, raw: None };
    }
    let raw = Some(text.to_string());
    let value = match text {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ => {
            if let Ok(i) = text.parse::<i64>() {
                Value::Int(i)
            } else if looks_like_float(text) {
                text.parse::<f64>()
                    .map_or_else(|_| Value::Str { text: text.to_string(), plain: true }, Value::Float)
            } else {
                Value::Str { text: text.to_string(), plain: true }
            }
        }
    };
    Node { value, loc, raw }
}

fn looks_like_float(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    !s.is_empty()
        && s.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+'))
        && s.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '.')
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    thread_local! {
        static KEY_COMPARISONS: Cell<usize> = const { Cell::new(0) };
    }

    /// Called by the duplicate-key check for every comparison of two keys.
    pub(super) fn count_key_comparison() {
        KEY_COMPARISONS.with(|c| c.set(c.get() + 1));
    }

    fn key_comparisons(source: &str) -> usize {
        KEY_COMPARISONS.with(|c| c.set(0));
        parse(source).unwrap();
        KEY_COMPARISONS.with(Cell::get)
    }

    #[test]
    fn duplicate_key_check_is_linear_in_the_number_of_keys() {
        // A quadratic check compares each key with every earlier one: 8k keys cost 32 million
        // comparisons, 32k keys half a billion. A hashed check compares a key only with the
        // few that share its hash.
        let keys = |n: usize| (0..n).map(|i| format!("key-{i}: {i}\n")).collect::<String>();
        // (The exact count depends on the hasher's random seed: hashbrown compares a key with
        // those whose 7-bit tag matches, so it varies from run to run; a bound of one comparison
        // per key holds for every seed, where a quadratic check needs n²/2.)
        for n in [2_000, 8_000] {
            let comparisons = key_comparisons(&keys(n));
            assert!(comparisons <= n, "{comparisons} comparisons for {n} keys");
        }
        // Nested mappings are checked each on their own, with the same cost.
        let nested =
            format!("tags:\n{}", keys(8_000).lines().map(|l| format!("  {l}\n")).collect::<String>());
        assert!(key_comparisons(&nested) <= 8_000);
        // and duplicates are still found, wherever they are
        let e = parse(&format!("{}key-17: again\n", keys(8_000))).unwrap_err();
        assert_eq!((e.loc.line, e.message.as_str()), (8_001, "duplicate key `key-17`"));
    }

    #[test]
    fn long_runs_of_comments_are_fine() {
        // granit-parser buffers comment events (96 at most) while it looks ahead; the tree has
        // no use for comments, so they are not emitted at all.
        let comments: String = (0..300).map(|i| format!("# comment {i}\n")).collect();
        let n = parse(&format!("items:\n{comments}  - a\n{comments}  - b\n{comments}")).unwrap();
        assert!(matches!(&n.get("items").unwrap().value, Value::Seq(items) if items.len() == 2));
    }

    #[test]
    fn remembers_locations_and_raw_text() {
        let n = parse("a:\n  b: 1.30\n  c: [x, 'y']\n").unwrap();
        let b = n.get("a").unwrap().get("b").unwrap();
        assert_eq!(b.loc, Loc { line: 2, column: 6 });
        assert_eq!(b.raw.as_deref(), Some("1.30"));
        assert!(matches!(b.value, Value::Float(_)));
        let c = n.get("a").unwrap().get("c").unwrap();
        assert!(matches!(&c.value, Value::Seq(items) if items.len() == 2));
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let e = parse("a: 1\na: 2\n").unwrap_err();
        assert_eq!(e.loc.line, 2);
        assert!(e.message.contains("duplicate key `a`"));
    }

    #[test]
    fn syntax_errors_have_positions() {
        let e = parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(e.loc.line >= 1, "{e:?}");
    }

    #[test]
    fn aliases_expand_but_are_bounded() {
        let n = parse("a: &x {k: v}\nb: *x\n").unwrap();
        assert_eq!(n.get("b").unwrap().get("k").unwrap().as_str(), Some("v"));
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..8 {
            let prev = i - 1;
            bomb.push_str(&format!("a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"));
        }
        assert!(parse(&bomb).unwrap_err().message.contains("alias"));
    }

    #[test]
    fn empty_is_null() {
        assert_eq!(parse("").unwrap().value, Value::Null);
        assert_eq!(parse("# only a comment\n").unwrap().value, Value::Null);
    }
}
