//! One flip card: the IT way on the front, the digital-transformation way on
//! the back. It reads of the widget's state only what concerns it: its own
//! side, and whether it is the one in view.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MouseEvent, PointerEvent, TouchEvent};

use super::bindings::{card_text, flag, on_click, true_false, ui_text};
use super::icon::{self, Icon};
use crate::content::{number_label, Part};
use crate::dom::{focus_without_scrolling, listener_element};
use crate::i18n::Ui;
use crate::options::View;
use crate::state::{use_controller, Flag, Side};

/// How far a finger must travel sideways, in CSS px, to count as a swipe.
const SWIPE_MIN_PX: i32 = 48;

#[component]
pub(crate) fn Card(number: u8) -> impl IntoView {
    let controller = use_controller();
    let lang = controller.lang_signal();
    let view = controller.view_signal();

    // In the deck only the current card is shown; in the grid, all of them.
    let current = controller.current_signal();
    let shown = move || view.get() == View::Grid || current.get() == number;

    let on_click = on_click(move |event: MouseEvent| {
        if is_selecting_text(&event) {
            return;
        }
        controller.flip_card(number);
        controller.go_to(number);
        let button = listener_element(&event)
            .and_then(|card| card.query_selector(".cds17-flip").ok().flatten())
            .and_then(|button| button.dyn_into::<HtmlElement>().ok());
        if let Some(button) = button {
            focus_without_scrolling(&button);
        }
    });

    let swipe_start = Rc::new(Cell::new(None::<(i32, i32)>));
    // Where a swipe starts, from `pointerdown` rather than `touchstart`: a
    // touchstart listener may cancel scrolling, so the browser would wait
    // for it before scrolling a page that a finger on a card moves.
    let on_pointerdown = {
        let swipe_start = Rc::clone(&swipe_start);
        move |event: PointerEvent| swipe_start.set(Some((event.client_x(), event.client_y())))
    };
    let on_touchend = move |event: TouchEvent| {
        let (Some((start_x, start_y)), Some(touch)) = (swipe_start.take(), event.changed_touches().get(0))
        else {
            return;
        };
        let (dx, dy) = (touch.client_x() - start_x, touch.client_y() - start_y);
        let is_swipe = dx.abs() >= SWIPE_MIN_PX && dx.abs() > 2 * dy.abs();
        if !is_swipe || view.get_untracked() == View::Grid {
            return;
        }
        // No click, and so no flip, after a swipe. Chrome complains on the
        // console when asked to cancel what it cannot.
        if event.cancelable() {
            event.prevent_default();
        }
        if dx < 0 {
            controller.next();
        } else {
            controller.previous();
        }
    };

    // The face not shown is inert, which also takes it out of the
    // accessibility tree.
    let hidden = move |side: Side| -> Flag {
        let shows_back = controller.shows_back(number);
        match side {
            Side::Before => shows_back,
            Side::After => flag(move || !shows_back()),
        }
    };
    let face = move |side: Side| {
        let (class, label, text) = match side {
            Side::Before => (
                "cds17-face cds17-face-before",
                ui_text(lang, Ui::BeforeLabel),
                card_text(lang, number, Part::Before),
            ),
            Side::After => (
                "cds17-face cds17-face-after",
                ui_text(lang, Ui::AfterLabel),
                card_text(lang, number, Part::After),
            ),
        };
        view! {
            <section class=class inert=hidden(side)>
                <div class="cds17-face-head">
                    <span class="cds17-number">{number_label(number)}</span>
                    <span class="cds17-side">{label}</span>
                </div>
                <h3 class="cds17-title">{card_text(lang, number, Part::Title)}</h3>
                <p class="cds17-text">{text}</p>
            </section>
        }
    };

    view! {
        <li
            class="cds17-slot"
            data-shown=true_false(flag(shown))
            inert=flag(move || !shown())
        >
            <article
                class="cds17-card"
                data-card=number_label(number)
                data-flipped=true_false(controller.shows_back(number))
                on:click:capture=on_click
                on:pointerdown:capture=on_pointerdown
                on:touchend:capture=on_touchend
            >
                <div class="cds17-card-inner">{face(Side::Before)} {face(Side::After)}</div>
                // A toggle with a stable name ("Lật thẻ 5"): the side shown is
                // its pressed state, and the live region says it in words.
                <button
                    class="cds17-flip"
                    type="button"
                    aria-pressed=true_false(controller.shows_back(number))
                >
                    <Icon path=icon::FLIP />
                    {ui_text(lang, Ui::Flip)}
                    <span class="cds17-visually-hidden">" " {number_label(number)}</span>
                </button>
            </article>
        </li>
    }
}

/// A drag that selects text ends in a click too; it should not flip the card.
fn is_selecting_text(event: &MouseEvent) -> bool {
    let on_button = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .is_some_and(|element| element.closest("button").ok().flatten().is_some());
    !on_button
        && web_sys::window()
            .and_then(|window| window.get_selection().ok().flatten())
            .is_some_and(|selection| selection.type_() == "Range")
}
