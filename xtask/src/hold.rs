//! The one-line `<style>` that starts the recommended snippet: it reserves
//! the widget's height on the host page from its first paint, before the
//! loader has run (the loader's frame holds it from then on).
//!
//! It is `src/components/reserve.css` turned inside out: the same heights
//! for the same bands of width, on a zero-width float (`::before`) in the
//! placeholder, which is made a size container for the purpose. The float
//! stays after the widget has mounted, as tall as the widget's own frame,
//! so it never moves anything either; in the grid view it is not there.

use crate::files::read_text;
use crate::{root, Result};

const RESERVE: &str = "src/components/reserve.css";
const BAND: &str = "@container cds17-mount (min-width:";

/// What the snippet's style applies to: every placeholder.
pub const PLACEHOLDERS: &str = "[data-cds17]";

/// The rule that holds the height of a placeholder whose widget starts in
/// `lang`: `en` for `data-lang="en"`, `vi` for every other.
pub fn hold_css(lang: &str) -> Result<String> {
    hold_css_for(PLACEHOLDERS, lang)
}

/// [`hold_css`] for the elements `selector` names: a page's own element
/// that it mounts a widget into with `CDS17.mount`, and marks with
/// `data-lang` and `data-view` as it does.
pub fn hold_css_for(selector: &str, lang: &str) -> Result<String> {
    let reserve = read_text(&root().join(RESERVE))?;
    from_reserve(&reserve, selector, lang)
}

/// How tall, in px, a deck in `lang` is in a frame `width` px wide at the
/// iframe page's 16 px: the height the frame is given before it says its
/// own (an oEmbed answer's `height`).
pub fn deck_height_px(lang: &str, width: f32) -> Result<u32> {
    let reserve = read_text(&root().join(RESERVE))?;
    deck_height_in(&reserve, lang, width)
}

fn deck_height_in(reserve: &str, lang: &str, width: f32) -> Result<u32> {
    const FONT_PX: f32 = 16.0;
    let height_rule = format!(".cds17-root[lang=\"{lang}\"]:not([data-view=\"grid\"]){{min-height:");
    let mut height_em = None;
    for line in reserve.lines() {
        let Some(at) = line.find(&height_rule) else {
            continue;
        };
        let band_from = match line.strip_prefix(BAND) {
            Some(band) => band.split("em)").next().and_then(|w| w.parse::<f32>().ok()),
            None => Some(0.0),
        };
        let height = line[at + height_rule.len()..]
            .split("em}")
            .next()
            .and_then(|h| h.parse::<f32>().ok());
        if let (Some(from), Some(height)) = (band_from, height) {
            if from * FONT_PX <= width {
                height_em = Some(height);
            }
        }
    }
    let height_em = height_em.ok_or_else(|| format!("{RESERVE} holds no height for {lang} at {width} px"))?;
    Ok((height_em * FONT_PX).ceil() as u32)
}

fn from_reserve(reserve: &str, placeholder: &str, lang: &str) -> Result<String> {
    let height_rule = format!(".cds17-root[lang=\"{lang}\"]:not([data-view=\"grid\"]){{min-height:");
    let selector = if lang == "en" {
        format!("{placeholder}[data-lang=en]:not([data-view=grid])::before")
    } else {
        format!("{placeholder}:not([data-view=grid])::before")
    };
    let mut css =
        format!("{placeholder}{{display:block;container-type:inline-size;font-size:max(14px,1em)}}");
    let mut bands = 0;
    for line in reserve.lines() {
        let Some(at) = line.find(&height_rule) else {
            continue;
        };
        let height = line[at + height_rule.len()..]
            .split('}')
            .next()
            .ok_or_else(|| format!("{RESERVE}: a height without its end"))?;
        let rule = format!("{selector}{{height:{height}}}");
        if let Some(band) = line.strip_prefix(BAND) {
            let width = band
                .split(')')
                .next()
                .ok_or_else(|| format!("{RESERVE}: a band without its width"))?;
            css.push_str(&format!("@container (min-width:{width}){{{rule}}}"));
        } else {
            css.push_str(&format!("{selector}{{content:'';float:left;height:{height}}}"));
        }
        bands += 1;
    }
    if bands < 2 {
        return Err(format!("{RESERVE} holds no heights for {lang}"));
    }
    css.push_str(&format!("@media print{{{placeholder}::before{{content:none}}}}"));
    Ok(css)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RESERVE_CSS: &str = "/* generated */\n\
        .cds17-root[lang=\"vi\"]:not([data-view=\"grid\"]){min-height:104.3em}.cds17-root[lang=\"en\"]:not([data-view=\"grid\"]){min-height:123.2em}\n\
        @container cds17-mount (min-width:17.5em){.cds17-root[lang=\"vi\"]:not([data-view=\"grid\"]){min-height:87.0em}.cds17-root[lang=\"en\"]:not([data-view=\"grid\"]){min-height:99.8em}}\n\
        @media print{.cds17-root[data-view]{min-height:0}}\n";

    #[test]
    fn the_snippet_holds_the_same_heights_as_the_frame() {
        assert_eq!(
            from_reserve(RESERVE_CSS, PLACEHOLDERS, "vi").unwrap_or_default(),
            "[data-cds17]{display:block;container-type:inline-size;font-size:max(14px,1em)}\
             [data-cds17]:not([data-view=grid])::before{content:'';float:left;height:104.3em}\
             @container (min-width:17.5em){[data-cds17]:not([data-view=grid])::before{height:87.0em}}\
             @media print{[data-cds17]::before{content:none}}"
        );
        assert!(from_reserve(RESERVE_CSS, PLACEHOLDERS, "en")
            .unwrap_or_default()
            .contains("[data-cds17][data-lang=en]:not([data-view=grid])::before{height:99.8em}"));
        assert!(from_reserve(RESERVE_CSS, "#preview", "vi")
            .unwrap_or_default()
            .starts_with(
                "#preview{display:block;container-type:inline-size;font-size:max(14px,1em)}#preview:not"
            ));
    }

    #[test]
    fn a_frame_is_as_tall_as_the_deck_in_its_band_of_width() {
        assert_eq!(deck_height_in(RESERVE_CSS, "vi", 200.0), Ok(1669));
        assert_eq!(deck_height_in(RESERVE_CSS, "vi", 600.0), Ok(1392));
        assert_eq!(deck_height_in(RESERVE_CSS, "en", 600.0), Ok(1597));
        assert!(deck_height_in("/* nothing */", "vi", 600.0).is_err());
    }

    #[test]
    fn a_stylesheet_without_heights_fails_the_build() {
        assert!(from_reserve("/* nothing */", PLACEHOLDERS, "vi").is_err());
    }
}
