//! The widget rendered at build time, for the loader's first paint.
//!
//! `cargo xtask dist` runs this native build (with the `ssr` feature) and
//! turns what it prints into the views `cds17.js` paints before the wasm
//! arrives, which the wasm then hydrates. One line per state a widget can
//! start in: `<lang> <view> <card> <theme>`, a tab, and the HTML. The
//! props are those `mount` in `src/embed.rs` gives the widget, so the two
//! render the same markup.

use cds17::deeplink::CardLinks;
use cds17::{Explainer, Lang, Options, Theme, View};
use leptos::prelude::*;

fn render(options: Options) -> String {
    let owner = Owner::new();
    owner.with(|| {
        // The link's address is not in the markup; that there is one is.
        let card_links = Some(CardLinks::Pages(String::new()));
        view! { <Explainer options=options card_links=card_links /> }.to_html()
    })
}

fn main() {
    let mut out = String::new();
    let mut line = |options: Options| {
        let Options {
            lang,
            view,
            card,
            theme,
            ..
        } = options;
        let state = [
            lang.code(),
            view.code(),
            cds17::content::number_label(card),
            theme.code(),
        ];
        out.push_str(&state.join(" "));
        out.push('\t');
        out.push_str(&render(options));
        out.push('\n');
    };
    for lang in [Lang::Vi, Lang::En] {
        for view in [View::Deck, View::Grid] {
            for card in 1..=cds17::content::CARD_COUNT {
                line(Options {
                    lang,
                    view,
                    card,
                    ..Options::default()
                });
            }
        }
    }
    // The theme is an attribute the loader sets on the painted view; this
    // render lets the build check that it is the only difference.
    line(Options {
        theme: Theme::Dark,
        ..Options::default()
    });
    print!("{out}");
}
