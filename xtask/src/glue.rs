//! Cuts from wasm-bindgen's glue what the loader never calls, so visitors
//! do not download it: `initSync` (the loader instantiates asynchronously)
//! and the guess of the wasm's address from `document.currentScript` (the
//! loader always passes the response it fetched). Each cut must match the
//! glue exactly once; a new wasm-bindgen that writes it differently fails
//! the build instead of shipping a broken loader.

use crate::Result;

/// `(what, text)`: text that goes, named for the error message.
const CUTS: &[(&str, &str)] = &[
    (
        "the address guess",
        "    let script_src;
    if (typeof document !== 'undefined' && document.currentScript !== null) {
        script_src = new URL(document.currentScript.src, location.href).toString();
    }
",
    ),
    (
        "the use of the address guess",
        "        if (module_or_path === undefined && script_src !== undefined) {
            module_or_path = script_src.replace(/\\.js$/, \"_bg.wasm\");
        }
",
    ),
];

const INIT_SYNC_START: &str = "    function initSync(module) {";
const INIT_SYNC_END: &str = "    let __wbg_init_promise;";
const EXPORTS_WITH_INIT_SYNC: &str = "return Object.assign(__wbg_init, { initSync }, exports);";
const EXPORTS: &str = "return Object.assign(__wbg_init, exports);";

pub fn trim(glue: &str) -> Result<String> {
    let mut glue = glue.to_string();
    for (what, text) in CUTS {
        glue = replace_once(&glue, text, "", what)?;
    }
    let start = find_once(&glue, INIT_SYNC_START, "initSync")?;
    let end = find_once(&glue, INIT_SYNC_END, "the end of initSync")?;
    if end < start {
        return Err("the glue's initSync is not where it was".into());
    }
    glue.replace_range(start..end, "");
    replace_once(&glue, EXPORTS_WITH_INIT_SYNC, EXPORTS, "the exports")
}

fn find_once(glue: &str, text: &str, what: &str) -> Result<usize> {
    match glue.match_indices(text).map(|(at, _)| at).collect::<Vec<_>>()[..] {
        [at] => Ok(at),
        _ => Err(format!(
            "wasm-bindgen's glue no longer holds {what} exactly once: xtask/src/glue.rs needs updating"
        )),
    }
}

fn replace_once(glue: &str, text: &str, with: &str, what: &str) -> Result<String> {
    let at = find_once(glue, text, what)?;
    let mut out = String::with_capacity(glue.len());
    out.push_str(&glue[..at]);
    out.push_str(with);
    out.push_str(&glue[at + text.len()..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glue_that_changed_shape_fails_the_build() {
        assert!(trim("let wasm_bindgen = (function(exports) {})({});").is_err());
    }
}
