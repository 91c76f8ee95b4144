//! The words of our own pages (the card pages, the posters, the fallback)
//! and of the cards' images, in both languages: one place, which each of
//! those modules reads and none of them owns.

/// The explainer's name, as links to it say.
pub const NAME_VI: &str = "17 điểm khác nhau giữa ứng dụng CNTT và chuyển đổi số";

/// Words of the pages (and of their images, `og.rs`), in both languages.
pub struct Words {
    pub name: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub table_caption: &'static str,
    pub source: &'static str,
    /// "Điểm 5/17": a card page's number.
    pub point: &'static str,
    /// The language's name, in itself: the link to the other language.
    pub language: &'static str,
    /// `og:locale`.
    pub locale: &'static str,
    pub all: &'static str,
    pub pager_label: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    /// Under a card page: which text is the original.
    pub translation_note: &'static str,
    /// The posters' page: its name, and the links to it.
    pub posters: &'static str,
    /// The posters' cover: what the 17 points are, in one line.
    pub cover_line: &'static str,
    /// The posters' print button.
    pub print: &'static str,
    /// The posters on screen: how to print them, for the office.
    pub office_line: &'static str,
    /// Beside a card's QR code, and the cover's.
    pub scan_card: &'static str,
    pub scan_all: &'static str,
    /// What a screen reader says of a QR code, before its address.
    pub qr_label: &'static str,
    /// The standalone page's image: what each side of the 17 cards holds.
    pub front_holds: &'static str,
    pub back_holds: &'static str,
}

pub fn words(lang: &str) -> &'static Words {
    if lang == "en" {
        &Words {
            name: "17 differences between applying IT and digital transformation",
            before: "Applying IT",
            after: "Digital transformation",
            table_caption: "The 17 differences (text)",
            source: "Source",
            point: "Point",
            language: "English",
            locale: "en_GB",
            all: "All 17 points",
            pager_label: "The points",
            previous: "← Previous point",
            next: "Next point →",
            translation_note: "The English is a translation; the Vietnamese is the original.",
            posters: "Posters to print (A4)",
            cover_line: "The 17 points published by Vietnam's National Digital Transformation Agency: \
                         on each page, how applying IT works, and how digital transformation works instead.",
            print: "Print",
            office_line:
                "A4 paper, portrait: a cover, then one page per point, each with a QR code to its card.",
            scan_card: "Scan to open this card on a phone",
            scan_all: "Scan to open the 17 cards on a phone",
            qr_label: "QR code to",
            front_holds: "On the front of each of the 17 cards: how applying IT works.",
            back_holds: "On the back: how digital transformation works instead. Flip to compare.",
        }
    } else {
        &Words {
            name: NAME_VI,
            before: "Ứng dụng CNTT",
            after: "Chuyển đổi số",
            table_caption: "17 điểm khác nhau (dạng văn bản)",
            source: "Nguồn",
            point: "Điểm",
            language: "Tiếng Việt",
            locale: "vi_VN",
            all: "Cả 17 điểm",
            pager_label: "Các điểm",
            previous: "← Điểm trước",
            next: "Điểm tiếp →",
            translation_note: "Bản tiếng Anh là bản dịch.",
            posters: "Áp phích để in (A4)",
            cover_line: "17 điểm do Cục Chuyển đổi số quốc gia công bố: mỗi trang một điểm, \
                         cách làm ứng dụng CNTT đặt cạnh cách làm chuyển đổi số.",
            print: "In",
            office_line:
                "Giấy A4, khổ dọc: một trang bìa, rồi mỗi điểm một trang, có mã QR tới thẻ của điểm đó.",
            scan_card: "Quét mã để xem thẻ này trên điện thoại",
            scan_all: "Quét mã để xem 17 thẻ trên điện thoại",
            qr_label: "Mã QR tới",
            front_holds: "Mặt trước mỗi thẻ trong 17 thẻ: cách làm của ứng dụng CNTT.",
            back_holds: "Mặt sau: chuyển đổi số làm khác ở điểm nào. Lật thẻ để so sánh.",
        }
    }
}
