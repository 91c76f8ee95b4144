//! The language switch, the view switch, and the way into presenter mode.

use leptos::prelude::*;

use super::bindings::{act, flag, text, true_false, ui_text, OnClick, Text};
use crate::i18n::{Lang, Ui};
use crate::options::View;
use crate::state::{use_controller, Flag};

#[component]
pub(crate) fn Toolbar() -> impl IntoView {
    let controller = use_controller();
    let lang = controller.lang_signal();
    let view = controller.view_signal();

    view! {
        <div class="cds17-toolbar">
            <div class="cds17-switch" role="group" aria-label=ui_text(lang, Ui::LangLabel)>
                {switch(
                    Some("vi"),
                    text(|| "Tiếng Việt"),
                    lang.is(Lang::Vi),
                    act(controller, |c| c.set_lang(Lang::Vi)),
                )}
                {switch(
                    Some("en"),
                    text(|| "English"),
                    lang.is(Lang::En),
                    act(controller, |c| c.set_lang(Lang::En)),
                )}
            </div>
            <div class="cds17-switch" role="group" aria-label=ui_text(lang, Ui::ViewLabel)>
                {switch(
                    None,
                    ui_text(lang, Ui::ViewDeck),
                    view.is(View::Deck),
                    act(controller, |c| c.set_view(View::Deck)),
                )}
                {switch(
                    None,
                    ui_text(lang, Ui::ViewGrid),
                    view.is(View::Grid),
                    act(controller, |c| c.set_view(View::Grid)),
                )}
                {switch(
                    None,
                    ui_text(lang, Ui::ViewQuiz),
                    view.is(View::Quiz),
                    act(controller, |c| c.set_view(View::Quiz)),
                )}
            </div>
            // Presenter mode is the loader's (www/loader.js, www/present.css):
            // it fills the screen with the card in view and steps through
            // the deck with a presenter remote's keys, through the widget's
            // own commands. It takes this button's clicks before the widget
            // does, and says with aria-pressed whether the mode is on; a
            // visitor who never presents pays for the button alone.
            <div class="cds17-switch cds17-tools">
                {switch(
                    None,
                    ui_text(lang, Ui::Present),
                    flag(|| false),
                    act(controller, |_| {}),
                )}
            </div>
        </div>
    }
}

/// One of the six switch buttons. One shape for all six: each distinct
/// element shape costs visitors its own build code.
fn switch(lang: Option<&'static str>, label: Text, pressed: Flag, on_click: OnClick) -> impl IntoView {
    view! {
        <button type="button" lang=lang aria-pressed=true_false(pressed) on:click:capture=on_click>
            {label}
        </button>
    }
}
