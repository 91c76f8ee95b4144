//! The 17 cards, laid out as a deck (one at a time, with navigation) or as a
//! grid (all at once). Both views are the same cards under different CSS, so
//! switching keeps every card's side and costs no re-render.

use leptos::prelude::*;

use super::{card::Card, nav::Nav};
use crate::content::CARD_NUMBERS;

#[component]
pub(crate) fn Cards() -> impl IntoView {
    // In the deck, only the current card is laid out, and the stack fills
    // the height reserved for the widget (that of its tallest card): moving
    // on never changes the widget's height, and the buttons stay under the
    // finger (cards.css).
    view! {
        <div class="cds17-cards">
            <ol class="cds17-stack">
                {CARD_NUMBERS.map(|number| view! { <Card number=number /> })}
            </ol>
            <Nav />
        </div>
    }
}
