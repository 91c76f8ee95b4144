//! QR codes for the posters, as inline SVG: made here at build time, so a
//! poster needs no script and no image request, and prints crisp at any
//! size.

use qrcode::{Color, EcLevel, QrCode};

use crate::html::escape;
use crate::Result;

/// The light border every reader needs around a code, in modules: the
/// standard's minimum.
pub const QUIET_ZONE: usize = 4;

/// `text` as a QR code at error correction M (a code stays readable with
/// 15 % of it smudged or torn), drawn as one SVG path of dark runs, with
/// the quiet zone inside the picture. `label` is what a screen reader says
/// of it.
pub fn svg(text: &str, label: &str) -> Result<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| format!("no QR code for {text}: {e}"))?;
    let modules = code.width();
    let colors = code.to_colors();
    let size = modules + 2 * QUIET_ZONE;
    let mut path = String::new();
    for (y, row) in colors.chunks(modules).enumerate() {
        let mut x = 0;
        while x < modules {
            if row[x] == Color::Light {
                x += 1;
                continue;
            }
            let start = x;
            while x < modules && row[x] == Color::Dark {
                x += 1;
            }
            let run = x - start;
            path.push_str(&format!(
                "M{} {}h{run}v1h-{run}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE
            ));
        }
    }
    Ok(format!(
        "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" \
         role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\"><path d=\"{path}\"/></svg>",
        escape(label)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_square_with_its_quiet_zone_and_draws_only_dark_runs() {
        let drawn = svg("https://example.gov.vn/cds17/the/8/", "Mã QR").unwrap_or_default();
        // Version 3 (29 modules) holds this URL at level M; 4 on each side.
        assert!(drawn.contains("viewBox=\"0 0 37 37\""), "{drawn}");
        // The top-left finder starts at the quiet zone's edge, 7 modules wide.
        assert!(drawn.contains("<path d=\"M4 4h7v1h-7z"), "{drawn}");
        assert!(!drawn.contains("M0 "), "nothing is drawn in the quiet zone");
    }

    #[test]
    fn the_label_is_escaped() {
        let drawn = svg("https://example.gov.vn/", "a \"b\" <c>").unwrap_or_default();
        assert!(drawn.contains("aria-label=\"a &quot;b&quot; &lt;c&gt;\""));
    }
}
