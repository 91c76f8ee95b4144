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

use crate::files::{read_text, write};
use crate::html::escape;
use crate::{root, Result};

use cds17_content::{Card, Content, LANGS};

/// The explainer's name, as links to it say.
pub const NAME_VI: &str = "17 điểm khác nhau giữa ứng dụng CNTT và chuyển đổi số";

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
    let (letter, issuer) = (content.source.letter(lang), content.source.issuer(lang));
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
        ("{{source}}", escape(&content.source.vi)),
        ("{{issuer}}", escape(&content.source.issuer_vi)),
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
    let content = cds17_content::load()?;
    for lang in LANGS {
        write(
            &dist.join(format!("fallback.{lang}.html")),
            fallback(&content, lang, build.base_url).as_bytes(),
        )?;
    }
    let drawing = crate::og::options(crate::og::fonts()?);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_description_is_cut_at_a_word_with_an_ellipsis() {
        assert_eq!(shorten("một hai ba bốn", 9), "một hai…");
        assert_eq!(shorten("ngắn", 9), "ngắn");
    }

    #[test]
    fn the_fallback_holds_all_17_points_in_each_language() {
        let content = cds17_content::load().unwrap();
        for lang in LANGS {
            let html = fallback(&content, lang, "https://example.gov.vn/cds17/");
            assert_eq!(html.matches("<tr><th scope=\"row\">").count(), 17);
            for card in &content.cards {
                assert!(html.contains(&escape(&card.text(lang).after)));
            }
        }
    }
}
