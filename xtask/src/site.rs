//! Where our pages are on a deployment: the address `dist/` is served
//! from (`--base-url`), checked before anything is written with it, and
//! the folders of the pages under it.

use crate::Result;

/// `url` if it is an absolute `http(s)` address of a folder (ending in
/// `/`), which every absolute link, `og:url` and QR code starts with.
/// Anything else stops the build: a poster printed with a code to a
/// relative or wrong address cannot be taken back.
pub fn checked_base_url(url: &str) -> Result<String> {
    let refuse = || {
        Err(format!(
            "--base-url must be an absolute http:// or https:// address ending in /, \
             such as https://example.gov.vn/cds17/; got {url:?}"
        ))
    };
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return refuse();
    };
    let host = rest.split('/').next().unwrap_or_default();
    let unsafe_character = |c: char| c.is_whitespace() || c.is_control() || "\"'<>\\`^{}|?#".contains(c);
    let host_is_plain = !host.is_empty()
        && !host.starts_with(['.', ':', '-'])
        && host.chars().all(|c| c.is_alphanumeric() || ".-:[]".contains(c));
    if !host_is_plain || !rest.ends_with('/') || rest.contains("//") || url.contains(unsafe_character) {
        return refuse();
    }
    Ok(url.to_string())
}

/// From a page in `folder` (under dist/, ending in `/`) back to dist/:
/// `../../` for `the/5/`.
pub fn back_to_root(folder: &str) -> String {
    "../".repeat(folder.matches('/').count())
}

/// Where card `number`'s page in `lang` is, under dist/: `the/N/` for
/// Vietnamese, `en/the/N/` for English.
pub fn card_folder(lang: &str, number: usize) -> String {
    if lang == "en" {
        format!("en/the/{number}/")
    } else {
        format!("the/{number}/")
    }
}

/// Where the posters in `lang` are, under dist/.
pub fn poster_folder(lang: &str) -> &'static str {
    if lang == "en" {
        "en/poster/"
    } else {
        "poster/"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_absolute_folder_address_is_taken_as_it_is() {
        for url in [
            "https://example.gov.vn/cds17/",
            "http://127.0.0.1:8017/cds17/",
            "https://xn--chuynis-v5a.vn/",
        ] {
            assert_eq!(checked_base_url(url), Ok(url.to_string()));
        }
    }

    #[test]
    fn a_bad_base_url_is_refused_with_one_line_naming_the_flag_and_the_value() {
        for url in [
            "",
            "/cds17/",
            "cds17/",
            "example.gov.vn/cds17/",
            "https://example.gov.vn/cds17",
            "ftp://example.gov.vn/cds17/",
            "https:///cds17/",
            "https://example.gov.vn//cds17/",
            "https://example.gov.vn/cds 17/",
            "https://example.gov.vn/cds17/?a=b/",
            "https://example.gov.vn/cds17/#top/",
            "https://exa\"mple.gov.vn/",
            "javascript:alert(1)//",
        ] {
            let Err(message) = checked_base_url(url) else {
                panic!("{url:?} was taken");
            };
            assert!(message.starts_with("--base-url "), "{message}");
            assert!(message.contains(&format!("{url:?}")), "{message}");
            assert!(!message.contains('\n'), "{message}");
        }
    }
}
