//! The one model of cds17's content: `cards.toml` (the 17 cards, vi and en,
//! with their provenance and corrections), `ui.toml` (every other word
//! the widget shows) and `self-check.toml` (the self-check's own words), read here and nowhere else. `build.rs` writes the
//! widget's text files with it, `xtask` the pages and images, and the tests
//! check the data against the appendix with it.
//!
//! Nothing of this crate reaches a visitor: it runs at build time.

use std::path::{Path, PathBuf};

use serde::Deserialize;

pub const CARD_COUNT: usize = 17;
pub const LANGS: [&str; 2] = ["vi", "en"];

#[derive(Debug, Deserialize)]
pub struct Content {
    pub source: Source,
    #[serde(rename = "card")]
    pub cards: Vec<Card>,
    /// From `ui.toml`.
    #[serde(skip)]
    pub ui: Vec<UiString>,
    /// From `self-check.toml`.
    #[serde(skip)]
    pub self_check_ui: Vec<UiString>,
}

/// Where the 17 points come from.
#[derive(Debug, Deserialize)]
pub struct Source {
    pub vi: String,
    pub en: String,
    pub issuer_vi: String,
    pub issuer_en: String,
}

#[derive(Debug, Deserialize)]
pub struct Card {
    pub number: usize,
    pub slug: String,
    pub vi: Text,
    pub en: Text,
    /// What differs from the appendix's text, and why.
    #[serde(default, rename = "correction")]
    pub corrections: Vec<Correction>,
    /// The self-check's statements: the front's, then the back's.
    #[serde(rename = "statement")]
    pub statements: Vec<Statement>,
}

/// One side of a card in neutral words, for the self-check.
#[derive(Debug, Deserialize)]
pub struct Statement {
    /// `before` or `after`.
    pub side: String,
    #[serde(default)]
    pub vi: String,
    #[serde(default)]
    pub en: String,
    /// What was taken out of the side's text, or replaced.
    #[serde(default)]
    pub rewording: String,
    /// Why this side has no statement (it is then never asked).
    pub skip: Option<String>,
}

impl Statement {
    pub fn text(&self, lang: &str) -> &str {
        in_lang(lang, &self.vi, &self.en)
    }
}

/// One card in one language.
#[derive(Debug, Deserialize)]
pub struct Text {
    /// A short "Từ … sang …" form of `shift`, which the widget shows.
    pub title: String,
    /// The point's heading sentence, as the appendix has it.
    pub shift: String,
    /// The IT way: the front of the card.
    pub before: String,
    /// The digital-transformation way: the back of the card.
    pub after: String,
}

#[derive(Debug, Deserialize)]
pub struct Correction {
    pub field: String,
    pub appendix: String,
    pub corrected: String,
    pub why: String,
}

/// A UI string of the widget, in both languages.
#[derive(Debug, Deserialize)]
pub struct UiString {
    pub key: String,
    pub vi: String,
    pub en: String,
}

#[derive(Deserialize)]
struct Ui {
    string: Vec<UiString>,
}

/// The folder the data files are in.
pub fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The files this reads, for a build script to watch.
pub fn files() -> [PathBuf; 3] {
    [
        folder().join("cards.toml"),
        folder().join("ui.toml"),
        folder().join("self-check.toml"),
    ]
}

/// Reads and checks the content.
pub fn load() -> Result<Content, String> {
    let [cards, ui, self_check_ui] = files();
    let read = |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let mut content: Content =
        toml::from_str(&read(&cards)?).map_err(|e| format!("content/cards.toml: {e}"))?;
    let ui: Ui = toml::from_str(&read(&ui)?).map_err(|e| format!("content/ui.toml: {e}"))?;
    content.ui = ui.string;
    let self_check_ui: Ui =
        toml::from_str(&read(&self_check_ui)?).map_err(|e| format!("content/self-check.toml: {e}"))?;
    content.self_check_ui = self_check_ui.string;
    content.check()?;
    Ok(content)
}

/// The one rule for every text kept in both languages: `"en"` is English,
/// anything else Vietnamese, the default.
fn in_lang<'a, T: ?Sized>(lang: &str, vi: &'a T, en: &'a T) -> &'a T {
    if lang == "en" {
        en
    } else {
        vi
    }
}

impl Card {
    pub fn text(&self, lang: &str) -> &Text {
        in_lang(lang, &self.vi, &self.en)
    }
}

impl Source {
    /// The letter ("Công văn 244/CĐSQG-CSS, 05/3/2023") in `lang`.
    pub fn letter(&self, lang: &str) -> &str {
        in_lang(lang, &self.vi, &self.en)
    }

    pub fn issuer(&self, lang: &str) -> &str {
        in_lang(lang, &self.issuer_vi, &self.issuer_en)
    }
}

impl UiString {
    pub fn text(&self, lang: &str) -> &str {
        in_lang(lang, &self.vi, &self.en)
    }
}

impl Content {
    /// Only what the widget's text files rely on; the content's quality is
    /// checked by `tests/content.rs`, where a failure reads better.
    fn check(&self) -> Result<(), String> {
        if self.cards.len() != CARD_COUNT {
            return Err(format!(
                "content/cards.toml has {} cards, expected {CARD_COUNT}",
                self.cards.len()
            ));
        }
        for (index, card) in self.cards.iter().enumerate() {
            if card.number != index + 1 {
                return Err(format!(
                    "content/cards.toml: card at position {} has number {}; keep them in order",
                    index + 1,
                    card.number
                ));
            }
            let sides: Vec<&str> = card.statements.iter().map(|s| s.side.as_str()).collect();
            if sides != ["before", "after"] {
                return Err(format!(
                    "content/cards.toml: card {} needs a statement for side \"before\", then one for \"after\"",
                    card.number
                ));
            }
            for statement in &card.statements {
                let given = [&statement.vi, &statement.en, &statement.rewording];
                let complete = match statement.skip {
                    Some(ref why) => !why.is_empty() && given.iter().all(|text| text.is_empty()),
                    None => given.iter().all(|text| !text.is_empty()),
                };
                if !complete {
                    return Err(format!(
                        "content/cards.toml: card {}'s {} statement needs vi, en and rewording, or skip alone",
                        card.number, statement.side
                    ));
                }
            }
        }
        for lang in LANGS {
            let lines = self.text_file_lines(lang).into_iter();
            for (what, line) in lines.chain(self.self_check_lines(lang)) {
                if line.is_empty() || line.contains('\n') {
                    return Err(format!("{what} is empty or has a line break"));
                }
            }
        }
        Ok(())
    }

    /// The widget's words in `lang`, one per line, as its text file holds
    /// them (`src/content.rs` reads them back by place): each card's title,
    /// front and back, card after card; the source's letter and issuer; the
    /// UI strings in the order of `ui.toml`. `shift` stays out: the widget
    /// shows the shorter `title`, and every visitor would download it for
    /// nothing.
    pub fn text_file(&self, lang: &str) -> String {
        let lines: Vec<&str> = self
            .text_file_lines(lang)
            .into_iter()
            .map(|(_, line)| line)
            .collect();
        lines.join("\n")
    }

    /// The text file's lines, each with what it is, for error messages.
    fn text_file_lines(&self, lang: &str) -> Vec<(String, &str)> {
        let mut lines = Vec::new();
        for card in &self.cards {
            let text = card.text(lang);
            for (field, line) in [
                ("title", &text.title),
                ("before", &text.before),
                ("after", &text.after),
            ] {
                lines.push((format!("card {} {lang}.{field}", card.number), line.as_str()));
            }
        }
        lines.push((format!("source.{lang}"), self.source.letter(lang)));
        lines.push((format!("source.issuer_{lang}"), self.source.issuer(lang)));
        for string in &self.ui {
            lines.push((
                format!("content/ui.toml: {}.{lang}", string.key),
                string.text(lang),
            ));
        }
        lines
    }

    /// The self-check's words in `lang`, which build.rs compiles into the
    /// self-check module (never into the widget's text files): its UI
    /// strings in the order of `self-check.toml`, then each card's two
    /// statements, front then back, card after card; a side with no
    /// statement is [`NO_STATEMENT`], which is never shown.
    pub fn self_check_lines(&self, lang: &str) -> Vec<(String, &str)> {
        let mut lines = Vec::new();
        for string in &self.self_check_ui {
            lines.push((
                format!("content/self-check.toml: {}.{lang}", string.key),
                string.text(lang),
            ));
        }
        for card in &self.cards {
            for statement in &card.statements {
                let line = match statement.skip {
                    Some(_) => NO_STATEMENT,
                    None => statement.text(lang),
                };
                lines.push((
                    format!("card {} statement.{}.{lang}", card.number, statement.side),
                    line,
                ));
            }
        }
        lines
    }
}

/// What the self-check's words hold for a side with no statement.
pub const NO_STATEMENT: &str = "-";
