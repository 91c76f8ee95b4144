//! The root of one widget: it owns the widget-wide state and hands it to the
//! cards through context.

use leptos::callback::{Callable, UnsyncCallback};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, FocusOptions, HtmlElement, KeyboardEvent, ScrollIntoViewOptions, ScrollLogicalPosition,
};

use super::bindings::{text, ui_text, watch, Choice};
use super::{cards::Cards, source_line::SourceLine, toolbar::Toolbar};
use crate::content::{has_text, number_label, request_text, CARD_COUNT};
use crate::deeplink::CardLinks;
use crate::i18n::{Lang, Ui};
use crate::options::{Options, View};

/// Which face of a card is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The front: applying IT.
    Before,
    /// The back: digital transformation.
    After,
}

impl Side {
    pub fn code(self) -> &'static str {
        match self {
            Side::Before => "before",
            Side::After => "after",
        }
    }
}

/// What a widget tells its host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WidgetEvent {
    /// The current card is now this one.
    Change(u8),
    /// This card was flipped and now shows this side.
    Flip(u8, Side),
}

/// The widget-wide state, and the way to drive a widget from outside: the
/// JavaScript handle and Rust hosts both use it. It is `Copy`; create it inside
/// the reactive owner that renders the [`Explainer`].
#[derive(Clone, Copy)]
pub struct Controller {
    current: RwSignal<u8>,
    /// The language shown: always one whose text is here.
    lang: Choice<Lang>,
    /// The language asked for; shown as soon as its text arrives.
    wanted_lang: Choice<Lang>,
    view: Choice<View>,
    /// Counts requests to flip the current card; the card watches it.
    flip_requests: RwSignal<u8>,
}

impl Controller {
    pub fn new(options: &Options) -> Self {
        let wanted = options.lang;
        let other = match wanted {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        };
        // Until the language asked for arrives, the one that is here.
        let shown = if has_text(wanted) {
            wanted
        } else {
            request_text(wanted);
            if has_text(other) {
                other
            } else {
                wanted
            }
        };
        Controller {
            current: RwSignal::new(options.card.clamp(1, CARD_COUNT)),
            lang: Choice::new(shown),
            wanted_lang: Choice::new(wanted),
            view: Choice::new(options.view),
            flip_requests: RwSignal::new(0),
        }
    }

    /// The card in view (deck) or last used (grid), 1..=17.
    pub fn current(&self) -> u8 {
        self.current.try_get_untracked().unwrap_or(1)
    }

    pub fn lang(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// Shows card `number`; out-of-range numbers are clamped into 1..=17.
    pub fn go_to(&self, number: u8) {
        let number = number.clamp(1, CARD_COUNT);
        if self.current() != number {
            self.current.try_set(number);
        }
    }

    pub fn next(&self) {
        self.go_to(self.current().saturating_add(1));
    }

    pub fn previous(&self) {
        self.go_to(self.current().saturating_sub(1));
    }

    /// Flips the current card.
    pub fn flip(&self) {
        self.flip_requests
            .try_update(|count| *count = count.wrapping_add(1));
    }

    /// Shows the widget in `lang`: at once if its text is here, otherwise
    /// once it has arrived (see [`text_arrived`](Self::text_arrived)).
    pub fn set_lang(&self, lang: Lang) {
        self.wanted_lang.set(lang);
        if !has_text(lang) {
            request_text(lang);
        }
        self.text_arrived();
    }

    /// Tells the widget that a language's text has arrived: if it is the
    /// one asked for, the widget shows it now.
    pub fn text_arrived(&self) {
        let wanted = self.wanted_lang.get_untracked();
        if has_text(wanted) {
            self.lang.set(wanted);
        }
    }

    pub fn set_view(&self, view: View) {
        self.view.set(view);
    }

    pub(crate) fn current_signal(&self) -> RwSignal<u8> {
        self.current
    }

    pub(crate) fn lang_signal(&self) -> Choice<Lang> {
        self.lang
    }

    pub(crate) fn view_signal(&self) -> Choice<View> {
        self.view
    }

    pub(crate) fn flip_requests(&self) -> RwSignal<u8> {
        self.flip_requests
    }
}

/// What the cards and the navigation share, provided once by the explainer.
#[derive(Clone)]
pub(crate) struct ExplainerContext {
    pub controller: Controller,
    /// Whether the current card shows its back; the current card sets it.
    pub current_shows_after: Choice<bool>,
    pub on_event: Option<UnsyncCallback<WidgetEvent>>,
    /// Where shared links to a card point; `None`: no link to offer.
    pub card_links: Option<CardLinks>,
}

/// The context of the explainer around the caller. The parts that use it are
/// private to the explainer, so it is always there; should it ever be missing,
/// a fresh default state keeps the part working instead of panicking.
pub(crate) fn use_explainer() -> ExplainerContext {
    use_context::<ExplainerContext>().unwrap_or_else(|| ExplainerContext {
        controller: Controller::new(&Options::default()),
        current_shows_after: Choice::new(false),
        on_event: None,
        card_links: None,
    })
}

/// The 17 differences as flip cards, with navigation, a grid view and a
/// language switch.
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
    /// Pass one to drive the widget from outside; otherwise it makes its own.
    #[prop(optional)]
    controller: Option<Controller>,
    /// Told when the current card changes and when a card is flipped.
    #[prop(optional, into)]
    on_event: Option<UnsyncCallback<WidgetEvent>>,
    /// Where the "copy link" button's links to a card point. Without it,
    /// the button is not shown.
    #[prop(optional_no_strip)]
    card_links: Option<CardLinks>,
) -> impl IntoView {
    let controller = controller.unwrap_or_else(|| Controller::new(&options));
    let current_shows_after = Choice::new(false);
    provide_context(ExplainerContext {
        controller,
        current_shows_after,
        on_event,
        card_links,
    });

    if let Some(on_event) = on_event {
        watch(move |previous| {
            let card = controller.current.get();
            if previous.is_some_and(|previous| previous != card) {
                on_event.try_run(WidgetEvent::Change(card));
            }
            card
        });
    }

    let lang = controller.lang;
    let view = controller.view;
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
            <SourceLine />
            // "Thẻ 5/17, mặt Chuyển đổi số": where the visitor is, after each
            // move or flip. Polite, so it never interrupts.
            <p class="cds17-visually-hidden" aria-live="polite" aria-atomic="true">
                {ui_text(lang, Ui::CardWord)}
                " "
                {text(move || number_label(controller.current.get()))}
                "/"
                {number_label(CARD_COUNT)}
                ", "
                {text(move || {
                    let side = if current_shows_after.get() { Ui::SideAfter } else { Ui::SideBefore };
                    lang.get().ui(side)
                })}
            </p>
        </div>
    }
}

/// ←/→, Home and End move between cards. The listener sits on the widget's
/// root, so the keys act only while focus is inside the widget.
fn handle_key(controller: Controller, event: &KeyboardEvent) {
    if event.default_prevented() || event.alt_key() || event.ctrl_key() || event.meta_key() {
        return;
    }
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
    match event.key().as_str() {
        "ArrowRight" => controller.next(),
        "ArrowLeft" => controller.previous(),
        "Home" => controller.go_to(1),
        "End" => controller.go_to(CARD_COUNT),
        _ => return,
    }
    event.prevent_default();
    // The card that had focus is now hidden; keep focus on the card the
    // visitor moved to instead of losing it to the page.
    let was_on_card = target.is_some_and(|el| el.closest(".cds17-card").ok().flatten().is_some());
    let root = event
        .current_target()
        .and_then(|root| root.dyn_into::<Element>().ok());
    if let (true, Some(root)) = (was_on_card, root) {
        focus_card_later(root, controller.current(), false);
    }
}

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
