//! The browser edge: what `cds17.js` calls. It mounts a widget where the
//! loader has prepared its shadow root, reads options and deep links, keeps
//! one [`UnmountHandle`](leptos::mount::UnmountHandle) per placeholder, takes
//! the cards' text the loader fetches, and turns the widget's changes into
//! DOM events.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

use crate::components::bindings::Small;
use crate::components::explainer::{after_render, focus_card_later, Controller, Explainer, WidgetEvent};
use crate::content;
use crate::deeplink::{card_from_hash, hash_for, CardLinks, HashCard};
use crate::i18n::Lang;
use crate::options::{self, parse_card, parse_lang, Options, Origin, RawValue, Warning, OPTION_NAMES};

struct Mounted {
    id: u32,
    element: Element,
    /// Inside the shadow root: where focus is looked for.
    mount_point: Element,
    controller: Controller,
    deeplink: bool,
    /// The loader's `emit(element, name, card, extra)`, which dispatches
    /// the widget's DOM events.
    emit: js_sys::Function,
    /// Dropping it unmounts the view and disposes its reactive owner.
    _view: Box<dyn Any>,
    _hashchange: Option<HashChangeListener>,
}

/// Leptos's window listener, removed when dropped, as the widget's other
/// listeners are: with the widget's registry entry.
struct HashChangeListener(Option<WindowListenerHandle>);

impl Drop for HashChangeListener {
    fn drop(&mut self) {
        if let Some(listener) = self.0.take() {
            listener.remove();
        }
    }
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// The widget that reads and writes `#cds17-N`: by default the first one.
    static DEEPLINK_OWNER: Cell<Option<u32>> = const { Cell::new(None) };
    /// The loader's `need_text(lang)`.
    static NEED_TEXT: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Takes the text file of a language (`vi` or `en`), which the loader has
/// fetched, and shows it in every widget that was waiting for it.
#[wasm_bindgen]
pub fn add_text(lang: &str, text: &str) -> Result<(), JsValue> {
    let lang = match lang {
        "vi" => Lang::Vi,
        "en" => Lang::En,
        _ => return Err(JsValue::from_str("cds17: add_text() takes 'vi' or 'en'")),
    };
    content::add_text(lang, text).map_err(|_| JsValue::from_str("cds17: the text file is not 17 cards"))?;
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

/// What a handle asks of its widget. `cds17.js` builds the handle that
/// `CDS17.mount` resolves to, one method per verb, each a call of
/// [`command`]: one export instead of a class with six, whose shims and
/// glue every visitor would download.
mod verb {
    pub const GO_TO: u8 = 0;
    pub const NEXT: u8 = 1;
    pub const PREVIOUS: u8 = 2;
    pub const FLIP: u8 = 3;
    pub const SET_LANG: u8 = 4;
    pub const DESTROY: u8 = 5;
}

/// Runs one handle method on the widget `id`. A widget that is gone (a
/// handle used after `destroy()`) ignores it.
#[wasm_bindgen]
pub fn command(id: u32, verb: u8, value: JsValue) -> Result<(), JsValue> {
    match verb {
        verb::DESTROY => unmount_id(id),
        verb::GO_TO => match parse_card(&raw_value(&value)) {
            Some(card) => with_controller(id, verb::GO_TO, card),
            None => warn_js(
                "cds17: goTo() takes a card number from 1 to 17, not",
                &value,
                "; nothing changed.",
            ),
        },
        verb::SET_LANG => match parse_lang(&raw_value(&value)) {
            Some(lang) => with_controller(id, verb::SET_LANG, lang.to_u8()),
            None => warn_js(
                "cds17: setLang() takes 'vi' or 'en', not",
                &value,
                "; nothing changed.",
            ),
        },
        verb => with_controller(id, verb, 0),
    }
    Ok(())
}

/// Mounts the widget on `element` and returns its id, or the id of the
/// widget already there: one widget per placeholder, however often it is
/// called.
///
/// `mount_point` is where in the placeholder's shadow root the widget goes.
/// The loader makes the shadow root, with the widget's stylesheet (which
/// it carries, so the wasm does not), and puts the widget's frame in
/// `mount_point` as soon as it runs; the widget takes the frame's place.
///
/// `query` holds the options in the page's address (`?card=7&lang=en`),
/// which the loader reads for a placeholder marked `data-cds17-query` (the
/// iframe page's), with the browser's own decoding; otherwise `null`.
///
/// `emit(element, name, card, extra)` is the loader's: it dispatches the
/// widget's events on the placeholder (`extra` is the side of a flip, or
/// the language when ready).
///
/// `need_text(lang)` is the loader's: it fetches a language's text that a
/// widget needs and has not got, and hands it to [`add_text`].
///
/// `card_pages` is where the card pages of the deployment are
/// (`…/the/`): links shared from the widget then point there, and every
/// widget offers one. Without it, only the widget that follows the page's
/// hash offers a link, to the page with `#cds17-N`.
#[wasm_bindgen]
pub fn mount(
    element: Element,
    mount_point: HtmlElement,
    options: JsValue,
    query: JsValue,
    emit: js_sys::Function,
    need_text: js_sys::Function,
    card_pages: Option<String>,
) -> Result<u32, JsValue> {
    if let Some(id) = id_of(&element) {
        return Ok(id);
    }
    NEED_TEXT.set(Some(need_text));
    content::on_text_needed(ask_loader_for_text);
    let mut options = read_options(&element, &query, &options);
    // The frame goes; nothing paints in between.
    mount_point.set_text_content(None);

    // Claimed only once nothing else can fail, so a failed mount never
    // keeps the page's deep links from the next widget.
    let id = NEXT_ID.get();
    NEXT_ID.set(id.wrapping_add(1));
    let deeplink = claim_deeplink(options.deeplink, id);
    let mut reveal = None;
    if deeplink {
        match card_from_hash(&location_hash()) {
            HashCard::Card(card) => {
                options.card = card;
                reveal = Some(card);
            }
            HashCard::Invalid => warn_invalid_hash(),
            HashCard::NotOurs => {}
        }
    }

    let controller_out = Rc::new(Cell::new(None));
    let controller_in = Rc::clone(&controller_out);
    let card_links = match card_pages {
        Some(base) => Some(CardLinks::Pages(base)),
        None => deeplink.then(|| CardLinks::Hash(page_address())),
    };
    let view = leptos::mount::mount_to(mount_point.clone(), move || {
        let controller = Controller::new(&options);
        controller_in.set(Some(controller));
        view! {
            <Explainer
                options=options
                controller=controller
                on_event=UnsyncCallback::new(move |event| on_widget_event(id, event))
                card_links=card_links
            />
        }
    });
    // `mount_to` runs the closure before it returns, so this never fails.
    let Some(controller) = controller_out.take() else {
        return Err(JsValue::from_str("cds17: the widget did not render"));
    };

    let hashchange = deeplink.then(|| {
        HashChangeListener(Some(window_event_listener_untyped("hashchange", move |_| {
            on_hash_change(id)
        })))
    });
    let ready = (controller.current(), controller.lang().code());
    MOUNTED.with_borrow_mut(|mounted| {
        mounted.push(Mounted {
            id,
            element: element.clone(),
            mount_point: mount_point.into(),
            controller,
            deeplink,
            emit: emit.clone(),
            _view: Box::new(view),
            _hashchange: hashchange,
        })
    });
    if let Some(card) = reveal {
        reveal_card(id, card);
    }
    let _ = emit.call4(
        &JsValue::NULL,
        &element,
        &JsValue::from_str("cds17:ready"),
        &JsValue::from(ready.0),
        &JsValue::from_str(ready.1),
    );
    Ok(id)
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
    if DEEPLINK_OWNER.get() == Some(id) {
        DEEPLINK_OWNER.set(None);
    }
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
    deeplink: bool,
    emit: js_sys::Function,
}

fn find(id: u32) -> Option<Found> {
    MOUNTED.with_borrow(|mounted| {
        let m = mounted.iter().find(|m| m.id == id)?;
        Some(Found {
            element: m.element.clone(),
            mount_point: m.mount_point.clone(),
            controller: m.controller,
            deeplink: m.deeplink,
            emit: m.emit.clone(),
        })
    })
}

/// Runs a handle's verb on a widget's controller; `value` is the card or
/// the language the verb takes.
fn with_controller(id: u32, verb: u8, value: u8) {
    let Some(found) = find(id) else {
        return;
    };
    let controller = found.controller;
    match verb {
        verb::GO_TO => controller.go_to(value),
        verb::NEXT => controller.next(),
        verb::PREVIOUS => controller.previous(),
        verb::FLIP => controller.flip(),
        verb::SET_LANG => controller.set_lang(Lang::from_u8(value)),
        _ => {}
    }
}

/// Shows a card, scrolls it into view and moves focus to it: what following
/// a deep link does.
fn reveal_card(id: u32, card: u8) {
    if let Some(found) = find(id) {
        found.controller.go_to(card);
        focus_card_later(found.mount_point, found.controller.current(), true);
    }
}

fn claim_deeplink(requested: Option<bool>, id: u32) -> bool {
    let unclaimed = DEEPLINK_OWNER.get().is_none();
    let on = requested.unwrap_or(unclaimed);
    if on && unclaimed {
        DEEPLINK_OWNER.set(Some(id));
    }
    on
}

fn on_widget_event(id: u32, event: WidgetEvent) {
    let Some(found) = find(id) else {
        return;
    };
    let (name, card, extra) = match event {
        WidgetEvent::Change(card) => {
            if found.deeplink {
                write_hash(card);
            }
            ("cds17:change", card, JsValue::UNDEFINED)
        }
        WidgetEvent::Flip(card, side) => ("cds17:flip", card, JsValue::from_str(side.code())),
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

fn on_hash_change(id: u32) {
    match card_from_hash(&location_hash()) {
        HashCard::Card(card) => reveal_card(id, card),
        HashCard::Invalid => warn_invalid_hash(),
        HashCard::NotOurs => {}
    }
}

/// The page's address without its hash: links to a card add `#cds17-N`.
fn page_address() -> String {
    let href = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    String::from(href.split('#').next().unwrap_or_default())
}

fn location_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// Writes `#cds17-N` with `replaceState`: no history entry per card, no
/// `hashchange` back to us, and no jump. Card 1 has no hash; a hash of the
/// host's own is left alone.
fn write_hash(card: u8) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let current = location.hash().unwrap_or_default();
    let url = match hash_for(card) {
        Some(hash) if hash == current => return,
        Some(hash) => hash,
        None if card_from_hash(&current) == HashCard::NotOurs => return,
        None => {
            let mut url = location.pathname().unwrap_or_default();
            url.push_str(&location.search().unwrap_or_default());
            url
        }
    };
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }
}

/// A widget's options: its `data-*` attributes; then the options in the
/// page's address (see [`mount`]); then the options object of
/// `CDS17.mount`. A later one wins. Each bad value gets one warning.
fn read_options(element: &Element, query: &JsValue, script: &JsValue) -> Options {
    let query_values = fields(query);
    let script_values = fields(script);
    let mut pairs = Vec::new();
    for name in OPTION_NAMES {
        let mut attribute = String::from("data-");
        attribute.push_str(name);
        if let Some(value) = element.get_attribute(&attribute) {
            pairs.push((name, RawValue::Text(value), Origin::Attribute));
        }
    }
    for (values, origin) in [(&query_values, Origin::Query), (&script_values, Origin::Script)] {
        for (name, value) in OPTION_NAMES.iter().zip(values) {
            if !value.is_undefined() && !value.is_null() {
                pairs.push((name, raw_value(value), origin));
            }
        }
    }
    let (options, warnings) = options::parse(pairs);
    for warning in &warnings {
        let index = OPTION_NAMES.iter().position(|name| *name == warning.option);
        let script_value = index.and_then(|index| script_values.get(index));
        report(warning, script_value.unwrap_or(&JsValue::UNDEFINED));
    }
    options
}

/// The fields of an options object, in the order of [`OPTION_NAMES`]. They
/// stay JavaScript values, so a value of any type becomes a warning rather
/// than a failed parse. (Read with `Reflect`: serde-wasm-bindgen would cost
/// visitors about 20 KB gzip for five fields, mostly serde's error messages.)
fn fields(options: &JsValue) -> [JsValue; 5] {
    let mut values = OPTION_NAMES.map(|_| JsValue::UNDEFINED);
    if options.is_undefined() || options.is_null() {
        return values;
    }
    if !options.is_object() || js_sys::Array::is_array(options) {
        warn_js(
            "cds17: the options of CDS17.mount() should be an object, not",
            options,
            "; using the defaults.",
        );
        return values;
    }
    for (value, name) in values.iter_mut().zip(OPTION_NAMES) {
        *value = js_sys::Reflect::get(options, &name.into()).unwrap_or(JsValue::UNDEFINED);
    }
    values
}

fn raw_value(value: &JsValue) -> RawValue {
    if let Some(text) = value.as_string() {
        RawValue::Text(text)
    } else if let Some(number) = value.as_f64() {
        RawValue::Number(number)
    } else if let Some(flag) = value.as_bool() {
        RawValue::Bool(flag)
    } else {
        RawValue::Other
    }
}

/// One `console.warn` per bad value, naming the option the way the webmaster
/// wrote it, the value, and the default used instead.
fn report(warning: &Warning, script_value: &JsValue) {
    let mut head = String::from("cds17: ");
    match warning.origin {
        Origin::Attribute => {
            head.push_str("data-");
            head.push_str(warning.option);
        }
        Origin::Script => {
            head.push_str("option ");
            head.push_str(warning.option);
        }
        Origin::Query => {
            head.push('?');
            head.push_str(warning.option);
        }
    }
    head.push_str(" =");
    let mut tail = String::from("is not valid; using the default: ");
    tail.push_str(warning.default);
    match &warning.value {
        Some(text) => {
            let mut quoted = String::from("\"");
            quoted.push_str(text);
            quoted.push('"');
            web_sys::console::warn_3(&head.into(), &quoted.into(), &tail.into());
        }
        None => web_sys::console::warn_3(&head.into(), script_value, &tail.into()),
    }
}

fn warn_invalid_hash() {
    let hash = location_hash();
    let shown = options::cut_short(&hash, 60);
    web_sys::console::warn_3(
        &"cds17: the link".into(),
        &shown.into(),
        &"does not name a card from 1 to 17; staying on the current card.".into(),
    );
}

fn warn_js(head: &str, value: &JsValue, tail: &str) {
    web_sys::console::warn_3(&head.into(), value, &tail.into());
}
