//! The 17 cards' text and where it comes from.
//!
//! The text of each language is a file of its own, built from
//! `content/cards.toml`: each card's title, front and back, one per line,
//! card after card. In the browser, the loader fetches the language a widget
//! starts in, beside the wasm, and the other one only when a visitor asks
//! for it: no visitor downloads a language they do not read. Rust sites get
//! both files compiled in (the `bundled-text` feature).

use std::cell::Cell;

use crate::i18n::Lang;

pub const CARD_COUNT: u8 = 17;

/// 1..=17, for views that show every card.
pub const CARD_NUMBERS: [u8; CARD_COUNT as usize] =
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17];

/// Lines in a text file: a title, a front and a back per card.
const LINES: usize = CARD_COUNT as usize * 3;

/// One card's text in one language.
#[derive(Debug, PartialEq, Eq)]
pub struct CardText {
    /// A short "Từ … sang …" form of the point's heading sentence (its
    /// `shift` in the data file, which stays out of the widget).
    pub title: &'static str,
    /// What applying IT does: the front of the card.
    pub before: &'static str,
    /// What digital transformation does: the back of the card.
    pub after: &'static str,
}

/// What a card shows before its language has arrived. Never on screen: a
/// widget switches to a language only once its text is there.
static NOT_LOADED: CardText = CardText {
    title: "",
    before: "",
    after: "",
};

type Cards = [CardText; CARD_COUNT as usize];

thread_local! {
    /// Each language's cards, once its text has arrived: kept for the life
    /// of the page, shared by every widget on it.
    static LOADED: [Cell<Option<&'static Cards>>; 2] = const { [Cell::new(None), Cell::new(None)] };
}

fn loaded(lang: Lang) -> Option<&'static Cards> {
    LOADED.with(|loaded| loaded[lang as usize].get())
}

/// A language's cards, if its text is here. With the `bundled-text` feature
/// (on by default, for Rust sites; `cargo xtask dist` builds without it),
/// the compiled-in text is always here.
fn cards(lang: Lang) -> Option<&'static Cards> {
    #[cfg(feature = "bundled-text")]
    if loaded(lang).is_none() {
        let bundled = match lang {
            Lang::Vi => TEXT_VI,
            Lang::En => TEXT_EN,
        };
        // Built and checked by build.rs: it cannot be malformed.
        let _ = add_text(lang, bundled);
    }
    loaded(lang)
}

thread_local! {
    static TEXT_REQUEST: Cell<Option<fn(Lang)>> = const { Cell::new(None) };
}

/// Who fetches a language that a widget needs and has not got: in the
/// browser, the loader. It hands the text to [`add_text`].
pub fn on_text_needed(request: fn(Lang)) {
    TEXT_REQUEST.set(Some(request));
}

/// Asks for `lang`'s text, if someone can fetch it.
pub(crate) fn request_text(lang: Lang) {
    if let Some(request) = TEXT_REQUEST.get() {
        request(lang);
    }
}

/// The text files as built: `cargo xtask dist` ships them beside the wasm.
pub const TEXT_VI: &str = include_str!(concat!(env!("OUT_DIR"), "/text.vi.txt"));
pub const TEXT_EN: &str = include_str!(concat!(env!("OUT_DIR"), "/text.en.txt"));

/// A text file that does not hold 17 cards of three non-empty lines.
#[derive(Debug, PartialEq, Eq)]
pub struct MalformedText;

/// Takes a language's text file. A language given twice keeps the first.
pub fn add_text(lang: Lang, file: &str) -> Result<(), MalformedText> {
    // LINES lines, none of them empty.
    let bytes = file.as_bytes();
    let breaks = bytes.iter().filter(|byte| **byte == b'\n').count();
    let empty_line = bytes.first() == Some(&b'\n')
        || bytes.last() == Some(&b'\n')
        || bytes.windows(2).any(|pair| pair == b"\n\n");
    if breaks != LINES - 1 || empty_line {
        return Err(MalformedText);
    }
    if loaded(lang).is_some() {
        return Ok(());
    }
    // Kept for the life of the page, as compiled-in text would be; once per
    // language, by the check above.
    let file: &'static str = Box::leak(Box::from(file));
    let mut lines = file.split('\n');
    let cards: &'static Cards = Box::leak(Box::new(std::array::from_fn(|_| CardText {
        title: lines.next().unwrap_or_default(),
        before: lines.next().unwrap_or_default(),
        after: lines.next().unwrap_or_default(),
    })));
    LOADED.with(|loaded| loaded[lang as usize].set(Some(cards)));
    Ok(())
}

pub fn has_text(lang: Lang) -> bool {
    cards(lang).is_some()
}

/// Card `number`'s text in `lang` (clamped into 1..=17, so a caller can
/// never index out of bounds); empty while that language has not arrived.
pub fn card_text(number: u8, lang: Lang) -> &'static CardText {
    let index = usize::from(number.clamp(1, CARD_COUNT) - 1);
    cards(lang)
        .and_then(|cards| cards.get(index))
        .unwrap_or(&NOT_LOADED)
}

/// Where the 17 points come from, shown in the widget.
#[derive(Debug)]
pub struct Source {
    pub vi: &'static str,
    pub en: &'static str,
    pub issuer_vi: &'static str,
    pub issuer_en: &'static str,
}

pub static SOURCE: Source = include!(concat!(env!("OUT_DIR"), "/source.rs"));

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
        assert_eq!(card_text(0, Lang::Vi), card_text(1, Lang::Vi));
        assert_eq!(card_text(200, Lang::Vi), card_text(17, Lang::Vi));
        assert_ne!(card_text(1, Lang::Vi), card_text(17, Lang::Vi));
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
        assert!(card_text(1, Lang::Vi).title.starts_with("Từ "));
        assert!(card_text(1, Lang::En).title.starts_with("From "));
    }

    #[test]
    fn a_file_that_is_not_17_cards_of_three_lines_is_refused() {
        let mut lines: Vec<&str> = TEXT_VI.split('\n').collect();
        assert_eq!(add_text(Lang::Vi, &lines[..50].join("\n")), Err(MalformedText));
        assert_eq!(add_text(Lang::Vi, ""), Err(MalformedText));
        lines[4] = "";
        assert_eq!(add_text(Lang::Vi, &lines.join("\n")), Err(MalformedText));
        let mut with_a_line_more = TEXT_VI.to_string();
        with_a_line_more.push_str("\nmore");
        assert_eq!(add_text(Lang::Vi, &with_a_line_more), Err(MalformedText));
    }

    #[test]
    fn the_bundled_files_hold_every_card_in_both_languages() {
        for lang in [Lang::Vi, Lang::En] {
            assert!(has_text(lang));
            for number in 1..=CARD_COUNT {
                let text = card_text(number, lang);
                assert!(!text.title.is_empty() && !text.before.is_empty() && !text.after.is_empty());
            }
        }
    }
}
