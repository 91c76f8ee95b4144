//! Text into HTML.

use crate::Result;

/// Text made safe for HTML, in an element or in a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `template` (the file `name` under www/) with each `{{key}}` replaced by
/// its value. A key the template lacks, or one left unfilled, stops the
/// build: a page never ships with a hole in it.
pub fn fill(name: &str, template: &str, values: &[(&str, String)]) -> Result<String> {
    let mut page = template.to_string();
    for (key, value) in values {
        if !page.contains(key) {
            return Err(format!("www/{name} has no {key}"));
        }
        page = page.replace(key, value);
    }
    if let Some(at) = page.find("{{") {
        let left: String = page[at..].chars().take(30).collect();
        return Err(format!(
            "www/{name} has a value the build does not fill in: {left}"
        ));
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_is_filled_and_a_hole_in_it_is_an_error() {
        let values = [("{{a}}", "1".to_string())];
        assert_eq!(
            fill("t.html", "<b>{{a}}</b>", &values),
            Ok("<b>1</b>".to_string())
        );
        assert!(fill("t.html", "<b></b>", &values).is_err_and(|e| e.contains("no {{a}}")));
        assert!(fill("t.html", "{{a}}{{b}}", &values).is_err_and(|e| e.contains("{{b}}")));
    }

    #[test]
    fn text_never_becomes_markup() {
        assert_eq!(
            escape("<b>\"A&B\"</b> 'c'"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#39;c&#39;"
        );
    }
}
