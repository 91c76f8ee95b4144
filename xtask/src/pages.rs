//! The pages `cargo xtask dist` builds from `content/cards.toml`, so that
//! none of them can drift from the widget:
//!
//! fallback.vi.html, fallback.en.html   the 17 points as a table, to put in a
//!                                      placeholder (what no-JS readers and
//!                                      search engines get)
//! the/N/index.html, the/N/og.png       one shareable page per card, with its
//!                                      text in plain HTML, its meta tags and
//!                                      a 1200×630 image for social sites
//! en/the/N/                            the same in English, the widget
//!                                      opened in English
//! embed.html                           the iframe page

use std::fs;
use std::path::Path;

use crate::files::{read_text, write};
use crate::html::{escape, fill};
use crate::oembed::Embeddable;
use crate::poster;
use crate::site::{back_to_root, card_folder, poster_folder};
use crate::words::{words, NAME_VI};
use crate::{root, Result};

use cds17_content::{Card, Content, LANGS};

/// What the pages need to know of the build.
pub struct Build<'a> {
    /// Where dist/ is served from, ending in `/`: absolute URLs start here.
    pub base_url: &'a str,
    pub pinned_loader: &'a str,
    pub loader_integrity: &'a str,
    /// The style that holds a Vietnamese widget's height from the first
    /// paint (`hold.rs`), an English one's, and a widget's in either
    /// language.
    pub hold_vi: &'a str,
    pub hold_en: &'a str,
    pub hold_both: &'a str,
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

/// A card's page in `lang`, from `www/card.html`: its text in that
/// language, the other language's below it, the widget opened in it, and
/// links to the page in the other language (`hreflang`, both ways).
fn card_page(content: &Content, card: &Card, lang: &str, build: &Build) -> Result<String> {
    let template = read_text(&root().join("www").join("card.html"))?;
    let other_lang = if lang == "en" { "vi" } else { "en" };
    let (w, other) = (words(lang), words(other_lang));
    let (text, other_text) = (card.text(lang), card.text(other_lang));
    let count = content.cards.len();
    let page_url = |lang: &str| format!("{}{}", build.base_url, card_folder(lang, card.number));
    let url = page_url(lang);
    // From the page's folder back to dist/.
    let root = back_to_root(&card_folder(lang, card.number));
    let other_page = format!("{root}{}", card_folder(other_lang, card.number));
    let hold = if lang == "en" {
        build.hold_en
    } else {
        build.hold_vi
    };
    let description = format!("{}: {} {}: {}", w.before, text.before, w.after, text.after);
    let oembed_title = card_title(card, lang, count);
    let folder = card_folder(lang, card.number);
    let link = |number: usize, label: &str| -> String {
        if (1..=count).contains(&number) {
            format!("<a href=\"../{number}/\">{}</a>", escape(label))
        } else {
            String::new()
        }
    };
    let replacements = [
        ("{{lang}}", lang.to_string()),
        ("{{name}}", escape(w.name)),
        ("{{point}}", escape(w.point)),
        ("{{locale}}", w.locale.to_string()),
        ("{{other_locale}}", other.locale.to_string()),
        ("{{number}}", card.number.to_string()),
        ("{{count}}", count.to_string()),
        ("{{title}}", escape(&text.title)),
        ("{{before_label}}", escape(w.before)),
        ("{{after_label}}", escape(w.after)),
        ("{{before}}", escape(&text.before)),
        ("{{after}}", escape(&text.after)),
        ("{{other_lang}}", other_lang.to_string()),
        ("{{other_name}}", escape(other.language)),
        ("{{other_page}}", other_page),
        ("{{other_title}}", escape(&other_text.title)),
        ("{{other_before_label}}", escape(other.before)),
        ("{{other_after_label}}", escape(other.after)),
        ("{{other_before}}", escape(&other_text.before)),
        ("{{other_after}}", escape(&other_text.after)),
        ("{{description}}", escape(&shorten(&description, 200))),
        ("{{url}}", escape(&url)),
        ("{{url_vi}}", escape(&page_url("vi"))),
        ("{{url_en}}", escape(&page_url("en"))),
        ("{{image}}", escape(&format!("{url}og.png"))),
        ("{{source_word}}", escape(w.source)),
        ("{{source}}", escape(content.source.letter(lang))),
        ("{{issuer}}", escape(content.source.issuer(lang))),
        ("{{translation_note}}", escape(w.translation_note)),
        ("{{pager_label}}", escape(w.pager_label)),
        ("{{previous}}", link(card.number.wrapping_sub(1), w.previous)),
        ("{{next}}", link(card.number + 1, w.next)),
        ("{{all}}", escape(w.all)),
        ("{{root}}", root.clone()),
        ("{{loader}}", escape(build.pinned_loader)),
        ("{{hold}}", hold.to_string()),
        ("{{integrity}}", escape(build.loader_integrity)),
        ("{{sheet_css}}", poster::sheet_css()?),
        ("{{poster_folder}}", poster_folder(lang).to_string()),
        ("{{posters}}", escape(w.posters)),
        ("{{register_worker}}", crate::offline::registration(&root)),
        (
            "{{poster_sheet}}",
            poster::card_sheet(content, card, lang, build.base_url)?,
        ),
        (
            "{{oembed}}",
            embeddable(card, lang, build.base_url, &folder, &oembed_title).discovery_link(),
        ),
    ];
    fill("card.html", &template, &replacements)
}

/// "Điểm 5/17: Từ … sang …": how a card's page names it to other sites.
fn card_title(card: &Card, lang: &str, count: usize) -> String {
    format!(
        "{} {}/{count}: {}",
        words(lang).point,
        card.number,
        card.text(lang).title
    )
}

/// Card `card`'s page in `lang`, as oEmbed embeds it.
fn embeddable<'a>(
    card: &Card,
    lang: &'a str,
    base_url: &'a str,
    folder: &'a str,
    title: &'a str,
) -> Embeddable<'a> {
    Embeddable {
        base_url,
        folder,
        lang,
        card: Some(card.number),
        title,
    }
}

/// The standalone page as oEmbed embeds it: the deck at card 1.
fn standalone(base_url: &str) -> Embeddable<'_> {
    Embeddable {
        base_url,
        folder: "",
        lang: "vi",
        card: None,
        title: NAME_VI,
    }
}

/// What the standalone page's head says of it to other sites: its address,
/// its Open Graph and Twitter tags with its image, and where its oEmbed
/// answer is.
pub fn standalone_head(base_url: &str) -> String {
    let page = standalone(base_url);
    let (url, image, name) = (escape(base_url), escape(&page.image_url()), escape(NAME_VI));
    let description = escape(words("vi").cover_line);
    format!(
        "<link rel=\"canonical\" href=\"{url}\">\n\
         <meta property=\"og:type\" content=\"website\">\n\
         <meta property=\"og:site_name\" content=\"{name}\">\n\
         <meta property=\"og:locale\" content=\"vi_VN\">\n\
         <meta property=\"og:title\" content=\"{name}\">\n\
         <meta property=\"og:description\" content=\"{description}\">\n\
         <meta property=\"og:url\" content=\"{url}\">\n\
         <meta property=\"og:image\" content=\"{image}\">\n\
         <meta property=\"og:image:type\" content=\"image/png\">\n\
         <meta property=\"og:image:width\" content=\"{}\">\n\
         <meta property=\"og:image:height\" content=\"{}\">\n\
         <meta property=\"og:image:alt\" content=\"{name}\">\n\
         <meta name=\"twitter:card\" content=\"summary_large_image\">\n\
         <meta name=\"twitter:image\" content=\"{image}\">\n\
         {}",
        crate::oembed::IMAGE_WIDTH,
        crate::oembed::IMAGE_HEIGHT,
        page.discovery_link()
    )
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
    for lang in LANGS {
        for card in &content.cards {
            let folder = dist.join(card_folder(lang, card.number));
            fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
            write(
                &folder.join("index.html"),
                card_page(&content, card, lang, build)?.as_bytes(),
            )?;
            write(
                &folder.join("og.png"),
                &crate::og::render(&content, card, lang, &drawing)?,
            )?;
            let title = card_title(card, lang, content.cards.len());
            let page_folder = card_folder(lang, card.number);
            embeddable(card, lang, build.base_url, &page_folder, &title).write(dist)?;
        }
    }
    write(
        &dist.join("og.png"),
        &crate::og::render_cover(&content, "vi", &drawing)?,
    )?;
    standalone(build.base_url).write(dist)?;
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
