//! The widget's languages, and the names of its UI strings.
//!
//! The words themselves are data (`content/ui.toml`), and reach the widget in
//! each language's text file: `content::ui` finds a string in the language's
//! file. The wasm carries none of them.

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
}

// `enum Ui`: a variant per string of content/ui.toml, in its order. A
// string the components name and the data lacks is a compile error rather
// than a blank button.
include!(concat!(env!("OUT_DIR"), "/ui.rs"));

// `enum QuizUi` and `SELF_CHECK_LINES`: the self-check's own words
// (content/self-check.toml and each card's statements), compiled in. Only
// the self-check module reads them.
include!(concat!(env!("OUT_DIR"), "/self_check.rs"));
