//! What a widget knows, and its rules: the card in view, which cards show
//! their back, the language asked for and the one shown, the view. Reactive
//! values and nothing else: no DOM, no components. The components and
//! `embed.rs` use it; it uses neither, and its rules are tested natively,
//! below.

pub mod quiz;

use quiz::QuizEvent;

use std::marker::PhantomData;

use leptos::callback::{Callable, UnsyncCallback};
use leptos::prelude::*;

use crate::content::{has_text, request_text, CARD_COUNT};
use crate::i18n::Lang;
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
    /// A self-check answer: the statement was this card's `side`, and the
    /// visitor chose `chosen`.
    Answer { card: u8, side: Side, chosen: Side },
    /// A self-check round is over: `score` right of `total`.
    QuizEnd { score: u8, total: u8 },
    /// The widget now shows this view (the self-check module opens when
    /// it is the self-check).
    View(View),
    /// The widget now shows this language.
    Lang(Lang),
}

/// A value with a handful of possible states, which fits in a `u8`.
pub(crate) trait Small: Copy + 'static {
    fn to_u8(self) -> u8;
    fn from_u8(index: u8) -> Self;
}

impl Small for bool {
    fn to_u8(self) -> u8 {
        u8::from(self)
    }
    fn from_u8(index: u8) -> Self {
        index != 0
    }
}

impl Small for Lang {
    fn to_u8(self) -> u8 {
        self as u8
    }
    fn from_u8(index: u8) -> Self {
        if index == Lang::En as u8 {
            Lang::En
        } else {
            Lang::Vi
        }
    }
}

impl Small for View {
    fn to_u8(self) -> u8 {
        self as u8
    }
    fn from_u8(index: u8) -> Self {
        match index {
            1 => View::Grid,
            2 => View::Quiz,
            _ => View::Deck,
        }
    }
}

/// A yes/no that follows the widget's state: what `class:`, `inert` and
/// `aria-pressed` are bound to. One boxed type, so Leptos generates its
/// rendering code once.
pub(crate) type Flag = Box<dyn Fn() -> bool + Send + Sync>;

/// A signal of a [`Small`] value (a language, a view, a yes/no), kept as an
/// `RwSignal<u8>`. Leptos generates its reactive code once per type of
/// signal: with one type for every signal of the widget, each visitor
/// downloads that code once (about 4 KB gzip less, measured when it came).
pub(crate) struct SmallSignal<T> {
    index: RwSignal<u8>,
    kind: PhantomData<fn() -> T>,
}

impl<T> Clone for SmallSignal<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for SmallSignal<T> {}

impl<T: Small> SmallSignal<T> {
    pub fn new(value: T) -> Self {
        SmallSignal {
            index: RwSignal::new(value.to_u8()),
            kind: PhantomData,
        }
    }

    /// The value, tracked: a reactive closure that calls it runs again
    /// when it changes.
    pub fn get(self) -> T {
        T::from_u8(self.index.get())
    }

    pub fn get_untracked(self) -> T {
        T::from_u8(self.index.try_get_untracked().unwrap_or_default())
    }

    pub fn set(self, value: T) {
        self.index.try_set(value.to_u8());
    }

    /// Whether it holds `value`, as it changes.
    pub fn is(self, value: T) -> Flag {
        let (index, value) = (self.index, value.to_u8());
        Box::new(move || index.get() == value)
    }
}

/// The widget-wide state, and the way to drive a widget from outside: the
/// JavaScript handle and Rust hosts both use it. It is `Copy`; create it
/// inside the reactive owner that renders the [`Explainer`](crate::Explainer).
#[derive(Clone, Copy)]
pub struct Controller {
    /// The card in view (deck) or last used (grid), 1..=17.
    current: RwSignal<u8>,
    /// Bit `n − 1` set: card `n` shows its back.
    flipped: RwSignal<u32>,
    /// Bit `n − 1` set: card `n` has been in view during this visit. Kept
    /// in memory only: nothing is stored.
    seen: RwSignal<u32>,
    /// The language shown: always one whose text is here.
    lang: SmallSignal<Lang>,
    /// The language asked for; shown as soon as its text arrives.
    wanted_lang: SmallSignal<Lang>,
    view: SmallSignal<View>,
    /// Told of each move to another card and of each flip.
    on_event: Option<UnsyncCallback<WidgetEvent>>,
}

impl Controller {
    /// A widget in the state `options` give, which tells `on_event` what
    /// changes.
    pub fn new(options: &Options, on_event: Option<UnsyncCallback<WidgetEvent>>) -> Self {
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
            flipped: RwSignal::new(0),
            seen: RwSignal::new(card_bit(options.card.clamp(1, CARD_COUNT))),
            lang: SmallSignal::new(shown),
            wanted_lang: SmallSignal::new(wanted),
            view: SmallSignal::new(options.view),
            on_event,
        }
    }

    fn tell(&self, event: WidgetEvent) {
        if let Some(on_event) = self.on_event {
            on_event.try_run(event);
        }
    }

    /// The card in view (deck) or last used (grid), 1..=17.
    pub fn current(&self) -> u8 {
        self.current.try_get_untracked().unwrap_or(1)
    }

    /// The language shown.
    pub fn lang(&self) -> Lang {
        self.lang.get_untracked()
    }

    pub fn view(&self) -> View {
        self.view.get_untracked()
    }

    /// Shows card `number`; numbers outside 1..=17 go to the nearer end.
    /// Each card keeps its side.
    pub fn go_to(&self, number: u8) {
        let number = number.clamp(1, CARD_COUNT);
        if self.current() != number {
            self.current.try_set(number);
            self.seen.try_update(|seen| *seen |= card_bit(number));
            self.tell(WidgetEvent::Change(number));
        }
    }

    /// The next card; at the last card, nothing (the deck does not wrap).
    pub fn next(&self) {
        self.go_to(self.current().saturating_add(1));
    }

    /// The previous card; at the first card, nothing.
    pub fn previous(&self) {
        self.go_to(self.current().saturating_sub(1));
    }

    /// Flips the current card.
    pub fn flip(&self) {
        self.flip_card(self.current());
    }

    /// Flips card `number` (clamped into 1..=17), and only that one.
    pub fn flip_card(&self, number: u8) {
        let number = number.clamp(1, CARD_COUNT);
        self.flipped.try_update(|flipped| *flipped ^= card_bit(number));
        self.tell(WidgetEvent::Flip(number, self.side(number)));
    }

    /// The side card `number` shows.
    pub fn side(&self, number: u8) -> Side {
        let flipped = self.flipped.try_get_untracked().unwrap_or_default();
        if shows_back_in(flipped, number) {
            Side::After
        } else {
            Side::Before
        }
    }

    /// Whether card `number` shows its back, as it changes.
    pub(crate) fn shows_back(&self, number: u8) -> Flag {
        let flipped = self.flipped;
        Box::new(move || shows_back_in(flipped.get(), number))
    }

    /// Whether card `number` has been in view during this visit, as it
    /// changes.
    pub(crate) fn was_seen(&self, number: u8) -> Flag {
        let seen = self.seen;
        Box::new(move || seen.get() & card_bit(number) != 0)
    }

    /// How many cards have been in view during this visit, tracked (the
    /// pager's "Đã xem 5/17" follows it).
    pub fn seen_count(&self) -> u8 {
        self.seen.try_get().unwrap_or_default().count_ones() as u8
    }

    /// Whether the card in view shows its back, as either changes.
    pub(crate) fn current_shows_back(&self) -> Flag {
        let (flipped, current) = (self.flipped, self.current);
        Box::new(move || shows_back_in(flipped.get(), current.get()))
    }

    /// Shows the widget in `lang`: at once if its text is here, otherwise
    /// once it has arrived (see [`text_arrived`](Self::text_arrived)).
    /// The card and the side of every card stay as they are.
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
        if has_text(wanted) && self.lang() != wanted {
            self.lang.set(wanted);
            self.tell(WidgetEvent::Lang(wanted));
        }
    }

    pub fn set_view(&self, view: View) {
        if self.view() != view {
            self.view.set(view);
            self.tell(WidgetEvent::View(view));
        }
    }

    /// Opens the deck at card `number`, turned to `side`: where a visitor
    /// goes from the self-check to look at a card.
    pub fn open_card(&self, number: u8, side: Side) {
        self.set_view(View::Deck);
        self.go_to(number);
        if self.side(self.current()) != side {
            self.flip_card(self.current());
        }
    }

    /// What the widget does with what its self-check tells: answers and
    /// the end of a round are the widget's events; a card asked for opens
    /// in the deck (and then `true`: focus should go to it).
    pub fn on_quiz_event(&self, event: QuizEvent) -> bool {
        match event {
            QuizEvent::Answer { card, side, chosen } => self.tell(WidgetEvent::Answer { card, side, chosen }),
            QuizEvent::End { score, total } => self.tell(WidgetEvent::QuizEnd { score, total }),
            QuizEvent::SeeCard(card, side) => {
                self.open_card(card, side);
                return true;
            }
        }
        false
    }

    /// What ←, →, Home and End do in the deck and the grid; `false` for
    /// any other key, and for every key in the self-check, which reads its
    /// own (`SelfCheck::press`).
    pub fn press(&self, key: &str) -> bool {
        if self.view() == View::Quiz {
            return false;
        }
        match key {
            "ArrowRight" => self.next(),
            "ArrowLeft" => self.previous(),
            "Home" => self.go_to(1),
            "End" => self.go_to(CARD_COUNT),
            _ => return false,
        }
        true
    }

    pub(crate) fn current_signal(&self) -> RwSignal<u8> {
        self.current
    }

    pub(crate) fn lang_signal(&self) -> SmallSignal<Lang> {
        self.lang
    }

    pub(crate) fn view_signal(&self) -> SmallSignal<View> {
        self.view
    }
}

/// What the parts of a widget share, provided once by its explainer: each
/// reads of it only what concerns it.
#[derive(Clone, Copy)]
struct SharedState(Controller);

/// Gives `controller` to the parts rendered inside the caller.
pub(crate) fn provide_controller(controller: Controller) {
    provide_context(SharedState(controller));
}

/// The state of the widget around the caller.
///
/// The parts that ask for it are rendered inside the explainer, so it is
/// always there. Should a part ever be rendered outside it, debug builds
/// say so at once; a release build gives the part a state of its own rather
/// than a panic on someone else's page.
pub(crate) fn use_controller() -> Controller {
    let found = use_context::<SharedState>();
    debug_assert!(
        found.is_some(),
        "cds17: a part of the explainer was rendered outside <Explainer>"
    );
    match found {
        Some(SharedState(controller)) => controller,
        None => Controller::new(&Options::default(), None),
    }
}

/// Card `number`'s bit in the flipped set.
fn card_bit(number: u8) -> u32 {
    1 << (number.clamp(1, CARD_COUNT) - 1)
}

/// Whether the bitmask `flipped` has card `number` on its back.
fn shows_back_in(flipped: u32, number: u8) -> bool {
    flipped & card_bit(number) != 0
}

#[cfg(test)]
pub(crate) mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;

    /// What a state under test tells, and the callback that records it.
    pub(crate) fn recorder<E: 'static>() -> (Rc<RefCell<Vec<E>>>, UnsyncCallback<E>) {
        let told = Rc::new(RefCell::new(Vec::new()));
        let into = Rc::clone(&told);
        (
            told,
            UnsyncCallback::new(move |event| into.borrow_mut().push(event)),
        )
    }

    /// A widget's state in a reactive owner of its own, and what it told.
    fn widget(options: Options) -> (Owner, Controller, Rc<RefCell<Vec<WidgetEvent>>>) {
        let owner = Owner::new();
        let (told, on_event) = owner.with(recorder);
        let controller = owner.with(|| Controller::new(&options, Some(on_event)));
        (owner, controller, told)
    }

    fn at(card: u8) -> Options {
        Options {
            card,
            ..Options::default()
        }
    }

    #[test]
    fn the_deck_stops_at_its_ends_without_wrapping() {
        let (_owner, controller, told) = widget(at(17));
        controller.next();
        assert_eq!(controller.current(), 17);
        controller.go_to(1);
        controller.previous();
        assert_eq!(controller.current(), 1);
        controller.go_to(0);
        assert_eq!(controller.current(), 1);
        controller.go_to(200);
        assert_eq!(controller.current(), 17);
        // Only real moves are told: 17 → 1 → 17.
        assert_eq!(*told.borrow(), [WidgetEvent::Change(1), WidgetEvent::Change(17)]);
    }

    #[test]
    fn a_card_starts_where_the_options_say_within_1_to_17() {
        assert_eq!(widget(at(5)).1.current(), 5);
        assert_eq!(widget(at(0)).1.current(), 1);
        assert_eq!(widget(at(99)).1.current(), 17);
    }

    #[test]
    fn flipping_a_card_does_not_flip_its_neighbour() {
        let (_owner, controller, told) = widget(at(3));
        controller.flip();
        controller.flip_card(4);
        controller.flip_card(4);
        assert_eq!(controller.side(3), Side::After);
        assert_eq!(controller.side(4), Side::Before);
        assert_eq!(controller.side(2), Side::Before);
        assert_eq!(
            *told.borrow(),
            [
                WidgetEvent::Flip(3, Side::After),
                WidgetEvent::Flip(4, Side::After),
                WidgetEvent::Flip(4, Side::Before),
            ]
        );
    }

    #[test]
    fn every_card_has_its_own_side_even_the_last() {
        let (_owner, controller, _) = widget(at(1));
        for card in 1..=CARD_COUNT {
            controller.flip_card(card);
        }
        assert!((1..=CARD_COUNT).all(|card| controller.side(card) == Side::After));
        controller.flip_card(17);
        assert_eq!(controller.side(17), Side::Before);
        assert_eq!(controller.side(16), Side::After);
    }

    #[test]
    fn going_to_a_card_and_back_keeps_each_card_s_side() {
        let (_owner, controller, _) = widget(at(2));
        controller.flip();
        controller.go_to(9);
        assert_eq!(controller.side(9), Side::Before);
        controller.go_to(2);
        assert_eq!(controller.side(2), Side::After);
    }

    #[test]
    fn a_language_switch_keeps_the_card_and_its_side() {
        let (_owner, controller, told) = widget(at(3));
        controller.flip();
        controller.set_lang(Lang::En);
        assert_eq!(controller.lang(), Lang::En);
        assert_eq!(controller.current(), 3);
        assert_eq!(controller.side(3), Side::After);
        controller.set_lang(Lang::Vi);
        assert_eq!(controller.lang(), Lang::Vi);
        // A language switch is no move and no flip: only the language is told.
        assert_eq!(
            *told.borrow(),
            [
                WidgetEvent::Flip(3, Side::After),
                WidgetEvent::Lang(Lang::En),
                WidgetEvent::Lang(Lang::Vi)
            ]
        );
    }

    #[test]
    fn in_the_self_check_the_keys_are_its_own_and_a_card_asked_for_opens_in_the_deck() {
        let options = Options {
            view: View::Quiz,
            ..at(4)
        };
        let (_owner, controller, told) = widget(options);
        for key in ["ArrowRight", "ArrowLeft", "Home", "End"] {
            assert!(!controller.press(key), "{key}");
        }
        assert_eq!(controller.current(), 4);
        let answer = QuizEvent::Answer {
            card: 9,
            side: Side::After,
            chosen: Side::Before,
        };
        assert!(!controller.on_quiz_event(answer));
        assert!(controller.on_quiz_event(QuizEvent::SeeCard(9, Side::After)));
        assert_eq!(controller.view(), View::Deck);
        assert_eq!(controller.current(), 9);
        assert_eq!(controller.side(9), Side::After);
        assert_eq!(
            *told.borrow(),
            [
                WidgetEvent::Answer {
                    card: 9,
                    side: Side::After,
                    chosen: Side::Before
                },
                WidgetEvent::View(View::Deck),
                WidgetEvent::Change(9),
                WidgetEvent::Flip(9, Side::After)
            ]
        );
    }

    #[test]
    fn the_cards_in_view_are_counted_seen_once_each_and_only_those() {
        let (_owner, controller, _) = widget(at(4));
        assert_eq!(controller.seen_count(), 1);
        assert!(controller.was_seen(4)());
        controller.next();
        controller.previous();
        controller.go_to(17);
        controller.flip();
        assert_eq!(controller.seen_count(), 3);
        assert!(controller.was_seen(5)() && controller.was_seen(17)());
        assert!(!controller.was_seen(6)() && !controller.was_seen(1)());
        controller.set_lang(Lang::En);
        controller.set_view(View::Grid);
        assert_eq!(controller.seen_count(), 3, "a language or a view is no new card");
    }

    #[test]
    fn the_view_switch_keeps_the_card_and_every_side() {
        let (_owner, controller, _) = widget(at(9));
        controller.flip();
        controller.set_view(View::Grid);
        controller.set_view(View::Deck);
        assert_eq!((controller.current(), controller.side(9)), (9, Side::After));
    }

    #[test]
    fn the_arrow_keys_home_and_end_move_and_other_keys_are_the_page_s() {
        let (_owner, controller, _) = widget(at(5));
        assert!(controller.press("ArrowRight"));
        assert_eq!(controller.current(), 6);
        assert!(controller.press("ArrowLeft"));
        assert!(controller.press("End"));
        assert_eq!(controller.current(), 17);
        assert!(controller.press("Home"));
        assert_eq!(controller.current(), 1);
        for key in ["Enter", " ", "ArrowUp", "PageDown", "a"] {
            assert!(!controller.press(key), "{key}");
        }
        assert_eq!(controller.current(), 1);
    }

    #[test]
    fn a_small_signal_says_what_it_holds() {
        let owner = Owner::new();
        owner.with(|| {
            let view = SmallSignal::new(View::Deck);
            let (deck, grid) = (view.is(View::Deck), view.is(View::Grid));
            assert!(deck() && !grid());
            view.set(View::Grid);
            assert!(!deck() && grid());
            assert_eq!(view.get_untracked(), View::Grid);
        });
    }
}
