//! Reactive text, attributes and click handlers, each in one shape.
//!
//! Leptos generates code for every distinct closure type it is given: a
//! closure per string or per click handler would cost every visitor
//! kilobytes. The components take them from here instead, boxed into one
//! type each (and the state's flags are one type too: `state::Flag`).
//!
//! Every listener in the components is a capture listener
//! (`on:click:capture`): for a plain one, tachys links its code for
//! delegated events even with the `delegation` feature off, as it decides
//! at run time (2.2 KB gzip of wasm). No component has a listener inside
//! another's for the same event, so the phase changes nothing else.

use crate::content::{self, card_line, Part};
use crate::i18n::{Lang, Ui};
use crate::state::{Controller, Flag, SmallSignal};

/// Text that follows the widget's state.
pub(crate) type Text = Box<dyn Fn() -> &'static str + Send + Sync>;

/// Any text computed from the state.
pub(crate) fn text(compute: impl Fn() -> &'static str + Send + Sync + 'static) -> Text {
    Box::new(compute)
}

/// A UI string in the widget's current language.
pub(crate) fn ui_text(lang: SmallSignal<Lang>, string: Ui) -> Text {
    line_text(lang, content::ui_line(string))
}

/// A part of card `number`'s text in the widget's current language.
pub(crate) fn card_text(lang: SmallSignal<Lang>, number: u8, part: Part) -> Text {
    line_text(lang, card_line(number, part))
}

/// A line of the text file of the widget's current language: every word
/// the widget shows goes through this one shape.
fn line_text(lang: SmallSignal<Lang>, index: usize) -> Text {
    Box::new(move || content::line(lang.get(), index))
}

/// Any yes/no computed from the state.
pub(crate) fn flag(compute: impl Fn() -> bool + Send + Sync + 'static) -> Flag {
    Box::new(compute)
}

/// `"true"` or `"false"`, for `aria-pressed` and its kin.
pub(crate) fn true_false(flag: Flag) -> Text {
    Box::new(move || if flag() { "true" } else { "false" })
}

/// What a click does.
pub(crate) type OnClick = Box<dyn FnMut(web_sys::MouseEvent)>;

/// A click handler that runs `action` on the widget's controller.
pub(crate) fn act(controller: Controller, action: impl Fn(&Controller) + 'static) -> OnClick {
    Box::new(move |_| action(&controller))
}

/// Any click handler.
pub(crate) fn on_click(handler: impl FnMut(web_sys::MouseEvent) + 'static) -> OnClick {
    Box::new(handler)
}
