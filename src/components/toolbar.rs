//! The language switch and the view switch.

use leptos::prelude::*;

use super::bindings::{act, true_false, ui_text};
use super::explainer::use_explainer;
use crate::i18n::Lang;
use crate::options::View;

#[component]
pub(crate) fn Toolbar() -> impl IntoView {
    let controller = use_explainer().controller;
    let lang = controller.lang_signal();
    let view = controller.view_signal();

    view! {
        <div class="cds17-toolbar">
            <div class="cds17-switch" role="group" aria-label=ui_text(lang, |s| s.lang_label)>
                <button
                    type="button"
                    lang="vi"
                    aria-pressed=true_false(lang.holds(Lang::Vi, true))
                    on:click=act(controller, |c| c.set_lang(Lang::Vi))
                >
                    "Tiếng Việt"
                </button>
                <button
                    type="button"
                    lang="en"
                    aria-pressed=true_false(lang.holds(Lang::En, true))
                    on:click=act(controller, |c| c.set_lang(Lang::En))
                >
                    "English"
                </button>
            </div>
            <div class="cds17-switch" role="group" aria-label=ui_text(lang, |s| s.view_label)>
                <button
                    type="button"
                    aria-pressed=true_false(view.holds(View::Deck, true))
                    on:click=act(controller, |c| c.set_view(View::Deck))
                >
                    {ui_text(lang, |s| s.view_deck)}
                </button>
                <button
                    type="button"
                    aria-pressed=true_false(view.holds(View::Grid, true))
                    on:click=act(controller, |c| c.set_view(View::Grid))
                >
                    {ui_text(lang, |s| s.view_grid)}
                </button>
            </div>
        </div>
    }
}
