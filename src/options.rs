//! A widget's options, and the states the loader paints.
//!
//! What a webmaster writes (`data-*` attributes, the options object of
//! `CDS17.mount`, `?card=` on the iframe page, `#cds17-N`) is read once, by
//! the loader (`www/options.js`): the first paint needs it before the wasm
//! exists, and reading it twice would cost every visitor 4 KB of wasm, with
//! two readings that could disagree. Rust sites build [`Options`] directly.

use crate::content::CARD_COUNT;
use crate::i18n::Lang;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// One card at a time, with navigation.
    #[default]
    Deck,
    /// All 17 cards at once.
    Grid,
    /// The self-check: ten statements to tell apart.
    Quiz,
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
            View::Quiz => "quiz",
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

    /// The theme the loader numbers `index` (light, dark, auto).
    pub fn from_u8(index: u8) -> Theme {
        match index {
            1 => Theme::Dark,
            2 => Theme::Auto,
            _ => Theme::Light,
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

/// The views the loader paints before the wasm has arrived, in the order it
/// numbers them.
pub const PAINTED_VIEWS: [View; 2] = [View::Deck, View::Grid];

/// The state of the view the loader painted, as it numbers states (in
/// `www/loader.js`, and `xtask/src/paint.rs` that encodes the views):
/// `(lang × views + view) × 17 + card − 1`, the languages being `vi`, `en`.
pub fn painted(state: u32) -> Option<(Lang, View, u8)> {
    let cards = u32::from(CARD_COUNT);
    let views = PAINTED_VIEWS.len() as u32;
    let lang = match state / (views * cards) {
        0 => Lang::Vi,
        1 => Lang::En,
        _ => return None,
    };
    let view = PAINTED_VIEWS.get(((state / cards) % views) as usize).copied()?;
    Some((lang, view, (state % cards) as u8 + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_painted_state_names_one_language_view_and_card() {
        let mut seen = Vec::new();
        for state in 0..2 * 2 * 17 {
            let shown = painted(state).unwrap();
            assert!((1..=CARD_COUNT).contains(&shown.2));
            assert!(!seen.contains(&shown));
            seen.push(shown);
        }
        assert_eq!(painted(0), Some((Lang::Vi, View::Deck, 1)));
        assert_eq!(painted(17 + 4), Some((Lang::Vi, View::Grid, 5)));
        assert_eq!(painted(2 * 17 + 16), Some((Lang::En, View::Deck, 17)));
        assert_eq!(painted(2 * 2 * 17), None);
    }

    #[test]
    fn themes_are_numbered_as_the_loader_numbers_them() {
        assert_eq!(
            [0, 1, 2, 3].map(|index| Theme::from_u8(index).code()),
            ["light", "dark", "auto", "light"]
        );
    }
}
