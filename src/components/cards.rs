//! The 17 cards, laid out as a deck (one at a time, with navigation) or as a
//! grid (all at once). Both views are the same cards under different CSS, so
//! switching keeps every card's side and costs no re-render.

use std::cell::Cell;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use super::card::{self, Card};
use super::nav::{self, Nav};
use crate::content::CARD_NUMBERS;
use crate::dom::find;
use crate::state::{use_controller, Controller, Looks};

#[component]
pub(crate) fn Cards() -> impl IntoView {
    let controller = use_controller();
    let looks = untrack(|| controller.looks());

    // In the deck, only the current card is laid out, and the stack fills
    // the height reserved for the widget (that of its tallest card): moving
    // on never changes the widget's height, and the buttons stay under the
    // finger (cards.css).
    view! {
        <div class="cds17-cards" use:follow_looks=controller>
            <ol class="cds17-stack">
                {CARD_NUMBERS.map(|number| view! { <Card number=number look=looks.card(number) /> })}
            </ol>
            <Nav looks=looks />
        </div>
    }
}

/// Keeps the cards and the pager's buttons, rendered in their looks, in
/// step with the state through one effect: it brings each card whose look
/// has changed to its new look (`card::restyle`, `nav::restyle_page`). Its
/// first run only reads the looks. An effect per word and per attribute
/// instead cost some 320 render effects to hydrate, half the takeover
/// (docs/speed.md). A directive (`use:`) hands it the element.
fn follow_looks(cards: Element, controller: Controller) {
    let before = Cell::new(None::<Looks>);
    // Its value has the shape of Leptos's own attribute effects,
    // `(Element, &str)`, so that their code serves it too (some 250 B gzip
    // less than a shape of its own); the looks before are in `before`.
    let effect = RenderEffect::new(move |_| {
        let now = controller.looks();
        if let Some(before) = before.replace(Some(now)).filter(|before| *before != now) {
            let (mut slot, mut item) = (first_in(&cards, ".cds17-stack"), first_in(&cards, ".cds17-pager"));
            for number in CARD_NUMBERS {
                let (was, is) = (before.card(number), now.card(number));
                if was != is {
                    if let Some(slot) = &slot {
                        card::restyle(slot.unchecked_ref(), number, was, is);
                    }
                    if let Some(item) = &item {
                        nav::restyle_page(item.unchecked_ref(), number, was, is);
                    }
                }
                slot = slot.and_then(|slot| slot.next_sibling());
                item = item.and_then(|item| item.next_sibling());
            }
        }
        (cards.clone(), "")
    });
    // A render effect stops when dropped: it lives as long as the widget.
    let effect = SendWrapper::new(effect);
    on_cleanup(move || drop(effect));
}

/// The first item of the list `selector` finds inside `within`. The
/// stack and the pager hold their 17 items and nothing else (no text, no
/// markers: an array renders none), so each item is an element.
fn first_in(within: &Element, selector: &str) -> Option<Node> {
    find(within, selector).and_then(|list| list.first_child())
}
