//! `#cds17-N` in the page URL ⇄ card number.

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

#[cfg(test)]
mod tests {
    use super::*;

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
