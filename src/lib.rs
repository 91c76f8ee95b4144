//! cds17: the 17 differences between applying IT ("Ứng dụng CNTT") and
//! digital transformation ("Chuyển đổi số"), as flip cards.
//!
//! Rust sites use [`Explainer`] directly. Everyone else embeds `cds17.js`,
//! which calls [`mount`] and [`unmount`].

mod components;
pub mod content;
pub mod deeplink;
mod dom;
mod embed;
pub mod i18n;
pub mod options;
pub mod palette;
pub mod state;

pub use components::explainer::Explainer;
pub use embed::{add_text, command, mount, unmount};
pub use i18n::Lang;
pub use options::{Options, Theme, View};
pub use state::{Controller, Side, WidgetEvent};

/// The widget's stylesheet, minified. [`Explainer`] carries no styles of its
/// own: a Rust site adopts this into the shadow root it renders the widget
/// in (or puts it in a `<style>` there). `cds17.js` carries the same text.
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));
