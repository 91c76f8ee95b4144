//! cds17: the 17 differences between applying IT ("Ứng dụng CNTT") and
//! digital transformation ("Chuyển đổi số"), as flip cards.
//!
//! Rust sites use [`Explainer`] directly. Everyone else embeds `cds17.js`,
//! which calls [`mount`] and [`unmount`].

mod components;
pub mod content;
pub mod deeplink;
mod embed;
pub mod i18n;
pub mod options;
pub mod palette;

pub use components::explainer::{Controller, Explainer, Side, WidgetEvent};
pub use embed::{mount, unmount, WidgetHandle};
pub use i18n::Lang;
pub use options::{Options, Theme, View};
