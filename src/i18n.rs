//! The widget's own words, in Vietnamese and English.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The BCP 47 code, for `lang` attributes and the `cds17:ready` event.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

/// Every piece of UI text. A field per string, so a missing translation is a
/// compile error rather than a blank button.
#[derive(Debug)]
pub struct Strings {
    pub eyebrow: &'static str,
    pub heading: &'static str,
    pub before_label: &'static str,
    pub after_label: &'static str,
    pub flip: &'static str,
    pub side_before: &'static str,
    pub side_after: &'static str,
    pub card_word: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub previous_card: &'static str,
    pub next_card: &'static str,
    pub nav_label: &'static str,
    pub jump_label: &'static str,
    pub view_label: &'static str,
    pub view_deck: &'static str,
    pub view_grid: &'static str,
    pub lang_label: &'static str,
    pub source_prefix: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub link_not_copied: &'static str,
}

static VI: Strings = Strings {
    eyebrow: "Nhận thức chung về chuyển đổi số",
    heading: "17 điểm khác nhau giữa ứng dụng CNTT và chuyển đổi số",
    before_label: "Ứng dụng CNTT",
    after_label: "Chuyển đổi số",
    flip: "Lật thẻ",
    side_before: "mặt Ứng dụng CNTT",
    side_after: "mặt Chuyển đổi số",
    card_word: "Thẻ",
    previous: "Trước",
    next: "Tiếp",
    previous_card: "Thẻ trước",
    next_card: "Thẻ tiếp theo",
    nav_label: "Điều hướng giữa các thẻ",
    jump_label: "Đến thẻ",
    view_label: "Cách xem",
    view_deck: "Từng thẻ",
    view_grid: "Tất cả",
    lang_label: "Ngôn ngữ",
    source_prefix: "Nguồn:",
    copy_link: "Sao chép liên kết",
    link_copied: "Đã sao chép liên kết",
    link_not_copied: "Không sao chép được. Hãy sao chép địa chỉ trên thanh địa chỉ của trình duyệt.",
};

static EN: Strings = Strings {
    eyebrow: "A shared understanding of digital transformation",
    heading: "17 differences between applying IT and digital transformation",
    before_label: "Applying IT",
    after_label: "Digital transformation",
    flip: "Flip card",
    side_before: "Applying IT side",
    side_after: "Digital transformation side",
    card_word: "Card",
    previous: "Previous",
    next: "Next",
    previous_card: "Previous card",
    next_card: "Next card",
    nav_label: "Card navigation",
    jump_label: "Go to card",
    view_label: "View",
    view_deck: "One by one",
    view_grid: "All cards",
    lang_label: "Language",
    source_prefix: "Source:",
    copy_link: "Copy link",
    link_copied: "Link copied",
    link_not_copied: "Could not copy it. Please copy the address from the browser’s address bar.",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn all_fields(strings: &Strings) -> Vec<&'static str> {
        let Strings {
            eyebrow,
            heading,
            before_label,
            after_label,
            flip,
            side_before,
            side_after,
            card_word,
            previous,
            next,
            previous_card,
            next_card,
            nav_label,
            jump_label,
            view_label,
            view_deck,
            view_grid,
            lang_label,
            source_prefix,
            copy_link,
            link_copied,
            link_not_copied,
        } = strings;
        vec![
            eyebrow,
            heading,
            before_label,
            after_label,
            flip,
            side_before,
            side_after,
            card_word,
            previous,
            next,
            previous_card,
            next_card,
            nav_label,
            jump_label,
            view_label,
            view_deck,
            view_grid,
            lang_label,
            source_prefix,
            copy_link,
            link_copied,
            link_not_copied,
        ]
    }

    #[test]
    fn every_ui_string_exists_in_both_languages() {
        for lang in [Lang::Vi, Lang::En] {
            for text in all_fields(lang.strings()) {
                assert!(!text.trim().is_empty(), "{lang:?} has an empty string");
            }
        }
    }

    #[test]
    fn the_two_languages_are_really_translated() {
        let vi = all_fields(Lang::Vi.strings());
        let en = all_fields(Lang::En.strings());
        let same: Vec<_> = vi.iter().zip(&en).filter(|(v, e)| v == e).collect();
        assert!(same.is_empty(), "untranslated: {same:?}");
    }
}
