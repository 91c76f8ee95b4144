//! The card data against its source: `content/appendix-2023.txt`, the verbatim
//! appendix of the 2023 letter that forwards Công văn 244/CĐSQG-CSS.

// The no-panic rule is for code that runs in a visitor's browser; a test
// fails by panicking.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::HashSet;

use cds17::content::{card_text, is_asked, Part, CARD_COUNT, TEXT_EN, TEXT_VI};
use cds17::Lang;
use cds17_content::{Card, Content, Statement, Text};

/// The fields of a card's text, named as in the data file.
fn fields(text: &Text) -> [(&'static str, &str); 4] {
    [
        ("title", &text.title),
        ("shift", &text.shift),
        ("before", &text.before),
        ("after", &text.after),
    ]
}

fn content() -> Content {
    cds17_content::load().unwrap()
}

fn appendix() -> String {
    std::fs::read_to_string("content/appendix-2023.txt").unwrap()
}

/// The appendix as running text: the PDF's line and page breaks joined, a
/// word cut by a break after a hyphen ("60-⏎70") made whole again, and runs of
/// spaces made one.
fn running_text(appendix: &str) -> String {
    let mut joined = String::new();
    let mut lines = appendix
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .peekable();
    while let Some(line) = lines.next() {
        joined.push_str(line);
        if !line.ends_with('-') && lines.peek().is_some() {
            joined.push(' ');
        }
    }
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Point `number` of the appendix, from "N. Chuyển" to the next point.
fn point(running: &str, number: usize) -> &str {
    let marker = |n: usize| format!("{n}. Chuyển");
    let start = running
        .find(&marker(number))
        .unwrap_or_else(|| panic!("point {number} is missing"));
    let text = &running[start + marker(number).len() - "Chuyển".len()..];
    let end = if number < usize::from(CARD_COUNT) {
        text.find(&format!(" {}", marker(number + 1)))
            .unwrap_or_else(|| panic!("point {} is missing", number + 1))
    } else {
        text.len()
    };
    text[..end].trim()
}

#[test]
fn there_are_seventeen_cards_numbered_in_order() {
    let content = content();
    assert_eq!(content.cards.len(), usize::from(CARD_COUNT));
    for (index, card) in content.cards.iter().enumerate() {
        assert_eq!(card.number, index + 1);
    }
}

#[test]
fn slugs_are_unique_and_url_safe() {
    let content = content();
    let slugs: HashSet<&str> = content.cards.iter().map(|card| card.slug.as_str()).collect();
    assert_eq!(slugs.len(), content.cards.len(), "duplicate slugs");
    for slug in slugs {
        assert!(
            !slug.is_empty()
                && slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "slug {slug:?} is not lowercase ASCII with hyphens"
        );
    }
}

#[test]
fn no_text_is_empty_or_untidy_in_either_language() {
    for card in content().cards {
        for (lang, text) in [("vi", &card.vi), ("en", &card.en)] {
            for (field, value) in fields(text) {
                let place = format!("card {} {lang}.{field}", card.number);
                assert!(!value.trim().is_empty(), "{place} is empty");
                assert_eq!(value, value.trim(), "{place} has spaces at its ends");
                assert!(
                    !value.contains("  ") && !value.contains('\n'),
                    "{place} has stray whitespace"
                );
            }
        }
    }
}

#[test]
fn the_vietnamese_is_the_appendix_word_for_word() {
    let raw = appendix();
    let running = running_text(&raw);
    for card in content().cards {
        let mut source = point(&running, card.number).to_string();
        for correction in &card.corrections {
            assert!(
                raw.contains(&correction.appendix),
                "card {}: the corrected text {:?} is not in the appendix",
                card.number,
                correction.appendix
            );
            assert!(
                ["shift", "before", "after"].contains(&correction.field.as_str()),
                "card {}: correction of unknown field {}",
                card.number,
                correction.field
            );
            assert!(!correction.why.trim().is_empty(), "card {}: say why", card.number);
            assert_eq!(
                source.matches(&correction.appendix).count(),
                1,
                "card {}: {:?} must occur once in the point",
                card.number,
                correction.appendix
            );
            source = source.replace(&correction.appendix, &correction.corrected);
        }
        let data = format!("{} {} {}", card.vi.shift, card.vi.before, card.vi.after);
        assert_eq!(data, source, "card {} differs from the appendix", card.number);
    }
}

#[test]
fn every_vietnamese_sentence_stands_in_the_appendix() {
    let content = content();
    let mut running = running_text(&appendix());
    for correction in content.cards.iter().flat_map(|card| &card.corrections) {
        running = running.replace(&correction.appendix, &correction.corrected);
    }
    for card in &content.cards {
        for text in [&card.vi.shift, &card.vi.before, &card.vi.after] {
            for sentence in text.split_inclusive(". ").map(str::trim) {
                assert!(running.contains(sentence), "card {}: {sentence:?}", card.number);
            }
        }
    }
}

#[test]
fn titles_are_short_from_to_forms_of_the_shift() {
    for card in content().cards {
        let title = card.vi.title.to_lowercase();
        assert!(
            title.starts_with("từ ") && title.contains(" sang "),
            "card {}",
            card.number
        );
        assert!(
            card.vi.shift.to_lowercase().contains(&title),
            "card {}: the title is not taken from the shift",
            card.number
        );
        let english = &card.en.title;
        assert!(
            english.starts_with("From ") && english.contains(" to "),
            "card {}",
            card.number
        );
    }
}

#[test]
fn the_widget_ships_exactly_the_data_file() {
    for card in content().cards {
        for (text, lang) in [(&card.vi, Lang::Vi), (&card.en, Lang::En)] {
            let shipped = card_text(u8::try_from(card.number).unwrap(), lang);
            assert_eq!(text.title, shipped.title);
            assert_eq!(text.before, shipped.before);
            assert_eq!(text.after, shipped.after);
        }
    }
}

#[test]
fn each_text_file_is_the_data_files_in_one_language_a_line_a_text() {
    let content = content();
    for (file, lang) in [(TEXT_VI, "vi"), (TEXT_EN, "en")] {
        let vi = lang == "vi";
        let mut expected: Vec<&str> = content
            .cards
            .iter()
            .flat_map(|card| {
                let text = if vi { &card.vi } else { &card.en };
                [text.title.as_str(), &text.before, &text.after]
            })
            .collect();
        let source = &content.source;
        expected.extend(if vi {
            [source.vi.as_str(), &source.issuer_vi]
        } else {
            [source.en.as_str(), &source.issuer_en]
        });
        expected.extend(content.ui.iter().map(|s| if vi { s.vi.as_str() } else { &s.en }));
        assert_eq!(file.split('\n').collect::<Vec<_>>(), expected, "{lang}");
    }
}

/// Words that give a statement's answer away, as they read with
/// [`plain_words`], in Vietnamese statements and in English ones (where the
/// Vietnamese abbreviations give it away too); a word ending in `*` stands
/// for any word it begins. "It" only in English: "ít" is Vietnamese for
/// "little".
const GIVEAWAYS_VI: &[&[&str]] = &[
    &["cong", "nghe", "thong", "tin"],
    &["cntt"],
    &["chuyen", "doi"],
    &["cds"],
    &["cong", "nghe", "so"],
    &["nen", "tang", "so"],
    &["moi", "truong", "so"],
    &["so", "hoa"],
    &["ung", "dung", "cong", "nghe"],
];
const GIVEAWAYS_EN: &[&[&str]] = &[
    &["information", "technology"],
    &["it"],
    &["ict"],
    &["digital*"],
    &["digitis*"],
    &["digitiz*"],
    &["transform*"],
    &["cntt"],
    &["cds"],
];

fn giveaways(lang: &str) -> &'static [&'static [&'static str]] {
    if lang == "en" {
        GIVEAWAYS_EN
    } else {
        GIVEAWAYS_VI
    }
}

/// The words of `text` in lower case: split at anything that is not a
/// letter or a digit.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// [`words`] without their diacritics, "đ" read as "d": "Chuyển đổi số"
/// and "chuyen doi so" are the same words to a reader looking for a clue.
fn plain_words(text: &str) -> Vec<String> {
    const FAMILIES: [(&str, char); 7] = [
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ìíỉĩị", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ùúủũụưừứửữự", 'u'),
        ("ỳýỷỹỵ", 'y'),
        ("đ", 'd'),
    ];
    words(text)
        .into_iter()
        .map(|word| {
            word.chars()
                .map(|c| {
                    FAMILIES
                        .iter()
                        .find(|(family, _)| family.contains(c))
                        .map_or(c, |(_, base)| *base)
                })
                .collect()
        })
        .collect()
}

/// Whether the words `run` are `giveaway`, word for word.
fn is_giveaway(run: &[String], giveaway: &[&str]) -> bool {
    run.iter()
        .zip(giveaway)
        .all(|(word, pattern)| match pattern.strip_suffix('*') {
            Some(stem) => word.starts_with(stem),
            None => word == pattern,
        })
}

/// The giveaway `text`, in `lang`, holds, if any.
fn giveaway_in(lang: &str, text: &str) -> Option<String> {
    let words = plain_words(text);
    giveaways(lang).iter().find_map(|giveaway| {
        words
            .windows(giveaway.len())
            .find(|run| is_giveaway(run, giveaway))
            .map(|run| run.join(" "))
    })
}

/// `text`'s words without any giveaway: what could be said neutrally.
fn neutral_words(lang: &str, text: &str) -> Vec<String> {
    let mut words = plain_words(text);
    for giveaway in giveaways(lang) {
        let mut at = 0;
        while at + giveaway.len() <= words.len() {
            let run = &words[at..at + giveaway.len()];
            if is_giveaway(run, giveaway) {
                words.drain(at..at + giveaway.len());
            } else {
                at += 1;
            }
        }
    }
    words
}

#[test]
fn the_giveaway_test_finds_giveaways_whatever_their_case_or_diacritics() {
    assert_eq!(
        giveaway_in("vi", "Chuyển đổi số thì thuê.").as_deref(),
        Some("chuyen doi")
    );
    assert_eq!(giveaway_in("vi", "CHUYEN DOI SO").as_deref(), Some("chuyen doi"));
    assert_eq!(giveaway_in("vi", "Ứng dụng CNTT").as_deref(), Some("cntt"));
    assert_eq!(giveaway_in("vi", "bằng CĐS").as_deref(), Some("cds"));
    assert_eq!(giveaway_in("vi", "Số hoá toàn diện").as_deref(), Some("so hoa"));
    assert_eq!(giveaway_in("en", "It is like a tool.").as_deref(), Some("it"));
    assert_eq!(
        giveaway_in("en", "Digitally transformed").as_deref(),
        Some("digitally")
    );
    assert_eq!(giveaway_in("en", "Applying CNTT").as_deref(), Some("cntt"));
    assert_eq!(
        giveaway_in("vi", "Thuê như dịch vụ điện thoại di động, ít tiền."),
        None
    );
    assert_eq!(giveaway_in("en", "Its own use, with items."), None);
}

#[test]
fn no_statement_gives_the_answer_away() {
    for card in content().cards {
        for statement in &card.statements {
            for (lang, text) in [("vi", &statement.vi), ("en", &statement.en)] {
                let found = giveaway_in(lang, text);
                assert!(
                    found.is_none(),
                    "card {} {} statement in {lang} says “{}”",
                    card.number,
                    statement.side,
                    found.unwrap_or_default()
                );
            }
        }
    }
}

/// The Vietnamese text of the side `statement` is of.
fn vietnamese_side<'a>(card: &'a Card, statement: &Statement) -> &'a str {
    if statement.side == "before" {
        &card.vi.before
    } else {
        &card.vi.after
    }
}

#[test]
fn every_vietnamese_statement_is_its_sides_own_words_in_order() {
    for card in content().cards {
        for statement in card.statements.iter().filter(|s| s.skip.is_none()) {
            let side = vietnamese_side(&card, statement);
            let mut source = words(side).into_iter();
            for word in words(&statement.vi) {
                assert!(
                    source.any(|from| from == word),
                    "card {} {} statement: “{word}” is not next in the side's text, in order",
                    card.number,
                    statement.side
                );
            }
        }
    }
}

#[test]
fn a_side_is_skipped_only_when_nothing_neutral_is_left_of_it() {
    for card in content().cards {
        for statement in card.statements.iter().filter(|s| s.skip.is_some()) {
            let side = vietnamese_side(&card, statement);
            let left = neutral_words("vi", side);
            assert!(
                left.len() < 3,
                "card {} {}: “{}” is left; write a statement",
                card.number,
                statement.side,
                left.join(" ")
            );
        }
    }
}

#[test]
fn the_widget_asks_every_side_with_a_statement_and_no_other() {
    for card in content().cards {
        let number = u8::try_from(card.number).unwrap();
        for (part, data) in [Part::Before, Part::After].into_iter().zip(&card.statements) {
            assert_eq!(is_asked(number, part), data.skip.is_none(), "card {number}");
        }
    }
}
