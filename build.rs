//! Build-time work, so that visitors never pay for it at run time:
//! - the content (`cds17-content`, which reads `content/cards.toml` and
//!   `content/ui.toml`) becomes the widget's words, a file per language
//!   (`text.vi.txt`, `text.en.txt`), and `ui.rs`, which names the UI strings
//!   in the same order;
//! - the palette and the component stylesheets become one minified
//!   stylesheet (`widget.css`), but for the self-check's, which goes with
//!   the self-check module (`self_check.css`, `self_check.rs`).

use std::{env, fmt::Write as _, fs, path::Path};

use cds17_content::{Content, LANGS};

#[path = "src/palette.rs"]
#[allow(dead_code)]
mod palette;

/// Each component's stylesheet stands beside it in this folder, and is
/// found here: a new component's sheet needs no list. The root's comes
/// first, as it holds the resets the others build on; the rest follow in
/// the order of their names.
const COMPONENTS: &str = "src/components";
const ROOT_STYLESHEET: &str = "explainer.css";
/// The self-check's sheet goes with the self-check module, fetched only
/// when a visitor opens it (`self_check.css`), not into the widget's.
const SELF_CHECK_STYLESHEET: &str = "quiz.css";

fn stylesheets() -> Result<Vec<String>, String> {
    let mut sheets: Vec<String> = fs::read_dir(COMPONENTS)
        .map_err(|e| format!("{COMPONENTS}: {e}"))?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".css") && name != SELF_CHECK_STYLESHEET)
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

fn main() -> Result<(), String> {
    let out_dir = env::var("OUT_DIR").map_err(|e| e.to_string())?;
    let out_dir = Path::new(&out_dir);

    for file in cds17_content::files() {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    let content = cds17_content::load()?;
    for lang in LANGS {
        write(out_dir.join(format!("text.{lang}.txt")), &content.text_file(lang))?;
    }
    write(
        out_dir.join("ui.rs"),
        &ui_rs("Ui", "content/ui.toml", &content.ui),
    )?;
    write(out_dir.join("self_check.rs"), &self_check_rs(&content))?;
    write(out_dir.join("unasked.rs"), &unasked_rs(&content))?;

    println!("cargo:rerun-if-changed=src/palette.rs");
    // A folder is watched whole: a sheet changed, added or removed changes
    // the stylesheet (an edit to a component's .rs reruns this too, cheaply).
    println!("cargo:rerun-if-changed={COMPONENTS}");
    let mut css = palette_css();
    for sheet in stylesheets()? {
        css.push_str(&fs::read_to_string(&sheet).map_err(|e| format!("{sheet}: {e}"))?);
        css.push('\n');
    }
    write(out_dir.join("widget.css"), &minify_css(&css))?;
    let sheet = format!("{COMPONENTS}/{SELF_CHECK_STYLESHEET}");
    let self_check_css = fs::read_to_string(&sheet).map_err(|e| format!("{sheet}: {e}"))?;
    write(out_dir.join("self_check.css"), &minify_css(&self_check_css))
}

/// `enum {name}`, a variant per string of `file`, in its order: `src/i18n.rs`
/// names the widget's strings with it, and finds each in the text file by
/// its place; the self-check names its own the same way.
fn ui_rs(name: &str, file: &str, strings: &[cds17_content::UiString]) -> String {
    let mut variants = String::new();
    let mut keys = String::new();
    for string in strings {
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
        let _ = write!(variants, "    /// `{}` in {file}.\n    {camel},\n", string.key);
        let _ = write!(keys, "{:?}, ", string.key);
    }
    format!(
        "/// A UI string: one of `{file}`, in its order.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq)]\n\
         pub enum {name} {{\n{variants}}}\n\n\
         impl {name} {{\n    /// The keys of `{file}`, in the order of the variants.\n    \
         pub const KEYS: [&str; {}] = [{keys}];\n}}\n",
        strings.len()
    )
}

/// The self-check's words as Rust statics (`enum QuizUi` and each
/// language's lines, `Content::self_check_lines`): only the self-check
/// module uses them, so only a visitor who opens it downloads them.
fn self_check_rs(content: &Content) -> String {
    let mut rs = ui_rs("QuizUi", "content/self-check.toml", &content.self_check_ui);
    let count = content.self_check_lines("vi").len();
    let _ = write!(
        rs,
        "\n/// The self-check's words, Vietnamese then English.\n\
         pub const SELF_CHECK_LINES: [[&str; {count}]; 2] = ["
    );
    for lang in LANGS {
        rs.push('[');
        for (_, line) in content.self_check_lines(lang) {
            let _ = write!(rs, "{line:?}, ");
        }
        rs.push_str("], ");
    }
    rs.push_str("];\n");
    rs
}

/// The sides the self-check never asks (a `skip` in cards.toml), as a bit
/// per card (card 1 the lowest), fronts then backs.
fn unasked_rs(content: &Content) -> String {
    let mut masks = [0u32; 2];
    for card in &content.cards {
        for (side, statement) in card.statements.iter().enumerate() {
            if statement.skip.is_some() {
                masks[side] |= 1 << (card.number - 1);
            }
        }
    }
    format!(
        "/// The cards whose front, and whose back, the self-check never asks.\n\
         pub const UNASKED: [u32; 2] = [{:#x}, {:#x}];\n",
        masks[0], masks[1]
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
