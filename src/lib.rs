//! cds17: the 17 differences between applying IT ("Ứng dụng CNTT") and
//! digital transformation ("Chuyển đổi số"), as flip cards.
//!
//! Rust sites use [`Explainer`] directly. Everyone else embeds `cds17.js`,
//! which calls `mount` and `unmount`, and fetches the self-check module
//! (`self_check.rs`) when a visitor opens the self-check.

mod components;
pub mod content;
pub mod deeplink;
mod dom;
// The widget's exports for `cds17.js`, and, in the self-check module's own
// build, that module's instead: each wasm carries only its own.
#[cfg(not(feature = "self-check"))]
mod embed;
pub mod i18n;
pub mod options;
pub mod palette;
#[cfg(feature = "self-check")]
mod self_check;
pub mod state;

pub use components::explainer::Explainer;
#[cfg(not(feature = "self-check"))]
pub use embed::{add_text, command, mount, unmount};
pub use i18n::Lang;
pub use options::{Options, Theme, View};
pub use state::{Controller, Side, WidgetEvent};

/// The widget's stylesheet, minified. [`Explainer`] carries no styles of its
/// own: a Rust site adopts this into the shadow root it renders the widget
/// in (or puts it in a `<style>` there). `cds17.js` carries the same text.
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));
