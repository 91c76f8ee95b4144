//! Reading and writing files, and what names them: the helpers every
//! xtask command shares.

use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::Result;

/// A Subresource Integrity value: `sha384-` and the digest in base64.
pub fn integrity(bytes: &[u8]) -> String {
    use base64::Engine as _;
    let digest = sha2::Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Ten hex digits of SHA-256: names change whenever content does.
pub fn short_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(5).map(|byte| format!("{byte:02x}")).collect()
}

/// Copies the folder `from` into a fresh `to`, whole.
pub fn copy_tree(from: &Path, to: &Path) -> Result {
    recreate(to)?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let Some(name) = path.file_name() else {
            continue;
        };
        if path.is_dir() {
            copy_tree(&path, &to.join(name))?;
        } else {
            fs::copy(&path, to.join(name)).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// Where `cargo xtask bench` and `cargo xtask lighthouse` write their
/// tables, between their markers.
pub const SPEED_DOC: &str = "docs/speed.md";

/// Replaces what stands between the markers `start` and `end` in the file
/// at `path` (under the repository) with `text`, keeping the markers.
pub fn replace_between(path: &str, start: &str, end: &str, text: &str) -> Result {
    let file = crate::root().join(path);
    let old = read_text(&file)?;
    let (Some(from), Some(to)) = (old.find(start), old.find(end)) else {
        return Err(format!("{path} lacks the {start} … {end} markers"));
    };
    let updated = format!("{}{start}\n{text}{}", &old[..from], &old[to..]);
    write(&file, updated.as_bytes())
}

pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

pub fn recreate(dir: &Path) -> Result {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))
}

pub fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn write(path: &Path, bytes: &[u8]) -> Result {
    fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn file_size(path: &Path) -> Result<u64> {
    fs::metadata(path)
        .map(|meta| meta.len())
        .map_err(|e| format!("{}: {e}", path.display()))
}

pub fn path_str(path: &Path) -> String {
    path.display().to_string()
}
