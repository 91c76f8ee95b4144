//! Build-time work, so that visitors never pay for it at run time:
//! - `content/cards.toml` and `content/ui.toml` become the widget's words,
//!   a file per language (`text.vi.txt`, `text.en.txt`), and `strings.rs`,
//!   which reads the UI strings back in the same order;
//! - the palette and the component stylesheets become one minified
//!   stylesheet (`widget.css`).

use std::{env, fmt::Write as _, fs, path::Path};

use serde::Deserialize;

#[path = "src/palette.rs"]
#[allow(dead_code)]
mod palette;

const CARD_COUNT: usize = 17;

/// Each component's stylesheet stands beside it in this folder, and is
/// found here: a new component's sheet needs no list. The root's comes
/// first, as it holds the resets the others build on; the rest follow in
/// the order of their names.
const COMPONENTS: &str = "src/components";
const ROOT_STYLESHEET: &str = "explainer.css";

fn stylesheets() -> Result<Vec<String>, String> {
    let mut sheets: Vec<String> = fs::read_dir(COMPONENTS)
        .map_err(|e| format!("{COMPONENTS}: {e}"))?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".css"))
        .collect();
    sheets.sort_by_key(|name| (name != ROOT_STYLESHEET, name.clone()));
    if sheets.first().map(String::as_str) != Some(ROOT_STYLESHEET) {
        return Err(format!("{COMPONENTS}/{ROOT_STYLESHEET} is missing"));
    }
    Ok(sheets
        .into_iter()
        .map(|name| format!("{COMPONENTS}/{name}"))
        .collect())
}

#[derive(Deserialize)]
struct Content {
    source: Source,
    card: Vec<Card>,
}

#[derive(Deserialize)]
struct Source {
    vi: String,
    en: String,
    issuer_vi: String,
    issuer_en: String,
}

#[derive(Deserialize)]
struct Ui {
    string: Vec<UiString>,
}

#[derive(Deserialize)]
struct UiString {
    key: String,
    vi: String,
    en: String,
}

#[derive(Deserialize)]
struct Card {
    number: usize,
    vi: Text,
    en: Text,
}

#[derive(Deserialize)]
struct Text {
    title: String,
    before: String,
    after: String,
}

fn main() -> Result<(), String> {
    let out_dir = env::var("OUT_DIR").map_err(|e| e.to_string())?;
    let out_dir = Path::new(&out_dir);

    println!("cargo:rerun-if-changed=content/cards.toml");
    let raw = fs::read_to_string("content/cards.toml").map_err(|e| e.to_string())?;
    let content: Content = toml::from_str(&raw).map_err(|e| format!("content/cards.toml: {e}"))?;
    check_shape(&content)?;
    println!("cargo:rerun-if-changed=content/ui.toml");
    let raw = fs::read_to_string("content/ui.toml").map_err(|e| e.to_string())?;
    let ui: Ui = toml::from_str(&raw).map_err(|e| format!("content/ui.toml: {e}"))?;
    for lang in ["vi", "en"] {
        write(
            out_dir.join(format!("text.{lang}.txt")),
            &text_file(&content, &ui, lang)?,
        )?;
    }
    write(out_dir.join("ui.rs"), &ui_rs(&ui))?;

    println!("cargo:rerun-if-changed=src/palette.rs");
    // The folder too: a sheet added or removed changes the stylesheet.
    println!("cargo:rerun-if-changed={COMPONENTS}");
    let mut css = palette_css();
    for sheet in stylesheets()? {
        println!("cargo:rerun-if-changed={sheet}");
        css.push_str(&fs::read_to_string(&sheet).map_err(|e| format!("{sheet}: {e}"))?);
        css.push('\n');
    }
    write(out_dir.join("widget.css"), &minify_css(&css))
}

/// Only what code generation relies on; the content's quality is checked by
/// `tests/content.rs`, where a failure reads better than a build error.
fn check_shape(content: &Content) -> Result<(), String> {
    if content.card.len() != CARD_COUNT {
        return Err(format!(
            "content/cards.toml has {} cards, expected {CARD_COUNT}",
            content.card.len()
        ));
    }
    for (index, card) in content.card.iter().enumerate() {
        if card.number != index + 1 {
            return Err(format!(
                "content/cards.toml: card at position {} has number {}; keep them in order",
                index + 1,
                card.number
            ));
        }
    }
    Ok(())
}

/// The words of one language, as the widget loads them (see
/// `src/content.rs`), one per line: each card's title, front and back, card
/// after card; the source's letter and issuer; the UI strings in the order
/// of `content/ui.toml`. `shift` stays in the data file, for provenance and
/// the tests: the widget shows the shorter `title`, and every visitor would
/// download it for nothing.
fn text_file(content: &Content, ui: &Ui, lang: &str) -> Result<String, String> {
    let vi = lang == "vi";
    let mut lines: Vec<(String, &str)> = Vec::new();
    for card in &content.card {
        let text = if vi { &card.vi } else { &card.en };
        for (field, line) in [
            ("title", &text.title),
            ("before", &text.before),
            ("after", &text.after),
        ] {
            lines.push((format!("card {} {lang}.{field}", card.number), line));
        }
    }
    let source = &content.source;
    lines.push((format!("source.{lang}"), if vi { &source.vi } else { &source.en }));
    lines.push((
        format!("source.issuer_{lang}"),
        if vi { &source.issuer_vi } else { &source.issuer_en },
    ));
    for string in &ui.string {
        lines.push((
            format!("content/ui.toml: {}.{lang}", string.key),
            if vi { &string.vi } else { &string.en },
        ));
    }
    for (what, line) in &lines {
        if line.is_empty() || line.contains('\n') {
            return Err(format!("{what} is empty or has a line break"));
        }
    }
    Ok(lines.iter().map(|(_, line)| *line).collect::<Vec<_>>().join("\n"))
}

/// `enum Ui`, a variant per string of `content/ui.toml`, in its order:
/// `src/i18n.rs` names the strings with it, and finds each in the text file
/// by its place.
fn ui_rs(ui: &Ui) -> String {
    let mut variants = String::new();
    let mut keys = String::new();
    for string in &ui.string {
        let camel: String = string
            .key
            .split('_')
            .map(|word| {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                    .unwrap_or_default()
            })
            .collect();
        let _ = write!(
            variants,
            "    /// `{}` in content/ui.toml.\n    {camel},\n",
            string.key
        );
        let _ = write!(keys, "{:?}, ", string.key);
    }
    format!(
        "/// A UI string of the widget: one of `content/ui.toml`, in its order.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq)]\n\
         pub enum Ui {{\n{variants}}}\n\n\
         impl Ui {{\n    /// The keys of `content/ui.toml`, in the order of the variants.\n    \
         pub const KEYS: [&str; {}] = [{keys}];\n}}\n",
        ui.string.len()
    )
}

/// The palette as custom properties: light by default, dark on request or,
/// with `data-theme="auto"`, when the visitor's system asks for it. A few
/// tokens take a host's `--cds17-*` override.
fn palette_css() -> String {
    let declarations = |palette: &palette::Palette| {
        let mut block = String::new();
        for (name, colour) in palette.tokens() {
            let public = palette::THEMABLE
                .iter()
                .find(|(token, _)| *token == name)
                .map(|(_, public)| *public);
            match public {
                Some(public) => {
                    let _ = write!(block, "--_{name}:var(--cds17-{public},{});", colour.hex());
                }
                None => {
                    let _ = write!(block, "--_{name}:{};", colour.hex());
                }
            }
        }
        block
    };
    let dark = declarations(&palette::DARK);
    format!(
        ".cds17-root{{{}}}\n.cds17-root[data-theme=\"dark\"]{{{dark}}}\n\
         @media (prefers-color-scheme:dark){{.cds17-root[data-theme=\"auto\"]{{{dark}}}}}\n",
        declarations(&palette::LIGHT)
    )
}

/// Drops comments and the whitespace CSS does not need. It keeps spaces
/// around `+`, `-`, `>` and `~`, which `calc()` and selectors depend on.
fn minify_css(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = match rest[start + 2..].find("*/") {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
    }
    without_comments.push_str(rest);

    let mut out = String::with_capacity(without_comments.len());
    for word in without_comments.split_whitespace() {
        let glued = matches!(out.chars().last(), None | Some('{' | '}' | ';' | ',' | ':'))
            || matches!(word.chars().next(), Some('{' | '}' | ';' | ','));
        if !glued {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.replace(";}", "}")
}

fn write(path: impl AsRef<Path>, text: &str) -> Result<(), String> {
    let path = path.as_ref();
    // Unchanged output keeps its timestamp, so nothing downstream rebuilds.
    if fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
