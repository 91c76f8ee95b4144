//! The self-check ("CNTT hay CĐS?"): ten statements, each one side of a
//! card in neutral words, answered "Ứng dụng CNTT" or "Chuyển đổi số". After
//! each answer the visitor is told in words whether it was right and sees
//! the card it came from; at the end, the score and the cards to look at
//! again. The round itself is `state::quiz`; this only shows it.
//!
//! `cds17.js` visitors get it from the self-check module
//! (`src/self_check.rs`), fetched when they first open the self-check; a
//! Rust site's `<Explainer>` renders it itself.

use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use web_sys::{Element, KeyboardEvent, MouseEvent};

use super::bindings::{flag, on_click, text, true_false, ui_text, OnClick, Text};
use crate::content::{self, number_label, quiz_ui, statement, ui, Part, CARD_NUMBERS};
use crate::dom::{focus_later, listener_element, plain_key, random_bytes};
use crate::i18n::{Lang, QuizUi, Ui};
use crate::state::quiz::{QuizEvent, SelfCheck, QUESTIONS};
use crate::state::{Side, SmallSignal};

/// Where focus goes: the statement of a new question, the feedback on an
/// answer, the result at the end.
const STATEMENT: &str = ".cds17-statement";
const FEEDBACK: &str = ".cds17-feedback";
const RESULT: &str = ".cds17-quiz-end";

#[component]
pub fn Quiz(
    /// The language to show it in, as the widget's changes: a switch keeps
    /// the round and its score.
    lang: SmallSignal<Lang>,
    /// Told of each answer, of the end of each round, and of a visitor who
    /// asks to see a card in the deck.
    on_event: UnsyncCallback<QuizEvent>,
) -> impl IntoView {
    let quiz = SelfCheck::new(&random_bytes(), on_event);
    let round = quiz.round_signal();

    // The question in view (the last one, at the end).
    let asked = move || {
        let round = round.get();
        round.question_at(round.number() - 1)
    };
    let is_over = move || round.get().is_over();
    let is_answered = move || round.get().chosen().is_some();
    let is_right = move || round.get().is_right() == Some(true);
    let asked_back = move || asked().1 == Side::After;
    let side_label = move |back: bool| if back { Ui::AfterLabel } else { Ui::BeforeLabel };
    let part = move |back: bool| if back { Part::After } else { Part::Before };

    let answer = move |side: Side| {
        let chosen = flag(move || round.get().chosen() == Some(side));
        let button_class = match side {
            Side::Before => "cds17-answer cds17-answer-before",
            Side::After => "cds17-answer cds17-answer-after",
        };
        let key = match side {
            Side::Before => "1",
            Side::After => "2",
        };
        let label = ui_text(lang, side_label(side == Side::After));
        let on_answer = within_quiz(move |section| {
            quiz.answer(side);
            focus_later(section, FEEDBACK);
        });
        view! {
            <button
                type="button"
                class=button_class
                aria-pressed=true_false(chosen)
                aria-disabled=true_false(flag(is_answered))
                aria-keyshortcuts=key
                on:click:capture=on_answer
            >
                <span class="cds17-key" aria-hidden="true">{key}</span>
                {label}
            </button>
        }
    };

    let on_next = within_quiz(move |section| {
        quiz.next();
        focus_later(section, if quiz.round().is_over() { RESULT } else { STATEMENT });
    });
    let on_retry = within_quiz(move |section| {
        quiz.retry(&random_bytes());
        focus_later(section, STATEMENT);
    });
    let on_see_card = on_click(move |_| quiz.see_card(asked().0));

    let review = CARD_NUMBERS.map(|number| {
        let missed = flag(move || round.get().missed() & (1 << (number - 1)) != 0);
        let on_review = on_click(move |_| quiz.see_card(number));
        view! {
            <li hidden=flag(move || !missed())>
                <button type="button" class="cds17-nav-button cds17-review-card" on:click:capture=on_review>
                    <span class="cds17-number">{number_label(number)}</span>
                    {text(move || content::card_text(number, lang.get()).title)}
                </button>
            </li>
        }
    });

    let verdict = text(move || quiz_ui(lang.get(), if is_right() { QuizUi::Right } else { QuizUi::Wrong }));
    // "Câu 3/10", then "Đúng. Ý này nói về: Chuyển đổi số" after the answer,
    // and "Kết quả của bạn 8/10" at the end: read out politely, in words.
    let said = [
        text(move || {
            let lang = lang.get();
            match (is_over(), is_answered()) {
                (true, _) => quiz_ui(lang, QuizUi::Score),
                (false, true) => quiz_ui(lang, if is_right() { QuizUi::Right } else { QuizUi::Wrong }),
                (false, false) => quiz_ui(lang, QuizUi::Question),
            }
        }),
        text(move || {
            let round = round.get();
            match (round.is_over(), round.chosen().is_some()) {
                (true, _) => number_label(round.score()),
                (false, true) => quiz_ui(lang.get(), QuizUi::IsAbout),
                (false, false) => number_label(round.number()),
            }
        }),
        text(move || match (is_over(), is_answered()) {
            (false, true) => ui(lang.get(), side_label(asked_back())),
            _ => "/10",
        }),
    ];
    let [said_first, said_second, said_third] = said;

    view! {
        <section
            class="cds17-quiz"
            aria-label=ui_text(lang, Ui::ViewQuiz)
            on:keydown:capture=move |event: KeyboardEvent| on_key(quiz, &event)
        >
            <div class="cds17-quiz-question" hidden=flag(is_over)>
                <p class="cds17-quiz-progress">
                    {quiz_text(lang, QuizUi::Question)}
                    " "
                    <strong>{text(move || number_label(round.get().number()))}</strong>
                    "/"
                    {number_label(QUESTIONS)}
                </p>
                <p class="cds17-quiz-prompt">{quiz_text(lang, QuizUi::Prompt)}</p>
                <blockquote class="cds17-statement" tabindex="-1">
                    <p>
                        {text(move || {
                            let (card, side) = asked();
                            statement(lang.get(), card, part(side == Side::After))
                        })}
                    </p>
                </blockquote>
                <div class="cds17-answers" role="group" aria-label=quiz_text(lang, QuizUi::Answers)>
                    {answer(Side::Before)}
                    {answer(Side::After)}
                </div>
                <div
                    class="cds17-feedback"
                    tabindex="-1"
                    hidden=flag(move || !is_answered())
                    data-right=true_false(flag(is_right))
                >
                    <p class="cds17-verdict">
                        <strong>{verdict}</strong>
                        " "
                        {quiz_text(lang, QuizUi::IsAbout)}
                        " "
                        <strong>{text(move || ui(lang.get(), side_label(asked_back())))}</strong>
                    </p>
                    <div class=face_class(flag(asked_back))>
                        <div class="cds17-face-head">
                            <span class="cds17-number">{text(move || number_label(asked().0))}</span>
                            <span class="cds17-side">
                                {text(move || ui(lang.get(), side_label(asked_back())))}
                            </span>
                        </div>
                        <h3 class="cds17-title">
                            {text(move || content::card_text(asked().0, lang.get()).title)}
                        </h3>
                        <p class="cds17-text">
                            {text(move || {
                                let card = content::card_text(asked().0, lang.get());
                                if asked_back() { card.after } else { card.before }
                            })}
                        </p>
                    </div>
                    <div class="cds17-quiz-actions">
                        <button type="button" class="cds17-nav-button cds17-quiz-see" on:click:capture=on_see_card>
                            {quiz_text(lang, QuizUi::SeeCard)}
                        </button>
                        <button type="button" class="cds17-primary cds17-quiz-next" on:click:capture=on_next>
                            {ui_text(lang, Ui::Next)}
                        </button>
                    </div>
                </div>
            </div>
            <div class="cds17-quiz-end" tabindex="-1" hidden=flag(move || !is_over())>
                <h3 class="cds17-quiz-score-title">{quiz_text(lang, QuizUi::Score)}</h3>
                <p class="cds17-quiz-score">
                    <strong>{text(move || number_label(round.get().score()))}</strong>
                    "/"
                    {number_label(QUESTIONS)}
                </p>
                <p hidden=flag(move || round.get().missed() == 0)>{quiz_text(lang, QuizUi::Review)}</p>
                <p hidden=flag(move || round.get().missed() != 0)>{quiz_text(lang, QuizUi::AllRight)}</p>
                <ul class="cds17-review">{review}</ul>
                <button type="button" class="cds17-primary cds17-quiz-retry" on:click:capture=on_retry>
                    {quiz_text(lang, QuizUi::Retry)}
                </button>
            </div>
            <p class="cds17-visually-hidden" aria-live="polite" aria-atomic="true">
                {said_first}
                " "
                {said_second}
                {text(move || if is_answered() && !is_over() { " " } else { "" })}
                {said_third}
            </p>
        </section>
    }
}

/// The feedback's card face: the side the statement came from, face up.
fn face_class(back: crate::state::Flag) -> Text {
    Box::new(move || {
        if back() {
            "cds17-face cds17-face-after"
        } else {
            "cds17-face cds17-face-before"
        }
    })
}

/// A click handler that gets the quiz's own element (where focus moves
/// next), found from the button clicked.
fn within_quiz(action: impl Fn(Element) + 'static) -> OnClick {
    on_click(move |event: MouseEvent| {
        let quiz = listener_element(&event).and_then(|button| button.closest(".cds17-quiz").ok().flatten());
        if let Some(quiz) = quiz {
            action(quiz);
        }
    })
}

/// 1 and 2 answer (`SelfCheck::press`), and focus moves to the feedback.
fn on_key(quiz: SelfCheck, event: &KeyboardEvent) {
    if !plain_key(event).is_some_and(|key| quiz.press(&key)) {
        return;
    }
    event.prevent_default();
    if let Some(section) = listener_element(event) {
        focus_later(section, FEEDBACK);
    }
}

/// A self-check string in the widget's current language.
fn quiz_text(lang: SmallSignal<Lang>, string: QuizUi) -> Text {
    Box::new(move || quiz_ui(lang.get(), string))
}
