//! A line icon, drawn in the current text colour.

use leptos::prelude::*;

pub(crate) const FLIP: &str =
    "M4 12a8 8 0 0 1 13.7-5.6L20 8.7M20 4v4.7h-4.7M20 12a8 8 0 0 1-13.7 5.6L4 15.3M4 20v-4.7h4.7";
pub(crate) const LINK: &str =
    "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1";
pub(crate) const PREVIOUS: &str = "M19 12H5M11 18l-6-6 6-6";
pub(crate) const NEXT: &str = "M5 12h14M13 6l6 6-6 6";

/// The path comes in as a value, not a literal, and that matters: `view!`
/// turns a fully literal subtree into an HTML string set with `innerHTML`,
/// which a page enforcing Trusted Types refuses. Built element by element,
/// the icon works there too.
#[component]
pub(crate) fn Icon(path: &'static str) -> impl IntoView {
    view! {
        <svg class="cds17-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path />
        </svg>
    }
}
