//! The links a visitor can share to a card. (`#cds17-N` in the page's
//! address is read and written by the loader, `www/loader.js`, which needs
//! it for the first paint.)

use crate::content::{number_label, CARD_COUNT};
use crate::i18n::Lang;

pub const HASH_PREFIX: &str = "#cds17-";

/// The hash for a shared link: card 1 gets one too, as a shared link must
/// open the card it was copied from.
pub fn share_hash(card: u8) -> String {
    let mut hash = String::from(HASH_PREFIX);
    hash.push_str(number_label(card.clamp(1, CARD_COUNT)));
    hash
}

/// Where a shared link to a card points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CardLinks {
    /// `page#cds17-N`: the page itself, whose widget follows the hash.
    Hash(String),
    /// The card pages of a deployed `dist/` whose address is `base`
    /// (`…/cds17/`): `base` + `the/N/`, or `en/the/N/` for the English
    /// ones. They carry the card's title and image for social sites.
    Pages(String),
}

impl CardLinks {
    /// The link to `card`, for a widget shown in `lang`.
    pub fn link(&self, card: u8, lang: Lang) -> String {
        match self {
            CardLinks::Hash(page) => {
                let mut link = page.clone();
                link.push_str(&share_hash(card));
                link
            }
            CardLinks::Pages(base) => {
                let mut link = base.clone();
                if lang == Lang::En {
                    link.push_str("en/");
                }
                link.push_str("the/");
                link.push_str(number_label(card.clamp(1, CARD_COUNT)));
                link.push('/');
                link
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_link_names_the_card_in_the_page_hash_or_as_its_own_page() {
        let on_page = CardLinks::Hash("https://xa.gov.vn/tin/cds".into());
        assert_eq!(on_page.link(1, Lang::Vi), "https://xa.gov.vn/tin/cds#cds17-1");
        assert_eq!(on_page.link(17, Lang::En), "https://xa.gov.vn/tin/cds#cds17-17");
        let pages = CardLinks::Pages("https://cdn.gov.vn/cds17/".into());
        assert_eq!(pages.link(7, Lang::Vi), "https://cdn.gov.vn/cds17/the/7/");
        assert_eq!(pages.link(30, Lang::Vi), "https://cdn.gov.vn/cds17/the/17/");
        // An English widget shares the English card page.
        assert_eq!(pages.link(7, Lang::En), "https://cdn.gov.vn/cds17/en/the/7/");
    }
}
