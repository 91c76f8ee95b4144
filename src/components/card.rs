//! One flip card: the IT way on the front, the digital-transformation way on
//! the back. It reads of the widget's state only what concerns it: its own
//! side, and whether it is the one in view.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MouseEvent, PointerEvent, TouchEvent};

use super::bindings::on_click;
use super::icon::{self, Icon};
use crate::content::{card_line, line, number_label, ui, ui_line, Part};
use crate::dom::{change, focus_without_scrolling, listener_element, present, true_false_text, WORDS};
use crate::i18n::Ui;
use crate::options::View;
use crate::state::{use_controller, CardLook, Side};

/// How far a finger must travel sideways, in CSS px, to count as a swipe.
const SWIPE_MIN_PX: i32 = 48;

/// Card `number`, rendered in `look`: its words' language, whether it is
/// in view (in the deck, the current card alone; in the grid, all of
/// them) and its side.
#[component]
pub(crate) fn Card(number: u8, look: CardLook) -> impl IntoView {
    let controller = use_controller();
    let view = controller.view_signal();

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

    let face = move |side: Side| {
        let (class, label, text) = face_words(side);
        let hidden = is_hidden(side, look.back);
        view! {
            <section class=class inert=hidden>
                <div class="cds17-face-head">
                    <span class="cds17-number">{number_label(number)}</span>
                    <span class="cds17-side">{ui(look.lang, label)}</span>
                </div>
                <h3 class="cds17-title">{line(look.lang, card_line(number, Part::Title))}</h3>
                <p class="cds17-text">{line(look.lang, card_line(number, text))}</p>
            </section>
        }
    };

    // Rendered in `look`; one effect for all the cards keeps it in step
    // (`restyle`, cards.rs).
    view! {
        <li class="cds17-slot" data-shown=true_false_text(look.shown) inert=!look.shown>
            <article
                class="cds17-card"
                data-card=number_label(number)
                data-flipped=true_false_text(look.back)
                on:click:capture=on_click
                on:pointerdown:capture=on_pointerdown
                on:touchend:capture=on_touchend
            >
                <div class="cds17-card-inner">{face(Side::Before)} {face(Side::After)}</div>
                // A toggle with a stable name ("Lật thẻ 5"): the side shown is
                // its pressed state, and the live region says it in words.
                <button class="cds17-flip" type="button" aria-pressed=true_false_text(look.back)>
                    <Icon path=icon::FLIP />
                    <span class="cds17-flip-word">{ui(look.lang, Ui::Flip)}</span>
                    <span class="cds17-visually-hidden">" " {number_label(number)}</span>
                </button>
            </article>
        </li>
    }
}

/// A face's classes, the name of its side, and its part of the card's text.
fn face_words(side: Side) -> (&'static str, Ui, Part) {
    match side {
        Side::Before => ("cds17-face cds17-face-before", Ui::BeforeLabel, Part::Before),
        Side::After => ("cds17-face cds17-face-after", Ui::AfterLabel, Part::After),
    }
}

/// The face not shown is inert, which also hides it from assistive
/// technology.
fn is_hidden(side: Side, shows_back: bool) -> bool {
    (side == Side::Before) == shows_back
}

/// Brings card `number`'s slot, rendered by [`Card`], from look `before`
/// to look `now`, in place: what `Card` renders from a look, this changes,
/// in the same places. One effect for all the cards calls it (cards.rs).
pub(crate) fn restyle(slot: &Element, number: u8, before: CardLook, now: CardLook) {
    if now.shown != before.shown {
        change(slot, "", "data-shown", Some(true_false_text(now.shown)));
        change(slot, "", "inert", present(!now.shown));
    }
    let back = now.back;
    if back != before.back {
        change(slot, ".cds17-card", "data-flipped", Some(true_false_text(back)));
        change(slot, ".cds17-flip", "aria-pressed", Some(true_false_text(back)));
        change(
            slot,
            ".cds17-face-before",
            "inert",
            present(is_hidden(Side::Before, back)),
        );
        change(
            slot,
            ".cds17-face-after",
            "inert",
            present(is_hidden(Side::After, back)),
        );
    }
    let lang = now.lang;
    if lang != before.lang {
        let card = |part| card_line(number, part);
        for (selector, index) in [
            (".cds17-face-before .cds17-side", ui_line(Ui::BeforeLabel)),
            (".cds17-face-after .cds17-side", ui_line(Ui::AfterLabel)),
            (".cds17-face-before .cds17-title", card(Part::Title)),
            (".cds17-face-after .cds17-title", card(Part::Title)),
            (".cds17-face-before .cds17-text", card(Part::Before)),
            (".cds17-face-after .cds17-text", card(Part::After)),
            (".cds17-flip-word", ui_line(Ui::Flip)),
        ] {
            change(slot, selector, WORDS, Some(line(lang, index)));
        }
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
