//! The 17 cards, as statics generated at build time from `content/cards.toml`.

use crate::i18n::Lang;

pub const CARD_COUNT: u8 = 17;

/// One of the 17 differences.
#[derive(Debug)]
pub struct Card {
    /// 1..=17, as in the appendix.
    pub number: u8,
    pub vi: CardText,
    pub en: CardText,
}

#[derive(Debug)]
pub struct CardText {
    /// A short "Từ … sang …" form of the point's heading sentence (its
    /// `shift` in the data file, which stays out of the widget).
    pub title: &'static str,
    /// What applying IT does: the front of the card.
    pub before: &'static str,
    /// What digital transformation does: the back of the card.
    pub after: &'static str,
}

/// Where the 17 points come from, shown in the widget.
#[derive(Debug)]
pub struct Source {
    pub vi: &'static str,
    pub en: &'static str,
    pub issuer_vi: &'static str,
    pub issuer_en: &'static str,
}

pub static CARDS: [Card; CARD_COUNT as usize] = include!(concat!(env!("OUT_DIR"), "/cards.rs"));

pub static SOURCE: Source = include!(concat!(env!("OUT_DIR"), "/source.rs"));

impl Card {
    pub fn text(&'static self, lang: Lang) -> &'static CardText {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

impl Source {
    pub fn letter(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }

    pub fn issuer(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.issuer_vi,
            Lang::En => self.issuer_en,
        }
    }
}

/// The card with this number, clamped into 1..=17 so a caller can never index
/// out of bounds.
pub fn card(number: u8) -> &'static Card {
    let index = number.clamp(1, CARD_COUNT) - 1;
    &CARDS[usize::from(index)]
}

/// Decimal labels for 0..=17, so the widget needs no number formatting code.
pub fn number_label(number: u8) -> &'static str {
    const LABELS: [&str; 18] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17",
    ];
    LABELS.get(usize::from(number)).copied().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_lookup_is_by_number_and_never_out_of_bounds() {
        assert_eq!(card(1).number, 1);
        assert_eq!(card(17).number, 17);
        assert_eq!(card(0).number, 1);
        assert_eq!(card(200).number, 17);
    }

    #[test]
    fn number_labels_match_their_numbers() {
        for n in 0..=CARD_COUNT {
            assert_eq!(number_label(n), n.to_string());
        }
        assert_eq!(number_label(18), "");
    }

    #[test]
    fn text_follows_the_language() {
        assert!(card(1).text(Lang::Vi).title.starts_with("Từ "));
        assert!(card(1).text(Lang::En).title.starts_with("From "));
    }
}
