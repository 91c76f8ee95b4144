//! The pages `cargo xtask dist` builds from `content/cards.toml`, so that
//! none of them can drift from the widget:
//!
//! fallback.vi.html, fallback.en.html   the 17 points as a table, to put in a
//!                                      placeholder (what no-JS readers and
//!                                      search engines get)
//! the/N/index.html, the/N/og.png       one shareable page per card, with its
//!                                      text in plain HTML, its meta tags and
//!                                      a 1200×630 image for social sites
//! embed.html                           the iframe page

use std::fs;
use std::path::Path;

use crate::dist::{read_text, write};
use crate::{root, Result};

pub const LANGS: [&str; 2] = ["vi", "en"];

/// The explainer's name, as links to it say.
pub const NAME_VI: &str = "17 điểm khác nhau giữa ứng dụng CNTT và chuyển đổi số";

/// The Noto fonts of Debian's fonts-noto-core: every Vietnamese diacritic.
const FONT_DIR: &str = "/usr/share/fonts/truetype/noto";
pub const FONT_FILES: [&str; 2] = ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf"];

pub struct CardText {
    pub title: String,
    pub before: String,
    pub after: String,
}

pub struct Card {
    pub number: usize,
    pub vi: CardText,
    pub en: CardText,
}

impl Card {
    pub fn text(&self, lang: &str) -> &CardText {
        if lang == "en" {
            &self.en
        } else {
            &self.vi
        }
    }
}

pub struct Content {
    pub source_vi: String,
    pub source_en: String,
    pub issuer_vi: String,
    pub issuer_en: String,
    pub cards: Vec<Card>,
}

/// What the pages need to know of the build.
pub struct Build<'a> {
    /// Where dist/ is served from, ending in `/`: absolute URLs start here.
    pub base_url: &'a str,
    pub pinned_loader: &'a str,
    pub loader_integrity: &'a str,
    /// The style that holds a Vietnamese widget's height from the first
    /// paint (`hold.rs`); `hold_both`, a widget's in either language.
    pub hold_vi: &'a str,
    pub hold_both: &'a str,
}

pub fn content() -> Result<Content> {
    let path = root().join("content").join("cards.toml");
    let value: toml::Value =
        toml::from_str(&read_text(&path)?).map_err(|e| format!("content/cards.toml: {e}"))?;
    let field = |table: &toml::Value, name: &str| -> Result<String> {
        table[name]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("content/cards.toml: no {name}"))
    };
    let text = |card: &toml::Value, lang: &str| -> Result<CardText> {
        let table = &card[lang];
        Ok(CardText {
            title: field(table, "title")?,
            before: field(table, "before")?,
            after: field(table, "after")?,
        })
    };
    let cards = value["card"]
        .as_array()
        .ok_or("content/cards.toml has no cards")?
        .iter()
        .enumerate()
        .map(|(index, card)| {
            Ok(Card {
                number: index + 1,
                vi: text(card, "vi")?,
                en: text(card, "en")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let source = &value["source"];
    Ok(Content {
        source_vi: field(source, "vi")?,
        source_en: field(source, "en")?,
        issuer_vi: field(source, "issuer_vi")?,
        issuer_en: field(source, "issuer_en")?,
        cards,
    })
}

/// Words of the pages, in both languages.
struct Words {
    name: &'static str,
    before: &'static str,
    after: &'static str,
    table_caption: &'static str,
    source: &'static str,
}

fn words(lang: &str) -> &'static Words {
    if lang == "en" {
        &Words {
            name: "17 differences between applying IT and digital transformation",
            before: "Applying IT",
            after: "Digital transformation",
            table_caption: "The 17 differences (text)",
            source: "Source",
        }
    } else {
        &Words {
            name: NAME_VI,
            before: "Ứng dụng CNTT",
            after: "Chuyển đổi số",
            table_caption: "17 điểm khác nhau (dạng văn bản)",
            source: "Nguồn",
        }
    }
}

/// Text made safe for HTML, in an element or in a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The fallback for a placeholder: a link to the full explainer and the 17
/// points in a table, folded into a <details> so that the placeholder stays
/// short while the widget loads.
pub fn fallback(content: &Content, lang: &str, base_url: &str) -> String {
    let w = words(lang);
    let mut html = format!(
        "<p><a href=\"{}\">{}</a></p>\n<details>\n<summary>{}</summary>\n<table>\n\
         <thead><tr><th scope=\"col\">#</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        escape(base_url),
        escape(w.name),
        escape(w.table_caption),
        escape(w.before),
        escape(w.after),
    );
    for card in &content.cards {
        let text = card.text(lang);
        html.push_str(&format!(
            "<tr><th scope=\"row\">{}. {}</th><td>{}</td><td>{}</td></tr>\n",
            card.number,
            escape(&text.title),
            escape(&text.before),
            escape(&text.after)
        ));
    }
    let (letter, issuer) = if lang == "en" {
        (&content.source_en, &content.issuer_en)
    } else {
        (&content.source_vi, &content.issuer_vi)
    };
    html.push_str(&format!(
        "</tbody>\n</table>\n<p>{}: {}, {}</p>\n</details>\n",
        escape(w.source),
        escape(letter),
        escape(issuer)
    ));
    html
}

/// A card's page: `the/N/index.html`, from `www/card.html`.
fn card_page(content: &Content, card: &Card, build: &Build) -> Result<String> {
    let template = read_text(&root().join("www").join("card.html"))?;
    let vi = &card.vi;
    let en = &card.en;
    let count = content.cards.len();
    let url = format!("{}the/{}/", build.base_url, card.number);
    let description = format!(
        "{}: {} {}: {}",
        words("vi").before,
        vi.before,
        words("vi").after,
        vi.after
    );
    let link = |number: usize, label: &str| -> String {
        if (1..=count).contains(&number) {
            format!("<a href=\"../{number}/\">{}</a>", escape(label))
        } else {
            String::new()
        }
    };
    let replacements = [
        ("{{number}}", card.number.to_string()),
        ("{{count}}", count.to_string()),
        ("{{title}}", escape(&vi.title)),
        ("{{before}}", escape(&vi.before)),
        ("{{after}}", escape(&vi.after)),
        ("{{title_en}}", escape(&en.title)),
        ("{{before_en}}", escape(&en.before)),
        ("{{after_en}}", escape(&en.after)),
        ("{{description}}", escape(&shorten(&description, 200))),
        ("{{url}}", escape(&url)),
        ("{{image}}", escape(&format!("{url}og.png"))),
        ("{{source}}", escape(&content.source_vi)),
        ("{{issuer}}", escape(&content.issuer_vi)),
        ("{{previous}}", link(card.number.wrapping_sub(1), "← Điểm trước")),
        ("{{next}}", link(card.number + 1, "Điểm tiếp →")),
        ("{{loader}}", escape(build.pinned_loader)),
        ("{{hold}}", build.hold_vi.to_string()),
        ("{{integrity}}", escape(build.loader_integrity)),
    ];
    let mut page = template;
    for (key, value) in replacements {
        if !page.contains(key) {
            return Err(format!("www/card.html has no {key}"));
        }
        page = page.replace(key, &value);
    }
    Ok(page)
}

/// At most `max` characters, cut at a space, with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at_space = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at_space].trim_end_matches([',', '.', ':', ';']))
}

/// Writes every page into `dist`.
pub fn write_all(dist: &Path, build: &Build) -> Result<Content> {
    let content = content()?;
    for lang in LANGS {
        write(
            &dist.join(format!("fallback.{lang}.html")),
            fallback(&content, lang, build.base_url).as_bytes(),
        )?;
    }
    let drawing = crate::og::options(fonts()?);
    for card in &content.cards {
        let folder = dist.join("the").join(card.number.to_string());
        fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        write(
            &folder.join("index.html"),
            card_page(&content, card, build)?.as_bytes(),
        )?;
        write(
            &folder.join("og.png"),
            &crate::og::render(&content, card, &drawing)?,
        )?;
    }
    let embed = read_text(&root().join("www").join("embed.html"))?
        .replace("__CDS17_HOLD__", build.hold_both)
        .replace("__CDS17_LOADER__", build.pinned_loader)
        .replace("__CDS17_LOADER_INTEGRITY__", build.loader_integrity);
    write(&dist.join("embed.html"), embed.as_bytes())?;
    Ok(content)
}

/// The fonts the images are drawn with.
pub fn fonts() -> Result<Vec<Vec<u8>>> {
    FONT_FILES
        .iter()
        .map(|name| {
            let path = Path::new(FONT_DIR).join(name);
            fs::read(&path).map_err(|e| {
                format!(
                    "{}: {e} (Debian's fonts-noto-core has it; cargo xtask installs it)",
                    path.display()
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_never_becomes_markup() {
        assert_eq!(
            escape("<b>\"A&B\"</b> 'c'"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#39;c&#39;"
        );
    }

    #[test]
    fn a_long_description_is_cut_at_a_word_with_an_ellipsis() {
        assert_eq!(shorten("một hai ba bốn", 9), "một hai…");
        assert_eq!(shorten("ngắn", 9), "ngắn");
    }

    #[test]
    fn the_fallback_holds_all_17_points_in_each_language() {
        let content = content().unwrap();
        for lang in LANGS {
            let html = fallback(&content, lang, "https://example.gov.vn/cds17/");
            assert_eq!(html.matches("<tr><th scope=\"row\">").count(), 17);
            for card in &content.cards {
                assert!(html.contains(&escape(&card.text(lang).after)));
            }
        }
    }
}
