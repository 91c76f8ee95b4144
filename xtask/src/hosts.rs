//! The pages that embed the widget from another origin, as a real site
//! would: the sample host page (`www/host/`, at `/`) and the test pages
//! (`tests/e2e/hosts/`, at `/test/`). They name where the widget is served
//! with placeholders, which are filled in here, once, into a folder that
//! nginx serves as it is (`nginx.rs`).

use std::fs;
use std::path::{Path, PathBuf};

use crate::files::{read_text, recreate, write};
use crate::{hold, root, Result};

/// Where host pages write the address of the widget's folder, as in
/// `{{CDS17_BASE}}/cds17.js`.
const BASE_PLACEHOLDER: &str = "{{CDS17_BASE}}";

/// Where a host page wants the copy-paste snippet of `dist/manifest.json`,
/// as a webmaster would paste it, pointed at where dist/ is served.
const SNIPPET_PLACEHOLDER: &str = "{{CDS17_SNIPPET}}";

/// Where a host page wants the snippet's `<style>` that holds the widget's
/// height from the first paint (see xtask/src/hold.rs).
const HOLD_PLACEHOLDER: &str = "{{CDS17_HOLD}}";

/// The script a WordPress page runs to show and size the frames of the
/// links pasted into it, from Debian's `wordpress` package.
const WORDPRESS_EMBED_SCRIPT: &str = "/usr/share/wordpress/wp-includes/js/wp-embed.js";

/// Writes the host pages for a widget served at `widget_base` (no trailing
/// slash) into `into`, and returns that folder.
pub fn render(widget_base: &str, into: &Path) -> Result<PathBuf> {
    recreate(into)?;
    let snippet = snippet(widget_base)?;
    let hold = format!("<style>{}</style>", hold::hold_css("vi")?);
    let fill = |text: String| {
        text.replace(BASE_PLACEHOLDER, widget_base)
            .replace(SNIPPET_PLACEHOLDER, &snippet)
            .replace(HOLD_PLACEHOLDER, &hold)
    };
    let root = root();
    for (from, to) in [
        (root.join("www").join("host"), into.to_path_buf()),
        (root.join("tests").join("e2e").join("hosts"), into.join("test")),
    ] {
        fs::create_dir_all(&to).map_err(|e| format!("{}: {e}", to.display()))?;
        for entry in fs::read_dir(&from).map_err(|e| format!("{}: {e}", from.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            let Some(name) = path.file_name() else {
                continue;
            };
            write(&to.join(name), fill(read_text(&path)?).as_bytes())?;
        }
    }
    // WordPress's own wp-embed.js, for the page that frames embed.html as
    // a WordPress post does, where the tests' WordPress is installed
    // (`wordpress.rs`).
    let wp_embed = Path::new(WORDPRESS_EMBED_SCRIPT);
    if wp_embed.exists() {
        write(
            &into.join("test").join("wp-embed.js"),
            &crate::files::read(wp_embed)?,
        )?;
    }
    Ok(into.to_path_buf())
}

/// The snippet from `dist/manifest.json`, its base URL replaced by where the
/// widget is served now.
fn snippet(widget_base: &str) -> Result<String> {
    let manifest = crate::dist::read_manifest(&root().join("dist"))?;
    let snippet = manifest["snippet"].as_str().unwrap_or_default();
    let base_url = manifest["base_url"].as_str().unwrap_or_default();
    Ok(if base_url.is_empty() {
        snippet.to_string()
    } else {
        snippet.replace(base_url, &format!("{widget_base}/"))
    })
}
