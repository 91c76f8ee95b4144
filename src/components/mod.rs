//! One Leptos component per file, each with its stylesheet beside it.

mod bindings;
mod card;
mod cards;
pub mod explainer;
mod icon;
mod nav;
// Only where the self-check is rendered: a Rust site's build, and the
// self-check module's (`cds17.js` fetches it when a visitor opens it).
#[cfg(any(feature = "csr", feature = "self-check"))]
pub(crate) mod quiz;
mod source_line;
mod toolbar;
