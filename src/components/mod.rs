//! One Leptos component per file, each with its stylesheet beside it.

mod bindings;
mod card;
mod cards;
pub mod explainer;
mod icon;
mod nav;
mod source_line;
mod toolbar;
