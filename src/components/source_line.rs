//! Where the 17 points come from, and a link to the card in view.

use leptos::prelude::*;

use super::bindings::{text, ui_text};
use crate::content::source;
use crate::deeplink::CardLinks;
use crate::i18n::Ui;
use crate::state::use_controller;

#[cfg(feature = "hydrate")]
use in_cds17_js::copy_link;
#[cfg(not(feature = "hydrate"))]
use rust_site::copy_link;

#[component]
pub(crate) fn SourceLine(
    /// Where a shared link to a card points; without it, no "copy link".
    card_links: Option<CardLinks>,
) -> impl IntoView {
    let controller = use_controller();
    let lang = controller.lang_signal();
    let (copy_button, status) = copy_link(card_links, controller);

    view! {
        <footer class="cds17-source">
            <p class="cds17-source-text">
                <span class="cds17-source-prefix">{ui_text(lang, Ui::SourcePrefix)}</span>
                " "
                <cite>{text(move || source(lang.get()).0)}</cite>
                ", "
                {text(move || source(lang.get()).1)}
            </p>
            {copy_button}
            {status}
        </footer>
    }
}

/// The button that copies a link to the card in view, and the live region
/// that says whether it worked. In `cds17.js` they are markup alone: the
/// loader copies, or shares where the device can, and listens (see
/// `listenOrShare` in www/loader.js), which costs every visitor less there
/// than here.
#[cfg(feature = "hydrate")]
mod in_cds17_js {
    use leptos::prelude::*;

    use super::super::bindings::ui_text;
    use super::super::icon::{self, Icon};
    use crate::deeplink::CardLinks;
    use crate::i18n::Ui;
    use crate::state::Controller;

    pub(super) fn copy_link(
        card_links: Option<CardLinks>,
        controller: Controller,
    ) -> (impl IntoView, impl IntoView) {
        let lang = controller.lang_signal();
        let copy_button = card_links.map(|_| {
            view! {
                <button class="cds17-copy" type="button">
                    <Icon path=icon::LINK />
                    {ui_text(lang, Ui::CopyLink)}
                </button>
            }
        });
        // Written " " when empty, as the server's markup has it.
        let status = view! { <p class="cds17-copy-status" role="status" data-empty="true">" "</p> };
        (copy_button, status)
    }
}

/// A Rust site's widget copies the link itself.
#[cfg(not(feature = "hydrate"))]
mod rust_site {
    use leptos::prelude::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    use super::super::bindings::{flag, on_click, text, true_false, ui_text};
    use super::super::icon::{self, Icon};
    use crate::content::ui;
    use crate::deeplink::CardLinks;
    use crate::i18n::Ui;
    use crate::state::{Controller, SmallSignal};

    pub(super) fn copy_link(
        card_links: Option<CardLinks>,
        controller: Controller,
    ) -> (impl IntoView, impl IntoView) {
        let lang = controller.lang_signal();
        let current = controller.current_signal();
        // Which card the last copy was for (0: none yet), and whether it worked.
        // A status about another card would mislead, so it shows only while
        // that card is current.
        let copied_card = RwSignal::new(0u8);
        let copy_worked = SmallSignal::new(false);

        let copy_button = card_links.map(|card_links| {
            let on_copy = on_click(move |_| {
                let card = controller.current();
                copy_to_clipboard(&card_links.link(card, controller.lang()), move |worked| {
                    copy_worked.set(worked);
                    copied_card.try_set(card);
                });
            });
            view! {
                <button class="cds17-copy" type="button" on:click:capture=on_copy>
                    <Icon path=icon::LINK />
                    {ui_text(lang, Ui::CopyLink)}
                </button>
            }
        });
        let status = move || {
            let lang = lang.get();
            match (copied_card.get() == current.get(), copy_worked.get()) {
                (false, _) => "",
                (true, true) => ui(lang, Ui::LinkCopied),
                (true, false) => ui(lang, Ui::LinkNotCopied),
            }
        };
        // Said whether it is empty, which `:empty` cannot tell once the view is
        // the server's markup: an empty text is written " ".
        let status = view! {
            <p
                class="cds17-copy-status"
                role="status"
                data-empty=true_false(flag(move || status().is_empty()))
            >
                {text(status)}
            </p>
        };
        (copy_button, status)
    }

    /// Copies `text`, then tells `done` whether that worked.
    ///
    /// `navigator.clipboard` exists only in secure contexts, and may refuse. It
    /// is looked up rather than called blindly: a JavaScript exception thrown
    /// through wasm would skip our cleanup. One callback serves the promise as
    /// both its fulfilment and its rejection (fulfilment brings `undefined`,
    /// rejection an error): exactly one of them runs, which frees it.
    fn copy_to_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
        let clipboard = web_sys::window()
            .and_then(|window| {
                js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard")).ok()
            })
            .and_then(|clipboard| clipboard.dyn_into::<web_sys::Clipboard>().ok());
        let Some(clipboard) = clipboard else {
            done(false);
            return;
        };
        let settled = Closure::once_into_js(move |outcome: JsValue| done(outcome.is_undefined()));
        let promise = clipboard.write_text(text);
        if let Ok(then) = js_sys::Reflect::get(&promise, &JsValue::from_str("then")) {
            let _ = then
                .unchecked_into::<js_sys::Function>()
                .call2(&promise, &settled, &settled);
        }
    }
}
