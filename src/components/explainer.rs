//! The root of one widget: it holds the widget's state (`crate::state`) and
//! hands it to its parts through context.

use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

use super::bindings::{text, ui_text};
use super::{cards::Cards, source_line::SourceLine, toolbar::Toolbar};
use crate::content::{number_label, ui, CARD_COUNT};
use crate::deeplink::CardLinks;
use crate::dom::{focus_card_later, listener_element, plain_key};
use crate::i18n::Ui;
use crate::options::Options;
use crate::state::{provide_controller, Controller, WidgetEvent};

/// The 17 differences as flip cards, with navigation, a grid view, a
/// self-check and a language switch.
///
/// ```no_run
/// use cds17::{Explainer, Options};
/// use leptos::prelude::*;
///
/// leptos::mount::mount_to_body(|| view! { <Explainer options=Options::default() /> });
/// ```
#[component]
pub fn Explainer(
    /// The first card, language, view and theme.
    #[prop(optional)]
    options: Options,
    /// Pass one to drive the widget from outside: it tells the `on_event`
    /// it was made with (`Controller::new`). Otherwise the explainer makes
    /// its own.
    #[prop(optional)]
    controller: Option<Controller>,
    /// Told when the current card changes and when a card is flipped, for
    /// the controller the explainer makes. With a `controller` passed in,
    /// give it to `Controller::new` instead.
    #[prop(optional, into)]
    on_event: Option<UnsyncCallback<WidgetEvent>>,
    /// Where the "copy link" button's links to a card point. Without it,
    /// the button is not shown.
    #[prop(optional_no_strip)]
    card_links: Option<CardLinks>,
) -> impl IntoView {
    debug_assert!(
        controller.is_none() || on_event.is_none(),
        "cds17: <Explainer> was given both a controller and on_event; give on_event to Controller::new"
    );
    let controller = controller.unwrap_or_else(|| Controller::new(&options, on_event));
    provide_controller(controller);

    let lang = controller.lang_signal();
    let view = controller.view_signal();
    let current = controller.current_signal();
    let shows_back = controller.current_shows_back();
    let heading = ui_text(lang, Ui::Heading);

    view! {
        <div
            class="cds17-root"
            lang=text(move || lang.get().code())
            data-theme=options.theme.code()
            data-view=text(move || view.get().code())
            role="region"
            aria-label=heading
            on:keydown:capture=move |event: KeyboardEvent| handle_key(controller, &event)
        >
            <header class="cds17-header">
                <div class="cds17-titles">
                    <p class="cds17-eyebrow">{ui_text(lang, Ui::Eyebrow)}</p>
                    <h2 class="cds17-heading">{ui_text(lang, Ui::Heading)}</h2>
                </div>
                <Toolbar />
            </header>
            <Cards />
            {quiz_host(controller)}
            <SourceLine card_links=card_links />
            // "Thẻ 5/17, mặt Chuyển đổi số": where the visitor is, after each
            // move or flip. Polite, so it never interrupts.
            <p class="cds17-visually-hidden" aria-live="polite" aria-atomic="true">
                {ui_text(lang, Ui::CardWord)}
                " "
                {text(move || number_label(current.get()))}
                "/"
                {number_label(CARD_COUNT)}
                ", "
                {text(move || ui(lang.get(), if shows_back() { Ui::SideAfter } else { Ui::SideBefore }))}
            </p>
        </div>
    }
}

/// ←/→, Home and End (`Controller::press`), on the widget's root: they act
/// only while focus is inside the widget.
fn handle_key(controller: Controller, event: &KeyboardEvent) {
    let Some(key) = plain_key(event) else {
        return;
    };
    let target = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok());
    // A <select> uses the arrow keys itself.
    if target
        .as_ref()
        .is_some_and(|el| el.tag_name().eq_ignore_ascii_case("select"))
    {
        return;
    }
    if !controller.press(&key) {
        return;
    }
    event.prevent_default();
    let root = listener_element(event);
    // The card that had focus is now hidden; keep focus on the card the
    // visitor moved to instead of losing it to the page.
    let was_on_card = target.is_some_and(|el| el.closest(".cds17-card").ok().flatten().is_some());
    if let (true, Some(root)) = (was_on_card, root) {
        focus_card_later(root, controller.current(), false);
    }
}

/// Where the self-check shows, in place of the cards. `cds17.js` leaves it
/// empty, and the self-check module, which the loader fetches when a
/// visitor first opens the self-check, mounts into it: a visitor who never
/// opens it downloads none of it. A Rust site's build renders it here.
#[cfg(not(feature = "csr"))]
fn quiz_host(_: Controller) -> impl IntoView {
    view! { <div class="cds17-quiz-host"></div> }
}

#[cfg(feature = "csr")]
fn quiz_host(controller: Controller) -> impl IntoView {
    use super::quiz::Quiz;
    use crate::options::View;
    use leptos::callback::UnsyncCallback;

    let view = controller.view_signal();
    let lang = controller.lang_signal();
    let on_event = UnsyncCallback::new(move |event| {
        if controller.on_quiz_event(event) {
            // The card asked to be seen takes focus, in this widget.
            let root = document()
                .active_element()
                .and_then(|focused| focused.closest(".cds17-root").ok().flatten());
            if let Some(root) = root {
                focus_card_later(root, controller.current(), true);
            }
        }
    });
    view! {
        <div class="cds17-quiz-host">
            {move || (view.get() == View::Quiz).then(|| view! { <Quiz lang=lang on_event=on_event /> })}
        </div>
    }
}
