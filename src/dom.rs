//! The DOM helpers that the components and `embed.rs` both use.

use wasm_bindgen::JsCast;
use web_sys::{
    Element, FocusOptions, HtmlElement, KeyboardEvent, ScrollIntoViewOptions, ScrollLogicalPosition,
};

use crate::content::number_label;

/// Moves focus to a card's flip button once the DOM shows that card (it is
/// inert until then), bringing the card into view first when asked to.
pub(crate) fn focus_card_later(within: Element, card: u8, scroll: bool) {
    let mut selector = String::from(".cds17-card[data-card=\"");
    selector.push_str(number_label(card));
    selector.push_str("\"]");
    after_render(Box::new(move || {
        let Ok(Some(card)) = within.query_selector(&selector) else {
            return;
        };
        if scroll {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Start);
            card.scroll_into_view_with_scroll_into_view_options(&options);
        }
        let button = card.query_selector(".cds17-flip").ok().flatten();
        if let Some(button) = button.and_then(|button| button.dyn_into::<HtmlElement>().ok()) {
            focus_without_scrolling(&button);
        }
    }));
}

/// The key of a press the widget may answer: one nothing has handled yet,
/// and without Alt, Ctrl or Meta, whose shortcuts are the browser's and
/// the system's.
pub(crate) fn plain_key(event: &KeyboardEvent) -> Option<String> {
    let taken = event.default_prevented() || event.alt_key() || event.ctrl_key() || event.meta_key();
    (!taken).then(|| event.key())
}

/// The element a listener is on (`currentTarget`), as an element.
pub(crate) fn listener_element(event: &web_sys::Event) -> Option<Element> {
    event
        .current_target()
        .and_then(|target| target.dyn_into::<Element>().ok())
}

/// Runs `task` once the DOM shows the changes made so far. Leptos updates
/// the DOM in tasks queued when a signal changes; this task queues behind
/// them. One boxed shape, so the async machinery is generated once.
pub(crate) fn after_render(task: Box<dyn FnOnce()>) {
    leptos::task::spawn_local(async move { task() });
}

pub(crate) fn focus_without_scrolling(element: &HtmlElement) {
    let options = FocusOptions::new();
    options.set_prevent_scroll(true);
    // Focus fails only on an element that has left the page: nothing to do.
    let _ = element.focus_with_options(&options);
}

/// Moves focus to the element `selector` finds inside `within`, once the
/// DOM shows the changes made so far (it may be hidden until then).
#[cfg(any(feature = "csr", feature = "self-check"))]
pub(crate) fn focus_later(within: Element, selector: &'static str) {
    after_render(Box::new(move || {
        let found = within.query_selector(selector).ok().flatten();
        if let Some(element) = found.and_then(|found| found.dyn_into::<HtmlElement>().ok()) {
            let _ = element.focus();
        }
    }));
}

/// Random bytes from the browser's `crypto.getRandomValues`, for drawing a
/// round of the self-check. Where it fails (never, in a browser that runs
/// wasm), the bytes stay zero: the round is still a valid one.
#[cfg(any(feature = "csr", feature = "self-check"))]
pub(crate) fn random_bytes() -> crate::state::quiz::Random {
    let mut bytes = crate::state::quiz::Random::default();
    if let Some(crypto) = web_sys::window().and_then(|window| window.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes
}
