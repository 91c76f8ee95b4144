//! Previous and next, where we are ("Thẻ 3/17"), and a numbered pager to
//! jump to any card; the pager marks the cards seen during this visit, and
//! says how many ("Đã xem 5/17").

use leptos::prelude::*;

use super::bindings::{act, card_text, flag, text, true_false, ui_text, Text};
use super::icon::{self, Icon};
use crate::content::{number_label, Part, CARD_COUNT, CARD_NUMBERS};
use crate::i18n::Ui;
use crate::state::use_controller;

#[component]
pub(crate) fn Nav() -> impl IntoView {
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
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="cds17-page"
                                    data-seen=true_false(controller.was_seen(number))
                                    aria-current=true_false(flag(move || current.get() == number))
                                    title=card_text(lang, number, Part::Title)
                                    on:click:capture=act(controller, move |c| c.go_to(number))
                                >
                                    {number_label(number)}
                                    <span class="cds17-visually-hidden">
                                        ". "
                                        {card_text(lang, number, Part::Title)}
                                    </span>
                                </button>
                            </li>
                        }
                    })}
            </ol>
            {out_of_17("cds17-seen", ui_text(lang, Ui::Seen), text(move || number_label(controller.seen_count())))}
        </nav>
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
