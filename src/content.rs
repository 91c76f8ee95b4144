//! The words of the widget, a text file per language: the 17 cards, where
//! they come from, and the UI strings.
//!
//! build.rs writes each file from `content/cards.toml` and
//! `content/ui.toml`, one line per piece of text: each card's title, front
//! and back, card after card; then the source's letter and issuer; then the
//! UI strings. In the browser, the loader carries the Vietnamese file (the
//! first paint needs it) and fetches the English one when a widget needs
//! it: no visitor downloads a language they do not read, or one twice. Rust
//! sites get both compiled in (the `bundled-text` feature).

use std::cell::Cell;

use crate::i18n::{Lang, QuizUi, Ui, SELF_CHECK_LINES};

pub const CARD_COUNT: u8 = 17;

/// 1..=17, for views that show every card.
pub const CARD_NUMBERS: [u8; CARD_COUNT as usize] =
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17];

/// Where things are in a text file: each card's title, front and back, card
/// after card, then the source's letter and issuer, then the UI strings.
const SOURCE_LINE: usize = CARD_COUNT as usize * 3;
const UI_LINE: usize = SOURCE_LINE + 2;
const LINES: usize = UI_LINE + Ui::KEYS.len();

// `UNASKED`: the sides with no statement for the self-check, from
// content/cards.toml.
include!(concat!(env!("OUT_DIR"), "/unasked.rs"));

/// A part of a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// A short "Từ … sang …" form of the point's heading sentence (its
    /// `shift` in the data file, which stays out of the widget).
    Title,
    /// What applying IT does: the front of the card.
    Before,
    /// What digital transformation does: the back of the card.
    After,
}

/// The line of card `number`'s `part` (the number clamped into 1..=17).
pub fn card_line(number: u8, part: Part) -> usize {
    usize::from(number.clamp(1, CARD_COUNT) - 1) * 3 + part as usize
}

pub(crate) fn ui_line(string: Ui) -> usize {
    UI_LINE + string as usize
}

/// A UI string in `lang`; empty while its text has not arrived (a widget
/// shows a language only once its text is here).
pub fn ui(lang: Lang, string: Ui) -> &'static str {
    line(lang, ui_line(string))
}

/// One card's text in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardText {
    pub title: &'static str,
    pub before: &'static str,
    pub after: &'static str,
}

type Lines = &'static [&'static str];

thread_local! {
    /// Each language's lines, once its text has arrived: kept for the life
    /// of the page, shared by every widget on it.
    static LOADED: [Cell<Option<Lines>>; 2] = const { [Cell::new(None), Cell::new(None)] };
}

fn loaded(lang: Lang) -> Option<Lines> {
    LOADED.with(|loaded| loaded[lang as usize].get())
}

/// A language's lines, if its text is here. With the `bundled-text` feature
/// (on by default, for Rust sites; `cargo xtask dist` builds without it),
/// the compiled-in text is always here.
fn lines(lang: Lang) -> Option<Lines> {
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

/// The text files as built: the loader carries the Vietnamese one, and
/// `cargo xtask dist` ships the English one beside the wasm.
pub const TEXT_VI: &str = include_str!(concat!(env!("OUT_DIR"), "/text.vi.txt"));
pub const TEXT_EN: &str = include_str!(concat!(env!("OUT_DIR"), "/text.en.txt"));

/// A text file that does not hold the lines of 17 cards, the source and the
/// UI strings, none of them empty.
#[derive(Debug, PartialEq, Eq)]
pub struct MalformedText;

/// Takes a language's text file. A language given twice keeps the first.
pub fn add_text(lang: Lang, file: &str) -> Result<(), MalformedText> {
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
    let lines: Lines = Vec::leak(file.split('\n').collect());
    LOADED.with(|loaded| loaded[lang as usize].set(Some(lines)));
    Ok(())
}

pub fn has_text(lang: Lang) -> bool {
    lines(lang).is_some()
}

/// Line `index` of `lang`'s text file; empty while that language has not
/// arrived.
pub fn line(lang: Lang, index: usize) -> &'static str {
    lines(lang)
        .and_then(|lines| lines.get(index))
        .copied()
        .unwrap_or_default()
}

/// Card `number`'s text in `lang` (clamped into 1..=17, so a caller can
/// never index out of bounds); empty while that language has not arrived.
pub fn card_text(number: u8, lang: Lang) -> CardText {
    let part = |part| line(lang, card_line(number, part));
    CardText {
        title: part(Part::Title),
        before: part(Part::Before),
        after: part(Part::After),
    }
}

/// Whether the self-check may ask card `number`'s `side` (`Before` or
/// `After`): a side whose every word gives the answer away is never asked.
pub fn is_asked(number: u8, side: Part) -> bool {
    let back = usize::from(side == Part::After);
    UNASKED[back] & (1 << (number.clamp(1, CARD_COUNT) - 1)) == 0
}

/// A string of the self-check in `lang`. The self-check's words are
/// compiled in (build.rs), not in the text files: they reach only the
/// self-check module, and a visitor only when they open it.
pub fn quiz_ui(lang: Lang, string: QuizUi) -> &'static str {
    SELF_CHECK_LINES[lang as usize][string as usize]
}

/// Card `number`'s `side` (`Before` or `After`) in neutral words, for the
/// self-check: no word of it gives the answer away.
pub fn statement(lang: Lang, number: u8, side: Part) -> &'static str {
    let back = usize::from(side == Part::After);
    let card = usize::from(number.clamp(1, CARD_COUNT) - 1);
    SELF_CHECK_LINES[lang as usize][QuizUi::KEYS.len() + card * 2 + back]
}

/// The letter the 17 points come from ("Công văn 244/CĐSQG-CSS,
/// 05/3/2023"), and who issued it.
pub fn source(lang: Lang) -> (&'static str, &'static str) {
    (line(lang, SOURCE_LINE), line(lang, SOURCE_LINE + 1))
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
        assert!(source(Lang::Vi).0.starts_with("Công văn 244"));
        assert!(source(Lang::En).0.starts_with("Official Letter 244"));
    }

    #[test]
    fn a_file_that_is_not_every_line_of_a_language_is_refused() {
        let mut lines: Vec<&str> = TEXT_VI.split('\n').collect();
        assert_eq!(add_text(Lang::Vi, &lines[..50].join("\n")), Err(MalformedText));
        assert_eq!(add_text(Lang::Vi, ""), Err(MalformedText));
        lines[4] = "";
        assert_eq!(add_text(Lang::Vi, &lines.join("\n")), Err(MalformedText));
        let mut with_a_line_more = TEXT_VI.to_string();
        with_a_line_more.push_str("\nmore");
        assert_eq!(add_text(Lang::Vi, &with_a_line_more), Err(MalformedText));
    }

    fn all_ui_strings(lang: Lang) -> Vec<&'static str> {
        (0..Ui::KEYS.len())
            .map(|index| line(lang, UI_LINE + index))
            .collect()
    }

    #[test]
    fn every_ui_string_exists_in_both_languages() {
        for lang in [Lang::Vi, Lang::En] {
            for (key, text) in Ui::KEYS.iter().zip(all_ui_strings(lang)) {
                assert!(!text.trim().is_empty(), "{lang:?} has an empty {key}");
            }
        }
    }

    #[test]
    fn the_ui_strings_are_really_translated() {
        let same: Vec<_> = Ui::KEYS
            .iter()
            .zip(all_ui_strings(Lang::Vi).into_iter().zip(all_ui_strings(Lang::En)))
            .filter(|(_, (vi, en))| vi == en)
            .collect();
        assert!(same.is_empty(), "untranslated: {same:?}");
    }

    #[test]
    fn a_ui_string_is_found_by_its_name() {
        assert_eq!(ui(Lang::Vi, Ui::Flip), "Lật thẻ");
        assert_eq!(ui(Lang::En, Ui::Flip), "Flip card");
        assert_eq!(
            ui(Lang::En, Ui::Listen),
            all_ui_strings(Lang::En)[Ui::KEYS.len() - 1]
        );
    }

    #[test]
    fn the_self_check_s_words_are_found_by_name_and_by_card() {
        assert_eq!(quiz_ui(Lang::Vi, QuizUi::Retry), "Làm lại");
        assert_eq!(quiz_ui(Lang::En, QuizUi::Retry), "Try again");
        assert_eq!(
            statement(Lang::Vi, 1, Part::Before),
            "Tập trung mang lại giá trị cho nhà quản lý nhiều hơn. Phục vụ nhà quản lý, làm dễ việc cho nhà quản lý."
        );
        assert_eq!(
            statement(Lang::En, 1, Part::After),
            "Focuses on bringing value to users, to customers, to citizens. Puts citizens at the centre. Puts users, the people who use the service, at the centre."
        );
        assert_eq!(statement(Lang::Vi, 17, Part::Before), cds17_content::NO_STATEMENT);
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
