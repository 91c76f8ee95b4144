//! oEmbed: our pages' links become the widget where they are pasted. A
//! WordPress author (who may not add a script) pastes a card page's link
//! alone on a line; WordPress finds the page's discovery link, reads the
//! static answer written here, and embeds its `<iframe>` of `embed.html`,
//! sandboxed, showing it once the frame says its height (`embed.html`).
//!
//! One answer per page, beside it: `oembed.json` for the standalone page,
//! `the/N/oembed.json` and `en/the/N/oembed.json` for the card pages. A
//! static host serves them as they are; nothing in them comes from a query.

use std::path::Path;

use crate::files::write;
use crate::html::escape;
use crate::words::words;
use crate::{hold, Result};

/// The frame's width in the answer; a site fits it to its column.
pub const WIDTH: u32 = 600;

/// The Open Graph images' size, which the answers give as the thumbnail's.
pub const IMAGE_WIDTH: u32 = 1200;
pub const IMAGE_HEIGHT: u32 = 630;

/// A page of ours that can be embedded.
pub struct Embeddable<'a> {
    /// Where dist/ is served from, ending in `/`.
    pub base_url: &'a str,
    /// The page's folder under dist/ (`""` for the standalone page).
    pub folder: &'a str,
    pub lang: &'a str,
    /// The card it opens at; `None` for the standalone page (card 1).
    pub card: Option<usize>,
    pub title: &'a str,
}

impl Embeddable<'_> {
    fn page_url(&self) -> String {
        format!("{}{}", self.base_url, self.folder)
    }

    fn answer_url(&self) -> String {
        format!("{}oembed.json", self.page_url())
    }

    /// The page's `og:image`.
    pub fn image_url(&self) -> String {
        format!("{}og.png", self.page_url())
    }

    /// `embed.html` at the page's card, in its language.
    fn frame_url(&self) -> String {
        let mut query = Vec::new();
        if let Some(card) = self.card {
            query.push(format!("card={card}"));
        }
        if self.lang != "vi" {
            query.push(format!("lang={}", self.lang));
        }
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        };
        format!("{}embed.html{query}", self.base_url)
    }

    /// The `<link>` in the page's head that tells oEmbed readers where the
    /// answer is.
    pub fn discovery_link(&self) -> String {
        format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
            escape(&self.answer_url()),
            escape(self.title)
        )
    }

    /// The oEmbed 1.0 answer: `rich`, its `html` a `<blockquote>` with a
    /// link to the page (WordPress shows the frame only when one comes
    /// first) and the frame.
    pub fn answer(&self) -> Result<serde_json::Value> {
        let height = hold::deck_height_px(self.lang, WIDTH as f32)?;
        let html = format!(
            "<blockquote><a href=\"{page}\">{title}</a></blockquote>\
             <iframe src=\"{frame}\" width=\"{WIDTH}\" height=\"{height}\" title=\"{title}\" frameborder=\"0\"></iframe>",
            page = escape(&self.page_url()),
            frame = escape(&self.frame_url()),
            title = escape(self.title),
        );
        Ok(serde_json::json!({
            "version": "1.0",
            "type": "rich",
            "title": self.title,
            "provider_name": words(self.lang).name,
            "provider_url": self.base_url,
            "width": WIDTH,
            "height": height,
            "thumbnail_url": self.image_url(),
            "thumbnail_width": IMAGE_WIDTH,
            "thumbnail_height": IMAGE_HEIGHT,
            "html": html,
        }))
    }

    /// Writes the answer beside the page in `dist`.
    pub fn write(&self, dist: &Path) -> Result {
        let json = serde_json::to_string(&self.answer()?).map_err(|e| e.to_string())?;
        write(&dist.join(self.folder).join("oembed.json"), json.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card_page(lang: &'static str) -> Embeddable<'static> {
        Embeddable {
            base_url: "https://example.gov.vn/cds17/",
            folder: if lang == "en" { "en/the/5/" } else { "the/5/" },
            lang,
            card: Some(5),
            title: "Point 5/17: \"From\" <pieces>",
        }
    }

    #[test]
    fn an_answer_is_rich_with_a_quote_then_one_frame_at_the_card_in_its_language() {
        let answer = card_page("en").answer().unwrap();
        assert_eq!(answer["version"], "1.0");
        assert_eq!(answer["type"], "rich");
        assert_eq!(answer["width"], WIDTH);
        assert!(answer["height"].as_u64().is_some_and(|h| h > 200));
        assert_eq!(
            answer["thumbnail_url"],
            "https://example.gov.vn/cds17/en/the/5/og.png"
        );
        let html = answer["html"].as_str().unwrap();
        assert!(html.starts_with(
            "<blockquote><a href=\"https://example.gov.vn/cds17/en/the/5/\">Point 5/17: &quot;From&quot; &lt;pieces&gt;</a></blockquote><iframe "
        ));
        assert!(html.contains("src=\"https://example.gov.vn/cds17/embed.html?card=5&amp;lang=en\""));
        assert_eq!(html.matches("<iframe").count(), 1);
        let vi = card_page("vi").answer().unwrap();
        assert!(vi["html"].as_str().unwrap().contains("embed.html?card=5\""));
    }

    #[test]
    fn the_discovery_link_is_absolute() {
        assert_eq!(
            card_page("vi").discovery_link(),
            "<link rel=\"alternate\" type=\"application/json+oembed\" \
             href=\"https://example.gov.vn/cds17/the/5/oembed.json\" \
             title=\"Point 5/17: &quot;From&quot; &lt;pieces&gt;\">"
        );
    }
}
