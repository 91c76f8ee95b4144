//! The posters for notice boards: `poster/index.html` (Vietnamese) and
//! `en/poster/index.html` (English), static pages with no script of ours
//! beyond their print button. Printed on A4, each is a cover and then one
//! page per card, with a QR code (made here, `qr.rs`) to that card's page.
//! A card page carries its own card's poster page, to print alone
//! ([`card_sheet`]).

use std::path::Path;

use cds17_content::{Card, Content};

use crate::files::{read_text, write};
use crate::html::{escape, fill};
use crate::site::{back_to_root, card_folder, poster_folder};
use crate::words::words;
use crate::{qr, root, Result};

/// The sheets' stylesheet, which the posters' page and the card pages both
/// inline.
pub fn sheet_css() -> Result<String> {
    read_text(&root().join("www").join("poster.css"))
}

/// Card `card`'s A4 page in `lang`: its number, title, both sides under
/// their labels, the source, and a QR code to its page at `base_url`.
pub fn card_sheet(content: &Content, card: &Card, lang: &str, base_url: &str) -> Result<String> {
    let w = words(lang);
    let text = card.text(lang);
    let url = format!("{base_url}{}", card_folder(lang, card.number));
    let count = content.cards.len();
    Ok(format!(
        "<section class=\"sheet\" aria-labelledby=\"poster-{number}\">\n\
         <div class=\"sheet-head\"><p class=\"sheet-number\">{point} {number}/{count}</p><p>{name}</p></div>\n\
         <h2 class=\"sheet-title\" id=\"poster-{number}\">{title}</h2>\n\
         <div class=\"sheet-side before\"><h3>{before_label}</h3><p>{before}</p></div>\n\
         <div class=\"sheet-side after\"><h3>{after_label}</h3><p>{after}</p></div>\n\
         {foot}\
         </section>\n",
        number = card.number,
        point = escape(w.point),
        name = escape(w.name),
        title = escape(&text.title),
        before_label = escape(w.before),
        before = escape(&text.before),
        after_label = escape(w.after),
        after = escape(&text.after),
        foot = foot(content, lang, &url, w.scan_card)?,
    ))
}

/// The source line, and the code to `url` with what it opens.
fn foot(content: &Content, lang: &str, url: &str, scan: &str) -> Result<String> {
    Ok(format!(
        "<div class=\"sheet-foot\">{}{}</div>\n",
        source_line(content, lang),
        code(lang, url, scan)?
    ))
}

/// Where the 17 points come from; the letter's number is never broken.
fn source_line(content: &Content, lang: &str) -> String {
    format!(
        "<p class=\"sheet-source\">{}: <span class=\"sheet-letter\">{}</span>, {}</p>",
        escape(words(lang).source),
        escape(content.source.letter(lang)),
        escape(content.source.issuer(lang)),
    )
}

/// A QR code to `url`, with what it opens and the address written out for
/// those who type it.
fn code(lang: &str, url: &str, scan: &str) -> Result<String> {
    Ok(format!(
        "<figure class=\"sheet-code\"><figcaption>{}<span class=\"sheet-url\">{}</span></figcaption>{}</figure>",
        escape(scan),
        escape(url),
        qr::svg(url, &format!("{} {url}", words(lang).qr_label))?,
    ))
}

/// The cover: the title, what the 17 points are, a code to the standalone
/// page, and the source.
fn cover(content: &Content, lang: &str, base_url: &str) -> Result<String> {
    let w = words(lang);
    Ok(format!(
        "<section class=\"sheet cover\" aria-labelledby=\"poster-title\">\n\
         <h1 id=\"poster-title\">{name}</h1>\n\
         <p class=\"cover-line\">{line}</p>\n\
         {code}\n{source}\n\
         </section>\n",
        name = escape(w.name),
        line = escape(w.cover_line),
        code = code(lang, base_url, w.scan_all)?,
        source = source_line(content, lang),
    ))
}

/// The posters' page in `lang`.
fn page(content: &Content, lang: &str, base_url: &str) -> Result<String> {
    let template = read_text(&root().join("www").join("poster.html"))?;
    let other_lang = if lang == "en" { "vi" } else { "en" };
    let (w, other) = (words(lang), words(other_lang));
    let folder = poster_folder(lang);
    let root = back_to_root(folder);
    let mut sheets = cover(content, lang, base_url)?;
    for card in &content.cards {
        sheets.push_str(&card_sheet(content, card, lang, base_url)?);
    }
    let url = |lang: &str| escape(&format!("{base_url}{}", poster_folder(lang)));
    let values = [
        ("{{lang}}", lang.to_string()),
        ("{{posters}}", escape(w.posters)),
        ("{{name}}", escape(w.name)),
        ("{{office_line}}", escape(w.office_line)),
        ("{{url}}", url(lang)),
        ("{{url_vi}}", url("vi")),
        ("{{url_en}}", url("en")),
        ("{{sheet_css}}", sheet_css()?),
        ("{{print}}", escape(w.print)),
        ("{{other_page}}", format!("{root}{}", poster_folder(other_lang))),
        ("{{other_lang}}", other_lang.to_string()),
        ("{{other_name}}", escape(other.language)),
        ("{{register_worker}}", crate::offline::registration(&root)),
        ("{{root}}", root),
        ("{{all}}", escape(w.all)),
        ("{{sheets}}", sheets),
    ];
    fill("poster.html", &template, &values)
}

/// Writes both posters' pages into `dist`.
pub fn write_all(dist: &Path, content: &Content, base_url: &str) -> Result {
    for lang in cds17_content::LANGS {
        let folder = dist.join(poster_folder(lang));
        std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        write(
            &folder.join("index.html"),
            page(content, lang, base_url)?.as_bytes(),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://example.gov.vn/cds17/";

    #[test]
    fn a_card_sheet_holds_its_number_title_both_sides_the_source_and_a_code_to_its_page() {
        let content = cds17_content::load().unwrap();
        for lang in cds17_content::LANGS {
            let w = words(lang);
            for card in &content.cards {
                let sheet = card_sheet(&content, card, lang, BASE).unwrap();
                let text = card.text(lang);
                let url = format!("{BASE}{}", card_folder(lang, card.number));
                for part in [
                    &text.title,
                    &text.before,
                    &text.after,
                    &escape(w.before),
                    &escape(w.after),
                ] {
                    assert!(sheet.contains(&escape(part)) || sheet.contains(part.as_str()));
                }
                assert!(sheet.contains(&format!("{} {}/17", escape(w.point), card.number)));
                assert!(sheet.contains("244/CĐSQG-CSS"));
                assert!(sheet.contains(&format!("aria-label=\"{} {url}\"", escape(w.qr_label))));
                assert_eq!(sheet.matches("<svg").count(), 1);
            }
        }
    }

    #[test]
    fn the_posters_page_is_a_cover_and_17_sheets() {
        let content = cds17_content::load().unwrap();
        let html = page(&content, "en", BASE).unwrap();
        assert_eq!(html.matches("<section class=\"sheet").count(), 18);
        assert_eq!(html.matches("<svg").count(), 18);
        assert!(html.contains(&format!("hreflang=\"vi\" href=\"{BASE}poster/\"")));
    }
}
