//! `#cds17-N` in the page URL ⇄ card number, and the links a visitor can
//! share. (The options in the query string of `embed.html` are decoded by
//! the browser's `URLSearchParams`, in the loader.)

use crate::content::{number_label, CARD_COUNT};
use crate::options::card_from_digits;

pub const HASH_PREFIX: &str = "#cds17-";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HashCard {
    /// Not ours: empty, or the host page's own anchor. Leave it alone.
    NotOurs,
    Card(u8),
    /// Ours, but not a card number, such as `#cds17-18`. Worth a warning.
    Invalid,
}

/// Reads `location.hash` (with its leading `#`).
pub fn card_from_hash(hash: &str) -> HashCard {
    match hash.strip_prefix(HASH_PREFIX) {
        None => HashCard::NotOurs,
        Some(digits) => card_from_digits(digits).map_or(HashCard::Invalid, HashCard::Card),
    }
}

/// The hash to write for a card. Card 1 is the start, so it has none.
pub fn hash_for(card: u8) -> Option<String> {
    if card <= 1 || card > CARD_COUNT {
        return None;
    }
    let mut hash = String::with_capacity(HASH_PREFIX.len() + 2);
    hash.push_str(HASH_PREFIX);
    hash.push_str(number_label(card));
    Some(hash)
}

/// The hash for a shared link. Unlike [`hash_for`], card 1 gets one too: a
/// shared link must open the card it was copied from.
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
    use proptest::prelude::*;

    #[test]
    fn a_shared_link_names_the_card_in_the_page_hash_or_as_its_own_page() {
        let on_page = CardLinks::Hash("https://xa.gov.vn/tin/cds".into());
        assert_eq!(on_page.link(1), "https://xa.gov.vn/tin/cds#cds17-1");
        assert_eq!(on_page.link(17), "https://xa.gov.vn/tin/cds#cds17-17");
        let pages = CardLinks::Pages("https://cdn.gov.vn/cds17/the/".into());
        assert_eq!(pages.link(7), "https://cdn.gov.vn/cds17/the/7/");
        assert_eq!(pages.link(30), "https://cdn.gov.vn/cds17/the/17/");
    }

    proptest! {
        #[test]
        fn hash_parsing_never_panics_and_stays_in_range(hash in ".{0,300}") {
            match card_from_hash(&hash) {
                HashCard::Card(card) => prop_assert!((1..=CARD_COUNT).contains(&card)),
                HashCard::NotOurs => prop_assert!(!hash.starts_with(HASH_PREFIX)),
                HashCard::Invalid => prop_assert!(hash.starts_with(HASH_PREFIX)),
            }
        }

        #[test]
        fn our_prefix_with_any_text_is_a_card_or_invalid(rest in ".{0,60}") {
            let hash = format!("{HASH_PREFIX}{rest}");
            prop_assert_ne!(card_from_hash(&hash), HashCard::NotOurs);
        }

        #[test]
        fn every_card_number_with_leading_zeros_reads_back(card in 1..=CARD_COUNT, zeros in 0usize..5) {
            let hash = format!("{HASH_PREFIX}{}{card}", "0".repeat(zeros));
            prop_assert_eq!(card_from_hash(&hash), HashCard::Card(card));
        }
    }

    #[test]
    fn every_card_round_trips_through_the_hash() {
        for card in 2..=CARD_COUNT {
            let hash = hash_for(card).unwrap();
            assert_eq!(card_from_hash(&hash), HashCard::Card(card));
        }
        assert_eq!(card_from_hash(&share_hash(1)), HashCard::Card(1));
    }

    #[test]
    fn card_one_writes_no_hash() {
        assert_eq!(hash_for(1), None);
        assert_eq!(share_hash(1), "#cds17-1");
    }

    #[test]
    fn host_anchors_are_not_ours() {
        for hash in ["", "#", "#top", "#cds17", "#cds-7", "#CDS17-7", "cds17-7"] {
            assert_eq!(card_from_hash(hash), HashCard::NotOurs, "{hash}");
        }
    }

    #[test]
    fn our_prefix_with_a_bad_number_is_invalid() {
        for hash in [
            "#cds17-",
            "#cds17-0",
            "#cds17-18",
            "#cds17-abc",
            "#cds17--3",
            "#cds17-7x",
            "#cds17-%3Cscript%3E",
        ] {
            assert_eq!(card_from_hash(hash), HashCard::Invalid, "{hash}");
        }
    }

    #[test]
    fn leading_zeros_are_fine() {
        assert_eq!(card_from_hash("#cds17-07"), HashCard::Card(7));
    }
}
