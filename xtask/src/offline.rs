//! Our own pages offline: `dist/sw.js`, a service worker that the
//! standalone page, the card pages and the posters register (never
//! `cds17.js`, which runs on other people's pages). It keeps what those
//! pages need, listed here from what the build wrote, under a cache named
//! after their content, so that a release replaces it.

use std::path::Path;

use crate::files::{read, read_text, short_hash, write};
use crate::site::{card_folder, poster_folder};
use crate::{root, Result};

/// The script each of our pages ends with: it registers the worker once
/// the page has loaded (the first visit pays nothing for it), from
/// `root`, the deployment's folder relative to the page. Where the browser
/// has no service workers, or refuses this one, the page works as it is.
pub fn registration(root: &str) -> String {
    format!(
        "<script>if ('serviceWorker' in navigator) addEventListener('load', function () {{ \
         navigator.serviceWorker.register('{root}sw.js').catch(function () {{}}); }});</script>"
    )
}

/// Every page that registers the worker, as a path under dist/.
pub fn pages(cards: usize) -> Vec<String> {
    let mut pages = vec![String::new()];
    for lang in cds17_content::LANGS {
        pages.extend((1..=cards).map(|number| card_folder(lang, number)));
        pages.push(poster_folder(lang).to_string());
    }
    pages
}

/// Writes `dist/sw.js`, keeping `files` (paths under dist/, a folder for
/// its index.html) and the pages.
pub fn write_service_worker(dist: &Path, files: &[String], cards: usize) -> Result {
    let mut keep: Vec<String> = pages(cards);
    keep.extend(files.iter().cloned());
    // The cache is named after what it holds: a release that changes any
    // of it is a new worker, which replaces the old cache.
    let mut content = Vec::new();
    for path in &keep {
        let file = if path.is_empty() || path.ends_with('/') {
            dist.join(path).join("index.html")
        } else {
            dist.join(path)
        };
        content.extend(path.as_bytes());
        content.extend(read(&file)?);
    }
    let list: Vec<String> = keep
        .iter()
        .map(|path| {
            if path.is_empty() {
                "./".to_string()
            } else {
                path.clone()
            }
        })
        .collect();
    let worker = read_text(&root().join("www").join("sw.js"))?
        .replace("__CDS17_CACHE__", &format!("cds17-{}", short_hash(&content)))
        .replace("'__CDS17_PRECACHE__'", &serde_json::Value::from(list).to_string());
    if worker.contains("__CDS17_") {
        return Err("www/sw.js has a value the build does not fill in".into());
    }
    write(&dist.join("sw.js"), worker.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_keeps_the_standalone_page_every_card_page_and_both_posters() {
        let pages = pages(17);
        assert_eq!(pages.len(), 1 + 2 * 17 + 2);
        assert_eq!(pages[0], "");
        assert!(pages.contains(&"en/the/17/".to_string()));
        assert!(pages.contains(&"poster/".to_string()));
    }

    #[test]
    fn a_page_registers_the_worker_of_its_deployment_after_it_has_loaded() {
        let script = registration("../../");
        assert!(script.contains("addEventListener('load'"));
        assert!(script.contains("register('../../sw.js')"));
        assert!(script.contains(".catch("));
    }
}
