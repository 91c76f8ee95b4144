//! Each card's Open Graph image: 1200×630 PNG, drawn at build time as SVG
//! with the Noto fonts (social sites ignore SVG images) and rasterised by
//! resvg. It shows the number, the title and the two sides, the text of a
//! side cut short where it does not fit.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use resvg::{tiny_skia, usvg};

use cds17_content::{Card, Content};

use crate::html::escape;
use crate::Result;

const WIDTH: u32 = 1200;
const HEIGHT: u32 = 630;

/// Roughly how wide a character of Noto Sans is, in ems: enough to wrap
/// lines so that they stay inside their box.
const REGULAR_ADVANCE: f32 = 0.5;
const BOLD_ADVANCE: f32 = 0.55;

/// What every image is drawn with: the fonts, loaded once for all 17.
pub fn options(fonts: Vec<Vec<u8>>) -> usvg::Options<'static> {
    let mut options = usvg::Options {
        font_family: "Noto Sans".to_string(),
        ..usvg::Options::default()
    };
    for font in fonts {
        options.fontdb_mut().load_font_data(font);
    }
    options
}

/// Card `card`'s image in `lang`: what a social site shows of its page.
pub fn render(content: &Content, card: &Card, lang: &str, options: &usvg::Options) -> Result<Vec<u8>> {
    rasterise(&svg(content, card, lang), options).map_err(|e| format!("card {}: {e}", card.number))
}

/// The standalone page's image, in `lang`: the explainer's name and what
/// the two sides of its cards hold.
pub fn render_cover(content: &Content, lang: &str, options: &usvg::Options) -> Result<Vec<u8>> {
    rasterise(&cover_svg(content, lang), options).map_err(|e| format!("the standalone page: {e}"))
}

fn rasterise(svg: &str, options: &usvg::Options) -> Result<Vec<u8>> {
    let tree = usvg::Tree::from_str(svg, options).map_err(|e| format!("the image's SVG: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("cannot make a 1200×630 image")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("PNG: {e}"))
}

/// The frame every image shares: the background, the band with the
/// explainer's name in capitals above `title` (beside the card's number,
/// if there is one), the two sides' panels, and the source at the foot.
fn frame(content: &Content, lang: &str, number: Option<usize>, title: &str, sides: (&str, &str)) -> String {
    let words = crate::words::words(lang);
    let heading = escape(&words.name.to_uppercase());
    let (before, after) = (words.before.to_uppercase(), words.after.to_uppercase());
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">
<rect width="{WIDTH}" height="{HEIGHT}" fill="#f1f4f8"/>
<rect width="{WIDTH}" height="214" fill="#0a4a8c"/>
<text x="60" y="58" font-size="22" font-weight="700" letter-spacing="1.5" fill="#cfe0f5">{heading}</text>
"##
    );
    let title_x = match number {
        Some(number) => {
            let _ = write!(
                svg,
                r##"<circle cx="96" cy="134" r="36" fill="#ffffff"/>
<text x="96" y="147" font-size="36" font-weight="700" fill="#0a4a8c" text-anchor="middle">{number}</text>
"##
            );
            156.0
        }
        None => 60.0,
    };
    let title_lines = wrap(title, 1136.0 - title_x, 38.0, BOLD_ADVANCE, 2);
    let title_top = if title_lines.len() == 1 { 148.0 } else { 124.0 };
    lines(
        &mut svg,
        &title_lines,
        title_x,
        title_top,
        46.0,
        38,
        "700",
        "#ffffff",
    );
    side(
        &mut svg,
        60.0,
        &before,
        sides.0,
        ("#ffffff", "#505b6a", "#505b6a", "#17202c"),
    );
    side(
        &mut svg,
        615.0,
        &after,
        sides.1,
        ("#0a4a8c", "#ffd34d", "#ffd34d", "#ffffff"),
    );
    let _ = write!(
        svg,
        r##"<text x="60" y="606" font-size="18" fill="#4a5667">{} · {}</text>
</svg>"##,
        escape(content.source.letter(lang)),
        escape(content.source.issuer(lang))
    );
    svg
}

fn cover_svg(content: &Content, lang: &str) -> String {
    let words = crate::words::words(lang);
    frame(
        content,
        lang,
        None,
        words.name,
        (words.front_holds, words.back_holds),
    )
}

fn svg(content: &Content, card: &Card, lang: &str) -> String {
    let text = card.text(lang);
    frame(
        content,
        lang,
        Some(card.number),
        &text.title,
        (&text.before, &text.after),
    )
}

/// One side of the card: a panel with its label and as much of its text as
/// fits. `colours`: panel, top edge, label, text.
fn side(svg: &mut String, x: f32, label: &str, text: &str, colours: (&str, &str, &str, &str)) {
    let (panel, edge, label_colour, ink) = colours;
    let _ = write!(
        svg,
        r##"<rect x="{x}" y="244" width="525" height="326" rx="18" fill="{panel}" stroke="#d5dbe3"/>
<rect x="{x}" y="244" width="525" height="10" rx="5" fill="{edge}"/>
<text x="{}" y="292" font-size="20" font-weight="700" letter-spacing="1.2" fill="{label_colour}">{}</text>
"##,
        x + 30.0,
        escape(label)
    );
    let text_lines = wrap(text, 465.0, 24.0, REGULAR_ADVANCE, 7);
    lines(svg, &text_lines, x + 30.0, 336.0, 34.0, 24, "400", ink);
}

#[allow(clippy::too_many_arguments)]
fn lines(
    svg: &mut String,
    lines: &[String],
    x: f32,
    top: f32,
    step: f32,
    size: u32,
    weight: &str,
    fill: &str,
) {
    for (index, line) in lines.iter().enumerate() {
        let _ = writeln!(
            svg,
            r#"<text x="{x}" y="{}" font-size="{size}" font-weight="{weight}" fill="{fill}">{}</text>"#,
            top + step * index as f32,
            escape(line)
        );
    }
}

/// Words into lines of at most `width` px at `size` px, at most `max_lines`
/// of them; text that does not fit ends in an ellipsis.
fn wrap(text: &str, width: f32, size: f32, advance: f32, max_lines: usize) -> Vec<String> {
    let per_line = (width / (size * advance)).floor() as usize;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let fits = current.chars().count() + 1 + word.chars().count() <= per_line;
        if current.is_empty() || fits {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        } else {
            lines.push(std::mem::take(&mut current));
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while last.chars().count() + 1 > per_line {
                match last.rfind(' ') {
                    Some(at) => last.truncate(at),
                    None => break,
                }
            }
            last.push('…');
        }
    }
    lines
}

/// The Noto fonts of Debian's fonts-noto-core: every Vietnamese diacritic.
const FONT_DIR: &str = "/usr/share/fonts/truetype/noto";
const FONT_FILES: [&str; 2] = ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf"];

/// The fonts the images are drawn with.
pub fn fonts() -> Result<Vec<Vec<u8>>> {
    FONT_FILES
        .iter()
        .map(|name| {
            let path = Path::new(FONT_DIR).join(name);
            fs::read(&path).map_err(|e| {
                format!(
                    "{}: {e} (Debian's fonts-noto-core has it; cargo xtask installs it)",
                    path.display()
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit_and_what_does_not_fit_ends_in_an_ellipsis() {
        let text = "một hai ba bốn năm sáu bảy tám chín mười ".repeat(20);
        let lines = wrap(&text, 465.0, 24.0, REGULAR_ADVANCE, 7);
        assert_eq!(lines.len(), 7);
        let per_line = (465.0 / (24.0 * REGULAR_ADVANCE)).floor() as usize;
        assert!(lines.iter().all(|line| line.chars().count() <= per_line));
        assert!(lines[6].ends_with('…'));
    }

    #[test]
    fn short_text_is_one_line_without_an_ellipsis() {
        assert_eq!(
            wrap("Từ chi phí sang giá trị", 980.0, 38.0, BOLD_ADVANCE, 2),
            vec!["Từ chi phí sang giá trị"]
        );
    }
}
