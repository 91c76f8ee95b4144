//! The browser edge: what `cds17.js` calls.
//!
//! The loader reads what the webmaster wrote (the options, the page's
//! `#cds17-N`), warns about bad values and paints the widget's first view
//! before the wasm has arrived; it dispatches the widget's DOM events and
//! keeps the page's hash. Here the widget hydrates that view, keeps one
//! handle per placeholder (its reactive owner; dropping it unmounts the
//! view), takes the words the loader fetches, runs the handles' verbs and
//! tells the loader what changed.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{Mountable, PositionState, RenderHtml};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::components::explainer::Explainer;
use crate::content;
use crate::deeplink::CardLinks;
use crate::dom::{after_render, focus_card_later};
use crate::i18n::Lang;
use crate::options::{self, Options, Theme, View};
use crate::state::{Controller, Side, Small, WidgetEvent};

struct Mounted {
    id: u32,
    element: Element,
    /// Inside the shadow root: where focus is looked for.
    mount_point: Element,
    controller: Controller,
    /// The loader's `emit(element, name, card, extra)`, which dispatches
    /// the widget's DOM events.
    emit: js_sys::Function,
    /// Dropping it unmounts the view and disposes its reactive owner.
    _view: Box<dyn Any>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// The loader's `need_text(lang)`.
    static NEED_TEXT: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Takes the text file of a language (`vi` or `en`), which the loader
/// carries or has fetched, and shows it in every widget that was waiting
/// for it.
#[wasm_bindgen]
pub fn add_text(lang: &str, text: &str) -> Result<(), JsValue> {
    let lang = match lang {
        "vi" => Lang::Vi,
        "en" => Lang::En,
        _ => return Err(JsValue::from_str("cds17: add_text() takes 'vi' or 'en'")),
    };
    content::add_text(lang, text)
        .map_err(|_| JsValue::from_str("cds17: the text file is not the widget's"))?;
    let controllers: Vec<Controller> =
        MOUNTED.with_borrow(|mounted| mounted.iter().map(|m| m.controller).collect());
    for controller in controllers {
        controller.text_arrived();
    }
    Ok(())
}

fn ask_loader_for_text(lang: Lang) {
    NEED_TEXT.with_borrow(|need_text| {
        if let Some(need_text) = need_text {
            let _ = need_text.call1(&JsValue::NULL, &JsValue::from_str(lang.code()));
        }
    });
}

/// What the loader asks of a widget: the methods of the handle that
/// `CDS17.mount` resolves to, each a call of [`command`] (one export instead
/// of a class with six, whose shims and glue every visitor would download),
/// and following a deep link.
mod verb {
    pub const GO_TO: u8 = 0;
    pub const NEXT: u8 = 1;
    pub const PREVIOUS: u8 = 2;
    pub const FLIP: u8 = 3;
    pub const SET_LANG: u8 = 4;
    pub const DESTROY: u8 = 5;
    /// Show a card, scroll it into view and move focus to it.
    pub const REVEAL: u8 = 6;
    /// Show the view numbered `value`: deck, grid, quiz.
    pub const SET_VIEW: u8 = 7;
    /// Open the deck at the card `value & 31`, turned to its back if bit 5
    /// is set, scrolled into view and focused: the self-check's "see the
    /// card".
    pub const OPEN_CARD: u8 = 8;
}

/// Runs one verb on the widget `id`, with `value` the card (1..=17), the
/// language (0 `vi`, 1 `en`) or the view (0 deck, 1 grid, 2 quiz) it
/// takes, which the loader has checked. A widget that is gone (a handle
/// used after `destroy()`) ignores it.
#[wasm_bindgen]
pub fn command(id: u32, verb: u8, value: u8) -> Result<(), JsValue> {
    if verb == verb::DESTROY {
        unmount_id(id);
        return Ok(());
    }
    let Some(found) = find(id) else {
        return Ok(());
    };
    let controller = found.controller;
    match verb {
        verb::GO_TO => controller.go_to(value),
        verb::NEXT => controller.next(),
        verb::PREVIOUS => controller.previous(),
        verb::FLIP => controller.flip(),
        verb::SET_LANG => controller.set_lang(Lang::from_u8(value)),
        verb::SET_VIEW => controller.set_view(View::from_u8(value)),
        verb::REVEAL => controller.go_to(value),
        verb::OPEN_CARD => {
            let side = if value & 32 != 0 {
                Side::After
            } else {
                Side::Before
            };
            controller.open_card(value & 31, side);
        }
        _ => {}
    }
    // A card revealed or opened takes focus, brought into view.
    if verb == verb::REVEAL || verb == verb::OPEN_CARD {
        focus_card_later(found.mount_point, controller.current(), true);
    }
    Ok(())
}

/// Mounts the widget on `element` and returns its id, or the id of the
/// widget already there: one widget per placeholder, however often it is
/// called.
///
/// `mount_point` is where in the placeholder's shadow root the widget goes.
/// The loader makes the shadow root, with the widget's stylesheet (which
/// it carries, so the wasm does not), and paints in `mount_point`, as soon
/// as it runs, the view this very component rendered at build time for the
/// state numbered `painted` (see [`options::painted`]), in the theme
/// numbered `theme` (light, dark, auto). The widget hydrates that view: it
/// keeps its nodes, so nothing moves and focus stays where it was.
///
/// `card_pages` is where the deployment is (`…/cds17/`): links shared from
/// the widget point to its card pages, `the/N/` and `en/the/N/`.
///
/// `emit(element, name, card, extra)` is the loader's: it dispatches the
/// widget's events on the placeholder (`extra` is the side of a flip, or
/// the language when ready). `need_text(lang)` is the loader's too: it
/// fetches a language's text that a widget needs and has not got, and hands
/// it to [`add_text`].
#[wasm_bindgen]
pub fn mount(
    element: Element,
    mount_point: HtmlElement,
    painted: u32,
    theme: u8,
    card_pages: String,
    emit: js_sys::Function,
    need_text: js_sys::Function,
) -> Result<u32, JsValue> {
    if let Some(id) = id_of(&element) {
        return Ok(id);
    }
    let Some((lang, view, card)) = options::painted(painted) else {
        return Err(JsValue::from_str(
            "cds17: the painted view is not one the widget renders",
        ));
    };
    NEED_TEXT.set(Some(need_text));
    content::on_text_needed(ask_loader_for_text);
    let options = Options {
        lang,
        view,
        card,
        theme: Theme::from_u8(theme),
        deeplink: None,
    };
    let id = NEXT_ID.get();
    NEXT_ID.set(id.wrapping_add(1));

    let controller_out = Rc::new(Cell::new(None));
    let controller_in = Rc::clone(&controller_out);
    let view = hydrate(mount_point.clone(), move || {
        let on_event = UnsyncCallback::new(move |event| on_widget_event(id, event));
        let controller = Controller::new(&options, Some(on_event));
        controller_in.set(Some(controller));
        view! {
            <Explainer
                options=options
                controller=controller
                card_links=Some(CardLinks::Pages(card_pages))
            />
        }
    });
    // `hydrate` runs the closure before it returns, so this never fails.
    let Some(controller) = controller_out.take() else {
        return Err(JsValue::from_str("cds17: the widget did not render"));
    };

    MOUNTED.with_borrow_mut(|mounted| {
        mounted.push(Mounted {
            id,
            element: element.clone(),
            mount_point: mount_point.into(),
            controller,
            emit: emit.clone(),
            _view: Box::new(view),
        })
    });
    let _ = emit.call4(
        &JsValue::NULL,
        &element,
        &JsValue::from_str("cds17:ready"),
        &JsValue::from(controller.current()),
        &JsValue::from_str(controller.lang().code()),
    );
    Ok(id)
}

/// A hydrated view and its reactive owner; dropping it unmounts the view
/// and disposes the owner, as Leptos's `UnmountHandle` does.
struct Hydrated<M: Mountable> {
    _owner: Owner,
    mountable: M,
}

impl<M: Mountable> Drop for Hydrated<M> {
    fn drop(&mut self) {
        self.mountable.unmount();
    }
}

/// Leptos's hydration of `parent`'s content, as `leptos::mount::hydrate_from`
/// does it, without the shared context that function creates to read
/// serialised resources and errors from the page: the widget has none, and
/// that context costs every visitor about 1.5 KB of wasm.
fn hydrate<N: IntoView>(parent: HtmlElement, view: impl FnOnce() -> N) -> Hydrated<N::State> {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new_root(None);
    let mountable = owner.with(move || {
        view()
            .into_view()
            .hydrate::<true>(&Cursor::new(parent.unchecked_into()), &PositionState::default())
    });
    Hydrated {
        _owner: owner,
        mountable,
    }
}

/// Unmounts the widget on `element`, if there is one, and shows the
/// placeholder's own content again.
#[wasm_bindgen]
pub fn unmount(element: &Element) -> Result<(), JsValue> {
    if let Some(id) = id_of(element) {
        unmount_id(id);
    }
    Ok(())
}

fn unmount_id(id: u32) {
    // Taken out first and dropped after the borrow ends: unmounting runs
    // cleanup code, which must be free to look at the registry.
    let removed = MOUNTED.with_borrow_mut(|mounted| {
        let index = mounted.iter().position(|m| m.id == id)?;
        Some(mounted.swap_remove(index))
    });
    let Some(removed) = removed else {
        return;
    };
    let element = removed.element.clone();
    drop(removed);
    // A shadow root cannot be detached, so a <slot> lets the fallback
    // content of the placeholder show through again.
    if let (Some(shadow), Some(document)) = (element.shadow_root(), element.owner_document()) {
        if let Ok(slot) = document.create_element("slot") {
            shadow.replace_children_with_node_1(&slot);
        }
    }
}

fn id_of(element: &Element) -> Option<u32> {
    MOUNTED.with_borrow(|mounted| mounted.iter().find(|m| &m.element == element).map(|m| m.id))
}

/// What the rest of this file needs of a mounted widget, copied out of the
/// registry so that whatever it triggers may use the registry too.
struct Found {
    element: Element,
    mount_point: Element,
    controller: Controller,
    emit: js_sys::Function,
}

fn find(id: u32) -> Option<Found> {
    MOUNTED.with_borrow(|mounted| {
        let m = mounted.iter().find(|m| m.id == id)?;
        Some(Found {
            element: m.element.clone(),
            mount_point: m.mount_point.clone(),
            controller: m.controller,
            emit: m.emit.clone(),
        })
    })
}

fn on_widget_event(id: u32, event: WidgetEvent) {
    let Some(found) = find(id) else {
        return;
    };
    let (name, card, extra) = match event {
        WidgetEvent::Change(card) => ("cds17:change", card, JsValue::UNDEFINED),
        WidgetEvent::Flip(card, side) => ("cds17:flip", card, JsValue::from_str(side.code())),
        // For the loader alone, which opens the self-check module in the
        // self-check and keeps its language the widget's: the view and the
        // language now shown.
        WidgetEvent::View(_) | WidgetEvent::Lang(_) => (
            "shown",
            found.controller.view().to_u8(),
            JsValue::from(found.controller.lang().to_u8()),
        ),
        // The self-check module tells the loader of these itself.
        WidgetEvent::Answer { .. } | WidgetEvent::QuizEnd { .. } => return,
    };
    // After the DOM shows the change, so that a listener looking at the
    // widget sees what the event describes.
    after_render(Box::new(move || {
        let _ = found.emit.call4(
            &JsValue::NULL,
            &found.element,
            &JsValue::from_str(name),
            &JsValue::from(card),
            &extra,
        );
    }));
}
