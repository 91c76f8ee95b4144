//! The widget's languages, and the names of its UI strings.
//!
//! The words themselves are data (`content/ui.toml`), and reach the widget in
//! each language's text file (see `content.rs`): the wasm carries none of
//! them.

use crate::content;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The BCP 47 code, for `lang` attributes and the `cds17:ready` event.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// A UI string in this language; empty while its text has not arrived (a
    /// widget shows a language only once its text is here).
    pub fn ui(self, string: Ui) -> &'static str {
        content::line(self, content::ui_line(string))
    }
}

// `enum Ui`: a variant per string of content/ui.toml, in its order. A
// string the components name and the data lacks is a compile error rather
// than a blank button.
include!(concat!(env!("OUT_DIR"), "/ui.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    fn all(lang: Lang) -> Vec<&'static str> {
        (0..Ui::KEYS.len())
            .map(|index| content::line(lang, content::ui_line(Ui::Eyebrow) + index))
            .collect()
    }

    #[test]
    fn every_ui_string_exists_in_both_languages() {
        for lang in [Lang::Vi, Lang::En] {
            for (key, text) in Ui::KEYS.iter().zip(all(lang)) {
                assert!(!text.trim().is_empty(), "{lang:?} has an empty {key}");
            }
        }
    }

    #[test]
    fn the_two_languages_are_really_translated() {
        let same: Vec<_> = Ui::KEYS
            .iter()
            .zip(all(Lang::Vi).into_iter().zip(all(Lang::En)))
            .filter(|(_, (vi, en))| vi == en)
            .collect();
        assert!(same.is_empty(), "untranslated: {same:?}");
    }

    #[test]
    fn a_string_is_found_by_its_name() {
        assert_eq!(Lang::Vi.ui(Ui::Flip), "Lật thẻ");
        assert_eq!(Lang::En.ui(Ui::Flip), "Flip card");
        assert_eq!(Lang::En.ui(Ui::LinkNotCopied), all(Lang::En)[Ui::KEYS.len() - 1]);
    }
}
