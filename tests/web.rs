//! The components in a browser: each test mounts the `Explainer` in a fresh
//! node of a real page, acts as a visitor would, and reads the DOM.
//! `cargo xtask test` runs them in headless Chromium through
//! wasm-bindgen-test-runner (`cargo xtask web` alone); the embed, the loader
//! and the host pages are the Playwright suite's (tests/e2e/).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::cell::RefCell;
use std::rc::Rc;

use cds17::content::{self, ui, Part};
use cds17::i18n::Ui;
use cds17::{Explainer, Lang, Options, Side, View, WidgetEvent};
use gloo_timers::future::TimeoutFuture;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// One widget on the page, and what it told its host.
struct Widget {
    container: HtmlElement,
    events: Rc<RefCell<Vec<WidgetEvent>>>,
    mounted: Option<Box<dyn std::any::Any>>,
}

impl Widget {
    fn mount(options: Options) -> Widget {
        let document = web_sys::window().unwrap().document().unwrap();
        let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&container).unwrap();
        let events = Rc::new(RefCell::new(Vec::new()));
        let told = Rc::clone(&events);
        let handle = mount_to(container.clone(), move || {
            view! { <Explainer options=options on_event=move |event| told.borrow_mut().push(event) /> }
        });
        Widget {
            container,
            events,
            mounted: Some(Box::new(handle)),
        }
    }

    fn find(&self, selector: &str) -> HtmlElement {
        self.container
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector} in the widget"))
            .unchecked_into()
    }

    fn card(&self, number: u8) -> HtmlElement {
        self.find(&format!(".cds17-card[data-card=\"{number}\"]"))
    }

    /// Clicks, then lets Leptos bring the DOM up to date: it does so in
    /// tasks queued when a signal changes.
    async fn click(&self, selector: &str) {
        self.find(selector).click();
        settle().await;
    }

    async fn flip(&self, number: u8) {
        self.click(&format!(".cds17-card[data-card=\"{number}\"] .cds17-flip"))
            .await;
    }

    /// The card in view, as the deck shows it.
    fn shown_card(&self) -> String {
        self.find(".cds17-slot[data-shown=\"true\"] .cds17-card")
            .get_attribute("data-card")
            .unwrap()
    }

    fn is_flipped(&self, number: u8) -> bool {
        self.card(number).get_attribute("data-flipped").as_deref() == Some("true")
    }

    fn live_region(&self) -> String {
        self.find("[aria-live]").text_content().unwrap()
    }

    fn told(&self) -> Vec<WidgetEvent> {
        self.events.borrow_mut().drain(..).collect()
    }

    async fn unmount(mut self) {
        self.mounted = None;
        settle().await;
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.mounted = None;
        self.container.remove();
    }
}

async fn settle() {
    TimeoutFuture::new(0).await;
}

fn at(card: u8) -> Options {
    Options {
        card,
        ..Options::default()
    }
}

#[wasm_bindgen_test]
async fn the_widget_opens_on_the_card_the_options_name_showing_its_front() {
    let widget = Widget::mount(at(5));
    settle().await;
    assert_eq!(widget.shown_card(), "5");
    assert!(!widget.is_flipped(5));
    assert_eq!(widget.live_region(), "Thẻ 5/17, mặt Ứng dụng CNTT");
    assert_eq!(widget.told(), []);
}

#[wasm_bindgen_test]
async fn the_flip_button_turns_its_card_over_tells_it_once_and_says_so() {
    let widget = Widget::mount(at(1));
    widget.flip(1).await;
    assert!(widget.is_flipped(1));
    assert_eq!(
        widget
            .find(".cds17-card[data-card=\"1\"] .cds17-flip")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert_eq!(widget.told(), [WidgetEvent::Flip(1, Side::After)]);
    assert_eq!(widget.live_region(), "Thẻ 1/17, mặt Chuyển đổi số");
    widget.flip(1).await;
    assert!(!widget.is_flipped(1));
    assert_eq!(widget.told(), [WidgetEvent::Flip(1, Side::Before)]);
}

#[wasm_bindgen_test]
async fn a_click_on_the_card_itself_flips_it_too() {
    let widget = Widget::mount(at(4));
    widget.click(".cds17-card[data-card=\"4\"] .cds17-title").await;
    assert!(widget.is_flipped(4));
    assert_eq!(widget.told(), [WidgetEvent::Flip(4, Side::After)]);
}

#[wasm_bindgen_test]
async fn flipping_a_card_does_not_flip_its_neighbour() {
    let widget = Widget::mount(at(1));
    widget.flip(1).await;
    widget.click(".cds17-next").await;
    assert_eq!(widget.shown_card(), "2");
    assert!(!widget.is_flipped(2));
    assert_eq!(widget.live_region(), "Thẻ 2/17, mặt Ứng dụng CNTT");
    widget.click(".cds17-previous").await;
    assert!(widget.is_flipped(1));
    assert_eq!(widget.live_region(), "Thẻ 1/17, mặt Chuyển đổi số");
}

#[wasm_bindgen_test]
async fn next_and_previous_move_one_card_and_stop_at_the_ends() {
    let widget = Widget::mount(at(1));
    widget.click(".cds17-previous").await;
    assert_eq!(widget.shown_card(), "1");
    assert_eq!(
        widget
            .find(".cds17-previous")
            .get_attribute("aria-disabled")
            .as_deref(),
        Some("true")
    );
    widget.click(".cds17-next").await;
    assert_eq!(widget.shown_card(), "2");
    assert_eq!(
        widget.find(".cds17-count").text_content().unwrap().trim(),
        "Thẻ 2/17"
    );
    widget.click(".cds17-pager li:last-child .cds17-page").await;
    assert_eq!(widget.shown_card(), "17");
    widget.click(".cds17-next").await;
    assert_eq!(widget.shown_card(), "17");
    assert_eq!(widget.told(), [WidgetEvent::Change(2), WidgetEvent::Change(17)]);
}

#[wasm_bindgen_test]
async fn an_arrow_key_on_a_card_moves_the_deck_and_focus_follows_the_card() {
    let widget = Widget::mount(at(3));
    settle().await;
    let button = widget.find(".cds17-card[data-card=\"3\"] .cds17-flip");
    button.focus().unwrap();
    let init = KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let press = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    button.dispatch_event(&press).unwrap();
    assert!(press.default_prevented(), "the widget took the key");
    settle().await;
    assert_eq!(widget.shown_card(), "4");
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(
        focused
            .closest(".cds17-card")
            .unwrap()
            .unwrap()
            .get_attribute("data-card")
            .as_deref(),
        Some("4")
    );
    assert_eq!(widget.told(), [WidgetEvent::Change(4)]);
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_every_word_and_keeps_the_card_and_its_side() {
    let widget = Widget::mount(at(3));
    widget.flip(3).await;
    let vi_title = widget
        .card(3)
        .query_selector(".cds17-title")
        .unwrap()
        .unwrap()
        .text_content();
    widget.click("button[lang=\"en\"]").await;
    assert_eq!(
        widget.find(".cds17-root").get_attribute("lang").as_deref(),
        Some("en")
    );
    assert_eq!(
        widget.find(".cds17-heading").text_content().unwrap(),
        ui(Lang::En, Ui::Heading)
    );
    let en_title = widget
        .card(3)
        .query_selector(".cds17-title")
        .unwrap()
        .unwrap()
        .text_content();
    assert_ne!(en_title, vi_title);
    assert_eq!(
        widget
            .find("button[lang=\"en\"]")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert_eq!(widget.shown_card(), "3");
    assert!(widget.is_flipped(3));
    assert_eq!(widget.live_region(), "Card 3/17, Digital transformation side");
    widget.click("button[lang=\"vi\"]").await;
    assert_eq!(widget.live_region(), "Thẻ 3/17, mặt Chuyển đổi số");
}

#[wasm_bindgen_test]
async fn the_grid_shows_every_card_and_keeps_each_side() {
    let widget = Widget::mount(Options {
        view: View::Deck,
        ..at(2)
    });
    widget.flip(2).await;
    widget
        .click(".cds17-switch:nth-child(2) button:nth-child(2)")
        .await;
    assert_eq!(
        widget.find(".cds17-root").get_attribute("data-view").as_deref(),
        Some("grid")
    );
    let shown = widget
        .container
        .query_selector_all(".cds17-slot[data-shown=\"true\"]")
        .unwrap()
        .length();
    assert_eq!(shown, 17);
    assert!(widget.is_flipped(2));
    assert!(!widget.is_flipped(1));
}

#[wasm_bindgen_test]
async fn two_widgets_on_a_page_keep_their_own_state() {
    let first = Widget::mount(at(1));
    let second = Widget::mount(at(1));
    first.flip(1).await;
    first.click(".cds17-next").await;
    assert!(!second.is_flipped(1));
    assert_eq!(second.shown_card(), "1");
    assert_eq!(second.told(), []);
}

#[wasm_bindgen_test]
async fn unmounting_takes_the_widget_away_and_it_tells_nothing_more() {
    let widget = Widget::mount(at(1));
    settle().await;
    let button = widget.find(".cds17-card[data-card=\"1\"] .cds17-flip");
    let container = widget.container.clone();
    let events = Rc::clone(&widget.events);
    widget.unmount().await;
    assert_eq!(container.child_element_count(), 0);
    button.click();
    settle().await;
    assert!(events.borrow().is_empty());
}

fn self_check() -> Options {
    Options {
        view: View::Quiz,
        ..Options::default()
    }
}

fn text_of(widget: &Widget, selector: &str) -> String {
    widget.find(selector).text_content().unwrap()
}

fn is_hidden(widget: &Widget, selector: &str) -> bool {
    widget.find(selector).has_attribute("hidden")
}

fn press(element: &HtmlElement, key: &str) -> KeyboardEvent {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let press = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    element.dispatch_event(&press).unwrap();
    press
}

fn focused() -> web_sys::Element {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap()
}

#[wasm_bindgen_test]
async fn a_self_check_round_asks_ten_statements_and_says_each_verdict_in_words() {
    let widget = Widget::mount(self_check());
    settle().await;
    let mut right = 0;
    let mut missed = Vec::new();
    let mut cards = Vec::new();
    for question in 1..=10u8 {
        assert_eq!(
            text_of(&widget, ".cds17-quiz-progress"),
            format!("Câu {question}/10")
        );
        assert!(is_hidden(&widget, ".cds17-feedback"));
        let statement = text_of(&widget, ".cds17-statement");
        // Alternate the answers, so that some are right and some wrong.
        let chosen = if question % 2 == 0 {
            Side::Before
        } else {
            Side::After
        };
        let button = if chosen == Side::Before {
            ".cds17-answer-before"
        } else {
            ".cds17-answer-after"
        };
        widget.click(button).await;
        widget.click(button).await;
        let told = widget.told();
        let [WidgetEvent::Answer {
            card,
            side,
            chosen: said,
        }] = told[..1]
        else {
            panic!("no answer told: {told:?}");
        };
        assert_eq!(said, chosen);
        assert_eq!(
            told.len(),
            if question == 10 { 2 } else { 1 },
            "one answer, however many clicks"
        );
        assert!(!cards.contains(&card), "card {card} asked twice");
        cards.push(card);
        let part = if side == Side::After {
            Part::After
        } else {
            Part::Before
        };
        assert_eq!(statement, content::statement(Lang::Vi, card, part));
        assert!(!is_hidden(&widget, ".cds17-feedback"));
        let verdict = text_of(&widget, ".cds17-verdict");
        let label = ui(
            Lang::Vi,
            if side == Side::After {
                Ui::AfterLabel
            } else {
                Ui::BeforeLabel
            },
        );
        if side == chosen {
            right += 1;
            assert_eq!(verdict, format!("Đúng. Ý này nói về: {label}"));
        } else {
            missed.push(card);
            assert_eq!(verdict, format!("Chưa đúng. Ý này nói về: {label}"));
        }
        if question == 10 {
            assert_eq!(
                told[1],
                WidgetEvent::QuizEnd {
                    score: right,
                    total: 10
                },
                "the end, with the last answer"
            );
        }
        assert_eq!(widget.live_region(), verdict);
        assert_eq!(
            text_of(&widget, ".cds17-feedback .cds17-title"),
            content::card_text(card, Lang::Vi).title
        );
        widget.click(".cds17-quiz-next").await;
    }
    assert_eq!(widget.told(), [], "nothing more is told at the result");
    assert!(is_hidden(&widget, ".cds17-quiz-question"));
    assert_eq!(text_of(&widget, ".cds17-quiz-score"), format!("{right}/10"));
    let listed: Vec<String> = (1..=17)
        .filter(|n| {
            !widget
                .find(&format!(".cds17-review li:nth-child({n})"))
                .has_attribute("hidden")
        })
        .map(|n| n.to_string())
        .collect();
    missed.sort_unstable();
    assert_eq!(listed, missed.iter().map(u8::to_string).collect::<Vec<_>>());
    assert!(
        focused().class_list().contains("cds17-quiz-end"),
        "focus is on the result"
    );
    widget.click(".cds17-quiz-retry").await;
    assert_eq!(text_of(&widget, ".cds17-quiz-progress"), "Câu 1/10");
    assert!(is_hidden(&widget, ".cds17-quiz-end"));
    assert!(focused().class_list().contains("cds17-statement"));
}

#[wasm_bindgen_test]
async fn keys_1_and_2_answer_and_focus_goes_to_the_feedback_then_the_next_statement() {
    let widget = Widget::mount(self_check());
    settle().await;
    let statement = widget.find(".cds17-statement");
    statement.focus().unwrap();
    assert!(press(&statement, "2").default_prevented());
    settle().await;
    assert!(matches!(
        widget.told()[..],
        [WidgetEvent::Answer {
            chosen: Side::After,
            ..
        }]
    ));
    assert!(focused().class_list().contains("cds17-feedback"));
    let next = widget.find(".cds17-quiz-next");
    next.focus().unwrap();
    next.click();
    settle().await;
    assert!(focused().class_list().contains("cds17-statement"));
    assert_eq!(text_of(&widget, ".cds17-quiz-progress"), "Câu 2/10");
    assert!(press(&widget.find(".cds17-statement"), "1").default_prevented());
    settle().await;
    assert!(matches!(
        widget.told()[..],
        [WidgetEvent::Answer {
            chosen: Side::Before,
            ..
        }]
    ));
    assert!(!press(&widget.find(".cds17-statement"), "ArrowRight").default_prevented());
}

#[wasm_bindgen_test]
async fn a_language_switch_in_the_middle_of_a_round_keeps_the_round_and_its_score() {
    let widget = Widget::mount(self_check());
    settle().await;
    widget.click(".cds17-answer-before").await;
    let told = widget.told();
    let [WidgetEvent::Answer { side, .. }] = told[..] else {
        panic!("no answer told");
    };
    widget.click(".cds17-quiz-next").await;
    let vi_statement = text_of(&widget, ".cds17-statement");
    widget.click("button[lang=\"en\"]").await;
    assert_eq!(text_of(&widget, ".cds17-quiz-progress"), "Question 2/10");
    assert_ne!(text_of(&widget, ".cds17-statement"), vi_statement);
    widget.click("button[lang=\"vi\"]").await;
    assert_eq!(text_of(&widget, ".cds17-statement"), vi_statement);
    for _ in 2..=10 {
        widget.click(".cds17-answer-before").await;
        widget.click(".cds17-quiz-next").await;
    }
    let score: u8 = text_of(&widget, ".cds17-quiz-score")
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let ended = widget.told();
    let Some(WidgetEvent::QuizEnd {
        score: told_score,
        total: 10,
    }) = ended.last().copied()
    else {
        panic!("no end told: {ended:?}");
    };
    assert_eq!(score, told_score);
    let first_right = u8::from(side == Side::Before);
    let rest_right = ended
        .iter()
        .filter(|event| {
            matches!(
                event,
                WidgetEvent::Answer {
                    side: Side::Before,
                    ..
                }
            )
        })
        .count() as u8;
    assert_eq!(score, first_right + rest_right);
}

#[wasm_bindgen_test]
async fn seeing_the_card_opens_the_deck_at_it_turned_to_the_side_asked() {
    let widget = Widget::mount(self_check());
    settle().await;
    widget.click(".cds17-answer-after").await;
    let told = widget.told();
    let [WidgetEvent::Answer { card, side, .. }] = told[..] else {
        panic!("no answer told");
    };
    widget.click(".cds17-quiz-see").await;
    assert_eq!(
        widget.find(".cds17-root").get_attribute("data-view").as_deref(),
        Some("deck")
    );
    assert_eq!(widget.shown_card(), card.to_string());
    assert_eq!(widget.is_flipped(card), side == Side::After);
    assert!(widget.container.query_selector(".cds17-quiz").unwrap().is_none());
    settle().await;
    assert_eq!(
        focused()
            .closest(".cds17-card")
            .unwrap()
            .unwrap()
            .get_attribute("data-card"),
        Some(card.to_string())
    );
}
