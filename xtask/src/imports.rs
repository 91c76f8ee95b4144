//! Short import and export names.
//!
//! wasm-bindgen names each import after the JS it calls plus a 16-digit hash
//! (`__wbg_addEventListener_847fd86b8c33ec43`), and the name stands twice:
//! in the wasm's import section and in the glue's import object. Hashes do
//! not compress, so visitors pay for them. This renames every import to a
//! short name in both places, and refuses to guess: each old name must be a
//! key of the glue's import object exactly once.
//!
//! The exports that call Rust closures from JavaScript have long names too
//! (`wasm_bindgen_<hash>___convert__closures_____invoke___<types>`); they
//! become `$x0`, `$x1`, … in the module and in the glue's `wasm.<name>(`.

use crate::Result;

const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;
/// What the names of the closure-calling exports contain.
const CLOSURE_EXPORT: &str = "__convert__closures";
const GLUE_MODULE: &str = "./cds17_bg.js";
const SHORT_MODULE: &str = "w";

pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String)> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        return Err("not a wasm module".into());
    }
    let mut out = wasm[..8].to_vec();
    let mut glue = glue.to_string();
    let mut at = 8;
    let mut renamed = false;
    while at < wasm.len() {
        let id = wasm[at];
        let (size, payload_at) = read_leb(wasm, at + 1)?;
        let end = payload_at + size as usize;
        let payload = wasm.get(payload_at..end).ok_or("truncated section")?;
        if id == IMPORT_SECTION {
            let new_payload = rename_imports(payload, &mut glue)?;
            out.push(id);
            write_leb(&mut out, new_payload.len() as u32);
            out.extend_from_slice(&new_payload);
            renamed = true;
        } else if id == EXPORT_SECTION {
            let new_payload = rename_closure_exports(payload, &mut glue)?;
            out.push(id);
            write_leb(&mut out, new_payload.len() as u32);
            out.extend_from_slice(&new_payload);
        } else {
            out.extend_from_slice(&wasm[at..end]);
        }
        at = end;
    }
    if !renamed {
        return Err("the module has no import section".into());
    }
    let module_key = format!("\"{GLUE_MODULE}\": import0");
    if glue.matches(&module_key).count() != 1 {
        return Err(format!(
            "the glue does not name its import module as `{module_key}` once"
        ));
    }
    glue = glue.replace(&module_key, &format!("{SHORT_MODULE}: import0"));
    Ok((out, glue))
}

fn rename_imports(payload: &[u8], glue: &mut String) -> Result<Vec<u8>> {
    let (count, mut at) = read_leb(payload, 0)?;
    let mut out = Vec::with_capacity(payload.len());
    write_leb(&mut out, count);
    for index in 0..count {
        let (module, next) = read_name(payload, at)?;
        let (field, next) = read_name(payload, next)?;
        let kind = *payload.get(next).ok_or("truncated import")?;
        if module != GLUE_MODULE || kind != 0 {
            return Err(format!("unexpected import {module}.{field} (kind {kind})"));
        }
        let (_, desc_end) = read_leb(payload, next + 1)?;
        let short = short_name(index);
        let key = format!("{field}:");
        if glue.matches(&key).count() != 1 {
            return Err(format!("the glue does not define import {field} exactly once"));
        }
        *glue = glue.replacen(&key, &format!("{short}:"), 1);
        write_name(&mut out, SHORT_MODULE);
        write_name(&mut out, &short);
        out.extend_from_slice(&payload[next..desc_end]);
        at = desc_end;
    }
    if at != payload.len() {
        return Err("trailing bytes in the import section".into());
    }
    Ok(out)
}

fn rename_closure_exports(payload: &[u8], glue: &mut String) -> Result<Vec<u8>> {
    let (count, mut at) = read_leb(payload, 0)?;
    let mut out = Vec::with_capacity(payload.len());
    write_leb(&mut out, count);
    let mut renamed = 0;
    for _ in 0..count {
        let (name, next) = read_name(payload, at)?;
        let (_, desc_end) = read_leb(payload, next + 1)?;
        if name.contains(CLOSURE_EXPORT) {
            let short = format!("$x{renamed}");
            renamed += 1;
            let call = format!("wasm.{name}(");
            if !glue.contains(&call) {
                return Err(format!("the glue never calls export {name}"));
            }
            *glue = glue.replace(&call, &format!("wasm.{short}("));
            write_name(&mut out, &short);
        } else {
            write_name(&mut out, &name);
        }
        out.extend_from_slice(&payload[next..desc_end]);
        at = desc_end;
    }
    if at != payload.len() {
        return Err("trailing bytes in the export section".into());
    }
    Ok(out)
}

/// a, b, …, z, ba, bb, …: valid JS identifiers, none a keyword.
fn short_name(mut index: u32) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'a' + (index % 26) as u8);
        index /= 26;
        if index == 0 {
            break;
        }
    }
    name.reverse();
    // Two letters could spell `do`, `if` or `in`; a leading `$` never clashes.
    format!("${}", String::from_utf8_lossy(&name))
}

fn read_leb(bytes: &[u8], mut at: usize) -> Result<(u32, usize)> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(at).ok_or("truncated number")?;
        at += 1;
        value |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
    }
    Err("number too long".into())
}

fn write_leb(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn read_name(bytes: &[u8], at: usize) -> Result<(String, usize)> {
    let (len, start) = read_leb(bytes, at)?;
    let end = start + len as usize;
    let name = bytes.get(start..end).ok_or("truncated name")?;
    Ok((String::from_utf8_lossy(name).into_owned(), end))
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len() as u32);
    out.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two functions from the glue, and nothing else.
    fn module(names: &[&str]) -> Vec<u8> {
        let mut imports = Vec::new();
        write_leb(&mut imports, names.len() as u32);
        for name in names {
            write_name(&mut imports, GLUE_MODULE);
            write_name(&mut imports, name);
            imports.extend_from_slice(&[0, 0]);
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]); // one type: () -> ()
        wasm.push(IMPORT_SECTION);
        write_leb(&mut wasm, imports.len() as u32);
        wasm.extend_from_slice(&imports);
        wasm
    }

    const GLUE: &str = "const import0 = { __proto__: null, __wbg_alert_0123: function() {}, __wbg_log_4567: function() {} };\nreturn { \"./cds17_bg.js\": import0 };";

    #[test]
    fn imports_are_renamed_alike_in_the_module_and_the_glue() {
        let (wasm, glue) = shorten(&module(&["__wbg_alert_0123", "__wbg_log_4567"]), GLUE).unwrap();
        assert_eq!(wasm, {
            let mut expected = b"\0asm\x01\0\0\0".to_vec();
            expected.extend_from_slice(&[1, 4, 1, 0x60, 0, 0, IMPORT_SECTION, 15, 2]);
            expected.extend_from_slice(&[1, b'w', 2, b'$', b'a', 0, 0, 1, b'w', 2, b'$', b'b', 0, 0]);
            expected
        });
        assert!(glue.contains("$a: function() {}, $b: function() {}"));
        assert!(glue.contains("return { w: import0 }"));
        assert!(!glue.contains("__wbg_"));
    }

    #[test]
    fn closure_exports_are_renamed_alike_in_the_module_and_the_glue() {
        let mut wasm = module(&["__wbg_alert_0123", "__wbg_log_4567"]);
        let long = "wasm_bindgen_0123___convert__closures_____invoke___JsValue";
        let mut exports = Vec::new();
        write_leb(&mut exports, 2);
        for name in [long, "mount"] {
            write_name(&mut exports, name);
            exports.extend_from_slice(&[0, 0]);
        }
        wasm.push(EXPORT_SECTION);
        write_leb(&mut wasm, exports.len() as u32);
        wasm.extend_from_slice(&exports);
        let glue = format!("{GLUE}\nfunction f(a) {{ wasm.{long}(a); wasm.mount(a); }}");
        let (wasm, glue) = shorten(&wasm, &glue).unwrap();
        assert!(glue.contains("wasm.$x0(a); wasm.mount(a);"));
        let text = String::from_utf8_lossy(&wasm);
        assert!(text.contains("$x0") && text.contains("mount") && !text.contains("closures"));
    }

    #[test]
    fn an_import_the_glue_does_not_define_is_refused() {
        assert!(shorten(&module(&["__wbg_missing_89ab"]), GLUE).is_err());
    }

    #[test]
    fn short_names_are_distinct() {
        let names: std::collections::HashSet<String> = (0..2000).map(short_name).collect();
        assert_eq!(names.len(), 2000);
    }
}
