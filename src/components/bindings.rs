//! Reactive text and attributes, click handlers and effects, each in one
//! shape.
//!
//! Leptos generates code for every distinct closure type it is given: a
//! closure per string, per click handler or per effect would cost every
//! visitor kilobytes. The components take them from here instead, boxed
//! into one type each.
//!
//! Every listener in the components is a capture listener
//! (`on:click:capture`): for a plain one, tachys links its code for
//! delegated events even with the `delegation` feature off, as it decides
//! at run time (2.2 KB gzip of wasm). No component has a listener inside
//! another's for the same event, so the phase changes nothing else.

use std::marker::PhantomData;

use leptos::prelude::*;

use super::explainer::Controller;
use crate::content::{self, card_line, Part};
use crate::i18n::{Lang, Ui};
use crate::options::View;

/// A value with a handful of possible states, which fits in a `u8`.
pub(crate) trait Small: Copy + 'static {
    fn to_u8(self) -> u8;
    fn from_u8(index: u8) -> Self;
}

impl Small for bool {
    fn to_u8(self) -> u8 {
        u8::from(self)
    }
    fn from_u8(index: u8) -> Self {
        index != 0
    }
}

impl Small for Lang {
    fn to_u8(self) -> u8 {
        self as u8
    }
    fn from_u8(index: u8) -> Self {
        if index == Lang::En as u8 {
            Lang::En
        } else {
            Lang::Vi
        }
    }
}

impl Small for View {
    fn to_u8(self) -> u8 {
        self as u8
    }
    fn from_u8(index: u8) -> Self {
        if index == View::Grid as u8 {
            View::Grid
        } else {
            View::Deck
        }
    }
}

/// A signal of a [`Small`] value (a language, a view, a yes/no), kept as a
/// `u8`. Each type of signal brings its own copy of the reactive code; this
/// way every signal of the widget shares that of `RwSignal<u8>`.
pub(crate) struct Choice<T> {
    index: RwSignal<u8>,
    kind: PhantomData<fn() -> T>,
}

impl<T> Clone for Choice<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Choice<T> {}

impl<T: Small> Choice<T> {
    pub fn new(value: T) -> Self {
        Choice {
            index: RwSignal::new(value.to_u8()),
            kind: PhantomData,
        }
    }

    /// The value, tracked: a reactive closure that calls it runs again
    /// when it changes.
    pub fn get(self) -> T {
        T::from_u8(self.index.get())
    }

    pub fn get_untracked(self) -> T {
        T::from_u8(self.index.try_get_untracked().unwrap_or_default())
    }

    pub fn set(self, value: T) {
        self.index.try_set(value.to_u8());
    }

    /// Whether it holds `value` (or, with `equal: false`, does not).
    pub fn holds(self, value: T, equal: bool) -> Flag {
        holds(self.index, value.to_u8(), equal)
    }
}

/// Text that follows the widget's state.
pub(crate) type Text = Box<dyn Fn() -> &'static str + Send + Sync>;
/// A yes/no that follows the widget's state.
pub(crate) type Flag = Box<dyn Fn() -> bool + Send + Sync>;

/// Any text computed from the state.
pub(crate) fn text(compute: impl Fn() -> &'static str + Send + Sync + 'static) -> Text {
    Box::new(compute)
}

/// A UI string in the widget's current language.
pub(crate) fn ui_text(lang: Choice<Lang>, string: Ui) -> Text {
    line_text(lang, content::ui_line(string))
}

/// A part of card `number`'s text in the widget's current language.
pub(crate) fn card_text(lang: Choice<Lang>, number: u8, part: Part) -> Text {
    line_text(lang, card_line(number, part))
}

/// A line of the text file of the widget's current language: every word
/// the widget shows goes through this one shape.
fn line_text(lang: Choice<Lang>, index: usize) -> Text {
    Box::new(move || content::line(lang.get(), index))
}

/// Whether `signal` holds `value` (or, with `equal: false`, does not).
pub(crate) fn holds(signal: RwSignal<u8>, value: u8, equal: bool) -> Flag {
    Box::new(move || (signal.get() == value) == equal)
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

/// An effect: it is given what it returned last time (`None` on its first
/// run), and runs again whenever a signal it read changes.
pub(crate) fn watch(run: impl FnMut(Option<u8>) -> u8 + 'static) {
    let run: Box<dyn FnMut(Option<u8>) -> u8> = Box::new(run);
    Effect::new(run);
}
