//! Reactive text and attributes, in two shapes.
//!
//! Leptos generates rendering code for every distinct closure type it is
//! given, so a closure per string would cost every visitor kilobytes. The
//! components take their reactive text and flags from here instead, boxed
//! into one text type and one flag type.

use leptos::prelude::*;

use super::explainer::Controller;
use crate::content::{Card, CardText};
use crate::i18n::{Lang, Strings};

/// Text that follows the widget's state.
pub(crate) type Text = Box<dyn Fn() -> &'static str + Send + Sync>;
/// A yes/no that follows the widget's state.
pub(crate) type Flag = Box<dyn Fn() -> bool + Send + Sync>;

/// Any text computed from the state.
pub(crate) fn text(compute: impl Fn() -> &'static str + Send + Sync + 'static) -> Text {
    Box::new(compute)
}

/// A UI string in the widget's current language.
pub(crate) fn ui_text(lang: RwSignal<Lang>, pick: fn(&'static Strings) -> &'static str) -> Text {
    Box::new(move || pick(lang.get().strings()))
}

/// A part of a card's text in the widget's current language.
pub(crate) fn card_text(
    lang: RwSignal<Lang>,
    card: &'static Card,
    pick: fn(&'static CardText) -> &'static str,
) -> Text {
    Box::new(move || pick(card.text(lang.get())))
}

/// Whether `signal` holds `value` (or, with `equal: false`, does not).
pub(crate) fn holds<T>(signal: RwSignal<T>, value: T, equal: bool) -> Flag
where
    T: PartialEq + Copy + Send + Sync + 'static,
{
    Box::new(move || (signal.get() == value) == equal)
}

/// `"true"` or `"false"`, for `aria-pressed` and its kin.
pub(crate) fn true_false(flag: Flag) -> Text {
    Box::new(move || if flag() { "true" } else { "false" })
}

/// A click handler that runs `action` on the widget's controller. Plain
/// buttons share this one closure type instead of one each.
pub(crate) fn act(
    controller: Controller,
    action: fn(&Controller),
) -> impl FnMut(web_sys::MouseEvent) + Copy + 'static {
    move |_| action(&controller)
}
