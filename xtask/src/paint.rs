//! The first paint: what the loader draws the moment it runs, before the
//! wasm has arrived.
//!
//! The component renders itself natively with Leptos's server-side rendering
//! (`src/bin/prerender.rs`, the `ssr` feature) for every state a widget can
//! start in: each language, view and first card. The markup is parsed here
//! with html5ever, as a browser would parse it, and encoded for the loader,
//! which builds the view in the shadow root with DOM methods only
//! (`createElement`, `textContent`, `setAttribute`: no HTML parser, so strict
//! CSP and Trusted Types hold). The wasm then hydrates that very DOM.
//!
//! The encoding (read by `paint()` in `www/loader.js`):
//!
//! - `t`, the tree: one node, in integer tokens. `0 ref` is a text node, `1`
//!   an empty comment (Leptos's marker between two texts), `2 n len
//!   template[len] delta[len]` stands for `n` siblings, the i-th being
//!   `template + i × delta` (the 17 cards, the pager's 17 buttons), and
//!   `3 + tag` an element: an attribute count, `name ref` pairs, a count of
//!   children, the children.
//! - A `ref` is a line of the language's text file (below `w`), a literal
//!   of `l` (below `w + l.length`), or else a pattern: a value that depends
//!   on the state. Pattern `p` takes, in state `s`, the value
//!   `v[p][p_codes.charCodeAt(p × states + s) − 97]`, a ref of the first two
//!   kinds, or −1 for an attribute that is absent in that state.
//! - A state is `(lang × views.length + view) × 17 + card − 1`, the
//!   languages being `vi`, `en`.
//!
//! The build decodes every state again and requires the very tree it
//! parsed, so the loader's view is the component's own markup, or the build
//! fails. The theme is not a state: it is one attribute of the root, which
//! the loader sets (and the build checks that it is the only difference).

use std::collections::HashMap;

use html5ever::tendril::TendrilSink;
use html5ever::{local_name, ns, parse_fragment, ParseOpts, QualName};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use crate::files::path_str;
use crate::{root, Result};
use cds17_content::LANGS;

/// The views the loader paints, in the order it numbers them.
const VIEWS: [&str; 2] = ["deck", "grid"];
const CARDS: usize = 17;
const STATES: usize = LANGS.len() * VIEWS.len() * CARDS;

const TEXT: i64 = 0;
const COMMENT: i64 = 1;
const REPEAT: i64 = 2;
const ELEMENT: i64 = 3;

/// A parsed node of the rendered markup. SVG elements' tags carry `svg:`.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Node {
    Element {
        tag: String,
        attributes: Vec<(String, String)>,
        children: Vec<Node>,
    },
    Text(String),
    Comment,
}

/// One rendered state.
struct Render {
    state: [String; 4],
    tree: Node,
}

/// Renders the widget natively and encodes every state for the loader:
/// a JavaScript object literal. `texts` are each language's text file, as
/// build.rs wrote it, in the order of [`LANGS`].
pub fn encode_for_loader(texts: [&str; 2]) -> Result<String> {
    let renders = prerender()?;
    let lines = texts.map(|text| text.split('\n').map(String::from).collect());
    let encoded = encode(&renders, &lines)?;
    Ok(encoded.to_json())
}

/// Runs `cds17-prerender`: a native build of the crate with `ssr`, in a
/// target directory of its own, so it never rebuilds what the tests built.
fn prerender() -> Result<Vec<Render>> {
    let target = root().join("target").join("prerender");
    let args = [
        "run",
        "--quiet",
        "--package",
        "cds17",
        "--bin",
        "cds17-prerender",
        "--no-default-features",
        "--features",
        "ssr,bundled-text",
        "--target-dir",
        &path_str(&target),
    ];
    println!("$ cargo {}", args.join(" "));
    let output = std::process::Command::new("cargo")
        .args(args)
        .current_dir(root())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("could not start cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!("the prerender failed ({})", output.status));
    }
    let text = String::from_utf8(output.stdout).map_err(|e| format!("the prerender: {e}"))?;
    // Kept for tests/e2e/paint.spec.ts, which compares the loader's first
    // paint with this markup as the browser parses it.
    crate::files::write(
        &root().join("target").join("cds17-dist").join("prerender.txt"),
        text.as_bytes(),
    )?;
    read_renders(&text)
}

/// The prerender's lines: `<lang> <view> <card> <theme>`, a tab, the HTML.
fn read_renders(text: &str) -> Result<Vec<Render>> {
    text.lines()
        .map(|line| {
            let (state, html) = line
                .split_once('\t')
                .ok_or("the prerender wrote a line without a tab")?;
            let state: Vec<String> = state.split(' ').map(String::from).collect();
            let state: [String; 4] = state
                .try_into()
                .map_err(|_| "the prerender wrote a state that is not lang view card theme")?;
            Ok(Render {
                state,
                tree: parse(html)?,
            })
        })
        .collect()
}

/// The one element `html` holds, as a browser parses it inside a `<div>`.
fn parse(html: &str) -> Result<Node> {
    let context = QualName::new(None, ns!(html), local_name!("div"));
    let dom = parse_fragment(RcDom::default(), ParseOpts::default(), context, vec![], false).one(html);
    // Leptos separates two texts with `<!>`, which HTML reads as an empty
    // comment while calling it a parse error; any other error is ours.
    let errors = dom.errors.borrow();
    if let Some(error) = errors
        .iter()
        .find(|error| !error.contains("MarkupDeclarationOpen"))
    {
        return Err(format!("the prerendered markup does not parse cleanly: {error}"));
    }
    // The fragment parser puts what it parsed in an <html> element.
    let html_element = dom
        .document
        .children
        .borrow()
        .first()
        .cloned()
        .ok_or("nothing parsed")?;
    let nodes = convert_children(&html_element)?;
    match <[Node; 1]>::try_from(nodes) {
        Ok([node]) => Ok(node),
        Err(nodes) => Err(format!(
            "the prerender gave {} top-level nodes, not one",
            nodes.len()
        )),
    }
}

fn convert_children(handle: &Handle) -> Result<Vec<Node>> {
    handle.children.borrow().iter().map(convert).collect()
}

fn convert(handle: &Handle) -> Result<Node> {
    match &handle.data {
        NodeData::Text { contents } => Ok(Node::Text(contents.borrow().to_string())),
        NodeData::Comment { contents } if contents.is_empty() => Ok(Node::Comment),
        NodeData::Comment { contents } => Err(format!(
            "the prerender holds a comment with text (<!--{contents}-->); the loader paints only empty ones"
        )),
        NodeData::Element { name, attrs, .. } => {
            let tag = if name.ns == ns!(svg) {
                format!("svg:{}", name.local)
            } else if name.ns == ns!(html) {
                name.local.to_string()
            } else {
                return Err(format!("<{}> is neither HTML nor SVG", name.local));
            };
            let attributes = attrs
                .borrow()
                .iter()
                .map(|attribute| (attribute.name.local.to_string(), attribute.value.to_string()))
                .collect();
            Ok(Node::Element {
                tag,
                attributes,
                children: convert_children(handle)?,
            })
        }
        _ => Err("the prerender holds a node that is not an element, text or comment".into()),
    }
}

/// What a value is, in one state.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Symbol {
    /// A line of the state's language.
    Line(usize),
    Literal(String),
    /// An attribute the element does not have in that state.
    Absent,
}

/// A token that is a value: resolved once every literal is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    Plain(i64),
    Literal(usize),
    Pattern(usize),
}

struct Encoded {
    tokens: Vec<i64>,
    literals: Vec<String>,
    tags: Vec<String>,
    names: Vec<String>,
    /// Per pattern, its values (refs, or −1 for absent).
    pattern_values: Vec<Vec<i64>>,
    /// Per pattern, a letter per state.
    pattern_codes: String,
    lines: usize,
}

impl Encoded {
    fn to_json(&self) -> String {
        serde_json::json!({
            "t": self.tokens,
            "l": self.literals,
            "g": self.tags,
            "n": self.names,
            "v": self.pattern_values,
            "p": self.pattern_codes,
            "w": self.lines,
            "views": VIEWS,
        })
        .to_string()
    }
}

fn state_index(lang: &str, view: &str, card: &str) -> Option<usize> {
    let lang = LANGS.iter().position(|l| *l == lang)?;
    let view = VIEWS.iter().position(|v| *v == view)?;
    let card: usize = card.parse().ok().filter(|card| (1..=CARDS).contains(card))?;
    Some((lang * VIEWS.len() + view) * CARDS + card - 1)
}

struct Encoder<'a> {
    /// Every state's tree, in state order.
    states: Vec<&'a Node>,
    lines: &'a [Vec<String>; 2],
    literals: Vec<String>,
    literal_index: HashMap<String, usize>,
    tags: Vec<String>,
    names: Vec<String>,
    patterns: Vec<Vec<Symbol>>,
}

fn encode(renders: &[Render], lines: &[Vec<String>; 2]) -> Result<Encoded> {
    let line_count = lines[0].len();
    if lines[1].len() != line_count {
        return Err("the two text files have different numbers of lines".into());
    }
    let mut states: Vec<Option<&Node>> = vec![None; STATES];
    let mut themed = None;
    for render in renders {
        let [lang, view, card, theme] = &render.state;
        let index =
            state_index(lang, view, card).ok_or_else(|| format!("unknown state {:?}", render.state))?;
        if theme == "light" {
            states[index] = Some(&render.tree);
        } else {
            themed = Some((index, theme, &render.tree));
        }
    }
    let states: Vec<&Node> = states
        .into_iter()
        .collect::<Option<_>>()
        .ok_or("the prerender left out a state")?;
    if let Some((index, theme, tree)) = themed {
        check_theme_is_one_attribute(states[index], tree, theme)?;
    }

    let mut encoder = Encoder {
        states,
        lines,
        literals: Vec::new(),
        literal_index: HashMap::new(),
        tags: Vec::new(),
        names: Vec::new(),
        patterns: Vec::new(),
    };
    // The card numbers first, in order: the cards' and the pager's
    // siblings then differ by one literal at a time, and repeat.
    for number in 1..=CARDS {
        encoder.literal(&number.to_string());
    }
    let raw = encoder.node(&Vec::new())?;
    // Every literal is known once the patterns' values are in.
    let patterns = std::mem::take(&mut encoder.patterns);
    let mut pattern_tokens = Vec::new();
    let mut pattern_codes = String::new();
    for symbols in &patterns {
        let mut values: Vec<&Symbol> = Vec::new();
        for symbol in symbols {
            let code = values
                .iter()
                .position(|value| *value == symbol)
                .unwrap_or_else(|| {
                    values.push(symbol);
                    values.len() - 1
                });
            let letter = u8::try_from(code)
                .ok()
                .filter(|code| *code < 26)
                .ok_or("a value with over 26 forms")?;
            pattern_codes.push(char::from(b'a' + letter));
        }
        pattern_tokens.push(
            values
                .iter()
                .map(|symbol| encoder.value_ref(symbol))
                .collect::<Vec<_>>(),
        );
    }

    let literal_base = line_count as i64;
    let pattern_base = literal_base + encoder.literals.len() as i64;
    let resolve = |token: Token| match token {
        Token::Plain(value) => value,
        Token::Literal(index) => literal_base + index as i64,
        Token::Pattern(index) => pattern_base + index as i64,
    };
    let encoded = Encoded {
        tokens: flatten(&raw).into_iter().map(resolve).collect(),
        literals: encoder.literals,
        tags: encoder.tags,
        names: encoder.names,
        pattern_values: pattern_tokens
            .into_iter()
            .map(|values| {
                values
                    .into_iter()
                    .map(|token| token.map_or(-1, resolve))
                    .collect()
            })
            .collect(),
        pattern_codes,
        lines: line_count,
    };
    for (state, tree) in encoder.states.iter().enumerate() {
        let decoded = Decoder {
            encoded: &encoded,
            lines: &lines[Encoder::lang_of(state)],
            state,
        }
        .tree()?;
        if let Some(difference) = first_difference(&decoded, tree) {
            return Err(format!(
                "the encoded first paint of state {state} does not give back the prerendered markup: {difference}"
            ));
        }
    }
    Ok(encoded)
}

/// A node's place: the child index at each level from the root.
type Path = Vec<usize>;

fn at<'n>(tree: &'n Node, path: &[usize]) -> Option<&'n Node> {
    path.iter().try_fold(tree, |node, index| match node {
        Node::Element { children, .. } => children.get(*index),
        _ => None,
    })
}

/// A node's tokens before repeats are found, its children apart.
struct Raw {
    head: Vec<Token>,
    /// `None` for a text or a comment.
    children: Option<Vec<Raw>>,
}

impl Encoder<'_> {
    fn literal(&mut self, text: &str) -> usize {
        if let Some(index) = self.literal_index.get(text) {
            return *index;
        }
        self.literals.push(text.to_string());
        self.literal_index
            .insert(text.to_string(), self.literals.len() - 1);
        self.literals.len() - 1
    }

    fn index_in(list: &mut Vec<String>, item: &str) -> i64 {
        let index = list.iter().position(|x| x == item).unwrap_or_else(|| {
            list.push(item.to_string());
            list.len() - 1
        });
        index as i64
    }

    /// The token of a value that is the same kind in every state, or `None`
    /// for [`Symbol::Absent`].
    fn value_ref(&mut self, symbol: &Symbol) -> Option<Token> {
        match symbol {
            Symbol::Line(line) => Some(Token::Plain(*line as i64)),
            Symbol::Literal(text) => Some(Token::Literal(self.literal(text))),
            Symbol::Absent => None,
        }
    }

    fn lang_of(state: usize) -> usize {
        state / (VIEWS.len() * CARDS)
    }

    /// The token of a slot whose value in each state is `values[state]`.
    fn slot(&mut self, values: &[Option<&str>]) -> Token {
        // One line in every state, in its own language: a plain line.
        let mut common: Option<Vec<usize>> = None;
        for (state, value) in values.iter().enumerate() {
            let lines = &self.lines[Self::lang_of(state)];
            let here: Vec<usize> = match value {
                Some(value) => lines
                    .iter()
                    .enumerate()
                    .filter(|(_, line)| line == value)
                    .map(|(i, _)| i)
                    .collect(),
                None => Vec::new(),
            };
            common = Some(match common {
                None => here,
                Some(previous) => previous.into_iter().filter(|line| here.contains(line)).collect(),
            });
        }
        if let Some(&line) = common.as_ref().and_then(|lines| lines.first()) {
            return Token::Plain(line as i64);
        }
        if let (Some(Some(first)), true) = (values.first(), values.windows(2).all(|pair| pair[0] == pair[1]))
        {
            return Token::Literal(self.literal(first));
        }
        let symbols = values
            .iter()
            .enumerate()
            .map(|(state, value)| match value {
                None => Symbol::Absent,
                Some(value) => match self.lines[Self::lang_of(state)]
                    .iter()
                    .position(|line| line == value)
                {
                    Some(line) => Symbol::Line(line),
                    None => Symbol::Literal(value.to_string()),
                },
            })
            .collect();
        self.patterns.push(symbols);
        Token::Pattern(self.patterns.len() - 1)
    }

    fn node(&mut self, path: &Path) -> Result<Raw> {
        let nodes: Vec<&Node> = self
            .states
            .iter()
            .map(|tree| at(tree, path).ok_or_else(|| "the states differ in shape".to_string()))
            .collect::<Result<_>>()?;
        match nodes[0] {
            Node::Comment => {
                if nodes.iter().any(|node| **node != Node::Comment) {
                    return Err(format!("the states differ in shape at {path:?}"));
                }
                Ok(Raw {
                    head: vec![Token::Plain(COMMENT)],
                    children: None,
                })
            }
            Node::Text(_) => {
                let values = nodes
                    .iter()
                    .map(|node| match node {
                        Node::Text(text) => Ok(Some(text.as_str())),
                        _ => Err(format!("the states differ in shape at {path:?}")),
                    })
                    .collect::<Result<Vec<_>>>()?;
                Ok(Raw {
                    head: vec![Token::Plain(TEXT), self.slot(&values)],
                    children: None,
                })
            }
            Node::Element { tag, children, .. } => {
                // Every attribute any state has, in the order they come.
                let mut names: Vec<&str> = Vec::new();
                for node in &nodes {
                    let Node::Element {
                        tag: other,
                        attributes,
                        children: other_children,
                    } = node
                    else {
                        return Err(format!("the states differ in shape at {path:?}"));
                    };
                    if other != tag || other_children.len() != children.len() {
                        return Err(format!("the states differ in shape at {path:?}"));
                    }
                    for (name, _) in attributes {
                        if !names.contains(&name.as_str()) {
                            names.push(name);
                        }
                    }
                }
                let mut head = vec![
                    Token::Plain(ELEMENT + Self::index_in(&mut self.tags, tag)),
                    Token::Plain(names.len() as i64),
                ];
                for name in names {
                    let values: Vec<Option<&str>> = nodes
                        .iter()
                        .map(|node| match node {
                            Node::Element { attributes, .. } => attributes
                                .iter()
                                .find(|(n, _)| n == name)
                                .map(|(_, value)| value.as_str()),
                            _ => None,
                        })
                        .collect();
                    head.push(Token::Plain(Self::index_in(&mut self.names, name)));
                    head.push(self.slot(&values));
                }
                let children = (0..children.len())
                    .map(|index| {
                        let mut child = path.clone();
                        child.push(index);
                        self.node(&child)
                    })
                    .collect::<Result<_>>()?;
                Ok(Raw {
                    head,
                    children: Some(children),
                })
            }
        }
    }
}

/// The loader's tokens of a node: its children follow their count, each
/// run of three or more siblings that differ by a constant step written as
/// one repeat (`template + i × delta`).
fn flatten(raw: &Raw) -> Vec<Token> {
    let mut out = raw.head.clone();
    if let Some(children) = &raw.children {
        let items = repeats(children.iter().map(flatten).collect());
        out.push(Token::Plain(items.len() as i64));
        for item in items {
            out.extend(item);
        }
    }
    out
}

fn repeats(children: Vec<Vec<Token>>) -> Vec<Vec<Token>> {
    let step = |a: &[Token], b: &[Token]| -> Option<Vec<i64>> {
        if a.len() != b.len() {
            return None;
        }
        a.iter()
            .zip(b)
            .map(|(x, y)| match (x, y) {
                (Token::Plain(x), Token::Plain(y)) => Some(y - x),
                (Token::Literal(x), Token::Literal(y)) | (Token::Pattern(x), Token::Pattern(y)) => {
                    Some(*y as i64 - *x as i64)
                }
                _ => None,
            })
            .collect()
    };
    let mut items = Vec::new();
    let mut start = 0;
    while start < children.len() {
        let mut end = start + 1;
        let delta = children.get(end).and_then(|next| step(&children[start], next));
        if let Some(delta) = &delta {
            while end + 1 < children.len() && step(&children[end], &children[end + 1]).as_ref() == Some(delta)
            {
                end += 1;
            }
        }
        let count = end - start + 1;
        match delta {
            Some(delta) if count >= 3 => {
                let template = &children[start];
                let mut item = vec![
                    Token::Plain(REPEAT),
                    Token::Plain(count as i64),
                    Token::Plain(template.len() as i64),
                ];
                item.extend(template.iter().copied());
                item.extend(delta.into_iter().map(Token::Plain));
                items.push(item);
                start = end + 1;
            }
            _ => {
                items.push(children[start].clone());
                start += 1;
            }
        }
    }
    items
}

/// The loader's decoding (`paint()` in `www/loader.js`), in Rust: the build
/// checks every state's encoding with it.
struct Decoder<'a> {
    encoded: &'a Encoded,
    /// The state's language's text file.
    lines: &'a [String],
    state: usize,
}

impl Decoder<'_> {
    fn tree(&self) -> Result<Node> {
        let tokens = &self.encoded.tokens;
        let mut out = Vec::new();
        let mut at = 0;
        self.node(tokens, &mut at, &mut out)?;
        match <[Node; 1]>::try_from(out) {
            Ok([tree]) if at == tokens.len() => Ok(tree),
            _ => Err("the tokens do not make one tree".into()),
        }
    }

    /// A ref's text, or `None` for an attribute that is absent.
    fn value(&self, token: i64) -> Result<Option<String>> {
        let encoded = self.encoded;
        let lines = encoded.lines as i64;
        let patterns = lines + encoded.literals.len() as i64;
        let mut token = token;
        if token >= patterns {
            let pattern = (token - patterns) as usize;
            let code = encoded
                .pattern_codes
                .as_bytes()
                .get(pattern * STATES + self.state)
                .ok_or("a pattern out of range")?;
            token = *encoded
                .pattern_values
                .get(pattern)
                .and_then(|values| values.get(usize::from(code - b'a')))
                .ok_or("a pattern's value out of range")?;
        }
        let text = match token {
            -1 => return Ok(None),
            token if token < lines => self.lines.get(token as usize),
            token => encoded.literals.get((token - lines) as usize),
        };
        text.cloned().map(Some).ok_or_else(|| "a ref out of range".into())
    }

    fn node(&self, tokens: &[i64], at: &mut usize, out: &mut Vec<Node>) -> Result {
        let mut next = || -> Result<i64> {
            let token = *tokens.get(*at).ok_or("the tokens end early")?;
            *at += 1;
            Ok(token)
        };
        match next()? {
            TEXT => {
                let text = self.value(next()?)?.ok_or("a text node without text")?;
                out.push(Node::Text(text));
            }
            COMMENT => out.push(Node::Comment),
            REPEAT => {
                let count = next()?;
                let len = next()? as usize;
                let template = tokens.get(*at..*at + len).ok_or("a repeat out of range")?;
                let delta = tokens
                    .get(*at + len..*at + 2 * len)
                    .ok_or("a repeat out of range")?;
                *at += 2 * len;
                for i in 0..count {
                    let item: Vec<i64> = template.iter().zip(delta).map(|(t, d)| t + d * i).collect();
                    self.node(&item, &mut 0, out)?;
                }
            }
            tag => {
                let tag = self
                    .encoded
                    .tags
                    .get((tag - ELEMENT) as usize)
                    .ok_or("a tag out of range")?
                    .clone();
                let mut attributes = Vec::new();
                for _ in 0..next()? {
                    let name = next()?;
                    let name = self
                        .encoded
                        .names
                        .get(name as usize)
                        .ok_or("a name out of range")?;
                    if let Some(text) = self.value(next()?)? {
                        attributes.push((name.clone(), text));
                    }
                }
                let mut children = Vec::new();
                for _ in 0..next()? {
                    self.node(tokens, at, &mut children)?;
                }
                out.push(Node::Element {
                    tag,
                    attributes,
                    children,
                });
            }
        }
        Ok(())
    }
}

/// Where two trees first differ, said for a person.
fn first_difference(decoded: &Node, rendered: &Node) -> Option<String> {
    match (decoded, rendered) {
        (
            Node::Element {
                tag,
                attributes,
                children,
            },
            Node::Element {
                tag: rendered_tag,
                attributes: rendered_attributes,
                children: rendered_children,
            },
        ) => {
            // Attribute order means nothing to a browser, nor to hydration.
            let sorted = |attributes: &[(String, String)]| {
                let mut sorted = attributes.to_vec();
                sorted.sort();
                sorted
            };
            if tag != rendered_tag
                || sorted(attributes) != sorted(rendered_attributes)
                || children.len() != rendered_children.len()
            {
                return Some(format!(
                    "<{tag} {attributes:?}> ({} children) where the render has <{rendered_tag} {rendered_attributes:?}> ({})",
                    children.len(),
                    rendered_children.len()
                ));
            }
            children
                .iter()
                .zip(rendered_children)
                .find_map(|(a, b)| first_difference(a, b))
        }
        (a, b) if a == b => None,
        (a, b) => Some(format!("{a:?} where the render has {b:?}")),
    }
}

fn check_theme_is_one_attribute(light: &Node, themed: &Node, theme: &str) -> Result {
    let (
        Node::Element {
            tag,
            attributes,
            children,
        },
        Node::Element {
            tag: themed_tag,
            attributes: themed_attributes,
            children: themed_children,
        },
    ) = (light, themed)
    else {
        return Err("the prerendered root is not an element".into());
    };
    let set_theme: Vec<(String, String)> = attributes
        .iter()
        .map(|(name, value)| {
            let value = if name == "data-theme" {
                theme.to_string()
            } else {
                value.clone()
            };
            (name.clone(), value)
        })
        .collect();
    if tag == themed_tag && children == themed_children && set_theme == *themed_attributes {
        Ok(())
    } else {
        Err("the theme changes more than the root's data-theme: the loader could not paint it".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leptos_markers_are_empty_comments_and_svg_keeps_its_namespace() {
        let tree =
            parse(r#"<p class="a">x<!>y<svg viewBox="0 0 2 2"><path d="M0 0"></path></svg></p>"#).unwrap();
        let element = |tag: &str, attributes: &[(&str, &str)], children| Node::Element {
            tag: tag.into(),
            attributes: attributes
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            children,
        };
        assert_eq!(
            tree,
            element(
                "p",
                &[("class", "a")],
                vec![
                    Node::Text("x".into()),
                    Node::Comment,
                    Node::Text("y".into()),
                    element(
                        "svg:svg",
                        &[("viewBox", "0 0 2 2")],
                        vec![element("svg:path", &[("d", "M0 0")], vec![])]
                    ),
                ]
            )
        );
    }

    #[test]
    fn markup_that_is_not_one_element_is_refused() {
        assert!(parse("<p></p><p></p>").is_err());
        assert!(parse("<p><!-- a note --></p>").is_err());
    }

    #[test]
    fn siblings_that_differ_by_a_step_are_written_once() {
        let child = |n: i64| {
            vec![
                Token::Plain(ELEMENT),
                Token::Plain(0),
                Token::Plain(1),
                Token::Literal(n as usize),
            ]
        };
        let items = repeats((0..5).map(child).chain([child(9)]).collect());
        assert_eq!(items.len(), 2);
        assert_eq!(
            items[0][..3],
            [Token::Plain(REPEAT), Token::Plain(5), Token::Plain(4)]
        );
        assert_eq!(
            items[0][7..],
            [Token::Plain(0), Token::Plain(0), Token::Plain(0), Token::Plain(1)]
        );
        assert_eq!(items[1], child(9));
        // Two alike are cheaper written out.
        assert_eq!(repeats(vec![child(0), child(1)]).len(), 2);
    }

    /// Every state of a small widget: a line of its language, an attribute
    /// only the deck has, and the card number.
    fn renders(lines: &[Vec<String>; 2]) -> Vec<Render> {
        let mut renders = Vec::new();
        for (lang_index, lang) in LANGS.iter().enumerate() {
            for view in VIEWS {
                for card in 1..=CARDS {
                    let deck = if view == "deck" { " inert" } else { "" };
                    let html = format!(
                        r#"<div lang="{lang}" data-theme="light"><p{deck}>{}</p><b>{card}</b><!>{}</div>"#,
                        lines[lang_index][0], lines[lang_index][1]
                    );
                    renders.push(Render {
                        state: [
                            lang.to_string(),
                            view.to_string(),
                            card.to_string(),
                            "light".into(),
                        ],
                        tree: parse(&html).unwrap(),
                    });
                }
            }
        }
        renders
    }

    fn lines() -> [Vec<String>; 2] {
        [
            vec!["Thẻ".into(), "Lật thẻ".into()],
            vec!["Card".into(), "Flip card".into()],
        ]
    }

    #[test]
    fn every_state_decodes_to_its_own_markup() {
        let lines = lines();
        let encoded = encode(&renders(&lines), &lines).unwrap();
        for state in [0, 16, 17, 40, STATES - 1] {
            let lang = state / (VIEWS.len() * CARDS);
            let decoded = Decoder {
                encoded: &encoded,
                lines: &lines[lang],
                state,
            }
            .tree()
            .unwrap();
            assert_eq!(decoded, renders(&lines)[state].tree);
        }
        // The words are lines of the text files, not literals.
        assert!(!encoded.literals.iter().any(|literal| literal.contains("thẻ")));
    }

    #[test]
    fn a_theme_that_changes_more_than_one_attribute_cannot_be_painted() {
        let lines = lines();
        let mut all = renders(&lines);
        let mut dark =
            parse(r#"<div lang="vi" data-theme="dark"><p inert>Thẻ</p><b>1</b><!>Lật thẻ</div>"#).unwrap();
        all.push(Render {
            state: ["vi".into(), "deck".into(), "1".into(), "dark".into()],
            tree: dark.clone(),
        });
        assert!(encode(&all, &lines).is_ok());
        if let Node::Element { attributes, .. } = &mut dark {
            attributes.push(("class".into(), "dark".into()));
        }
        all.last_mut().unwrap().tree = dark;
        assert!(encode(&all, &lines).is_err());
    }

    #[test]
    fn states_that_differ_in_shape_cannot_be_painted() {
        let lines = lines();
        let mut all = renders(&lines);
        all[5].tree = parse("<div><p></p></div>").unwrap();
        assert!(encode(&all, &lines).is_err());
    }
}
