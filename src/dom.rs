//! The DOM helpers that the components and `embed.rs` both use.

use wasm_bindgen::JsCast;
use web_sys::{Element, FocusOptions, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

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
