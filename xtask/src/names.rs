//! Short names across the wasm's boundary, in the glue.
//!
//! wasm-bindgen names each import after the JS it calls plus a 16-digit hash
//! (`__wbg_addEventListener_847fd86b8c33ec43`), and the exports that call
//! Rust closures from JavaScript after their types
//! (`wasm_bindgen_<hash>___convert__closures_____invoke___<types>`). Each
//! name stands in the module and again in the glue, and hashes do not
//! compress, so visitors pay for them twice.
//!
//! wasm-opt's `--minify-imports-and-exports-and-modules` renames them all in
//! the module and prints the map it used; this applies that map to the glue.
//! It refuses to guess: each import must be a key of the glue's import
//! object exactly once, and each `wasm.<export>` the glue uses must be in the
//! map. A wasm-bindgen that writes its glue differently fails the build
//! instead of shipping a widget that cannot start.

use crate::Result;

/// The module wasm-bindgen's imports come from, as the glue names it.
const GLUE_MODULE: &str = "./cds17_bg.js";
/// The one module wasm-opt merges every import into (binaryen's
/// `SINGLETON_MODULE_NAME`).
const MINIFIED_MODULE: &str = "a";

/// What wasm-opt printed: each import as (module, name, new name), each
/// export as (name, new name).
pub struct NameMap {
    imports: Vec<(String, String, String)>,
    exports: Vec<(String, String)>,
}

impl NameMap {
    pub fn parse(printed: &str) -> Result<NameMap> {
        let unreadable = || "wasm-opt's name map is not what xtask/src/names.rs reads".to_string();
        let map: serde_json::Value = serde_json::from_str(printed).map_err(|_| unreadable())?;
        let rows = |key: &str, width: usize| -> Result<Vec<Vec<String>>> {
            map[key]
                .as_array()
                .ok_or_else(unreadable)?
                .iter()
                .map(|row| {
                    let names = row.as_array().ok_or_else(unreadable)?;
                    let names: Option<Vec<String>> = names
                        .iter()
                        .map(|name| Some(name.as_str()?.to_string()))
                        .collect();
                    names.filter(|names| names.len() == width).ok_or_else(unreadable)
                })
                .collect()
        };
        Ok(NameMap {
            imports: rows("imports", 3)?
                .into_iter()
                .map(|row| (row[0].clone(), row[1].clone(), row[2].clone()))
                .collect(),
            exports: rows("exports", 2)?
                .into_iter()
                .map(|row| (row[0].clone(), row[1].clone()))
                .collect(),
        })
    }

    /// The glue, calling the module by its new names.
    pub fn apply(&self, glue: &str) -> Result<String> {
        let mut glue = glue.to_string();
        for (module, name, new) in &self.imports {
            if module != GLUE_MODULE {
                return Err(format!("unexpected import {module}.{name}"));
            }
            glue = rename_key(&glue, name, new)?;
        }
        let module_key = format!("\"{GLUE_MODULE}\": import0");
        if glue.matches(&module_key).count() != 1 {
            return Err(format!(
                "the glue does not name its import module as `{module_key}` once"
            ));
        }
        glue = glue.replace(&module_key, &format!("{MINIFIED_MODULE}: import0"));
        self.rename_export_uses(&glue)
    }

    /// Every `wasm.<name>` in the glue, renamed.
    fn rename_export_uses(&self, glue: &str) -> Result<String> {
        const USE: &str = "wasm.";
        let mut out = String::with_capacity(glue.len());
        let mut rest = glue;
        while let Some(at) = rest.find(USE) {
            let before = rest[..at].chars().next_back();
            out.push_str(&rest[..at + USE.len()]);
            rest = &rest[at + USE.len()..];
            if before.is_some_and(|c| is_identifier_char(c) || c == '.') {
                continue; // `cds17_bg.wasm.` or `x.wasm.`: not the glue's `wasm`.
            }
            let end = rest.find(|c: char| !is_identifier_char(c)).unwrap_or(rest.len());
            let name = &rest[..end];
            let new = self
                .exports
                .iter()
                .find(|(old, _)| old == name)
                .map(|(_, new)| new)
                .ok_or_else(|| format!("the glue uses export {name}, which the module lacks"))?;
            out.push_str(new);
            rest = &rest[end..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// Renames the import object's key `name:`, which must stand once.
fn rename_key(glue: &str, name: &str, new: &str) -> Result<String> {
    let key = format!("{name}:");
    let found: Vec<usize> = glue
        .match_indices(&key)
        .map(|(at, _)| at)
        .filter(|&at| !glue[..at].chars().next_back().is_some_and(is_identifier_char))
        .collect();
    let [at] = found[..] else {
        return Err(format!("the glue does not define import {name} exactly once"));
    };
    Ok(format!("{}{new}:{}", &glue[..at], &glue[at + key.len()..]))
}

fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &str = r#"{
 "imports": [
  ["./cds17_bg.js", "__wbg_alert_0123", "a"],
  ["./cds17_bg.js", "__wbg_log_4567", "b"]
 ],
"exports": [
  ["memory", "c"],
  ["mount", "d"],
  ["mount_all", "e"]
 ]
}
"#;

    const GLUE: &str = "const import0 = { __proto__: null, __wbg_alert_0123: function() { wasm.mount(wasm.memory); }, __wbg_log_4567: function() { wasm.mount_all(); } };\nreturn { \"./cds17_bg.js\": import0 };";

    #[test]
    fn imports_and_exports_are_renamed_as_wasm_opt_renamed_them() {
        let glue = NameMap::parse(MAP).unwrap().apply(GLUE).unwrap();
        assert_eq!(
            glue,
            "const import0 = { __proto__: null, a: function() { wasm.d(wasm.c); }, b: function() { wasm.e(); } };\nreturn { a: import0 };"
        );
    }

    #[test]
    fn a_glue_that_uses_an_export_the_map_lacks_fails_the_build() {
        let glue = GLUE.replace("wasm.memory", "wasm.table");
        let error = NameMap::parse(MAP).unwrap().apply(&glue).unwrap_err();
        assert!(error.contains("export table"), "{error}");
    }

    #[test]
    fn an_import_the_glue_does_not_define_once_fails_the_build() {
        let twice = GLUE.replace("__wbg_log_4567:", "__wbg_alert_0123:");
        assert!(NameMap::parse(MAP).unwrap().apply(&twice).is_err());
        let missing = GLUE.replace("__wbg_log_4567:", "other:");
        assert!(NameMap::parse(MAP).unwrap().apply(&missing).is_err());
    }

    #[test]
    fn a_name_that_ends_another_is_not_taken_for_it() {
        let glue = GLUE.replace(
            "__wbg_log_4567: function() {",
            "__wbg_log_4567: function() { x__wbg_log_4567: 1; cds17_bg.wasm.memory;",
        );
        let renamed = NameMap::parse(MAP).unwrap().apply(&glue).unwrap();
        assert!(renamed.contains("x__wbg_log_4567: 1; cds17_bg.wasm.memory;"));
    }
}
