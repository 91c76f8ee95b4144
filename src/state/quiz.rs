//! The self-check's state: a [`Round`] (ten statements, each one side of a
//! different card, in an order and a mix of sides drawn from random bytes,
//! and the visitor's answers) as plain data, and [`SelfCheck`], the round a
//! self-check view shows, as a signal, with the rules of answering it. No
//! DOM: the view is `components/quiz.rs`.

use leptos::callback::{Callable, UnsyncCallback};
use leptos::prelude::*;

use super::Side;
use crate::content::{is_asked, Part, CARD_COUNT};

/// Statements in a round.
pub const QUESTIONS: u8 = 10;

/// The random bytes a round is drawn from: the browser's
/// `crypto.getRandomValues` gives them (no random-number crate for ten
/// numbers).
pub type Random = [u8; 24];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Round {
    /// The card of each question, in order.
    cards: [u8; QUESTIONS as usize],
    /// Bit `i` set: question `i` is its card's back.
    backs: u16,
    /// Bit `i` set: question `i` has been answered.
    answered: u16,
    /// Bit `i` set: question `i` was answered "digital transformation".
    chose_back: u16,
    /// The question in view, 0..10; 10 once the visitor has seen the last
    /// one's feedback and moved on to the result.
    at: u8,
}

impl Default for Round {
    /// A round not drawn yet: the first ten cards, fronts and backs by
    /// turns. The widget draws a real one before it shows any.
    fn default() -> Self {
        Round::from_order([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0b01_0101_0101)
    }
}

impl Round {
    /// A round drawn from `random`: ten different cards in a random order,
    /// each on a random side that has a statement, never all on one side.
    pub fn new(random: &Random) -> Round {
        let mut deck: [u8; CARD_COUNT as usize] = core::array::from_fn(|i| i as u8 + 1);
        // Fisher–Yates, for the first ten places only. A byte modulo at most
        // 17 leans a little towards small values, which no visitor can tell.
        for (place, &byte) in random.iter().enumerate().take(usize::from(QUESTIONS)) {
            let left = deck.len() - place;
            let pick = place + usize::from(byte) % left;
            deck.swap(place, pick);
        }
        let mut cards = [0; QUESTIONS as usize];
        cards.copy_from_slice(&deck[..usize::from(QUESTIONS)]);
        let sides = u16::from_le_bytes([random[QUESTIONS as usize], random[QUESTIONS as usize + 1]]);
        Round::from_order(cards, sides)
    }

    /// The round after `self`: drawn from `random`, and never in the same
    /// order with the same sides.
    pub fn after(&self, random: &Random) -> Round {
        let mut next = Round::new(random);
        if next.cards == self.cards && next.backs == self.backs {
            next.cards.rotate_left(1);
            next = Round::from_order(next.cards, next.backs.rotate_right(1));
        }
        next
    }

    /// `cards` with the sides `backs` asks for where the card has that side,
    /// and at least one of each side.
    fn from_order(cards: [u8; QUESTIONS as usize], backs: u16) -> Round {
        let mut round = Round {
            cards,
            backs: 0,
            answered: 0,
            chose_back: 0,
            at: 0,
        };
        for (i, &card) in cards.iter().enumerate() {
            let wants_back = backs & (1 << i) != 0;
            let back = match (is_asked(card, Part::Before), is_asked(card, Part::After)) {
                (true, true) => wants_back,
                (false, _) => true,
                (_, false) => false,
            };
            if back {
                round.backs |= 1 << i;
            }
        }
        let all = (1u16 << QUESTIONS) - 1;
        if round.backs == 0 || round.backs == all {
            // Turn over the first question that has both sides.
            if let Some(i) = (0..usize::from(QUESTIONS))
                .find(|&i| is_asked(cards[i], Part::Before) && is_asked(cards[i], Part::After))
            {
                round.backs ^= 1 << i;
            }
        }
        round
    }

    /// Question `index`'s card and side.
    pub fn question_at(&self, index: u8) -> (u8, Side) {
        let i = usize::from(index.min(QUESTIONS - 1));
        let side = if self.backs & (1 << i) != 0 {
            Side::After
        } else {
            Side::Before
        };
        (self.cards[i], side)
    }

    /// The question in view, or `None` once the round is over.
    pub fn question(&self) -> Option<(u8, Side)> {
        (!self.is_over()).then(|| self.question_at(self.at))
    }

    /// Which question is in view, 1..=10 (10 at the end).
    pub fn number(&self) -> u8 {
        (self.at + 1).min(QUESTIONS)
    }

    /// Answers the question in view with `chosen`: whether that was right,
    /// or `None` if it was answered already (or the round is over).
    pub fn answer(&mut self, chosen: Side) -> Option<bool> {
        let (_, side) = self.question()?;
        let bit = 1 << self.at;
        if self.answered & bit != 0 {
            return None;
        }
        self.answered |= bit;
        if chosen == Side::After {
            self.chose_back |= bit;
        }
        Some(chosen == side)
    }

    /// What the visitor chose for the question in view, once answered.
    pub fn chosen(&self) -> Option<Side> {
        let bit = 1 << self.at;
        if self.is_over() || self.answered & bit == 0 {
            return None;
        }
        Some(if self.chose_back & bit != 0 {
            Side::After
        } else {
            Side::Before
        })
    }

    /// Whether the question in view was answered right, once answered.
    pub fn is_right(&self) -> Option<bool> {
        let (_, side) = self.question()?;
        self.chosen().map(|chosen| chosen == side)
    }

    /// On to the next question (or the result), once this one is answered.
    pub fn next(&mut self) {
        if self.chosen().is_some() {
            self.at += 1;
        }
    }

    pub fn is_over(&self) -> bool {
        self.at >= QUESTIONS
    }

    /// Whether every question has been answered.
    pub fn all_answered(&self) -> bool {
        self.answered == (1 << QUESTIONS) - 1
    }

    /// Whether the visitor has answered anything yet.
    pub fn has_begun(&self) -> bool {
        self.answered != 0
    }

    /// The right answers so far.
    pub fn score(&self) -> u8 {
        (self.answered & !(self.backs ^ self.chose_back)).count_ones() as u8
    }

    /// The cards of the questions answered wrong, as a bit per card (card 1
    /// the lowest): the cards to look at again.
    pub fn missed(&self) -> u32 {
        let wrong = self.answered & (self.backs ^ self.chose_back);
        (0..usize::from(QUESTIONS))
            .filter(|i| wrong & (1 << i) != 0)
            .fold(0, |cards, i| cards | 1 << (self.cards[i] - 1))
    }
}

/// What a self-check tells whoever shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizEvent {
    /// The statement was `card`'s `side`, and the visitor chose `chosen`.
    Answer { card: u8, side: Side, chosen: Side },
    /// The round is over: `score` right of `total`.
    End { score: u8, total: u8 },
    /// The visitor asked to see `card` in the deck, turned to `side`.
    SeeCard(u8, Side),
}

/// One self-check: the round it shows, which the visitor answers. It lives
/// as long as its view: switching the language keeps it and its score.
#[derive(Clone, Copy)]
pub struct SelfCheck {
    round: RwSignal<Round>,
    on_event: UnsyncCallback<QuizEvent>,
}

impl SelfCheck {
    /// A self-check with a round drawn from `random`, which tells
    /// `on_event` each answer and the end of each round.
    pub fn new(random: &Random, on_event: UnsyncCallback<QuizEvent>) -> Self {
        SelfCheck {
            round: RwSignal::new(Round::new(random)),
            on_event,
        }
    }

    fn tell(&self, event: QuizEvent) {
        self.on_event.try_run(event);
    }

    /// The round as it is now, untracked.
    pub fn round(&self) -> Round {
        self.round.try_get_untracked().unwrap_or_default()
    }

    pub fn round_signal(&self) -> RwSignal<Round> {
        self.round
    }

    /// Answers the statement in view; a second answer to it does nothing.
    /// Each answer is told, and so is the end of the round, with the last.
    pub fn answer(&self, chosen: Side) {
        let mut round = self.round();
        let Some((card, side)) = round.question() else {
            return;
        };
        if round.answer(chosen).is_none() {
            return;
        }
        self.round.try_set(round);
        self.tell(QuizEvent::Answer { card, side, chosen });
        if round.all_answered() {
            self.tell(QuizEvent::End {
                score: round.score(),
                total: QUESTIONS,
            });
        }
    }

    /// On to the next statement, or to the result after the last.
    pub fn next(&self) {
        self.round.try_update(Round::next);
    }

    /// A new round in another order ("Làm lại"), drawn from `random`.
    pub fn retry(&self, random: &Random) {
        self.round.try_update(|round| *round = round.after(random));
    }

    /// 1 and 2 answer ("Ứng dụng CNTT", "Chuyển đổi số"); `false` for any
    /// other key, which is left to the page.
    pub fn press(&self, key: &str) -> bool {
        match key {
            "1" => self.answer(Side::Before),
            "2" => self.answer(Side::After),
            _ => return false,
        }
        true
    }

    /// Asks to see `card` in the deck, turned to the side this round asked.
    pub fn see_card(&self, card: u8) {
        self.tell(QuizEvent::SeeCard(card, self.side_asked(card)));
    }

    /// The side `card` was asked on in this round (its front if it was not).
    pub fn side_asked(&self, card: u8) -> Side {
        let round = self.round();
        (0..QUESTIONS)
            .map(|i| round.question_at(i))
            .find(|(asked, _)| *asked == card)
            .map_or(Side::Before, |(_, side)| side)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;
    use crate::state::tests::recorder;

    fn other(side: Side) -> Side {
        match side {
            Side::Before => Side::After,
            Side::After => Side::Before,
        }
    }

    /// A self-check in a reactive owner of its own, and what it told.
    fn self_check(seed: u32) -> (Owner, SelfCheck, Rc<RefCell<Vec<QuizEvent>>>) {
        let owner = Owner::new();
        let (told, on_event) = owner.with(recorder);
        let quiz = owner.with(|| SelfCheck::new(&random(seed), on_event));
        (owner, quiz, told)
    }

    #[test]
    fn each_answer_is_told_once_and_the_end_of_the_round_once() {
        let (_owner, quiz, told) = self_check(5);
        let mut expected = Vec::new();
        for i in 0..QUESTIONS {
            let (card, side) = quiz.round().question().unwrap();
            let chosen = if i < 7 { side } else { other(side) };
            quiz.answer(chosen);
            quiz.answer(other(chosen));
            expected.push(QuizEvent::Answer { card, side, chosen });
            quiz.next();
        }
        expected.push(QuizEvent::End { score: 7, total: 10 });
        assert_eq!(*told.borrow(), expected);
        assert!(quiz.round().is_over());
        quiz.answer(Side::Before);
        assert_eq!(
            told.borrow().len(),
            expected.len(),
            "nothing is told after the end"
        );
    }

    #[test]
    fn keys_1_and_2_answer_and_other_keys_are_the_page_s() {
        let (_owner, quiz, told) = self_check(9);
        for key in ["ArrowRight", "Enter", "3", " "] {
            assert!(!quiz.press(key), "{key}");
        }
        assert!(quiz.press("2"));
        assert_eq!(quiz.round().chosen(), Some(Side::After));
        quiz.next();
        assert!(quiz.press("1"));
        assert_eq!(quiz.round().chosen(), Some(Side::Before));
        assert_eq!(told.borrow().len(), 2);
    }

    #[test]
    fn a_retry_reshuffles_and_starts_the_score_again() {
        let (_owner, quiz, _) = self_check(2);
        let (_, side) = quiz.round().question().unwrap();
        quiz.answer(side);
        let under_way = quiz.round();
        quiz.retry(&random(2));
        let retried = quiz.round();
        assert!(!retried.has_begun());
        assert_eq!(retried.score(), 0);
        let order = |round: Round| (0..QUESTIONS).map(|i| round.question_at(i)).collect::<Vec<_>>();
        assert_ne!(order(retried), order(under_way));
    }

    #[test]
    fn seeing_a_card_asks_for_the_side_its_statement_came_from() {
        let (_owner, quiz, told) = self_check(4);
        for i in 0..QUESTIONS {
            let (card, side) = quiz.round().question_at(i);
            quiz.see_card(card);
            assert_eq!(told.borrow_mut().pop(), Some(QuizEvent::SeeCard(card, side)));
        }
    }

    /// Random bytes, the same for the same seed.
    fn random(seed: u32) -> Random {
        let mut state = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
        core::array::from_fn(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as u8
        })
    }

    fn questions(round: &Round) -> Vec<(u8, Side)> {
        (0..QUESTIONS).map(|i| round.question_at(i)).collect()
    }

    #[test]
    fn a_round_asks_ten_different_cards_with_both_sides() {
        for seed in 0..2000 {
            let round = Round::new(&random(seed));
            let asked = questions(&round);
            let mut cards: Vec<u8> = asked.iter().map(|(card, _)| *card).collect();
            cards.sort_unstable();
            cards.dedup();
            assert_eq!(cards.len(), 10, "seed {seed}");
            assert!(cards.iter().all(|card| (1..=CARD_COUNT).contains(card)));
            assert!(asked.iter().any(|(_, side)| *side == Side::Before), "seed {seed}");
            assert!(asked.iter().any(|(_, side)| *side == Side::After), "seed {seed}");
        }
    }

    #[test]
    fn a_side_without_a_statement_is_never_asked() {
        for seed in 0..2000 {
            for (card, side) in questions(&Round::new(&random(seed))) {
                let part = if side == Side::After {
                    Part::After
                } else {
                    Part::Before
                };
                assert!(is_asked(card, part), "seed {seed}: card {card} {side:?}");
            }
        }
    }

    #[test]
    fn all_one_side_asked_is_turned_into_a_mix() {
        let all_fronts = Round::from_order([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0);
        let all_backs = Round::from_order([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0x3ff);
        for round in [all_fronts, all_backs] {
            let sides: Vec<Side> = questions(&round).into_iter().map(|(_, side)| side).collect();
            assert!(sides.contains(&Side::Before) && sides.contains(&Side::After));
        }
    }

    #[test]
    fn rounds_come_in_many_orders_and_cover_every_card() {
        let mut orders = std::collections::HashSet::new();
        let mut seen = 0u32;
        for seed in 0..200 {
            let round = Round::new(&random(seed));
            let order: Vec<(u8, bool)> = questions(&round)
                .into_iter()
                .map(|(card, side)| (card, side == Side::After))
                .collect();
            orders.insert(order);
            for (card, _) in questions(&round) {
                seen |= 1 << (card - 1);
            }
        }
        assert!(orders.len() > 190);
        assert_eq!(seen, (1 << CARD_COUNT) - 1);
    }

    #[test]
    fn scoring_counts_the_right_answers_and_names_the_cards_missed() {
        let mut round = Round::new(&random(7));
        let mut expected_missed = 0;
        for i in 0..QUESTIONS {
            let (card, side) = round.question().unwrap();
            assert_eq!(round.number(), i + 1);
            // Right on even questions, wrong on odd ones.
            let chosen = match (i % 2 == 0, side) {
                (true, side) => side,
                (false, Side::Before) => Side::After,
                (false, Side::After) => Side::Before,
            };
            if i % 2 == 1 {
                expected_missed |= 1 << (card - 1);
            }
            assert_eq!(round.answer(chosen), Some(i % 2 == 0));
            assert_eq!(round.chosen(), Some(chosen));
            assert_eq!(round.is_right(), Some(i % 2 == 0));
            round.next();
        }
        assert!(round.is_over() && round.all_answered());
        assert_eq!(round.score(), 5);
        assert_eq!(round.missed(), expected_missed);
        assert_eq!(round.question(), None);
    }

    #[test]
    fn a_question_is_answered_once_and_only_then_moves_on() {
        let mut round = Round::new(&random(3));
        round.next();
        assert_eq!(round.number(), 1, "no moving on before an answer");
        let (_, side) = round.question().unwrap();
        assert_eq!(round.answer(side), Some(true));
        let other = if side == Side::After {
            Side::Before
        } else {
            Side::After
        };
        assert_eq!(round.answer(other), None, "a second answer counts for nothing");
        assert_eq!(round.score(), 1);
        round.next();
        assert_eq!(round.number(), 2);
        assert_eq!(round.chosen(), None);
    }

    #[test]
    fn a_retry_draws_a_new_order_even_from_the_same_bytes() {
        let bytes = random(11);
        let first = Round::new(&bytes);
        let second = first.after(&bytes);
        assert_ne!(questions(&first), questions(&second));
        assert!(!second.has_begun());
        let third = second.after(&random(12));
        assert_ne!(questions(&second), questions(&third));
    }
}
