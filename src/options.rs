//! Turns what a webmaster wrote (`data-*` attributes, or the options object of
//! `CDS17.mount`) into [`Options`]. A bad value never fails: it becomes the
//! default plus a [`Warning`] that names the option, the value and the default.

use crate::content::CARD_COUNT;
use crate::i18n::Lang;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// One card at a time, with navigation.
    #[default]
    Deck,
    /// All 17 cards at once.
    Grid,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// Follows `prefers-color-scheme`.
    Auto,
}

impl View {
    pub fn code(self) -> &'static str {
        match self {
            View::Deck => "deck",
            View::Grid => "grid",
        }
    }
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    pub lang: Lang,
    /// The first card shown, 1..=17.
    pub card: u8,
    pub view: View,
    pub theme: Theme,
    /// `None` when not given: the page then decides (on for its first widget).
    pub deeplink: Option<bool>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: Lang::Vi,
            card: 1,
            view: View::Deck,
            theme: Theme::Light,
            deeplink: None,
        }
    }
}

/// A value as the host gave it. Attributes are always text; the options
/// object may also hold numbers and booleans, or anything else at all.
#[derive(Clone, Debug, PartialEq)]
pub enum RawValue {
    Text(String),
    Number(f64),
    Bool(bool),
    /// An object, array, function, symbol…: never valid, but must not throw.
    Other,
}

/// Where the value came from, so the warning names it the way the webmaster
/// wrote it (`data-card` in HTML, `card` in JavaScript).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `data-card="5"` on the placeholder.
    Attribute,
    /// `{ card: 5 }` passed to `CDS17.mount`.
    Script,
    /// `?card=5` in the address of `embed.html`.
    Query,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub origin: Origin,
    /// The option's name without `data-`: `lang`, `card`, …
    pub option: &'static str,
    /// The offending text, cut short. `None` for a value that is not text:
    /// the browser edge then logs the value itself, which the console shows
    /// better than any description built here.
    pub value: Option<String>,
    /// What the widget uses instead.
    pub default: &'static str,
}

/// The names of every option, in the order the spec lists them.
pub const OPTION_NAMES: [&str; 5] = ["lang", "card", "view", "theme", "deeplink"];

/// Applies `(name, value)` pairs in order: a later pair overrides an earlier
/// one, so the options object of `CDS17.mount` can override attributes.
/// Unknown names are ignored: hosts put their own `data-*` on elements.
pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, RawValue, Origin)>) -> (Options, Vec<Warning>) {
    let mut options = Options::default();
    let mut warnings = Vec::new();
    for (name, value, origin) in pairs {
        let mut warn = |option: &'static str, default: &'static str| {
            warnings.push(Warning {
                origin,
                option,
                value: describe(&value),
                default,
            })
        };
        match name {
            "lang" => match parse_lang(&value) {
                Some(lang) => options.lang = lang,
                None => {
                    options.lang = Lang::default();
                    warn("lang", Lang::default().code());
                }
            },
            "card" => match parse_card(&value) {
                Some(card) => options.card = card,
                None => {
                    options.card = 1;
                    warn("card", "1");
                }
            },
            "view" => match keyword(&value, &["deck", "grid"]) {
                Some(0) => options.view = View::Deck,
                Some(_) => options.view = View::Grid,
                None => {
                    options.view = View::default();
                    warn("view", View::default().code());
                }
            },
            "theme" => match keyword(&value, &["light", "dark", "auto"]) {
                Some(0) => options.theme = Theme::Light,
                Some(1) => options.theme = Theme::Dark,
                Some(_) => options.theme = Theme::Auto,
                None => {
                    options.theme = Theme::default();
                    warn("theme", Theme::default().code());
                }
            },
            "deeplink" => match parse_switch(&value) {
                Some(on) => options.deeplink = Some(on),
                None => {
                    options.deeplink = None;
                    warn(
                        "deeplink",
                        "on for the first widget on the page, off for the others",
                    );
                }
            },
            _ => {}
        }
    }
    (options, warnings)
}

/// `vi` or `en`, in any case, with or without a region (`vi-VN`).
pub fn parse_lang(value: &RawValue) -> Option<Lang> {
    let RawValue::Text(text) = value else {
        return None;
    };
    let primary = text.trim().split(['-', '_']).next().unwrap_or("");
    if primary.eq_ignore_ascii_case("vi") {
        Some(Lang::Vi)
    } else if primary.eq_ignore_ascii_case("en") {
        Some(Lang::En)
    } else {
        None
    }
}

/// 1..=17, as a whole number or as a string of ASCII digits.
pub fn parse_card(value: &RawValue) -> Option<u8> {
    match value {
        RawValue::Text(text) => card_from_digits(text.trim()),
        RawValue::Number(number) => {
            let in_range = (1.0..=f64::from(CARD_COUNT)).contains(number);
            // Casting is exact: the number is a whole number within 1..=17.
            (in_range && number.fract() == 0.0).then_some(*number as u8)
        }
        RawValue::Bool(_) | RawValue::Other => None,
    }
}

/// Digits only (no sign, no spaces inside), leading zeros allowed, 1..=17.
pub fn card_from_digits(digits: &str) -> Option<u8> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let significant = digits.trim_start_matches('0');
    if significant.len() > 2 {
        return None;
    }
    let number = significant.bytes().fold(0u8, |n, b| n * 10 + (b - b'0'));
    (1..=CARD_COUNT).contains(&number).then_some(number)
}

fn parse_switch(value: &RawValue) -> Option<bool> {
    match value {
        RawValue::Bool(on) => Some(*on),
        RawValue::Text(_) => keyword(value, &["off", "on"]).map(|index| index == 1),
        RawValue::Number(_) | RawValue::Other => None,
    }
}

/// The index of the keyword the text matches, ignoring case and surrounding
/// whitespace.
fn keyword(value: &RawValue, keywords: &[&str]) -> Option<usize> {
    let RawValue::Text(text) = value else {
        return None;
    };
    let text = text.trim();
    keywords.iter().position(|k| k.eq_ignore_ascii_case(text))
}

/// Text cut short, so a huge value cannot flood the console.
fn describe(value: &RawValue) -> Option<String> {
    const MAX_CHARS: usize = 60;
    let RawValue::Text(text) = value else {
        return None;
    };
    let mut shown = String::from(cut_short(text, MAX_CHARS));
    if shown.len() < text.len() {
        shown.push('…');
    }
    Some(shown)
}

/// The first `max_chars` characters of `text`.
pub fn cut_short(text: &str, max_chars: usize) -> &str {
    match text.char_indices().nth(max_chars) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn any_value() -> impl Strategy<Value = RawValue> {
        prop_oneof![
            ".{0,200}".prop_map(RawValue::Text),
            "[0-9 +.-]{0,6}".prop_map(RawValue::Text),
            "(?i)(vi|en|deck|grid|light|dark|auto|on|off)".prop_map(RawValue::Text),
            any::<f64>().prop_map(RawValue::Number),
            (-5i32..25).prop_map(|n| RawValue::Number(f64::from(n))),
            any::<bool>().prop_map(RawValue::Bool),
            Just(RawValue::Other),
        ]
    }

    #[test]
    fn cutting_short_keeps_whole_characters() {
        assert_eq!(cut_short("Chuyển đổi số", 4), "Chuy");
        assert_eq!(cut_short("Chuyển đổi số", 5), "Chuyể");
        assert_eq!(cut_short("số", 60), "số");
        assert_eq!(cut_short("", 3), "");
    }

    fn any_name() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::sample::select(OPTION_NAMES.to_vec()).prop_map(String::from),
            "[a-z-]{0,10}",
        ]
    }

    fn any_origin() -> impl Strategy<Value = Origin> {
        proptest::sample::select(vec![Origin::Attribute, Origin::Script, Origin::Query])
    }

    proptest! {
        #[test]
        fn any_input_gives_valid_options_and_at_most_one_warning_per_value(
            pairs in proptest::collection::vec((any_name(), any_value(), any_origin()), 0..12)
        ) {
            let known = pairs.iter().filter(|(name, _, _)| OPTION_NAMES.contains(&name.as_str())).count();
            let (options, warnings) =
                parse(pairs.iter().map(|(name, value, origin)| (name.as_str(), value.clone(), *origin)));
            prop_assert!((1..=CARD_COUNT).contains(&options.card));
            prop_assert!(warnings.len() <= known);
            for warning in &warnings {
                prop_assert!(OPTION_NAMES.contains(&warning.option));
                prop_assert!(warning.value.as_ref().is_none_or(|value| value.chars().count() <= 61));
            }
        }

        #[test]
        fn a_valid_value_is_taken_without_a_warning(card in 1..=CARD_COUNT, spaces in " {0,3}", zeros in 0usize..3) {
            let text = format!("{spaces}{}{card}{spaces}", "0".repeat(zeros));
            let (options, warnings) = parse([("card", RawValue::Text(text), Origin::Attribute)]);
            prop_assert_eq!(options.card, card);
            prop_assert!(warnings.is_empty());
        }

        #[test]
        fn a_value_that_is_not_a_card_number_falls_back_to_card_1(text in ".{0,40}") {
            prop_assume!(card_from_digits(text.trim()).is_none());
            let (options, warnings) = parse([("card", RawValue::Text(text), Origin::Query)]);
            prop_assert_eq!(options.card, 1);
            prop_assert_eq!(warnings.len(), 1);
        }
    }

    fn text(value: &str) -> RawValue {
        RawValue::Text(value.into())
    }

    fn from_attributes(pairs: &[(&'static str, &str)]) -> (Options, Vec<Warning>) {
        parse(
            pairs
                .iter()
                .map(|(name, value)| (*name, text(value), Origin::Attribute)),
        )
    }

    #[test]
    fn no_options_gives_the_defaults_and_no_warning() {
        assert_eq!(parse([]), (Options::default(), vec![]));
    }

    #[test]
    fn every_documented_value_is_accepted() {
        let (options, warnings) = from_attributes(&[
            ("lang", "en"),
            ("card", "17"),
            ("view", "grid"),
            ("theme", "auto"),
            ("deeplink", "off"),
        ]);
        assert!(warnings.is_empty());
        assert_eq!(
            options,
            Options {
                lang: Lang::En,
                card: 17,
                view: View::Grid,
                theme: Theme::Auto,
                deeplink: Some(false),
            }
        );
    }

    #[test]
    fn case_and_surrounding_spaces_are_forgiven() {
        let (options, warnings) = from_attributes(&[
            ("lang", " EN-us "),
            ("view", "Grid"),
            ("theme", "DARK "),
            ("card", " 07 "),
        ]);
        assert!(warnings.is_empty());
        assert_eq!(
            (options.lang, options.view, options.theme, options.card),
            (Lang::En, View::Grid, Theme::Dark, 7)
        );
    }

    #[test]
    fn a_bad_value_falls_back_to_the_default_with_one_warning() {
        for (name, bad, default) in [
            ("lang", "fr", "vi"),
            ("card", "18", "1"),
            ("card", "0", "1"),
            ("card", "-3", "1"),
            ("card", "3.5", "1"),
            ("card", "", "1"),
            ("card", "<script>alert(1)</script>", "1"),
            ("view", "carousel", "deck"),
            ("theme", "sepia", "light"),
        ] {
            let (options, warnings) = from_attributes(&[(name, bad)]);
            assert_eq!(options.card, 1, "{name}={bad}");
            assert_eq!(warnings.len(), 1, "{name}={bad}");
            assert_eq!(warnings[0].option, name);
            assert_eq!(warnings[0].value.as_deref(), Some(bad));
            assert_eq!(warnings[0].default, default);
        }
    }

    #[test]
    fn script_values_may_be_numbers_numeric_strings_and_booleans() {
        let (options, warnings) = parse([
            ("card", RawValue::Number(5.0), Origin::Script),
            ("deeplink", RawValue::Bool(false), Origin::Script),
        ]);
        assert!(warnings.is_empty());
        assert_eq!((options.card, options.deeplink), (5, Some(false)));
        let (options, _) = parse([("card", text("12"), Origin::Script)]);
        assert_eq!(options.card, 12);
    }

    #[test]
    fn odd_numbers_and_values_of_the_wrong_type_warn() {
        for value in [
            RawValue::Number(0.0),
            RawValue::Number(18.0),
            RawValue::Number(2.5),
            RawValue::Number(f64::NAN),
            RawValue::Number(f64::INFINITY),
            RawValue::Bool(true),
            RawValue::Other,
        ] {
            let (options, warnings) = parse([("card", value.clone(), Origin::Script)]);
            assert_eq!(options.card, 1, "{value:?}");
            assert_eq!(warnings.len(), 1, "{value:?}");
        }
        let (options, warnings) = parse([("lang", RawValue::Number(1.0), Origin::Script)]);
        assert_eq!((options.lang, warnings.len()), (Lang::Vi, 1));
    }

    #[test]
    fn later_values_override_earlier_ones() {
        let (options, warnings) = parse([
            ("card", text("4"), Origin::Attribute),
            ("card", RawValue::Number(9.0), Origin::Script),
        ]);
        assert!(warnings.is_empty());
        assert_eq!(options.card, 9);
    }

    #[test]
    fn unknown_names_are_left_to_the_host() {
        let (options, warnings) = from_attributes(&[("cds17", ""), ("tracking", "x")]);
        assert_eq!((options, warnings), (Options::default(), vec![]));
    }

    #[test]
    fn huge_values_are_cut_short_in_the_warning() {
        let huge = "9".repeat(100_000);
        let (options, warnings) = from_attributes(&[("card", &huge)]);
        assert_eq!(options.card, 1);
        assert!(warnings[0]
            .value
            .as_ref()
            .is_some_and(|v| v.chars().count() <= 61));
    }

    #[test]
    fn card_digits_accept_leading_zeros_and_nothing_else() {
        assert_eq!(card_from_digits("007"), Some(7));
        assert_eq!(card_from_digits("17"), Some(17));
        assert_eq!(card_from_digits("000"), None);
        assert_eq!(card_from_digits("1 7"), None);
        assert_eq!(card_from_digits("+7"), None);
        assert_eq!(card_from_digits("٧"), None);
        assert_eq!(card_from_digits("99999999999999999999"), None);
    }
}
