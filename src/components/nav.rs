//! Previous and next, where we are ("Thẻ 3/17"), and a numbered pager to
//! jump to any card; the pager marks the cards seen during this visit, and
//! says how many ("Đã xem 5/17").

use leptos::prelude::*;

use web_sys::Element;

use super::bindings::{act, flag, text, true_false, ui_text, Text};
use super::icon::{self, Icon};
use crate::content::{card_line, line, number_label, Part, CARD_COUNT, CARD_NUMBERS};
use crate::dom::{change, true_false_text, WORDS};
use crate::i18n::Ui;
use crate::state::{use_controller, CardLook, Looks};

#[component]
pub(crate) fn Nav(
    /// What the pager's buttons are rendered in; `cards.rs` keeps them in
    /// step.
    looks: Looks,
) -> impl IntoView {
    let controller = use_controller();
    let current = controller.current_signal();
    let lang = controller.lang_signal();

    // `aria-disabled` rather than `disabled`: a disabled button drops focus
    // to the page, and a keyboard user at card 17 would be lost.
    view! {
        <nav class="cds17-nav" aria-label=ui_text(lang, Ui::NavLabel)>
            <div class="cds17-nav-row">
                <button
                    class="cds17-nav-button cds17-previous"
                    type="button"
                    aria-label=ui_text(lang, Ui::PreviousCard)
                    aria-disabled=true_false(flag(move || current.get() == 1))
                    on:click:capture=act(controller, |c| c.previous())
                >
                    <Icon path=icon::PREVIOUS />
                    <span class="cds17-nav-text">{ui_text(lang, Ui::Previous)}</span>
                </button>
                {out_of_17("cds17-count", ui_text(lang, Ui::CardWord), text(move || number_label(current.get())))}
                <button
                    class="cds17-nav-button cds17-next"
                    type="button"
                    aria-label=ui_text(lang, Ui::NextCard)
                    aria-disabled=true_false(flag(move || current.get() == CARD_COUNT))
                    on:click:capture=act(controller, |c| c.next())
                >
                    <span class="cds17-nav-text">{ui_text(lang, Ui::Next)}</span>
                    <Icon path=icon::NEXT />
                </button>
            </div>
            <ol class="cds17-pager" aria-label=ui_text(lang, Ui::JumpLabel)>
                {CARD_NUMBERS
                    .map(|number| {
                        let look = looks.card(number);
                        let title = line(look.lang, card_line(number, Part::Title));
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="cds17-page"
                                    data-seen=true_false_text(look.seen)
                                    aria-current=true_false_text(look.current)
                                    title=title
                                    on:click:capture=act(controller, move |c| c.go_to(number))
                                >
                                    {number_label(number)}
                                    <span class="cds17-visually-hidden">". " <span>{title}</span></span>
                                </button>
                            </li>
                        }
                    })}
            </ol>
            {out_of_17("cds17-seen", ui_text(lang, Ui::Seen), text(move || number_label(controller.seen_count())))}
        </nav>
    }
}

/// Brings pager item `number` (its `<li>`), rendered by [`Nav`], from
/// look `before` to look `now`, in place.
pub(crate) fn restyle_page(item: &Element, number: u8, before: CardLook, now: CardLook) {
    if now.current != before.current {
        change(item, "button", "aria-current", Some(true_false_text(now.current)));
    }
    if now.seen != before.seen {
        change(item, "button", "data-seen", Some(true_false_text(now.seen)));
    }
    if now.lang != before.lang {
        let title = Some(line(now.lang, card_line(number, Part::Title)));
        change(item, "button", "title", title);
        change(item, "button span span", WORDS, title);
    }
}

/// "Thẻ 5/17", "Đã xem 3/17": a word and a count of the 17 cards. One
/// shape for both, built once.
fn out_of_17(class: &'static str, word: Text, count: Text) -> impl IntoView {
    view! {
        <p class=class>
            {word}
            " "
            <strong>{count}</strong>
            "/"
            {number_label(CARD_COUNT)}
        </p>
    }
}
