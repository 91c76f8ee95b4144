//! The links a visitor can share to a card. (`#cds17-N` in the page's
//! address is read and written by the loader, `www/loader.js`, which needs
//! it for the first paint.)

use crate::content::{number_label, CARD_COUNT};

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
    /// `base` + `N/`: the card pages of a deployed `dist/` (`…/the/`). They
    /// carry the card's title and image for social sites.
    Pages(String),
}

impl CardLinks {
    pub fn link(&self, card: u8) -> String {
        match self {
            CardLinks::Hash(page) => {
                let mut link = page.clone();
                link.push_str(&share_hash(card));
                link
            }
            CardLinks::Pages(base) => {
                let mut link = base.clone();
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
        assert_eq!(on_page.link(1), "https://xa.gov.vn/tin/cds#cds17-1");
        assert_eq!(on_page.link(17), "https://xa.gov.vn/tin/cds#cds17-17");
        let pages = CardLinks::Pages("https://cdn.gov.vn/cds17/the/".into());
        assert_eq!(pages.link(7), "https://cdn.gov.vn/cds17/the/7/");
        assert_eq!(pages.link(30), "https://cdn.gov.vn/cds17/the/17/");
    }
}
