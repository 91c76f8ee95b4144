//! `dist/sitemap.xml`: our pages on the deployment, for search engines:
//! the standalone page, every card page and both posters' pages, each
//! pair of languages naming each other (`xhtml:link`, as `hreflang` does
//! in the pages themselves).

use std::path::Path;

use crate::files::write;
use crate::html::escape;
use crate::site::{card_folder, poster_folder};
use crate::Result;

/// The sitemap's text for a deployment at `base_url` with `cards` cards.
pub fn sitemap(base_url: &str, cards: usize) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    xml.push_str(&format!("<url><loc>{}</loc></url>\n", escape(base_url)));
    let mut pairs: Vec<(String, String)> = (1..=cards)
        .map(|number| (card_folder("vi", number), card_folder("en", number)))
        .collect();
    pairs.push((poster_folder("vi").into(), poster_folder("en").into()));
    for (vi, en) in pairs {
        let (vi, en) = (
            escape(&format!("{base_url}{vi}")),
            escape(&format!("{base_url}{en}")),
        );
        let alternates = format!(
            "<xhtml:link rel=\"alternate\" hreflang=\"vi\" href=\"{vi}\"/>\
             <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{en}\"/>\
             <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{vi}\"/>"
        );
        for loc in [&vi, &en] {
            xml.push_str(&format!("<url><loc>{loc}</loc>{alternates}</url>\n"));
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

pub fn write_sitemap(dist: &Path, base_url: &str, cards: usize) -> Result {
    write(&dist.join("sitemap.xml"), sitemap(base_url, cards).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sitemap_lists_the_standalone_page_every_card_page_and_both_posters_with_their_alternates() {
        let xml = sitemap("https://example.gov.vn/cds17/", 17);
        assert_eq!(xml.matches("<url>").count(), 1 + 2 * 17 + 2);
        assert!(xml.contains("<url><loc>https://example.gov.vn/cds17/</loc></url>"));
        assert!(xml.contains(
            "<url><loc>https://example.gov.vn/cds17/en/the/17/</loc>\
             <xhtml:link rel=\"alternate\" hreflang=\"vi\" href=\"https://example.gov.vn/cds17/the/17/\"/>"
        ));
        assert!(xml.contains("<loc>https://example.gov.vn/cds17/poster/</loc>"));
        assert!(xml.contains("hreflang=\"en\" href=\"https://example.gov.vn/cds17/en/poster/\""));
    }
}
