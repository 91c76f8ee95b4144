//! The home-screen icons of our pages and the web app manifest that names
//! them: drawn here as SVG and rasterised with resvg, as the Open Graph
//! images are, in the palette's colours.

use std::path::Path;

use resvg::{tiny_skia, usvg};

use crate::files::write;
use crate::words::words;
use crate::Result;

/// The palette's accent and surface: the band and the page behind it.
const ACCENT: &str = "#0a4a8c";
const SURFACE: &str = "#f1f4f8";
const HIGHLIGHT: &str = "#ffd34d";

/// An icon: its file, its size, and whether it may be cut to any shape
/// (`maskable`: everything that matters inside the middle 80 %).
pub struct Icon {
    pub file: &'static str,
    pub size: u32,
    pub maskable: bool,
}

pub const ICONS: [Icon; 3] = [
    Icon {
        file: "icon-192.png",
        size: 192,
        maskable: false,
    },
    Icon {
        file: "icon-512.png",
        size: 512,
        maskable: false,
    },
    Icon {
        file: "icon-maskable-512.png",
        size: 512,
        maskable: true,
    },
];

/// A card turned at its corner, with "17" on it: the deck in one glance.
fn svg(size: u32, maskable: bool) -> String {
    // A maskable icon fills its square and keeps its figure in the middle;
    // the others are a rounded tile.
    let (corner, inset) = if maskable { (0, 0.2) } else { (22, 0.08) };
    let s = size as f32;
    let card = s * (1.0 - 2.0 * inset);
    let x = s * inset;
    let fold = card * 0.28;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}">
<rect width="{size}" height="{size}" rx="{r}" fill="{ACCENT}"/>
<path d="M{x} {x}h{w}l{fold} {fold}v{h}h-{full}z" fill="{SURFACE}"/>
<path d="M{fx} {x}l{fold} {fold}h-{fold}z" fill="{HIGHLIGHT}"/>
<text x="{cx}" y="{ty}" font-size="{fs}" font-weight="700" fill="{ACCENT}" text-anchor="middle">17</text>
</svg>"##,
        r = corner as f32 * s / 100.0,
        w = card - fold,
        h = card - fold,
        full = card,
        fx = x + card - fold,
        cx = x + card / 2.0,
        ty = x + card * 0.72,
        fs = card * 0.5,
    )
}

fn render(icon: &Icon, options: &usvg::Options) -> Result<Vec<u8>> {
    let tree = usvg::Tree::from_str(&svg(icon.size, icon.maskable), options)
        .map_err(|e| format!("{}: {e}", icon.file))?;
    let mut pixmap =
        tiny_skia::Pixmap::new(icon.size, icon.size).ok_or_else(|| format!("cannot make {}", icon.file))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("{}: {e}", icon.file))
}

/// The manifest: our pages installed on a phone's home screen open the
/// standalone page, on its own, in the palette's colours.
pub fn manifest() -> serde_json::Value {
    let w = words("vi");
    serde_json::json!({
        "name": w.name,
        "short_name": "17 điểm CĐS",
        "description": w.cover_line,
        "lang": "vi",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": SURFACE,
        "theme_color": ACCENT,
        "icons": ICONS.iter().map(|icon| serde_json::json!({
            "src": icon.file,
            "sizes": format!("{0}x{0}", icon.size),
            "type": "image/png",
            "purpose": if icon.maskable { "maskable" } else { "any" },
        })).collect::<Vec<_>>(),
    })
}

/// Writes the icons and `manifest.webmanifest` into `dist`; returns their
/// names, for the service worker to keep.
pub fn write_all(dist: &Path) -> Result<Vec<String>> {
    let options = crate::og::options(crate::og::fonts()?);
    let mut names = Vec::new();
    for icon in &ICONS {
        write(&dist.join(icon.file), &render(icon, &options)?)?;
        names.push(icon.file.to_string());
    }
    let text = serde_json::to_string_pretty(&manifest()).map_err(|e| e.to_string())?;
    write(&dist.join("manifest.webmanifest"), text.as_bytes())?;
    names.push("manifest.webmanifest".to_string());
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_has_what_a_phone_needs_to_install_the_page() {
        let manifest = manifest();
        for field in [
            "name",
            "short_name",
            "start_url",
            "scope",
            "display",
            "background_color",
            "theme_color",
        ] {
            assert!(manifest[field].is_string(), "{field}");
        }
        assert_eq!(manifest["display"], "standalone");
        let icons = manifest["icons"].as_array().cloned().unwrap_or_default();
        let sizes: Vec<&str> = icons.iter().filter_map(|icon| icon["sizes"].as_str()).collect();
        assert!(sizes.contains(&"192x192") && sizes.contains(&"512x512"));
        assert!(icons.iter().any(|icon| icon["purpose"] == "maskable"));
    }
}
