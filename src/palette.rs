//! The widget's colours, for both themes: the one place they are defined.
//!
//! `build.rs` includes this file to write them into the stylesheet as
//! `--_name` custom properties, and the tests below check every pair that
//! meets on screen against WCAG 2.2 AA. Keep this file free of `crate::`
//! paths: the build script compiles it on its own.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// One theme. Field names become custom properties: `back_chip` is
/// `--_back-chip`.
#[derive(Debug)]
pub struct Palette {
    /// The widget's background.
    pub surface: Rgb,
    pub ink: Rgb,
    /// Secondary text: the eyebrow's neighbours, counts, the source line.
    pub muted: Rgb,
    /// The outlines of secondary buttons, which must stand out (3:1).
    pub line: Rgb,
    /// Decorative rules and card edges, which need not.
    pub hairline: Rgb,
    /// The eyebrow above the heading.
    pub brand: Rgb,
    pub focus: Rgb,
    /// Filled buttons (flip, the pressed switch, the current page) and the
    /// back of the cards.
    pub accent: Rgb,
    /// Text on `accent`.
    pub on_accent: Rgb,
    /// The front of a card (applying IT): the card, its label and number.
    pub front: Rgb,
    pub front_chip: Rgb,
    pub front_chip_ink: Rgb,
    pub front_number: Rgb,
    /// The back of a card (digital transformation).
    pub back_chip: Rgb,
    pub back_chip_ink: Rgb,
    pub back_number: Rgb,
    /// A page of the pager the visitor has passed.
    pub done: Rgb,
    pub done_edge: Rgb,
}

pub const LIGHT: Palette = Palette {
    surface: Rgb(0xf1, 0xf4, 0xf8),
    ink: Rgb(0x17, 0x20, 0x2c),
    muted: Rgb(0x4a, 0x56, 0x67),
    line: Rgb(0x7a, 0x86, 0x96),
    hairline: Rgb(0xd5, 0xdb, 0xe3),
    brand: Rgb(0xb3, 0x12, 0x2a),
    focus: Rgb(0x0b, 0x57, 0xd0),
    accent: Rgb(0x0a, 0x4a, 0x8c),
    on_accent: Rgb(0xff, 0xff, 0xff),
    front: Rgb(0xff, 0xff, 0xff),
    front_chip: Rgb(0x50, 0x5b, 0x6a),
    front_chip_ink: Rgb(0xff, 0xff, 0xff),
    front_number: Rgb(0xe6, 0xea, 0xf0),
    back_chip: Rgb(0xff, 0xd3, 0x4d),
    back_chip_ink: Rgb(0x17, 0x20, 0x2c),
    back_number: Rgb(0x2a, 0x62, 0x9c),
    done: Rgb(0xdc, 0xe6, 0xf2),
    done_edge: Rgb(0x0a, 0x4a, 0x8c),
};

pub const DARK: Palette = Palette {
    surface: Rgb(0x0f, 0x15, 0x1d),
    ink: Rgb(0xe7, 0xec, 0xf3),
    muted: Rgb(0xae, 0xb8, 0xc6),
    line: Rgb(0x6b, 0x78, 0x8a),
    hairline: Rgb(0x2d, 0x38, 0x48),
    brand: Rgb(0xff, 0x9a, 0x9a),
    focus: Rgb(0x8a, 0xb4, 0xf8),
    accent: Rgb(0x2d, 0x6f, 0xc4),
    on_accent: Rgb(0xff, 0xff, 0xff),
    front: Rgb(0x1a, 0x23, 0x30),
    front_chip: Rgb(0xb9, 0xc3, 0xd0),
    front_chip_ink: Rgb(0x0f, 0x15, 0x1d),
    front_number: Rgb(0x2b, 0x36, 0x45),
    back_chip: Rgb(0xff, 0xd3, 0x4d),
    back_chip_ink: Rgb(0x17, 0x20, 0x2c),
    back_number: Rgb(0x23, 0x58, 0x9a),
    done: Rgb(0x1d, 0x33, 0x50),
    done_edge: Rgb(0x8a, 0xb4, 0xf8),
};

/// Tokens a host may override, and the public custom property that does it
/// (`--cds17-<name>` on the placeholder).
pub const THEMABLE: &[(&str, &str)] = &[
    ("surface", "surface"),
    ("ink", "ink"),
    ("accent", "accent"),
    ("back-chip", "highlight"),
];

impl Palette {
    /// Every token, named as in CSS (without the `--_`).
    pub fn tokens(&self) -> [(&'static str, Rgb); 18] {
        [
            ("surface", self.surface),
            ("ink", self.ink),
            ("muted", self.muted),
            ("line", self.line),
            ("hairline", self.hairline),
            ("brand", self.brand),
            ("focus", self.focus),
            ("accent", self.accent),
            ("on-accent", self.on_accent),
            ("front", self.front),
            ("front-chip", self.front_chip),
            ("front-chip-ink", self.front_chip_ink),
            ("front-number", self.front_number),
            ("back-chip", self.back_chip),
            ("back-chip-ink", self.back_chip_ink),
            ("back-number", self.back_number),
            ("done", self.done),
            ("done-edge", self.done_edge),
        ]
    }

    /// Text and its background, wherever they meet in the widget: each must
    /// reach 4.5:1.
    pub fn text_pairs(&self) -> [(&'static str, Rgb, Rgb); 16] {
        [
            ("text on the widget", self.ink, self.surface),
            ("secondary text on the widget", self.muted, self.surface),
            ("eyebrow", self.brand, self.surface),
            ("text on the front of a card", self.ink, self.front),
            ("secondary text on a white button", self.muted, self.front),
            ("front label", self.front_chip_ink, self.front_chip),
            ("front number", self.ink, self.front_number),
            ("text on the back of a card", self.on_accent, self.accent),
            ("back label", self.back_chip_ink, self.back_chip),
            ("back number", self.on_accent, self.back_number),
            ("filled buttons", self.on_accent, self.accent),
            ("a page passed", self.ink, self.done),
            ("link to a card", self.accent_text(), self.surface),
            ("text on the switches", self.ink, self.front),
            ("copy status", self.ink, self.surface),
            ("count", self.ink, self.surface),
        ]
    }

    /// What must stand out from what is next to it (WCAG 1.4.11): each
    /// must reach 3:1.
    pub fn ui_pairs(&self) -> [(&'static str, Rgb, Rgb); 7] {
        [
            (
                "a pressed switch against an unpressed one",
                self.accent,
                self.front,
            ),
            ("focus ring on the widget", self.focus, self.surface),
            ("focus ring on a white button", self.focus, self.front),
            ("outline of a button", self.line, self.surface),
            ("outline of a button on white", self.line, self.front),
            ("a filled button on the widget", self.accent, self.surface),
            ("edge of a page passed", self.done_edge, self.surface),
        ]
    }

    /// Links on the surface use the accent in light and the focus blue in
    /// dark, where the accent is too dark to read.
    pub fn accent_text(&self) -> Rgb {
        if relative_luminance(self.surface) > 0.5 {
            self.accent
        } else {
            self.focus
        }
    }
}

/// WCAG 2.x relative luminance.
pub fn relative_luminance(Rgb(r, g, b): Rgb) -> f64 {
    let channel = |value: u8| {
        let c = f64::from(value) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// WCAG 2.x contrast ratio, from 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (lighter, darker) = if la > lb { (la, lb) } else { (lb, la) };
    (lighter + 0.05) / (darker + 0.05)
}

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        let Rgb(r, g, b) = self;
        let digits = b"0123456789abcdef";
        let mut hex = String::from("#");
        for byte in [r, g, b] {
            hex.push(char::from(digits[usize::from(byte >> 4)]));
            hex.push(char::from(digits[usize::from(byte & 15)]));
        }
        hex
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_is_computed_as_wcag_defines_it() {
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast(Rgb(0x77, 0x77, 0x77), Rgb(255, 255, 255)) - 4.48).abs() < 0.01);
    }

    #[test]
    fn all_text_reaches_4_5_to_1_in_both_themes() {
        for (theme, palette) in [("light", &LIGHT), ("dark", &DARK)] {
            for (what, text, background) in palette.text_pairs() {
                let ratio = contrast(text, background);
                assert!(ratio >= 4.5, "{theme}: {what} is {ratio:.2}:1");
            }
        }
    }

    #[test]
    fn controls_and_focus_reach_3_to_1_in_both_themes() {
        for (theme, palette) in [("light", &LIGHT), ("dark", &DARK)] {
            for (what, part, background) in palette.ui_pairs() {
                let ratio = contrast(part, background);
                assert!(ratio >= 3.0, "{theme}: {what} is {ratio:.2}:1");
            }
        }
    }

    #[test]
    fn hex_is_lowercase_rrggbb() {
        assert_eq!(Rgb(0x0a, 0x4a, 0x8c).hex(), "#0a4a8c");
    }
}
