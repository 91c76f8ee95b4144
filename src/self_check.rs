//! The self-check module: a second, small build of this crate
//! (`--features=self-check`), `cds17.quiz.<hash>.wasm`, which `cds17.js`
//! fetches only when a visitor first opens the self-check. It carries the
//! self-check's view, words and stylesheet, so that a visitor who never
//! opens it downloads none of them. The loader mounts it into the widget's
//! `.cds17-quiz-host`, keeps it in the widget's language, and passes on
//! what it tells.

use std::cell::RefCell;

use leptos::callback::UnsyncCallback;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::components::quiz::Quiz;
use crate::content;
use crate::i18n::Lang;
use crate::state::quiz::QuizEvent;
use crate::state::{Small, SmallSignal};

/// The self-check's stylesheet, minified (build.rs): the loader adopts it
/// into the shadow root beside the widget's.
const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/self_check.css"));

struct Open {
    id: u32,
    lang: SmallSignal<Lang>,
    /// Dropping it unmounts the view and disposes its reactive owner.
    _view: Box<dyn std::any::Any>,
}

thread_local! {
    static OPEN: RefCell<Vec<Open>> = const { RefCell::new(Vec::new()) };
}

/// Takes a language's text file, as the widget's `add_text` does: the
/// self-check shows the cards' words and the widget's labels from it.
#[wasm_bindgen]
pub fn add_text(lang: u8, text: &str) -> Result<(), JsValue> {
    content::add_text(Lang::from_u8(lang), text)
        .map_err(|_| JsValue::from_str("cds17: the text file is not the widget's"))
}

/// The stylesheet, for the loader to adopt.
#[wasm_bindgen]
pub fn stylesheet() -> String {
    STYLESHEET.to_string()
}

/// Mounts a self-check, with a round of its own, into `host`, in the
/// language numbered `lang` (its text given first), and returns its id.
/// `emit(name, a, b)` is the loader's: `answer` (card; the statement's
/// side in bit 0 and the answer in bit 1, set for "after"), `quizend`
/// (score, total) and `see` (card, 1 for its back).
#[wasm_bindgen]
pub fn open(id: u32, host: HtmlElement, lang: u8, emit: js_sys::Function) {
    let lang = SmallSignal::new(Lang::from_u8(lang));
    let on_event = UnsyncCallback::new(move |event| {
        let (name, a, b) = match event {
            QuizEvent::Answer { card, side, chosen } => ("answer", card, side as u8 | (chosen as u8) << 1),
            QuizEvent::End { score, total } => ("quizend", score, total),
            QuizEvent::SeeCard(card, side) => ("see", card, side as u8),
        };
        let _ = emit.call3(
            &JsValue::NULL,
            &JsValue::from_str(name),
            &JsValue::from(a),
            &JsValue::from(b),
        );
    });
    let view = mount_to(host, move || view! { <Quiz lang=lang on_event=on_event /> });
    close(id);
    OPEN.with_borrow_mut(|open| {
        open.push(Open {
            id,
            lang,
            _view: Box::new(view),
        })
    });
}

/// Shows the self-check `id` in the language numbered `lang`, whose text
/// the loader has given: the round and its score stay.
#[wasm_bindgen]
pub fn set_lang(id: u32, lang: u8) {
    OPEN.with_borrow(|open| {
        if let Some(found) = open.iter().find(|open| open.id == id) {
            found.lang.set(Lang::from_u8(lang));
        }
    });
}

/// Unmounts the self-check `id`, if it is there.
#[wasm_bindgen]
pub fn close(id: u32) {
    let closed = OPEN.with_borrow_mut(|open| {
        open.iter()
            .position(|open| open.id == id)
            .map(|at| open.remove(at))
    });
    drop(closed);
}
